/* fuzz-import.h — what the importers' libFuzzer targets share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each target feeds its input to one importer.  It aborts (so libFuzzer
 * keeps the input) when a refusal comes without a GError, when an accepted
 * import's canonical text does not load again or does not write the same
 * bytes again, and — as in fuzz-load — when GLib logs a critical or an
 * error (BW_FUZZ_NONFATAL_CRITICALS=1 lets those pass).
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bw-project-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean fuzz_fatal_criticals = TRUE;

static GLogWriterOutput
fuzz_import_log_writer (GLogLevelFlags   log_level,
                        const GLogField *fields,
                        gsize            n_fields,
                        gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0)
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      if (fuzz_fatal_criticals)
        {
          fprintf (stderr, "fuzz-import: GLib critical/error reached from an input\n");
          abort ();
        }
    }
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *env = g_getenv ("BW_FUZZ_NONFATAL_CRITICALS");

  fuzz_fatal_criticals = env == NULL || *env == '\0' || g_str_equal (env, "0");
  g_log_set_writer_func (fuzz_import_log_writer, NULL, NULL);
  return 0;
}

/* Takes the importer's result and error; checks and frees both. */
static void
fuzz_import_check (BwProject *project,
                   GPtrArray *report,
                   GError    *error)
{
  GBytes *bytes, *bytes_again;
  BwProject *again;

  if (project == NULL)
    {
      if (error == NULL || error->message == NULL || report != NULL)
        {
          fprintf (stderr, "fuzz-import: refused without a GError (or with a report)\n");
          abort ();
        }
      g_error_free (error);
      return;
    }
  if (error != NULL || report == NULL)
    {
      fprintf (stderr, "fuzz-import: accepted with an error set, or without a report\n");
      abort ();
    }
  bytes = bw_project_to_bytes (project);
  again = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (again == NULL)
    {
      fprintf (stderr, "fuzz-import: an imported project does not load: %s\n--- canonical text:\n%.*s\n",
               error ? error->message : "(no error)",
               (int) MIN (g_bytes_get_size (bytes), 4000), (const char *) g_bytes_get_data (bytes, NULL));
      abort ();
    }
  bytes_again = bw_project_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      fprintf (stderr, "fuzz-import: an imported project's canonical text changes on reload\n");
      abort ();
    }
  g_bytes_unref (bytes_again);
  g_bytes_unref (bytes);
  g_object_unref (again);
  g_object_unref (project);
  g_ptr_array_unref (report);
}
