/* bw-application.h — the application: one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"
#include "bw-rule-set.h"

G_BEGIN_DECLS

#define BW_TYPE_APPLICATION (bw_application_get_type ())
G_DECLARE_FINAL_TYPE (BwApplication, bw_application, BW, APPLICATION, AdwApplication)

BwApplication *bw_application_new          (const char        *application_id,
                                            GApplicationFlags  flags);
/* Loads `file` into a new window, or into `window` when that window holds
 * a pristine new project; a refused file is reported in a dialog and
 * changes nothing. */
void           bw_application_open_file    (BwApplication     *self,
                                            GFile             *file,
                                            GtkWindow         *window);
/* Imports a model of another tool (Threat Dragon, OTM, .tm7) as a new,
 * unsaved project and shows the mapping report over its window, which it
 * returns; a refused file is reported in a dialog, changes nothing and
 * gives NULL. bw_application_open_file() comes here for every file not
 * named *.bulwark. */
GtkWindow     *bw_application_import_file  (BwApplication     *self,
                                            GFile             *file,
                                            GtkWindow         *window);
/* A window on `project`; it replaces the start page. */
GtkWindow     *bw_application_new_window   (BwApplication     *self,
                                            BwProject         *project);
/* The window shown while no project is open (presented, created when
 * needed). */
GtkWindow     *bw_application_show_start_page (BwApplication  *self);
/* The app's icon as the icon theme knows it (installed or not). */
const char    *bw_application_get_icon_name (void);
/* The app's settings (io.github.bulwarkapp.Bulwark), or NULL when the
 * schema is not installed. */
GSettings     *bw_application_get_settings (BwApplication     *self);
/* A new project with the risk method the preferences choose for new
 * projects. */
BwProject     *bw_application_new_project  (BwApplication     *self);
/* The rules derivation uses: the built-in library and the extra libraries
 * of the preferences. An extra library that cannot be used is left out
 * and described in `problems` (strings, may be NULL). */
BwRuleSet     *bw_application_dup_rule_set (BwApplication     *self,
                                            GPtrArray        **problems);
/* The same for the app of `widget`'s window; the built-in library alone
 * for a widget outside the app. What a page that derives threats calls
 * each time it derives (the preferences may have changed). */
BwRuleSet     *bw_application_dup_rule_set_for_widget (GtkWidget  *widget,
                                                       GPtrArray **problems);
/* Looks for recovery copies that a crash left behind and, when there are
 * any, asks over `parent` whether to restore them; returns the dialog, or
 * NULL when there is nothing to restore. */
GtkWindow     *bw_application_offer_recovery (BwApplication   *self,
                                              GtkWindow       *parent);

/* The rules a project derives with: the application's (built-in and the
 * preferences' extra libraries) and the libraries the project records. */
BwRuleSet     *bw_application_dup_rule_set_for_project (GtkWidget  *widget,
                                                        BwProject  *project,
                                                        GPtrArray **problems);

G_END_DECLS
