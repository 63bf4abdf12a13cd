/* bw-threats-page.h — step 3: the threat table, its filters and the threat editor
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_THREATS_PAGE (bw_threats_page_get_type ())
G_DECLARE_FINAL_TYPE (BwThreatsPage, bw_threats_page, BW, THREATS_PAGE, GtkWidget)

/* The page behind the sidebar key "threats": the project's threats in a
 * table (or grouped by element, or as an elements × STRIDE matrix) beside
 * the threat editor.  Archived, obsolete and superseded threats are hidden
 * unless the user shows them.
 *
 * bw_page_select_record() takes a threat's ID (it is selected, the
 * filters cleared if they hide it) or an element's ID (its threats, the
 * first selected).  bw_page_set_filter() replaces the page's filters with
 * one of:
 *   "before:E:S"   threats rated in the risk matrix cell exploitability E,
 *   "after:E:S"    severity S (1-based levels), before / after objectives
 *   "element:ID"   threats on that element
 *   "hazard:ID"    threats whose risk names that hazard
 *   "asset:ID"     threats on the elements carrying that asset
 *   "category:X"   S, T, R, I, D or E
 *   "status:X"     not_started, needs_investigation, not_applicable, addressed
 *   ""             no filter
 * An unknown filter shows every threat and says so in a toast. */
GtkWidget *bw_threats_page_new          (void);
/* Drops the page's rule set: the application's libraries changed. */
void       bw_threats_page_reload_rules (BwThreatsPage *self);

G_END_DECLS
