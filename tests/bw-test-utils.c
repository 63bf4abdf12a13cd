/* bw-test-utils.c — what many tests need: projects to start from, their text
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-test-utils.h"

/* The built-in example; the test fails if it does not load. */
BwProject *
bw_test_load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* A project from JSON text that must load. */
BwProject *
bw_test_load_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* The canonical text of a project, to compare states byte for byte. */
char *
bw_test_to_string (BwProject *project)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
