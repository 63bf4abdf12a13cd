/* bw-purl.c — package URLs (purl): the identity of a component across tools
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * SBOMs, OSV and VEX name packages by purl
 * (https://github.com/package-url/purl-spec); scanners name them by
 * ecosystem, name and version.  Matching across both needs the parts of a
 * purl, and its version-free "base", since a new release of a library
 * changes its purl but not what it is.
 */
#include "config.h"

#include <string.h>

#include "bw-purl.h"

void
bw_purl_free (BwPurl *self)
{
  if (self == NULL)
    return;
  g_free (self->type);
  g_free (self->namespace_);
  g_free (self->name);
  g_free (self->version);
  g_free (self);
}

static char *
decode (const char *start,
        gsize       length)
{
  g_autofree char *part = g_strndup (start, length);
  char *decoded;

  decoded = g_uri_unescape_string (part, NULL);
  /* A stray '%' is not worth refusing the whole SBOM for. */
  return decoded != NULL ? decoded : g_steal_pointer (&part);
}

/* Where the "@version" of a purl starts (after the last '/'), or NULL. */
static const char *
find_version (const char *start,
              const char *end)
{
  const char *slash = NULL;

  for (const char *p = start; p < end; p++)
    if (*p == '/')
      slash = p;
  return memchr (slash != NULL ? slash : start, '@', end - (slash != NULL ? slash : start));
}

/**
 * bw_purl_parse:
 * @text: a purl
 *
 * Returns: (transfer full) (nullable): its parts, or %NULL when @text is
 *   not a purl ("pkg:" followed by at least a type and a name)
 */
BwPurl *
bw_purl_parse (const char *text)
{
  g_autoptr(BwPurl) self = NULL;
  const char *p, *end, *at, *slash, *last_slash = NULL;

  if (text == NULL || g_ascii_strncasecmp (text, "pkg:", 4) != 0)
    return NULL;
  p = text + 4;
  while (*p == '/')
    p++;
  end = p + strcspn (p, "?#");
  slash = memchr (p, '/', end - p);
  if (slash == NULL || slash == p)
    return NULL;

  self = g_new0 (BwPurl, 1);
  self->type = g_ascii_strdown (p, slash - p);
  p = slash + 1;
  at = find_version (p, end);
  if (at != NULL)
    {
      self->version = decode (at + 1, end - at - 1);
      end = at;
    }
  while (end > p && end[-1] == '/')
    end--;
  for (const char *q = p; q < end; q++)
    if (*q == '/')
      last_slash = q;
  if (last_slash != NULL)
    {
      self->namespace_ = decode (p, last_slash - p);
      p = last_slash + 1;
    }
  if (p == end)
    return NULL;
  self->name = decode (p, end - p);
  return g_steal_pointer (&self);
}

/**
 * bw_purl_dup_base:
 * @text: a purl
 *
 * Returns: (transfer full) (nullable): @text without version, qualifiers
 *   and subpath, type in lower case; %NULL when @text is not a purl
 */
char *
bw_purl_dup_base (const char *text)
{
  g_autoptr(BwPurl) purl = bw_purl_parse (text);
  g_autofree char *type = NULL;
  const char *p, *end, *at;

  if (purl == NULL)
    return NULL;
  p = text + 4;
  while (*p == '/')
    p++;
  end = p + strcspn (p, "?#");
  at = find_version (p, end);
  if (at != NULL)
    end = at;
  type = g_ascii_strdown (p, strcspn (p, "/"));
  p += strlen (type);
  return g_strdup_printf ("pkg:%s%.*s", type, (int) (end - p), p);
}

/* The name as the package's ecosystem writes it: "@scope/name" for npm,
 * "group:artifact" for Maven, "github.com/org/repo" for Go. */
char *
bw_purl_dup_full_name (BwPurl *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->namespace_ == NULL || *self->namespace_ == '\0')
    return g_strdup (self->name);
  return g_strconcat (self->namespace_, g_strcmp0 (self->type, "maven") == 0 ? ":" : "/", self->name, NULL);
}

/* OSV ecosystem names (https://ossf.github.io/osv-schema/) to purl types. */
const char *
bw_purl_type_for_ecosystem (const char *ecosystem)
{
  static const struct { const char *ecosystem; const char *type; } map[] = {
    { "npm", "npm" }, { "PyPI", "pypi" }, { "Go", "golang" }, { "crates.io", "cargo" },
    { "Maven", "maven" }, { "RubyGems", "gem" }, { "NuGet", "nuget" }, { "Packagist", "composer" },
    { "Hex", "hex" }, { "Pub", "pub" }, { "ConanCenter", "conan" }, { "Debian", "deb" },
    { "Ubuntu", "deb" }, { "Alpine", "apk" }, { "Hackage", "hackage" }, { "CRAN", "cran" },
    { "SwiftURL", "swift" }, { "GitHub Actions", "github" }, { "Red Hat", "rpm" },
    { "Rocky Linux", "rpm" }, { "AlmaLinux", "rpm" }, { "openSUSE", "rpm" }, { "SUSE", "rpm" },
  };
  g_autofree char *base = NULL;

  if (ecosystem == NULL)
    return NULL;
  /* "Debian:12", "Alpine:v3.19": the release does not change the type. */
  base = g_strndup (ecosystem, strcspn (ecosystem, ":"));
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (map[i].ecosystem, base) == 0)
      return map[i].type;
  return NULL;
}

static char *
normalize_name (const char *type,
                const char *name)
{
  char *folded = g_utf8_casefold (name, -1);

  /* PEP 503: runs of '-', '_' and '.' are the same. */
  if (g_strcmp0 (type, "pypi") == 0)
    g_strdelimit (folded, "_.", '-');
  return folded;
}

/* Whether two package names of the purl type `type` name the same
 * package; names are compared without case, which only ever merges
 * names that differ in case alone. */
gboolean
bw_purl_names_equal (const char *type,
                     const char *a,
                     const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  na = normalize_name (type, a);
  nb = normalize_name (type, b);
  return g_str_equal (na, nb);
}
