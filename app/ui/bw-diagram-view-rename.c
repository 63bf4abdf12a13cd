/* bw-diagram-view-rename.c — inline rename on the canvas: an entry in a
 * popover over the element; Enter renames (one undo step), Escape cancels
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

static void
rename_activate_cb (BwDiagramView *self,
                    GtkEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *id = g_steal_pointer (&self->rename_id);
  BwElement *element = _bw_diagram_view_lookup_element (self, id);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GStrv) before = _bw_diagram_view_dup_selection (self);
  const char *after[2] = { id, NULL };

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (element == NULL || *text == '\0' || g_strcmp0 (text, bw_element_get_name (element)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_strstrip (g_strdup (text)));
  _bw_diagram_view_execute (self, bw_command_set_property_new (self->project, id, "name", &value),
                            (const char * const *) before, after);
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));
}

static void
rename_closed_cb (BwDiagramView *self,
                  GtkPopover    *popover)
{
  g_clear_pointer (&self->rename_id, g_free);
}

gboolean
bw_diagram_view_begin_rename (BwDiagramView *self,
                              const char    *element_id)
{
  BwElement *element;
  BwRect r = { 0 };
  double x, y;
  GdkRectangle target;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), FALSE);

  if ((element = _bw_diagram_view_lookup_element (self, element_id)) == NULL ||
      g_strcmp0 (bw_element_get_diagram (element), self->diagram_id) != 0)
    return FALSE;

  if (!bw_geometry_get_extents (self->project, element, &r))
    return FALSE;
  if (!bw_element_is_node (element) && !bw_element_get_rect (element, &r))
    {
      /* Lines: the middle of their extents. */
      r = (BwRect) { r.x + r.width / 2, r.y + r.height / 2, 0, 0 };
    }
  _bw_diagram_view_diagram_to_widget (self, r.x, r.y, &x, &y);
  target = (GdkRectangle) { (int) x, (int) y,
                            MAX (1, (int) (r.width * self->zoom)),
                            MAX (1, (int) (r.height * self->zoom)) };

  _bw_diagram_view_set_str (&self->rename_id, element_id);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), bw_element_get_name (element));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover), &target);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
  return TRUE;
}

GtkEditable *
bw_diagram_view_get_rename_entry (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return GTK_EDITABLE (self->rename_entry);
}

void
_bw_diagram_view_init_rename (BwDiagramView *self)
{
  self->rename_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb), self);
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  g_signal_connect_swapped (self->rename_popover, "closed", G_CALLBACK (rename_closed_cb), self);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
}

void
_bw_diagram_view_dispose_rename (BwDiagramView *self)
{
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_entry = NULL;
  g_clear_pointer (&self->rename_id, g_free);
}
