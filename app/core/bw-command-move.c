/* bw-command-move.c — move elements of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Nodes and box boundaries move their bounds; line boundaries and flows
 * their points.  A flow's bend points move with it when it is selected or
 * when both its ends move, so a moved group keeps its shape.  The geometry
 * before the move is kept and every apply starts from it: successive moves
 * of a drag merge into one step by adding their deltas, and an undo puts
 * back the exact numbers that were there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-command-move.h"
#include "bw-command-set-property.h"

typedef struct
{
  char     *id;
  BwNumber  bounds[4];
  GArray   *points;       /* NULL for an element that moves its bounds */
} Snapshot;

struct _BwCommandMove
{
  BwCommand  parent_instance;

  char     **ids;         /* sorted, to compare sets when merging */
  double     dx;
  double     dy;
  GArray    *before;      /* of Snapshot; valid while applied */
};

G_DEFINE_FINAL_TYPE (BwCommandMove, bw_command_move, BW_TYPE_COMMAND)

static void
clear_snapshot (gpointer data)
{
  Snapshot *s = data;

  g_clear_pointer (&s->id, g_free);
  g_clear_pointer (&s->points, g_array_unref);
}

static const BwField *
geometry_field (BwElement *element)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (element);
  gboolean by_points = bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW ||
                       bw_element_is_line (element);

  return bw_record_class_find_field (klass, by_points ? "points" : "bounds");
}

static void
snapshot (BwCommandMove *self,
          BwElement     *element)
{
  const BwField *field = geometry_field (element);
  Snapshot s = { g_strdup (bw_record_get_id (BW_RECORD (element))) };

  if (field->type == BW_FIELD_POINTS)
    s.points = g_array_copy (bw_element_get_points (element));
  else
    memcpy (s.bounds, bw_element_get_bounds (element), sizeof s.bounds);
  g_array_append_val (self->before, s);
}

static BwNumber
shifted (const BwNumber *n,
         double          delta)
{
  /* A zero delta keeps the number as it was written ("300.0" stays). */
  if (delta == 0)
    return *n;
  return bw_number_from_double (bw_number_get (n) + delta);
}

/* Writes the snapshot moved by (dx, dy) into the element. */
static void
place (BwProject      *project,
       const Snapshot *s,
       double          dx,
       double          dy)
{
  BwElement *element = BW_ELEMENT (bw_project_lookup (project, s->id));
  const BwField *field = geometry_field (element);
  gpointer ptr = bw_record_field_ptr (BW_RECORD (element), field);

  if (s->points != NULL)
    {
      GArray *points = g_array_copy (s->points);

      for (guint i = 0; i < points->len; i++)
        {
          BwPoint *pt = &g_array_index (points, BwPoint, i);

          pt->x = shifted (&pt->x, dx);
          pt->y = shifted (&pt->y, dy);
        }
      g_array_unref (*(GArray **) ptr);
      *(GArray **) ptr = points;
    }
  else
    {
      BwNumber *bounds = ptr;

      memcpy (bounds, s->bounds, sizeof s->bounds);
      bounds[0] = shifted (&s->bounds[0], dx);
      bounds[1] = shifted (&s->bounds[1], dy);
    }
  bw_record_notify_field (BW_RECORD (element), field);
}

static gboolean
bw_command_move_apply (BwCommand  *command,
                       BwProject  *project,
                       GError    **error)
{
  BwCommandMove *self = BW_COMMAND_MOVE (command);
  g_autoptr(GHashTable) moving = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) diagrams = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *elements = bw_project_get_elements (project);
  guint n = g_list_model_get_n_items (elements);

  g_array_set_size (self->before, 0);

  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (project, self->ids[i]);

      if (!BW_IS_ELEMENT (record))
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                       _("“%s” is not an element of this project."), self->ids[i]);
          g_array_set_size (self->before, 0);
          return FALSE;
        }
      g_hash_table_add (moving, self->ids[i]);
      g_hash_table_add (diagrams, (gpointer) bw_element_get_diagram (BW_ELEMENT (record)));
      snapshot (self, BW_ELEMENT (record));
    }

  /* The flows between moving nodes come along. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) flow = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (flow));

      if (bw_element_get_kind_enum (flow) == BW_ELEMENT_DATA_FLOW &&
          g_hash_table_contains (diagrams, bw_element_get_diagram (flow)) &&
          !g_hash_table_contains (moving, id) &&
          g_hash_table_contains (moving, bw_element_get_source (flow)) &&
          g_hash_table_contains (moving, bw_element_get_target (flow)))
        snapshot (self, flow);
    }

  for (guint i = 0; i < self->before->len; i++)
    place (project, &g_array_index (self->before, Snapshot, i), self->dx, self->dy);
  return TRUE;
}

static void
bw_command_move_revert (BwCommand *command,
                        BwProject *project)
{
  BwCommandMove *self = BW_COMMAND_MOVE (command);

  for (guint i = 0; i < self->before->len; i++)
    place (project, &g_array_index (self->before, Snapshot, i), 0, 0);
  g_array_set_size (self->before, 0);
}

/* A drag is one step: the next move of the same elements adds its delta. */
static gboolean
bw_command_move_merge (BwCommand *command,
                       BwCommand *next_command)
{
  BwCommandMove *self = BW_COMMAND_MOVE (command);
  BwCommandMove *next = BW_COMMAND_MOVE (next_command);

  if (!g_strv_equal ((const char * const *) self->ids, (const char * const *) next->ids))
    return FALSE;
  self->dx += next->dx;
  self->dy += next->dy;
  return TRUE;
}

static void
bw_command_move_finalize (GObject *object)
{
  BwCommandMove *self = BW_COMMAND_MOVE (object);

  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->before, g_array_unref);

  G_OBJECT_CLASS (bw_command_move_parent_class)->finalize (object);
}

static void
bw_command_move_class_init (BwCommandMoveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_move_finalize;
  command_class->apply = bw_command_move_apply;
  command_class->revert = bw_command_move_revert;
  command_class->merge = bw_command_move_merge;
}

static void
bw_command_move_init (BwCommandMove *self)
{
  self->before = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  g_array_set_clear_func (self->before, clear_snapshot);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * bw_command_move_new:
 * @project: the project (for the label)
 * @ids: the elements to move
 * @dx: how far right, in diagram units
 * @dy: how far down
 *
 * Returns: (transfer full): a command that moves the elements
 */
BwCommand *
bw_command_move_new (BwProject          *project,
                     const char * const *ids,
                     double              dx,
                     double              dy)
{
  BwCommandMove *self;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ids != NULL && ids[0] != NULL, NULL);

  self = g_object_new (BW_TYPE_COMMAND_MOVE, NULL);
  self->ids = g_strdupv ((char **) ids);
  n = g_strv_length (self->ids);
  qsort (self->ids, n, sizeof (char *), compare_strings);
  self->dx = dx;
  self->dy = dy;

  if (n == 1)
    bw_command_set_label (BW_COMMAND (self),
                          bw_command_describe (bw_project_lookup (project, ids[0]), BW_COMMAND_VERB_MOVE));
  else
    {
      g_autofree char *label = g_strdup_printf (ngettext ("Move %u Element", "Move %u Elements", n), n);

      bw_command_set_label (BW_COMMAND (self), label);
    }
  return BW_COMMAND (self);
}

void
bw_command_move_get_delta (BwCommandMove *self,
                           double        *dx,
                           double        *dy)
{
  g_return_if_fail (BW_IS_COMMAND_MOVE (self));

  if (dx != NULL)
    *dx = self->dx;
  if (dy != NULL)
    *dy = self->dy;
}
