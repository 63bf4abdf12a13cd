/* bw-structure-serial.c — counts of changes to the structure of any model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * What derivation caches about a model's structure (which flows a node has,
 * which boundaries a diagram has, which elements are refined, which derived
 * threats an element has) changes only when a few members do: an element's
 * or diagram's ends, diagram, kind, refinement or ID, a threat's origin,
 * rule or target. Records count such changes here as they notify them
 * (BwRecordClass.structure), and a cache remembers the count it was built
 * at: one comparison
 * tells it whether to rebuild, with no handler connected per record (tens
 * of thousands on a large model, each costing more to connect than the
 * rebuild it would save). A change in any project counts, so a cache may
 * be rebuilt once more than it strictly needs.
 */
#include "config.h"

#include "bw-structure-serial.h"

static gint serials[BW_STRUCTURE_N];

static const char * const layout_members[] = { "source", "target", "refines", "diagram", "kind", "id", NULL };
static const char * const threat_key_members[] = { "origin", "rule", "target", NULL };

/* Returns: the count, to compare with the one a cache was built at */
guint
bw_structure_serial_get (BwStructure which)
{
  g_return_val_if_fail (which >= 0 && which < BW_STRUCTURE_N, 0);

  return (guint) g_atomic_int_get (&serials[which]);
}

/* Counts a change of the member `pspec` names if it is one of `which`. */
void
bw_structure_serial_note (BwStructure  which,
                          GParamSpec  *pspec)
{
  const char * const *members = which == BW_STRUCTURE_LAYOUT ? layout_members : threat_key_members;

  g_return_if_fail (which >= 0 && which < BW_STRUCTURE_N);

  if (g_strv_contains (members, pspec->name))
    g_atomic_int_inc (&serials[which]);
}
