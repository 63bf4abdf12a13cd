/* bw-cli-vulns.c — bulwark-cli vulns: list (and import) the components' known vulnerabilities
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-cvss.h"
#include "bw-vuln-import.h"

#include "bw-cli.h"

enum
{
  COL_COMPONENT_ID,
  COL_COMPONENT,
  COL_VERSION,
  COL_VULNERABILITY,
  COL_SCORE,
  COL_RATING,
  COL_VECTOR,
  COL_KEV,
  COL_STATUS,
  COL_JUSTIFICATION,
  N_COLS
};

static const char * const csv_header[N_COLS] = {
  "component_id", "component", "version", "vulnerability", "cvss_score", "cvss_rating",
  "cvss_vector", "kev", "status", "justification",
};

/* RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

/* One row per vulnerability of every component, in the project's order. */
static GPtrArray *
collect_rows (BwProject *project)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GListModel *components = bw_project_get_components (project);

  for (guint i = 0; i < g_list_model_get_n_items (components); i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      GListModel *vulns = bw_component_get_vulnerabilities (component);

      for (guint j = 0; j < g_list_model_get_n_items (vulns); j++)
        {
          g_autoptr(BwVulnerability) v = g_list_model_get_item (vulns, j);
          const char *vector = bw_vulnerability_get_cvss (v);
          char **row = g_new0 (char *, N_COLS + 1);
          BwCvssVector parsed;

          row[COL_COMPONENT_ID] = g_strdup (bw_record_get_id (BW_RECORD (component)));
          row[COL_COMPONENT] = g_strdup (bw_component_get_name (component));
          row[COL_VERSION] = g_strdup (bw_component_get_version (component));
          row[COL_VULNERABILITY] = g_strdup (bw_record_get_id (BW_RECORD (v)));
          row[COL_VECTOR] = g_strdup (vector ? vector : "");
          if (vector != NULL && bw_cvss_parse (vector, &parsed, NULL))
            {
              double score = bw_cvss_base_score (&parsed);
              char buffer[G_ASCII_DTOSTR_BUF_SIZE];

              row[COL_SCORE] = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", score));
              row[COL_RATING] = g_strdup (bw_cvss_rating_to_string (bw_cvss_rating_for_score (score)));
            }
          else
            {
              row[COL_SCORE] = g_strdup ("");
              row[COL_RATING] = g_strdup ("");
            }
          row[COL_KEV] = g_strdup (bw_vulnerability_get_kev (v) ? "yes" : "no");
          row[COL_STATUS] = g_strdup (bw_vulnerability_get_status (v));
          row[COL_JUSTIFICATION] = g_strdup (bw_vulnerability_get_justification (v));
          g_ptr_array_add (rows, row);
        }
    }
  return rows;
}

static void
print_csv (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < N_COLS; c++)
    append_csv_field (out, csv_header[c], c == N_COLS - 1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < N_COLS; c++)
        append_csv_field (out, row[c], c == N_COLS - 1);
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_text (GPtrArray *rows)
{
  /* The vector is for CSV; the table shows score and rating. */
  static const guint shown[] = { COL_COMPONENT_ID, COL_COMPONENT, COL_VERSION, COL_VULNERABILITY,
                                 COL_SCORE, COL_RATING, COL_KEV, COL_STATUS, COL_JUSTIFICATION };
  const char *titles[N_COLS] = { NULL };
  gsize widths[N_COLS] = { 0 };

  titles[COL_COMPONENT_ID] = _("ID");
  titles[COL_COMPONENT] = _("COMPONENT");
  titles[COL_VERSION] = _("VERSION");
  titles[COL_VULNERABILITY] = _("VULNERABILITY");
  titles[COL_SCORE] = _("CVSS");
  titles[COL_RATING] = _("RATING");
  titles[COL_KEV] = _("KEV");
  titles[COL_STATUS] = _("STATUS");
  titles[COL_JUSTIFICATION] = _("JUSTIFICATION");

  if (rows->len == 0)
    {
      g_print (_("No known vulnerabilities are recorded.\n"));
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
    {
      guint c = shown[k];

      widths[c] = g_utf8_strlen (titles[c], -1);
      for (guint r = 0; r < rows->len; r++)
        widths[c] = MAX (widths[c], (gsize) g_utf8_strlen (((char **) rows->pdata[r])[c], -1));
    }
  for (guint r = 0; r <= rows->len; r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
        {
          guint c = shown[k];
          const char *value = r == 0 ? titles[c] : ((char **) rows->pdata[r - 1])[c];
          gboolean last = k == G_N_ELEMENTS (shown) - 1;

          /* Line breaks in a justification would break the table. */
          for (const char *p = value; *p != '\0'; p++)
            g_string_append_c (line, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
          if (!last)
            for (gsize pad = g_utf8_strlen (value, -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

static void
print_import (const char   *path,
              BwVulnReport *report)
{
  guint added = 0;
  guint updated = 0;

  for (guint i = 0; i < report->changes->len; i++)
    {
      BwVulnChange *change = report->changes->pdata[i];

      if (change->added)
        added++;
      else
        updated++;
    }
  g_printerr (_("%s (%s): %u read, %u added, %u updated\n"),
              path, bw_vuln_source_get_name (report->source), report->n_read, added, updated);
  for (guint i = 0; i < report->unmatched->len; i++)
    g_printerr (_("%s: no component for %s\n"), path, (const char *) report->unmatched->pdata[i]);
}

static int
usage (void)
{
  g_printerr (_("Usage: bulwark-cli vulns FILE [--csv] [--import OSV_OR_VEX_OR_KEV]… [--dry-run]\n"
                "Lists every component's known vulnerabilities: component, version, ID, CVSS score\n"
                "and rating, KEV, status and justification; --csv writes CSV (RFC 4180).\n"
                "--import reads an OSV record or list, osv-scanner output, a CycloneDX VEX or the\n"
                "CISA KEV catalogue first, in the order given, and writes FILE back (canonical form)\n"
                "unless --dry-run is given.  Offline files only.\n"));
  return 2;
}

int
bw_cli_vulns (int    argc,
              char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GPtrArray) imports = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *input = NULL;
  gboolean csv = FALSE;
  gboolean dry_run = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--csv"))
        csv = TRUE;
      else if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (g_str_equal (argv[i], "--import") && i + 1 < argc)
        g_ptr_array_add (imports, argv[++i]);
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return usage ();
      else if (input == NULL)
        input = argv[i];
      else
        return usage ();
    }
  if (input == NULL)
    return usage ();

  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  for (guint i = 0; i < imports->len; i++)
    {
      const char *path = imports->pdata[i];
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(BwVulnReport) report = NULL;

      if (!bw_vuln_import_file (project, file, dry_run ? BW_VULN_IMPORT_DRY_RUN : BW_VULN_IMPORT_NONE,
                                &report, NULL, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      print_import (path, report);
    }
  if (imports->len > 0 && !dry_run)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);

      if (!bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  rows = collect_rows (project);
  if (csv)
    print_csv (rows);
  else
    print_text (rows);
  return 0;
}
