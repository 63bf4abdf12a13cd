/* bw-import-json.c — type-checked access to foreign JSON, with paths in the messages
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "bw-import.h"
#include "bw-import-json.h"

char *
bw_import_json_path (const char *path,
                     const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

char *
bw_import_json_index (const char *path,
                      guint       index)
{
  return g_strdup_printf ("%s[%u]", path ? path : "", index);
}

const char *
bw_import_json_describe (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

void
bw_import_json_fail (GError     **error,
                     const char  *path,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_INVALID, "%s: %s",
               path && *path ? path : _("(top level)"), message);
}

static JsonNode *
member_node (JsonObject *object,
             const char *path,
             const char *member,
             gboolean    required,
             GError    **error,
             gboolean   *failed)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  *failed = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_autofree char *where = bw_import_json_path (path, member);

          bw_import_json_fail (error, where, _("the member is missing"));
          *failed = TRUE;
        }
      return NULL;
    }
  return node;
}

static gboolean
wrong_type (GError    **error,
            const char *path,
            const char *member,
            const char *expected,
            JsonNode   *node)
{
  g_autofree char *where = bw_import_json_path (path, member);

  bw_import_json_fail (error, where, _("expected %s, found %s"), expected, bw_import_json_describe (node));
  return FALSE;
}

gboolean
bw_import_json_object (JsonObject  *object,
                       const char  *path,
                       const char  *member,
                       gboolean     required,
                       JsonObject **out,
                       GError     **error)
{
  gboolean failed;
  JsonNode *node = member_node (object, path, member, required, error, &failed);

  if (node == NULL)
    return !failed;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (error, path, member, _("an object"), node);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
bw_import_json_array (JsonObject  *object,
                      const char  *path,
                      const char  *member,
                      gboolean     required,
                      JsonArray  **out,
                      GError     **error)
{
  gboolean failed;
  JsonNode *node = member_node (object, path, member, required, error, &failed);

  if (node == NULL)
    return !failed;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (error, path, member, _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
bw_import_json_string (JsonObject  *object,
                       const char  *path,
                       const char  *member,
                       const char **out,
                       GError     **error)
{
  gboolean failed;
  JsonNode *node = member_node (object, path, member, FALSE, error, &failed);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (error, path, member, _("a string"), node);
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
bw_import_json_bool (JsonObject  *object,
                     const char  *path,
                     const char  *member,
                     gboolean    *out,
                     GError     **error)
{
  gboolean failed;
  JsonNode *node = member_node (object, path, member, FALSE, error, &failed);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (error, path, member, _("a boolean"), node);
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
bw_import_json_number (JsonObject  *object,
                       const char  *path,
                       const char  *member,
                       double      *out,
                       GError     **error)
{
  gboolean failed;
  JsonNode *node = member_node (object, path, member, FALSE, error, &failed);
  GType type;
  double value;

  if (node == NULL)
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return wrong_type (error, path, member, _("a number"), node);
  value = type == G_TYPE_INT64 ? (double) json_node_get_int (node) : json_node_get_double (node);
  /* Geometry beyond this is nonsense and would overflow later arithmetic. */
  if (!isfinite (value) || fabs (value) > 1e9)
    {
      g_autofree char *where = bw_import_json_path (path, member);

      bw_import_json_fail (error, where, _("the number is out of range"));
      return FALSE;
    }
  *out = value;
  return TRUE;
}

JsonObject *
bw_import_json_element_object (JsonArray  *array,
                               guint       index,
                               const char *path,
                               GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = bw_import_json_index (path, index);

      bw_import_json_fail (error, where, _("expected an object, found %s"), bw_import_json_describe (node));
      return NULL;
    }
  return json_node_get_object (node);
}
