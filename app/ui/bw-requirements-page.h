/* bw-requirements-page.h — step 5: the security requirements and their verification
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

GtkWidget *bw_requirements_page_new (void);

G_END_DECLS
