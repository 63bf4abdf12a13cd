/* bw-mapping-report-dialog.c — what an import or export could not map
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-mapping-report-dialog.h"

struct _BwMappingReportDialog
{
  AdwMessageDialog   parent_instance;

  GtkScrolledWindow *scrolled;
  GtkListBox        *list;
  guint              n_items;
};

G_DEFINE_FINAL_TYPE (BwMappingReportDialog, bw_mapping_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
bw_mapping_report_dialog_class_init (BwMappingReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-mapping-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BwMappingReportDialog, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BwMappingReportDialog, list);
}

static void
bw_mapping_report_dialog_init (BwMappingReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
add_item (BwMappingReportDialog *self,
          const char           *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  /* Report lines name IDs and paths: long, so they wrap anywhere. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* A natural width near the dialog's own: otherwise the list asks for
   * the height of unwrapped lines and hides the last ones. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
  self->n_items++;
}

static char *
describe_counts (BwProject *project)
{
  guint n_diagrams = g_list_model_get_n_items (bw_project_get_diagrams (project));
  guint n_elements = g_list_model_get_n_items (bw_project_get_elements (project));
  guint n_threats = g_list_model_get_n_items (bw_project_get_threats (project));
  g_autofree char *diagrams = NULL;
  g_autofree char *elements = NULL;
  g_autofree char *threats = NULL;

  diagrams = g_strdup_printf (ngettext ("%u diagram", "%u diagrams", n_diagrams), n_diagrams);
  elements = g_strdup_printf (ngettext ("%u element", "%u elements", n_elements), n_elements);
  threats = g_strdup_printf (ngettext ("%u threat", "%u threats", n_threats), n_threats);

  /* Translators: "2 diagrams, 14 elements and 20 threats" */
  return g_strdup_printf (_("%s, %s and %s"), diagrams, elements, threats);
}

static BwMappingReportDialog *
dialog_new (GtkWindow *parent,
            GPtrArray *lines)
{
  BwMappingReportDialog *self;

  self = g_object_new (BW_TYPE_MAPPING_REPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    add_item (self, g_ptr_array_index (lines, i));
  gtk_widget_set_visible (GTK_WIDGET (self->scrolled), self->n_items > 0);

  return self;
}

GtkWidget *
bw_mapping_report_dialog_new_for_import (GtkWindow      *parent,
                                         const char     *file_name,
                                         BwImportFormat  format,
                                         BwProject      *project,
                                         GPtrArray      *report)
{
  BwMappingReportDialog *self;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  g_autofree char *mapped = NULL;
  guint n = report != NULL ? report->len : 0;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = dialog_new (parent, report);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Imported “%s”"), file_name);

  counts = describe_counts (project);
  if (n == 0)
    mapped = g_strdup (_("Everything was mapped."));
  else
    mapped = g_strdup_printf (ngettext ("%u item could not be mapped; it is listed below.",
                                        "%u items could not be mapped; they are listed below.",
                                        n), n);

  /* Translators: 1: the format ("Threat Dragon v2 model"), 2: the counts,
   * 3: whether everything was mapped. The project has no file yet. */
  body = g_strdup_printf (_("%s with %s. It is not saved yet: save it to keep it as a Bulwark project.\n\n%s"),
                          bw_import_format_describe (format), counts, mapped);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  return GTK_WIDGET (self);
}

GtkWidget *
bw_mapping_report_dialog_new_for_export (GtkWindow  *parent,
                                         const char *file_name,
                                         const char *format_name,
                                         GPtrArray  *notes)
{
  BwMappingReportDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (format_name != NULL, NULL);

  self = dialog_new (parent, notes);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Exported “%s”"), file_name);
  /* Translators: %s is the other tool, e.g. "Threat Dragon" */
  body = g_strdup_printf (_("%s has no place for some of this project; the project itself keeps everything."),
                          format_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  return GTK_WIDGET (self);
}

guint
bw_mapping_report_dialog_get_n_items (BwMappingReportDialog *self)
{
  g_return_val_if_fail (BW_IS_MAPPING_REPORT_DIALOG (self), 0);

  return self->n_items;
}
