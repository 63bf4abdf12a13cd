/* bw-cvss-dialog.h — a CVSS v3.1 base score calculator
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BW_TYPE_CVSS_DIALOG (bw_cvss_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BwCvssDialog, bw_cvss_dialog, BW, CVSS_DIALOG, AdwWindow)

/* A modal window, transient for `parent`, that starts from `vector` (a
 * CVSS v3.1 base vector; NULL or "" starts from a vector scoring 0.0, an
 * invalid one is shown with its error so the user can fix it).
 *
 * The dialog edits nothing itself: when the user presses Apply it emits
 * "applied" with the valid vector (const char *) and closes; Cancel and
 * Escape close it without a signal.  Present it with gtk_window_present(). */
BwCvssDialog *bw_cvss_dialog_new        (GtkWindow    *parent,
                                         const char   *vector);
/* The vector shown, or NULL while the text is not a valid vector. */
const char   *bw_cvss_dialog_get_vector (BwCvssDialog *self);
/* Replaces the vector text, as typing it would. */
void          bw_cvss_dialog_set_text   (BwCvssDialog *self,
                                         const char   *text);

G_END_DECLS
