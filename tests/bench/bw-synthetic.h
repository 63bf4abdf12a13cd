/* bw-synthetic.h — the one generator of synthetic projects (benchmarks, tests)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * synthetic(N): N nodes (external_entity, process, data_store in turn) on
 * diagrams of BW_SYNTHETIC_NODES_PER_DIAGRAM nodes each, laid out on a grid;
 * 2N data flows between nodes of the same diagram; N/20 box trust
 * boundaries placed over nodes; 3N derived threats (rule
 * "stride.<kind>.<category>" matching the target's kind) with risk ratings
 * and one history entry each; the default risk method; id_counters set to
 * the highest used number + 1.  Deterministic: the same N gives the same
 * bytes.  The text is valid format 1 (not canonical: compact layout).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BW_SYNTHETIC_NODES_PER_DIAGRAM 200

/* How many objects synthetic(n_nodes) holds. */
guint     bw_synthetic_n_flows      (guint n_nodes);   /* 2N */
guint     bw_synthetic_n_boundaries (guint n_nodes);   /* N/20 */
guint     bw_synthetic_n_elements   (guint n_nodes);   /* N + 2N + N/20 */
guint     bw_synthetic_n_threats    (guint n_nodes);   /* 3N */
guint     bw_synthetic_n_diagrams   (guint n_nodes);   /* ceil(N/200) */

/* Appends the JSON text of synthetic(n_nodes) to out.  n_nodes >= 2. */
void      bw_synthetic_append       (GString    *out,
                                     guint       n_nodes);
GString  *bw_synthetic_new          (guint       n_nodes);
/* synthetic(n_nodes) with every element on the one diagram D-1. */
GString  *bw_synthetic_new_one_diagram (guint    n_nodes);
gboolean  bw_synthetic_write_file   (guint       n_nodes,
                                     const char *path,
                                     GError    **error);

G_END_DECLS
