/* bw-command-remove-child.h — take a record out of a list inside another record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_REMOVE_CHILD (bw_command_remove_child_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandRemoveChild, bw_command_remove_child, BW, COMMAND_REMOVE_CHILD, BwCommand)

BwCommand *bw_command_remove_child_new (BwProject  *project,
                                        const char *parent_path,
                                        const char *member,
                                        guint       position);

G_END_DECLS
