/* bw-json-reader.c — a strict RFC 8259 reader with positions
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Why not JsonParser: json-glib 1.6 keeps the last of two members with the
 * same name without a word, wraps integers that overflow 64 bits, accepts
 * comments, single quotes, hex numbers and trailing garbage, and lets lone
 * surrogates through as invalid UTF-8.  Format 1 must refuse all of these
 * with a path and a position.  This reader is strict, records line and
 * column on every value, and allocates from one arena, which also makes it
 * several times faster than JsonParser on large projects.  Values that the
 * model keeps verbatim (unknown members, properties) are handed on as
 * json-glib JsonNodes.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-json-reader.h"
#include "bw-project-io.h"

#define MAX_DEPTH 256
#define ARENA_BLOCK (256 * 1024)

typedef struct _ArenaBlock ArenaBlock;
struct _ArenaBlock
{
  ArenaBlock *next;
  gsize       used;
  gsize       size;
  char        data[];
};

struct _BwJsonDocument
{
  ArenaBlock  *blocks;
  BwJsonValue *root;
};

typedef struct
{
  BwJsonDocument *doc;
  const char     *start;
  const char     *p;
  const char     *end;
  guint32         line;
  const char     *line_start;
  GPtrArray      *stack;     /* child values of open containers */
  GPtrArray      *keystack;  /* member names of open objects */
  GString        *scratch;
  GArray         *frames;    /* open containers, for the path in messages */
  const char     *col_pos;   /* where col_num was last counted */
  guint32         col_num;
  GError        **error;
  guint           depth;
} Parser;

typedef struct
{
  guint       base;         /* first child on the stack */
  guint       index;        /* arrays: the item being read */
  const char *key;          /* objects: the member being read */
  gboolean    is_object;
} Frame;

static gpointer
arena_alloc (BwJsonDocument *doc,
             gsize           size)
{
  ArenaBlock *b = doc->blocks;
  gpointer ret;

  size = (size + 7) & ~(gsize) 7;
  if (b == NULL || b->used + size > b->size)
    {
      gsize bsize = MAX (ARENA_BLOCK, size);
      ArenaBlock *nb = g_malloc (sizeof (ArenaBlock) + bsize);

      nb->next = doc->blocks;
      nb->used = 0;
      nb->size = bsize;
      doc->blocks = nb;
      b = nb;
    }
  ret = b->data + b->used;
  b->used += size;
  return ret;
}

/* Columns count characters, not bytes, as editors show them.  Values are
 * made in file order, so counting on from the last position keeps this
 * linear: counting from the line start each time would make a long line
 * (a minified file is one line) quadratic. */
static guint32
column_of (Parser     *self,
           const char *at)
{
  if (self->col_pos == NULL || self->col_pos < self->line_start || at < self->col_pos)
    {
      self->col_pos = self->line_start;
      self->col_num = 1;
    }
  self->col_num += (guint32) g_utf8_strlen (self->col_pos, at - self->col_pos);
  self->col_pos = at;
  return self->col_num;
}

G_GNUC_PRINTF (3, 4) static gboolean
fail (Parser     *self,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  /* The position of `at`: recount lines if it lies before the cursor. */
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (at > self->end)
    at = self->end;
  if (at < self->line_start)
    {
      self->line = 1;
      self->line_start = self->start;
      for (const char *q = self->start; q < at; q++)
        if (*q == '\n')
          {
            self->line++;
            self->line_start = q + 1;
          }
    }

  {
    g_autoptr(GString) path = g_string_new (NULL);

    for (guint i = 0; i < self->frames->len; i++)
      {
        Frame *frame = &g_array_index (self->frames, Frame, i);

        if (frame->is_object && frame->key != NULL)
          g_string_append_printf (path, "%s%s", path->len ? "." : "", frame->key);
        else if (!frame->is_object)
          g_string_append_printf (path, "[%u]", frame->index);
      }
    if (path->len > 0)
      g_set_error (self->error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_SYNTAX,
                   _("line %u, column %u: %s (at %s)"),
                   self->line, column_of (self, at), what, path->str);
    else
      g_set_error (self->error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_SYNTAX,
                   _("line %u, column %u: %s"),
                   self->line, column_of (self, at), what);
  }
  return FALSE;
}

static void
skip_ws (Parser *self)
{
  const char *p = self->p;

  while (p < self->end)
    {
      char c = *p;

      if (c == '\n')
        {
          self->line++;
          self->line_start = p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      p++;
    }
  self->p = p;
}

static const char *
describe_at (Parser     *self,
             const char *at)
{
  static char buf[32];

  if (at >= self->end)
    return _("the end of the file");
  if ((guchar) *at < 0x20 || (guchar) *at >= 0x80)
    g_snprintf (buf, sizeof buf, "byte 0x%02x", (guchar) *at);
  else
    g_snprintf (buf, sizeof buf, "“%c”", *at);
  return buf;
}

static BwJsonValue *
new_value (Parser     *self,
           BwJsonType  type,
           const char *at)
{
  BwJsonValue *v = arena_alloc (self->doc, sizeof (BwJsonValue));

  memset (v, 0, sizeof *v);
  v->type = type;
  v->line = self->line;
  v->column = column_of (self, at);
  return v;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int c = p[i];

      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return -1;
    }
  return v;
}

/* Parses a string at self->p (on the opening quote) into the arena. */
static const char *
parse_string (Parser  *self,
              guint32 *out_len)
{
  const char *p = self->p + 1;
  const char *run = p;
  GString *s = self->scratch;
  gboolean simple = TRUE;
  char *ret;

  g_string_truncate (s, 0);
  for (;;)
    {
      guchar c;

      if (p >= self->end)
        {
          fail (self, p, _("the file ends inside a string"));
          return NULL;
        }
      c = (guchar) *p;
      if (c == '"')
        break;
      if (c < 0x20)
        {
          fail (self, p, _("a control character (byte 0x%02x) inside a string must be escaped"), c);
          return NULL;
        }
      if (c == '\\')
        {
          int u;

          simple = FALSE;
          g_string_append_len (s, run, p - run);
          if (p + 1 >= self->end)
            {
              fail (self, p, _("the file ends inside a string"));
              return NULL;
            }
          switch (p[1])
            {
            case '"': g_string_append_c (s, '"'); p += 2; break;
            case '\\': g_string_append_c (s, '\\'); p += 2; break;
            case '/': g_string_append_c (s, '/'); p += 2; break;
            case 'b': g_string_append_c (s, '\b'); p += 2; break;
            case 'f': g_string_append_c (s, '\f'); p += 2; break;
            case 'n': g_string_append_c (s, '\n'); p += 2; break;
            case 'r': g_string_append_c (s, '\r'); p += 2; break;
            case 't': g_string_append_c (s, '\t'); p += 2; break;
            case 'u':
              if (p + 6 > self->end || (u = hex4 (p + 2)) < 0)
                {
                  fail (self, p, _("“\\u” must be followed by four hexadecimal digits"));
                  return NULL;
                }
              p += 6;
              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  int lo;

                  if (p + 6 > self->end || p[0] != '\\' || p[1] != 'u' ||
                      (lo = hex4 (p + 2)) < 0xDC00 || lo > 0xDFFF)
                    {
                      fail (self, p - 6, _("a lone UTF-16 surrogate (\\u%04X) is not a character"), u);
                      return NULL;
                    }
                  u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                  p += 6;
                }
              else if (u >= 0xDC00 && u <= 0xDFFF)
                {
                  fail (self, p - 6, _("a lone UTF-16 surrogate (\\u%04X) is not a character"), u);
                  return NULL;
                }
              else if (u == 0)
                {
                  fail (self, p - 6, _("the NUL character (\\u0000) is not allowed in text"));
                  return NULL;
                }
              g_string_append_unichar (s, u);
              break;
            default:
              fail (self, p, _("“\\%c” is not a valid escape"), p[1]);
              return NULL;
            }
          run = p;
          continue;
        }
      if (c >= 0x80)
        {
          /* Validate one UTF-8 sequence in place. */
          const char *next;
          gunichar ch = g_utf8_get_char_validated (p, self->end - p);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              fail (self, p, _("the text is not valid UTF-8"));
              return NULL;
            }
          next = g_utf8_next_char (p);
          p = next;
          continue;
        }
      p++;
    }

  if (simple)
    {
      gsize len = p - run;

      ret = arena_alloc (self->doc, len + 1);
      memcpy (ret, run, len);
      ret[len] = '\0';
      *out_len = len;
    }
  else
    {
      g_string_append_len (s, run, p - run);
      ret = arena_alloc (self->doc, s->len + 1);
      memcpy (ret, s->str, s->len + 1);
      *out_len = s->len;
    }
  self->p = p + 1;
  return ret;
}

static BwJsonValue *
parse_number (Parser *self)
{
  const char *p = self->p;
  const char *start = p;
  gboolean integral = TRUE;
  char buf[64];
  char *tmp;
  BwJsonValue *v;

  if (p < self->end && *p == '-')
    p++;
  if (p >= self->end || !g_ascii_isdigit (*p))
    {
      fail (self, start, _("expected a value but found %s"), describe_at (self, start));
      return NULL;
    }
  if (*p == '0')
    {
      p++;
      if (p < self->end && g_ascii_isdigit (*p))
        {
          fail (self, start, _("numbers must not have leading zeros"));
          return NULL;
        }
    }
  else
    while (p < self->end && g_ascii_isdigit (*p))
      p++;
  if (p < self->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= self->end || !g_ascii_isdigit (*p))
        {
          fail (self, p, _("a digit must follow the decimal point"));
          return NULL;
        }
      while (p < self->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < self->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < self->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= self->end || !g_ascii_isdigit (*p))
        {
          fail (self, p, _("a digit must follow the exponent"));
          return NULL;
        }
      while (p < self->end && g_ascii_isdigit (*p))
        p++;
    }

  /* The data need not be NUL-terminated: copy the token. */
  if ((gsize) (p - start) < sizeof buf)
    {
      memcpy (buf, start, p - start);
      buf[p - start] = '\0';
      tmp = buf;
    }
  else
    tmp = g_strndup (start, p - start);

  v = new_value (self, BW_JSON_INT, start);
  if (integral)
    {
      errno = 0;
      v->i = g_ascii_strtoll (tmp, NULL, 10);
      if (errno == ERANGE)
        {
          /* Beyond 64 bits: FORMAT.md makes it a double. */
          v->type = BW_JSON_DOUBLE;
          v->d = g_ascii_strtod (tmp, NULL);
        }
    }
  else
    {
      v->type = BW_JSON_DOUBLE;
      v->d = g_ascii_strtod (tmp, NULL);
    }
  if (v->type == BW_JSON_DOUBLE && !isfinite (v->d))
    {
      fail (self, start, _("the number %s is too large to be represented"), tmp);
      if (tmp != buf)
        g_free (tmp);
      return NULL;
    }
  if (tmp != buf)
    g_free (tmp);
  self->p = p;
  return v;
}

static gboolean
match_word (Parser     *self,
            const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (self->end - self->p) >= len && memcmp (self->p, word, len) == 0)
    {
      self->p += len;
      return TRUE;
    }
  return FALSE;
}

static BwJsonValue *parse_value (Parser *self);

static BwJsonValue *
finish_container (Parser      *self,
                  BwJsonValue *v,
                  guint        base)
{
  guint n = self->stack->len - base;

  v->n = n;
  if (n > 0)
    {
      v->items = arena_alloc (self->doc, n * sizeof (gpointer));
      memcpy (v->items, self->stack->pdata + base, n * sizeof (gpointer));
      if (v->type == BW_JSON_OBJECT)
        {
          v->keys = arena_alloc (self->doc, n * sizeof (gpointer));
          memcpy (v->keys, self->keystack->pdata + base, n * sizeof (gpointer));
        }
    }
  g_ptr_array_set_size (self->stack, base);
  if (v->type == BW_JSON_OBJECT)
    g_ptr_array_set_size (self->keystack, base);
  g_array_set_size (self->frames, self->frames->len - 1);
  return v;
}

static BwJsonValue *
parse_array (Parser *self)
{
  BwJsonValue *v = new_value (self, BW_JSON_ARRAY, self->p);
  guint base = self->stack->len;
  Frame frame = { base, 0, NULL, FALSE };

  g_array_append_val (self->frames, frame);
  self->p++;
  skip_ws (self);
  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      return finish_container (self, v, base);
    }
  for (;;)
    {
      BwJsonValue *item = parse_value (self);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (self->stack, item);
      /* Keep the key stack parallel so finish_container can slice both. */
      g_ptr_array_add (self->keystack, NULL);
      g_array_index (self->frames, Frame, self->frames->len - 1).index++;
      skip_ws (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          skip_ws (self);
          continue;
        }
      if (self->p < self->end && *self->p == ']')
        {
          self->p++;
          g_ptr_array_set_size (self->keystack, base);
          return finish_container (self, v, base);
        }
      fail (self, self->p, _("expected “,” or “]” but found %s"), describe_at (self, self->p));
      return NULL;
    }
}

static gboolean
has_key (Parser     *self,
         guint       base,
         const char *key)
{
  for (guint i = base; i < self->keystack->len; i++)
    if (strcmp (self->keystack->pdata[i], key) == 0)
      return TRUE;
  return FALSE;
}

static BwJsonValue *
parse_object (Parser *self)
{
  BwJsonValue *v = new_value (self, BW_JSON_OBJECT, self->p);
  guint base = self->stack->len;
  g_autoptr(GHashTable) seen = NULL;
  Frame frame = { base, 0, NULL, TRUE };

  g_array_append_val (self->frames, frame);
  self->p++;
  skip_ws (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      return finish_container (self, v, base);
    }
  for (;;)
    {
      const char *key_at = self->p;
      const char *key;
      guint32 key_len;
      BwJsonValue *item;

      if (self->p >= self->end || *self->p != '"')
        {
          fail (self, self->p, _("expected a member name in double quotes but found %s"),
                describe_at (self, self->p));
          return NULL;
        }
      key = parse_string (self, &key_len);
      if (key == NULL)
        return NULL;

      /* Duplicate members: json-glib would keep only the last one.  Small
       * objects are scanned; large ones get a set, so a hostile file with
       * many members cannot make this quadratic. */
      if (seen == NULL && self->keystack->len - base > 16)
        {
          seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = base; i < self->keystack->len; i++)
            g_hash_table_add (seen, self->keystack->pdata[i]);
        }
      if (seen != NULL ? g_hash_table_contains (seen, key) : has_key (self, base, key))
        {
          fail (self, key_at, _("the member “%s” appears twice in the same object"), key);
          return NULL;
        }
      if (seen != NULL)
        g_hash_table_add (seen, (gpointer) key);

      g_array_index (self->frames, Frame, self->frames->len - 1).key = key;
      skip_ws (self);
      if (self->p >= self->end || *self->p != ':')
        {
          fail (self, self->p, _("expected “:” after the member name “%s” but found %s"),
                key, describe_at (self, self->p));
          return NULL;
        }
      self->p++;
      skip_ws (self);
      item = parse_value (self);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (self->stack, item);
      g_ptr_array_add (self->keystack, (gpointer) key);
      skip_ws (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          skip_ws (self);
          continue;
        }
      if (self->p < self->end && *self->p == '}')
        {
          self->p++;
          return finish_container (self, v, base);
        }
      fail (self, self->p, _("expected “,” or “}” but found %s"), describe_at (self, self->p));
      return NULL;
    }
}

static BwJsonValue *
parse_value (Parser *self)
{
  BwJsonValue *v;
  const char *at = self->p;

  if (at >= self->end)
    {
      fail (self, at, _("the file ends where a value was expected"));
      return NULL;
    }

  switch (*at)
    {
    case '{':
    case '[':
      if (++self->depth > MAX_DEPTH)
        {
          fail (self, at, _("values are nested more than %d levels deep"), MAX_DEPTH);
          return NULL;
        }
      v = *at == '{' ? parse_object (self) : parse_array (self);
      self->depth--;
      return v;

    case '"':
      {
        guint32 len = 0;
        const char *s;

        v = new_value (self, BW_JSON_STRING, at);
        s = parse_string (self, &len);
        if (s == NULL)
          return NULL;
        v->s = s;
        v->n = len;
        return v;
      }

    case 't':
      if (match_word (self, "true"))
        return new_value (self, BW_JSON_TRUE, at);
      break;

    case 'f':
      if (match_word (self, "false"))
        return new_value (self, BW_JSON_FALSE, at);
      break;

    case 'n':
      if (match_word (self, "null"))
        return new_value (self, BW_JSON_NULL, at);
      break;

    default:
      if (*at == '-' || g_ascii_isdigit (*at))
        return parse_number (self);
      break;
    }

  fail (self, at, _("expected a value but found %s"), describe_at (self, at));
  return NULL;
}

BwJsonDocument *
bw_json_document_parse (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(BwJsonDocument) doc = g_new0 (BwJsonDocument, 1);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) keystack = g_ptr_array_new ();
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  Parser self = {
    .frames = frames,
    .doc = doc,
    .start = data,
    .p = data,
    .end = data + length,
    .line = 1,
    .line_start = data,
    .stack = stack,
    .keystack = keystack,
    .scratch = scratch,
    .error = error,
  };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Tolerate the byte-order mark some Windows editors write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self.p = self.line_start = data + 3;

  skip_ws (&self);
  if (self.p >= self.end)
    {
      fail (&self, self.p, _("the file is empty"));
      return NULL;
    }
  doc->root = parse_value (&self);
  if (doc->root == NULL)
    return NULL;
  skip_ws (&self);
  if (self.p < self.end)
    {
      fail (&self, self.p, _("unexpected %s after the end of the JSON value"),
            describe_at (&self, self.p));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const BwJsonValue *
bw_json_document_get_root (BwJsonDocument *self)
{
  return self->root;
}

void
bw_json_document_free (BwJsonDocument *self)
{
  ArenaBlock *b;

  if (self == NULL)
    return;
  b = self->blocks;
  while (b != NULL)
    {
      ArenaBlock *next = b->next;

      g_free (b);
      b = next;
    }
  g_free (self);
}

const BwJsonValue *
bw_json_value_get_member (const BwJsonValue *object,
                          const char        *name)
{
  if (object == NULL || object->type != BW_JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->n; i++)
    if (strcmp (object->keys[i], name) == 0)
      return object->items[i];
  return NULL;
}

const char *
bw_json_type_describe (BwJsonType type)
{
  switch (type)
    {
    case BW_JSON_NULL: return _("null");
    case BW_JSON_FALSE:
    case BW_JSON_TRUE: return _("a boolean");
    case BW_JSON_INT:
    case BW_JSON_DOUBLE: return _("a number");
    case BW_JSON_STRING: return _("a string");
    case BW_JSON_ARRAY: return _("an array");
    case BW_JSON_OBJECT: return _("an object");
    default: return "?";
    }
}

JsonNode *
bw_json_value_to_node (const BwJsonValue *value)
{
  JsonNode *node;

  switch (value->type)
    {
    case BW_JSON_NULL:
      return json_node_init_null (json_node_alloc ());
    case BW_JSON_FALSE:
    case BW_JSON_TRUE:
      return json_node_init_boolean (json_node_alloc (), value->type == BW_JSON_TRUE);
    case BW_JSON_INT:
      return json_node_init_int (json_node_alloc (), value->i);
    case BW_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->d);
    case BW_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->s);
    case BW_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->n);

        for (guint i = 0; i < value->n; i++)
          json_array_add_element (array, bw_json_value_to_node (value->items[i]));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case BW_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->n; i++)
          json_object_set_member (object, value->keys[i], bw_json_value_to_node (value->items[i]));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    default:
      g_assert_not_reached ();
    }
}
