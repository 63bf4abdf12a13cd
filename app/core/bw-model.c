/* bw-model.c — what a project is about: title, device, scope, method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-model.h"
#include "bw-device.h"
#include "bw-retirement.h"
#include "bw-security-concept.h"

struct _BwModel
{
  BwRecord parent_instance;

  char *title;
  char *description;
  BwDevice *device;
  char **authors;
  char *created;
  char *modified;
  char *scope;
  char *methodology;
  BwSecurityConcept *security_concept;
  BwRetirement *retirement;
};

G_DEFINE_FINAL_TYPE (BwModel, bw_model, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "title", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, title) },
  { "description", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, description) },
  { "device", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwModel, device), .record_type = bw_device_get_type },
  { "authors", BW_FIELD_STRINGS, G_STRUCT_OFFSET (BwModel, authors) },
  { "created", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, created) },
  { "modified", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, modified) },
  { "scope", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, scope) },
  { "methodology", BW_FIELD_STRING, G_STRUCT_OFFSET (BwModel, methodology) },
  { "security_concept", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwModel, security_concept), .record_type = bw_security_concept_get_type },
  { "retirement", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwModel, retirement), .record_type = bw_retirement_get_type },
};

static void
bw_model_class_init (BwModelClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_model_init (BwModel *self)
{
}

const char *
bw_model_get_title (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->title;
}

const char *
bw_model_get_description (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->description;
}

BwDevice *
bw_model_get_device (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->device;
}

const char * const *
bw_model_get_authors (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return (const char * const *) self->authors;
}

const char *
bw_model_get_created (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->created;
}

const char *
bw_model_get_modified (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->modified;
}

const char *
bw_model_get_scope (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->scope;
}

const char *
bw_model_get_methodology (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->methodology;
}

BwSecurityConcept *
bw_model_get_security_concept (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->security_concept;
}

BwRetirement *
bw_model_get_retirement (BwModel *self)
{
  g_return_val_if_fail (BW_IS_MODEL (self), NULL);

  return self->retirement;
}
