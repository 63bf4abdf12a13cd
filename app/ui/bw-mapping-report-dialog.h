/* bw-mapping-report-dialog.h — what an import or export could not map
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-import.h"

G_BEGIN_DECLS

#define BW_TYPE_MAPPING_REPORT_DIALOG (bw_mapping_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BwMappingReportDialog, bw_mapping_report_dialog, BW, MAPPING_REPORT_DIALOG, AdwMessageDialog)

/* After an import: what came in, and the importer's `report` (NULL or
 * empty: the dialog says that everything was mapped). */
GtkWidget *bw_mapping_report_dialog_new_for_import (GtkWindow             *parent,
                                                    const char            *file_name,
                                                    BwImportFormat         format,
                                                    BwProject             *project,
                                                    GPtrArray             *report);
/* After an export: the exporter's `notes` on what the other tool cannot
 * hold (not empty). `format_name` is the tool's name, e.g. "Threat Dragon". */
GtkWidget *bw_mapping_report_dialog_new_for_export (GtkWindow             *parent,
                                                    const char            *file_name,
                                                    const char            *format_name,
                                                    GPtrArray             *notes);
/* The rows of the list of what could not be mapped. */
guint      bw_mapping_report_dialog_get_n_items    (BwMappingReportDialog *self);

G_END_DECLS
