/* bw-id-counters.c — the next number of every ID prefix
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-id-counters.h"

struct _BwIdCounters
{
  BwRecord parent_instance;

  gint64 A;
  gint64 EE;
  gint64 P;
  gint64 DS;
  gint64 DF;
  gint64 TB;
  gint64 D;
  gint64 T;
  gint64 O;
  gint64 R;
  gint64 AT;
  gint64 N;
  gint64 H;
  gint64 ASM;
  gint64 C;
};

G_DEFINE_FINAL_TYPE (BwIdCounters, bw_id_counters, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "A", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, A) },
  { "EE", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, EE) },
  { "P", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, P) },
  { "DS", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, DS) },
  { "DF", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, DF) },
  { "TB", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, TB) },
  { "D", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, D) },
  { "T", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, T) },
  { "O", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, O) },
  { "R", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, R) },
  { "AT", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, AT) },
  { "N", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, N) },
  { "H", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, H) },
  { "ASM", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, ASM) },
  { "C", BW_FIELD_INT, G_STRUCT_OFFSET (BwIdCounters, C) },
};

static void
bw_id_counters_class_init (BwIdCountersClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_id_counters_init (BwIdCounters *self)
{
}

const char * const bw_id_prefixes[] = {
  "A", "EE", "P", "DS", "DF", "TB", "D", "T", "O", "R", "AT", "N", "H", "ASM", "C", NULL
};

static gint64 *
counter_ptr (BwIdCounters *self,
             const char   *prefix)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (self), prefix);

  return field != NULL ? BW_FIELD_PTR (self, field) : NULL;
}

/* The next number for the prefix (0 if none is recorded). */
gint64
bw_id_counters_get (BwIdCounters *self,
                    const char   *prefix)
{
  gint64 *ptr;

  g_return_val_if_fail (BW_IS_ID_COUNTERS (self), 0);

  ptr = counter_ptr (self, prefix);
  g_return_val_if_fail (ptr != NULL, 0);
  return *ptr;
}

void
bw_id_counters_set (BwIdCounters *self,
                    const char   *prefix,
                    gint64        value)
{
  gint64 *ptr;

  g_return_if_fail (BW_IS_ID_COUNTERS (self));

  ptr = counter_ptr (self, prefix);
  g_return_if_fail (ptr != NULL);
  if (*ptr == value)
    return;
  *ptr = value;
  bw_record_notify_field (BW_RECORD (self), bw_record_class_find_field (BW_RECORD_GET_CLASS (self), prefix));
}
