/* bw-render.c — diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-render.h"

gboolean
bw_render_diagram_to_file (BwProject   *project,
                           const char  *diagram_id,
                           const char  *path,
                           GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Rendering is not available yet"));
  return FALSE;
}
