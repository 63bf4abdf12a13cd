/* bw-attack-tree-view.c — the graphical attack tree
 *
 * Graphviz only lays the tree out (bw_graphviz_layout_tree); the view draws
 * that layout itself with bw_attack_tree_paint, so every node is a target
 * for clicks and drags. The layout is kept between frames and made again
 * only when the document, the direction or the shown values change.
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "bw-attack-tree-painter.h"
#include "bw-attack-tree-view.h"
#include "bw-graphviz.h"

#define MARGIN 24.0
#define MIN_ZOOM 0.1
#define MAX_ZOOM 4.0
#define MIN_FIT_ZOOM 0.55
#define DRAG_THRESHOLD 5.0

struct _BwAttackTreeView
{
  GtkWidget     parent_instance;

  BwProject    *project;
  char         *tree_id;
  char         *selected_id;
  GStrv         highlight;
  BwAttackEval *eval;
  BwAttackView  view;
  gboolean      left_to_right;

  BwTreeLayout *layout;
  double        zoom;
  double        pan_x, pan_y;      /* widget position of the layout's (0, 0) */
  gboolean      fit_pending;       /* fit once the widget has a size */

  /* A drag: of a node (reparent) or of the background (pan). */
  char         *drag_node;
  char         *drop_target;
  double        drag_start_x, drag_start_y;
  double        drag_x, drag_y;
  double        drag_pan_x, drag_pan_y;
  gboolean      dragging;
};

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_ZOOM,
  N_PROPS
};

enum {
  REPARENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BwAttackTreeView, bw_attack_tree_view, GTK_TYPE_WIDGET)

static BwAttackTree *
get_tree (BwAttackTreeView *self)
{
  BwRecord *record;

  if (self->project == NULL || self->tree_id == NULL)
    return NULL;

  record = bw_project_lookup (self->project, self->tree_id);

  return BW_IS_ATTACK_TREE (record) ? BW_ATTACK_TREE (record) : NULL;
}

static void
to_layout (BwAttackTreeView *self,
           double            wx,
           double            wy,
           double           *lx,
           double           *ly)
{
  *lx = (wx - self->pan_x) / self->zoom;
  *ly = (wy - self->pan_y) / self->zoom;
}

static void
center_if_small (BwAttackTreeView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout == NULL)
    return;

  /* A tree smaller than the view sits in its middle rather than in a
   * corner; a larger one keeps where the user panned it. */
  if (self->layout->width * self->zoom + 2 * MARGIN <= width)
    self->pan_x = (width - self->layout->width * self->zoom) / 2.0;
  if (self->layout->height * self->zoom + 2 * MARGIN <= height)
    self->pan_y = (height - self->layout->height * self->zoom) / 2.0;
}

void
bw_attack_tree_view_relayout (BwAttackTreeView *self)
{
  BwAttackTree *tree = get_tree (self);
  BwTreeGraphOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  g_clear_pointer (&self->layout, bw_tree_layout_free);
  if (tree != NULL)
    {
      options.left_to_right = self->left_to_right;
      options.show_values = self->eval != NULL;
      self->layout = bw_graphviz_layout_tree (tree, &options, &error);
      if (self->layout == NULL)
        g_warning ("Cannot lay out %s: %s", self->tree_id, error->message);
    }

  center_if_small (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_zoom_at (BwAttackTreeView *self,
             double            zoom,
             double            wx,
             double            wy)
{
  double lx, ly;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  to_layout (self, wx, wy, &lx, &ly);
  self->zoom = zoom;
  /* The point under the pointer stays where it is. */
  self->pan_x = wx - lx * zoom;
  self->pan_y = wy - ly * zoom;
  center_if_small (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
bw_attack_tree_view_zoom_by (BwAttackTreeView *self,
                             double            factor)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  set_zoom_at (self, self->zoom * factor,
               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bw_attack_tree_view_zoom_fit (BwAttackTreeView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (self->layout == NULL || width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  zoom = MIN ((width - 2 * MARGIN) / MAX (self->layout->width, 1.0),
              (height - 2 * MARGIN) / MAX (self->layout->height, 1.0));
  /* Fitting never blows a small tree up beyond its natural size, nor
   * shrinks a large one until its labels cannot be read: then the root
   * shows first, at the top (or left) and in the middle, and the rest is
   * a pan away. */
  self->zoom = CLAMP (MIN (zoom, 1.0), MIN_FIT_ZOOM, MAX_ZOOM);
  self->pan_x = (width - self->layout->width * self->zoom) / 2.0;
  self->pan_y = (height - self->layout->height * self->zoom) / 2.0;
  if (self->left_to_right && self->pan_x < MARGIN)
    self->pan_x = MARGIN;
  else if (!self->left_to_right && self->pan_y < MARGIN)
    self->pan_y = MARGIN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
bw_attack_tree_view_get_zoom (BwAttackTreeView *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_VIEW (self), 1.0);

  return self->zoom;
}

void
bw_attack_tree_view_reveal (BwAttackTreeView *self,
                            const char       *node_id)
{
  const BwTreeLayoutNode *node;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double left, top, right, bottom;

  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (self->layout == NULL || node_id == NULL || width <= 0 || self->fit_pending)
    return;
  node = bw_tree_layout_find (self->layout, node_id);
  if (node == NULL)
    return;

  left = self->pan_x + (node->x - node->width / 2) * self->zoom;
  right = self->pan_x + (node->x + node->width / 2) * self->zoom;
  top = self->pan_y + (node->y - node->height / 2) * self->zoom;
  bottom = self->pan_y + (node->y + node->height / 2) * self->zoom;

  /* Only when it is (partly) out of sight: a pan the user did not ask for
   * is disorienting, so the view moves no more than it must. */
  if (right - left > width - 2 * MARGIN)
    self->pan_x = width / 2.0 - node->x * self->zoom;
  else if (left < MARGIN)
    self->pan_x += MARGIN - left;
  else if (right > width - MARGIN)
    self->pan_x -= right - (width - MARGIN);
  if (bottom - top > height - 2 * MARGIN)
    self->pan_y = height / 2.0 - node->y * self->zoom;
  else if (top < MARGIN)
    self->pan_y += MARGIN - top;
  else if (bottom > height - MARGIN)
    self->pan_y -= bottom - (height - MARGIN);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

static void
bw_attack_tree_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (widget);
  BwAttackTree *tree = get_tree (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *selection[2] = { self->selected_id, NULL };
  BwTreePaintOptions options = { 0 };
  cairo_t *cr;

  if (tree == NULL || self->layout == NULL)
    return;

  if (self->fit_pending)
    bw_attack_tree_view_zoom_fit (self);

  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.selection = self->selected_id != NULL ? selection : NULL;
  options.highlight = (const char * const *) self->highlight;
  options.eval = self->eval;
  options.view = self->view;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, self->pan_x, self->pan_y);
  cairo_scale (cr, self->zoom, self->zoom);
  bw_attack_tree_paint (cr, tree, self->layout, &options);

  /* While a node is dragged: a line from it to the pointer, and the node
   * it would be dropped on outlined, so the user sees the new parent. */
  if (self->dragging && self->drag_node != NULL)
    {
      const BwTreeLayoutNode *from = bw_tree_layout_find (self->layout, self->drag_node);
      const BwTreeLayoutNode *to = self->drop_target
        ? bw_tree_layout_find (self->layout, self->drop_target) : NULL;
      double lx, ly;

      to_layout (self, self->drag_x, self->drag_y, &lx, &ly);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 2.0 / self->zoom);
      if (from != NULL)
        {
          double dash = 6.0 / self->zoom;

          cairo_set_dash (cr, &dash, 1, 0);
          cairo_move_to (cr, from->x, from->y);
          cairo_line_to (cr, lx, ly);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (to != NULL)
        {
          cairo_set_line_width (cr, 3.0 / self->zoom);
          cairo_rectangle (cr, to->x - to->width / 2 - 4, to->y - to->height / 2 - 4,
                           to->width + 8, to->height + 8);
          cairo_stroke (cr);
        }
    }

  cairo_destroy (cr);
}

static void
bw_attack_tree_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (widget);

  if (self->fit_pending)
    bw_attack_tree_view_zoom_fit (self);
  else
    center_if_small (self);
}

/* Input */

static void
drag_begin_cb (BwAttackTreeView *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  const char *hit = NULL;
  double lx, ly;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  to_layout (self, x, y, &lx, &ly);
  if (self->layout != NULL)
    hit = bw_tree_layout_node_at (self->layout, lx, ly);

  g_clear_pointer (&self->drag_node, g_free);
  g_clear_pointer (&self->drop_target, g_free);
  self->drag_node = g_strdup (hit);
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
  self->dragging = FALSE;

  /* A press on the background clears the selection, as in the diagrams. */
  bw_attack_tree_view_set_selected_id (self, hit);
}

static void
drag_update_cb (BwAttackTreeView *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  double lx, ly;
  const char *hit;

  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->dragging = TRUE;
  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;

  if (self->drag_node == NULL)
    {
      self->pan_x = self->drag_pan_x + dx;
      self->pan_y = self->drag_pan_y + dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  to_layout (self, self->drag_x, self->drag_y, &lx, &ly);
  hit = self->layout ? bw_tree_layout_node_at (self->layout, lx, ly) : NULL;
  g_free (self->drop_target);
  self->drop_target = g_strcmp0 (hit, self->drag_node) != 0 ? g_strdup (hit) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (BwAttackTreeView *self,
             double            dx,
             double            dy,
             GtkGestureDrag   *gesture)
{
  g_autofree char *node = g_steal_pointer (&self->drag_node);
  g_autofree char *target = g_steal_pointer (&self->drop_target);
  gboolean dragged = self->dragging;

  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (dragged && node != NULL && target != NULL)
    g_signal_emit (self, signals[REPARENT], 0, node, target);
}

static gboolean
scroll_cb (BwAttackTreeView         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
      double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      if (event != NULL)
        {
          GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
          double nx, ny, tx, ty;

          if (gdk_event_get_position (event, &nx, &ny))
            {
              gtk_native_get_surface_transform (native, &tx, &ty);
              gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                                nx - tx, ny - ty, &x, &y);
            }
        }
      set_zoom_at (self, self->zoom * pow (1.1, -dy), x, y);
      return TRUE;
    }

  self->pan_x -= dx * 30.0;
  self->pan_y -= dy * 30.0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* GObject */

static void
bw_attack_tree_view_dispose (GObject *object)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  g_clear_pointer (&self->layout, bw_tree_layout_free);

  G_OBJECT_CLASS (bw_attack_tree_view_parent_class)->dispose (object);
}

static void
bw_attack_tree_view_finalize (GObject *object)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (object);

  g_free (self->tree_id);
  g_free (self->selected_id);
  g_strfreev (self->highlight);
  g_free (self->drag_node);
  g_free (self->drop_target);

  G_OBJECT_CLASS (bw_attack_tree_view_parent_class)->finalize (object);
}

static void
bw_attack_tree_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_attack_tree_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BwAttackTreeView *self = BW_ATTACK_TREE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      bw_attack_tree_view_set_selected_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_attack_tree_view_class_init (BwAttackTreeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_attack_tree_view_dispose;
  object_class->finalize = bw_attack_tree_view_finalize;
  object_class->get_property = bw_attack_tree_view_get_property;
  object_class->set_property = bw_attack_tree_view_set_property;

  widget_class->snapshot = bw_attack_tree_view_snapshot;
  widget_class->size_allocate = bw_attack_tree_view_size_allocate;

  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BwAttackTreeView::reparent:
   * @node_id: the node that was dragged
   * @parent_id: the node it was dropped on
   *
   * The view changes nothing itself; its owner runs the command.
   */
  signals[REPARENT] =
    g_signal_new ("reparent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "attack-tree-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bw_attack_tree_view_init (BwAttackTreeView *self)
{
  GtkGesture *drag;
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->fit_pending = TRUE;
  self->view = BW_ATTACK_VIEW_RESIDUAL;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
bw_attack_tree_view_new (void)
{
  return g_object_new (BW_TYPE_ATTACK_TREE_VIEW, NULL);
}

void
bw_attack_tree_view_set_project (BwAttackTreeView *self,
                                 BwProject        *project)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (g_set_object (&self->project, project))
    bw_attack_tree_view_relayout (self);
}

void
bw_attack_tree_view_set_tree_id (BwAttackTreeView *self,
                                 const char       *tree_id)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (g_strcmp0 (self->tree_id, tree_id) == 0)
    return;

  g_free (self->tree_id);
  self->tree_id = g_strdup (tree_id);
  g_clear_pointer (&self->highlight, g_strfreev);
  /* Another tree is shown whole first. */
  self->fit_pending = TRUE;
  bw_attack_tree_view_relayout (self);
}

const char *
bw_attack_tree_view_get_selected_id (BwAttackTreeView *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_VIEW (self), NULL);

  return self->selected_id;
}

void
bw_attack_tree_view_set_selected_id (BwAttackTreeView *self,
                                     const char       *node_id)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (g_strcmp0 (self->selected_id, node_id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (node_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

void
bw_attack_tree_view_set_highlight (BwAttackTreeView   *self,
                                   const char * const *leaf_ids)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  g_strfreev (self->highlight);
  self->highlight = g_strdupv ((char **) leaf_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_attack_tree_view_set_left_to_right (BwAttackTreeView *self,
                                       gboolean          left_to_right)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  left_to_right = !!left_to_right;
  if (self->left_to_right == left_to_right)
    return;

  self->left_to_right = left_to_right;
  self->fit_pending = TRUE;
  bw_attack_tree_view_relayout (self);
}

gboolean
bw_attack_tree_view_get_left_to_right (BwAttackTreeView *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_VIEW (self), FALSE);

  return self->left_to_right;
}

/* The evaluation is the page's; with it, nodes are laid out taller to show
 * their values. */
void
bw_attack_tree_view_set_eval (BwAttackTreeView *self,
                              BwAttackEval     *eval,
                              BwAttackView      view)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_VIEW (self));

  if (eval != NULL)
    bw_attack_eval_ref (eval);
  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  self->eval = eval;
  self->view = view;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
