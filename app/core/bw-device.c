/* bw-device.c — the device a project models
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-device.h"

struct _BwDevice
{
  BwRecord parent_instance;

  char *name;
  char *manufacturer;
  char *version;
  char *intended_use;
  char *environment;
};

G_DEFINE_FINAL_TYPE (BwDevice, bw_device, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDevice, name) },
  { "manufacturer", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDevice, manufacturer) },
  { "version", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDevice, version) },
  { "intended_use", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDevice, intended_use) },
  { "environment", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDevice, environment) },
};

static void
bw_device_class_init (BwDeviceClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_device_init (BwDevice *self)
{
}

const char *
bw_device_get_name (BwDevice *self)
{
  g_return_val_if_fail (BW_IS_DEVICE (self), NULL);

  return self->name;
}

const char *
bw_device_get_manufacturer (BwDevice *self)
{
  g_return_val_if_fail (BW_IS_DEVICE (self), NULL);

  return self->manufacturer;
}

const char *
bw_device_get_version (BwDevice *self)
{
  g_return_val_if_fail (BW_IS_DEVICE (self), NULL);

  return self->version;
}

const char *
bw_device_get_intended_use (BwDevice *self)
{
  g_return_val_if_fail (BW_IS_DEVICE (self), NULL);

  return self->intended_use;
}

const char *
bw_device_get_environment (BwDevice *self)
{
  g_return_val_if_fail (BW_IS_DEVICE (self), NULL);

  return self->environment;
}
