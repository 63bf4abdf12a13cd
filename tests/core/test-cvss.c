/* test-cvss.c — CVSS v3.1: METHOD.md's known answers, Roundup, ratings, refusals
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-cvss.h"

static double
score_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  BwCvssVector vector;

  g_assert_true (bw_cvss_parse (text, &vector, &error));
  g_assert_no_error (error);
  return bw_cvss_base_score (&vector);
}

/* Every known answer of METHOD.md, and a few from FIRST's examples that
 * exercise PR under a changed scope. */
static void
test_known_answers (void)
{
  static const struct {
    const char *vector;
    double score;
    const char *rating;
  } cases[] = {
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "Critical" },
    { "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 8.1, "High" },
    { "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, "Medium" },
    { "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8, "Low" },
    { "CVSS:3.1/AV:A/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:H", 8.7, "High" },
    { "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:L", 8.3, "High" },
    /* PR:L is 0.68 and PR:H 0.5 under a changed scope. */
    { "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, "Medium" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "Medium" },
    { "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1, "Critical" },
    { "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8, "High" },
    /* No impact: 0.0 whatever the exploitability. */
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "None" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0.0, "None" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double score = score_of (cases[i].vector);

      g_test_message ("%s", cases[i].vector);
      g_assert_cmpfloat_with_epsilon (score, cases[i].score, 1e-9);
      g_assert_cmpstr (bw_cvss_rating_to_string (bw_cvss_rating_for_score (score)), ==, cases[i].rating);
    }
}

static void
test_roundup (void)
{
  g_assert_cmpfloat (bw_cvss_roundup (4.0), ==, 4.0);
  g_assert_cmpfloat (bw_cvss_roundup (4.02), ==, 4.1);
  g_assert_cmpfloat (bw_cvss_roundup (4.05), ==, 4.1);
  g_assert_cmpfloat (bw_cvss_roundup (4.1), ==, 4.1);
  /* Floating-point noise must not round up a whole step. */
  g_assert_cmpfloat (bw_cvss_roundup (4.000000000000001), ==, 4.0);
  g_assert_cmpfloat (bw_cvss_roundup (0.1 + 0.2), ==, 0.3);
  g_assert_cmpfloat (bw_cvss_roundup (0.0), ==, 0.0);
  g_assert_cmpfloat (bw_cvss_roundup (9.99), ==, 10.0);
  g_assert_cmpfloat (bw_cvss_roundup (10.0), ==, 10.0);
}

static void
test_ratings (void)
{
  static const struct {
    double score;
    BwCvssRating rating;
  } cases[] = {
    { 0.0, BW_CVSS_RATING_NONE }, { 0.1, BW_CVSS_RATING_LOW }, { 3.9, BW_CVSS_RATING_LOW },
    { 4.0, BW_CVSS_RATING_MEDIUM }, { 6.9, BW_CVSS_RATING_MEDIUM }, { 7.0, BW_CVSS_RATING_HIGH },
    { 8.9, BW_CVSS_RATING_HIGH }, { 9.0, BW_CVSS_RATING_CRITICAL }, { 10.0, BW_CVSS_RATING_CRITICAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bw_cvss_rating_for_score (cases[i].score), ==, cases[i].rating);
  g_assert_cmpstr (bw_cvss_rating_to_string (BW_CVSS_RATING_MEDIUM), ==, "Medium");
  g_assert_nonnull (bw_cvss_rating_describe (BW_CVSS_RATING_CRITICAL));
}

/* Any order in, the specification's order out. */
static void
test_canonical (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BwCvssVector vector;

  g_assert_true (bw_cvss_parse ("CVSS:3.1/A:L/I:H/C:H/S:C/UI:R/PR:H/AC:L/AV:N", &vector, &error));
  g_assert_no_error (error);
  text = bw_cvss_to_string (&vector);
  g_assert_cmpstr (text, ==, "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:L");
  g_assert_cmpfloat_with_epsilon (bw_cvss_base_score (&vector), 8.3, 1e-9);

  g_assert_cmpstr (bw_cvss_get (&vector, BW_CVSS_PR), ==, "H");
  g_assert_true (bw_cvss_set (&vector, BW_CVSS_PR, "N"));
  g_assert_false (bw_cvss_set (&vector, BW_CVSS_PR, "X"));
  g_assert_cmpstr (bw_cvss_get (&vector, BW_CVSS_PR), ==, "N");
}

/* Every one of the 2,592 base vectors round-trips and scores in range,
 * and the score never falls when one impact rises. */
static void
test_all_vectors (void)
{
  guint n = 1;
  guint counts[BW_CVSS_N_METRICS];

  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    {
      counts[m] = bw_cvss_metric_n_values (m);
      n *= counts[m];
    }
  g_assert_cmpuint (n, ==, 2592);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      BwCvssVector vector;
      BwCvssVector again;
      guint rest = k;
      double score;

      for (int m = 0; m < BW_CVSS_N_METRICS; m++)
        {
          vector.values[m] = rest % counts[m];
          rest /= counts[m];
        }
      text = bw_cvss_to_string (&vector);
      g_assert_true (bw_cvss_parse (text, &again, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (vector.values, sizeof vector.values, again.values, sizeof again.values);
      score = bw_cvss_base_score (&vector);
      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, 10.0);
      /* One decimal exactly. */
      g_assert_cmpfloat_with_epsilon (score * 10.0, (double) (long) (score * 10.0 + 0.5), 1e-6);

      /* Raising C from N to L (indices: H 0, L 1, N 2) never lowers it. */
      if (vector.values[BW_CVSS_C] == 2)
        {
          BwCvssVector higher = vector;

          higher.values[BW_CVSS_C] = 1;
          g_assert_cmpfloat (bw_cvss_base_score (&higher), >=, score);
        }
    }
}

static void
assert_refused (const char *text,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  BwCvssVector vector = { { 7, 7, 7, 7, 7, 7, 7, 7 } };

  g_test_message ("%s", text ? text : "(null)");
  g_assert_false (bw_cvss_parse (text, &vector, &error));
  g_assert_error (error, BW_CVSS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  /* Untouched on failure. */
  g_assert_cmpuint (vector.values[0], ==, 7);
}

static void
test_malformed (void)
{
  assert_refused (NULL, BW_CVSS_ERROR_PREFIX, NULL);
  assert_refused ("", BW_CVSS_ERROR_PREFIX, NULL);
  assert_refused ("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_PREFIX, NULL);
  assert_refused ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_PREFIX, NULL);
  assert_refused ("CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_BAD_VALUE,
                  "AC: “X” is not one of L, H");
  assert_refused ("CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_MISSING, "PR is missing");
  assert_refused ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", BW_CVSS_ERROR_MISSING, "A is missing");
  assert_refused ("CVSS:3.1/", BW_CVSS_ERROR_MISSING, "AV is missing");
  assert_refused ("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_DUPLICATE,
                  "AV is given more than once");
  assert_refused ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P", BW_CVSS_ERROR_UNKNOWN_METRIC, NULL);
  assert_refused ("CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_UNKNOWN_METRIC, NULL);
  assert_refused ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", BW_CVSS_ERROR_SYNTAX,
                  "The vector has an empty part (one “/” too many?)");
  assert_refused ("CVSS:3.1/AV/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_SYNTAX, NULL);
  assert_refused ("CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_SYNTAX, NULL);
  assert_refused ("CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_BAD_VALUE, NULL);
  assert_refused ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H", BW_CVSS_ERROR_BAD_VALUE,
                  "S: “X” is not one of U, C");
  assert_refused ("CVSS:3.1/AV:N /AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_BAD_VALUE, NULL);
  assert_refused ("CVSS:3.1/:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", BW_CVSS_ERROR_SYNTAX, NULL);
}

/* Mutated vectors: each is either a valid vector or refused with a
 * message, never a crash. */
static void
test_garbage (void)
{
  static const char base[] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  static const char alphabet[] = "CVS:3.1/AVNLPHRUCIEX\0\xff ";
  GRand *rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < 20000; i++)
    {
      char text[sizeof base];
      g_autoptr(GError) error = NULL;
      BwCvssVector vector;
      guint n = g_rand_int_range (rand, 1, 4);

      memcpy (text, base, sizeof base);
      for (guint k = 0; k < n; k++)
        text[g_rand_int_range (rand, 0, sizeof base - 1)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (bw_cvss_parse (text, &vector, &error))
        {
          g_autofree char *again = bw_cvss_to_string (&vector);

          g_assert_no_error (error);
          g_assert_true (g_str_has_prefix (again, "CVSS:3.1/AV:"));
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (strlen (error->message), >, 0);
        }
    }
  g_rand_free (rand);
}

/* What a calculator shows: every metric and value named and explained,
 * and guidance that points at real values for every metric. */
static void
test_choices_and_guidance (void)
{
  gboolean guided[BW_CVSS_N_METRICS] = { FALSE };

  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    {
      g_assert_cmpuint (strlen (bw_cvss_metric_abbrev (m)), >, 0);
      g_assert_cmpuint (strlen (bw_cvss_metric_name (m)), >, 0);
      g_assert_cmpuint (strlen (bw_cvss_metric_description (m)), >, 0);
      for (guint v = 0; v < bw_cvss_metric_n_values (m); v++)
        {
          g_assert_cmpuint (strlen (bw_cvss_value_abbrev (m, v)), ==, 1);
          g_assert_cmpuint (strlen (bw_cvss_value_name (m, v)), >, 0);
          g_assert_cmpuint (strlen (bw_cvss_value_description (m, v)), >, 20);
        }
    }
  g_assert_cmpfloat (bw_cvss_value_weight (BW_CVSS_PR, 1, FALSE), ==, 0.62);
  g_assert_cmpfloat (bw_cvss_value_weight (BW_CVSS_PR, 1, TRUE), ==, 0.68);
  g_assert_cmpfloat (bw_cvss_value_weight (BW_CVSS_PR, 2, TRUE), ==, 0.5);

  for (guint i = 0; i < bw_cvss_guidance_get_n (); i++)
    {
      BwCvssMetric metric = bw_cvss_guidance_get_metric (i);
      BwCvssVector vector = { { 0 } };

      guided[metric] = TRUE;
      g_assert_true (bw_cvss_set (&vector, metric, bw_cvss_guidance_get_suggestion (i)));
      g_assert_cmpuint (strlen (bw_cvss_guidance_get_topic (i)), >, 0);
      g_assert_true (g_str_has_suffix (bw_cvss_guidance_get_question (i), "?"));
      g_assert_cmpuint (strlen (bw_cvss_guidance_get_advice (i)), >, 0);
    }
  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    g_assert_true (guided[m]);

  /* The rubric's medical topics are all there. */
  {
    const char *topics[] = { "Patient data", "Diagnosis and monitoring", "Therapy", "Clinical workflow",
                             "System secrets", "Short-range wireless", "Physical access" };

    for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < bw_cvss_guidance_get_n (); i++)
          found |= g_str_equal (bw_cvss_guidance_get_topic (i), topics[t]);
        g_assert_true (found);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cvss/known-answers", test_known_answers);
  g_test_add_func ("/cvss/roundup", test_roundup);
  g_test_add_func ("/cvss/ratings", test_ratings);
  g_test_add_func ("/cvss/canonical", test_canonical);
  g_test_add_func ("/cvss/all-vectors", test_all_vectors);
  g_test_add_func ("/cvss/malformed", test_malformed);
  g_test_add_func ("/cvss/garbage", test_garbage);
  g_test_add_func ("/cvss/choices-and-guidance", test_choices_and_guidance);

  return g_test_run ();
}
