/* bw-id-counters.h — the next number of every ID prefix
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_ID_COUNTERS (bw_id_counters_get_type ())
G_DECLARE_FINAL_TYPE (BwIdCounters, bw_id_counters, BW, ID_COUNTERS, BwRecord)

gint64 bw_id_counters_get (BwIdCounters *self,
                           const char   *prefix);
void   bw_id_counters_set (BwIdCounters *self,
                           const char   *prefix,
                           gint64        value);

extern const char * const bw_id_prefixes[];

G_END_DECLS
