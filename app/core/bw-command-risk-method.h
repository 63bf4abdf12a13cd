/* bw-command-risk-method.h — edits of the project's risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"
#include "bw-risk-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  BW_RISK_SCALE_EXPLOITABILITY,
  BW_RISK_SCALE_SEVERITY,
} BwRiskScale;

BwCommand *bw_command_rename_risk_level_new    (BwProject    *project,
                                                BwRiskScale   scale,
                                                guint         level,
                                                const char   *label,
                                                GError      **error);
BwCommand *bw_command_set_risk_outcome_new     (BwProject    *project,
                                                int           exploitability,
                                                int           severity,
                                                BwOutcome     outcome,
                                                GError      **error);
BwCommand *bw_command_set_risk_acceptance_new  (BwProject    *project,
                                                const char   *acceptance);
BwCommand *bw_command_restore_risk_method_new  (BwProject    *project);

gboolean   bw_risk_method_is_default           (BwRiskMethod *method);

G_END_DECLS
