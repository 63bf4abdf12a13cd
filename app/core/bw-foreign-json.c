/* bw-foreign-json.c — reading JSON files of other tools (SBOM, OSV, VEX, KEV)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * These files are not our format, so they are read with json-glib's
 * JsonParser (duplicate members and number forms do not matter here).
 * Before it sees them they are checked for size, UTF-8 and nesting depth:
 * JsonParser recurses once per nesting level, and a file of a million '['
 * must be refused, not overflow the stack.  Every member the importers
 * read is type-checked here, and a wrong one is refused with its JSON path.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "bw-sbom-private.h"

#define MAX_DEPTH 256

G_DEFINE_QUARK (bw-sbom-error-quark, bw_sbom_error)

/* Checks nesting depth, outside strings, in one pass. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             const char  *what,
             GError     **error)
{
  guint depth = 0;
  guint line = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_INVALID,
                           _("%s is nested more than %u levels deep (line %u); it is refused"),
                           what, MAX_DEPTH, line);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * _bw_foreign_parse:
 * @bytes: the file's contents
 * @what: what the file is, for messages ("The SBOM")
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
_bw_foreign_parse (GBytes      *bytes,
                   const char  *what,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  JsonNode *root;

  data = g_bytes_get_data (bytes, &length);
  if (length > BW_SBOM_MAX_BYTES)
    {
      g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_TOO_LARGE,
                   _("%s is larger than %u MB; it is refused"), what, BW_SBOM_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length == 0 || data == NULL)
    {
      g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_SYNTAX, _("%s is empty"), what);
      return NULL;
    }
  {
    const char *end = NULL;

    if (!g_utf8_validate (data, length, &end))
      {
        g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_SYNTAX,
                     _("%s is not UTF-8 text (byte %lu)"), what, (gulong) (end - data));
        return NULL;
      }
  }
  if (!check_depth (data, length, what, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;
      unsigned line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_SYNTAX,
                     _("%s is not valid JSON (line %u, column %u): %s"), what, line, column, message + consumed);
      else
        g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_SYNTAX,
                     _("%s is not valid JSON: %s"), what, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_SYNTAX, _("%s is empty"), what);
      return NULL;
    }
  return json_node_ref (root);
}

gboolean
_bw_foreign_fail (BwForeign  *ctx,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ctx->error == NULL || *ctx->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ctx->path->len > 0)
    g_set_error (ctx->error, BW_SBOM_ERROR, BW_SBOM_ERROR_INVALID, "%s: %s", ctx->path->str, message);
  else
    g_set_error_literal (ctx->error, BW_SBOM_ERROR, BW_SBOM_ERROR_INVALID, message);
  return FALSE;
}

gsize
_bw_foreign_push_key (BwForeign  *ctx,
                      const char *key)
{
  gsize mark = ctx->path->len;

  if (mark > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, key);
  return mark;
}

gsize
_bw_foreign_push_index (BwForeign *ctx,
                        guint      index)
{
  gsize mark = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return mark;
}

void
_bw_foreign_pop (BwForeign *ctx,
                 gsize      mark)
{
  g_string_truncate (ctx->path, mark);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("a boolean");
        default: return _("a number");
        }
    }
}

static gboolean
wrong_type (BwForeign  *ctx,
            const char *member,
            const char *expected,
            JsonNode   *node)
{
  gsize mark = _bw_foreign_push_key (ctx, member);

  _bw_foreign_fail (ctx, _("expected %s, found %s"), expected, describe_node (node));
  _bw_foreign_pop (ctx, mark);
  return FALSE;
}

/* A string member: absent or null gives NULL; another type is refused. */
gboolean
_bw_foreign_get_string (BwForeign   *ctx,
                        JsonObject  *object,
                        const char  *member,
                        const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (ctx, member, _("a string"), node);
  /* The file was valid UTF-8, but a lone surrogate escape ("\ud800")
   * decodes to bytes that are not; they must not reach a project. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      gsize mark = _bw_foreign_push_key (ctx, member);

      _bw_foreign_fail (ctx, _("the text is not valid Unicode (a lone surrogate escape?)"));
      _bw_foreign_pop (ctx, mark);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_bw_foreign_get_array (BwForeign   *ctx,
                       JsonObject  *object,
                       const char  *member,
                       JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (ctx, member, _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_bw_foreign_get_object (BwForeign   *ctx,
                        JsonObject  *object,
                        const char  *member,
                        JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (ctx, member, _("an object"), node);
  *out = json_node_get_object (node);
  return TRUE;
}

/* The object at `index`; NULL (and the error set) if it is something else. */
JsonObject *
_bw_foreign_element_object (BwForeign *ctx,
                            JsonArray *array,
                            guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gsize mark = _bw_foreign_push_index (ctx, index);

      _bw_foreign_fail (ctx, _("expected an object, found %s"), describe_node (node));
      _bw_foreign_pop (ctx, mark);
      return NULL;
    }
  return json_node_get_object (node);
}
