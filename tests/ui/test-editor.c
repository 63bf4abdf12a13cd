/* test-editor.c — drawing on the canvas as a user does (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Input goes through the canvas's own event controllers (the drag and
 * click gestures and the key controller get the signals a pointer or a
 * key would give them) and through the toolbar's buttons and the window's
 * actions; what the test checks is the document, the selection and the
 * undo stack, and in the end the saved file.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-application.h"
#include "bw-command-stack.h"
#include "bw-geometry.h"
#include "bw-project-io.h"
#include "bw-rule-library.h"
#include "bw-rule-property.h"
#include "bw-window.h"
#include "bw-ui-test-utils.h"

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static BwWindow *
open_window (BwProject *project)
{
  BwWindow *window = bw_window_new (NULL, project);

  gtk_window_present (GTK_WINDOW (window));
  bw_ui_iterate_until (bw_ui_is_mapped, window);
  bw_ui_iterate_until (bw_ui_has_size, bw_window_get_diagram_view (window));
  bw_window_select (window, "diagram:D-1");
  settle ();
  return window;
}

/* Windows are hidden, and destroyed only when every test has run: GTK
 * 4.8's tooltip timeout, started by the synthesized pointer motion, can
 * fire after its window is gone and query the pointer on the freed
 * surface (a GTK bug). A hidden window keeps its surface alive. */
static GPtrArray *closed_windows;

static void
close_window (BwWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_ptr_array_add (closed_windows, window);
  settle ();
}

static void
destroy_closed_windows (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  /* Past every tooltip timeout first. */
  while (g_get_monotonic_time () < end)
    {
      settle ();
      g_usleep (10000);
    }
  for (guint i = 0; i < closed_windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (closed_windows, i));
  g_ptr_array_unref (closed_windows);
  settle ();
}

static void
click (BwDiagramView *view,
       double         x,
       double         y)
{
  bw_ui_drag (view, x, y, x, y);
}

static gboolean
press_key (BwDiagramView   *view,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = bw_ui_find_controller (GTK_WIDGET (view), "edit-keys");
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  settle ();
  return handled;
}

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

static BwRect
rect_of (BwProject  *project,
         const char *id)
{
  BwRect r = { 0 };

  g_assert_true (bw_element_get_rect (element (project, id), &r));
  return r;
}

/* The one element of `kind` on D-1 that the test made: not in the example. */
static const char *
new_element_of_kind (BwProject  *project,
                     const char *kind,
                     guint       example_count)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, "D-1");
  const char *found = NULL;

  for (guint i = example_count; i < elements->len; i++)
    if (g_strcmp0 (bw_element_get_kind (g_ptr_array_index (elements, i)), kind) == 0)
      found = bw_record_get_id (g_ptr_array_index (elements, i));
  return found;
}

static guint
count_on_diagram (BwProject *project)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, "D-1");

  return elements->len;
}

static void
rename_to (BwDiagramView *view,
           const char    *name)
{
  GtkEditable *entry = bw_diagram_view_get_rename_entry (view);

  /* The entry is mapped on the next frame, which a loaded machine may
   * take a while to draw. */
  bw_ui_iterate_until (bw_ui_is_mapped, entry);
  gtk_editable_set_text (entry, name);
  g_signal_emit_by_name (entry, "activate");
  settle ();
}

/* Place a process with the tool, name it, connect it to the patient by
 * dragging, move it by dragging; undo and redo all of it; save, reopen,
 * save again: the two files are the same. */
static void
test_editor_draw_undo_save (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(BwProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "editor.bulwark", NULL);
  g_autofree char *path_again = g_build_filename (g_get_tmp_dir (), "editor-again.bulwark", NULL);
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint example_count = count_on_diagram (project);
  const char *process, *flow;
  g_autofree char *process_id = NULL;
  g_autofree char *flow_id = NULL;
  BwRect before, after;
  BwElement *f;

  /* The toolbar's Process button, then a click on free space (snapped to
   * the grid: the process is centred on (300, 600)). */
  gtk_toggle_button_set_active (bw_window_get_tool_button (window, BW_DIAGRAM_TOOL_PROCESS), TRUE);
  g_assert_cmpint (bw_diagram_view_get_tool (view), ==, BW_DIAGRAM_TOOL_PROCESS);
  click (view, 302, 598);
  process = new_element_of_kind (project, "process", example_count);
  g_assert_nonnull (process);
  process_id = g_strdup (process);
  after = rect_of (project, process_id);
  g_assert_cmpfloat (after.x + after.width / 2, ==, 300);
  g_assert_cmpfloat (after.y + after.height / 2, ==, 600);
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, process_id);
  /* One shot: the tool goes back to selecting. */
  g_assert_cmpint (bw_diagram_view_get_tool (view), ==, BW_DIAGRAM_TOOL_SELECT);
  g_assert_true (gtk_toggle_button_get_active (bw_window_get_tool_button (window, BW_DIAGRAM_TOOL_SELECT)));

  /* The name is typed straight away. */
  rename_to (view, "Pump firmware");
  g_assert_cmpstr (bw_element_get_name (element (project, process_id)), ==, "Pump firmware");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);

  /* Connect: the flow tool (key F), a drag from the process to Patient. */
  g_assert_true (press_key (view, GDK_KEY_f, 0));
  g_assert_cmpint (bw_diagram_view_get_tool (view), ==, BW_DIAGRAM_TOOL_DATA_FLOW);
  bw_ui_drag (view, 300, 600, 130, 110);
  flow = new_element_of_kind (project, "data_flow", example_count);
  g_assert_nonnull (flow);
  flow_id = g_strdup (flow);
  f = element (project, flow_id);
  g_assert_cmpstr (bw_element_get_source (f), ==, process_id);
  g_assert_cmpstr (bw_element_get_target (f), ==, "EE-1");
  rename_to (view, "Dose log");
  g_assert_cmpstr (bw_element_get_name (f), ==, "Dose log");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 4);

  /* Move by drag: one step for the whole drag, snapped to the grid. */
  before = rect_of (project, process_id);
  bw_ui_drag (view, 300, 600, 353, 628);
  after = rect_of (project, process_id);
  g_assert_cmpfloat (after.x - before.x, ==, 50);
  g_assert_cmpfloat (after.y - before.y, ==, 30);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 5);

  /* Arrow keys: a grid step, Shift for one unit. */
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_true (press_key (view, GDK_KEY_Down, GDK_SHIFT_MASK));
  after = rect_of (project, process_id);
  g_assert_cmpfloat (after.x - before.x, ==, 60);
  g_assert_cmpfloat (after.y - before.y, ==, 31);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 7);

  /* The preference's grid size is the arrow keys' step too. */
  g_object_set (view, "grid-size", 25.0, NULL);
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_cmpfloat (rect_of (project, process_id).x - before.x, ==, 85);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_object_set (view, "grid-size", BW_DIAGRAM_VIEW_GRID, NULL);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 7);

  /* Undo everything, step by step; the selection comes back with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  after = rect_of (project, process_id);
  g_assert_cmpfloat (after.x, ==, before.x);
  g_assert_cmpfloat (after.y, ==, before.y);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (element (project, flow_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (bw_element_get_name (element (project, process_id)), ==, "Process");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (element (project, process_id));
  g_assert_false (bw_project_get_modified (project));

  for (guint i = 0; i < 7; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (bw_element_get_name (element (project, process_id)), ==, "Pump firmware");
  g_assert_cmpstr (bw_element_get_name (element (project, flow_id)), ==, "Dose log");
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, process_id);
  after = rect_of (project, process_id);
  g_assert_cmpfloat (after.x - before.x, ==, 60);

  /* Save, reopen, save again. */
  file = g_file_new_for_path (path);
  again = g_file_new_for_path (path_again);
  g_assert_true (bw_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  reopened = bw_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bw_element_get_name (element (reopened, process_id)), ==, "Pump firmware");
  g_assert_cmpstr (bw_element_get_target (element (reopened, flow_id)), ==, "EE-1");
  g_assert_true (bw_project_save_to_file (reopened, again, 0, NULL, &error));
  g_assert_no_error (error);
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  saved_again = g_file_load_bytes (again, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                   g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again));

  close_window (window);
}

/* Rubber band, a click among several selected, Ctrl+A; Delete with its toast; undo brings
 * back the elements and the selection. */
static void
test_editor_select_and_delete (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  guint count = count_on_diagram (project);
  const char * const *selection;

  /* A band around Patient (60, 80, 140, 60) and Clinician (60, 420, …). */
  bw_ui_drag (view, 40, 60, 220, 500);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 2);
  g_assert_true (g_strv_contains (selection, "EE-1"));
  g_assert_true (g_strv_contains (selection, "EE-2"));

  bw_diagram_view_set_selection (view, (const char *[]) { "EE-1", "EE-2", "EE-3", NULL });

  /* A click on one of them selects just that one. */
  click (view, 130, 110);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, "EE-1");

  /* A click on nothing selects nothing. */
  click (view, 300, 700);
  g_assert_null (bw_diagram_view_get_selected_id (view));

  g_assert_true (press_key (view, GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_strv_length ((char **) bw_diagram_view_get_selection (view)), ==, count);

  /* Delete the two entities on the left (their flows go with them). */
  bw_diagram_view_set_selection (view, (const char *[]) { "EE-1", "EE-2", NULL });
  g_assert_true (press_key (view, GDK_KEY_Delete, 0));
  g_assert_null (element (project, "EE-1"));
  g_assert_null (element (project, "EE-2"));
  g_assert_null (bw_diagram_view_get_selected_id (view));
  g_assert_cmpuint (count_on_diagram (project), <, count - 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (element (project, "EE-1"));
  g_assert_nonnull (element (project, "EE-2"));
  g_assert_cmpuint (count_on_diagram (project), ==, count);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 2);

  bw_command_stack_mark_clean (bw_project_get_command_stack (project));
  close_window (window);
}

/* Shift+click adds an element to the selection and takes a selected one
 * out again; the rest of the selection stays. */
static void
test_editor_shift_click (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  GtkEventController *keys = bw_ui_find_controller (GTK_WIDGET (view), "edit-keys");
  const char * const *selection;
  gboolean handled;

  /* Patient (60, 80, 140×60), Clinician (60, 420), CGM sensor (840, 80). */
  click (view, 130, 110);
  g_assert_cmpstrv (bw_diagram_view_get_selection (view), ((const char *[]) { "EE-1", NULL }));

  g_signal_emit_by_name (keys, "modifiers", GDK_SHIFT_MASK, &handled);
  click (view, 130, 450);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 2);
  g_assert_true (g_strv_contains (selection, "EE-1"));
  g_assert_true (g_strv_contains (selection, "EE-2"));
  click (view, 915, 110);
  g_assert_cmpuint (g_strv_length ((char **) bw_diagram_view_get_selection (view)), ==, 3);

  /* Again on a selected one: out it goes. */
  click (view, 130, 110);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 2);
  g_assert_false (g_strv_contains (selection, "EE-1"));
  g_assert_true (g_strv_contains (selection, "EE-2"));
  g_assert_true (g_strv_contains (selection, "EE-3"));

  /* Shift on empty canvas keeps the selection. */
  click (view, 300, 700);
  g_assert_cmpuint (g_strv_length ((char **) bw_diagram_view_get_selection (view)), ==, 2);

  /* Without Shift a click selects just the one again. */
  g_signal_emit_by_name (keys, "modifiers", 0, &handled);
  click (view, 130, 110);
  g_assert_cmpstrv (bw_diagram_view_get_selection (view), ((const char *[]) { "EE-1", NULL }));
  /* Selecting is no edit. */
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));

  close_window (window);
}

/* Resize by a corner handle, bend a flow by dragging its line, reconnect
 * a flow's end by dragging it to another node, draw a box boundary. */
static void
test_editor_resize_bend_reconnect (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwRect r;
  GArray *points;
  guint depth;

  /* Patient is (60, 80, 140, 60); its handles sit 4 units outside. */
  bw_diagram_view_set_selected_id (view, "EE-1");
  bw_ui_drag (view, 204, 144, 244, 174);
  r = rect_of (project, "EE-1");
  g_assert_cmpfloat (r.x, ==, 60);
  g_assert_cmpfloat (r.y, ==, 80);
  g_assert_cmpfloat (r.width, ==, 180);
  g_assert_cmpfloat (r.height, ==, 90);
  depth = bw_command_stack_get_depth (stack);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  r = rect_of (project, "EE-1");
  g_assert_cmpfloat (r.width, ==, 140);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  /* DF-6 runs straight from Update server (840, 420, 160, 60) to the
   * pump; dragging its middle makes a bend where the button goes up. */
  {
    BwElement *flow = element (project, "DF-6");
    g_autoptr(GArray) route = bw_geometry_dup_flow_path (project, flow);
    BwVec a = g_array_index (route, BwVec, 0);
    BwVec b = g_array_index (route, BwVec, route->len - 1);
    BwVec mid = bw_vec_lerp (&a, &b, 0.5);
    guint n_before = bw_element_get_points (flow)->len;

    bw_diagram_view_set_selection (view, NULL);
    bw_ui_drag (view, mid.x, mid.y, 700, 560);
    points = bw_element_get_points (flow);
    g_assert_cmpuint (points->len, ==, n_before + 1);
    g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  }

  /* Reconnect DF-6's source end from Update server to Clinician. */
  {
    BwElement *flow = element (project, "DF-6");
    BwVec end = { 0 };
    gboolean found = FALSE;
    g_autoptr(GArray) route = bw_geometry_dup_flow_path (project, flow);
    BwRect server = rect_of (project, "EE-4");

    /* Where the line leaves the server's outline: walk from the first
     * bend to the server's centre until inside. */
    for (double t = 0; t <= 1.0 && !found; t += 0.005)
      {
        BwVec p = bw_vec_lerp (&g_array_index (route, BwVec, 1), &g_array_index (route, BwVec, 0), t);

        if (bw_rect_contains_point (&server, p.x, p.y))
          {
            end = p;
            found = TRUE;
          }
      }
    g_assert_true (found);
    bw_diagram_view_set_selected_id (view, "DF-6");
    bw_ui_drag (view, end.x, end.y, 130, 450);
    g_assert_cmpstr (bw_element_get_source (flow), ==, "EE-2");
  }

  /* A box boundary drawn with the tool (key B). */
  {
    guint count = count_on_diagram (project);

    g_assert_true (press_key (view, GDK_KEY_b, 0));
    bw_ui_drag (view, 700, 180, 1000, 330);
    g_assert_cmpuint (count_on_diagram (project), ==, count + 1);
    r = rect_of (project, bw_diagram_view_get_selected_id (view));
    g_assert_cmpfloat (r.x, ==, 700);
    g_assert_cmpfloat (r.width, ==, 300);
    g_assert_cmpfloat (r.height, ==, 150);
  }

  bw_command_stack_mark_clean (stack);
  close_window (window);
}

/* Tab walks the elements; the canvas's accessible label names the one
 * with the focus. */
static void
test_editor_keyboard_focus (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, "EE-1");
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, "EE-2");
  g_assert_true (press_key (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, "EE-1");

  /* F2 renames inline. */
  g_assert_true (press_key (view, GDK_KEY_F2, 0));
  rename_to (view, "Person with diabetes");
  g_assert_cmpstr (bw_element_get_name (element (project, "EE-1")), ==, "Person with diabetes");

  /* Escape: first the tool, then the selection. */
  g_assert_true (press_key (view, GDK_KEY_p, 0));
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_cmpint (bw_diagram_view_get_tool (view), ==, BW_DIAGRAM_TOOL_SELECT);
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_null (bw_diagram_view_get_selected_id (view));

  bw_command_stack_mark_clean (bw_project_get_command_stack (project));
  close_window (window);
}

static void
pasted_cb (BwDiagramView *view,
           gboolean      *pasted)
{
  *pasted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Ctrl+V reads the clipboard asynchronously, as with any other source. */
static void
paste_and_wait (BwDiagramView *view)
{
  gboolean pasted = FALSE;
  gulong id = g_signal_connect (view, "pasted", G_CALLBACK (pasted_cb), &pasted);

  g_assert_true (press_key (view, GDK_KEY_v, GDK_CONTROL_MASK));
  bw_ui_iterate_until (is_true, &pasted);
  g_signal_handler_disconnect (view, id);
}

static void
cut_cb (BwDiagramView *view,
        guint          n,
        guint         *out)
{
  *out = n;
}

/* Copy Patient and the pump with the flow between them; paste twice into
 * the same diagram (new IDs, offset), once into another window's project;
 * Ctrl+D duplicates; each is one undo step. */
static void
test_editor_copy_paste (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(BwProject) other = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwWindow *second = open_window (other);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  BwDiagramView *other_view = bw_window_get_diagram_view (second);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint count = count_on_diagram (project);
  const char * const *selection;
  BwRect original = rect_of (project, "EE-1");
  BwRect r;

  bw_diagram_view_set_selection (view, (const char *[]) { "EE-1", "P-1", "DF-1", NULL });
  g_assert_true (press_key (view, GDK_KEY_c, GDK_CONTROL_MASK));

  paste_and_wait (view);
  g_assert_cmpuint (count_on_diagram (project), ==, count + 3);
  selection = bw_diagram_view_get_selection (view);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 3);
  g_assert_false (g_strv_contains (selection, "EE-1"));
  r = rect_of (project, selection[0]);
  g_assert_cmpfloat (r.x, ==, original.x + 20);
  g_assert_cmpfloat (r.y, ==, original.y + 20);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  /* The second paste lands further aside. */
  paste_and_wait (view);
  g_assert_cmpuint (count_on_diagram (project), ==, count + 6);
  r = rect_of (project, bw_diagram_view_get_selection (view)[0]);
  g_assert_cmpfloat (r.x, ==, original.x + 40);

  /* Into the other window's project. */
  gtk_widget_grab_focus (GTK_WIDGET (other_view));
  paste_and_wait (other_view);
  g_assert_cmpuint (count_on_diagram (other), ==, count + 3);

  /* Duplicate what was just pasted here. */
  g_assert_true (press_key (view, GDK_KEY_d, GDK_CONTROL_MASK));
  g_assert_cmpuint (count_on_diagram (project), ==, count + 9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_on_diagram (project), ==, count + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_on_diagram (project), ==, count);
  g_assert_cmpstr (bw_diagram_view_get_selection (view)[0], ==, "EE-1");

  /* Ctrl+X takes the patient and its flows off, tells the window (which
   * offers Undo), and one undo puts them back. */
  {
    guint cut = 0;

    g_signal_connect (view, "cut", G_CALLBACK (cut_cb), &cut);
    bw_diagram_view_set_selection (view, (const char *[]) { "EE-1", NULL });
    g_assert_true (press_key (view, GDK_KEY_x, GDK_CONTROL_MASK));
    g_assert_null (bw_project_lookup (project, "EE-1"));
    g_assert_cmpuint (cut, >=, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_nonnull (bw_project_lookup (project, "EE-1"));
    g_assert_cmpuint (count_on_diagram (project), ==, count);
    g_signal_handlers_disconnect_by_func (view, cut_cb, &cut);
  }

  bw_command_stack_mark_clean (stack);
  bw_command_stack_mark_clean (bw_project_get_command_stack (other));
  close_window (second);
  close_window (window);
}

/* Decompose a process of the level-1 DFD, go up and down the hierarchy,
 * undo; arrange a diagram with Graphviz as one step. */
static void
test_editor_decompose_navigate_arrange (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GPtrArray) level1 = bw_project_dup_diagram_elements (project, "D-2");
  guint n_diagrams = g_list_model_get_n_items (bw_project_get_diagrams (project));
  g_autofree char *new_key = NULL;
  const char *process = NULL;
  BwRect before, after;

  for (guint i = 0; i < level1->len && process == NULL; i++)
    if (bw_element_get_kind_enum (g_ptr_array_index (level1, i)) == BW_ELEMENT_PROCESS)
      process = bw_record_get_id (g_ptr_array_index (level1, i));
  g_assert_nonnull (process);

  /* The context diagram's pump is detailed by D-2: down and up again. */
  bw_diagram_view_set_selected_id (view, "P-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diagram-down", NULL));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diagram-up", NULL));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-1");
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, "P-1");

  /* Decompose a process of D-2: a new diagram, shown at once. */
  bw_window_select (window, "diagram:D-2");
  bw_diagram_view_set_selected_id (view, process);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.decompose", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (project)), ==, n_diagrams + 1);
  new_key = g_strdup (bw_window_get_selected_key (window));
  g_assert_cmpstr (new_key, !=, "diagram:D-2");
  g_assert_cmpstr (bw_diagram_get_refines (BW_DIAGRAM (bw_project_lookup (project, new_key + strlen ("diagram:")))),
                   ==, process);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diagram-up", NULL));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagram:D-2");
  g_assert_cmpstr (bw_diagram_view_get_selected_id (view), ==, process);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diagram-down", NULL));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, new_key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (project)), ==, n_diagrams);

  /* Arrange the context diagram: nodes move, one undo step puts them back. */
  bw_window_select (window, "diagram:D-1");
  before = rect_of (project, "EE-3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.arrange", NULL));
  settle ();
  after = rect_of (project, "EE-3");
  g_assert_true (after.x != before.x || after.y != before.y);
  g_assert_cmpfloat (after.width, ==, before.width);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  after = rect_of (project, "EE-3");
  g_assert_cmpfloat (after.x, ==, before.x);
  g_assert_cmpfloat (after.y, ==, before.y);

  bw_command_stack_mark_clean (stack);
  close_window (window);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A property row: its title is in words, its widget name the JSON name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkSwitch *
switch_of (GtkWidget *row)
{
  GtkWidget *found = NULL;

  for (GtkWidget *w = row; w != NULL && found == NULL; )
    {
      if (GTK_IS_SWITCH (w))
        found = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == row) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (found);
  return GTK_SWITCH (found);
}

/* The inspector edits a process's description (typing is one undo step),
 * its typed properties from the rule library, out of scope; a flow's
 * target and direction. */
static void
test_editor_inspector (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = open_window (project);
  BwDiagramView *view = bw_window_get_diagram_view (window);
  GtkWidget *inspector = GTK_WIDGET (bw_window_get_inspector (window));
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwElement *pump = element (project, "P-1");
  GtkWidget *row;
  JsonObject *values;
  GListModel *vocabulary;

  bw_diagram_view_set_selected_id (view, "P-1");
  settle ();
  row = find_row (inspector, "Description");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "D");
  gtk_editable_set_text (GTK_EDITABLE (row), "Do");
  gtk_editable_set_text (GTK_EDITABLE (row), "Doses insulin");
  g_assert_cmpstr (bw_element_get_description (pump), ==, "Doses insulin");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  /* Out of scope, with its reason. */
  gtk_switch_set_active (switch_of (find_row (inspector, "Out of Scope")), TRUE);
  g_assert_true (bw_element_get_out_of_scope (pump));
  gtk_editable_set_text (GTK_EDITABLE (find_row (inspector, "Reason for Out of Scope")), "Supplier part");
  g_assert_cmpstr (bw_element_get_out_of_scope_reason (pump), ==, "Supplier part");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 3);

  /* Every property the rule library knows for processes has a field; a
   * boolean one is a switch that writes a JSON boolean. */
  vocabulary = bw_rule_library_get_properties (bw_rule_library_get_builtin (), "process");
  g_assert_cmpuint (g_list_model_get_n_items (vocabulary), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (vocabulary); i++)
    {
      g_autoptr(BwRuleProperty) property = g_list_model_get_item (vocabulary, i);

      row = find_named (inspector, bw_rule_property_get_name (property));
      g_assert_nonnull (row);
      /* Titled in words, not by the file's name for it. */
      g_assert_null (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), '_'));
      if (bw_rule_property_get_value_type (property) == BW_RULE_PROPERTY_BOOL)
        {
          GtkSwitch *toggle = switch_of (row);
          gboolean was = gtk_switch_get_active (toggle);

          gtk_switch_set_active (toggle, !was);
          values = bw_element_get_properties (pump);
          g_assert_true (json_object_has_member (values, bw_rule_property_get_name (property)));
          g_assert_cmpint (json_object_get_boolean_member (values, bw_rule_property_get_name (property)), ==, !was);
        }
    }

  /* Undo goes back field by field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* A flow: another target, both directions. */
  bw_diagram_view_set_selected_id (view, "DF-1");
  settle ();
  {
    AdwComboRow *to = ADW_COMBO_ROW (find_row (inspector, "To"));
    GListModel *names = adw_combo_row_get_model (to);
    guint clinician = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Clinician") == 0)
        clinician = i;
    g_assert_cmpuint (clinician, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (to, clinician);
    g_assert_cmpstr (bw_element_get_target (element (project, "DF-1")), ==, "EE-2");
    gtk_switch_set_active (switch_of (find_row (inspector, "Both Directions")), TRUE);
    g_assert_true (bw_element_get_bidirectional (element (project, "DF-1")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpstr (bw_element_get_target (element (project, "DF-1")), !=, "EE-2");
    g_assert_false (bw_element_get_bidirectional (element (project, "DF-1")));
  }

  bw_command_stack_mark_clean (stack);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bw_ui_test_init (&argc, &argv, "editor"))
    return 0;

  g_test_add_func ("/ui/editor/draw-undo-save", test_editor_draw_undo_save);
  g_test_add_func ("/ui/editor/select-and-delete", test_editor_select_and_delete);
  g_test_add_func ("/ui/editor/shift-click", test_editor_shift_click);
  g_test_add_func ("/ui/editor/resize-bend-reconnect", test_editor_resize_bend_reconnect);
  g_test_add_func ("/ui/editor/keyboard-focus", test_editor_keyboard_focus);
  g_test_add_func ("/ui/editor/copy-paste", test_editor_copy_paste);
  g_test_add_func ("/ui/editor/decompose-navigate-arrange", test_editor_decompose_navigate_arrange);
  g_test_add_func ("/ui/editor/inspector", test_editor_inspector);

  closed_windows = g_ptr_array_new ();
  status = g_test_run ();
  destroy_closed_windows ();

  return status;
}
