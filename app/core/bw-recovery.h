/* bw-recovery.h — autosave copies of unsaved projects, and finding them
 * again after a crash
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-project.h"

G_BEGIN_DECLS

/* A recovery copy is two files in the recovery folder:
 *
 *   NAME.bulwark   the project as its canonical text (format 1), written
 *                  atomically, never stamped;
 *   NAME.recovery  a key file, group [Recovery]: "pid" and "process" (who
 *                  wrote it: the process ID and a token of its start, so a
 *                  reused process ID is not taken for the writer),
 *                  "original-uri" (the project's file, absent for an
 *                  untitled project), "title" (the model's title) and
 *                  "saved" (Unix time of the copy).
 *
 * NAME is unique per process and window (bw_recovery_new_name). A copy
 * whose writer no longer runs is an orphan: what a crash left behind. */

#define BW_RECOVERY_ERROR (bw_recovery_error_quark ())

typedef enum
{
  BW_RECOVERY_ERROR_INVALID,   /* the key file is not a recovery record */
} BwRecoveryError;

#define BW_TYPE_RECOVERY_ENTRY (bw_recovery_entry_get_type ())
G_DECLARE_FINAL_TYPE (BwRecoveryEntry, bw_recovery_entry, BW, RECOVERY_ENTRY, GObject)

GQuark      bw_recovery_error_quark         (void);

/* g_get_user_data_dir()/bulwark/recovery */
char       *bw_recovery_dup_default_dir     (void);
/* A name no other window of any process uses: "PID-SERIAL-RANDOM". */
char       *bw_recovery_new_name            (void);
/* Writes the copy of `project` (creating `dir`, private to the user). */
gboolean    bw_recovery_save                (const char   *dir,
                                             const char   *name,
                                             BwProject    *project,
                                             GError      **error);
/* Removes the copy; a copy that is not there is no error. */
gboolean    bw_recovery_remove              (const char   *dir,
                                             const char   *name,
                                             GError      **error);
/* The orphans in `dir`, newest first (BwRecoveryEntry); an empty array
 * when there are none or `dir` does not exist. Unreadable records are
 * skipped. */
GPtrArray  *bw_recovery_list_orphans        (const char   *dir);
/* Whether the process that wrote a record with these "pid" and "process"
 * values still runs. */
gboolean    bw_recovery_process_is_running  (gint64        pid,
                                             const char   *process);

BwRecoveryEntry *bw_recovery_entry_new_from_file (const char  *record_path,
                                                  GError     **error);
const char *bw_recovery_entry_get_name         (BwRecoveryEntry *self);
/* The project's file when it had one (Save writes there after a restore). */
GFile      *bw_recovery_entry_get_original_file (BwRecoveryEntry *self);
const char *bw_recovery_entry_get_title        (BwRecoveryEntry *self);
/* The file's name, else the model's title, else "Untitled Project". */
char       *bw_recovery_entry_dup_display_name (BwRecoveryEntry *self);
GDateTime  *bw_recovery_entry_get_saved        (BwRecoveryEntry *self);
gint64      bw_recovery_entry_get_pid          (BwRecoveryEntry *self);
const char *bw_recovery_entry_get_process      (BwRecoveryEntry *self);
/* The project as it was copied: attached to its original file and
 * modified, so that the user sees it is not saved and Save writes it back. */
BwProject  *bw_recovery_entry_load             (BwRecoveryEntry  *self,
                                                GError          **error);
/* Deletes both files of the copy. */
gboolean    bw_recovery_entry_discard          (BwRecoveryEntry  *self,
                                                GError          **error);

G_END_DECLS
