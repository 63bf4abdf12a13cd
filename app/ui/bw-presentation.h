/* bw-presentation.h — presentation mode: the model as slides, full screen
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_PRESENTATION (bw_presentation_get_type ())
G_DECLARE_FINAL_TYPE (BwPresentation, bw_presentation, BW, PRESENTATION, AdwWindow)

/* A window over `parent` showing the slides of `project` (bw-slides.h);
 * the caller presents it (full screen or at a fixed size). Arrow, Page
 * and Space keys step, Home/End jump, O shows the overview, T switches
 * light and dark, Esc leaves. It never changes the project. */
BwPresentation *bw_presentation_new        (GtkWindow      *parent,
                                            BwProject      *project);
guint           bw_presentation_get_n_slides (BwPresentation *self);
guint           bw_presentation_get_index  (BwPresentation *self);
void            bw_presentation_set_index  (BwPresentation *self,
                                            guint           index);
const char     *bw_presentation_get_title_of (BwPresentation *self,
                                            guint           index);
gboolean        bw_presentation_get_overview (BwPresentation *self);
gboolean        bw_presentation_get_dark   (BwPresentation *self);

G_END_DECLS
