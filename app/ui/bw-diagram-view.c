/* bw-diagram-view.c — shows one diagram of a project: zoom, pan, selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

/* What the view remembers of a diagram it left (ViewState, in the private
 * header), so that coming back shows the same place: the zoom and the
 * diagram point in the middle. */

/* Room around the drawing, in diagram units, so that nothing touches the
 * edge of the view when fitted. */
#define MARGIN 32.0
#define ZOOM_STEP 1.25
/* How close (in pixels) a click must be to a flow to pick it. */
#define LINE_TOLERANCE 6.0

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DIAGRAM_ID,
  PROP_SELECTED_ID,
  PROP_SELECTION,
  PROP_ZOOM,
  PROP_TOOL,
  PROP_SNAP,
  PROP_GRID_SIZE,
  PROP_SHOW_GRID,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (BwDiagramView, bw_diagram_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

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
static double
origin_x (BwDiagramView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content = content_width (self);

  if (content <= width || self->hadjustment == NULL)
    return (width - content) / 2.0;

  return -gtk_adjustment_get_value (self->hadjustment);
}

static double
origin_y (BwDiagramView *self)
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
  *dx = (wx - origin_x (self)) / self->zoom + self->extents.x;
  *dy = (wy - origin_y (self)) / self->zoom + self->extents.y;
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
  *wx = (dx - self->extents.x) * self->zoom + origin_x (self);
  *wy = (dy - self->extents.y) * self->zoom + origin_y (self);
}

/* The layout of the diagram, kept between frames and laid out again
 * (reusing what did not change) after an edit. */
BwPainterScene *
_bw_diagram_view_ensure_scene (BwDiagramView *self)
{
  BwPainterScene *fresh;

  if (self->project == NULL || self->diagram_id == NULL)
    return NULL;
  if (self->scene != NULL && !self->scene_stale)
    return self->scene;

  /* While a drag moves things, labels of flows that did not move stay put;
   * the drag's end lays everything out exactly. */
  if (self->scene != NULL && (self->drag == DRAG_MOVE || self->drag == DRAG_RESIZE || self->drag == DRAG_BEND))
    fresh = bw_painter_scene_new_quick (self->project, self->diagram_id, self->scene);
  else
    fresh = bw_painter_scene_new_from (self->project, self->diagram_id, self->scene);
  g_clear_pointer (&self->scene, bw_painter_scene_free);
  self->scene = fresh;
  self->scene_stale = FALSE;
  return self->scene;
}

BwSpatialIndex *
_bw_diagram_view_get_index (BwDiagramView *self)
{
  if (self->project == NULL || self->diagram_id == NULL)
    return NULL;
  if (self->index == NULL)
    self->index = bw_spatial_index_new (self->project, self->diagram_id);
  return self->index;
}

/* Another diagram or another document: nothing laid out is of use. */
static void
drop_scene (BwDiagramView *self)
{
  g_clear_pointer (&self->scene, bw_painter_scene_free);
  g_clear_pointer (&self->index, bw_spatial_index_free);
  self->scene_stale = FALSE;
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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

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

static void
update_extents (BwDiagramView *self)
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

static void
save_state (BwDiagramView *self)
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

static void
restore_state (BwDiagramView *self)
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
static void
document_changed (BwDiagramView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx, dy;

  self->scene_stale = TRUE;
  if (self->needs_fit || width <= 0 || height <= 0)
    {
      update_extents (self);
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
    update_extents (self);
    self->extents = bw_rect_union (&self->extents, &visible);
  }
  place (self, self->zoom, dx, dy, width / 2.0, height / 2.0);
}

static void
command_stack_changed_cb (BwDiagramView  *self,
                          BwCommandStack *stack)
{
  _bw_diagram_view_update_accessible (self);
  document_changed (self);
}

static void
elements_changed_cb (BwDiagramView *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  gboolean gone = FALSE;

  /* A removed element is no longer selected. */
  for (guint i = 0; self->project != NULL && i + 1 < self->selection->len; i++)
    {
      const char *id = g_ptr_array_index (self->selection, i);

      if (bw_project_lookup (self->project, id) != NULL)
        g_ptr_array_add (kept, g_strdup (id));
      else
        gone = TRUE;
    }
  if (gone)
    {
      g_ptr_array_add (kept, NULL);
      bw_diagram_view_set_selection (self, (const char * const *) kept->pdata);
    }

  document_changed (self);
}

static void
dark_changed_cb (BwDiagramView   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
adjustment_value_changed_cb (BwDiagramView *self,
                             GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (BwDiagramView  *self,
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

const char *
bw_diagram_view_element_at (BwDiagramView *self,
                            double         x,
                            double         y)
{
  BwElement *element;
  double dx, dy;

  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  if (self->project == NULL || self->diagram_id == NULL)
    return NULL;

  /* The tolerance is in pixels, whatever the zoom. */
  widget_to_diagram (self, x, y, &dx, &dy);
  element = bw_spatial_index_element_at (_bw_diagram_view_get_index (self), dx, dy,
                                         LINE_TOLERANCE / self->zoom);

  return element ? bw_record_get_id (BW_RECORD (element)) : NULL;
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

/* GtkWidget */

static void
bw_diagram_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (widget);

  if (self->rename_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename_popover));

  if (self->needs_fit && width > 0 && height > 0)
    {
      restore_state (self);
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

static void
bw_diagram_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Any size will do: the view zooms and scrolls to what it gets. */
  *minimum = 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
bw_diagram_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  BwPaintOptions options = { 0 };
  BwPainterScene *scene;
  cairo_t *cr;

  if (self->project == NULL || self->diagram_id == NULL || width <= 0 || height <= 0)
    return;
  if ((scene = _bw_diagram_view_ensure_scene (self)) == NULL)
    return;

  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.selection = self->selection->len > 1 ? (const char * const *) self->selection->pdata : NULL;
  options.background = FALSE;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, round (origin_x (self)), round (origin_y (self)));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->extents.x, -self->extents.y);
  _bw_diagram_view_draw_grid (self, cr);
  bw_painter_draw_scene (cr, scene, &options);
  _bw_diagram_view_draw_overlay (self, cr);
  cairo_destroy (cr);

  self->draw_count++;
}

/* GObject */

static void
bw_diagram_view_dispose (GObject *object)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (object);

  _bw_diagram_view_dispose_edit (self);
  bw_diagram_view_set_project (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (bw_diagram_view_parent_class)->dispose (object);
}

static void
bw_diagram_view_finalize (GObject *object)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (object);

  g_clear_pointer (&self->diagram_id, g_free);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->accessible_label, g_free);

  G_OBJECT_CLASS (bw_diagram_view_parent_class)->finalize (object);
}

static void
bw_diagram_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_DIAGRAM_ID:
      g_value_set_string (value, self->diagram_id);
      break;

    case PROP_SELECTED_ID:
      g_value_set_string (value, bw_diagram_view_get_selected_id (self));
      break;

    case PROP_SELECTION:
      g_value_set_boxed (value, self->selection->pdata);
      break;

    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;

    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;

    case PROP_GRID_SIZE:
      g_value_set_double (value, self->grid_size);
      break;

    case PROP_SHOW_GRID:
      g_value_set_boolean (value, self->show_grid);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_diagram_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BwDiagramView *self = BW_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_diagram_view_set_project (self, g_value_get_object (value));
      break;

    case PROP_DIAGRAM_ID:
      bw_diagram_view_set_diagram_id (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_ID:
      bw_diagram_view_set_selected_id (self, g_value_get_string (value));
      break;

    case PROP_SELECTION:
      bw_diagram_view_set_selection (self, g_value_get_boxed (value));
      break;

    case PROP_TOOL:
      bw_diagram_view_set_tool (self, g_value_get_int (value));
      break;

    case PROP_SNAP:
      bw_diagram_view_set_snap (self, g_value_get_boolean (value));
      break;

    case PROP_GRID_SIZE:
      bw_diagram_view_set_grid_size (self, g_value_get_double (value));
      break;

    case PROP_SHOW_GRID:
      bw_diagram_view_set_show_grid (self, g_value_get_boolean (value));
      break;

    case PROP_ZOOM:
      bw_diagram_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_diagram_view_class_init (BwDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_diagram_view_dispose;
  object_class->finalize = bw_diagram_view_finalize;
  object_class->get_property = bw_diagram_view_get_property;
  object_class->set_property = bw_diagram_view_set_property;

  widget_class->measure = bw_diagram_view_measure;
  widget_class->size_allocate = bw_diagram_view_size_allocate;
  widget_class->snapshot = bw_diagram_view_snapshot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIAGRAM_ID] =
    g_param_spec_string ("diagram-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_boxed ("selection", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, 0, BW_DIAGRAM_N_TOOLS - 1, BW_DIAGRAM_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRID_SIZE] =
    g_param_spec_double ("grid-size", NULL, NULL, 4.0, 128.0, BW_DIAGRAM_VIEW_GRID,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GRID] =
    g_param_spec_boolean ("show-grid", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         BW_DIAGRAM_VIEW_ZOOM_MIN, BW_DIAGRAM_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* A paste from the clipboard (an asynchronous read) has landed. */
  g_signal_new ("pasted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Ctrl+X took `n` elements off the diagram (the window offers Undo). */
  g_signal_new ("cut", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "diagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bw_diagram_view_init (BwDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->needs_fit = TRUE;
  self->snap = TRUE;
  self->show_grid = TRUE;
  self->grid_size = BW_DIAGRAM_VIEW_GRID;
  self->focus_index = -1;
  self->selection = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->selection, NULL);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  update_extents (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram"),
                                  -1);

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

  _bw_diagram_view_init_edit (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
bw_diagram_view_new (void)
{
  return g_object_new (BW_TYPE_DIAGRAM_VIEW, NULL);
}

BwProject *
bw_diagram_view_get_project (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return self->project;
}

void
bw_diagram_view_set_project (BwDiagramView *self,
                             BwProject     *project)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
    }

  drop_scene (self);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (command_stack_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_elements (project), "items-changed",
                               G_CALLBACK (elements_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* Another document: what the view remembered is meaningless now. */
  g_hash_table_remove_all (self->states);

  bw_diagram_view_set_selected_id (self, NULL);
  g_clear_pointer (&self->diagram_id, g_free);
  self->needs_fit = TRUE;
  update_extents (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bw_diagram_view_get_diagram_id (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return self->diagram_id;
}

void
bw_diagram_view_set_diagram_id (BwDiagramView *self,
                                const char    *diagram_id)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->diagram_id, diagram_id) == 0)
    return;

  save_state (self);

  g_free (self->diagram_id);
  self->diagram_id = g_strdup (diagram_id);
  drop_scene (self);
  self->focus_index = -1;
  _bw_diagram_view_update_accessible (self);
  bw_diagram_view_set_selected_id (self, NULL);
  update_extents (self);
  restore_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM_ID]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bw_diagram_view_get_selected_id (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return g_ptr_array_index (self->selection, 0);
}

void
bw_diagram_view_set_selected_id (BwDiagramView *self,
                                 const char    *element_id)
{
  const char *ids[2] = { element_id, NULL };

  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  bw_diagram_view_set_selection (self, ids);
}

const char * const *
bw_diagram_view_get_selection (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *) self->selection->pdata;
}

void
bw_diagram_view_set_selection (BwDiagramView      *self,
                               const char * const *ids)
{
  g_autofree char *old_first = NULL;
  /* The caller may pass (parts of) the selection itself, which is freed
   * below. */
  g_auto(GStrv) copy = g_strdupv ((char **) ids);
  gboolean same = TRUE;
  guint n = ids ? g_strv_length ((char **) ids) : 0;

  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  ids = (const char * const *) copy;

  if (n + 1 != self->selection->len)
    same = FALSE;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (ids[i], g_ptr_array_index (self->selection, i)) == 0;
  if (same)
    return;

  old_first = g_strdup (g_ptr_array_index (self->selection, 0));
  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; i < n; i++)
    {
      gboolean twice = FALSE;

      for (guint k = 0; k < self->selection->len && !twice; k++)
        twice = g_strcmp0 (g_ptr_array_index (self->selection, k), ids[i]) == 0;
      if (!twice)
        g_ptr_array_add (self->selection, g_strdup (ids[i]));
    }
  g_ptr_array_add (self->selection, NULL);

  _bw_diagram_view_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
  if (g_strcmp0 (old_first, g_ptr_array_index (self->selection, 0)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BwDiagramTool
bw_diagram_view_get_tool (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), BW_DIAGRAM_TOOL_SELECT);

  return self->tool;
}

void
bw_diagram_view_set_tool (BwDiagramView *self,
                          BwDiagramTool  tool)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (tool < BW_DIAGRAM_N_TOOLS);

  if (self->tool == tool)
    return;
  self->tool = tool;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), tool == BW_DIAGRAM_TOOL_SELECT ? NULL : "crosshair");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

gboolean
bw_diagram_view_get_snap (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), FALSE);

  return self->snap;
}

void
bw_diagram_view_set_snap (BwDiagramView *self,
                          gboolean       snap)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  snap = !!snap;
  if (self->snap == snap)
    return;
  self->snap = snap;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP]);
}

double
bw_diagram_view_get_grid_size (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), BW_DIAGRAM_VIEW_GRID);

  return self->grid_size;
}

void
bw_diagram_view_set_grid_size (BwDiagramView *self,
                               double         grid_size)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  grid_size = CLAMP (grid_size, 4.0, 128.0);
  if (self->grid_size == grid_size)
    return;
  self->grid_size = grid_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRID_SIZE]);
}

gboolean
bw_diagram_view_get_show_grid (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), FALSE);

  return self->show_grid;
}

void
bw_diagram_view_set_show_grid (BwDiagramView *self,
                               gboolean       show_grid)
{
  g_return_if_fail (BW_IS_DIAGRAM_VIEW (self));

  show_grid = !!show_grid;
  if (self->show_grid == show_grid)
    return;
  self->show_grid = show_grid;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GRID]);
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
  update_extents (self);
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

const char *
bw_diagram_view_get_accessible_label (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), NULL);

  return self->accessible_label;
}

guint
bw_diagram_view_get_draw_count (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  return self->draw_count;
}
