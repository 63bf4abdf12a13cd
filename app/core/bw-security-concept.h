/* bw-security-concept.h — the constraints and policies of the security concept
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_SECURITY_CONCEPT (bw_security_concept_get_type ())
G_DECLARE_FINAL_TYPE (BwSecurityConcept, bw_security_concept, BW, SECURITY_CONCEPT, BwRecord)

const char *bw_security_concept_get_constraints (BwSecurityConcept *self);
const char *bw_security_concept_get_policies (BwSecurityConcept *self);

G_END_DECLS
