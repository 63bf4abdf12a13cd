/* bw-auto-derive.h — derivation after each edit, on what the edit touched
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"
#include "bw-rule-set.h"

G_BEGIN_DECLS

#define BW_TYPE_AUTO_DERIVE (bw_auto_derive_get_type ())
G_DECLARE_FINAL_TYPE (BwAutoDerive, bw_auto_derive, BW, AUTO_DERIVE, GObject)

BwAutoDerive *bw_auto_derive_new        (BwProject    *project,
                                         BwRuleSet    *rules);
BwRuleSet    *bw_auto_derive_get_rules  (BwAutoDerive *self);
/* Starts noting which elements change (added, removed, any member). */
void          bw_auto_derive_begin      (BwAutoDerive *self);
/* Stops noting; the IDs derivation has to look at, or NULL when the edit
 * touched no element. */
GStrv         bw_auto_derive_end        (BwAutoDerive *self);
/* Stops noting and returns the derive command for what was touched, not
 * yet applied, or NULL when derivation has nothing to change. */
BwCommand    *bw_auto_derive_finish     (BwAutoDerive *self);

G_END_DECLS
