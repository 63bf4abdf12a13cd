/* bw-traceability-page-table.c — the traceability page's table: cells, gaps, search
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * One cell per link of the path.  Where the chain breaks, the cell of the
 * missing link shows a warning icon and what is missing, so a reader sees
 * the gap where it is, not only in a summary column.  Each ID is a button
 * that opens its record (win.show-record).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-traceability-page-private.h"

/* Wide enough to read an ID and the start of its name; the table scrolls
 * sideways on a small window rather than cutting every cell to "A-1 In…". */
static const struct {
  const char *title;
  BwTraceGaps gap;      /* the gap marked in this column */
  int         width;
  gboolean    expand;
} columns[N_TRACE_COLUMNS] = {
  [TRACE_COLUMN_ASSET] = { N_("Asset"), BW_TRACE_GAP_ASSET, 180, FALSE },
  [TRACE_COLUMN_ELEMENT] = { N_("Element"), BW_TRACE_GAP_ELEMENT, 190, FALSE },
  [TRACE_COLUMN_THREAT] = { N_("Threat"), BW_TRACE_GAP_THREAT, 240, TRUE },
  [TRACE_COLUMN_BEFORE] = { N_("Risk Before"), BW_TRACE_GAP_RATING, 115, FALSE },
  [TRACE_COLUMN_AFTER] = { N_("Risk After"), BW_TRACE_GAP_NONE, 115, FALSE },
  [TRACE_COLUMN_OBJECTIVE] = { N_("Objective"), BW_TRACE_GAP_OBJECTIVE, 230, TRUE },
  [TRACE_COLUMN_REQUIREMENT] = { N_("Requirement"), BW_TRACE_GAP_REQUIREMENT, 230, TRUE },
  [TRACE_COLUMN_VERIFICATION] = { N_("Verification"), BW_TRACE_GAP_VERIFICATION, 150, FALSE },
  [TRACE_COLUMN_GAPS] = { N_("Gaps"), BW_TRACE_GAP_NONE, 210, FALSE },
};

static const char * const verification_labels[][2] = {
  { "test", N_("Test") },
  { "inspection", N_("Inspection") },
  { "analysis", N_("Analysis") },
  { "demonstration", N_("Demonstration") },
};

static const char *
verification_label (const char *verification)
{
  for (guint i = 0; i < G_N_ELEMENTS (verification_labels); i++)
    if (g_strcmp0 (verification_labels[i][0], verification) == 0)
      return _(verification_labels[i][1]);
  return verification != NULL ? verification : "";
}

static const char *
outcome_class (BwOutcome outcome)
{
  switch (outcome)
    {
    case BW_OUTCOME_ACCEPTABLE: return "success";
    case BW_OUTCOME_CONTROLLED: return "warning";
    case BW_OUTCOME_UNCONTROLLED: return "error";
    case BW_OUTCOME_UNRATED:
    default:
      return NULL;
    }
}

/* What one cell shows: the record it opens (or NULL) and its text. */
static BwRecord *
cell_content (BwTraceRow  *row,
              TraceColumn  column,
              char       **text)
{
  BwRequirement *requirement = bw_trace_row_get_requirement (row);
  BwThreat *threat = bw_trace_row_get_threat (row);

  *text = NULL;
  switch (column)
    {
    case TRACE_COLUMN_ASSET:
      if (bw_trace_row_get_asset (row) == NULL)
        return NULL;
      *text = g_strdup (bw_asset_get_name (bw_trace_row_get_asset (row)));
      return BW_RECORD (bw_trace_row_get_asset (row));
    case TRACE_COLUMN_ELEMENT:
      if (bw_trace_row_get_element (row) == NULL)
        return NULL;
      *text = g_strdup (bw_element_get_name (bw_trace_row_get_element (row)));
      return BW_RECORD (bw_trace_row_get_element (row));
    case TRACE_COLUMN_THREAT:
      if (threat == NULL)
        return NULL;
      *text = g_strdup (bw_threat_get_title (threat));
      return BW_RECORD (threat);
    case TRACE_COLUMN_BEFORE:
    case TRACE_COLUMN_AFTER:
      if (threat != NULL)
        {
          BwOutcome outcome = bw_trace_row_get_outcome (row, column == TRACE_COLUMN_BEFORE ? BW_RISK_BEFORE
                                                                                          : BW_RISK_AFTER);

          if (outcome != BW_OUTCOME_UNRATED)
            *text = g_strdup (bw_outcome_describe (outcome));
        }
      return NULL;
    case TRACE_COLUMN_OBJECTIVE:
      if (bw_trace_row_get_objective (row) == NULL)
        return NULL;
      *text = g_strdup (bw_objective_get_text (bw_trace_row_get_objective (row)));
      return BW_RECORD (bw_trace_row_get_objective (row));
    case TRACE_COLUMN_REQUIREMENT:
      if (requirement == NULL)
        return NULL;
      *text = g_strdup (bw_requirement_get_text (requirement));
      return BW_RECORD (requirement);
    case TRACE_COLUMN_VERIFICATION:
      if (requirement != NULL)
        {
          const char *reference = bw_requirement_get_verification_ref (requirement);

          if (reference != NULL && *reference != '\0')
            /* Translators: a verification method and its reference, "Test · TC-101" */
            *text = g_strdup_printf (_("%s · %s"),
                                     verification_label (bw_requirement_get_verification (requirement)),
                                     reference);
          else
            *text = g_strdup (verification_label (bw_requirement_get_verification (requirement)));
        }
      return NULL;
    case TRACE_COLUMN_GAPS:
      *text = bw_trace_gaps_describe (bw_trace_row_get_gaps (row));
      return NULL;
    case N_TRACE_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (cell), icon);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "trace-link");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cell), button);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (cell), label);
  g_object_set_data (G_OBJECT (cell), "column", data);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  TraceColumn column = GPOINTER_TO_INT (data);
  BwTraceRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (cell);
  GtkWidget *button = gtk_widget_get_next_sibling (icon);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (button));
  BwTraceGaps gap = columns[column].gap & bw_trace_row_get_gaps (row);
  g_autofree char *text = NULL;
  BwRecord *record = cell_content (row, column, &text);
  const char *css;

  gtk_widget_set_visible (icon, gap != BW_TRACE_GAP_NONE);
  if (gap != BW_TRACE_GAP_NONE && text == NULL)
    text = bw_trace_gaps_describe (gap);
  gtk_widget_set_tooltip_text (cell, gap != BW_TRACE_GAP_NONE ? text : NULL);

  gtk_widget_set_visible (button, record != NULL);
  if (record != NULL)
    {
      const char *id = bw_record_get_id (record);
      g_autofree char *tooltip = g_strdup_printf (_("Show %s"), id);

      gtk_button_set_label (GTK_BUTTON (button), id);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-record");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);

  gtk_label_set_label (label, text != NULL ? text : "");
  for (BwOutcome o = BW_OUTCOME_ACCEPTABLE; o <= BW_OUTCOME_UNCONTROLLED; o++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), outcome_class (o));
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (column == TRACE_COLUMN_BEFORE || column == TRACE_COLUMN_AFTER)
    {
      BwOutcome outcome = bw_trace_row_get_outcome (row, column == TRACE_COLUMN_BEFORE ? BW_RISK_BEFORE
                                                                                       : BW_RISK_AFTER);

      if ((css = outcome_class (outcome)) != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (label), css);
    }
  if (gap != BW_TRACE_GAP_NONE && record == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

/* What the search looks at: every cell's ID and text. */
gboolean
_bw_traceability_page_row_matches (BwTraceabilityPage *self,
                                   BwTraceRow         *row)
{
  if (self->only_gaps && bw_trace_row_get_gaps (row) == BW_TRACE_GAP_NONE)
    return FALSE;
  if (self->search == NULL || *self->search == '\0')
    return TRUE;

  for (TraceColumn column = 0; column < N_TRACE_COLUMNS; column++)
    {
      g_autofree char *text = NULL;
      BwRecord *record = cell_content (row, column, &text);
      g_autofree char *folded = NULL;

      if (record != NULL)
        {
          g_autofree char *id = g_utf8_casefold (bw_record_get_id (record), -1);

          if (strstr (id, self->search) != NULL)
            return TRUE;
        }
      if (text == NULL)
        continue;
      folded = g_utf8_casefold (text, -1);
      if (strstr (folded, self->search) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Enter or a double click on a row: the most specific record of its path. */
static void
activate_cb (GtkColumnView      *view,
             guint               position,
             BwTraceabilityPage *self)
{
  g_autoptr(BwTraceRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  gpointer record;

  if (row == NULL)
    return;
  if ((record = bw_trace_row_get_requirement (row)) == NULL &&
      (record = bw_trace_row_get_objective (row)) == NULL &&
      (record = bw_trace_row_get_threat (row)) == NULL &&
      (record = bw_trace_row_get_element (row)) == NULL)
    record = bw_trace_row_get_asset (row);
  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "s", bw_record_get_id (record));
}

void
_bw_traceability_page_init_table (BwTraceabilityPage *self)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Traceability matrix"), -1);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, 0);

  for (TraceColumn column = 0; column < N_TRACE_COLUMNS; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
      view_column = gtk_column_view_column_new (_(columns[column].title), factory);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, columns[column].expand);
      gtk_column_view_column_set_fixed_width (view_column, columns[column].width);
      gtk_column_view_append_column (self->column_view, view_column);
      g_object_unref (view_column);
    }
}
