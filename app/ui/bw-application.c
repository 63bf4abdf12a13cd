/* bw-application.c — the application: one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application-private.h"
#include "bw-compat.h"
#include "bw-preferences.h"
#include "bw-project-io.h"
#include "bw-risk-presets.h"
#include "bw-rule-set.h"
#include "bw-start-page.h"
#include "bw-window.h"

G_DEFINE_FINAL_TYPE (BwApplication, bw_application, ADW_TYPE_APPLICATION)

BwApplication *
bw_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  /* The resource path is fixed so that the .Devel profile finds the same
   * gtk/help-overlay.ui and style.css. */
  return g_object_new (BW_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/io/github/bulwarkapp/Bulwark",
                       NULL);
}

/* The app's settings, or NULL for an uninstalled build without the schema
 * (then every setting keeps its default rather than abort). */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL ||
      (schema = g_settings_schema_source_lookup (source, BW_SETTINGS_SCHEMA_ID, TRUE)) == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

GSettings *
bw_application_get_settings (BwApplication *self)
{
  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = settings_new_if_installed ();

  return self->settings;
}

const char *
bw_application_get_icon_name (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconTheme *theme;

  if (display == NULL)
    return APP_ID;

  /* Installed, the theme has the icon under the profile's id; an
   * uninstalled build has only the copy in the resources, under the
   * release id (a broken image would be the first thing a user sees). */
  theme = gtk_icon_theme_get_for_display (display);
  if (gtk_icon_theme_has_icon (theme, APP_ID))
    return APP_ID;
  return "io.github.bulwarkapp.Bulwark";
}

/* A key of the schema, or NULL when the settings lack it (an older
 * compiled schema in the search path). */
static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

BwProject *
bw_application_new_project (BwApplication *self)
{
  GSettings *settings = bw_application_get_settings (self);
  g_autofree char *preset = NULL;
  g_autoptr(GError) error = NULL;
  BwProject *project;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);

  if (settings_has_key (settings, "new-project-risk-method"))
    preset = g_settings_get_string (settings, "new-project-risk-method");
  if (preset == NULL || (project = bw_project_new_with_risk_preset (preset, &error)) == NULL)
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      project = bw_project_new ();
    }

  return project;
}

BwRuleSet *
bw_application_dup_rule_set (BwApplication  *self,
                             GPtrArray     **problems)
{
  GSettings *settings = bw_application_get_settings (self);
  g_autoptr(BwRuleSet) rules = bw_rule_set_new ();
  g_auto(GStrv) paths = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  if (!bw_rule_set_add_library (rules, bw_rule_library_get_builtin (), &error))
    g_critical ("The built-in rule library does not load: %s", error->message);
  g_clear_error (&error);

  if (settings_has_key (settings, "rule-libraries"))
    paths = g_settings_get_strv (settings, "rule-libraries");

  /* An extra library that is gone or broken leaves the others working;
   * the caller shows what went wrong. */
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(BwRuleLibrary) library = bw_rule_library_new_from_file (file, NULL, &error);

      if (library == NULL || !bw_rule_set_add_library (rules, library, &error))
        {
          if (problems != NULL)
            /* Translators: a rule library that could not be used: "<path>: <why>" */
            g_ptr_array_add (*problems, g_strdup_printf (_("%s: %s"), paths[i], error->message));
          g_clear_error (&error);
        }
    }

  return g_steal_pointer (&rules);
}

BwRuleSet *
bw_application_dup_rule_set_for_project (GtkWidget  *widget,
                                         BwProject  *project,
                                         GPtrArray **problems)
{
  BwRuleSet *rules;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  rules = bw_application_dup_rule_set_for_widget (widget, problems);
  bw_rule_set_add_project_libraries (rules, project, problems != NULL ? *problems : NULL);

  return rules;
}

BwRuleSet *
bw_application_dup_rule_set_for_widget (GtkWidget  *widget,
                                        GPtrArray **problems)
{
  GtkRoot *root;
  GtkApplication *application = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if ((root = gtk_widget_get_root (widget)) != NULL && GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));
  if (BW_IS_APPLICATION (application))
    return bw_application_dup_rule_set (BW_APPLICATION (application), problems);

  /* Outside the app (a test, a preview): the built-in library alone. */
  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  return bw_rule_set_new_builtin ();
}

/* A project window replaces the start page: it is there only while no
 * project is open. What sits on the page (about, preferences, a message)
 * moves to the new window first: GTK 4.8 does not expect a transient
 * parent to go before its child and crashes when the child closes. */
static void
close_start_pages (BwApplication *self,
                   GtkWindow     *replacement)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    {
      if (!BW_IS_START_PAGE (l->data))
        continue;
      for (GList *t = toplevels; t; t = t->next)
        if (gtk_window_get_transient_for (t->data) == l->data)
          gtk_window_set_transient_for (t->data, replacement);
      gtk_window_destroy (l->data);
    }
  g_list_free (toplevels);
}

GtkWindow *
bw_application_new_window (BwApplication *self,
                           BwProject     *project)
{
  BwWindow *window;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  window = bw_window_new (self, project);
  gtk_window_present (GTK_WINDOW (window));
  close_start_pages (self, GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

GtkWindow *
bw_application_show_start_page (BwApplication *self)
{
  GtkWidget *page = NULL;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BW_IS_START_PAGE (l->data))
      page = l->data;

  if (page == NULL)
    page = bw_start_page_new (self);
  gtk_window_present (GTK_WINDOW (page));

  return GTK_WINDOW (page);
}

/* Once per run, over the first window: copies that a crash left behind. */
static void
offer_recovery_once (BwApplication *self)
{
  GtkWindow *parent;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  bw_application_offer_recovery (self, parent);
}

static BwWindow *
find_window_for_file (BwApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!BW_IS_WINDOW (l->data))
        continue;

      shown = bw_project_get_file (bw_window_get_project (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

void
bw_application_open_file (BwApplication *self,
                          GFile         *file,
                          GtkWindow     *window)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BwWindow *existing;

  g_return_if_fail (BW_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One window per project: opening a file that is shown raises it. */
  if ((existing = find_window_for_file (self, file)))
    {
      gtk_window_present (GTK_WINDOW (existing));
      return;
    }

  /* Any other name is told apart by its content: a model of another tool
   * is imported, a project file under another name opens as itself. */
  {
    g_autofree char *basename = g_file_get_basename (file);

    if (!g_str_has_suffix (basename, ".bulwark"))
      {
        bw_application_import_file (self, file, window);
        return;
      }
  }

  if (!(project = bw_project_load_from_file (file, NULL, &error)))
    {
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *dialog;

      if (window == NULL)
        window = gtk_application_get_active_window (GTK_APPLICATION (self));
      /* Launched with only this file: the message needs a window to sit on,
       * and the user a window to carry on in. */
      if (window == NULL)
        window = bw_application_show_start_page (self);

      dialog = adw_message_dialog_new (window, NULL, error->message);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("Could not open “%s”"), name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  if (BW_IS_WINDOW (window) && bw_window_is_pristine (BW_WINDOW (window)))
    {
      bw_window_set_project (BW_WINDOW (window), project);
      gtk_window_present (window);
    }
  else
    {
      bw_application_new_window (self, project);
    }
}

static void
open_example (BwApplication *self)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* The example is compiled in; failing to load it is a programming error,
   * but say so rather than open nothing. */
  if (!(project = bw_project_load_example (&error)))
    {
      g_critical ("The built-in example does not load: %s", error->message);
      project = bw_project_new ();
    }

  bw_application_new_window (self, project);
  offer_recovery_once (self);
}

static void
bw_application_activate (GApplication *app)
{
  BwApplication *self = BW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Started without a file: what to open is the user's choice, not an
   * empty untitled project they did not ask for. */
  bw_application_show_start_page (self);
  offer_recovery_once (self);
}

static void
bw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BwApplication *self = BW_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    bw_application_open_file (self, files[i], NULL);

  /* Nothing opened (every file refused): still give the user a window to
   * read the error over and to carry on from. */
  if (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL)
    bw_application_show_start_page (self);
  offer_recovery_once (self);
}

static int
bw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "example"))
    return -1;

  /* Through an action, so that a running instance opens the example too. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);

  return 0;
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  g_autoptr(BwProject) project = bw_application_new_project (user_data);

  bw_application_new_window (user_data, project);
}

static void
open_example_action_cb (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  open_example (user_data);
}

typedef struct
{
  BwApplication *app;
  GtkWindow     *parent;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->app);
  g_clear_object (&request->parent);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(file = bw_compat_choose_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *dialog = adw_message_dialog_new (request->parent, _("Could not choose a file"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  bw_application_open_file (request->app, file, request->parent);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  BwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  OpenRequest *request;

  /* A project window has its own Open; the start page and a run without
   * any window come here. */
  if (BW_IS_WINDOW (window))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
      return;
    }
  if (window == NULL)
    window = bw_application_show_start_page (self);

  request = g_new0 (OpenRequest, 1);
  request->app = g_object_ref (self);
  request->parent = g_object_ref (window);
  bw_compat_choose_file_async (window, BW_FILE_CHOOSER_OPEN,
                               _("Open Project"), _("_Open"),
                               NULL, NULL, NULL, open_chosen_cb, request);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  BwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  /* One preferences window: asking again raises it. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BW_IS_PREFERENCES (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  preferences = bw_preferences_new (self);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  BwApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window asks about unsaved changes; the application ends
   * when the last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  BwApplication *self = user_data;
  static const char *developers[] = { "The Bulwark authors https://github.com/bulwarkapp/bulwark", NULL };
  static const char *designers[] = { "The Bulwark authors", NULL };
  static const char *built_on[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "JSON-GLib https://gitlab.gnome.org/GNOME/json-glib",
    "Graphviz https://graphviz.org",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        /* GTK 4.8 crashes when a transient window outlives
                         * its parent: it goes with it. */
                        "destroy-with-parent", TRUE,
                        "application-name", _("Bulwark"),
                        "application-icon", bw_application_get_icon_name (),
                        "developer-name", _("The Bulwark authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Threat modeling for connected medical devices: data flow diagrams, "
                                      "STRIDE threats, exploitability and severity risk, attack trees "
                                      "and the traceability a premarket submission needs."),
                        "website", "https://github.com/bulwarkapp/bulwark",
                        "issue-url", "https://github.com/bulwarkapp/bulwark/issues",
                        "copyright", "© 2026 The Bulwark authors",
                        "license-type", GTK_LICENSE_APACHE_2_0,
                        "developers", developers,
                        "designers", designers,
                        /* Translators: credit yourself here, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built With"), built_on);
  /* Graphviz is linked in for diagram layout; its licence asks for this
   * notice wherever the program is distributed. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "Graphviz",
                                      "© 1994–2026 AT&amp;T and the Graphviz authors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Bulwark uses Graphviz to lay out diagrams. Graphviz is "
                                        "distributed under the "
                                        "<a href=\"https://www.eclipse.org/legal/epl-v10.html\">Eclipse "
                                        "Public License 1.0</a>; its source code is available at "
                                        "<a href=\"https://gitlab.com/graphviz/graphviz\">gitlab.com/graphviz/graphviz</a>."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "GTK, libadwaita, JSON-GLib",
                                      "© The GNOME Project and contributors",
                                      GTK_LICENSE_LGPL_2_1,
                                      NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "open", open_action_cb },
  { "open-example", open_example_action_cb },
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
};

static void
bw_application_startup (GApplication *app)
{
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (bw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  /* GtkApplication adds win.show-help-overlay for gtk/help-overlay.ui. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
bw_application_dispose (GObject *object)
{
  BwApplication *self = BW_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bw_application_parent_class)->dispose (object);
}

static void
bw_application_class_init (BwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_application_dispose;

  app_class->activate = bw_application_activate;
  app_class->open = bw_application_open;
  app_class->startup = bw_application_startup;
  app_class->handle_local_options = bw_application_handle_local_options;
}

static void
bw_application_init (BwApplication *self)
{
  static const GOptionEntry entries[] = {
    { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the built-in example project"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     N_("[FILE…]"));
}
