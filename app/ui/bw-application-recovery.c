/* bw-application-recovery.c — after a crash: offer to restore the
 * recovery copies the windows left behind
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application-private.h"
#include "bw-recovery.h"
#include "bw-window-private.h"

typedef struct
{
  BwApplication *app;
  GPtrArray     *entries;  /* BwRecoveryEntry */
  GPtrArray     *checks;   /* GtkCheckButton, one per entry */
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->app);
  g_clear_pointer (&offer->entries, g_ptr_array_unref);
  g_clear_pointer (&offer->checks, g_ptr_array_unref);
  g_free (offer);
}

static void
show_problem (GtkWindow  *parent,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard (BwRecoveryEntry *entry,
         GtkWindow       *parent)
{
  g_autoptr(GError) error = NULL;

  if (!bw_recovery_entry_discard (entry, &error))
    show_problem (parent, _("Could not delete a recovery copy"), error->message);
}

static GtkWindow *
find_clean_window_for (BwApplication *self,
                       GFile         *file)
{
  if (file == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      BwProject *shown;

      if (!BW_IS_WINDOW (l->data))
        continue;
      shown = bw_window_get_project (l->data);
      if (bw_project_get_file (shown) != NULL && g_file_equal (bw_project_get_file (shown), file) &&
          !bw_project_get_modified (shown))
        return l->data;
    }

  return NULL;
}

/* The project opens modified, attached to its file; its copy moves to the
 * new window's name at once, so a second crash loses nothing. */
static GtkWindow *
restore (Offer           *offer,
         BwRecoveryEntry *entry,
         GtkWindow       *parent)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if ((project = bw_recovery_entry_load (entry, &error)) == NULL)
    {
      g_autofree char *name = bw_recovery_entry_dup_display_name (entry);
      g_autofree char *heading = g_strdup_printf (_("Could not restore “%s”"), name);
      g_autofree char *dir = bw_recovery_dup_default_dir ();
      g_autofree char *message = NULL;

      /* Translators: %s is why a recovery copy does not load, %s the folder it stays in */
      message = g_strdup_printf (_("%s\n\nThe copy stays in %s and is offered again at the next start."),
                                 error->message, dir);
      show_problem (parent, heading, message);
      return parent;
    }

  /* Started with the same file (its saved state shown, untouched): that
   * window takes the restored work, one window per project. */
  window = find_clean_window_for (offer->app, bw_project_get_file (project));
  if (window != NULL)
    {
      bw_window_set_project (BW_WINDOW (window), project);
      gtk_window_present (window);
    }
  else
    window = bw_application_new_window (offer->app, project);
  if (!_bw_window_recovery_save_now (BW_WINDOW (window), &error))
    {
      /* The old copy is kept: it is the only one on disk. */
      g_warning ("Could not write the recovery copy of a restored project: %s", error->message);
      return window;
    }

  discard (entry, window);
  return window;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Offer            *offer)
{
  g_autoptr(GtkWindow) held = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (offer->app));
  /* A restored project's window replaces the start page the dialog sits
   * on: detach the dialog first (GTK 4.8 does not expect its parent to go
   * before it) and keep the page alive for messages until then; later
   * messages go over the newest window. */
  if (parent != NULL)
    held = g_object_ref (parent);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "restore"))
    {
      for (guint i = 0; i < offer->entries->len; i++)
        {
          BwRecoveryEntry *entry = g_ptr_array_index (offer->entries, i);

          if (gtk_check_button_get_active (g_ptr_array_index (offer->checks, i)))
            parent = restore (offer, entry, parent);
          else
            discard (entry, parent);
        }
    }
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < offer->entries->len; i++)
        discard (g_ptr_array_index (offer->entries, i), parent);
    }
  /* "later": the copies stay and are offered at the next start. */
}

static char *
describe_saved (BwRecoveryEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (bw_recovery_entry_get_saved (entry));
  g_autofree char *when = g_date_time_format (local, "%x, %H:%M");
  const char *title = bw_recovery_entry_get_title (entry);

  if (bw_recovery_entry_get_original_file (entry) != NULL && *title != '\0')
    /* Translators: a recovery copy: "<model title> · copied <date and time>" */
    return g_strdup_printf (_("%s · copied %s"), title, when);

  /* Translators: when a recovery copy was written; %s is a date and time */
  return g_strdup_printf (_("Copied %s"), when);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  AdwMessageDialog *dialog)
{
  Offer *offer = g_object_get_data (G_OBJECT (dialog), "offer");
  gboolean any = FALSE;

  for (guint i = 0; i < offer->checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (offer->checks, i));

  /* Restoring none is discarding all: say so with the button. */
  adw_message_dialog_set_response_enabled (dialog, "restore", any);
}

GtkWindow *
bw_application_offer_recovery (BwApplication *self,
                               GtkWindow     *parent)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  Offer *offer;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dir = bw_recovery_dup_default_dir ();
  entries = bw_recovery_list_orphans (dir);
  if (entries->len == 0)
    return NULL;

  offer = g_new0 (Offer, 1);
  offer->app = g_object_ref (self);
  offer->entries = g_ptr_array_ref (entries);
  offer->checks = g_ptr_array_new_with_free_func (g_object_unref);

  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Work?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Bulwark quit before your changes to this project were saved. "
                                            "Restore them from the automatic copy, then save the project "
                                            "to keep them.",
                                            "Bulwark quit before your changes to these projects were saved. "
                                            "Choose the ones to restore from their automatic copies (the "
                                            "others are deleted), then save each to keep its changes.",
                                            entries->len));
  /* A title for window lists and the accessibility tree. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore Unsaved Work"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recovery Copies"),
                                  -1);
  for (guint i = 0; i < entries->len; i++)
    {
      BwRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = bw_recovery_entry_dup_display_name (entry);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *saved = describe_saved (entry);
      g_autofree char *saved_escaped = g_markup_escape_text (saved, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), saved_escaped);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), dialog);
      /* One copy: restoring it or not is what the buttons say, and the
       * check (always on) stays out of the row. */
      if (entries->len > 1)
        {
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (offer->checks, g_object_ref_sink (check));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  g_object_set_data_full (G_OBJECT (dialog), "offer", offer, (GDestroyNotify) offer_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
