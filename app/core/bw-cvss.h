/* bw-cvss.h — CVSS v3.1 base metrics: parse, score, write, explain
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Exactly FIRST's CVSS v3.1 specification (section 7 and appendix A), as
 * METHOD.md restates it.  Only the eight base metrics are supported: a
 * project stores base vectors (FORMAT.md, risk.cvss and vulnerability.cvss).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BW_CVSS_ERROR (bw_cvss_error_quark ())

typedef enum
{
  BW_CVSS_ERROR_PREFIX,         /* does not begin with "CVSS:3.1/" */
  BW_CVSS_ERROR_SYNTAX,         /* a part is not "METRIC:VALUE" */
  BW_CVSS_ERROR_UNKNOWN_METRIC, /* not one of the eight base metrics */
  BW_CVSS_ERROR_BAD_VALUE,      /* a value the metric does not have */
  BW_CVSS_ERROR_DUPLICATE,      /* a metric given twice */
  BW_CVSS_ERROR_MISSING,        /* a base metric not given */
} BwCvssError;

typedef enum
{
  BW_CVSS_AV,   /* Attack Vector */
  BW_CVSS_AC,   /* Attack Complexity */
  BW_CVSS_PR,   /* Privileges Required */
  BW_CVSS_UI,   /* User Interaction */
  BW_CVSS_S,    /* Scope */
  BW_CVSS_C,    /* Confidentiality impact */
  BW_CVSS_I,    /* Integrity impact */
  BW_CVSS_A,    /* Availability impact */
  BW_CVSS_N_METRICS,
} BwCvssMetric;

typedef enum
{
  BW_CVSS_RATING_NONE,      /* 0.0 */
  BW_CVSS_RATING_LOW,       /* 0.1–3.9 */
  BW_CVSS_RATING_MEDIUM,    /* 4.0–6.9 */
  BW_CVSS_RATING_HIGH,      /* 7.0–8.9 */
  BW_CVSS_RATING_CRITICAL,  /* 9.0–10.0 */
} BwCvssRating;

/* A base vector: for each metric, the index of its value in the order of
 * bw_cvss_value_abbrev() (AV: N A L P; AC: L H; PR: N L H; UI: N R;
 * S: U C; C, I, A: H L N). */
typedef struct
{
  guint8 values[BW_CVSS_N_METRICS];
} BwCvssVector;

GQuark        bw_cvss_error_quark        (void);

gboolean      bw_cvss_parse              (const char          *text,
                                          BwCvssVector        *vector,
                                          GError             **error);
char         *bw_cvss_to_string          (const BwCvssVector  *vector);
double        bw_cvss_base_score         (const BwCvssVector  *vector);
double        bw_cvss_roundup            (double               value);
BwCvssRating  bw_cvss_rating_for_score   (double               score);
const char   *bw_cvss_rating_to_string   (BwCvssRating         rating);
const char   *bw_cvss_rating_describe    (BwCvssRating         rating);
gboolean      bw_cvss_set                (BwCvssVector        *vector,
                                          BwCvssMetric         metric,
                                          const char          *value);
const char   *bw_cvss_get                (const BwCvssVector  *vector,
                                          BwCvssMetric         metric);

/* The metrics as choices, for a calculator.  Abbreviations are those of
 * the vector string; names and descriptions are translated. */
const char   *bw_cvss_metric_abbrev      (BwCvssMetric         metric);
const char   *bw_cvss_metric_name        (BwCvssMetric         metric);
const char   *bw_cvss_metric_description (BwCvssMetric         metric);
guint         bw_cvss_metric_n_values    (BwCvssMetric         metric);
const char   *bw_cvss_value_abbrev       (BwCvssMetric         metric,
                                          guint                index);
const char   *bw_cvss_value_name         (BwCvssMetric         metric,
                                          guint                index);
const char   *bw_cvss_value_description  (BwCvssMetric         metric,
                                          guint                index);
double        bw_cvss_value_weight       (BwCvssMetric         metric,
                                          guint                index,
                                          gboolean             scope_changed);

/* Guidance for medical devices, in the spirit of MITRE's "Rubric for
 * Applying CVSS to Medical Devices": questions about the device, grouped by
 * metric, each with the value a "yes" points to.  Translated text. */
guint         bw_cvss_guidance_get_n     (void);
BwCvssMetric  bw_cvss_guidance_get_metric (guint               index);
const char   *bw_cvss_guidance_get_topic (guint                index);
const char   *bw_cvss_guidance_get_question (guint             index);
const char   *bw_cvss_guidance_get_suggestion (guint           index);
const char   *bw_cvss_guidance_get_advice (guint               index);

G_END_DECLS
