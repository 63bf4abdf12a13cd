/* bw-traceability-page.h — asset to verification, one row per path, with gaps marked
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_TRACEABILITY_PAGE (bw_traceability_page_get_type ())
G_DECLARE_FINAL_TYPE (BwTraceabilityPage, bw_traceability_page, BW, TRACEABILITY_PAGE, GtkWidget)

GtkWidget *bw_traceability_page_new (void);

G_END_DECLS
