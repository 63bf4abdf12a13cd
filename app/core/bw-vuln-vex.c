/* bw-vuln-vex.c — CycloneDX VEX statements and the CISA KEV catalogue
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A VEX (CycloneDX 1.4–1.6 with vulnerabilities[]) names components by
 * affects[].ref: a bom-ref of the components in the same file (also as a
 * BOM-Link "urn:cdx:…#ref") or a purl.  analysis.state becomes our status
 * (resolved → fixed, exploitable → affected, in_triage →
 * under_investigation, false_positive and not_affected → not_affected)
 * and its justification code and detail our justification.  The KEV
 * catalogue is a list of CVE IDs (vulnerabilities[].cveID).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-purl.h"
#include "bw-vuln-import-private.h"

/* VEX ------------------------------------------------------------------ */

/* The components a VEX affects[].ref names: a bom-ref of the same file
 * (also as a BOM-Link "urn:cdx:…#ref"), or a purl. */
static gboolean
match_vex_ref (Import     *imp,
               GHashTable *bom_refs,
               const char *ref,
               Finding    *f)
{
  BwSbomEntry *entry;
  const char *hash;
  gboolean found = FALSE;

  if (g_str_has_prefix (ref, "urn:cdx:") && (hash = strchr (ref, '#')) != NULL)
    {
      g_autofree char *fragment = g_uri_unescape_string (hash + 1, NULL);

      if (fragment != NULL)
        return match_vex_ref (imp, bom_refs, fragment, f);
    }
  entry = g_hash_table_lookup (bom_refs, ref);
  if (entry != NULL && *entry->purl != '\0' && _bw_vuln_match_purl (imp, entry->purl, f))
    return TRUE;
  if (entry != NULL)
    {
      g_autoptr(GArray) candidates = _bw_vuln_candidates_for (imp, NULL, entry->name);

      for (guint c = 0; c < candidates->len; c++)
        {
          BwComponent *component = imp->components->pdata[g_array_index (candidates, guint, c)];

          if (bw_purl_names_equal (NULL, bw_component_get_name (component), entry->name) &&
              g_strcmp0 (bw_component_get_version (component), entry->version) == 0)
            {
              _bw_vuln_add_target (f, component);
              found = TRUE;
            }
        }
      return found;
    }
  return _bw_vuln_match_purl (imp, ref, f);
}

static gboolean
read_vex_state (Import     *imp,
                JsonObject *analysis,
                Finding    *f)
{
  static const struct { const char *state; const char *status; } states[] = {
    { "resolved", "fixed" },
    { "resolved_with_pedigree", "fixed" },
    { "exploitable", "affected" },
    { "in_triage", "under_investigation" },
    { "false_positive", "not_affected" },
    { "not_affected", "not_affected" },
  };
  const char *state = NULL, *justification = NULL, *detail = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (!_bw_foreign_get_string (&imp->ctx, analysis, "state", &state) ||
      !_bw_foreign_get_string (&imp->ctx, analysis, "justification", &justification) ||
      !_bw_foreign_get_string (&imp->ctx, analysis, "detail", &detail))
    return FALSE;
  if (state != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        if (g_str_equal (state, states[i].state))
          f->status = states[i].status;
      if (f->status == NULL)
        {
          _bw_foreign_push_key (&imp->ctx, "state");
          return _bw_foreign_fail (&imp->ctx, _("“%s” is not a CycloneDX analysis state"), state);
        }
    }
  /* The VEX justification code first (it is what a VEX export needs
   * back), then the free text. */
  if (g_strcmp0 (state, "false_positive") == 0)
    g_ptr_array_add (parts, (gpointer) "false_positive");
  if (justification != NULL && *justification != '\0')
    g_ptr_array_add (parts, (gpointer) justification);
  if (detail != NULL && *detail != '\0')
    g_ptr_array_add (parts, (gpointer) detail);
  if (parts->len > 0)
    {
      g_ptr_array_add (parts, NULL);
      f->justification = g_strjoinv (": ", (char **) parts->pdata);
    }
  return TRUE;
}

static gboolean
read_vex_vulnerability (Import     *imp,
                        GHashTable *bom_refs,
                        JsonObject *vuln)
{
  JsonArray *references = NULL, *cwes = NULL, *ratings = NULL, *affects = NULL;
  JsonObject *analysis = NULL;
  const char *id = NULL;
  Finding *f;
  gsize mark;

  if (!_bw_foreign_get_string (&imp->ctx, vuln, "id", &id) ||
      !_bw_foreign_get_array (&imp->ctx, vuln, "references", &references) ||
      !_bw_foreign_get_array (&imp->ctx, vuln, "cwes", &cwes) ||
      !_bw_foreign_get_array (&imp->ctx, vuln, "ratings", &ratings) ||
      !_bw_foreign_get_array (&imp->ctx, vuln, "affects", &affects) ||
      !_bw_foreign_get_object (&imp->ctx, vuln, "analysis", &analysis))
    return FALSE;
  if (id == NULL || *id == '\0')
    return _bw_foreign_fail (&imp->ctx, _("a vulnerability needs an “id”"));
  imp->n_read++;
  f = _bw_vuln_finding_new (id);
  g_ptr_array_add (imp->findings, f);

  for (guint i = 0; references != NULL && i < json_array_get_length (references); i++)
    {
      JsonObject *reference;
      const char *alias = NULL;

      mark = _bw_foreign_push_key (&imp->ctx, "references");
      if ((reference = _bw_foreign_element_object (&imp->ctx, references, i)) == NULL)
        return FALSE;
      _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, reference, "id", &alias))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, mark);
      if (alias != NULL && *alias != '\0' && !g_str_equal (alias, id))
        _bw_vuln_add_unique (f->aliases, alias);
    }

  for (guint i = 0; cwes != NULL && i < json_array_get_length (cwes); i++)
    {
      JsonNode *node = json_array_get_element (cwes, i);
      g_autofree char *cwe = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0)
        {
          mark = _bw_foreign_push_key (&imp->ctx, "cwes");
          _bw_foreign_push_index (&imp->ctx, i);
          return _bw_foreign_fail (&imp->ctx, _("expected a CWE number"));
        }
      cwe = g_strdup_printf ("CWE-%" G_GINT64_FORMAT, json_node_get_int (node));
      _bw_vuln_add_cwe (f, cwe);
    }

  for (guint i = 0; ratings != NULL && i < json_array_get_length (ratings); i++)
    {
      JsonObject *rating;
      const char *method = NULL, *vector = NULL;

      mark = _bw_foreign_push_key (&imp->ctx, "ratings");
      if ((rating = _bw_foreign_element_object (&imp->ctx, ratings, i)) == NULL)
        return FALSE;
      _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, rating, "method", &method) ||
          !_bw_foreign_get_string (&imp->ctx, rating, "vector", &vector))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, mark);
      if (f->cvss == NULL && vector != NULL &&
          (g_strcmp0 (method, "CVSSv31") == 0 || g_strcmp0 (method, "CVSSv3") == 0))
        f->cvss = bw_vuln_normalize_cvss (vector);
    }

  if (analysis != NULL)
    {
      mark = _bw_foreign_push_key (&imp->ctx, "analysis");
      if (!read_vex_state (imp, analysis, f))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, mark);
    }

  mark = _bw_foreign_push_key (&imp->ctx, "affects");
  if (affects == NULL || json_array_get_length (affects) == 0)
    return _bw_foreign_fail (&imp->ctx, _("a VEX statement needs the components it is about"));
  for (guint i = 0; i < json_array_get_length (affects); i++)
    {
      JsonObject *affect = _bw_foreign_element_object (&imp->ctx, affects, i);
      const char *ref = NULL;
      gsize imark;

      if (affect == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, affect, "ref", &ref))
        return FALSE;
      if (ref == NULL || *ref == '\0')
        {
          _bw_foreign_push_key (&imp->ctx, "ref");
          return _bw_foreign_fail (&imp->ctx, _("missing"));
        }
      _bw_foreign_pop (&imp->ctx, imark);
      if (!match_vex_ref (imp, bom_refs, ref, f))
        _bw_vuln_add_unique (imp->unmatched, ref);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

gboolean
_bw_vuln_read_vex (Import     *imp,
          JsonObject *root)
{
  g_autoptr(GHashTable) bom_refs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BwSbom) sbom = NULL;
  JsonArray *vulns = NULL;
  const char *version = NULL;
  gsize mark;

  if (!_bw_cyclonedx_check_version (&imp->ctx, root, &version))
    return FALSE;
  /* The VEX may list its components; its bom-refs point at them. */
  sbom = _bw_sbom_cyclonedx_read (root, imp->ctx.error);
  if (sbom == NULL)
    return FALSE;
  for (guint i = 0; i < sbom->entries->len; i++)
    {
      BwSbomEntry *entry = sbom->entries->pdata[i];

      if (*entry->ref != '\0')
        g_hash_table_insert (bom_refs, entry->ref, entry);
    }

  if (!_bw_foreign_get_array (&imp->ctx, root, "vulnerabilities", &vulns))
    return FALSE;
  if (vulns == NULL)
    return _bw_foreign_fail (&imp->ctx, _("This CycloneDX file has no “vulnerabilities”; import it as an SBOM"));
  mark = _bw_foreign_push_key (&imp->ctx, "vulnerabilities");
  for (guint i = 0; i < json_array_get_length (vulns); i++)
    {
      JsonObject *vuln = _bw_foreign_element_object (&imp->ctx, vulns, i);
      gsize imark;

      if (vuln == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!read_vex_vulnerability (imp, bom_refs, vuln))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, imark);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

/* KEV ------------------------------------------------------------------ */

gboolean
_bw_vuln_read_kev (Import    *imp,
          JsonArray *vulns)
{
  gsize mark = _bw_foreign_push_key (&imp->ctx, "vulnerabilities");

  for (guint i = 0; i < json_array_get_length (vulns); i++)
    {
      JsonObject *entry = _bw_foreign_element_object (&imp->ctx, vulns, i);
      const char *cve = NULL;
      gsize imark;

      if (entry == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, entry, "cveID", &cve))
        return FALSE;
      if (cve == NULL || *cve == '\0')
        {
          _bw_foreign_push_key (&imp->ctx, "cveID");
          return _bw_foreign_fail (&imp->ctx, _("missing"));
        }
      _bw_foreign_pop (&imp->ctx, imark);
      g_hash_table_add (imp->kev, g_strdup (cve));
      imp->n_read++;
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

/* Whether a KEV-style object: vulnerabilities[] whose entries have cveID. */
gboolean
_bw_vuln_looks_like_kev (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "vulnerabilities");
  JsonArray *vulns;

  if (json_object_has_member (root, "catalogVersion"))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  vulns = json_node_get_array (node);
  if (json_array_get_length (vulns) == 0)
    return FALSE;
  node = json_array_get_element (vulns, 0);
  return JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "cveID");
}

