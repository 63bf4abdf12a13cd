/* bw-risk-page.h — the risk matrix before and after, and the project's risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_RISK_PAGE (bw_risk_page_get_type ())
G_DECLARE_FINAL_TYPE (BwRiskPage, bw_risk_page, BW, RISK_PAGE, GtkWidget)

GtkWidget *bw_risk_page_new (void);

G_END_DECLS
