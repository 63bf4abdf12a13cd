/* bw-command-set-property.c — change one member of one record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The record is named by a path: an ID, optionally followed by member
 * names (and indices into lists) down to a nested record without an ID of
 * its own, e.g. "T-3/risk" or "C-1/vulnerabilities/0"; a path that does
 * not start with an ID starts at the project ("model/device").  Every
 * value is checked against format 1 before it is set, so an edit can never
 * make the document unsaveable.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-attack-node.h"
#include "bw-command-set-property.h"

struct _BwCommandSetProperty
{
  BwCommand  parent_instance;

  char      *path;
  char      *property;
  GValue     value;
  GValue     old_value;

  /* Geometry and numbers are restored bit for bit: going through a
   * GValue would turn a number read as "300.0" into "300", and an undo
   * must give back the very file that was there. */
  gboolean   have_raw;
  BwNumber   raw_numbers[4];
  GArray    *raw_points;
};

G_DEFINE_FINAL_TYPE (BwCommandSetProperty, bw_command_set_property, BW_TYPE_COMMAND)

G_DEFINE_QUARK (bw-command-error-quark, bw_command_error)

typedef struct
{
  const char *add;
  const char *remove;
  const char *change;
  const char *move;
  const char *resize;
} Labels;

/* Whole phrases, so translators never glue a verb to a noun. */
static const Labels element_labels[] = {
  { N_("Add External Entity"), N_("Delete External Entity"), N_("Change External Entity"),
    N_("Move External Entity"), N_("Resize External Entity") },
  { N_("Add Process"), N_("Delete Process"), N_("Change Process"),
    N_("Move Process"), N_("Resize Process") },
  { N_("Add Data Store"), N_("Delete Data Store"), N_("Change Data Store"),
    N_("Move Data Store"), N_("Resize Data Store") },
  { N_("Add Data Flow"), N_("Delete Data Flow"), N_("Change Data Flow"),
    N_("Move Data Flow"), N_("Change Data Flow") },
  { N_("Add Trust Boundary"), N_("Delete Trust Boundary"), N_("Change Trust Boundary"),
    N_("Move Trust Boundary"), N_("Resize Trust Boundary") },
};

static const Labels *
labels_for (BwRecord *record)
{
  static const Labels asset = { N_("Add Asset"), N_("Delete Asset"), N_("Change Asset") };
  static const Labels assumption = { N_("Add Assumption"), N_("Delete Assumption"), N_("Change Assumption") };
  static const Labels hazard = { N_("Add Hazard"), N_("Delete Hazard"), N_("Change Hazard") };
  static const Labels diagram = { N_("Add Diagram"), N_("Delete Diagram"), N_("Change Diagram") };
  static const Labels threat = { N_("Add Threat"), N_("Delete Threat"), N_("Change Threat") };
  static const Labels objective = { N_("Add Objective"), N_("Delete Objective"), N_("Change Objective") };
  static const Labels requirement = { N_("Add Requirement"), N_("Delete Requirement"), N_("Change Requirement") };
  static const Labels tree = { N_("Add Attack Tree"), N_("Delete Attack Tree"), N_("Change Attack Tree") };
  static const Labels node = { N_("Add Attack Step"), N_("Delete Attack Step"), N_("Change Attack Step") };
  static const Labels component = { N_("Add Component"), N_("Delete Component"), N_("Change Component") };
  static const Labels other = { N_("Add Item"), N_("Delete Item"), N_("Change Project") };

  if (BW_IS_ELEMENT (record))
    return &element_labels[bw_element_get_kind_enum (BW_ELEMENT (record))];
  if (BW_IS_ASSET (record))
    return &asset;
  if (BW_IS_ASSUMPTION (record))
    return &assumption;
  if (BW_IS_HAZARD (record))
    return &hazard;
  if (BW_IS_DIAGRAM (record))
    return &diagram;
  if (BW_IS_THREAT (record))
    return &threat;
  if (BW_IS_OBJECTIVE (record))
    return &objective;
  if (BW_IS_REQUIREMENT (record))
    return &requirement;
  if (BW_IS_ATTACK_TREE (record))
    return &tree;
  if (BW_IS_ATTACK_NODE (record))
    return &node;
  if (BW_IS_COMPONENT (record))
    return &component;
  return &other;
}

/* The undo label of `verb` done to `record` ("Move Process"), translated. */
const char *
bw_command_describe (BwRecord      *record,
                     BwCommandVerb  verb)
{
  const Labels *labels;
  const char *label = NULL;

  g_return_val_if_fail (record == NULL || BW_IS_RECORD (record), NULL);

  labels = labels_for (record);
  switch (verb)
    {
    case BW_COMMAND_VERB_ADD: label = labels->add; break;
    case BW_COMMAND_VERB_DELETE: label = labels->remove; break;
    case BW_COMMAND_VERB_MOVE: label = labels->move; break;
    case BW_COMMAND_VERB_RESIZE: label = labels->resize; break;
    case BW_COMMAND_VERB_CHANGE:
    default: break;
    }
  return _(label != NULL ? label : labels->change);
}

/* Borrowed; NULL when the path leads nowhere. */
BwRecord *
bw_command_resolve_path (BwProject  *project,
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
          GListModel *list = *(GListModel **) ptr;
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

static gboolean
prefix_allowed (const char *prefix,
                const char *allowed)
{
  g_auto(GStrv) list = g_strsplit (allowed, " ", -1);

  return prefix != NULL && g_strv_contains ((const char * const *) list, prefix);
}

static gboolean
check_id (BwProject   *project,
          const char  *id,
          const char  *allowed,
          gboolean     may_dangle,
          GError     **error)
{
  BwRecord *target = bw_project_lookup (project, id);

  if (target == NULL)
    {
      if (may_dangle)
        return TRUE;
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not in this project."), id);
      return FALSE;
    }
  if (allowed != NULL && !prefix_allowed (bw_record_prefix_of (target), allowed))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("“%s” cannot be used here; choose one of: %s."), id, allowed);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *message,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *message,
      ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);

  va_start (args, message);
  *error = g_error_new_valist (BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, message, args);
  va_end (args);
  return FALSE;
}

static gboolean
in_values (const BwField *field,
           const char    *value)
{
  return value != NULL && g_strv_contains (field->values, value);
}

static guint
scale_length (BwProject     *project,
              const BwField *field)
{
  BwRiskMethod *method = bw_project_get_risk_method (project);
  const char * const *scale = g_str_equal (field->refs, "severity")
                              ? bw_risk_method_get_severity (method)
                              : bw_risk_method_get_exploitability (method);

  return g_strv_length ((char **) scale);
}

static gboolean
is_obsolete_threat (BwRecord *record)
{
  return BW_IS_THREAT (record) && bw_threat_get_obsolete (BW_THREAT (record));
}

/* The end of a flow must be a node drawn on the flow's own diagram. */
static gboolean
check_flow_end (BwProject   *project,
                BwElement   *flow,
                const char  *id,
                GError     **error)
{
  BwRecord *node = bw_project_lookup (project, id);

  if (!BW_IS_ELEMENT (node) || !bw_element_is_node (BW_ELEMENT (node)))
    return fail (error, _("“%s” is not an external entity, a process or a data store."), id);
  if (g_strcmp0 (bw_element_get_diagram (BW_ELEMENT (node)), bw_element_get_diagram (flow)) != 0)
    return fail (error, _("“%s” is drawn on diagram %s; a data flow can only connect elements of its own diagram (%s)."),
                 id, bw_element_get_diagram (BW_ELEMENT (node)), bw_element_get_diagram (flow));
  return TRUE;
}

/* Whether `value` (of the member's property type) may be the value of
 * `field` of `record` in this project: the checks of the loader. */
gboolean
bw_command_check_value (BwProject      *project,
                        BwRecord       *record,
                        const BwField  *field,
                        const GValue   *value,
                        GError        **error)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  switch (field->type)
    {
    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
      {
        const char *s = g_value_get_string (value);

        if (s == NULL && field->type == BW_FIELD_NENUM)
          return TRUE;
        if (!in_values (field, s))
          return fail (error, _("“%s” is not a valid %s."), s ? s : "null", field->name);
        if (BW_IS_ELEMENT (record) && g_str_equal (field->name, "shape") && g_str_equal (s, "line") &&
            bw_element_get_points (BW_ELEMENT (record))->len < 2)
          return fail (error, _("Draw the line first: a line boundary needs at least two points."));
        return TRUE;
      }

    case BW_FIELD_ENUMS:
      {
        char **v = g_value_get_boxed (value);

        for (guint i = 0; v != NULL && v[i] != NULL; i++)
          if (!in_values (field, v[i]))
            return fail (error, _("“%s” is not a valid %s."), v[i], field->name);
        return TRUE;
      }

    case BW_FIELD_REF:
      {
        const char *id = g_value_get_string (value);
        gboolean may_dangle = is_obsolete_threat (record) && g_str_equal (field->name, "target");

        if (id == NULL || *id == '\0')
          {
            if (field->required || (BW_IS_THREAT (record) && g_str_equal (field->name, "target")))
              return fail (error, _("The %s cannot be empty."), field->name);
            return TRUE;
          }
        if (!check_id (project, id, field->refs, may_dangle, error))
          return FALSE;

        if (BW_IS_ELEMENT (record))
          {
            BwElement *element = BW_ELEMENT (record);

            if (g_str_equal (field->name, "source") || g_str_equal (field->name, "target"))
              return check_flow_end (project, element, id, error);
            if (g_str_equal (field->name, "refines"))
              {
                BwRecord *other = bw_project_lookup (project, id);

                if (other == record)
                  return fail (error, _("An element cannot refine itself."));
                if (bw_element_get_kind_enum (BW_ELEMENT (other)) != bw_element_get_kind_enum (element))
                  return fail (error, _("An element can only refine an element of its own kind."));
              }
          }
        if (BW_IS_THREAT (record) && g_str_equal (field->name, "target") && !may_dangle)
          {
            const char * const *interaction = bw_threat_get_interaction (BW_THREAT (record));

            if (interaction != NULL && g_strcmp0 (interaction[1], id) != 0)
              return fail (error, _("The target of a threat to an interaction must be the interaction’s flow (%s)."),
                           interaction[1]);
          }
        return TRUE;
      }

    case BW_FIELD_REFS:
      {
        char **ids = g_value_get_boxed (value);

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          if (!check_id (project, ids[i], field->refs, FALSE, error))
            return FALSE;
        return TRUE;
      }

    case BW_FIELD_INTERACTION:
      {
        char **ids = g_value_get_boxed (value);
        gboolean obsolete = is_obsolete_threat (record);

        if (ids == NULL)
          return TRUE;
        if (g_strv_length (ids) != 3)
          return fail (error, _("An interaction names three elements: source, flow and target."));
        for (guint i = 0; i < 3; i++)
          if (!check_id (project, ids[i], field->refs, obsolete, error))
            return FALSE;
        if (BW_IS_THREAT (record) && !obsolete &&
            g_strcmp0 (ids[1], bw_threat_get_target (BW_THREAT (record))) != 0)
          return fail (error, _("The flow of the interaction (%s) must be the threat’s target."), ids[1]);
        return TRUE;
      }

    case BW_FIELD_LEVEL:
      {
        int level = g_value_get_int (value);
        guint max = scale_length (project, field);

        if (level < 0 || (guint) level > max)
          return fail (error, _("%d is not a level of the %s scale (1 to %u)."), level, field->refs, max);
        return TRUE;
      }

    case BW_FIELD_NUMBER:
      if (isinf (g_value_get_double (value)))
        return fail (error, _("The %s must be a finite number."), field->name);
      return TRUE;

    case BW_FIELD_BOUNDS:
      {
        GVariant *v = g_value_get_variant (value);
        double d[4];

        if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE ("(dddd)")))
          return fail (error, _("Bounds are four numbers: x, y, width and height."));
        g_variant_get (v, "(dddd)", &d[0], &d[1], &d[2], &d[3]);
        for (guint i = 0; i < 4; i++)
          if (!isfinite (d[i]))
            return fail (error, _("The bounds must be finite numbers."));
        return TRUE;
      }

    case BW_FIELD_POINTS:
      {
        GVariant *v = g_value_get_variant (value);
        GVariantIter iter;
        double x, y;

        if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE ("a(dd)")))
          return fail (error, _("Points are pairs of numbers."));
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "(dd)", &x, &y))
          if (!isfinite (x) || !isfinite (y))
            return fail (error, _("The points must be finite numbers."));
        if (BW_IS_ELEMENT (record) && bw_element_is_line (BW_ELEMENT (record)) && g_variant_n_children (v) < 2)
          return fail (error, _("A line boundary needs at least two points."));
        return TRUE;
      }

    case BW_FIELD_MATRIX:
      {
        GVariant *v = g_value_get_variant (value);
        GVariantIter iter;
        g_auto(GStrv) row = NULL;
        guint n_rows = 0;

        if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE ("aas")))
          return fail (error, _("The matrix is a list of rows of outcomes."));
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "^as", &row))
          {
            n_rows++;
            for (guint i = 0; row[i] != NULL; i++)
              if (!in_values (field, row[i]))
                return fail (error, _("“%s” is not a valid outcome."), row[i]);
            g_clear_pointer (&row, g_strfreev);
          }
        return TRUE;
      }

    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      {
        BwRecord *child = g_value_get_object (value);

        return child == NULL || bw_command_check_record (project, child, error);
      }

    case BW_FIELD_STRING:
    case BW_FIELD_NSTRING:
    case BW_FIELD_BOOL:
    case BW_FIELD_NBOOL:
    case BW_FIELD_INT:
    case BW_FIELD_STRINGS:
    case BW_FIELD_PROPERTIES:
    case BW_FIELD_RECORDS:
    default:
      return TRUE;
    }
}

static gboolean
check_threat (BwThreat  *threat,
              GError   **error)
{
  if (g_strcmp0 (bw_threat_get_origin (threat), "derived") == 0 && bw_threat_get_rule (threat) == NULL)
    return fail (error, _("A derived threat needs the ID of its rule."));
  return TRUE;
}

/* Whether every member of `record`, and of the records inside it, may
 * stand in this project. */
gboolean
bw_command_check_record (BwProject  *project,
                         BwRecord   *record,
                         GError    **error)
{
  BwRecordClass *klass;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_RECORD (record), FALSE);

  klass = BW_RECORD_GET_CLASS (record);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];

      if (!bw_record_has_field (record, field))
        continue;

      if (field->type == BW_FIELD_RECORDS)
        {
          GListModel *list = *(GListModel **) bw_record_field_ptr (record, field);
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(BwRecord) child = g_list_model_get_item (list, j);

              if (!bw_command_check_record (project, child, error))
                return FALSE;
            }
        }
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, klass->pspecs[i]->value_type);
          g_object_get_property (G_OBJECT (record), klass->pspecs[i]->name, &value);
          if (!bw_command_check_value (project, record, field, &value, error))
            return FALSE;
        }
    }
  if (BW_IS_THREAT (record))
    return check_threat (BW_THREAT (record), error);
  return TRUE;
}

static void
bw_command_set_property_finalize (GObject *object)
{
  BwCommandSetProperty *self = BW_COMMAND_SET_PROPERTY (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->property, g_free);
  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_clear_pointer (&self->raw_points, g_array_unref);

  G_OBJECT_CLASS (bw_command_set_property_parent_class)->finalize (object);
}

static const BwField *
find_field (BwRecord   *record,
            const char *property,
            GParamSpec **pspec)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (record);
  g_autofree char *name = g_strdup (property);
  const BwField *field;

  g_strdelimit (name, "-", '_');
  field = bw_record_class_find_field (klass, name);
  if (field != NULL)
    *pspec = klass->pspecs[field - klass->fields];
  return field;
}

/* The scales and the matrix of the risk method must keep fitting. */
static gboolean
check_risk_method (BwRiskMethod   *method,
                   const BwField  *field,
                   const GValue   *value,
                   GError        **error)
{
  g_autoptr(GVariant) matrix = NULL;
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  guint n_e, n_s;
  GVariantIter iter;
  g_auto(GStrv) row = NULL;

  if (g_str_equal (field->name, "exploitability"))
    exploitability = g_value_get_boxed (value);
  else if (g_str_equal (field->name, "severity"))
    severity = g_value_get_boxed (value);
  else if (!g_str_equal (field->name, "matrix"))
    return TRUE;

  if (g_str_equal (field->name, "matrix"))
    matrix = g_value_dup_variant (value);
  else
    g_object_get (method, "matrix", &matrix, NULL);

  n_e = exploitability ? g_strv_length ((char **) exploitability) : 0;
  n_s = severity ? g_strv_length ((char **) severity) : 0;
  if (n_e == 0 || n_s == 0)
    return fail (error, _("The exploitability and severity scales need at least one level each."));
  if (g_variant_n_children (matrix) != n_e)
    return fail (error, _("The matrix needs one row per exploitability level."));
  g_variant_iter_init (&iter, matrix);
  while (g_variant_iter_next (&iter, "^as", &row))
    {
      if (g_strv_length (row) != n_s)
        return fail (error, _("Each row of the matrix needs one entry per severity level."));
      g_clear_pointer (&row, g_strfreev);
    }
  return TRUE;
}

static gboolean
bw_command_set_property_apply (BwCommand  *command,
                               BwProject  *project,
                               GError    **error)
{
  BwCommandSetProperty *self = BW_COMMAND_SET_PROPERTY (command);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = NULL;
  const BwField *field;
  BwRecord *record;
  gpointer ptr;

  record = bw_command_resolve_path (project, self->path);
  if (record == NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not in this project."), self->path);
      return FALSE;
    }

  field = find_field (record, self->property, &pspec);
  if (field == NULL || !bw_record_has_field (record, field) ||
      field->type == BW_FIELD_RECORDS)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” has no member “%s” that can be set."), self->path, self->property);
      return FALSE;
    }

  g_value_init (&value, pspec->value_type);
  /* No conversions: a number is no name, whatever GValue would allow. */
  if (!g_value_type_compatible (G_VALUE_TYPE (&self->value), pspec->value_type))
    return fail (error, _("The value does not fit the member “%s”."), self->property);
  g_value_copy (&self->value, &value);
  if (g_param_value_validate (pspec, &value))
    return fail (error, _("The value does not fit the member “%s”."), self->property);

  /* Changing what an element is, or where it is drawn, would orphan its
   * flows and threats; that is a delete and an add, not an edit. */
  if (BW_IS_ELEMENT (record) &&
      (g_str_equal (field->name, "kind") || g_str_equal (field->name, "diagram")))
    {
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &current);
      if (g_strcmp0 (g_value_get_string (&current), g_value_get_string (&value)) != 0)
        return fail (error, _("The %s of an element cannot be changed."), field->name);
    }

  if (!bw_command_check_value (project, record, field, &value, error))
    return FALSE;
  if (BW_IS_RISK_METHOD (record) && !check_risk_method (BW_RISK_METHOD (record), field, &value, error))
    return FALSE;
  if (BW_IS_THREAT (record) &&
      ((g_str_equal (field->name, "rule") && g_value_get_string (&value) == NULL &&
        g_strcmp0 (bw_threat_get_origin (BW_THREAT (record)), "derived") == 0) ||
       (g_str_equal (field->name, "origin") && g_strcmp0 (g_value_get_string (&value), "derived") == 0 &&
        bw_threat_get_rule (BW_THREAT (record)) == NULL)))
    return fail (error, _("A derived threat needs the ID of its rule."));

  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (record), pspec->name, &self->old_value);

  ptr = bw_record_field_ptr (record, field);
  g_clear_pointer (&self->raw_points, g_array_unref);
  self->have_raw = TRUE;
  if (field->type == BW_FIELD_BOUNDS)
    memcpy (self->raw_numbers, ptr, sizeof (BwNumber) * 4);
  else if (field->type == BW_FIELD_NUMBER)
    self->raw_numbers[0] = *(BwNumber *) ptr;
  else if (field->type == BW_FIELD_POINTS)
    self->raw_points = g_array_copy (*(GArray **) ptr);
  else
    self->have_raw = FALSE;

  g_object_set_property (G_OBJECT (record), pspec->name, &value);
  return TRUE;
}

static void
bw_command_set_property_revert (BwCommand *command,
                                BwProject *project)
{
  BwCommandSetProperty *self = BW_COMMAND_SET_PROPERTY (command);
  GParamSpec *pspec = NULL;
  const BwField *field;
  BwRecord *record;
  gpointer ptr;

  record = bw_command_resolve_path (project, self->path);
  g_return_if_fail (record != NULL);
  field = find_field (record, self->property, &pspec);
  g_return_if_fail (field != NULL);

  if (!self->have_raw)
    {
      g_object_set_property (G_OBJECT (record), pspec->name, &self->old_value);
      return;
    }

  ptr = bw_record_field_ptr (record, field);
  if (field->type == BW_FIELD_BOUNDS)
    memcpy (ptr, self->raw_numbers, sizeof (BwNumber) * 4);
  else if (field->type == BW_FIELD_NUMBER)
    *(BwNumber *) ptr = self->raw_numbers[0];
  else
    {
      g_array_unref (*(GArray **) ptr);
      *(GArray **) ptr = g_array_copy (self->raw_points);
    }
  bw_record_notify_field (record, field);
}

/* Typing into a field is one step: the second change of the same member
 * takes over, and undo goes back to the value before the first. */
static gboolean
bw_command_set_property_merge (BwCommand *command,
                               BwCommand *next_command)
{
  BwCommandSetProperty *self = BW_COMMAND_SET_PROPERTY (command);
  BwCommandSetProperty *next = BW_COMMAND_SET_PROPERTY (next_command);

  if (g_strcmp0 (self->path, next->path) != 0 || g_strcmp0 (self->property, next->property) != 0)
    return FALSE;

  g_value_unset (&self->value);
  g_value_init (&self->value, G_VALUE_TYPE (&next->value));
  g_value_copy (&next->value, &self->value);
  return TRUE;
}

static void
bw_command_set_property_class_init (BwCommandSetPropertyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_set_property_finalize;
  command_class->apply = bw_command_set_property_apply;
  command_class->revert = bw_command_set_property_revert;
  command_class->merge = bw_command_set_property_merge;
}

static void
bw_command_set_property_init (BwCommandSetProperty *self)
{
}

/* The record an edit of `path` is about, for its label: the record with
 * the ID the path starts from. */
static BwRecord *
labelled_record (BwProject  *project,
                 const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0')
    return NULL;
  parts = g_strsplit (path, "/", 2);
  return bw_project_lookup (project, parts[0]);
}

/**
 * bw_command_set_property_new:
 * @project: the project the command is for (for its label)
 * @path: the record: an ID, optionally with a path below it
 * @property: the member's property name ("out-of-scope" or "out_of_scope")
 * @value: the new value; copied
 *
 * Returns: (transfer full): a command that sets one member
 */
BwCommand *
bw_command_set_property_new (BwProject    *project,
                             const char   *path,
                             const char   *property,
                             const GValue *value)
{
  BwCommandSetProperty *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  self = g_object_new (BW_TYPE_COMMAND_SET_PROPERTY, NULL);
  self->path = g_strdup (path);
  self->property = g_strdup (property);
  g_value_init (&self->value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->value);
  bw_command_set_label (BW_COMMAND (self),
                        bw_command_describe (labelled_record (project, path), BW_COMMAND_VERB_CHANGE));
  return BW_COMMAND (self);
}

/* A resize is a change of "bounds" with a label of its own. */
BwCommand *
bw_command_resize_new (BwProject    *project,
                       const char   *id,
                       const BwRect *rect)
{
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;
  BwRect r;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  r = bw_rect_normalize (rect);
  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_new ("(dddd)", r.x, r.y, r.width, r.height));
  command = bw_command_set_property_new (project, id, "bounds", &value);
  bw_command_set_label (command, bw_command_describe (bw_project_lookup (project, id), BW_COMMAND_VERB_RESIZE));
  return command;
}

const char *
bw_command_set_property_get_path (BwCommandSetProperty *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_SET_PROPERTY (self), NULL);
  return self->path;
}

const char *
bw_command_set_property_get_property (BwCommandSetProperty *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_SET_PROPERTY (self), NULL);
  return self->property;
}
