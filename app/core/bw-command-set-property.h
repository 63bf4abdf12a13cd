/* bw-command-set-property.h — change one member of one record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-geometry.h"
#include "bw-project.h"

G_BEGIN_DECLS

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

#define BW_TYPE_COMMAND_SET_PROPERTY (bw_command_set_property_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandSetProperty, bw_command_set_property, BW, COMMAND_SET_PROPERTY, BwCommand)

GQuark      bw_command_error_quark           (void);

BwCommand  *bw_command_set_property_new      (BwProject      *project,
                                              const char     *path,
                                              const char     *property,
                                              const GValue   *value);
BwCommand  *bw_command_resize_new            (BwProject      *project,
                                              const char     *id,
                                              const BwRect   *rect);
const char *bw_command_set_property_get_path (BwCommandSetProperty *self);
const char *bw_command_set_property_get_property (BwCommandSetProperty *self);

BwRecord   *bw_command_resolve_path          (BwProject      *project,
                                              const char     *path);
gboolean    bw_command_check_value           (BwProject      *project,
                                              BwRecord       *record,
                                              const BwField  *field,
                                              const GValue   *value,
                                              GError        **error);
gboolean    bw_command_check_record          (BwProject      *project,
                                              BwRecord       *record,
                                              GError        **error);
const char *bw_command_describe              (BwRecord       *record,
                                              BwCommandVerb   verb);

G_END_DECLS
