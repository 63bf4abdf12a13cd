/* bw-id-index.h — a project's records by ID
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BwIdIndex BwIdIndex;

BwIdIndex *bw_id_index_new         (void);
void       bw_id_index_free        (BwIdIndex  *self);
gpointer   bw_id_index_lookup      (BwIdIndex  *self,
                                    const char *id);
void       bw_id_index_insert      (BwIdIndex  *self,
                                    const char *id,
                                    gpointer    record);
gboolean   bw_id_index_insert_numbered (BwIdIndex  *self,
                                        const char *prefix,
                                        gint64      number,
                                        gpointer    record);
void       bw_id_index_remove      (BwIdIndex  *self,
                                    const char *id,
                                    gpointer    record);
gint64     bw_id_index_get_highest (BwIdIndex  *self,
                                    const char *prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwIdIndex, bw_id_index_free)

G_END_DECLS
