/* bw-risk-method-editor.h — the scales, matrix and acceptance of the risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_RISK_METHOD_EDITOR (bw_risk_method_editor_get_type ())
G_DECLARE_FINAL_TYPE (BwRiskMethodEditor, bw_risk_method_editor, BW, RISK_METHOD_EDITOR, GtkWidget)

GtkWidget *bw_risk_method_editor_new         (void);
void       bw_risk_method_editor_set_project (BwRiskMethodEditor *self,
                                              BwProject          *project);
/* Shows the project's method again (after any change of the project). */
void       bw_risk_method_editor_refresh     (BwRiskMethodEditor *self);

G_END_DECLS
