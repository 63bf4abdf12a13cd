/* bw-assets-page.c — step 1: the assets worth protecting, with the taxonomy prompt
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A table of the project's assets (a BwRecordTable), a card naming the
 * taxonomy categories of METHOD.md that still lack an asset, and a side
 * panel that edits the selected asset and links it to the elements that
 * carry it.  Like every view, it changes the project only through
 * commands, so each edit is an undo step; it follows the command stack,
 * so undo and edits made elsewhere show at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-assets-page-private.h"
#include "bw-record-page.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_CONFIDENTIALITY,
  COLUMN_INTEGRITY,
  COLUMN_AVAILABILITY,
  COLUMN_SAFETY,
} Column;

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwAssetsPage, bw_assets_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

/* Labels of FORMAT.md's values, shared with the panel's combo rows. */
const char *
_bw_assets_page_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "function") == 0)
    return _("Function");
  if (g_strcmp0 (kind, "property") == 0)
    return _("Property");
  return _("Data");
}

const char *
_bw_assets_page_level_label (const char *level)
{
  if (g_strcmp0 (level, "low") == 0)
    return _("Low");
  if (g_strcmp0 (level, "medium") == 0)
    return _("Medium");
  if (g_strcmp0 (level, "high") == 0)
    return _("High");
  return _("None");
}

BwAsset *
_bw_assets_page_selected_asset (BwAssetsPage *self)
{
  return BW_ASSET (bw_record_table_get_selected (self->table));
}

/* Adds `asset` (without ID) as one undo step and selects it. */
void
_bw_assets_page_add_asset (BwAssetsPage *self,
                           BwAsset      *asset)
{
  if (bw_record_table_add (self->table, BW_RECORD (asset)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  g_autoptr(BwAsset) asset = NULL;

  asset = g_object_new (BW_TYPE_ASSET,
                        "name", _("New asset"),
                        "kind", "data",
                        "confidentiality", "none",
                        "integrity", "none",
                        "availability", "none",
                        NULL);
  _bw_assets_page_add_asset (self, asset);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  BwAsset *asset = _bw_assets_page_selected_asset (self);
  g_autofree char *title = NULL;

  if (asset == NULL)
    return;
  /* Translators: a toast after deleting an asset, “Deleted “Pump keys”” */
  title = g_strdup_printf (_("Deleted “%s”"), bw_asset_get_name (asset));
  /* The links on the elements go with it, in the same undo step. */
  bw_record_table_remove_selected (self->table, title);
}

static void
show_threats_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  const char *id = bw_record_table_get_selected_id (self->table);
  g_autofree char *filter = NULL;

  if (id == NULL)
    return;
  filter = g_strconcat ("asset:", id, NULL);
  gtk_widget_activate_action (widget, "win.filter-threats", "s", filter);
}

/* The table */

static GtkWidget *
setup_cell (int      column,
            gpointer data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (cell), bw_table_cells_label_new ());
  if (column == COLUMN_NAME)
    {
      GtkWidget *description = bw_table_cells_label_new ();

      gtk_widget_add_css_class (description, "caption");
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (cell), description);
    }
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  return cell;
}

static void
update_cell (GtkWidget *cell,
             gpointer   item,
             int        column,
             gpointer   data)
{
  BwAsset *asset = item;
  GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (cell));
  const char *text = "";

  switch ((Column) column)
    {
    case COLUMN_NAME:
      {
        GtkLabel *description = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (label)));
        const char *name = bw_asset_get_name (asset);

        gtk_label_set_label (description, bw_asset_get_description (asset));
        gtk_widget_set_visible (GTK_WIDGET (description), *bw_asset_get_description (asset) != '\0');
        /* An asset without a name is still one to pick. */
        text = *name != '\0' ? name : _("Unnamed asset");
      }
      break;
    case COLUMN_KIND:
      text = _bw_assets_page_kind_label (bw_asset_get_kind (asset));
      break;
    case COLUMN_CONFIDENTIALITY:
      text = _bw_assets_page_level_label (bw_asset_get_confidentiality (asset));
      break;
    case COLUMN_INTEGRITY:
      text = _bw_assets_page_level_label (bw_asset_get_integrity (asset));
      break;
    case COLUMN_AVAILABILITY:
      text = _bw_assets_page_level_label (bw_asset_get_availability (asset));
      break;
    case COLUMN_SAFETY:
      text = bw_asset_get_safety_relevant (asset) ? _("Yes") : _("No");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (label, text);
}

static int
level_rank (const char *level)
{
  static const char * const levels[] = { "none", "low", "medium", "high" };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_strcmp0 (levels[i], level) == 0)
      return (int) i;
  return 0;
}

/* Levels sort by their rank, not their name ("High" after "Medium"). */
static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  BwAsset *x = BW_ASSET ((gpointer) a);
  BwAsset *y = BW_ASSET ((gpointer) b);

  switch (GPOINTER_TO_INT (data))
    {
    case COLUMN_KIND:
      return g_utf8_collate (_bw_assets_page_kind_label (bw_asset_get_kind (x)),
                             _bw_assets_page_kind_label (bw_asset_get_kind (y)));
    case COLUMN_CONFIDENTIALITY:
      return level_rank (bw_asset_get_confidentiality (x)) - level_rank (bw_asset_get_confidentiality (y));
    case COLUMN_INTEGRITY:
      return level_rank (bw_asset_get_integrity (x)) - level_rank (bw_asset_get_integrity (y));
    case COLUMN_AVAILABILITY:
      return level_rank (bw_asset_get_availability (x)) - level_rank (bw_asset_get_availability (y));
    case COLUMN_SAFETY:
      return bw_asset_get_safety_relevant (x) - bw_asset_get_safety_relevant (y);
    case COLUMN_NAME:
    default:
      {
        g_autofree char *fx = g_utf8_casefold (bw_asset_get_name (x), -1);
        g_autofree char *fy = g_utf8_casefold (bw_asset_get_name (y), -1);

        return g_utf8_collate (fx, fy);
      }
    }
}

/* `width` 0: the column takes what the fixed ones leave. */
static void
add_column (BwAssetsPage *self,
            const char   *title,
            Column        column,
            int           width)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL));

  bw_record_table_add_column (self->table, title, column, width, sorter);
}

/* The table has caught up: so do the taxonomy card and the panel. */
static void
table_refreshed_cb (BwAssetsPage *self)
{
  _bw_assets_page_refresh_taxonomy (self);
  _bw_assets_page_refresh_panel (self);
}

/* BwPage */

static void
bw_assets_page_set_project (BwPage    *page,
                            BwProject *project)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (page);

  if (bw_record_table_get_project (self->table) == project)
    return;
  g_clear_pointer (&self->shown_links, g_free);
  self->shown_missing = G_MAXUINT;
  bw_record_table_set_project (self->table, project);
}

static gboolean
bw_assets_page_select_record (BwPage     *page,
                              const char *id)
{
  return bw_record_table_select (BW_ASSETS_PAGE (page)->table, id);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_assets_page_set_project;
  iface->select_record = bw_assets_page_select_record;
}

/* Building the page */

/* The taxonomy card over the table. */
static GtkWidget *
build_list (BwAssetsPage *self)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (bw_record_table_get_column_view (self->table)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assets"), -1);
  add_column (self, _("Name"), COLUMN_NAME, 0);
  /* Short titles: the name needs the room, and the panel spells them out. */
  add_column (self, _("Kind"), COLUMN_KIND, 80);
  /* Translators: column title, short for Confidentiality */
  add_column (self, _("Conf."), COLUMN_CONFIDENTIALITY, 75);
  /* Translators: column title, short for Integrity */
  add_column (self, _("Integ."), COLUMN_INTEGRITY, 75);
  /* Translators: column title, short for Availability */
  add_column (self, _("Avail."), COLUMN_AVAILABILITY, 75);
  add_column (self, _("Safety"), COLUMN_SAFETY, 65);

  self->taxonomy_card = _bw_assets_page_build_taxonomy_card (self);
  gtk_box_append (GTK_BOX (list), self->taxonomy_card);
  gtk_box_append (GTK_BOX (list), bw_record_table_get_widget (self->table));
  return list;
}

static void
bw_assets_page_dispose (GObject *object)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (object);
  GtkWidget *child;

  /* First: the table follows the project and the selection, which the
   * widgets' teardown would change. */
  g_clear_object (&self->table);
  if (self->link_rows != NULL)
    g_ptr_array_set_size (self->link_rows, 0);
  if (self->taxonomy_rows != NULL)
    g_ptr_array_set_size (self->taxonomy_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_assets_page_parent_class)->dispose (object);
}

static void
bw_assets_page_finalize (GObject *object)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (object);

  g_clear_pointer (&self->shown_links, g_free);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->taxonomy_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_assets_page_parent_class)->finalize (object);
}

static void
bw_assets_page_class_init (BwAssetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_assets_page_dispose;
  object_class->finalize = bw_assets_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "assets.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "assets.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "assets.add-category", "i", _bw_assets_page_add_category_action);
  gtk_widget_class_install_action (widget_class, "assets.link-element", "s", _bw_assets_page_link_action);
  gtk_widget_class_install_action (widget_class, "assets.unlink-element", "s", _bw_assets_page_link_action);
  gtk_widget_class_install_action (widget_class, "assets.show-threats", NULL, show_threats_action);
}

static void
bw_assets_page_init (BwAssetsPage *self)
{
  GtkWidget *toolbar, *empty;

  self->link_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->taxonomy_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_missing = G_MAXUINT;
  self->table = bw_record_table_new (GTK_WIDGET (self), "assets", BW_TYPE_ASSET, bw_project_get_assets,
                                     setup_cell, update_cell);
  g_signal_connect_swapped (self->table, "refreshed", G_CALLBACK (table_refreshed_cb), self);

  toolbar = bw_record_table_build_toolbar (self->table, _("_Add Asset"), _("Add an asset to protect"),
                                           _("Assets worth protecting: data, functions and properties"),
                                           _("Delete Asset"));
  empty = _bw_record_page_empty_state ("channel-secure-symbolic", _("No Assets"),
                                       _("Step 1 of the method: name the data, functions and properties of the "
                                         "device worth protecting, and how much their confidentiality, integrity "
                                         "and availability matter. Threats are rated by the assets they endanger."),
                                       _("_Add Asset"), "assets.add", _bw_assets_page_build_empty_taxonomy (self));
  bw_record_table_build_page (self->table, toolbar, empty, build_list (self), _bw_assets_page_build_panel (self));
  bw_record_table_refresh (self->table);
}

GtkWidget *
bw_assets_page_new (void)
{
  return g_object_new (BW_TYPE_ASSETS_PAGE, NULL);
}
