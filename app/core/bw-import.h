/* bw-import.h — models from other tools: recognise the format and import
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-project.h"

G_BEGIN_DECLS

typedef enum
{
  BW_IMPORT_FORMAT_UNKNOWN,
  BW_IMPORT_FORMAT_BULWARK,
  BW_IMPORT_FORMAT_THREAT_DRAGON_V1,
  BW_IMPORT_FORMAT_THREAT_DRAGON_V2,
  BW_IMPORT_FORMAT_OTM,
  BW_IMPORT_FORMAT_TM7,
} BwImportFormat;

#define BW_IMPORT_ERROR (bw_import_error_quark ())

typedef enum
{
  BW_IMPORT_ERROR_UNKNOWN_FORMAT, /* none of the formats we read */
  BW_IMPORT_ERROR_SYNTAX,         /* not JSON / not XML: the message has line and column */
  BW_IMPORT_ERROR_INVALID,        /* the format's structure is broken: the message has the path */
} BwImportError;

GQuark          bw_import_error_quark      (void);
BwImportFormat  bw_import_sniff            (const char     *data,
                                            gsize           length);
const char     *bw_import_format_describe  (BwImportFormat  format);
BwProject      *bw_import_from_data        (const char     *data,
                                            gsize           length,
                                            BwImportFormat *format,
                                            GPtrArray     **report,
                                            GError        **error);
BwProject      *bw_import_from_file        (GFile          *file,
                                            GCancellable   *cancellable,
                                            BwImportFormat *format,
                                            GPtrArray     **report,
                                            GError        **error);

G_END_DECLS
