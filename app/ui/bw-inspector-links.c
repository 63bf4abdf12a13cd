/* bw-inspector-links.c — what an element is linked to: its assets and threats
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Assets: one check row per asset of the project; a tick is the element's
 * "assets" member, and the set-property command keeps the asset's side
 * of the link in step, so the link is the same seen from both ends.
 * Threats: every threat on the element (ID, category, title, status),
 * each one click (or Enter) from the threat editor.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-inspector-links.h"
#include "bw-open-threats.h"

struct _BwInspectorLinks
{
  GtkWidget   parent_instance;

  BwProject  *project;
  char       *element_id;

  GtkWidget  *assets_group;
  GtkWidget  *threats_group;
  GPtrArray  *asset_rows;      /* of GtkWidget, in project order */
  GPtrArray  *threat_rows;
  char       *assets_shape;    /* what the asset rows were built from */
  char       *threats_shape;
  gboolean    updating;        /* ticks being shown, not clicked */
};

G_DEFINE_FINAL_TYPE (BwInspectorLinks, bw_inspector_links, GTK_TYPE_WIDGET)

/* Words for the file's values */

static const char *
category_name (const char *category)
{
  switch (category != NULL ? category[0] : '\0')
    {
    case 'S': return _("Spoofing");
    case 'T': return _("Tampering");
    case 'R': return _("Repudiation");
    case 'I': return _("Information disclosure");
    case 'D': return _("Denial of service");
    case 'E': return _("Elevation of privilege");
    default: return category ? category : "";
    }
}

static const char *
status_name (BwThreat *threat)
{
  const char *status = bw_threat_get_status (threat);

  if (bw_threat_get_obsolete (threat))
    return _("Obsolete");
  if (bw_threat_get_superseded (threat))
    return _("Superseded");
  if (g_strcmp0 (status, "not_started") == 0)
    return _("Not started");
  if (g_strcmp0 (status, "needs_investigation") == 0)
    return _("Needs investigation");
  if (g_strcmp0 (status, "not_applicable") == 0)
    return _("Not applicable");
  if (g_strcmp0 (status, "addressed") == 0)
    return _("Addressed");
  return status ? status : "";
}

static BwElement *
lookup_element (BwInspectorLinks *self)
{
  BwRecord *record;

  if (self->project == NULL || self->element_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->element_id);
  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

static void
clear_group (GtkWidget *group,
             GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Assets */

static void
asset_toggled_cb (BwInspectorLinks *self,
                  GtkCheckButton   *check)
{
  BwElement *element = lookup_element (self);
  const char *asset_id = g_object_get_data (G_OBJECT (check), "asset");
  const char * const selection[] = { self->element_id, NULL };
  GListModel *assets;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *now;
  BwCommandStack *stack;

  if (self->updating || element == NULL)
    return;
  now = bw_element_get_assets (element);
  /* The project's order, so the file does not depend on click order. */
  assets = bw_project_get_assets (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);
      const char *id = bw_record_get_id (BW_RECORD (asset));
      gboolean linked = g_str_equal (id, asset_id) ? gtk_check_button_get_active (check)
                                                   : (now != NULL && g_strv_contains (now, id));

      if (linked)
        g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, ids);
  command = bw_command_set_property_new (self->project, self->element_id, "assets", &value);
  bw_command_set_label (command, gtk_check_button_get_active (check) ? _("Link Asset") : _("Unlink Asset"));
  bw_command_set_selection (command, selection, selection);
  stack = bw_project_get_command_stack (self->project);
  /* Each tick is a step of its own, never merged into the one before. */
  bw_command_stack_seal (stack);
  if (!bw_command_stack_execute (stack, command, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (check));
    }
  bw_command_stack_seal (stack);
}

static void
add_assets_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-page", "s", "assets");
}

static char *
assets_shape (BwInspectorLinks *self)
{
  GListModel *assets = bw_project_get_assets (self->project);
  GString *shape = g_string_new (self->element_id);

  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);

      g_string_append_printf (shape, "\x1f%s\x1e%s\x1e%s", bw_record_get_id (BW_RECORD (asset)),
                              bw_asset_get_name (asset), bw_asset_get_kind (asset));
    }
  return g_string_free (shape, FALSE);
}

static void
build_assets (BwInspectorLinks *self)
{
  GListModel *assets = bw_project_get_assets (self->project);
  guint n = g_list_model_get_n_items (assets);

  clear_group (self->assets_group, self->asset_rows);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Assets…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The project has no assets yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Assets are what must be protected: list them, then link them here."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (add_assets_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->assets_group), row);
      g_ptr_array_add (self->asset_rows, row);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_asset_get_name (asset));
      /* Translators: an asset's ID and kind, "A-1 · data" */
      subtitle = g_strdup_printf (_("%s · %s"), bw_record_get_id (BW_RECORD (asset)), bw_asset_get_kind (asset));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bw_asset_get_name (asset), -1);
      g_object_set_data_full (G_OBJECT (check), "asset", g_strdup (bw_record_get_id (BW_RECORD (asset))), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (asset_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->assets_group), row);
      g_ptr_array_add (self->asset_rows, row);
    }
}

static void
refresh_assets (BwInspectorLinks *self,
                BwElement        *element)
{
  g_autofree char *shape = assets_shape (self);
  const char * const *linked = bw_element_get_assets (element);
  guint n_linked = 0;
  g_autofree char *description = NULL;

  if (g_strcmp0 (shape, self->assets_shape) != 0)
    {
      build_assets (self);
      g_free (self->assets_shape);
      self->assets_shape = g_steal_pointer (&shape);
    }
  self->updating = TRUE;
  for (guint i = 0; i < self->asset_rows->len; i++)
    {
      GtkCheckButton *check = g_object_get_data (g_ptr_array_index (self->asset_rows, i), "check");
      gboolean on;

      if (check == NULL)
        continue;
      on = linked != NULL && g_strv_contains (linked, g_object_get_data (G_OBJECT (check), "asset"));
      if (gtk_check_button_get_active (check) != on)
        gtk_check_button_set_active (check, on);
      n_linked += on;
    }
  self->updating = FALSE;
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u asset flows through or is kept here; rules use them (safety, PHI)",
                                              "%u assets flow through or are kept here; rules use them (safety, PHI)",
                                              n_linked), n_linked);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->assets_group), description);
}

/* Threats */

static void
threat_activated_cb (AdwActionRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "s",
                              g_object_get_data (G_OBJECT (row), "threat"));
}

static void
refresh_threats (BwInspectorLinks *self)
{
  g_autoptr(GPtrArray) threats = bw_threats_dup_for_element (self->project, self->element_id);
  g_autoptr(GString) shape = g_string_new (self->element_id);
  g_autofree char *description = NULL;
  guint open = 0;

  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);

      g_string_append_printf (shape, "\x1f%s\x1e%s\x1e%s\x1e%s", bw_record_get_id (BW_RECORD (threat)),
                              bw_threat_get_title (threat), bw_threat_get_category (threat), status_name (threat));
      open += bw_threat_is_open (threat);
    }
  if (open == 0)
    description = g_strdup (threats->len > 0 ? _("None open") : NULL);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", open), open);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->threats_group), description);

  if (g_strcmp0 (shape->str, self->threats_shape) == 0)
    return;
  g_free (self->threats_shape);
  self->threats_shape = g_string_free (g_steal_pointer (&shape), FALSE);

  clear_group (self->threats_group, self->threat_rows);
  if (threats->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No threats"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Threats are derived from the rule library after each edit."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->threats_group), row);
      g_ptr_array_add (self->threat_rows, row);
      return;
    }
  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      const char *id = bw_record_get_id (BW_RECORD (threat));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *letter = gtk_label_new (bw_threat_get_category (threat));
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a threat in the inspector, "T-3  Tampering with Bolus command" */
      title = g_strdup_printf (_("%s  %s"), id, bw_threat_get_title (threat));
      /* Translators: a threat's category and status, "Tampering · Not started" */
      subtitle = g_strdup_printf (_("%s · %s"), category_name (bw_threat_get_category (threat)), status_name (threat));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* The STRIDE letter, bold when the threat is open: the state is in
       * the words too, not only in the look. */
      gtk_widget_add_css_class (letter, bw_threat_is_open (threat) ? "heading" : "dim-label");
      gtk_widget_set_valign (letter, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (letter, 20, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), letter);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "threat", g_strdup (id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (threat_activated_cb), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->threats_group), row);
      g_ptr_array_add (self->threat_rows, row);
    }
}

/* The widget */

static void
bw_inspector_links_dispose (GObject *object)
{
  BwInspectorLinks *self = BW_INSPECTOR_LINKS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_inspector_links_parent_class)->dispose (object);
}

static void
bw_inspector_links_finalize (GObject *object)
{
  BwInspectorLinks *self = BW_INSPECTOR_LINKS (object);

  g_clear_pointer (&self->element_id, g_free);
  g_clear_pointer (&self->assets_shape, g_free);
  g_clear_pointer (&self->threats_shape, g_free);
  g_clear_pointer (&self->asset_rows, g_ptr_array_unref);
  g_clear_pointer (&self->threat_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_inspector_links_parent_class)->finalize (object);
}

static void
bw_inspector_links_class_init (BwInspectorLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_inspector_links_dispose;
  object_class->finalize = bw_inspector_links_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector-links");
}

static void
bw_inspector_links_init (BwInspectorLinks *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->asset_rows = g_ptr_array_new ();
  self->threat_rows = g_ptr_array_new ();

  self->assets_group = adw_preferences_group_new ();
  gtk_widget_set_name (self->assets_group, "assets-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->assets_group), _("Assets"));
  gtk_widget_set_parent (self->assets_group, GTK_WIDGET (self));

  self->threats_group = adw_preferences_group_new ();
  gtk_widget_set_name (self->threats_group, "threats-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->threats_group), _("Threats"));
  gtk_widget_set_parent (self->threats_group, GTK_WIDGET (self));
}

GtkWidget *
bw_inspector_links_new (void)
{
  return g_object_new (BW_TYPE_INSPECTOR_LINKS, NULL);
}

void
bw_inspector_links_refresh (BwInspectorLinks *self,
                            BwProject        *project,
                            const char       *element_id)
{
  BwElement *element;

  g_return_if_fail (BW_IS_INSPECTOR_LINKS (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (self->project != project)
    {
      g_set_object (&self->project, project);
      g_clear_pointer (&self->assets_shape, g_free);
      g_clear_pointer (&self->threats_shape, g_free);
    }
  if (g_strcmp0 (self->element_id, element_id) != 0)
    {
      g_free (self->element_id);
      self->element_id = g_strdup (element_id);
    }
  element = lookup_element (self);
  gtk_widget_set_visible (GTK_WIDGET (self), element != NULL);
  if (element == NULL)
    return;
  /* Boundaries carry no assets (FORMAT.md). */
  gtk_widget_set_visible (self->assets_group, bw_element_is_node (element) ||
                                              bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW);
  if (gtk_widget_get_visible (self->assets_group))
    refresh_assets (self, element);
  refresh_threats (self);
}

GtkCheckButton *
bw_inspector_links_get_asset_check (BwInspectorLinks *self,
                                    const char       *asset_id)
{
  g_return_val_if_fail (BW_IS_INSPECTOR_LINKS (self), NULL);

  for (guint i = 0; i < self->asset_rows->len; i++)
    {
      GtkCheckButton *check = g_object_get_data (g_ptr_array_index (self->asset_rows, i), "check");

      if (check != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (check), "asset"), asset_id) == 0)
        return check;
    }
  return NULL;
}

GtkWidget *
bw_inspector_links_get_threat_row (BwInspectorLinks *self,
                                   const char       *threat_id)
{
  g_return_val_if_fail (BW_IS_INSPECTOR_LINKS (self), NULL);

  for (guint i = 0; i < self->threat_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->threat_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "threat"), threat_id) == 0)
        return row;
    }
  return NULL;
}
