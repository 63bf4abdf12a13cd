/* bw-command.c — one undoable edit of a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command.h"
#include "bw-project.h"

typedef struct
{
  char  *label;
  /* The selection (IDs) to restore on undo and on redo. */
  char **selection_before;
  char **selection_after;
} BwCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BwCommand, bw_command, G_TYPE_OBJECT)

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

static gboolean
bw_command_real_merge (BwCommand *self,
                       BwCommand *next)
{
  return FALSE;
}

static void
bw_command_finalize (GObject *object)
{
  BwCommand *self = BW_COMMAND (object);
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->selection_before, g_strfreev);
  g_clear_pointer (&priv->selection_after, g_strfreev);

  G_OBJECT_CLASS (bw_command_parent_class)->finalize (object);
}

static void
bw_command_class_init (BwCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_command_finalize;
  klass->merge = bw_command_real_merge;
}

static void
bw_command_init (BwCommand *self)
{
}

const char *
bw_command_get_label (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return priv->label ? priv->label : "";
}

void
bw_command_set_label (BwCommand  *self,
                      const char *label)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_if_fail (BW_IS_COMMAND (self));

  g_free (priv->label);
  priv->label = g_strdup (label);
}

gboolean
bw_command_apply (BwCommand  *self,
                  BwProject  *project,
                  GError    **error)
{
  g_return_val_if_fail (BW_IS_COMMAND (self), FALSE);

  return BW_COMMAND_GET_CLASS (self)->apply (self, project, error);
}

void
bw_command_revert (BwCommand *self,
                   BwProject *project)
{
  g_return_if_fail (BW_IS_COMMAND (self));

  BW_COMMAND_GET_CLASS (self)->revert (self, project);
}

gboolean
bw_command_merge (BwCommand *self,
                  BwCommand *next)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);
  BwCommandPrivate *next_priv = bw_command_get_instance_private (next);

  g_return_val_if_fail (BW_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (BW_IS_COMMAND (next), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;
  if (!BW_COMMAND_GET_CLASS (self)->merge (self, next))
    return FALSE;
  /* The merged step ends where the last one did. */
  g_strfreev (priv->selection_after);
  priv->selection_after = g_strdupv (next_priv->selection_after);
  return TRUE;
}

void
bw_command_set_selection (BwCommand          *self,
                          const char * const *before,
                          const char * const *after)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_if_fail (BW_IS_COMMAND (self));

  g_strfreev (priv->selection_before);
  g_strfreev (priv->selection_after);
  priv->selection_before = g_strdupv ((char **) before);
  priv->selection_after = g_strdupv ((char **) after);
}

const char * const *
bw_command_get_selection_before (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return (const char * const *) priv->selection_before;
}

const char * const *
bw_command_get_selection_after (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return (const char * const *) priv->selection_after;
}
