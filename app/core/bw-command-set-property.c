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
#include "bw-project-io.h"

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

  /* The other sides of two-sided links this edit changed, to undo. */
  GPtrArray  *partners;        /* IDs */
  GPtrArray  *partner_lists;   /* their lists before the edit (GStrv) */
  const char *partner_field;
};

G_DEFINE_FINAL_TYPE (BwCommandSetProperty, bw_command_set_property, BW_TYPE_COMMAND)

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
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->partner_lists, g_ptr_array_unref);

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

/* FORMAT.md stores these links on both sides; an edit of one side
 * updates the other in the same step. */
static const struct {
  GType     (*type) (void);
  const char *field;
  GType     (*partner_type) (void);
  const char *partner_field;
} link_pairs[] = {
  { bw_threat_get_type, "objectives", bw_objective_get_type, "threats" },
  { bw_objective_get_type, "threats", bw_threat_get_type, "objectives" },
  { bw_threat_get_type, "attack_trees", bw_attack_tree_get_type, "threats" },
  { bw_attack_tree_get_type, "threats", bw_threat_get_type, "attack_trees" },
};

static char ***
partner_list (BwRecord   *partner,
              const char *field_name)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (partner), field_name);

  return bw_record_field_ptr (partner, field);
}

static void
restore_partners (BwCommandSetProperty *self,
                  BwProject            *project)
{
  for (guint i = self->partners->len; i > 0; i--)
    {
      BwRecord *partner = bw_project_lookup (project, self->partners->pdata[i - 1]);
      const BwField *field;
      char ***list;

      g_return_if_fail (partner != NULL);
      field = bw_record_class_find_field (BW_RECORD_GET_CLASS (partner), self->partner_field);
      list = bw_record_field_ptr (partner, field);
      bw_field_strv_free (*list);
      *list = g_strdupv (self->partner_lists->pdata[i - 1]);
      bw_record_notify_field (partner, field);
    }
  g_ptr_array_set_size (self->partners, 0);
  g_ptr_array_set_size (self->partner_lists, 0);
}

/* Adds or removes `id` in the partner lists so both sides agree again. */
static void
sync_partners (BwCommandSetProperty *self,
               BwProject            *project,
               BwRecord             *record,
               const BwField        *field,
               const char * const   *old_ids)
{
  const char * const *new_ids = *(const char * const **) bw_record_field_ptr (record, field);
  const char *id = bw_record_get_id (record);

  for (guint i = 0; i < G_N_ELEMENTS (link_pairs); i++)
    {
      if (G_OBJECT_TYPE (record) != link_pairs[i].type () || !g_str_equal (field->name, link_pairs[i].field))
        continue;
      self->partner_field = link_pairs[i].partner_field;

      for (guint pass = 0; pass < 2; pass++)
        {
          const char * const *ids = pass == 0 ? new_ids : old_ids;
          const char * const *others = pass == 0 ? old_ids : new_ids;

          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            {
              BwRecord *partner;
              char ***list;
              gboolean has;

              if (others != NULL && g_strv_contains (others, ids[j]))
                continue;
              partner = bw_project_lookup (project, ids[j]);
              if (partner == NULL || G_OBJECT_TYPE (partner) != link_pairs[i].partner_type ())
                continue;
              list = partner_list (partner, link_pairs[i].partner_field);
              has = g_strv_contains ((const char * const *) *list, id);
              if (has == (pass == 0))
                continue;

              g_ptr_array_add (self->partners, g_strdup (ids[j]));
              g_ptr_array_add (self->partner_lists, g_strdupv (*list));
              {
                GStrvBuilder *builder = g_strv_builder_new ();

                /* A new list rather than one grown in place: an empty
                 * member's list is shared (bw_field_strv_free()). */
                for (guint k = 0; (*list)[k] != NULL; k++)
                  if (pass == 0 || !g_str_equal ((*list)[k], id))
                    g_strv_builder_add (builder, (*list)[k]);
                if (pass == 0)
                  g_strv_builder_add (builder, id);
                bw_field_strv_free (*list);
                *list = g_strv_builder_end (builder);
                g_strv_builder_unref (builder);
              }
              bw_record_notify_field (partner, bw_record_class_find_field (BW_RECORD_GET_CLASS (partner),
                                                                          link_pairs[i].partner_field));
            }
        }
    }
}

static void bw_command_set_property_revert (BwCommand *command,
                                            BwProject *project);

static gboolean
bw_command_set_property_apply (BwCommand  *command,
                               BwProject  *project,
                               GError    **error)
{
  BwCommandSetProperty *self = BW_COMMAND_SET_PROPERTY (command);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GStrv) old_links = NULL;
  g_autoptr(GError) local_error = NULL;
  GParamSpec *pspec = NULL;
  const BwField *field;
  BwRecord *record;
  gpointer ptr;
  gboolean valid;

  record = bw_project_resolve_path (project, self->path);
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

  /* Records only take the values of their enumerations; say so kindly
   * rather than let the setter complain. */
  if ((field->type == BW_FIELD_ENUM || field->type == BW_FIELD_NENUM) &&
      !(field->type == BW_FIELD_NENUM && g_value_get_string (&value) == NULL) &&
      !g_strv_contains (field->values, g_value_get_string (&value) ? g_value_get_string (&value) : ""))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) field->values);

      return fail (error, _("“%s” is not one of %s."), g_value_get_string (&value), list);
    }

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
  if (field->type == BW_FIELD_REFS)
    old_links = g_strdupv (*(char ***) ptr);

  g_object_set_property (G_OBJECT (record), pspec->name, &value);

  /* The loader's own checks decide whether the edit may stand, so an edit
   * can never produce a file that would be refused.  Scales touch every
   * rating, so a change of the risk method checks the whole project. */
  if (BW_IS_RISK_METHOD (record))
    valid = bw_project_check (project, &local_error);
  else
    valid = bw_project_check_record (project, record, &local_error);
  if (!valid)
    {
      g_ptr_array_set_size (self->partners, 0);
      g_ptr_array_set_size (self->partner_lists, 0);
      bw_command_set_property_revert (command, project);
      return fail (error, "%s", local_error->message);
    }

  if (field->type == BW_FIELD_REFS)
    sync_partners (self, project, record, field, (const char * const *) old_links);
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

  restore_partners (self, project);

  record = bw_project_resolve_path (project, self->path);
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
  self->partners = g_ptr_array_new_with_free_func (g_free);
  self->partner_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
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
