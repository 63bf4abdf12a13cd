/* bw-device.h — the device a project models
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_DEVICE (bw_device_get_type ())
G_DECLARE_FINAL_TYPE (BwDevice, bw_device, BW, DEVICE, BwRecord)

const char *bw_device_get_name (BwDevice *self);
const char *bw_device_get_manufacturer (BwDevice *self);
const char *bw_device_get_version (BwDevice *self);
const char *bw_device_get_intended_use (BwDevice *self);
const char *bw_device_get_environment (BwDevice *self);

G_END_DECLS
