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

GtkWidget *bw_checks_page_new (void);

G_END_DECLS
