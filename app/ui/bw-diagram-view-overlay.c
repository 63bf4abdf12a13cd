/* bw-diagram-view-overlay.c — what the canvas draws besides the document:
 * the grid's dots under it, and over it what a drag shows before it is a
 * command (rubber band, new flow or boundary) and the keyboard focus
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "bw-diagram-view-private.h"
#include "bw-geometry.h"

static void
accent_source (cairo_t *cr,
               double   alpha)
{
  /* libadwaita's blue accent, readable on light and dark. */
  cairo_set_source_rgba (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, alpha);
}

static void
draw_grid (BwDiagramView *self,
           cairo_t       *cr)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double x1, y1, x2, y2;
  double r = 1.0 / self->zoom;
  /* A dot every other grid step: every step is too busy a background. */
  double dots = 2 * self->grid_size;

  if (!self->show_grid || dots * self->zoom < 8)
    return;

  cairo_save (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, 0.14);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0.14);
  for (double y = floor (y1 / dots) * dots; y <= y2; y += dots)
    for (double x = floor (x1 / dots) * dots; x <= x2; x += dots)
      cairo_rectangle (cr, x - r / 2, y - r / 2, r * 1.5, r * 1.5);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_bw_diagram_view_draw_overlay (BwDiagramView *self,
                               cairo_t       *cr)
{
  double line = 1.0 / self->zoom;

  cairo_save (cr);
  switch (self->drag)
    {
    case DRAG_RUBBER:
      {
        BwRect r = bw_rect_normalize (&(BwRect) { self->start_x, self->start_y,
                                                  self->current_x - self->start_x,
                                                  self->current_y - self->start_y });

        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        accent_source (cr, 0.15);
        cairo_fill_preserve (cr);
        accent_source (cr, 0.8);
        cairo_set_line_width (cr, line);
        cairo_stroke (cr);
      }
      break;

    case DRAG_CONNECT:
    case DRAG_RECONNECT:
    case DRAG_LINE:
      {
        double sx = self->start_x, sy = self->start_y;
        BwElement *node = self->drag == DRAG_CONNECT ? _bw_diagram_view_lookup_element (self, self->drag_id) : NULL;
        BwVec centre;

        if (node != NULL && bw_element_get_centre (node, &centre))
          {
            sx = centre.x;
            sy = centre.y;
          }
        cairo_move_to (cr, sx, sy);
        cairo_line_to (cr, self->current_x, self->current_y);
        accent_source (cr, 0.9);
        cairo_set_line_width (cr, 2 * line);
        if (self->drag == DRAG_LINE)
          {
            double dash[] = { 6 * line, 4 * line };

            cairo_set_dash (cr, dash, 2, 0);
          }
        cairo_stroke (cr);
      }
      break;

    case DRAG_BOX:
      {
        BwRect r = bw_rect_normalize (&(BwRect) { self->start_x, self->start_y,
                                                  self->current_x - self->start_x,
                                                  self->current_y - self->start_y });
        double dash[] = { 6 * line, 4 * line };

        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        accent_source (cr, 0.9);
        cairo_set_line_width (cr, 2 * line);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_stroke (cr);
      }
      break;

    case DRAG_NONE:
    case DRAG_MOVE:
    case DRAG_RESIZE:
    case DRAG_BEND:
    case DRAG_PLACE:
    default:
      break;
    }

  /* The keyboard focus among the elements. */
  if (self->focus_index >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      const char *id = bw_diagram_view_get_selected_id (self);
      BwElement *element = _bw_diagram_view_lookup_element (self, id);
      BwRect r;

      if (element != NULL && bw_geometry_get_extents (self->project, element, &r))
        {
          double dash[] = { 2 * line, 2 * line };

          r = bw_rect_grow (&r, 10 * line);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          accent_source (cr, 1);
          cairo_set_line_width (cr, line);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

void
_bw_diagram_view_draw_grid (BwDiagramView *self,
                            cairo_t       *cr)
{
  draw_grid (self, cr);
}
