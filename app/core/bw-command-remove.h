/* bw-command-remove.h — delete records, and every reference to them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_REMOVE (bw_command_remove_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandRemove, bw_command_remove, BW, COMMAND_REMOVE, BwCommand)

BwCommand *bw_command_remove_new (BwProject          *project,
                                  const char * const *ids);

G_END_DECLS
