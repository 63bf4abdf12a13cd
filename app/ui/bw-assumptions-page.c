/* bw-assumptions-page.c — what the threat model takes for granted about the system and its environment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * An assumption is a sentence and the elements it is about ("any radio
 * link is hostile": the BLE flows).  Reviewers check them first: a wrong
 * assumption hides threats.  The page lists them, edits them through
 * commands, and links each to elements picked from the diagrams.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-assumptions-page.h"
#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"

typedef enum
{
  COLUMN_TEXT,
  COLUMN_ELEMENTS,
} Column;

struct _BwAssumptionsPage
{
  GtkWidget            parent_instance;

  BwProject           *project;
  char                *assumption_id;  /* the selected assumption */
  gboolean             updating;       /* values being shown, not edited */
  gboolean             dirty;          /* the project changed while hidden */
  GPtrArray           *cells;          /* bound table cells */
  GPtrArray           *element_rows;
  char                *shown_elements; /* what the element rows were built for */

  AdwToastOverlay     *toast_overlay;
  GtkStack            *content_stack;  /* "empty" or "list" */
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkWidget           *panel;
  GtkStack            *panel_stack;    /* "none" or "assumption" */
  AdwPreferencesGroup *text_group;
  GtkTextView         *text_view;
  AdwPreferencesGroup *elements_group;
  GtkMenuButton       *link_button;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwAssumptionsPage, bw_assumptions_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static void refresh (BwAssumptionsPage *self);

static BwAssumption *
lookup_assumption (BwAssumptionsPage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->assumption_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->assumption_id);
  return BW_IS_ASSUMPTION (record) ? BW_ASSUMPTION (record) : NULL;
}

static gboolean
execute (BwAssumptionsPage *self,
         BwCommand         *command)
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
select_assumption (BwAssumptionsPage *self,
                   const char        *id)
{
  if (g_strcmp0 (self->assumption_id, id) == 0)
    return;
  /* Edits of another assumption are steps of their own. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->assumption_id);
  self->assumption_id = g_strdup (id);
}

static const char *
element_name (BwAssumptionsPage *self,
              const char        *id)
{
  BwRecord *record = bw_project_lookup (self->project, id);

  return BW_IS_ELEMENT (record) ? bw_element_get_name (BW_ELEMENT (record)) : id;
}

/* Editing */

static void
text_changed_cb (BwAssumptionsPage *self,
                 GtkTextBuffer     *buffer)
{
  g_autoptr(BwCommand) command = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || lookup_assumption (self) == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  command = bw_command_set_property_new (self->project, self->assumption_id, "text", &value);
  execute (self, command);
}

/* Leaving the text ends its run of merged edits. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwAssumptionsPage       *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);
  BwAssumption *assumption = lookup_assumption (self);
  const char *element_id = g_variant_get_string (parameter, NULL);
  gboolean link = g_str_equal (action_name, "assumptions.link-element");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(BwCommand) command = NULL;
  g_auto(GStrv) elements = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char * const *current;

  if (assumption == NULL || !BW_IS_ELEMENT (bw_project_lookup (self->project, element_id)))
    return;
  current = bw_assumption_get_elements (assumption);
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], element_id))
      g_strv_builder_add (builder, current[i]);
  if (link)
    g_strv_builder_add (builder, element_id);
  elements = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, elements);
  command = bw_command_set_property_new (self->project, self->assumption_id, "elements", &value);
  bw_command_set_label (command, link ? _("Link Element to Assumption") : _("Unlink Element from Assumption"));
  execute (self, command);
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);
  g_autoptr(BwAssumption) assumption = NULL;
  g_autoptr(BwCommand) command = NULL;

  if (self->project == NULL)
    return;
  assumption = g_object_new (BW_TYPE_ASSUMPTION, "text", _("New assumption"), NULL);
  command = bw_command_add_new (self->project, BW_RECORD (assumption), -1);
  select_assumption (self, bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (execute (self, command))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      refresh (self);
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
  const char *ids[] = { self->assumption_id, NULL };
  g_autoptr(BwCommand) command = NULL;
  AdwToast *toast;

  if (lookup_assumption (self) == NULL)
    return;
  command = bw_command_remove_new (self->project, ids);
  if (!execute (self, command))
    return;
  toast = adw_toast_new (_("Assumption deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The table */

static void
update_cell (BwAssumptionsPage *self,
             GtkWidget         *cell)
{
  BwAssumption *assumption = g_object_get_data (G_OBJECT (cell), "assumption");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));

  if (assumption == NULL)
    return;
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

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* Assumptions are sentences: two lines of one, then the panel. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (GPOINTER_TO_INT (data) == COLUMN_ELEMENTS)
    gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (label), "column", data);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BwAssumptionsPage        *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "assumption", gtk_list_item_get_item (item));
  g_ptr_array_add (self->cells, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BwAssumptionsPage        *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "assumption", NULL);
}

static void
add_column (BwAssumptionsPage *self,
            const char        *title,
            Column             column,
            int                width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (view_column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* GtkColumnView of GTK 4.8 has no scroll_to: its list view has the action. */
static void
scroll_to (BwAssumptionsPage *self,
           guint              position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
sync_selection (BwAssumptionsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  BwRecord *selected;

  for (guint i = 0; self->assumption_id != NULL && i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (bw_record_get_id (record), self->assumption_id) == 0)
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
  select_assumption (self, selected ? bw_record_get_id (selected) : NULL);
}

/* The side panel */

static void
clear_element_rows (BwAssumptionsPage *self)
{
  for (guint i = 0; i < self->element_rows->len; i++)
    adw_preferences_group_remove (self->elements_group, g_ptr_array_index (self->element_rows, i));
  g_ptr_array_set_size (self->element_rows, 0);
}

static const char *
element_kind_label (BwElementKind kind)
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

static void
add_element_row (BwAssumptionsPage *self,
                 const char        *id)
{
  BwRecord *record = bw_project_lookup (self->project, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *unlink_label = NULL;

  if (BW_IS_ELEMENT (record))
    {
      BwDiagram *diagram = bw_project_get_diagram_of (self->project, BW_ELEMENT (record));

      /* Translators: an element's ID, kind and diagram, "P-3 · Process · Pump" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), id,
                                  element_kind_label (bw_element_get_kind_enum (BW_ELEMENT (record))),
                                  diagram ? bw_diagram_get_name (diagram) : "");
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), element_name (self, id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, _("Show"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  /* Translators: accessible label of a button, "Unlink Pump firmware" */
  unlink_label = g_strdup_printf (_("Unlink %s"), element_name (self, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assumptions.unlink-element");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (self->elements_group, row);
  g_ptr_array_add (self->element_rows, g_object_ref (row));
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

/* The picker: every element not linked yet, by diagram.  Built when it
 * opens (`build`); otherwise only counted, for the button's sensitivity:
 * a menu of every element on every edit would be slow. */
static void
update_link_menu (BwAssumptionsPage  *self,
                  const char * const *linked,
                  gboolean            build)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *diagrams = bw_project_get_diagrams (self->project);
  GListModel *elements = bw_project_get_elements (self->project);
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

          if (g_strcmp0 (bw_element_get_diagram (element), diagram_id) != 0 ||
              (linked != NULL && g_strv_contains (linked, id)))
            continue;
          n_items++;
          if (!build)
            continue;
          label = menu_label (id, bw_element_get_name (element));
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "assumptions.link-element", g_variant_new_string (id));
          g_menu_append_item (section, item);
        }
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
        g_menu_append_section (menu, bw_diagram_get_name (diagram), G_MENU_MODEL (section));
    }
  if (build)
    gtk_menu_button_set_menu_model (self->link_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), n_items > 0);
}

static void
create_link_menu_cb (GtkMenuButton *button,
                     gpointer       data)
{
  BwAssumptionsPage *self = data;
  BwAssumption *assumption = lookup_assumption (self);

  if (assumption != NULL)
    update_link_menu (self, bw_assumption_get_elements (assumption), TRUE);
}

static void
refresh_elements (BwAssumptionsPage *self,
                  BwAssumption      *assumption)
{
  const char * const *ids = bw_assumption_get_elements (assumption);
  GString *signature = g_string_new (self->assumption_id);
  g_autofree char *text = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_string_append_printf (signature, "\n%s\t%s", ids[i], element_name (self, ids[i]));
  text = g_string_free (signature, FALSE);
  update_link_menu (self, ids, FALSE);
  if (g_strcmp0 (text, self->shown_elements) == 0)
    return;

  clear_element_rows (self);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    add_element_row (self, ids[i]);
  if (ids == NULL || ids[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not linked to any element"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Link the elements it is about, so reviewers find it there"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->elements_group, row);
      g_ptr_array_add (self->element_rows, g_object_ref (row));
    }
  g_free (self->shown_elements);
  self->shown_elements = g_steal_pointer (&text);
}

static void
refresh_panel (BwAssumptionsPage *self)
{
  BwAssumption *assumption = lookup_assumption (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  if (assumption == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }
  self->updating = TRUE;
  adw_preferences_group_set_title (self->text_group, self->assumption_id);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Only when different: typing keeps its cursor. */
  if (g_strcmp0 (shown, bw_assumption_get_text (assumption)) != 0)
    gtk_text_buffer_set_text (buffer, bw_assumption_get_text (assumption), -1);
  self->updating = FALSE;
  refresh_elements (self, assumption);
  gtk_stack_set_visible_child_name (self->panel_stack, "assumption");
}

static void
refresh (BwAssumptionsPage *self)
{
  guint n = self->project ? g_list_model_get_n_items (bw_project_get_assumptions (self->project)) : 0;

  self->dirty = FALSE;

  for (guint i = 0; i < self->cells->len; i++)
    update_cell (self, g_ptr_array_index (self->cells, i));
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->panel, n > 0);
  sync_selection (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assumptions.delete", lookup_assumption (self) != NULL);
  refresh_panel (self);
}

static void
selected_item_cb (BwAssumptionsPage  *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  BwRecord *selected = gtk_single_selection_get_selected_item (selection);

  if (self->updating || selected == NULL)
    return;
  select_assumption (self, bw_record_get_id (selected));
  refresh (self);
}

/* A hidden page catches up when it is shown: a drag on the diagram
 * changes the project many times a second. */
static void
project_changed_cb (BwAssumptionsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  refresh (self);
}

static void
bw_assumptions_page_map (GtkWidget *widget)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (widget);

  GTK_WIDGET_CLASS (bw_assumptions_page_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh (self);
    }
}

/* BwPage */

static void
disconnect_project (BwAssumptionsPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_signal_handlers_disconnect_by_data (bw_project_get_assumptions (self->project), self);
}

static void
bw_assumptions_page_set_project (BwPage    *page,
                                 BwProject *project)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (page);

  if (self->project == project)
    return;
  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->assumption_id, g_free);
  g_clear_pointer (&self->shown_elements, g_free);
  /* After the selection model has taken the change in: it must not be
   * asked to select while its own list is changing. */
  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_assumptions (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, project ? bw_project_get_assumptions (project) : NULL);
  self->updating = FALSE;
  refresh (self);
}

static gboolean
bw_assumptions_page_select_record (BwPage     *page,
                                   const char *id)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (page);

  if (self->project == NULL || !BW_IS_ASSUMPTION (bw_project_lookup (self->project, id)))
    return FALSE;
  select_assumption (self, id);
  refresh (self);
  return TRUE;
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_assumptions_page_set_project;
  iface->select_record = bw_assumptions_page_select_record;
}

/* Building the page */

static GtkWidget *
build_toolbar (void)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *title = gtk_label_new (_("What the threat model takes for granted about the system and its use"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (toolbar, "toolbar");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Assumption"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_tooltip_text (add, _("Add an assumption"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "assumptions.add");
  gtk_box_append (GTK_BOX (toolbar), add);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_margin_start (title, 6);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), title);

  gtk_widget_set_tooltip_text (delete, _("Delete Assumption"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Assumption"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "assumptions.delete");
  gtk_box_append (GTK_BOX (toolbar), delete);
  return toolbar;
}

static GtkWidget *
build_empty_state (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Assumption"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Assumptions"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Write down what the threat model takes for granted — who can reach "
                                     "the device, what its environment protects — and link each to the "
                                     "elements it is about. Reviewers check the assumptions first."));
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "assumptions.add");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), add);
  return status;
}

static GtkWidget *
build_table (BwAssumptionsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->selection = gtk_single_selection_new (NULL);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_set_name (GTK_WIDGET (self->column_view), "assumptions-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assumptions"), -1);
  add_column (self, _("Assumption"), COLUMN_TEXT, 0);
  add_column (self, _("Elements"), COLUMN_ELEMENTS, 200);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("assumptions.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
build_panel (BwAssumptionsPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

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
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (self->text_group, frame);
  adw_preferences_page_add (page, self->text_group);

  self->elements_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->elements_group, _("Elements"));
  adw_preferences_group_set_description (self->elements_group, _("What the assumption is about"));
  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->link_button, "list-add-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), _("Link Element"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Element"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->link_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->link_button), GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (self->link_button, create_link_menu_cb, self, NULL);
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

  disconnect_project (self);
  /* Taking the table apart re-sorts and reselects: not for this page any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->element_rows != NULL)
    g_ptr_array_set_size (self->element_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_assumptions_page_parent_class)->dispose (object);
}

static void
bw_assumptions_page_finalize (GObject *object)
{
  BwAssumptionsPage *self = BW_ASSUMPTIONS_PAGE (object);

  g_clear_pointer (&self->assumption_id, g_free);
  g_clear_pointer (&self->shown_elements, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
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
  widget_class->map = bw_assumptions_page_map;

  gtk_widget_class_install_action (widget_class, "assumptions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "assumptions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "assumptions.link-element", "s", link_action);
  gtk_widget_class_install_action (widget_class, "assumptions.unlink-element", "s", link_action);
}

static void
bw_assumptions_page_init (BwAssumptionsPage *self)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->cells = g_ptr_array_new ();
  self->element_rows = g_ptr_array_new_with_free_func (g_object_unref);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
  adw_toast_overlay_set_child (self->toast_overlay, paned);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), build_toolbar ());
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_stack_add_named (self->content_stack, build_empty_state (), "empty");
  gtk_stack_add_named (self->content_stack, build_table (self), "list");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->content_stack));
  gtk_box_append (GTK_BOX (paned), content);

  self->panel = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self->panel), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (self->panel), build_panel (self));
  gtk_box_append (GTK_BOX (paned), self->panel);

  refresh (self);
}

GtkWidget *
bw_assumptions_page_new (void)
{
  return g_object_new (BW_TYPE_ASSUMPTIONS_PAGE, NULL);
}
