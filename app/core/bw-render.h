/* bw-render.h — diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

gboolean bw_render_diagram_to_file (BwProject   *project,
                                    const char  *diagram_id,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
