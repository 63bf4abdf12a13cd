/* test-app.c — the application around the windows: start page, recovery
 * offer, autosave, preferences, about
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bw-application.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-preferences.h"
#include "bw-recovery.h"
#include "bw-start-page.h"
#include "bw-ui-test-utils.h"
#include "bw-window.h"

static BwApplication *app;
static char *home;

/* Helpers */

static GList *
app_windows (void)
{
  return gtk_application_get_windows (GTK_APPLICATION (app));
}

static gpointer
find_window_of_type (GType type)
{
  for (GList *l = app_windows (); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static gpointer
find_toplevel_of_type (GType type)
{
  gpointer found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

static void
destroy_all_windows (void)
{
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  bw_ui_drain ();
}

static char *
recovery_dir (void)
{
  return bw_recovery_dup_default_dir ();
}

static guint
count_recovery_files (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (d != NULL)
    while (g_dir_read_name (d) != NULL)
      n++;
  return n;
}

static gboolean
recovery_written (gpointer data)
{
  return count_recovery_files () == GPOINTER_TO_UINT (data);
}

static void
clear_recovery_dir (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
}

/* The example saved in the home, its title replaced when `title` is set. */
static GFile *
save_example_as (const char *name,
                 const char *title)
{
  g_autoptr(GBytes) bytes = bw_project_dup_example_bytes ();
  g_autofree char *path = g_build_filename (home, name, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;

  if (title != NULL)
    {
      g_autofree char *escaped = g_strescape (title, NULL);
      g_autofree char *member = g_strdup_printf ("\"title\": \"%s\"", escaped);

      g_assert_cmpuint (g_string_replace (text, "\"title\": \"Connected insulin pump\"", member, 1), ==, 1);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
rename_asset (BwProject  *project,
              const char *name)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  command = bw_command_set_property_new (project, "A-1", "name", &value);
  g_value_unset (&value);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gboolean
recent_rows_are (gpointer data)
{
  BwStartPage *page = find_window_of_type (BW_TYPE_START_PAGE);
  GtkWidget *list;
  guint n = 0;

  if (page == NULL)
    return FALSE;
  list = GTK_WIDGET (bw_start_page_get_recent_list (page));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;
  return n == GPOINTER_TO_UINT (data);
}

/* Tests */

/* Started without a file: the start page, not an untitled project. Its
 * recent list shows model titles (escaped), file names and dates, newest
 * first; New goes to the editor and the start page goes. */
static void
test_start_page (void)
{
  g_autoptr(GFile) older = save_example_as ("older.bulwark", "Pump <v2> & hub");
  g_autoptr(GFile) newer = save_example_as ("newer.bulwark", NULL);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *older_uri = g_file_get_uri (older);
  g_autofree char *newer_uri = g_file_get_uri (newer);
  GtkRecentData data = { NULL, NULL, (char *) "application/x-bulwark", (char *) "bulwark",
                         (char *) "bulwark %u", NULL, FALSE };
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  BwStartPage *page;
  GtkWidget *first;
  GtkWidget *second;
  BwWindow *window;

  gtk_recent_manager_purge_items (recent, NULL);
  g_assert_true (gtk_recent_manager_add_full (recent, older_uri, &data));
  g_usleep (1100 * 1000);  /* recent dates have a resolution of a second */
  g_assert_true (gtk_recent_manager_add_full (recent, newer_uri, &data));

  g_application_activate (G_APPLICATION (app));
  page = find_window_of_type (BW_TYPE_START_PAGE);
  g_assert_nonnull (page);
  g_assert_null (find_window_of_type (BW_TYPE_WINDOW));
  bw_ui_iterate_until ((gpointer) recent_rows_are, GUINT_TO_POINTER (2));

  first = gtk_widget_get_first_child (GTK_WIDGET (bw_start_page_get_recent_list (page)));
  second = gtk_widget_get_next_sibling (first);
  g_assert_cmpstr (row_title (first), ==, "Connected insulin pump");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "newer.bulwark · Today, "));
  g_assert_cmpstr (row_title (second), ==, "Pump &lt;v2&gt; &amp; hub");
  bw_ui_screenshot (GTK_WIDGET (page), "start-page");

  /* New projects start with the method of the preferences. */
  settings = g_object_ref (bw_application_get_settings (app));
  g_settings_set_string (settings, "new-project-risk-method", "conservative");
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  bw_ui_drain ();
  window = find_window_of_type (BW_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_null (find_window_of_type (BW_TYPE_START_PAGE));
  g_assert_cmpstr (bw_risk_method_get_name (bw_project_get_risk_method (bw_window_get_project (window))),
                   ==, "Exploitability x severity (5x5, conservative)");
  g_assert_false (bw_project_get_modified (bw_window_get_project (window)));
  g_settings_reset (settings, "new-project-risk-method");

  destroy_all_windows ();
  gtk_recent_manager_purge_items (recent, NULL);
}

/* Whether `widget` itself takes dropped files. */
static gboolean
has_file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      const GType *types;
      gsize n = 0;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n);
      for (gsize j = 0; j < n; j++)
        if (types[j] == GDK_TYPE_FILE_LIST)
          return TRUE;
    }
  return FALSE;
}

/* A recent row, a dropped project and a dropped non-model: the first two
 * open (the start page goes), the last is refused over the start page. */
static void
test_start_page_opens (void)
{
  g_autoptr(GFile) project = save_example_as ("dropped.bulwark", NULL);
  g_autofree char *junk_path = g_build_filename (home, "picture.png", NULL);
  g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
  g_autofree char *uri = g_file_get_uri (project);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  BwStartPage *page;
  AdwMessageDialog *dialog;
  BwWindow *window;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (junk_path, "\x89PNG not really", -1, NULL));

  /* Dropped junk: a message over the start page, which stays. */
  page = BW_START_PAGE (bw_application_show_start_page (app));
  /* Files can be dropped anywhere on the page and on a project window. */
  g_assert_true (has_file_drop_target (GTK_WIDGET (page)));
  g_assert_true (bw_start_page_open_dropped_file (page, junk));
  bw_ui_drain ();
  dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (page));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not import “picture.png”");
  g_assert_true (find_window_of_type (BW_TYPE_START_PAGE) == page);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A dropped project opens in its window. */
  g_assert_true (bw_start_page_open_dropped_file (page, project));
  bw_ui_drain ();
  window = find_window_of_type (BW_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), project));
  g_assert_null (find_window_of_type (BW_TYPE_START_PAGE));
  g_assert_true (has_file_drop_target (GTK_WIDGET (window)));
  destroy_all_windows ();

  /* A recent row opens its file. */
  gtk_recent_manager_purge_items (recent, NULL);
  g_assert_true (gtk_recent_manager_add_item (recent, uri));
  page = BW_START_PAGE (bw_application_show_start_page (app));
  bw_ui_iterate_until ((gpointer) recent_rows_are, GUINT_TO_POINTER (1));
  row = gtk_widget_get_first_child (GTK_WIDGET (bw_start_page_get_recent_list (page)));
  g_signal_emit_by_name (bw_start_page_get_recent_list (page), "row-activated", row);
  bw_ui_drain ();
  window = find_window_of_type (BW_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), project));
  g_assert_null (find_window_of_type (BW_TYPE_START_PAGE));

  destroy_all_windows ();
  gtk_recent_manager_purge_items (recent, NULL);
}

/* A window of the app copies unsaved work soon after an edit, and drops
 * the copy once saved; with autosave off nothing is written. */
static void
test_autosave (void)
{
  g_autoptr(GFile) file = save_example_as ("autosave.bulwark", NULL);
  g_autoptr(BwProject) project = bw_project_load_from_file (file, NULL, NULL);
  GSettings *settings = bw_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  clear_recovery_dir ();
  window = bw_application_new_window (app, project);
  rename_asset (project, "Insulin dose (edited)");
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  bw_ui_iterate_until (recovery_written, GUINT_TO_POINTER (2));

  /* A clean save: the file is the truth, the copy goes. */
  g_assert_true (bw_window_save_to_file (BW_WINDOW (window), file, &error));
  g_assert_no_error (error);
  bw_ui_drain ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* Autosave off: edits stay in memory only. */
  g_settings_set_uint (settings, "autosave-interval", 0);
  rename_asset (project, "Insulin dose (edited again)");
  bw_ui_settle (2500);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* On again: the pending edit is copied. */
  g_settings_reset (settings, "autosave-interval");
  bw_ui_iterate_until (recovery_written, GUINT_TO_POINTER (2));

  /* Closing the window (the user chose) removes the copy. */
  destroy_all_windows ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* An orphaned copy is offered; Restore opens it modified and attached to
 * its file, moves the copy to the new window and the old one goes. */
static void
test_recovery_offer (void)
{
  g_autoptr(GFile) file = save_example_as ("crashed.bulwark", NULL);
  g_autoptr(BwProject) project = bw_project_load_from_file (file, NULL, NULL);
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = bw_recovery_new_name ();
  g_autofree char *record_base = g_strconcat (name, ".recovery", NULL);
  g_autofree char *record_path = g_build_filename (dir, record_base, NULL);
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *page;
  GtkWindow *dialog;
  BwWindow *window;
  BwProject *restored;

  clear_recovery_dir ();
  rename_asset (project, "Insulin dose (lost in a crash)");
  g_assert_true (bw_recovery_save (dir, name, project, &error));
  g_assert_no_error (error);

  /* Nothing orphaned yet: this process wrote it and runs. */
  page = bw_application_show_start_page (app);
  g_assert_null (bw_application_offer_recovery (app, page));

  /* As if an ended process had written it. */
  g_assert_true (g_key_file_load_from_file (record, record_path, G_KEY_FILE_NONE, &error));
  g_key_file_set_int64 (record, "Recovery", "pid", 0);
  g_assert_true (g_key_file_save_to_file (record, record_path, &error));
  g_assert_no_error (error);

  dialog = bw_application_offer_recovery (app, page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore Unsaved Work?");
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (dialog), bw_ui_match_label, "crashed.bulwark"));
  bw_ui_screenshot (GTK_WIDGET (dialog), "restore-dialog");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  bw_ui_drain ();

  window = find_window_of_type (BW_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_null (find_window_of_type (BW_TYPE_START_PAGE));
  restored = bw_window_get_project (window);
  g_assert_true (bw_project_get_modified (restored));
  g_assert_true (g_file_equal (bw_project_get_file (restored), file));
  g_assert_cmpstr (bw_asset_get_name (BW_ASSET (bw_project_lookup (restored, "A-1"))), ==,
                   "Insulin dose (lost in a crash)");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• crashed.bulwark – Bulwark");
  /* The old copy is gone, the window's own is there. */
  g_assert_false (g_file_test (record_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_recovery_files (), ==, 2);

  destroy_all_windows ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* Started with the crashed project's file: the window showing its saved
 * state takes the restored work, no second window on the same file. */
static void
test_recovery_into_open_window (void)
{
  g_autoptr(GFile) file = save_example_as ("reopened.bulwark", NULL);
  g_autoptr(BwProject) crashed = bw_project_load_from_file (file, NULL, NULL);
  g_autoptr(BwProject) saved = bw_project_load_from_file (file, NULL, NULL);
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = bw_recovery_new_name ();
  g_autofree char *record_base = g_strconcat (name, ".recovery", NULL);
  g_autofree char *record_path = g_build_filename (dir, record_base, NULL);
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWindow *dialog;

  clear_recovery_dir ();
  rename_asset (crashed, "Insulin dose (crashed)");
  g_assert_true (bw_recovery_save (dir, name, crashed, &error));
  g_assert_true (g_key_file_load_from_file (record, record_path, G_KEY_FILE_NONE, &error));
  g_key_file_set_int64 (record, "Recovery", "pid", 0);
  g_assert_true (g_key_file_save_to_file (record, record_path, &error));
  g_assert_no_error (error);

  window = bw_application_new_window (app, saved);
  dialog = bw_application_offer_recovery (app, window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  bw_ui_drain ();

  g_assert_cmpuint (g_list_length (app_windows ()), ==, 1);
  g_assert_true (bw_window_get_project (BW_WINDOW (window)) != saved);
  g_assert_cmpstr (bw_asset_get_name (BW_ASSET (bw_project_lookup (bw_window_get_project (BW_WINDOW (window)), "A-1"))),
                   ==, "Insulin dose (crashed)");
  g_assert_true (bw_project_get_modified (bw_window_get_project (BW_WINDOW (window))));

  destroy_all_windows ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* Preferences take effect at once: snapping in an open window, rule
 * libraries for derivation (a bad file is refused with a message, a
 * removal can be undone). */
static void
test_preferences (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autofree char *rules_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "rules", NULL);
  g_autofree char *extra_path = g_build_filename (rules_dir, "extra.json", NULL);
  g_autofree char *bad_path = g_build_filename (rules_dir, "not-json.json", NULL);
  g_autoptr(GFile) extra = g_file_new_for_path (extra_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GSettings *settings = bw_application_get_settings (app);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(BwRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  BwPreferences *preferences;
  GtkWindow *window;
  GtkWidget *row;
  GtkWidget *remove;

  window = bw_application_new_window (app, project);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bw_ui_drain ();
  preferences = find_window_of_type (BW_TYPE_PREFERENCES);
  g_assert_nonnull (preferences);
  bw_ui_screenshot (GTK_WIDGET (preferences), "preferences");

  /* Asked again: the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (find_window_of_type (BW_TYPE_PREFERENCES) == preferences);

  g_assert_true (bw_diagram_view_get_snap (bw_window_get_diagram_view (BW_WINDOW (window))));
  g_settings_set_boolean (settings, "snap-to-grid", FALSE);
  bw_ui_drain ();
  g_assert_false (bw_diagram_view_get_snap (bw_window_get_diagram_view (BW_WINDOW (window))));
  g_settings_reset (settings, "snap-to-grid");
  bw_ui_drain ();
  g_assert_true (bw_diagram_view_get_snap (bw_window_get_diagram_view (BW_WINDOW (window))));

  /* Rule libraries: none yet, and the empty list says so. */
  g_assert_null (gtk_list_box_get_row_at_index (bw_preferences_get_rule_list (preferences), 0));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (preferences), bw_ui_match_label,
                                "Only the built-in library is used. Add a library file to derive its threats too."));
  g_assert_false (bw_preferences_add_rule_library (preferences, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (bw_preferences_add_rule_library (preferences, extra, &error));
  g_assert_no_error (error);
  paths = g_settings_get_strv (settings, "rule-libraries");
  g_assert_cmpuint (g_strv_length (paths), ==, 1);
  bw_ui_drain ();
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (bw_preferences_get_rule_list (preferences), 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (row_title (row), ==, "ACME extra rules");

  rules = bw_application_dup_rule_set (app, &problems);
  g_assert_nonnull (bw_rule_set_lookup_library (rules, "acme.extra"));
  g_assert_nonnull (bw_rule_set_lookup_rule (rules, "acme.uart_console"));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&rules);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The window already open derives with it from the next edit on. */
  bw_ui_drain ();
  g_assert_nonnull (bw_rule_set_lookup_library (bw_command_stack_get_auto_derive (bw_project_get_command_stack (project)),
                                                "acme.extra"));

  /* A page of a window gets the same set; a widget outside the app only
   * the built-in library. */
  rules = bw_application_dup_rule_set_for_widget (GTK_WIDGET (bw_window_get_diagram_view (BW_WINDOW (window))),
                                                  &problems);
  g_assert_nonnull (bw_rule_set_lookup_library (rules, "acme.extra"));
  g_clear_object (&rules);
  g_clear_pointer (&problems, g_ptr_array_unref);
  {
    g_autoptr(GtkWidget) loose = g_object_ref_sink (gtk_label_new ("outside"));

    rules = bw_application_dup_rule_set_for_widget (loose, &problems);
    g_assert_null (bw_rule_set_lookup_library (rules, "acme.extra"));
    g_assert_cmpuint (bw_rule_set_get_n_rules (rules), >, 0);
    g_assert_cmpuint (problems->len, ==, 0);
    g_clear_object (&rules);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  /* The same library again clashes with itself: already listed, no-op. */
  g_assert_true (bw_preferences_add_rule_library (preferences, extra, &error));
  g_strfreev (paths);
  paths = g_settings_get_strv (settings, "rule-libraries");
  g_assert_cmpuint (g_strv_length (paths), ==, 1);

  /* A library that went missing is left out and said. */
  g_settings_set_strv (settings, "rule-libraries",
                       (const char * const[]) { extra_path, "/nonexistent/rules.json", NULL });
  rules = bw_application_dup_rule_set (app, &problems);
  g_assert_nonnull (bw_rule_set_lookup_library (rules, "acme.extra"));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "/nonexistent/rules.json"));
  bw_ui_drain ();
  bw_ui_screenshot (GTK_WIDGET (preferences), "preferences-rules");

  /* Remove the first, then undo from the toast. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (bw_preferences_get_rule_list (preferences), 0));
  remove = bw_ui_find (row, bw_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_nonnull (remove);
  bw_ui_click (remove);
  bw_ui_drain ();
  g_strfreev (paths);
  paths = g_settings_get_strv (settings, "rule-libraries");
  g_assert_cmpuint (g_strv_length (paths), ==, 1);
  g_assert_cmpstr (paths[0], ==, "/nonexistent/rules.json");

  g_settings_reset (settings, "rule-libraries");
  bw_ui_drain ();
  g_assert_null (bw_rule_set_lookup_library (bw_command_stack_get_auto_derive (bw_project_get_command_stack (project)),
                                             "acme.extra"));

  /* The window the preferences were opened over closes first: the
   * preferences go with it, cleanly. */
  gtk_window_destroy (window);
  bw_ui_drain ();
  g_assert_null (find_window_of_type (BW_TYPE_PREFERENCES));
  destroy_all_windows ();
}

/* The about window: licence, version, the Graphviz notice. */
static void
test_about (void)
{
  AdwAboutWindow *about;

  bw_application_show_start_page (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  bw_ui_drain ();
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_APACHE_2_0);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  bw_ui_screenshot (GTK_WIDGET (about), "about");

  /* A project opened meanwhile replaces the start page the about window
   * sits on: the about window stays usable and closes cleanly. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  bw_ui_drain ();
  g_assert_null (find_window_of_type (BW_TYPE_START_PAGE));
  g_assert_true (BW_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (about))));

  /* That window closing takes the about window with it. */
  gtk_window_destroy (gtk_window_get_transient_for (GTK_WINDOW (about)));
  bw_ui_drain ();
  g_assert_null (find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  destroy_all_windows ();
}

static void
collect_accelerators (GtkWidget *widget,
                      GPtrArray *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_ptr_array_add (out, g_steal_pointer (&accelerator));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

static gboolean
listed (GPtrArray  *accelerators,
        const char *accelerator)
{
  for (guint i = 0; i < accelerators->len; i++)
    {
      g_auto(GStrv) keys = g_strsplit (g_ptr_array_index (accelerators, i), " ", 0);

      if (g_strv_contains ((const char * const *) keys, accelerator))
        return TRUE;
    }
  return FALSE;
}

/* The shortcuts window comes with every window of the app, the start
 * page's too, and lists the app's keys: those of the application, of the
 * window, of the method's steps. (Read from its definition: GTK 4.8 warns
 * about a label's size when the window is shown under the test's fatal
 * warnings.) */
static void
test_shortcuts (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  GObject *overlay;
  static const char *expected[] = {
    "<Control>n", "<Control>o", "<Control>i", "<Control>s", "<Control><Shift>s", "<Control>w",
    "<Control>q", "<Control>z", "<Control><Shift>z", "<Control>comma", "<Control>question", "F10",
    "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Alt>Up", "<Alt>Down",
    "<Control>plus", "<Control>minus", "<Control>0", "<Control>1",
    "v", "e", "p", "s", "f", "b", "l", "g", "Escape", "Delete", "F2", "<Control>a",
    "<Control>c", "<Control>x", "<Control>v", "<Control>d",
  };

  builder = gtk_builder_new_from_resource ("/io/github/bulwarkapp/Bulwark/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_accelerators (GTK_WIDGET (overlay), accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!listed (accelerators, expected[i]))
      g_error ("The shortcuts window does not list %s", expected[i]);
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Every window offers it, and the app's own accelerators are the ones
   * it lists. */
  window = bw_application_new_window (app, project);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }

  /* What Alt+1…Alt+5 activate (bw-window-shortcuts.c). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "threats"));
  g_assert_cmpstr (bw_window_get_selected_key (BW_WINDOW (window)), ==, "threats");

  destroy_all_windows ();
  window = bw_application_show_start_page (app);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bw_ui_test_init (&argc, &argv, "app"))
    return 0;
  home = g_strdup (g_getenv ("HOME"));
  /* The home is kept between runs: no copy of an earlier run is offered. */
  clear_recovery_dir ();

  g_test_add_func ("/ui/app/start-page", test_start_page);
  g_test_add_func ("/ui/app/start-page-opens", test_start_page_opens);
  g_test_add_func ("/ui/app/autosave", test_autosave);
  g_test_add_func ("/ui/app/recovery-offer", test_recovery_offer);
  g_test_add_func ("/ui/app/recovery-into-open-window", test_recovery_into_open_window);
  g_test_add_func ("/ui/app/preferences", test_preferences);
  g_test_add_func ("/ui/app/about", test_about);
  g_test_add_func ("/ui/app/shortcuts", test_shortcuts);

  app = bw_ui_application_new ();

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
