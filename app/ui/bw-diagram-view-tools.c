/* bw-diagram-view-tools.c — the canvas's creating tools: place a node,
 * draw a box or line boundary, connect two nodes with a flow
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The primary drag (bw-diagram-view-edit.c) hands over when the button
 * goes up; the new element is one undo step, selected, with the inline
 * rename open so the user names it straight away.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-connect.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

/* In diagram units. */
#define NODE_WIDTH     140.0
#define NODE_HEIGHT    60.0
#define BOX_WIDTH      320.0
#define BOX_HEIGHT     200.0
#define LINE_LENGTH    240.0

static const char *
default_name (BwElementKind kind)
{
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return _("External Entity");
    case BW_ELEMENT_PROCESS: return _("Process");
    case BW_ELEMENT_DATA_STORE: return _("Data Store");
    case BW_ELEMENT_DATA_FLOW: return "";
    case BW_ELEMENT_TRUST_BOUNDARY:
    default: return _("Trust Boundary");
    }
}

/* Adds a node or box boundary at `rect`, or a line boundary through
 * `line` (two points); selects it. Returns its ID. */
static char *
add_element (BwDiagramView *self,
             BwElementKind  kind,
             const BwRect  *rect,
             GArray        *line)
{
  g_autoptr(BwElement) element = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) before = _bw_diagram_view_dup_selection (self);
  const char *after[2] = { NULL, NULL };

  element = g_object_new (BW_TYPE_ELEMENT,
                          "kind", bw_element_kinds[kind],
                          "diagram", self->diagram_id,
                          "name", default_name (kind),
                          NULL);
  if (line != NULL)
    g_object_set (element, "shape", "line", "points", _bw_diagram_view_points_variant (line), NULL);
  else
    g_object_set (element, "bounds",
                  g_variant_new ("(dddd)", rect->x, rect->y, rect->width, rect->height),
                  NULL);
  id = bw_project_allocate_id (self->project, bw_element_kind_prefix (kind));
  bw_record_set_id (BW_RECORD (element), id);

  after[0] = id;
  if (!_bw_diagram_view_execute (self, bw_command_add_new (self->project, BW_RECORD (element), -1),
                                 (const char * const *) before, after))
    return NULL;
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));
  return g_steal_pointer (&id);
}

void
_bw_diagram_view_finish_connect (BwDiagramView *self)
{
  BwElement *target = _bw_diagram_view_node_at (self, self->current_x, self->current_y);
  g_autoptr(GError) error = NULL;
  BwCommand *command;
  g_autofree char *flow_id = NULL;
  const char *after[2] = { NULL, NULL };

  if (target == NULL || g_strcmp0 (bw_record_get_id (BW_RECORD (target)), self->drag_id) == 0)
    return;
  command = bw_command_connect_new (self->project, self->drag_id,
                                    bw_record_get_id (BW_RECORD (target)), &error);
  if (command == NULL)
    {
      g_warning ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  flow_id = g_strdup (bw_command_connect_get_flow_id (BW_COMMAND_CONNECT (command)));
  after[0] = flow_id;
  if (_bw_diagram_view_execute (self, command, (const char * const *) self->drag_before, after))
    {
      bw_command_stack_seal (_bw_diagram_view_get_stack (self));
      bw_diagram_view_set_tool (self, BW_DIAGRAM_TOOL_SELECT);
      bw_diagram_view_begin_rename (self, flow_id);
    }
}

static BwElementKind
tool_kind (BwDiagramTool tool)
{
  switch (tool)
    {
    case BW_DIAGRAM_TOOL_EXTERNAL_ENTITY: return BW_ELEMENT_EXTERNAL_ENTITY;
    case BW_DIAGRAM_TOOL_PROCESS: return BW_ELEMENT_PROCESS;
    case BW_DIAGRAM_TOOL_DATA_STORE: return BW_ELEMENT_DATA_STORE;
    case BW_DIAGRAM_TOOL_DATA_FLOW: return BW_ELEMENT_DATA_FLOW;
    case BW_DIAGRAM_TOOL_SELECT:
    case BW_DIAGRAM_TOOL_BOX_BOUNDARY:
    case BW_DIAGRAM_TOOL_LINE_BOUNDARY:
    case BW_DIAGRAM_N_TOOLS:
    default:
      return BW_ELEMENT_TRUST_BOUNDARY;
    }
}

void
_bw_diagram_view_finish_create (BwDiagramView *self,
                                DragMode       mode)
{
  g_autofree char *id = NULL;
  BwRect r;

  if (mode == DRAG_PLACE)
    {
      /* The node is centred where the button went up. */
      r = (BwRect) { _bw_diagram_view_snap (self, self->current_x - NODE_WIDTH / 2),
                     _bw_diagram_view_snap (self, self->current_y - NODE_HEIGHT / 2),
                     NODE_WIDTH, NODE_HEIGHT };
      id = add_element (self, tool_kind (self->tool), &r, NULL);
    }
  else if (mode == DRAG_BOX)
    {
      r = bw_rect_normalize (&(BwRect) { _bw_diagram_view_snap (self, self->start_x), _bw_diagram_view_snap (self, self->start_y),
                                         _bw_diagram_view_snap (self, self->current_x) - _bw_diagram_view_snap (self, self->start_x),
                                         _bw_diagram_view_snap (self, self->current_y) - _bw_diagram_view_snap (self, self->start_y) });
      if (r.width < MIN_SIZE || r.height < MIN_SIZE)
        r = (BwRect) { _bw_diagram_view_snap (self, self->start_x), _bw_diagram_view_snap (self, self->start_y), BOX_WIDTH, BOX_HEIGHT };
      id = add_element (self, BW_ELEMENT_TRUST_BOUNDARY, &r, NULL);
    }
  else
    {
      g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (BwVec));
      BwVec a = { _bw_diagram_view_snap (self, self->start_x), _bw_diagram_view_snap (self, self->start_y) };
      BwVec b = { _bw_diagram_view_snap (self, self->current_x), _bw_diagram_view_snap (self, self->current_y) };

      if (bw_vec_distance (&a, &b) < MIN_SIZE)
        b = (BwVec) { a.x + LINE_LENGTH, a.y };
      g_array_append_val (line, a);
      g_array_append_val (line, b);
      id = add_element (self, BW_ELEMENT_TRUST_BOUNDARY, NULL, line);
    }

  bw_diagram_view_set_tool (self, BW_DIAGRAM_TOOL_SELECT);
  if (id != NULL)
    bw_diagram_view_begin_rename (self, id);
}
