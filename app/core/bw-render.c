/* bw-render.c — diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "bw-render.h"

#define MARGIN       32.0
#define PNG_SCALE    2.0
#define PDF_SCALE    0.75 /* diagram units are CSS pixels, PDF units points */
#define EMPTY_WIDTH  320.0
#define EMPTY_HEIGHT 200.0

G_DEFINE_QUARK (bw-render-error-quark, bw_render_error)

typedef enum
{
  FORMAT_SVG,
  FORMAT_PNG,
  FORMAT_PDF,
} Format;

static gboolean
format_for_path (const char  *path,
                 Format      *format,
                 GError     **error)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot != NULL && (slash == NULL || dot > slash))
    {
      if (g_ascii_strcasecmp (dot, ".svg") == 0)
        *format = FORMAT_SVG;
      else if (g_ascii_strcasecmp (dot, ".png") == 0)
        *format = FORMAT_PNG;
      else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        *format = FORMAT_PDF;
      else
        dot = NULL;
      if (dot != NULL)
        return TRUE;
    }
  g_set_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_FORMAT,
               _("Cannot tell which format to write to “%s”: use a file name ending in .svg, .png or .pdf"),
               path);
  return FALSE;
}

static gboolean
check_diagram (BwProject   *project,
               const char  *diagram_id,
               GError     **error)
{
  GListModel *diagrams = bw_project_get_diagrams (project);
  g_autoptr(GString) known = g_string_new (NULL);
  guint n = g_list_model_get_n_items (diagrams);

  if (BW_IS_DIAGRAM (bw_project_lookup (project, diagram_id)))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRecord) diagram = g_list_model_get_item (diagrams, i);

      if (known->len > 0)
        g_string_append (known, ", ");
      g_string_append (known, bw_record_get_id (diagram));
    }
  if (n == 0)
    g_set_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_NO_DIAGRAM,
                 _("“%s” is not a diagram: this project has no diagrams"),
                 diagram_id);
  else
    g_set_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_NO_DIAGRAM,
                 _("“%s” is not a diagram of this project; choose one of %s"),
                 diagram_id, known->str);
  return FALSE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_WRITE,
               _("Could not write “%s” (%s); check that its folder exists and is writable"),
               path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
bw_render_diagram_to_file (BwProject   *project,
                           const char  *diagram_id,
                           const char  *path,
                           GError     **error)
{
  return bw_render_diagram_to_file_full (project, diagram_id, path, NULL, error);
}

gboolean
bw_render_diagram_to_file_full (BwProject             *project,
                                const char            *diagram_id,
                                const char            *path,
                                const BwPaintOptions  *options,
                                GError               **error)
{
  return bw_render_diagram_export (project, diagram_id, path, options, FALSE, error);
}

/**
 * bw_render_diagram_export:
 * @transparent: leave the background out (SVG and PNG; a PDF page always
 *   has one), for pictures placed on coloured slides or pages
 *
 * As bw_render_diagram_to_file_full(), with the choice of a background.
 */
gboolean
bw_render_diagram_export (BwProject             *project,
                          const char            *diagram_id,
                          const char            *path,
                          const BwPaintOptions  *options,
                          gboolean               transparent,
                          GError               **error)
{
  BwPaintOptions paint = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  BwRect extents;
  Format format;
  double width, height, scale = 1;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (diagram_id != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_diagram (project, diagram_id, error) ||
      !format_for_path (path, &format, error))
    return FALSE;

  if (options != NULL)
    paint = *options;
  paint.background = !transparent || format == FORMAT_PDF;

  /* An empty diagram still gives a (blank) picture, not an error: the
   * export of a new model should not fail. */
  if (!bw_painter_get_diagram_extents (project, diagram_id, &extents))
    extents = (BwRect) { 0, 0, EMPTY_WIDTH - 2 * MARGIN, EMPTY_HEIGHT - 2 * MARGIN };
  width = ceil (extents.width + 2 * MARGIN);
  height = ceil (extents.height + 2 * MARGIN);

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
      scale = PDF_SCALE;
      surface = cairo_pdf_surface_create (path, width * scale, height * scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bulwark");
      break;
    case FORMAT_PNG:
    default:
      scale = PNG_SCALE;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) (width * scale), (int) (height * scale));
      break;
    }
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, MARGIN - extents.x, MARGIN - extents.y);
  bw_painter_draw_diagram (cr, project, diagram_id, &paint);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}
