/* bw-diagram-view-keys.c — the canvas's keyboard, and the edits of the
 * selection its keys make (delete, nudge, select all)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Single letters pick tools, arrows move the selection by the grid (Shift:
 * by one unit), Tab walks the elements (bw-diagram-view-focus.c), space
 * held makes a primary drag pan; the clipboard keys belong to the canvas
 * only, so that in the inspector's fields they copy text.
 */
#include "config.h"

#include "bw-command-move.h"
#include "bw-command-remove.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"

static gboolean
modifiers_cb (BwDiagramView         *self,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  self->modifiers = state;
  return FALSE;
}

/* Edits of the selection */

guint
bw_diagram_view_delete_selection (BwDiagramView *self)
{
  g_auto(GStrv) before = NULL;
  guint n;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  before = _bw_diagram_view_dup_selection (self);
  n = g_strv_length (before);
  if (self->project == NULL || n == 0)
    return 0;
  if (!_bw_diagram_view_execute (self, bw_command_remove_new (self->project, (const char * const *) before),
                                 (const char * const *) before, NULL))
    return 0;
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));
  return n;
}

guint
bw_diagram_view_move_selection (BwDiagramView *self,
                                double         dx,
                                double         dy)
{
  g_auto(GStrv) selection = NULL;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  selection = _bw_diagram_view_dup_selection (self);
  if (self->project == NULL || selection[0] == NULL)
    return 0;
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));
  if (!_bw_diagram_view_execute (self, bw_command_move_new (self->project, (const char * const *) selection, dx, dy),
                                 (const char * const *) selection, (const char * const *) selection))
    return 0;
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));
  return g_strv_length (selection);
}

void
bw_diagram_view_select_all (BwDiagramView *self)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  if (self->project == NULL || self->diagram_id == NULL)
    return;
  elements = bw_project_dup_diagram_elements (self->project, self->diagram_id);
  for (guint i = 0; i < elements->len; i++)
    g_ptr_array_add (ids, (gpointer) bw_record_get_id (g_ptr_array_index (elements, i)));
  g_ptr_array_add (ids, NULL);
  bw_diagram_view_set_selection (self, (const char * const *) ids->pdata);
}

/* Keys */

static const struct
{
  guint         keyval;
  BwDiagramTool tool;
} tool_keys[] = {
  { GDK_KEY_v, BW_DIAGRAM_TOOL_SELECT },
  { GDK_KEY_e, BW_DIAGRAM_TOOL_EXTERNAL_ENTITY },
  { GDK_KEY_p, BW_DIAGRAM_TOOL_PROCESS },
  { GDK_KEY_s, BW_DIAGRAM_TOOL_DATA_STORE },
  { GDK_KEY_f, BW_DIAGRAM_TOOL_DATA_FLOW },
  { GDK_KEY_b, BW_DIAGRAM_TOOL_BOX_BOUNDARY },
  { GDK_KEY_l, BW_DIAGRAM_TOOL_LINE_BOUNDARY },
};

static gboolean
key_pressed_cb (BwDiagramView         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  double step = (mods & GDK_SHIFT_MASK) ? 1.0 : self->grid_size;
  const char *first = bw_diagram_view_get_selected_id (self);

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->tool != BW_DIAGRAM_TOOL_SELECT)
        bw_diagram_view_set_tool (self, BW_DIAGRAM_TOOL_SELECT);
      else if (first != NULL)
        bw_diagram_view_set_selection (self, NULL);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (first == NULL)
        return FALSE;
      /* The window's action shows the "Deleted … Undo" toast. */
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.delete", NULL))
        bw_diagram_view_delete_selection (self);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return bw_diagram_view_move_selection (self, -step, 0) > 0;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return bw_diagram_view_move_selection (self, step, 0) > 0;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return bw_diagram_view_move_selection (self, 0, -step) > 0;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return bw_diagram_view_move_selection (self, 0, step) > 0;

    case GDK_KEY_F2:
      return first != NULL && bw_diagram_view_begin_rename (self, first);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (first == NULL)
        return FALSE;
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-inspector", NULL);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (mods != 0)
        return FALSE;
      return _bw_diagram_view_focus_step (self, 1);
    case GDK_KEY_ISO_Left_Tab:
      return _bw_diagram_view_focus_step (self, -1);

    case GDK_KEY_space:
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;

    case GDK_KEY_g:
      if (mods == 0)
        {
          bw_diagram_view_set_snap (self, !self->snap);
          return TRUE;
        }
      break;

    case GDK_KEY_a:
      if (mods == GDK_CONTROL_MASK)
        {
          bw_diagram_view_select_all (self);
          return TRUE;
        }
      break;

    /* Clipboard keys belong to the canvas only: in the inspector's fields
     * they copy text. */
    case GDK_KEY_c:
      if (mods == GDK_CONTROL_MASK)
        return bw_diagram_view_copy (self);
      break;
    case GDK_KEY_x:
      if (mods == GDK_CONTROL_MASK)
        {
          guint n = bw_diagram_view_cut (self);

          if (n > 0)
            g_signal_emit_by_name (self, "cut", n);
          return n > 0;
        }
      break;
    case GDK_KEY_v:
      if (mods == GDK_CONTROL_MASK)
        {
          bw_diagram_view_paste (self);
          return TRUE;
        }
      break;
    case GDK_KEY_d:
      if (mods == GDK_CONTROL_MASK)
        return bw_diagram_view_duplicate (self) > 0;
      break;

    default:
      break;
    }

  if (mods == 0)
    for (guint i = 0; i < G_N_ELEMENTS (tool_keys); i++)
      if (tool_keys[i].keyval == keyval)
        {
          bw_diagram_view_set_tool (self, tool_keys[i].tool);
          return TRUE;
        }

  return FALSE;
}

static void
key_released_cb (BwDiagramView         *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->tool == BW_DIAGRAM_TOOL_SELECT ? NULL : "crosshair");
    }
}

void
_bw_diagram_view_init_keys (BwDiagramView *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "edit-keys");
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (key_released_cb), self);
  g_signal_connect_swapped (controller, "modifiers", G_CALLBACK (modifiers_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
