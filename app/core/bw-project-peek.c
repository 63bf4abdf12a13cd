/* bw-project-peek.c — what a project file is about, without loading it
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-project-peek.h"

#define PEEK_SIZE (64 * 1024)

typedef struct
{
  const char *p;
  const char *end;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static gboolean
expect (Scanner    *s,
        const char *text)
{
  gsize n = strlen (text);

  skip_space (s);
  if ((gsize) (s->end - s->p) < n || memcmp (s->p, text, n) != 0)
    return FALSE;
  s->p += n;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar value = 0;

  if (s->end - s->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (s->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  s->p += 4;
  *out = value;
  return TRUE;
}

/* A JSON string at the scanner, its quotes included; NULL when it is not
 * one or runs past what was read. */
static char *
read_string (Scanner *s)
{
  g_autoptr(GString) out = g_string_new (NULL);

  skip_space (s);
  if (s->p >= s->end || *s->p != '"')
    return NULL;
  s->p++;

  while (s->p < s->end)
    {
      char c = *s->p++;

      if (c == '"')
        return g_string_free (g_steal_pointer (&out), FALSE);
      if ((guchar) c < 0x20)
        return NULL;
      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      if (s->p >= s->end)
        return NULL;
      switch ((c = *s->p++))
        {
        case '"': case '\\': case '/': g_string_append_c (out, c); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar ch;

            if (!read_hex4 (s, &ch))
              return NULL;
            /* A surrogate pair is one character. */
            if (ch >= 0xD800 && ch < 0xDC00)
              {
                gunichar low;

                if (!expect (s, "\\u") || !read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            if (!g_unichar_validate (ch) || ch == 0)
              return NULL;
            g_string_append_unichar (out, ch);
          }
          break;
        default:
          return NULL;
        }
    }

  return NULL;
}

char *
bw_project_peek_title_from_data (const char *data,
                                 gsize       length)
{
  Scanner s = { data, data + length };
  const char *model;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    return NULL;

  /* The first "model" member: in the canonical text it follows "format"
   * and "generator", both plain strings and numbers, so the first match is
   * the top-level one. */
  if ((model = g_strstr_len (data, length, "\"model\"")) == NULL)
    return NULL;
  s.p = model + strlen ("\"model\"");
  if (!expect (&s, ":") || !expect (&s, "{") || !expect (&s, "\"title\"") || !expect (&s, ":"))
    return NULL;
  if ((title = read_string (&s)) == NULL || !g_utf8_validate (title, -1, NULL))
    return NULL;
  g_strstrip (title);
  if (*title == '\0')
    return NULL;

  return g_steal_pointer (&title);
}

char *
bw_project_peek_title (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;

  buffer = g_malloc (PEEK_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, PEEK_SIZE, &length,
                                cancellable, error))
    return NULL;

  return bw_project_peek_title_from_data (buffer, length);
}
