/* bw-window-shortcuts.c — BwWindow's keys to the steps of the method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-window-private.h"

/* Alt+1…Alt+5 go to the numbered steps of the sidebar, as Alt+number
 * switches tabs elsewhere in GNOME; nothing else in the window uses
 * Alt with a digit. */
void
_bw_window_class_shortcuts_init (BwWindowClass *klass)
{
  static const char *steps[] = { "assets", "diagrams", "threats", "objectives", "requirements" };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "s", steps[i]);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "s", steps[i]);
    }
}
