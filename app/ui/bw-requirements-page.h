/* bw-requirements-page.h — step 5: the security requirements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_REQUIREMENTS_PAGE (bw_requirements_page_get_type ())
G_DECLARE_FINAL_TYPE (BwRequirementsPage, bw_requirements_page, BW, REQUIREMENTS_PAGE, GtkWidget)

GtkWidget  *bw_requirements_page_new             (void);
/* Selects the requirement `id`; FALSE when the project has none such. */
gboolean    bw_requirements_page_select          (BwRequirementsPage *self,
                                                  const char         *id);
const char *bw_requirements_page_get_selected_id (BwRequirementsPage *self);

G_END_DECLS
