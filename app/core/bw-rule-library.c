/* bw-rule-library.c — a rule library: declared properties and rules, validated on load
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A library file is trusted no more than a project file: a file that is
 * not a rule library is refused with line:column or a JSON path, and a bad
 * rule is reported with its id and path and skipped, so one typo in a
 * company's rule file does not take the other rules away (METHOD.md).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-core-resources.h"
#include "bw-json-reader.h"
#include "bw-rule-library.h"
#include "bw-rule-private.h"

#define RULES_RESOURCE_DIR "/io/github/bulwarkapp/Bulwark/rules/"
#define BUILTIN_RESOURCE RULES_RESOURCE_DIR "bulwark-builtin.json"
#define N_KINDS 4   /* external entity, process, data store, data flow */

struct _BwRuleLibrary
{
  GObject parent_instance;

  char *id;
  char *version;
  char *name;
  char *source;
  GListStore *rules;
  GHashTable *by_id;                      /* rule ID → BwRule (borrowed) */
  GListStore *properties[N_KINDS];
  GHashTable *property_index[N_KINDS];    /* name → BwRuleProperty (borrowed) */
  GPtrArray *problems;
};

G_DEFINE_FINAL_TYPE (BwRuleLibrary, bw_rule_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (bw-rule-library-error-quark, bw_rule_library_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const property_types[] = { "bool", "string", "number", NULL };

static void
bw_rule_library_finalize (GObject *object)
{
  BwRuleLibrary *self = BW_RULE_LIBRARY (object);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rules));

  /* Rules outlive their library only if someone holds them; they must not
   * then reach back into a freed library. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRule) rule = g_list_model_get_item (G_LIST_MODEL (self->rules), i);

      _bw_rule_set_library (rule, NULL);
    }

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->rules);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&self->property_index[k], g_hash_table_unref);
      g_clear_object (&self->properties[k]);
    }
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_rule_library_parent_class)->finalize (object);
}

static void
bw_rule_library_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BwRuleLibrary *self = BW_RULE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_rule_library_class_init (BwRuleLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_rule_library_finalize;
  object_class->get_property = bw_rule_library_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_rule_library_init (BwRuleLibrary *self)
{
  self->rules = g_list_store_new (BW_TYPE_RULE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->properties[k] = g_list_store_new (BW_TYPE_RULE_PROPERTY);
      self->property_index[k] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self->problems = g_ptr_array_new_with_free_func (g_free);
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

static void
add_problem (BwRuleLibrary *self,
             GPtrArray     *problems,
             char          *message)
{
  if (problems != NULL)
    g_ptr_array_add (problems, g_strdup (message));
  g_ptr_array_add (self->problems, message);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
format_error (GError     **error,
              const char  *source,
              const char  *path,
              const char  *format,
              ...) G_GNUC_PRINTF (4, 5);

static gboolean
format_error (GError     **error,
              const char  *source,
              const char  *path,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT, "%s: %s: %s", source, path, message);
  return FALSE;
}

/* One declared property, or a problem and NULL. */
static BwRuleProperty *
read_property (const char  *kind,
               JsonNode    *node,
               const char  *path,
               char       **problem)
{
  static const char * const known[] = { "name", "type", "default", "values", "help", NULL };
  JsonObject *object;
  JsonNode *member;
  const char *name;
  int type;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) values_strv = NULL;
  GList *members;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *problem = g_strdup_printf (_("%s: must be an object"), path);
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    if (strv_index (known, m->data) < 0)
      {
        *problem = g_strdup_printf (_("%s.%s: unknown member of a property declaration"), path, (const char *) m->data);
        g_list_free (members);
        return NULL;
      }
  g_list_free (members);

  member = json_object_get_member (object, "name");
  if (!is_string (member) || *json_node_get_string (member) == '\0')
    {
      *problem = g_strdup_printf (_("%s.name: must be a property name"), path);
      return NULL;
    }
  name = json_node_get_string (member);
  member = json_object_get_member (object, "type");
  type = is_string (member) ? strv_index (property_types, json_node_get_string (member)) : -1;
  if (type < 0)
    {
      *problem = g_strdup_printf (_("%s: property “%s”: “type” must be bool, string or number"), path, name);
      return NULL;
    }

  member = json_object_get_member (object, "default");
  if (member != NULL)
    {
      GType value_type = JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;
      gboolean ok = (type == BW_RULE_PROPERTY_BOOL && value_type == G_TYPE_BOOLEAN)
                    || (type == BW_RULE_PROPERTY_STRING && value_type == G_TYPE_STRING)
                    || (type == BW_RULE_PROPERTY_NUMBER && (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE));

      if (!ok)
        {
          *problem = g_strdup_printf (_("%s.default: must be a %s like the property’s type"), path, property_types[type]);
          return NULL;
        }
    }

  if (json_object_has_member (object, "values"))
    {
      JsonNode *list = json_object_get_member (object, "values");

      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          *problem = g_strdup_printf (_("%s.values: must be a list of strings"), path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (list), i);

          if (!is_string (item))
            {
              *problem = g_strdup_printf (_("%s.values[%u]: must be a string"), path, i);
              return NULL;
            }
          g_strv_builder_add (values, json_node_get_string (item));
        }
    }
  values_strv = g_strv_builder_end (values);

  member = json_object_get_member (object, "help");
  if (member != NULL && !is_string (member))
    {
      *problem = g_strdup_printf (_("%s.help: must be a string"), path);
      return NULL;
    }

  return bw_rule_property_new (kind, name, type, json_object_get_member (object, "default"),
                               (const char * const *) values_strv,
                               member != NULL ? json_node_get_string (member) : "");
}

static void
read_properties (BwRuleLibrary *self,
                 JsonNode      *node,
                 GPtrArray     *problems)
{
  JsonObject *object = json_node_get_object (node);
  GList *members = json_object_get_members (object);

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *kind = m->data;
      int k = strv_index (bw_element_kinds, kind);
      JsonNode *list = json_object_get_member (object, kind);

      if (k < 0 || k >= N_KINDS)
        {
          add_problem (self, problems, g_strdup_printf (_("%s: properties.%s: not an element kind with properties"),
                                                        self->source, kind));
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          add_problem (self, problems, g_strdup_printf (_("%s: properties.%s: must be a list of declarations"),
                                                        self->source, kind));
          continue;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          g_autofree char *path = g_strdup_printf ("properties.%s[%u]", kind, i);
          g_autofree char *problem = NULL;
          g_autoptr(BwRuleProperty) property = read_property (kind, json_array_get_element (json_node_get_array (list), i),
                                                              path, &problem);

          if (property == NULL)
            {
              add_problem (self, problems, g_strdup_printf ("%s: %s", self->source, problem));
              continue;
            }
          if (g_hash_table_contains (self->property_index[k], bw_rule_property_get_name (property)))
            {
              add_problem (self, problems, g_strdup_printf (_("%s: %s.name: “%s” is declared twice"),
                                                            self->source, path, bw_rule_property_get_name (property)));
              continue;
            }
          g_list_store_append (self->properties[k], property);
          g_hash_table_insert (self->property_index[k], (gpointer) bw_rule_property_get_name (property), property);
        }
    }
  g_list_free (members);
}

static void
read_rules (BwRuleLibrary *self,
            JsonArray     *rules,
            const char    *source,
            GPtrArray     *problems)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonNode *node = json_array_get_element (rules, i);
      g_autofree char *path = g_strdup_printf ("rules[%u]", i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BwRule) rule = NULL;
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "id") : NULL;
      const char *label = is_string (id) ? json_node_get_string (id) : path;
      BwRule *existing;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_problem (self, problems, g_strdup_printf (_("%s: %s: a rule must be an object"), label, path));
          continue;
        }
      rule = _bw_rule_new_from_json (json_node_get_object (node), path, self, source, &local_error);
      if (rule == NULL)
        {
          add_problem (self, problems, g_strdup_printf ("%s: %s", label, local_error->message));
          continue;
        }
      existing = g_hash_table_lookup (self->by_id, bw_rule_get_id (rule));
      if (existing != NULL)
        {
          add_problem (self, problems,
                       g_strdup_printf (_("%s: %s.id: the rule ID is already used in %s; skipped in %s"),
                                        label, path, bw_rule_get_source (existing), source));
          continue;
        }
      g_hash_table_insert (self->by_id, (gpointer) bw_rule_get_id (rule), rule);
      g_ptr_array_add (added, g_steal_pointer (&rule));
    }
  /* One splice, so a view of the rules updates once. */
  g_list_store_splice (self->rules, g_list_model_get_n_items (G_LIST_MODEL (self->rules)), 0,
                       added->pdata, added->len);
}

/* Reads a library or a part file into self; `part` says which is expected
 * (a part must name this library's id). */
static gboolean
load (BwRuleLibrary  *self,
      const char     *data,
      gssize          length,
      const char     *source,
      gboolean        part,
      GPtrArray      *problems,
      GError        **error)
{
  static const char * const known[] = { "format", "format_version", "id", "version", "name", "part", "properties", "rules", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BwJsonDocument) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *member;
  GList *members;

  if (length < 0)
    length = strlen (data);
  document = bw_json_document_parse (data, length, &local_error);
  if (document == NULL)
    {
      g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_PARSE,
                   "%s: %s", source, local_error->message);
      return FALSE;
    }
  root = bw_json_value_to_node (bw_json_document_get_root (document));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return format_error (error, source, "$", _("a rule library is a JSON object"));
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  if (!is_string (member) || !g_str_equal (json_node_get_string (member), "bulwark-rules"))
    return format_error (error, source, "format", _("not a Bulwark rule library (expected \"bulwark-rules\")"));
  member = json_object_get_member (object, "format_version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
    return format_error (error, source, "format_version", _("must be a whole number"));
  if (json_node_get_int (member) != 1)
    return format_error (error, source, "format_version",
                         _("version %lld is not supported (this Bulwark reads version 1)"),
                         (long long) json_node_get_int (member));

  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    if (strv_index (known, m->data) < 0)
      {
        g_autofree char *name = g_strdup (m->data);

        g_list_free (members);
        return format_error (error, source, name, _("unknown member of a rule library"));
      }
  g_list_free (members);

  member = json_object_get_member (object, "id");
  if (!is_string (member) || *json_node_get_string (member) == '\0')
    return format_error (error, source, "id", _("must be the library’s ID"));
  if (part)
    {
      if (!g_str_equal (json_node_get_string (member), self->id))
        {
          g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_MISMATCH,
                       _("%s: id: “%s” is a part of another library than “%s”"),
                       source, json_node_get_string (member), self->id);
          return FALSE;
        }
      if (!is_string (json_object_get_member (object, "part")))
        return format_error (error, source, "part", _("a part file must name its part"));
    }
  else
    {
      self->id = g_strdup (json_node_get_string (member));
      member = json_object_get_member (object, "version");
      if (!is_string (member))
        return format_error (error, source, "version", _("must be a string"));
      self->version = g_strdup (json_node_get_string (member));
      member = json_object_get_member (object, "name");
      if (member != NULL && !is_string (member))
        return format_error (error, source, "name", _("must be a string"));
      self->name = g_strdup (member != NULL ? json_node_get_string (member) : self->id);
    }

  member = json_object_get_member (object, "properties");
  if (member != NULL && !JSON_NODE_HOLDS_OBJECT (member))
    return format_error (error, source, "properties", _("must be an object of element kinds"));
  member = json_object_get_member (object, "rules");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return format_error (error, source, "rules", _("must be a list of rules"));

  if (json_object_has_member (object, "properties"))
    read_properties (self, json_object_get_member (object, "properties"), problems);
  read_rules (self, json_node_get_array (member), source, problems);
  return TRUE;
}

/**
 * bw_rule_library_new_from_data:
 * @data: the file's text
 * @length: its length, or -1 when NUL-terminated
 * @source_name: the file name (or resource) for messages
 * @problems: (out) (optional) (transfer full): the bad rules and
 *   declarations, each "<rule id>: <JSON path>: <what is wrong>"
 *
 * Returns: (transfer full): the library with its good rules, or NULL with
 *   @error when the text is not a rule library at all
 */
BwRuleLibrary *
bw_rule_library_new_from_data (const char  *data,
                               gssize       length,
                               const char  *source_name,
                               GPtrArray  **problems,
                               GError     **error)
{
  g_autoptr(BwRuleLibrary) self = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BW_TYPE_RULE_LIBRARY, NULL);
  self->source = g_strdup (source_name != NULL ? source_name : "rules");
  if (!load (self, data, length, self->source, FALSE, found, error))
    return NULL;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&self);
}

/* Returns: (transfer full): see bw_rule_library_new_from_data() */
BwRuleLibrary *
bw_rule_library_new_from_file (GFile      *file,
                               GPtrArray **problems,
                               GError    **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  name = g_file_get_parse_name (file);
  return bw_rule_library_new_from_data (contents, length, name, problems, error);
}

/**
 * bw_rule_library_add_part:
 * @problems: (out) (optional) (transfer full): as for
 *   bw_rule_library_new_from_data(); a rule ID the library already has is
 *   one of them
 *
 * Merges a part file: its rules and declarations join the library's.
 *
 * Returns: FALSE with @error when the text is not a part of this library
 */
gboolean
bw_rule_library_add_part (BwRuleLibrary  *self,
                          const char     *data,
                          gssize          length,
                          const char     *source_name,
                          GPtrArray     **problems,
                          GError        **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!load (self, data, length, source_name != NULL ? source_name : "rules", TRUE, found, error))
    return FALSE;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gpointer
load_builtin (gpointer data)
{
  GResource *resource = bw_core_get_resource ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) children = NULL;
  BwRuleLibrary *self;

  bytes = g_resource_lookup_data (resource, BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    self = bw_rule_library_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          "resource://" BUILTIN_RESOURCE, NULL, &error);
  else
    self = NULL;
  if (self == NULL)
    {
      /* The resource is compiled in; this is a broken build. */
      g_critical ("The built-in rule library does not load: %s", error->message);
      self = g_object_new (BW_TYPE_RULE_LIBRARY, NULL);
      self->id = g_strdup (BW_RULE_LIBRARY_BUILTIN_ID);
      self->version = g_strdup ("");
      self->name = g_strdup ("");
      self->source = g_strdup ("resource://" BUILTIN_RESOURCE);
      return self;
    }

  /* Parts in name order, so problems and rule order do not depend on the
   * resource compiler. */
  children = g_resource_enumerate_children (resource, RULES_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children != NULL)
    {
      g_qsort_with_data (children, g_strv_length (children), sizeof (char *), compare_names, NULL);
      for (guint i = 0; children[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (RULES_RESOURCE_DIR, children[i], NULL);
          g_autofree char *source = g_strconcat ("resource://", path, NULL);
          g_autoptr(GBytes) part = NULL;
          g_autoptr(GError) part_error = NULL;

          if (g_str_equal (path, BUILTIN_RESOURCE) || !g_str_has_suffix (path, ".json"))
            continue;
          part = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          if (part == NULL)
            continue;
          if (!bw_rule_library_add_part (self, g_bytes_get_data (part, NULL), g_bytes_get_size (part),
                                         source, NULL, &part_error))
            g_ptr_array_add (self->problems, g_strdup (part_error->message));
        }
    }
  return self;
}

/**
 * bw_rule_library_get_builtin:
 *
 * The built-in library (resources/rules/bulwark-builtin.json) with its
 * parts merged; its problems, if any, are in bw_rule_library_get_problems().
 *
 * Returns: (transfer none): the built-in library
 */
BwRuleLibrary *
bw_rule_library_get_builtin (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_builtin, NULL);
  return once.retval;
}

const char *
bw_rule_library_get_id (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return self->id;
}

const char *
bw_rule_library_get_version (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return self->version;
}

const char *
bw_rule_library_get_name (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return self->name;
}

/* The file or resource the library was read from. */
const char *
bw_rule_library_get_source (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return self->source;
}

/* Returns: (transfer none): a GListModel of BwRule, in file order */
GListModel *
bw_rule_library_get_rules (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->rules);
}

/* Returns: (transfer none) (nullable): the rule with that ID */
BwRule *
bw_rule_library_lookup (BwRuleLibrary *self,
                        const char    *rule_id)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  return g_hash_table_lookup (self->by_id, rule_id);
}

/* Returns: (transfer none): a GListModel of BwRuleProperty */
GListModel *
bw_rule_library_get_properties (BwRuleLibrary *self,
                                const char    *kind)
{
  static GListStore *empty;
  int k;

  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);

  k = strv_index (bw_element_kinds, kind);
  if (k < 0 || k >= N_KINDS)
    {
      if (g_once_init_enter (&empty))
        g_once_init_leave (&empty, g_list_store_new (BW_TYPE_RULE_PROPERTY));
      return G_LIST_MODEL (empty);
    }
  return G_LIST_MODEL (self->properties[k]);
}

/**
 * bw_rule_library_lookup_property:
 *
 * The declaration of a property of an element kind. A library that does
 * not declare it (a company's rule file usually declares nothing) uses the
 * built-in vocabulary, which its rules are written against.
 *
 * Returns: (transfer none) (nullable): the declaration
 */
BwRuleProperty *
bw_rule_library_lookup_property (BwRuleLibrary *self,
                                 BwElementKind  kind,
                                 const char    *name)
{
  BwRuleProperty *property;
  BwRuleLibrary *builtin;

  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((guint) kind >= N_KINDS)
    return NULL;
  property = g_hash_table_lookup (self->property_index[kind], name);
  if (property != NULL || g_strcmp0 (self->id, BW_RULE_LIBRARY_BUILTIN_ID) == 0)
    return property;
  builtin = bw_rule_library_get_builtin ();
  return builtin != self ? g_hash_table_lookup (builtin->property_index[kind], name) : NULL;
}

/* Returns: (transfer none): the problems found while loading, as strings */
GPtrArray *
bw_rule_library_get_problems (BwRuleLibrary *self)
{
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (self), NULL);
  return self->problems;
}
