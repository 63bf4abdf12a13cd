/* bw-ui-test-utils.h — what the UI tests share: a window on a project,
 * waiting for the main loop, finding widgets, screenshots
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-application.h"
#include "bw-diagram-view.h"
#include "bw-project-io.h"
#include "bw-sidebar-row.h"
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
/* Conditions for bw_ui_iterate_until: the widget is mapped; it has a size. */
gboolean   bw_ui_is_mapped       (gpointer    widget);
gboolean   bw_ui_has_size        (gpointer    widget);
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
/* The sidebar row of `key` ("assets", "diagram:D-2", …), or NULL. */
BwSidebarRow *bw_ui_sidebar_row  (BwWindow   *window,
                                  const char *key);
/* A registered, non-unique application for tests that open windows
 * through it (no session bus needed, no running Bulwark answers). */
BwApplication *bw_ui_application_new (void);

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
/* The event controller of `widget` named `name` (fails the test when there
 * is none). */
GtkEventController *bw_ui_find_controller (GtkWidget  *widget,
                                           const char *name);
/* A primary-button drag on the canvas from diagram point (x0, y0) to
 * (x1, y1), through the canvas's own gesture, with the pointer passing
 * through a few points on the way as a hand would. */
void       bw_ui_drag            (BwDiagramView *view,
                                  double       x0,
                                  double       y0,
                                  double       x1,
                                  double       y1);
/* Clicks a button as a user would (its "clicked" through activation). */
void       bw_ui_click           (GtkWidget  *button);

/* Writes what `widget` shows to a PNG when BW_TEST_SCREENSHOTS names a
 * folder (`name`.png there); does nothing otherwise. */
void       bw_ui_screenshot      (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
