/* bw-open-threats.h — which threats still need the analyst, per element
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

/* Open: in play (not obsolete, superseded or archived) and not yet
 * decided (status not_started or needs_investigation; addressed and
 * not_applicable are decisions). */
gboolean    bw_threat_is_open          (BwThreat   *threat);
/* Element ID → number of open threats on it (guint in a pointer); an
 * interaction's threats count for its flow. */
GHashTable *bw_open_threats_by_target  (BwProject  *project);
/* The open threats on one element, in project order (owned refs). */
GPtrArray  *bw_open_threats_dup_for    (BwProject  *project,
                                        const char *element_id);
/* Every threat on one element (its target), open or not, except archived
 * ones, in project order (owned refs). */
GPtrArray  *bw_threats_dup_for_element (BwProject  *project,
                                        const char *element_id);

G_END_DECLS
