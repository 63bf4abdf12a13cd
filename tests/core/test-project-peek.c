/* test-project-peek.c — a project's title read from the start of its text
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bw-project-peek.h"
#include "bw-test-utils.h"

static char *
peek (const char *text)
{
  return bw_project_peek_title_from_data (text, strlen (text));
}

/* The saved example: the title the model holds, from a file. */
static void
test_peek_example_file (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;
  int fd;

  fd = g_file_open_tmp ("bw-peek-XXXXXX.bulwark", &path, &error);
  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  g_assert_true (bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  title = bw_project_peek_title (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, bw_model_get_title (bw_project_get_model (project)));
  g_unlink (path);
}

/* Escapes as the writer writes them, and \u escapes with a surrogate pair. */
static void
test_peek_escapes (void)
{
  g_autofree char *plain = peek ("{\n  \"format\": 1,\n  \"model\": {\n    \"title\": \"Pump \\\"X\\\" \\\\ 2\",\n");
  g_autofree char *unicode = peek ("{\"model\":{\"title\":\"Pumpe \\u00fc \\ud83d\\ude00\"}}");
  g_autofree char *raw = peek ("{\"model\": {\"title\": \"Insulinpumpe für Kinder\"}}");

  g_assert_cmpstr (plain, ==, "Pump \"X\" \\ 2");
  g_assert_cmpstr (unicode, ==, "Pumpe ü 😀");
  g_assert_cmpstr (raw, ==, "Insulinpumpe für Kinder");
}

/* What does not start like a project gives no title, and never a crash:
 * cut off, other order, empty title, not JSON, bad escapes. */
static void
test_peek_refuses (void)
{
  const char *texts[] = {
    "",
    "not json at all",
    "{\"model\": {\"title\": \"cut off",
    "{\"model\": {\"description\": \"x\", \"title\": \"Later\"}}",
    "{\"model\": {\"title\": \"   \"}}",
    "{\"model\": {\"title\": 42}}",
    "{\"model\": {\"title\": \"bad \\x escape\"}}",
    "{\"model\": {\"title\": \"lone \\ud800 surrogate\"}}",
    "{\"model\": {\"title\": \"nul \\u0000 inside\"}}",
    "{\"model\": {\"title\": \"\xff\xfe not utf-8\"}}",
    "{\"model\": {\"title\": \"control \x01 char\"}}",
    "{\"model\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *title = peek (texts[i]);

      if (title != NULL)
        g_error ("text %u gave a title: %s", i, title);
    }
}

static void
test_peek_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/bulwark/x.bulwark");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = bw_project_peek_title (file, NULL, &error);

  g_assert_null (title);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-peek/example-file", test_peek_example_file);
  g_test_add_func ("/project-peek/escapes", test_peek_escapes);
  g_test_add_func ("/project-peek/refuses", test_peek_refuses);
  g_test_add_func ("/project-peek/missing-file", test_peek_missing_file);

  return g_test_run ();
}
