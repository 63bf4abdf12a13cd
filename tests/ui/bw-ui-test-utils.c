/* bw-ui-test-utils.c — what the UI tests share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-ui-test-utils.h"

#include "bw-sidebar-row.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The limit is generous: it only turns a hang into a failure. A sanitizer
 * build on a loaded CI machine took more than five seconds for one frame
 * of a page; meson's per-test timeout bounds the whole run. */
void
bw_ui_iterate_until (gboolean (*done) (gpointer data),
                     gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

void
bw_ui_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
bw_ui_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      bw_ui_drain ();
      g_usleep (5000);
    }
  bw_ui_drain ();
}

BwProject *
bw_ui_load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

gboolean
bw_ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
bw_ui_has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

BwApplication *
bw_ui_application_new (void)
{
  g_autoptr(GError) error = NULL;
  /* Non-unique: no session bus needed, and no running Bulwark answers. */
  BwApplication *app = bw_application_new ("io.github.bulwarkapp.Bulwark.Test", G_APPLICATION_NON_UNIQUE);

  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  return app;
}

GtkEventController *
bw_ui_find_controller (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

void
bw_ui_drag (BwDiagramView *view,
            double         x0,
            double         y0,
            double         x1,
            double         y1)
{
  GtkEventController *gesture = bw_ui_find_controller (GTK_WIDGET (view), "edit-drag");
  double wx0, wy0, wx1, wy1;

  bw_diagram_view_diagram_to_widget (view, x0, y0, &wx0, &wy0);
  bw_diagram_view_diagram_to_widget (view, x1, y1, &wx1, &wy1);
  g_signal_emit_by_name (gesture, "drag-begin", wx0, wy0);
  for (int step = 1; step <= 4; step++)
    g_signal_emit_by_name (gesture, "drag-update", (wx1 - wx0) * step / 4.0, (wy1 - wy0) * step / 4.0);
  g_signal_emit_by_name (gesture, "drag-end", wx1 - wx0, wy1 - wy0);
  bw_ui_settle (10);
}

BwWindow *
bw_ui_open_window (BwProject  *project,
                   const char *key)
{
  BwWindow *window = bw_window_new (NULL, project);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bw_ui_iterate_until (bw_ui_is_mapped, window);
  if (key != NULL)
    g_assert_true (bw_window_select (window, key));
  bw_ui_settle (50);

  return window;
}

BwSidebarRow *
bw_ui_sidebar_row (BwWindow   *window,
                   const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (bw_window_get_sidebar (window)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BW_IS_SIDEBAR_ROW (child) && g_strcmp0 (bw_sidebar_row_get_key (BW_SIDEBAR_ROW (child)), key) == 0)
      return BW_SIDEBAR_ROW (child);
  return NULL;
}

void
bw_ui_close_window (BwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  bw_ui_drain ();
}

GtkWidget *
bw_ui_find (GtkWidget     *root,
            BwWidgetMatch  match,
            gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bw_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
bw_ui_match_label (GtkWidget     *widget,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
bw_ui_match_type (GtkWidget     *widget,
                  gconstpointer  gtype)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (gtype));
}

gboolean
bw_ui_match_name (GtkWidget     *widget,
                  gconstpointer  name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), name) == 0)
    return TRUE;

  return FALSE;
}

void
bw_ui_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  if (GTK_IS_BUTTON (button))
    g_signal_emit_by_name (button, "clicked");
  else
    g_assert_true (gtk_widget_activate (button));
  bw_ui_drain ();
}

void
bw_ui_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *folder = g_getenv ("BW_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;

  if (folder == NULL || *folder == '\0')
    return;

  bw_ui_settle (100);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_mkdir_with_parents (folder, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

gboolean
bw_ui_test_init (int        *argc,
                 char     ***argv,
                 const char *name)
{
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *home = NULL;
  g_autofree char *folder = g_strdup_printf ("test-%s-home", name);
  static const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR" };

  /* Recent files, recovery files and settings stay out of the user's.
   * One home for the whole run, not G_TEST_OPTION_ISOLATE_DIRS: GTK's
   * recent-files singleton keeps the data folder of the first test and
   * writes there after that folder is gone. */
  if (build_dir != NULL)
    home = g_build_filename (build_dir, folder, NULL);
  else
    home = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i], path, TRUE);
    }

  g_test_init (argc, argv, NULL);

  /* Meson 1.0 counts exit 77 of a TAP test as a failure (PLATFORM.md). */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  /* GTK 4.8 warns "unexpected blinking selection" when a blink timeout
   * finds text selected by code (a field focused with its text selected);
   * tests make warnings fatal, and the caret need not blink here. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  /* What GtkApplication does for the app: its icons from the resources. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/bulwarkapp/Bulwark/icons");

  return TRUE;
}
