/* bw-threats-page.c — step 3: the threat table, its filters and the threat editor
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Triage happens here: the table (or the elements × STRIDE matrix) on the
 * left narrows the project's threats by category, status, treatment,
 * diagram, element, text and the filters other pages hand over (a risk
 * matrix cell, a hazard, an asset); the threat editor on the right edits
 * the selected one.  The page edits only through commands, and follows
 * the command stack, so undo, redo and edits elsewhere show at once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-risk-assessment.h"
#include "bw-threats-page-private.h"
#include "bw-traceability.h"

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwThreatsPage, bw_threats_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static const char * const category_labels[] = {
  N_("Spoofing"), N_("Tampering"), N_("Repudiation"),
  N_("Information Disclosure"), N_("Denial of Service"), N_("Elevation of Privilege"),
};
static const char * const statuses[] = { "not_started", "needs_investigation", "not_applicable", "addressed" };
static const char * const status_labels[] = {
  N_("Not Started"), N_("Needs Investigation"), N_("Not Applicable"), N_("Addressed"),
};
static const char * const treatments[] = { "none", "eliminate", "mitigate", "accept", "transfer" };
static const char * const treatment_labels[] = {
  N_("None"), N_("Eliminate"), N_("Mitigate"), N_("Accept"), N_("Transfer"),
};

static const char *
label_of (const char * const *values,
          const char * const *labels,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return _(labels[i]);
  return value != NULL ? value : "";
}

const char *
_bw_threats_page_category_label (const char *category)
{
  return label_of (bw_stride_categories, category_labels, G_N_ELEMENTS (category_labels), category);
}

const char *
_bw_threats_page_status_label (const char *status)
{
  return label_of (statuses, status_labels, G_N_ELEMENTS (statuses), status);
}

const char *
_bw_threats_page_treatment_label (const char *treatment)
{
  return label_of (treatments, treatment_labels, G_N_ELEMENTS (treatments), treatment);
}

/* Archived, obsolete and superseded threats are out of the triage:
 * hidden unless asked for, and marked when shown. */
gboolean
_bw_threats_page_is_retired (BwThreat *threat)
{
  return bw_threat_get_archived (threat) || bw_threat_get_obsolete (threat) || bw_threat_get_superseded (threat);
}

/* The element's name, or its ID when it has none or is gone (an obsolete
 * threat may name a deleted element). */
const char *
_bw_threats_page_element_name (BwThreatsPage *self,
                               const char    *element_id)
{
  BwRecord *record;

  if (self->project == NULL || element_id == NULL)
    return "";
  record = bw_project_lookup (self->project, element_id);
  if (BW_IS_ELEMENT (record) && *bw_element_get_name (BW_ELEMENT (record)) != '\0')
    return bw_element_get_name (BW_ELEMENT (record));
  return element_id;
}

gboolean
_bw_threats_page_execute (BwThreatsPage *self,
                          BwCommand     *command)
{
  g_autoptr(GError) error = NULL;

  if (command == NULL || self->project == NULL)
    return FALSE;
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      _bw_threats_page_toast (self, error->message, FALSE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

void
_bw_threats_page_toast (BwThreatsPage *self,
                        const char    *title,
                        gboolean       undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* State of the widgets */

static void
update_actions (BwThreatsPage *self)
{
  BwThreat *threat = _bw_threats_page_get_selected (self);
  BwRecord *target = NULL;
  gboolean deletable = FALSE;

  if (threat != NULL)
    {
      target = bw_project_lookup (self->project, bw_threat_get_target (threat));
      /* FORMAT.md: a derived threat whose rule still applies is archived or
       * marked not applicable, never deleted. */
      deletable = bw_threat_get_obsolete (threat) || g_strcmp0 (bw_threat_get_origin (threat), "manual") == 0;
      gtk_button_set_label (GTK_BUTTON (self->archive_button),
                            bw_threat_get_archived (threat) ? _("_Unarchive") : _("_Archive"));
    }
  gtk_widget_set_sensitive (self->show_button, BW_IS_ELEMENT (target));
  gtk_widget_set_sensitive (self->archive_button, threat != NULL);
  gtk_widget_set_sensitive (self->delete_button, deletable);
  gtk_widget_set_tooltip_text (self->delete_button,
                               threat != NULL && !deletable
                               ? _("A derived threat whose rule still applies can only be archived or marked not applicable")
                               : NULL);
}

static void
add_part (GString    *text,
          const char *part)
{
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, part);
}

static char *
describe_cell (BwThreatsPage *self)
{
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  const char * const *es = bw_risk_method_get_exploitability (method);
  const char * const *ss = bw_risk_method_get_severity (method);
  const char *e = es != NULL && (guint) self->special_e <= g_strv_length ((char **) es) ? es[self->special_e - 1] : "?";
  const char *s = ss != NULL && (guint) self->special_s <= g_strv_length ((char **) ss) ? ss[self->special_s - 1] : "?";

  if (self->special == SPECIAL_BEFORE)
    /* Translators: a filter: the risk matrix cell "exploitability × severity" */
    return g_strdup_printf (_("risk before in cell %s × %s"), e, s);
  /* Translators: a filter: the risk matrix cell "exploitability × severity" */
  return g_strdup_printf (_("risk after in cell %s × %s"), e, s);
}

/* "Filtered: category Tampering, risk before in cell High × Critical" */
static void
update_chip (BwThreatsPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  static const char * const names[N_DROPDOWNS] = {
    N_("category"), N_("status"), N_("treatment"), N_("diagram"), N_("element"),
  };

  for (guint i = 0; i < N_DROPDOWNS; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->dropdowns[i]);
      GListModel *labels = gtk_drop_down_get_model (self->dropdowns[i]);
      const char *value = self->values[i];
      g_autofree char *part = NULL;

      if (value == NULL)
        continue;
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && labels != NULL)
        part = g_strdup_printf ("%s %s", _(names[i]), gtk_string_list_get_string (GTK_STRING_LIST (labels), selected));
      else
        part = g_strdup_printf ("%s %s", _(names[i]), i == DROPDOWN_ELEMENT
                                ? _bw_threats_page_element_name (self, value) : value);
      add_part (text, part);
    }
  switch (self->special)
    {
    case SPECIAL_BEFORE:
    case SPECIAL_AFTER:
      {
        g_autofree char *part = describe_cell (self);

        add_part (text, part);
      }
      break;
    case SPECIAL_HAZARD:
      {
        BwRecord *hazard = bw_project_lookup (self->project, self->special_id);
        g_autofree char *part = NULL;

        /* Translators: a filter: the threats of hazard "H-1 Over-delivery of insulin" */
        part = g_strdup_printf (_("hazard %s %s"), self->special_id,
                                BW_IS_HAZARD (hazard) ? bw_hazard_get_name (BW_HAZARD (hazard)) : "");
        add_part (text, g_strstrip (part));
      }
      break;
    case SPECIAL_ASSET:
      {
        BwRecord *asset = bw_project_lookup (self->project, self->special_id);
        g_autofree char *part = NULL;

        /* Translators: a filter: the threats to asset "A-1 Insulin dose" */
        part = g_strdup_printf (_("asset %s %s"), self->special_id,
                                BW_IS_ASSET (asset) ? bw_asset_get_name (BW_ASSET (asset)) : "");
        add_part (text, g_strstrip (part));
      }
      break;
    case SPECIAL_NONE:
    default:
      break;
    }

  if (text->len > 0)
    {
      /* Translators: %s lists the active filters */
      shown = g_strdup_printf (_("Filtered: %s"), text->str);
      gtk_label_set_label (self->chip_label, shown);
    }
  gtk_revealer_set_reveal_child (self->chip_revealer, text->len > 0);
}

static void
update_state (BwThreatsPage *self)
{
  guint total = self->project != NULL ? g_list_model_get_n_items (bw_project_get_threats (self->project)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;
  const char *page;

  if (total == 0)
    {
      gboolean derive = self->plan != NULL && bw_derive_plan_count (self->plan, BW_DERIVE_ADD) > 0;

      gtk_button_set_label (self->empty_button, derive ? _("_Derive Threats") : _("_Add Threat"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                      derive ? "threats.apply-derivation" : "threats.add");
      page = "empty";
    }
  else if (shown == 0 && !gtk_toggle_button_get_active (self->matrix_toggle))
    page = "no-results";
  else
    page = gtk_toggle_button_get_active (self->matrix_toggle) ? "matrix" : "table";
  gtk_stack_set_visible_child_name (self->content_stack, page);

  /* Translators: "Showing 7 of 9 threats" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u threat", "Showing %u of %u threats", total),
                           shown, total);
  gtk_label_set_label (self->count_label, count);
  update_chip (self);
  update_actions (self);
}

/* Selection */

static void
selection_changed_cb (BwThreatsPage *self)
{
  BwThreat *threat;

  if (self->updating)
    return;
  threat = _bw_threats_page_get_selected (self);
  g_free (self->selected_id);
  self->selected_id = threat != NULL ? g_strdup (bw_record_get_id (BW_RECORD (threat))) : NULL;
  bw_threat_editor_set_threat_id (self->editor, self->selected_id);
  update_actions (self);
}

void
_bw_threats_page_select (BwThreatsPage *self,
                         const char    *threat_id)
{
  guint position = _bw_threats_page_position_of (self, threat_id);

  g_free (self->selected_id);
  self->selected_id = position != GTK_INVALID_LIST_POSITION ? g_strdup (threat_id) : NULL;
  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

      /* The column view's inner list view scrolls (GTK 4.8 has no
       * gtk_column_view_scroll_to). */
      for (; list != NULL && !GTK_IS_LIST_VIEW (list); list = gtk_widget_get_next_sibling (list))
        ;
      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
    }
  bw_threat_editor_set_threat_id (self->editor, self->selected_id);
  update_actions (self);
}

/* Keeps the selected threat selected when the models moved it. */
static void
restore_selection (BwThreatsPage *self)
{
  BwThreat *threat = _bw_threats_page_get_selected (self);
  g_autofree char *id = g_strdup (self->selected_id);

  if (id == NULL)
    return;
  if (threat != NULL && g_strcmp0 (bw_record_get_id (BW_RECORD (threat)), id) == 0)
    return;
  if (bw_project_lookup (self->project, id) == NULL)
    {
      _bw_threats_page_select (self, NULL);
      return;
    }
  _bw_threats_page_select (self, id);
}

/* Filters */

static void
set_dropdown_value (BwThreatsPage     *self,
                    BwThreatsDropdown  which,
                    const char        *value)
{
  GPtrArray *values = self->dropdown_values[which];
  guint position = 0;

  g_free (self->values[which]);
  self->values[which] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
  for (guint i = 1; value != NULL && values != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      position = i;
  self->updating++;
  gtk_drop_down_set_selected (self->dropdowns[which], position);
  self->updating--;
}

static void
clear_filters (BwThreatsPage *self)
{
  for (guint i = 0; i < N_DROPDOWNS; i++)
    set_dropdown_value (self, i, NULL);
  self->special = SPECIAL_NONE;
  g_clear_pointer (&self->special_id, g_free);
  g_clear_pointer (&self->special_ids, g_hash_table_unref);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating--;
  g_clear_pointer (&self->needle, g_free);
}

static void
filters_changed (BwThreatsPage *self)
{
  _bw_threats_page_refilter (self);
  if (gtk_toggle_button_get_active (self->matrix_toggle))
    _bw_threats_page_matrix_update (self);
  update_state (self);
  restore_selection (self);
}

static void
dropdown_changed_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     BwThreatsPage *self)
{
  if (self->updating)
    return;
  for (guint i = 0; i < N_DROPDOWNS; i++)
    if (self->dropdowns[i] == dropdown)
      {
        guint selected = gtk_drop_down_get_selected (dropdown);
        GPtrArray *values = self->dropdown_values[i];

        g_free (self->values[i]);
        self->values[i] = values != NULL && selected != GTK_INVALID_LIST_POSITION && selected < values->len
                          ? g_strdup (g_ptr_array_index (values, selected)) : NULL;
      }
  filters_changed (self);
}

static void
search_changed_cb (BwThreatsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->updating)
    return;
  g_free (self->needle);
  self->needle = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  filters_changed (self);
}

static gboolean
parse_level (const char *text,
             int        *level)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value < 1 || value > 100)
    return FALSE;
  *level = (int) value;
  return TRUE;
}

static gboolean
apply_filter (BwThreatsPage *self,
              const char    *filter)
{
  g_auto(GStrv) parts = g_strsplit (filter, ":", 3);
  const char *kind = parts[0];
  const char *arg = parts[0] != NULL ? parts[1] : NULL;

  clear_filters (self);
  if (*filter == '\0')
    return TRUE;
  if (arg == NULL || *arg == '\0')
    return FALSE;

  if (g_str_equal (kind, "before") || g_str_equal (kind, "after"))
    {
      BwRiskMethod *method = bw_project_get_risk_method (self->project);
      int e, s;

      if (!parse_level (arg, &e) || !parse_level (parts[2], &s)
          || (guint) e > g_strv_length ((char **) bw_risk_method_get_exploitability (method))
          || (guint) s > g_strv_length ((char **) bw_risk_method_get_severity (method)))
        return FALSE;
      self->special = g_str_equal (kind, "before") ? SPECIAL_BEFORE : SPECIAL_AFTER;
      self->special_e = e;
      self->special_s = s;
      return TRUE;
    }
  if (parts[2] != NULL)
    return FALSE;
  if (g_str_equal (kind, "element"))
    set_dropdown_value (self, DROPDOWN_ELEMENT, arg);
  else if (g_str_equal (kind, "category") && g_strv_contains (bw_stride_categories, arg))
    set_dropdown_value (self, DROPDOWN_CATEGORY, arg);
  else if (g_str_equal (kind, "status") && label_of (statuses, status_labels, G_N_ELEMENTS (statuses), arg) != arg)
    set_dropdown_value (self, DROPDOWN_STATUS, arg);
  else if (g_str_equal (kind, "hazard"))
    {
      self->special = SPECIAL_HAZARD;
      self->special_id = g_strdup (arg);
    }
  else if (g_str_equal (kind, "asset"))
    {
      g_autoptr(GPtrArray) threats = bw_traceability_threats_for_asset (self->project, arg);

      self->special = SPECIAL_ASSET;
      self->special_id = g_strdup (arg);
      self->special_ids = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; threats != NULL && i < threats->len; i++)
        g_hash_table_add (self->special_ids, (gpointer) bw_record_get_id (g_ptr_array_index (threats, i)));
    }
  else
    return FALSE;
  return TRUE;
}

static void
bw_threats_page_set_filter (BwPage     *page,
                            const char *filter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);

  if (self->project == NULL)
    return;
  if (!apply_filter (self, filter != NULL ? filter : ""))
    {
      g_autofree char *message = NULL;

      clear_filters (self);
      /* Translators: %s is a filter another page asked for */
      message = g_strdup_printf (_("Unknown threat filter “%s”; showing all threats"), filter);
      _bw_threats_page_toast (self, message, FALSE);
    }
  filters_changed (self);
}

static gboolean
bw_threats_page_select_record (BwPage     *page,
                               const char *id)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);
  BwRecord *record;

  if (self->project == NULL || id == NULL || (record = bw_project_lookup (self->project, id)) == NULL)
    return FALSE;

  if (BW_IS_THREAT (record))
    {
      if (!_bw_threats_page_matches (self, BW_THREAT (record)))
        {
          clear_filters (self);
          if (_bw_threats_page_is_retired (BW_THREAT (record)))
            gtk_toggle_button_set_active (self->retired_toggle, TRUE);
          filters_changed (self);
        }
      _bw_threats_page_select (self, id);
      return self->selected_id != NULL;
    }

  if (BW_IS_ELEMENT (record))
    {
      g_autoptr(GObject) first = NULL;
      BwThreat *threat = NULL;

      clear_filters (self);
      set_dropdown_value (self, DROPDOWN_ELEMENT, id);
      filters_changed (self);
      first = g_list_model_get_item (G_LIST_MODEL (self->flat_model), 0);
      if (self->grouped)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

          threat = BW_IS_THREAT (item) ? BW_THREAT (item) : NULL;
        }
      else
        threat = BW_IS_THREAT (first) ? BW_THREAT (first) : NULL;
      _bw_threats_page_select (self, threat != NULL ? bw_record_get_id (BW_RECORD (threat)) : NULL);
      return TRUE;
    }
  return FALSE;
}

/* Lists of the diagram and element drop-downs */

static void
fill_dropdown (BwThreatsPage     *self,
               BwThreatsDropdown  which,
               GPtrArray         *values,
               GPtrArray         *labels)
{
  GListModel *model = gtk_drop_down_get_model (self->dropdowns[which]);
  GPtrArray *old = self->dropdown_values[which];
  gboolean same = old != NULL && old->len == values->len && model != NULL;

  for (guint i = 0; same && i < values->len; i++)
    same = g_strcmp0 (g_ptr_array_index (old, i), g_ptr_array_index (values, i)) == 0
           && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (labels, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (labels, NULL);
  g_clear_pointer (&self->dropdown_values[which], g_ptr_array_unref);
  self->dropdown_values[which] = g_ptr_array_ref (values);
  self->updating++;
  gtk_drop_down_set_model (self->dropdowns[which],
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) labels->pdata)));
  g_object_unref (gtk_drop_down_get_model (self->dropdowns[which]));
  self->updating--;
  set_dropdown_value (self, which, self->values[which]);
}

static void
update_dropdown_lists (BwThreatsPage *self)
{
  GListModel *diagrams = bw_project_get_diagrams (self->project);
  GListModel *elements = bw_project_get_elements (self->project);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, g_strdup (_("All Diagrams")));
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);

      g_ptr_array_add (values, g_strdup (bw_record_get_id (BW_RECORD (diagram))));
      g_ptr_array_add (labels, g_strdup (bw_diagram_get_name (diagram)));
    }
  fill_dropdown (self, DROPDOWN_DIAGRAM, values, labels);

  g_clear_pointer (&values, g_ptr_array_unref);
  g_clear_pointer (&labels, g_ptr_array_unref);
  values = g_ptr_array_new_with_free_func (g_free);
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, g_strdup (_("All Elements")));
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY)
        continue;
      g_ptr_array_add (values, g_strdup (bw_record_get_id (BW_RECORD (element))));
      /* Translators: an element in a filter list: "Pump firmware (P-3)" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (%s)"), bw_element_get_name (element),
                                                bw_record_get_id (BW_RECORD (element))));
    }
  fill_dropdown (self, DROPDOWN_ELEMENT, values, labels);
}

/* Following the document */

static gboolean
refresh_cb (gpointer data)
{
  BwThreatsPage *self = data;

  self->refresh_id = 0;
  if (self->project == NULL)
    return G_SOURCE_REMOVE;
  update_dropdown_lists (self);
  _bw_threats_page_refilter (self);
  _bw_threats_page_resort (self);
  _bw_threats_page_update_cells (self);
  if (gtk_toggle_button_get_active (self->matrix_toggle))
    _bw_threats_page_matrix_update (self);
  _bw_threats_page_update_plan (self);
  update_state (self);
  restore_selection (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (BwThreatsPage *self)
{
  /* Several commands in a row (a group, typing in the editor) refresh once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (30, refresh_cb, self);
}

static void
stack_changed_cb (BwThreatsPage *self)
{
  schedule_refresh (self);
}

static void
bw_threats_page_set_project (BwPage    *page,
                             BwProject *project)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_threats (self->project), self);
    }
  g_set_object (&self->project, project);
  g_clear_pointer (&self->plan, bw_derive_plan_unref);
  g_clear_object (&self->rules);
  self->plan_told = FALSE;
  clear_filters (self);
  g_clear_pointer (&self->selected_id, g_free);

  bw_threat_editor_set_project (self->editor, project);
  bw_threat_editor_set_threat_id (self->editor, NULL);
  if (project == NULL)
    {
      _bw_threats_page_set_model (self, NULL);
      return;
    }
  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_project_get_threats (project), "items-changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  update_dropdown_lists (self);
  _bw_threats_page_set_model (self, bw_project_get_threats (project));
  _bw_threats_page_update_plan (self);
  update_state (self);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_threats_page_set_project;
  iface->select_record = bw_threats_page_select_record;
  iface->set_filter = bw_threats_page_set_filter;
}

/* Actions */

static void
show_on_diagram_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_selected (self);

  if (threat != NULL && BW_IS_ELEMENT (bw_project_lookup (self->project, bw_threat_get_target (threat))))
    gtk_widget_activate_action (widget, "win.show-record", "s", bw_threat_get_target (threat));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_selected (self);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  gboolean archive;

  if (threat == NULL)
    return;
  id = g_strdup (bw_record_get_id (BW_RECORD (threat)));
  archive = !bw_threat_get_archived (threat);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, archive);
  if (!_bw_threats_page_execute (self, bw_command_set_property_new (self->project, id, "archived", &value)))
    return;
  /* Translators: %s is a threat ID */
  message = g_strdup_printf (archive ? _("%s archived") : _("%s restored"), id);
  _bw_threats_page_toast (self, message, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_selected (self);
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  const char *ids[2] = { NULL, NULL };

  if (threat == NULL || !(bw_threat_get_obsolete (threat) || g_strcmp0 (bw_threat_get_origin (threat), "manual") == 0))
    return;
  id = g_strdup (bw_record_get_id (BW_RECORD (threat)));
  ids[0] = id;
  if (!_bw_threats_page_execute (self, bw_command_remove_new (self->project, ids)))
    return;
  /* Translators: %s is a threat ID */
  message = g_strdup_printf (_("%s deleted"), id);
  _bw_threats_page_toast (self, message, TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _bw_threats_page_add_threat (BW_THREATS_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);

  clear_filters (self);
  filters_changed (self);
}

static void
apply_derivation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _bw_threats_page_apply_plan (BW_THREATS_PAGE (widget));
}

static void
review_derivation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _bw_threats_page_review_plan (BW_THREATS_PAGE (widget));
}

static void
view_toggled_cb (BwThreatsPage *self)
{
  gboolean matrix = gtk_toggle_button_get_active (self->matrix_toggle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->group_toggle), !matrix);
  if (matrix)
    _bw_threats_page_matrix_update (self);
  update_state (self);
}

static void
group_toggled_cb (BwThreatsPage *self)
{
  _bw_threats_page_set_grouped (self, gtk_toggle_button_get_active (self->group_toggle));
  restore_selection (self);
}

static void
retired_toggled_cb (BwThreatsPage *self)
{
  self->show_retired = gtk_toggle_button_get_active (self->retired_toggle);
  filters_changed (self);
}

static void
map_cb (BwThreatsPage *self)
{
  /* A change made while the page was hidden (a new process on a diagram)
   * is what the derive banner is for. */
  if (self->project != NULL)
    {
      _bw_threats_page_update_plan (self);
      update_state (self);
    }
}

/* Construction */

static GtkWidget *
icon_toggle (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkDropDown *
new_dropdown (BwThreatsPage      *self,
              BwThreatsDropdown   which,
              const char         *all,
              const char * const *values,
              const char * const *labels,
              guint               n,
              const char         *accessible)
{
  g_autoptr(GPtrArray) value_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) label_list = g_ptr_array_new_with_free_func (g_free);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  self->dropdowns[which] = dropdown;
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_ptr_array_add (value_list, NULL);
  g_ptr_array_add (label_list, g_strdup (all));
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (value_list, g_strdup (values[i]));
      g_ptr_array_add (label_list, g_strdup (_(labels[i])));
    }
  fill_dropdown (self, which, value_list, label_list);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self);
  return dropdown;
}

static GtkWidget *
build_toolbar (BwThreatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search threats"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search threats"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->search_entry));

  gtk_widget_add_css_class (views, "linked");
  self->table_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-list-symbolic", _("Table")));
  self->matrix_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-grid-symbolic", _("STRIDE Matrix")));
  gtk_toggle_button_set_group (self->matrix_toggle, self->table_toggle);
  gtk_toggle_button_set_active (self->table_toggle, TRUE);
  g_signal_connect_swapped (self->matrix_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->table_toggle));
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->matrix_toggle));
  gtk_box_append (GTK_BOX (row), views);

  self->group_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-list-bullet-symbolic", _("Group by Element")));
  g_signal_connect_swapped (self->group_toggle, "toggled", G_CALLBACK (group_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->group_toggle));

  self->retired_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("user-trash-symbolic",
                                                         _("Show Archived, Obsolete and Superseded Threats")));
  g_signal_connect_swapped (self->retired_toggle, "toggled", G_CALLBACK (retired_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->retired_toggle));

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Threat"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "threats.add");
  gtk_box_append (GTK_BOX (row), self->add_button);
  gtk_box_append (GTK_BOX (box), row);

  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_CATEGORY, _("All Categories"),
                                                               bw_stride_categories, category_labels,
                                                               G_N_ELEMENTS (category_labels), _("STRIDE category"))));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_STATUS, _("All Statuses"),
                                                               statuses, status_labels, G_N_ELEMENTS (statuses),
                                                               _("Status"))));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_TREATMENT, _("All Treatments"),
                                                               treatments, treatment_labels,
                                                               G_N_ELEMENTS (treatments), _("Treatment"))));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_DIAGRAM, _("All Diagrams"),
                                                               NULL, NULL, 0, _("Diagram"))));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_ELEMENT, _("All Elements"),
                                                               NULL, NULL, 0, _("Element"))));
  gtk_drop_down_set_enable_search (self->dropdowns[DROPDOWN_ELEMENT], TRUE);
  gtk_drop_down_set_expression (self->dropdowns[DROPDOWN_ELEMENT],
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_box_append (GTK_BOX (box), filters);
  return box;
}

static GtkWidget *
build_chip (BwThreatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Clear"));

  gtk_widget_add_css_class (box, "bw-threats-chip");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  self->chip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->chip_label, 0.0);
  gtk_label_set_ellipsize (self->chip_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chip_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chip_label));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "threats.clear-filters");
  gtk_box_append (GTK_BOX (box), button);

  self->chip_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->chip_revealer, box);
  return GTK_WIDGET (self->chip_revealer);
}

static GtkWidget *
build_content (BwThreatsPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));

  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Threats"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->content_stack, scroller, "table");

  gtk_stack_add_named (self->content_stack, _bw_threats_page_matrix_new (self), "matrix");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Threats Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Threats are derived from the diagrams by the rule library: draw the "
                                     "system's elements and flows, then derive. Threats the rules do not "
                                     "cover can be added by hand."));
  self->empty_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Threat")));
  gtk_widget_set_halign (GTK_WIDGET (self->empty_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  adw_status_page_set_child (self->empty_page, GTK_WIDGET (self->empty_button));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->empty_page), "empty");

  self->no_results_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
  adw_status_page_set_title (self->no_results_page, _("No Matching Threats"));
  adw_status_page_set_description (self->no_results_page,
                                   _("No threat matches the search and filters. Archived, obsolete and "
                                     "superseded threats are hidden unless shown with the toolbar's toggle."));
  gtk_widget_set_halign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "threats.clear-filters");
  adw_status_page_set_child (self->no_results_page, clear);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->no_results_page), "no-results");
  return GTK_WIDGET (self->content_stack);
}

static GtkWidget *
build_action_bar (BwThreatsPage *self)
{
  GtkWidget *bar = gtk_action_bar_new ();

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->count_label));

  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "threats.delete");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->delete_button);
  self->archive_button = gtk_button_new_with_mnemonic (_("_Archive"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->archive_button), "threats.archive");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->archive_button);
  self->show_button = gtk_button_new_with_mnemonic (_("_Show on Diagram"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_button), "threats.show-on-diagram");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->show_button);
  return bar;
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  static const char css[] =
    ".bw-threat-tag { padding: 0 6px; border-radius: 9px; background-color: alpha(currentColor, 0.12); }\n"
    ".bw-threats-chip { padding: 2px 2px 2px 12px; border-radius: 6px;"
    "  background-color: alpha(@accent_bg_color, 0.15); }\n"
    ".bw-threats-banner { padding: 6px 12px; background-color: alpha(@accent_bg_color, 0.18); }\n"
    ".bw-threat-pill { padding: 0 8px; min-height: 22px; border-radius: 11px; font-feature-settings: \"tnum\"; }\n"
    ".bw-threat-pill.not-started { background-color: alpha(@error_color, 0.20); }\n"
    ".bw-threat-pill.needs-investigation { background-color: alpha(@warning_color, 0.28); }\n"
    ".bw-threat-pill.addressed { background-color: alpha(@success_color, 0.28); }\n"
    ".bw-threat-pill.not-applicable { background-color: alpha(currentColor, 0.08); }\n"
    ".bw-threat-pill.retired { text-decoration-line: line-through; opacity: 0.6; }\n"
    ".bw-matrix-cell { padding: 6px; border-bottom: 1px solid alpha(currentColor, 0.1); }\n";

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
bw_threats_page_dispose (GObject *object)
{
  BwThreatsPage *self = BW_THREATS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->toast_id, g_source_remove);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_threats (self->project), self);
    }
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->toast_overlay != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->toast_overlay));
      self->toast_overlay = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_sorted);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->groups);
  g_clear_object (&self->flat_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->sorters, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  g_clear_pointer (&self->special_ids, g_hash_table_unref);
  g_clear_pointer (&self->plan, bw_derive_plan_unref);
  g_clear_object (&self->rules);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_threats_page_parent_class)->dispose (object);
}

static void
bw_threats_page_finalize (GObject *object)
{
  BwThreatsPage *self = BW_THREATS_PAGE (object);

  for (guint i = 0; i < N_DROPDOWNS; i++)
    {
      g_free (self->values[i]);
      g_clear_pointer (&self->dropdown_values[i], g_ptr_array_unref);
    }
  g_free (self->needle);
  g_free (self->special_id);
  g_free (self->selected_id);

  G_OBJECT_CLASS (bw_threats_page_parent_class)->finalize (object);
}

static void
bw_threats_page_class_init (BwThreatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_threats_page_dispose;
  object_class->finalize = bw_threats_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "threats.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "threats.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "threats.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "threats.show-on-diagram", NULL, show_on_diagram_action);
  gtk_widget_class_install_action (widget_class, "threats.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "threats.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "threats.apply-derivation", NULL, apply_derivation_action);
  gtk_widget_class_install_action (widget_class, "threats.review-derivation", NULL, review_derivation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "threats.search", NULL);
}

static void
bw_threats_page_init (BwThreatsPage *self)
{
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  load_css ();

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  adw_toast_overlay_set_child (self->toast_overlay, self->paned);

  gtk_box_append (GTK_BOX (main_box), _bw_threats_page_banner_new (self));
  gtk_box_append (GTK_BOX (main_box), build_toolbar (self));
  gtk_box_append (GTK_BOX (main_box), build_chip (self));
  gtk_box_append (GTK_BOX (main_box), build_content (self));
  gtk_box_append (GTK_BOX (main_box), build_action_bar (self));
  gtk_paned_set_start_child (GTK_PANED (self->paned), main_box);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);

  self->editor = BW_THREAT_EDITOR (bw_threat_editor_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->editor), 340, -1);
  gtk_paned_set_end_child (GTK_PANED (self->paned), GTK_WIDGET (self->editor));
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);

  _bw_threats_page_init_table (self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_state (self);
}

GtkWidget *
bw_threats_page_new (void)
{
  return g_object_new (BW_TYPE_THREATS_PAGE, NULL);
}
