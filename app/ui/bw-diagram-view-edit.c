/* bw-diagram-view-edit.c — drawing and editing on the canvas
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Tools are states of one primary-button drag gesture: what the button
 * went down on decides what the drag does (move, resize, bend, reconnect,
 * rubber band, connect, place, draw a boundary). Every change is a core
 * command; the steps of one drag merge into one undo step, sealed when the
 * button goes up. Commands carry the selection before and after, so undo
 * and redo put it back.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-connect.h"
#include "bw-command-move.h"
#include "bw-command-reconnect.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"
#include "bw-open-threats.h"
#include "bw-geometry.h"
#include "bw-threat.h"

/* In pixels, whatever the zoom. */
#define HANDLE_REACH   7.0
#define LINE_REACH     6.0
#define DRAG_THRESHOLD 3.0
/* In diagram units. */
#define NODE_WIDTH     140.0
#define NODE_HEIGHT    60.0
#define BOX_WIDTH      320.0
#define BOX_HEIGHT     200.0
#define LINE_LENGTH    240.0
#define MIN_SIZE       20.0
#define SELECTION_GAP  4.0   /* where the painter draws a node's handles */

/* Helpers */

static void
set_str (char       **slot,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static BwElement *
lookup_element (BwDiagramView *self,
                const char    *id)
{
  BwRecord *record = self->project && id ? bw_project_lookup (self->project, id) : NULL;

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

static double
snap_value (BwDiagramView *self,
            double         value)
{
  if (!self->snap)
    return value;
  return round (value / self->grid_size) * self->grid_size;
}

static gboolean
is_selected (BwDiagramView *self,
             const char    *id)
{
  return g_strv_contains (bw_diagram_view_get_selection (self), id);
}

static BwCommandStack *
stack_of (BwDiagramView *self)
{
  return bw_project_get_command_stack (self->project);
}

/* Runs `command` (consumed) as one step that ends with `after` selected;
 * a failure goes to the log and leaves the document as it was. */
static gboolean
execute (BwDiagramView      *self,
         BwCommand          *command,
         const char * const *before,
         const char * const *after)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  if (command == NULL)
    return FALSE;
  bw_command_set_selection (command, before, after);
  if (!bw_command_stack_execute (stack_of (self), command, &error))
    {
      g_warning ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  bw_diagram_view_set_selection (self, after);
  return TRUE;
}

static GStrv
dup_selection (BwDiagramView *self)
{
  return g_strdupv ((char **) bw_diagram_view_get_selection (self));
}

static void
diagram_point (BwDiagramView *self,
               double         x,
               double         y,
               double        *dx,
               double        *dy)
{
  _bw_diagram_view_widget_to_diagram (self, x, y, dx, dy);
}

static BwElement *
element_at_diagram (BwDiagramView *self,
                    double         dx,
                    double         dy)
{
  BwSpatialIndex *index = _bw_diagram_view_get_index (self);

  return index ? bw_spatial_index_element_at (index, dx, dy, LINE_REACH / self->zoom) : NULL;
}

static BwElement *
node_at_diagram (BwDiagramView *self,
                 double         dx,
                 double         dy)
{
  BwElement *element = element_at_diagram (self, dx, dy);

  return element && bw_element_is_node (element) ? element : NULL;
}

/* A flow's route: source centre, bend points, target centre. */
static GArray *
flow_route (BwDiagramView *self,
            BwElement     *flow)
{
  return bw_geometry_dup_flow_path (self->project, flow);
}

static GVariant *
points_variant (GArray *points)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dd)"));
  for (guint i = 0; i < points->len; i++)
    {
      const BwVec *p = &g_array_index (points, BwVec, i);

      g_variant_builder_add (&builder, "(dd)", p->x, p->y);
    }
  return g_variant_builder_end (&builder);
}

/* The element's own points (bends of a flow, the points of a line). */
static GArray *
dup_points (BwElement *element)
{
  GArray *stored = bw_element_get_points (element);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (BwVec));

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      const BwPoint *pt = &g_array_index (stored, BwPoint, i);
      BwVec v = { bw_number_get (&pt->x), bw_number_get (&pt->y) };

      g_array_append_val (points, v);
    }
  return points;
}

static BwCommand *
set_points_command (BwDiagramView *self,
                    const char    *id,
                    GArray        *points)
{
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, points_variant (points));
  command = bw_command_set_property_new (self->project, id, "points", &value);
  bw_command_set_label (command, bw_command_describe (bw_project_lookup (self->project, id),
                                                      BW_COMMAND_VERB_CHANGE));
  return command;
}

/* Creating elements */

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
  g_auto(GStrv) before = dup_selection (self);
  const char *after[2] = { NULL, NULL };

  element = g_object_new (BW_TYPE_ELEMENT,
                          "kind", bw_element_kinds[kind],
                          "diagram", self->diagram_id,
                          "name", default_name (kind),
                          NULL);
  if (line != NULL)
    g_object_set (element, "shape", "line", "points", points_variant (line), NULL);
  else
    g_object_set (element, "bounds",
                  g_variant_new ("(dddd)", rect->x, rect->y, rect->width, rect->height),
                  NULL);
  id = bw_project_allocate_id (self->project, bw_element_kind_prefix (kind));
  bw_record_set_id (BW_RECORD (element), id);

  after[0] = id;
  if (!execute (self, bw_command_add_new (self->project, BW_RECORD (element), -1),
                (const char * const *) before, after))
    return NULL;
  bw_command_stack_seal (stack_of (self));
  return g_steal_pointer (&id);
}

/* Handles of the selection */

static gboolean
near_point (BwDiagramView *self,
            double         dx,
            double         dy,
            double         px,
            double         py)
{
  double reach = HANDLE_REACH / self->zoom;

  return fabs (dx - px) <= reach && fabs (dy - py) <= reach;
}

/* Starts a resize, bend or reconnect when the button went down on a
 * handle of a selected element. */
static gboolean
begin_handle_drag (BwDiagramView *self,
                   double         dx,
                   double         dy)
{
  const char * const *selection = bw_diagram_view_get_selection (self);

  for (guint i = 0; selection[i] != NULL; i++)
    {
      BwElement *element = lookup_element (self, selection[i]);
      BwRect r;

      if (element == NULL)
        continue;

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
        {
          g_autoptr(GArray) route = flow_route (self, element);
          BwPainterScene *scene = _bw_diagram_view_ensure_scene (self);
          GArray *drawn = NULL;

          /* The ends are where the drawn line meets the outlines. */
          if (scene != NULL)
            for (guint k = 0; k < scene->items->len && drawn == NULL; k++)
              {
                BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, k);

                if (item->element == element)
                  drawn = item->path;
              }
          if (drawn != NULL && drawn->len >= 2)
            {
              BwVec first = g_array_index (drawn, BwVec, 0);
              BwVec last = g_array_index (drawn, BwVec, drawn->len - 1);

              if (near_point (self, dx, dy, first.x, first.y) || near_point (self, dx, dy, last.x, last.y))
                {
                  self->drag = DRAG_RECONNECT;
                  self->drag_handle = near_point (self, dx, dy, first.x, first.y)
                                        ? BW_FLOW_END_SOURCE : BW_FLOW_END_TARGET;
                  set_str (&self->drag_id, selection[i]);
                  return TRUE;
                }
            }
          for (guint k = 1; route != NULL && k + 1 < route->len; k++)
            {
              BwVec p = g_array_index (route, BwVec, k);

              if (near_point (self, dx, dy, p.x, p.y))
                {
                  self->drag = DRAG_BEND;
                  self->drag_handle = k - 1;
                  set_str (&self->drag_id, selection[i]);
                  return TRUE;
                }
            }
          continue;
        }

      if (bw_element_is_line (element))
        {
          g_autoptr(GArray) points = dup_points (element);

          for (guint k = 0; k < points->len; k++)
            {
              BwVec p = g_array_index (points, BwVec, k);

              if (near_point (self, dx, dy, p.x, p.y))
                {
                  self->drag = DRAG_BEND;
                  self->drag_handle = k;
                  set_str (&self->drag_id, selection[i]);
                  return TRUE;
                }
            }
          continue;
        }

      if (bw_element_get_rect (element, &r))
        {
          double gap = bw_element_is_node (element) ? SELECTION_GAP : 0;
          BwRect frame = bw_rect_grow (&r, gap);
          BwVec corners[4] = {
            { frame.x, frame.y },
            { frame.x + frame.width, frame.y },
            { frame.x, frame.y + frame.height },
            { frame.x + frame.width, frame.y + frame.height },
          };

          for (guint k = 0; k < 4; k++)
            if (near_point (self, dx, dy, corners[k].x, corners[k].y))
              {
                self->drag = DRAG_RESIZE;
                self->drag_handle = k;
                self->drag_rect = r;
                set_str (&self->drag_id, selection[i]);
                return TRUE;
              }
        }
    }
  return FALSE;
}

/* The segment of a flow's route nearest to (dx, dy): a new bend goes
 * after route point `index`, i.e. at position `index` of the points. */
static guint
nearest_segment (GArray *route,
                 double  dx,
                 double  dy)
{
  BwVec p = { dx, dy };
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  for (guint k = 0; k + 1 < route->len; k++)
    {
      double d = bw_distance_to_segment (&p, &g_array_index (route, BwVec, k),
                                         &g_array_index (route, BwVec, k + 1));

      if (d < best)
        {
          best = d;
          best_index = k;
        }
    }
  return best_index;
}

/* The pointer */

static gboolean
modifiers_cb (BwDiagramView         *self,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  self->modifiers = state;
  return FALSE;
}

static void
drag_begin_cb (BwDiagramView  *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double dx, dy;
  BwElement *element;

  /* A press that comes without an event (an accessibility tool, a test)
   * gets the modifiers the keyboard holds. */
  if (gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture)) == NULL)
    state = self->modifiers;

  if (self->project == NULL || self->diagram_id == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  diagram_point (self, x, y, &dx, &dy);
  self->start_x = self->current_x = dx;
  self->start_y = self->current_y = dy;
  self->moved_x = self->moved_y = 0;
  self->drag_extend = (state & GDK_SHIFT_MASK) != 0;
  self->drag_handle = -1;
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_before, g_strfreev);
  self->drag_before = dup_selection (self);
  /* Whatever came before (an arrow key, a typed name) is its own step. */
  bw_command_stack_seal (stack_of (self));

  if (self->space_down)
    {
      self->drag = DRAG_NONE;
      _bw_diagram_view_pan_begin (self);
      self->drag_handle = -2;   /* panning */
      return;
    }

  switch (self->tool)
    {
    case BW_DIAGRAM_TOOL_SELECT:
      if (begin_handle_drag (self, dx, dy))
        return;
      element = element_at_diagram (self, dx, dy);
      if (element == NULL)
        {
          if (!self->drag_extend)
            bw_diagram_view_set_selection (self, NULL);
          self->drag = DRAG_RUBBER;
          return;
        }
      set_str (&self->drag_id, bw_record_get_id (BW_RECORD (element)));
      if (self->drag_extend)
        {
          /* Copies: setting the selection frees the strings it had. */
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          const char * const *selection = bw_diagram_view_get_selection (self);
          gboolean was = is_selected (self, self->drag_id);

          for (guint i = 0; selection[i] != NULL; i++)
            if (!was || g_strcmp0 (selection[i], self->drag_id) != 0)
              g_ptr_array_add (ids, g_strdup (selection[i]));
          if (!was)
            g_ptr_array_add (ids, g_strdup (self->drag_id));
          g_ptr_array_add (ids, NULL);
          bw_diagram_view_set_selection (self, (const char * const *) ids->pdata);
          self->drag = was ? DRAG_NONE : DRAG_MOVE;
        }
      else
        {
          if (!is_selected (self, self->drag_id))
            {
              const char *only[2] = { self->drag_id, NULL };

              bw_diagram_view_set_selection (self, only);
            }
          self->drag = DRAG_MOVE;
          /* Dragging a lone flow's line makes a bend there. */
          if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW &&
              g_strv_length ((char **) bw_diagram_view_get_selection (self)) == 1)
            {
              self->drag = DRAG_BEND;
              self->drag_handle = -1;
            }
        }
      /* Snapping keeps the first node's corner on the grid. */
      if (self->drag == DRAG_MOVE)
        {
          const char * const *selection = bw_diagram_view_get_selection (self);
          BwElement *reference = lookup_element (self, self->drag_id);

          for (guint i = 0; selection[i] != NULL && (reference == NULL || !bw_element_get_rect (reference, &self->drag_rect)); i++)
            reference = lookup_element (self, selection[i]);
          if (reference == NULL || !bw_element_get_rect (reference, &self->drag_rect))
            self->drag_rect = (BwRect) { dx, dy, 0, 0 };
        }
      return;

    case BW_DIAGRAM_TOOL_EXTERNAL_ENTITY:
    case BW_DIAGRAM_TOOL_PROCESS:
    case BW_DIAGRAM_TOOL_DATA_STORE:
      self->drag = DRAG_PLACE;
      return;

    case BW_DIAGRAM_TOOL_DATA_FLOW:
      element = node_at_diagram (self, dx, dy);
      self->drag = element ? DRAG_CONNECT : DRAG_NONE;
      if (element != NULL)
        set_str (&self->drag_id, bw_record_get_id (BW_RECORD (element)));
      return;

    case BW_DIAGRAM_TOOL_BOX_BOUNDARY:
      self->drag = DRAG_BOX;
      return;

    case BW_DIAGRAM_TOOL_LINE_BOUNDARY:
      self->drag = DRAG_LINE;
      return;

    case BW_DIAGRAM_N_TOOLS:
    default:
      self->drag = DRAG_NONE;
      return;
    }
}

static void
update_move (BwDiagramView *self)
{
  const char * const *selection = bw_diagram_view_get_selection (self);
  double target_x = snap_value (self, self->drag_rect.x + self->current_x - self->start_x) - self->drag_rect.x;
  double target_y = snap_value (self, self->drag_rect.y + self->current_y - self->start_y) - self->drag_rect.y;
  double step_x = target_x - self->moved_x;
  double step_y = target_y - self->moved_y;

  if ((step_x == 0 && step_y == 0) || selection[0] == NULL)
    return;
  if (execute (self, bw_command_move_new (self->project, selection, step_x, step_y),
               (const char * const *) self->drag_before, selection))
    {
      self->moved_x = target_x;
      self->moved_y = target_y;
    }
}

static void
update_resize (BwDiagramView *self)
{
  BwRect r = self->drag_rect;
  double x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
  double ox = self->current_x - self->start_x;
  double oy = self->current_y - self->start_y;
  const char *ids[2] = { self->drag_id, NULL };

  /* Corners 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right; the
   * opposite corner stays. */
  if (self->drag_handle == 0 || self->drag_handle == 2)
    x0 = MIN (snap_value (self, x0 + ox), x1 - MIN_SIZE);
  else
    x1 = MAX (snap_value (self, x1 + ox), x0 + MIN_SIZE);
  if (self->drag_handle == 0 || self->drag_handle == 1)
    y0 = MIN (snap_value (self, y0 + oy), y1 - MIN_SIZE);
  else
    y1 = MAX (snap_value (self, y1 + oy), y0 + MIN_SIZE);

  r = (BwRect) { x0, y0, x1 - x0, y1 - y0 };
  execute (self, bw_command_resize_new (self->project, self->drag_id, &r),
           (const char * const *) self->drag_before, ids);
}

static void
update_bend (BwDiagramView *self)
{
  BwElement *element = lookup_element (self, self->drag_id);
  g_autoptr(GArray) points = NULL;
  const char *ids[2] = { self->drag_id, NULL };
  BwVec p = { snap_value (self, self->current_x), snap_value (self, self->current_y) };

  if (element == NULL)
    return;
  points = dup_points (element);

  /* A drag on the line itself: the new bend goes into the segment the
   * button went down on. */
  if (self->drag_handle < 0)
    {
      g_autoptr(GArray) route = flow_route (self, element);

      if (route == NULL || route->len < 2)
        return;
      self->drag_handle = nearest_segment (route, self->start_x, self->start_y);
      g_array_insert_val (points, self->drag_handle, p);
    }
  else if ((guint) self->drag_handle < points->len)
    g_array_index (points, BwVec, self->drag_handle) = p;
  else
    return;

  execute (self, set_points_command (self, self->drag_id, points),
           (const char * const *) self->drag_before, ids);
}

static gboolean
past_threshold (BwDiagramView *self)
{
  return hypot (self->current_x - self->start_x, self->current_y - self->start_y) * self->zoom >= DRAG_THRESHOLD;
}

static void
drag_update_cb (BwDiagramView  *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  if (self->drag_handle == -2 && self->drag == DRAG_NONE)
    {
      _bw_diagram_view_pan_update (self, offset_x, offset_y);
      return;
    }

  self->current_x = self->start_x + offset_x / self->zoom;
  self->current_y = self->start_y + offset_y / self->zoom;

  switch (self->drag)
    {
    case DRAG_MOVE:
      if (past_threshold (self) || self->moved_x != 0 || self->moved_y != 0)
        update_move (self);
      break;

    case DRAG_RESIZE:
      update_resize (self);
      break;

    case DRAG_BEND:
      if (past_threshold (self) || self->drag_handle >= 0)
        update_bend (self);
      break;

    case DRAG_NONE:
      break;

    case DRAG_RUBBER:
    case DRAG_RECONNECT:
    case DRAG_CONNECT:
    case DRAG_PLACE:
    case DRAG_BOX:
    case DRAG_LINE:
    default:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    }
}

static void
finish_rubber_band (BwDiagramView *self)
{
  BwRect area = bw_rect_normalize (&(BwRect) { self->start_x, self->start_y,
                                               self->current_x - self->start_x,
                                               self->current_y - self->start_y });
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (!past_threshold (self))
    return;
  found = bw_spatial_index_elements_in_rect (_bw_diagram_view_get_index (self), &area);
  if (self->drag_extend)
    for (guint i = 0; self->drag_before[i] != NULL; i++)
      g_ptr_array_add (ids, self->drag_before[i]);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (ids, (gpointer) bw_record_get_id (g_ptr_array_index (found, i)));
  g_ptr_array_add (ids, NULL);
  bw_diagram_view_set_selection (self, (const char * const *) ids->pdata);
}

static void
finish_connect (BwDiagramView *self)
{
  BwElement *target = node_at_diagram (self, self->current_x, self->current_y);
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
  if (execute (self, command, (const char * const *) self->drag_before, after))
    {
      bw_command_stack_seal (stack_of (self));
      bw_diagram_view_set_tool (self, BW_DIAGRAM_TOOL_SELECT);
      bw_diagram_view_begin_rename (self, flow_id);
    }
}

static void
finish_reconnect (BwDiagramView *self)
{
  BwElement *flow = lookup_element (self, self->drag_id);
  BwElement *node = node_at_diagram (self, self->current_x, self->current_y);
  const char *ids[2] = { self->drag_id, NULL };
  const char *node_id;
  const char *now;

  if (flow == NULL || node == NULL)
    return;
  node_id = bw_record_get_id (BW_RECORD (node));
  now = self->drag_handle == BW_FLOW_END_SOURCE ? bw_element_get_source (flow) : bw_element_get_target (flow);
  if (g_strcmp0 (now, node_id) == 0)
    return;
  execute (self, bw_command_reconnect_new (self->project, self->drag_id, self->drag_handle, node_id),
           (const char * const *) self->drag_before, ids);
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

static void
finish_create (BwDiagramView *self,
               DragMode       mode)
{
  g_autofree char *id = NULL;
  BwRect r;

  if (mode == DRAG_PLACE)
    {
      /* The node is centred where the button went up. */
      r = (BwRect) { snap_value (self, self->current_x - NODE_WIDTH / 2),
                     snap_value (self, self->current_y - NODE_HEIGHT / 2),
                     NODE_WIDTH, NODE_HEIGHT };
      id = add_element (self, tool_kind (self->tool), &r, NULL);
    }
  else if (mode == DRAG_BOX)
    {
      r = bw_rect_normalize (&(BwRect) { snap_value (self, self->start_x), snap_value (self, self->start_y),
                                         snap_value (self, self->current_x) - snap_value (self, self->start_x),
                                         snap_value (self, self->current_y) - snap_value (self, self->start_y) });
      if (r.width < MIN_SIZE || r.height < MIN_SIZE)
        r = (BwRect) { snap_value (self, self->start_x), snap_value (self, self->start_y), BOX_WIDTH, BOX_HEIGHT };
      id = add_element (self, BW_ELEMENT_TRUST_BOUNDARY, &r, NULL);
    }
  else
    {
      g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (BwVec));
      BwVec a = { snap_value (self, self->start_x), snap_value (self, self->start_y) };
      BwVec b = { snap_value (self, self->current_x), snap_value (self, self->current_y) };

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

static void
drag_end_cb (BwDiagramView  *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  DragMode mode;

  if (self->drag_handle == -2 && self->drag == DRAG_NONE)
    {
      self->drag_handle = -1;
      return;
    }

  drag_update_cb (self, offset_x, offset_y, gesture);
  mode = self->drag;
    self->drag = DRAG_NONE;

  switch (mode)
    {
    case DRAG_MOVE:
      /* A click (no move) on one of several selected: just that one. */
      if (self->moved_x == 0 && self->moved_y == 0 && !self->drag_extend && self->drag_id != NULL)
        {
          const char *only[2] = { self->drag_id, NULL };

          bw_diagram_view_set_selection (self, only);
        }
      break;

    case DRAG_RUBBER:
      finish_rubber_band (self);
      break;

    case DRAG_CONNECT:
      finish_connect (self);
      break;

    case DRAG_RECONNECT:
      finish_reconnect (self);
      break;

    case DRAG_PLACE:
    case DRAG_BOX:
    case DRAG_LINE:
      finish_create (self, mode);
      break;

    case DRAG_RESIZE:
    case DRAG_BEND:
    case DRAG_NONE:
    default:
      break;
    }

  /* One drag, one undo step. */
  if (self->project != NULL)
    bw_command_stack_seal (stack_of (self));
  /* Labels were left where they were during the drag: place them now. */
  if (mode == DRAG_MOVE || mode == DRAG_RESIZE || mode == DRAG_BEND)
    self->scene_stale = TRUE;
  g_clear_pointer (&self->drag_before, g_strfreev);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (BwDiagramView   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  const char *id;

  if (n_press != 2 || self->tool != BW_DIAGRAM_TOOL_SELECT)
    return;
  if ((id = bw_diagram_view_element_at (self, x, y)) != NULL)
    bw_diagram_view_begin_rename (self, id);
}

/* Inline rename */

static void
rename_activate_cb (BwDiagramView *self,
                    GtkEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *id = g_steal_pointer (&self->rename_id);
  BwElement *element = lookup_element (self, id);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GStrv) before = dup_selection (self);
  const char *after[2] = { id, NULL };

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (element == NULL || *text == '\0' || g_strcmp0 (text, bw_element_get_name (element)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_strstrip (g_strdup (text)));
  execute (self, bw_command_set_property_new (self->project, id, "name", &value),
           (const char * const *) before, after);
  bw_command_stack_seal (stack_of (self));
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

  if ((element = lookup_element (self, element_id)) == NULL ||
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

  set_str (&self->rename_id, element_id);
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

/* Edits of the selection */

guint
bw_diagram_view_delete_selection (BwDiagramView *self)
{
  g_auto(GStrv) before = NULL;
  guint n;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  before = dup_selection (self);
  n = g_strv_length (before);
  if (self->project == NULL || n == 0)
    return 0;
  if (!execute (self, bw_command_remove_new (self->project, (const char * const *) before),
                (const char * const *) before, NULL))
    return 0;
  bw_command_stack_seal (stack_of (self));
  return n;
}

guint
bw_diagram_view_move_selection (BwDiagramView *self,
                                double         dx,
                                double         dy)
{
  g_auto(GStrv) selection = NULL;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  selection = dup_selection (self);
  if (self->project == NULL || selection[0] == NULL)
    return 0;
  bw_command_stack_seal (stack_of (self));
  if (!execute (self, bw_command_move_new (self->project, (const char * const *) selection, dx, dy),
                (const char * const *) selection, (const char * const *) selection))
    return 0;
  bw_command_stack_seal (stack_of (self));
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

/* Keyboard */

/* Tab walks the elements in file order; past the last, the focus leaves
 * the canvas as usual. */
static gboolean
focus_step (BwDiagramView *self,
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
      return focus_step (self, 1);
    case GDK_KEY_ISO_Left_Tab:
      return focus_step (self, -1);

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

/* Drawing what a drag shows before it is a command */

static void
accent_source (cairo_t *cr,
               double   alpha)
{
  /* libadwaita's blue accent, readable on light and dark. */
  cairo_set_source_rgba (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, alpha);
}

static void
draw_grid (BwDiagramView *self,
           cairo_t       *cr)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double x1, y1, x2, y2;
  double r = 1.0 / self->zoom;
  /* A dot every other grid step: every step is too busy a background. */
  double dots = 2 * self->grid_size;

  if (!self->show_grid || dots * self->zoom < 8)
    return;

  cairo_save (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, 0.14);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0.14);
  for (double y = floor (y1 / dots) * dots; y <= y2; y += dots)
    for (double x = floor (x1 / dots) * dots; x <= x2; x += dots)
      cairo_rectangle (cr, x - r / 2, y - r / 2, r * 1.5, r * 1.5);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_bw_diagram_view_draw_overlay (BwDiagramView *self,
                               cairo_t       *cr)
{
  double line = 1.0 / self->zoom;

  cairo_save (cr);
  switch (self->drag)
    {
    case DRAG_RUBBER:
      {
        BwRect r = bw_rect_normalize (&(BwRect) { self->start_x, self->start_y,
                                                  self->current_x - self->start_x,
                                                  self->current_y - self->start_y });

        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        accent_source (cr, 0.15);
        cairo_fill_preserve (cr);
        accent_source (cr, 0.8);
        cairo_set_line_width (cr, line);
        cairo_stroke (cr);
      }
      break;

    case DRAG_CONNECT:
    case DRAG_RECONNECT:
    case DRAG_LINE:
      {
        double sx = self->start_x, sy = self->start_y;
        BwElement *node = self->drag == DRAG_CONNECT ? lookup_element (self, self->drag_id) : NULL;
        BwVec centre;

        if (node != NULL && bw_element_get_centre (node, &centre))
          {
            sx = centre.x;
            sy = centre.y;
          }
        cairo_move_to (cr, sx, sy);
        cairo_line_to (cr, self->current_x, self->current_y);
        accent_source (cr, 0.9);
        cairo_set_line_width (cr, 2 * line);
        if (self->drag == DRAG_LINE)
          {
            double dash[] = { 6 * line, 4 * line };

            cairo_set_dash (cr, dash, 2, 0);
          }
        cairo_stroke (cr);
      }
      break;

    case DRAG_BOX:
      {
        BwRect r = bw_rect_normalize (&(BwRect) { self->start_x, self->start_y,
                                                  self->current_x - self->start_x,
                                                  self->current_y - self->start_y });
        double dash[] = { 6 * line, 4 * line };

        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        accent_source (cr, 0.9);
        cairo_set_line_width (cr, 2 * line);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_stroke (cr);
      }
      break;

    case DRAG_NONE:
    case DRAG_MOVE:
    case DRAG_RESIZE:
    case DRAG_BEND:
    case DRAG_PLACE:
    default:
      break;
    }

  /* The keyboard focus among the elements. */
  if (self->focus_index >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      const char *id = bw_diagram_view_get_selected_id (self);
      BwElement *element = lookup_element (self, id);
      BwRect r;

      if (element != NULL && bw_geometry_get_extents (self->project, element, &r))
        {
          double dash[] = { 2 * line, 2 * line };

          r = bw_rect_grow (&r, 10 * line);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          accent_source (cr, 1);
          cairo_set_line_width (cr, line);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

void
_bw_diagram_view_draw_grid (BwDiagramView *self,
                            cairo_t       *cr)
{
  draw_grid (self, cr);
}

/* Accessibility: the canvas's label names what has the focus, since GTK
 * 4.8 cannot expose the elements as children. */
void
_bw_diagram_view_update_accessible (BwDiagramView *self)
{
  BwRecord *diagram = NULL;
  BwElement *element = lookup_element (self, bw_diagram_view_get_selected_id (self));
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

/* Set-up */

void
_bw_diagram_view_init_edit (BwDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_widget_set_name (GTK_WIDGET (self), "diagram-view");
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "edit-drag");
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "edit-click");
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "edit-keys");
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (key_released_cb), self);
  g_signal_connect_swapped (controller, "modifiers", G_CALLBACK (modifiers_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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
_bw_diagram_view_dispose_edit (BwDiagramView *self)
{
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_entry = NULL;
  g_clear_pointer (&self->rename_id, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_before, g_strfreev);
}
