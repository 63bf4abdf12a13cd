/* bw-record-io.h — reading and writing records through their field tables
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-json-reader.h"
#include "bw-json-writer.h"
#include "bw-record.h"

G_BEGIN_DECLS

typedef struct
{
  GString    *path;       /* JSON path of the value being read, for messages */
  GHashTable *ids;        /* ID → BwRecord, filled while reading; NULL when checking an edit */
  GError    **error;
} BwReadContext;

gboolean  bw_record_read       (BwRecord          *self,
                                const BwJsonValue *object,
                                BwReadContext     *ctx);
void      bw_record_write      (BwRecord          *self,
                                BwJsonWriter      *writer);
gboolean  bw_read_fail         (BwReadContext     *ctx,
                                const char        *format,
                                ...) G_GNUC_PRINTF (2, 3);
gsize     bw_path_push_key     (GString           *path,
                                const char        *key);
gsize     bw_path_push_index   (GString           *path,
                                guint              index);
void      bw_path_pop          (GString           *path,
                                gsize              mark);

G_END_DECLS
