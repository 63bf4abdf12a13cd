/* bw-components-page-import.c — importing SBOMs and known vulnerabilities
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each import is one command of the core, so one Ctrl+Z takes it back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-compat.h"
#include "bw-components-page-private.h"
#include "bw-sbom.h"
#include "bw-vuln-import.h"

static GtkWidget *
report_dialog_new (BwComponentsPage *self,
                   const char       *heading,
                   const char       *body,
                   const char       *details)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  if (details != NULL && *details != '\0')
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  return dialog;
}

static GtkWindow *
error_dialog (BwComponentsPage *self,
              const char       *heading,
              GError           *error)
{
  GtkWidget *dialog = report_dialog_new (self, heading, error->message, NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
sbom_response_cb (BwComponentsPage *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  BwSbom *sbom = g_object_get_data (G_OBJECT (dialog), "sbom");
  BwSbomMergeFlags flags = BW_SBOM_MERGE_NONE;
  g_autoptr(BwSbomReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "keep"))
    flags |= BW_SBOM_MERGE_KEEP_REMOVED;
  else if (!g_str_equal (response, "import"))
    return;
  if (self->project == NULL)
    return;
  if (!bw_sbom_import (self->project, sbom, flags, &report, &error))
    error_dialog (self, _("Could Not Import the SBOM"), error);
}

static void
append_change (GString            *text,
               const BwSbomChange *change)
{
  const char *version = change->version && *change->version ? change->version : NULL;

  switch (change->kind)
    {
    case BW_SBOM_CHANGE_ADDED:
      /* Translators: a line of the SBOM import report, "+ zlib 1.3" */
      g_string_append_printf (text, _("+ %s %s"), change->name, version ? version : "");
      break;
    case BW_SBOM_CHANGE_REMOVED:
      /* Translators: a line of the SBOM import report, "− zlib 1.2" */
      g_string_append_printf (text, _("− %s %s"), change->name, version ? version : "");
      break;
    case BW_SBOM_CHANGE_CHANGED:
      /* Translators: a line of the SBOM import report, "~ zlib: version 1.2 → 1.3" */
      g_string_append_printf (text, _("~ %s:"), change->name);
      for (guint i = 0; change->members && change->members[i]; i++)
        g_string_append_printf (text, " %s “%s” → “%s”", change->members[i],
                                change->old_values[i], change->new_values[i]);
      break;
    }
  g_string_append_c (text, '\n');
}

GtkWindow *
bw_components_page_import_sbom (BwComponentsPage *self,
                                GFile            *file)
{
  g_autoptr(BwSbom) sbom = NULL;
  g_autoptr(BwSbomReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (BW_IS_COMPONENTS_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A dry run first: the merge removes what the SBOM no longer lists,
   * with its assessment, so the user sees that before it happens. */
  if (!(sbom = bw_sbom_load_file (file, NULL, &error)) ||
      !bw_sbom_import (self->project, sbom, BW_SBOM_MERGE_DRY_RUN, &report, &error))
    return error_dialog (self, _("Could Not Import the SBOM"), error);

  for (guint i = 0; i < report->changes->len; i++)
    append_change (details, g_ptr_array_index (report->changes, i));

  basename = g_file_get_basename (file);
  /* Translators: "<file> (CycloneDX 1.5): 3 components to add, …" */
  body = g_strdup_printf (_("%s (%s): %u to add, %u to remove, %u to change, %u unchanged."),
                          basename, sbom->format, report->n_added, report->n_removed,
                          report->n_changed, report->n_unchanged);
  dialog = report_dialog_new (self, _("Import SBOM?"), body, details->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (report->n_removed > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Missing"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", _("_Import"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              report->n_removed > 0 ? ADW_RESPONSE_DESTRUCTIVE
                                                                    : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sbom", g_steal_pointer (&sbom), (GDestroyNotify) bw_sbom_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sbom_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
bw_components_page_import_vulnerabilities (BwComponentsPage *self,
                                           GFile            *file)
{
  g_autoptr(BwVulnReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *body = NULL;
  guint n_added = 0;
  GtkWidget *dialog;

  g_return_val_if_fail (BW_IS_COMPONENTS_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!bw_vuln_import_file (self->project, file, BW_VULN_IMPORT_NONE, &report, NULL, &error))
    return error_dialog (self, _("Could Not Import the Vulnerabilities"), error);

  for (guint i = 0; i < report->changes->len; i++)
    {
      BwVulnChange *change = g_ptr_array_index (report->changes, i);
      BwRecord *component = bw_project_lookup (self->project, change->component_id);
      const char *name = BW_IS_COMPONENT (component) ? bw_component_get_name (BW_COMPONENT (component))
                                                     : change->component_id;

      n_added += change->added;
      if (change->added)
        /* Translators: a line of the vulnerability import report, "+ CVE-2024-1 in zlib" */
        g_string_append_printf (details, _("+ %s in %s"), change->vulnerability_id, name);
      else
        {
          g_autofree char *members = g_strjoinv (", ", change->members);

          /* Translators: "~ CVE-2024-1 in zlib: status, kev" */
          g_string_append_printf (details, _("~ %s in %s: %s"), change->vulnerability_id, name, members);
        }
      g_string_append_c (details, '\n');
    }
  for (guint i = 0; i < report->unmatched->len; i++)
    {
      /* Translators: something in the file that matched no component */
      g_string_append_printf (details, _("? %s: no such component"), (char *) g_ptr_array_index (report->unmatched, i));
      g_string_append_c (details, '\n');
    }

  /* Translators: "OSV: 4 read, 2 new, 1 updated, 1 without a component." */
  body = g_strdup_printf (_("%s: %u read, %u new, %u updated, %u without a component."),
                          bw_vuln_source_get_name (report->source), report->n_read, n_added,
                          report->changes->len - n_added, report->unmatched->len);
  dialog = report_dialog_new (self, _("Vulnerabilities Imported"), body, details->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

typedef enum
{
  IMPORT_SBOM,
  IMPORT_VULNERABILITIES,
} ImportKind;

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BwComponentsPage) self = user_data;
  g_autoptr(GFile) file = bw_compat_choose_file_finish (result, NULL);
  ImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "import-kind"));

  if (file == NULL || self->project == NULL)
    return;
  if (kind == IMPORT_SBOM)
    bw_components_page_import_sbom (self, file);
  else
    bw_components_page_import_vulnerabilities (self, file);
}

void
_bw_components_page_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean sbom = g_str_equal (action_name, "components.import-sbom");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  g_object_set_data (G_OBJECT (widget), "import-kind",
                     GINT_TO_POINTER (sbom ? IMPORT_SBOM : IMPORT_VULNERABILITIES));
  bw_compat_choose_file_filtered_async (GTK_WINDOW (gtk_widget_get_root (widget)), BW_FILE_CHOOSER_OPEN,
                                        sbom ? _("Import SBOM") : _("Import Vulnerabilities"), _("_Import"),
                                        NULL, NULL, filter, NULL, chosen_cb, g_object_ref (widget));
}
