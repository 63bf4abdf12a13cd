/* bw-hazards-page.h — the hazards of the safety risk file and the threats that lead to them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_HAZARDS_PAGE (bw_hazards_page_get_type ())
G_DECLARE_FINAL_TYPE (BwHazardsPage, bw_hazards_page, BW, HAZARDS_PAGE, GtkWidget)

GtkWidget *bw_hazards_page_new (void);

G_END_DECLS
