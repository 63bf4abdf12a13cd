/* bw-deriver-cache.c — what derivation keeps on a project between runs
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Derivation follows every edit, so what it needs to know about the whole
 * model — the derived threats by target, the flows of each node, the
 * boundaries of each diagram, the summary elements — is kept on the
 * project and rebuilt only when the structure it came from changes.
 */
#include "config.h"

#include "bw-deriver-private.h"
#include "bw-structure-serial.h"

/* Whether a cache built from the project is still right. Signal handlers
 * hold a reference to this flag, never to the project or the cache, so a
 * list that outlives its project cannot reach freed memory. */
struct _BwDeriverWatch
{
  gint     ref_count;
  gboolean valid;
  gboolean muted;     /* the derive command is changing the list itself */
};

static BwDeriverWatch *
watch_ref (BwDeriverWatch *watch)
{
  watch->ref_count++;
  return watch;
}

static void
watch_unref (gpointer  data,
             GClosure *closure)
{
  BwDeriverWatch *watch = data;

  if (--watch->ref_count == 0)
    g_free (watch);
}

/* ---- The index of derived threats by target ---------------------------- */

static GQuark
threat_index_quark (void)
{
  return g_quark_from_static_string ("bw-deriver-threat-index");
}

static void
threat_index_free (gpointer data)
{
  BwDeriverThreatIndex *index = data;

  index->watch->valid = FALSE;
  watch_unref (index->watch, NULL);
  g_clear_pointer (&index->by_target, g_hash_table_unref);
  g_clear_pointer (&index->keys, g_string_chunk_free);
  g_free (index);
}

static void
threats_changed_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    gpointer    user_data)
{
  BwDeriverWatch *watch = user_data;

  if (!watch->muted)
    watch->valid = FALSE;
}

/* The bucket of a target, made if need be. */
static GPtrArray *
bucket_of (BwDeriverThreatIndex *index,
           const char           *target,
           guint                 size)
{
  GPtrArray *bucket = g_hash_table_lookup (index->by_target, target);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_sized_new (size);
      g_hash_table_insert (index->by_target, g_string_chunk_insert (index->keys, target), bucket);
    }
  return bucket;
}

/* `last` remembers the previous bucket: threats come grouped by target. */
static void
threat_index_add (BwDeriverThreatIndex  *index,
                  BwThreat              *threat,
                  GPtrArray            **last)
{
  const char *target = bw_threat_get_target (threat);
  GPtrArray *bucket;

  if (g_strcmp0 (bw_threat_get_origin (threat), "derived") != 0 || bw_threat_get_rule (threat) == NULL || target == NULL)
    return;
  bucket = *last;
  if (bucket == NULL || g_strcmp0 (bw_threat_get_target (bucket->pdata[0]), target) != 0)
    bucket = bucket_of (index, target, 4);
  g_ptr_array_add (bucket, threat);
  *last = bucket;
}

BwDeriverThreatIndex *
_bw_deriver_threat_index_get (BwProject *project)
{
  BwDeriverThreatIndex *index = g_object_get_qdata (G_OBJECT (project), threat_index_quark ());

  if (index == NULL)
    {
      index = g_new0 (BwDeriverThreatIndex, 1);
      index->watch = g_new0 (BwDeriverWatch, 1);
      index->watch->ref_count = 1;
      g_signal_connect_data (bw_project_get_threats (project), "items-changed", G_CALLBACK (threats_changed_cb),
                             watch_ref (index->watch), watch_unref, 0);
      g_object_set_qdata_full (G_OBJECT (project), threat_index_quark (), index, threat_index_free);
    }
  /* A threat's target, rule or origin can be edited without the list
   * changing: the keys' count says so. */
  if (!index->watch->valid || index->keys_changed != bw_structure_serial_get (BW_STRUCTURE_THREAT_KEYS))
    {
      GListModel *threats = bw_project_get_threats (project);
      guint n = g_list_model_get_n_items (threats);
      GPtrArray *last = NULL;

      g_clear_pointer (&index->by_target, g_hash_table_unref);
      g_clear_pointer (&index->keys, g_string_chunk_free);
      index->by_target = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      index->keys = g_string_chunk_new (16 * 1024);
      index->keys_changed = bw_structure_serial_get (BW_STRUCTURE_THREAT_KEYS);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

          threat_index_add (index, threat, &last);
        }
      index->watch->valid = TRUE;
    }
  return index;
}

/* The derived threats whose target is `target_id`. */
void
_bw_deriver_collect_threats (BwDeriverThreatIndex *index,
                             const char           *target_id,
                             GPtrArray            *out)
{
  GPtrArray *bucket = g_hash_table_lookup (index->by_target, target_id);

  g_ptr_array_set_size (out, 0);
  if (bucket != NULL)
    g_ptr_array_extend (out, bucket, NULL, NULL);
}

void
_bw_deriver_mute_index (BwProject *project,
                        gboolean   muted)
{
  BwDeriverThreatIndex *index = g_object_get_qdata (G_OBJECT (project), threat_index_quark ());

  if (index != NULL)
    index->watch->muted = muted;
}

/* Threats the derive command has just added; keeps the index valid so the
 * next (incremental) plan need not rebuild it. The plan's additions are all
 * derived threats with a rule and a target, in runs of one target, so one
 * look-up per run will do. */
void
_bw_deriver_index_added (BwProject    *project,
                         BwDerivePlan *plan)
{
  BwDeriverThreatIndex *index = g_object_get_qdata (G_OBJECT (project), threat_index_quark ());
  guint start = 0;

  if (index == NULL || !index->watch->valid)
    return;
  /* The plan knows each run's target: the threats themselves, long out of
   * the cache, are not read. */
  for (guint r = 0; r < plan->runs->len; r++)
    {
      const BwDeriveRun *run = &g_array_index (plan->runs, BwDeriveRun, r);
      GPtrArray *bucket = bucket_of (index, run->target, run->n);

      for (guint i = start; i < start + run->n; i++)
        g_ptr_array_add (bucket, plan->new_threats->pdata[i]);
      start += run->n;
    }
  g_assert (start == plan->new_threats->len);
}

/* ---- The layout: what derivation reads of the model's structure -------- */

/* Which flows a node has, which boundaries a diagram has and which elements
 * are summaries change only when elements or diagrams come or go (the
 * lists' signals say so) or a flow's ends, a diagram or a refinement change
 * (bw-structure-serial.c says so). The layout is kept on the project and
 * rebuilt only then, so that re-deriving after an ordinary edit does not
 * walk the whole model. */
static GQuark
layout_quark (void)
{
  return g_quark_from_static_string ("bw-deriver-layout");
}

static void
layout_free (gpointer data)
{
  BwDeriverLayout *layout = data;

  layout->watch->valid = FALSE;
  watch_unref (layout->watch, NULL);
  g_clear_pointer (&layout->flows_of, g_hash_table_unref);
  g_clear_pointer (&layout->boundaries, g_hash_table_unref);
  g_clear_pointer (&layout->summary, g_hash_table_unref);
  g_free (layout);
}

static void
structure_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  BwDeriverWatch *watch = user_data;

  watch->valid = FALSE;
}

BwDeriverLayout *
_bw_deriver_layout_get (BwProject *project)
{
  BwDeriverLayout *layout = g_object_get_qdata (G_OBJECT (project), layout_quark ());
  GListModel *elements = bw_project_get_elements (project);
  GListModel *diagrams = bw_project_get_diagrams (project);
  guint n;

  if (layout == NULL)
    {
      layout = g_new0 (BwDeriverLayout, 1);
      layout->watch = g_new0 (BwDeriverWatch, 1);
      layout->watch->ref_count = 1;
      g_signal_connect_data (elements, "items-changed", G_CALLBACK (structure_changed_cb),
                             watch_ref (layout->watch), watch_unref, 0);
      g_signal_connect_data (diagrams, "items-changed", G_CALLBACK (structure_changed_cb),
                             watch_ref (layout->watch), watch_unref, 0);
      g_object_set_qdata_full (G_OBJECT (project), layout_quark (), layout, layout_free);
    }
  if (layout->watch->valid && layout->structure == bw_structure_serial_get (BW_STRUCTURE_LAYOUT))
    return layout;

  g_clear_pointer (&layout->flows_of, g_hash_table_unref);
  g_clear_pointer (&layout->boundaries, g_hash_table_unref);
  g_clear_pointer (&layout->summary, g_hash_table_unref);
  layout->flows_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  layout->boundaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  layout->summary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      BwElementKind kind = bw_element_get_kind_enum (element);
      const char *refines = bw_element_get_refines (element);

      if (refines != NULL)
        g_hash_table_add (layout->summary, g_strdup (refines));

      if (kind == BW_ELEMENT_TRUST_BOUNDARY)
        {
          GPtrArray *list = g_hash_table_lookup (layout->boundaries, bw_element_get_diagram (element));

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (layout->boundaries, g_strdup (bw_element_get_diagram (element)), list);
            }
          g_ptr_array_add (list, element);
        }
      else if (kind == BW_ELEMENT_DATA_FLOW)
        {
          const char *ends[2] = { bw_element_get_source (element), bw_element_get_target (element) };
          BwRecord *nodes[2] = { bw_project_lookup (project, ends[0]), bw_project_lookup (project, ends[1]) };

          for (guint e = 0; e < 2; e++)
            {
              GPtrArray *list;

              if (nodes[e] == NULL || (e == 1 && g_strcmp0 (ends[0], ends[1]) == 0))
                continue;
              list = g_hash_table_lookup (layout->flows_of, nodes[e]);
              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (layout->flows_of, nodes[e], list);
                }
              g_ptr_array_add (list, element);
              g_ptr_array_add (list, nodes[1 - e]);
            }
        }
    }

  n = g_list_model_get_n_items (diagrams);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);
      const char *refines = bw_diagram_get_refines (diagram);

      if (refines != NULL)
        g_hash_table_add (layout->summary, g_strdup (refines));
    }
  layout->watch->valid = TRUE;
  layout->structure = bw_structure_serial_get (BW_STRUCTURE_LAYOUT);
  return layout;
}
