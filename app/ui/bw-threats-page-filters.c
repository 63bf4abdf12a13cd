/* bw-threats-page-filters.c — the threats page's filters: drop-downs, search, handed-over filters
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The drop-downs narrow by category, status, treatment, diagram and
 * element; other pages hand over a filter string (bw_page_set_filter:
 * a risk matrix cell, a hazard, an asset …) that shows in a removable
 * banner with the drop-downs' choices.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-threats-page-private.h"
#include "bw-traceability.h"

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
void
_bw_threats_page_update_chip (BwThreatsPage *self)
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



void
_bw_threats_page_set_dropdown_value (BwThreatsPage     *self,
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

void
_bw_threats_page_clear_filters (BwThreatsPage *self)
{
  for (guint i = 0; i < N_DROPDOWNS; i++)
    _bw_threats_page_set_dropdown_value (self, i, NULL);
  self->special = SPECIAL_NONE;
  g_clear_pointer (&self->special_id, g_free);
  g_clear_pointer (&self->special_ids, g_hash_table_unref);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating--;
  g_clear_pointer (&self->needle, g_free);
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
  _bw_threats_page_filters_changed (self);
}

void
_bw_threats_page_search_changed_cb (BwThreatsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->updating)
    return;
  g_free (self->needle);
  self->needle = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  _bw_threats_page_filters_changed (self);
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

gboolean
_bw_threats_page_apply_filter (BwThreatsPage *self,
              const char    *filter)
{
  g_auto(GStrv) parts = g_strsplit (filter, ":", 3);
  const char *kind = parts[0];
  const char *arg = parts[0] != NULL ? parts[1] : NULL;

  _bw_threats_page_clear_filters (self);
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
    _bw_threats_page_set_dropdown_value (self, DROPDOWN_ELEMENT, arg);
  else if (g_str_equal (kind, "category") && g_strv_contains (bw_stride_categories, arg))
    _bw_threats_page_set_dropdown_value (self, DROPDOWN_CATEGORY, arg);
  else if (g_str_equal (kind, "status") && label_of (statuses, status_labels, G_N_ELEMENTS (statuses), arg) != arg)
    _bw_threats_page_set_dropdown_value (self, DROPDOWN_STATUS, arg);
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
  _bw_threats_page_set_dropdown_value (self, which, self->values[which]);
}

void
_bw_threats_page_update_dropdown_lists (BwThreatsPage *self)
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

/* The filters wrap onto a second line when the page is narrow (or the
 * labels long, as in German) rather than widen the window. */
GtkWidget *
_bw_threats_page_filters_new (BwThreatsPage *self)
{
  GtkWidget *filters = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (filters), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (filters), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (filters), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (filters), 5);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (filters), FALSE);

  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_CATEGORY, _("All Categories"),
                                                               bw_stride_categories, category_labels,
                                                               G_N_ELEMENTS (category_labels), _("STRIDE category"))));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_STATUS, _("All Statuses"),
                                                               statuses, status_labels, G_N_ELEMENTS (statuses),
                                                               _("Status"))));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_TREATMENT, _("All Treatments"),
                                                               treatments, treatment_labels,
                                                               G_N_ELEMENTS (treatments), _("Treatment"))));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_DIAGRAM, _("All Diagrams"),
                                                               NULL, NULL, 0, _("Diagram"))));
  gtk_flow_box_append (GTK_FLOW_BOX (filters), GTK_WIDGET (new_dropdown (self, DROPDOWN_ELEMENT, _("All Elements"),
                                                               NULL, NULL, 0, _("Element"))));
  gtk_drop_down_set_enable_search (self->dropdowns[DROPDOWN_ELEMENT], TRUE);
  gtk_drop_down_set_expression (self->dropdowns[DROPDOWN_ELEMENT],
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  return filters;
}
