/* bw-deriver-private.h — what the deriver shares with the derive command
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-deriver.h"

G_BEGIN_DECLS

struct _BwDerivePlan
{
  gint       ref_count;
  char      *time;
  GArray    *items;              /* BwDeriveItem, in the order they apply */
  GPtrArray *entries;            /* per item: the history entry a change appends; NULL for an addition */
  GPtrArray *new_threats;        /* BwThreat, the additions in item order */
  GStrv      missing_libraries;
  gint64     counter_before;     /* id_counters.T when planned */
  gint64     counter_after;      /* id_counters.T once applied */
  guint      counts[BW_DERIVE_UNSUPERSEDE + 1];
};

void _bw_deriver_mute_index  (BwProject *project,
                              gboolean   muted);
void _bw_deriver_index_added (BwProject *project,
                              GPtrArray *threats);

G_END_DECLS
