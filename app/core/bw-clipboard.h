/* bw-clipboard.h — the editor's clipboard text: format-1 JSON of elements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copy writes the selected elements of one diagram, with the flows that
 * run between them, as {"format": "bulwark", "format_version": 1,
 * "elements": [...]} in the canonical text; any text editor or another
 * window (another project) can take it. Paste reads it strictly, gives
 * every element a fresh ID, puts it on the target diagram, shifted by an
 * offset, and adds it all as one undoable step.
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_CLIPBOARD_MIME_TYPE "application/x-bulwark-elements+json"

/* NULL when none of `ids` is an element. Flows are copied only with both
 * their ends; a refinement link is not copied (a copy refines nothing). */
char      *bw_clipboard_serialize      (BwProject          *project,
                                        const char * const *ids);
/* A command that adds the elements of `text` to `diagram_id`, moved by
 * (dx, dy); `new_ids` gets their new IDs. References to assets the project
 * does not have are dropped. */
BwCommand *bw_clipboard_paste_command  (BwProject          *project,
                                        const char         *diagram_id,
                                        const char         *text,
                                        double              dx,
                                        double              dy,
                                        GStrv              *new_ids,
                                        GError            **error);

G_END_DECLS
