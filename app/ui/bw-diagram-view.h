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
/* The grid's default step, in diagram units: arrow keys move by the grid,
 * snapping rounds to it (the preference "grid-size" changes it). */
#define BW_DIAGRAM_VIEW_GRID 10.0

typedef enum
{
  BW_DIAGRAM_TOOL_SELECT,
  BW_DIAGRAM_TOOL_EXTERNAL_ENTITY,
  BW_DIAGRAM_TOOL_PROCESS,
  BW_DIAGRAM_TOOL_DATA_STORE,
  BW_DIAGRAM_TOOL_DATA_FLOW,
  BW_DIAGRAM_TOOL_BOX_BOUNDARY,
  BW_DIAGRAM_TOOL_LINE_BOUNDARY,
  BW_DIAGRAM_N_TOOLS,
} BwDiagramTool;

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
/* Every selected ID, NULL-terminated; the first is the selected-id. */
const char * const *bw_diagram_view_get_selection (BwDiagramView      *self);
void        bw_diagram_view_set_selection   (BwDiagramView      *self,
                                             const char * const *ids);
void        bw_diagram_view_select_all      (BwDiagramView *self);
BwDiagramTool bw_diagram_view_get_tool      (BwDiagramView *self);
void        bw_diagram_view_set_tool        (BwDiagramView *self,
                                             BwDiagramTool  tool);
gboolean    bw_diagram_view_get_snap        (BwDiagramView *self);
void        bw_diagram_view_set_snap        (BwDiagramView *self,
                                             gboolean       snap);
double      bw_diagram_view_get_grid_size   (BwDiagramView *self);
void        bw_diagram_view_set_grid_size   (BwDiagramView *self,
                                             double         grid_size);
gboolean    bw_diagram_view_get_show_grid   (BwDiagramView *self);
void        bw_diagram_view_set_show_grid   (BwDiagramView *self,
                                             gboolean       show_grid);
/* Edits of the selection, each one undoable step; they return how many
 * elements they changed. */
guint       bw_diagram_view_delete_selection (BwDiagramView *self);
guint       bw_diagram_view_move_selection  (BwDiagramView *self,
                                             double         dx,
                                             double         dy);
/* The clipboard: the selection as format-1 JSON with its flows; a paste
 * gives new IDs. paste_text() is the paste of a given text. */
gboolean    bw_diagram_view_copy            (BwDiagramView *self);
guint       bw_diagram_view_cut             (BwDiagramView *self);
void        bw_diagram_view_paste           (BwDiagramView *self);
gboolean    bw_diagram_view_paste_text      (BwDiagramView  *self,
                                             const char     *text,
                                             GError        **error);
guint       bw_diagram_view_duplicate       (BwDiagramView *self);
/* Inline rename: an entry over the element; Enter renames, Escape cancels. */
gboolean    bw_diagram_view_begin_rename    (BwDiagramView *self,
                                             const char    *element_id);
GtkEditable *bw_diagram_view_get_rename_entry (BwDiagramView *self);
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
/* Where diagram point (dx, dy) is in widget coordinates. */
void        bw_diagram_view_diagram_to_widget (BwDiagramView *self,
                                               double         dx,
                                               double         dy,
                                               double        *wx,
                                               double        *wy);
/* What the canvas tells assistive technology: the focused element and its
 * open threats ("Process Pump firmware, 3 open threats"), or the diagram. */
const char *bw_diagram_view_get_accessible_label (BwDiagramView *self);
/* How many times the diagram was drawn; tests use it to see a redraw. */
guint       bw_diagram_view_get_draw_count  (BwDiagramView *self);

G_END_DECLS
