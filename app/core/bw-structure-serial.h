/* bw-structure-serial.h — a count of changes to the structure of any model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

guint    bw_structure_serial_get         (void);
gboolean bw_structure_serial_is_member   (GParamSpec *pspec);
void     bw_structure_serial_bump        (void);

G_END_DECLS
