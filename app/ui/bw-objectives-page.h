/* bw-objectives-page.h — step 4: the security objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_OBJECTIVES_PAGE (bw_objectives_page_get_type ())
G_DECLARE_FINAL_TYPE (BwObjectivesPage, bw_objectives_page, BW, OBJECTIVES_PAGE, GtkWidget)

GtkWidget *bw_objectives_page_new (void);

G_END_DECLS
