/* bw-ui-test-utils.h — what the UI tests share: a window on a project,
 * waiting for the main loop, finding widgets, screenshots
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project-io.h"
#include "bw-window.h"

G_BEGIN_DECLS

typedef gboolean (*BwWidgetMatch) (GtkWidget *widget, gconstpointer data);

/* g_test_init and GTK, with HOME and the XDG folders under the build
 * folder (test-`name`-home); FALSE (after printing a TAP skip) when there
 * is no display. */
gboolean   bw_ui_test_init       (int        *argc,
                                  char     ***argv,
                                  const char *name);
/* Runs the main loop until done(data) holds; fails the test after 60 s. */
void       bw_ui_iterate_until   (gboolean  (*done) (gpointer data),
                                  gpointer    data);
/* Runs what is pending, without blocking. */
void       bw_ui_drain           (void);
/* A few main-loop iterations with a short wait in between (layout and
 * drawing of a freshly shown page). */
void       bw_ui_settle          (guint       ms);

BwProject *bw_ui_load_example    (void);
/* A window on `project` (a new empty one when NULL), presented and mapped,
 * showing the page of `key` ("threats", "diagram:D-1", … or NULL). */
BwWindow  *bw_ui_open_window     (BwProject  *project,
                                  const char *key);
void       bw_ui_close_window    (BwWindow   *window);

/* Depth-first: the first widget under `root` that `match` accepts. */
GtkWidget *bw_ui_find            (GtkWidget  *root,
                                  BwWidgetMatch match,
                                  gconstpointer data);
/* Ready-made matches: a drawable GtkLabel with this text; a widget of this
 * GType (data is the GType cast with GSIZE_TO_POINTER); a widget whose
 * widget name (gtk_widget_set_name) or GtkButton label is this text. */
gboolean   bw_ui_match_label     (GtkWidget  *widget,
                                  gconstpointer text);
gboolean   bw_ui_match_type      (GtkWidget  *widget,
                                  gconstpointer gtype);
gboolean   bw_ui_match_name      (GtkWidget  *widget,
                                  gconstpointer name);
/* Clicks a button as a user would (its "clicked" through activation). */
void       bw_ui_click           (GtkWidget  *button);

/* Writes what `widget` shows to a PNG when BW_TEST_SCREENSHOTS names a
 * folder (`name`.png there); does nothing otherwise. */
void       bw_ui_screenshot      (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
