/* bw-component-support.h — warnings about the support status of components
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

/* How close to its end of support a component is warned about. */
#define BW_SUPPORT_WARNING_DAYS 180

typedef enum
{
  BW_SUPPORT_FINDING_ENDED,      /* past its end of support, or support "none" */
  BW_SUPPORT_FINDING_ENDING,     /* within BW_SUPPORT_WARNING_DAYS of it */
  BW_SUPPORT_FINDING_NO_DATA,    /* no support level or no end-of-support date */
} BwSupportFindingKind;

typedef struct
{
  BwSupportFindingKind  kind;
  char                 *component_id;
  char                 *message;       /* translated, names the component */
} BwSupportFinding;

GPtrArray  *bw_component_check_support (BwProject    *project,
                                        const GDate  *today);
void        bw_support_finding_free    (BwSupportFinding *finding);
const char *bw_support_finding_kind_to_string (BwSupportFindingKind kind);

G_END_DECLS
