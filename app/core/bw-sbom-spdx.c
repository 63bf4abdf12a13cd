/* bw-sbom-spdx.c — SPDX JSON 2.2 and 2.3 SBOMs
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Reads packages[]: name, versionInfo, supplier (else originator) without
 * its "Organization: "/"Person: " prefix, the purl and CPE of externalRefs,
 * and licenseConcluded (else licenseDeclared).  NOASSERTION and NONE mean
 * "not given".  The package the document describes is the product itself,
 * not one of its parts, and is left out when the document lists others.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-sbom-private.h"

static gboolean
is_given (const char *value)
{
  return value != NULL && *value != '\0' && !g_str_equal (value, "NOASSERTION") && !g_str_equal (value, "NONE");
}

static char *
strip_actor (const char *value)
{
  static const char * const kinds[] = { "Organization:", "Person:", "Tool:" };

  if (!is_given (value))
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (value, kinds[i]))
      {
        g_autofree char *rest = g_strdup (value + strlen (kinds[i]));

        /* "Organization: ACME (contact@acme.example)": the name only. */
        if (strchr (rest, '(') != NULL && g_str_has_suffix (g_strstrip (rest), ")"))
          *strchr (rest, '(') = '\0';
        return g_strdup (g_strstrip (rest));
      }
  return g_strdup (value);
}

static gboolean
read_external_refs (BwForeign   *ctx,
                    JsonObject  *package,
                    BwSbomEntry *entry)
{
  JsonArray *refs = NULL;
  gsize mark;

  if (!_bw_foreign_get_array (ctx, package, "externalRefs", &refs))
    return FALSE;
  if (refs == NULL)
    return TRUE;
  mark = _bw_foreign_push_key (ctx, "externalRefs");
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      JsonObject *ref = _bw_foreign_element_object (ctx, refs, i);
      const char *type = NULL, *locator = NULL;
      gsize imark;

      if (ref == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (ctx, i);
      if (!_bw_foreign_get_string (ctx, ref, "referenceType", &type) ||
          !_bw_foreign_get_string (ctx, ref, "referenceLocator", &locator))
        return FALSE;
      _bw_foreign_pop (ctx, imark);
      if (!is_given (locator))
        continue;
      /* The first of each kind: a package may list several CPEs. */
      if (g_strcmp0 (type, "purl") == 0 && *entry->purl == '\0')
        {
          g_free (entry->purl);
          entry->purl = g_strdup (locator);
        }
      else if ((g_strcmp0 (type, "cpe23Type") == 0 || g_strcmp0 (type, "cpe22Type") == 0) &&
               (*entry->cpe == '\0' || g_str_has_prefix (entry->cpe, "cpe:/")))
        {
          g_free (entry->cpe);
          entry->cpe = g_strdup (locator);
        }
    }
  _bw_foreign_pop (ctx, mark);
  return TRUE;
}

static gboolean
read_package (BwForeign  *ctx,
              JsonObject *package,
              BwSbom     *sbom)
{
  const char *name = NULL, *version = NULL, *supplier = NULL, *originator = NULL;
  const char *concluded = NULL, *declared = NULL, *spdxid = NULL;
  BwSbomEntry *entry;

  if (!_bw_foreign_get_string (ctx, package, "name", &name) ||
      !_bw_foreign_get_string (ctx, package, "SPDXID", &spdxid) ||
      !_bw_foreign_get_string (ctx, package, "versionInfo", &version) ||
      !_bw_foreign_get_string (ctx, package, "supplier", &supplier) ||
      !_bw_foreign_get_string (ctx, package, "originator", &originator) ||
      !_bw_foreign_get_string (ctx, package, "licenseConcluded", &concluded) ||
      !_bw_foreign_get_string (ctx, package, "licenseDeclared", &declared))
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      gsize mark = _bw_foreign_push_key (ctx, "name");

      _bw_foreign_fail (ctx, _("a package needs a name"));
      _bw_foreign_pop (ctx, mark);
      return FALSE;
    }

  entry = _bw_sbom_entry_new ();
  g_ptr_array_add (sbom->entries, entry);
#define SET(member, value) G_STMT_START { g_free (entry->member); entry->member = (value); } G_STMT_END
  SET (name, g_strdup (name));
  SET (version, g_strdup (is_given (version) ? version : ""));
  SET (ref, g_strdup (spdxid ? spdxid : ""));
  SET (supplier, strip_actor (is_given (supplier) ? supplier : originator));
  SET (license, g_strdup (is_given (concluded) ? concluded : is_given (declared) ? declared : ""));
#undef SET
  return read_external_refs (ctx, package, entry);
}

/* The SPDXIDs the document DESCRIBES (documentDescribes, or relationships). */
static gboolean
collect_described (BwForeign  *ctx,
                   JsonObject *root,
                   GHashTable *described)
{
  JsonArray *list = NULL;
  gsize mark;

  if (!_bw_foreign_get_array (ctx, root, "documentDescribes", &list))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_add (described, g_strdup (json_node_get_string (node)));
    }

  if (!_bw_foreign_get_array (ctx, root, "relationships", &list))
    return FALSE;
  if (list == NULL)
    return TRUE;
  mark = _bw_foreign_push_key (ctx, "relationships");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *rel = _bw_foreign_element_object (ctx, list, i);
      const char *element = NULL, *type = NULL, *related = NULL;
      gsize imark;

      if (rel == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (ctx, i);
      if (!_bw_foreign_get_string (ctx, rel, "spdxElementId", &element) ||
          !_bw_foreign_get_string (ctx, rel, "relationshipType", &type) ||
          !_bw_foreign_get_string (ctx, rel, "relatedSpdxElement", &related))
        return FALSE;
      _bw_foreign_pop (ctx, imark);
      if (g_strcmp0 (element, "SPDXRef-DOCUMENT") == 0 && g_strcmp0 (type, "DESCRIBES") == 0 && related != NULL)
        g_hash_table_add (described, g_strdup (related));
    }
  _bw_foreign_pop (ctx, mark);
  return TRUE;
}

BwSbom *
_bw_sbom_spdx_read (JsonObject  *root,
                    GError     **error)
{
  static const char * const supported[] = { "SPDX-2.2", "SPDX-2.3", NULL };
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GHashTable) described = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BwForeign ctx = { path, error };
  g_autoptr(BwSbom) sbom = NULL;
  g_autofree char *format = NULL;
  const char *version = NULL;
  JsonArray *packages = NULL;
  guint n_described = 0;

  if (!_bw_foreign_get_string (&ctx, root, "spdxVersion", &version))
    return NULL;
  if (version == NULL || !g_strv_contains (supported, version))
    {
      g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_UNSUPPORTED,
                   _("spdxVersion: “%s” is not supported; Bulwark reads SPDX 2.2 and 2.3"),
                   version ? version : "");
      return NULL;
    }
  format = g_strdup_printf ("SPDX %s", version + strlen ("SPDX-"));
  sbom = _bw_sbom_new (format);

  if (!collect_described (&ctx, root, described) ||
      !_bw_foreign_get_array (&ctx, root, "packages", &packages))
    return NULL;
  if (packages == NULL)
    return g_steal_pointer (&sbom);

  _bw_foreign_push_key (&ctx, "packages");
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *package = _bw_foreign_element_object (&ctx, packages, i);
      gsize mark;

      if (package == NULL)
        return NULL;
      mark = _bw_foreign_push_index (&ctx, i);
      if (!read_package (&ctx, package, sbom))
        return NULL;
      _bw_foreign_pop (&ctx, mark);
    }

  for (guint i = 0; i < sbom->entries->len; i++)
    if (g_hash_table_contains (described, ((BwSbomEntry *) sbom->entries->pdata[i])->ref))
      n_described++;
  if (n_described > 0 && n_described < sbom->entries->len)
    for (guint i = sbom->entries->len; i > 0; i--)
      if (g_hash_table_contains (described, ((BwSbomEntry *) sbom->entries->pdata[i - 1])->ref))
        g_ptr_array_remove_index (sbom->entries, i - 1);
  return g_steal_pointer (&sbom);
}
