/* bw-element-links.c — a record's links to elements of the diagrams: rows and picker
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The assets and assumptions pages link their record to the elements it
 * is about: a row for each linked element, which opens it and has a
 * button to unlink it, and a menu button that offers the other elements
 * of the project, by diagram.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-element-links.h"
#include "bw-record-page.h"

static const char *
kind_label (BwElementKind kind)
{
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return _("External Entity");
    case BW_ELEMENT_PROCESS: return _("Process");
    case BW_ELEMENT_DATA_STORE: return _("Data Store");
    case BW_ELEMENT_DATA_FLOW: return _("Data Flow");
    case BW_ELEMENT_TRUST_BOUNDARY:
    default: return _("Trust Boundary");
    }
}

/* "P-3 · Process · Pump": the element's ID, kind and diagram. */
static char *
describe (BwProject *project,
          BwElement *element)
{
  BwDiagram *diagram = bw_project_get_diagram_of (project, element);

  /* Translators: an element's ID, kind and diagram, "P-3 · Process · Pump" */
  return g_strdup_printf (_("%s · %s · %s"), bw_record_get_id (BW_RECORD (element)),
                          kind_label (bw_element_get_kind_enum (element)),
                          diagram != NULL ? bw_diagram_get_name (diagram) : "");
}

/* The row of the linked element `id`: it shows the element, and its
 * button activates `unlink_action` with the ID.  An ID that names no
 * element (any more) is shown as it is, to be unlinked. */
GtkWidget *
_bw_element_links_row (BwProject  *project,
                       const char *id,
                       const char *unlink_action)
{
  BwRecord *record = bw_project_lookup (project, id);
  const char *name = BW_IS_ELEMENT (record) ? bw_element_get_name (BW_ELEMENT (record)) : id;
  g_autofree char *subtitle = BW_IS_ELEMENT (record) ? describe (project, BW_ELEMENT (record)) : NULL;
  GtkWidget *row = _bw_record_page_show_row (name, subtitle != NULL ? subtitle : id, id);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *unlink_label = NULL;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  /* Translators: accessible label of a button, "Unlink Pump firmware" */
  unlink_label = g_strdup_printf (_("Unlink %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), unlink_action);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The "+" of the elements' group; `create_popup` fills its menu when it
 * opens (_bw_element_links_update_menu). */
GtkMenuButton *
_bw_element_links_button (GtkMenuButtonCreatePopupFunc create_popup,
                          gpointer                     user_data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_menu_button_new ());

  gtk_menu_button_set_icon_name (button, "list-add-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Link Element"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Element"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (button), GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (button, create_popup, user_data, NULL);
  return button;
}

/* GtkPopoverMenu reads "_" as a mnemonic: "__" shows one. */
static char *
menu_label (const char *id,
            const char *name)
{
  /* Translators: an element in a picker menu, "P-3 Pump firmware" */
  g_autofree char *label = g_strdup_printf (_("%s %s"), id, name);
  GString *escaped = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (escaped, '_');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* The picker: the elements `offer` accepts, by diagram, each activating
 * `link_action` with its ID.  Built when it opens (`build`); otherwise
 * only counted, for the button's sensitivity: a menu of every element on
 * every edit would be slow. */
void
_bw_element_links_update_menu (GtkMenuButton        *button,
                               BwProject            *project,
                               const char           *link_action,
                               BwElementLinksFilter  offer,
                               gpointer              user_data,
                               gboolean              build)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *diagrams = bw_project_get_diagrams (project);
  GListModel *elements = bw_project_get_elements (project);
  guint n_items = 0;

  for (guint d = 0; d < g_list_model_get_n_items (diagrams); d++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, d);
      g_autoptr(GMenu) section = g_menu_new ();
      const char *diagram_id = bw_record_get_id (BW_RECORD (diagram));

      for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
        {
          g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
          const char *id = bw_record_get_id (BW_RECORD (element));
          g_autofree char *label = NULL;
          g_autoptr(GMenuItem) item = NULL;

          if (g_strcmp0 (bw_element_get_diagram (element), diagram_id) != 0 || !offer (element, user_data))
            continue;
          n_items++;
          if (!build)
            continue;
          label = menu_label (id, bw_element_get_name (element));
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, link_action, g_variant_new_string (id));
          g_menu_append_item (section, item);
        }
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
        g_menu_append_section (menu, bw_diagram_get_name (diagram), G_MENU_MODEL (section));
    }
  if (build)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (button), n_items > 0);
}
