/* bw-objectives-page-helpers.h — what the objectives, requirements and
 * traceability pages share: commands, form rows, navigation
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

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
/* A field losing the focus seals the stack: the next edit of it is an
 * undo step of its own, while one run of typing stays one step. */
void        _bw_record_page_seal_on_leave (GtkWidget         *field,
                                          BwProject         **project);
/* The translated labels as a model for an AdwComboRow. */
GListModel *_bw_record_page_labels_model (const char * const *labels,
                                          guint               n);
guint       _bw_record_page_index_of     (const char * const *values,
                                          guint               n,
                                          const char         *value);

/* An icon-only button with its tooltip and accessible label. */
GtkWidget  *_bw_record_page_icon_button  (const char         *icon_name,
                                          const char         *tooltip);
/* A row that shows a record (its ID as subtitle) and opens it with
 * win.show-record when activated. */
GtkWidget  *_bw_record_page_link_row     (BwProject          *project,
                                          const char         *id);
/* How a record is named in lists: a threat's title, an objective's text … */
const char *_bw_record_page_record_name  (BwRecord           *record);
/* "Deleted O-3" with an Undo button (win.undo). */
void        _bw_record_page_undo_toast   (AdwToastOverlay    *toasts,
                                          const char         *title);
/* Shows the record in the window (win.show-record). */
void        _bw_record_page_show_record  (GtkWidget          *widget,
                                          const char         *id);

G_END_DECLS
