/* bw-vuln-import.c — known vulnerabilities from OSV, CycloneDX VEX and the CISA KEV catalogue
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Offline files only; nothing here touches the network.  The kind of file
 * is recognised from its content:
 *  - OSV (https://ossf.github.io/osv-schema/): one record or an array.  A
 *    record applies to the components its affected[] packages name (by
 *    purl, or ecosystem and name) whose version is listed or inside one
 *    of its SEMVER/ECOSYSTEM ranges.
 *  - osv-scanner output: results[].packages[] with their vulnerabilities;
 *    a package is matched by ecosystem, name and version.
 *  - CycloneDX VEX (1.4–1.6): vulnerabilities[] with affects[].ref naming
 *    a component by bom-ref (of the components in the same file) or purl;
 *    analysis.state becomes our status (resolved → fixed, exploitable →
 *    affected, in_triage → under_investigation, false_positive and
 *    not_affected → not_affected with the justification).
 *  - The CISA KEV catalogue: vulnerabilities[].cveID marks our entries of
 *    that CVE as known exploited.
 *
 * An entry keeps the ID of its record (a GHSA stays a GHSA); the record's
 * aliases (often the CVE) are noted in discovered_by as "; aliases: …",
 * and an entry is found again by its ID or any alias.  Our assessments are
 * kept: OSV adds entries and fills in what is missing (CWEs, the CVSS
 * vector) but never changes a status, justification or link; only a VEX
 * (an assessment itself) sets status and justification, and only KEV sets
 * the KEV flag.  CVSS vectors are stored as CVSS 3.1 base vectors (3.0 has
 * the same metrics; temporal and environmental metrics are dropped).  An
 * import is one command: one undo step, all or nothing.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-command-add-child.h"
#include "bw-command-group.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-cvss.h"
#include "bw-purl.h"
#include "bw-sbom-private.h"
#include "bw-vuln-import.h"

#define ALIASES_NOTE "; aliases: "

/* One vulnerability statement of the file, and the components it is about. */
typedef struct
{
  char       *id;
  GPtrArray  *aliases;        /* char * */
  GPtrArray  *cwe;            /* char * */
  char       *cvss;           /* normalised, or NULL */
  const char *status;         /* NULL: the file says nothing */
  char       *justification;  /* NULL: the file says nothing */
  GPtrArray  *targets;        /* component IDs (borrowed, interned) */
} Finding;

typedef struct
{
  BwProject    *project;
  BwVulnSource  source;
  const char   *source_name;
  GPtrArray    *components;   /* BwComponent (refs) */
  GPtrArray    *purls;        /* per component: BwPurl * or NULL */
  GPtrArray    *findings;     /* Finding */
  GPtrArray    *unmatched;    /* char * */
  GHashTable   *kev;          /* CVE IDs of the catalogue */
  guint         n_read;
  BwForeign     ctx;
} Import;

static void
finding_free (Finding *f)
{
  g_free (f->id);
  g_ptr_array_unref (f->aliases);
  g_ptr_array_unref (f->cwe);
  g_free (f->cvss);
  g_free (f->justification);
  g_ptr_array_unref (f->targets);
  g_free (f);
}

static Finding *
finding_new (const char *id)
{
  Finding *f = g_new0 (Finding, 1);

  f->id = g_strdup (id);
  f->aliases = g_ptr_array_new_with_free_func (g_free);
  f->cwe = g_ptr_array_new_with_free_func (g_free);
  f->targets = g_ptr_array_new ();
  return f;
}

static void
add_unique (GPtrArray  *list,
            const char *value)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], value))
      return;
  g_ptr_array_add (list, g_strdup (value));
}

static void
add_target (Finding     *f,
            BwComponent *component)
{
  const char *id = g_intern_string (bw_record_get_id (BW_RECORD (component)));

  if (!g_ptr_array_find (f->targets, id, NULL))
    g_ptr_array_add (f->targets, (gpointer) id);
}

const char *
bw_vuln_source_get_name (BwVulnSource source)
{
  switch (source)
    {
    case BW_VULN_SOURCE_OSV: return "OSV";
    case BW_VULN_SOURCE_OSV_SCANNER: return "osv-scanner";
    case BW_VULN_SOURCE_CYCLONEDX_VEX: return "CycloneDX VEX";
    case BW_VULN_SOURCE_KEV: return "CISA KEV";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * bw_vuln_normalize_cvss:
 * @vector: a CVSS v3.0 or v3.1 vector, with or without its "CVSS:3.x/"
 *   prefix, possibly with temporal and environmental metrics
 *
 * Returns: (transfer full) (nullable): the CVSS 3.1 base vector, or %NULL
 *   when @vector is not a complete, valid v3 vector
 */
char *
bw_vuln_normalize_cvss (const char *vector)
{
  static const char * const base[] = { "AV", "AC", "PR", "UI", "S", "C", "I", "A", NULL };
  g_autoptr(GString) text = g_string_new ("CVSS:3.1");
  g_auto(GStrv) parts = NULL;
  BwCvssVector parsed;

  if (vector == NULL)
    return NULL;
  if (g_str_has_prefix (vector, "CVSS:3.0/") || g_str_has_prefix (vector, "CVSS:3.1/"))
    vector += strlen ("CVSS:3.x/");
  else if (g_str_has_prefix (vector, "CVSS:"))
    return NULL;
  parts = g_strsplit (vector, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *colon = strchr (parts[i], ':');

      if (colon == NULL)
        return NULL;
      for (guint k = 0; base[k] != NULL; k++)
        if (strlen (base[k]) == (gsize) (colon - parts[i]) && strncmp (parts[i], base[k], colon - parts[i]) == 0)
          g_string_append_printf (text, "/%s", parts[i]);
    }
  if (!bw_cvss_parse (text->str, &parsed, NULL))
    return NULL;
  return bw_cvss_to_string (&parsed);
}

/**
 * bw_vulnerability_dup_aliases:
 * @vulnerability: an entry
 *
 * Returns: (transfer full): the aliases an import noted in its
 *   discovered_by ("…; aliases: CVE-2024-1, PYSEC-2024-2"); may be empty
 */
char **
bw_vulnerability_dup_aliases (BwVulnerability *vulnerability)
{
  const char *text = bw_vulnerability_get_discovered_by (vulnerability);
  const char *note = text != NULL ? strstr (text, ALIASES_NOTE) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;

  if (note == NULL)
    return g_strv_builder_end (builder);
  rest = g_strndup (note + strlen (ALIASES_NOTE), strcspn (note + strlen (ALIASES_NOTE), ";"));
  parts = g_strsplit (rest, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* Versions ------------------------------------------------------------- */

/* A generic comparison: runs of digits by value, other runs by bytes; a
 * version that goes on with '-', '~' or a letter where the other ends is
 * a pre-release and comes first ("1.0-rc1" < "1.0" < "1.0.1"). */
static int
compare_versions (const char *a,
                  const char *b)
{
  if (*a == 'v' || *a == 'V')
    a++;
  if (*b == 'v' || *b == 'V')
    b++;
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea = a, *eb = b;
          gsize la, lb;
          int c;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = b; g_ascii_isdigit (*eb); eb++)
            ;
          la = ea - a;
          lb = eb - b;
          if (la != lb)
            return la < lb ? -1 : 1;
          c = strncmp (a, b, la);
          if (c != 0)
            return c < 0 ? -1 : 1;
          a = ea;
          b = eb;
        }
      else if (*a == *b)
        {
          a++;
          b++;
        }
      else if (*a == '.' || *b == '.')
        return *a == '.' ? 1 : -1;
      else
        return *a < *b ? -1 : 1;
    }
  if (*a == '\0' && *b == '\0')
    return 0;
  if (*a == '\0')
    return (*b == '-' || *b == '~' || g_ascii_isalpha (*b)) ? 1 : -1;
  return (*a == '-' || *a == '~' || g_ascii_isalpha (*a)) ? -1 : 1;
}

static gboolean
versions_equal (const char *a,
                const char *b)
{
  return a != NULL && b != NULL && *a != '\0' && compare_versions (a, b) == 0;
}

/* Components ----------------------------------------------------------- */

static void
collect_components (Import *imp)
{
  GListModel *list = bw_project_get_components (imp->project);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      BwComponent *component = g_list_model_get_item (list, i);

      g_ptr_array_add (imp->components, component);
      g_ptr_array_add (imp->purls, bw_purl_parse (bw_component_get_purl (component)));
    }
}

/* Components a purl names: the same package, and the same version when
 * the purl has one. */
static gboolean
match_purl (Import     *imp,
            const char *purl_text,
            Finding    *f)
{
  g_autoptr(BwPurl) purl = bw_purl_parse (purl_text);
  g_autofree char *base = bw_purl_dup_base (purl_text);
  gboolean found = FALSE;

  if (purl == NULL)
    return FALSE;
  for (guint i = 0; i < imp->components->len; i++)
    {
      BwComponent *component = imp->components->pdata[i];
      BwPurl *theirs = imp->purls->pdata[i];
      g_autofree char *their_base = NULL;

      if (theirs == NULL)
        continue;
      if (g_strcmp0 (bw_component_get_purl (component), purl_text) != 0)
        {
          their_base = bw_purl_dup_base (bw_component_get_purl (component));
          if (g_strcmp0 (their_base, base) != 0)
            continue;
          if (purl->version != NULL &&
              !versions_equal (purl->version, theirs->version ? theirs->version : bw_component_get_version (component)))
            continue;
        }
      add_target (f, component);
      found = TRUE;
    }
  return found;
}

/* Whether `component` is the package `name` of `ecosystem` (an OSV
 * ecosystem) or, without an ecosystem, of that name. */
static gboolean
is_package (Import     *imp,
            guint       i,
            const char *ecosystem,
            const char *name)
{
  BwComponent *component = imp->components->pdata[i];
  BwPurl *purl = imp->purls->pdata[i];
  const char *type = bw_purl_type_for_ecosystem (ecosystem);

  if (name == NULL)
    return FALSE;
  if (purl != NULL && type != NULL)
    {
      g_autofree char *full = bw_purl_dup_full_name (purl);

      return g_str_equal (purl->type, type) &&
             (bw_purl_names_equal (type, full, name) || bw_purl_names_equal (type, purl->name, name));
    }
  return bw_purl_names_equal (type, bw_component_get_name (component), name);
}

static const char *
component_version (Import *imp,
                   guint   i)
{
  BwComponent *component = imp->components->pdata[i];
  const char *version = bw_component_get_version (component);
  BwPurl *purl = imp->purls->pdata[i];

  if (*version == '\0' && purl != NULL && purl->version != NULL)
    return purl->version;
  return version;
}

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
      add_unique (out, json_node_get_string (node));
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

static void
add_cwe (Finding    *f,
         const char *cwe)
{
  if (g_str_has_prefix (cwe, "CWE-") && cwe[4] != '\0' && strspn (cwe + 4, "0123456789") == strlen (cwe + 4))
    add_unique (f->cwe, cwe);
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
          if (introduced != NULL && (g_str_equal (introduced, "0") || compare_versions (version, introduced) >= 0))
            inside = TRUE;
          if (fixed != NULL && compare_versions (version, fixed) >= 0)
            inside = FALSE;
          if (last != NULL && compare_versions (version, last) > 0)
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

  for (guint i = 0; i < imp->components->len; i++)
    {
      const char *version = component_version (imp, i);
      gboolean hit = FALSE;

      if (base != NULL && imp->purls->pdata[i] != NULL)
        {
          g_autofree char *their_base = bw_purl_dup_base (bw_component_get_purl (imp->components->pdata[i]));

          if (g_strcmp0 (base, their_base) != 0)
            continue;
        }
      else if (!is_package (imp, i, ecosystem, name))
        continue;

      if (versions->len == 0 && ranges == NULL)
        hit = TRUE;
      for (guint v = 0; v < versions->len && !hit; v++)
        hit = versions_equal (version, versions->pdata[v]);
      if (!hit && ranges != NULL && !read_ranges (imp, ranges, version, &hit))
        return FALSE;
      if (hit)
        add_target (f, imp->components->pdata[i]);
    }
  return TRUE;
}

/* One OSV record; `package_targets` are the components an osv-scanner
 * package matched (NULL: match by the record's affected[]). */
static gboolean
read_osv_record (Import     *imp,
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

  f = finding_new (id);
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
        add_cwe (f, cwes->pdata[i]);
      _bw_foreign_pop (&imp->ctx, mark);
    }

  if (package_targets != NULL)
    {
      for (guint i = 0; i < package_targets->len; i++)
        add_target (f, package_targets->pdata[i]);
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
    add_unique (imp->unmatched, id);
  return TRUE;
}

static gboolean
read_osv_list (Import    *imp,
               JsonArray *records)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = _bw_foreign_element_object (&imp->ctx, records, i);
      gsize mark;

      if (record == NULL)
        return FALSE;
      mark = _bw_foreign_push_index (&imp->ctx, i);
      if (!read_osv_record (imp, record, NULL))
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
      Finding *probe = finding_new ("");

      if (match_purl (imp, purl, probe))
        for (guint i = 0; i < probe->targets->len; i++)
          g_ptr_array_add (targets, bw_project_lookup (imp->project, probe->targets->pdata[i]));
      finding_free (probe);
    }
  if (targets->len == 0)
    for (guint i = 0; i < imp->components->len; i++)
      if (is_package (imp, i, ecosystem, name) && versions_equal (version, component_version (imp, i)))
        g_ptr_array_add (targets, imp->components->pdata[i]);
  if (targets->len == 0)
    {
      g_autofree char *what = g_strdup_printf ("%s %s %s", ecosystem ? ecosystem : "?",
                                               name ? name : "?", version ? version : "");

      add_unique (imp->unmatched, purl != NULL ? purl : g_strstrip (what));
    }

  mark = _bw_foreign_push_key (&imp->ctx, "vulnerabilities");
  for (guint i = 0; i < json_array_get_length (vulns); i++)
    {
      JsonObject *record = _bw_foreign_element_object (&imp->ctx, vulns, i);
      gsize imark;

      if (record == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (&imp->ctx, i);
      if (!read_osv_record (imp, record, targets))
        return FALSE;
      _bw_foreign_pop (&imp->ctx, imark);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

static gboolean
read_scanner_results (Import    *imp,
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
  if (entry != NULL && *entry->purl != '\0' && match_purl (imp, entry->purl, f))
    return TRUE;
  if (entry != NULL)
    {
      for (guint i = 0; i < imp->components->len; i++)
        {
          BwComponent *component = imp->components->pdata[i];

          if (bw_purl_names_equal (NULL, bw_component_get_name (component), entry->name) &&
              g_strcmp0 (bw_component_get_version (component), entry->version) == 0)
            {
              add_target (f, component);
              found = TRUE;
            }
        }
      return found;
    }
  return match_purl (imp, ref, f);
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
  f = finding_new (id);
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
        add_unique (f->aliases, alias);
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
      add_cwe (f, cwe);
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
        add_unique (imp->unmatched, ref);
    }
  _bw_foreign_pop (&imp->ctx, mark);
  return TRUE;
}

static gboolean
read_vex (Import     *imp,
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

static gboolean
read_kev (Import    *imp,
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
static gboolean
looks_like_kev (JsonObject *root)
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

static gboolean
read_file (Import   *imp,
           JsonNode *root)
{
  JsonObject *object;
  JsonArray *array = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      imp->source = BW_VULN_SOURCE_OSV;
      return read_osv_list (imp, json_node_get_array (root));
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _bw_foreign_fail (&imp->ctx, _("The file is neither OSV, osv-scanner output, CycloneDX VEX nor a KEV catalogue"));
  object = json_node_get_object (root);

  if (json_object_has_member (object, "bomFormat"))
    {
      imp->source = BW_VULN_SOURCE_CYCLONEDX_VEX;
      return read_vex (imp, object);
    }
  if (json_object_has_member (object, "results"))
    {
      imp->source = BW_VULN_SOURCE_OSV_SCANNER;
      if (!_bw_foreign_get_array (&imp->ctx, object, "results", &array))
        return FALSE;
      return read_scanner_results (imp, array);
    }
  if (looks_like_kev (object))
    {
      imp->source = BW_VULN_SOURCE_KEV;
      if (!_bw_foreign_get_array (&imp->ctx, object, "vulnerabilities", &array))
        return FALSE;
      if (array == NULL)
        return _bw_foreign_fail (&imp->ctx, _("The KEV catalogue has no “vulnerabilities”"));
      return read_kev (imp, array);
    }
  if (json_object_has_member (object, "id"))
    {
      imp->source = BW_VULN_SOURCE_OSV;
      return read_osv_record (imp, object, NULL);
    }
  return _bw_foreign_fail (&imp->ctx, _("The file is neither OSV, osv-scanner output, CycloneDX VEX nor a KEV catalogue"));
}

/* Applying ------------------------------------------------------------- */

enum
{
  MEMBER_CWE           = 1 << 0,
  MEMBER_KEV           = 1 << 1,
  MEMBER_CVSS          = 1 << 2,
  MEMBER_STATUS        = 1 << 3,
  MEMBER_JUSTIFICATION = 1 << 4,
  MEMBER_DISCOVERED_BY = 1 << 5,
};

static const char * const member_names[] = { "cwe", "kev", "cvss", "status", "justification", "discovered_by" };

/* An entry of a component as it will be: an existing one (index ≥ 0) or
 * a new one. */
typedef struct
{
  int        index;
  char      *id;
  GPtrArray *aliases;
  GPtrArray *cwe;
  char      *cvss;
  char      *status;
  char      *justification;
  char      *discovered_by;
  gboolean   kev;
  guint      changed;
} Work;

static void
work_free (Work *w)
{
  g_free (w->id);
  g_ptr_array_unref (w->aliases);
  g_ptr_array_unref (w->cwe);
  g_free (w->cvss);
  g_free (w->status);
  g_free (w->justification);
  g_free (w->discovered_by);
  g_free (w);
}

static GPtrArray *
strv_to_array (const char * const *strv)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (strv[i]));
  return array;
}

static GPtrArray *
works_of (GHashTable  *table,
          BwComponent *component)
{
  const char *id = bw_record_get_id (BW_RECORD (component));
  GPtrArray *works = g_hash_table_lookup (table, id);
  GListModel *list;

  if (works != NULL)
    return works;
  works = g_ptr_array_new_with_free_func ((GDestroyNotify) work_free);
  list = bw_component_get_vulnerabilities (component);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BwVulnerability) v = g_list_model_get_item (list, i);
      g_auto(GStrv) aliases = bw_vulnerability_dup_aliases (v);
      Work *w = g_new0 (Work, 1);

      w->index = i;
      w->id = g_strdup (bw_record_get_id (BW_RECORD (v)));
      w->aliases = strv_to_array ((const char * const *) aliases);
      w->cwe = strv_to_array (bw_vulnerability_get_cwe (v));
      w->cvss = g_strdup (bw_vulnerability_get_cvss (v));
      w->status = g_strdup (bw_vulnerability_get_status (v));
      w->justification = g_strdup (bw_vulnerability_get_justification (v));
      w->discovered_by = g_strdup (bw_vulnerability_get_discovered_by (v));
      w->kev = bw_vulnerability_get_kev (v);
      g_ptr_array_add (works, w);
    }
  g_hash_table_insert (table, (gpointer) id, works);
  return works;
}

static gboolean
work_is (Work       *w,
         const char *id)
{
  return id != NULL && (g_str_equal (w->id, id) || g_ptr_array_find_with_equal_func (w->aliases, id, g_str_equal, NULL));
}

static Work *
find_work (GPtrArray *works,
           Finding   *f)
{
  for (guint i = 0; i < works->len; i++)
    {
      Work *w = works->pdata[i];

      if (work_is (w, f->id))
        return w;
      for (guint a = 0; a < f->aliases->len; a++)
        if (work_is (w, f->aliases->pdata[a]))
          return w;
    }
  return NULL;
}

static void
note_aliases (Work *w)
{
  g_autoptr(GString) text = g_string_new (w->discovered_by);
  const char *note = strstr (text->str, ALIASES_NOTE);

  if (note != NULL)
    g_string_truncate (text, note - text->str);
  if (w->aliases->len > 0)
    {
      g_string_append (text, ALIASES_NOTE);
      for (guint i = 0; i < w->aliases->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (char *) w->aliases->pdata[i]);
    }
  g_free (w->discovered_by);
  w->discovered_by = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
apply_finding (Import    *imp,
               GPtrArray *works,
               Finding   *f)
{
  Work *w = find_work (works, f);
  guint n_aliases;

  if (w == NULL)
    {
      w = g_new0 (Work, 1);
      w->index = -1;
      w->id = g_strdup (f->id);
      w->aliases = g_ptr_array_new_with_free_func (g_free);
      w->cwe = g_ptr_array_new_with_free_func (g_free);
      w->status = g_strdup (f->status != NULL ? f->status : "under_investigation");
      w->justification = g_strdup (f->justification != NULL ? f->justification : "");
      w->discovered_by = imp->source_name != NULL
        ? g_strdup_printf ("%s (%s)", bw_vuln_source_get_name (imp->source), imp->source_name)
        : g_strdup (bw_vuln_source_get_name (imp->source));
      g_ptr_array_add (works, w);
    }

  n_aliases = w->aliases->len;
  if (!g_str_equal (w->id, f->id))
    add_unique (w->aliases, f->id);
  for (guint i = 0; i < f->aliases->len; i++)
    if (!g_str_equal (w->id, f->aliases->pdata[i]))
      add_unique (w->aliases, f->aliases->pdata[i]);
  if (w->aliases->len != n_aliases || (w->index < 0 && w->aliases->len > 0))
    {
      note_aliases (w);
      w->changed |= MEMBER_DISCOVERED_BY;
    }

  for (guint i = 0; i < f->cwe->len; i++)
    if (!g_ptr_array_find_with_equal_func (w->cwe, f->cwe->pdata[i], g_str_equal, NULL))
      {
        g_ptr_array_add (w->cwe, g_strdup (f->cwe->pdata[i]));
        w->changed |= MEMBER_CWE;
      }
  if (w->cvss == NULL && f->cvss != NULL)
    {
      w->cvss = g_strdup (f->cvss);
      w->changed |= MEMBER_CVSS;
    }
  /* Only a VEX is an assessment; a scanner's finding never overrides ours. */
  if (imp->source == BW_VULN_SOURCE_CYCLONEDX_VEX && w->index >= 0)
    {
      if (f->status != NULL && g_strcmp0 (w->status, f->status) != 0)
        {
          g_free (w->status);
          w->status = g_strdup (f->status);
          w->changed |= MEMBER_STATUS;
        }
      if (f->justification != NULL && g_strcmp0 (w->justification, f->justification) != 0)
        {
          g_free (w->justification);
          w->justification = g_strdup (f->justification);
          w->changed |= MEMBER_JUSTIFICATION;
        }
    }
}

static void
apply_kev (Import    *imp,
           GPtrArray *works)
{
  for (guint i = 0; i < works->len; i++)
    {
      Work *w = works->pdata[i];
      gboolean listed = g_hash_table_contains (imp->kev, w->id);

      for (guint a = 0; a < w->aliases->len && !listed; a++)
        listed = g_hash_table_contains (imp->kev, w->aliases->pdata[a]);
      if (listed && !w->kev)
        {
          w->kev = TRUE;
          w->changed |= MEMBER_KEV;
        }
    }
}

static void
set_member_value (Work       *w,
                  guint       bit,
                  GValue     *value)
{
  switch (bit)
    {
    case MEMBER_CWE:
      g_value_init (value, G_TYPE_STRV);
      g_ptr_array_add (w->cwe, NULL);
      g_value_set_boxed (value, w->cwe->pdata);
      g_ptr_array_remove_index (w->cwe, w->cwe->len - 1);
      break;
    case MEMBER_KEV:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, w->kev);
      break;
    default:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value,
                          bit == MEMBER_CVSS ? w->cvss :
                          bit == MEMBER_STATUS ? w->status :
                          bit == MEMBER_JUSTIFICATION ? w->justification : w->discovered_by);
      break;
    }
}

static BwVulnerability *
work_to_record (Work *w)
{
  BwVulnerability *v = g_object_new (BW_TYPE_VULNERABILITY, "id", w->id, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (member_names); k++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      set_member_value (w, 1u << k, &value);
      g_object_set_property (G_OBJECT (v), member_names[k], &value);
    }
  return v;
}

static BwVulnChange *
change_new (const char *component_id,
            Work       *w)
{
  BwVulnChange *change = g_new0 (BwVulnChange, 1);
  g_autoptr(GStrvBuilder) members = g_strv_builder_new ();

  change->component_id = g_strdup (component_id);
  change->vulnerability_id = g_strdup (w->id);
  change->added = w->index < 0;
  if (!change->added)
    for (guint k = 0; k < G_N_ELEMENTS (member_names); k++)
      if (w->changed & (1u << k))
        g_strv_builder_add (members, member_names[k]);
  change->members = g_strv_builder_end (members);
  return change;
}

static void
vuln_change_free (BwVulnChange *change)
{
  g_free (change->component_id);
  g_free (change->vulnerability_id);
  g_strfreev (change->members);
  g_free (change);
}

void
bw_vuln_report_free (BwVulnReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->unmatched);
  g_free (self);
}

/**
 * bw_vuln_import:
 * @project: the project whose components the file is about
 * @bytes: an OSV record or list, osv-scanner output, a CycloneDX VEX or
 *   the CISA KEV catalogue (JSON)
 * @source_name: (nullable): the file's name, noted in discovered_by
 * @flags: a dry run
 * @report: (out) (optional): what changes
 *
 * Applies the file to the components' vulnerabilities as one undoable
 * command on the project's command stack.  A file that is not one of
 * these formats, or is malformed, is refused with the JSON path of the
 * problem and the project is not touched.
 */
gboolean
bw_vuln_import (BwProject          *project,
                GBytes             *bytes,
                const char         *source_name,
                BwVulnImportFlags   flags,
                BwVulnReport      **report,
                GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GPtrArray) components = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) purls = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_purl_free);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  g_autoptr(GHashTable) kev = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) works = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(BwCommandGroup) group = NULL;
  g_autoptr(BwVulnReport) result = g_new0 (BwVulnReport, 1);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  Import imp = { 0 };

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) vuln_change_free);
  result->unmatched = g_ptr_array_new_with_free_func (g_free);

  root = _bw_foreign_parse (bytes, _("The vulnerability file"), error);
  if (root == NULL)
    return FALSE;

  imp.project = project;
  imp.source_name = source_name;
  imp.components = components;
  imp.purls = purls;
  imp.findings = findings;
  imp.unmatched = result->unmatched;
  imp.kev = kev;
  imp.ctx.path = path;
  imp.ctx.error = &local_error;
  collect_components (&imp);
  if (!read_file (&imp, root))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  result->source = imp.source;
  result->n_read = imp.n_read;

  for (guint i = 0; i < findings->len; i++)
    {
      Finding *f = findings->pdata[i];

      for (guint t = 0; t < f->targets->len; t++)
        {
          BwComponent *component = BW_COMPONENT (bw_project_lookup (project, f->targets->pdata[t]));

          apply_finding (&imp, works_of (works, component), f);
        }
    }
  if (imp.source == BW_VULN_SOURCE_KEV)
    for (guint i = 0; i < components->len; i++)
      apply_kev (&imp, works_of (works, components->pdata[i]));

  group = bw_command_group_new (_("Import Vulnerabilities"));
  for (guint i = 0; i < components->len; i++)
    {
      const char *component_id = bw_record_get_id (BW_RECORD (components->pdata[i]));
      GPtrArray *list = g_hash_table_lookup (works, component_id);

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          Work *w = list->pdata[j];

          if (w->index >= 0 && w->changed == 0)
            continue;
          g_ptr_array_add (result->changes, change_new (component_id, w));
          if (flags & BW_VULN_IMPORT_DRY_RUN)
            continue;
          if (w->index < 0)
            {
              g_autoptr(BwVulnerability) v = work_to_record (w);
              g_autoptr(BwCommand) add = bw_command_add_child_new (project, component_id, "vulnerabilities",
                                                                   BW_RECORD (v));

              bw_command_group_append (group, add);
              continue;
            }
          for (guint k = 0; k < G_N_ELEMENTS (member_names); k++)
            if (w->changed & (1u << k))
              {
                g_auto(GValue) value = G_VALUE_INIT;
                g_autofree char *target = g_strdup_printf ("%s/vulnerabilities/%d", component_id, w->index);
                g_autoptr(BwCommand) set = NULL;

                set_member_value (w, 1u << k, &value);
                set = bw_command_set_property_new (project, target, member_names[k], &value);
                bw_command_group_append (group, set);
              }
        }
    }

  if (bw_command_group_get_size (group) > 0 &&
      !bw_command_stack_execute (bw_project_get_command_stack (project), BW_COMMAND (group), &local_error))
    {
      g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_FAILED,
                   _("The vulnerabilities could not be imported: %s"), local_error->message);
      return FALSE;
    }

  if (report != NULL)
    *report = g_steal_pointer (&result);
  return TRUE;
}

gboolean
bw_vuln_import_file (BwProject          *project,
                     GFile              *file,
                     BwVulnImportFlags   flags,
                     BwVulnReport      **report,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = _bw_foreign_load_file (file, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  return bw_vuln_import (project, bytes, name, flags, report, error);
}
