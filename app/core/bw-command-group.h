/* bw-command-group.h — several commands as one undo step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_GROUP (bw_command_group_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandGroup, bw_command_group, BW, COMMAND_GROUP, BwCommand)

BwCommandGroup *bw_command_group_new      (const char     *label);
void            bw_command_group_append   (BwCommandGroup *self,
                                           BwCommand      *applied);
guint           bw_command_group_get_size (BwCommandGroup *self);
/* A step of `applied` and what followed from it (derivation): the group
 * takes the label and selection of `applied`, and later steps that merge
 * into `applied` (the rest of a drag) merge into the group. */
BwCommandGroup *bw_command_group_new_wrapper (BwCommand     *applied);
/* The command a wrapper was made for, or NULL for a plain group. */
BwCommand      *bw_command_group_get_wrapped (BwCommandGroup *self);

G_END_DECLS
