/* bw-threats-page-matrix.c — the threats page's STRIDE matrix: elements × S T R I D E
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The review view of STRIDE-per-element: one row per element in scope that
 * gets threats of its own (summary elements do not), one column per STRIDE
 * category; a cell lists the threats shown by the page's filters as pills
 * colored by status, so an empty cell or a red one stands out.  A flow's
 * interaction threats sit in the flow's row.  The grid is rebuilt only
 * while the matrix is shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-threats-page-private.h"
#include "bw-traceability.h"

/* A matrix of thousands of rows helps nobody and costs widgets. */
#define MAX_ROWS 300
#define MAX_PILLS 8
#define N_CATEGORIES 6

static const char * const category_letters[N_CATEGORIES] = { "S", "T", "R", "I", "D", "E" };

static int
category_index (const char *category)
{
  for (int i = 0; i < N_CATEGORIES; i++)
    if (g_strcmp0 (category_letters[i], category) == 0)
      return i;
  return -1;
}

static void
pill_clicked_cb (GtkButton     *button,
                 BwThreatsPage *self)
{
  _bw_threats_page_select (self, gtk_widget_get_name (GTK_WIDGET (button)));
}

static void
more_clicked_cb (GtkButton     *button,
                 BwThreatsPage *self)
{
  const char *filter = g_object_get_data (G_OBJECT (button), "filter");

  /* The table with that element's threats. */
  gtk_toggle_button_set_active (self->table_toggle, TRUE);
  bw_page_set_filter (BW_PAGE (self), filter);
}

static const char *
status_class (BwThreat *threat)
{
  const char *status = bw_threat_get_status (threat);

  if (g_strcmp0 (status, "needs_investigation") == 0)
    return "needs-investigation";
  if (g_strcmp0 (status, "addressed") == 0)
    return "addressed";
  if (g_strcmp0 (status, "not_applicable") == 0)
    return "not-applicable";
  return "not-started";
}

static GtkWidget *
pill_new (BwThreatsPage *self,
          BwThreat      *threat)
{
  const char *id = bw_record_get_id (BW_RECORD (threat));
  GtkWidget *button = gtk_button_new_with_label (id);
  const char * const *interaction = bw_threat_get_interaction (threat);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  /* The name carries the ID for the click (and for tests). */
  gtk_widget_set_name (button, id);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "bw-threat-pill");
  gtk_widget_add_css_class (button, status_class (threat));
  if (_bw_threats_page_is_retired (threat))
    gtk_widget_add_css_class (button, "retired");
  if (interaction != NULL && g_strv_length ((char **) interaction) == 3)
    /* Translators: a threat's tooltip: "Title — Status (Source → Target)" */
    tooltip = g_strdup_printf (_("%s — %s (%s → %s)"), bw_threat_get_title (threat),
                               _bw_threats_page_status_label (bw_threat_get_status (threat)),
                               _bw_threats_page_element_name (self, interaction[0]),
                               _bw_threats_page_element_name (self, interaction[2]));
  else
    /* Translators: a threat's tooltip: "Title — Status" */
    tooltip = g_strdup_printf (_("%s — %s"), bw_threat_get_title (threat),
                               _bw_threats_page_status_label (bw_threat_get_status (threat)));
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Translators: "T-3, Not Started" */
  accessible = g_strdup_printf (_("%s, %s"), id, _bw_threats_page_status_label (bw_threat_get_status (threat)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (pill_clicked_cb), self);
  return button;
}

static GtkWidget *
cell_new (BwThreatsPage *self,
          const char    *element_id,
          int            category,
          GPtrArray     *threats)
{
  GtkWidget *box = gtk_flow_box_new ();
  guint n = threats != NULL ? threats->len : 0;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 2);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_name (box, "matrix-cell");
  g_object_set_data_full (G_OBJECT (box), "cell",
                          g_strdup_printf ("%s:%s", element_id, category_letters[category]), g_free);
  for (guint i = 0; i < n && i < MAX_PILLS; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (box), pill_new (self, g_ptr_array_index (threats, i)));
  if (n > MAX_PILLS)
    {
      g_autofree char *label = g_strdup_printf ("+%u", n - MAX_PILLS);
      GtkWidget *more = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (more, "flat");
      gtk_widget_set_tooltip_text (more, _("Show all of this element's threats in the table"));
      g_object_set_data_full (G_OBJECT (more), "filter", g_strconcat ("element:", element_id, NULL), g_free);
      g_signal_connect (more, "clicked", G_CALLBACK (more_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), more);
    }
  /* The flow box's children take the focus, not the box's own rows. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  return box;
}

static GtkWidget *
header_new (const char *letter,
            const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *big = gtk_label_new (letter);
  GtkWidget *small = gtk_label_new (name);

  gtk_widget_add_css_class (big, "title-4");
  gtk_widget_add_css_class (small, "caption");
  gtk_widget_add_css_class (small, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (small), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), big);
  gtk_box_append (GTK_BOX (box), small);
  gtk_widget_set_tooltip_text (box, name);
  return box;
}

static gboolean
is_shown_element (BwThreatsPage *self,
                  BwElement     *element,
                  GHashTable    *summary)
{
  const char *id = bw_record_get_id (BW_RECORD (element));

  if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY || bw_element_get_out_of_scope (element))
    return FALSE;
  if (summary != NULL && g_hash_table_contains (summary, id))
    return FALSE;
  if (self->values[DROPDOWN_ELEMENT] != NULL && g_strcmp0 (self->values[DROPDOWN_ELEMENT], id) != 0)
    return FALSE;
  if (self->values[DROPDOWN_DIAGRAM] != NULL && g_strcmp0 (self->values[DROPDOWN_DIAGRAM], bw_element_get_diagram (element)) != 0)
    return FALSE;
  return TRUE;
}

void
_bw_threats_page_matrix_update (BwThreatsPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GHashTable) summary = NULL;
  GListModel *elements;
  GtkWidget *grid;
  GtkWidget *child;
  guint row = 1;
  guint skipped = 0;

  while ((child = gtk_widget_get_first_child (self->matrix_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->matrix_box), child);
  if (self->project == NULL)
    return;

  /* element ID → GPtrArray[6] of the threats shown, in project order */
  cells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (shown, i);
      int category = category_index (bw_threat_get_category (threat));
      const char *target = bw_threat_get_target (threat);
      GPtrArray *row_cells;

      if (category < 0 || target == NULL)
        continue;
      row_cells = g_hash_table_lookup (cells, target);
      if (row_cells == NULL)
        {
          row_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
          for (int c = 0; c < N_CATEGORIES; c++)
            g_ptr_array_add (row_cells, g_ptr_array_new ());
          g_hash_table_insert (cells, (gpointer) target, row_cells);
        }
      /* The collection keeps the threat alive while the grid is built. */
      g_ptr_array_add (g_ptr_array_index (row_cells, category), threat);
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 0);
  gtk_widget_set_name (grid, "stride-matrix");
  {
    GtkWidget *corner = gtk_label_new (_("Element"));

    gtk_widget_add_css_class (corner, "heading");
    gtk_label_set_xalign (GTK_LABEL (corner), 0.0);
    gtk_grid_attach (GTK_GRID (grid), corner, 0, 0, 1, 1);
    for (int c = 0; c < N_CATEGORIES; c++)
      gtk_grid_attach (GTK_GRID (grid), header_new (category_letters[c],
                                                    _bw_threats_page_category_label (category_letters[c])),
                       c + 1, 0, 1, 1);
  }

  summary = bw_traceability_dup_summary_ids (self->project);
  elements = bw_project_get_elements (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (element));
      GPtrArray *row_cells;
      GtkWidget *name;
      g_autofree char *text = NULL;

      if (!is_shown_element (self, element, summary))
        continue;
      if (row > MAX_ROWS)
        {
          skipped++;
          continue;
        }
      row_cells = g_hash_table_lookup (cells, id);
      /* Translators: a row of the STRIDE matrix: "Pump firmware (P-3)" */
      text = g_strdup_printf (_("%s (%s)"), bw_element_get_name (element), id);
      name = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
      gtk_widget_set_tooltip_text (name, text);
      gtk_widget_add_css_class (name, "bw-matrix-cell");
      gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);
      for (int c = 0; c < N_CATEGORIES; c++)
        {
          GtkWidget *cell = cell_new (self, id, c, row_cells != NULL ? g_ptr_array_index (row_cells, c) : NULL);

          gtk_widget_add_css_class (cell, "bw-matrix-cell");
          gtk_grid_attach (GTK_GRID (grid), cell, c + 1, row, 1, 1);
        }
      row++;
    }
  gtk_box_append (GTK_BOX (self->matrix_box), grid);

  if (row == 1 || skipped > 0)
    {
      g_autofree char *note = NULL;
      GtkWidget *label;

      if (row == 1)
        note = g_strdup (_("No element in scope matches the filters."));
      else
        note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u more element not shown: filter by diagram or element to see it.",
                                             "%u more elements not shown: filter by diagram or element to see them.",
                                             skipped), skipped);
      label = gtk_label_new (note);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_box_append (GTK_BOX (self->matrix_box), label);
    }
}

GtkWidget *
_bw_threats_page_matrix_new (BwThreatsPage *self)
{
  self->matrix_scroller = gtk_scrolled_window_new ();
  self->matrix_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (self->matrix_box, 12);
  gtk_widget_set_margin_end (self->matrix_box, 12);
  gtk_widget_set_margin_top (self->matrix_box, 6);
  gtk_widget_set_margin_bottom (self->matrix_box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->matrix_scroller), self->matrix_box);
  return self->matrix_scroller;
}
