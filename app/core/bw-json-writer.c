/* bw-json-writer.c — the canonical text of FORMAT.md
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-json-writer.h"

void
bw_json_writer_init (BwJsonWriter *self,
                     GString      *out)
{
  self->out = out;
  self->depth = 0;
  self->count[0] = 0;
  self->after_key = FALSE;
}

static void
newline_indent (BwJsonWriter *self,
                guint         level)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append_len (self->out, "  ", 2);
}

/* Called before every value and every key. */
static void
before_item (BwJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->depth == 0)
    return;
  if (self->count[self->depth] > 0)
    g_string_append_c (self->out, ',');
  self->count[self->depth]++;
  newline_indent (self, self->depth);
}

static void
begin (BwJsonWriter *self,
       char          c)
{
  before_item (self);
  g_string_append_c (self->out, c);
  g_assert (self->depth + 1 < BW_JSON_WRITER_MAX_DEPTH);
  self->depth++;
  self->count[self->depth] = 0;
}

static void
end (BwJsonWriter *self,
     char          c)
{
  guint n = self->count[self->depth];

  g_assert (self->depth > 0);
  self->depth--;
  if (n > 0)
    newline_indent (self, self->depth);
  g_string_append_c (self->out, c);
  if (self->depth == 0)
    g_string_append_c (self->out, '\n');
}

void
bw_json_writer_begin_object (BwJsonWriter *self)
{
  begin (self, '{');
}

void
bw_json_writer_end_object (BwJsonWriter *self)
{
  end (self, '}');
}

void
bw_json_writer_begin_array (BwJsonWriter *self)
{
  begin (self, '[');
}

void
bw_json_writer_end_array (BwJsonWriter *self)
{
  end (self, ']');
}

void
bw_json_append_string (GString    *out,
                       const char *value)
{
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');
  for (p = value; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *esc = NULL;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default: break;
        }
      if (esc != NULL)
        g_string_append (out, esc);
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
bw_json_writer_key (BwJsonWriter *self,
                    const char   *name)
{
  before_item (self);
  bw_json_append_string (self->out, name);
  g_string_append_len (self->out, ": ", 2);
  self->after_key = TRUE;
}

void
bw_json_writer_string (BwJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      bw_json_writer_null (self);
      return;
    }
  before_item (self);
  bw_json_append_string (self->out, value);
}

void
bw_json_writer_null (BwJsonWriter *self)
{
  before_item (self);
  g_string_append_len (self->out, "null", 4);
}

void
bw_json_writer_boolean (BwJsonWriter *self,
                        gboolean      value)
{
  before_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
bw_json_writer_int (BwJsonWriter *self,
                    gint64        value)
{
  before_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
bw_json_writer_number (BwJsonWriter   *self,
                       const BwNumber *value)
{
  before_item (self);
  bw_number_append (value, self->out);
}

void
bw_json_writer_strv (BwJsonWriter       *self,
                     const char * const *values)
{
  bw_json_writer_begin_array (self);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    bw_json_writer_string (self, values[i]);
  bw_json_writer_end_array (self);
}

void
bw_json_writer_node (BwJsonWriter *self,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      bw_json_writer_null (self);
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          bw_json_writer_int (self, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          {
            BwNumber n = { .kind = BW_NUMBER_DOUBLE, .d = json_node_get_double (node) };
            bw_json_writer_number (self, &n);
          }
        else if (type == G_TYPE_BOOLEAN)
          bw_json_writer_boolean (self, json_node_get_boolean (node));
        else
          bw_json_writer_string (self, json_node_get_string (node));
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        bw_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          bw_json_writer_node (self, json_array_get_element (array, i));
        bw_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        bw_json_writer_begin_object (self);
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            bw_json_writer_key (self, name);
            bw_json_writer_node (self, member);
          }
        bw_json_writer_end_object (self);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}
