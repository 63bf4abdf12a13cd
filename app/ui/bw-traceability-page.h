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

/* As a BwPage: select_record("O-6") searches for that record's ID, so the
 * table shows its paths; set_filter("gaps") shows only the rows with gaps,
 * any other text is a search over every column ("" clears both). */

GtkWidget  *bw_traceability_page_new            (void);
/* The rows the table shows (BwTraceRow), after the search and the
 * "only gaps" toggle; borrowed.  The page rebuilds them a moment after
 * each change of the project, or when it is shown again after changes
 * while hidden. */
GListModel *bw_traceability_page_get_rows       (BwTraceabilityPage *self);
/* Rebuilds the rows now instead of after the debounce. */
void        bw_traceability_page_rebuild        (BwTraceabilityPage *self);
/* Writes the shown rows as CSV (bw_traceability_to_csv) to `file`. */
gboolean    bw_traceability_page_export_to_file (BwTraceabilityPage *self,
                                                 GFile              *file,
                                                 GError            **error);

G_END_DECLS
