/* leak-canary.c — a leak planted in our code, which LeakSanitizer must report
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Built only for sanitizer runs and marked should_fail: if the suppressions
 * ever swallowed leaks of our own code, this test would pass and the run
 * would fail, so a too-broad suppression cannot go unnoticed.
 */
#include "config.h"

#include "bw-project-io.h"

static BwProject *leaked;

int
main (void)
{
  leaked = bw_project_load_example (NULL);
  g_assert_nonnull (leaked);
  /* Drop the only reference without unref: a real leak of a BwProject. */
  leaked = NULL;
  return 0;
}
