/* bw-number.h — a JSON number that remembers whether it was an integer
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BW_NUMBER_NULL,
  BW_NUMBER_INT,
  BW_NUMBER_DOUBLE,
} BwNumberKind;

/* FORMAT.md writes a number read as an integer as an integer and any other
 * number in its shortest round-trip form; so the kind travels with it. */
typedef struct
{
  BwNumberKind kind;
  union {
    gint64 i;
    double d;
  };
} BwNumber;

#define BW_NUMBER_INIT_NULL ((BwNumber) { .kind = BW_NUMBER_NULL })

BwNumber  bw_number_from_double  (double          value);
BwNumber  bw_number_from_int     (gint64          value);
double    bw_number_get          (const BwNumber *self);
gboolean  bw_number_is_null      (const BwNumber *self);
gboolean  bw_number_equal        (const BwNumber *a,
                                  const BwNumber *b);
void      bw_number_append       (const BwNumber *self,
                                  GString        *out);
void      bw_double_append       (double          value,
                                  GString        *out);

G_END_DECLS
