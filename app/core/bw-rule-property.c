/* bw-rule-property.c — a property a rule library declares for an element kind
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-rule-property.h"

struct _BwRuleProperty
{
  GObject parent_instance;

  char *kind;
  char *name;
  BwRulePropertyType type;
  JsonNode *default_value;
  GStrv values;
  char *help;
};

G_DEFINE_FINAL_TYPE (BwRuleProperty, bw_rule_property, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_TYPE_NAME,
  PROP_HELP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const type_names[] = { "bool", "string", "number" };

static void
bw_rule_property_finalize (GObject *object)
{
  BwRuleProperty *self = BW_RULE_PROPERTY (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->default_value, json_node_unref);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->help, g_free);

  G_OBJECT_CLASS (bw_rule_property_parent_class)->finalize (object);
}

static void
bw_rule_property_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BwRuleProperty *self = BW_RULE_PROPERTY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, type_names[self->type]);
      break;
    case PROP_HELP:
      g_value_set_string (value, self->help);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_rule_property_class_init (BwRulePropertyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_rule_property_finalize;
  object_class->get_property = bw_rule_property_get_property;

  /* Read-only: a declaration belongs to its library file. */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELP] = g_param_spec_string ("help", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_rule_property_init (BwRuleProperty *self)
{
}

/**
 * bw_rule_property_new:
 * @default_value: (nullable): the value of an absent property; NULL gives
 *   the type's default (false, "" or 0)
 *
 * Returns: (transfer full): a new declaration
 */
BwRuleProperty *
bw_rule_property_new (const char         *kind,
                      const char         *name,
                      BwRulePropertyType  type,
                      JsonNode           *default_value,
                      const char * const *values,
                      const char         *help)
{
  BwRuleProperty *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (BW_TYPE_RULE_PROPERTY, NULL);
  self->kind = g_strdup (kind);
  self->name = g_strdup (name);
  self->type = type;
  if (default_value != NULL)
    self->default_value = json_node_copy (default_value);
  else
    {
      self->default_value = json_node_new (JSON_NODE_VALUE);
      switch (type)
        {
        case BW_RULE_PROPERTY_BOOL:
          json_node_set_boolean (self->default_value, FALSE);
          break;
        case BW_RULE_PROPERTY_STRING:
          json_node_set_string (self->default_value, "");
          break;
        case BW_RULE_PROPERTY_NUMBER:
          json_node_set_int (self->default_value, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  self->values = g_strdupv ((char **) values);
  if (self->values == NULL)
    self->values = g_new0 (char *, 1);
  self->help = g_strdup (help != NULL ? help : "");
  return self;
}

const char *
bw_rule_property_get_kind (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return self->kind;
}

const char *
bw_rule_property_get_name (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return self->name;
}

BwRulePropertyType
bw_rule_property_get_value_type (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), BW_RULE_PROPERTY_STRING);
  return self->type;
}

const char *
bw_rule_property_get_type_name (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return type_names[self->type];
}

JsonNode *
bw_rule_property_get_default (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return self->default_value;
}

const char * const *
bw_rule_property_get_values (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return (const char * const *) self->values;
}

const char *
bw_rule_property_get_help (BwRuleProperty *self)
{
  g_return_val_if_fail (BW_IS_RULE_PROPERTY (self), NULL);
  return self->help;
}
