/* bw-preferences.h — the preferences window: autosave, new projects, rule
 * libraries, diagram snapping, presentation theme
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-application.h"

G_BEGIN_DECLS

#define BW_TYPE_PREFERENCES (bw_preferences_get_type ())
G_DECLARE_FINAL_TYPE (BwPreferences, bw_preferences, BW, PREFERENCES, AdwPreferencesWindow)

/* Every change is written to the application's settings at once; without
 * an installed schema the window says so instead of its settings. */
GtkWidget *bw_preferences_new              (BwApplication *application);
/* Adds a rule-library file to the list (what the file chooser of "Add"
 * does once it has a file); FALSE with `error` set when the file is not a
 * rule library or clashes with the libraries in use. */
gboolean   bw_preferences_add_rule_library (BwPreferences *self,
                                            GFile         *file,
                                            GError       **error);
/* The rows of the rule-library list, one per file (tests look at it). */
GtkListBox *bw_preferences_get_rule_list   (BwPreferences *self);

G_END_DECLS
