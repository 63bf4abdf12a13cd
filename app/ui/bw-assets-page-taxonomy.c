/* bw-assets-page-taxonomy.c — the taxonomy prompt of step 1
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A card that names the categories of METHOD.md's asset taxonomy no asset
 * belongs to yet (bw-asset-taxonomy.h says how an asset is recognised),
 * each with an "Add" button that creates a typical asset of it.  It shows
 * above the table, and in the empty state, where it is a way to start.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-asset-taxonomy.h"
#include "bw-assets-page-private.h"

void
_bw_assets_page_add_category_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (widget);
  int category = g_variant_get_int32 (parameter);
  g_autoptr(BwAsset) asset = NULL;

  if (category < 0 || category >= BW_N_ASSET_CATEGORIES)
    return;
  asset = bw_asset_category_new_asset (category);
  _bw_assets_page_add_asset (self, asset);
}

static void
add_category_row (BwAssetsPage        *self,
                  AdwPreferencesGroup *group,
                  BwAssetCategory      category)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Add"));
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_asset_category_title (category));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bw_asset_category_description (category));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, bw_asset_category_to_string (category));
  /* Translators: a button's tooltip, "Add an asset for Patient Data" */
  label = g_strdup_printf (_("Add an asset for %s"), bw_asset_category_title (category));
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) category);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assets.add-category");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->taxonomy_rows, g_object_ref (row));
}

void
_bw_assets_page_refresh_taxonomy (BwAssetsPage *self)
{
  BwProject *project = bw_record_table_get_project (self->table);
  guint missing = project ? bw_asset_taxonomy_missing (bw_project_get_assets (project)) : 0;
  gboolean empty = project == NULL || g_list_model_get_n_items (bw_project_get_assets (project)) == 0;
  AdwPreferencesGroup *group = empty ? self->empty_taxonomy_group : self->taxonomy_group;

  gtk_widget_set_visible (self->taxonomy_card, !empty && missing != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_taxonomy_group), empty && missing != 0);
  /* Rebuilt only when the categories change: not under a click. */
  if (missing == self->shown_missing && self->taxonomy_rows->len > 0 &&
      gtk_widget_is_ancestor (g_ptr_array_index (self->taxonomy_rows, 0), GTK_WIDGET (group)))
    return;

  for (guint i = 0; i < self->taxonomy_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->taxonomy_rows, i);
      GtkWidget *parent = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (parent != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), row);
    }
  g_ptr_array_set_size (self->taxonomy_rows, 0);
  for (guint c = 0; c < BW_N_ASSET_CATEGORIES; c++)
    if (missing & (1u << c))
      add_category_row (self, group, c);
  self->shown_missing = missing;
}

static AdwPreferencesGroup *
taxonomy_group_new (const char *title,
                    const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  return group;
}

GtkWidget *
_bw_assets_page_build_taxonomy_card (BwAssetsPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->taxonomy_group = taxonomy_group_new (_("Commonly Forgotten Assets"),
                                             _("No asset of the project belongs to these categories of the "
                                               "taxonomy yet. Add one, or make sure the device has none."));
  gtk_widget_set_name (clamp, "taxonomy-card");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->taxonomy_group));
  return clamp;
}

GtkWidget *
_bw_assets_page_build_empty_taxonomy (BwAssetsPage *self)
{
  GtkWidget *clamp;

  self->empty_taxonomy_group = taxonomy_group_new (_("Start from the Taxonomy"),
                                                   _("Typical assets of a connected medical device"));
  clamp = adw_clamp_new ();
  gtk_widget_set_name (GTK_WIDGET (self->empty_taxonomy_group), "empty-taxonomy");
  /* As wide as the status page's text, not the whole page. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->empty_taxonomy_group));
  return clamp;
}
