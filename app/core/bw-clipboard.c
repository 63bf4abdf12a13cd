/* bw-clipboard.c — the editor's clipboard text: format-1 JSON of elements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-clipboard.h"
#include "bw-command-add.h"
#include "bw-command-group.h"
#include "bw-element.h"
#include "bw-project-io.h"
#include "bw-record-io.h"

char *
bw_clipboard_serialize (BwProject          *project,
                        const char * const *ids)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) copied = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *elements;
  BwJsonWriter writer;
  const char *diagram = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (project, ids[i]);

      /* One diagram: the first element's. */
      if (!BW_IS_ELEMENT (record))
        continue;
      if (diagram == NULL)
        diagram = bw_element_get_diagram (BW_ELEMENT (record));
      if (g_strcmp0 (diagram, bw_element_get_diagram (BW_ELEMENT (record))) == 0)
        g_hash_table_add (chosen, (gpointer) bw_record_get_id (record));
    }
  if (g_hash_table_size (chosen) == 0)
    return NULL;

  /* File order, so that a paste draws in the same order. */
  elements = bw_project_get_elements (project);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

      if (!g_hash_table_contains (chosen, bw_record_get_id (BW_RECORD (element))))
        continue;
      if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW &&
          (!g_hash_table_contains (chosen, bw_element_get_source (element)) ||
           !g_hash_table_contains (chosen, bw_element_get_target (element))))
        continue;
      g_ptr_array_add (copied, element);
    }
  if (copied->len == 0)
    return NULL;

  bw_json_writer_init (&writer, out);
  bw_json_writer_begin_object (&writer);
  bw_json_writer_key (&writer, "format");
  bw_json_writer_string (&writer, "bulwark");
  bw_json_writer_key (&writer, "format_version");
  bw_json_writer_int (&writer, BW_FORMAT_VERSION);
  bw_json_writer_key (&writer, "elements");
  bw_json_writer_begin_array (&writer);
  for (guint i = 0; i < copied->len; i++)
    bw_record_write (g_ptr_array_index (copied, i), &writer);
  bw_json_writer_end_array (&writer);
  bw_json_writer_end_object (&writer);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, message);
  return FALSE;
}

/* The element moved by (dx, dy): its box, or its points. */
static void
shift (BwElement *element,
       double     dx,
       double     dy)
{
  const BwNumber *b = bw_element_get_bounds (element);
  GArray *points = bw_element_get_points (element);

  if (bw_element_is_node (element) || (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY &&
                                       !bw_element_is_line (element)))
    g_object_set (element, "bounds",
                  g_variant_new ("(dddd)", bw_number_get (&b[0]) + dx, bw_number_get (&b[1]) + dy,
                                 bw_number_get (&b[2]), bw_number_get (&b[3])),
                  NULL);
  else if (points != NULL && points->len > 0)
    {
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dd)"));
      for (guint i = 0; i < points->len; i++)
        {
          const BwPoint *p = &g_array_index (points, BwPoint, i);

          g_variant_builder_add (&builder, "(dd)", bw_number_get (&p->x) + dx, bw_number_get (&p->y) + dy);
        }
      g_object_set (element, "points", g_variant_builder_end (&builder), NULL);
    }
}

BwCommand *
bw_clipboard_paste_command (BwProject   *project,
                            const char  *diagram_id,
                            const char  *text,
                            double       dx,
                            double       dy,
                            GStrv       *new_ids,
                            GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(BwCommandGroup) group = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  BwJsonDocument *document;
  const BwJsonValue *root, *format, *list;
  BwReadContext ctx = { path, seen, error };

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (diagram_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!BW_IS_DIAGRAM (bw_project_lookup (project, diagram_id)))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("There is no diagram “%s” to paste into."), diagram_id);
      return NULL;
    }
  if ((document = bw_json_document_parse (text, strlen (text), error)) == NULL)
    return NULL;

  root = bw_json_document_get_root (document);
  format = root->type == BW_JSON_OBJECT ? bw_json_value_get_member (root, "format") : NULL;
  list = root->type == BW_JSON_OBJECT ? bw_json_value_get_member (root, "elements") : NULL;
  if (format == NULL || format->type != BW_JSON_STRING || g_strcmp0 (format->s, "bulwark") != 0 ||
      list == NULL || list->type != BW_JSON_ARRAY)
    {
      bw_json_document_free (document);
      fail (error, "%s", _("The clipboard holds no Bulwark elements ($.format must be “bulwark”, $.elements an array)."));
      return NULL;
    }

  /* Read all, then give new IDs: flows may come before their ends. */
  for (guint i = 0; i < list->n; i++)
    {
      g_autoptr(BwElement) element = g_object_new (BW_TYPE_ELEMENT, NULL);
      gsize mark = bw_path_push_key (path, "elements");
      gsize index_mark = bw_path_push_index (path, i);

      if (list->items[i]->type != BW_JSON_OBJECT ||
          !bw_record_read (BW_RECORD (element), list->items[i], &ctx))
        {
          if (error != NULL && *error == NULL)
            fail (error, _("%s: an element must be an object."), path->str);
          bw_json_document_free (document);
          return NULL;
        }
      bw_path_pop (path, index_mark);
      bw_path_pop (path, mark);
      if (bw_record_get_id (BW_RECORD (element)) == NULL)
        {
          bw_json_document_free (document);
          fail (error, _("$.elements[%u]: the element has no “id”."), i);
          return NULL;
        }
      g_ptr_array_add (records, g_steal_pointer (&element));
    }
  bw_json_document_free (document);

  for (guint i = 0; i < records->len; i++)
    {
      BwElement *element = g_ptr_array_index (records, i);
      char *id = bw_project_allocate_id (project, bw_element_kind_prefix (bw_element_get_kind_enum (element)));

      g_hash_table_replace (renamed, g_strdup (bw_record_get_id (BW_RECORD (element))), id);
    }

  group = bw_command_group_new (_("Paste"));
  for (guint i = 0; i < records->len; i++)
    {
      BwElement *element = g_ptr_array_index (records, i);
      const char *id = g_hash_table_lookup (renamed, bw_record_get_id (BW_RECORD (element)));
      const char * const *assets = bw_element_get_assets (element);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) kept_assets = NULL;
      g_autoptr(BwCommand) add = NULL;

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
        {
          const char *source = g_hash_table_lookup (renamed, bw_element_get_source (element));
          const char *target = g_hash_table_lookup (renamed, bw_element_get_target (element));

          if (source == NULL || target == NULL)
            {
              fail (error, _("$.elements[%u]: the data flow “%s” connects elements that are not on the clipboard."),
                    i, bw_record_get_id (BW_RECORD (element)));
              return NULL;
            }
          g_object_set (element, "source", source, "target", target, NULL);
        }
      for (guint k = 0; assets != NULL && assets[k] != NULL; k++)
        if (bw_project_lookup (project, assets[k]) != NULL)
          g_strv_builder_add (kept, assets[k]);
      kept_assets = g_strv_builder_end (kept);
      if (bw_element_is_node (element) || bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
        g_object_set (element, "assets", kept_assets, "refines", NULL, NULL);
      g_object_set (element, "diagram", diagram_id, NULL);
      shift (element, dx, dy);
      bw_record_set_id (BW_RECORD (element), id);

      add = bw_command_add_new (project, BW_RECORD (element), -1);
      if (!bw_command_apply (add, project, error))
        {
          /* Take back what was added so far. */
          bw_command_revert (BW_COMMAND (group), project);
          return NULL;
        }
      bw_command_group_append (group, add);
      g_strv_builder_add (ids, id);
    }

  /* The group was applied step by step; the stack applies it again. */
  bw_command_revert (BW_COMMAND (group), project);
  if (new_ids != NULL)
    *new_ids = g_strv_builder_end (ids);
  return BW_COMMAND (g_steal_pointer (&group));
}
