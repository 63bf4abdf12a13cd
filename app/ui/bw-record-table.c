/* bw-record-table.c — a page's table of one collection of records, and its selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The assets, hazards and assumptions pages are one pattern: a toolbar
 * (add, delete), a sortable GtkColumnView of a collection of the project
 * or an AdwStatusPage while it is empty, and beside it an editor of the
 * selected record.  This object is that pattern; the page keeps what is
 * its own (the columns, the editor, the texts).
 *
 * The selection is a record ID, not a position: it stays on its record
 * when an edit sorts the table anew, and when the record goes (deleted,
 * its add undone) it hands over to the row the table selects instead.
 * Every edit is a command on the project's stack.  The table follows the
 * stack, so undo and edits made elsewhere show at once, except while the
 * page is hidden: a drag on the diagram changes the project many times a
 * second, and a hidden page catches up when it is shown.
 *
 * After each refresh the table emits "refreshed": the page then shows the
 * selected record in its editor, with bw_record_table_is_showing() TRUE,
 * so that the changes its fields signal are not taken for edits.
 */
#include "config.h"

#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-record-page.h"
#include "bw-record-table.h"

struct _BwRecordTable
{
  GObject                 parent_instance;

  GtkWidget              *page;           /* owns this object: not a reference */
  char                   *add_action;     /* "hazards.add" */
  char                   *delete_action;  /* "hazards.delete" */
  GType                   record_type;
  BwRecordCollectionFunc  collection;
  BwTableCells           *cells;

  BwProject              *project;
  char                   *selected_id;
  gboolean                updating;       /* the table, not the user, moves the selection */
  gboolean                showing;        /* the page shows the selected record */
  gboolean                dirty;          /* the project changed while the page was hidden */

  AdwToastOverlay        *toast_overlay;
  GtkStack               *content_stack;  /* "empty" or "list" */
  GtkWidget              *panel;          /* the editor and its separator */
  GtkColumnView          *column_view;
  GtkWidget              *scrolled;       /* the column view's */
  GtkSortListModel       *sorted;         /* the records, as the table sorts them */
  GtkSingleSelection     *selection;
};

G_DEFINE_FINAL_TYPE (BwRecordTable, bw_record_table, G_TYPE_OBJECT)

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
select_id (BwRecordTable *self,
           const char    *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  /* Edits of another record are steps of their own. */
  bw_record_table_seal (self);
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
}

/* GtkColumnView of GTK 4.8 has no scroll_to: its list view has the action. */
static void
scroll_to (BwRecordTable *self,
           guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Puts the table's selection on the selected record; a record that went
 * away (deleted, an add undone) hands over to what the table selects. */
static void
sync_selection (BwRecordTable *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  BwRecord *selected;

  for (guint i = 0; self->selected_id != NULL && i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (bw_record_get_id (record), self->selected_id) == 0)
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
  select_id (self, selected ? bw_record_get_id (selected) : NULL);
}

static void
selected_item_cb (BwRecordTable      *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  BwRecord *selected = gtk_single_selection_get_selected_item (selection);

  if (self->updating || selected == NULL)
    return;
  select_id (self, bw_record_get_id (selected));
  bw_record_table_refresh (self);
}

static void
project_changed_cb (BwRecordTable *self)
{
  if (!gtk_widget_get_mapped (self->page))
    {
      self->dirty = TRUE;
      return;
    }
  bw_record_table_refresh (self);
}

/* After the page's own map (the class handler runs first). */
static void
page_map_cb (BwRecordTable *self)
{
  if (self->dirty)
    bw_record_table_refresh (self);
}

static void
disconnect_project (BwRecordTable *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_signal_handlers_disconnect_by_data (self->collection (self->project), self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwRecordTable           *self)
{
  bw_record_table_seal (self);
}

static void
entry_changed_cb (BwRecordTable *self,
                  GtkEditable   *editable)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  bw_record_table_set_member (self, g_object_get_data (G_OBJECT (editable), "bw-member"), &value);
}

static void
bw_record_table_dispose (GObject *object)
{
  BwRecordTable *self = BW_RECORD_TABLE (object);

  disconnect_project (self);
  /* Taking the table apart re-sorts and reselects: not for the page any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->cells);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_record_table_parent_class)->dispose (object);
}

static void
bw_record_table_finalize (GObject *object)
{
  BwRecordTable *self = BW_RECORD_TABLE (object);

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->add_action, g_free);
  g_clear_pointer (&self->delete_action, g_free);

  G_OBJECT_CLASS (bw_record_table_parent_class)->finalize (object);
}

static void
bw_record_table_class_init (BwRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_record_table_dispose;
  object_class->finalize = bw_record_table_finalize;

  /**
   * BwRecordTable::refreshed:
   *
   * The table has caught up with the project or with a new selection:
   * the page shows the selected record (none, when it is NULL).
   */
  signals[SIGNAL_REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_record_table_init (BwRecordTable *self)
{
}

/* The table of `page`, a GtkWidget with the actions "PREFIX.add" and
 * "PREFIX.delete", of the records of `record_type` that `collection`
 * gives; `setup_cell` and `update_cell` (called with `page`) make and
 * fill the cells of its columns (BwTableCells).  `page` owns the table
 * and clears it first thing in its dispose. */
BwRecordTable *
bw_record_table_new (GtkWidget              *page,
                     const char             *action_prefix,
                     GType                   record_type,
                     BwRecordCollectionFunc  collection,
                     BwTableCellsSetupFunc   setup_cell,
                     BwTableCellsUpdateFunc  update_cell)
{
  BwRecordTable *self;
  GtkEventController *shortcuts;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (action_prefix != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (record_type, BW_TYPE_RECORD), NULL);
  g_return_val_if_fail (collection != NULL, NULL);

  self = g_object_new (BW_TYPE_RECORD_TABLE, NULL);
  self->page = page;
  self->add_action = g_strconcat (action_prefix, ".add", NULL);
  self->delete_action = g_strconcat (action_prefix, ".delete", NULL);
  self->record_type = record_type;
  self->collection = collection;
  self->cells = bw_table_cells_new (setup_cell, update_cell, page);

  self->selection = gtk_single_selection_new (NULL);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  name = g_strconcat (action_prefix, "-table", NULL);
  gtk_widget_set_name (GTK_WIDGET (self->column_view), name);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  /* Project order until the user picks a column to sort by (a column
   * without a sorter offers none). */
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);

  /* Delete deletes the selected record (the undo toast takes it back). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new (self->delete_action)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (self->scrolled, TRUE);

  g_signal_connect_object (page, "map", G_CALLBACK (page_map_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* Building the page */

/* The table, for the page's columns and accessible name. */
GtkColumnView *
bw_record_table_get_column_view (BwRecordTable *self)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  return self->column_view;
}

/* Appends a column (bw_table_cells_add_column). */
void
bw_record_table_add_column (BwRecordTable *self,
                            const char    *title,
                            int            column,
                            int            width,
                            GtkSorter     *sorter)
{
  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  bw_table_cells_add_column (self->cells, self->column_view, title, column, width, sorter);
}

/* The scrolled window around the table, for the page's layout. */
GtkWidget *
bw_record_table_get_widget (BwRecordTable *self)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  return self->scrolled;
}

/* Add (with a label), the page's title, Delete (an icon). */
GtkWidget *
bw_record_table_build_toolbar (BwRecordTable *self,
                               const char    *add_label,
                               const char    *add_tooltip,
                               const char    *title,
                               const char    *delete_label)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  gtk_widget_add_css_class (toolbar, "toolbar");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_tooltip_text (add, add_tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), self->add_action);
  gtk_box_append (GTK_BOX (toolbar), add);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), heading);

  gtk_widget_set_tooltip_text (delete, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), self->delete_action);
  gtk_box_append (GTK_BOX (toolbar), delete);
  return toolbar;
}

/* Lays the page out: `toolbar` over `empty` or `list` (which shows the
 * table), and `panel`, the editor, beside them while there are records.
 * Toasts (an undo, a refused edit) show over all of it. */
void
bw_record_table_build_page (BwRecordTable *self,
                            GtkWidget     *toolbar,
                            GtkWidget     *empty,
                            GtkWidget     *list,
                            GtkWidget     *panel)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_return_if_fail (BW_IS_RECORD_TABLE (self));
  g_return_if_fail (self->toast_overlay == NULL);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), self->page);
  adw_toast_overlay_set_child (self->toast_overlay, paned);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), toolbar);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_stack_add_named (self->content_stack, empty, "empty");
  gtk_stack_add_named (self->content_stack, list, "list");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->content_stack));
  gtk_box_append (GTK_BOX (paned), content);

  self->panel = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self->panel), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (self->panel), panel);
  gtk_box_append (GTK_BOX (paned), self->panel);
}

/* BwPage */

BwProject *
bw_record_table_get_project (BwRecordTable *self)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  return self->project;
}

void
bw_record_table_set_project (BwRecordTable *self,
                             BwProject     *project)
{
  g_return_if_fail (BW_IS_RECORD_TABLE (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (self->project == project)
    return;
  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->selected_id, g_free);
  /* After the selection model has taken the change in: it must not be
   * asked to select while its own list is changing. */
  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->collection (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  self->updating = TRUE;
  gtk_sort_list_model_set_model (self->sorted, project ? self->collection (project) : NULL);
  self->updating = FALSE;
  bw_record_table_refresh (self);
}

/* Selects the record `id`; FALSE when it is none of the table's. */
gboolean
bw_record_table_select (BwRecordTable *self,
                        const char    *id)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), FALSE);

  if (self->project == NULL ||
      !G_TYPE_CHECK_INSTANCE_TYPE (bw_project_lookup (self->project, id), self->record_type))
    return FALSE;
  select_id (self, id);
  bw_record_table_refresh (self);
  return TRUE;
}

/* The selected record */

/* The ID of the selected record, or NULL; it may name a record that
 * went away until the next refresh. */
const char *
bw_record_table_get_selected_id (BwRecordTable *self)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  return self->selected_id;
}

/* The selected record, or NULL. */
BwRecord *
bw_record_table_get_selected (BwRecordTable *self)
{
  BwRecord *record;

  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  if (self->project == NULL || self->selected_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->selected_id);
  return G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type) ? record : NULL;
}

/* TRUE while the page shows the selected record ("refreshed"): what its
 * fields signal then is their new value, not an edit. */
gboolean
bw_record_table_is_showing (BwRecordTable *self)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), FALSE);

  return self->showing;
}

/* Catches up with the project: sorts again, refreshes the cells, puts the
 * selection back on its record, then has the page show it ("refreshed"). */
void
bw_record_table_refresh (BwRecordTable *self)
{
  guint n;
  GtkSorter *sorter;
  gboolean showing;

  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  n = self->project != NULL ? g_list_model_get_n_items (self->collection (self->project)) : 0;
  self->dirty = FALSE;

  /* An edit may move the record in the sorted table; the selection stays
   * on it (sync_selection), not on what took its place. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      self->updating = TRUE;
      gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
      self->updating = FALSE;
    }
  bw_table_cells_update (self->cells);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->panel, n > 0);
  sync_selection (self);
  gtk_widget_action_set_enabled (self->page, self->delete_action, bw_record_table_get_selected (self) != NULL);

  showing = self->showing;
  self->showing = TRUE;
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  self->showing = showing;
}

/* Edits */

/* Runs `command` (taking it) on the project's stack; a refused edit rings
 * the bell and says why in a toast. */
gboolean
bw_record_table_execute (BwRecordTable *self,
                         BwCommand     *command)
{
  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), FALSE);

  return _bw_record_page_execute (self->page, self->toast_overlay, self->project, command);
}

/* Ends the current run of merged edits: the next is an undo step of its own. */
void
bw_record_table_seal (BwRecordTable *self)
{
  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

/* Adds `record` (without ID) as one undo step and selects it; FALSE when
 * it was not added. */
gboolean
bw_record_table_add (BwRecordTable *self,
                     BwRecord      *record)
{
  BwCommand *command;

  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);

  if (self->project == NULL)
    return FALSE;
  command = bw_command_add_new (self->project, record, -1);
  /* Selected before it exists: the refresh that follows the command
   * finds it there. */
  select_id (self, bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (!bw_record_table_execute (self, command))
    return FALSE;
  bw_record_table_refresh (self);
  return TRUE;
}

/* Deletes the selected record as one undo step (what links to it goes
 * along) and offers to undo it in a toast titled `toast_title`. */
void
bw_record_table_remove_selected (BwRecordTable *self,
                                 const char    *toast_title)
{
  const char *ids[] = { NULL, NULL };

  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  if (bw_record_table_get_selected (self) == NULL)
    return;
  ids[0] = self->selected_id;
  if (bw_record_table_execute (self, bw_command_remove_new (self->project, ids)))
    _bw_record_page_undo_toast (self->toast_overlay, toast_title);
}

/* Sets `member` of the selected record; typing into one field makes one
 * undo step, until the field loses the focus (bw_record_table_watch_focus). */
void
bw_record_table_set_member (BwRecordTable *self,
                            const char    *member,
                            const GValue  *value)
{
  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  /* The page's own fields echoing what it shows. */
  if (self->showing || bw_record_table_get_selected (self) == NULL)
    return;
  bw_record_table_execute (self, bw_command_set_property_new (self->project, self->selected_id, member, value));
}

/* A field that loses the focus ends its run of merged edits: the next
 * change of it is an undo step of its own. */
void
bw_record_table_watch_focus (BwRecordTable *self,
                             GtkWidget     *field)
{
  GtkEventController *focus;

  g_return_if_fail (BW_IS_RECORD_TABLE (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (field, focus);
}

/* An entry row for the text `member` (a static string, also the row's
 * widget name) of the selected record, added to `group`. */
AdwEntryRow *
bw_record_table_add_entry_row (BwRecordTable       *self,
                               AdwPreferencesGroup *group,
                               const char          *title,
                               const char          *member)
{
  AdwEntryRow *row;

  g_return_val_if_fail (BW_IS_RECORD_TABLE (self), NULL);

  row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), member);
  bw_record_table_watch_focus (self, GTK_WIDGET (row));
  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) member);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}
