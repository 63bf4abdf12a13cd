/* bw-sbom-cyclonedx.c — CycloneDX JSON 1.4 to 1.6 SBOMs
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Reads components[] and their nested components; metadata.component is
 * the product the SBOM describes, not one of its parts, and is left out.
 * The supplier is the first of supplier.name, manufacturer.name (1.6),
 * publisher, author and authors[].name (1.6) that is given.  Several
 * licence entries are joined with " AND ", as SPDX expressions would.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-purl.h"
#include "bw-sbom-private.h"

static gboolean
read_components (BwForeign  *ctx,
                 JsonArray  *components,
                 BwSbom     *sbom);

gboolean
_bw_cyclonedx_check_version (BwForeign   *ctx,
                             JsonObject  *root,
                             const char **version)
{
  static const char * const supported[] = { "1.4", "1.5", "1.6", NULL };
  const char *format = NULL;
  gsize mark;

  if (!_bw_foreign_get_string (ctx, root, "bomFormat", &format))
    return FALSE;
  if (g_strcmp0 (format, "CycloneDX") != 0)
    {
      mark = _bw_foreign_push_key (ctx, "bomFormat");
      _bw_foreign_fail (ctx, _("“%s” is not “CycloneDX”"), format ? format : "");
      _bw_foreign_pop (ctx, mark);
      return FALSE;
    }
  if (!_bw_foreign_get_string (ctx, root, "specVersion", version))
    return FALSE;
  if (*version == NULL || !g_strv_contains (supported, *version))
    {
      /* Another version is not a broken file: say which ones we read. */
      if (*version == NULL)
        g_set_error_literal (ctx->error, BW_SBOM_ERROR, BW_SBOM_ERROR_UNSUPPORTED,
                             _("specVersion: missing; Bulwark reads CycloneDX 1.4, 1.5 and 1.6"));
      else
        g_set_error (ctx->error, BW_SBOM_ERROR, BW_SBOM_ERROR_UNSUPPORTED,
                     _("specVersion: CycloneDX “%s” is not supported; Bulwark reads CycloneDX 1.4, 1.5 and 1.6"),
                     *version);
      return FALSE;
    }
  return TRUE;
}

/* The "name" of an organizational entity member, or NULL. */
static gboolean
entity_name (BwForeign   *ctx,
             JsonObject  *object,
             const char  *member,
             const char **out)
{
  JsonObject *entity = NULL;
  gsize mark;
  gboolean ok;

  *out = NULL;
  if (!_bw_foreign_get_object (ctx, object, member, &entity))
    return FALSE;
  if (entity == NULL)
    return TRUE;
  mark = _bw_foreign_push_key (ctx, member);
  ok = _bw_foreign_get_string (ctx, entity, "name", out);
  _bw_foreign_pop (ctx, mark);
  return ok;
}

static gboolean
read_supplier (BwForeign   *ctx,
               JsonObject  *component,
               BwSbomEntry *entry)
{
  const char *value = NULL;
  JsonArray *authors = NULL;

  if (!entity_name (ctx, component, "supplier", &value))
    return FALSE;
  if (value == NULL || *value == '\0')
    if (!entity_name (ctx, component, "manufacturer", &value))
      return FALSE;
  if (value == NULL || *value == '\0')
    if (!_bw_foreign_get_string (ctx, component, "publisher", &value))
      return FALSE;
  if (value == NULL || *value == '\0')
    if (!_bw_foreign_get_string (ctx, component, "author", &value))
      return FALSE;
  if ((value == NULL || *value == '\0') && !_bw_foreign_get_array (ctx, component, "authors", &authors))
    return FALSE;
  if ((value == NULL || *value == '\0') && authors != NULL)
    {
      gsize mark = _bw_foreign_push_key (ctx, "authors");

      for (guint i = 0; i < json_array_get_length (authors) && (value == NULL || *value == '\0'); i++)
        {
          JsonObject *author = _bw_foreign_element_object (ctx, authors, i);
          gsize imark;
          gboolean ok;

          if (author == NULL)
            return FALSE;
          imark = _bw_foreign_push_index (ctx, i);
          ok = _bw_foreign_get_string (ctx, author, "name", &value);
          _bw_foreign_pop (ctx, imark);
          if (!ok)
            return FALSE;
        }
      _bw_foreign_pop (ctx, mark);
    }
  g_free (entry->supplier);
  entry->supplier = g_strdup (value ? value : "");
  return TRUE;
}

static gboolean
read_licenses (BwForeign   *ctx,
               JsonObject  *component,
               BwSbomEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonArray *licenses = NULL;
  gsize mark;

  if (!_bw_foreign_get_array (ctx, component, "licenses", &licenses))
    return FALSE;
  if (licenses == NULL)
    return TRUE;

  mark = _bw_foreign_push_key (ctx, "licenses");
  for (guint i = 0; i < json_array_get_length (licenses); i++)
    {
      JsonObject *choice = _bw_foreign_element_object (ctx, licenses, i);
      JsonObject *license = NULL;
      const char *expression = NULL;
      const char *value = NULL;
      gsize imark;

      if (choice == NULL)
        return FALSE;
      imark = _bw_foreign_push_index (ctx, i);
      if (!_bw_foreign_get_string (ctx, choice, "expression", &expression) ||
          !_bw_foreign_get_object (ctx, choice, "license", &license))
        return FALSE;
      if (expression != NULL && *expression != '\0')
        value = expression;
      else if (license != NULL)
        {
          gsize lmark = _bw_foreign_push_key (ctx, "license");

          if (!_bw_foreign_get_string (ctx, license, "id", &value))
            return FALSE;
          if (value == NULL || *value == '\0')
            if (!_bw_foreign_get_string (ctx, license, "name", &value))
              return FALSE;
          _bw_foreign_pop (ctx, lmark);
        }
      else
        return _bw_foreign_fail (ctx, _("a licence entry needs “license” or “expression”"));
      _bw_foreign_pop (ctx, imark);
      if (value != NULL && *value != '\0')
        g_ptr_array_add (parts, g_strdup (value));
    }
  _bw_foreign_pop (ctx, mark);

  if (parts->len > 1)
    for (guint i = 0; i < parts->len; i++)
      if (strchr (parts->pdata[i], ' ') != NULL)
        {
          char *wrapped = g_strdup_printf ("(%s)", (char *) parts->pdata[i]);

          g_free (parts->pdata[i]);
          parts->pdata[i] = wrapped;
        }
  g_ptr_array_add (parts, NULL);
  g_free (entry->license);
  entry->license = g_strjoinv (" AND ", (char **) parts->pdata);
  return TRUE;
}

static gboolean
read_component (BwForeign  *ctx,
                JsonObject *component,
                BwSbom     *sbom)
{
  BwSbomEntry *entry;
  const char *name = NULL, *group = NULL, *version = NULL, *purl = NULL, *cpe = NULL, *ref = NULL;
  JsonArray *children = NULL;

  if (!_bw_foreign_get_string (ctx, component, "name", &name) ||
      !_bw_foreign_get_string (ctx, component, "group", &group) ||
      !_bw_foreign_get_string (ctx, component, "version", &version) ||
      !_bw_foreign_get_string (ctx, component, "purl", &purl) ||
      !_bw_foreign_get_string (ctx, component, "cpe", &cpe) ||
      !_bw_foreign_get_string (ctx, component, "bom-ref", &ref) ||
      !_bw_foreign_get_array (ctx, component, "components", &children))
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      gsize mark = _bw_foreign_push_key (ctx, "name");

      _bw_foreign_fail (ctx, _("a component needs a name"));
      _bw_foreign_pop (ctx, mark);
      return FALSE;
    }

  entry = _bw_sbom_entry_new ();
  g_ptr_array_add (sbom->entries, entry);
  if (group != NULL && *group != '\0')
    {
      g_autoptr(BwPurl) parsed = bw_purl_parse (purl);
      gboolean maven = parsed != NULL && g_str_equal (parsed->type, "maven");

      g_free (entry->name);
      entry->name = g_strconcat (group, maven ? ":" : "/", name, NULL);
    }
  else
    {
      g_free (entry->name);
      entry->name = g_strdup (name);
    }
#define SET(member, value) G_STMT_START { g_free (entry->member); entry->member = g_strdup ((value) ? (value) : ""); } G_STMT_END
  SET (version, version);
  SET (purl, purl);
  SET (cpe, cpe);
  SET (ref, ref);
#undef SET
  if (!read_supplier (ctx, component, entry) || !read_licenses (ctx, component, entry))
    return FALSE;

  if (children != NULL)
    {
      gsize mark = _bw_foreign_push_key (ctx, "components");

      if (!read_components (ctx, children, sbom))
        return FALSE;
      _bw_foreign_pop (ctx, mark);
    }
  return TRUE;
}

/* Recursion is bounded: the parser refused deeper nesting than it allows. */
static gboolean
read_components (BwForeign *ctx,
                 JsonArray *components,
                 BwSbom    *sbom)
{
  for (guint i = 0; i < json_array_get_length (components); i++)
    {
      JsonObject *component = _bw_foreign_element_object (ctx, components, i);
      gsize mark;

      if (component == NULL)
        return FALSE;
      mark = _bw_foreign_push_index (ctx, i);
      if (!read_component (ctx, component, sbom))
        return FALSE;
      _bw_foreign_pop (ctx, mark);
    }
  return TRUE;
}

BwSbom *
_bw_sbom_cyclonedx_read (JsonObject  *root,
                         GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  BwForeign ctx = { path, error };
  g_autoptr(BwSbom) sbom = NULL;
  g_autofree char *format = NULL;
  const char *version = NULL;
  JsonArray *components = NULL;

  if (!_bw_cyclonedx_check_version (&ctx, root, &version))
    return NULL;
  format = g_strdup_printf ("CycloneDX %s", version);
  sbom = _bw_sbom_new (format);

  if (!_bw_foreign_get_array (&ctx, root, "components", &components))
    return NULL;
  if (components != NULL)
    {
      _bw_foreign_push_key (&ctx, "components");
      if (!read_components (&ctx, components, sbom))
        return NULL;
    }
  return g_steal_pointer (&sbom);
}
