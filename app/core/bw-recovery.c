/* bw-recovery.c — autosave copies of unsaved projects, and finding them
 * again after a crash
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bw-command-stack.h"
#include "bw-project-io.h"
#include "bw-recovery.h"

#define GROUP "Recovery"
#define DATA_SUFFIX ".bulwark"
#define RECORD_SUFFIX ".recovery"

struct _BwRecoveryEntry
{
  GObject    parent_instance;

  char      *dir;
  char      *name;
  GFile     *original_file;
  char      *title;
  GDateTime *saved;
  gint64     pid;
  char      *process;
};

G_DEFINE_FINAL_TYPE (BwRecoveryEntry, bw_recovery_entry, G_TYPE_OBJECT)

G_DEFINE_QUARK (bw-recovery-error-quark, bw_recovery_error)

/* Process identity */

/* The process ID alone is reused: the boot and the start time of the
 * process (field 22 of /proc/PID/stat, in ticks since boot) tell a new
 * process with an old ID apart. Empty where /proc is not there. */
static char *
dup_process_token (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_autofree char *boot_id = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return g_strdup ("");
  /* The command name (field 2) may hold spaces and parentheses: the
   * fields after it start after its last ')'. */
  if ((after_name = strrchr (stat, ')')) == NULL)
    return g_strdup ("");
  fields = g_strsplit (after_name + 1, " ", 0);
  /* fields[0] is empty (the space after ')'), fields[1] is field 3. */
  if (g_strv_length (fields) < 21)
    return g_strdup ("");

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot_id, NULL, NULL))
    boot_id = g_strdup ("");
  g_strstrip (boot_id);

  return g_strdup_printf ("%s:%s", boot_id, fields[20]);
}

gboolean
bw_recovery_process_is_running (gint64      pid,
                                const char *process)
{
  g_autofree char *now = NULL;

  if (pid <= 0 || pid > G_MAXINT32)
    return FALSE;

  /* Without /proc only the ID can be asked about: a signal 0 reaches a
   * running process (EPERM: running, but someone else's). */
  if (process == NULL || *process == '\0')
    return kill ((pid_t) pid, 0) == 0 || errno == EPERM;

  now = dup_process_token ((pid_t) pid);
  return g_str_equal (now, process);
}

/* Files */

char *
bw_recovery_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "bulwark", "recovery", NULL);
}

char *
bw_recovery_new_name (void)
{
  static guint serial;

  return g_strdup_printf ("%d-%u-%08x", (int) getpid (), ++serial, g_random_int ());
}

static char *
build_path (const char *dir,
            const char *name,
            const char *suffix)
{
  g_autofree char *base = g_strconcat (name, suffix, NULL);

  return g_build_filename (dir, base, NULL);
}

static gboolean
valid_name (const char *name)
{
  /* A name is one path component: never a way out of the folder. */
  return name != NULL && *name != '\0' && *name != '.' &&
         strchr (name, G_DIR_SEPARATOR) == NULL;
}

gboolean
bw_recovery_save (const char  *dir,
                  const char  *name,
                  BwProject   *project,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) record = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *record_text = NULL;
  g_autofree char *process = NULL;
  BwModel *model;
  GFile *file;
  gsize length;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (valid_name (name), FALSE);
  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Private: a threat model tells how to attack a device. A folder made
   * by someone else's umask is closed too. */
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the recovery folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* The data first: a record always points at a complete copy. */
  bytes = bw_project_to_bytes (project);
  data_path = build_path (dir, name, DATA_SUFFIX);
  if (!bw_write_file_atomically (data_path, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), error))
    return FALSE;

  record = g_key_file_new ();
  process = dup_process_token (getpid ());
  g_key_file_set_int64 (record, GROUP, "pid", getpid ());
  g_key_file_set_string (record, GROUP, "process", process);
  if ((file = bw_project_get_file (project)) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (record, GROUP, "original-uri", uri);
    }
  model = bw_project_get_model (project);
  g_key_file_set_string (record, GROUP, "title", model != NULL ? bw_model_get_title (model) : "");
  g_key_file_set_int64 (record, GROUP, "saved", g_get_real_time () / G_USEC_PER_SEC);

  record_text = g_key_file_to_data (record, &length, NULL);
  record_path = build_path (dir, name, RECORD_SUFFIX);

  return bw_write_file_atomically (record_path, record_text, length, error);
}

static gboolean
unlink_if_there (const char  *path,
                 GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not delete the recovery file %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
bw_recovery_remove (const char  *dir,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *record_path = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (valid_name (name), FALSE);

  /* The record first: without it, a left-over copy is never offered. */
  record_path = build_path (dir, name, RECORD_SUFFIX);
  data_path = build_path (dir, name, DATA_SUFFIX);

  return unlink_if_there (record_path, error) && unlink_if_there (data_path, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BwRecoveryEntry *entry_a = *(BwRecoveryEntry **) a;
  BwRecoveryEntry *entry_b = *(BwRecoveryEntry **) b;

  return g_date_time_compare (entry_b->saved, entry_a->saved);
}

GPtrArray *
bw_recovery_list_orphans (const char *dir)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) d = NULL;
  const char *base;

  g_return_val_if_fail (dir != NULL, orphans);

  if ((d = g_dir_open (dir, 0, NULL)) == NULL)
    return orphans;

  while ((base = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(BwRecoveryEntry) entry = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (base, RECORD_SUFFIX))
        continue;

      path = g_build_filename (dir, base, NULL);
      if ((entry = bw_recovery_entry_new_from_file (path, &error)) == NULL)
        {
          g_debug ("Skipping recovery record %s: %s", path, error->message);
          continue;
        }

      if (!bw_recovery_process_is_running (entry->pid, entry->process))
        g_ptr_array_add (orphans, g_steal_pointer (&entry));
    }

  g_ptr_array_sort (orphans, compare_newest_first);

  return orphans;
}

/* BwRecoveryEntry */

static void
bw_recovery_entry_finalize (GObject *object)
{
  BwRecoveryEntry *self = BW_RECOVERY_ENTRY (object);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->original_file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_pointer (&self->process, g_free);

  G_OBJECT_CLASS (bw_recovery_entry_parent_class)->finalize (object);
}

static void
bw_recovery_entry_class_init (BwRecoveryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_recovery_entry_finalize;
}

static void
bw_recovery_entry_init (BwRecoveryEntry *self)
{
}

BwRecoveryEntry *
bw_recovery_entry_new_from_file (const char  *record_path,
                                 GError     **error)
{
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(BwRecoveryEntry) self = NULL;
  g_autofree char *base = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *uri = NULL;
  GError *local_error = NULL;
  gint64 saved;

  g_return_val_if_fail (record_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_load_from_file (record, record_path, G_KEY_FILE_NONE, error))
    return NULL;

  base = g_path_get_basename (record_path);
  if (!g_str_has_suffix (base, RECORD_SUFFIX))
    {
      g_set_error (error, BW_RECOVERY_ERROR, BW_RECOVERY_ERROR_INVALID,
                   _("%s is not a recovery record"), record_path);
      return NULL;
    }

  self = g_object_new (BW_TYPE_RECOVERY_ENTRY, NULL);
  self->dir = g_path_get_dirname (record_path);
  self->name = g_strndup (base, strlen (base) - strlen (RECORD_SUFFIX));

  self->pid = g_key_file_get_int64 (record, GROUP, "pid", &local_error);
  if (local_error == NULL)
    saved = g_key_file_get_int64 (record, GROUP, "saved", &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, BW_RECOVERY_ERROR, BW_RECOVERY_ERROR_INVALID,
                   _("The recovery record %s is damaged: %s"), record_path, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  data_path = build_path (self->dir, self->name, DATA_SUFFIX);
  if (!g_file_test (data_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BW_RECOVERY_ERROR, BW_RECOVERY_ERROR_INVALID,
                   _("The recovery record %s has no copy beside it"), record_path);
      return NULL;
    }

  self->process = g_key_file_get_string (record, GROUP, "process", NULL);
  self->title = g_key_file_get_string (record, GROUP, "title", NULL);
  if (self->title == NULL)
    self->title = g_strdup ("");
  if ((uri = g_key_file_get_string (record, GROUP, "original-uri", NULL)) != NULL && *uri != '\0')
    self->original_file = g_file_new_for_uri (uri);
  if ((self->saved = g_date_time_new_from_unix_local (saved)) == NULL)
    self->saved = g_date_time_new_from_unix_local (0);

  return g_steal_pointer (&self);
}

const char *
bw_recovery_entry_get_name (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  return self->name;
}

GFile *
bw_recovery_entry_get_original_file (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  return self->original_file;
}

const char *
bw_recovery_entry_get_title (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  return self->title;
}

char *
bw_recovery_entry_dup_display_name (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);

  if (self->original_file != NULL)
    return g_file_get_basename (self->original_file);
  if (*self->title != '\0')
    return g_strdup (self->title);
  return g_strdup (_("Untitled Project"));
}

GDateTime *
bw_recovery_entry_get_saved (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  return self->saved;
}

gint64
bw_recovery_entry_get_pid (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), 0);
  return self->pid;
}

const char *
bw_recovery_entry_get_process (BwRecoveryEntry *self)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  return self->process;
}

BwProject *
bw_recovery_entry_load (BwRecoveryEntry  *self,
                        GError          **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(BwProject) project = NULL;
  gsize length;

  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data_path = build_path (self->dir, self->name, DATA_SUFFIX);
  if (!g_file_get_contents (data_path, &data, &length, error))
    return NULL;
  if ((project = bw_project_load_from_data (data, length, error)) == NULL)
    return NULL;

  bw_project_set_file (project, self->original_file);
  bw_command_stack_mark_unsaved (bw_project_get_command_stack (project));

  return g_steal_pointer (&project);
}

gboolean
bw_recovery_entry_discard (BwRecoveryEntry  *self,
                           GError          **error)
{
  g_return_val_if_fail (BW_IS_RECOVERY_ENTRY (self), FALSE);

  return bw_recovery_remove (self->dir, self->name, error);
}
