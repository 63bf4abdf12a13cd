/* bw-report-page.h — the documents of the method: pick, export, open, print
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_REPORT_PAGE (bw_report_page_get_type ())
G_DECLARE_FINAL_TYPE (BwReportPage, bw_report_page, BW, REPORT_PAGE, GtkWidget)

GtkWidget *bw_report_page_new (void);

G_END_DECLS
