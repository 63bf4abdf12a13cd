/* bw-command-add-child.h — add a record to a list inside another record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_ADD_CHILD (bw_command_add_child_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandAddChild, bw_command_add_child, BW, COMMAND_ADD_CHILD, BwCommand)

BwCommand *bw_command_add_child_new (BwProject  *project,
                                     const char *parent_path,
                                     const char *member,
                                     BwRecord   *record);

G_END_DECLS
