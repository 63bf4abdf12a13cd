/* bw-rule-library-ref.c — a rule library the threats were derived with
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-rule-library-ref.h"

struct _BwRuleLibraryRef
{
  BwRecord parent_instance;

  char *version;
  char *path;
};

G_DEFINE_FINAL_TYPE (BwRuleLibraryRef, bw_rule_library_ref, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "version", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRuleLibraryRef, version) },
  { "path", BW_FIELD_NSTRING, G_STRUCT_OFFSET (BwRuleLibraryRef, path) },
};

static void
bw_rule_library_ref_class_init (BwRuleLibraryRefClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_rule_library_ref_init (BwRuleLibraryRef *self)
{
}

const char *
bw_rule_library_ref_get_version (BwRuleLibraryRef *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY_REF (self), NULL);

  return self->version;
}

const char *
bw_rule_library_ref_get_path (BwRuleLibraryRef *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY_REF (self), NULL);

  return self->path;
}
