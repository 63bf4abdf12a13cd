/* bw-diagram-view-edit.c — the canvas's primary drag: select, move, resize,
 * bend, reconnect, rubber band; and what every edit on the canvas shares
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Tools are states of one primary-button drag gesture: what the button
 * went down on decides what the drag does (move, resize, bend, reconnect,
 * rubber band, connect, place, draw a boundary; creating is in
 * bw-diagram-view-tools.c). Every change is a core command; the steps of
 * one drag merge into one undo step, sealed when the button goes up.
 * Commands carry the selection before and after, so undo and redo put it
 * back.
 */
#include "config.h"

#include <math.h>

#include "bw-command-move.h"
#include "bw-command-reconnect.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

/* In pixels, whatever the zoom. */
#define HANDLE_REACH   7.0
#define LINE_REACH     6.0
#define DRAG_THRESHOLD 3.0
/* In diagram units. */
#define SELECTION_GAP  4.0   /* where the painter draws a node's handles */

/* What every edit on the canvas shares (the private header) */

void
_bw_diagram_view_set_str (char       **slot,
                          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

BwElement *
_bw_diagram_view_lookup_element (BwDiagramView *self,
                                 const char    *id)
{
  BwRecord *record = self->project && id ? bw_project_lookup (self->project, id) : NULL;

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

double
_bw_diagram_view_snap (BwDiagramView *self,
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

BwCommandStack *
_bw_diagram_view_get_stack (BwDiagramView *self)
{
  return bw_project_get_command_stack (self->project);
}

/* Runs `command` (consumed) as one step that ends with `after` selected;
 * a failure goes to the log and leaves the document as it was. */
gboolean
_bw_diagram_view_execute (BwDiagramView      *self,
                          BwCommand          *command,
                          const char * const *before,
                          const char * const *after)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  if (command == NULL)
    return FALSE;
  bw_command_set_selection (command, before, after);
  if (!bw_command_stack_execute (_bw_diagram_view_get_stack (self), command, &error))
    {
      g_warning ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  bw_diagram_view_set_selection (self, after);
  return TRUE;
}

GStrv
_bw_diagram_view_dup_selection (BwDiagramView *self)
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

BwElement *
_bw_diagram_view_node_at (BwDiagramView *self,
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

GVariant *
_bw_diagram_view_points_variant (GArray *points)
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
  g_value_set_variant (&value, _bw_diagram_view_points_variant (points));
  command = bw_command_set_property_new (self->project, id, "points", &value);
  bw_command_set_label (command, bw_command_describe (bw_project_lookup (self->project, id),
                                                      BW_COMMAND_VERB_CHANGE));
  return command;
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
      BwElement *element = _bw_diagram_view_lookup_element (self, selection[i]);
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
                  _bw_diagram_view_set_str (&self->drag_id, selection[i]);
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
                  _bw_diagram_view_set_str (&self->drag_id, selection[i]);
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
                  _bw_diagram_view_set_str (&self->drag_id, selection[i]);
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
                _bw_diagram_view_set_str (&self->drag_id, selection[i]);
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
  self->drag_before = _bw_diagram_view_dup_selection (self);
  /* Whatever came before (an arrow key, a typed name) is its own step. */
  bw_command_stack_seal (_bw_diagram_view_get_stack (self));

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
      _bw_diagram_view_set_str (&self->drag_id, bw_record_get_id (BW_RECORD (element)));
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
          BwElement *reference = _bw_diagram_view_lookup_element (self, self->drag_id);

          for (guint i = 0; selection[i] != NULL && (reference == NULL || !bw_element_get_rect (reference, &self->drag_rect)); i++)
            reference = _bw_diagram_view_lookup_element (self, selection[i]);
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
      element = _bw_diagram_view_node_at (self, dx, dy);
      self->drag = element ? DRAG_CONNECT : DRAG_NONE;
      if (element != NULL)
        _bw_diagram_view_set_str (&self->drag_id, bw_record_get_id (BW_RECORD (element)));
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
  double target_x = _bw_diagram_view_snap (self, self->drag_rect.x + self->current_x - self->start_x) - self->drag_rect.x;
  double target_y = _bw_diagram_view_snap (self, self->drag_rect.y + self->current_y - self->start_y) - self->drag_rect.y;
  double step_x = target_x - self->moved_x;
  double step_y = target_y - self->moved_y;

  if ((step_x == 0 && step_y == 0) || selection[0] == NULL)
    return;
  if (_bw_diagram_view_execute (self, bw_command_move_new (self->project, selection, step_x, step_y),
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
    x0 = MIN (_bw_diagram_view_snap (self, x0 + ox), x1 - MIN_SIZE);
  else
    x1 = MAX (_bw_diagram_view_snap (self, x1 + ox), x0 + MIN_SIZE);
  if (self->drag_handle == 0 || self->drag_handle == 1)
    y0 = MIN (_bw_diagram_view_snap (self, y0 + oy), y1 - MIN_SIZE);
  else
    y1 = MAX (_bw_diagram_view_snap (self, y1 + oy), y0 + MIN_SIZE);

  r = (BwRect) { x0, y0, x1 - x0, y1 - y0 };
  _bw_diagram_view_execute (self, bw_command_resize_new (self->project, self->drag_id, &r),
                            (const char * const *) self->drag_before, ids);
}

static void
update_bend (BwDiagramView *self)
{
  BwElement *element = _bw_diagram_view_lookup_element (self, self->drag_id);
  g_autoptr(GArray) points = NULL;
  const char *ids[2] = { self->drag_id, NULL };
  BwVec p = { _bw_diagram_view_snap (self, self->current_x), _bw_diagram_view_snap (self, self->current_y) };

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

  _bw_diagram_view_execute (self, set_points_command (self, self->drag_id, points),
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
finish_reconnect (BwDiagramView *self)
{
  BwElement *flow = _bw_diagram_view_lookup_element (self, self->drag_id);
  BwElement *node = _bw_diagram_view_node_at (self, self->current_x, self->current_y);
  const char *ids[2] = { self->drag_id, NULL };
  const char *node_id;
  const char *now;

  if (flow == NULL || node == NULL)
    return;
  node_id = bw_record_get_id (BW_RECORD (node));
  now = self->drag_handle == BW_FLOW_END_SOURCE ? bw_element_get_source (flow) : bw_element_get_target (flow);
  if (g_strcmp0 (now, node_id) == 0)
    return;
  _bw_diagram_view_execute (self, bw_command_reconnect_new (self->project, self->drag_id, self->drag_handle, node_id),
                            (const char * const *) self->drag_before, ids);
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
      _bw_diagram_view_finish_connect (self);
      break;

    case DRAG_RECONNECT:
      finish_reconnect (self);
      break;

    case DRAG_PLACE:
    case DRAG_BOX:
    case DRAG_LINE:
      _bw_diagram_view_finish_create (self, mode);
      break;

    case DRAG_RESIZE:
    case DRAG_BEND:
    case DRAG_NONE:
    default:
      break;
    }

  /* One drag, one undo step. */
  if (self->project != NULL)
    bw_command_stack_seal (_bw_diagram_view_get_stack (self));
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

void
_bw_diagram_view_init_edit (BwDiagramView *self)
{
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
}

void
_bw_diagram_view_dispose_edit (BwDiagramView *self)
{
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_before, g_strfreev);
}
