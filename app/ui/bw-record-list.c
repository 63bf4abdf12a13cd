/* bw-record-list.c — a page's list of one collection of records beside its form
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The objectives and requirements pages are one pattern: a list of the
 * records under a title, a count and an add button, beside a form for
 * the selected one, or an AdwStatusPage over the whole page while there
 * is none.  This object is that pattern; the page keeps what is its own
 * (the rows' content, the form, the texts).
 *
 * The rows follow the records: updated in place while they are the same
 * records (typing keeps the list's scroll and focus), made anew when one
 * came or went.  The selection is a record ID: while there are records
 * one is selected, after a delete the one that took its place, after the
 * delete's undo the deleted one again.  Every edit is a command on the
 * project's stack, and the list follows the stack.
 *
 * After each refresh, and when the user selects a row, the list emits
 * "refreshed": the page then shows the selected record in its form, and
 * what its fields signal meanwhile is not taken for edits
 * (bw_record_list_set_string ignores it).
 */
#include "config.h"

#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-stack.h"
#include "bw-record-list.h"

struct _BwRecordList
{
  GObject                 parent_instance;

  GtkWidget              *page;          /* owns this object: not a reference */
  char                   *add_action;    /* "objectives.add" */
  GType                   record_type;
  BwRecordCollectionFunc  collection;
  const BwRecordListRows *rows;

  BwProject              *project;
  char                   *selected_id;
  char                   *deleted_id;    /* selected again when an undo brings it back */
  gboolean                updating;      /* the list, not the user, moves the selection */
  gboolean                showing;       /* the page shows the selected record */

  AdwToastOverlay        *toasts;
  GtkStack               *stack;         /* "empty" or "list" */
  GtkLabel               *count_label;
  GtkListBox             *list;
};

G_DEFINE_FINAL_TYPE (BwRecordList, bw_record_list, G_TYPE_OBJECT)

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BwRecord *
lookup (BwRecordList *self,
        const char   *id)
{
  BwRecord *record;

  if (self->project == NULL || id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, id);
  return G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type) ? record : NULL;
}

static void
select_id (BwRecordList *self,
           const char   *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  /* Another record: typing into its text is a new undo step. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
}

/* The page shows the selected record. */
static void
show_selected (BwRecordList *self)
{
  gboolean showing = self->showing;

  self->showing = TRUE;
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  self->showing = showing;
}

static void
select_row_of (BwRecordList *self,
               const char   *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->list);
}

/* A row is named after its record's ID. */
static void
refresh_rows (BwRecordList *self)
{
  GListModel *records = self->collection (self->project);
  guint n = g_list_model_get_n_items (records);
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  g_autofree char *count = NULL;
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (records, i);

      if (row == NULL)
        {
          row = self->rows->make_row ();
          gtk_list_box_append (self->list, row);
        }
      gtk_widget_set_name (row, bw_record_get_id (record));
      open += self->rows->update_row (self->page, row, record);
      row = gtk_widget_get_next_sibling (row);
    }
  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_list_box_remove (self->list, row);
      row = next;
    }

  count = self->rows->count (n, open);
  gtk_label_set_label (self->count_label, count);
  select_row_of (self, self->selected_id);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
stack_changed_cb (BwRecordList *self)
{
  bw_record_list_refresh (self);
}

static void
row_selected_cb (BwRecordList  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (self->updating || row == NULL)
    return;
  select_id (self, gtk_widget_get_name (GTK_WIDGET (row)));
  show_selected (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwRecordList            *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
choice_selected_cb (BwRecordList *self,
                    GParamSpec   *pspec,
                    AdwComboRow  *row)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "bw-values");
  guint n_values = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "bw-n-values"));
  guint selected = adw_combo_row_get_selected (row);

  if (selected < n_values)
    bw_record_list_set_string (self, g_object_get_data (G_OBJECT (row), "bw-member"), values[selected]);
}

static void
disconnect_project (BwRecordList *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
}

static void
bw_record_list_dispose (GObject *object)
{
  BwRecordList *self = BW_RECORD_LIST (object);

  disconnect_project (self);
  /* Taking the list apart unselects: not for the page any more. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  self->list = NULL;
  self->page = NULL;
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_record_list_parent_class)->dispose (object);
}

static void
bw_record_list_finalize (GObject *object)
{
  BwRecordList *self = BW_RECORD_LIST (object);

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->deleted_id, g_free);
  g_clear_pointer (&self->add_action, g_free);

  G_OBJECT_CLASS (bw_record_list_parent_class)->finalize (object);
}

static void
bw_record_list_class_init (BwRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_record_list_dispose;
  object_class->finalize = bw_record_list_finalize;

  /**
   * BwRecordList::refreshed:
   *
   * The list has caught up with the project, or the user selected a row:
   * the page shows the selected record (none, when it is NULL).
   */
  signals[SIGNAL_REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_record_list_init (BwRecordList *self)
{
}

/* The list of `page`, a GtkWidget with the action "PREFIX.add", of the
 * records of `record_type` that `collection` gives; `rows` (static) fills
 * the rows.  `page` owns the list and clears it first thing in its
 * dispose. */
BwRecordList *
bw_record_list_new (GtkWidget              *page,
                    const char             *action_prefix,
                    GType                   record_type,
                    BwRecordCollectionFunc  collection,
                    const BwRecordListRows *rows)
{
  BwRecordList *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (action_prefix != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (record_type, BW_TYPE_RECORD), NULL);
  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  self = g_object_new (BW_TYPE_RECORD_LIST, NULL);
  self->page = page;
  self->add_action = g_strconcat (action_prefix, ".add", NULL);
  self->record_type = record_type;
  self->collection = collection;
  self->rows = rows;
  return self;
}

/* Building the page */

/* The title with the count under it and an add button, over the list. */
GtkWidget *
bw_record_list_build_pane (BwRecordList *self,
                           const char   *title,
                           const char   *add_tooltip,
                           const char   *accessible_label)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *add = _bw_record_page_icon_button ("list-add-symbolic", add_tooltip);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_return_val_if_fail (BW_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (self->list == NULL, NULL);

  gtk_widget_set_size_request (pane, 380, -1);
  /* The form takes the room; the list keeps its width. */
  gtk_widget_set_hexpand (pane, FALSE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (titles), heading);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->count_label));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), self->add_action);
  gtk_box_append (GTK_BOX (header), add);
  gtk_box_append (GTK_BOX (pane), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (pane), scrolled);

  return pane;
}

/* The label that counts the records, for the page's own touches. */
GtkLabel *
bw_record_list_get_count_label (BwRecordList *self)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), NULL);

  return self->count_label;
}

/* Lays the page out: `pane` (bw_record_list_build_pane) beside `form`,
 * or `empty` over the whole page while there are no records.  Toasts (an
 * undo, a refused edit) show over all of it. */
void
bw_record_list_build_page (BwRecordList *self,
                           GtkWidget    *pane,
                           GtkWidget    *empty,
                           GtkWidget    *form)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_return_if_fail (BW_IS_RECORD_LIST (self));
  g_return_if_fail (self->toasts == NULL);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toasts), self->page);
  gtk_box_append (GTK_BOX (paned), pane);
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), form);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, paned, "list");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* BwPage */

BwProject *
bw_record_list_get_project (BwRecordList *self)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), NULL);

  return self->project;
}

void
bw_record_list_set_project (BwRecordList *self,
                            BwProject    *project)
{
  g_return_if_fail (BW_IS_RECORD_LIST (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (self->project == project)
    return;
  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->deleted_id, g_free);
  if (project != NULL)
    g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                             G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  bw_record_list_refresh (self);
}

/* Selects the record `id`; FALSE when it is none of the list's. */
gboolean
bw_record_list_select (BwRecordList *self,
                       const char   *id)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), FALSE);

  if (lookup (self, id) == NULL)
    return FALSE;
  select_id (self, id);
  bw_record_list_refresh (self);
  return TRUE;
}

/* The selected record */

const char *
bw_record_list_get_selected_id (BwRecordList *self)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), NULL);

  return self->selected_id;
}

/* The selected record, or NULL. */
BwRecord *
bw_record_list_get_selected (BwRecordList *self)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), NULL);

  return lookup (self, self->selected_id);
}

/* Catches up with the project: the selection, the rows, then the page
 * shows the selected record ("refreshed"). */
void
bw_record_list_refresh (BwRecordList *self)
{
  GListModel *records;

  g_return_if_fail (BW_IS_RECORD_LIST (self));

  if (self->project == NULL)
    return;
  records = self->collection (self->project);
  /* An undone add, or a delete, takes the selected record away. */
  if (self->selected_id != NULL && lookup (self, self->selected_id) == NULL)
    g_clear_pointer (&self->selected_id, g_free);
  /* An undone delete brings the record back: show it again. */
  if (self->deleted_id != NULL && lookup (self, self->deleted_id) != NULL)
    {
      select_id (self, self->deleted_id);
      g_clear_pointer (&self->deleted_id, g_free);
    }
  /* While there is one, one is shown. */
  if (self->selected_id == NULL && g_list_model_get_n_items (records) > 0)
    {
      g_autoptr(BwRecord) first = g_list_model_get_item (records, 0);

      select_id (self, bw_record_get_id (first));
    }
  self->updating = TRUE;
  refresh_rows (self);
  self->updating = FALSE;
  show_selected (self);
}

/* Edits */

/* Runs `command` (taking it) on the project's stack; a refused edit rings
 * the bell and says why in a toast. */
gboolean
bw_record_list_execute (BwRecordList *self,
                        BwCommand    *command)
{
  g_return_val_if_fail (BW_IS_RECORD_LIST (self), FALSE);

  return _bw_record_page_execute (self->page, self->toasts, self->project, command);
}

/* Adds `record` (without ID) as one undo step and selects it; FALSE when
 * it was not added. */
gboolean
bw_record_list_add (BwRecordList *self,
                    BwRecord     *record)
{
  BwCommand *command;
  g_autofree char *id = NULL;

  g_return_val_if_fail (BW_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);

  if (self->project == NULL)
    return FALSE;
  command = bw_command_add_new (self->project, record, -1);
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (!bw_record_list_execute (self, command))
    return FALSE;
  bw_record_list_select (self, id);
  return TRUE;
}

/* Deletes the selected record as one undo step (the command also drops
 * the links to it), selects the one that took its place, and offers to
 * undo it in a toast titled `toast_title`. */
void
bw_record_list_remove_selected (BwRecordList *self,
                                const char   *toast_title)
{
  g_autofree char *id = NULL;
  const char *ids[] = { NULL, NULL };
  GListModel *records;
  guint position, n;

  g_return_if_fail (BW_IS_RECORD_LIST (self));

  if (lookup (self, self->selected_id) == NULL)
    return;
  id = g_strdup (self->selected_id);
  ids[0] = id;
  records = self->collection (self->project);
  position = _bw_record_page_position_of (records, id);
  if (!bw_record_list_execute (self, bw_command_remove_new (self->project, ids)))
    return;
  /* The one that took its place is shown, as in a list after Delete. */
  n = g_list_model_get_n_items (records);
  if (n > 0)
    {
      g_autoptr(BwRecord) neighbour = g_list_model_get_item (records, MIN (position, n - 1));

      select_id (self, bw_record_get_id (neighbour));
      bw_record_list_refresh (self);
    }
  g_free (self->deleted_id);
  self->deleted_id = g_steal_pointer (&id);
  _bw_record_page_undo_toast (self->toasts, toast_title);
}

/* Sets the text `member` of the selected record (NULL writes null); typing
 * into one field is one undo step until it loses the focus
 * (bw_record_list_watch_field). */
void
bw_record_list_set_string (BwRecordList *self,
                           const char   *member,
                           const char   *text)
{
  g_return_if_fail (BW_IS_RECORD_LIST (self));

  /* The page's own fields echoing what it shows. */
  if (self->showing || bw_record_list_get_selected (self) == NULL)
    return;
  bw_record_list_execute (self, _bw_record_page_set_string (self->project, self->selected_id, member, text));
}

/* Wires a text field (a GtkEditable or a GtkTextView) to the project's
 * history: losing the focus seals the stack, so one run of typing is one
 * undo step and the next is another; Ctrl+Z and Ctrl+Shift+Z in it undo
 * and redo the project, not the field's own typing. */
void
bw_record_list_watch_field (BwRecordList *self,
                            GtkWidget    *field)
{
  GtkEventController *focus;

  g_return_if_fail (BW_IS_RECORD_LIST (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (field, focus);
  _bw_record_page_redirect_undo (field);
}

/* Item i of `row` sets the text `member` of the selected record to
 * values[i]; `member` and `values` are static. */
void
bw_record_list_bind_choice (BwRecordList       *self,
                            AdwComboRow        *row,
                            const char         *member,
                            const char * const *values,
                            guint               n_values)
{
  g_return_if_fail (BW_IS_RECORD_LIST (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) member);
  g_object_set_data (G_OBJECT (row), "bw-values", (gpointer) values);
  g_object_set_data (G_OBJECT (row), "bw-n-values", GUINT_TO_POINTER (n_values));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (choice_selected_cb), self, G_CONNECT_SWAPPED);
}
