/* bw-record-io.c — reading and writing records through their field tables
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-project-io.h"
#include "bw-record-io.h"

gsize
bw_path_push_key (GString    *path,
                  const char *key)
{
  gsize mark = path->len;

  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, key);
  return mark;
}

gsize
bw_path_push_index (GString *path,
                    guint    index)
{
  gsize mark = path->len;

  g_string_append_printf (path, "[%u]", index);
  return mark;
}

void
bw_path_pop (GString *path,
             gsize    mark)
{
  g_string_truncate (path, mark);
}

gboolean
bw_read_fail (BwReadContext *ctx,
              const char    *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->path->len > 0)
    g_set_error (ctx->error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_INVALID,
                 "%s: %s", ctx->path->str, what);
  else
    g_set_error_literal (ctx->error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_INVALID, what);
  return FALSE;
}

static gboolean
wrong_type (BwReadContext     *ctx,
            const char        *expected,
            const BwJsonValue *value)
{
  return bw_read_fail (ctx, _("expected %s, found %s (line %u, column %u)"),
                       expected, bw_json_type_describe (value->type), value->line, value->column);
}

static char *
values_list (const char * const *values)
{
  return g_strjoinv (", ", (char **) values);
}

static const char *
read_enum (const BwField     *field,
           const BwJsonValue *value,
           BwReadContext     *ctx)
{
  if (value->type != BW_JSON_STRING)
    {
      wrong_type (ctx, _("a string"), value);
      return NULL;
    }
  for (guint i = 0; field->values[i] != NULL; i++)
    if (strcmp (field->values[i], value->s) == 0)
      return field->values[i];

  {
    g_autofree char *list = values_list (field->values);

    bw_read_fail (ctx, _("“%s” is not one of %s (line %u, column %u)"),
                  value->s, list, value->line, value->column);
  }
  return NULL;
}

static gboolean
read_number (const BwJsonValue *value,
             BwNumber          *out)
{
  if (value->type == BW_JSON_INT)
    *out = bw_number_from_int (value->i);
  else if (value->type == BW_JSON_DOUBLE)
    *out = (BwNumber) { .kind = BW_NUMBER_DOUBLE, .d = value->d };
  else
    return FALSE;
  return TRUE;
}

static char **
read_strv (const BwField     *field,
           const BwJsonValue *value,
           BwReadContext     *ctx)
{
  char **strv;

  if (value->type != BW_JSON_ARRAY)
    {
      wrong_type (ctx, _("an array of strings"), value);
      return NULL;
    }
  strv = g_new (char *, value->n + 1);
  for (guint i = 0; i < value->n; i++)
    {
      const BwJsonValue *item = value->items[i];

      if (item->type != BW_JSON_STRING)
        {
          gsize mark = bw_path_push_index (ctx->path, i);

          wrong_type (ctx, _("a string"), item);
          bw_path_pop (ctx->path, mark);
          strv[i] = NULL;
          g_strfreev (strv);
          return NULL;
        }
      if (field->type == BW_FIELD_ENUMS)
        {
          gsize mark = bw_path_push_index (ctx->path, i);
          const char *e = read_enum (field, item, ctx);

          bw_path_pop (ctx->path, mark);
          if (e == NULL)
            {
              strv[i] = NULL;
              g_strfreev (strv);
              return NULL;
            }
        }
      strv[i] = g_strdup (item->s);
    }
  strv[value->n] = NULL;
  return strv;
}

static gboolean
read_field (BwRecord          *self,
            const BwField     *field,
            const BwJsonValue *value,
            BwReadContext     *ctx)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
      if (value->type != BW_JSON_STRING)
        return wrong_type (ctx, _("a string"), value);
      bw_field_string_free (*(char **) ptr);
      *(char **) ptr = g_strdup (value->s);
      return TRUE;

    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
      g_clear_pointer ((char **) ptr, bw_field_string_free);
      if (value->type == BW_JSON_NULL)
        return TRUE;
      if (value->type != BW_JSON_STRING)
        return wrong_type (ctx, field->type == BW_FIELD_REF ? _("an ID or null") : _("a string or null"), value);
      *(char **) ptr = g_strdup (value->s);
      return TRUE;

    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
      if (field->type == BW_FIELD_NENUM && value->type == BW_JSON_NULL)
        {
          *(const char **) ptr = NULL;
          return TRUE;
        }
      return (*(const char **) ptr = read_enum (field, value, ctx)) != NULL;

    case BW_FIELD_BOOL:
      if (value->type != BW_JSON_TRUE && value->type != BW_JSON_FALSE)
        return wrong_type (ctx, _("true or false"), value);
      *(gboolean *) ptr = value->type == BW_JSON_TRUE;
      return TRUE;

    case BW_FIELD_NBOOL:
      if (value->type == BW_JSON_NULL)
        *(int *) ptr = -1;
      else if (value->type == BW_JSON_TRUE || value->type == BW_JSON_FALSE)
        *(int *) ptr = value->type == BW_JSON_TRUE;
      else
        return wrong_type (ctx, _("true, false or null"), value);
      return TRUE;

    case BW_FIELD_INT:
      if (value->type != BW_JSON_INT)
        return wrong_type (ctx, _("a whole number"), value);
      *(gint64 *) ptr = value->i;
      return TRUE;

    case BW_FIELD_LEVEL:
      if (value->type == BW_JSON_NULL)
        {
          *(int *) ptr = 0;
          return TRUE;
        }
      if (value->type != BW_JSON_INT)
        return wrong_type (ctx, _("a level (a whole number) or null"), value);
      if (value->i < 1 || value->i > 1000)
        return bw_read_fail (ctx, _("%lld is not a level; levels count from 1 (line %u, column %u)"),
                             (long long) value->i, value->line, value->column);
      *(int *) ptr = (int) value->i;
      return TRUE;

    case BW_FIELD_NUMBER:
      if (value->type == BW_JSON_NULL)
        {
          *(BwNumber *) ptr = BW_NUMBER_INIT_NULL;
          return TRUE;
        }
      if (!read_number (value, ptr))
        return wrong_type (ctx, _("a number or null"), value);
      return TRUE;

    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
      {
        char **strv = read_strv (field, value, ctx);

        if (strv == NULL)
          return FALSE;
        bw_field_strv_free (*(char ***) ptr);
        *(char ***) ptr = strv;
        return TRUE;
      }

    case BW_FIELD_INTERACTION:
      {
        char **strv;

        g_clear_pointer ((char ***) ptr, bw_field_strv_free);
        if (value->type == BW_JSON_NULL)
          return TRUE;
        if (value->type != BW_JSON_ARRAY || value->n != 3)
          return bw_read_fail (ctx, _("expected null or an array of three IDs [source, flow, target] (line %u, column %u)"),
                               value->line, value->column);
        strv = read_strv (field, value, ctx);
        if (strv == NULL)
          return FALSE;
        *(char ***) ptr = strv;
        return TRUE;
      }

    case BW_FIELD_BOUNDS:
      {
        BwNumber *b = ptr;

        if (value->type != BW_JSON_ARRAY || value->n != 4)
          return bw_read_fail (ctx, _("expected an array of four numbers [x, y, width, height], found %s (line %u, column %u)"),
                               value->type == BW_JSON_ARRAY ? _("an array of another length") : bw_json_type_describe (value->type),
                               value->line, value->column);
        for (guint i = 0; i < 4; i++)
          if (!read_number (value->items[i], &b[i]))
            {
              gsize mark = bw_path_push_index (ctx->path, i);

              wrong_type (ctx, _("a number"), value->items[i]);
              bw_path_pop (ctx->path, mark);
              return FALSE;
            }
        if (bw_number_get (&b[2]) < 0 || bw_number_get (&b[3]) < 0)
          return bw_read_fail (ctx, _("width and height must not be negative (line %u, column %u)"),
                               value->line, value->column);
        return TRUE;
      }

    case BW_FIELD_POINTS:
      {
        GArray *points = *(GArray **) ptr;

        if (value->type != BW_JSON_ARRAY)
          return wrong_type (ctx, _("an array of [x, y] points"), value);
        g_array_set_size (points, 0);
        for (guint i = 0; i < value->n; i++)
          {
            const BwJsonValue *item = value->items[i];
            BwPoint pt;

            if (item->type != BW_JSON_ARRAY || item->n != 2 ||
                !read_number (item->items[0], &pt.x) || !read_number (item->items[1], &pt.y))
              {
                gsize mark = bw_path_push_index (ctx->path, i);

                bw_read_fail (ctx, _("expected a point [x, y] of two numbers (line %u, column %u)"),
                              item->line, item->column);
                bw_path_pop (ctx->path, mark);
                return FALSE;
              }
            g_array_append_val (points, pt);
          }
        return TRUE;
      }

    case BW_FIELD_PROPERTIES:
      {
        JsonObject *object;

        if (value->type != BW_JSON_OBJECT)
          return wrong_type (ctx, _("an object"), value);
        object = json_object_new ();
        for (guint i = 0; i < value->n; i++)
          {
            const BwJsonValue *item = value->items[i];

            if (item->type == BW_JSON_ARRAY || item->type == BW_JSON_OBJECT || item->type == BW_JSON_NULL)
              {
                gsize mark = bw_path_push_key (ctx->path, value->keys[i]);

                wrong_type (ctx, _("a string, number or boolean"), item);
                bw_path_pop (ctx->path, mark);
                json_object_unref (object);
                return FALSE;
              }
            json_object_set_member (object, value->keys[i], bw_json_value_to_node (item));
          }
        json_object_unref (*(JsonObject **) ptr);
        *(JsonObject **) ptr = object;
        return TRUE;
      }

    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      {
        g_autoptr(BwRecord) child = NULL;

        if (field->type == BW_FIELD_NRECORD && value->type == BW_JSON_NULL)
          {
            g_clear_object ((GObject **) ptr);
            return TRUE;
          }
        if (value->type != BW_JSON_OBJECT)
          return wrong_type (ctx, field->type == BW_FIELD_NRECORD ? _("an object or null") : _("an object"), value);
        child = g_object_new (field->record_type (), NULL);
        if (!bw_record_read (child, value, ctx))
          return FALSE;
        g_clear_object ((GObject **) ptr);
        *(BwRecord **) ptr = g_steal_pointer (&child);
        return TRUE;
      }

    case BW_FIELD_RECORDS:
      {
        GListStore *store = bw_record_get_records (self, field);
        g_autoptr(GPtrArray) items = NULL;

        if (value->type != BW_JSON_ARRAY)
          return wrong_type (ctx, _("an array of objects"), value);
        items = g_ptr_array_new_full (value->n, g_object_unref);
        for (guint i = 0; i < value->n; i++)
          {
            const BwJsonValue *item = value->items[i];
            gsize mark = bw_path_push_index (ctx->path, i);
            BwRecord *child;

            if (item->type != BW_JSON_OBJECT)
              {
                wrong_type (ctx, _("an object"), item);
                return FALSE;
              }
            child = g_object_new (field->record_type (), NULL);
            g_ptr_array_add (items, child);
            if (!bw_record_read (child, item, ctx))
              return FALSE;
            bw_path_pop (ctx->path, mark);
          }
        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                             items->pdata, items->len);
        return TRUE;
      }

    case BW_FIELD_MATRIX:
      {
        GPtrArray *matrix = *(GPtrArray **) ptr;

        if (value->type != BW_JSON_ARRAY)
          return wrong_type (ctx, _("an array of rows"), value);
        g_ptr_array_set_size (matrix, 0);
        for (guint i = 0; i < value->n; i++)
          {
            gsize mark = bw_path_push_index (ctx->path, i);
            BwField row_field = *field;
            char **row;

            row_field.type = BW_FIELD_ENUMS;
            row = read_strv (&row_field, value->items[i], ctx);
            if (row == NULL)
              return FALSE;
            g_ptr_array_add (matrix, row);
            bw_path_pop (ctx->path, mark);
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_id (BwRecord          *self,
          const BwJsonValue *value,
          BwReadContext     *ctx)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);
  const char *id = value->s;
  BwRecord *other;

  if (klass->prefix == NULL)
    return TRUE;

  {
    /* The kind decides the prefix for elements; the class for the rest. */
    const char *prefix = klass->prefix;
    gsize plen;
    const char *digits;

    if (klass->get_kinds != NULL)
      {
        BwKinds kinds = klass->get_kinds (self);

        prefix = (kinds & BW_KINDS_EXTERNAL_ENTITY) ? "EE" :
                 (kinds & BW_KINDS_PROCESS) ? "P" :
                 (kinds & BW_KINDS_DATA_STORE) ? "DS" :
                 (kinds & BW_KINDS_DATA_FLOW) ? "DF" : "TB";
      }
    plen = strlen (prefix);
    digits = id + plen + 1;
    if (strncmp (id, prefix, plen) != 0 || id[plen] != '-' || *digits < '1' || *digits > '9' ||
        strspn (digits, "0123456789") != strlen (digits) || strlen (digits) > 9)
      return bw_read_fail (ctx, _("“%s” is not a valid ID here: it must be “%s-” followed by a number (line %u, column %u)"),
                           id, prefix, value->line, value->column);
  }

  other = g_hash_table_lookup (ctx->ids, id);
  if (other != NULL)
    return bw_read_fail (ctx, _("the ID “%s” is used twice; IDs must be unique in the file (line %u, column %u)"),
                         id, value->line, value->column);
  g_hash_table_insert (ctx->ids, (gpointer) bw_record_get_id (self), self);
  return TRUE;
}

gboolean
bw_record_read (BwRecord          *self,
                const BwJsonValue *object,
                BwReadContext     *ctx)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);
  g_autofree guint8 *known = g_new0 (guint8, object->n);

  g_assert (object->type == BW_JSON_OBJECT);

  /* Members whose value decides which others exist come first ("kind",
   * then a boundary's "shape"), whatever their place in the file. */
  for (guint k = 0; k < 2; k++)
    {
      const char *name = k == 0 ? "kind" : "shape";
      const BwField *field = bw_record_class_find_field (klass, name);
      const BwJsonValue *value;
      gsize mark;

      if (field == NULL || field->type != BW_FIELD_ENUM || !bw_record_has_field (self, field))
        continue;
      value = bw_json_value_get_member (object, name);
      if (value == NULL)
        continue;
      mark = bw_path_push_key (ctx->path, name);
      if (!read_field (self, field, value, ctx))
        return FALSE;
      bw_path_pop (ctx->path, mark);
    }

  for (guint m = 0; m < object->n; m++)
    {
      const char *key = object->keys[m];
      const BwJsonValue *value = object->items[m];
      const BwField *field = NULL;
      gsize mark;

      if (klass->has_id && strcmp (key, "id") == 0)
        {
          mark = bw_path_push_key (ctx->path, key);
          if (value->type != BW_JSON_STRING)
            return wrong_type (ctx, _("a string"), value);
          bw_record_set_id (self, value->s);
          if (!check_id (self, value, ctx))
            return FALSE;
          bw_path_pop (ctx->path, mark);
          known[m] = 1;
          continue;
        }

      field = bw_record_class_find_field (klass, key);
      if (field == NULL || !bw_record_has_field (self, field))
        continue;
      known[m] = 1;
      mark = bw_path_push_key (ctx->path, key);
      if (!read_field (self, field, value, ctx))
        return FALSE;
      bw_path_pop (ctx->path, mark);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];

      if (field->required && bw_record_has_field (self, field) &&
          bw_json_value_get_member (object, field->name) == NULL)
        return bw_read_fail (ctx, _("the member “%s” is missing (line %u, column %u)"),
                             field->name, object->line, object->column);
    }

  if (klass->has_id && bw_record_get_id (self) == NULL)
    return bw_read_fail (ctx, _("the member “id” is missing (line %u, column %u)"), object->line, object->column);

  for (guint m = 0; m < object->n; m++)
    if (!known[m])
      json_object_set_member (bw_record_get_unknown (self), object->keys[m],
                              bw_json_value_to_node (object->items[m]));

  return TRUE;
}

static void write_record (BwRecord     *self,
                          BwJsonWriter *writer,
                          gboolean      sparse);

static void
write_field (BwRecord      *self,
             const BwField *field,
             BwJsonWriter  *writer)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
      bw_json_writer_string (writer, *(const char **) ptr);
      break;
    case BW_FIELD_BOOL:
      bw_json_writer_boolean (writer, *(gboolean *) ptr);
      break;
    case BW_FIELD_NBOOL:
      if (*(int *) ptr < 0)
        bw_json_writer_null (writer);
      else
        bw_json_writer_boolean (writer, *(int *) ptr);
      break;
    case BW_FIELD_INT:
      bw_json_writer_int (writer, *(gint64 *) ptr);
      break;
    case BW_FIELD_LEVEL:
      if (*(int *) ptr == 0)
        bw_json_writer_null (writer);
      else
        bw_json_writer_int (writer, *(int *) ptr);
      break;
    case BW_FIELD_NUMBER:
      bw_json_writer_number (writer, ptr);
      break;
    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
      bw_json_writer_strv (writer, *(const char * const **) ptr);
      break;
    case BW_FIELD_INTERACTION:
      if (*(char ***) ptr == NULL)
        bw_json_writer_null (writer);
      else
        bw_json_writer_strv (writer, *(const char * const **) ptr);
      break;
    case BW_FIELD_BOUNDS:
      bw_json_writer_begin_array (writer);
      for (guint i = 0; i < 4; i++)
        bw_json_writer_number (writer, &((BwNumber *) ptr)[i]);
      bw_json_writer_end_array (writer);
      break;
    case BW_FIELD_POINTS:
      {
        GArray *points = *(GArray **) ptr;

        bw_json_writer_begin_array (writer);
        for (guint i = 0; i < points->len; i++)
          {
            BwPoint *pt = &g_array_index (points, BwPoint, i);

            bw_json_writer_begin_array (writer);
            bw_json_writer_number (writer, &pt->x);
            bw_json_writer_number (writer, &pt->y);
            bw_json_writer_end_array (writer);
          }
        bw_json_writer_end_array (writer);
      }
      break;
    case BW_FIELD_PROPERTIES:
      {
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), *(JsonObject **) ptr);

        bw_json_writer_node (writer, node);
      }
      break;
    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      if (*(BwRecord **) ptr == NULL)
        bw_json_writer_null (writer);
      else
        {
          BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

          write_record (*(BwRecord **) ptr, writer,
                        klass->is_sparse != NULL && klass->is_sparse (self, field));
        }
      break;
    case BW_FIELD_RECORDS:
      {
        GListModel *model = G_LIST_MODEL (bw_record_get_records (self, field));
        guint n = g_list_model_get_n_items (model);

        bw_json_writer_begin_array (writer);
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(BwRecord) child = g_list_model_get_item (model, i);

            bw_record_write (child, writer);
          }
        bw_json_writer_end_array (writer);
      }
      break;
    case BW_FIELD_MATRIX:
      {
        GPtrArray *matrix = *(GPtrArray **) ptr;

        bw_json_writer_begin_array (writer);
        for (guint i = 0; i < matrix->len; i++)
          bw_json_writer_strv (writer, g_ptr_array_index (matrix, i));
        bw_json_writer_end_array (writer);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A member whose value is empty in the sense of FORMAT.md's inner
 * attack-tree attributes: computed, so not written. */
static gboolean
field_is_null (BwRecord      *self,
               const BwField *field)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_NUMBER:
      return bw_number_is_null (ptr);
    case BW_FIELD_NENUM:
    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
      return *(const char **) ptr == NULL;
    default:
      return FALSE;
    }
}

static void
write_record (BwRecord     *self,
              BwJsonWriter *writer,
              gboolean      sparse)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);
  JsonObject *unknown = bw_record_peek_unknown (self);

  bw_json_writer_begin_object (writer);
  if (klass->has_id)
    {
      bw_json_writer_key (writer, "id");
      bw_json_writer_string (writer, bw_record_get_id (self));
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];

      if (!bw_record_has_field (self, field))
        continue;
      if (sparse && field_is_null (self, field))
        continue;
      bw_json_writer_key (writer, field->name);
      write_field (self, field, writer);
    }
  if (unknown != NULL && json_object_get_size (unknown) > 0)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, unknown);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          bw_json_writer_key (writer, name);
          bw_json_writer_node (writer, member);
        }
    }
  bw_json_writer_end_object (writer);
}

void
bw_record_write (BwRecord     *self,
                 BwJsonWriter *writer)
{
  write_record (self, writer, FALSE);
}
