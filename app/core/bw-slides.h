/* bw-slides.h — the slides of presentation mode, built from the project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>

#include "bw-project.h"

G_BEGIN_DECLS

typedef enum
{
  BW_SLIDE_TITLE,        /* the project, the device, the counts */
  BW_SLIDE_DIAGRAM,      /* one diagram, fitted */
  BW_SLIDE_THREATS,      /* one element's threats, the element highlighted */
  BW_SLIDE_ATTACK_TREE,  /* one attack tree with its root values */
  BW_SLIDE_RISK_MATRIX,  /* counts per cell, before and after */
  BW_SLIDE_OPEN_ITEMS,   /* open threats, uncontrolled risks, findings */
} BwSlideKind;

typedef struct
{
  BwSlideKind  kind;
  char        *title;       /* what the overview lists */
  char        *record_id;   /* the diagram, element or tree; else NULL */
  guint        part;        /* threats of an element split over slides: 1-based */
  guint        n_parts;
} BwSlide;

typedef struct
{
  gboolean    dark;         /* light text on a dark background */
  const char *footer;       /* e.g. "Insulin pump · 3 / 21", or NULL */
} BwSlideStyle;

/* Threat rows that fit on one threats slide at 1280×720 and up. */
#define BW_SLIDE_THREATS_PER_PART 8

void       bw_slide_free       (BwSlide            *slide);
/* Title, the context diagrams, the data-flow diagrams, per element (in
 * diagram order) its threats — not archived, obsolete or superseded —,
 * the attack trees, the risk matrix, the open items. */
GPtrArray *bw_slides_build     (BwProject          *project);
/* Draws a slide into width × height (device units, top left at 0, 0).
 * Nothing here changes the project. */
void       bw_slide_draw       (cairo_t            *cr,
                                BwProject          *project,
                                const BwSlide      *slide,
                                double              width,
                                double              height,
                                const BwSlideStyle *style);
/* An open threat: to be decided (status not_started or
 * needs_investigation) and neither archived, obsolete nor superseded. */
gboolean   bw_slides_threat_is_open (BwThreat      *threat);
/* The threats a slide of BW_SLIDE_THREATS shows (borrowed BwThreat). */
GPtrArray *bw_slides_dup_threats    (BwProject     *project,
                                     const BwSlide *slide);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwSlide, bw_slide_free)

G_END_DECLS
