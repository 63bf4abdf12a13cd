/* bw-id-index.c — a project's records by ID
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The IDs a project hands out are a prefix and a number ("T-12"), counted
 * up per prefix (FORMAT.md). Per prefix, an array indexed by the number
 * finds a record with one memory access and adds one without hashing: a
 * hash table of a large model's tens of thousands of IDs costs a few cache
 * misses per look-up, and GHashTable runs up to nearly full before it
 * grows, where a miss probes a long way. An ID of another form ("T-007"),
 * or with a number far beyond the others of its prefix, goes to a hash
 * table instead, so memory stays in proportion to the records.
 */
#include "config.h"

#include <string.h>

#include "bw-id-counters.h"
#include "bw-id-index.h"

/* A prefix's array grows to a number up to this much beyond twice the
 * count of its records. */
#define SLACK 65536

typedef struct
{
  GPtrArray *records;   /* [n]: the record "PREFIX-n", or NULL */
  guint      count;     /* records in it that are not NULL */
  gint64     highest;   /* no ID of the prefix indexed had a higher number */
} Series;

struct _BwIdIndex
{
  Series     *series;   /* per bw_id_prefixes */
  guint       last;     /* the series parse() matched last */
  GHashTable *others;   /* ID (borrowed) → record, for the rest */
};

BwIdIndex *
bw_id_index_new (void)
{
  BwIdIndex *self = g_new0 (BwIdIndex, 1);
  guint n = g_strv_length ((char **) bw_id_prefixes);

  self->series = g_new0 (Series, n);
  for (guint i = 0; i < n; i++)
    self->series[i].records = g_ptr_array_new ();
  self->others = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
bw_id_index_free (BwIdIndex *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; bw_id_prefixes[i] != NULL; i++)
    g_ptr_array_unref (self->series[i].records);
  g_free (self->series);
  g_hash_table_unref (self->others);
  g_free (self);
}

static gboolean
is_prefix_of (const char *prefix,
              const char *id,
              gsize       length)
{
  return strncmp (prefix, id, length) == 0 && prefix[length] == '\0';
}

/* Whether `id` is "PREFIX-N" with a prefix of bw_id_prefixes and N a
 * number as the project writes it (no sign, no leading zero), and which.
 * It tries the prefix it matched last first: IDs come in runs of one
 * prefix (a file's collections, a derivation's threats). */
static gboolean
parse (BwIdIndex  *self,
       const char *id,
       guint      *series_out,
       gint64     *number_out)
{
  const char *dash = strchr (id, '-');
  gint64 number = 0;
  guint i;

  if (dash == NULL || dash[1] < '1' || dash[1] > '9')
    return FALSE;
  for (const char *d = dash + 1; *d != '\0'; d++)
    {
      if (*d < '0' || *d > '9' || d - dash > 18)
        return FALSE;
      number = number * 10 + (*d - '0');
    }
  i = self->last;
  if (!is_prefix_of (bw_id_prefixes[i], id, dash - id))
    {
      for (i = 0; bw_id_prefixes[i] != NULL && !is_prefix_of (bw_id_prefixes[i], id, dash - id); i++)
        ;
      if (bw_id_prefixes[i] == NULL)
        return FALSE;
      self->last = i;
    }
  *series_out = i;
  *number_out = number;
  return TRUE;
}

/* Returns: (transfer none) (nullable): the record with this ID */
gpointer
bw_id_index_lookup (BwIdIndex  *self,
                    const char *id)
{
  guint series;
  gint64 number;

  if (parse (self, id, &series, &number))
    {
      GPtrArray *records = self->series[series].records;

      if (number < records->len && records->pdata[number] != NULL)
        return records->pdata[number];
    }
  if (g_hash_table_size (self->others) == 0)
    return NULL;
  return g_hash_table_lookup (self->others, id);
}

/**
 * bw_id_index_insert:
 * @id: the record's ID, which must live as long as it is indexed (the
 *   record's own)
 *
 * Indexes @record under @id, in place of any record that had it.
 */
/* Whether a record numbered `number` goes in its prefix's array: the
 * array only grows while it stays in proportion to the records. */
static gboolean
in_reach (Series *series,
          gint64  number)
{
  return number < series->records->len || number < (gint64) series->count * 2 + SLACK;
}

static void
put (Series   *series,
     gint64    number,
     gpointer  record)
{
  if (number >= series->records->len)
    g_ptr_array_set_size (series->records, number + 1);
  if (series->records->pdata[number] == NULL)
    series->count++;
  series->records->pdata[number] = record;
}

void
bw_id_index_insert (BwIdIndex  *self,
                    const char *id,
                    gpointer    record)
{
  guint i;
  gint64 number;

  if (parse (self, id, &i, &number))
    {
      Series *series = &self->series[i];

      series->highest = MAX (series->highest, number);
      if (in_reach (series, number))
        {
          put (series, number, record);
          /* It may have gone to the others while it was out of reach. */
          if (g_hash_table_size (self->others) > 0)
            g_hash_table_remove (self->others, id);
          return;
        }
    }
  g_hash_table_insert (self->others, (gpointer) id, record);
}

/**
 * bw_id_index_insert_numbered:
 * @prefix: one of bw_id_prefixes
 * @number: a number from 1
 * @record: the record whose ID is "@prefix-@number"
 *
 * bw_id_index_insert() for a caller that made the ID from @prefix and
 * @number, without reading the ID again: the derive command indexes tens
 * of thousands of threats no longer in the cache. Where that needs the
 * ID, it does nothing and says so.
 *
 * Returns: whether @record is indexed; if not, index it with
 *   bw_id_index_insert()
 */
gboolean
bw_id_index_insert_numbered (BwIdIndex  *self,
                             const char *prefix,
                             gint64      number,
                             gpointer    record)
{
  guint i = self->last;
  Series *series;

  g_return_val_if_fail (number > 0, FALSE);

  if (!g_str_equal (bw_id_prefixes[i], prefix))
    {
      for (i = 0; bw_id_prefixes[i] != NULL && !g_str_equal (bw_id_prefixes[i], prefix); i++)
        ;
      g_return_val_if_fail (bw_id_prefixes[i] != NULL, FALSE);
      self->last = i;
    }
  series = &self->series[i];
  if (!in_reach (series, number) || g_hash_table_size (self->others) > 0)
    return FALSE;
  series->highest = MAX (series->highest, number);
  put (series, number, record);
  return TRUE;
}

/* Forgets @id if @record is what it names. */
void
bw_id_index_remove (BwIdIndex  *self,
                    const char *id,
                    gpointer    record)
{
  guint i;
  gint64 number;

  if (parse (self, id, &i, &number))
    {
      Series *series = &self->series[i];

      if (number < series->records->len && series->records->pdata[number] == record)
        {
          series->records->pdata[number] = NULL;
          series->count--;
          return;
        }
    }
  if (g_hash_table_lookup (self->others, id) == record)
    g_hash_table_remove (self->others, id);
}

/**
 * bw_id_index_get_highest:
 * @prefix: one of bw_id_prefixes
 *
 * Every ID "@prefix-N" ever indexed, N written as the project writes
 * numbers, had N at most this (it never goes down), so such an ID with a
 * higher number is free without a look-up.
 *
 * Returns: the highest number, or 0
 */
gint64
bw_id_index_get_highest (BwIdIndex  *self,
                         const char *prefix)
{
  for (guint i = 0; bw_id_prefixes[i] != NULL; i++)
    if (g_str_equal (bw_id_prefixes[i], prefix))
      return self->series[i].highest;
  return 0;
}
