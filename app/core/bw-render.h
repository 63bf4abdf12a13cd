/* bw-render.h — diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-painter.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_RENDER_ERROR (bw_render_error_quark ())

typedef enum
{
  BW_RENDER_ERROR_NO_DIAGRAM,  /* the ID names no diagram of the project */
  BW_RENDER_ERROR_FORMAT,      /* the file name ends in no known extension */
  BW_RENDER_ERROR_WRITE,       /* cairo could not write the file */
} BwRenderError;

GQuark   bw_render_error_quark          (void);

/* The format follows the extension: .svg, .png (at twice the size, for
 * crisp text) or .pdf. */
gboolean bw_render_diagram_to_file      (BwProject             *project,
                                         const char            *diagram_id,
                                         const char            *path,
                                         GError               **error);
/* The same, with a palette and selection of the caller's choice;
 * options->background is ignored: exports always have one. */
gboolean bw_render_diagram_to_file_full (BwProject             *project,
                                         const char            *diagram_id,
                                         const char            *path,
                                         const BwPaintOptions  *options,
                                         GError               **error);
/* The same; `transparent` leaves the background out of SVG and PNG. */
gboolean bw_render_diagram_export       (BwProject             *project,
                                         const char            *diagram_id,
                                         const char            *path,
                                         const BwPaintOptions  *options,
                                         gboolean               transparent,
                                         GError               **error);

G_END_DECLS
