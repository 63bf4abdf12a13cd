/* bw-window-private.h — BwWindow's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-attack-tree-page.h"
#include "bw-components-page.h"
#include "bw-page.h"
#include "bw-window.h"

G_BEGIN_DECLS

struct _BwWindow
{
  AdwApplicationWindow  parent_instance;

  BwProject            *project;
  GSettings            *settings;      /* NULL without an installed schema */
  GMenu                *recent_menu;
  char                 *selected_key;
  char                 *import_source; /* what an unsaved import came from */
  guint                 close_confirmed : 1;
  guint                 close_after_save : 1;

  /* Autosave (bw-window-recovery.c) */
  char                 *recovery_name;
  guint                 recovery_idle_id;
  guint                 recovery_interval_id;
  guint                 recovery_dirty : 1;   /* edited since the last copy */
  guint                 recovery_written : 1; /* a copy is on disk */

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  BwDiagramView        *diagram_view;
  BwInspector          *inspector;
  BwComponentsPage     *components_page;
  BwAttackTreePage     *attack_tree_page;
  GtkLabel             *zoom_label;
  GtkBox               *tool_box;
  GtkToggleButton      *snap_button;
  AdwToastOverlay      *toast_overlay;
  GtkToggleButton      *tool_buttons[BW_DIAGRAM_N_TOOLS];
};

void _bw_window_class_actions_init (BwWindowClass *klass);
void _bw_window_actions_init       (BwWindow      *self);
void _bw_window_actions_update     (BwWindow      *self);
void _bw_window_save_as            (BwWindow      *self);
void _bw_window_update_recent_menu (BwWindow      *self);
void _bw_window_init_toolbar       (BwWindow      *self);
void _bw_window_class_diagrams_init (BwWindowClass *klass);
void _bw_window_diagrams_update    (BwWindow      *self);
void _bw_window_diagrams_attach    (BwWindow      *self);
void _bw_window_diagram_row_init   (BwWindow      *self,
                                    GtkWidget     *row,
                                    const char    *id);
gboolean _bw_window_move_diagram   (BwWindow      *self,
                                    const char    *id,
                                    guint          position,
                                    const char    *label);
void _bw_window_class_export_init  (BwWindowClass *klass);
void _bw_window_class_import_init (BwWindowClass *klass);
void _bw_window_import_init       (BwWindow      *self);
BwPage *_bw_window_get_page       (BwWindow      *self,
                                   const char    *key);
void _bw_window_recovery_init        (BwWindow      *self);
void _bw_window_recovery_set_project (BwWindow      *self);
void _bw_window_recovery_dispose     (BwWindow      *self);
gboolean _bw_window_recovery_save_now (BwWindow     *self,
                                      GError      **error);
void _bw_window_settings_init        (BwWindow      *self);
void _bw_window_class_shortcuts_init (BwWindowClass *klass);

G_END_DECLS
