/* bw-structure-serial.h — counts of changes to the structure of any model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BW_STRUCTURE_NONE = -1,
  BW_STRUCTURE_LAYOUT,       /* elements' ends, diagram, kind, refinement and ID; diagrams' refinement and ID */
  BW_STRUCTURE_THREAT_KEYS,  /* threats' origin, rule and target: which element a derived threat is of */
  BW_STRUCTURE_N,
} BwStructure;

guint bw_structure_serial_get  (BwStructure  which);
void  bw_structure_serial_note (BwStructure  which,
                                GParamSpec  *pspec);

G_END_DECLS
