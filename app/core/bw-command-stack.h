/* bw-command-stack.h — undo and redo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-rule-set.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_STACK (bw_command_stack_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandStack, bw_command_stack, BW, COMMAND_STACK, GObject)

BwCommandStack *bw_command_stack_new            (BwProject       *project);
gboolean        bw_command_stack_execute        (BwCommandStack  *self,
                                                 BwCommand       *command,
                                                 GError         **error);
void            bw_command_stack_seal           (BwCommandStack  *self);
void            bw_command_stack_begin_group    (BwCommandStack  *self,
                                                 const char      *label);
void            bw_command_stack_end_group      (BwCommandStack  *self);
gboolean        bw_command_stack_undo           (BwCommandStack  *self);
gboolean        bw_command_stack_redo           (BwCommandStack  *self);
gboolean        bw_command_stack_get_can_undo   (BwCommandStack  *self);
gboolean        bw_command_stack_get_can_redo   (BwCommandStack  *self);
const char     *bw_command_stack_get_undo_label (BwCommandStack  *self);
const char     *bw_command_stack_get_redo_label (BwCommandStack  *self);
gboolean        bw_command_stack_get_modified   (BwCommandStack  *self);
void            bw_command_stack_mark_clean     (BwCommandStack  *self);
void            bw_command_stack_mark_unsaved   (BwCommandStack  *self);
guint           bw_command_stack_get_depth      (BwCommandStack  *self);
/* With a rule set, every edit is followed by derivation on what it touched,
 * in the same undo step (windows); NULL turns it off (the default: the CLI
 * derives when asked). */
void            bw_command_stack_set_auto_derive (BwCommandStack *self,
                                                  BwRuleSet      *rules);
BwRuleSet      *bw_command_stack_get_auto_derive (BwCommandStack *self);

G_END_DECLS
