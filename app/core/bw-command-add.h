/* bw-command-add.h — add a record to one of the project's collections
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_ADD (bw_command_add_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandAdd, bw_command_add, BW, COMMAND_ADD, BwCommand)

BwCommand  *bw_command_add_new       (BwProject    *project,
                                      BwRecord     *record,
                                      int           position);
const char *bw_command_add_get_id    (BwCommandAdd *self);
BwRecord   *bw_command_add_get_record (BwCommandAdd *self);

G_END_DECLS
