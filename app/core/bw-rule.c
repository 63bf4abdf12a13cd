/* bw-rule.c — one rule of a rule library: when it applies and the threat it raises
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bw-rule-library.h"
#include "bw-rule-private.h"

const char * const bw_rule_applies_to_names[] = {
  "external_entity", "process", "data_store", "data_flow", "interaction", NULL
};

static const char * const categories[] = { "S", "T", "R", "I", "D", "E", NULL };
static const char * const safeties[] = { "yes", "asset", "no", NULL };
static const char * const objective_categories[] = {
  "authentication", "authorization", "cryptography", "integrity", "confidentiality",
  "event_detection_logging", "resiliency_recovery", "updatability_patchability", NULL
};
static const char * const members[] = {
  "id", "category", "applies_to", "when", "title", "description", "mitigation", "references",
  "exploitability", "objective_category", "safety", "multi_patient", NULL
};

typedef enum
{
  FIELD_ID,
  FIELD_NAME,
  FIELD_KIND,
  FIELD_DESCRIPTION,
  FIELD_PROPERTY,
} TemplateField;

/* A template, parsed once: literal text and placeholders in turn. */
typedef struct
{
  char          *literal;   /* NULL for a placeholder */
  gsize          length;    /* of the literal, measured once */
  BwRuleSubject  subject;
  TemplateField  field;
  char          *property;
} Segment;

struct _BwRule
{
  GObject parent_instance;

  char *id;
  const char *category;
  BwRuleAppliesTo applies_to;
  BwRuleCondition *condition;
  char *title;
  char *description;
  char *mitigation;
  GStrv references;
  int exploitability;
  const char *objective_category;
  const char *safety;
  gboolean multi_patient;
  char *library_id;
  char *source;
  BwRuleLibrary *library;     /* not a reference: the library owns its rules */
  GArray *title_segments;
  GArray *description_segments;
};

G_DEFINE_FINAL_TYPE (BwRule, bw_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_APPLIES_TO,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_MITIGATION,
  PROP_EXPLOITABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_free (segment->literal);
  g_free (segment->property);
}

static void
bw_rule_finalize (GObject *object)
{
  BwRule *self = BW_RULE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->condition, bw_rule_condition_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->mitigation, g_free);
  g_clear_pointer (&self->references, g_strfreev);
  g_clear_pointer (&self->library_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->title_segments, g_array_unref);
  g_clear_pointer (&self->description_segments, g_array_unref);

  G_OBJECT_CLASS (bw_rule_parent_class)->finalize (object);
}

static void
bw_rule_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BwRule *self = BW_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_APPLIES_TO:
      g_value_set_string (value, bw_rule_applies_to_names[self->applies_to]);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_MITIGATION:
      g_value_set_string (value, self->mitigation);
      break;
    case PROP_EXPLOITABILITY:
      g_value_set_int (value, self->exploitability);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_rule_class_init (BwRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_rule_finalize;
  object_class->get_property = bw_rule_get_property;

  /* Read-only: a rule is what its library file says. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLIES_TO] = g_param_spec_string ("applies-to", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MITIGATION] = g_param_spec_string ("mitigation", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLOITABILITY] = g_param_spec_int ("exploitability", NULL, NULL, 1, 5, 3,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_rule_init (BwRule *self)
{
}

static int
strv_index (const char * const *strv,
            const char         *s)
{
  for (int i = 0; strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], s) == 0)
      return i;
  return -1;
}

static gboolean
problem (GError    **error,
         const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
problem (GError    **error,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT, "%s: %s", path, message);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Splits a template into literal text and placeholders, refusing the
 * placeholders this rule cannot fill. */
static GArray *
parse_template (const char       *text,
                BwRuleAppliesTo   applies_to,
                const char       *path,
                GError          **error)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  const char *p = text;

  g_array_set_clear_func (segments, segment_clear);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      g_auto(GStrv) parts = NULL;
      Segment segment = { 0 };
      guint n;

      if (open == NULL || close == NULL)
        {
          segment.literal = g_strdup (p);
          segment.length = strlen (segment.literal);
          g_array_append_val (segments, segment);
          break;
        }
      if (open > p)
        {
          segment.literal = g_strndup (p, open - p);
          segment.length = open - p;
          g_array_append_val (segments, segment);
          segment.literal = NULL;
          segment.length = 0;
        }

      name = g_strndup (open + 1, close - open - 1);
      parts = g_strsplit (name, ".", 3);
      n = g_strv_length (parts);
      if (applies_to == BW_RULE_APPLIES_INTERACTION)
        {
          static const char * const roots[] = { "source", "flow", "target", NULL };
          int root = n >= 2 ? strv_index (roots, parts[0]) : -1;

          if (root < 0)
            {
              problem (error, path, _("unknown placeholder “{%s}” (interaction rules use {source.…}, {flow.…}, {target.…})"), name);
              return NULL;
            }
          segment.subject = root;
        }
      else
        {
          if (n < 2 || !g_str_equal (parts[0], "element"))
            {
              problem (error, path, _("unknown placeholder “{%s}” (element rules use {element.…})"), name);
              return NULL;
            }
          segment.subject = BW_RULE_SUBJECT_FLOW;
        }

      if (n == 2 && g_str_equal (parts[1], "id"))
        segment.field = FIELD_ID;
      else if (n == 2 && g_str_equal (parts[1], "name"))
        segment.field = FIELD_NAME;
      else if (n == 2 && g_str_equal (parts[1], "kind"))
        segment.field = FIELD_KIND;
      else if (n == 2 && g_str_equal (parts[1], "description"))
        segment.field = FIELD_DESCRIPTION;
      else if (n == 3 && g_str_equal (parts[1], "properties") && *parts[2] != '\0')
        {
          segment.field = FIELD_PROPERTY;
          segment.property = g_strdup (parts[2]);
        }
      else
        {
          problem (error, path, _("unknown placeholder “{%s}” (fields: id, name, kind, description, properties.NAME)"), name);
          return NULL;
        }
      g_array_append_val (segments, segment);
      p = close + 1;
    }
  return g_steal_pointer (&segments);
}

/* The text of a placeholder; a number is formatted into `scratch`. */
static const char *
placeholder_text (const Segment *segment,
                  BwElement     *element,
                  GPtrArray     *scratch)
{
  JsonObject *values;
  JsonNode *node;

  switch (segment->field)
    {
    case FIELD_ID:
      return bw_record_get_id (BW_RECORD (element));
    case FIELD_NAME:
      return bw_element_get_name (element);
    case FIELD_KIND:
      return bw_element_get_kind (element);
    case FIELD_DESCRIPTION:
      return bw_element_get_description (element);
    case FIELD_PROPERTY:
      values = bw_element_get_properties (element);
      node = values != NULL ? json_object_get_member (values, segment->property) : NULL;
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        return "";
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (node) ? "true" : "false";
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_ptr_array_add (scratch, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
      else
        g_ptr_array_add (scratch, g_strdup_printf ("%g", json_node_get_double (node)));
      return g_ptr_array_index (scratch, scratch->len - 1);
    default:
      g_assert_not_reached ();
    }
  return "";
}

/* Fills a template. The pieces are measured first and copied into one
 * allocation of the exact size: tens of thousands of threats are made in
 * one derivation, and a growing buffer per text showed in the profile. */
static char *
expand (GArray     *segments,
        BwElement  *element_or_flow,
        BwElement  *source,
        BwElement  *target,
        const char *suffix)
{
  BwElement *subjects[BW_RULE_SUBJECT_N] = { source, element_or_flow, target };
  g_autoptr(GPtrArray) scratch = NULL;
  const char *stack_pieces[32];
  g_autofree const char **heap_pieces = NULL;
  const char **pieces = stack_pieces;
  gsize *lengths;
  gsize stack_lengths[32];
  g_autofree gsize *heap_lengths = NULL;
  guint n = segments->len + 1;
  gsize total = 0;
  char *out, *p;

  if (n > G_N_ELEMENTS (stack_pieces))
    {
      pieces = heap_pieces = g_new (const char *, n);
      lengths = heap_lengths = g_new (gsize, n);
    }
  else
    lengths = stack_lengths;

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);
      BwElement *element = subjects[segment->subject];

      if (segment->literal != NULL)
        {
          pieces[i] = segment->literal;
          lengths[i] = segment->length;
        }
      else
        {
          if (element == NULL)
            pieces[i] = "";
          else
            {
              if (segment->field == FIELD_PROPERTY && scratch == NULL)
                scratch = g_ptr_array_new_with_free_func (g_free);
              pieces[i] = placeholder_text (segment, element, scratch);
            }
          lengths[i] = strlen (pieces[i]);
        }
      total += lengths[i];
    }
  pieces[n - 1] = suffix != NULL ? suffix : "";
  lengths[n - 1] = strlen (pieces[n - 1]);
  total += lengths[n - 1];

  out = p = g_malloc (total + 1);
  for (guint i = 0; i < n; i++)
    {
      memcpy (p, pieces[i], lengths[i]);
      p += lengths[i];
    }
  *p = '\0';
  return out;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char  *path,
             char       **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  if (node == NULL)
    {
      if (required)
        return problem (error, path, _("“%s” is missing"), member);
      *out = g_strdup ("");
      return TRUE;
    }
  if (!is_string (node))
    return problem (error, where, _("must be a string"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_enum (JsonObject          *object,
           const char          *member,
           const char * const  *values,
           const char          *fallback,
           const char          *path,
           const char         **out,
           GError             **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  g_autofree char *allowed = NULL;
  int i;

  if (node == NULL && fallback != NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (node == NULL)
    return problem (error, path, _("“%s” is missing"), member);
  i = is_string (node) ? strv_index (values, json_node_get_string (node)) : -1;
  if (i >= 0)
    {
      *out = values[i];
      return TRUE;
    }
  allowed = g_strjoinv (", ", (char **) values);
  return problem (error, where, _("must be one of %s"), allowed);
}

/*
 * _bw_rule_new_from_json:
 * @object: the rule's JSON object
 * @path: its JSON path, "rules[3]"
 * @library: the library it belongs to (not referenced: it owns the rule)
 *
 * Returns: (transfer full): the rule, or NULL with @error "<path>: <what>"
 */
BwRule *
_bw_rule_new_from_json (JsonObject     *object,
                        const char     *path,
                        BwRuleLibrary  *library,
                        const char     *source,
                        GError        **error)
{
  g_autoptr(BwRule) self = g_object_new (BW_TYPE_RULE, NULL);
  const char *applies_to = NULL;
  JsonNode *node;

  self->library = library;
  self->library_id = g_strdup (bw_rule_library_get_id (library));
  self->source = g_strdup (source);

  {
    GList *names = json_object_get_members (object);

    for (GList *m = names; m != NULL; m = m->next)
      if (strv_index (members, m->data) < 0)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, (const char *) m->data);

          g_list_free (names);
          return problem (error, where, _("unknown member of a rule")), NULL;
        }
    g_list_free (names);
  }

  if (!read_string (object, "id", TRUE, path, &self->id, error))
    return NULL;
  if (*self->id == '\0')
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);

      return problem (error, where, _("must not be empty")), NULL;
    }
  if (!read_enum (object, "category", categories, NULL, path, &self->category, error)
      || !read_enum (object, "applies_to", bw_rule_applies_to_names, NULL, path, &applies_to, error))
    return NULL;
  self->applies_to = strv_index (bw_rule_applies_to_names, applies_to);

  node = json_object_get_member (object, "when");
  if (node != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.when", path);

      self->condition = bw_rule_condition_compile (node, self->applies_to == BW_RULE_APPLIES_INTERACTION,
                                                   where, error);
      if (self->condition == NULL)
        return NULL;
    }

  if (!read_string (object, "title", TRUE, path, &self->title, error)
      || !read_string (object, "description", FALSE, path, &self->description, error)
      || !read_string (object, "mitigation", FALSE, path, &self->mitigation, error))
    return NULL;
  {
    g_autofree char *title_path = g_strdup_printf ("%s.title", path);
    g_autofree char *description_path = g_strdup_printf ("%s.description", path);

    if (*self->title == '\0')
      return problem (error, title_path, _("must not be empty")), NULL;
    self->title_segments = parse_template (self->title, self->applies_to, title_path, error);
    if (self->title_segments == NULL)
      return NULL;
    self->description_segments = parse_template (self->description, self->applies_to, description_path, error);
    if (self->description_segments == NULL)
      return NULL;
  }

  node = json_object_get_member (object, "references");
  if (node == NULL)
    self->references = g_new0 (char *, 1);
  else
    {
      g_autofree char *where = g_strdup_printf ("%s.references", path);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return problem (error, where, _("must be a list of strings")), NULL;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!is_string (item))
            {
              g_autofree char *item_path = g_strdup_printf ("%s[%u]", where, i);

              return problem (error, item_path, _("must be a string")), NULL;
            }
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      self->references = g_strv_builder_end (builder);
    }

  node = json_object_get_member (object, "exploitability");
  self->exploitability = 3;
  if (node != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.exploitability", path);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || json_node_get_int (node) < 1 || json_node_get_int (node) > 5)
        return problem (error, where, _("must be a whole number from 1 to 5")), NULL;
      self->exploitability = json_node_get_int (node);
    }

  node = json_object_get_member (object, "objective_category");
  if (node != NULL
      && !read_enum (object, "objective_category", objective_categories, NULL, path, &self->objective_category, error))
    return NULL;
  if (!read_enum (object, "safety", safeties, "no", path, &self->safety, error))
    return NULL;

  node = json_object_get_member (object, "multi_patient");
  if (node != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.multi_patient", path);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return problem (error, where, _("must be true or false")), NULL;
      self->multi_patient = json_node_get_boolean (node);
    }

  return g_steal_pointer (&self);
}

void
_bw_rule_set_library (BwRule        *self,
                      BwRuleLibrary *library)
{
  self->library = library;
}

BwRuleLibrary *
_bw_rule_get_library (BwRule *self)
{
  return self->library;
}

const char *
bw_rule_get_id (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->id;
}

const char *
bw_rule_get_category (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->category;
}

const char *
bw_rule_get_applies_to (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return bw_rule_applies_to_names[self->applies_to];
}

BwRuleAppliesTo
bw_rule_get_applies_to_enum (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), BW_RULE_APPLIES_N);
  return self->applies_to;
}

const BwRuleCondition *
bw_rule_get_condition (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->condition;
}

const char *
bw_rule_get_title (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->title;
}

const char *
bw_rule_get_description (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->description;
}

const char *
bw_rule_get_mitigation (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->mitigation;
}

const char * const *
bw_rule_get_references (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return (const char * const *) self->references;
}

int
bw_rule_get_exploitability (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), 0);
  return self->exploitability;
}

/* NULL when the rule suggests none. */
const char *
bw_rule_get_objective_category (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->objective_category;
}

const char *
bw_rule_get_safety (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->safety;
}

gboolean
bw_rule_get_multi_patient (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), FALSE);
  return self->multi_patient;
}

const char *
bw_rule_get_library_id (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->library_id;
}

/* The file (or resource) the rule was read from. */
const char *
bw_rule_get_source (BwRule *self)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return self->source;
}

/* Whether the subjects are what the rule applies to at all. */
static gboolean
subjects_fit (BwRule    *self,
              BwElement *element_or_flow,
              BwElement *source,
              BwElement *target)
{
  BwElementKind kind = bw_element_get_kind_enum (element_or_flow);

  if (self->applies_to == BW_RULE_APPLIES_INTERACTION)
    return kind == BW_ELEMENT_DATA_FLOW && source != NULL && target != NULL;
  return (int) kind == (int) self->applies_to;
}

/**
 * bw_rule_matches:
 * @element_or_flow: the element (element rules) or the flow (interactions)
 * @source: (nullable): the interaction's source
 * @target: (nullable): the interaction's target
 *
 * Evaluates the rule with boundary crossing taken from the geometry; the
 * deriver does the same with crossing computed once per derivation.
 *
 * Returns: whether the rule applies
 */
gboolean
bw_rule_matches (BwRule    *self,
                 BwProject *project,
                 BwElement *element_or_flow,
                 BwElement *source,
                 BwElement *target)
{
  BwRuleContext context = { 0 };

  g_return_val_if_fail (BW_IS_RULE (self), FALSE);
  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_ELEMENT (element_or_flow), FALSE);

  if (!subjects_fit (self, element_or_flow, source, target))
    return FALSE;
  context.project = project;
  context.subjects[BW_RULE_SUBJECT_SOURCE] = source;
  context.subjects[BW_RULE_SUBJECT_FLOW] = element_or_flow;
  context.subjects[BW_RULE_SUBJECT_TARGET] = target;
  context.vocabulary = self->library;
  return bw_rule_condition_evaluate (self->condition, &context);
}

/* Returns: (transfer full): the title with its placeholders filled */
char *
bw_rule_expand_title (BwRule    *self,
                      BwElement *element_or_flow,
                      BwElement *source,
                      BwElement *target)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return expand (self->title_segments, element_or_flow, source, target, NULL);
}

/* Returns: (transfer full): the description with its placeholders filled */
char *
bw_rule_expand_description (BwRule    *self,
                            BwElement *element_or_flow,
                            BwElement *source,
                            BwElement *target)
{
  g_return_val_if_fail (BW_IS_RULE (self), NULL);
  return expand (self->description_segments, element_or_flow, source, target, NULL);
}

/* The description with `suffix` appended, built in one piece. */
char *
_bw_rule_expand_description_with (BwRule     *self,
                                  BwElement  *element_or_flow,
                                  BwElement  *source,
                                  BwElement  *target,
                                  const char *suffix)
{
  return expand (self->description_segments, element_or_flow, source, target, suffix);
}
