/* bw-inspector-links.h — what an element is linked to: its assets and threats
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_INSPECTOR_LINKS (bw_inspector_links_get_type ())
G_DECLARE_FINAL_TYPE (BwInspectorLinks, bw_inspector_links, BW, INSPECTOR_LINKS, GtkWidget)

GtkWidget *bw_inspector_links_new     (void);
/* Shows the links of `element_id` in `project` as they are now; called
 * again after every change of the document, it rebuilds only rows whose
 * content changed, so the keyboard focus stays where it is. */
void       bw_inspector_links_refresh (BwInspectorLinks *self,
                                       BwProject        *project,
                                       const char       *element_id);
/* The check button of an asset's row, NULL when there is none (tests). */
GtkCheckButton *bw_inspector_links_get_asset_check (BwInspectorLinks *self,
                                                    const char       *asset_id);
/* The row of a threat, NULL when it is not listed (tests). */
GtkWidget *bw_inspector_links_get_threat_row (BwInspectorLinks *self,
                                              const char       *threat_id);

G_END_DECLS
