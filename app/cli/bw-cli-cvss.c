/* bw-cli-cvss.c — `bulwark-cli cvss`: score a CVSS v3.1 base vector
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-cvss.h"

#include "bw-cli.h"

static void
print_guidance (void)
{
  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    {
      g_print ("%s — %s: %s\n", bw_cvss_metric_abbrev (m), bw_cvss_metric_name (m),
               bw_cvss_metric_description (m));
      for (guint v = 0; v < bw_cvss_metric_n_values (m); v++)
        g_print ("  %s %s: %s\n", bw_cvss_value_abbrev (m, v), bw_cvss_value_name (m, v),
                 bw_cvss_value_description (m, v));
      for (guint i = 0; i < bw_cvss_guidance_get_n (); i++)
        if (bw_cvss_guidance_get_metric (i) == (BwCvssMetric) m)
          g_print ("  ? %s — %s (%s:%s) %s\n", bw_cvss_guidance_get_topic (i),
                   bw_cvss_guidance_get_question (i), bw_cvss_metric_abbrev (m),
                   bw_cvss_guidance_get_suggestion (i), bw_cvss_guidance_get_advice (i));
      g_print ("\n");
    }
}

int
bw_cli_cvss (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  BwCvssVector vector;
  double score;

  if (argc == 2 && g_str_equal (argv[1], "--guidance"))
    {
      print_guidance ();
      return 0;
    }
  if (argc != 2 || argv[1][0] == '-')
    {
      g_printerr (_("Usage: bulwark-cli cvss VECTOR\n"
                    "       bulwark-cli cvss --guidance\n"
                    "Prints the CVSS v3.1 base score, its rating and the normalized vector,\n"
                    "e.g. bulwark-cli cvss CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H\n"
                    "With --guidance, explains every metric with questions for medical devices.\n"));
      return 2;
    }
  if (!bw_cvss_parse (argv[1], &vector, &error))
    {
      g_printerr (_("Invalid CVSS vector “%s”: %s\n"), argv[1], error->message);
      return 1;
    }
  score = bw_cvss_base_score (&vector);
  normalized = bw_cvss_to_string (&vector);
  /* Machine-read lines: the number with a dot whatever the locale, the
   * specification's English rating. */
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_print ("score: %s\n", g_ascii_formatd (buf, sizeof buf, "%.1f", score));
  }
  g_print ("rating: %s\n", bw_cvss_rating_to_string (bw_cvss_rating_for_score (score)));
  g_print ("vector: %s\n", normalized);
  return 0;
}
