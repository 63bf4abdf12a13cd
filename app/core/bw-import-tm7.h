/* bw-import-tm7.h — Microsoft Threat Modeling Tool models (.tm7) into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

gboolean   bw_import_tm7_detect (const char  *data,
                                 gsize        length);
BwProject *bw_import_tm7        (const char  *data,
                                 gsize        length,
                                 GPtrArray  **report,
                                 GError     **error);

G_END_DECLS
