/* bw-inspector.h — the side panel that shows and edits the selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

#include "bw-inspector-links.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_INSPECTOR (bw_inspector_get_type ())
G_DECLARE_FINAL_TYPE (BwInspector, bw_inspector, BW, INSPECTOR, GtkWidget)

GtkWidget  *bw_inspector_new            (void);
BwProject  *bw_inspector_get_project    (BwInspector *self);
void        bw_inspector_set_project    (BwInspector *self,
                                         BwProject   *project);
const char *bw_inspector_get_element_id (BwInspector *self);
void        bw_inspector_set_element_id (BwInspector *self,
                                         const char  *element_id);
/* Renames the shown element through the command stack (one undo step);
 * what the name row's apply button does. */
gboolean    bw_inspector_apply_name     (BwInspector *self,
                                         const char  *name,
                                         GError     **error);
/* The assets and threats of the shown element; NULL when none is shown. */
BwInspectorLinks *bw_inspector_get_links (BwInspector *self);

G_END_DECLS
