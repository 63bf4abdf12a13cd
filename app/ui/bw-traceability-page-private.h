/* bw-traceability-page-private.h — what the traceability page's files share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-traceability-page.h"
#include "bw-traceability.h"

G_BEGIN_DECLS

typedef enum
{
  TRACE_COLUMN_ASSET,
  TRACE_COLUMN_ELEMENT,
  TRACE_COLUMN_THREAT,
  TRACE_COLUMN_BEFORE,
  TRACE_COLUMN_AFTER,
  TRACE_COLUMN_OBJECTIVE,
  TRACE_COLUMN_REQUIREMENT,
  TRACE_COLUMN_VERIFICATION,
  TRACE_COLUMN_GAPS,
  N_TRACE_COLUMNS
} TraceColumn;

struct _BwTraceabilityPage
{
  GtkWidget           parent_instance;

  BwProject          *project;
  guint               rebuild_id;    /* the pending debounced rebuild */
  gboolean            stale;         /* changed while hidden: rebuild when shown */
  GListStore         *rows;          /* every path */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;      /* the rows shown, and exported */
  char               *search;        /* casefolded, or NULL */
  gboolean            only_gaps;

  AdwToastOverlay    *toasts;
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *gaps_toggle;
  GtkLabel           *summary_label;
  GtkColumnView      *column_view;
  GtkWidget          *export_button;
};

/* The table: columns, cells, the search over every cell's text. */
void     _bw_traceability_page_init_table   (BwTraceabilityPage *self);
gboolean _bw_traceability_page_row_matches  (BwTraceabilityPage *self,
                                             BwTraceRow         *row);

G_END_DECLS
