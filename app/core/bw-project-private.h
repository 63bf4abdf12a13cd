/* bw-project-private.h — what the core's own modules share about a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

/* IDs of the prefix with a higher number are free. */
gint64 _bw_project_get_highest_number (BwProject  *self,
                                       const char *prefix);
void   _bw_project_index_numbered     (BwProject  *self,
                                       BwRecord   *record,
                                       const char *prefix,
                                       gint64      number);

G_END_DECLS
