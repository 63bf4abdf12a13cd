/* bw-diagram-view-viewport.c — the canvas's viewport: coordinates, zoom,
 * scrolling, panning, fitting, and the place kept per diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The view is a GtkScrollable: its adjustments scroll the diagram's
 * extents (the drawing plus a margin) at the zoom.  Every change of zoom or
 * scroll ends in place(), which puts one diagram point at one widget point.
 */
#include "config.h"

#include <math.h>

#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

/* What the view remembers of a diagram it left (ViewState, in the private
 * header), so that coming back shows the same place: the zoom and the
 * diagram point in the middle. */

/* Room around the drawing, in diagram units, so that nothing touches the
 * edge of the view when fitted. */
#define MARGIN 32.0
#define ZOOM_STEP 1.25

static double
content_width (BwDiagramView *self)
{
  return self->extents.width * self->zoom;
}

static double
content_height (BwDiagramView *self)
{
  return self->extents.height * self->zoom;
}

/* Where the diagram's content box starts in widget coordinates: centred
 * while it is smaller than the view, else wherever the scrollbars are. */
double
_bw_diagram_view_origin_x (BwDiagramView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content = content_width (self);

  if (content <= width || self->hadjustment == NULL)
    return (width - content) / 2.0;

  return -gtk_adjustment_get_value (self->hadjustment);
}

double
_bw_diagram_view_origin_y (BwDiagramView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double content = content_height (self);

  if (content <= height || self->vadjustment == NULL)
    return (height - content) / 2.0;

  return -gtk_adjustment_get_value (self->vadjustment);
}

static void
widget_to_diagram (BwDiagramView *self,
                   double         wx,
                   double         wy,
                   double        *dx,
                   double        *dy)
{
  *dx = (wx - _bw_diagram_view_origin_x (self)) / self->zoom + self->extents.x;
  *dy = (wy - _bw_diagram_view_origin_y (self)) / self->zoom + self->extents.y;
}

void
_bw_diagram_view_widget_to_diagram (BwDiagramView *self,
                                    double         wx,
                                    double         wy,
                                    double        *dx,
                                    double        *dy)
{
  widget_to_diagram (self, wx, wy, dx, dy);
}

void
_bw_diagram_view_diagram_to_widget (BwDiagramView *self,
                                    double         dx,
                                    double         dy,
                                    double        *wx,
                                    double        *wy)
{
  *wx = (dx - self->extents.x) * self->zoom + _bw_diagram_view_origin_x (self);
  *wy = (dy - self->extents.y) * self->zoom + _bw_diagram_view_origin_y (self);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         content,
                      double         page)
{
  double upper = MAX (content, page);

  if (adjustment == NULL)
    return;

  value = CLAMP (value, 0.0, upper - page);
  gtk_adjustment_configure (adjustment, value, 0.0, upper,
                            page * 0.1, page * 0.9, page);
}

/* Sets zoom and scroll so that diagram point (dx, dy) sits at widget point
 * (wx, wy); everything that moves the view ends here. */
static void
place (BwDiagramView *self,
       double         zoom,
       double         dx,
       double         dy,
       double         wx,
       double         wy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean zoom_changed;

  zoom = CLAMP (zoom, BW_DIAGRAM_VIEW_ZOOM_MIN, BW_DIAGRAM_VIEW_ZOOM_MAX);
  zoom_changed = zoom != self->zoom;
  self->zoom = zoom;

  configure_adjustment (self->hadjustment,
                        (dx - self->extents.x) * zoom - wx,
                        content_width (self), width);
  configure_adjustment (self->vadjustment,
                        (dy - self->extents.y) * zoom - wy,
                        content_height (self), height);

  if (zoom_changed)
    _bw_diagram_view_notify_zoom (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_about (BwDiagramView *self,
            double         zoom,
            double         wx,
            double         wy)
{
  double dx, dy;

  widget_to_diagram (self, wx, wy, &dx, &dy);
  place (self, zoom, dx, dy, wx, wy);
}

static void
zoom_about_center (BwDiagramView *self,
                   double         zoom)
{
  zoom_about (self, zoom,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
_bw_diagram_view_update_extents (BwDiagramView *self)
{
  BwRect drawn = { 0, 0, 0, 0 };
  BwPainterScene *scene = _bw_diagram_view_ensure_scene (self);

  if (scene == NULL || !bw_painter_get_scene_extents (scene, &drawn))
    {
      /* An empty diagram still gets a page of room to look at. */
      drawn.x = 0;
      drawn.y = 0;
      drawn.width = 640;
      drawn.height = 480;
    }

  self->extents.x = drawn.x - MARGIN;
  self->extents.y = drawn.y - MARGIN;
  self->extents.width = drawn.width + 2 * MARGIN;
  self->extents.height = drawn.height + 2 * MARGIN;
}

void
_bw_diagram_view_save_state (BwDiagramView *self)
{
  ViewState *state;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->diagram_id == NULL || self->needs_fit)
    return;

  state = g_new0 (ViewState, 1);
  state->zoom = self->zoom;
  widget_to_diagram (self, width / 2.0, height / 2.0, &state->center_x, &state->center_y);
  g_hash_table_replace (self->states, g_strdup (self->diagram_id), state);
}

void
_bw_diagram_view_restore_state (BwDiagramView *self)
{
  ViewState *state;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    {
      self->needs_fit = TRUE;
      return;
    }

  state = self->diagram_id ? g_hash_table_lookup (self->states, self->diagram_id) : NULL;
  if (state == NULL)
    {
      bw_diagram_view_zoom_fit (self);
      return;
    }

  self->needs_fit = FALSE;
  place (self, state->zoom, state->center_x, state->center_y, width / 2.0, height / 2.0);
}

/* The document changed (an edit, an undo): the drawing may have grown or
 * shrunk, so keep the middle of the view where it is and redraw. */
void
_bw_diagram_view_document_changed (BwDiagramView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx, dy;

  self->scene_stale = TRUE;
  if (self->needs_fit || width <= 0 || height <= 0)
    {
      _bw_diagram_view_update_extents (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  widget_to_diagram (self, width / 2.0, height / 2.0, &dx, &dy);
  {
    BwRect visible;
    double x1, y1;

    /* While editing, nothing may jump: the scroll area keeps covering
     * what is on screen, so a drawing that grows or shrinks elsewhere
     * neither re-centres nor scrolls what the user is working on. */
    widget_to_diagram (self, 0, 0, &visible.x, &visible.y);
    widget_to_diagram (self, width, height, &x1, &y1);
    visible.width = x1 - visible.x;
    visible.height = y1 - visible.y;
    _bw_diagram_view_update_extents (self);
    self->extents = bw_rect_union (&self->extents, &visible);
  }
  place (self, self->zoom, dx, dy, width / 2.0, height / 2.0);
}

static void
adjustment_value_changed_cb (BwDiagramView *self,
                             GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_bw_diagram_view_set_adjustment (BwDiagramView  *self,
                                 GtkAdjustment **slot,
                                 GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_bw_diagram_view_dispose_viewport (BwDiagramView *self)
{
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

/* Keeps the scroll within the new limits, or fits or restores the place
 * the first time the widget has a size. */
void
_bw_diagram_view_allocate_viewport (BwDiagramView *self,
                                    int            width,
                                    int            height)
{
  if (self->needs_fit && width > 0 && height > 0)
    {
      _bw_diagram_view_restore_state (self);
      return;
    }

  /* Keep the scroll, within the new limits. */
  configure_adjustment (self->hadjustment,
                        self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0,
                        content_width (self), width);
  configure_adjustment (self->vadjustment,
                        self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0,
                        content_height (self), height);
}

/* Input */

static void
motion_cb (BwDiagramView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
scroll_cb (BwDiagramView            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  double steps;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Without Ctrl the scrolled window pans. */
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  /* A wheel click is one step; a touchpad reports pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    steps = -dy;
  else
    steps = -dy / 20.0;

  zoom_about (self, self->zoom * pow (ZOOM_STEP, steps), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
zoom_begin_cb (BwDiagramView    *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (BwDiagramView  *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  zoom_about (self, self->gesture_zoom * scale, x, y);
}

void
_bw_diagram_view_pan_begin (BwDiagramView *self)
{
  self->drag_h = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->drag_v = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_begin_cb (BwDiagramView  *self,
              double          x,
              double          y,
              GtkGestureDrag *gesture)
{
  _bw_diagram_view_pan_begin (self);
}

void
_bw_diagram_view_pan_update (BwDiagramView *self,
                             double         offset_x,
                             double         offset_y)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->drag_h - offset_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->drag_v - offset_y);
}

static void
pan_update_cb (BwDiagramView  *self,
               double          offset_x,
               double          offset_y,
               GtkGestureDrag *gesture)
{
  _bw_diagram_view_pan_update (self, offset_x, offset_y);
}

static void
pan_end_cb (BwDiagramView  *self,
            double          offset_x,
            double          offset_y,
            GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

void
_bw_diagram_view_init_viewport (BwDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

double
bw_diagram_view_get_zoom (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 1.0);

  return self->zoom;
}

void
bw_diagram_view_set_zoom (BwDiagramView *self,
                          double         zoom)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  self->needs_fit = FALSE;
  zoom_about_center (self, zoom);
}

void
bw_diagram_view_zoom_in (BwDiagramView *self)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  bw_diagram_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
bw_diagram_view_zoom_out (BwDiagramView *self)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  bw_diagram_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

void
bw_diagram_view_zoom_fit (BwDiagramView *self)
{
  double width, height, zoom;

  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      self->needs_fit = TRUE;
      return;
    }

  self->needs_fit = FALSE;
  /* What is drawn now, without the room kept while editing. */
  _bw_diagram_view_update_extents (self);
  zoom = MIN (width / self->extents.width, height / self->extents.height);
  /* Small diagrams are not blown up past their natural size: text looks
   * wrong larger than it was drawn. */
  zoom = MIN (zoom, 1.0);
  place (self, zoom,
         self->extents.x + self->extents.width / 2.0,
         self->extents.y + self->extents.height / 2.0,
         width / 2.0, height / 2.0);
}

void
bw_diagram_view_zoom_reset (BwDiagramView *self)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  bw_diagram_view_set_zoom (self, 1.0);
}

void
bw_diagram_view_diagram_to_widget (BwDiagramView *self,
                                   double         dx,
                                   double         dy,
                                   double        *wx,
                                   double        *wy)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (wx != NULL && wy != NULL);

  _bw_diagram_view_diagram_to_widget (self, dx, dy, wx, wy);
}
