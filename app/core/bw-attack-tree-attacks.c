/* bw-attack-tree-attacks.c — an attack tree's minimal attacks, the k best
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
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

#include "bw-attack-tree-eval-private.h"

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
  _bw_attack_combine_values (how, &a->values, &b->values, &e->values);
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

  if (_bw_attack_is_leaf (node))
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
      Combine how = _bw_attack_gate_combine (node);

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

      if (!_bw_attack_counts_in (cm, search->view))
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
          g_autofree char *key = _bw_attack_leaf_key (search.leaves->pdata[e->leaves[j]]);
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
