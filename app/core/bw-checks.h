/* bw-checks.h — the completeness checks of METHOD.md ("did we do a good job")
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each finding has a kind (a stable string ID, for `bulwark-cli check
 * --fail-on` and for filters), the ID of the object it concerns, the JSON
 * path of the member to fix and a translated message.  The kinds, and what
 * makes them fire, are listed in bw-checks.c (table `kinds`).
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_FINDING (bw_finding_get_type ())
G_DECLARE_FINAL_TYPE (BwFinding, bw_finding, BW, FINDING, GObject)

BwFinding          *bw_finding_new           (const char *kind,
                                              const char *object_id,
                                              const char *path,
                                              const char *message);
const char         *bw_finding_get_kind      (BwFinding  *self);
const char         *bw_finding_get_object_id (BwFinding  *self);
const char         *bw_finding_get_path      (BwFinding  *self);
const char         *bw_finding_get_message   (BwFinding  *self);

GListModel         *bw_checks_run            (BwProject  *project);
const char * const *bw_checks_get_kinds      (void);
gboolean            bw_checks_is_kind        (const char *kind);
const char         *bw_checks_describe_kind  (const char *kind);

G_END_DECLS
