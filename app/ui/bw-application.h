/* bw-application.h — the application: one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

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
GtkWindow     *bw_application_new_window   (BwApplication     *self,
                                            BwProject         *project);

G_END_DECLS
