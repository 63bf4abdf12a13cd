/* bw-import-threat-dragon.h — OWASP Threat Dragon v1 and v2 models into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-project.h"

G_BEGIN_DECLS

gboolean   bw_import_threat_dragon_detect (JsonNode   *root,
                                           int        *version);
BwProject *bw_import_threat_dragon        (JsonNode   *root,
                                           GPtrArray **report,
                                           GError    **error);

G_END_DECLS
