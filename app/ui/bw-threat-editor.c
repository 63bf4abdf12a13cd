/* bw-threat-editor.c — every field of one threat, edited through commands
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The panel is built once; refresh() shows the threat's current state and
 * runs after every change of the command stack, so undo, redo and edits
 * made elsewhere show at once.  Each control edits through one command;
 * typing into one text field is one undo step because the stack merges
 * consecutive changes of the same member (as the inspector relies on).
 * A control that is only being updated from the model never edits
 * (self->updating).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-rule-library.h"
#include "bw-threat-editor-private.h"

G_DEFINE_FINAL_TYPE (BwThreatEditor, bw_threat_editor, GTK_TYPE_WIDGET)

static const char * const statuses[] = {
  "not_started", "needs_investigation", "not_applicable", "addressed", NULL
};
static const char * const status_labels[] = {
  N_("Not started"), N_("Needs investigation"), N_("Not applicable"), N_("Addressed"),
};
static const char * const treatments[] = {
  "none", "eliminate", "mitigate", "accept", "transfer", NULL
};
static const char * const treatment_labels[] = {
  N_("None"), N_("Eliminate"), N_("Mitigate"), N_("Accept"), N_("Transfer"),
};
static const char * const sources[] = {
  "design", "supply_chain", "manufacturing", "deployment", "interoperation",
  "maintenance", "decommissioning", NULL
};
static const char * const source_labels[] = {
  N_("Design"), N_("Supply chain"), N_("Manufacturing"), N_("Deployment"),
  N_("Interoperation"), N_("Maintenance"), N_("Decommissioning"),
};
static const char * const categories[] = { "S", "T", "R", "I", "D", "E", NULL };
static const char * const category_labels[] = {
  N_("Spoofing"), N_("Tampering"), N_("Repudiation"), N_("Information disclosure"),
  N_("Denial of service"), N_("Elevation of privilege"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (sources) == BW_THREAT_EDITOR_N_SOURCES + 1);

static void refresh (BwThreatEditor *self);

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

BwThreat *
_bw_threat_editor_lookup (BwThreatEditor *self)
{
  BwRecord *record;

  if (self->project == NULL || self->threat_id == NULL)
    return NULL;

  record = bw_project_lookup (self->project, self->threat_id);
  return BW_IS_THREAT (record) ? BW_THREAT (record) : NULL;
}

/* One edit of one member of the threat (path "T-n" or "T-n/risk"); a
 * refused edit rings the bell and changes nothing. */
gboolean
_bw_threat_editor_set_member (BwThreatEditor *self,
                              const char     *path,
                              const char     *member,
                              const GValue   *value)
{
  const char * const selection[] = { self->threat_id, NULL };
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || _bw_threat_editor_lookup (self) == NULL)
    return FALSE;

  command = bw_command_set_property_new (self->project, path, member, value);
  bw_command_set_selection (command, selection, selection);
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      /* The control shows what it was set to; show the model again. */
      refresh (self);
      return FALSE;
    }
  return TRUE;
}

static void
set_string (BwThreatEditor *self,
            const char     *member,
            const char     *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  _bw_threat_editor_set_member (self, self->threat_id, member, &value);
}

static void
seal (BwThreatEditor *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

/* A choice is a step of its own: it must not merge with the next one. */
static void
set_choice (BwThreatEditor *self,
            const char     *member,
            const char     *choice)
{
  set_string (self, member, choice);
  seal (self);
}

/* Widgets the files share */

GtkWidget *
_bw_threat_editor_warning_row (const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "warning");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

/* A warning row in a boxed list of its own, shown only with the row: a
 * group's own list would show as an empty line while the warning hides. */
void
_bw_threat_editor_add_warning (AdwPreferencesGroup *group,
                               AdwActionRow        *row,
                               gboolean             below)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, below ? 12 : 0);
  gtk_widget_set_margin_bottom (list, below ? 0 : 12);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  g_object_bind_property (row, "visible", list, "visible", G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (group, list);
}

GtkWidget *
_bw_threat_editor_list_new (const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *label = gtk_label_new (placeholder);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), label);
  return list;
}

/* Whether what `widget` shows must be rebuilt: `signature` (consumed)
 * sums up its content, and the same one as last time means nothing
 * changed.  The editor refreshes on every change of the document, and
 * rebuilding rows and menus (each menu model makes a new popover) every
 * time would be slow for nothing. */
gboolean
_bw_threat_editor_signature_changed (gpointer  widget,
                                     GString  *signature)
{
  char *text = g_string_free (signature, FALSE);

  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "bw-signature"), text) == 0)
    {
      g_free (text);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (widget), "bw-signature", text, g_free);
  return TRUE;
}

void
_bw_threat_editor_list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

void
_bw_threat_editor_set_combo (AdwComboRow *row,
                             guint        index)
{
  if (adw_combo_row_get_selected (row) != index)
    adw_combo_row_set_selected (row, index);
}

/* "ID · name" for a menu; menus take "_" as a mnemonic, names are shown
 * as written. */
char *
_bw_threat_editor_menu_label (const char *id,
                              const char *name)
{
  g_autofree char *text = g_strdup_printf ("%s · %s", id, name);
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

GtkWidget *
_bw_threat_editor_icon_button (const char *icon_name,
                               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
combo_row_new (const char         *title,
               const char * const *labels,
               guint               n_labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, _(labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

/* A multi-line text field as a card under its group's title. */
static GtkTextView *
text_area_new (AdwPreferencesGroup *group,
               const char          *name,
               const char          *accessible_label)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_set_name (view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "bw-text-area");
  /* Ctrl+Z goes to the document's undo, not to the field's own history. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  adw_preferences_group_add (group, view);
  return GTK_TEXT_VIEW (view);
}

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Only a different text replaces the buffer: the cursor of someone
 * typing stays where it is. */
static void
text_view_show (GtkTextView *view,
                const char  *text)
{
  g_autofree char *current = text_view_dup_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Edits of the header and the triage */

static void
title_changed_cb (BwThreatEditor *self,
                  GtkEditable    *editable)
{
  set_string (self, "title", gtk_editable_get_text (editable));
}

static void
text_changed_cb (BwThreatEditor *self,
                 GtkTextBuffer  *buffer)
{
  const char *member = g_object_get_data (G_OBJECT (buffer), "bw-member");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string (self, member, text);
}

static void
enum_selected_cb (BwThreatEditor *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "bw-values");
  const char *member = g_object_get_data (G_OBJECT (row), "bw-member");
  guint index = adw_combo_row_get_selected (row);

  if (self->updating || index == GTK_INVALID_LIST_POSITION || index >= g_strv_length ((char **) values))
    return;
  set_choice (self, member, values[index]);
}

static void
source_toggled_cb (BwThreatEditor *self,
                   GtkCheckButton *check)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;
  /* Kept in FORMAT.md's order, whichever box was ticked first. */
  for (guint i = 0; i < BW_THREAT_EDITOR_N_SOURCES; i++)
    if (gtk_check_button_get_active (self->source_checks[i]))
      g_strv_builder_add (builder, sources[i]);
  chosen = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, chosen);
  _bw_threat_editor_set_member (self, self->threat_id, "sources", &value);
  seal (self);
}

static void
archived_cb (BwThreatEditor *self,
             GParamSpec     *pspec,
             GtkSwitch      *toggle)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  _bw_threat_editor_set_member (self, self->threat_id, "archived", &value);
  seal (self);
}

static void
show_target_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);

  if (threat == NULL || bw_threat_get_target (threat) == NULL ||
      bw_project_lookup (self->project, bw_threat_get_target (threat)) == NULL)
    return;
  gtk_widget_activate_action (widget, "win.show-record", "s", bw_threat_get_target (threat));
}

/* Showing the threat */

static char *
element_label (BwThreatEditor *self,
               const char     *id)
{
  BwRecord *record = id ? bw_project_lookup (self->project, id) : NULL;

  if (id == NULL)
    return g_strdup (_("None"));
  if (BW_IS_ELEMENT (record))
    return g_strdup_printf ("%s (%s)", bw_element_get_name (BW_ELEMENT (record)), id);
  /* Only an obsolete threat's target may dangle (FORMAT.md). */
  return g_strdup_printf (_("%s (deleted)"), id);
}

/* Public pages for the reference kinds the rule libraries cite. */
static char *
reference_uri (const char *reference)
{
  const char *number;

  if (g_str_has_prefix (reference, "CWE-"))
    return g_strdup_printf ("https://cwe.mitre.org/data/definitions/%s.html", reference + 4);
  if (g_str_has_prefix (reference, "CAPEC-"))
    return g_strdup_printf ("https://capec.mitre.org/data/definitions/%s.html", reference + 6);
  if (g_str_has_prefix (reference, "ATT&CK-ICS ") && (number = reference + strlen ("ATT&CK-ICS "))[0] == 'T')
    return g_strdup_printf ("https://attack.mitre.org/techniques/%s/", number);
  return NULL;
}

static void
refresh_rule (BwThreatEditor *self,
              BwThreat       *threat)
{
  const char *rule_id = bw_threat_get_rule (threat);
  BwRule *rule = NULL;
  GtkWidget *child;
  GString *signature;

  if (rule_id != NULL)
    rule = bw_rule_library_lookup (bw_rule_library_get_builtin (), rule_id);

  if (g_strcmp0 (bw_threat_get_origin (threat), "derived") == 0)
    {
      g_autofree char *text = NULL;

      if (rule != NULL)
        text = g_strdup_printf (_("Derived by the rule “%s”"), rule_id);
      else
        text = g_strdup_printf (_("Derived by the rule “%s”, which is not in the built-in library"),
                                rule_id ? rule_id : "?");
      adw_action_row_set_subtitle (self->origin_row, text);
    }
  else
    adw_action_row_set_subtitle (self->origin_row, _("Entered by hand"));

  gtk_widget_set_visible (GTK_WIDGET (self->mitigation_row),
                          rule != NULL && !is_blank (bw_rule_get_mitigation (rule)));
  if (rule != NULL)
    adw_action_row_set_subtitle (self->mitigation_row, bw_rule_get_mitigation (rule));

  signature = g_string_new (rule != NULL ? rule_id : "");
  if (!_bw_threat_editor_signature_changed (self->references_box, signature))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->references_box))) != NULL)
    gtk_flow_box_remove (self->references_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->references_row),
                          rule != NULL && bw_rule_get_references (rule) != NULL &&
                          bw_rule_get_references (rule)[0] != NULL);
  for (guint i = 0; rule != NULL && bw_rule_get_references (rule) && bw_rule_get_references (rule)[i]; i++)
    {
      const char *reference = bw_rule_get_references (rule)[i];
      g_autofree char *uri = reference_uri (reference);
      GtkWidget *item;

      if (uri != NULL)
        {
          item = gtk_link_button_new_with_label (uri, reference);
          gtk_widget_set_tooltip_text (item, uri);
        }
      else
        item = gtk_label_new (reference);
      gtk_flow_box_append (self->references_box, item);
    }
}

static void
refresh_header (BwThreatEditor *self,
                BwThreat       *threat)
{
  g_autofree char *heading = NULL;
  g_autofree char *target = NULL;
  const char * const *interaction = bw_threat_get_interaction (threat);
  GString *state = g_string_new (NULL);

  heading = g_strdup_printf (_("Threat %s"), self->threat_id);
  adw_preferences_group_set_title (self->header_group, heading);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), bw_threat_get_title (threat)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), bw_threat_get_title (threat));

  _bw_threat_editor_set_combo (self->category_row, index_of (categories, bw_threat_get_category (threat)));
  /* A derived threat's category is its rule's: changing it would break
   * the key derivation keeps it by. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row),
                            g_strcmp0 (bw_threat_get_origin (threat), "derived") != 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row),
                               g_strcmp0 (bw_threat_get_origin (threat), "derived") == 0 ? _("Set by the rule") : "");

  if (interaction != NULL && g_strv_length ((char **) interaction) == 3)
    {
      g_autofree char *source = element_label (self, interaction[0]);
      g_autofree char *flow = element_label (self, interaction[1]);
      g_autofree char *end = element_label (self, interaction[2]);

      target = g_strdup_printf ("%s → %s → %s", source, flow, end);
    }
  else
    target = element_label (self, bw_threat_get_target (threat));
  adw_action_row_set_subtitle (self->target_row, target);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-target",
                                 bw_threat_get_target (threat) != NULL &&
                                 bw_project_lookup (self->project, bw_threat_get_target (threat)) != NULL);

  refresh_rule (self, threat);

  if (bw_threat_get_obsolete (threat))
    g_string_append (state, _("Obsolete: the rule no longer applies to its target."));
  if (bw_threat_get_superseded (threat))
    {
      if (state->len > 0)
        g_string_append_c (state, ' ');
      g_string_append (state, _("Superseded: a diagram that refines the target carries it now."));
    }
  if (state->len == 0)
    g_string_append (state, g_strcmp0 (bw_threat_get_origin (threat), "derived") == 0
                              ? _("Current: the rule applies to the target.")
                              : _("Current"));
  adw_action_row_set_subtitle (self->state_row, state->str);
  g_string_free (state, TRUE);

  if (gtk_switch_get_active (self->archived_switch) != bw_threat_get_archived (threat))
    gtk_switch_set_active (self->archived_switch, bw_threat_get_archived (threat));
  text_view_show (self->description_view, bw_threat_get_description (threat));
}

static void
refresh_triage (BwThreatEditor *self,
                BwThreat       *threat)
{
  const char * const *chosen = bw_threat_get_sources (threat);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  const char *treatment = bw_threat_get_treatment (threat);

  _bw_threat_editor_set_combo (self->status_row, index_of (statuses, bw_threat_get_status (threat)));
  _bw_threat_editor_set_combo (self->treatment_row, index_of (treatments, treatment));

  for (guint i = 0; i < BW_THREAT_EDITOR_N_SOURCES; i++)
    {
      gboolean on = chosen != NULL && g_strv_contains (chosen, sources[i]);

      if (gtk_check_button_get_active (self->source_checks[i]) != on)
        gtk_check_button_set_active (self->source_checks[i], on);
      if (on)
        g_ptr_array_add (names, (gpointer) _(source_labels[i]));
    }
  g_ptr_array_add (names, NULL);
  summary = names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : g_strdup (_("None chosen"));
  adw_expander_row_set_subtitle (self->sources_row, summary);

  text_view_show (self->rationale_view, bw_threat_get_rationale (threat));
  text_view_show (self->scenario_view, bw_threat_get_scenario (threat));

  /* The completeness checks want a reason for every decision. */
  gtk_widget_set_visible (GTK_WIDGET (self->rationale_warning),
                          g_strcmp0 (treatment, "none") != 0 && is_blank (bw_threat_get_rationale (threat)));
}

static void
refresh (BwThreatEditor *self)
{
  BwThreat *threat = _bw_threat_editor_lookup (self);
  gboolean was_updating = self->updating;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-target", FALSE);
  if (threat == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;
  refresh_header (self, threat);
  refresh_triage (self, threat);
  _bw_threat_editor_refresh_risk (self, threat);
  _bw_threat_editor_refresh_links (self, threat);
  self->updating = was_updating;

  gtk_stack_set_visible_child_name (self->stack, "threat");
}

static void
command_stack_changed_cb (BwThreatEditor *self,
                          BwCommandStack *stack)
{
  refresh (self);
}

/* Building the panel */

static void
build_header (BwThreatEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *box, *label;

  self->header_group = ADW_PREFERENCES_GROUP (group);

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  gtk_widget_set_name (GTK_WIDGET (self->title_row), "threat-title");
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->title_row));

  row = combo_row_new (_("Category"), category_labels, G_N_ELEMENTS (category_labels));
  self->category_row = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "threat-category");
  g_object_set_data (G_OBJECT (row), "bw-values", (gpointer) categories);
  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) "category");
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (enum_selected_cb), self);
  adw_preferences_group_add (self->header_group, row);

  self->target_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->target_row), FALSE);
  self->target_button = _bw_threat_editor_icon_button ("go-jump-symbolic", _("Show Target"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->target_button), "editor.show-target");
  adw_action_row_add_suffix (self->target_row, self->target_button);
  adw_action_row_set_activatable_widget (self->target_row, self->target_button);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->target_row));

  self->origin_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->origin_row), _("Origin"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->origin_row), FALSE);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->origin_row));

  self->mitigation_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mitigation_row), _("Suggested mitigation"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->mitigation_row), FALSE);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->mitigation_row));

  /* References: links to the public catalogues. */
  /* A preferences row, so the group puts it into its boxed list. */
  self->references_row = GTK_LIST_BOX_ROW (adw_preferences_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->references_row), _("References"));
  gtk_list_box_row_set_activatable (self->references_row, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("References"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  self->references_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->references_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->references_box, 6);
  gtk_flow_box_set_homogeneous (self->references_box, FALSE);
  gtk_widget_set_name (GTK_WIDGET (self->references_box), "threat-references");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->references_box));
  gtk_list_box_row_set_child (self->references_row, box);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->references_row));

  self->state_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("State"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->state_row), FALSE);
  adw_preferences_group_add (self->header_group, GTK_WIDGET (self->state_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Archived"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Hidden from lists and reports, kept in the file"));
  self->archived_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->archived_switch), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->archived_switch, "notify::active", G_CALLBACK (archived_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->archived_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->archived_switch));
  adw_preferences_group_add (self->header_group, row);
  adw_preferences_page_add (self->page, self->header_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Description"));
  self->description_view = text_area_new (ADW_PREFERENCES_GROUP (group), "threat-description", _("Description"));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->description_view)), "bw-member", (gpointer) "description");
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
build_triage (BwThreatEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Triage"));

  row = combo_row_new (_("Status"), status_labels, G_N_ELEMENTS (status_labels));
  self->status_row = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "threat-status");
  g_object_set_data (G_OBJECT (row), "bw-values", (gpointer) statuses);
  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) "status");
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (enum_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = combo_row_new (_("Treatment"), treatment_labels, G_N_ELEMENTS (treatment_labels));
  self->treatment_row = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "threat-treatment");
  g_object_set_data (G_OBJECT (row), "bw-values", (gpointer) treatments);
  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) "treatment");
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (enum_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->sources_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sources_row), _("Sources"));
  gtk_widget_set_name (GTK_WIDGET (self->sources_row), "threat-sources");
  for (guint i = 0; i < BW_THREAT_EDITOR_N_SOURCES; i++)
    {
      GtkWidget *source_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strconcat ("source-", sources[i], NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source_row), _(source_labels[i]));
      gtk_widget_set_name (check, name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (source_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (source_row), check);
      self->source_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (source_toggled_cb), self);
      adw_expander_row_add_row (self->sources_row, source_row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sources_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rationale"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Why this treatment: the measure, or why the risk is acceptable"));
  self->rationale_warning = ADW_ACTION_ROW (_bw_threat_editor_warning_row ("rationale-warning"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rationale_warning),
                                 _("A treatment needs a rationale"));
  adw_action_row_set_subtitle (self->rationale_warning,
                               _("Without one, accepting or transferring is a silent decision the checks report."));
  _bw_threat_editor_add_warning (ADW_PREFERENCES_GROUP (group), self->rationale_warning, FALSE);
  self->rationale_view = text_area_new (ADW_PREFERENCES_GROUP (group), "threat-rationale", _("Rationale"));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->rationale_view)), "bw-member", (gpointer) "rationale");
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->rationale_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Attack Scenario"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How an attacker would carry the threat out"));
  self->scenario_view = text_area_new (ADW_PREFERENCES_GROUP (group), "threat-scenario", _("Attack scenario"));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->scenario_view)), "bw-member", (gpointer) "scenario");
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->scenario_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
bw_threat_editor_dispose (GObject *object)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->project);
  g_clear_pointer (&self->threat_id, g_free);
  g_clear_pointer (&self->scale_key, g_free);

  G_OBJECT_CLASS (bw_threat_editor_parent_class)->dispose (object);
}

static void
bw_threat_editor_class_init (BwThreatEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_threat_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwthreateditor");

  gtk_widget_class_install_action (widget_class, "editor.show-target", NULL, show_target_action);
  _bw_threat_editor_class_init_risk (widget_class);
  _bw_threat_editor_class_init_links (widget_class);
}

static void
bw_threat_editor_init (BwThreatEditor *self)
{
  GtkWidget *status, *button;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Threat Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Select a threat in the list to triage it, rate its risk and link what counters it."));
  gtk_widget_add_css_class (status, "compact");
  /* The useful next step with nothing selected: the threats nobody has
   * looked at yet (the threats page's filter syntax, bw-page.h). */
  button = gtk_button_new_with_mnemonic (_("Show _Untriaged Threats"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.filter-threats");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "status:not_started");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (self->stack, status, "empty");

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  build_header (self);
  build_triage (self);
  _bw_threat_editor_build_risk (self);
  _bw_threat_editor_build_links (self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "threat");

  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-target", FALSE);
}

GtkWidget *
bw_threat_editor_new (void)
{
  return g_object_new (BW_TYPE_THREAT_EDITOR, NULL);
}

void
bw_threat_editor_set_project (BwThreatEditor *self,
                              BwProject      *project)
{
  g_return_if_fail (BW_IS_THREAT_EDITOR (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->scale_key, g_free);
  if (project != NULL)
    g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                             G_CALLBACK (command_stack_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
bw_threat_editor_set_threat_id (BwThreatEditor *self,
                                const char     *threat_id)
{
  g_return_if_fail (BW_IS_THREAT_EDITOR (self));

  if (g_strcmp0 (self->threat_id, threat_id) == 0)
    return;

  g_free (self->threat_id);
  self->threat_id = g_strdup (threat_id);
  /* Typing into another threat is a step of its own. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  refresh (self);
}

const char *
bw_threat_editor_get_threat_id (BwThreatEditor *self)
{
  g_return_val_if_fail (BW_IS_THREAT_EDITOR (self), NULL);

  return self->threat_id;
}
