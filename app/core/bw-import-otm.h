/* bw-import-otm.h — Open Threat Model (OTM) JSON into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-project.h"

G_BEGIN_DECLS

BwProject *bw_import_otm (JsonNode   *root,
                          GPtrArray **report,
                          GError    **error);

G_END_DECLS
