/* bw-structure-serial.c — a count of changes to the structure of any model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * What derivation caches about a model's structure (which flows a node has,
 * which boundaries a diagram has, which elements are refined) changes only
 * when an element's or diagram's ends, diagram, kind, refinement or ID
 * does. Elements and diagrams bump this one count when they notify such a
 * member, and a cache remembers the count it was built at: one comparison
 * tells it whether to rebuild, with no handler connected per element (tens
 * of thousands on a large model, each costing more to connect than the
 * rebuild it would save). A change in any project counts, so a cache may
 * be rebuilt once more than it strictly needs.
 */
#include "config.h"

#include "bw-structure-serial.h"

static gint serial;

/* Returns: the count, to compare with the one a cache was built at */
guint
bw_structure_serial_get (void)
{
  return (guint) g_atomic_int_get (&serial);
}

/* Whether a change of this member changes the structure. */
gboolean
bw_structure_serial_is_member (GParamSpec *pspec)
{
  static const char * const members[] = { "source", "target", "refines", "diagram", "kind", "id", NULL };

  return g_strv_contains (members, pspec->name);
}

void
bw_structure_serial_bump (void)
{
  g_atomic_int_inc (&serial);
}
