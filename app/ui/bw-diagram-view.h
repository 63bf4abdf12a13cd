/* bw-diagram-view.h — shows one diagram of a project: zoom, pan, selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_DIAGRAM_VIEW_ZOOM_MIN 0.1
#define BW_DIAGRAM_VIEW_ZOOM_MAX 8.0

#define BW_TYPE_DIAGRAM_VIEW (bw_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (BwDiagramView, bw_diagram_view, BW, DIAGRAM_VIEW, GtkWidget)

GtkWidget  *bw_diagram_view_new             (void);
BwProject  *bw_diagram_view_get_project     (BwDiagramView *self);
void        bw_diagram_view_set_project     (BwDiagramView *self,
                                             BwProject     *project);
const char *bw_diagram_view_get_diagram_id  (BwDiagramView *self);
void        bw_diagram_view_set_diagram_id  (BwDiagramView *self,
                                             const char    *diagram_id);
const char *bw_diagram_view_get_selected_id (BwDiagramView *self);
void        bw_diagram_view_set_selected_id (BwDiagramView *self,
                                             const char    *element_id);
double      bw_diagram_view_get_zoom        (BwDiagramView *self);
void        bw_diagram_view_set_zoom        (BwDiagramView *self,
                                             double         zoom);
void        bw_diagram_view_zoom_in         (BwDiagramView *self);
void        bw_diagram_view_zoom_out        (BwDiagramView *self);
void        bw_diagram_view_zoom_fit        (BwDiagramView *self);
void        bw_diagram_view_zoom_reset      (BwDiagramView *self);
/* The ID of the element drawn at (x, y) in widget coordinates, or NULL. */
const char *bw_diagram_view_element_at      (BwDiagramView *self,
                                             double         x,
                                             double         y);
/* How many times the diagram was drawn; tests use it to see a redraw. */
guint       bw_diagram_view_get_draw_count  (BwDiagramView *self);

G_END_DECLS
