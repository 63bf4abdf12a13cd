/* bw-purl.h — package URLs (purl): the identity of a component across tools
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of "pkg:type/namespace/name@version?qualifiers#subpath",
 * percent-decoded; absent parts are NULL.  The type is lower case. */
typedef struct
{
  char *type;
  char *namespace_;
  char *name;
  char *version;
} BwPurl;

BwPurl   *bw_purl_parse          (const char *text);
void      bw_purl_free           (BwPurl     *self);
char     *bw_purl_dup_base       (const char *text);
char     *bw_purl_dup_full_name  (BwPurl     *self);
const char *bw_purl_type_for_ecosystem (const char *ecosystem);
gboolean  bw_purl_names_equal    (const char *type,
                                  const char *a,
                                  const char *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwPurl, bw_purl_free)

G_END_DECLS
