/* test-presentation.c — presentation mode as a presenter uses it (Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Xvfb has no window manager, so the deck is shown in a fixed 1920×1080
 * window rather than full screen. The keys are the window's bindings; a
 * test cannot type into GTK 4 without a display server's help, so it
 * activates the actions the keys are bound to (tests/ui/test-presentation-keys.py
 * types the real keys into the running app).
 */
#include "config.h"

#include "bw-presentation.h"
#include "bw-slides.h"
#include "bw-test-utils.h"
#include "bw-ui-test-utils.h"

static BwPresentation *
open_presentation (BwProject *project,
                   int        width,
                   int        height)
{
  BwPresentation *presentation = bw_presentation_new (NULL, project);

  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  bw_ui_iterate_until (bw_ui_is_mapped, presentation);
  bw_ui_settle (50);

  return presentation;
}

static void
activate (BwPresentation *presentation,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL));
  bw_ui_settle (10);
}

/* Every slide of the example, forward and back, then Esc leaves; the
 * project is byte for byte what it was. */
static void
test_presentation_steps (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) deck = bw_slides_build (project);
  BwPresentation *presentation = open_presentation (project, 1920, 1080);
  GtkWidget *weak = GTK_WIDGET (presentation);
  guint n = bw_presentation_get_n_slides (presentation);

  g_assert_cmpuint (n, ==, deck->len);
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, 0);
  bw_ui_screenshot (GTK_WIDGET (presentation), "presentation-title");

  for (guint i = 1; i < n; i++)
    {
      const BwSlide *slide = g_ptr_array_index (deck, i);

      activate (presentation, "presentation.next");
      g_assert_cmpuint (bw_presentation_get_index (presentation), ==, i);
      g_assert_cmpstr (bw_presentation_get_title_of (presentation, i), ==, slide->title);
      {
        g_autofree char *title = g_strdup_printf ("Slide %u of %u — Presentation", i + 1, n);

        g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==, title);
      }
      if (slide->kind == BW_SLIDE_DIAGRAM && slide->record_id != NULL &&
          g_str_equal (slide->record_id, "D-2"))
        bw_ui_screenshot (GTK_WIDGET (presentation), "presentation-dfd");
      if (slide->kind == BW_SLIDE_THREATS && slide->part == 1)
        bw_ui_screenshot (GTK_WIDGET (presentation), "presentation-threats");
    }
  /* The last slide stays the last. */
  activate (presentation, "presentation.next");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, n - 1);

  activate (presentation, "presentation.previous");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, n - 2);
  activate (presentation, "presentation.first");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, 0);
  activate (presentation, "presentation.previous");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, 0);
  activate (presentation, "presentation.last");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, n - 1);

  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &weak);
  activate (presentation, "presentation.leave");
  bw_ui_settle (50);
  g_assert_null (weak);

  after = bw_test_to_string (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (bw_project_get_modified (project));
}

/* The overview lists every slide; choosing one jumps there; Esc closes
 * the overview before it leaves. */
static void
test_presentation_overview (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwPresentation *presentation = open_presentation (project, 1280, 720);
  GtkFlowBox *overview;
  GtkFlowBoxChild *child;
  gboolean dark;

  activate (presentation, "presentation.overview");
  g_assert_true (bw_presentation_get_overview (presentation));
  /* Steps do nothing while the overview is shown. */
  activate (presentation, "presentation.next");
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, 0);

  overview = GTK_FLOW_BOX (bw_ui_find (GTK_WIDGET (presentation), bw_ui_match_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_FLOW_BOX)));
  g_assert_nonnull (overview);
  g_assert_nonnull (gtk_flow_box_get_child_at_index (overview, bw_presentation_get_n_slides (presentation) - 1));
  g_assert_null (gtk_flow_box_get_child_at_index (overview, bw_presentation_get_n_slides (presentation)));
  bw_ui_screenshot (GTK_WIDGET (presentation), "presentation-overview");

  child = gtk_flow_box_get_child_at_index (overview, 3);
  g_signal_emit_by_name (overview, "child-activated", child);
  bw_ui_settle (10);
  g_assert_false (bw_presentation_get_overview (presentation));
  g_assert_cmpuint (bw_presentation_get_index (presentation), ==, 3);

  activate (presentation, "presentation.overview");
  activate (presentation, "presentation.leave");
  g_assert_false (bw_presentation_get_overview (presentation));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presentation)));

  dark = bw_presentation_get_dark (presentation);
  activate (presentation, "presentation.theme");
  g_assert_cmpint (bw_presentation_get_dark (presentation), !=, dark);
  bw_ui_screenshot (GTK_WIDGET (presentation), dark ? "presentation-720p-light" : "presentation-720p-dark");

  gtk_window_destroy (GTK_WINDOW (presentation));
  bw_ui_drain ();
}

/* F5 in the editor starts presentation over the window; after Esc the
 * window still edits. */
static void
test_presentation_from_window (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "diagram:D-2");
  BwPresentation *presentation = NULL;
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  bw_ui_settle (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (BW_IS_PRESENTATION (item))
        presentation = BW_PRESENTATION (item);
    }
  g_assert_nonnull (presentation);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (window));

  activate (presentation, "presentation.next");
  activate (presentation, "presentation.leave");
  bw_ui_settle (50);

  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-2");
  g_assert_false (bw_project_get_modified (project));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL));

  bw_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "presentation"))
    return 0;

  g_test_add_func ("/presentation/steps", test_presentation_steps);
  g_test_add_func ("/presentation/overview", test_presentation_overview);
  g_test_add_func ("/presentation/from-window", test_presentation_from_window);

  return g_test_run ();
}
