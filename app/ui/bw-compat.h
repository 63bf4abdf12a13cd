/* bw-compat.h — the one place that bridges GTK 4.8 and newer GTK
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  BW_FILE_CHOOSER_OPEN,
  BW_FILE_CHOOSER_SAVE,
} BwFileChooserMode;

/* Asks for a project file (*.bulwark). With GTK 4.10 and later this is a
 * GtkFileDialog, on 4.8 a GtkFileChooserNative; both go through the portal
 * when there is one. `initial_name` only matters when saving. */
void   bw_compat_choose_file_async  (GtkWindow            *parent,
                                     BwFileChooserMode     mode,
                                     const char           *title,
                                     const char           *accept_label,
                                     GFile                *initial_file,
                                     const char           *initial_name,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* The same for other files: `filter` says which ones the chooser shows. */
void   bw_compat_choose_file_filtered_async (GtkWindow            *parent,
                                             BwFileChooserMode     mode,
                                             const char           *title,
                                             const char           *accept_label,
                                             GFile                *initial_file,
                                             const char           *initial_name,
                                             GtkFileFilter        *filter,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* The chosen file, or NULL with G_IO_ERROR_CANCELLED when dismissed. */
GFile *bw_compat_choose_file_finish (GAsyncResult         *result,
                                     GError              **error);

/* Opens a file in the application the desktop uses for its type (a
 * report in the browser or PDF viewer): GtkFileLauncher from GTK 4.10,
 * gtk_show_uri() before. */
void   bw_compat_open_file          (GtkWindow            *parent,
                                     GFile                *file);

G_END_DECLS
