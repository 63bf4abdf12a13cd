/* bw-project-io.h — format 1: reading, validating and writing project files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_PROJECT_IO_ERROR (bw_project_io_error_quark ())

typedef enum
{
  BW_PROJECT_IO_ERROR_SYNTAX,     /* not JSON: the message has line and column */
  BW_PROJECT_IO_ERROR_INVALID,    /* JSON, but breaks format 1: the message has the path */
  BW_PROJECT_IO_ERROR_NOT_BULWARK,
  BW_PROJECT_IO_ERROR_NEWER,
} BwProjectIoError;

typedef enum
{
  BW_SAVE_FLAGS_NONE  = 0,
  /* Set "generator" and "model.modified", as the app does on a save of a
   * changed document; `bulwark-cli format` never stamps. */
  BW_SAVE_FLAGS_STAMP = 1 << 0,
} BwSaveFlags;

GQuark      bw_project_io_error_quark (void);
BwProject  *bw_project_load_from_data (const char    *data,
                                       gsize          length,
                                       GError       **error);
BwProject  *bw_project_load_from_file (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean    bw_project_check_record   (BwProject     *self,
                                       BwRecord      *record,
                                       GError       **error);
gboolean    bw_project_check          (BwProject     *self,
                                       GError       **error);
GBytes     *bw_project_to_bytes       (BwProject     *self);
gboolean    bw_project_save_to_file   (BwProject     *self,
                                       GFile         *file,
                                       BwSaveFlags    flags,
                                       GCancellable  *cancellable,
                                       GError       **error);
GBytes     *bw_project_dup_example_bytes (void);
BwProject  *bw_project_load_example   (GError       **error);
gboolean    bw_write_file_atomically  (const char    *path,
                                       const char    *data,
                                       gsize          length,
                                       GError       **error);

G_END_DECLS
