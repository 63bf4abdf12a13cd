/* bw-sidebar-row.h — one step of the method in the window's sidebar
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BW_TYPE_SIDEBAR_ROW (bw_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (BwSidebarRow, bw_sidebar_row, BW, SIDEBAR_ROW, GtkListBoxRow)

/* `step` is the number of the method step ("1" … "5"), or NULL.
 * `key` names what the row shows: a page ("assets", "threats" …) or a
 * diagram ("diagram:" followed by its ID). */
GtkWidget  *bw_sidebar_row_new        (const char   *key,
                                       const char   *title,
                                       const char   *step);
const char *bw_sidebar_row_get_key    (BwSidebarRow *self);
const char *bw_sidebar_row_get_title  (BwSidebarRow *self);
void        bw_sidebar_row_set_title  (BwSidebarRow *self,
                                       const char   *title);
/* A negative count hides the number (the report has none). */
void        bw_sidebar_row_set_count  (BwSidebarRow *self,
                                       int           count);
int         bw_sidebar_row_get_count  (BwSidebarRow *self);
/* Diagram rows sit one level below "2 Diagrams". */
void        bw_sidebar_row_set_nested (BwSidebarRow *self,
                                       gboolean      nested);

G_END_DECLS
