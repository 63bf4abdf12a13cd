/* bw-risk-method.c — scales and outcome matrix of the risk assessment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-risk-method.h"

struct _BwRiskMethod
{
  BwRecord parent_instance;

  char *name;
  char **exploitability;
  char **severity;
  GPtrArray *matrix;
  char *acceptance;
};

G_DEFINE_FINAL_TYPE (BwRiskMethod, bw_risk_method, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRiskMethod, name) },
  { "exploitability", BW_FIELD_STRINGS, G_STRUCT_OFFSET (BwRiskMethod, exploitability) },
  { "severity", BW_FIELD_STRINGS, G_STRUCT_OFFSET (BwRiskMethod, severity) },
  { "matrix", BW_FIELD_MATRIX, G_STRUCT_OFFSET (BwRiskMethod, matrix), .values = bw_outcomes },
  { "acceptance", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRiskMethod, acceptance) },
};

static void
bw_risk_method_class_init (BwRiskMethodClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

/* METHOD.md's default: rows exploitability 1→5, columns severity 1→5. */
static const char * const default_matrix[5][6] = {
  { "acceptable", "acceptable", "acceptable", "acceptable", "controlled", NULL },
  { "acceptable", "acceptable", "acceptable", "controlled", "controlled", NULL },
  { "acceptable", "acceptable", "controlled", "controlled", "uncontrolled", NULL },
  { "acceptable", "controlled", "controlled", "uncontrolled", "uncontrolled", NULL },
  { "controlled", "controlled", "uncontrolled", "uncontrolled", "uncontrolled", NULL },
};

static void
bw_risk_method_init (BwRiskMethod *self)
{
  /* Scale labels stay in English in the file: they are data, and a project
   * is shared between people with different languages. */
  self->name = g_strdup ("Exploitability x severity (5x5)");
  self->exploitability = g_strdupv ((char *[]) { "Very low", "Low", "Medium", "High", "Very high", NULL });
  self->severity = g_strdupv ((char *[]) { "Negligible", "Minor", "Serious", "Critical", "Catastrophic", NULL });
  self->matrix = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (self->matrix, g_strdupv ((char **) default_matrix[i]));
  self->acceptance = g_strdup ("Acceptable and controlled risks are accepted; an uncontrolled risk needs further measures or a documented benefit-risk decision.");
}

/* The outcome of a rating, or NULL when a level is missing or off the scale. */
const char *
bw_risk_method_get_outcome (BwRiskMethod *self,
                            int           exploitability,
                            int           severity)
{
  char **row;

  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  if (exploitability < 1 || (guint) exploitability > self->matrix->len || severity < 1)
    return NULL;
  row = g_ptr_array_index (self->matrix, exploitability - 1);
  if ((guint) severity > g_strv_length (row))
    return NULL;
  return row[severity - 1];
}

const char *
bw_risk_method_get_name (BwRiskMethod *self)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  return self->name;
}

const char * const *
bw_risk_method_get_exploitability (BwRiskMethod *self)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  return (const char * const *) self->exploitability;
}

const char * const *
bw_risk_method_get_severity (BwRiskMethod *self)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  return (const char * const *) self->severity;
}

GPtrArray *
bw_risk_method_get_matrix (BwRiskMethod *self)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  return self->matrix;
}

const char *
bw_risk_method_get_acceptance (BwRiskMethod *self)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (self), NULL);

  return self->acceptance;
}
