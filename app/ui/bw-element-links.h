/* bw-element-links.h — a record's links to elements of the diagrams: rows and picker
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

/* Whether the picker offers `element`. */
typedef gboolean (*BwElementLinksFilter) (BwElement *element,
                                          gpointer   user_data);

GtkWidget     *_bw_element_links_row         (BwProject                    *project,
                                              const char                   *id,
                                              const char                   *unlink_action);
GtkMenuButton *_bw_element_links_button      (GtkMenuButtonCreatePopupFunc  create_popup,
                                              gpointer                      user_data);
void           _bw_element_links_update_menu (GtkMenuButton                *button,
                                              BwProject                    *project,
                                              const char                   *link_action,
                                              BwElementLinksFilter          offer,
                                              gpointer                      user_data,
                                              gboolean                      build);

G_END_DECLS
