/* bw-objectives-page.h — step 4: the security objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-page.h"

G_BEGIN_DECLS

#define BW_TYPE_OBJECTIVES_PAGE (bw_objectives_page_get_type ())
G_DECLARE_FINAL_TYPE (BwObjectivesPage, bw_objectives_page, BW, OBJECTIVES_PAGE, GtkWidget)

GtkWidget  *bw_objectives_page_new              (void);
/* Selects the objective `id`; FALSE when the project has none such. */
gboolean    bw_objectives_page_select           (BwObjectivesPage *self,
                                                 const char       *id);
const char *bw_objectives_page_get_selected_id  (BwObjectivesPage *self);
/* Adds a requirement of the selected objective as one undo step and shows
 * it (win.show-record); returns its ID, or NULL when nothing was made. */
char       *bw_objectives_page_create_requirement (BwObjectivesPage *self);

G_END_DECLS
