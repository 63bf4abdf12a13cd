/* test-recovery.c — autosave copies: written, found after a crash, restored
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-recovery.h"
#include "bw-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("bw-recovery-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet: saving creates it. */
  fixture->dir = g_build_filename (base, "bulwark", "recovery", NULL);
}

static void
remove_all (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_all (child);
      }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *recovery_parent = g_path_get_dirname (fixture->dir);
  g_autofree char *base = g_path_get_dirname (recovery_parent);

  remove_all (base);
  g_free (fixture->dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Makes a copy look as if a process that has ended wrote it. */
static void
orphan (const char *dir,
        const char *name,
        gint64      saved)
{
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strconcat (name, ".recovery", NULL);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  GPid child;
  int status;

  /* A process ID that surely ended: a child we waited for. Its start
   * token can never match a running process again. */
  g_assert_true (g_spawn_async (NULL, (char *[]) { "/bin/true", NULL }, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  g_assert_true (g_key_file_load_from_file (record, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  g_key_file_set_int64 (record, "Recovery", "pid", child);
  g_key_file_set_string (record, "Recovery", "process", "gone:1");
  g_key_file_set_int64 (record, "Recovery", "saved", saved);
  g_assert_true (g_key_file_save_to_file (record, path, &error));
  g_assert_no_error (error);
}

static void
rename_first_asset (BwProject  *project,
                    const char *name)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  command = bw_command_set_property_new (project, "A-1", "name", &value);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
}

/* A running writer's copy is not an orphan; once the writer is gone the
 * copy is offered, restores as saved, attached to its file and modified. */
static void
test_save_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GFile) original = g_file_new_for_path ("/nonexistent/pump.bulwark");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(BwProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = bw_recovery_new_name ();
  g_autofree char *display = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *restored_uri = NULL;
  BwRecoveryEntry *entry;
  struct stat st;

  bw_project_set_file (project, original);
  rename_first_asset (project, "Insulin dose (recovered)");
  g_assert_true (bw_recovery_save (fixture->dir, name, project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);

  /* The folder is the user's alone. */
  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
  /* Even when it existed open to others before. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_true (bw_recovery_save (fixture->dir, name, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  /* This process still runs: nothing to offer. */
  orphans = bw_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  orphan (fixture->dir, name, 1700000000);
  orphans = bw_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (bw_recovery_entry_get_name (entry), ==, name);
  g_assert_true (g_file_equal (bw_recovery_entry_get_original_file (entry), original));
  display = bw_recovery_entry_dup_display_name (entry);
  g_assert_cmpstr (display, ==, "pump.bulwark");
  g_assert_cmpstr (bw_recovery_entry_get_title (entry), ==,
                   bw_model_get_title (bw_project_get_model (project)));
  g_assert_cmpint (g_date_time_to_unix (bw_recovery_entry_get_saved (entry)), ==, 1700000000);

  restored = bw_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  want = bw_test_to_string (project);
  got = bw_test_to_string (restored);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (bw_project_get_modified (restored));
  restored_uri = g_file_get_uri (bw_project_get_file (restored));
  g_assert_cmpstr (restored_uri, ==, "file:///nonexistent/pump.bulwark");

  g_assert_true (bw_recovery_entry_discard (entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* Several orphans come newest first; an untitled project is named by its
 * title; remove() of a missing copy is no error. */
static void
test_list_order_and_names (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BwProject) untitled = bw_project_new ();
  g_autoptr(BwProject) example = bw_test_load_example ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = bw_recovery_new_name ();
  g_autofree char *new_name = bw_recovery_new_name ();
  g_autofree char *display_new = NULL;
  g_autofree char *display_old = NULL;

  g_assert_cmpstr (old_name, !=, new_name);
  g_assert_true (bw_recovery_save (fixture->dir, old_name, untitled, &error));
  g_assert_true (bw_recovery_save (fixture->dir, new_name, example, &error));
  g_assert_no_error (error);
  orphan (fixture->dir, old_name, 1600000000);
  orphan (fixture->dir, new_name, 1700000000);

  orphans = bw_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 2);
  g_assert_cmpstr (bw_recovery_entry_get_name (g_ptr_array_index (orphans, 0)), ==, new_name);
  g_assert_cmpstr (bw_recovery_entry_get_name (g_ptr_array_index (orphans, 1)), ==, old_name);
  g_assert_null (bw_recovery_entry_get_original_file (g_ptr_array_index (orphans, 1)));
  display_new = bw_recovery_entry_dup_display_name (g_ptr_array_index (orphans, 0));
  g_assert_cmpstr (display_new, ==, bw_model_get_title (bw_project_get_model (example)));
  display_old = bw_recovery_entry_dup_display_name (g_ptr_array_index (orphans, 1));
  g_assert_cmpstr (display_old, ==, "Untitled Project");

  g_assert_true (bw_recovery_remove (fixture->dir, old_name, &error));
  g_assert_true (bw_recovery_remove (fixture->dir, old_name, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

/* Damaged or half-written copies are skipped, never offered or crashed on;
 * a damaged copy with a good record reports why it does not load. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BwProject) example = bw_test_load_example ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(BwProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = bw_recovery_new_name ();
  g_autofree char *data_base = g_strconcat (name, ".bulwark", NULL);
  g_autofree char *data_path = g_build_filename (fixture->dir, data_base, NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.recovery", NULL);
  g_autofree char *lonely = g_build_filename (fixture->dir, "lonely.recovery", NULL);

  /* No folder at all: nothing to offer. */
  orphans = bw_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  g_assert_true (bw_recovery_save (fixture->dir, name, example, &error));
  g_assert_no_error (error);
  orphan (fixture->dir, name, 1700000000);
  g_assert_true (g_file_set_contents (garbage, "\x01\x02 not a key file [", -1, &error));
  g_assert_true (g_file_set_contents (lonely, "[Recovery]\npid=1\nsaved=1\n", -1, &error));
  g_assert_no_error (error);

  orphans = bw_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 1);

  g_assert_true (g_file_set_contents (data_path, "{\"format\": 1, trunc", -1, &error));
  g_assert_no_error (error);
  restored = bw_recovery_entry_load (g_ptr_array_index (orphans, 0), &error);
  g_assert_null (restored);
  g_assert_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_SYNTAX);
}

/* The running check itself: this process runs, an ended one does not,
 * nonsense IDs are not running. */
static void
test_process_is_running (void)
{

  g_assert_true (bw_recovery_process_is_running (getpid (), NULL));
  g_assert_false (bw_recovery_process_is_running (getpid (), "another-boot:42"));
  g_assert_false (bw_recovery_process_is_running (0, NULL));
  g_assert_false (bw_recovery_process_is_running (-5, ""));
  g_assert_false (bw_recovery_process_is_running (G_MAXINT64, ""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recovery/save-and-restore", Fixture, NULL,
              fixture_set_up, test_save_and_restore, fixture_tear_down);
  g_test_add ("/recovery/order-and-names", Fixture, NULL,
              fixture_set_up, test_list_order_and_names, fixture_tear_down);
  g_test_add ("/recovery/bad-files", Fixture, NULL,
              fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add_func ("/recovery/process-is-running", test_process_is_running);

  return g_test_run ();
}
