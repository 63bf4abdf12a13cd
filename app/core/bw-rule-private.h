/* bw-rule-private.h — what the rule library shares with its rules
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-rule.h"

G_BEGIN_DECLS

BwRule        *_bw_rule_new_from_json (JsonObject     *object,
                                       const char     *path,
                                       BwRuleLibrary  *library,
                                       const char     *source,
                                       GError        **error);
void           _bw_rule_set_library   (BwRule         *self,
                                       BwRuleLibrary  *library);
BwRuleLibrary *_bw_rule_get_library   (BwRule         *self);
char          *_bw_rule_expand_description_with (BwRule     *self,
                                                 BwElement  *element_or_flow,
                                                 BwElement  *source,
                                                 BwElement  *target,
                                                 const char *suffix);

G_END_DECLS
