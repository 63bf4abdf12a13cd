/* bw-start-page.h — the window shown while no project is open: New, Open,
 * Open Example and the recent projects
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-application.h"

G_BEGIN_DECLS

#define BW_TYPE_START_PAGE (bw_start_page_get_type ())
G_DECLARE_FINAL_TYPE (BwStartPage, bw_start_page, BW, START_PAGE, AdwApplicationWindow)

GtkWidget  *bw_start_page_new             (BwApplication *application);
/* The list of recent projects, one GtkListBoxRow per project, newest
 * first (tests look at it). */
GtkListBox *bw_start_page_get_recent_list (BwStartPage   *self);
/* What a file dropped on the page does: a project opens, a model of
 * another tool is imported, anything else is refused with a message. */
gboolean    bw_start_page_open_dropped_file (BwStartPage *self,
                                             GFile       *file);

G_END_DECLS
