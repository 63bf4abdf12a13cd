/* test-save.c — saving: over an existing file, and a crash in the middle
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bw-project-io.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The file loads, and its bytes are exactly `expected`. */
static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = bw_project_load_from_file (file, NULL, &error);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_true (memcmp (data, g_bytes_get_data (expected, NULL), length) == 0);
}

static void
test_save_over_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-save-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "pump.bulwark", NULL);
  file = g_file_new_for_path (path);

  /* Something else is there, private to its owner. */
  g_assert_true (g_file_set_contents (path, "not a project", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  g_assert_true (bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  first = bw_project_to_bytes (project);
  assert_file_is (path, first);
  g_assert_true (bw_project_get_file (project) != NULL);
  g_assert_false (bw_project_get_modified (project));

  /* Saving a changed document over the first save. */
  g_object_set (bw_project_get_model (project), "title", "Pump, second save", NULL);
  g_assert_true (bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  second = bw_project_to_bytes (project);
  g_assert_false (g_bytes_equal (first, second));
  assert_file_is (path, second);

  /* The file keeps its permissions, and no temporary file is left. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_tree (dir);
}

static void
test_save_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-bulwark-dir/pump.bulwark");

  /* A failed save says why and leaves the document modified-state alone. */
  g_assert_false (bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_null (bw_project_get_file (project));
}

/* Saves the two versions in turn until killed. */
G_GNUC_NORETURN static void
save_forever (BwProject  *a,
              BwProject  *b,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; ; i++)
    if (!bw_project_save_to_file (i % 2 == 0 ? a : b, file, BW_SAVE_FLAGS_NONE, NULL, NULL))
      _exit (1);
}

static void
test_crash_mid_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(BwProject) a = load_example ();
  g_autoptr(BwProject) b = load_example ();
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  guint killed_while_saving = 0;
  guint n_files = 1;

  g_assert_no_error (error);
  path = g_build_filename (dir, "pump.bulwark", NULL);

  /* A long description makes b large, so a kill often lands mid-write;
   * the two versions differ in length, so a torn file cannot pass. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "The pump must keep delivering insulin. ");
  g_object_set (bw_project_get_model (b), "description", big->str, NULL);
  bytes_a = bw_project_to_bytes (a);
  bytes_b = bw_project_to_bytes (b);
  g_assert_false (g_bytes_equal (bytes_a, bytes_b));

  /* The file exists before the first kill. */
  g_assert_true (bw_write_file_atomically (path, g_bytes_get_data (bytes_a, NULL),
                                           g_bytes_get_size (bytes_a), &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GBytes) which = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;
      int status = 0;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        save_forever (a, b, path);

      g_usleep (g_test_rand_int_range (500, 20000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed, not failed on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* Whatever the moment, the file is one version or the other. */
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      which = length == g_bytes_get_size (bytes_a) ? g_bytes_ref (bytes_a) : g_bytes_ref (bytes_b);
      assert_file_is (path, which);

      /* A killed save leaves its temporary file behind, never the target
       * torn; count how often we caught one in the act. */
      if (count_files (dir) > n_files)
        killed_while_saving++;
      n_files = count_files (dir);
    }
  g_test_message ("%u of 20 kills landed while a temporary file existed", killed_while_saving);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/over-existing", test_save_over_existing);
  g_test_add_func ("/save/refused", test_save_refused);
  g_test_add_func ("/save/crash-mid-save", test_crash_mid_save);

  return g_test_run ();
}
