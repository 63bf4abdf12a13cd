/* bw-components-page.h — the components (SBOM) and their known vulnerabilities
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMPONENTS_PAGE (bw_components_page_get_type ())
G_DECLARE_FINAL_TYPE (BwComponentsPage, bw_components_page, BW, COMPONENTS_PAGE, GtkBox)

GtkWidget  *bw_components_page_new             (void);
void        bw_components_page_set_project     (BwComponentsPage *self,
                                                BwProject        *project);
const char *bw_components_page_get_selected_id (BwComponentsPage *self);
gboolean    bw_components_page_select          (BwComponentsPage *self,
                                                const char       *component_id,
                                                int               vulnerability);
/* Reads the SBOM, and asks whether to merge it with a dialog that lists
 * what would be added, removed and changed; returns that dialog. */
GtkWindow  *bw_components_page_import_sbom     (BwComponentsPage *self,
                                                GFile            *file);
/* Imports the vulnerabilities and shows what changed; returns that dialog. */
GtkWindow  *bw_components_page_import_vulnerabilities (BwComponentsPage *self,
                                                       GFile            *file);

G_END_DECLS
