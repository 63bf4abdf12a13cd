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

/* The leak happens on a thread that has ended: its stack is not scanned,
 * so no stale copy of the pointer can keep the record "reachable".  (A
 * leaked project would not do: GLib keeps signal handlers in a global
 * table, so a project with connected handlers stays reachable.) */
static gpointer
leak_thread (gpointer data)
{
  BwProject *project = bw_project_load_example (NULL);

  g_assert_nonnull (project);
  /* One reference too many on an element: it outlives its project. */
  g_object_ref (bw_project_lookup (project, "P-2"));
  g_object_unref (project);
  return NULL;
}

int
main (void)
{
  g_thread_join (g_thread_new ("leak", leak_thread, NULL));
  return 0;
}
