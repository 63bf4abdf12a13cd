/* bw-threats-page.h — step 3: the threat table, its filters and the threat editor
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_THREATS_PAGE (bw_threats_page_get_type ())
G_DECLARE_FINAL_TYPE (BwThreatsPage, bw_threats_page, BW, THREATS_PAGE, GtkWidget)

GtkWidget *bw_threats_page_new (void);

G_END_DECLS
