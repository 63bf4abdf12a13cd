/* test-id-index.c — a project's records by ID
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-id-index.h"

/* Stand-ins for records: the index only keeps pointers. */
static int records[8];

/* IDs as the project hands them out are found, replaced and forgotten. */
static void
test_project_ids (void)
{
  g_autoptr(BwIdIndex) index = bw_id_index_new ();

  g_assert_null (bw_id_index_lookup (index, "T-1"));
  bw_id_index_insert (index, "T-1", &records[0]);
  bw_id_index_insert (index, "T-2", &records[1]);
  bw_id_index_insert (index, "EE-1", &records[2]);
  g_assert_true (bw_id_index_lookup (index, "T-1") == &records[0]);
  g_assert_true (bw_id_index_lookup (index, "T-2") == &records[1]);
  g_assert_true (bw_id_index_lookup (index, "EE-1") == &records[2]);
  g_assert_null (bw_id_index_lookup (index, "P-1"));
  g_assert_null (bw_id_index_lookup (index, "T-3"));

  /* The same ID again names the newer record. */
  bw_id_index_insert (index, "T-2", &records[3]);
  g_assert_true (bw_id_index_lookup (index, "T-2") == &records[3]);

  /* Removing forgets an ID only for the record it names. */
  bw_id_index_remove (index, "T-2", &records[1]);
  g_assert_true (bw_id_index_lookup (index, "T-2") == &records[3]);
  bw_id_index_remove (index, "T-2", &records[3]);
  g_assert_null (bw_id_index_lookup (index, "T-2"));
  g_assert_true (bw_id_index_lookup (index, "T-1") == &records[0]);
}

/* IDs of other forms, and numbers far beyond the rest, are indexed too. */
static void
test_other_ids (void)
{
  g_autoptr(BwIdIndex) index = bw_id_index_new ();
  const char *ids[] = { "T-007", "T-0", "CVE-2024-1234", "X-1", "T-", "T", "", "T-999999999", "T-12a" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    bw_id_index_insert (index, ids[i], &records[i % G_N_ELEMENTS (records)]);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (bw_id_index_lookup (index, ids[i]) == &records[i % G_N_ELEMENTS (records)]);
  /* "T-007" is not "T-7". */
  g_assert_null (bw_id_index_lookup (index, "T-7"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    bw_id_index_remove (index, ids[i], &records[i % G_N_ELEMENTS (records)]);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_null (bw_id_index_lookup (index, ids[i]));
}

/* A number beyond the others' reach moves into reach when indexed again. */
static void
test_far_number (void)
{
  g_autoptr(BwIdIndex) index = bw_id_index_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  bw_id_index_insert (index, "T-200000", &records[0]);
  g_assert_true (bw_id_index_lookup (index, "T-200000") == &records[0]);
  for (guint i = 1; i <= 100000; i++)
    {
      g_ptr_array_add (ids, g_strdup_printf ("T-%u", i));
      bw_id_index_insert (index, ids->pdata[i - 1], &records[1]);
    }
  bw_id_index_insert (index, "T-200000", &records[2]);
  g_assert_true (bw_id_index_lookup (index, "T-200000") == &records[2]);
  bw_id_index_remove (index, "T-200000", &records[2]);
  g_assert_null (bw_id_index_lookup (index, "T-200000"));
  g_assert_true (bw_id_index_lookup (index, "T-100000") == &records[1]);

  /* With most removed, an ID the array already reaches stays in it. */
  for (guint i = 1; i <= 100000; i++)
    bw_id_index_remove (index, ids->pdata[i - 1], &records[1]);
  bw_id_index_insert (index, "T-99999", &records[3]);
  bw_id_index_insert (index, "T-99999", &records[4]);
  g_assert_true (bw_id_index_lookup (index, "T-99999") == &records[4]);
  bw_id_index_remove (index, "T-99999", &records[4]);
  g_assert_null (bw_id_index_lookup (index, "T-99999"));
}

/* The highest number of a prefix only grows; other forms do not count. */
static void
test_highest (void)
{
  g_autoptr(BwIdIndex) index = bw_id_index_new ();

  g_assert_cmpint (bw_id_index_get_highest (index, "T"), ==, 0);
  bw_id_index_insert (index, "T-5", &records[0]);
  bw_id_index_insert (index, "T-3", &records[1]);
  bw_id_index_insert (index, "T-0099", &records[2]);
  bw_id_index_insert (index, "P-7", &records[3]);
  g_assert_cmpint (bw_id_index_get_highest (index, "T"), ==, 5);
  g_assert_cmpint (bw_id_index_get_highest (index, "P"), ==, 7);
  bw_id_index_remove (index, "T-5", &records[0]);
  g_assert_cmpint (bw_id_index_get_highest (index, "T"), ==, 5);
  bw_id_index_insert (index, "T-999999999", &records[4]);
  g_assert_cmpint (bw_id_index_get_highest (index, "T"), ==, 999999999);
}

/* A record numbered by its caller is indexed as by its ID, unless that
 * needs the ID. */
static void
test_numbered (void)
{
  g_autoptr(BwIdIndex) index = bw_id_index_new ();

  g_assert_true (bw_id_index_insert_numbered (index, "T", 4, &records[0]));
  g_assert_true (bw_id_index_lookup (index, "T-4") == &records[0]);
  g_assert_cmpint (bw_id_index_get_highest (index, "T"), ==, 4);
  g_assert_true (bw_id_index_insert_numbered (index, "T", 4, &records[1]));
  g_assert_true (bw_id_index_lookup (index, "T-4") == &records[1]);

  /* Out of reach, and with IDs of other forms about: the ID is needed. */
  g_assert_false (bw_id_index_insert_numbered (index, "T", 999999999, &records[2]));
  g_assert_null (bw_id_index_lookup (index, "T-999999999"));
  bw_id_index_insert (index, "T-05", &records[3]);
  g_assert_false (bw_id_index_insert_numbered (index, "T", 5, &records[4]));
  g_assert_null (bw_id_index_lookup (index, "T-5"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-index/project-ids", test_project_ids);
  g_test_add_func ("/id-index/other-ids", test_other_ids);
  g_test_add_func ("/id-index/far-number", test_far_number);
  g_test_add_func ("/id-index/highest", test_highest);
  g_test_add_func ("/id-index/numbered", test_numbered);

  return g_test_run ();
}
