/* bw-assumptions-page.c — what the threat model takes for granted about the system and its environment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * An assumption is a sentence and the elements it is about ("any radio
 * link is hostile": the BLE flows).  Reviewers check them first: a wrong
 * assumption hides threats.  The page lists them (a BwRecordTable), edits
 * them through commands, and links each to elements picked from the
 * diagrams.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-assumptions-page.h"
#include "bw-element-links.h"
#include "bw-record-page.h"
#include "bw-record-table.h"

typedef enum
{
  COLUMN_TEXT,
  COLUMN_ELEMENTS,
} Column;

struct _BwAssumptionsPage
{
  GtkWidget            parent_instance;

  BwRecordTable       *table;
  GPtrArray           *element_rows;
  char                *shown_elements; /* what the element rows were built for */

  GtkStack            *panel_stack;    /* "none" or "assumption" */
  AdwPreferencesGroup *text_group;
  GtkTextView         *text_view;
  AdwPreferencesGroup *elements_group;
  GtkMenuButton       *link_button;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwAssumptionsPage, bw_assumptions_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static BwProject *
project_of (BwAssumptionsPage *self)
{
  return bw_record_table_get_project (self->table);
}

static BwAssumption *
selected_assumption (BwAssumptionsPage *self)
{
  return BW_ASSUMPTION (bw_record_table_get_selected (self->table));
}

static const char *
element_name (BwAssumptionsPage *self,
              const char        *id)
{
  BwRecord *record = bw_project_lookup (project_of (self), id);

  return BW_IS_ELEMENT (record) ? bw_element_get_name (BW_ELEMENT (record)) : id;
}

/* Editing */

static void
text_changed_cb (BwAssumptionsPage *self,
                 GtkTextBuffer     *buffer)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, _bw_record_page_dup_view_text (self->text_view));
  bw_record_table_set_member (self->table, "text", &value);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);
  BwAssumption *assumption = selected_assumption (self);
  const char *element_id = g_variant_get_string (parameter, NULL);
  gboolean link = g_str_equal (action_name, "assumptions.link-element");
  g_auto(GStrv) elements = NULL;
  BwCommand *command;

  if (assumption == NULL || !BW_IS_ELEMENT (bw_project_lookup (project_of (self), element_id)))
    return;
  elements = _bw_record_page_strv_toggle (bw_assumption_get_elements (assumption), element_id, link);
  command = _bw_record_page_set_strv (project_of (self), bw_record_table_get_selected_id (self->table), "elements",
                                      (const char * const *) elements);
  bw_command_set_label (command, link ? _("Link Element to Assumption") : _("Unlink Element from Assumption"));
  bw_record_table_execute (self->table, command);
  bw_record_table_seal (self->table);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);
  g_autoptr(BwAssumption) assumption = g_object_new (BW_TYPE_ASSUMPTION, "text", _("New assumption"), NULL);

  if (bw_record_table_add (self->table, BW_RECORD (assumption)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      /* The placeholder text selected: typing replaces it. */
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);

  bw_record_table_remove_selected (self->table, _("Assumption deleted"));
}

/* The table */

static GtkWidget *
setup_cell (int      column,
            gpointer data)
{
  GtkWidget *label = bw_table_cells_label_new ();

  /* Assumptions are sentences: two lines of one, then the panel. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (column == COLUMN_ELEMENTS)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
update_cell (GtkWidget *cell,
             gpointer   item,
             int        column,
             gpointer   data)
{
  BwAssumptionsPage *self = data;
  BwAssumption *assumption = item;

  if (column == COLUMN_TEXT)
    {
      const char *text = bw_assumption_get_text (assumption);

      gtk_label_set_label (GTK_LABEL (cell), *text != '\0' ? text : _("Empty assumption"));
    }
  else
    {
      const char * const *ids = bw_assumption_get_elements (assumption);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, element_name (self, ids[i]));
        }
      gtk_label_set_label (GTK_LABEL (cell), names->len > 0 ? names->str : "—");
    }
}

/* The side panel */

static void
clear_element_rows (BwAssumptionsPage *self)
{
  for (guint i = 0; i < self->element_rows->len; i++)
    adw_preferences_group_remove (self->elements_group, g_ptr_array_index (self->element_rows, i));
  g_ptr_array_set_size (self->element_rows, 0);
}

static void
add_element_row (BwAssumptionsPage *self,
                 GtkWidget         *row)
{
  adw_preferences_group_add (self->elements_group, row);
  g_ptr_array_add (self->element_rows, g_object_ref (row));
}

/* The picker offers every element not linked yet. */
static gboolean
not_linked (BwElement *element,
            gpointer   data)
{
  const char * const *linked = data;

  return linked == NULL || !g_strv_contains (linked, bw_record_get_id (BW_RECORD (element)));
}

static void
create_link_menu_cb (GtkMenuButton *button,
                     gpointer       data)
{
  BwAssumptionsPage *self = data;
  BwAssumption *assumption = selected_assumption (self);

  if (assumption != NULL)
    _bw_element_links_update_menu (self->link_button, project_of (self), "assumptions.link-element",
                                   not_linked, (gpointer) bw_assumption_get_elements (assumption), TRUE);
}

static void
refresh_elements (BwAssumptionsPage *self,
                  BwAssumption      *assumption)
{
  const char * const *ids = bw_assumption_get_elements (assumption);
  GString *signature = g_string_new (bw_record_table_get_selected_id (self->table));
  g_autofree char *text = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_string_append_printf (signature, "\n%s\t%s", ids[i], element_name (self, ids[i]));
  text = g_string_free (signature, FALSE);
  _bw_element_links_update_menu (self->link_button, project_of (self), "assumptions.link-element",
                                 not_linked, (gpointer) ids, FALSE);
  if (g_strcmp0 (text, self->shown_elements) == 0)
    return;

  clear_element_rows (self);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    add_element_row (self, _bw_element_links_row (project_of (self), ids[i], "assumptions.unlink-element"));
  if (ids == NULL || ids[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not linked to any element"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Link the elements it is about, so reviewers find it there"));
      gtk_widget_add_css_class (row, "dim-label");
      add_element_row (self, row);
    }
  g_free (self->shown_elements);
  self->shown_elements = g_steal_pointer (&text);
}

/* The table's "refreshed": the selected assumption in the panel. */
static void
refresh_panel (BwAssumptionsPage *self)
{
  BwAssumption *assumption = selected_assumption (self);

  if (assumption == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }
  adw_preferences_group_set_title (self->text_group, bw_record_table_get_selected_id (self->table));
  _bw_record_page_show_view_text (self->text_view, bw_assumption_get_text (assumption));
  refresh_elements (self, assumption);
  gtk_stack_set_visible_child_name (self->panel_stack, "assumption");
}

/* BwPage */

static void
bw_assumptions_page_set_project (BwPage    *page,
                                 BwProject *project)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (page);

  if (project_of (self) == project)
    return;
  g_clear_pointer (&self->shown_elements, g_free);
  bw_record_table_set_project (self->table, project);
}

static gboolean
bw_assumptions_page_select_record (BwPage     *page,
                                   const char *id)
{
  return bw_record_table_select (BW_ASSUMPTIONS_PAGE (page)->table, id);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_assumptions_page_set_project;
  iface->select_record = bw_assumptions_page_select_record;
}

/* Building the page */

static GtkWidget *
build_table (BwAssumptionsPage *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (bw_record_table_get_column_view (self->table)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assumptions"), -1);
  /* No sorters: the project's order. */
  bw_record_table_add_column (self->table, _("Assumption"), COLUMN_TEXT, 0, NULL);
  bw_record_table_add_column (self->table, _("Elements"), COLUMN_ELEMENTS, 200, NULL);
  return bw_record_table_get_widget (self->table);
}

static GtkWidget *
build_panel (BwAssumptionsPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  self->panel_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->panel_stack), 340, -1);
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Selection"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Choose an assumption in the list to edit it"));
  gtk_widget_add_css_class (none, "compact");
  gtk_stack_add_named (self->panel_stack, none, "none");

  self->text_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->text_group, _("One statement the analysis relies on"));
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "text");
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 10);
  gtk_text_view_set_bottom_margin (self->text_view, 10);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assumption"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  bw_record_table_watch_focus (self->table, GTK_WIDGET (self->text_view));
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (self->text_group, frame);
  adw_preferences_page_add (page, self->text_group);

  self->elements_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->elements_group, _("Elements"));
  adw_preferences_group_set_description (self->elements_group, _("What the assumption is about"));
  self->link_button = _bw_element_links_button (create_link_menu_cb, self);
  adw_preferences_group_set_header_suffix (self->elements_group, GTK_WIDGET (self->link_button));
  adw_preferences_page_add (page, self->elements_group);

  gtk_stack_add_named (self->panel_stack, GTK_WIDGET (page), "assumption");
  return GTK_WIDGET (self->panel_stack);
}

/* GObject */

static void
bw_assumptions_page_dispose (GObject *object)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (object);
  GtkWidget *child;

  /* First: the table follows the project and the selection, which the
   * widgets' teardown would change. */
  g_clear_object (&self->table);
  if (self->element_rows != NULL)
    g_ptr_array_set_size (self->element_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_assumptions_page_parent_class)->dispose (object);
}

static void
bw_assumptions_page_finalize (GObject *object)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (object);

  g_clear_pointer (&self->shown_elements, g_free);
  g_clear_pointer (&self->element_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_assumptions_page_parent_class)->finalize (object);
}

static void
bw_assumptions_page_class_init (BwAssumptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_assumptions_page_dispose;
  object_class->finalize = bw_assumptions_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "assumptions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "assumptions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "assumptions.link-element", "s", link_action);
  gtk_widget_class_install_action (widget_class, "assumptions.unlink-element", "s", link_action);
}

static void
bw_assumptions_page_init (BwAssumptionsPage *self)
{
  GtkWidget *toolbar, *empty;

  self->element_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->table = bw_record_table_new (GTK_WIDGET (self), "assumptions", BW_TYPE_ASSUMPTION,
                                     bw_project_get_assumptions, setup_cell, update_cell);
  g_signal_connect_swapped (self->table, "refreshed", G_CALLBACK (refresh_panel), self);

  toolbar = bw_record_table_build_toolbar (self->table, _("_Add Assumption"), _("Add an assumption"),
                                           _("What the threat model takes for granted about the system and its use"),
                                           _("Delete Assumption"));
  empty = _bw_record_page_empty_state ("dialog-question-symbolic", _("No Assumptions"),
                                       _("Write down what the threat model takes for granted — who can reach "
                                         "the device, what its environment protects — and link each to the "
                                         "elements it is about. Reviewers check the assumptions first."),
                                       _("_Add Assumption"), "assumptions.add", NULL);
  bw_record_table_build_page (self->table, toolbar, empty, build_table (self), build_panel (self));
  bw_record_table_refresh (self->table);
}

GtkWidget *
bw_assumptions_page_new (void)
{
  return g_object_new (BW_TYPE_ASSUMPTIONS_PAGE, NULL);
}
