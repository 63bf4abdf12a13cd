/* test-sbom.c — SBOM import: CycloneDX and SPDX readers, merge, undo, refusals, support warnings
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-stack.h"
#include "bw-component-support.h"
#include "bw-purl.h"
#include "bw-sbom.h"
#include "bw-test-utils.h"

static BwSbom *
load_sbom (const char  *name,
           GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return bw_sbom_load_file (file, NULL, error);
}

static BwSbom *
load_sbom_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  BwSbom *sbom = load_sbom (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sbom);
  return sbom;
}

static BwSbomEntry *
entry (BwSbom *sbom,
       guint   i)
{
  g_assert_cmpuint (i, <, sbom->entries->len);
  return sbom->entries->pdata[i];
}

static BwComponent *
component (BwProject  *project,
           const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_COMPONENT (record));
  return BW_COMPONENT (record);
}

static BwSbomReport *
import_ok (BwProject        *project,
           const char       *name,
           BwSbomMergeFlags  flags)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok (name);
  g_autoptr(GError) error = NULL;
  BwSbomReport *report = NULL;

  g_assert_true (bw_sbom_import (project, sbom, flags, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static BwSbomChange *
find_change (BwSbomReport     *report,
             BwSbomChangeKind  kind,
             const char       *name)
{
  for (guint i = 0; i < report->changes->len; i++)
    {
      BwSbomChange *change = report->changes->pdata[i];

      if (change->kind == kind && g_str_equal (change->name, name))
        return change;
    }
  g_assert_not_reached ();
}

/* The text with its "C" id counter line set to `counter`: an undone add
 * leaves the counter where it is (FORMAT.md), everything else must be
 * back byte for byte. */
static char *
with_c_counter (const char *text,
                int         counter)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"C\": [0-9]+", 0, 0, NULL);
  g_autofree char *replacement = g_strdup_printf ("\"C\": %d", counter);

  return g_regex_replace_literal (regex, text, -1, 0, replacement, 0, NULL);
}

static void
test_cyclonedx_14 (void)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok ("cyclonedx-1.4.json");

  g_assert_cmpstr (sbom->format, ==, "CycloneDX 1.4");
  g_assert_cmpuint (sbom->entries->len, ==, 3);
  g_assert_cmpstr (entry (sbom, 0)->name, ==, "zlib");
  g_assert_cmpstr (entry (sbom, 0)->supplier, ==, "Mark Adler");
  g_assert_cmpstr (entry (sbom, 0)->license, ==, "zlib License");
  g_assert_cmpstr (entry (sbom, 0)->purl, ==, "pkg:generic/zlib@1.2.13");
  /* Maven names are group:artifact, npm ones @scope/name. */
  g_assert_cmpstr (entry (sbom, 1)->name, ==, "org.apache.logging.log4j:log4j-core");
  g_assert_cmpstr (entry (sbom, 1)->supplier, ==, "The Apache Software Foundation");
  g_assert_cmpstr (entry (sbom, 2)->name, ==, "@companion/ui-kit");
  g_assert_cmpstr (entry (sbom, 2)->license, ==, "(MIT OR Apache-2.0) AND ISC");
  g_assert_cmpstr (entry (sbom, 2)->supplier, ==, "");
}

static void
test_cyclonedx_15 (void)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok ("cyclonedx-1.5.json");
  const char * const names[] = { "mbedTLS", "FreeRTOS kernel", "lwIP", "zlib", "tinycbor", "cryptography" };

  /* The product itself (metadata.component) is not one of its parts;
   * nested components follow their parent. */
  g_assert_cmpstr (sbom->format, ==, "CycloneDX 1.5");
  g_assert_cmpuint (sbom->entries->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (entry (sbom, i)->name, ==, names[i]);
  g_assert_cmpstr (entry (sbom, 0)->cpe, ==, "cpe:2.3:a:arm:mbed_tls:3.6.2:*:*:*:*:*:*:*");
  g_assert_cmpstr (entry (sbom, 0)->ref, ==, "mbedtls");
  g_assert_cmpstr (entry (sbom, 2)->supplier, ==, "lwIP developers");
  g_assert_cmpstr (entry (sbom, 3)->supplier, ==, "Jean-loup Gailly and Mark Adler");
  g_assert_cmpstr (entry (sbom, 3)->license, ==, "Zlib");
  g_assert_cmpstr (entry (sbom, 3)->version, ==, "1.3.1");
  g_assert_cmpstr (entry (sbom, 4)->purl, ==, "");
  g_assert_cmpstr (entry (sbom, 4)->license, ==, "MIT License");
  g_assert_cmpstr (entry (sbom, 5)->license, ==, "Apache-2.0 AND BSD-3-Clause");
}

static void
test_cyclonedx_16 (void)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok ("cyclonedx-1.6.json");

  g_assert_cmpstr (sbom->format, ==, "CycloneDX 1.6");
  g_assert_cmpuint (sbom->entries->len, ==, 2);
  g_assert_cmpstr (entry (sbom, 0)->supplier, ==, "Nordic Semiconductor");
  g_assert_cmpstr (entry (sbom, 0)->cpe, ==, "cpe:2.3:o:nordicsemi:softdevice:5.4.1:*:*:*:*:*:*:*");
  g_assert_cmpstr (entry (sbom, 1)->supplier, ==, "Christopher Haster");
  g_assert_cmpstr (entry (sbom, 1)->license, ==, "BSD-3-Clause");
}

static void
test_spdx_23 (void)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok ("spdx-2.3.json");

  /* The package the document describes is the product, left out. */
  g_assert_cmpstr (sbom->format, ==, "SPDX 2.3");
  g_assert_cmpuint (sbom->entries->len, ==, 2);
  g_assert_cmpstr (entry (sbom, 0)->name, ==, "openssl");
  g_assert_cmpstr (entry (sbom, 0)->version, ==, "3.0.13");
  g_assert_cmpstr (entry (sbom, 0)->supplier, ==, "OpenSSL Software Foundation");
  g_assert_cmpstr (entry (sbom, 0)->purl, ==, "pkg:generic/openssl@3.0.13");
  g_assert_cmpstr (entry (sbom, 0)->cpe, ==, "cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
  g_assert_cmpstr (entry (sbom, 0)->license, ==, "Apache-2.0");
  g_assert_cmpstr (entry (sbom, 1)->supplier, ==, "D. Richard Hipp");
  g_assert_cmpstr (entry (sbom, 1)->license, ==, "blessing");
  g_assert_cmpstr (entry (sbom, 1)->ref, ==, "SPDXRef-sqlite");
}

static void
test_spdx_22 (void)
{
  g_autoptr(BwSbom) sbom = load_sbom_ok ("spdx-2.2.json");

  g_assert_cmpstr (sbom->format, ==, "SPDX 2.2");
  g_assert_cmpuint (sbom->entries->len, ==, 2);
  g_assert_cmpstr (entry (sbom, 0)->supplier, ==, "Daniel Stenberg");
  g_assert_cmpstr (entry (sbom, 0)->license, ==, "curl");
  g_assert_cmpstr (entry (sbom, 0)->purl, ==, "");
  g_assert_cmpstr (entry (sbom, 0)->cpe, ==, "cpe:2.3:a:haxx:curl:8.5.0:*:*:*:*:*:*:*");
  g_assert_cmpstr (entry (sbom, 1)->license, ==, "GPL-2.0-only");
  g_assert_cmpstr (entry (sbom, 1)->supplier, ==, "");
}

static void
assert_refused_bytes (GBytes     *bytes,
                      int         code,
                      const char *message)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwSbom) sbom = bw_sbom_parse (bytes, &error);

  g_assert_null (sbom);
  g_assert_error (error, BW_SBOM_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
  after = bw_test_to_string (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
}

static void
test_refused (void)
{
  static const struct { const char *file; int code; const char *message; } cases[] = {
    { "truncated.json", BW_SBOM_ERROR_SYNTAX, "is not valid JSON" },
    { "cyclonedx-1.3.json", BW_SBOM_ERROR_UNSUPPORTED, "specVersion: CycloneDX “1.3” is not supported" },
    { "spdx-2.1.json", BW_SBOM_ERROR_UNSUPPORTED, "spdxVersion: “SPDX-2.1” is not supported" },
    { "wrong-type-version.json", BW_SBOM_ERROR_INVALID, "components[1].version: expected a string, found a number" },
    { "wrong-type-nested.json", BW_SBOM_ERROR_INVALID,
      "components[0].components[0].licenses[0].license: expected an object, found a string" },
    { "wrong-type-spdx.json", BW_SBOM_ERROR_INVALID, "packages[0].externalRefs: expected an array, found an object" },
    { "components-not-array.json", BW_SBOM_ERROR_INVALID, "components: expected an array, found an object" },
    { "missing-name.json", BW_SBOM_ERROR_INVALID, "components[0].name: a component needs a name" },
    { "not-an-sbom.json", BW_SBOM_ERROR_UNSUPPORTED, "neither CycloneDX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", cases[i].file, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_test_message ("%s", cases[i].file);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      assert_refused_bytes (bytes, cases[i].code, cases[i].message);
    }
}

static void
test_refused_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"x\": ");
  g_autoptr(GBytes) deep_bytes = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("{\"name\": \"M\xfcller\"}", 19);
  g_autoptr(GBytes) array = g_bytes_new_static ("[1, 2]", 6);
  g_autoptr(GBytes) nul = g_bytes_new_static ("{\"a\": 1}\0", 9);
  static const char surrogate_text[] =
    "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [{\"name\": \"a\\ud800b\"}]}";
  g_autoptr(GBytes) surrogate = g_bytes_new_static (surrogate_text, strlen (surrogate_text));

  /* A million '[' must be refused before the parser recurses into them. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  deep_bytes = g_bytes_new (deep->str, deep->len);
  assert_refused_bytes (deep_bytes, BW_SBOM_ERROR_INVALID, "nested more than");
  assert_refused_bytes (empty, BW_SBOM_ERROR_SYNTAX, "is empty");
  assert_refused_bytes (latin1, BW_SBOM_ERROR_SYNTAX, "not UTF-8");
  assert_refused_bytes (nul, BW_SBOM_ERROR_SYNTAX, "not UTF-8");
  assert_refused_bytes (array, BW_SBOM_ERROR_UNSUPPORTED, "not a JSON object");
  /* Valid JSON whose escape decodes to no valid text: it would make the
   * saved project unreadable. */
  assert_refused_bytes (surrogate, BW_SBOM_ERROR_INVALID, "components[0].name: the text is not valid Unicode");
}

static void
test_import_first (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BwSbomReport) report = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_NONE);
  BwSbomChange *change;
  BwComponent *c;

  g_assert_cmpuint (report->n_added, ==, 4);
  g_assert_cmpuint (report->n_changed, ==, 2);
  g_assert_cmpuint (report->n_removed, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_components (project)), ==, 6);

  /* mbedTLS: the same purl; the SBOM adds its CPE. */
  change = find_change (report, BW_SBOM_CHANGE_CHANGED, "mbedTLS");
  g_assert_cmpstr (change->id, ==, "C-1");
  g_assert_cmpstrv (change->members, ((const char * const[]) { "cpe", NULL }));
  /* FreeRTOS: a new release is the same component, matched without version. */
  change = find_change (report, BW_SBOM_CHANGE_CHANGED, "FreeRTOS kernel");
  g_assert_cmpstr (change->id, ==, "C-2");
  g_assert_cmpstrv (change->members, ((const char * const[]) { "version", "purl", NULL }));
  g_assert_cmpstrv (change->old_values, ((const char * const[]) { "11.1.0", "pkg:github/FreeRTOS/FreeRTOS-Kernel@V11.1.0", NULL }));
  g_assert_cmpstrv (change->new_values, ((const char * const[]) { "11.1.1", "pkg:github/FreeRTOS/FreeRTOS-Kernel@V11.1.1", NULL }));
  g_assert_cmpstr (find_change (report, BW_SBOM_CHANGE_ADDED, "lwIP")->id, ==, "C-3");
  g_assert_cmpstr (find_change (report, BW_SBOM_CHANGE_ADDED, "cryptography")->id, ==, "C-6");

  /* Our assessments stay. */
  c = component (project, "C-2");
  g_assert_cmpstr (bw_component_get_version (c), ==, "11.1.1");
  g_assert_cmpstr (bw_component_get_support (c), ==, "active");
  g_assert_cmpstrv (bw_component_get_elements (c), ((const char * const[]) { "P-3", NULL }));
  c = component (project, "C-1");
  g_assert_cmpstr (bw_component_get_end_of_support (c), ==, "2029-03-31");
  g_assert_cmpuint (g_list_model_get_n_items (bw_component_get_vulnerabilities (c)), ==, 1);
  c = component (project, "C-4");
  g_assert_cmpstr (bw_component_get_name (c), ==, "zlib");
  g_assert_cmpstr (bw_component_get_supplier (c), ==, "Jean-loup Gailly and Mark Adler");
  g_assert_cmpstr (bw_component_get_support (c), ==, "unknown");

  /* One undo step gives back the file; only the counter stays (FORMAT.md). */
  after = bw_test_to_string (project);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Import SBOM");
  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  expected = with_c_counter (before, 7);
  g_assert_cmpstr (undone, ==, expected);
  g_assert_true (bw_command_stack_redo (stack));
  redone = bw_test_to_string (project);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_reimport (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwSbomReport) first = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_NONE);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *undone = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BwSbomReport) report = import_ok (project, "cyclonedx-1.5-v2.json", BW_SBOM_MERGE_NONE);
  BwSbomChange *change;
  BwComponent *c;

  g_assert_cmpuint (report->n_added, ==, 1);
  g_assert_cmpuint (report->n_removed, ==, 1);
  g_assert_cmpuint (report->n_changed, ==, 1);
  g_assert_cmpuint (report->n_unchanged, ==, 4);

  change = find_change (report, BW_SBOM_CHANGE_CHANGED, "mbedTLS");
  g_assert_cmpstr (change->id, ==, "C-1");
  g_assert_cmpstrv (change->members, ((const char * const[]) { "version", "purl", "cpe", NULL }));
  g_assert_cmpstr (find_change (report, BW_SBOM_CHANGE_REMOVED, "FreeRTOS kernel")->id, ==, "C-2");
  g_assert_cmpstr (find_change (report, BW_SBOM_CHANGE_ADDED, "cJSON")->id, ==, "C-7");
  g_assert_null (bw_project_lookup (project, "C-2"));

  /* The new release keeps its assessment and its vulnerability entry. */
  c = component (project, "C-1");
  g_assert_cmpstr (bw_component_get_version (c), ==, "3.6.3");
  g_assert_cmpstr (bw_component_get_support (c), ==, "active");
  g_assert_cmpstr (bw_component_get_end_of_support (c), ==, "2029-03-31");
  g_assert_cmpstrv (bw_component_get_elements (c), ((const char * const[]) { "P-3", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (bw_component_get_vulnerabilities (c)), ==, 1);
  /* An SBOM silent about a supplier does not erase it (tinycbor, no purl:
   * matched by name and version). */
  c = component (project, "C-5");
  g_assert_cmpstr (bw_component_get_supplier (c), ==, "Intel");
  g_assert_cmpstr (bw_component_get_license (c), ==, "MIT License");

  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  expected = with_c_counter (before, 8);
  g_assert_cmpstr (undone, ==, expected);
}

static void
test_reimport_same (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwSbomReport) first = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_NONE);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(BwSbomReport) again = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_NONE);

  /* Nothing to do is no undo step. */
  g_assert_cmpuint (again->changes->len, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 6);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  after = bw_test_to_string (project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_dry_run (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(BwSbomReport) report = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_DRY_RUN);

  /* The same report, but no ID taken and nothing changed, not even a counter. */
  g_assert_cmpuint (report->n_added, ==, 4);
  g_assert_cmpuint (report->n_changed, ==, 2);
  g_assert_null (find_change (report, BW_SBOM_CHANGE_ADDED, "lwIP")->id);
  after = bw_test_to_string (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
}

static void
test_keep_removed (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwSbomReport) report = import_ok (project, "spdx-2.3.json", BW_SBOM_MERGE_KEEP_REMOVED);

  g_assert_cmpuint (report->n_added, ==, 2);
  g_assert_cmpuint (report->n_removed, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, 2);
  g_assert_nonnull (bw_project_lookup (project, "C-1"));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_components (project)), ==, 4);
}

static void
test_saved_file_loads (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwSbomReport) a = import_ok (project, "cyclonedx-1.4.json", BW_SBOM_MERGE_KEEP_REMOVED);
  g_autoptr(BwSbomReport) b = import_ok (project, "cyclonedx-1.6.json", BW_SBOM_MERGE_KEEP_REMOVED);
  g_autoptr(BwSbomReport) c = import_ok (project, "spdx-2.2.json", BW_SBOM_MERGE_KEEP_REMOVED);
  g_autofree char *text = bw_test_to_string (project);
  g_autoptr(BwProject) copy = bw_test_load_string (text);
  g_autofree char *again = bw_test_to_string (copy);

  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_components (copy)), ==, 9);
  g_assert_cmpstr (text, ==, again);
}

static void
test_purl (void)
{
  g_autoptr(BwPurl) npm = bw_purl_parse ("pkg:npm/%40angular/core@16.2.0?arch=x#lib");
  g_autoptr(BwPurl) maven = bw_purl_parse ("pkg:Maven/org.apache/commons-text@1.10.0");
  g_autoptr(BwPurl) bare = bw_purl_parse ("pkg:generic/zlib");
  g_autofree char *npm_name = NULL;
  g_autofree char *maven_name = NULL;
  g_autofree char *base = bw_purl_dup_base ("pkg:NPM/%40angular/core@16.2.0?arch=x#lib");

  g_assert_nonnull (npm);
  g_assert_cmpstr (npm->type, ==, "npm");
  g_assert_cmpstr (npm->namespace_, ==, "@angular");
  g_assert_cmpstr (npm->name, ==, "core");
  g_assert_cmpstr (npm->version, ==, "16.2.0");
  npm_name = bw_purl_dup_full_name (npm);
  g_assert_cmpstr (npm_name, ==, "@angular/core");
  maven_name = bw_purl_dup_full_name (maven);
  g_assert_cmpstr (maven_name, ==, "org.apache:commons-text");
  g_assert_null (bare->version);
  g_assert_cmpstr (base, ==, "pkg:npm/%40angular/core");
  g_assert_null (bw_purl_parse ("zlib"));
  g_assert_null (bw_purl_parse ("pkg:"));
  g_assert_null (bw_purl_parse ("pkg:npm/"));
  g_assert_cmpstr (bw_purl_type_for_ecosystem ("Debian:12"), ==, "deb");
  g_assert_true (bw_purl_names_equal ("pypi", "Typing_Extensions", "typing-extensions"));
  g_assert_false (bw_purl_names_equal ("npm", "left-pad", "leftpad"));
}

static const BwSupportFinding *
finding_for (GPtrArray  *findings,
             const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      BwSupportFinding *f = findings->pdata[i];

      if (g_str_equal (f->component_id, id))
        return f;
    }
  return NULL;
}

static void
set_string (BwProject  *project,
            const char *id,
            const char *member,
            const char *value)
{
  g_object_set (bw_project_lookup (project, id), member, value, NULL);
}

static void
test_support_findings (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwSbomReport) report = import_ok (project, "cyclonedx-1.5.json", BW_SBOM_MERGE_NONE);
  g_autoptr(GPtrArray) findings = NULL;
  GDate today;
  const BwSupportFinding *f;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2029);
  set_string (project, "C-3", "end-of-support", "2028-12-31");   /* yesterday */
  set_string (project, "C-3", "support", "limited");
  set_string (project, "C-4", "end-of-support", "2029-06-30");   /* in 180 days */
  set_string (project, "C-4", "support", "active");
  set_string (project, "C-5", "support", "none");
  set_string (project, "C-6", "end-of-support", "2029-07-01");   /* in 181 days */
  set_string (project, "C-6", "support", "active");

  findings = bw_component_check_support (project, &today);
  /* C-1 ends on 2029-03-31, within 180 days of the day. */
  f = finding_for (findings, "C-1");
  g_assert_nonnull (f);
  g_assert_cmpint (f->kind, ==, BW_SUPPORT_FINDING_ENDING);
  g_assert_nonnull (strstr (f->message, "2029-03-31"));
  /* C-2 is active but has no date. */
  g_assert_cmpint (finding_for (findings, "C-2")->kind, ==, BW_SUPPORT_FINDING_NO_DATA);
  g_assert_nonnull (strstr (finding_for (findings, "C-2")->message, "no end-of-support date"));
  g_assert_cmpint (finding_for (findings, "C-3")->kind, ==, BW_SUPPORT_FINDING_ENDED);
  g_assert_cmpint (finding_for (findings, "C-4")->kind, ==, BW_SUPPORT_FINDING_ENDING);
  g_assert_nonnull (strstr (finding_for (findings, "C-4")->message, "180 days"));
  g_assert_cmpint (finding_for (findings, "C-5")->kind, ==, BW_SUPPORT_FINDING_ENDED);
  g_assert_null (finding_for (findings, "C-6"));
  g_assert_cmpuint (findings->len, ==, 5);

  /* Imported components start without support data; a bad date is reported. */
  set_string (project, "C-6", "support", "unknown");
  set_string (project, "C-6", "end-of-support", "");
  set_string (project, "C-5", "support", "active");
  set_string (project, "C-5", "end-of-support", "31.12.2030");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bw_component_check_support (project, &today);
  g_assert_cmpint (finding_for (findings, "C-6")->kind, ==, BW_SUPPORT_FINDING_NO_DATA);
  g_assert_nonnull (strstr (finding_for (findings, "C-6")->message, "no support data"));
  g_assert_cmpint (finding_for (findings, "C-5")->kind, ==, BW_SUPPORT_FINDING_NO_DATA);
  g_assert_nonnull (strstr (finding_for (findings, "C-5")->message, "is not a date"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sbom/cyclonedx-1.4", test_cyclonedx_14);
  g_test_add_func ("/sbom/cyclonedx-1.5", test_cyclonedx_15);
  g_test_add_func ("/sbom/cyclonedx-1.6", test_cyclonedx_16);
  g_test_add_func ("/sbom/spdx-2.3", test_spdx_23);
  g_test_add_func ("/sbom/spdx-2.2", test_spdx_22);
  g_test_add_func ("/sbom/refused", test_refused);
  g_test_add_func ("/sbom/refused-hostile", test_refused_hostile);
  g_test_add_func ("/sbom/import-first", test_import_first);
  g_test_add_func ("/sbom/reimport", test_reimport);
  g_test_add_func ("/sbom/reimport-same", test_reimport_same);
  g_test_add_func ("/sbom/dry-run", test_dry_run);
  g_test_add_func ("/sbom/keep-removed", test_keep_removed);
  g_test_add_func ("/sbom/saved-file-loads", test_saved_file_loads);
  g_test_add_func ("/sbom/purl", test_purl);
  g_test_add_func ("/sbom/support-findings", test_support_findings);

  return g_test_run ();
}
