/* bw-start-page.c — the window shown while no project is open: New, Open,
 * Open Example and the recent projects
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-project-peek.h"
#include "bw-start-page.h"

#define MAX_RECENT 10

struct _BwStartPage
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwStatusPage        *status_page;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *new_button;
};

G_DEFINE_FINAL_TYPE (BwStartPage, bw_start_page, ADW_TYPE_APPLICATION_WINDOW)

/* Recent projects */

static gboolean
is_project_file (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_suffix (uri, ".bulwark") ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-bulwark") == 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* "Today, 14:03", "Yesterday, 09:12", else the date alone. */
static char *
format_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  int day_when = g_date_time_get_day_of_year (local);
  int day_now = g_date_time_get_day_of_year (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    {
      if (day_when == day_now)
        /* Translators: when a project was changed; %s is a time like 14:03 */
        return g_strdup_printf (_("Today, %s"), time);
      if (day_when == day_now - 1)
        /* Translators: when a project was changed; %s is a time like 14:03 */
        return g_strdup_printf (_("Yesterday, %s"), time);
    }

  return g_date_time_format (local, "%x");
}

static void
remove_recent_clicked_cb (GtkButton   *button,
                          BwStartPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  g_autoptr(GError) error = NULL;

  /* Only the entry of the list goes; the file stays where it is. */
  if (!gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, &error))
    g_warning ("Could not remove %s from the recent files: %s", uri, error->message);
}

static GtkWidget *
recent_row_new (BwStartPage   *self,
                GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *where = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GDateTime *modified = NULL;
  g_autoptr(GDateTime) file_modified = NULL;
  GtkWidget *row;
  GtkWidget *button;

  /* A local file is read cheaply for its title and date; a remote one
   * would block the start, so it shows its name and the recent date. */
  if (g_file_is_native (file))
    {
      title = bw_project_peek_title (file, NULL, NULL);
      file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (file_info != NULL)
        file_modified = g_file_info_get_modification_date_time (file_info);
    }
  modified = file_modified != NULL ? file_modified : gtk_recent_info_get_modified (info);
  date = format_date (modified);

  /* Translators: a recent project's subtitle: "<file name> · <when it changed>" */
  subtitle = g_strdup_printf (_("%s · %s"), basename, date);

  /* Row titles are markup: a title like "Pump <v3> & gateway" is text. */
  escaped_title = g_markup_escape_text (title != NULL ? title : basename, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  where = g_file_get_parse_name (file);
  gtk_widget_set_tooltip_text (row, where);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove From the List"));
  /* Translators: the accessible name of the button that removes a project
   * from the recent list; %s is its title */
  remove_label = g_strdup_printf (_("Remove “%s” From the List"), title != NULL ? title : basename);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "uri", g_strdup (uri), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_recent_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
update_recent (BwStartPage *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;
  GList *items;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (manager);
  for (GList *l = items; l; l = l->next)
    if (is_project_file (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (infos, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_newest_first);
  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    gtk_list_box_append (self->recent_list, recent_row_new (self, g_ptr_array_index (infos, i)));

  /* Nothing recent: the page is the three buttons and what they do. */
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), infos->len > 0);
}

static void
recent_changed_cb (BwStartPage      *self,
                   GtkRecentManager *manager)
{
  update_recent (self);
}

static void
recent_row_activated_cb (BwStartPage   *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (uri == NULL || app == NULL)
    return;

  file = g_file_new_for_uri (uri);
  bw_application_open_file (BW_APPLICATION (app), file, GTK_WINDOW (self));
}

/* Dropped files */

gboolean
bw_start_page_open_dropped_file (BwStartPage *self,
                                 GFile       *file)
{
  GtkApplication *app;

  g_return_val_if_fail (BW_IS_START_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((app = gtk_window_get_application (GTK_WINDOW (self))) == NULL)
    return FALSE;

  bw_application_open_file (BW_APPLICATION (app), file, GTK_WINDOW (self));

  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BwStartPage   *self)
{
  gboolean accepted = FALSE;

  /* The page closes when a project window opens: hold it for the loop. */
  g_object_ref (self);
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l; l = l->next)
        accepted |= bw_start_page_open_dropped_file (self, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      accepted = bw_start_page_open_dropped_file (self, g_value_get_object (value));
    }
  g_object_unref (self);

  return accepted;
}

/* GObject */

static void
bw_start_page_dispose (GObject *object)
{
  BwStartPage *self = BW_START_PAGE (object);

  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_START_PAGE);

  G_OBJECT_CLASS (bw_start_page_parent_class)->dispose (object);
}

static void
bw_start_page_class_init (BwStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BwStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, BwStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, BwStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BwStartPage, new_button);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
bw_start_page_init (BwStartPage *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  adw_status_page_set_icon_name (self->status_page,
                                 bw_application_get_icon_name ());

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);

  /* Enter starts a new project: the first thing a new user wants. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->new_button);
  gtk_widget_grab_focus (self->new_button);
}

GtkWidget *
bw_start_page_new (BwApplication *application)
{
  g_return_val_if_fail (BW_IS_APPLICATION (application), NULL);

  return g_object_new (BW_TYPE_START_PAGE, "application", application, NULL);
}

GtkListBox *
bw_start_page_get_recent_list (BwStartPage *self)
{
  g_return_val_if_fail (BW_IS_START_PAGE (self), NULL);

  return self->recent_list;
}
