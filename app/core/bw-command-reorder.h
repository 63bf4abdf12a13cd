/* bw-command-reorder.h — move a record within its collection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_REORDER (bw_command_reorder_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandReorder, bw_command_reorder, BW, COMMAND_REORDER, BwCommand)

/* Moves the top-level record `id` to `position` of its collection (the
 * order the file keeps: the sidebar's order of diagrams, say). */
BwCommand *bw_command_reorder_new (BwProject  *project,
                                   const char *id,
                                   guint       position);

G_END_DECLS
