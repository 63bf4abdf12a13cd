/* test-window.c — the project window as a user sees it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-application.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"
#include "bw-sidebar-row.h"
#include "bw-window.h"
#include "bw-ui-test-utils.h"

typedef struct
{
  BwDiagramView *view;
  guint          count;
} DrawWait;

static gboolean
has_drawn_again (gpointer data)
{
  DrawWait *wait = data;

  return bw_diagram_view_get_draw_count (wait->view) > wait->count;
}

static void
wait_for_redraw (BwDiagramView *view,
                 guint          count_before)
{
  DrawWait wait = { view, count_before };

  bw_ui_iterate_until (has_drawn_again, &wait);
}

/* Presents a window and waits until the diagram it opens on has a size
 * (and so is fitted), as a user would see it. */
static BwWindow *
open_window (BwProject *project)
{
  BwWindow *window = bw_window_new (NULL, project);

  gtk_window_present (GTK_WINDOW (window));
  bw_ui_iterate_until (bw_ui_is_mapped, window);
  bw_ui_iterate_until (bw_ui_has_size, bw_window_get_diagram_view (window));

  return window;
}

static void
close_window (BwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* How many pixels of the view's own drawing are not transparent: the
 * widget is rendered to a texture with the window's renderer. */
static guint
count_drawn_pixels (BwDiagramView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  guint drawn = 0;

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view)));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  for (int i = 0; i < width * height; i++)
    if (pixels[i * 4 + 3] != 0)
      drawn++;

  return drawn;
}

static void
test_window_lists_diagrams (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  GListModel *diagrams = bw_project_get_diagrams (project);
  BwWindow *window;
  guint n_diagram_rows = 0;

  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, 2);

  window = open_window (project);
  g_assert_true (bw_window_get_project (window) == project);

  /* Each diagram has its row, titled with its name, below "Diagrams". */
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);
      g_autofree char *key = g_strconcat ("diagram:", bw_record_get_id (BW_RECORD (diagram)), NULL);
      BwSidebarRow *row = bw_ui_sidebar_row (window, key);

      g_assert_nonnull (row);
      g_assert_cmpstr (bw_sidebar_row_get_title (row), ==, bw_diagram_get_name (diagram));
      g_assert_cmpint (bw_sidebar_row_get_count (row), >, 0);
      n_diagram_rows++;
    }
  g_assert_cmpuint (n_diagram_rows, ==, 2);

  /* The steps carry the counts of the project's collections. */
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "diagrams")), ==, 2);
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "assets")), ==,
                   g_list_model_get_n_items (bw_project_get_assets (project)));
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "threats")), ==,
                   g_list_model_get_n_items (bw_project_get_threats (project)));
  g_assert_nonnull (bw_ui_sidebar_row (window, "objectives"));
  g_assert_nonnull (bw_ui_sidebar_row (window, "requirements"));
  g_assert_nonnull (bw_ui_sidebar_row (window, "attack-trees"));
  g_assert_nonnull (bw_ui_sidebar_row (window, "report"));

  /* The window opens on the first diagram. */
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-1");
  g_assert_cmpstr (bw_diagram_view_get_diagram_id (bw_window_get_diagram_view (window)), ==, "D-1");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Connected insulin pump – Bulwark");

  close_window (window);
}

static void
test_window_shows_each_diagram (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  const char *ids[] = { "D-2", "D-1", "D-2" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *key = g_strconcat ("diagram:", ids[i], NULL);
      guint count = bw_diagram_view_get_draw_count (view);

      g_assert_true (bw_window_select (window, key));
      g_assert_cmpstr (bw_diagram_view_get_diagram_id (view), ==, ids[i]);
      wait_for_redraw (view, count);
      g_assert_cmpuint (count_drawn_pixels (view), >, 1000);
    }

  /* A step without its own page yet shows a placeholder, not the view. */
  g_assert_true (bw_window_select (window, "threats"));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  close_window (window);
}

static void
test_window_zoom_per_diagram (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  double fitted;

  bw_window_select (window, "diagram:D-1");
  fitted = bw_diagram_view_get_zoom (view);
  g_assert_cmpfloat (fitted, >, 0.1);
  g_assert_cmpfloat (fitted, <=, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (bw_diagram_view_get_zoom (view), 1.0, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (bw_diagram_view_get_zoom (view), >, 1.0);

  /* Another diagram is fitted on its own; coming back restores the zoom. */
  bw_window_select (window, "diagram:D-2");
  g_assert_cmpfloat (bw_diagram_view_get_zoom (view), <=, 1.0);
  bw_window_select (window, "diagram:D-1");
  g_assert_cmpfloat (bw_diagram_view_get_zoom (view), >, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (bw_diagram_view_get_zoom (view), fitted, 1e-9);

  close_window (window);
}

/* The first button in `widget` that activates `action`. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
element_name (BwProject  *project,
              const char *id)
{
  return bw_element_get_name (BW_ELEMENT (bw_project_lookup (project, id)));
}

static void
test_window_undo_redo (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  BwInspector *inspector = bw_window_get_inspector (window);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GError) error = NULL;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  const char *title;
  guint count;

  undo_button = find_action_button (GTK_WIDGET (window), "win.undo");
  redo_button = find_action_button (GTK_WIDGET (window), "win.redo");
  g_assert_nonnull (undo_button);
  g_assert_nonnull (redo_button);

  bw_window_select (window, "diagram:D-1");
  g_assert_false (bw_command_stack_get_can_undo (stack));
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  /* Selecting in the view shows the element in the inspector. */
  bw_diagram_view_set_selected_id (view, "P-1");
  g_assert_cmpstr (bw_inspector_get_element_id (inspector), ==, "P-1");

  count = bw_diagram_view_get_draw_count (view);
  g_assert_true (bw_inspector_apply_name (inspector, "Pump", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (element_name (project, "P-1"), ==, "Pump");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "• "));
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));
  wait_for_redraw (view, count);

  count = bw_diagram_view_get_draw_count (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_widget_get_sensitive (redo_button));
  g_assert_cmpstr (element_name (project, "P-1"), ==, "Insulin pump system");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_false (g_str_has_prefix (title, "• "));
  g_assert_false (bw_project_get_modified (project));
  wait_for_redraw (view, count);

  /* Undo shows where the change was: from another page, back on the
   * diagram with the element selected. */
  bw_window_select (window, "diagram:D-2");
  g_assert_null (bw_diagram_view_get_selected_id (view));
  count = bw_diagram_view_get_draw_count (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-1");
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, "P-1");
  g_assert_cmpstr (element_name (project, "P-1"), ==, "Pump");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "• "));
  wait_for_redraw (view, count);

  /* Applying the unchanged name is not an edit. */
  g_assert_true (bw_inspector_apply_name (inspector, "Pump", &error));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  bw_command_stack_mark_clean (stack);
  close_window (window);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_window_save_as_round_trip (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(BwProject) reopened = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path_again = NULL;
  BwWindow *window = open_window (project);
  BwWindow *second;

  path = g_build_filename (g_get_tmp_dir (), "round-trip.bulwark", NULL);
  path_again = g_build_filename (g_get_tmp_dir (), "round-trip-again.bulwark", NULL);
  file = g_file_new_for_path (path);
  again = g_file_new_for_path (path_again);

  g_assert_true (bw_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (bw_project_get_file (project), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip.bulwark – Bulwark");
  saved = read_file (file);

  reopened = bw_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  second = open_window (reopened);
  g_assert_true (bw_window_save_to_file (second, again, &error));
  g_assert_no_error (error);
  saved_again = read_file (again);

  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                   g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again));

  close_window (second);
  close_window (window);
}

static BwApplication *app;

static void
test_window_refused_file (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  BwWindow *window;
  GtkWindow *dialog = NULL;

  window = bw_window_new (app, project);
  gtk_window_present (GTK_WINDOW (window));

  path = g_build_filename (g_get_tmp_dir (), "broken.bulwark", NULL);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"bulwark\", ", -1, NULL));
  file = g_file_new_for_path (path);

  bw_application_open_file (app, file, GTK_WINDOW (window));

  /* The window keeps its project; a dialog names the file. */
  g_assert_true (bw_window_get_project (window) == project);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could not open “broken.bulwark”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");

  gtk_window_destroy (dialog);
  close_window (window);
}

static void
test_window_open_reuses_new_window (void)
{
  g_autoptr(BwProject) example = bw_ui_load_example ();
  g_autoptr(BwProject) empty = bw_project_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BwWindow *window;
  GList *windows;

  path = g_build_filename (g_get_tmp_dir (), "reuse.bulwark", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (bw_project_save_to_file (example, file, BW_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  window = bw_window_new (app, empty);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bw_window_is_pristine (window));

  /* A window still showing an untouched new project takes the file. */
  bw_application_open_file (app, file, GTK_WINDOW (window));
  g_assert_true (bw_window_get_project (window) != empty);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "reuse.bulwark – Bulwark");
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-1");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* Opening it again raises that window instead of a second copy. */
  bw_application_open_file (app, file, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l; l = l->next)
    close_window (l->data);
  g_list_free (windows);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bw_ui_test_init (&argc, &argv, "window"))
    return 0;

  g_test_add_func ("/ui/window/lists-diagrams", test_window_lists_diagrams);
  g_test_add_func ("/ui/window/shows-each-diagram", test_window_shows_each_diagram);
  g_test_add_func ("/ui/window/zoom-per-diagram", test_window_zoom_per_diagram);
  g_test_add_func ("/ui/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/ui/window/save-as-round-trip", test_window_save_as_round_trip);
  g_test_add_func ("/ui/window/refused-file", test_window_refused_file);
  g_test_add_func ("/ui/window/open-reuses-new-window", test_window_open_reuses_new_window);

  app = bw_ui_application_new ();

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
