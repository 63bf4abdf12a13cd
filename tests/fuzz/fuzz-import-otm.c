/* fuzz-import-otm.c — libFuzzer target: the Open Threat Model JSON importer
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * See fuzz-import.h for what counts as a finding; run with
 *   tests/fuzz/run-fuzz.sh 60 fuzz-import-otm
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "bw-import-otm.h"

#include "fuzz-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  JsonParser *parser = json_parser_new_immutable ();
  GError *error = NULL;
  GPtrArray *report = NULL;
  BwProject *project;

  /* Straight to the importer: inputs the JSON parser refuses say nothing
   * about it. */
  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL)
      || json_parser_get_root (parser) == NULL)
    {
      g_object_unref (parser);
      return 0;
    }
  project = bw_import_otm (json_parser_get_root (parser), &report, &error);
  fuzz_import_check (project, report, error);
  g_object_unref (parser);
  return 0;
}
