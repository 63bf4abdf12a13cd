/* bw-window-import.c — BwWindow's import, export and dropped files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-compat.h"
#include "bw-export-otm.h"
#include "bw-export-threat-dragon.h"
#include "bw-mapping-report-dialog.h"
#include "bw-project-io.h"
#include "bw-window-private.h"

static void
show_error (BwWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BwWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  if (!(file = bw_compat_choose_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not choose a file"), error->message);
      return;
    }

  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    bw_application_import_file (BW_APPLICATION (app), file, GTK_WINDOW (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Threat Models (Threat Dragon, OTM, .tm7)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.otm");
  gtk_file_filter_add_pattern (filter, "*.tm7");
  gtk_file_filter_add_mime_type (filter, "application/json");

  bw_compat_choose_file_filtered_async (GTK_WINDOW (widget), BW_FILE_CHOOSER_OPEN,
                                        _("Import Threat Model"), _("_Import"),
                                        NULL, NULL, filter,
                                        NULL, import_chosen_cb, g_object_ref (widget));
}

/* Export */

typedef enum
{
  EXPORT_THREAT_DRAGON,
  EXPORT_OTM,
} ExportFormat;

static gboolean
parse_export_format (const char   *name,
                     ExportFormat *format)
{
  if (g_strcmp0 (name, "threat-dragon") == 0)
    *format = EXPORT_THREAT_DRAGON;
  else if (g_strcmp0 (name, "otm") == 0)
    *format = EXPORT_OTM;
  else
    return FALSE;

  return TRUE;
}

gboolean
bw_window_export_to_file (BwWindow    *self,
                          const char  *format_name,
                          GFile       *file,
                          GPtrArray  **notes,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autofree char *path = NULL;
  ExportFormat format;

  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!parse_export_format (format_name, &format))
    g_return_val_if_reached (FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Bulwark can only export to a local file."));
      return FALSE;
    }

  if (format == EXPORT_OTM)
    bytes = bw_export_otm (self->project, &report);
  else
    bytes = bw_export_threat_dragon (self->project, &report);

  if (!bw_write_file_atomically (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  if (notes != NULL)
    *notes = g_steal_pointer (&report);

  return TRUE;
}

static void
show_export_notes (BwWindow     *self,
                   ExportFormat  format,
                   const char   *file_name,
                   GPtrArray    *notes)
{
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  /* Nothing to say beyond "done": a toast, which does not interrupt. */
  if (notes == NULL || notes->len == 0)
    {
      title = g_strdup_printf (_("Exported “%s”"), file_name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  /* What the other tool cannot hold deserves to be read, not to fade. */
  dialog = bw_mapping_report_dialog_new_for_export (GTK_WINDOW (self), file_name,
                                                    format == EXPORT_OTM ? _("Open Threat Model")
                                                                         : _("Threat Dragon"),
                                                    notes);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the answer of the chooser needs to know. */
typedef struct
{
  BwWindow *window;
  char     *format_name;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->window);
  g_free (request->format_name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  BwWindow *self = request->window;
  const char *format_name = request->format_name;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *name = NULL;
  ExportFormat format = EXPORT_THREAT_DRAGON;

  if (!(file = bw_compat_choose_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not choose a file"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  if (!bw_window_export_to_file (self, format_name, file, &notes, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), name);

      show_error (self, heading, error->message);
      return;
    }

  parse_export_format (format_name, &format);
  show_export_notes (self, format, name, notes);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *format_name = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = bw_project_dup_display_name (self->project);
  g_autofree char *initial_name = NULL;
  const char *title;
  ExportRequest *request;
  ExportFormat format;

  if (!parse_export_format (format_name, &format))
    return;

  if (g_str_has_suffix (name, ".bulwark"))
    name[strlen (name) - strlen (".bulwark")] = '\0';

  if (format == EXPORT_OTM)
    {
      title = _("Export as Open Threat Model");
      gtk_file_filter_set_name (filter, _("Open Threat Model (JSON)"));
      /* .otm alone is an OpenDocument template to the desktop. */
      initial_name = g_strconcat (name, ".otm.json", NULL);
    }
  else
    {
      title = _("Export as Threat Dragon Model");
      gtk_file_filter_set_name (filter, _("Threat Dragon v2 Model (JSON)"));
      initial_name = g_strconcat (name, ".json", NULL);
    }
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  request->format_name = g_strdup (format_name);
  bw_compat_choose_file_filtered_async (GTK_WINDOW (self), BW_FILE_CHOOSER_SAVE,
                                        title, _("_Export"),
                                        NULL, initial_name, filter,
                                        NULL, export_chosen_cb, request);
}

/* Dropped files */

gboolean
bw_window_open_dropped_file (BwWindow *self,
                             GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (app == NULL)
    return FALSE;

  /* The same way as opening from the desktop: a project opens, a model of
   * another tool is imported, anything else is refused with a message. */
  bw_application_open_file (BW_APPLICATION (app), file, GTK_WINDOW (self));

  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BwWindow      *self)
{
  gboolean accepted = FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l; l = l->next)
        accepted |= bw_window_open_dropped_file (self, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      accepted = bw_window_open_dropped_file (self, g_value_get_object (value));
    }

  return accepted;
}

void
_bw_window_class_import_init (BwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

void
_bw_window_import_init (BwWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
