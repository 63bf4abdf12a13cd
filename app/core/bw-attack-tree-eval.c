/* bw-attack-tree-eval.c — attack-tree values, minimal attacks, exploitability
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
 * Minimal attacks are found by a k-best search: every node keeps only its
 * k best attacks, an OR merges its children's lists and an AND or SAND (or
 * a node and its countermeasures) combines two sorted lists at a time,
 * popping the k best pairs from a heap.  Every combination rule of the
 * table is monotone, so the k best of a combination are made of the k
 * best of its parts, and the number of attacks (exponential in the depth
 * of AND-of-OR trees) is never enumerated.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-attack-tree-eval.h"
#include "bw-command-group.h"
#include "bw-command-set-property.h"
#include "bw-risk.h"

static const char * const attr_names[BW_ATTACK_N_ATTRS] = {
  "cost", "time_h", "skill", "difficulty", "probability",
};

static const char * const difficulty_names[] = { "L", "M", "H", "E" };

typedef enum
{
  COMBINE_OR,
  COMBINE_AND,
  COMBINE_SAND,
  COMBINE_DEFENCE,  /* a node and the countermeasures it must defeat */
} Combine;

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

static void
combine_values (Combine               how,
                const BwAttackValues *a,
                const BwAttackValues *b,
                BwAttackValues       *out)
{
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    out->v[i] = combine_attr (how, i, a->v[i], b->v[i]);
}

static Combine
gate_combine (BwAttackNode *node)
{
  const char *gate = bw_attack_node_get_gate (node);

  if (g_strcmp0 (gate, "and") == 0)
    return COMBINE_AND;
  if (g_strcmp0 (gate, "sand") == 0)
    return COMBINE_SAND;
  return COMBINE_OR;
}

static gboolean
is_leaf (BwAttackNode *node)
{
  return g_strcmp0 (bw_attack_node_get_gate (node), "leaf") == 0;
}

/* Whether the countermeasure counts in the view. */
static gboolean
counts_in (BwAttackNode *countermeasure,
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

  if (is_leaf (node))
    bw_attack_values_of_leaf (node, &out[0]);
  else if (n_children == 0)
    values_unknown (&out[0]);
  if (is_leaf (node) || n_children == 0)
    out[1] = out[0];
  else
    {
      Combine how = gate_combine (node);

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
                combine_values (how, &out[view], &cv[view], &out[view]);
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
          if (!counts_in (cm, view))
            continue;
          if (!have_defence[view])
            defence[view] = cv[view];
          else
            combine_values (COMBINE_AND, &defence[view], &cv[view], &defence[view]);
          have_defence[view] = TRUE;
        }
    }
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    if (have_defence[view])
      combine_values (COMBINE_DEFENCE, &out[view], &defence[view], &out[view]);

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
static char *
leaf_key (BwAttackNode *node)
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

  if (is_leaf (node))
    {
      g_autofree char *key = leaf_key (node);
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

/* ---- Minimal attacks (k-best) --------------------------------------------- */

typedef struct
{
  guint          n;
  guint         *leaves;   /* indices into the leaf table, ascending */
  BwAttackValues values;
} Entry;

typedef struct
{
  BwAttackAttr rank_by;
  BwAttackView view;
  guint        k;
  GPtrArray   *leaves;     /* BwAttackNode *, tree order */
  GHashTable  *leaf_index; /* BwAttackNode * → index + 1 */
} Search;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->leaves);
  g_free (e);
}

/* Whether a is a better value of attr than b; unknown is the worst. */
static int
compare_value (BwAttackAttr attr,
               double       a,
               double       b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  if (attr == BW_ATTACK_ATTR_PROBABILITY)
    return a > b ? -1 : a < b;
  return a < b ? -1 : a > b;
}

static int
compare_entries (const Entry  *a,
                 const Entry  *b,
                 BwAttackAttr  attr)
{
  int c = compare_value (attr, a->values.v[attr], b->values.v[attr]);

  if (c == 0 && attr != BW_ATTACK_ATTR_COST)
    c = compare_value (BW_ATTACK_ATTR_COST, a->values.v[BW_ATTACK_ATTR_COST], b->values.v[BW_ATTACK_ATTR_COST]);
  if (c == 0 && a->n != b->n)
    c = a->n < b->n ? -1 : 1;
  for (guint i = 0; c == 0 && i < a->n; i++)
    if (a->leaves[i] != b->leaves[i])
      c = a->leaves[i] < b->leaves[i] ? -1 : 1;
  return c;
}

static Entry *
entry_join (const Entry *a,
            const Entry *b,
            Combine      how)
{
  Entry *e = g_new0 (Entry, 1);
  guint i = 0, j = 0;

  e->leaves = g_new (guint, a->n + b->n);
  while (i < a->n || j < b->n)
    {
      guint next;

      if (j >= b->n || (i < a->n && a->leaves[i] < b->leaves[j]))
        next = a->leaves[i++];
      else if (i >= a->n || b->leaves[j] < a->leaves[i])
        next = b->leaves[j++];
      else
        {
          next = a->leaves[i++];
          j++;
        }
      e->leaves[e->n++] = next;
    }
  combine_values (how, &a->values, &b->values, &e->values);
  return e;
}

typedef struct
{
  guint  i, j;
  Entry *entry;
} Candidate;

/* A binary heap of candidates, best on top. */
static void
heap_push (GArray       *heap,
           Candidate     c,
           BwAttackAttr  attr)
{
  guint pos;

  g_array_append_val (heap, c);
  pos = heap->len - 1;
  while (pos > 0)
    {
      guint parent = (pos - 1) / 2;
      Candidate *p = &g_array_index (heap, Candidate, parent);
      Candidate *x = &g_array_index (heap, Candidate, pos);
      Candidate tmp;

      if (compare_entries (x->entry, p->entry, attr) >= 0)
        break;
      tmp = *p;
      *p = *x;
      *x = tmp;
      pos = parent;
    }
}

static Candidate
heap_pop (GArray       *heap,
          BwAttackAttr  attr)
{
  Candidate top = g_array_index (heap, Candidate, 0);
  guint pos = 0;

  g_array_index (heap, Candidate, 0) = g_array_index (heap, Candidate, heap->len - 1);
  g_array_set_size (heap, heap->len - 1);
  while (TRUE)
    {
      guint l = 2 * pos + 1, r = l + 1, best = pos;
      Candidate tmp;

      if (l < heap->len && compare_entries (g_array_index (heap, Candidate, l).entry,
                                            g_array_index (heap, Candidate, best).entry, attr) < 0)
        best = l;
      if (r < heap->len && compare_entries (g_array_index (heap, Candidate, r).entry,
                                            g_array_index (heap, Candidate, best).entry, attr) < 0)
        best = r;
      if (best == pos)
        break;
      tmp = g_array_index (heap, Candidate, pos);
      g_array_index (heap, Candidate, pos) = g_array_index (heap, Candidate, best);
      g_array_index (heap, Candidate, best) = tmp;
      pos = best;
    }
  return top;
}

/* The k best joins of one entry of a with one of b (both sorted). */
static GPtrArray *
kbest_join (Search    *search,
            GPtrArray *a,
            GPtrArray *b,
            Combine    how)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) pushed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Candidate c;

  if (a->len == 0 || b->len == 0)
    return out;

  c = (Candidate) { 0, 0, entry_join (a->pdata[0], b->pdata[0], how) };
  heap_push (heap, c, search->rank_by);
  g_hash_table_add (pushed, g_memdup2 (&(gint64) { 0 }, sizeof (gint64)));

  while (heap->len > 0 && out->len < search->k)
    {
      Candidate top = heap_pop (heap, search->rank_by);
      guint next[2][2] = { { top.i + 1, top.j }, { top.i, top.j + 1 } };

      g_ptr_array_add (out, top.entry);
      for (guint n = 0; n < 2; n++)
        {
          guint i = next[n][0], j = next[n][1];
          gint64 key = ((gint64) i << 32) | j;

          if (i >= a->len || j >= b->len || g_hash_table_contains (pushed, &key))
            continue;
          g_hash_table_add (pushed, g_memdup2 (&key, sizeof key));
          heap_push (heap, (Candidate) { i, j, entry_join (a->pdata[i], b->pdata[j], how) }, search->rank_by);
        }
    }
  for (guint i = 0; i < heap->len; i++)
    entry_free (g_array_index (heap, Candidate, i).entry);
  return out;
}

static int
compare_entry_ptrs (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_entries (*(Entry **) a, *(Entry **) b, GPOINTER_TO_UINT (user_data));
}

static GPtrArray *
fold (Search    *search,
      GPtrArray *acc,
      GPtrArray *next,
      Combine    how)
{
  GPtrArray *out;

  if (acc == NULL)
    return g_ptr_array_ref (next);

  if (how == COMBINE_OR)
    {
      GPtrArray *parts[2] = { acc, next };

      out = g_ptr_array_new_with_free_func (entry_free);
      for (guint p = 0; p < 2; p++)
        {
          gsize n = 0;
          gpointer *items = g_ptr_array_steal (parts[p], &n);

          for (gsize i = 0; i < n; i++)
            g_ptr_array_add (out, items[i]);
          g_free (items);
        }
      g_ptr_array_sort_with_data (out, compare_entry_ptrs, GUINT_TO_POINTER (search->rank_by));
      if (out->len > search->k)
        g_ptr_array_set_size (out, search->k);
      g_ptr_array_unref (acc);
      return out;
    }
  else
    out = kbest_join (search, acc, next, how);
  g_ptr_array_unref (acc);
  return out;
}

static GPtrArray *
search_node (Search       *search,
             BwAttackNode *node,
             guint         depth)
{
  GListModel *children = bw_attack_node_get_children (node);
  GListModel *cms = bw_attack_node_get_countermeasures (node);
  guint n_children = g_list_model_get_n_items (children);
  guint n_cms = g_list_model_get_n_items (cms);
  GPtrArray *list = NULL;
  GPtrArray *defence = NULL;

  if (depth > 10000)
    return g_ptr_array_new_with_free_func (entry_free);

  if (is_leaf (node))
    {
      Entry *e = g_new0 (Entry, 1);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (search->leaf_index, node));

      if (index == 0)
        {
          g_ptr_array_add (search->leaves, node);
          index = search->leaves->len;
          g_hash_table_insert (search->leaf_index, node, GUINT_TO_POINTER (index));
        }
      e->n = 1;
      e->leaves = g_new (guint, 1);
      e->leaves[0] = index - 1;
      bw_attack_values_of_leaf (node, &e->values);
      list = g_ptr_array_new_with_free_func (entry_free);
      g_ptr_array_add (list, e);
    }
  else
    {
      Combine how = gate_combine (node);

      for (guint i = 0; i < n_children; i++)
        {
          g_autoptr(BwAttackNode) child = g_list_model_get_item (children, i);
          g_autoptr(GPtrArray) sub = search_node (search, child, depth + 1);

          list = fold (search, list, sub, how);
        }
      if (list == NULL)
        list = g_ptr_array_new_with_free_func (entry_free);
    }

  for (guint i = 0; i < n_cms; i++)
    {
      g_autoptr(BwAttackNode) cm = g_list_model_get_item (cms, i);
      g_autoptr(GPtrArray) sub = NULL;

      if (!counts_in (cm, search->view))
        continue;
      sub = search_node (search, cm, depth + 1);
      defence = fold (search, defence, sub, COMBINE_AND);
    }
  if (defence != NULL)
    {
      list = fold (search, list, defence, COMBINE_DEFENCE);
      g_ptr_array_unref (defence);
    }
  return list;
}

static gboolean
keys_subset (GArray *a,
             GArray *b)
{
  guint j = 0;

  for (guint i = 0; i < a->len; i++)
    {
      while (j < b->len && g_array_index (b, guint, j) < g_array_index (a, guint, i))
        j++;
      if (j >= b->len || g_array_index (b, guint, j) != g_array_index (a, guint, i))
        return FALSE;
    }
  return TRUE;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

void
bw_attack_free (BwAttack *attack)
{
  if (attack == NULL)
    return;
  g_strfreev (attack->leaf_ids);
  g_free (attack);
}

/**
 * bw_attack_minimal_attacks:
 * @root: the root of a tree
 * @view: which countermeasures must be defeated
 * @rank_by: the attribute to rank by (probability: highest first; the
 *   others lowest first; unknown values last)
 * @k: how many attacks, at most
 *
 * Each attack is a minimal set of leaves that achieves the root: one child
 * of every OR on its way, all children of every AND and SAND, and the
 * leaves that defeat each countermeasure of the view on a node it uses.
 * Leaves with the same label count as one step: sets that are then equal,
 * or that contain another, are dropped.
 *
 * Returns: (transfer full) (element-type BwAttack): the @k best, best first
 */
GPtrArray *
bw_attack_minimal_attacks (BwAttackNode *root,
                           BwAttackView  view,
                           BwAttackAttr  rank_by,
                           guint         k)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_attack_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) key_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) key_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(BwAttackEval) eval = NULL;
  gboolean shared;
  Search search;

  g_return_val_if_fail (BW_IS_ATTACK_NODE (root), result);
  g_return_val_if_fail (rank_by < BW_ATTACK_N_ATTRS, result);

  if (k == 0)
    return result;
  /* Nobody reads a million attacks; and 4k must not overflow. */
  k = MIN (k, 100000);

  /* With shared leaves some sets collapse into others; look further so k
   * remain after the duplicates are dropped. */
  eval = bw_attack_eval_new (root);
  shared = bw_attack_eval_get_warnings (eval)->len > 0;

  search.rank_by = rank_by;
  search.view = view;
  search.k = shared ? 4 * k : k;
  search.leaves = g_ptr_array_new ();
  search.leaf_index = g_hash_table_new (NULL, NULL);

  entries = search_node (&search, root, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = entries->pdata[i];
      GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint j = 0; j < e->n; j++)
        {
          g_autofree char *key = leaf_key (search.leaves->pdata[e->leaves[j]]);
          gpointer id;
          guint kid;

          if (!g_hash_table_lookup_extended (key_ids, key, NULL, &id))
            {
              id = GUINT_TO_POINTER (g_hash_table_size (key_ids) + 1);
              g_hash_table_insert (key_ids, g_steal_pointer (&key), id);
            }
          kid = GPOINTER_TO_UINT (id);
          g_array_append_val (keys, kid);
        }
      g_array_sort (keys, compare_guint);
      for (guint j = 1; j < keys->len;)
        if (g_array_index (keys, guint, j) == g_array_index (keys, guint, j - 1))
          g_array_remove_index (keys, j);
        else
          j++;
      g_ptr_array_add (key_sets, keys);
    }

  for (guint i = 0; i < entries->len && result->len < k; i++)
    {
      Entry *e = entries->pdata[i];
      GArray *mine = key_sets->pdata[i];
      gboolean minimal = TRUE;
      BwAttack *attack;

      for (guint j = 0; j < entries->len && minimal; j++)
        {
          GArray *other = key_sets->pdata[j];

          if (j == i || !keys_subset (other, mine))
            continue;
          /* A proper subset, or the same set found earlier. */
          if (other->len < mine->len || j < i)
            minimal = FALSE;
        }
      if (!minimal)
        continue;

      attack = g_new0 (BwAttack, 1);
      attack->leaf_ids = g_new0 (char *, e->n + 1);
      for (guint j = 0; j < e->n; j++)
        attack->leaf_ids[j] = g_strdup (bw_record_get_id (search.leaves->pdata[e->leaves[j]]));
      attack->values = e->values;
      g_ptr_array_add (result, attack);
    }

  g_ptr_array_unref (search.leaves);
  g_hash_table_unref (search.leaf_index);
  return result;
}

/* ---- From values to exploitability ---------------------------------------- */

G_DEFINE_BOXED_TYPE (BwExploitabilityMapping, bw_exploitability_mapping,
                     bw_exploitability_mapping_copy, bw_exploitability_mapping_free)

/* The default thresholds.  Skill is the 1–5 scale of FORMAT.md: an attack
 * a layperson (1) can do is very highly exploitable, one that needs an
 * expert team (5) very lowly.  Cost steps by factors of ten from what an
 * individual spends on a hobby (< 1,000) to what only an organised group
 * spends (≥ 1,000,000).  The lower of the two levels counts, since an
 * attacker needs both the skill and the money. */
void
bw_exploitability_mapping_init_default (BwExploitabilityMapping *self)
{
  static const double skill[4] = { 2, 3, 4, 5 };
  static const double cost[4] = { 1000, 10000, 100000, 1000000 };

  g_return_if_fail (self != NULL);

  memcpy (self->skill_below, skill, sizeof skill);
  memcpy (self->cost_below, cost, sizeof cost);
}

BwExploitabilityMapping *
bw_exploitability_mapping_new (void)
{
  BwExploitabilityMapping *self = g_new0 (BwExploitabilityMapping, 1);

  bw_exploitability_mapping_init_default (self);
  return self;
}

BwExploitabilityMapping *
bw_exploitability_mapping_copy (const BwExploitabilityMapping *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
bw_exploitability_mapping_free (BwExploitabilityMapping *self)
{
  g_free (self);
}

static int
level_of (const double below[4],
          double       value)
{
  for (guint i = 0; i < 4; i++)
    if (value < below[i])
      return 5 - i;
  return 1;
}

/**
 * bw_exploitability_mapping_level:
 * @self: the mapping
 * @values: the root's values
 * @n_levels: the number of levels of the project's exploitability scale
 *
 * Returns: the level, 1-based on a scale of @n_levels (the five levels of
 *   the mapping spread over it), or 0 when neither skill nor cost is known
 */
int
bw_exploitability_mapping_level (const BwExploitabilityMapping *self,
                                 const BwAttackValues          *values,
                                 guint                          n_levels)
{
  double skill = values->v[BW_ATTACK_ATTR_SKILL];
  double cost = values->v[BW_ATTACK_ATTR_COST];
  int level = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (!isnan (skill))
    level = level_of (self->skill_below, skill);
  if (!isnan (cost))
    level = level == 0 ? level_of (self->cost_below, cost) : MIN (level, level_of (self->cost_below, cost));
  if (level == 0 || n_levels == 0)
    return 0;
  if (n_levels == 5)
    return level;
  return CLAMP ((int) lround ((level - 1) * (n_levels - 1) / 4.0) + 1, 1, (int) n_levels);
}

/* The thresholds as a person reads them, one level per line. */
char *
bw_exploitability_mapping_describe (const BwExploitabilityMapping *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (int level = 5; level >= 1; level--)
    {
      guint i = 5 - level;

      if (level == 1)
        g_string_append_printf (out, _("Level %d: otherwise\n"), level);
      else
        g_string_append_printf (out, _("Level %d: minimal skill below %g and minimal cost below %g\n"),
                                level, self->skill_below[i], self->cost_below[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * bw_attack_tree_apply_to_threats_new:
 * @project: the project
 * @tree_id: an attack tree's ID
 * @mapping: (nullable): the mapping; NULL for the default
 * @view: whose result to apply (the residual view rates the device as it
 *   is, which is what a threat's `risk` records)
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): one command (to execute on the
 *   project's stack) that sets risk.exploitability of every threat the
 *   tree is linked to, creating a rating where a threat had none
 */
BwCommand *
bw_attack_tree_apply_to_threats_new (BwProject                     *project,
                                     const char                    *tree_id,
                                     const BwExploitabilityMapping *mapping,
                                     BwAttackView                   view,
                                     GError                       **error)
{
  BwRecord *record;
  BwAttackTree *tree;
  const char * const *threats;
  BwExploitabilityMapping fallback;
  g_autoptr(BwAttackEval) eval = NULL;
  g_autoptr(BwCommandGroup) group = NULL;
  guint n_levels;
  int level;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (tree_id != NULL, NULL);

  record = bw_project_lookup (project, tree_id);
  if (!BW_IS_ATTACK_TREE (record))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not an attack tree of this project."), tree_id);
      return NULL;
    }
  tree = BW_ATTACK_TREE (record);
  threats = bw_attack_tree_get_threats (tree);
  if (threats == NULL || threats[0] == NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("Attack tree %s is linked to no threat."), tree_id);
      return NULL;
    }
  if (mapping == NULL)
    {
      bw_exploitability_mapping_init_default (&fallback);
      mapping = &fallback;
    }

  n_levels = g_strv_length ((char **) bw_risk_method_get_exploitability (bw_project_get_risk_method (project)));
  eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  level = bw_exploitability_mapping_level (mapping, bw_attack_eval_get_root (eval, view), n_levels);
  if (level == 0)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("Attack tree %s has neither a minimal skill nor a minimal cost yet; give its leaves values first."),
                   tree_id);
      return NULL;
    }

  group = bw_command_group_new (_("Apply Attack Tree to Threats"));
  for (guint i = 0; threats[i] != NULL; i++)
    {
      BwRecord *threat = bw_project_lookup (project, threats[i]);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(BwCommand) command = NULL;
      BwRisk *risk;

      if (!BW_IS_THREAT (threat))
        continue;
      risk = bw_threat_get_risk (BW_THREAT (threat));
      if (risk != NULL)
        {
          g_autofree char *path = g_strconcat (threats[i], "/risk", NULL);

          if (bw_risk_get_exploitability (risk) == level)
            continue;
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, level);
          command = bw_command_set_property_new (project, path, "exploitability", &value);
        }
      else
        {
          g_autoptr(BwRisk) fresh = g_object_new (BW_TYPE_RISK, "exploitability", level, NULL);

          g_value_init (&value, BW_TYPE_RISK);
          g_value_set_object (&value, fresh);
          command = bw_command_set_property_new (project, threats[i], "risk", &value);
        }
      bw_command_group_append (group, command);
    }
  return BW_COMMAND (g_steal_pointer (&group));
}
