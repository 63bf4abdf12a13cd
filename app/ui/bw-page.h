/* bw-page.h — what the window asks of each page of the method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_PAGE (bw_page_get_type ())
G_DECLARE_INTERFACE (BwPage, bw_page, BW, PAGE, GtkWidget)

/* A page shows one part of the project (assets, threats, …) and edits it
 * through the project's command stack only. The window creates the pages,
 * hands them the project, and routes navigation to them:
 *
 * - set_project: the project to show (never NULL); a page follows its
 *   collections' "items-changed" and the command stack's "changed"
 *   signals from then on and drops the previous project's handlers.
 * - select_record: scroll to and select the record with this ID (or a
 *   record that belongs to the page, e.g. a threat's ID on the threats
 *   page); FALSE when the page does not show it. Optional.
 * - set_filter: narrow what is shown; the syntax is the page's own and
 *   documented in its header (the threats page takes "before:E:S" and
 *   "after:E:S" for a cell of the risk matrix, "element:ID", "hazard:ID",
 *   "asset:ID", "category:X", "status:X", or "" to clear). Optional.
 *
 * Pages reach the rest of the window through its actions, never through
 * BwWindow itself:
 *   win.show-record("ID")   shows the page or diagram of any record and
 *                           selects it there (element, threat, asset, …)
 *   win.show-page("key")    shows a page by its sidebar key
 *   win.filter-threats("F") shows the threats page with filter F
 */
struct _BwPageInterface
{
  GTypeInterface parent_iface;

  void     (*set_project)   (BwPage     *self,
                             BwProject  *project);
  gboolean (*select_record) (BwPage     *self,
                             const char *id);
  void     (*set_filter)    (BwPage     *self,
                             const char *filter);
};

void     bw_page_set_project   (BwPage     *self,
                                BwProject  *project);
gboolean bw_page_select_record (BwPage     *self,
                                const char *id);
void     bw_page_set_filter    (BwPage     *self,
                                const char *filter);

G_END_DECLS
