/* bw-spatial-index.c — fast hit tests on one diagram (a uniform grid)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each element is entered in every grid cell its extents touch; a query
 * looks only at the cells around the point. Flow paths are computed once
 * per rebuild, so a query does no lookups by ID.
 */
#include "config.h"

#include <math.h>

#include "bw-command-stack.h"
#include "bw-element.h"
#include "bw-spatial-index.h"

/* Diagram units per cell: about one node with its gap (nodes are 140 wide
 * by default), so a cell holds a handful of elements. */
#define CELL 160.0
/* A diagram spread wider than this many cells per side gets bigger cells. */
#define MAX_CELLS_PER_SIDE 512

typedef struct
{
  BwElement *element;
  BwRect     extents;
  GArray    *path;       /* BwVec: flows and line boundaries */
  guint      is_node : 1;
  guint      is_box : 1;
} Entry;

struct _BwSpatialIndex
{
  BwProject *project;
  char      *diagram_id;
  gboolean   valid;

  GArray    *entries;    /* Entry, file order */
  double     x0, y0;     /* the grid's origin */
  double     cell;
  int        columns;
  int        rows;
  GArray   **cells;      /* guint entry indices, ascending */
  guint     *stamps;     /* per entry: the query that saw it last */
  guint      stamp;
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->element);
  g_clear_pointer (&entry->path, g_array_unref);
}

static void
clear_grid (BwSpatialIndex *self)
{
  if (self->cells != NULL)
    {
      for (int i = 0; i < self->columns * self->rows; i++)
        g_clear_pointer (&self->cells[i], g_array_unref);
      g_clear_pointer (&self->cells, g_free);
    }
  g_clear_pointer (&self->stamps, g_free);
  g_array_set_size (self->entries, 0);
  self->columns = self->rows = 0;
}

static void
changed_cb (BwSpatialIndex *self)
{
  self->valid = FALSE;
}

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  BwSpatialIndex *self)
{
  self->valid = FALSE;
}

static void
stack_changed_cb (GObject        *stack,
                  BwSpatialIndex *self)
{
  changed_cb (self);
}

BwSpatialIndex *
bw_spatial_index_new (BwProject  *project,
                      const char *diagram_id)
{
  BwSpatialIndex *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (diagram_id != NULL, NULL);

  self = g_new0 (BwSpatialIndex, 1);
  self->project = g_object_ref (project);
  self->diagram_id = g_strdup (diagram_id);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  g_signal_connect (bw_project_get_elements (project), "items-changed",
                    G_CALLBACK (items_changed_cb), self);
  g_signal_connect (bw_project_get_command_stack (project), "changed",
                    G_CALLBACK (stack_changed_cb), self);
  return self;
}

void
bw_spatial_index_free (BwSpatialIndex *self)
{
  if (self == NULL)
    return;

  g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  clear_grid (self);
  g_array_unref (self->entries);
  g_free (self->diagram_id);
  g_object_unref (self->project);
  g_free (self);
}

void
bw_spatial_index_invalidate (BwSpatialIndex *self)
{
  g_return_if_fail (self != NULL);

  self->valid = FALSE;
}

static int
column_of (BwSpatialIndex *self,
           double          x)
{
  return CLAMP ((int) floor ((x - self->x0) / self->cell), 0, self->columns - 1);
}

static int
row_of (BwSpatialIndex *self,
        double          y)
{
  return CLAMP ((int) floor ((y - self->y0) / self->cell), 0, self->rows - 1);
}

static void
rebuild (BwSpatialIndex *self)
{
  g_autoptr(GPtrArray) elements = NULL;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  clear_grid (self);
  self->valid = TRUE;

  elements = bw_project_dup_diagram_elements (self->project, self->diagram_id);
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      Entry entry = { 0 };

      if (!bw_geometry_get_extents (self->project, element, &entry.extents))
        continue;
      entry.element = g_object_ref (element);
      entry.is_node = bw_element_is_node (element);
      if (bw_element_is_line (element))
        entry.path = bw_geometry_dup_line_points (element);
      else if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
        entry.path = bw_geometry_dup_flow_path (self->project, element);
      else
        entry.is_box = !entry.is_node;
      g_array_append_val (self->entries, entry);

      x0 = MIN (x0, entry.extents.x);
      y0 = MIN (y0, entry.extents.y);
      x1 = MAX (x1, entry.extents.x + entry.extents.width);
      y1 = MAX (y1, entry.extents.y + entry.extents.height);
    }

  if (self->entries->len == 0)
    return;

  self->x0 = x0;
  self->y0 = y0;
  self->cell = MAX (CELL, MAX (x1 - x0, y1 - y0) / MAX_CELLS_PER_SIDE);
  self->columns = (int) floor ((x1 - x0) / self->cell) + 1;
  self->rows = (int) floor ((y1 - y0) / self->cell) + 1;
  self->cells = g_new0 (GArray *, (gsize) self->columns * self->rows);
  self->stamps = g_new0 (guint, self->entries->len);
  self->stamp = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      int c0 = column_of (self, entry->extents.x);
      int c1 = column_of (self, entry->extents.x + entry->extents.width);
      int r0 = row_of (self, entry->extents.y);
      int r1 = row_of (self, entry->extents.y + entry->extents.height);

      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          {
            GArray **slot = &self->cells[r * self->columns + c];

            /* A box boundary's inside is no hit (only its outline is), so
             * a big box is entered only in the cells its outline crosses. */
            if (entry->is_box && r > r0 && r < r1 && c > c0 && c < c1)
              continue;
            if (*slot == NULL)
              *slot = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*slot, i);
          }
    }
}

static void
ensure_valid (BwSpatialIndex *self)
{
  if (!self->valid)
    rebuild (self);
}

static gboolean
entry_hits (const Entry *entry,
            const BwVec *p,
            double       tolerance)
{
  const BwRect *r = &entry->extents;

  if (entry->is_node)
    return bw_rect_contains_point (r, p->x, p->y);

  if (entry->path != NULL)
    return entry->path->len > 0 &&
           bw_distance_to_polyline (p, (const BwVec *) (gconstpointer) entry->path->data,
                                    entry->path->len) <= tolerance;

  {
    BwVec outline[5] = {
      { r->x, r->y },
      { r->x + r->width, r->y },
      { r->x + r->width, r->y + r->height },
      { r->x, r->y + r->height },
      { r->x, r->y },
    };

    return bw_distance_to_polyline (p, outline, 5) <= tolerance;
  }
}

BwElement *
bw_spatial_index_element_at (BwSpatialIndex *self,
                             double          x,
                             double          y,
                             double          tolerance)
{
  BwVec p = { x, y };
  int c0, c1, r0, r1;
  int best_node = -1, best_other = -1;

  g_return_val_if_fail (self != NULL, NULL);

  ensure_valid (self);
  if (self->entries->len == 0)
    return NULL;

  tolerance = MAX (tolerance, 0);
  if (x + tolerance < self->x0 || y + tolerance < self->y0 ||
      x - tolerance > self->x0 + self->columns * self->cell ||
      y - tolerance > self->y0 + self->rows * self->cell)
    return NULL;

  c0 = column_of (self, x - tolerance);
  c1 = column_of (self, x + tolerance);
  r0 = row_of (self, y - tolerance);
  r1 = row_of (self, y + tolerance);

  /* Same rule as bw_geometry_element_at(): a node under the point wins;
   * otherwise the topmost (last in file order) within the tolerance. */
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = self->cells[r * self->columns + c];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            const Entry *entry = &g_array_index (self->entries, Entry, i);

            if (entry->is_node)
              {
                if ((int) i > best_node && entry_hits (entry, &p, 0))
                  best_node = i;
              }
            else if ((int) i > best_other && entry_hits (entry, &p, tolerance))
              best_other = i;
          }
      }

  if (best_node >= 0)
    return g_array_index (self->entries, Entry, best_node).element;
  if (best_other >= 0)
    return g_array_index (self->entries, Entry, best_other).element;
  return NULL;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
bw_spatial_index_elements_in_rect (BwSpatialIndex *self,
                                   const BwRect   *rect)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) found = NULL;
  BwRect area;

  g_return_val_if_fail (self != NULL, ret);
  g_return_val_if_fail (rect != NULL, ret);

  ensure_valid (self);
  if (self->entries->len == 0)
    return ret;

  area = bw_rect_normalize (rect);
  found = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stamp++;
  for (int r = row_of (self, area.y); r <= row_of (self, area.y + area.height); r++)
    for (int c = column_of (self, area.x); c <= column_of (self, area.x + area.width); c++)
      {
        GArray *cell = self->cells[r * self->columns + c];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            const Entry *entry = &g_array_index (self->entries, Entry, i);

            if (self->stamps[i] == self->stamp)
              continue;
            self->stamps[i] = self->stamp;
            if (bw_rect_contains_rect (&area, &entry->extents))
              g_array_append_val (found, i);
          }
      }

  /* File order, as bw_geometry_elements_in_rect() gives them. */
  g_array_sort (found, compare_indices);
  for (guint k = 0; k < found->len; k++)
    g_ptr_array_add (ret, g_object_ref (g_array_index (self->entries, Entry,
                                                       g_array_index (found, guint, k)).element));
  return ret;
}
