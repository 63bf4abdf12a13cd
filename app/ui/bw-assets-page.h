/* bw-assets-page.h — step 1: the assets worth protecting, with the taxonomy prompt
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_ASSETS_PAGE (bw_assets_page_get_type ())
G_DECLARE_FINAL_TYPE (BwAssetsPage, bw_assets_page, BW, ASSETS_PAGE, GtkWidget)

GtkWidget *bw_assets_page_new (void);

G_END_DECLS
