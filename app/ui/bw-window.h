/* bw-window.h — one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-application.h"
#include "bw-diagram-view.h"
#include "bw-inspector.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_WINDOW (bw_window_get_type ())
G_DECLARE_FINAL_TYPE (BwWindow, bw_window, BW, WINDOW, AdwApplicationWindow)

BwWindow      *bw_window_new              (BwApplication *application,
                                           BwProject     *project);
BwProject     *bw_window_get_project      (BwWindow      *self);
void           bw_window_set_project      (BwWindow      *self,
                                           BwProject     *project);
/* A window that still shows the new project it opened with, untouched:
 * opening a file may reuse it. */
gboolean       bw_window_is_pristine      (BwWindow      *self);
/* Shows the page of a sidebar key: "assets", "diagrams", "diagram:D-1",
 * "threats", "objectives", "requirements", "risk", "hazards",
 * "attack-trees", "assumptions", "traceability", "checks", "components",
 * "report". */
gboolean       bw_window_select           (BwWindow      *self,
                                           const char    *key);
const char    *bw_window_get_selected_key (BwWindow      *self);
/* Shows where a record lives and selects it: an element on its diagram,
 * a threat in the threat table, and so on (the action win.show-record). */
gboolean       bw_window_show_record      (BwWindow      *self,
                                           const char    *id);
/* The threats page narrowed by a filter (bw-threats-page.h tells the
 * syntax; the action win.filter-threats). */
void           bw_window_filter_threats   (BwWindow      *self,
                                           const char    *filter);
GtkListBox    *bw_window_get_sidebar      (BwWindow      *self);
BwDiagramView *bw_window_get_diagram_view (BwWindow      *self);
BwInspector   *bw_window_get_inspector    (BwWindow      *self);
/* Up to the diagram where the shown diagram's process is drawn (with it
 * selected); down into the diagram that refines the selected process. */
void           bw_window_go_up            (BwWindow      *self);
void           bw_window_go_down          (BwWindow      *self);
/* The toolbar's button of a drawing tool. */
GtkToggleButton *bw_window_get_tool_button (BwWindow      *self,
                                           BwDiagramTool  tool);
/* Saves to `file` (the project then lives there) and adds it to the
 * recent files; what Save and Save As do once they have a file. */
/* The window shows an import that is not saved yet: the subtitle says
 * where it came from ("Threat Dragon v2 model") until it has a file. */
void           bw_window_set_import_source (BwWindow     *self,
                                           const char    *description);
/* Writes the project in another tool's format ("threat-dragon", "otm");
 * `notes` gets what that format could not hold. What Export does once it
 * has a file. */
gboolean       bw_window_export_to_file   (BwWindow      *self,
                                           const char    *format_name,
                                           GFile         *file,
                                           GPtrArray    **notes,
                                           GError       **error);
/* What a file dropped on the window does: a project opens, a model of
 * another tool is imported, anything else is refused with a message. */
gboolean       bw_window_open_dropped_file (BwWindow     *self,
                                           GFile         *file);
gboolean       bw_window_save_to_file     (BwWindow      *self,
                                           GFile         *file,
                                           GError       **error);
/* Draws a diagram to an SVG, PNG or PDF file (by its extension), as
 * Export Diagram does once it has a file. */
gboolean       bw_window_export_diagram   (BwWindow      *self,
                                           const char    *diagram_id,
                                           const char    *path,
                                           gboolean       transparent,
                                           GError       **error);

G_END_DECLS
