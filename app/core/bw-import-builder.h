/* bw-import-builder.h — what the importers share: building a project from foreign elements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

/* The importers' working state: the project being built, the mapping
 * report and the keys of the derived threats made so far (the first
 * imported threat per rule and element becomes the derived one). */
typedef struct
{
  BwProject  *project;
  GPtrArray  *report;        /* char *: what could not be mapped */
  GHashTable *derived_keys;  /* "rule target" */
  GHashTable *reported;      /* messages said once per import */
  char       *origin;        /* "Threat Dragon v2", for the threats' history */
  char       *now;           /* ISO 8601 UTC */
  gboolean    manual_only;   /* per-interaction threats never map onto the element rules */
} BwImportBuilder;

BwImportBuilder *bw_import_builder_new               (const char      *origin);
void             bw_import_builder_free              (BwImportBuilder *self);
void             bw_import_builder_report            (BwImportBuilder *self,
                                                      const char      *format,
                                                      ...) G_GNUC_PRINTF (2, 3);
void             bw_import_builder_report_once       (BwImportBuilder *self,
                                                      const char      *format,
                                                      ...) G_GNUC_PRINTF (2, 3);
BwDiagram       *bw_import_builder_add_diagram       (BwImportBuilder *self,
                                                      const char      *name);
BwElement       *bw_import_builder_add_node          (BwImportBuilder *self,
                                                      BwElementKind    kind,
                                                      const char      *diagram,
                                                      const char      *name,
                                                      double           x,
                                                      double           y,
                                                      double           width,
                                                      double           height);
BwElement       *bw_import_builder_add_box           (BwImportBuilder *self,
                                                      const char      *diagram,
                                                      const char      *name,
                                                      double           x,
                                                      double           y,
                                                      double           width,
                                                      double           height);
BwElement       *bw_import_builder_add_line          (BwImportBuilder *self,
                                                      const char      *diagram,
                                                      const char      *name,
                                                      GArray          *points);
BwElement       *bw_import_builder_add_flow          (BwImportBuilder *self,
                                                      const char      *diagram,
                                                      const char      *name,
                                                      const char      *source,
                                                      const char      *target,
                                                      GArray          *points);
BwAsset         *bw_import_builder_add_asset         (BwImportBuilder *self,
                                                      const char      *name,
                                                      const char      *description);
void             bw_import_builder_append_description (BwRecord       *record,
                                                      const char      *text);
void             bw_import_builder_add_element_asset (BwElement       *element,
                                                      const char      *asset);
BwThreat        *bw_import_builder_add_threat        (BwImportBuilder *self,
                                                      BwElement       *target,
                                                      const char      *category,
                                                      const char      *title,
                                                      const char      *description,
                                                      const char      *status,
                                                      const char      *treatment,
                                                      const char      *rationale,
                                                      int              severity,
                                                      const char      *detail);
BwProject       *bw_import_builder_finish            (BwImportBuilder *self,
                                                      GPtrArray      **report,
                                                      GError         **error);

char            *bw_import_snake_case                (const char      *name);
const char      *bw_import_category_from_name        (const char      *name);
gboolean         bw_import_basic_table_has           (BwElement       *element,
                                                      const char      *category);
const char      *bw_import_first_category_of         (BwElement       *element);
void             bw_import_point_append              (GArray          *points,
                                                      double           x,
                                                      double           y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwImportBuilder, bw_import_builder_free)

G_END_DECLS
