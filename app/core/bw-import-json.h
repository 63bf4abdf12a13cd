/* bw-import-json.h — type-checked access to foreign JSON, with paths in the messages
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each getter leaves *out untouched (the default) when the member is absent
 * or null, fails with BW_IMPORT_ERROR_INVALID naming "path.member" when it
 * has the wrong type, and, with `required`, when it is absent. */
gboolean  bw_import_json_object  (JsonObject  *object,
                                  const char  *path,
                                  const char  *member,
                                  gboolean     required,
                                  JsonObject **out,
                                  GError     **error);
gboolean  bw_import_json_array   (JsonObject  *object,
                                  const char  *path,
                                  const char  *member,
                                  gboolean     required,
                                  JsonArray  **out,
                                  GError     **error);
gboolean  bw_import_json_string  (JsonObject  *object,
                                  const char  *path,
                                  const char  *member,
                                  const char **out,
                                  GError     **error);
gboolean  bw_import_json_bool    (JsonObject  *object,
                                  const char  *path,
                                  const char  *member,
                                  gboolean    *out,
                                  GError     **error);
gboolean  bw_import_json_number  (JsonObject  *object,
                                  const char  *path,
                                  const char  *member,
                                  double      *out,
                                  GError     **error);
JsonObject *bw_import_json_element_object (JsonArray   *array,
                                           guint        index,
                                           const char  *path,
                                           GError     **error);
char     *bw_import_json_path    (const char  *path,
                                  const char  *member);
char     *bw_import_json_index   (const char  *path,
                                  guint        index);
const char *bw_import_json_describe (JsonNode *node);
void      bw_import_json_fail    (GError     **error,
                                  const char  *path,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
