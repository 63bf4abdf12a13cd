/* bw-application.c — the application: one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-project-io.h"
#include "bw-window.h"

struct _BwApplication
{
  AdwApplication parent_instance;
};

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

GtkWindow *
bw_application_new_window (BwApplication *self,
                           BwProject     *project)
{
  BwWindow *window;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  window = bw_window_new (self, project);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
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
        {
          g_autoptr(BwProject) empty = bw_project_new ();
          window = bw_application_new_window (self, empty);
        }

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
}

static void
bw_application_activate (GApplication *app)
{
  BwApplication *self = BW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(BwProject) project = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  project = bw_project_new ();
  bw_application_new_window (self, project);
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
   * read the error over and to work in. */
  if (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL)
    {
      g_autoptr(BwProject) project = bw_project_new ();
      bw_application_new_window (self, project);
    }
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
  g_autoptr(BwProject) project = bw_project_new ();

  bw_application_new_window (user_data, project);
}

static void
open_example_action_cb (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  open_example (user_data);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  BwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(BwProject) project = bw_project_new ();
      window = bw_application_new_window (self, project);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
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
  static const char *developers[] = { "The Bulwark authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Bulwark"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Bulwark authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Threat modeling for connected medical devices"),
                        "website", "https://github.com/bulwarkapp/bulwark",
                        "issue-url", "https://github.com/bulwarkapp/bulwark/issues",
                        "copyright", "© 2026 The Bulwark authors",
                        "license-type", GTK_LICENSE_APACHE_2_0,
                        "developers", developers,
                        /* Translators: credit yourself here, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "Graphviz",
                                      "© The Graphviz authors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Graphviz is used under the Eclipse Public License 1.0."));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "open", open_action_cb },
  { "open-example", open_example_action_cb },
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static void
bw_application_startup (GApplication *app)
{
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (bw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* GtkApplication adds win.show-help-overlay for gtk/help-overlay.ui. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
bw_application_class_init (BwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
