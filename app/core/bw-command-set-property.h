/* bw-command-set-property.h — change one member of one record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-geometry.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_SET_PROPERTY (bw_command_set_property_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandSetProperty, bw_command_set_property, BW, COMMAND_SET_PROPERTY, BwCommand)

BwCommand  *bw_command_set_property_new      (BwProject      *project,
                                              const char     *path,
                                              const char     *property,
                                              const GValue   *value);
BwCommand  *bw_command_resize_new            (BwProject      *project,
                                              const char     *id,
                                              const BwRect   *rect);
const char *bw_command_set_property_get_path (BwCommandSetProperty *self);
const char *bw_command_set_property_get_property (BwCommandSetProperty *self);

G_END_DECLS
