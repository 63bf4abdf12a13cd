/* fuzz-load.c — libFuzzer target: load, write canonical text, reload
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * For every input that bw_project_load_from_data() accepts, the canonical
 * text bw_project_to_bytes() writes must load again and write the same
 * bytes (FORMAT.md: load + save of a canonical file is the identity).  A
 * violation is an idempotence bug: the target prints both texts' first
 * difference and calls abort(), so libFuzzer saves the reproducer.
 *
 * GLib criticals and errors (g_return_if_fail() and friends) are fatal too:
 * they are programming errors that a hostile file must not be able to
 * reach.  Set BW_FUZZ_NONFATAL_CRITICALS=1 to let them pass.  Warnings and
 * debug messages are dropped (they would only slow the fuzzer down).
 *
 * How to build and run: see tests/fuzz/README.md; in short
 *   tests/fuzz/run-fuzz.sh 60
 * or, in a build dir configured with -Dfuzzing=true (see the README),
 *   ./build-fuzz/tests/fuzz/fuzz-load -max_total_time=60 -max_len=65536 CORPUS_DIR
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bw-project-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean fatal_criticals = TRUE;

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (fatal_criticals && (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0)
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      fprintf (stderr, "fuzz-load: GLib critical/error reached from a loaded input\n");
      abort ();
    }
  if ((log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0)
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *env = g_getenv ("BW_FUZZ_NONFATAL_CRITICALS");

  fatal_criticals = env == NULL || *env == '\0' || g_str_equal (env, "0");
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  return 0;
}

static void
report_difference (GBytes *first,
                   GBytes *second)
{
  gsize n1 = 0, n2 = 0, i = 0, line = 1, from;
  const char *a = g_bytes_get_data (first, &n1);
  const char *b = g_bytes_get_data (second, &n2);

  while (i < n1 && i < n2 && a[i] == b[i])
    {
      if (a[i] == '\n')
        line++;
      i++;
    }
  from = i > 200 ? i - 200 : 0;
  fprintf (stderr,
           "fuzz-load: IDEMPOTENCE BUG: to_bytes(load(to_bytes(load(input)))) differs from "
           "to_bytes(load(input)) at byte %" G_GSIZE_FORMAT " (line %" G_GSIZE_FORMAT "; "
           "lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT ")\n"
           "--- first save, around it:\n%.*s\n--- second save, around it:\n%.*s\n---\n",
           i, line, n1, n2,
           (int) (MIN (n1, i + 200) - from), a + from,
           (int) (MIN (n2, i + 200) - from), b + from);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  BwProject *project;
  BwProject *again;
  GBytes *bytes;
  GBytes *bytes_again;

  project = bw_project_load_from_data ((const char *) data, size, &error);
  if (project == NULL)
    {
      /* A refusal must say why. */
      if (error == NULL || error->message == NULL)
        {
          fprintf (stderr, "fuzz-load: refused without a GError\n");
          abort ();
        }
      g_error_free (error);
      return 0;
    }

  bytes = bw_project_to_bytes (project);
  again = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (again == NULL)
    {
      fprintf (stderr,
               "fuzz-load: IDEMPOTENCE BUG: the canonical text of a loaded input does not load: %s\n"
               "--- canonical text (first 4000 bytes):\n%.*s\n---\n",
               error ? error->message : "(no error)",
               (int) MIN (g_bytes_get_size (bytes), 4000), (const char *) g_bytes_get_data (bytes, NULL));
      abort ();
    }
  bytes_again = bw_project_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      report_difference (bytes, bytes_again);
      abort ();
    }

  g_bytes_unref (bytes_again);
  g_bytes_unref (bytes);
  g_object_unref (again);
  g_object_unref (project);
  return 0;
}
