/* bw-rule-property.h — a property a rule library declares for an element kind
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  BW_RULE_PROPERTY_BOOL,
  BW_RULE_PROPERTY_STRING,
  BW_RULE_PROPERTY_NUMBER,
} BwRulePropertyType;

#define BW_TYPE_RULE_PROPERTY (bw_rule_property_get_type ())
G_DECLARE_FINAL_TYPE (BwRuleProperty, bw_rule_property, BW, RULE_PROPERTY, GObject)

BwRuleProperty     *bw_rule_property_new            (const char         *kind,
                                                     const char         *name,
                                                     BwRulePropertyType  type,
                                                     JsonNode           *default_value,
                                                     const char * const *values,
                                                     const char         *help);
const char         *bw_rule_property_get_kind       (BwRuleProperty *self);
const char         *bw_rule_property_get_name       (BwRuleProperty *self);
BwRulePropertyType  bw_rule_property_get_value_type (BwRuleProperty *self);
const char         *bw_rule_property_get_type_name  (BwRuleProperty *self);
JsonNode           *bw_rule_property_get_default    (BwRuleProperty *self);
const char * const *bw_rule_property_get_values     (BwRuleProperty *self);
const char         *bw_rule_property_get_help       (BwRuleProperty *self);

G_END_DECLS
