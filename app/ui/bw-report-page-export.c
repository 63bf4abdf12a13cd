/* bw-report-page-export.c — the Report page's export, open and print
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Printing draws the very pages the PDF writer draws (bw-report-pages.h),
 * laid out on the printer's paper.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-compat.h"
#include "bw-model.h"
#include "bw-report-pages.h"
#include "bw-report-page-private.h"

void
_bw_report_page_toast (BwReportPage *self,
                       const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

char *
bw_report_page_dup_default_name (BwReportPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (BW_IS_REPORT_PAGE (self), NULL);

  if (self->project != NULL)
    title = g_strdup (bw_model_get_title (bw_project_get_model (self->project)));
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled project"));
    }
  /* TRANSLATORS: an exported report's file name: "project title – document" */
  name = g_strdup_printf (_("%s – %s.%s"), title, bw_report_document_title (self->document),
                          bw_report_format_extension (self->format));
  /* A title is free text; a file name may not hold a folder separator. */
  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

gboolean
bw_report_page_export_to_file (BwReportPage  *self,
                               GFile         *file,
                               GError       **error)
{
  g_autoptr(BwReport) report = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BW_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (self->project == NULL || path == NULL)
    {
      g_set_error (&local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Reports can only be written to a local folder"));
    }
  else
    {
      report = bw_report_build (self->project, self->document);
      bw_report_write (report, self->format, path, written, &local);
    }
  if (local != NULL)
    {
      _bw_report_page_toast (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_set_object (&self->last_export, file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.open-last", TRUE);
  basename = g_file_get_basename (file);
  if (written->len > 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported “%s” and %u file beside it",
                                            "Exported “%s” and %u files beside it", written->len - 1),
                               basename, written->len - 1);
  else
    message = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "report.open-last");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

void
_bw_report_page_open_last (BwReportPage *self)
{
  if (self->last_export == NULL)
    return;
  bw_compat_open_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->last_export);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BwReportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = bw_compat_choose_file_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _bw_report_page_toast (self, error->message);
      return;
    }
  bw_report_page_export_to_file (self, file, NULL);
}

static GtkFileFilter *
format_filter_new (BwReportFormat format)
{
  static const char * const mime_types[] = {
    [BW_REPORT_FORMAT_HTML] = "text/html",
    [BW_REPORT_FORMAT_MARKDOWN] = "text/markdown",
    [BW_REPORT_FORMAT_CSV] = "text/csv",
    [BW_REPORT_FORMAT_PDF] = "application/pdf",
  };
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", bw_report_format_extension (format), NULL);

  gtk_file_filter_set_name (filter, bw_report_format_describe (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  return filter;
}

void
_bw_report_page_export_clicked (BwReportPage *self)
{
  g_autoptr(GtkFileFilter) filter = format_filter_new (self->format);
  g_autofree char *name = bw_report_page_dup_default_name (self);
  g_autoptr(GFile) folder = NULL;
  GFile *project_file;

  if (self->project == NULL)
    return;
  /* Beside the last export, else beside the project file. */
  if (self->last_export != NULL)
    folder = g_file_get_parent (self->last_export);
  else if ((project_file = bw_project_get_file (self->project)) != NULL)
    folder = g_file_get_parent (project_file);

  bw_compat_choose_file_filtered_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        BW_FILE_CHOOSER_SAVE, _("Export Report"), _("_Export"),
                                        folder, name, filter, self->cancellable,
                                        export_chosen_cb, g_object_ref (self));
}

/* ---- Printing ----------------------------------------------------------- */

typedef struct
{
  BwReport      *report;
  BwReportPages *pages;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->pages, bw_report_pages_free);
  g_clear_object (&job->report);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  /* The paper the user picked, in points (the operation's unit). */
  job->pages = bw_report_pages_new (job->report, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, bw_report_pages_get_n (job->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->pages != NULL && page >= 0 && (guint) page < bw_report_pages_get_n (job->pages))
    bw_report_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), page);
}

static GtkPrintOperation *
print_operation_new (BwReportPage *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autofree char *name = bw_report_page_dup_default_name (self);

  job->report = bw_report_build (self->project, self->document);
  /* The report draws its own margins and header, as on a PDF page. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "bw-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               BwReportPage            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _bw_report_page_toast (self, error != NULL ? error->message : _("The report could not be printed"));
    }
  g_object_unref (self);
}

void
_bw_report_page_print_clicked (BwReportPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  operation = print_operation_new (self);
  /* Asynchronous: the window stays usable while the dialog is open. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _bw_report_page_toast (self, error->message);
}

gboolean
bw_report_page_print_to_pdf (BwReportPage  *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (BW_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->project == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no project to print"));
      return FALSE;
    }
  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
