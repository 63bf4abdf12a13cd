/* bw-rule-library-ref.h — a rule library the threats were derived with
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_RULE_LIBRARY_REF (bw_rule_library_ref_get_type ())
G_DECLARE_FINAL_TYPE (BwRuleLibraryRef, bw_rule_library_ref, BW, RULE_LIBRARY_REF, BwRecord)

const char *bw_rule_library_ref_get_version (BwRuleLibraryRef *self);
const char *bw_rule_library_ref_get_path (BwRuleLibraryRef *self);

G_END_DECLS
