/* bw-diagram-view.c — shows one diagram of a project: the widget, its
 * properties, the selection, and the painting of the document
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The class spans several files around bw-diagram-view-private.h: the
 * viewport (zoom, scroll, pan), the pointer's edits (-edit, -tools), the
 * keys, inline rename, the overlay drawn over the document, the focus and
 * accessibility, and the clipboard.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-diagram-view-private.h"

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
command_stack_changed_cb (BwDiagramView  *self,
                          BwCommandStack *stack)
{
  _bw_diagram_view_update_accessible (self);
  _bw_diagram_view_document_changed (self);
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

  _bw_diagram_view_document_changed (self);
}

static void
dark_changed_cb (BwDiagramView   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  _bw_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  element = bw_spatial_index_element_at (_bw_diagram_view_get_index (self), dx, dy,
                                         LINE_TOLERANCE / self->zoom);

  return element ? bw_record_get_id (BW_RECORD (element)) : NULL;
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

  _bw_diagram_view_allocate_viewport (self, width, height);
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
  cairo_translate (cr, round (_bw_diagram_view_origin_x (self)), round (_bw_diagram_view_origin_y (self)));
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

  _bw_diagram_view_dispose_rename (self);
  _bw_diagram_view_dispose_edit (self);
  bw_diagram_view_set_project (self, NULL);
  _bw_diagram_view_dispose_viewport (self);

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
      _bw_diagram_view_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      _bw_diagram_view_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
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
  self->zoom = 1.0;
  self->needs_fit = TRUE;
  self->snap = TRUE;
  self->show_grid = TRUE;
  self->grid_size = BW_DIAGRAM_VIEW_GRID;
  self->focus_index = -1;
  self->selection = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->selection, NULL);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _bw_diagram_view_update_extents (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram"),
                                  -1);

  _bw_diagram_view_init_viewport (self);
  _bw_diagram_view_init_edit (self);
  _bw_diagram_view_init_keys (self);
  _bw_diagram_view_init_rename (self);

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
  _bw_diagram_view_update_extents (self);
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

  _bw_diagram_view_save_state (self);

  g_free (self->diagram_id);
  self->diagram_id = g_strdup (diagram_id);
  drop_scene (self);
  self->focus_index = -1;
  _bw_diagram_view_update_accessible (self);
  bw_diagram_view_set_selected_id (self, NULL);
  _bw_diagram_view_update_extents (self);
  _bw_diagram_view_restore_state (self);

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

/* The viewport moves the zoom; the property is this file's. */
void
_bw_diagram_view_notify_zoom (BwDiagramView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

guint
bw_diagram_view_get_draw_count (BwDiagramView *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM_VIEW (self), 0);

  return self->draw_count;
}
