/* bw-test-utils.h — what many tests need: projects to start from, their text
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project-io.h"

G_BEGIN_DECLS

BwProject *bw_test_load_example (void);
BwProject *bw_test_load_string  (const char *json);
char      *bw_test_to_string    (BwProject  *project);

G_END_DECLS
