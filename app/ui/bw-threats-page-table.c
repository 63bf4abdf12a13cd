/* bw-threats-page-table.c — the threats page's table: cells, filter, sorting, grouping
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The table is a GtkColumnView over the project's threat collection
 * through a filter and a sort model, so a change refilters and resorts
 * the models in place (84,000 threats stay responsive); cells are bound
 * lazily and only the bound ones are refreshed.  Grouping by element puts
 * a GtkTreeListModel in between: its top rows are the IDs of the elements
 * with threats shown, its children a filter of the same filtered model.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-risk-assessment.h"
#include "bw-threats-page-private.h"

/* The order a column sorts in: the life of a threat, not the alphabet. */
static const char * const status_order[] = { "not_started", "needs_investigation", "addressed", "not_applicable", NULL };
static const char * const treatment_order[] = { "none", "mitigate", "eliminate", "transfer", "accept", NULL };

static guint
index_in (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return G_MAXUINT;
}

/* "T-12" → 12, so T-10 sorts after T-9. */
static gint64
id_number (const char *id)
{
  const char *dash = id != NULL ? strrchr (id, '-') : NULL;

  return dash != NULL ? g_ascii_strtoll (dash + 1, NULL, 10) : 0;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}

static const char *
diagram_of (BwThreatsPage *self,
            BwThreat      *threat)
{
  BwRecord *record = bw_project_lookup (self->project, bw_threat_get_target (threat));

  return BW_IS_ELEMENT (record) ? bw_element_get_diagram (BW_ELEMENT (record)) : NULL;
}

gboolean
_bw_threats_page_matches (BwThreatsPage *self,
                          BwThreat      *threat)
{
  const char *value;

  if (self->project == NULL)
    return FALSE;
  if (!self->show_retired && _bw_threats_page_is_retired (threat))
    return FALSE;
  if ((value = self->values[DROPDOWN_CATEGORY]) != NULL && g_strcmp0 (bw_threat_get_category (threat), value) != 0)
    return FALSE;
  if ((value = self->values[DROPDOWN_STATUS]) != NULL && g_strcmp0 (bw_threat_get_status (threat), value) != 0)
    return FALSE;
  if ((value = self->values[DROPDOWN_TREATMENT]) != NULL && g_strcmp0 (bw_threat_get_treatment (threat), value) != 0)
    return FALSE;
  if ((value = self->values[DROPDOWN_ELEMENT]) != NULL && g_strcmp0 (bw_threat_get_target (threat), value) != 0)
    return FALSE;
  if ((value = self->values[DROPDOWN_DIAGRAM]) != NULL && g_strcmp0 (diagram_of (self, threat), value) != 0)
    return FALSE;

  switch (self->special)
    {
    case SPECIAL_BEFORE:
    case SPECIAL_AFTER:
      if (!bw_risk_assessment_in_cell (threat, self->special == SPECIAL_BEFORE ? BW_RISK_BEFORE : BW_RISK_AFTER,
                                       self->special_e, self->special_s))
        return FALSE;
      break;
    case SPECIAL_HAZARD:
      {
        BwRisk *risk = bw_threat_get_risk (threat);

        if (risk == NULL || !strv_has (bw_risk_get_hazards (risk), self->special_id))
          return FALSE;
      }
      break;
    case SPECIAL_ASSET:
      if (self->special_ids == NULL || !g_hash_table_contains (self->special_ids, bw_record_get_id (BW_RECORD (threat))))
        return FALSE;
      break;
    case SPECIAL_NONE:
    default:
      break;
    }

  if (self->needle != NULL && *self->needle != '\0')
    {
      const char *target = bw_threat_get_target (threat);

      return contains (bw_record_get_id (BW_RECORD (threat)), self->needle)
             || contains (bw_threat_get_title (threat), self->needle)
             || contains (target, self->needle)
             || contains (_bw_threats_page_element_name (self, target), self->needle)
             || contains (bw_threat_get_rule (threat), self->needle);
    }
  return TRUE;
}

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  return _bw_threats_page_matches (data, item);
}

/* Cells */

static const char *
outcome_css (BwOutcome outcome)
{
  switch (outcome)
    {
    case BW_OUTCOME_ACCEPTABLE: return "success";
    case BW_OUTCOME_CONTROLLED: return "warning";
    case BW_OUTCOME_UNCONTROLLED: return "error";
    case BW_OUTCOME_UNRATED:
    default:
      return "dim-label";
    }
}

static const char *
outcome_label (BwOutcome outcome)
{
  switch (outcome)
    {
    case BW_OUTCOME_ACCEPTABLE: return _("Acceptable");
    case BW_OUTCOME_CONTROLLED: return _("Controlled");
    case BW_OUTCOME_UNCONTROLLED: return _("Uncontrolled");
    case BW_OUTCOME_UNRATED:
    default:
      return _("Not rated");
    }
}

static const char *
retired_label (BwThreat *threat)
{
  if (bw_threat_get_archived (threat))
    return _("Archived");
  if (bw_threat_get_obsolete (threat))
    return _("Obsolete");
  if (bw_threat_get_superseded (threat))
    return _("Superseded");
  return NULL;
}

static void
set_label_class (GtkWidget  *label,
                 const char *css)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css) != 0)
      gtk_widget_remove_css_class (label, classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
}

static void
update_group_cell (BwThreatsPage   *self,
                   GtkWidget       *label,
                   GtkWidget       *tag,
                   BwThreatsColumn  column,
                   const char      *element_id)
{
  guint count = _bw_threats_page_group_count (self, element_id);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (tag, FALSE);
  set_label_class (label, NULL);
  if (column == COLUMN_ID)
    text = g_strdup (element_id);
  else if (column == COLUMN_ELEMENT)
    {
      text = g_strdup (_bw_threats_page_element_name (self, element_id));
      gtk_widget_add_css_class (label, "bw-threat-group");
    }
  else if (column == COLUMN_TITLE)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u threat", "%u threats", count), count);
      set_label_class (label, "dim-label");
    }
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
}

static void
update_cell (BwThreatsPage *self,
             GtkWidget     *cell)
{
  GObject *item = g_object_get_data (G_OBJECT (cell), "item");
  BwThreatsColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  GtkWidget *label = gtk_widget_get_first_child (cell);
  GtkWidget *tag = gtk_widget_get_next_sibling (label);
  BwRiskMethod *method;
  BwThreat *threat;
  const char *text = NULL;
  g_autofree char *owned = NULL;

  if (item == NULL || self->project == NULL)
    return;
  gtk_widget_remove_css_class (label, "bw-threat-group");
  if (GTK_IS_STRING_OBJECT (item))
    {
      update_group_cell (self, label, tag, column, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      return;
    }

  threat = BW_THREAT (item);
  method = bw_project_get_risk_method (self->project);
  gtk_widget_set_visible (tag, FALSE);
  set_label_class (label, _bw_threats_page_is_retired (threat) ? "dim-label" : NULL);
  gtk_widget_set_tooltip_text (cell, NULL);
  switch (column)
    {
    case COLUMN_ID:
      text = bw_record_get_id (BW_RECORD (threat));
      break;
    case COLUMN_ELEMENT:
      {
        const char * const *interaction = bw_threat_get_interaction (threat);

        text = _bw_threats_page_element_name (self, bw_threat_get_target (threat));
        if (interaction != NULL && g_strv_length ((char **) interaction) == 3)
          {
            /* Translators: an interaction of a flow: "source → target" */
            owned = g_strdup_printf (_("%s → %s"), _bw_threats_page_element_name (self, interaction[0]),
                                     _bw_threats_page_element_name (self, interaction[2]));
            gtk_widget_set_tooltip_text (cell, owned);
            g_clear_pointer (&owned, g_free);
          }
      }
      break;
    case COLUMN_CATEGORY:
      /* The letter keeps the column narrow beside the editor; the name
       * is in the tooltip and the filter. */
      text = bw_threat_get_category (threat);
      gtk_widget_set_tooltip_text (cell, _bw_threats_page_category_label (text));
      break;
    case COLUMN_TITLE:
      text = bw_threat_get_title (threat);
      gtk_widget_set_tooltip_text (cell, text);
      /* The widest column carries the mark of a retired threat. */
      if (retired_label (threat) != NULL)
        {
          gtk_label_set_label (GTK_LABEL (tag), retired_label (threat));
          gtk_widget_set_visible (tag, TRUE);
        }
      break;
    case COLUMN_STATUS:
      text = _bw_threats_page_status_label (bw_threat_get_status (threat));
      break;
    case COLUMN_TREATMENT:
      text = _bw_threats_page_treatment_label (bw_threat_get_treatment (threat));
      break;
    case COLUMN_BEFORE:
    case COLUMN_AFTER:
      {
        BwRiskStage stage = column == COLUMN_BEFORE ? BW_RISK_BEFORE : BW_RISK_AFTER;
        BwOutcome outcome = bw_risk_assessment_get_outcome (method, threat, stage);
        int e = 0, s = 0;

        text = outcome_label (outcome);
        if (!_bw_threats_page_is_retired (threat))
          set_label_class (label, outcome_css (outcome));
        if (bw_risk_assessment_get_rating (threat, stage, &e, &s))
          {
            const char * const *es = bw_risk_method_get_exploitability (method);
            const char * const *ss = bw_risk_method_get_severity (method);

            if (es != NULL && ss != NULL && (guint) e <= g_strv_length ((char **) es) && (guint) s <= g_strv_length ((char **) ss))
              {
                /* Translators: a cell of the risk matrix: "exploitability × severity" */
                owned = g_strdup_printf (_("%s × %s"), es[e - 1], ss[s - 1]);
                gtk_widget_set_tooltip_text (cell, owned);
                g_clear_pointer (&owned, g_free);
              }
          }
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (cell), label);
  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_add_css_class (tag, "bw-threat-tag");
  gtk_widget_set_visible (tag, FALSE);
  gtk_box_append (GTK_BOX (cell), tag);
  g_object_set_data (G_OBJECT (cell), "column", data);
  if (GPOINTER_TO_INT (data) == COLUMN_ID)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_widget_add_css_class (label, "numeric");
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), cell);
      gtk_list_item_set_child (item, expander);
    }
  else
    gtk_list_item_set_child (item, cell);
}

static GtkWidget *
cell_of (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  return GTK_IS_TREE_EXPANDER (child) ? gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child)) : child;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BwThreatsPage            *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = cell_of (item);
  gpointer object = gtk_list_item_get_item (item);
  GObject *shown;

  if (GTK_IS_TREE_LIST_ROW (object))
    {
      shown = gtk_tree_list_row_get_item (object);
      if (GTK_IS_TREE_EXPANDER (child))
        gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), object);
    }
  else
    {
      shown = g_object_ref (object);
      if (GTK_IS_TREE_EXPANDER (child))
        gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
    }
  g_object_set_data_full (G_OBJECT (cell), "item", shown, g_object_unref);
  g_ptr_array_add (self->cells, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BwThreatsPage            *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = cell_of (item);

  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "item", NULL);
  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
}

void
_bw_threats_page_update_cells (BwThreatsPage *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    update_cell (self, g_ptr_array_index (self->cells, i));
}

/* Sorting */

static int
outcome_rank (BwThreatsPage *self,
              BwThreat      *threat,
              BwRiskStage    stage)
{
  int e = 0, s = 0;
  BwOutcome outcome = bw_risk_assessment_get_outcome (bw_project_get_risk_method (self->project), threat, stage);

  bw_risk_assessment_get_rating (threat, stage, &e, &s);
  return (int) outcome * 100 + e * s;
}

static int
compare_threats (BwThreatsPage   *self,
                 BwThreat        *a,
                 BwThreat        *b,
                 BwThreatsColumn  column)
{
  int result = 0;

  switch (column)
    {
    case COLUMN_ELEMENT:
      result = g_ascii_strcasecmp (_bw_threats_page_element_name (self, bw_threat_get_target (a)),
                                   _bw_threats_page_element_name (self, bw_threat_get_target (b)));
      break;
    case COLUMN_CATEGORY:
      result = (int) index_in (bw_stride_categories, bw_threat_get_category (a))
               - (int) index_in (bw_stride_categories, bw_threat_get_category (b));
      break;
    case COLUMN_TITLE:
      result = g_ascii_strcasecmp (bw_threat_get_title (a), bw_threat_get_title (b));
      break;
    case COLUMN_STATUS:
      result = (int) index_in (status_order, bw_threat_get_status (a))
               - (int) index_in (status_order, bw_threat_get_status (b));
      break;
    case COLUMN_TREATMENT:
      result = (int) index_in (treatment_order, bw_threat_get_treatment (a))
               - (int) index_in (treatment_order, bw_threat_get_treatment (b));
      break;
    case COLUMN_BEFORE:
    case COLUMN_AFTER:
      result = outcome_rank (self, a, column == COLUMN_BEFORE ? BW_RISK_BEFORE : BW_RISK_AFTER)
               - outcome_rank (self, b, column == COLUMN_BEFORE ? BW_RISK_BEFORE : BW_RISK_AFTER);
      break;
    case COLUMN_ID:
    case N_COLUMNS:
    default:
      break;
    }
  if (result == 0)
    {
      gint64 na = id_number (bw_record_get_id (BW_RECORD (a)));
      gint64 nb = id_number (bw_record_get_id (BW_RECORD (b)));

      result = na < nb ? -1 : na > nb;
    }
  return result;
}

/* What a column's sorter compares by (g_object_get_data per comparison
 * would cost a quark lookup each time on 84,000 threats). */
typedef struct
{
  BwThreatsPage   *page;
  BwThreatsColumn  column;
} SortData;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  SortData *sort = data;
  BwThreatsPage *self = sort->page;
  BwThreatsColumn column = sort->column;

  if (self == NULL || self->project == NULL)
    return 0;

  if (!BW_IS_THREAT ((gpointer) a) || !BW_IS_THREAT ((gpointer) b))
    return 0;
  return compare_threats (self, BW_THREAT ((gpointer) a), BW_THREAT ((gpointer) b), column);
}

static void
add_column (BwThreatsPage   *self,
            const char      *title,
            BwThreatsColumn  column,
            int              width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  SortData *sort = g_new0 (SortData, 1);
  GtkCustomSorter *sorter;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  sort->page = self;
  sort->column = column;
  sorter = gtk_custom_sorter_new (compare_cb, sort, g_free);
  g_ptr_array_add (self->sorters, sorter);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  if (column == COLUMN_ID)
    gtk_column_view_sort_by_column (self->column_view, view_column, GTK_SORT_ASCENDING);
}

/* Grouping */

/* The children of a group: its threats among those shown, sorted like the
 * table.  The store is the page's, kept up to date by update_groups(). */
static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  BwThreatsPage *self = data;
  const char *target;
  GListStore *store;

  if (!GTK_IS_STRING_OBJECT (item))
    return NULL;
  target = gtk_string_object_get_string (item);
  store = g_hash_table_lookup (self->group_stores, target);
  if (store == NULL)
    {
      store = g_list_store_new (BW_TYPE_THREAT);
      g_hash_table_insert (self->group_stores, g_strdup (target), store);
    }
  return G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                                g_object_ref (gtk_column_view_get_sorter (self->column_view))));
}

guint
_bw_threats_page_group_count (BwThreatsPage *self,
                              const char    *target)
{
  GListStore *store = g_hash_table_lookup (self->group_stores, target);

  return store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  BwThreatsPage *self = data;
  const char *ia = *(const char * const *) a;
  const char *ib = *(const char * const *) b;
  int result = g_ascii_strcasecmp (_bw_threats_page_element_name (self, ia),
                                   _bw_threats_page_element_name (self, ib));

  return result != 0 ? result : g_strcmp0 (ia, ib);
}

static gboolean
same_members (GListStore *store,
              GPtrArray  *threats)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (n != threats->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (item != g_ptr_array_index (threats, i))
        return FALSE;
    }
  return TRUE;
}

/* Brings the group rows to `ids` (sorted): when the groups that stay keep
 * their order, only the groups that came or went are inserted or removed,
 * so the groups the user opened stay open through edits and filters. */
static void
merge_groups (BwThreatsPage *self,
              GPtrArray     *ids,
              GHashTable    *members)
{
  GListModel *groups = G_LIST_MODEL (self->groups);
  guint n_old = g_list_model_get_n_items (groups);
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept_old = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept_new = g_ptr_array_new ();
  gboolean same_order = TRUE;
  guint i = 0, j = 0;

  for (guint k = 0; k < n_old; k++)
    {
      const char *id = gtk_string_list_get_string (self->groups, k);

      g_hash_table_add (old, (gpointer) id);
      if (g_hash_table_contains (members, id))
        g_ptr_array_add (kept_old, (gpointer) id);
    }
  for (guint k = 0; k < ids->len; k++)
    if (g_hash_table_contains (old, g_ptr_array_index (ids, k)))
      g_ptr_array_add (kept_new, g_ptr_array_index (ids, k));
  for (guint k = 0; same_order && k < kept_old->len; k++)
    same_order = g_str_equal (g_ptr_array_index (kept_old, k), g_ptr_array_index (kept_new, k));
  g_ptr_array_set_size (kept_old, 0);
  g_hash_table_remove_all (old);

  if (!same_order)
    {
      g_ptr_array_add (ids, NULL);
      gtk_string_list_splice (self->groups, 0, n_old, (const char * const *) ids->pdata);
      g_ptr_array_remove_index (ids, ids->len - 1);
      return;
    }
  while (j < ids->len || i < g_list_model_get_n_items (groups))
    {
      const char *current = i < g_list_model_get_n_items (groups) ? gtk_string_list_get_string (self->groups, i) : NULL;
      const char *wanted = j < ids->len ? g_ptr_array_index (ids, j) : NULL;

      if (current != NULL && wanted != NULL && g_str_equal (current, wanted))
        i++, j++;
      else if (current != NULL && !g_hash_table_contains (members, current))
        gtk_string_list_remove (self->groups, i);
      else
        {
          /* The run of new groups before the next kept one, at once. */
          guint end = j;
          g_autoptr(GPtrArray) run = g_ptr_array_new ();

          while (end < ids->len && (current == NULL || !g_str_equal (g_ptr_array_index (ids, end), current)))
            g_ptr_array_add (run, g_ptr_array_index (ids, end++));
          g_ptr_array_add (run, NULL);
          gtk_string_list_splice (self->groups, i, 0, (const char * const *) run->pdata);
          i += end - j;
          j = end;
        }
    }
}

static void
update_groups (BwThreatsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (self->groups == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (model, i);
      const char *target = bw_threat_get_target (threat);
      GPtrArray *threats;

      if (target == NULL)
        continue;
      threats = g_hash_table_lookup (members, target);
      if (threats == NULL)
        {
          threats = g_ptr_array_new ();
          g_hash_table_insert (members, (gpointer) target, threats);
          g_ptr_array_add (ids, (gpointer) target);
        }
      /* The collection keeps the threat alive. */
      g_ptr_array_add (threats, threat);
    }

  /* The stores of the groups: refilled where their threats changed. */
  g_hash_table_iter_init (&iter, self->group_stores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (members, key))
      {
        g_list_store_remove_all (value);
        g_hash_table_iter_remove (&iter);
      }
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GListStore *store = g_hash_table_lookup (self->group_stores, key);
      GPtrArray *threats = value;

      if (store == NULL)
        {
          store = g_list_store_new (BW_TYPE_THREAT);
          g_hash_table_insert (self->group_stores, g_strdup (key), store);
        }
      if (!same_members (store, threats))
        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), threats->pdata, threats->len);
    }

  /* An edit rarely changes which groups there are: then their rows stay. */
  if (g_hash_table_size (members) == g_list_model_get_n_items (G_LIST_MODEL (self->groups)))
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
        same = g_hash_table_contains (members, gtk_string_list_get_string (self->groups, i));
      if (same)
        return;
    }
  g_ptr_array_sort_with_data (ids, compare_groups, self);
  merge_groups (self, ids, members);
}

void
_bw_threats_page_set_grouped (BwThreatsPage *self,
                              gboolean       grouped)
{
  if (self->grouped == grouped)
    return;
  self->grouped = grouped;
  if (grouped)
    {
      if (self->groups == NULL)
        {
          self->groups = gtk_string_list_new (NULL);
          self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->groups)), FALSE, FALSE,
                                                      create_children_cb, self, NULL);
        }
      update_groups (self);
      /* The flat model would resort with every change for nobody. */
      gtk_sort_list_model_set_model (self->flat_model, NULL);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
    }
  else
    {
      gtk_sort_list_model_set_model (self->flat_model, G_LIST_MODEL (self->filter_model));
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->flat_model));
    }
}

/* Models */

/* GTK 4.8's sort model takes a large change of its input item by item,
 * much slower than sorting afresh (84,000 threats: seconds against a
 * tenth of one): for wholesale changes the flat model is detached and
 * attached again, which sorts once. */
static void
detach_flat (BwThreatsPage *self)
{
  if (!self->grouped)
    gtk_sort_list_model_set_model (self->flat_model, NULL);
}

static void
attach_flat (BwThreatsPage *self)
{
  if (!self->grouped)
    gtk_sort_list_model_set_model (self->flat_model, G_LIST_MODEL (self->filter_model));
}

void
_bw_threats_page_set_model (BwThreatsPage *self,
                            GListModel    *threats)
{
  detach_flat (self);
  gtk_filter_list_model_set_model (self->filter_model, threats);
  attach_flat (self);
  if (self->grouped)
    update_groups (self);
}

/* `wholesale`: the filters changed (many rows come or go); else an edit
 * changed a few threats, which the models take in place. */
void
_bw_threats_page_refilter (BwThreatsPage *self,
                           gboolean       wholesale)
{
  if (wholesale)
    detach_flat (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (wholesale)
    attach_flat (self);
  if (self->grouped)
    update_groups (self);
}

/* After an edit: a sort key may have changed (a status, a rating).  The
 * column view's sorter says so once, whichever columns the user sorted
 * by (each column's sorter saying so would sort once per column). */
void
_bw_threats_page_resort (BwThreatsPage *self)
{
  if (self->grouped)
    return;
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
}

static BwThreat *
threat_at (BwThreatsPage *self,
           guint          position,
           GtkTreeListRow **row_out)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GObject) shown = NULL;

  if (row_out != NULL)
    *row_out = NULL;
  if (item == NULL)
    return NULL;
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      shown = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
      if (row_out != NULL)
        *row_out = GTK_TREE_LIST_ROW (item);
    }
  else
    shown = g_object_ref (item);
  /* The project's collection keeps the threat alive. */
  return BW_IS_THREAT (shown) ? BW_THREAT (shown) : NULL;
}

BwThreat *
_bw_threats_page_get_selected (BwThreatsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  return position == GTK_INVALID_LIST_POSITION ? NULL : threat_at (self, position, NULL);
}

/* The position of a threat in the table, expanding its group when grouped;
 * GTK_INVALID_LIST_POSITION when the filters hide it. */
guint
_bw_threats_page_position_of (BwThreatsPage *self,
                              const char    *threat_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  BwRecord *record;
  guint n;

  if (self->project == NULL || threat_id == NULL)
    return GTK_INVALID_LIST_POSITION;
  record = bw_project_lookup (self->project, threat_id);
  if (!BW_IS_THREAT (record) || !_bw_threats_page_matches (self, BW_THREAT (record)))
    return GTK_INVALID_LIST_POSITION;

  if (self->grouped)
    {
      const char *target = bw_threat_get_target (BW_THREAT (record));

      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
          g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

          if (GTK_IS_STRING_OBJECT (item)
              && g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), target) == 0)
            {
              gtk_tree_list_row_set_expanded (row, TRUE);
              break;
            }
        }
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      BwThreat *threat = threat_at (self, i, NULL);

      if (threat == BW_THREAT (record))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
_bw_threats_page_init_table (BwThreatsPage *self)
{
  self->sorters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cells = g_ptr_array_new ();
  self->group_stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  add_column (self, _("ID"), COLUMN_ID, 68);
  add_column (self, _("Element"), COLUMN_ELEMENT, 110);
  /* Translators: the STRIDE category column's header (it shows S, T, R …) */
  add_column (self, C_("column", "Cat."), COLUMN_CATEGORY, 48);
  add_column (self, _("Title"), COLUMN_TITLE, 0);
  add_column (self, _("Status"), COLUMN_STATUS, 120);
  add_column (self, _("Treatment"), COLUMN_TREATMENT, 82);
  add_column (self, _("Risk Before"), COLUMN_BEFORE, 100);
  add_column (self, _("Risk After"), COLUMN_AFTER, 100);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->flat_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->flat_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}
