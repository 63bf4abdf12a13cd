/* bw-history-entry.h — one event in the life of a threat
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_HISTORY_ENTRY (bw_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (BwHistoryEntry, bw_history_entry, BW, HISTORY_ENTRY, BwRecord)

const char *bw_history_entry_get_at (BwHistoryEntry *self);
const char *bw_history_entry_get_event (BwHistoryEntry *self);
const char *bw_history_entry_get_by (BwHistoryEntry *self);
const char *bw_history_entry_get_detail (BwHistoryEntry *self);

G_END_DECLS
