/* take-screenshots.c — the screenshots of the AppStream metainfo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * `make screenshots` runs this under Xvfb: it opens the built-in example
 * at 1280×800 and writes what the window shows on each page to the folder
 * given as the first argument (data/screenshots for the metainfo; run it
 * with LANGUAGE=de to look at the German interface).
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "bw-presentation.h"
#include "bw-ui-test-utils.h"

static const struct
{
  const char *key;
  const char *name;
} pages[] = {
  { "diagram:D-2", "main" },
  { "diagram:D-1", "context" },
  { "assets", "assets" },
  { "threats", "threats" },
  { "risk", "risk" },
  { "objectives", "objectives" },
  { "requirements", "requirements" },
  { "hazards", "hazards" },
  { "attack-trees", "attack-tree" },
  { "assumptions", "assumptions" },
  { "traceability", "traceability" },
  { "checks", "checks" },
  { "components", "components" },
  { "report", "report" },
};

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BwProject) project = NULL;
  BwPresentation *presentation;
  BwWindow *window;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FOLDER\n", argv[0]);
      return 2;
    }
  g_setenv ("BW_TEST_SCREENSHOTS", argv[1], TRUE);
  /* The interface in the language of LANGUAGE, from the build's
   * translations (as installed ones would be). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BW_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!bw_ui_test_init (&argc, &argv, "screenshots"))
    return 1;

  project = bw_ui_load_example ();
  window = bw_ui_open_window (project, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (!bw_window_select (window, pages[i].key))
        {
          g_printerr ("No page %s\n", pages[i].key);
          return 1;
        }
      /* A threat selected shows the editor beside the table. */
      if (g_str_equal (pages[i].key, "threats"))
        bw_window_show_record (window, "T-1");
      bw_ui_settle (400);
      bw_ui_screenshot (GTK_WIDGET (window), pages[i].name);
      g_print ("%s/%s.png\n", argv[1], pages[i].name);
    }

  presentation = bw_presentation_new (GTK_WINDOW (window), project);
  gtk_window_set_default_size (GTK_WINDOW (presentation), 1280, 720);
  gtk_window_present (GTK_WINDOW (presentation));
  bw_ui_iterate_until (is_mapped, presentation);
  for (guint i = 0; i < bw_presentation_get_n_slides (presentation); i++)
    if (g_str_has_prefix (bw_presentation_get_title_of (presentation, i), "Threats") || i == 4)
      {
        bw_presentation_set_index (presentation, i);
        break;
      }
  bw_ui_settle (300);
  bw_ui_screenshot (GTK_WIDGET (presentation), "presentation");
  g_print ("%s/presentation.png\n", argv[1]);

  gtk_window_destroy (GTK_WINDOW (presentation));
  bw_ui_close_window (window);

  return 0;
}
