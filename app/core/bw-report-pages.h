/* bw-report-pages.h — a report laid out on pages, for PDF and printing
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-report.h"

G_BEGIN_DECLS

/* A4 in points, the page the PDF writer uses. */
#define BW_REPORT_PAGE_WIDTH  595.276
#define BW_REPORT_PAGE_HEIGHT 841.890

typedef struct _BwReportPages BwReportPages;

/* Lays the report out on pages of this size (points): a header on every
 * page (title, subtitle, "Page X of Y"), tables that break between rows
 * and repeat their header row, figures scaled down to fit the page. */
BwReportPages *bw_report_pages_new    (BwReport      *report,
                                       double         page_width,
                                       double         page_height);
void           bw_report_pages_free   (BwReportPages *self);
guint          bw_report_pages_get_n  (BwReportPages *self);
/* Draws page `page` (0-based) onto cr, whose units are points with the
 * page's top left corner at (0, 0): a PDF surface's page or a
 * GtkPrintContext's cairo context. */
void           bw_report_pages_draw   (BwReportPages *self,
                                       cairo_t       *cr,
                                       guint          page);

gboolean       bw_report_write_pdf    (BwReport      *report,
                                       const char    *path,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwReportPages, bw_report_pages_free)

G_END_DECLS
