/* bw-command.h — one undoable edit of a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BwProject BwProject;
typedef struct _BwRecord BwRecord;

/* The error domain of all edit commands. */
#define BW_COMMAND_ERROR (bw_command_error_quark ())

typedef enum
{
  BW_COMMAND_ERROR_NOT_FOUND,  /* an ID or a member that is not there */
  BW_COMMAND_ERROR_INVALID,    /* the edit would break format 1 */
} BwCommandError;

/* What a command does to a record, for its undo label. */
typedef enum
{
  BW_COMMAND_VERB_ADD,
  BW_COMMAND_VERB_DELETE,
  BW_COMMAND_VERB_CHANGE,
  BW_COMMAND_VERB_MOVE,
  BW_COMMAND_VERB_RESIZE,
} BwCommandVerb;

#define BW_TYPE_COMMAND (bw_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (BwCommand, bw_command, BW, COMMAND, GObject)

/* Commands refer to objects by ID, never by pointer (ARCHITECTURE.md), so
 * that undoing a delete brings back an object later commands still find. */
struct _BwCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (BwCommand  *self,
                      BwProject  *project,
                      GError    **error);
  void     (*revert) (BwCommand  *self,
                      BwProject  *project);
  /* Absorbs `next` (already applied) into self; a drag is one step. */
  gboolean (*merge)  (BwCommand  *self,
                      BwCommand  *next);
};

GQuark      bw_command_error_quark   (void);
const char *bw_command_describe      (BwRecord      *record,
                                      BwCommandVerb  verb);
const char *bw_command_get_label     (BwCommand  *self);
void        bw_command_set_label     (BwCommand  *self,
                                      const char *label);
gboolean    bw_command_apply         (BwCommand  *self,
                                      BwProject  *project,
                                      GError    **error);
void        bw_command_revert        (BwCommand  *self,
                                      BwProject  *project);
gboolean    bw_command_merge         (BwCommand  *self,
                                      BwCommand  *next);
void        bw_command_set_selection (BwCommand  *self,
                                      const char * const *before,
                                      const char * const *after);
const char * const *bw_command_get_selection_before (BwCommand *self);
const char * const *bw_command_get_selection_after  (BwCommand *self);

G_END_DECLS
