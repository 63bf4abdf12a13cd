/* bw-window-export.c — the current diagram to SVG, PNG or PDF
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A short dialog asks for the format and the background first, then the
 * file chooser asks where; the painter is the one `bulwark-cli render`
 * uses (bw-render.h), so a GUI export and a pipeline's agree.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-compat.h"
#include "bw-render.h"
#include "bw-window-private.h"

static const char * const extensions[] = { "svg", "png", "pdf", NULL };

typedef struct
{
  BwWindow *window;      /* owned */
  char     *diagram_id;
  guint     format;      /* index into extensions */
  gboolean  transparent;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export->diagram_id);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static const char *
current_diagram (BwWindow *self)
{
  if (self->selected_key == NULL || !g_str_has_prefix (self->selected_key, "diagram:"))
    return NULL;
  return self->selected_key + strlen ("diagram:");
}

static void
toast (BwWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The extension of `path` when it is one we write, else -1. */
static int
format_of (const char *path)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return -1;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return (int) i;
  return -1;
}

gboolean
bw_window_export_diagram (BwWindow    *self,
                          const char  *diagram_id,
                          const char  *path,
                          gboolean     transparent,
                          GError     **error)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (diagram_id != NULL && path != NULL, FALSE);

  /* Exports are for paper and slides: the light palette, no selection. */
  return bw_render_diagram_export (self->project, diagram_id, path, NULL, transparent, error);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = bw_compat_choose_file_finish (result, &error);
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (export->window, error->message);
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (export->window, _("Diagrams can only be exported to local files"));
      return;
    }
  /* A name typed without (or with another) known extension gets the
   * format chosen in the dialog. */
  if (format_of (path) < 0)
    {
      g_autofree char *with = g_strconcat (path, ".", extensions[export->format], NULL);

      g_free (path);
      path = g_steal_pointer (&with);
    }
  if (!bw_window_export_diagram (export->window, export->diagram_id, path, export->transparent, &error))
    {
      toast (export->window, error->message);
      return;
    }
  basename = g_path_get_basename (path);
  message = g_strdup_printf (_("Exported to “%s”"), basename);
  toast (export->window, message);
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BwWindow         *self)
{
  GtkDropDown *format = g_object_get_data (G_OBJECT (dialog), "format");
  GtkCheckButton *transparent = g_object_get_data (G_OBJECT (dialog), "transparent");
  const char *diagram_id = g_object_get_data (G_OBJECT (dialog), "diagram");
  BwRecord *diagram = bw_project_lookup (self->project, diagram_id);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  Export *export;

  if (g_strcmp0 (response, "export") != 0 || !BW_IS_DIAGRAM (diagram))
    return;

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->diagram_id = g_strdup (diagram_id);
  export->format = MIN (gtk_drop_down_get_selected (format), 2);
  export->transparent = export->format != 2 && gtk_check_button_get_active (transparent);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("SVG, PNG and PDF Pictures"));
  for (guint i = 0; extensions[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strconcat ("*.", extensions[i], NULL);

      gtk_file_filter_add_pattern (filter, pattern);
    }
  name = g_strconcat (bw_diagram_get_name (BW_DIAGRAM (diagram)), ".", extensions[export->format], NULL);
  /* A name is a file name: no directory separators from a diagram name. */
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  bw_compat_choose_file_filtered_async (GTK_WINDOW (self), BW_FILE_CHOOSER_SAVE,
                                        _("Export Diagram"), _("_Export"),
                                        NULL, name, filter, NULL, chosen_cb, export);
}

static void
format_changed_cb (GtkDropDown    *format,
                   GParamSpec     *pspec,
                   GtkCheckButton *transparent)
{
  /* A PDF page has a background of its own. */
  gtk_widget_set_sensitive (GTK_WIDGET (transparent), gtk_drop_down_get_selected (format) != 2);
}

static void
export_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *id = current_diagram (self);
  BwRecord *diagram = id ? bw_project_lookup (self->project, id) : NULL;
  static const char * const formats[] = { N_("SVG (scalable, for documents)"),
                                          N_("PNG (picture, for slides and web)"),
                                          N_("PDF (for printing)"), NULL };
  const char *translated[G_N_ELEMENTS (formats)];
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *format, *transparent, *label;

  if (!BW_IS_DIAGRAM (diagram))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    translated[i] = formats[i] ? _(formats[i]) : NULL;
  heading = g_strdup_printf (_("Export “%s”"), bw_diagram_get_name (BW_DIAGRAM (diagram)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The whole diagram is drawn, fitted to its content, in light colours."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Format"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  format = gtk_drop_down_new_from_strings (translated);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), format);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (format), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  transparent = gtk_check_button_new_with_mnemonic (_("_Transparent background"));
  g_signal_connect (format, "notify::selected", G_CALLBACK (format_changed_cb), transparent);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), format);
  gtk_box_append (GTK_BOX (box), transparent);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "format", format);
  g_object_set_data (G_OBJECT (dialog), "transparent", transparent);
  g_object_set_data_full (G_OBJECT (dialog), "diagram", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (options_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_bw_window_class_export_init (BwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-diagram", NULL, export_diagram_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-diagram", NULL);
}
