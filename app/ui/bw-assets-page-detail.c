/* bw-assets-page-detail.c — the assets page's side panel: the selected asset
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every member of the asset as a row (each change one command; typing into
 * one field is one undo step, as in the inspector), the elements that
 * carry it — the link is stored on the element (FORMAT.md, elements:
 * `assets`) — and the active threats on those elements, each a click away.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-assets-page-private.h"
#include "bw-element-links.h"
#include "bw-record-page.h"
#include "bw-traceability.h"

/* FORMAT.md's values, in the order of the combo rows. */
static const char * const kinds[] = { "data", "function", "property", NULL };
static const char * const levels[] = { "none", "low", "medium", "high", NULL };

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
combo_selected_cb (BwAssetsPage *self,
                   GParamSpec   *pspec,
                   AdwComboRow  *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "values");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (bw_record_table_is_showing (self->table) || selected >= g_strv_length ((char **) values))
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, values[selected]);
  bw_record_table_set_member (self->table, g_object_get_data (G_OBJECT (row), "member"), &value);
  /* A choice is a step of its own, never merged with the next. */
  bw_record_table_seal (self->table);
}

static void
safety_active_cb (BwAssetsPage *self,
                  GParamSpec   *pspec,
                  GtkSwitch    *toggle)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (bw_record_table_is_showing (self->table))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  bw_record_table_set_member (self->table, "safety_relevant", &value);
  bw_record_table_seal (self->table);
}

/* The element's "assets" list with the selected asset added or taken out. */
void
_bw_assets_page_link_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  BwProject *project = bw_record_table_get_project (self->table);
  const char *asset_id = bw_record_table_get_selected_id (self->table);
  const char *element_id = g_variant_get_string (parameter, NULL);
  gboolean link = g_str_equal (action_name, "assets.link-element");
  g_auto(GStrv) assets = NULL;
  BwCommand *command;
  BwRecord *record;

  if (_bw_assets_page_selected_asset (self) == NULL)
    return;
  record = bw_project_lookup (project, element_id);
  if (!BW_IS_ELEMENT (record))
    return;
  assets = _bw_record_page_strv_toggle (bw_element_get_assets (BW_ELEMENT (record)), asset_id, link);
  command = _bw_record_page_set_strv (project, element_id, "assets", (const char * const *) assets);
  bw_command_set_label (command, link ? _("Link Asset to Element") : _("Unlink Asset from Element"));
  bw_record_table_execute (self->table, command);
  bw_record_table_seal (self->table);
}

/* Rows */

static GtkWidget *
add_link_row (BwAssetsPage        *self,
              AdwPreferencesGroup *group,
              GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->link_rows, g_object_ref (row));
  return row;
}

static void
clear_link_rows (BwAssetsPage *self)
{
  for (guint i = 0; i < self->link_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->link_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->link_rows, 0);
}

static const char *
diagram_name (BwAssetsPage *self,
              BwElement    *element)
{
  BwDiagram *diagram = bw_project_get_diagram_of (bw_record_table_get_project (self->table), element);

  return diagram != NULL ? bw_diagram_get_name (diagram) : "";
}

static void
add_element_rows (BwAssetsPage *self,
                  GPtrArray    *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);

      add_link_row (self, self->elements_group,
                    _bw_element_links_row (bw_record_table_get_project (self->table),
                                           bw_record_get_id (BW_RECORD (element)), "assets.unlink-element"));
    }
  if (elements->len == 0)
    add_link_row (self, self->elements_group,
                  _bw_record_page_show_row (_("No element carries this asset"),
                                            _("Link the processes, stores and flows that hold or carry it"), NULL));
}

static const char *
category_name (const char *category)
{
  switch (category != NULL ? category[0] : '\0')
    {
    case 'S': return _("Spoofing");
    case 'T': return _("Tampering");
    case 'R': return _("Repudiation");
    case 'I': return _("Information Disclosure");
    case 'D': return _("Denial of Service");
    case 'E': return _("Elevation of Privilege");
    default: return "";
    }
}

static void
add_threat_rows (BwAssetsPage *self,
                 GPtrArray    *threats)
{
  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      const char *id = bw_record_get_id (BW_RECORD (threat));
      /* Translators: a threat's ID and STRIDE category, "T-3 · Tampering" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), id, category_name (bw_threat_get_category (threat)));

      add_link_row (self, self->threats_group, _bw_record_page_show_row (bw_threat_get_title (threat), subtitle, id));
    }
  if (threats->len == 0)
    add_link_row (self, self->threats_group,
                  _bw_record_page_show_row (_("No threats yet"),
                                            _("Threats appear when an element that carries the asset has some"),
                                            NULL));
}

/* The picker offers the project's nodes and flows that do not carry the
 * asset yet. */
static gboolean
can_carry (BwElement *element,
           gpointer   data)
{
  const char *asset_id = data;
  const char * const *assets = bw_element_get_assets (element);

  return bw_element_get_kind_enum (element) != BW_ELEMENT_TRUST_BOUNDARY &&
         (assets == NULL || !g_strv_contains (assets, asset_id));
}

static void
update_link_menu (BwAssetsPage *self,
                  gboolean      build)
{
  _bw_element_links_update_menu (self->link_button, bw_record_table_get_project (self->table),
                                 "assets.link-element", can_carry,
                                 (gpointer) bw_record_table_get_selected_id (self->table), build);
}

static void
create_link_menu_cb (GtkMenuButton *button,
                     gpointer       data)
{
  BwAssetsPage *self = data;

  if (_bw_assets_page_selected_asset (self) != NULL)
    update_link_menu (self, TRUE);
}

/* What the link rows show, to rebuild them only when it changed (a
 * rebuild while typing a name would be wasted work). */
static char *
links_signature (BwAssetsPage *self,
                 GPtrArray    *elements,
                 GPtrArray    *threats)
{
  GString *text = g_string_new (bw_record_table_get_selected_id (self->table));

  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);

      g_string_append_printf (text, "\n%s\t%s\t%s", bw_record_get_id (BW_RECORD (element)),
                              bw_element_get_name (element), diagram_name (self, element));
    }
  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);

      g_string_append_printf (text, "\n%s\t%s\t%s", bw_record_get_id (BW_RECORD (threat)),
                              bw_threat_get_title (threat), bw_threat_get_category (threat));
    }
  return g_string_free (text, FALSE);
}

void
_bw_assets_page_refresh_panel (BwAssetsPage *self)
{
  BwAsset *asset = _bw_assets_page_selected_asset (self);
  BwProject *project = bw_record_table_get_project (self->table);
  const char *id = bw_record_table_get_selected_id (self->table);
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_autofree char *signature = NULL;

  if (asset == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }

  adw_preferences_group_set_title (self->asset_group, id);
  _bw_record_page_show_text (GTK_EDITABLE (self->name_row), bw_asset_get_name (asset));
  _bw_record_page_show_text (GTK_EDITABLE (self->description_row), bw_asset_get_description (asset));
  adw_combo_row_set_selected (self->kind_row, index_of (kinds, bw_asset_get_kind (asset)));
  adw_combo_row_set_selected (self->confidentiality_row, index_of (levels, bw_asset_get_confidentiality (asset)));
  adw_combo_row_set_selected (self->integrity_row, index_of (levels, bw_asset_get_integrity (asset)));
  adw_combo_row_set_selected (self->availability_row, index_of (levels, bw_asset_get_availability (asset)));
  gtk_switch_set_active (self->safety_switch, bw_asset_get_safety_relevant (asset));

  elements = bw_traceability_elements_for_asset (project, id);
  threats = bw_traceability_threats_for_asset (project, id);
  signature = links_signature (self, elements, threats);
  if (g_strcmp0 (signature, self->shown_links) != 0)
    {
      clear_link_rows (self);
      add_element_rows (self, elements);
      add_threat_rows (self, threats);
      g_free (self->shown_links);
      self->shown_links = g_steal_pointer (&signature);
    }
  gtk_widget_set_sensitive (self->show_threats_button, threats->len > 0);
  update_link_menu (self, FALSE);
  gtk_stack_set_visible_child_name (self->panel_stack, "asset");
}

/* Building the panel */

static AdwComboRow *
combo_row (BwAssetsPage        *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle,
           const char          *member,
           const char * const  *values,
           const char *       (*label) (const char *value))
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (model, label (values[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  gtk_widget_set_name (GTK_WIDGET (row), member);
  g_object_set_data (G_OBJECT (row), "member", (gpointer) member);
  g_object_set_data (G_OBJECT (row), "values", (gpointer) values);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static AdwPreferencesGroup *
group_new (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static GtkWidget *
build_none (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("No Selection"));
  GtkWidget *hint = gtk_label_new (_("Choose an asset in the list to edit it and see what endangers it"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  return box;
}

GtkWidget *
_bw_assets_page_build_panel (BwAssetsPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *needs;
  GtkWidget *safety_row = adw_action_row_new ();
  GtkWidget *show_threats;

  self->panel_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->panel_stack), 340, -1);
  gtk_stack_add_named (self->panel_stack, build_none (), "none");

  self->asset_group = group_new (page, "", NULL);
  self->name_row = bw_record_table_add_entry_row (self->table, self->asset_group, _("Name"), "name");
  self->kind_row = combo_row (self, self->asset_group, _("Kind"), NULL, "kind", kinds,
                              _bw_assets_page_kind_label);
  self->description_row = bw_record_table_add_entry_row (self->table, self->asset_group, _("Description"),
                                                         "description");

  needs = group_new (page, _("Protection Needs"), _("How much a breach of each property of the asset would matter"));
  self->confidentiality_row = combo_row (self, needs, _("Confidentiality"), _("Kept from those not allowed to see it"),
                                         "confidentiality", levels, _bw_assets_page_level_label);
  self->integrity_row = combo_row (self, needs, _("Integrity"), _("Correct and unaltered"),
                                   "integrity", levels, _bw_assets_page_level_label);
  self->availability_row = combo_row (self, needs, _("Availability"), _("There when it is needed"),
                                      "availability", levels, _bw_assets_page_level_label);
  self->safety_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->safety_switch), "safety_relevant");
  gtk_widget_set_valign (GTK_WIDGET (self->safety_switch), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->safety_switch, "notify::active", G_CALLBACK (safety_active_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (safety_row), _("Safety Relevant"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (safety_row), _("A breach could harm a patient"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (safety_row), GTK_WIDGET (self->safety_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (safety_row), GTK_WIDGET (self->safety_switch));
  adw_preferences_group_add (needs, safety_row);

  self->elements_group = group_new (page, _("Elements"),
                                    _("The elements of the diagrams that store, process or carry it"));
  self->link_button = _bw_element_links_button (create_link_menu_cb, self);
  adw_preferences_group_set_header_suffix (self->elements_group, GTK_WIDGET (self->link_button));

  self->threats_group = group_new (page, _("Threats"), _("Active threats on those elements"));
  show_threats = gtk_button_new_with_mnemonic (_("Show in _Threats"));
  gtk_widget_set_tooltip_text (show_threats, _("Show these threats on the threats page"));
  gtk_widget_add_css_class (show_threats, "flat");
  gtk_widget_set_valign (show_threats, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_threats), "assets.show-threats");
  adw_preferences_group_set_header_suffix (self->threats_group, show_threats);
  self->show_threats_button = show_threats;

  gtk_stack_add_named (self->panel_stack, GTK_WIDGET (page), "asset");
  return GTK_WIDGET (self->panel_stack);
}
