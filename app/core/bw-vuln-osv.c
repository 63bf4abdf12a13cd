/* bw-vuln-osv.c — OSV records and osv-scanner output
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * OSV (https://ossf.github.io/osv-schema/): one record or an array.  A
 * record applies to the components its affected[] packages name (by purl,
 * or ecosystem and name) whose version is listed or inside one of its
 * SEMVER/ECOSYSTEM ranges; git ranges say nothing about releases.
 * osv-scanner's results[].packages[] name the package and version they
 * found, and every record listed under a package applies to it.
 * Withdrawn records are skipped.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-purl.h"
#include "bw-vuln-import-private.h"

/* Reading -------------------------------------------------------------- */

static gboolean
read_strings (Import     *imp,
              JsonObject *object,
              const char *member,
              GPtrArray  *out)
{
  JsonArray *array = NULL;
  gsize mark;

  if (!_bw_foreign_get_array (&imp->ctx, object, member, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;
  mark = _bw_foreign_push_key (&imp->ctx, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _bw_foreign_push_index (&imp->ctx, i);
          return _bw_foreign_fail (&imp->ctx, _("expected a string"));
        }
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          _bw_foreign_push_index (&imp->ctx, i);
          return _bw_foreign_fail (&imp->ctx, _("the text is not valid Unicode (a lone surrogate escape?)"));
        }
      _bw_vuln_add_unique (out, json_node_get_string (node));
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

/* severity[] of an OSV record or affected entry: the first CVSS v3 vector. */
static gboolean
read_osv_severity (Import     *imp,
                   JsonObject *object,
                   Finding    *f)
{
  JsonArray *severity = NULL;
  gsize mark;

  if (!_bw_foreign_get_array (&imp->ctx, object, "severity", &severity))
    return FALSE;
  if (severity == NULL)
    return TRUE;
  mark = _bw_foreign_push_key (&imp->ctx, "severity");
  for (guint i = 0; i < json_array_get_length (severity); i++)
    {
      JsonObject *entry = _bw_foreign_element_object (&imp->ctx, severity, i);
      const char *type = NULL, *score = NULL;
      gsize imark;

      if (entry == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, entry, "type", &type) ||
          !_bw_foreign_get_string (&imp->ctx, entry, "score", &score))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, imark);
      if (f->cvss == NULL && g_strcmp0 (type, "CVSS_V3") == 0)
        f->cvss = bw_vuln_normalize_cvss (score);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

/* Whether `version` is inside the SEMVER/ECOSYSTEM ranges of an affected
 * entry: events in order, each "introduced" opening and each "fixed" or
 * "last_affected" closing (OSV's evaluation). */
static gboolean
read_ranges (Import      *imp,
             JsonArray   *ranges,
             const char  *version,
             gboolean    *affected)
{
  gsize mark = _bw_foreign_push_key (&imp->ctx, "ranges");

  for (guint i = 0; i < json_array_get_length (ranges); i++)
    {
      JsonObject *range = _bw_foreign_element_object (&imp->ctx, ranges, i);
      JsonArray *events = NULL;
      const char *type = NULL;
      gboolean inside = FALSE;
      gsize imark;

      if (range == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_string (&imp->ctx, range, "type", &type) ||
          !_bw_foreign_get_array (&imp->ctx, range, "events", &events))
        return FALSE;
      /* Git commit ranges say nothing about release versions. */
      if (events == NULL || (g_strcmp0 (type, "SEMVER") != 0 && g_strcmp0 (type, "ECOSYSTEM") != 0))
        {
          _bw_foreign_pop (&imp->ctx, imark);
          continue;
        }
      _bw_foreign_push_key (&imp->ctx, "events");
      for (guint e = 0; e < json_array_get_length (events); e++)
        {
          JsonObject *event = _bw_foreign_element_object (&imp->ctx, events, e);
          const char *introduced = NULL, *fixed = NULL, *last = NULL;
          gsize emark;

          if (event == NULL)
            return FALSE;
          emark = _bw_foreign_push_index (&imp->ctx, e);
          if (!_bw_foreign_get_string (&imp->ctx, event, "introduced", &introduced) ||
              !_bw_foreign_get_string (&imp->ctx, event, "fixed", &fixed) ||
              !_bw_foreign_get_string (&imp->ctx, event, "last_affected", &last))
            return FALSE;
          _bw_foreign_pop (&imp->ctx, emark);
          if (version == NULL || *version == '\0')
            continue;
          if (introduced != NULL && (g_str_equal (introduced, "0") || _bw_vuln_compare_versions (version, introduced) >= 0))
            inside = TRUE;
          if (fixed != NULL && _bw_vuln_compare_versions (version, fixed) >= 0)
            inside = FALSE;
          if (last != NULL && _bw_vuln_compare_versions (version, last) > 0)
            inside = FALSE;
        }
      if (inside)
        *affected = TRUE;
      _bw_foreign_pop (&imp->ctx, imark);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

/* affected[i]: which components it names, at an affected version. */
static gboolean
read_osv_affected (Import     *imp,
                   JsonObject *affected,
                   Finding    *f)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  JsonObject *package = NULL;
  JsonArray *ranges = NULL;
  const char *ecosystem = NULL, *name = NULL, *purl = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GArray) candidates = NULL;

  if (!_bw_foreign_get_object (&imp->ctx, affected, "package", &package) ||
      !_bw_foreign_get_array (&imp->ctx, affected, "ranges", &ranges) ||
      !read_strings (imp, affected, "versions", versions) ||
      !read_osv_severity (imp, affected, f))
    return FALSE;
  if (package != NULL)
    {
      gsize mark = _bw_foreign_push_key (&imp->ctx, "package");

      if (!_bw_foreign_get_string (&imp->ctx, package, "ecosystem", &ecosystem) ||
          !_bw_foreign_get_string (&imp->ctx, package, "name", &name) ||
          !_bw_foreign_get_string (&imp->ctx, package, "purl", &purl))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, mark);
    }
  base = bw_purl_dup_base (purl);
  candidates = _bw_vuln_candidates_for (imp, base, name);

  for (guint c = 0; c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);
      const char *version = _bw_vuln_component_version (imp, i);
      gboolean hit = FALSE;

      if (base != NULL && imp->purls->pdata[i] != NULL)
        {
          g_autofree char *their_base = bw_purl_dup_base (bw_component_get_purl (imp->components->pdata[i]));

          if (g_strcmp0 (base, their_base) != 0)
            continue;
        }
      else if (!_bw_vuln_is_package (imp, i, ecosystem, name))
        continue;

      if (versions->len == 0 && ranges == NULL)
        hit = TRUE;
      for (guint v = 0; v < versions->len && !hit; v++)
        hit = _bw_vuln_versions_equal (version, versions->pdata[v]);
      if (!hit && ranges != NULL && !read_ranges (imp, ranges, version, &hit))
        return FALSE;
      if (hit)
        _bw_vuln_add_target (f, imp->components->pdata[i]);
    }
  return TRUE;
}

/* One OSV record; `package_targets` are the components an osv-scanner
 * package matched (NULL: match by the record's affected[]). */
gboolean
_bw_vuln_read_osv_record (Import     *imp,
                 JsonObject *record,
                 GPtrArray  *package_targets)
{
  const char *id = NULL, *withdrawn = NULL;
  JsonObject *database = NULL;
  JsonArray *affected = NULL;
  Finding *f;

  if (!_bw_foreign_get_string (&imp->ctx, record, "id", &id) ||
      !_bw_foreign_get_string (&imp->ctx, record, "withdrawn", &withdrawn) ||
      !_bw_foreign_get_object (&imp->ctx, record, "database_specific", &database) ||
      !_bw_foreign_get_array (&imp->ctx, record, "affected", &affected))
    return FALSE;
  if (id == NULL || *id == '\0')
    return _bw_foreign_fail (&imp->ctx, _("an OSV record needs an “id”"));
  imp->n_read++;
  /* A withdrawn record is no longer a vulnerability. */
  if (withdrawn != NULL)
    return TRUE;

  f = _bw_vuln_finding_new (id);
  g_ptr_array_add (imp->findings, f);
  if (!read_strings (imp, record, "aliases", f->aliases) || !read_osv_severity (imp, record, f))
    return FALSE;
  if (database != NULL)
    {
      g_autoptr(GPtrArray) cwes = g_ptr_array_new_with_free_func (g_free);
      gsize mark = _bw_foreign_push_key (&imp->ctx, "database_specific");
      JsonNode *node = json_object_get_member (database, "cwe_ids");

      /* Other databases put other things under database_specific. */
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && !read_strings (imp, database, "cwe_ids", cwes))
        return FALSE;
      for (guint i = 0; i < cwes->len; i++)
        _bw_vuln_add_cwe (f, cwes->pdata[i]);
      _bw_foreign_pop (&imp->ctx, mark);
    }

  if (package_targets != NULL)
    {
      for (guint i = 0; i < package_targets->len; i++)
        _bw_vuln_add_target (f, package_targets->pdata[i]);
    }
  else if (affected != NULL)
    {
      gsize mark = _bw_foreign_push_key (&imp->ctx, "affected");

      for (guint i = 0; i < json_array_get_length (affected); i++)
        {
          JsonObject *entry = _bw_foreign_element_object (&imp->ctx, affected, i);
          gsize imark;

          if (entry == NULL)
            return FALSE;
          imark = _bw_foreign_push_index (&imp->ctx, i);
          if (!read_osv_affected (imp, entry, f))
            return FALSE;
          _bw_foreign_pop (&imp->ctx, imark);
        }
      _bw_foreign_pop (&imp->ctx, mark);
    }
  if (package_targets == NULL && f->targets->len == 0)
    _bw_vuln_add_unique (imp->unmatched, id);
  return TRUE;
}

gboolean
_bw_vuln_read_osv_list (Import    *imp,
               JsonArray *records)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = _bw_foreign_element_object (&imp->ctx, records, i);
      gsize mark;

      if (record == NULL)
        return FALSE;
      mark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_vuln_read_osv_record (imp, record, NULL))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, mark);
    }
  return TRUE;
}

static gboolean
read_scanner_package (Import     *imp,
                      JsonObject *entry)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  JsonObject *package = NULL;
  JsonArray *vulns = NULL;
  const char *name = NULL, *version = NULL, *ecosystem = NULL, *purl = NULL;
  gsize mark;

  if (!_bw_foreign_get_object (&imp->ctx, entry, "package", &package) ||
      !_bw_foreign_get_array (&imp->ctx, entry, "vulnerabilities", &vulns))
    return FALSE;
  if (package == NULL)
    {
      mark = _bw_foreign_push_key (&imp->ctx, "package");
      return _bw_foreign_fail (&imp->ctx, _("missing"));
    }
  mark = _bw_foreign_push_key (&imp->ctx, "package");
  if (!_bw_foreign_get_string (&imp->ctx, package, "name", &name) ||
      !_bw_foreign_get_string (&imp->ctx, package, "version", &version) ||
      !_bw_foreign_get_string (&imp->ctx, package, "ecosystem", &ecosystem) ||
      !_bw_foreign_get_string (&imp->ctx, package, "purl", &purl))
    return FALSE;
  _bw_foreign_pop (&imp->ctx, mark);
  if (vulns == NULL || json_array_get_length (vulns) == 0)
    return TRUE;

  if (purl != NULL)
    {
      Finding *probe = _bw_vuln_finding_new ("");

      if (_bw_vuln_match_purl (imp, purl, probe))
        for (guint i = 0; i < probe->targets->len; i++)
          g_ptr_array_add (targets, bw_project_lookup (imp->project, probe->targets->pdata[i]));
      _bw_vuln_finding_free (probe);
    }
  if (targets->len == 0)
    {
      g_autoptr(GArray) candidates = _bw_vuln_candidates_for (imp, NULL, name);

      for (guint c = 0; c < candidates->len; c++)
        {
          guint i = g_array_index (candidates, guint, c);

          if (_bw_vuln_is_package (imp, i, ecosystem, name) && _bw_vuln_versions_equal (version, _bw_vuln_component_version (imp, i)))
            g_ptr_array_add (targets, imp->components->pdata[i]);
        }
    }
  if (targets->len == 0)
    {
      g_autofree char *what = g_strdup_printf ("%s %s %s", ecosystem ? ecosystem : "?",
                                               name ? name : "?", version ? version : "");

      _bw_vuln_add_unique (imp->unmatched, purl != NULL ? purl : g_strstrip (what));
    }

  mark = _bw_foreign_push_key (&imp->ctx, "vulnerabilities");
  for (guint i = 0; i < json_array_get_length (vulns); i++)
    {
      JsonObject *record = _bw_foreign_element_object (&imp->ctx, vulns, i);
      gsize imark;

      if (record == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_vuln_read_osv_record (imp, record, targets))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, imark);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

gboolean
_bw_vuln_read_scanner_results (Import    *imp,
                      JsonArray *results)
{
  gsize mark = _bw_foreign_push_key (&imp->ctx, "results");

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = _bw_foreign_element_object (&imp->ctx, results, i);
      JsonArray *packages = NULL;
      gsize imark;

      if (result == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!_bw_foreign_get_array (&imp->ctx, result, "packages", &packages))
        return FALSE;
      if (packages != NULL)
        {
          gsize pmark = _bw_foreign_push_key (&imp->ctx, "packages");

          for (guint j = 0; j < json_array_get_length (packages); j++)
            {
              JsonObject *package = _bw_foreign_element_object (&imp->ctx, packages, j);
              gsize jmark;

              if (package == NULL)
                return FALSE;
              jmark = _bw_foreign_push_index (&imp->ctx, j);
              if (!read_scanner_package (imp, package))
                return FALSE;
              _bw_foreign_pop (&imp->ctx, jmark);
            }
          _bw_foreign_pop (&imp->ctx, pmark);
        }
      _bw_foreign_pop (&imp->ctx, imark);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

