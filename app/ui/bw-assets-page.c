/* bw-assets-page.c — step 1: the assets worth protecting, with the taxonomy prompt
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A table of the project's assets, a card naming the taxonomy categories
 * of METHOD.md that still lack an asset, and a side panel that edits the
 * selected asset and links it to the elements that carry it.  Like every
 * view, it changes the project only through commands, so each edit is an
 * undo step; it follows the command stack, so undo and edits made
 * elsewhere show at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-asset-taxonomy.h"
#include "bw-assets-page-private.h"
#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-stack.h"

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

static void refresh (BwAssetsPage *self);

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
_bw_assets_page_lookup_asset (BwAssetsPage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->asset_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->asset_id);
  return BW_IS_ASSET (record) ? BW_ASSET (record) : NULL;
}

gboolean
_bw_assets_page_execute (BwAssetsPage *self,
                         BwCommand    *command)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return FALSE;
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

static void
select_asset (BwAssetsPage *self,
              const char   *id)
{
  if (g_strcmp0 (self->asset_id, id) == 0)
    return;
  /* Edits of another asset are steps of their own. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->asset_id);
  self->asset_id = g_strdup (id);
}

/* Adds `asset` (without ID) as one undo step and selects it. */
void
_bw_assets_page_add_asset (BwAssetsPage *self,
                           BwAsset      *asset)
{
  g_autoptr(BwCommand) command = NULL;

  if (self->project == NULL)
    return;
  command = bw_command_add_new (self->project, BW_RECORD (asset), -1);
  select_asset (self, bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (_bw_assets_page_execute (self, command))
    {
      refresh (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
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
  BwAsset *asset = _bw_assets_page_lookup_asset (self);
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (asset == NULL)
    return;
  /* The links on the elements go with it, in the same undo step. */
  {
    const char * const ids[] = { self->asset_id, NULL };

    command = bw_command_remove_new (self->project, ids);
  }
  /* Translators: a toast after deleting an asset, “Deleted “Pump keys”” */
  title = g_strdup_printf (_("Deleted “%s”"), bw_asset_get_name (asset));
  if (!_bw_assets_page_execute (self, command))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The table */

static void
update_cell (GtkWidget *cell)
{
  BwAsset *asset = g_object_get_data (G_OBJECT (cell), "asset");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (cell));
  const char *text = "";

  if (asset == NULL)
    return;
  switch (column)
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

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (cell), label);
  if (GPOINTER_TO_INT (data) == COLUMN_NAME)
    {
      GtkWidget *description = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (description), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (description, "caption");
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (cell), description);
    }
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (cell), "column", data);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BwAssetsPage             *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "asset", gtk_list_item_get_item (item));
  g_ptr_array_add (self->cells, cell);
  update_cell (cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BwAssetsPage             *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "asset", NULL);
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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* GtkColumnView of GTK 4.8 has no scroll_to: its list view has the action. */
static void
scroll_to (BwAssetsPage *self,
           guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Puts the table's selection on the selected asset; an asset that went
 * away (deleted, an add undone) hands over to what the table selects. */
static void
sync_selection (BwAssetsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  BwRecord *selected;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; self->asset_id != NULL && i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (bw_record_get_id (record), self->asset_id) == 0)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            {
              self->updating = TRUE;
              gtk_single_selection_set_selected (self->selection, i);
              self->updating = FALSE;
              scroll_to (self, i);
            }
          return;
        }
    }
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected == NULL && n > 0)
    {
      self->updating = TRUE;
      gtk_single_selection_set_selected (self->selection, 0);
      self->updating = FALSE;
      selected = gtk_single_selection_get_selected_item (self->selection);
    }
  select_asset (self, selected ? bw_record_get_id (selected) : NULL);
}

static void
refresh (BwAssetsPage *self)
{
  guint n = self->project ? g_list_model_get_n_items (bw_project_get_assets (self->project)) : 0;
  GtkSorter *sorter;

  self->dirty = FALSE;

  /* An edit may move the asset in the sorted table; the selection stays
   * on it (sync_selection), not on what took its place. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      self->updating = TRUE;
      gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
      self->updating = FALSE;
    }
  for (guint i = 0; i < self->cells->len; i++)
    update_cell (g_ptr_array_index (self->cells, i));

  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->panel, n > 0);
  sync_selection (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.delete", _bw_assets_page_lookup_asset (self) != NULL);
  _bw_assets_page_refresh_taxonomy (self);
  _bw_assets_page_refresh_panel (self);
}

static void
selected_item_cb (BwAssetsPage       *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  BwRecord *selected = gtk_single_selection_get_selected_item (selection);

  if (self->updating || selected == NULL)
    return;
  select_asset (self, bw_record_get_id (selected));
  refresh (self);
}

/* A hidden page catches up when it is shown: a drag on the diagram
 * changes the project many times a second. */
static void
project_changed_cb (BwAssetsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  refresh (self);
}

static void
bw_assets_page_map (GtkWidget *widget)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);

  GTK_WIDGET_CLASS (bw_assets_page_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh (self);
    }
}

/* BwPage */

static void
disconnect_project (BwAssetsPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_signal_handlers_disconnect_by_data (bw_project_get_assets (self->project), self);
}

static void
bw_assets_page_set_project (BwPage    *page,
                            BwProject *project)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (page);

  if (self->project == project)
    return;
  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->asset_id, g_free);
  g_clear_pointer (&self->shown_links, g_free);
  self->shown_missing = G_MAXUINT;
  /* After the selection model has taken the change in: it must not be
   * asked to select while its own list is changing. */
  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_assets (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  self->updating = TRUE;
  gtk_sort_list_model_set_model (self->sorted, project ? bw_project_get_assets (project) : NULL);
  self->updating = FALSE;
  refresh (self);
}

static gboolean
bw_assets_page_select_record (BwPage     *page,
                              const char *id)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (page);

  if (self->project == NULL || !BW_IS_ASSET (bw_project_lookup (self->project, id)))
    return FALSE;
  select_asset (self, id);
  refresh (self);
  return TRUE;
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_assets_page_set_project;
  iface->select_record = bw_assets_page_select_record;
}

/* Building the page */

static GtkWidget *
build_toolbar (BwAssetsPage *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *title = gtk_label_new (_("Assets worth protecting: data, functions and properties"));

  gtk_widget_add_css_class (toolbar, "toolbar");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Asset"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_tooltip_text (add, _("Add an asset to protect"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "assets.add");
  gtk_box_append (GTK_BOX (toolbar), add);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_margin_start (title, 6);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), title);

  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Asset"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Asset"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "assets.delete");
  gtk_box_append (GTK_BOX (toolbar), self->delete_button);
  return toolbar;
}

static GtkWidget *
build_empty_state (BwAssetsPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Asset"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "channel-secure-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Assets"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Step 1 of the method: name the data, functions and properties of the "
                                     "device worth protecting, and how much their confidentiality, integrity "
                                     "and availability matter. Threats are rated by the assets they endanger."));
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "assets.add");
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), _bw_assets_page_build_empty_taxonomy (self));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  return status;
}

static GtkWidget *
build_table (BwAssetsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->selection = gtk_single_selection_new (NULL);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_set_name (GTK_WIDGET (self->column_view), "assets-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
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
  /* Project order until the user picks a column to sort by. */
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);

  /* Delete deletes the selected asset (the undo toast takes it back). */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("assets.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
bw_assets_page_dispose (GObject *object)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (object);
  GtkWidget *child;

  disconnect_project (self);
  /* Taking the table apart re-sorts and reselects: not for this page any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->link_rows != NULL)
    g_ptr_array_set_size (self->link_rows, 0);
  if (self->taxonomy_rows != NULL)
    g_ptr_array_set_size (self->taxonomy_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_assets_page_parent_class)->dispose (object);
}

static void
bw_assets_page_finalize (GObject *object)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (object);

  g_clear_pointer (&self->asset_id, g_free);
  g_clear_pointer (&self->shown_links, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->taxonomy_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_assets_page_parent_class)->finalize (object);
}

static void
show_threats_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  g_autofree char *filter = NULL;

  if (self->asset_id == NULL)
    return;
  filter = g_strconcat ("asset:", self->asset_id, NULL);
  gtk_widget_activate_action (widget, "win.filter-threats", "s", filter);
}

static void
bw_assets_page_class_init (BwAssetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_assets_page_dispose;
  object_class->finalize = bw_assets_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->map = bw_assets_page_map;

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
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->cells = g_ptr_array_new ();
  self->link_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->taxonomy_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_missing = G_MAXUINT;

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
  adw_toast_overlay_set_child (self->toast_overlay, paned);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), build_toolbar (self));
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_stack_add_named (self->content_stack, build_empty_state (self), "empty");
  self->taxonomy_card = _bw_assets_page_build_taxonomy_card (self);
  gtk_box_append (GTK_BOX (list), self->taxonomy_card);
  gtk_box_append (GTK_BOX (list), build_table (self));
  gtk_stack_add_named (self->content_stack, list, "list");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->content_stack));
  gtk_box_append (GTK_BOX (paned), content);

  self->panel = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self->panel), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (self->panel), _bw_assets_page_build_panel (self));
  gtk_box_append (GTK_BOX (paned), self->panel);

  refresh (self);
}

GtkWidget *
bw_assets_page_new (void)
{
  return g_object_new (BW_TYPE_ASSETS_PAGE, NULL);
}
