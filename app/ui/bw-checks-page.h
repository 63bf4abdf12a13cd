/* bw-checks-page.h — the completeness findings, each one click from its object
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_CHECKS_PAGE (bw_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (BwChecksPage, bw_checks_page, BW, CHECKS_PAGE, GtkWidget)

GtkWidget *bw_checks_page_new            (void);
/* How many findings the last run of the checks gave; -1 before the first
 * run.  The property "n-findings" notifies when the number changes. */
int        bw_checks_page_get_n_findings (BwChecksPage *self);

G_END_DECLS
