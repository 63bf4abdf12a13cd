/* bw-command-derive.h — applying a derivation plan as one undoable step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-deriver.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_DERIVE (bw_command_derive_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandDerive, bw_command_derive, BW, COMMAND_DERIVE, BwCommand)

BwCommand    *bw_command_derive_new      (BwProject       *project,
                                          BwDerivePlan    *plan);
BwDerivePlan *bw_command_derive_get_plan (BwCommandDerive *self);

G_END_DECLS
