/* bw-diagram-view-focus.c — the keyboard focus among the canvas's
 * elements, and what assistive technology is told about it
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-diagram-view-private.h"
#include "bw-open-threats.h"

/* Tab walks the elements in file order; past the last, the focus leaves
 * the canvas as usual. */
gboolean
_bw_diagram_view_focus_step (BwDiagramView *self,
                             int            direction)
{
  g_autoptr(GPtrArray) elements = NULL;
  int next;

  if (self->project == NULL || self->diagram_id == NULL)
    return FALSE;
  elements = bw_project_dup_diagram_elements (self->project, self->diagram_id);
  next = self->focus_index + direction;
  if (self->focus_index < 0 && direction < 0)
    next = (int) elements->len - 1;
  if (next < 0 || next >= (int) elements->len)
    {
      self->focus_index = -1;
      _bw_diagram_view_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return FALSE;
    }
  self->focus_index = next;
  bw_diagram_view_set_selected_id (self, bw_record_get_id (g_ptr_array_index (elements, next)));
  _bw_diagram_view_update_accessible (self);
  return TRUE;
}

/* Accessibility: the canvas's label names what has the focus, since GTK
 * 4.8 cannot expose the elements as children. */
void
_bw_diagram_view_update_accessible (BwDiagramView *self)
{
  BwRecord *diagram = NULL;
  BwElement *element = _bw_diagram_view_lookup_element (self, bw_diagram_view_get_selected_id (self));
  g_autofree char *label = NULL;

  if (self->project != NULL && self->diagram_id != NULL)
    diagram = bw_project_lookup (self->project, self->diagram_id);

  if (element != NULL)
    {
      const char *name = bw_element_get_name (element);
      g_autoptr(GPtrArray) open = bw_open_threats_dup_for (self->project, bw_record_get_id (BW_RECORD (element)));
      const char *kind;

      switch (bw_element_get_kind_enum (element))
        {
        case BW_ELEMENT_EXTERNAL_ENTITY: kind = _("External entity"); break;
        case BW_ELEMENT_PROCESS: kind = _("Process"); break;
        case BW_ELEMENT_DATA_STORE: kind = _("Data store"); break;
        case BW_ELEMENT_DATA_FLOW: kind = _("Data flow"); break;
        case BW_ELEMENT_TRUST_BOUNDARY:
        default: kind = _("Trust boundary"); break;
        }
      if (open->len == 0)
        /* Translators: the element with the focus on the canvas, e.g.
         * "Process Pump firmware, no open threats" */
        label = g_strdup_printf (_("%s %s, no open threats"), kind, name ? name : "");
      else
        /* Translators: the element with the focus on the canvas, e.g.
         * "Process Pump firmware, 3 open threats" */
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s, %u open threat", "%s %s, %u open threats", open->len),
                                 kind, name ? name : "", open->len);
    }
  else
    label = g_strdup (BW_IS_DIAGRAM (diagram) ? bw_diagram_get_name (BW_DIAGRAM (diagram)) : _("Diagram"));

  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
}

const char *
bw_diagram_view_get_accessible_label (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return self->accessible_label;
}
