/* bw-record-page.h — what the pages of records share: commands, form rows,
 * empty states, navigation
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

/* A page's collection of the project: bw_project_get_hazards, … */
typedef GListModel *(*BwRecordCollectionFunc) (BwProject *project);

/* Runs `command` (taking it) on the project's stack; a refused edit rings
 * the bell and shows why in `toasts` (may be NULL). */
gboolean    _bw_record_page_execute      (GtkWidget          *page,
                                          AdwToastOverlay    *toasts,
                                          BwProject          *project,
                                          BwCommand          *command);
/* The command that sets one member of the record at `path`. */
BwCommand  *_bw_record_page_set_string   (BwProject          *project,
                                          const char         *path,
                                          const char         *member,
                                          const char         *text);
BwCommand  *_bw_record_page_set_strv     (BwProject          *project,
                                          const char         *path,
                                          const char         *member,
                                          const char * const *strv);
/* `current` with `id` added or taken out, as a new vector. */
char      **_bw_record_page_strv_toggle  (const char * const *current,
                                          const char         *id,
                                          gboolean            add);

/* Sets an editable's text only when it differs, so typing keeps its
 * cursor. */
void        _bw_record_page_show_text    (GtkEditable        *editable,
                                          const char         *text);
/* Gives a text field (a GtkEditable or a GtkTextView) the project's
 * history for its own: Ctrl+Z and Ctrl+Shift+Z in it undo and redo the
 * project (win.undo, win.redo), not the field's own typing. */
void        _bw_record_page_redirect_undo (GtkWidget         *field);
/* A boxed-list row with a title and a wrapping, multi-line text view, for
 * texts of a sentence or more; `view` is the text view. */
GtkWidget  *_bw_record_page_text_row     (const char         *title,
                                          const char         *name,
                                          GtkTextView       **view);
/* The text view's whole text (owned), and setting it only when it
 * differs so typing keeps its cursor. */
char       *_bw_record_page_dup_view_text (GtkTextView       *view);
void        _bw_record_page_show_view_text (GtkTextView      *view,
                                          const char         *text);
/* The translated labels as a model for an AdwComboRow. */
GListModel *_bw_record_page_labels_model (const char * const *labels,
                                          guint               n);
guint       _bw_record_page_index_of     (const char * const *values,
                                          guint               n,
                                          const char         *value);
/* The translated label of `value` (labels[i] for values[i]), or the value
 * itself when it is none of them. */
const char *_bw_record_page_label_of     (const char * const *values,
                                          const char * const *labels,
                                          guint               n,
                                          const char         *value);
/* The position of the record `id` in `records`, or their number. */
guint       _bw_record_page_position_of  (GListModel         *records,
                                          const char         *id);
void        _bw_record_page_clear_list_box (GtkListBox       *list);
/* An AdwStatusPage: an empty page or "nothing selected". */
GtkWidget  *_bw_record_page_status_page  (const char         *icon_name,
                                          const char         *title,
                                          const char         *description);
/* The status page of a page without records: what they are for, and a
 * button that adds the first (`add_label`, activating `add_action`), with
 * `below` (may be NULL) under it. */
GtkWidget  *_bw_record_page_empty_state  (const char         *icon_name,
                                          const char         *title,
                                          const char         *description,
                                          const char         *add_label,
                                          const char         *add_action,
                                          GtkWidget          *below);

/* An icon-only button with its tooltip and accessible label. */
GtkWidget  *_bw_record_page_icon_button  (const char         *icon_name,
                                          const char         *tooltip);
/* A row that shows a record (its ID as subtitle) and opens it with
 * win.show-record when activated. */
GtkWidget  *_bw_record_page_link_row     (BwProject          *project,
                                          const char         *id);
/* A row that shows `show_id`'s record with win.show-record when
 * activated; without `show_id`, a dimmed row that says there is none.
 * `subtitle` may be NULL. */
GtkWidget  *_bw_record_page_show_row     (const char         *title,
                                          const char         *subtitle,
                                          const char         *show_id);
/* How a record is named in lists: a threat's title, an objective's text … */
const char *_bw_record_page_record_name  (BwRecord           *record);
/* "Deleted O-3" with an Undo button (win.undo). */
void        _bw_record_page_undo_toast   (AdwToastOverlay    *toasts,
                                          const char         *title);
/* Shows the record in the window (win.show-record). */
void        _bw_record_page_show_record  (GtkWidget          *widget,
                                          const char         *id);

G_END_DECLS
