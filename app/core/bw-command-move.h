/* bw-command-move.h — move elements of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_MOVE (bw_command_move_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandMove, bw_command_move, BW, COMMAND_MOVE, BwCommand)

BwCommand *bw_command_move_new   (BwProject          *project,
                                  const char * const *ids,
                                  double              dx,
                                  double              dy);
void       bw_command_move_get_delta (BwCommandMove *self,
                                      double        *dx,
                                      double        *dy);

G_END_DECLS
