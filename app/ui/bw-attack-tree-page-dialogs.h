/* bw-attack-tree-page-dialogs.h — the attack-tree page's dialogs, and what
 * they share with the page
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-attack-tree-page.h"
#include "bw-command.h"

G_BEGIN_DECLS

/* Installs tree.rename, tree.delete, tree.analyse-threat, tree.apply and
 * tree.export. */
void       _bw_attack_tree_page_class_dialogs_init (GtkWidgetClass   *widget_class);

BwProject *_bw_attack_tree_page_get_project        (BwAttackTreePage *self);
/* Runs (and takes) a command as one undo step; a failure becomes a toast. */
gboolean   _bw_attack_tree_page_run                (BwAttackTreePage *self,
                                                    BwCommand        *command);
void       _bw_attack_tree_page_toast              (BwAttackTreePage *self,
                                                    const char       *message);

G_END_DECLS
