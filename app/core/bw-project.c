/* bw-project.c — the document: one threat model and its history of edits
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-command-stack.h"
#include "bw-id-index.h"
#include "bw-project.h"
#include "bw-project-private.h"
#include "bw-rule-library-ref.h"

struct _BwProject
{
  BwRecord parent_instance;

  /* The members of the file, in FORMAT.md's order. */
  char           *format;
  gint64          format_version;
  char           *generator;
  BwModel        *model;
  BwIdCounters   *id_counters;
  GListStore     *assets;
  GListStore     *assumptions;
  GListStore     *hazards;
  GListStore     *diagrams;
  GListStore     *elements;
  GListStore     *threats;
  GListStore     *objectives;
  GListStore     *requirements;
  GListStore     *attack_trees;
  GListStore     *components;
  BwRiskMethod   *risk_method;
  GListStore     *rule_libraries;

  /* Session state, never written. */
  BwIdIndex      *index;     /* ID → BwRecord (borrowed; the stores own them) */
  BwCommandStack *commands;
  GFile          *file;
  GPtrArray      *warnings;
};

G_DEFINE_FINAL_TYPE (BwProject, bw_project, BW_TYPE_RECORD)

enum {
  PROP_FILE = 1,
  PROP_MODIFIED,
  N_PROPS
};

/* Session properties are numbered after the file members' properties. */
static GParamSpec *properties[N_PROPS];
static guint session_prop_base;

#define R(T, t) .record_type = t##_get_type
static const BwField fields[] = {
  { "format", BW_FIELD_STRING, G_STRUCT_OFFSET (BwProject, format) },
  { "format_version", BW_FIELD_INT, G_STRUCT_OFFSET (BwProject, format_version) },
  { "generator", BW_FIELD_STRING, G_STRUCT_OFFSET (BwProject, generator) },
  { "model", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwProject, model), R (BwModel, bw_model) },
  { "id_counters", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwProject, id_counters), R (BwIdCounters, bw_id_counters) },
  { "assets", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, assets), R (BwAsset, bw_asset) },
  { "assumptions", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, assumptions), R (BwAssumption, bw_assumption) },
  { "hazards", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, hazards), R (BwHazard, bw_hazard) },
  { "diagrams", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, diagrams), R (BwDiagram, bw_diagram) },
  { "elements", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, elements), R (BwElement, bw_element) },
  { "threats", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, threats), R (BwThreat, bw_threat) },
  { "objectives", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, objectives), R (BwObjective, bw_objective) },
  { "requirements", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, requirements), R (BwRequirement, bw_requirement) },
  { "attack_trees", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, attack_trees), R (BwAttackTree, bw_attack_tree) },
  { "components", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, components), R (BwComponent, bw_component) },
  { "risk_method", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwProject, risk_method), R (BwRiskMethod, bw_risk_method) },
  { "rule_libraries", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwProject, rule_libraries), R (BwRuleLibraryRef, bw_rule_library_ref) },
};
#undef R

static void
modified_changed_cb (BwProject      *self,
                     GParamSpec     *pspec,
                     BwCommandStack *commands)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
bw_project_constructed (GObject *object)
{
  BwProject *self = BW_PROJECT (object);

  G_OBJECT_CLASS (bw_project_parent_class)->constructed (object);

  bw_field_string_free (self->format);
  self->format = g_strdup ("bulwark");
  self->format_version = BW_FORMAT_VERSION;
  self->commands = bw_command_stack_new (self);
  g_signal_connect_object (self->commands, "notify::modified",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bw_project_dispose (GObject *object)
{
  BwProject *self = BW_PROJECT (object);

  /* Commands hold IDs, not pointers, but drop them before the records. */
  g_clear_object (&self->commands);
  g_clear_pointer (&self->index, bw_id_index_free);

  G_OBJECT_CLASS (bw_project_parent_class)->dispose (object);
}

static void
bw_project_finalize (GObject *object)
{
  BwProject *self = BW_PROJECT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_project_parent_class)->finalize (object);
}

static void
bw_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwProject *self = BW_PROJECT (object);

  if (prop_id == session_prop_base + PROP_FILE)
    g_value_set_object (value, self->file);
  else if (prop_id == session_prop_base + PROP_MODIFIED)
    g_value_set_boolean (value, bw_project_get_modified (self));
  else
    G_OBJECT_CLASS (bw_project_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
bw_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BwProject *self = BW_PROJECT (object);

  if (prop_id == session_prop_base + PROP_FILE)
    bw_project_set_file (self, g_value_get_object (value));
  else
    G_OBJECT_CLASS (bw_project_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
bw_project_class_init (BwProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  object_class->constructed = bw_project_constructed;
  object_class->dispose = bw_project_dispose;
  object_class->finalize = bw_project_finalize;

  /* BwRecord's get/set handle the file members; ours chain up to them. */
  object_class->get_property = bw_project_get_property;
  object_class->set_property = bw_project_set_property;

  record_class->has_id = FALSE;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));

  session_prop_base = 1 + G_N_ELEMENTS (fields);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, session_prop_base + PROP_FILE, properties[PROP_FILE]);
  g_object_class_install_property (object_class, session_prop_base + PROP_MODIFIED, properties[PROP_MODIFIED]);
}

static void
bw_project_init (BwProject *self)
{
  self->index = bw_id_index_new ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/* A new, empty project with the default risk method and one context
 * diagram would be the app's business; the core starts truly empty. */
BwProject *
bw_project_new (void)
{
  BwProject *self = g_object_new (BW_TYPE_PROJECT, NULL);

  for (guint i = 0; bw_id_prefixes[i] != NULL; i++)
    bw_id_counters_set (self->id_counters, bw_id_prefixes[i], 1);
  return self;
}

const char *
bw_project_get_generator (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->generator;
}

BwModel *
bw_project_get_model (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->model;
}

BwIdCounters *
bw_project_get_id_counters (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->id_counters;
}

#define COLLECTION_GETTER(name) \
  GListModel * \
  bw_project_get_##name (BwProject *self) \
  { \
    g_return_val_if_fail (BW_IS_PROJECT (self), NULL); \
    return G_LIST_MODEL (self->name); \
  }

COLLECTION_GETTER (assets)
COLLECTION_GETTER (assumptions)
COLLECTION_GETTER (hazards)
COLLECTION_GETTER (diagrams)
COLLECTION_GETTER (elements)
COLLECTION_GETTER (threats)
COLLECTION_GETTER (objectives)
COLLECTION_GETTER (requirements)
COLLECTION_GETTER (attack_trees)
COLLECTION_GETTER (components)
COLLECTION_GETTER (rule_libraries)

#undef COLLECTION_GETTER

BwRiskMethod *
bw_project_get_risk_method (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->risk_method;
}

/* The top-level store that holds records of `type`, or NULL. */
GListStore *
bw_project_get_collection (BwProject *self,
                           GType      type)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type == BW_FIELD_RECORDS && fields[i].record_type () == type)
      return bw_record_get_records (BW_RECORD (self), &fields[i]);
  return NULL;
}

GListStore *
bw_project_get_collection_by_name (BwProject  *self,
                                   const char *name)
{
  const BwField *field;

  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  field = bw_record_class_find_field (BW_RECORD_GET_CLASS (self), name);
  if (field == NULL || field->type != BW_FIELD_RECORDS)
    return NULL;
  return bw_record_get_records (BW_RECORD (self), field);
}

BwRecord *
bw_project_lookup (BwProject  *self,
                   const char *id)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  if (id == NULL)
    return NULL;
  return bw_id_index_lookup (self->index, id);
}

/* A record by path: an ID, then members (and list indices) below it, as
 * "T-1/risk" or "C-1/vulnerabilities/0"; a path that does not start with
 * an ID starts at the project ("model").  Borrowed; NULL when the path
 * leads nowhere. */
BwRecord *
bw_project_resolve_path (BwProject  *project,
                         const char *path)
{
  g_auto(GStrv) parts = NULL;
  BwRecord *record;
  guint i = 0;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  if (path == NULL || *path == '\0')
    return BW_RECORD (project);

  parts = g_strsplit (path, "/", -1);
  record = bw_project_lookup (project, parts[0]);
  if (record != NULL)
    i = 1;
  else
    record = BW_RECORD (project);

  for (; parts[i] != NULL; i++)
    {
      const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (record), parts[i]);
      gpointer ptr;

      if (field == NULL || !bw_record_has_field (record, field))
        return NULL;
      ptr = bw_record_field_ptr (record, field);

      if (field->type == BW_FIELD_RECORD || field->type == BW_FIELD_NRECORD)
        record = *(BwRecord **) ptr;
      else if (field->type == BW_FIELD_RECORDS && parts[i + 1] != NULL)
        {
          GListModel *list = G_LIST_MODEL (bw_record_get_records (record, field));
          char *end = NULL;
          guint64 n = g_ascii_strtoull (parts[++i], &end, 10);
          g_autoptr(BwRecord) item = NULL;

          if (end == parts[i] || *end != '\0' || n >= g_list_model_get_n_items (list))
            return NULL;
          /* The list keeps it alive; we hand out a borrowed pointer. */
          item = g_list_model_get_item (list, n);
          record = item;
        }
      else
        return NULL;

      if (record == NULL)
        return NULL;
    }
  return record;
}

/* Takes the next number of `prefix`; IDs are never reused (FORMAT.md). */
char *
bw_project_allocate_id (BwProject  *self,
                        const char *prefix)
{
  gint64 next;

  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  next = MAX (1, bw_id_counters_get (self->id_counters, prefix));
  while (TRUE)
    {
      g_autofree char *id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, next);

      /* Above the highest number in use, an ID is free without a look-up. */
      if (next++ > bw_id_index_get_highest (self->index, prefix) || bw_id_index_lookup (self->index, id) == NULL)
        {
          bw_id_counters_set (self->id_counters, prefix, next);
          return g_steal_pointer (&id);
        }
    }
}

static void
index_nodes (BwProject  *self,
             GListModel *nodes,
             gboolean    add);

/**
 * _bw_project_get_highest_number:
 * @prefix: one of bw_id_prefixes
 *
 * IDs "@prefix-N" with N above this are free (bw_id_index_get_highest()):
 * derivation numbers its new threats without a look-up per ID.
 *
 * Returns: the highest number of @prefix ever indexed, or 0
 */
gint64
_bw_project_get_highest_number (BwProject  *self,
                                const char *prefix)
{
  return bw_id_index_get_highest (self->index, prefix);
}

static void
index_one (BwProject *self,
           BwRecord  *record,
           gboolean   add)
{
  const char *id = bw_record_get_id (record);

  if (id != NULL && BW_RECORD_GET_CLASS (record)->prefix != NULL)
    {
      if (add)
        bw_id_index_insert (self->index, id, record);
      else
        bw_id_index_remove (self->index, id, record);
    }

  /* Attack-tree nodes have IDs of their own. */
  if (BW_IS_ATTACK_TREE (record))
    index_one (self, BW_RECORD (bw_attack_tree_get_root (BW_ATTACK_TREE (record))), add);
  else if (BW_IS_ATTACK_NODE (record))
    {
      index_nodes (self, bw_attack_node_get_countermeasures (BW_ATTACK_NODE (record)), add);
      index_nodes (self, bw_attack_node_get_children (BW_ATTACK_NODE (record)), add);
    }
}

static void
index_nodes (BwProject  *self,
             GListModel *nodes,
             gboolean    add)
{
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRecord) node = g_list_model_get_item (nodes, i);

      index_one (self, node, add);
    }
}

void
bw_project_index_record (BwProject *self,
                         BwRecord  *record)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (BW_IS_RECORD (record));

  index_one (self, record, TRUE);
}

/**
 * _bw_project_index_numbered:
 * @record: a record with no records with IDs of their own (a threat)
 *   whose ID is "@prefix-@number"
 *
 * bw_project_index_record() for a caller that knows the ID's number.
 */
void
_bw_project_index_numbered (BwProject  *self,
                            BwRecord   *record,
                            const char *prefix,
                            gint64      number)
{
  if (!bw_id_index_insert_numbered (self->index, prefix, number, record))
    bw_id_index_insert (self->index, bw_record_get_id (record), record);
}

void
bw_project_unindex_record (BwProject *self,
                           BwRecord  *record)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (BW_IS_RECORD (record));

  index_one (self, record, FALSE);
}

/* The elements drawn on a diagram, in file order (which is paint order). */
GPtrArray *
bw_project_dup_diagram_elements (BwProject  *self,
                                 const char *diagram_id)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (self), ret);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->elements));
  for (guint i = 0; i < n; i++)
    {
      BwElement *element = g_list_model_get_item (G_LIST_MODEL (self->elements), i);

      if (g_strcmp0 (bw_element_get_diagram (element), diagram_id) == 0)
        g_ptr_array_add (ret, element);
      else
        g_object_unref (element);
    }
  return ret;
}

BwDiagram *
bw_project_get_diagram_of (BwProject *self,
                           BwElement *element)
{
  BwRecord *diagram = bw_project_lookup (self, bw_element_get_diagram (element));

  return BW_IS_DIAGRAM (diagram) ? BW_DIAGRAM (diagram) : NULL;
}

GFile *
bw_project_get_file (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->file;
}

void
bw_project_set_file (BwProject *self,
                     GFile     *file)
{
  g_return_if_fail (BW_IS_PROJECT (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

char *
bw_project_dup_display_name (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (self->model != NULL && *bw_model_get_title (self->model) != '\0')
    return g_strdup (bw_model_get_title (self->model));
  return g_strdup (_("Untitled Project"));
}

BwCommandStack *
bw_project_get_command_stack (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->commands;
}

gboolean
bw_project_get_modified (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  return self->commands != NULL && bw_command_stack_get_modified (self->commands);
}

/* What loading repaired or noticed (a low ID counter, say). */
GPtrArray *
bw_project_get_warnings (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->warnings;
}

void
bw_project_add_warning (BwProject  *self,
                        const char *warning)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_ptr_array_add (self->warnings, g_strdup (warning));
}

/* The ID prefix a record's kind calls for ("DS" for a data store). */
const char *
bw_record_prefix_of (BwRecord *record)
{
  if (BW_IS_ELEMENT (record))
    return bw_element_kind_prefix (bw_element_get_kind_enum (BW_ELEMENT (record)));
  return BW_RECORD_GET_CLASS (record)->prefix;
}
