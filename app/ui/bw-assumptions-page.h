/* bw-assumptions-page.h — the assumptions the model rests on
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_ASSUMPTIONS_PAGE (bw_assumptions_page_get_type ())
G_DECLARE_FINAL_TYPE (BwAssumptionsPage, bw_assumptions_page, BW, ASSUMPTIONS_PAGE, GtkWidget)

GtkWidget *bw_assumptions_page_new (void);

G_END_DECLS
