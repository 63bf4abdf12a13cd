/* bw-preferences.c — the preferences window: autosave, new projects, rule
 * libraries, diagram snapping, presentation theme
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-compat.h"
#include "bw-preferences.h"
#include "bw-risk-presets.h"
#include "bw-rule-library.h"
#include "bw-rule-set.h"

struct _BwPreferences
{
  AdwPreferencesWindow  parent_instance;

  BwApplication        *application;
  GSettings            *settings;     /* NULL without an installed schema */
  GtkListBox           *rule_list;
  GtkWidget            *rule_placeholder;
};

G_DEFINE_FINAL_TYPE (BwPreferences, bw_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* Choices of string keys: the stored value and what the user reads. */
typedef struct
{
  const char *value;
  const char *label;
} Choice;

static const Choice risk_choices[] = {
  { BW_RISK_PRESET_DEFAULT, N_("Standard 5×5 matrix") },
  { BW_RISK_PRESET_CONSERVATIVE, N_("Conservative 5×5 matrix") },
};

static const Choice theme_choices[] = {
  { "system", N_("Follow System") },
  { "light", N_("Light") },
  { "dark", N_("Dark") },
};

/* Rows for settings */

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);

  return row;
}

static GtkWidget *
spin_row (GSettings  *settings,
          const char *key,
          const char *title,
          const char *subtitle,
          double      min,
          double      max,
          double      step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);

  return row;
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   GSettings   *settings)
{
  const Choice *choices = g_object_get_data (G_OBJECT (row), "choices");
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    g_settings_set_string (settings, key, choices[selected].value);
}

static void
combo_setting_changed_cb (GSettings   *settings,
                          const char  *key,
                          AdwComboRow *row)
{
  const Choice *choices = g_object_get_data (G_OBJECT (row), "choices");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "n-choices"));
  g_autofree char *value = g_settings_get_string (settings, key);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (choices[i].value, value) && adw_combo_row_get_selected (row) != i)
      adw_combo_row_set_selected (row, i);
}

/* A string key with choices as a combo row (g_settings_bind maps only
 * numbers and booleans onto "selected"). */
static GtkWidget *
combo_row (GSettings    *settings,
           const char   *key,
           const char   *title,
           const char   *subtitle,
           const Choice *choices,
           guint         n_choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *signal = g_strconcat ("changed::", key, NULL);

  for (guint i = 0; i < n_choices; i++)
    gtk_string_list_append (labels, _(choices[i].label));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_set_data (G_OBJECT (row), "choices", (gpointer) choices);
  g_object_set_data (G_OBJECT (row), "n-choices", GUINT_TO_POINTER (n_choices));
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);

  combo_setting_changed_cb (settings, key, ADW_COMBO_ROW (row));
  g_signal_connect_object (settings, signal, G_CALLBACK (combo_setting_changed_cb), row, 0);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), settings);

  return row;
}

/* Rule libraries */

static void rebuild_rule_list (BwPreferences *self);

static void
set_rule_paths (BwPreferences      *self,
                const char * const *paths)
{
  g_settings_set_strv (self->settings, "rule-libraries", paths);
}

static void
undo_remove_cb (AdwToast      *toast,
                BwPreferences *self)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "path");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "rule-libraries");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) restored = NULL;
  guint n = g_strv_length (paths);

  if (g_strv_contains ((const char * const *) paths, path))
    return;
  for (guint i = 0; i <= n; i++)
    {
      if (i == MIN (position, n))
        g_strv_builder_add (builder, path);
      if (i < n)
        g_strv_builder_add (builder, paths[i]);
    }
  restored = g_strv_builder_end (builder);
  set_rule_paths (self, (const char * const *) restored);
}

static void
remove_rule_clicked_cb (GtkButton     *button,
                        BwPreferences *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "rule-libraries");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint position = 0;
  AdwToast *toast;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_str_equal (paths[i], path))
        position = i;
      else
        g_strv_builder_add (builder, paths[i]);
    }
  kept = g_strv_builder_end (builder);

  /* Toast titles are markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: a toast after removing a rule library from the list; %s is its name */
  title = g_strdup_printf (_("Removed “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);

  /* The button goes with its row: keep what the toast needs first. */
  set_rule_paths (self, (const char * const *) kept);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static GtkWidget *
rule_row_new (BwPreferences *self,
              const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwRuleLibrary) library = bw_rule_library_new_from_file (file, NULL, &error);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_subtitle = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (library != NULL)
    {
      name = g_strdup (bw_rule_library_get_name (library));
      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = g_strdup (bw_rule_library_get_id (library));
        }
      /* Translators: a rule library's subtitle: "version <v> · <path>" */
      subtitle = g_strdup_printf (_("Version %s · %s"), bw_rule_library_get_version (library), path);
    }
  else
    {
      name = g_strdup (basename);
      /* Translators: a rule library that does not load; %s says why */
      subtitle = g_strdup_printf (_("Not used: %s"), error->message);
      gtk_widget_add_css_class (row, "error");
    }

  escaped_name = g_markup_escape_text (name, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove From the List"));
  /* Translators: accessible name of the button that removes a rule library; %s is its name */
  remove_label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_rule_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_rule_list (BwPreferences *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "rule-libraries");
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child of the list too. */
  while ((row = gtk_list_box_get_row_at_index (self->rule_list, 0)))
    gtk_list_box_remove (self->rule_list, GTK_WIDGET (row));

  for (guint i = 0; paths[i] != NULL; i++)
    gtk_list_box_append (self->rule_list, rule_row_new (self, paths[i]));
}

static void
rule_libraries_changed_cb (BwPreferences *self,
                           const char    *key,
                           GSettings     *settings)
{
  rebuild_rule_list (self);
}

gboolean
bw_preferences_add_rule_library (BwPreferences  *self,
                                 GFile          *file,
                                 GError        **error)
{
  g_autoptr(BwRuleLibrary) library = NULL;
  g_autoptr(BwRuleSet) rules = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) added = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BW_IS_PREFERENCES (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->settings != NULL, FALSE);

  if ((path = g_file_get_path (file)) != NULL)
    {
      /* One spelling per file: "a/../b.json" and "b.json" are the same. */
      g_autofree char *canonical = g_canonicalize_filename (path, NULL);

      g_free (path);
      path = g_steal_pointer (&canonical);
    }
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Rule libraries must be local files."));
      return FALSE;
    }

  paths = g_settings_get_strv (self->settings, "rule-libraries");
  if (g_strv_contains ((const char * const *) paths, path))
    return TRUE;

  /* Refuse now what derivation would refuse later: a file that is not a
   * library, or one whose IDs clash with the libraries in use. */
  if ((library = bw_rule_library_new_from_file (file, NULL, error)) == NULL)
    return FALSE;
  rules = bw_application_dup_rule_set (self->application, NULL);
  if (!bw_rule_set_add_library (rules, library, error))
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) paths);
  g_strv_builder_add (builder, path);
  added = g_strv_builder_end (builder);
  set_rule_paths (self, (const char * const *) added);

  return TRUE;
}

static void
rule_file_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(BwPreferences) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if ((file = bw_compat_choose_file_finish (result, &error)) == NULL ||
      !bw_preferences_add_rule_library (self, file, &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not add the rule library"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
add_rule_clicked_cb (GtkButton     *button,
                     BwPreferences *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rule Libraries (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  bw_compat_choose_file_filtered_async (GTK_WINDOW (self), BW_FILE_CHOOSER_OPEN,
                                        _("Add Rule Library"), _("_Add"),
                                        NULL, NULL, filter,
                                        NULL, rule_file_chosen_cb, g_object_ref (self));
}

/* Pages */

static void
add_general_page (BwPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GtkWidget *button;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Projects"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "autosave-interval",
                                       _("Autosave Interval"),
                                       _("Seconds between recovery copies of unsaved work; 0 turns "
                                         "autosave off. A copy is also written shortly after each edit."),
                                       0, 3600, 10));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row (self->settings, "new-project-risk-method",
                                        _("Risk Method of New Projects"),
                                        _("Both rate exploitability and severity on five levels; the "
                                          "conservative matrix treats more pairs as controlled or "
                                          "uncontrolled. Open projects keep their method."),
                                        risk_choices, G_N_ELEMENTS (risk_choices)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Diagrams"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (self->settings, "snap-to-grid",
                                         _("_Snap to Grid"),
                                         _("Moved and drawn elements land on the grid. G switches it for the moment in one window.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "grid-size",
                                       _("Grid Size"),
                                       _("The grid step in diagram units (1 unit is 1 pixel at 100 %): "
                                         "snapping rounds to it and the arrow keys move by it."),
                                       4, 128, 1));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (self->settings, "show-grid",
                                         _("Show _Grid"),
                                         _("Dots on the canvas every other grid step.")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Presentation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row (self->settings, "presentation-theme",
                                        _("Presentation Theme"),
                                        _("Light or dark slides, whatever the editor uses."),
                                        theme_choices, G_N_ELEMENTS (theme_choices)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Extra Rule Libraries"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Threat derivation uses these libraries besides the built-in "
                                           "one, for example your organisation's own threats."));
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                           "icon-name", "list-add-symbolic",
                                                           "label", _("_Add…"),
                                                           "use-underline", TRUE,
                                                           NULL));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add a rule-library file"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_rule_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  self->rule_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rule_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rule_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rule_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Extra Rule Libraries"),
                                  -1);
  /* A row is no placeholder in GTK 4.8 (it is not drawn): a label. */
  self->rule_placeholder = gtk_label_new (_("Only the built-in library is used. Add a library file to "
                                            "derive its threats too."));
  gtk_label_set_wrap (GTK_LABEL (self->rule_placeholder), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->rule_placeholder), 0.0);
  gtk_widget_set_margin_top (self->rule_placeholder, 12);
  gtk_widget_set_margin_bottom (self->rule_placeholder, 12);
  gtk_widget_set_margin_start (self->rule_placeholder, 12);
  gtk_widget_set_margin_end (self->rule_placeholder, 12);
  gtk_widget_add_css_class (self->rule_placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->rule_list, self->rule_placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->rule_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  g_signal_connect_object (self->settings, "changed::rule-libraries",
                           G_CALLBACK (rule_libraries_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_rule_list (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* An uninstalled build: nothing can be stored, and the window says why
 * rather than show switches that do nothing. */
static void
add_missing_schema_page (BwPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Preferences Are Not Available"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("This copy of Bulwark is not installed, so its settings schema "
                                     "is missing. Install it, or run it with GSETTINGS_SCHEMA_DIR "
                                     "set to the build's data folder."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* GObject */

static void
bw_preferences_dispose (GObject *object)
{
  BwPreferences *self = BW_PREFERENCES (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bw_preferences_parent_class)->dispose (object);
}

static void
bw_preferences_class_init (BwPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bw_preferences_dispose;
}

static void
bw_preferences_init (BwPreferences *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

GtkWidget *
bw_preferences_new (BwApplication *application)
{
  BwPreferences *self;
  GSettings *settings;

  g_return_val_if_fail (BW_IS_APPLICATION (application), NULL);

  self = g_object_new (BW_TYPE_PREFERENCES,
                       "application", application,
                       "modal", FALSE,
                       NULL);
  self->application = g_object_ref (application);
  if ((settings = bw_application_get_settings (application)) != NULL)
    {
      self->settings = g_object_ref (settings);
      add_general_page (self);
    }
  else
    add_missing_schema_page (self);

  return GTK_WIDGET (self);
}

GtkListBox *
bw_preferences_get_rule_list (BwPreferences *self)
{
  g_return_val_if_fail (BW_IS_PREFERENCES (self), NULL);

  return self->rule_list;
}
