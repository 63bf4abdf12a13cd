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
#include "bw-vuln-import-private.h"

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
 * bw_vuln_dup_aliases:
 * @vulnerability: an entry
 *
 * Returns: (transfer full): the aliases an import noted in its
 *   discovered_by ("…; aliases: CVE-2024-1, PYSEC-2024-2"); may be empty
 */
char **
bw_vuln_dup_aliases (BwVulnerability *vulnerability)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  const char *note;

  g_return_val_if_fail (BW_IS_VULNERABILITY (vulnerability), NULL);

  builder = g_strv_builder_new ();
  note = strstr (bw_vulnerability_get_discovered_by (vulnerability), ALIASES_NOTE);
  if (note == NULL)
    return g_strv_builder_end (builder);
  rest = g_strndup (note + strlen (ALIASES_NOTE), strcspn (note + strlen (ALIASES_NOTE), ";"));
  parts = g_strsplit (rest, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
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
      return _bw_vuln_read_osv_list (imp, json_node_get_array (root));
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _bw_foreign_fail (&imp->ctx, _("The file is neither OSV, osv-scanner output, CycloneDX VEX nor a KEV catalogue"));
  object = json_node_get_object (root);

  if (json_object_has_member (object, "bomFormat"))
    {
      imp->source = BW_VULN_SOURCE_CYCLONEDX_VEX;
      return _bw_vuln_read_vex (imp, object);
    }
  if (json_object_has_member (object, "results"))
    {
      imp->source = BW_VULN_SOURCE_OSV_SCANNER;
      if (!_bw_foreign_get_array (&imp->ctx, object, "results", &array))
        return FALSE;
      if (array == NULL)
        {
          _bw_foreign_push_key (&imp->ctx, "results");
          return _bw_foreign_fail (&imp->ctx, _("expected an array, found null"));
        }
      return _bw_vuln_read_scanner_results (imp, array);
    }
  if (_bw_vuln_looks_like_kev (object))
    {
      imp->source = BW_VULN_SOURCE_KEV;
      if (!_bw_foreign_get_array (&imp->ctx, object, "vulnerabilities", &array))
        return FALSE;
      if (array == NULL)
        return _bw_foreign_fail (&imp->ctx, _("The KEV catalogue has no “vulnerabilities”"));
      return _bw_vuln_read_kev (imp, array);
    }
  if (json_object_has_member (object, "id"))
    {
      imp->source = BW_VULN_SOURCE_OSV;
      return _bw_vuln_read_osv_record (imp, object, NULL);
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
      g_auto(GStrv) aliases = bw_vuln_dup_aliases (v);
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
    _bw_vuln_add_unique (w->aliases, f->id);
  for (guint i = 0; i < f->aliases->len; i++)
    if (!g_str_equal (w->id, f->aliases->pdata[i]))
      _bw_vuln_add_unique (w->aliases, f->aliases->pdata[i]);
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
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) _bw_vuln_finding_free);
  g_autoptr(GHashTable) kev = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
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
  imp.by_base = by_base;
  imp.by_name = by_name;
  imp.ctx.path = path;
  imp.ctx.error = &local_error;
  _bw_vuln_collect_components (&imp);
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
