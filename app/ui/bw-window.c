/* bw-window.c — one window per project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-components-page.h"
#include "bw-project-io.h"
#include "bw-sidebar-row.h"
#include "bw-window-private.h"
#include "bw-assets-page.h"
#include "bw-assumptions-page.h"
#include "bw-checks-page.h"
#include "bw-hazards-page.h"
#include "bw-objectives-page.h"
#include "bw-report-page.h"
#include "bw-requirements-page.h"
#include "bw-risk-page.h"
#include "bw-threats-page.h"
#include "bw-traceability-page.h"

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwWindow, bw_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages of the method, in the order of the sidebar: what the sidebar
 * calls them, the collection it counts, and the BwPage that shows them.
 * "diagrams" is a heading (its diagrams follow it) with a status page. */
typedef struct
{
  const char *key;
  const char *step;
  const char *title;
  const char *icon_name;
  GListModel *(*get_model) (BwProject *project);
  GType       (*get_type)  (void);
} Page;

static const Page pages[] = {
  { "assets", "1", N_("Assets"), "channel-secure-symbolic", bw_project_get_assets, bw_assets_page_get_type },
  { "diagrams", "2", N_("Diagrams"), "view-grid-symbolic", bw_project_get_diagrams, NULL },
  { "threats", "3", N_("Threats"), "dialog-warning-symbolic", bw_project_get_threats, bw_threats_page_get_type },
  { "objectives", "4", N_("Objectives"), "emblem-ok-symbolic", bw_project_get_objectives, bw_objectives_page_get_type },
  { "requirements", "5", N_("Requirements"), "view-list-ordered-symbolic", bw_project_get_requirements, bw_requirements_page_get_type },
  { "risk", NULL, N_("Risk"), "dialog-information-symbolic", NULL, bw_risk_page_get_type },
  { "hazards", NULL, N_("Hazards"), "emblem-important-symbolic", bw_project_get_hazards, bw_hazards_page_get_type },
  { "attack-trees", NULL, N_("Attack Trees"), "view-list-bullet-symbolic", bw_project_get_attack_trees, NULL },
  { "assumptions", NULL, N_("Assumptions"), "dialog-question-symbolic", bw_project_get_assumptions, bw_assumptions_page_get_type },
  { "traceability", NULL, N_("Traceability"), "view-continuous-symbolic", NULL, bw_traceability_page_get_type },
  { "checks", NULL, N_("Checks"), "object-select-symbolic", NULL, bw_checks_page_get_type },
  { "components", NULL, N_("Components"), "application-x-addon-symbolic", bw_project_get_components, NULL },
  { "report", NULL, N_("Report"), "x-office-document-symbolic", NULL, bw_report_page_get_type },
};

static const Page *
find_page (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].key, key) == 0)
      return &pages[i];

  return NULL;
}

static BwSidebarRow *
find_row (BwWindow   *self,
          const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (BW_IS_SIDEBAR_ROW (child) &&
          g_strcmp0 (bw_sidebar_row_get_key (BW_SIDEBAR_ROW (child)), key) == 0)
        return BW_SIDEBAR_ROW (child);
    }

  return NULL;
}

/* Title */

static void
update_title (BwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  BwModel *model;

  if (self->project == NULL)
    return;

  name = bw_project_dup_display_name (self->project);
  /* The bullet is GNOME's mark of unsaved changes (Text Editor, Builder). */
  if (bw_project_get_modified (self->project))
    shown = g_strdup_printf ("• %s", name);
  else
    shown = g_strdup (name);

  /* Translators: the window title: "<file name> – Bulwark" */
  title = g_strdup_printf (_("%s – Bulwark"), shown);
  gtk_window_set_title (GTK_WINDOW (self), title);

  adw_window_title_set_title (self->window_title, shown);
  model = bw_project_get_model (self->project);
  if (model != NULL && bw_project_get_file (self->project) != NULL)
    adw_window_title_set_subtitle (self->window_title, bw_model_get_title (model));
  else if (self->import_source != NULL)
    {
      g_autofree char *imported = NULL;

      /* Translators: the subtitle of an import not saved yet; %s is its
       * format, e.g. "Threat Dragon v2 model" */
      imported = g_strdup_printf (_("Imported from %s"), self->import_source);
      adw_window_title_set_subtitle (self->window_title, imported);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);
}

/* Sidebar */

/* Elements per diagram ID, in one pass over the elements: counting each
 * diagram on its own took a pass per diagram, after every command. */
static GHashTable *
count_diagram_elements (BwWindow *self)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *elements = bw_project_get_elements (self->project);
  guint n = g_list_model_get_n_items (elements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      const char *diagram = bw_element_get_diagram (element);

      if (diagram != NULL)
        g_hash_table_insert (counts, (gpointer) diagram,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, diagram)) + 1));
    }

  return counts;
}

/* The "Diagrams" heading: how many there are and how to add one. */
static void
update_placeholder (BwWindow *self)
{
  g_autofree char *description = NULL;
  guint n;

  if (self->project == NULL)
    return;

  n = g_list_model_get_n_items (bw_project_get_diagrams (self->project));
  if (n == 0)
    description = g_strdup (_("This project has no diagrams yet. Add one from the Diagram menu."));
  else
    description = g_strdup_printf (ngettext ("This project has %u diagram. Choose it in the sidebar to see it.",
                                             "This project has %u diagrams. Choose one in the sidebar to see it.",
                                             n),
                                   n);

  adw_status_page_set_icon_name (self->status_page, "view-grid-symbolic");
  adw_status_page_set_title (self->status_page, _("Diagrams"));
  adw_status_page_set_description (self->status_page, description);
}

/* Counts and titles follow the document; called on every change. */
static void
update_sidebar (BwWindow *self)
{
  g_autoptr(GHashTable) counts = count_diagram_elements (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BwSidebarRow *row = BW_SIDEBAR_ROW (child);
      const char *key = bw_sidebar_row_get_key (row);
      const Page *page = find_page (key);

      if (g_str_has_prefix (key, "diagram:"))
        {
          const char *id = key + strlen ("diagram:");
          BwRecord *diagram = bw_project_lookup (self->project, id);

          if (BW_IS_DIAGRAM (diagram))
            bw_sidebar_row_set_title (row, bw_diagram_get_name (BW_DIAGRAM (diagram)));
          bw_sidebar_row_set_count (row, GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)));
        }
      else if (page != NULL && page->get_model != NULL)
        {
          bw_sidebar_row_set_count (row, g_list_model_get_n_items (page->get_model (self->project)));
        }
      else if (g_str_equal (key, "checks"))
        {
          BwPage *checks = _bw_window_get_page (self, "checks");

          /* The checks page runs the checks a moment after each change and
           * notifies "n-findings"; -1 (not run yet) hides the number. */
          bw_sidebar_row_set_count (row, bw_checks_page_get_n_findings (BW_CHECKS_PAGE (checks)));
        }
    }

  update_placeholder (self);
}

static void
add_row (BwWindow  *self,
         GtkWidget *row)
{
  gtk_list_box_append (self->sidebar, row);
}

/* The rows themselves change only when diagrams come or go. */
static void
rebuild_sidebar (BwWindow *self)
{
  g_autofree char *selected = g_strdup (self->selected_key);
  GtkWidget *child;
  GListModel *diagrams;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);

  if (self->project == NULL)
    return;

  diagrams = bw_project_get_diagrams (self->project);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      add_row (self, bw_sidebar_row_new (pages[i].key, _(pages[i].title), pages[i].step));

      if (g_str_equal (pages[i].key, "diagrams"))
        {
          for (guint j = 0; j < g_list_model_get_n_items (diagrams); j++)
            {
              g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, j);
              g_autofree char *key = g_strconcat ("diagram:", bw_record_get_id (BW_RECORD (diagram)), NULL);
              GtkWidget *row = bw_sidebar_row_new (key, bw_diagram_get_name (diagram), NULL);

              bw_sidebar_row_set_nested (BW_SIDEBAR_ROW (row), TRUE);
              _bw_window_diagram_row_init (self, row, bw_record_get_id (BW_RECORD (diagram)));
              add_row (self, row);
            }
        }
    }

  update_sidebar (self);

  /* Reselect what was shown; a deleted diagram falls back to the first. */
  g_clear_pointer (&self->selected_key, g_free);
  if (selected == NULL || !bw_window_select (self, selected))
    {
      if (g_list_model_get_n_items (diagrams) > 0)
        {
          g_autoptr(BwDiagram) first = g_list_model_get_item (diagrams, 0);
          g_autofree char *key = g_strconcat ("diagram:", bw_record_get_id (BW_RECORD (first)), NULL);

          bw_window_select (self, key);
        }
      else
        {
          bw_window_select (self, "diagrams");
        }
    }
}

static void
show_key (BwWindow   *self,
          const char *key)
{
  if (g_strcmp0 (self->selected_key, key) == 0)
    return;

  g_free (self->selected_key);
  self->selected_key = g_strdup (key);

  if (g_str_has_prefix (key, "diagram:"))
    {
      bw_diagram_view_set_diagram_id (self->diagram_view, key + strlen ("diagram:"));
      gtk_stack_set_visible_child_name (self->stack, "diagram");
    }
  else if (g_str_equal (key, "components"))
    {
      gtk_stack_set_visible_child_name (self->stack, "components");
    }
  else if (g_str_equal (key, "attack-trees"))
    {
      gtk_stack_set_visible_child_name (self->stack, "attack-trees");
    }
  else if (_bw_window_get_page (self, key) != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, key);
    }
  else
    {
      update_placeholder (self);
      gtk_stack_set_visible_child_name (self->stack, "placeholder");
    }

  _bw_window_actions_update (self);
}

static void
sidebar_row_selected_cb (BwWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list_box)
{
  if (BW_IS_SIDEBAR_ROW (row))
    show_key (self, bw_sidebar_row_get_key (BW_SIDEBAR_ROW (row)));
}

/* The document */

static void
modified_changed_cb (BwWindow   *self,
                     GParamSpec *pspec,
                     BwProject  *project)
{
  update_title (self);
}

static void
command_stack_notify_cb (BwWindow       *self,
                         GParamSpec     *pspec,
                         BwCommandStack *stack)
{
  _bw_window_actions_update (self);
  update_sidebar (self);
}

/* After an undo or redo: show where the change happened. */
static void
selection_restored_cb (BwWindow       *self,
                       const char    **ids,
                       BwCommandStack *stack)
{
  BwRecord *record = NULL;

  if (ids != NULL && ids[0] != NULL)
    record = bw_project_lookup (self->project, ids[0]);

  if (BW_IS_ELEMENT (record))
    {
      g_autofree char *key = g_strconcat ("diagram:", bw_element_get_diagram (BW_ELEMENT (record)), NULL);

      bw_window_select (self, key);
      bw_diagram_view_set_selection (self->diagram_view, (const char * const *) ids);
    }
  else if (ids != NULL && ids[0] == NULL)
    {
      bw_diagram_view_set_selected_id (self->diagram_view, NULL);
    }
}

static void
diagrams_changed_cb (BwWindow   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  rebuild_sidebar (self);
}

static void
collection_changed_cb (BwWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  update_sidebar (self);
}

static void
selection_changed_cb (BwWindow      *self,
                      GParamSpec    *pspec,
                      BwDiagramView *view)
{
  bw_inspector_set_element_id (self->inspector, bw_diagram_view_get_selected_id (view));
  _bw_window_diagrams_update (self);
}

static void
zoom_changed_cb (BwWindow      *self,
                 GParamSpec    *pspec,
                 BwDiagramView *view)
{
  g_autofree char *text = NULL;

  /* Translators: a zoom level; "%%" is a percent sign */
  text = g_strdup_printf (_("%.0f%%"), bw_diagram_view_get_zoom (view) * 100.0);
  gtk_label_set_label (self->zoom_label, text);
}

/* Closing */

static void
save_window_size (BwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
close_response_cb (BwWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
bw_window_close_request (GtkWindow *window)
{
  BwWindow *self = BW_WINDOW (window);

  if (self->project != NULL && bw_project_get_modified (self->project) &&
      !self->close_confirmed)
    {
      g_autofree char *name = bw_project_dup_display_name (self->project);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (window, NULL,
                                       _("Changes that are not saved are lost for good."));
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("Save Changes to “%s”?"), name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));

      return TRUE;
    }

  save_window_size (self);

  return GTK_WINDOW_CLASS (bw_window_parent_class)->close_request (window);
}

/* GSettings */

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  static const char *ids[] = { APP_ID, "io.github.bulwarkapp.Bulwark" };

  /* An uninstalled build (or a test) has no schema: then the window simply
   * does not remember its size, rather than abort as GSettings would. */
  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, ids[i], TRUE);

      if (schema != NULL &&
          g_settings_schema_has_key (schema, "window-width") &&
          g_settings_schema_has_key (schema, "window-height") &&
          g_settings_schema_has_key (schema, "window-maximized"))
        return g_settings_new_full (schema, NULL, NULL);
    }

  return NULL;
}

static void
restore_window_size (BwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* GObject */

static void
bw_window_constructed (GObject *object)
{
  BwWindow *self = BW_WINDOW (object);

  G_OBJECT_CLASS (bw_window_parent_class)->constructed (object);

  if (self->project == NULL)
    {
      g_autoptr(BwProject) project = bw_project_new ();
      bw_window_set_project (self, project);
    }

  restore_window_size (self);
  _bw_window_update_recent_menu (self);
}

static void
bw_window_dispose (GObject *object)
{
  BwWindow *self = BW_WINDOW (object);

  _bw_window_recovery_dispose (self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        if (pages[i].get_model != NULL)
          g_signal_handlers_disconnect_by_data (pages[i].get_model (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
    }
  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_WINDOW);

  G_OBJECT_CLASS (bw_window_parent_class)->dispose (object);
}

static void
bw_window_finalize (GObject *object)
{
  BwWindow *self = BW_WINDOW (object);

  g_clear_pointer (&self->selected_key, g_free);
  g_clear_pointer (&self->import_source, g_free);

  G_OBJECT_CLASS (bw_window_parent_class)->finalize (object);
}

static void
bw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BwWindow *self = BW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BwWindow *self = BW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (g_value_get_object (value) != NULL)
        bw_window_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_window_class_init (BwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bw_window_constructed;
  object_class->dispose = bw_window_dispose;
  object_class->finalize = bw_window_finalize;
  object_class->get_property = bw_window_get_property;
  object_class->set_property = bw_window_set_property;

  window_class->close_request = bw_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BW_TYPE_DIAGRAM_VIEW);
  g_type_ensure (BW_TYPE_INSPECTOR);
  g_type_ensure (BW_TYPE_COMPONENTS_PAGE);
  g_type_ensure (BW_TYPE_ATTACK_TREE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, components_page);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, attack_tree_page);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, tool_box);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, snap_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);

  _bw_window_class_actions_init (klass);
  _bw_window_class_diagrams_init (klass);
  _bw_window_class_import_init (klass);
  _bw_window_class_shortcuts_init (klass);
}

static void
bw_window_init (BwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = settings_new_if_installed ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].get_type != NULL)
      gtk_stack_add_named (self->stack, g_object_new (pages[i].get_type (), NULL), pages[i].key);
  g_signal_connect_object (_bw_window_get_page (self, "checks"), "notify::n-findings",
                           G_CALLBACK (update_sidebar), self, G_CONNECT_SWAPPED);
  _bw_window_actions_init (self);
  _bw_window_init_toolbar (self);
  _bw_window_import_init (self);
  _bw_window_recovery_init (self);
  _bw_window_settings_init (self);
  zoom_changed_cb (self, NULL, self->diagram_view);
}

BwWindow *
bw_window_new (BwApplication *application,
               BwProject     *project)
{
  g_return_val_if_fail (!application || BW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!project || BW_IS_PROJECT (project), NULL);

  return g_object_new (BW_TYPE_WINDOW,
                       "application", application,
                       "project", project,
                       NULL);
}

BwProject *
bw_window_get_project (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  return self->project;
}

void
bw_window_set_project (BwWindow  *self,
                       BwProject *project)
{
  BwCommandStack *stack;

  g_return_if_fail (BW_IS_WINDOW (self));
  g_return_if_fail (BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        if (pages[i].get_model != NULL)
          g_signal_handlers_disconnect_by_data (pages[i].get_model (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
    }

  g_set_object (&self->project, project);
  self->close_confirmed = FALSE;
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->selected_key, g_free);

  g_signal_connect_object (project, "notify::modified",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::file",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  stack = bw_project_get_command_stack (project);
  g_signal_connect_object (stack, "notify",
                           G_CALLBACK (command_stack_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "selection-restored",
                           G_CALLBACK (selection_restored_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (pages[i].get_model == NULL)
        continue;
      g_signal_connect_object (pages[i].get_model (project), "items-changed",
                               g_str_equal (pages[i].key, "diagrams")
                                 ? G_CALLBACK (diagrams_changed_cb)
                                 : G_CALLBACK (collection_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  /* Element counts per diagram. */
  g_signal_connect_object (bw_project_get_elements (project), "items-changed",
                           G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);

  _bw_window_diagrams_attach (self);
  bw_diagram_view_set_project (self->diagram_view, project);
  bw_inspector_set_project (self->inspector, project);
  bw_components_page_set_project (self->components_page, project);
  bw_attack_tree_page_set_project (self->attack_tree_page, project);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].get_type != NULL)
      bw_page_set_project (_bw_window_get_page (self, pages[i].key), project);

  rebuild_sidebar (self);
  update_title (self);
  _bw_window_actions_update (self);
  _bw_window_recovery_set_project (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
bw_window_is_pristine (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);

  return self->project != NULL &&
         bw_project_get_file (self->project) == NULL &&
         bw_command_stack_get_depth (bw_project_get_command_stack (self->project)) == 0 &&
         !bw_project_get_modified (self->project) &&
         g_list_model_get_n_items (bw_project_get_elements (self->project)) == 0 &&
         g_list_model_get_n_items (bw_project_get_diagrams (self->project)) == 0;
}

gboolean
bw_window_select (BwWindow   *self,
                  const char *key)
{
  BwSidebarRow *row;

  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!(row = find_row (self, key)))
    return FALSE;

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
  /* Selecting the selected row emits nothing; show it all the same. */
  show_key (self, key);

  return TRUE;
}

const char *
bw_window_get_selected_key (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  return self->selected_key;
}

GtkListBox *
bw_window_get_sidebar (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  return self->sidebar;
}

BwDiagramView *
bw_window_get_diagram_view (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  return self->diagram_view;
}

BwInspector *
bw_window_get_inspector (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  return self->inspector;
}

void
bw_window_set_import_source (BwWindow   *self,
                             const char *description)
{
  g_return_if_fail (BW_IS_WINDOW (self));

  g_free (self->import_source);
  self->import_source = g_strdup (description);
  update_title (self);
}

gboolean
bw_window_save_to_file (BwWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!bw_project_save_to_file (self->project, file, BW_SAVE_FLAGS_STAMP, NULL, error))
    return FALSE;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  update_title (self);

  return TRUE;
}

/* The page of a sidebar key, or NULL for the diagrams and the pages the
 * template holds (components, attack trees). */
BwPage *
_bw_window_get_page (BwWindow   *self,
                     const char *key)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, key);

  return BW_IS_PAGE (child) ? BW_PAGE (child) : NULL;
}

/* Which page shows a record: its sidebar key, or NULL. */
static const char *
key_of_record (BwRecord *record)
{
  if (BW_IS_ASSET (record))
    return "assets";
  if (BW_IS_THREAT (record))
    return "threats";
  if (BW_IS_OBJECTIVE (record))
    return "objectives";
  if (BW_IS_REQUIREMENT (record))
    return "requirements";
  if (BW_IS_HAZARD (record))
    return "hazards";
  if (BW_IS_ASSUMPTION (record))
    return "assumptions";
  if (BW_IS_ATTACK_TREE (record))
    return "attack-trees";
  if (BW_IS_COMPONENT (record))
    return "components";

  return NULL;
}

gboolean
bw_window_show_record (BwWindow   *self,
                       const char *id)
{
  BwRecord *record;
  const char *key;

  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->project == NULL || !(record = bw_project_lookup (self->project, id)))
    return FALSE;

  if (BW_IS_ELEMENT (record))
    {
      g_autofree char *diagram_key = g_strconcat ("diagram:", bw_element_get_diagram (BW_ELEMENT (record)), NULL);
      const char *ids[] = { id, NULL };

      if (!bw_window_select (self, diagram_key))
        return FALSE;
      bw_diagram_view_set_selection (self->diagram_view, ids);
      return TRUE;
    }

  if (BW_IS_DIAGRAM (record))
    {
      g_autofree char *diagram_key = g_strconcat ("diagram:", id, NULL);

      return bw_window_select (self, diagram_key);
    }

  if (!(key = key_of_record (record)) || !bw_window_select (self, key))
    return FALSE;

  if (g_str_equal (key, "attack-trees"))
    return bw_attack_tree_page_set_tree_id (self->attack_tree_page, id);
  if (g_str_equal (key, "components"))
    return bw_components_page_select (self->components_page, id, -1);

  return bw_page_select_record (_bw_window_get_page (self, key), id);
}

void
bw_window_filter_threats (BwWindow   *self,
                          const char *filter)
{
  g_return_if_fail (BW_IS_WINDOW (self));

  if (!bw_window_select (self, "threats"))
    return;
  bw_page_set_filter (_bw_window_get_page (self, "threats"), filter);
}
