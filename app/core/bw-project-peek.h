/* bw-project-peek.h — what a project file is about, without loading it
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The model's title from the start of a project's text (the canonical
 * text writes "model" with its "title" first, near the top): what a list
 * of recent projects shows without reading whole files. NULL when the text
 * does not start that way (a hand-written file) or the title is empty. */
char *bw_project_peek_title_from_data (const char   *data,
                                       gsize         length);
/* The same from the first 64 KiB of `file`; NULL and `error` set when the
 * file cannot be read, NULL without an error when it has no title there. */
char *bw_project_peek_title           (GFile        *file,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
