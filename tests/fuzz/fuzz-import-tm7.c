/* fuzz-import-tm7.c — libFuzzer target: the Microsoft Threat Modeling Tool (.tm7) importer
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * See fuzz-import.h for what counts as a finding; run with
 *   tests/fuzz/run-fuzz.sh 60 fuzz-import-tm7
 */
#include "config.h"

#include "bw-import-tm7.h"

#include "fuzz-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  GPtrArray *report = NULL;
  BwProject *project;

  project = bw_import_tm7 ((const char *) data, size, &report, &error);
  fuzz_import_check (project, report, error);
  return 0;
}
