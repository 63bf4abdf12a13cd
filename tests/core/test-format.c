/* test-format.c — format 1: the conformance corpus and the example
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-project-io.h"

static char *
data_path (const char *first,
           ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static GPtrArray *
list_dir (const char *dir,
          const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (ret, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (ret, (GCompareFunc) g_strcmp0);
  return ret;
}

static BwProject *
load_path (const char  *path,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return bw_project_load_from_data (data, length, error);
}

static void
assert_formats_to (const char *in,
                   const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = load_path (in, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;
  gsize expected_len = 0;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  bytes = bw_project_to_bytes (project);
  g_assert_true (g_file_get_contents (out, &expected, &expected_len, NULL));
  if (g_bytes_get_size (bytes) != expected_len ||
      memcmp (g_bytes_get_data (bytes, NULL), expected, expected_len) != 0)
    {
      g_autofree char *got = g_build_filename (g_get_tmp_dir (), "bulwark-format-got.json", NULL);

      g_file_set_contents (got, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      g_test_message ("%s does not format to %s; see %s", in, out, got);
      g_test_fail ();
    }
}

static void
test_canonical_corpus (void)
{
  g_autofree char *dir = data_path ("format", "canonical", NULL);
  g_autoptr(GPtrArray) inputs = list_dir (dir, ".in.json");

  g_assert_cmpuint (inputs->len, >=, 6);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *in = inputs->pdata[i];
      g_autofree char *stem = g_strndup (in, strlen (in) - strlen (".in.json"));
      g_autofree char *out = g_strconcat (stem, ".out.bulwark", NULL);

      g_test_message ("canonical: %s", in);
      assert_formats_to (in, out);
    }
}

static void
test_valid_corpus (void)
{
  g_autofree char *dir = data_path ("format", "valid", NULL);
  g_autoptr(GPtrArray) files = list_dir (dir, "");

  g_assert_cmpuint (files->len, >=, 3);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) project = load_path (files->pdata[i], &error);

      g_test_message ("valid: %s", (char *) files->pdata[i]);
      g_assert_no_error (error);
      g_assert_nonnull (project);
    }
}

static void
test_invalid_corpus (void)
{
  g_autofree char *dir = data_path ("format", "invalid", NULL);
  g_autoptr(GPtrArray) files = list_dir (dir, ".bulwark");

  g_assert_cmpuint (files->len, >=, 19);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".bulwark"));
      g_autofree char *expect_path = g_strconcat (stem, ".expect", NULL);
      g_autofree char *expect = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) project = load_path (path, &error);

      g_test_message ("invalid: %s → %s", path, error ? error->message : "(accepted)");
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (g_file_get_contents (expect_path, &expect, NULL, NULL));
      lines = g_strsplit (expect, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        if (*lines[j] != '\0' && strstr (error->message, lines[j]) == NULL)
          {
            g_test_message ("%s: the message “%s” lacks “%s”", path, error->message, lines[j]);
            g_test_fail ();
          }
    }
}

/* The built-in example is canonical: load and save give the same bytes. */
static void
test_example_round_trip (void)
{
  g_autoptr(GBytes) example = bw_project_dup_example_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_nonnull (example);
  project = bw_project_load_from_data (g_bytes_get_data (example, NULL), g_bytes_get_size (example), &error);
  g_assert_no_error (error);
  g_assert_false (bw_project_get_modified (project));
  g_assert_cmpuint (bw_project_get_warnings (project)->len, ==, 0);
  saved = bw_project_to_bytes (project);
  g_assert_true (g_bytes_equal (example, saved));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/canonical-corpus", test_canonical_corpus);
  g_test_add_func ("/format/valid-corpus", test_valid_corpus);
  g_test_add_func ("/format/invalid-corpus", test_invalid_corpus);
  g_test_add_func ("/format/example-round-trip", test_example_round_trip);

  return g_test_run ();
}
