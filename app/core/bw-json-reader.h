/* bw-json-reader.h — a strict RFC 8259 reader with positions
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  BW_JSON_NULL,
  BW_JSON_FALSE,
  BW_JSON_TRUE,
  BW_JSON_INT,
  BW_JSON_DOUBLE,
  BW_JSON_STRING,
  BW_JSON_ARRAY,
  BW_JSON_OBJECT,
} BwJsonType;

typedef struct _BwJsonValue BwJsonValue;

/* A parsed value; lives in the document's arena, read-only. */
struct _BwJsonValue
{
  guint8   type;
  guint32  line;
  guint32  column;
  guint32  n;             /* string length, or number of items/members */
  union {
    gint64        i;
    double        d;
    const char   *s;
    BwJsonValue **items;  /* arrays and objects (member values) */
  };
  const char **keys;      /* objects: member names, parallel to items */
};

typedef struct _BwJsonDocument BwJsonDocument;

BwJsonDocument    *bw_json_document_parse      (const char      *data,
                                                gsize            length,
                                                GError         **error);
const BwJsonValue *bw_json_document_get_root   (BwJsonDocument  *self);
void               bw_json_document_free       (BwJsonDocument  *self);

const BwJsonValue *bw_json_value_get_member    (const BwJsonValue *object,
                                                const char        *name);
const char        *bw_json_type_describe       (BwJsonType         type);
JsonNode          *bw_json_value_to_node       (const BwJsonValue *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwJsonDocument, bw_json_document_free)

G_END_DECLS
