/* bw-command-decompose.h — "Decompose": a data-flow diagram that refines a process
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

/* One undoable step that adds a data-flow diagram refining process
 * `process_id` (FORMAT.md "Refinement"): a new process named after it in
 * the middle, each of its neighbours copied in around it as an element of
 * the same kind that refines the original, and each of its flows as a
 * flow between that copy and the new process that refines the original
 * flow. `diagram_id` gets the new diagram's ID. NULL, with an error, when
 * `process_id` is no process or a diagram already refines it. */
BwCommand *bw_command_decompose_new (BwProject   *project,
                                     const char  *process_id,
                                     char       **diagram_id,
                                     GError     **error);

G_END_DECLS
