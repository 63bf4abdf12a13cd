/* bw-report-private.h — what the section builders of the report share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-report.h"
#include "bw-risk-assessment.h"

G_BEGIN_DECLS

typedef struct
{
  BwProject *project;
  BwReport  *report;
  gboolean   final;    /* part of the final report: sections one level down */
  int        level;    /* the level of this part's section headings */
} BwReportBuild;

/* A model enum value ("not_started") as people read it ("Not started"). */
const char *bw_report_label        (const char    *value);
/* "P-3 Pump firmware", or the bare ID when the record is gone. */
char       *bw_report_describe_ref (BwProject     *project,
                                    const char    *id);
char       *bw_report_join_ids     (const char * const *ids);
/* "High × Critical: uncontrolled", or "Not rated". */
char       *bw_report_describe_risk (BwProject    *project,
                                    BwThreat      *threat,
                                    int            stage);
BwReportTone bw_report_tone_of    (BwOutcome      outcome);
/* A sub-heading one level below the part's sections (at most 4). */
int         bw_report_sub_level    (BwReportBuild *build);

void        bw_report_build_concept         (BwReportBuild *build);
void        bw_report_build_analysis        (BwReportBuild *build);
void        bw_report_build_attack_trees    (BwReportBuild *build);
void        bw_report_build_vulnerabilities (BwReportBuild *build);
void        bw_report_build_retirement      (BwReportBuild *build);
void        bw_report_build_final_sections  (BwReportBuild *build);

G_END_DECLS
