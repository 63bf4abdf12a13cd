/* bw-json-writer.h — the canonical text of FORMAT.md
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-number.h"

G_BEGIN_DECLS

#define BW_JSON_WRITER_MAX_DEPTH 300

/* Writes JSON laid out as Python's json.dumps(indent=2, ensure_ascii=False)
 * does; json-glib's generator cannot (its empty containers, escapes and
 * numbers differ). */
typedef struct
{
  GString *out;
  guint    depth;
  guint    count[BW_JSON_WRITER_MAX_DEPTH];
  gboolean after_key;
} BwJsonWriter;

void bw_json_writer_init         (BwJsonWriter   *self,
                                  GString        *out);
void bw_json_writer_begin_object (BwJsonWriter   *self);
void bw_json_writer_end_object   (BwJsonWriter   *self);
void bw_json_writer_begin_array  (BwJsonWriter   *self);
void bw_json_writer_end_array    (BwJsonWriter   *self);
void bw_json_writer_key          (BwJsonWriter   *self,
                                  const char     *name);
void bw_json_writer_string       (BwJsonWriter   *self,
                                  const char     *value);
void bw_json_writer_null         (BwJsonWriter   *self);
void bw_json_writer_boolean      (BwJsonWriter   *self,
                                  gboolean        value);
void bw_json_writer_int          (BwJsonWriter   *self,
                                  gint64          value);
void bw_json_writer_number       (BwJsonWriter   *self,
                                  const BwNumber *value);
void bw_json_writer_node         (BwJsonWriter   *self,
                                  JsonNode       *node);
void bw_json_writer_strv         (BwJsonWriter   *self,
                                  const char * const *values);
void bw_json_append_string       (GString        *out,
                                  const char     *value);

G_END_DECLS
