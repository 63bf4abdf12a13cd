/* bw-deriver-private.h — what the deriver shares with the derive command
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-deriver.h"

G_BEGIN_DECLS

struct _BwDerivePlan
{
  gint          ref_count;
  char         *time;
  GArray       *items;              /* BwDeriveItem, in the order they apply */
  GStringChunk *strings;            /* the items' strings */
  GPtrArray    *entries;            /* per item: the history entry a change appends; NULL for an addition */
  GPtrArray    *new_threats;        /* BwThreat, the additions in item order */
  GArray       *numbers;            /* gint64 per new_threats: the number of its ID, "T-<number>" */
  GArray       *runs;               /* BwDeriveRun: new_threats, in order, by target */
  GStrv         missing_libraries;
  gint64        counter_before;     /* id_counters.T when planned */
  gint64        counter_after;      /* id_counters.T once applied */
  gint64        first_number;       /* of the first new threat's ID; the others' are higher */
  guint         counts[BW_DERIVE_UNSUPERSEDE + 1];
};

/* Consecutive new threats of one target. */
typedef struct
{
  guint       n;
  const char *target;     /* in the plan's strings */
} BwDeriveRun;

typedef struct _BwDeriverWatch BwDeriverWatch;

/* The derived threats of the project by target. */
typedef struct
{
  BwDeriverWatch *watch;
  GHashTable     *by_target;    /* target ID (in `keys`) → GPtrArray of BwThreat (borrowed) */
  GStringChunk   *keys;
  guint           keys_changed; /* bw_structure_serial_get (BW_STRUCTURE_THREAT_KEYS) when built */
} BwDeriverThreatIndex;

/* What derivation reads of the model's structure. */
typedef struct
{
  BwDeriverWatch *watch;
  GHashTable     *flows_of;     /* node → GPtrArray of its flows, each followed by its other end or NULL (borrowed) */
  GHashTable     *boundaries;   /* diagram ID (owned) → GPtrArray of boundaries (borrowed) */
  GHashTable     *summary;      /* IDs (owned) of summary elements */
  guint           structure;    /* bw_structure_serial_get (BW_STRUCTURE_LAYOUT) when built */
} BwDeriverLayout;

BwDeriverThreatIndex *_bw_deriver_threat_index_get (BwProject            *project);
void                  _bw_deriver_collect_threats  (BwDeriverThreatIndex *index,
                                                    const char           *target_id,
                                                    GPtrArray            *out);
void                  _bw_deriver_mute_index       (BwProject            *project,
                                                    gboolean              muted);
void                  _bw_deriver_index_added      (BwProject            *project,
                                                    BwDerivePlan         *plan);
BwDeriverLayout      *_bw_deriver_layout_get       (BwProject            *project);

G_END_DECLS
