/* bw-report-page.h — the documents of the method: pick, export, open, print
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"
#include "bw-report.h"

G_BEGIN_DECLS

#define BW_TYPE_REPORT_PAGE (bw_report_page_get_type ())
G_DECLARE_FINAL_TYPE (BwReportPage, bw_report_page, BW, REPORT_PAGE, GtkWidget)

GtkWidget        *bw_report_page_new             (void);

BwReportDocument  bw_report_page_get_document    (BwReportPage     *self);
void              bw_report_page_set_document    (BwReportPage     *self,
                                                  BwReportDocument  document);
BwReportFormat    bw_report_page_get_format      (BwReportPage     *self);
void              bw_report_page_set_format      (BwReportPage     *self,
                                                  BwReportFormat    format);
/* "Connected insulin pump – Final report.html": what "Export…" offers. */
char             *bw_report_page_dup_default_name (BwReportPage    *self);
/* What "Export…" does once the file is chosen: writes the chosen document
 * in the chosen format and shows a toast with "Open" (or the error). */
gboolean          bw_report_page_export_to_file  (BwReportPage     *self,
                                                  GFile            *file,
                                                  GError          **error);
/* "Print…" without the dialog: the same print operation, exported to a
 * PDF file (for tests and for "Print to file"). */
gboolean          bw_report_page_print_to_pdf    (BwReportPage     *self,
                                                  const char       *path,
                                                  GError          **error);

G_END_DECLS
