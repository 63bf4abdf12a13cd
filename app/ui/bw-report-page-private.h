/* bw-report-page-private.h — what the files of the Report page share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-report-page.h"

G_BEGIN_DECLS

struct _BwReportPage
{
  GtkWidget         parent_instance;

  BwProject        *project;
  BwCommandStack   *stack;
  gulong            stack_changed_id;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack_view;       /* "empty" or "report" */
  GtkCheckButton   *document_checks[BW_REPORT_N_DOCUMENTS];
  AdwComboRow      *format_row;
  GtkLabel         *preview_counts;
  GtkLabel         *preview_outline;
  GtkWidget        *export_button;
  GtkWidget        *print_button;

  BwReportDocument  document;
  BwReportFormat    format;
  guint             preview_source;   /* the pending preview rebuild */
  gboolean          preview_dirty;
  GCancellable     *cancellable;
  GFile            *last_export;      /* what the toast's "Open" opens */
};

/* bw-report-page-export.c */
void _bw_report_page_export_clicked (BwReportPage *self);
void _bw_report_page_print_clicked  (BwReportPage *self);
void _bw_report_page_open_last      (BwReportPage *self);
void _bw_report_page_toast          (BwReportPage *self,
                                     const char   *message);

G_END_DECLS
