/* bw-vuln-import-private.h — what the readers of vulnerability files share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-sbom-private.h"
#include "bw-vuln-import.h"

G_BEGIN_DECLS

/* How an import notes the aliases of an entry in its discovered_by. */
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
  /* Indexes into components (GArray of guint), so a file with thousands
   * of packages does not compare each with every component. */
  GHashTable   *by_base;      /* purl without version → */
  GHashTable   *by_name;      /* name_key () of every name a component goes by → */
  GPtrArray    *findings;     /* Finding */
  GPtrArray    *unmatched;    /* char * */
  GHashTable   *kev;          /* CVE IDs of the catalogue */
  guint         n_read;
  BwForeign     ctx;
} Import;

Finding    *_bw_vuln_finding_new          (const char *id);
void        _bw_vuln_finding_free         (Finding    *f);
void        _bw_vuln_add_unique           (GPtrArray  *list,
                                           const char *value);
void        _bw_vuln_add_target           (Finding    *f,
                                           BwComponent *component);
void        _bw_vuln_add_cwe              (Finding    *f,
                                           const char *cwe);
int         _bw_vuln_compare_versions     (const char *a,
                                           const char *b);
gboolean    _bw_vuln_versions_equal       (const char *a,
                                           const char *b);
void        _bw_vuln_collect_components   (Import     *imp);
gboolean    _bw_vuln_match_purl           (Import     *imp,
                                           const char *purl_text,
                                           Finding    *f);
gboolean    _bw_vuln_is_package           (Import     *imp,
                                           guint       i,
                                           const char *ecosystem,
                                           const char *name);
const char *_bw_vuln_component_version    (Import     *imp,
                                           guint       i);
GArray     *_bw_vuln_candidates_for       (Import     *imp,
                                           const char *base,
                                           const char *name);

gboolean    _bw_vuln_read_osv_record      (Import     *imp,
                                           JsonObject *record,
                                           GPtrArray  *package_targets);
gboolean    _bw_vuln_read_osv_list        (Import     *imp,
                                           JsonArray  *records);
gboolean    _bw_vuln_read_scanner_results (Import     *imp,
                                           JsonArray  *results);
gboolean    _bw_vuln_read_vex             (Import     *imp,
                                           JsonObject *root);
gboolean    _bw_vuln_read_kev             (Import     *imp,
                                           JsonArray  *vulns);
gboolean    _bw_vuln_looks_like_kev       (JsonObject *root);

G_END_DECLS
