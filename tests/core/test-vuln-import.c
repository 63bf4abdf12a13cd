/* test-vuln-import.c — OSV, osv-scanner, CycloneDX VEX and KEV imports
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-stack.h"
#include "bw-cvss.h"
#include "bw-sbom.h"
#include "bw-test-utils.h"
#include "bw-vuln-import.h"

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* The example with the components of cyclonedx-1.5.json: C-1 mbedTLS
 * 3.6.2, C-2 FreeRTOS, C-3 lwIP, C-4 zlib 1.3.1, C-5 tinycbor (no purl),
 * C-6 cryptography 41.0.3 (PyPI). */
static BwProject *
project_with_components (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", "cyclonedx-1.5.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwSbom) sbom = bw_sbom_load_file (file, NULL, &error);
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (bw_sbom_import (project, sbom, BW_SBOM_MERGE_NONE, NULL, &error));
  g_assert_no_error (error);
  /* A fresh history, so undo tests start from here. */
  text = bw_test_to_string (project);
  return bw_test_load_string (text);
}

static BwVulnReport *
import_ok (BwProject  *project,
           const char *name)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  g_autoptr(GError) error = NULL;
  BwVulnReport *report = NULL;

  g_assert_true (bw_vuln_import (project, bytes, name, BW_VULN_IMPORT_NONE, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static BwVulnerability *
vuln (BwProject  *project,
      const char *component_id,
      const char *id)
{
  BwComponent *component = BW_COMPONENT (bw_project_lookup (project, component_id));
  GListModel *list = bw_component_get_vulnerabilities (component);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BwVulnerability) v = g_list_model_get_item (list, i);

      if (g_str_equal (bw_record_get_id (BW_RECORD (v)), id))
        return v;
    }
  return NULL;
}

static guint
n_vulns (BwProject  *project,
         const char *component_id)
{
  return g_list_model_get_n_items (bw_component_get_vulnerabilities (BW_COMPONENT (bw_project_lookup (project, component_id))));
}

static gboolean
has_unmatched (BwVulnReport *report,
               const char   *what)
{
  return g_ptr_array_find_with_equal_func (report->unmatched, what, g_str_equal, NULL);
}

static void
test_normalize_cvss (void)
{
  g_autofree char *v31 = bw_vuln_normalize_cvss ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  g_autofree char *v30 = bw_vuln_normalize_cvss ("CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N/E:F/RL:O/CR:H");
  g_autofree char *bare = bw_vuln_normalize_cvss ("AV:A/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:N");

  g_assert_cmpstr (v31, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  g_assert_cmpstr (v30, ==, "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N");
  g_assert_cmpstr (bare, ==, "CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:N");
  g_assert_null (bw_vuln_normalize_cvss ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N"));
  g_assert_null (bw_vuln_normalize_cvss ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"));
  g_assert_null (bw_vuln_normalize_cvss ("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
  g_assert_null (bw_vuln_normalize_cvss ("garbage"));
  g_assert_null (bw_vuln_normalize_cvss (""));
}

static void
test_osv_single (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(BwVulnReport) report = import_ok (project, "osv-single.json");
  g_auto(GStrv) aliases = NULL;
  BwVulnerability *v;

  g_assert_cmpint (report->source, ==, BW_VULN_SOURCE_OSV);
  g_assert_cmpuint (report->n_read, ==, 1);
  /* zlib by its listed version, mbedTLS 3.6.2 inside [3.0.0, 3.6.3);
   * lwIP only by a git range, which says nothing about releases. */
  g_assert_cmpuint (report->changes->len, ==, 2);
  g_assert_cmpuint (n_vulns (project, "C-3"), ==, 0);
  g_assert_cmpuint (n_vulns (project, "C-1"), ==, 2);
  v = vuln (project, "C-4", "GHSA-zz11-aaaa-bbbb");
  g_assert_nonnull (v);
  g_assert_cmpstrv (bw_vulnerability_get_cwe (v), ((const char * const[]) { "CWE-787", "CWE-122", NULL }));
  g_assert_cmpstr (bw_vulnerability_get_cvss (v), ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  g_assert_cmpstr (bw_vulnerability_get_status (v), ==, "under_investigation");
  g_assert_false (bw_vulnerability_get_kev (v));
  g_assert_cmpstr (bw_vulnerability_get_discovered_by (v), ==, "OSV (osv-single.json); aliases: CVE-2099-1111");
  aliases = bw_vuln_dup_aliases (v);
  g_assert_cmpstrv (aliases, ((const char * const[]) { "CVE-2099-1111", NULL }));
  /* The example's own entry of mbedTLS is untouched. */
  g_assert_cmpstr (bw_vulnerability_get_status (vuln (project, "C-1", "CVE-2099-0001")), ==, "not_affected");

  /* One undo step; no counter involved, so the exact bytes come back. */
  after = bw_test_to_string (project);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Import Vulnerabilities");
  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (bw_command_stack_redo (stack));
  redone = bw_test_to_string (project);
  g_assert_cmpstr (redone, ==, after);

  /* The same file again changes nothing and adds no step. */
  {
    g_autoptr(BwVulnReport) again = import_ok (project, "osv-single.json");
    g_autofree char *text = bw_test_to_string (project);

    g_assert_cmpuint (again->changes->len, ==, 0);
    g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
    g_assert_cmpstr (text, ==, after);
  }
}

static void
test_osv_list (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  g_autoptr(BwVulnReport) report = import_ok (project, "osv-list.json");

  /* Ecosystem and name (PyPI names without case), inside the range;
   * the withdrawn record is skipped; the others match nothing. */
  g_assert_cmpuint (report->n_read, ==, 4);
  g_assert_cmpuint (n_vulns (project, "C-6"), ==, 1);
  g_assert_nonnull (vuln (project, "C-6", "OSV-2099-0001"));
  g_assert_true (has_unmatched (report, "OSV-2099-0003"));
  g_assert_true (has_unmatched (report, "OSV-2099-0005"));
  g_assert_false (has_unmatched (report, "OSV-2099-0002"));
}

static void
test_osv_scanner (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  g_autoptr(BwVulnReport) report = import_ok (project, "osv-scanner.json");
  BwVulnerability *v;

  g_assert_cmpint (report->source, ==, BW_VULN_SOURCE_OSV_SCANNER);
  g_assert_cmpuint (report->n_read, ==, 3);
  g_assert_cmpuint (n_vulns (project, "C-6"), ==, 2);
  v = vuln (project, "C-6", "GHSA-test-0001");
  g_assert_nonnull (v);
  /* A 3.0 vector with temporal metrics is kept as its 3.1 base vector. */
  g_assert_cmpstr (bw_vulnerability_get_cvss (v), ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
  g_assert_cmpstrv (bw_vulnerability_get_cwe (v), ((const char * const[]) { "CWE-476", NULL }));
  g_assert_cmpstr (bw_vulnerability_get_discovered_by (v), ==,
                   "osv-scanner (osv-scanner.json); aliases: CVE-2099-2222, PYSEC-2099-7");
  /* CVSS 4 is not scored here: no vector rather than a wrong one. */
  g_assert_null (bw_vulnerability_get_cvss (vuln (project, "C-6", "PYSEC-2099-8")));
  g_assert_true (has_unmatched (report, "PyPI requests 2.31.0"));
}

static void
test_vex (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  g_autoptr(BwVulnReport) osv = import_ok (project, "osv-single.json");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *undone = NULL;
  g_autoptr(BwVulnReport) report = import_ok (project, "vex.json");
  BwVulnerability *v;

  g_assert_cmpint (report->source, ==, BW_VULN_SOURCE_CYCLONEDX_VEX);
  g_assert_cmpuint (report->n_read, ==, 4);

  /* Found by its alias (the OSV import kept the GHSA ID): no second entry. */
  g_assert_cmpuint (n_vulns (project, "C-4"), ==, 1);
  v = vuln (project, "C-4", "GHSA-zz11-aaaa-bbbb");
  g_assert_cmpstr (bw_vulnerability_get_status (v), ==, "not_affected");
  g_assert_cmpstr (bw_vulnerability_get_justification (v), ==,
                   "code_not_reachable: The firmware only deflates; inflate is never linked.");
  /* The same CVE on mbedTLS is not what this statement is about. */
  g_assert_cmpstr (bw_vulnerability_get_status (vuln (project, "C-1", "GHSA-zz11-aaaa-bbbb")), ==,
                   "under_investigation");

  /* resolved → fixed, by purl; the justification we had stays. */
  v = vuln (project, "C-1", "CVE-2099-0001");
  g_assert_cmpstr (bw_vulnerability_get_status (v), ==, "fixed");
  g_assert_cmpstr (bw_vulnerability_get_justification (v), ==,
                   "Fictitious example entry: the affected TLS server code is compiled out.");

  /* A BOM-Link to a bom-ref of the VEX's own components (tinycbor has no purl). */
  v = vuln (project, "C-5", "CVE-2099-3333");
  g_assert_nonnull (v);
  g_assert_cmpstr (bw_vulnerability_get_status (v), ==, "affected");
  g_assert_cmpstrv (bw_vulnerability_get_cwe (v), ((const char * const[]) { "CWE-125", NULL }));
  g_assert_cmpstr (bw_vulnerability_get_cvss (v), ==, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N");
  g_assert_cmpstr (bw_vulnerability_get_discovered_by (v), ==, "CycloneDX VEX (vex.json); aliases: GHSA-cbor-0001");
  g_assert_true (has_unmatched (report, "not-in-this-project"));

  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_kev (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  g_autoptr(BwVulnReport) osv = import_ok (project, "osv-single.json");
  g_autoptr(BwVulnReport) scanner = import_ok (project, "osv-scanner.json");
  g_autoptr(BwVulnReport) report = import_ok (project, "kev.json");

  g_assert_cmpint (report->source, ==, BW_VULN_SOURCE_KEV);
  g_assert_cmpuint (report->n_read, ==, 3);
  /* By alias: the GHSA entries whose CVE is in the catalogue. */
  g_assert_true (bw_vulnerability_get_kev (vuln (project, "C-4", "GHSA-zz11-aaaa-bbbb")));
  g_assert_true (bw_vulnerability_get_kev (vuln (project, "C-1", "GHSA-zz11-aaaa-bbbb")));
  g_assert_true (bw_vulnerability_get_kev (vuln (project, "C-6", "GHSA-test-0001")));
  g_assert_false (bw_vulnerability_get_kev (vuln (project, "C-6", "PYSEC-2099-8")));
  g_assert_false (bw_vulnerability_get_kev (vuln (project, "C-1", "CVE-2099-0001")));
  g_assert_cmpuint (report->changes->len, ==, 3);
  g_assert_cmpstrv (((BwVulnChange *) report->changes->pdata[0])->members, ((const char * const[]) { "kev", NULL }));
}

static void
test_dry_run (void)
{
  g_autoptr(BwProject) project = project_with_components ();
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = read_fixture ("osv-single.json");
  g_autoptr(BwVulnReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_vuln_import (project, bytes, NULL, BW_VULN_IMPORT_DRY_RUN, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->changes->len, ==, 2);
  g_assert_true (((BwVulnChange *) report->changes->pdata[0])->added);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
}

static void
test_refused (void)
{
  static const struct { const char *file; int code; const char *message; } cases[] = {
    { "osv-wrong-type.json", BW_SBOM_ERROR_INVALID, "aliases: expected an array, found a string" },
    { "osv-scanner-wrong-type.json", BW_SBOM_ERROR_INVALID,
      "results[0].packages[0].package.version: expected a string, found a number" },
    { "vex-bad-state.json", BW_SBOM_ERROR_INVALID,
      "vulnerabilities[0].analysis.state: “maybe” is not a CycloneDX analysis state" },
    { "kev-missing-cve.json", BW_SBOM_ERROR_INVALID, "vulnerabilities[1].cveID: missing" },
    { "osv-scanner-null-results.json", BW_SBOM_ERROR_INVALID, "results: expected an array, found null" },
    { "vulns-unknown.json", BW_SBOM_ERROR_INVALID, "neither OSV" },
    { "truncated.json", BW_SBOM_ERROR_SYNTAX, "is not valid JSON" },
    { "cyclonedx-1.3.json", BW_SBOM_ERROR_UNSUPPORTED, "“1.3” is not supported" },
    { "cyclonedx-1.5.json", BW_SBOM_ERROR_INVALID, "no “vulnerabilities”; import it as an SBOM" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BwProject) project = project_with_components ();
      g_autofree char *before = bw_test_to_string (project);
      g_autofree char *after = NULL;
      g_autoptr(GBytes) bytes = read_fixture (cases[i].file);
      g_autoptr(BwVulnReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_false (bw_vuln_import (project, bytes, cases[i].file, BW_VULN_IMPORT_NONE, &report, &error));
      g_assert_error (error, BW_SBOM_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, cases[i].message);
      g_assert_null (report);
      after = bw_test_to_string (project);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vuln-import/normalize-cvss", test_normalize_cvss);
  g_test_add_func ("/vuln-import/osv-single", test_osv_single);
  g_test_add_func ("/vuln-import/osv-list", test_osv_list);
  g_test_add_func ("/vuln-import/osv-scanner", test_osv_scanner);
  g_test_add_func ("/vuln-import/vex", test_vex);
  g_test_add_func ("/vuln-import/kev", test_kev);
  g_test_add_func ("/vuln-import/dry-run", test_dry_run);
  g_test_add_func ("/vuln-import/refused", test_refused);

  return g_test_run ();
}
