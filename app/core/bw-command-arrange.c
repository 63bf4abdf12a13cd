/* bw-command-arrange.c — "Arrange": a diagram laid out by Graphviz
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The step is a group of resize and set-property commands, built and
 * tried once against the project (as "Decompose" does), so a refusal
 * comes before anything reaches the undo stack and undo gives back the
 * exact members each command found.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bw-command-arrange.h"
#include "bw-command-group.h"
#include "bw-command-set-property.h"
#include "bw-diagram.h"
#include "bw-element.h"
#include "bw-geometry.h"
#include "bw-graphviz.h"

/* A node without a size (some imports) gets the size the editor gives a
 * new node, so that Graphviz has something to place. */
#define DEFAULT_WIDTH  140.0
#define DEFAULT_HEIGHT 60.0

static gboolean
step (BwCommandGroup *group,
      BwProject      *project,
      BwCommand      *command,
      GError        **error)
{
  g_autoptr(BwCommand) owned = command;

  if (command == NULL)
    return TRUE;
  if (!bw_command_apply (command, project, error))
    return FALSE;
  bw_command_group_append (group, command);
  return TRUE;
}

static BwCommand *
clear_points_new (BwProject  *project,
                  const char *flow_id)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_new_array (G_VARIANT_TYPE ("(dd)"), NULL, 0));
  return bw_command_set_property_new (project, flow_id, "points", &value);
}

BwCommand *
bw_command_arrange_new (BwProject   *project,
                        const char  *diagram_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GArray) boxes = g_array_new (FALSE, TRUE, sizeof (BwLayoutBox));
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (BwLayoutLink));
  g_autoptr(GArray) clusters = g_array_new (FALSE, TRUE, sizeof (BwLayoutCluster));
  g_autoptr(GPtrArray) cluster_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cluster_elements = g_ptr_array_new ();
  g_autoptr(GHashTable) clustered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BwCommandGroup) group = NULL;
  g_autoptr(BwBoxLayout) layout = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (diagram_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!BW_IS_DIAGRAM (bw_project_lookup (project, diagram_id)))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("There is no diagram “%s”"), diagram_id);
      return NULL;
    }
  group = bw_command_group_new (_("Arrange"));
  elements = bw_project_dup_diagram_elements (project, diagram_id);

  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      BwRect r;

      if (bw_element_is_node (e) && bw_element_get_rect (e, &r))
        {
          BwLayoutBox box = { bw_record_get_id (BW_RECORD (e)),
                              r.width > 0 ? r.width : DEFAULT_WIDTH,
                              r.height > 0 ? r.height : DEFAULT_HEIGHT };

          g_array_append_val (boxes, box);
        }
      else if (bw_element_get_kind_enum (e) == BW_ELEMENT_DATA_FLOW)
        {
          BwLayoutLink link = { bw_element_get_source (e), bw_element_get_target (e) };

          g_array_append_val (links, link);
        }
    }
  if (boxes->len == 0)
    return BW_COMMAND (g_steal_pointer (&group));

  /* A node belongs to the first box boundary around its centre: the
   * boundaries the user drew stay what they mean. */
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      g_autoptr(GStrvBuilder) members = NULL;
      GStrv ids;
      BwRect r;

      if (bw_element_get_kind_enum (e) != BW_ELEMENT_TRUST_BOUNDARY || bw_element_is_line (e) ||
          !bw_element_get_rect (e, &r))
        continue;
      members = g_strv_builder_new ();
      for (guint k = 0; k < elements->len; k++)
        {
          BwElement *n = g_ptr_array_index (elements, k);
          BwVec c;

          if (bw_element_is_node (n) && bw_element_get_centre (n, &c) &&
              bw_rect_contains_point (&r, c.x, c.y) &&
              !g_hash_table_contains (clustered, bw_record_get_id (BW_RECORD (n))))
            {
              g_hash_table_add (clustered, (gpointer) bw_record_get_id (BW_RECORD (n)));
              g_strv_builder_add (members, bw_record_get_id (BW_RECORD (n)));
            }
        }
      ids = g_strv_builder_end (members);
      g_ptr_array_add (cluster_ids, ids);
      g_ptr_array_add (cluster_elements, e);
      {
        BwLayoutCluster cluster = { bw_element_get_name (e), (const char * const *) ids };

        g_array_append_val (clusters, cluster);
      }
    }

  layout = bw_graphviz_layout_boxes ((const BwLayoutBox *) (gpointer) boxes->data, boxes->len,
                                     (const BwLayoutLink *) (gpointer) links->data, links->len,
                                     (const BwLayoutCluster *) (gpointer) clusters->data, clusters->len,
                                     TRUE, error);
  if (layout == NULL)
    return NULL;

  /* Whole units, as the editor's grid and the canonical file want them. */
  for (guint i = 0; ok && i < layout->positions->len && i < boxes->len; i++)
    {
      const BwLayoutPosition *p = &g_array_index (layout->positions, BwLayoutPosition, i);
      const BwLayoutBox *box = &g_array_index (boxes, BwLayoutBox, i);
      BwRect r = { round (p->x - box->width / 2), round (p->y - box->height / 2), box->width, box->height };

      ok = step (group, project, bw_command_resize_new (project, box->id, &r), error);
    }
  /* An empty boundary is no cluster Graphviz placed; it stays put. */
  for (guint i = 0; ok && i < layout->clusters->len && i < cluster_elements->len; i++)
    {
      const BwLayoutClusterBox *c = &g_array_index (layout->clusters, BwLayoutClusterBox, i);
      BwRect r = { round (c->x), round (c->y), round (c->width), round (c->height) };

      if (g_strv_length (g_ptr_array_index (cluster_ids, i)) > 0)
        ok = step (group, project,
                   bw_command_resize_new (project, bw_record_get_id (g_ptr_array_index (cluster_elements, i)), &r),
                   error);
    }
  /* Old bends mean nothing in the new layout. */
  for (guint i = 0; ok && i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      GArray *points = bw_element_get_points (e);

      if (bw_element_get_kind_enum (e) != BW_ELEMENT_DATA_FLOW || points == NULL || points->len == 0)
        continue;
      ok = step (group, project, clear_points_new (project, bw_record_get_id (BW_RECORD (e))), error);
    }

  /* Tried; the caller (the stack) applies it for real. */
  bw_command_revert (BW_COMMAND (group), project);
  if (!ok)
    return NULL;
  return BW_COMMAND (g_steal_pointer (&group));
}

gboolean
bw_diagram_arrange_now (BwProject   *project,
                        const char  *diagram_id,
                        GError     **error)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);
  guint n_nodes = 0;

  /* dot with clusters grows much faster than linearly: a few hundred
   * nodes take minutes.  An import must not hang on that; the user can
   * still arrange a large diagram from the editor, knowingly. */
  for (guint i = 0; i < elements->len; i++)
    if (bw_element_is_node (g_ptr_array_index (elements, i)))
      n_nodes++;
  if (n_nodes > BW_ARRANGE_NOW_MAX_NODES)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("%s has %u nodes, more than are arranged automatically (%u); "
                     "use Diagram → Arrange in the editor"),
                   diagram_id, n_nodes, (guint) BW_ARRANGE_NOW_MAX_NODES);
      return FALSE;
    }

  command = bw_command_arrange_new (project, diagram_id, error);
  return command != NULL && bw_command_apply (command, project, error);
}

gboolean
bw_diagram_lacks_geometry (BwProject  *project,
                           const char *diagram_id)
{
  g_autoptr(GPtrArray) elements = NULL;
  guint n_nodes = 0, n_sizeless = 0;
  gboolean same_place = TRUE;
  BwRect first = { 0, 0, 0, 0 };

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (diagram_id != NULL, FALSE);

  elements = bw_project_dup_diagram_elements (project, diagram_id);
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      BwRect r;

      if (!bw_element_is_node (e))
        continue;
      if (!bw_element_get_rect (e, &r))
        r = (BwRect) { 0, 0, 0, 0 };
      if (n_nodes == 0)
        first = r;
      else if (r.x != first.x || r.y != first.y)
        same_place = FALSE;
      if (r.width <= 0 || r.height <= 0)
        n_sizeless++;
      n_nodes++;
    }
  return (n_nodes >= 2 && same_place) || (n_nodes > 0 && n_sizeless == n_nodes);
}

gboolean
bw_project_arrange_where_missing (BwProject  *project,
                                  GError    **error)
{
  GListModel *diagrams;
  gboolean ok = TRUE;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);

  /* One diagram that cannot be arranged does not keep the others from it;
   * the first problem is the one reported. */
  diagrams = bw_project_get_diagrams (project);
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwRecord) diagram = g_list_model_get_item (diagrams, i);
      g_autoptr(GError) local_error = NULL;
      const char *id = bw_record_get_id (diagram);

      if (bw_diagram_lacks_geometry (project, id) && !bw_diagram_arrange_now (project, id, &local_error))
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  return ok;
}
