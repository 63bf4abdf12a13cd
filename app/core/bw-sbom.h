/* bw-sbom.h — software bills of materials: reading them, merging them into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_SBOM_ERROR (bw_sbom_error_quark ())

/* The error domain of the SBOM, OSV, VEX and KEV importers. */
typedef enum
{
  BW_SBOM_ERROR_SYNTAX,       /* not JSON (the message has line and column) */
  BW_SBOM_ERROR_INVALID,      /* JSON, but not what the format says (the message has the path) */
  BW_SBOM_ERROR_UNSUPPORTED,  /* another format or version */
  BW_SBOM_ERROR_TOO_LARGE,
  BW_SBOM_ERROR_FAILED,       /* the project refused the edit */
} BwSbomError;

/* Files larger than this are refused rather than read. */
#define BW_SBOM_MAX_BYTES (256 * 1024 * 1024)

/* One component as an SBOM lists it; strings are never NULL. */
typedef struct
{
  char *name;
  char *version;
  char *supplier;
  char *purl;
  char *cpe;
  char *license;
  char *ref;       /* its name inside the SBOM: bom-ref or SPDXID ("" if none) */
} BwSbomEntry;

typedef struct
{
  char      *format;    /* "CycloneDX 1.5", "SPDX 2.3" */
  GPtrArray *entries;   /* of BwSbomEntry, in the file's order, nested ones after their parent */
} BwSbom;

typedef enum
{
  BW_SBOM_MERGE_NONE         = 0,
  BW_SBOM_MERGE_DRY_RUN      = 1 << 0,  /* report only: the project is not touched, no ID is taken */
  BW_SBOM_MERGE_KEEP_REMOVED = 1 << 1,  /* keep components the SBOM no longer lists */
} BwSbomMergeFlags;

typedef enum
{
  BW_SBOM_CHANGE_ADDED,
  BW_SBOM_CHANGE_REMOVED,
  BW_SBOM_CHANGE_CHANGED,
} BwSbomChangeKind;

typedef struct
{
  BwSbomChangeKind kind;
  char  *id;           /* the component's ID; NULL for an addition in a dry run */
  char  *name;
  char  *version;
  char  *purl;
  char **members;      /* changed: the members that change ... */
  char **old_values;   /* ... from these values ... */
  char **new_values;   /* ... to these */
} BwSbomChange;

typedef struct
{
  GPtrArray *changes;  /* of BwSbomChange: changed, removed, added, each in list order */
  guint      n_added;
  guint      n_removed;
  guint      n_changed;
  guint      n_unchanged;
} BwSbomReport;

GQuark        bw_sbom_error_quark   (void);

BwSbom       *bw_sbom_parse         (GBytes            *bytes,
                                     GError           **error);
BwSbom       *bw_sbom_load_file     (GFile             *file,
                                     GCancellable      *cancellable,
                                     GError           **error);
void          bw_sbom_free          (BwSbom            *self);

gboolean      bw_sbom_import        (BwProject         *project,
                                     BwSbom            *sbom,
                                     BwSbomMergeFlags   flags,
                                     BwSbomReport     **report,
                                     GError           **error);
void          bw_sbom_report_free   (BwSbomReport      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwSbom, bw_sbom_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwSbomReport, bw_sbom_report_free)

G_END_DECLS
