/* bw-sbom-private.h — what the importers of foreign JSON formats share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-sbom.h"

G_BEGIN_DECLS

/* The JSON path of the value being read, for messages ("components[3].purl"). */
typedef struct
{
  GString *path;
  GError **error;
} BwForeign;

GBytes      *_bw_foreign_load_file   (GFile        *file,
                                      GCancellable *cancellable,
                                      GError      **error);
JsonNode    *_bw_foreign_parse       (GBytes       *bytes,
                                      const char   *what,
                                      GError      **error);
gboolean     _bw_foreign_fail        (BwForeign    *ctx,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (2, 3);
gsize        _bw_foreign_push_key    (BwForeign    *ctx,
                                      const char   *key);
gsize        _bw_foreign_push_index  (BwForeign    *ctx,
                                      guint         index);
void         _bw_foreign_pop         (BwForeign    *ctx,
                                      gsize         mark);
gboolean     _bw_foreign_get_string  (BwForeign    *ctx,
                                      JsonObject   *object,
                                      const char   *member,
                                      const char  **out);
gboolean     _bw_foreign_get_array   (BwForeign    *ctx,
                                      JsonObject   *object,
                                      const char   *member,
                                      JsonArray   **out);
gboolean     _bw_foreign_get_object  (BwForeign    *ctx,
                                      JsonObject   *object,
                                      const char   *member,
                                      JsonObject  **out);
JsonObject  *_bw_foreign_element_object (BwForeign *ctx,
                                      JsonArray    *array,
                                      guint         index);

BwSbomEntry *_bw_sbom_entry_new      (void);
void         _bw_sbom_entry_free     (BwSbomEntry  *entry);
BwSbom      *_bw_sbom_new            (const char   *format);

BwSbom      *_bw_sbom_cyclonedx_read (JsonObject   *root,
                                      GError      **error);
BwSbom      *_bw_sbom_spdx_read      (JsonObject   *root,
                                      GError      **error);
gboolean     _bw_cyclonedx_check_version (BwForeign  *ctx,
                                      JsonObject   *root,
                                      const char  **version);

G_END_DECLS
