/* bw-vuln-match.c — which components a vulnerability file's packages are
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Packages are named by purl (the same package, and the same version when
 * the purl has one) or by ecosystem, name and version.  Versions compare
 * generically: runs of digits by value, pre-releases before the release.
 * The components are indexed by purl base and by every name they go by,
 * so a file of thousands of packages costs thousands of look-ups, not
 * millions of comparisons.
 */
#include "config.h"

#include <string.h>

#include "bw-purl.h"
#include "bw-vuln-import-private.h"

void
_bw_vuln_finding_free (Finding *f)
{
  g_free (f->id);
  g_ptr_array_unref (f->aliases);
  g_ptr_array_unref (f->cwe);
  g_free (f->cvss);
  g_free (f->justification);
  g_ptr_array_unref (f->targets);
  g_free (f);
}

Finding *
_bw_vuln_finding_new (const char *id)
{
  Finding *f = g_new0 (Finding, 1);

  f->id = g_strdup (id);
  f->aliases = g_ptr_array_new_with_free_func (g_free);
  f->cwe = g_ptr_array_new_with_free_func (g_free);
  f->targets = g_ptr_array_new ();
  return f;
}

void
_bw_vuln_add_unique (GPtrArray  *list,
            const char *value)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], value))
      return;
  g_ptr_array_add (list, g_strdup (value));
}

void
_bw_vuln_add_target (Finding     *f,
            BwComponent *component)
{
  const char *id = g_intern_string (bw_record_get_id (BW_RECORD (component)));

  if (!g_ptr_array_find (f->targets, id, NULL))
    g_ptr_array_add (f->targets, (gpointer) id);
}

void
_bw_vuln_add_cwe (Finding    *f,
         const char *cwe)
{
  if (g_str_has_prefix (cwe, "CWE-") && cwe[4] != '\0' && strspn (cwe + 4, "0123456789") == strlen (cwe + 4))
    _bw_vuln_add_unique (f->cwe, cwe);
}

/* Versions ------------------------------------------------------------- */

/* A generic comparison: runs of digits by value, other runs by bytes; a
 * version that goes on with '-', '~' or a letter where the other ends is
 * a pre-release and comes first ("1.0-rc1" < "1.0" < "1.0.1"). */
int
_bw_vuln_compare_versions (const char *a,
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

gboolean
_bw_vuln_versions_equal (const char *a,
                const char *b)
{
  return a != NULL && b != NULL && *a != '\0' && _bw_vuln_compare_versions (a, b) == 0;
}

/* Components ----------------------------------------------------------- */

/* Names as an index key: without case, '-', '_' and '.' alike.  Wider
 * than any ecosystem's own rule; candidates are checked with it after. */
static char *
name_key (const char *name)
{
  char *key = g_utf8_casefold (name, -1);

  g_strdelimit (key, "_.", '-');
  return key;
}

static void
index_add (GHashTable *index,
           char       *key,
           guint       i)
{
  GArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, key, list);
    }
  else
    g_free (key);
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
    g_array_append_val (list, i);
}

static GArray *
index_find (GHashTable *index,
            const char *key)
{
  return key != NULL ? g_hash_table_lookup (index, key) : NULL;
}

void
_bw_vuln_collect_components (Import *imp)
{
  GListModel *list = bw_project_get_components (imp->project);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      BwComponent *component = g_list_model_get_item (list, i);
      BwPurl *purl = bw_purl_parse (bw_component_get_purl (component));

      g_ptr_array_add (imp->components, component);
      g_ptr_array_add (imp->purls, purl);
      index_add (imp->by_name, name_key (bw_component_get_name (component)), i);
      if (purl != NULL)
        {
          index_add (imp->by_base, bw_purl_dup_base (bw_component_get_purl (component)), i);
          index_add (imp->by_name, name_key (purl->name), i);
          if (purl->namespace_ != NULL)
            {
              g_autofree char *full = bw_purl_dup_full_name (purl);

              index_add (imp->by_name, name_key (full), i);
            }
        }
    }
}

/* Components a purl names: the same package, and the same version when
 * the purl has one. */
gboolean
_bw_vuln_match_purl (Import     *imp,
            const char *purl_text,
            Finding    *f)
{
  g_autoptr(BwPurl) purl = bw_purl_parse (purl_text);
  g_autofree char *base = bw_purl_dup_base (purl_text);
  GArray *candidates = index_find (imp->by_base, base);
  gboolean found = FALSE;

  if (purl == NULL || candidates == NULL)
    return FALSE;
  for (guint c = 0; c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);
      BwComponent *component = imp->components->pdata[i];
      BwPurl *theirs = imp->purls->pdata[i];

      if (g_strcmp0 (bw_component_get_purl (component), purl_text) != 0 && purl->version != NULL &&
          !_bw_vuln_versions_equal (purl->version, theirs->version ? theirs->version : bw_component_get_version (component)))
        continue;
      _bw_vuln_add_target (f, component);
      found = TRUE;
    }
  return found;
}

/* Whether `component` is the package `name` of `ecosystem` (an OSV
 * ecosystem) or, without an ecosystem, of that name. */
gboolean
_bw_vuln_is_package (Import     *imp,
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

const char *
_bw_vuln_component_version (Import *imp,
                   guint   i)
{
  BwComponent *component = imp->components->pdata[i];
  const char *version = bw_component_get_version (component);
  BwPurl *purl = imp->purls->pdata[i];

  if (*version == '\0' && purl != NULL && purl->version != NULL)
    return purl->version;
  return version;
}

static int
compare_indices (const guint *a,
                 const guint *b)
{
  return (*a > *b) - (*a < *b);
}

/* The components that may be the package with purl base `base` or name
 * `name`, each once, in the project's order. */
GArray *
_bw_vuln_candidates_for (Import     *imp,
                const char *base,
                const char *name)
{
  g_autofree char *key = name != NULL ? name_key (name) : NULL;
  GArray *lists[2] = { index_find (imp->by_base, base), index_find (imp->by_name, key) };
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint c = 0; lists[l] != NULL && c < lists[l]->len; c++)
      {
        guint i = g_array_index (lists[l], guint, c);

        if (g_hash_table_add (seen, GUINT_TO_POINTER (i + 1)))
          g_array_append_val (out, i);
      }
  g_array_sort (out, (GCompareFunc) compare_indices);
  return out;
}

