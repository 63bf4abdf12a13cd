/* bw-number.c — a JSON number that remembers whether it was an integer
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-number.h"

/* Values set by the program (a drag, a typed field) are written as
 * integers when they are whole and exactly representable, so a shape moved
 * on the grid stays "120" rather than becoming "120.0". */
BwNumber
bw_number_from_double (double value)
{
  if (isfinite (value) && value == floor (value) && fabs (value) < 9007199254740992.0 &&
      !(value == 0 && signbit (value)))
    return (BwNumber) { .kind = BW_NUMBER_INT, .i = (gint64) value };
  return (BwNumber) { .kind = BW_NUMBER_DOUBLE, .d = value };
}

BwNumber
bw_number_from_int (gint64 value)
{
  return (BwNumber) { .kind = BW_NUMBER_INT, .i = value };
}

double
bw_number_get (const BwNumber *self)
{
  switch (self->kind)
    {
    case BW_NUMBER_INT: return (double) self->i;
    case BW_NUMBER_DOUBLE: return self->d;
    case BW_NUMBER_NULL:
    default: return NAN;
    }
}

gboolean
bw_number_is_null (const BwNumber *self)
{
  return self->kind == BW_NUMBER_NULL;
}

gboolean
bw_number_equal (const BwNumber *a,
                 const BwNumber *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case BW_NUMBER_INT: return a->i == b->i;
    case BW_NUMBER_DOUBLE: return memcmp (&a->d, &b->d, sizeof (double)) == 0;
    case BW_NUMBER_NULL:
    default: return TRUE;
    }
}

/* FORMAT.md: the shortest %.{N}g (N = 1…17) that reads back to the same
 * double, with ".0" appended when it has neither "." nor an exponent. */
void
bw_double_append (double   value,
                  GString *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  for (int n = 1; n <= 17; n++)
    {
      g_ascii_formatd (buf, sizeof buf, n == 17 ? "%.17g" : (const char *[]) {
                         "", "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g",
                         "%.9g", "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g"
                       }[n], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".e") == NULL)
    g_string_append (out, ".0");
}

void
bw_number_append (const BwNumber *self,
                  GString        *out)
{
  switch (self->kind)
    {
    case BW_NUMBER_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, self->i);
      break;
    case BW_NUMBER_DOUBLE:
      bw_double_append (self->d, out);
      break;
    case BW_NUMBER_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}
