/* bw-import.c — models from other tools: recognise the format and import
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-import.h"
#include "bw-import-otm.h"
#include "bw-import-threat-dragon.h"
#include "bw-import-tm7.h"
#include "bw-project-io.h"

G_DEFINE_QUARK (bw-import-error-quark, bw_import_error)

static const char *
skip_space (const char *data,
            gsize       length,
            gsize      *offset)
{
  gsize i = 0;

  /* A UTF-8 byte order mark, as Windows tools write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  *offset = i;
  return data + i;
}

static JsonNode *
parse_json (const char *data,
            gsize       length,
            GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize offset;

  skip_space (data, length, &offset);
  if (length - offset > G_MAXSSIZE)
    return NULL;
  if (!json_parser_load_from_data (parser, data + offset, (gssize) (length - offset), &local_error))
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_SYNTAX, _("The file is empty."));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static BwImportFormat
sniff_json (JsonNode *root)
{
  JsonObject *object;
  int version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return BW_IMPORT_FORMAT_UNKNOWN;
  object = json_node_get_object (root);
  if (json_object_has_member (object, "format") && json_object_has_member (object, "format_version"))
    return BW_IMPORT_FORMAT_BULWARK;
  if (json_object_has_member (object, "otmVersion"))
    return BW_IMPORT_FORMAT_OTM;
  if (bw_import_threat_dragon_detect (root, &version))
    return version == 1 ? BW_IMPORT_FORMAT_THREAT_DRAGON_V1 : BW_IMPORT_FORMAT_THREAT_DRAGON_V2;
  return BW_IMPORT_FORMAT_UNKNOWN;
}

BwImportFormat
bw_import_sniff (const char *data,
                 gsize       length)
{
  g_autoptr(JsonNode) root = NULL;
  const char *start;
  gsize offset;

  g_return_val_if_fail (data != NULL || length == 0, BW_IMPORT_FORMAT_UNKNOWN);

  start = skip_space (data, length, &offset);
  if (offset < length && *start == '<')
    return bw_import_tm7_detect (start, length - offset) ? BW_IMPORT_FORMAT_TM7 : BW_IMPORT_FORMAT_UNKNOWN;
  root = parse_json (data, length, NULL);
  return root != NULL ? sniff_json (root) : BW_IMPORT_FORMAT_UNKNOWN;
}

const char *
bw_import_format_describe (BwImportFormat format)
{
  switch (format)
    {
    case BW_IMPORT_FORMAT_BULWARK:
      return _("Bulwark project");
    case BW_IMPORT_FORMAT_THREAT_DRAGON_V1:
      return _("Threat Dragon v1 model");
    case BW_IMPORT_FORMAT_THREAT_DRAGON_V2:
      return _("Threat Dragon v2 model");
    case BW_IMPORT_FORMAT_OTM:
      return _("Open Threat Model");
    case BW_IMPORT_FORMAT_TM7:
      return _("Microsoft Threat Modeling Tool model");
    case BW_IMPORT_FORMAT_UNKNOWN:
    default:
      return _("unknown format");
    }
}

/* One parse: the sniffing and the import share the JSON tree. */
BwProject *
bw_import_from_data (const char     *data,
                     gsize           length,
                     BwImportFormat *format,
                     GPtrArray     **report,
                     GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  BwImportFormat found;
  const char *start;
  gsize offset;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;
  if (format != NULL)
    *format = BW_IMPORT_FORMAT_UNKNOWN;
  start = skip_space (data, length, &offset);
  if (offset < length && *start == '<')
    {
      if (format != NULL)
        *format = BW_IMPORT_FORMAT_TM7;
      return bw_import_tm7 (start, length - offset, report, error);
    }
  root = parse_json (data, length, error);
  if (root == NULL)
    return NULL;
  found = sniff_json (root);
  if (format != NULL)
    *format = found;
  switch (found)
    {
    case BW_IMPORT_FORMAT_BULWARK:
      {
        BwProject *project = bw_project_load_from_data (data, length, error);

        if (project != NULL && report != NULL)
          *report = g_ptr_array_new_with_free_func (g_free);
        return project;
      }
    case BW_IMPORT_FORMAT_THREAT_DRAGON_V1:
    case BW_IMPORT_FORMAT_THREAT_DRAGON_V2:
      return bw_import_threat_dragon (root, report, error);
    case BW_IMPORT_FORMAT_OTM:
      return bw_import_otm (root, report, error);
    case BW_IMPORT_FORMAT_TM7:
    case BW_IMPORT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("The file is JSON but not a format Bulwark imports (Bulwark, Threat Dragon v1 or v2, Open Threat Model)."));
      return NULL;
    }
}

BwProject *
bw_import_from_file (GFile          *file,
                     GCancellable   *cancellable,
                     BwImportFormat *format,
                     GPtrArray     **report,
                     GError        **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  return bw_import_from_data (data, length, format, report, error);
}
