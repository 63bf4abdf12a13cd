/* bw-history-entry.c — one event in the life of a threat
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-history-entry.h"

struct _BwHistoryEntry
{
  BwRecord parent_instance;

  char *at;
  const char *event;
  char *by;
  char *detail;
};

G_DEFINE_FINAL_TYPE (BwHistoryEntry, bw_history_entry, BW_TYPE_RECORD)

static const char * const history_events[] = { "derived", "created", "obsolete", "revived", "superseded", "changed", NULL };

static const BwField fields[] = {
  { "at", BW_FIELD_STRING, G_STRUCT_OFFSET (BwHistoryEntry, at) },
  { "event", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwHistoryEntry, event), .values = history_events, .fallback = "changed" },
  { "by", BW_FIELD_NSTRING, G_STRUCT_OFFSET (BwHistoryEntry, by) },
  { "detail", BW_FIELD_STRING, G_STRUCT_OFFSET (BwHistoryEntry, detail) },
};

static void
bw_history_entry_class_init (BwHistoryEntryClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_history_entry_init (BwHistoryEntry *self)
{
}

const char *
bw_history_entry_get_at (BwHistoryEntry *self)
{
  g_return_val_if_fail (BW_IS_HISTORY_ENTRY (self), NULL);

  return self->at;
}

const char *
bw_history_entry_get_event (BwHistoryEntry *self)
{
  g_return_val_if_fail (BW_IS_HISTORY_ENTRY (self), NULL);

  return self->event;
}

const char *
bw_history_entry_get_by (BwHistoryEntry *self)
{
  g_return_val_if_fail (BW_IS_HISTORY_ENTRY (self), NULL);

  return self->by;
}

const char *
bw_history_entry_get_detail (BwHistoryEntry *self)
{
  g_return_val_if_fail (BW_IS_HISTORY_ENTRY (self), NULL);

  return self->detail;
}
