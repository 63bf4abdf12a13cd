/* bw-attack-tree-eval.c — attack-tree values: the combination table and
 * the bottom-up evaluation, with the warnings that make it unsound
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Values are computed bottom-up with METHOD.md's table and never stored
 * (FORMAT.md keeps inner nodes' attributes empty).  A node's own value
 * comes from its leaf attributes or from its gate over its children; the
 * countermeasures that count in a view are then combined like an AND (all
 * must be defeated) and added to it with the table's last column.
 *
 * Unknown values (null attributes) are NAN and make every value computed
 * from them unknown: an unknown child of an OR might be the cheapest, one
 * of an AND the dearest, so any number we printed would be a guess.  An
 * inner node without children is unknown too, and has no attacks.
 *
 * The minimal attacks are in bw-attack-tree-attacks.c, the mapping to
 * exploitability in bw-attack-tree-exploitability.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-attack-tree-eval-private.h"

static const char * const attr_names[BW_ATTACK_N_ATTRS] = {
  "cost", "time_h", "skill", "difficulty", "probability",
};

static const char * const difficulty_names[] = { "L", "M", "H", "E" };

const char *
bw_attack_attr_name (BwAttackAttr attr)
{
  g_return_val_if_fail (attr < BW_ATTACK_N_ATTRS, NULL);
  return attr_names[attr];
}

gboolean
bw_attack_attr_from_name (const char   *name,
                          BwAttackAttr *attr)
{
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    if (g_strcmp0 (name, attr_names[i]) == 0)
      {
        *attr = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bw_attack_view_name (BwAttackView view)
{
  return view == BW_ATTACK_VIEW_TARGET ? "target" : "residual";
}

/* "L", "M", "H", "E", or NULL for an unknown difficulty. */
const char *
bw_attack_difficulty_name (double difficulty)
{
  int i = (int) difficulty;

  if (isnan (difficulty) || i < 1 || i > 4)
    return NULL;
  return difficulty_names[i - 1];
}

gboolean
bw_attack_values_known (const BwAttackValues *values,
                        BwAttackAttr          attr)
{
  return !isnan (values->v[attr]);
}

/* The value as a person reads it; "?" when unknown. */
char *
bw_attack_values_format (const BwAttackValues *values,
                         BwAttackAttr          attr)
{
  double v = values->v[attr];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("?");
  if (attr == BW_ATTACK_ATTR_DIFFICULTY)
    return g_strdup (bw_attack_difficulty_name (v));
  /* Whole amounts as people write them (250000, not 2.5e+05). */
  if (attr != BW_ATTACK_ATTR_PROBABILITY && v == floor (v) && fabs (v) < 1e15)
    return g_strdup_printf ("%.0f", v);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3g", v));
}

static double
number_or_nan (const BwNumber *n)
{
  return bw_number_is_null (n) ? NAN : bw_number_get (n);
}

void
bw_attack_values_of_leaf (BwAttackNode   *node,
                          BwAttackValues *out)
{
  BwAttackAttributes *a = bw_attack_node_get_attributes (node);
  const char *d = bw_attack_attributes_get_difficulty (a);

  out->v[BW_ATTACK_ATTR_COST] = number_or_nan (bw_attack_attributes_get_cost (a));
  out->v[BW_ATTACK_ATTR_TIME_H] = number_or_nan (bw_attack_attributes_get_time_h (a));
  out->v[BW_ATTACK_ATTR_SKILL] = number_or_nan (bw_attack_attributes_get_skill (a));
  out->v[BW_ATTACK_ATTR_PROBABILITY] = number_or_nan (bw_attack_attributes_get_probability (a));
  out->v[BW_ATTACK_ATTR_DIFFICULTY] = NAN;
  for (guint i = 0; d != NULL && i < G_N_ELEMENTS (difficulty_names); i++)
    if (g_str_equal (d, difficulty_names[i]))
      out->v[BW_ATTACK_ATTR_DIFFICULTY] = i + 1;
}

static void
values_unknown (BwAttackValues *out)
{
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    out->v[i] = NAN;
}

/* METHOD.md's table, one attribute at a time. */
static double
combine_attr (Combine      how,
              BwAttackAttr attr,
              double       x,
              double       y)
{
  if (isnan (x) || isnan (y))
    return NAN;

  switch (attr)
    {
    case BW_ATTACK_ATTR_COST:
      return how == COMBINE_OR ? MIN (x, y) : x + y;
    case BW_ATTACK_ATTR_TIME_H:
      if (how == COMBINE_OR)
        return MIN (x, y);
      return how == COMBINE_AND ? MAX (x, y) : x + y;
    case BW_ATTACK_ATTR_SKILL:
    case BW_ATTACK_ATTR_DIFFICULTY:
      return how == COMBINE_OR ? MIN (x, y) : MAX (x, y);
    case BW_ATTACK_ATTR_PROBABILITY:
      return how == COMBINE_OR ? 1.0 - (1.0 - x) * (1.0 - y) : x * y;
    case BW_ATTACK_N_ATTRS:
    default:
      g_assert_not_reached ();
    }
}

void
_bw_attack_combine_values (Combine               how,
                           const BwAttackValues *a,
                           const BwAttackValues *b,
                           BwAttackValues       *out)
{
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    out->v[i] = combine_attr (how, i, a->v[i], b->v[i]);
}

Combine
_bw_attack_gate_combine (BwAttackNode *node)
{
  const char *gate = bw_attack_node_get_gate (node);

  if (g_strcmp0 (gate, "and") == 0)
    return COMBINE_AND;
  if (g_strcmp0 (gate, "sand") == 0)
    return COMBINE_SAND;
  return COMBINE_OR;
}

gboolean
_bw_attack_is_leaf (BwAttackNode *node)
{
  return g_strcmp0 (bw_attack_node_get_gate (node), "leaf") == 0;
}

/* Whether the countermeasure counts in the view. */
gboolean
_bw_attack_counts_in (BwAttackNode *countermeasure,
                      BwAttackView  view)
{
  return view == BW_ATTACK_VIEW_TARGET || bw_attack_node_get_implemented (countermeasure) == 1;
}

/* ---- Bottom-up values ---------------------------------------------------- */

struct _BwAttackEval
{
  gint          ref_count;
  /* node ID (in `ids`) → 1 + its index in `slots`; one allocation for
   * all IDs and one array for all values keep a 2,000-node tree in
   * a few milliseconds. */
  GHashTable   *values;
  GStringChunk *ids;
  GArray       *slots;     /* BwAttackValues[BW_ATTACK_N_VIEWS] each */
  BwAttackValues root[BW_ATTACK_N_VIEWS];
  GPtrArray  *warnings;
};

/* Both views in one walk: out[view]. */
static void
eval_node (BwAttackEval   *self,
           BwAttackNode   *node,
           guint           depth,
           BwAttackValues *out)
{
  GListModel *children = bw_attack_node_get_children (node);
  GListModel *cms = bw_attack_node_get_countermeasures (node);
  guint n_children = g_list_model_get_n_items (children);
  guint n_cms = g_list_model_get_n_items (cms);
  gboolean have_defence[BW_ATTACK_N_VIEWS] = { FALSE };
  BwAttackValues defence[BW_ATTACK_N_VIEWS];
  const char *id;

  /* A tree is a tree; this only guards against a node that holds itself. */
  if (depth > 10000)
    {
      values_unknown (&out[0]);
      values_unknown (&out[1]);
      return;
    }

  if (_bw_attack_is_leaf (node))
    bw_attack_values_of_leaf (node, &out[0]);
  else if (n_children == 0)
    values_unknown (&out[0]);
  if (_bw_attack_is_leaf (node) || n_children == 0)
    out[1] = out[0];
  else
    {
      Combine how = _bw_attack_gate_combine (node);

      for (guint i = 0; i < n_children; i++)
        {
          g_autoptr(BwAttackNode) child = g_list_model_get_item (children, i);
          BwAttackValues cv[BW_ATTACK_N_VIEWS];

          eval_node (self, child, depth + 1, cv);
          for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
            {
              if (i == 0)
                out[view] = cv[view];
              else
                _bw_attack_combine_values (how, &out[view], &cv[view], &out[view]);
            }
        }
    }

  /* Countermeasures are evaluated in both views so their own values can be
   * shown; only those that count in a view change the node's value. */
  for (guint i = 0; i < n_cms; i++)
    {
      g_autoptr(BwAttackNode) cm = g_list_model_get_item (cms, i);
      BwAttackValues cv[BW_ATTACK_N_VIEWS];

      eval_node (self, cm, depth + 1, cv);
      for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
        {
          if (!_bw_attack_counts_in (cm, view))
            continue;
          if (!have_defence[view])
            defence[view] = cv[view];
          else
            _bw_attack_combine_values (COMBINE_AND, &defence[view], &cv[view], &defence[view]);
          have_defence[view] = TRUE;
        }
    }
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    if (have_defence[view])
      _bw_attack_combine_values (COMBINE_DEFENCE, &out[view], &defence[view], &out[view]);

  id = bw_record_get_id (BW_RECORD (node));
  if (id != NULL)
    {
      g_array_append_vals (self->slots, out, BW_ATTACK_N_VIEWS);
      g_hash_table_insert (self->values, g_string_chunk_insert_const (self->ids, id),
                           GUINT_TO_POINTER (self->slots->len / BW_ATTACK_N_VIEWS));
    }
}

static void
warning_free (gpointer data)
{
  BwAttackWarning *w = data;

  g_free (w->message);
  g_strfreev (w->node_ids);
  g_free (w);
}

static void
add_warning (BwAttackEval *self,
             char         *message,
             GPtrArray    *ids)
{
  BwAttackWarning *w = g_new0 (BwAttackWarning, 1);

  w->message = message;
  g_ptr_array_add (ids, NULL);
  w->node_ids = g_strdupv ((char **) ids->pdata);
  g_ptr_array_remove_index (ids, ids->len - 1);
  g_ptr_array_add (self->warnings, w);
}

/* Leaves are the same step when their labels are, whatever the case and
 * spacing: "Replay the command" twice is one action counted twice. */
char *
_bw_attack_leaf_key (BwAttackNode *node)
{
  const char *label = bw_attack_node_get_label (node);
  GString *key = g_string_sized_new (strlen (label));
  gboolean ascii = TRUE;
  gboolean space = FALSE;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      ascii &= ((guchar) *p) < 0x80;
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  if (!ascii)
    {
      char *folded = g_utf8_casefold (key->str, key->len);

      g_string_free (key, TRUE);
      return folded;
    }
  return g_string_free (key, FALSE);
}

typedef struct
{
  GHashTable *seen;          /* BwAttackNode * */
  GHashTable *twice;         /* BwAttackNode * linked more than once */
  GHashTable *by_label;      /* key → GPtrArray of IDs */
  GPtrArray  *label_order;   /* keys, first-seen order */
  GPtrArray  *empty_gates;   /* IDs */
  GPtrArray  *leaf_parents;  /* IDs of leaves that have children */
} Scan;

static void
scan_node (Scan         *scan,
           BwAttackNode *node,
           guint         depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };

  if (g_hash_table_contains (scan->seen, node))
    {
      g_hash_table_add (scan->twice, node);
      return;
    }
  g_hash_table_add (scan->seen, node);
  if (depth > 10000)
    return;

  if (_bw_attack_is_leaf (node))
    {
      g_autofree char *key = _bw_attack_leaf_key (node);
      GPtrArray *ids;

      if (*key != '\0')
        {
          ids = g_hash_table_lookup (scan->by_label, key);
          if (ids == NULL)
            {
              ids = g_ptr_array_new ();
              g_ptr_array_add (scan->label_order, g_strdup (key));
              g_hash_table_insert (scan->by_label, g_steal_pointer (&key), ids);
            }
          g_ptr_array_add (ids, (gpointer) bw_record_get_id (BW_RECORD (node)));
        }
      if (g_list_model_get_n_items (lists[0]) > 0)
        g_ptr_array_add (scan->leaf_parents, (gpointer) bw_record_get_id (BW_RECORD (node)));
    }
  else if (g_list_model_get_n_items (lists[0]) == 0)
    g_ptr_array_add (scan->empty_gates, (gpointer) bw_record_get_id (BW_RECORD (node)));

  for (guint l = 0; l < 2; l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

          scan_node (scan, child, depth + 1);
        }
    }
}

static void
find_warnings (BwAttackEval *self,
               BwAttackNode *root)
{
  Scan scan;
  GHashTableIter iter;
  gpointer node;

  scan.seen = g_hash_table_new (NULL, NULL);
  scan.twice = g_hash_table_new (NULL, NULL);
  scan.by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  scan.label_order = g_ptr_array_new_with_free_func (g_free);
  scan.empty_gates = g_ptr_array_new ();
  scan.leaf_parents = g_ptr_array_new ();

  scan_node (&scan, root, 0);

  g_hash_table_iter_init (&iter, scan.twice);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      const char *id = bw_record_get_id (node);

      g_ptr_array_add (ids, (gpointer) (id ? id : ""));
      add_warning (self,
                   g_strdup_printf (_("%s (“%s”) is linked into the tree more than once; the values count it twice and are not sound."),
                                    id ? id : "?", bw_attack_node_get_label (node)),
                   ids);
    }

  for (guint i = 0; i < scan.label_order->len; i++)
    {
      GPtrArray *ids = g_hash_table_lookup (scan.by_label, scan.label_order->pdata[i]);
      g_autofree char *list = NULL;

      if (ids->len < 2)
        continue;
      g_ptr_array_add (ids, NULL);
      list = g_strjoinv (", ", (char **) ids->pdata);
      g_ptr_array_remove_index (ids, ids->len - 1);
      add_warning (self,
                   g_strdup_printf (_("The leaf “%s” appears more than once (%s); the values count it once per appearance and are not sound."),
                                    (const char *) scan.label_order->pdata[i], list),
                   ids);
    }

  for (guint i = 0; i < scan.empty_gates->len; i++)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      g_ptr_array_add (ids, scan.empty_gates->pdata[i]);
      add_warning (self,
                   g_strdup_printf (_("%s has a gate but no children; its values are unknown and no attack goes through it."),
                                    (const char *) scan.empty_gates->pdata[i]),
                   ids);
    }

  for (guint i = 0; i < scan.leaf_parents->len; i++)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      g_ptr_array_add (ids, scan.leaf_parents->pdata[i]);
      add_warning (self,
                   g_strdup_printf (_("%s is a leaf but has children; they are not counted. Give it a gate."),
                                    (const char *) scan.leaf_parents->pdata[i]),
                   ids);
    }

  g_hash_table_unref (scan.seen);
  g_hash_table_unref (scan.twice);
  g_hash_table_unref (scan.by_label);
  g_ptr_array_unref (scan.label_order);
  g_ptr_array_unref (scan.empty_gates);
  g_ptr_array_unref (scan.leaf_parents);
}

/**
 * bw_attack_eval_new:
 * @root: the root of a tree (or of a subtree)
 *
 * Returns: (transfer full): the values of every node below @root in both
 *   views, and the warnings that make them unsound
 */
BwAttackEval *
bw_attack_eval_new (BwAttackNode *root)
{
  BwAttackEval *self;

  g_return_val_if_fail (BW_IS_ATTACK_NODE (root), NULL);

  self = g_new0 (BwAttackEval, 1);
  self->ref_count = 1;
  self->values = g_hash_table_new (g_str_hash, g_str_equal);
  self->ids = g_string_chunk_new (4096);
  self->slots = g_array_new (FALSE, FALSE, sizeof (BwAttackValues));
  self->warnings = g_ptr_array_new_with_free_func (warning_free);

  eval_node (self, root, 0, self->root);
  find_warnings (self, root);
  return self;
}

BwAttackEval *
bw_attack_eval_ref (BwAttackEval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bw_attack_eval_unref (BwAttackEval *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_hash_table_unref (self->values);
  g_string_chunk_free (self->ids);
  g_array_unref (self->slots);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

const BwAttackValues *
bw_attack_eval_get (BwAttackEval *self,
                    const char   *node_id,
                    BwAttackView  view)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view < BW_ATTACK_N_VIEWS, NULL);

  index = node_id ? GPOINTER_TO_UINT (g_hash_table_lookup (self->values, node_id)) : 0;
  if (index == 0)
    return NULL;
  return &g_array_index (self->slots, BwAttackValues, (index - 1) * BW_ATTACK_N_VIEWS + view);
}

const BwAttackValues *
bw_attack_eval_get_root (BwAttackEval *self,
                         BwAttackView  view)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view < BW_ATTACK_N_VIEWS, NULL);

  return &self->root[view];
}

GPtrArray *
bw_attack_eval_get_warnings (BwAttackEval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->warnings;
}
