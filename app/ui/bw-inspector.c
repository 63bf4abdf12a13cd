/* bw-inspector.c — the side panel that shows and edits the selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-reconnect.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-component.h"
#include "bw-inspector.h"
#include "bw-inspector-links.h"
#include "bw-rule-library.h"
#include "bw-rule-set.h"
#include "bw-rule-property.h"

struct _BwInspector
{
  GtkWidget     parent_instance;

  BwProject    *project;
  char         *element_id;

  GtkStack     *stack;
  AdwEntryRow  *name_row;
  AdwActionRow *kind_row;
  AdwActionRow *id_row;
  AdwActionRow *diagram_row;
  GtkBox       *details_box;

  /* Built for the element shown (its kind decides which rows there are);
   * a change of the document only updates their values. */
  char         *built_for;
  GtkWidget    *details_group;
  AdwEntryRow  *description_row;
  GtkSwitch    *out_of_scope_switch;
  AdwEntryRow  *reason_row;
  AdwActionRow *components_row;   /* read-only: components that name it */
  GtkWidget    *flow_group;
  AdwComboRow  *source_row;
  AdwComboRow  *target_row;
  GtkSwitch    *bidirectional_switch;
  GPtrArray    *node_ids;         /* the combo rows' items, as IDs */
  GtkWidget    *properties_group;
  GPtrArray    *property_rows;    /* rows with "property" data */
  BwInspectorLinks *links;        /* assets and threats */
  gboolean      updating;         /* values being shown, not edited */
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ELEMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwInspector, bw_inspector, GTK_TYPE_WIDGET)

static const char *
kind_title (BwElementKind kind)
{
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return _("External Entity");
    case BW_ELEMENT_PROCESS: return _("Process");
    case BW_ELEMENT_DATA_STORE: return _("Data Store");
    case BW_ELEMENT_DATA_FLOW: return _("Data Flow");
    case BW_ELEMENT_TRUST_BOUNDARY:
    default: return _("Trust Boundary");
    }
}

static BwElement *
lookup_element (BwInspector *self)
{
  BwRecord *record;

  if (self->project == NULL || self->element_id == NULL)
    return NULL;

  record = bw_project_lookup (self->project, self->element_id);

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

/* Details: every member an element has, as typed fields; each change is
 * a command, and typing into one field is one undo step (the stack merges
 * edits of the same member until something else happens). */

static void
set_member (BwInspector *self,
            const char  *member,
            GValue      *value)
{
  const char * const selection[] = { self->element_id, NULL };
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->project == NULL || self->element_id == NULL)
    return;
  command = bw_command_set_property_new (self->project, self->element_id, member, value);
  bw_command_set_selection (command, selection, selection);
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static void
set_string_member (BwInspector *self,
                   const char  *member,
                   const char  *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  set_member (self, member, &value);
}

static void
set_bool_member (BwInspector *self,
                 const char  *member,
                 gboolean     on)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, on);
  set_member (self, member, &value);
}

static void
description_changed_cb (BwInspector *self,
                        GtkEditable *editable)
{
  set_string_member (self, "description", gtk_editable_get_text (editable));
}

static void
reason_changed_cb (BwInspector *self,
                   GtkEditable *editable)
{
  set_string_member (self, "out_of_scope_reason", gtk_editable_get_text (editable));
}

static void
out_of_scope_cb (BwInspector *self,
                 GParamSpec  *pspec,
                 GtkSwitch   *toggle)
{
  set_bool_member (self, "out_of_scope", gtk_switch_get_active (toggle));
}

static void
bidirectional_cb (BwInspector *self,
                  GParamSpec  *pspec,
                  GtkSwitch   *toggle)
{
  set_bool_member (self, "bidirectional", gtk_switch_get_active (toggle));
}

static void
end_selected_cb (BwInspector *self,
                 GParamSpec  *pspec,
                 AdwComboRow *row)
{
  BwFlowEnd end = row == self->source_row ? BW_FLOW_END_SOURCE : BW_FLOW_END_TARGET;
  guint index = adw_combo_row_get_selected (row);
  const char * const selection[] = { self->element_id, NULL };
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  BwElement *flow = lookup_element (self);

  if (self->updating || flow == NULL || index >= self->node_ids->len)
    return;
  if (g_strcmp0 (g_ptr_array_index (self->node_ids, index),
                 end == BW_FLOW_END_SOURCE ? bw_element_get_source (flow) : bw_element_get_target (flow)) == 0)
    return;
  command = bw_command_reconnect_new (self->project, self->element_id, end,
                                      g_ptr_array_index (self->node_ids, index));
  bw_command_set_selection (command, selection, selection);
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (row));
    }
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

/* One member of "properties" changed: the whole object is the value. */
static void
set_property_value (BwInspector *self,
                    const char  *name,
                    JsonNode    *node)
{
  BwElement *element = lookup_element (self);
  JsonObject *now = element ? bw_element_get_properties (element) : NULL;
  g_autoptr(JsonObject) next = json_object_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  if (element == NULL)
    {
      json_node_unref (node);
      return;
    }
  if (now != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (now);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (next, l->data, json_node_copy (json_object_get_member (now, l->data)));
    }
  json_object_set_member (next, name, node);
  g_value_init (&value, JSON_TYPE_OBJECT);
  g_value_set_boxed (&value, next);
  set_member (self, "properties", &value);
}

static void
property_switch_cb (BwInspector *self,
                    GParamSpec  *pspec,
                    GtkSwitch   *toggle)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, gtk_switch_get_active (toggle));
  set_property_value (self, g_object_get_data (G_OBJECT (toggle), "property"), node);
}

static void
property_entry_cb (BwInspector *self,
                   GtkEditable *editable)
{
  BwRuleProperty *property = g_object_get_data (G_OBJECT (editable), "rule-property");
  const char *text = gtk_editable_get_text (editable);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (bw_rule_property_get_value_type (property) == BW_RULE_PROPERTY_NUMBER)
    {
      char *end = NULL;
      double number = g_ascii_strtod (text, &end);

      /* Half-typed numbers wait; the row shows it is not one yet. */
      if (*text == '\0' || end == NULL || *end != '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
          json_node_unref (node);
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      if (number == (gint64) number)
        json_node_set_int (node, (gint64) number);
      else
        json_node_set_double (node, number);
    }
  else
    json_node_set_string (node, text);
  set_property_value (self, g_object_get_data (G_OBJECT (editable), "property"), node);
}

static void
property_choice_cb (BwInspector *self,
                    GParamSpec  *pspec,
                    AdwComboRow *row)
{
  BwRuleProperty *property = g_object_get_data (G_OBJECT (row), "rule-property");
  const char * const *values = bw_rule_property_get_values (property);
  guint index = adw_combo_row_get_selected (row);
  JsonNode *node;

  if (values == NULL || index >= g_strv_length ((char **) values))
    return;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, values[index]);
  set_property_value (self, g_object_get_data (G_OBJECT (row), "property"), node);
}

/* The vocabulary names properties for files ("controls_therapy"); rows
 * say it in words ("Controls therapy"). */
static char *
humanize (const char *name)
{
  char *text = g_strdup (name);

  g_strdelimit (text, "_-", ' ');
  if (text[0] != '\0')
    text[0] = g_ascii_toupper (text[0]);
  return text;
}

/* The properties every loaded library declares for `kind`, first
 * declaration of a name winning: the window's rule set when it derives,
 * else the built-in library. */
static GPtrArray *
dup_vocabulary (BwInspector *self,
                const char  *kind)
{
  GPtrArray *vocabulary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  BwRuleSet *rules = bw_command_stack_get_auto_derive (bw_project_get_command_stack (self->project));
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func (g_object_unref);

  if (rules != NULL)
    {
      GListModel *loaded = bw_rule_set_get_libraries (rules);

      for (guint i = 0; i < g_list_model_get_n_items (loaded); i++)
        g_ptr_array_add (libraries, g_list_model_get_item (loaded, i));
    }
  else
    g_ptr_array_add (libraries, g_object_ref (bw_rule_library_get_builtin ()));

  for (guint l = 0; l < libraries->len; l++)
    {
      GListModel *declared = bw_rule_library_get_properties (g_ptr_array_index (libraries, l), kind);

      for (guint i = 0; declared != NULL && i < g_list_model_get_n_items (declared); i++)
        {
          g_autoptr(BwRuleProperty) property = g_list_model_get_item (declared, i);

          if (g_hash_table_add (seen, (gpointer) bw_rule_property_get_name (property)))
            g_ptr_array_add (vocabulary, g_steal_pointer (&property));
        }
    }
  return vocabulary;
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkSwitch  **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *out = GTK_SWITCH (toggle);
  return row;
}

static void
clear_details (BwInspector *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))))
    gtk_box_remove (self->details_box, child);
  self->details_group = self->flow_group = self->properties_group = NULL;
  self->description_row = self->reason_row = NULL;
  self->components_row = NULL;
  self->links = NULL;
  self->out_of_scope_switch = self->bidirectional_switch = NULL;
  self->source_row = self->target_row = NULL;
  g_ptr_array_set_size (self->property_rows, 0);
  g_ptr_array_set_size (self->node_ids, 0);
  g_clear_pointer (&self->built_for, g_free);
}

static void
build_details (BwInspector *self,
               BwElement   *element)
{
  BwElementKind kind = bw_element_get_kind_enum (element);
  gboolean scoped = bw_element_is_node (element) || kind == BW_ELEMENT_DATA_FLOW;
  GtkWidget *row;

  clear_details (self);
  self->built_for = g_strdup (self->element_id);

  self->details_group = adw_preferences_group_new ();
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Description"));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (description_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->details_group), row);
  self->description_row = ADW_ENTRY_ROW (row);
  if (scoped)
    {
      row = switch_row (_("Out of Scope"), _("No threats are derived for it"), &self->out_of_scope_switch);
      g_signal_connect_swapped (self->out_of_scope_switch, "notify::active", G_CALLBACK (out_of_scope_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->details_group), row);
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason for Out of Scope"));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (reason_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->details_group), row);
      self->reason_row = ADW_ENTRY_ROW (row);
    }
  /* The other side of a component's "elements": edited on the
   * components page, shown here so the link is visible from both ends. */
  row = adw_action_row_new ();
  gtk_widget_set_name (row, "components-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Components"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->details_group), row);
  self->components_row = ADW_ACTION_ROW (row);
  gtk_box_append (self->details_box, self->details_group);

  if (kind == BW_ELEMENT_DATA_FLOW)
    {
      g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (self->project, bw_element_get_diagram (element));
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < elements->len; i++)
        if (bw_element_is_node (g_ptr_array_index (elements, i)))
          {
            BwElement *node = g_ptr_array_index (elements, i);

            g_ptr_array_add (self->node_ids, g_strdup (bw_record_get_id (BW_RECORD (node))));
            gtk_string_list_append (names, bw_element_get_name (node));
          }

      self->flow_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->flow_group), _("Data Flow"));
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("From"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      self->source_row = ADW_COMBO_ROW (row);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (end_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->flow_group), row);
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("To"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      self->target_row = ADW_COMBO_ROW (row);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (end_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->flow_group), row);
      row = switch_row (_("Both Directions"), NULL, &self->bidirectional_switch);
      g_signal_connect_swapped (self->bidirectional_switch, "notify::active", G_CALLBACK (bidirectional_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->flow_group), row);
      gtk_box_append (self->details_box, self->flow_group);
    }

  /* The rule library's vocabulary for this kind, with a typed field each. */
  if (scoped)
    {
      g_autoptr(GPtrArray) vocabulary = dup_vocabulary (self, bw_element_get_kind (element));

      self->properties_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->properties_group), _("Properties"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->properties_group),
                                             _("What the rules ask about; hover a row for the full explanation"));
      for (guint i = 0; i < vocabulary->len; i++)
        {
          BwRuleProperty *property = g_ptr_array_index (vocabulary, i);
          const char *name = bw_rule_property_get_name (property);
          const char *help = bw_rule_property_get_help (property);
          const char * const *values = bw_rule_property_get_values (property);
          g_autofree char *title = humanize (name);
          GtkWidget *target;

          if (bw_rule_property_get_value_type (property) == BW_RULE_PROPERTY_BOOL)
            {
              GtkSwitch *toggle;

              row = switch_row (title, help, &toggle);
              target = GTK_WIDGET (toggle);
              g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (property_switch_cb), self);
            }
          else if (values != NULL && values[0] != NULL)
            {
              g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

              for (guint k = 0; values[k] != NULL; k++)
                {
                  g_autofree char *choice = humanize (values[k]);

                  gtk_string_list_append (choices, choice);
                }
              row = adw_combo_row_new ();
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
              if (help != NULL)
                adw_action_row_set_subtitle (ADW_ACTION_ROW (row), help);
              adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
              target = row;
              g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (property_choice_cb), self);
            }
          else
            {
              row = adw_entry_row_new ();
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
              target = row;
              g_signal_connect_swapped (row, "changed", G_CALLBACK (property_entry_cb), self);
            }
          /* The help is long: two lines under the name, all of it on hover. */
          if (help != NULL)
            {
              gtk_widget_set_tooltip_text (row, help);
              if (ADW_IS_ACTION_ROW (row))
                adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
            }
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_widget_set_name (row, name);
          g_object_set_data_full (G_OBJECT (target), "property", g_strdup (name), g_free);
          g_object_set_data_full (G_OBJECT (target), "rule-property", g_object_ref (property), g_object_unref);
          g_ptr_array_add (self->property_rows, target);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->properties_group), row);
        }
      if (vocabulary->len > 0)
        gtk_box_append (self->details_box, self->properties_group);
      else
        {
          /* Nothing to show: never parented, so drop it here. */
          g_object_unref (g_object_ref_sink (self->properties_group));
          self->properties_group = NULL;
        }
    }

  self->links = BW_INSPECTOR_LINKS (bw_inspector_links_new ());
  gtk_box_append (self->details_box, GTK_WIDGET (self->links));
}

static void
show_text (GtkEditable *editable,
           const char  *text)
{
  /* Only when different: typing keeps its cursor. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static guint
index_of (GPtrArray  *ids,
          const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
refresh_components (BwInspector *self)
{
  GListModel *components = bw_project_get_components (self->project);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (components); i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      const char * const *elements = bw_component_get_elements (component);

      if (elements == NULL || !g_strv_contains (elements, self->element_id))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a component in the inspector, "mbedTLS 3.6.2" */
      g_string_append_printf (text, C_("component", "%s %s"), bw_component_get_name (component),
                              bw_component_get_version (component));
    }
  adw_action_row_set_subtitle (self->components_row, text->len > 0 ? text->str : _("None"));
}

static void
refresh_details (BwInspector *self,
                 BwElement   *element)
{
  JsonObject *values;

  if (g_strcmp0 (self->built_for, self->element_id) != 0)
    build_details (self, element);

  self->updating = TRUE;
  show_text (GTK_EDITABLE (self->description_row), bw_element_get_description (element));
  refresh_components (self);
  bw_inspector_links_refresh (self->links, self->project, self->element_id);
  if (self->out_of_scope_switch != NULL)
    {
      gtk_switch_set_active (self->out_of_scope_switch, bw_element_get_out_of_scope (element));
      show_text (GTK_EDITABLE (self->reason_row), bw_element_get_out_of_scope_reason (element));
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), bw_element_get_out_of_scope (element));
    }
  if (self->source_row != NULL)
    {
      adw_combo_row_set_selected (self->source_row, index_of (self->node_ids, bw_element_get_source (element)));
      adw_combo_row_set_selected (self->target_row, index_of (self->node_ids, bw_element_get_target (element)));
      gtk_switch_set_active (self->bidirectional_switch, bw_element_get_bidirectional (element));
    }

  values = bw_element_get_properties (element);
  for (guint i = 0; i < self->property_rows->len; i++)
    {
      GtkWidget *target = g_ptr_array_index (self->property_rows, i);
      BwRuleProperty *property = g_object_get_data (G_OBJECT (target), "rule-property");
      const char *name = g_object_get_data (G_OBJECT (target), "property");
      JsonNode *node = values && json_object_has_member (values, name) ? json_object_get_member (values, name) : NULL;

      if (node == NULL)
        node = bw_rule_property_get_default (property);

      if (GTK_IS_SWITCH (target))
        gtk_switch_set_active (GTK_SWITCH (target), node && JSON_NODE_HOLDS_VALUE (node) &&
                                                    json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
                                                    json_node_get_boolean (node));
      else if (ADW_IS_COMBO_ROW (target))
        {
          const char * const *choices = bw_rule_property_get_values (property);
          const char *now = node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                              ? json_node_get_string (node) : NULL;
          guint at = GTK_INVALID_LIST_POSITION;

          for (guint k = 0; choices != NULL && choices[k] != NULL; k++)
            if (g_strcmp0 (choices[k], now) == 0)
              at = k;
          adw_combo_row_set_selected (ADW_COMBO_ROW (target), at);
        }
      else if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        {
          g_autofree char *text = NULL;
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            text = g_strdup (json_node_get_string (node));
          else if (type == G_TYPE_INT64)
            text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          else if (type == G_TYPE_DOUBLE)
            {
              char buffer[G_ASCII_DTOSTR_BUF_SIZE];

              text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
            }
          show_text (GTK_EDITABLE (target), text);
        }
      else
        show_text (GTK_EDITABLE (target), "");
    }
  self->updating = FALSE;
}

/* Shows what the document says; called on every change of the selection
 * and of the document (an undo may rename the element under our eyes). */
static void
refresh (BwInspector *self)
{
  BwElement *element = lookup_element (self);
  BwDiagram *diagram;

  if (element == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 bw_element_get_name (element)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), bw_element_get_name (element));
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  adw_action_row_set_subtitle (self->kind_row, kind_title (bw_element_get_kind_enum (element)));
  adw_action_row_set_subtitle (self->id_row, self->element_id);

  diagram = bw_project_get_diagram_of (self->project, element);
  adw_action_row_set_subtitle (self->diagram_row, diagram ? bw_diagram_get_name (diagram) : "");

  refresh_details (self, element);
  gtk_stack_set_visible_child_name (self->stack, "element");
}

static void
command_stack_changed_cb (BwInspector    *self,
                          BwCommandStack *stack)
{
  refresh (self);
}

static void
name_apply_cb (BwInspector *self,
               AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bw_inspector_apply_name (self, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* The core refused the name (it explains why): keep the text so the
       * user can fix it, and mark the row. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
}

/* Ctrl+Z in the name row first drops a pending, unapplied edit; with
 * none it undoes the last edit of the document, like everywhere else in
 * the window (the entry's own undo history is turned off). */
static gboolean
name_key_pressed_cb (BwInspector           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  BwElement *element;
  gboolean redo;

  if ((state & GDK_CONTROL_MASK) == 0 || (keyval != GDK_KEY_z && keyval != GDK_KEY_Z))
    return FALSE;

  redo = (state & GDK_SHIFT_MASK) != 0;
  element = lookup_element (self);

  if (!redo && element != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 bw_element_get_name (element)) != 0)
    {
      refresh (self);
      return TRUE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), redo ? "win.redo" : "win.undo", NULL);

  return TRUE;
}

static void
bw_inspector_dispose (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  bw_inspector_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_INSPECTOR);

  G_OBJECT_CLASS (bw_inspector_parent_class)->dispose (object);
}

static void
bw_inspector_finalize (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  g_clear_pointer (&self->element_id, g_free);
  g_clear_pointer (&self->built_for, g_free);
  g_clear_pointer (&self->property_rows, g_ptr_array_unref);
  g_clear_pointer (&self->node_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_inspector_parent_class)->finalize (object);
}

static void
bw_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_ELEMENT_ID:
      g_value_set_string (value, self->element_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_inspector_set_project (self, g_value_get_object (value));
      break;

    case PROP_ELEMENT_ID:
      bw_inspector_set_element_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_inspector_class_init (BwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_inspector_dispose;
  object_class->finalize = bw_inspector_finalize;
  object_class->get_property = bw_inspector_get_property;
  object_class->set_property = bw_inspector_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT_ID] =
    g_param_spec_string ("element-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BwInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, name_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, id_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, diagram_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, details_box);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
bw_inspector_init (BwInspector *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->property_rows = g_ptr_array_new ();
  self->node_ids = g_ptr_array_new_with_free_func (g_free);

  /* The document has the undo history: Ctrl+Z in the name row must undo
   * the last edit of the project, not typing the entry already forgot. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (name_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), controller);
}

BwInspectorLinks *
bw_inspector_get_links (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->links;
}

GtkWidget *
bw_inspector_new (void)
{
  return g_object_new (BW_TYPE_INSPECTOR, NULL);
}

BwProject *
bw_inspector_get_project (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->project;
}

void
bw_inspector_set_project (BwInspector *self,
                          BwProject   *project)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);

  g_set_object (&self->project, project);

  clear_details (self);
  if (project != NULL)
    g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                             G_CALLBACK (command_stack_changed_cb), self,
                             G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

const char *
bw_inspector_get_element_id (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->element_id;
}

void
bw_inspector_set_element_id (BwInspector *self,
                             const char  *element_id)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));

  if (g_strcmp0 (self->element_id, element_id) == 0)
    return;

  g_free (self->element_id);
  self->element_id = g_strdup (element_id);
  /* Edits of another element are steps of their own. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_ID]);
}

gboolean
bw_inspector_apply_name (BwInspector  *self,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(BwCommand) command = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BwElement *element;

  g_return_val_if_fail (BW_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(element = lookup_element (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Nothing is selected"));
      return FALSE;
    }

  /* An unchanged name is no edit: no undo step, no modified mark. */
  if (g_strcmp0 (name, bw_element_get_name (element)) == 0)
    return TRUE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  command = bw_command_set_property_new (self->project, self->element_id, "name", &value);
  /* Undo and redo bring the renamed element back into view, selected. */
  {
    const char * const selection[] = { self->element_id, NULL };

    bw_command_set_selection (command, selection, selection);
  }

  return bw_command_stack_execute (bw_project_get_command_stack (self->project), command, error);
}
