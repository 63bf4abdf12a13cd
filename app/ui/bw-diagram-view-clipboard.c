/* bw-diagram-view-clipboard.c — copy, cut, paste and duplicate on the canvas
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The clipboard carries the selection as format-1 JSON (bw-clipboard.c),
 * both under its own MIME type and as plain text, so it travels between
 * windows, projects and text editors alike. A paste gets new IDs and lands
 * a little offset when it would cover what it was copied from.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-clipboard.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"

#define PASTE_OFFSET 20.0

static gboolean
paste_text (BwDiagramView *self,
            const char    *text,
            double         dx,
            double         dy,
            GError       **error)
{
  g_auto(GStrv) new_ids = NULL;
  g_auto(GStrv) before = NULL;
  g_autoptr(BwCommand) command = NULL;
  BwCommandStack *stack;

  if (self->project == NULL || self->diagram_id == NULL)
    return FALSE;
  command = bw_clipboard_paste_command (self->project, self->diagram_id, text, dx, dy, &new_ids, error);
  if (command == NULL)
    return FALSE;

  stack = bw_project_get_command_stack (self->project);
  before = g_strdupv ((char **) bw_diagram_view_get_selection (self));
  bw_command_set_selection (command, (const char * const *) before, (const char * const *) new_ids);
  bw_command_stack_seal (stack);
  if (!bw_command_stack_execute (stack, command, error))
    return FALSE;
  bw_command_stack_seal (stack);
  bw_diagram_view_set_selection (self, (const char * const *) new_ids);
  return TRUE;
}

/* A paste onto the diagram it came from is moved aside, more with each
 * paste, so that the copies do not hide each other. */
static double
next_offset (BwDiagramView *self,
             const char    *text)
{
  g_autofree char *needle = g_strdup_printf ("\"diagram\": \"%s\"", self->diagram_id);

  if (strstr (text, needle) == NULL)
    return 0;
  return PASTE_OFFSET * ++self->paste_count;
}

gboolean
bw_diagram_view_paste_text (BwDiagramView  *self,
                            const char     *text,
                            GError        **error)
{
  double offset;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  offset = self->diagram_id ? next_offset (self, text) : 0;
  return paste_text (self, text, offset, offset, error);
}

gboolean
bw_diagram_view_copy (BwDiagramView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), FALSE);

  if (self->project == NULL ||
      (text = bw_clipboard_serialize (self->project, bw_diagram_view_get_selection (self))) == NULL)
    return FALSE;

  bytes = g_bytes_new (text, strlen (text));
  providers[0] = gdk_content_provider_new_for_bytes (BW_CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  self->paste_count = 0;
  return TRUE;
}

guint
bw_diagram_view_cut (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  if (!bw_diagram_view_copy (self))
    return 0;
  return bw_diagram_view_delete_selection (self);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BwDiagramView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL || !bw_diagram_view_paste_text (self, text, &error))
    {
      /* Text that is not ours, or nothing: a paste that does nothing. */
      if (error != NULL)
        g_debug ("Nothing to paste: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  g_signal_emit_by_name (self, "pasted");
}

void
bw_diagram_view_paste (BwDiagramView *self)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 read_text_cb, g_object_ref (self));
}

guint
bw_diagram_view_duplicate (BwDiagramView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  if (self->project == NULL ||
      (text = bw_clipboard_serialize (self->project, bw_diagram_view_get_selection (self))) == NULL)
    return 0;
  if (!paste_text (self, text, PASTE_OFFSET, PASTE_OFFSET, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }
  return g_strv_length ((char **) bw_diagram_view_get_selection (self));
}
