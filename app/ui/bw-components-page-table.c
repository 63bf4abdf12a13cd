/* bw-components-page-table.c — the components page's table: cells, sorting, search
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Cells are plain widgets refreshed on every change of the document (a
 * component's vulnerabilities and support warnings change without any
 * notification of the component itself).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-components-page-private.h"
#include "bw-vulnerability.h"

static void
update_cell (GtkWidget *cell,
             gpointer   item,
             int        cell_column,
             gpointer   data)
{
  BwComponentsPage *self = data;
  BwComponent *component = item;
  Column column = cell_column;
  GtkWidget *icon = gtk_widget_get_first_child (cell);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (icon));
  BwSupportFinding *finding = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_tooltip_text (cell, NULL);
  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (bw_component_get_name (component));
      break;
    case COLUMN_VERSION:
      text = g_strdup (bw_component_get_version (component));
      break;
    case COLUMN_SUPPLIER:
      text = g_strdup (bw_component_get_supplier (component));
      break;
    case COLUMN_LICENSE:
      text = g_strdup (bw_component_get_license (component));
      break;
    case COLUMN_SUPPORT:
      text = g_strdup (_bw_components_page_support_label (bw_component_get_support (component)));
      break;
    case COLUMN_END_OF_SUPPORT:
      text = g_strdup (bw_component_get_end_of_support (component));
      if ((finding = _bw_components_page_find_finding (self, component)) != NULL)
        {
          gboolean ended = finding->kind == BW_SUPPORT_FINDING_ENDED;

          gtk_image_set_from_icon_name (GTK_IMAGE (icon), ended ? "dialog-error-symbolic"
                                                                : "dialog-warning-symbolic");
          gtk_widget_remove_css_class (icon, ended ? "warning" : "error");
          gtk_widget_add_css_class (icon, ended ? "error" : "warning");
          gtk_widget_set_visible (icon, TRUE);
          gtk_widget_set_tooltip_text (cell, finding->message);
        }
      break;
    case COLUMN_VULNERABILITIES:
      {
        guint n = g_list_model_get_n_items (bw_component_get_vulnerabilities (component));

        if (n == 0)
          text = g_strdup ("—");
        else
          /* Translators: vulnerabilities of a component, "3 (1 open)" */
          text = g_strdup_printf (_("%u (%u open)"), n, _bw_components_page_count_open (component));
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (label, text && *text ? text : (column == COLUMN_END_OF_SUPPORT ? "—" : ""));
}

/* A warning icon (hidden but on a support finding) and the text. */
static GtkWidget *
setup_cell (int      column,
            gpointer data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = bw_table_cells_label_new ();

  gtk_box_append (GTK_BOX (cell), gtk_image_new ());
  gtk_box_append (GTK_BOX (cell), label);
  if (column == COLUMN_VULNERABILITIES || column == COLUMN_END_OF_SUPPORT)
    gtk_widget_add_css_class (label, "numeric");
  return cell;
}

static const char *
sort_key (BwComponent *component,
          Column       column)
{
  switch (column)
    {
    case COLUMN_VERSION: return bw_component_get_version (component);
    case COLUMN_SUPPLIER: return bw_component_get_supplier (component);
    case COLUMN_LICENSE: return bw_component_get_license (component);
    case COLUMN_SUPPORT: return bw_component_get_support (component);
    case COLUMN_END_OF_SUPPORT: return bw_component_get_end_of_support (component);
    case COLUMN_NAME:
    case COLUMN_VULNERABILITIES:
    case N_COLUMNS:
    default:
      return bw_component_get_name (component);
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  BwComponent *ca = BW_COMPONENT ((gpointer) a);
  BwComponent *cb = BW_COMPONENT ((gpointer) b);
  Column column = GPOINTER_TO_INT (data);
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  const char *ka, *kb;

  if (column == COLUMN_VULNERABILITIES)
    {
      guint oa = _bw_components_page_count_open (ca), ob = _bw_components_page_count_open (cb);
      guint na = g_list_model_get_n_items (bw_component_get_vulnerabilities (ca));
      guint nb = g_list_model_get_n_items (bw_component_get_vulnerabilities (cb));

      if (oa != ob)
        return oa < ob ? -1 : 1;
      return na < nb ? -1 : na > nb;
    }

  ka = sort_key (ca, column);
  kb = sort_key (cb, column);
  /* Unknown dates last, where nobody mistakes them for early ones. */
  if (column == COLUMN_END_OF_SUPPORT && (*ka == '\0') != (*kb == '\0'))
    return *ka == '\0' ? 1 : -1;
  /* "cryptography" between "Boost" and "FreeRTOS", as people sort. */
  fa = g_utf8_casefold (ka, -1);
  fb = g_utf8_casefold (kb, -1);
  return g_utf8_collate (fa, fb);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack ? haystack : "", -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  BwComponentsPage *self = data;
  BwComponent *component = item;
  GListModel *vulnerabilities = bw_component_get_vulnerabilities (component);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  if (*needle == '\0' ||
      contains (bw_component_get_name (component), needle) ||
      contains (bw_component_get_version (component), needle) ||
      contains (bw_component_get_supplier (component), needle) ||
      contains (bw_component_get_purl (component), needle) ||
      contains (bw_component_get_license (component), needle))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (vulnerabilities); i++)
    {
      g_autoptr(BwRecord) v = g_list_model_get_item (vulnerabilities, i);

      if (contains (bw_record_get_id (v), needle))
        return TRUE;
    }
  return FALSE;
}

void
_bw_components_page_search_changed_cb (BwComponentsPage *self,
                   GtkSearchEntry   *entry)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _bw_components_page_refresh (self);
}

/* `width` 0: the column shares what the fixed ones leave. */
static void
add_column (BwComponentsPage *self,
            const char       *title,
            Column            column,
            int               width)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL));
  GtkColumnViewColumn *view_column;

  view_column = bw_table_cells_add_column (self->cells, self->column_view, title, column, width, sorter);
  if (column == COLUMN_NAME)
    gtk_column_view_sort_by_column (self->column_view, view_column, GTK_SORT_ASCENDING);
}

void
_bw_components_page_init_table (BwComponentsPage *self)
{
  GtkSortListModel *sorted;

  self->cells = bw_table_cells_new (setup_cell, update_cell, self);
  add_column (self, _("Name"), COLUMN_NAME, 0);
  add_column (self, _("Version"), COLUMN_VERSION, 70);
  add_column (self, _("Supplier"), COLUMN_SUPPLIER, 110);
  add_column (self, _("Licence"), COLUMN_LICENSE, 90);
  add_column (self, _("Support"), COLUMN_SUPPORT, 75);
  add_column (self, _("End of Support"), COLUMN_END_OF_SUPPORT, 115);
  add_column (self, _("Vulnerabilities"), COLUMN_VULNERABILITIES, 115);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}
