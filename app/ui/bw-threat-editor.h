/* bw-threat-editor.h — every field of one threat, edited through commands
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_THREAT_EDITOR (bw_threat_editor_get_type ())
G_DECLARE_FINAL_TYPE (BwThreatEditor, bw_threat_editor, BW, THREAT_EDITOR, GtkWidget)

/* A panel (the threats page puts it beside its table): the threat's
 * fields, risk before and after, safety, links; empty when no threat. */
GtkWidget  *bw_threat_editor_new           (void);
void        bw_threat_editor_set_project   (BwThreatEditor *self,
                                            BwProject      *project);
void        bw_threat_editor_set_threat_id (BwThreatEditor *self,
                                            const char     *threat_id);
const char *bw_threat_editor_get_threat_id (BwThreatEditor *self);

G_END_DECLS
