/* bw-command-align.h — align and distribute elements of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

typedef enum
{
  BW_ALIGN_LEFT,
  BW_ALIGN_CENTER,          /* horizontal centres on one vertical line */
  BW_ALIGN_RIGHT,
  BW_ALIGN_TOP,
  BW_ALIGN_MIDDLE,          /* vertical centres on one horizontal line */
  BW_ALIGN_BOTTOM,
  BW_DISTRIBUTE_HORIZONTAL, /* equal gaps between neighbours, left to right */
  BW_DISTRIBUTE_VERTICAL,
} BwAlign;

/* One undo step of moves that aligns (or distributes) the elements of
 * `ids` that have bounds (nodes, box boundaries) within their bounding
 * box; flows and line boundaries in `ids` are left alone. NULL when
 * nothing would move: fewer than two such elements (three to distribute)
 * or already aligned. */
BwCommand  *bw_command_align_new      (BwProject          *project,
                                       const char * const *ids,
                                       BwAlign             how);
const char *bw_align_describe         (BwAlign             how);

G_END_DECLS
