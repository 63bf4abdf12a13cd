/* bw-vuln-import.h — known vulnerabilities from OSV, CycloneDX VEX and the CISA KEV catalogue
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-project.h"
#include "bw-sbom.h"
#include "bw-vulnerability.h"

G_BEGIN_DECLS

typedef enum
{
  BW_VULN_SOURCE_OSV,            /* one OSV record, or an array of them */
  BW_VULN_SOURCE_OSV_SCANNER,    /* osv-scanner's JSON output */
  BW_VULN_SOURCE_CYCLONEDX_VEX,  /* a CycloneDX BOM with vulnerabilities[] */
  BW_VULN_SOURCE_KEV,            /* the CISA Known Exploited Vulnerabilities catalogue */
} BwVulnSource;

typedef enum
{
  BW_VULN_IMPORT_NONE    = 0,
  BW_VULN_IMPORT_DRY_RUN = 1 << 0,   /* report only; the project is not touched */
} BwVulnImportFlags;

typedef struct
{
  char     *component_id;
  char     *vulnerability_id;
  gboolean  added;        /* a new entry; else an update of the members below */
  char    **members;      /* the members that change ("status", "kev", …) */
} BwVulnChange;

typedef struct
{
  BwVulnSource  source;
  guint         n_read;      /* vulnerabilities (catalogue entries for KEV) in the file */
  GPtrArray    *changes;     /* of BwVulnChange, in the project's order of components */
  GPtrArray    *unmatched;   /* strings: packages, references or IDs that matched no component */
} BwVulnReport;

gboolean    bw_vuln_import            (BwProject           *project,
                                       GBytes              *bytes,
                                       const char          *source_name,
                                       BwVulnImportFlags    flags,
                                       BwVulnReport       **report,
                                       GError             **error);
gboolean    bw_vuln_import_file       (BwProject           *project,
                                       GFile               *file,
                                       BwVulnImportFlags    flags,
                                       BwVulnReport       **report,
                                       GCancellable        *cancellable,
                                       GError             **error);
void        bw_vuln_report_free       (BwVulnReport        *self);
const char *bw_vuln_source_get_name   (BwVulnSource         source);
char       *bw_vuln_normalize_cvss    (const char          *vector);
char      **bw_vuln_dup_aliases       (BwVulnerability     *vulnerability);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwVulnReport, bw_vuln_report_free)

G_END_DECLS
