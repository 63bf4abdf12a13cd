/* bw-command-stack.c — undo and redo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-auto-derive.h"
#include "bw-command-derive.h"
#include "bw-command-group.h"
#include "bw-command-stack.h"
#include "bw-project.h"

struct _BwCommandStack
{
  GObject     parent_instance;

  GWeakRef    project;
  GPtrArray  *undo;          /* applied commands, oldest first */
  GPtrArray  *redo;          /* reverted commands, most recent last */
  GPtrArray  *groups;        /* open groups, innermost last */
  gint64      clean_depth;   /* undo->len at the last save; -1 if unreachable */
  gboolean    sealed;        /* the top command takes no more merges */
  BwAutoDerive *auto_derive; /* NULL: no derivation after edits */
  gboolean    derive_pending; /* merged steps (a drag) wait for the seal */
};

G_DEFINE_FINAL_TYPE (BwCommandStack, bw_command_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SELECTION_RESTORED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
notify_all (BwCommandStack *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
bw_command_stack_finalize (GObject *object)
{
  BwCommandStack *self = BW_COMMAND_STACK (object);

  g_weak_ref_clear (&self->project);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->auto_derive);

  G_OBJECT_CLASS (bw_command_stack_parent_class)->finalize (object);
}

static void
bw_command_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BwCommandStack *self = BW_COMMAND_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bw_command_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bw_command_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, bw_command_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, bw_command_stack_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bw_command_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_command_stack_class_init (BwCommandStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_command_stack_finalize;
  object_class->get_property = bw_command_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BwCommandStack::selection-restored:
   * @ids: the IDs that were selected at that point of the history
   *
   * Emitted after an undo or redo, so views can restore the selection.
   */
  signals[SELECTION_RESTORED] =
    g_signal_new ("selection-restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  /**
   * BwCommandStack::changed:
   *
   * Emitted whenever the document may have changed through the stack:
   * after every execute (a merged step of a drag too, which changes no
   * property of the stack), undo and redo. Views and caches listen here.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_command_stack_init (BwCommandStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->sealed = TRUE;
}

BwCommandStack *
bw_command_stack_new (BwProject *project)
{
  BwCommandStack *self = g_object_new (BW_TYPE_COMMAND_STACK, NULL);

  g_weak_ref_init (&self->project, project);
  return self;
}

/* Merges `command` into the top step; a step that derivation followed
 * merges through to the command it was made for (the rest of a drag). */
static gboolean
merge_into_top (BwCommandStack *self,
                BwCommand      *command)
{
  BwCommand *top = g_ptr_array_index (self->undo, self->undo->len - 1);
  BwCommand *wrapped = BW_IS_COMMAND_GROUP (top) ? bw_command_group_get_wrapped (BW_COMMAND_GROUP (top)) : NULL;

  if (wrapped == NULL)
    return bw_command_merge (top, command);
  if (!bw_command_merge (wrapped, command))
    return FALSE;
  {
    /* Copies: setting a selection frees the one it replaces. */
    g_auto(GStrv) before = g_strdupv ((char **) bw_command_get_selection_before (top));

    bw_command_set_selection (top, (const char * const *) before, bw_command_get_selection_after (wrapped));
  }
  return TRUE;
}

/* Derives on what the step on top of the undo history touched and makes
 * the derivation part of that step, so one undo takes back both. A
 * derivation that fails leaves the edit as it is: the threats page offers
 * to derive again. */
static void
fold_derivation (BwCommandStack *self,
                 BwProject      *project)
{
  g_autoptr(BwCommand) derivation = bw_auto_derive_finish (self->auto_derive);
  g_autoptr(GError) error = NULL;
  BwCommand *top;

  if (derivation == NULL)
    return;
  if (!bw_command_apply (derivation, project, &error))
    {
      g_warning ("Derivation after an edit failed: %s", error->message);
      return;
    }
  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!BW_IS_COMMAND_GROUP (top))
    {
      BwCommandGroup *wrapper = bw_command_group_new_wrapper (top);

      /* Replaces (and unrefs) the step, which the wrapper now holds. */
      g_ptr_array_index (self->undo, self->undo->len - 1) = wrapper;
      g_object_unref (top);
      top = BW_COMMAND (wrapper);
    }
  bw_command_group_append (BW_COMMAND_GROUP (top), derivation);
}

/* A run of merging steps (a drag, typing into one field) derives once, when
 * it ends: each step would cost a derivation otherwise, and on a large
 * selection that is more than a frame. */
static void
flush_derivation (BwCommandStack *self)
{
  g_autoptr(BwProject) project = NULL;

  if (!self->derive_pending)
    return;
  self->derive_pending = FALSE;
  project = g_weak_ref_get (&self->project);
  if (project == NULL || self->auto_derive == NULL || self->undo->len == 0)
    {
      if (self->auto_derive != NULL)
        g_strfreev (bw_auto_derive_end (self->auto_derive));
      return;
    }
  fold_derivation (self, project);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Applies `command` and records it; a failed command changes nothing. */
gboolean
bw_command_stack_execute (BwCommandStack  *self,
                          BwCommand       *command,
                          GError         **error)
{
  g_autoptr(BwProject) project = NULL;
  gboolean was_modified;
  gboolean derive;

  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (BW_IS_COMMAND (command), FALSE);

  project = g_weak_ref_get (&self->project);
  g_return_val_if_fail (project != NULL, FALSE);

  /* Inside a group, the outermost group collects for all its commands. */
  derive = self->auto_derive != NULL && self->groups->len == 0 && !BW_IS_COMMAND_DERIVE (command);
  /* Nothing can merge into a sealed step: the run before has ended. */
  if (self->sealed || !derive)
    flush_derivation (self);
  if (derive && !self->derive_pending)
    bw_auto_derive_begin (self->auto_derive);
  if (!bw_command_apply (command, project, error))
    {
      if (derive && !self->derive_pending)
        g_strfreev (bw_auto_derive_end (self->auto_derive));
      return FALSE;
    }

  if (self->groups->len > 0)
    {
      bw_command_group_append (g_ptr_array_index (self->groups, self->groups->len - 1), command);
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  was_modified = bw_command_stack_get_modified (self);

  /* A redo history that this edit abandons can no longer be reached; if the
   * saved state was in it, the document can never be clean again. */
  if (self->redo->len > 0)
    {
      if (self->clean_depth > (gint64) self->undo->len)
        self->clean_depth = -1;
      g_ptr_array_set_size (self->redo, 0);
    }

  if (!self->sealed && self->undo->len > 0 && self->clean_depth != (gint64) self->undo->len &&
      merge_into_top (self, command))
    {
      if (derive)
        self->derive_pending = TRUE;
      if (was_modified != bw_command_stack_get_modified (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  g_ptr_array_add (self->undo, g_object_ref (command));
  /* Derived at once (the first step of a drag too: the rest follows at
   * the seal); a run that did not end with a seal is derived with it. */
  if (derive)
    {
      self->derive_pending = FALSE;
      fold_derivation (self, project);
    }
  self->sealed = FALSE;
  notify_all (self);
  return TRUE;
}

/* Ends a run of merging commands: the next one is a step of its own. */
void
bw_command_stack_seal (BwCommandStack *self)
{
  g_return_if_fail (BW_IS_COMMAND_STACK (self));

  flush_derivation (self);
  self->sealed = TRUE;
}

void
bw_command_stack_begin_group (BwCommandStack *self,
                              const char     *label)
{
  g_return_if_fail (BW_IS_COMMAND_STACK (self));

  if (self->groups->len == 0)
    flush_derivation (self);
  if (self->groups->len == 0 && self->auto_derive != NULL)
    bw_auto_derive_begin (self->auto_derive);
  g_ptr_array_add (self->groups, bw_command_group_new (label));
}

void
bw_command_stack_end_group (BwCommandStack *self)
{
  g_autoptr(BwCommandGroup) group = NULL;

  g_return_if_fail (BW_IS_COMMAND_STACK (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (bw_command_group_get_size (group) == 0)
    {
      if (self->groups->len == 0 && self->auto_derive != NULL)
        g_strfreev (bw_auto_derive_end (self->auto_derive));
      return;
    }

  if (self->groups->len > 0)
    {
      bw_command_group_append (g_ptr_array_index (self->groups, self->groups->len - 1), BW_COMMAND (group));
      return;
    }

  if (self->redo->len > 0)
    {
      if (self->clean_depth > (gint64) self->undo->len)
        self->clean_depth = -1;
      g_ptr_array_set_size (self->redo, 0);
    }
  g_ptr_array_add (self->undo, g_object_ref (group));
  if (self->auto_derive != NULL)
    {
      g_autoptr(BwProject) project = g_weak_ref_get (&self->project);

      if (project != NULL)
        fold_derivation (self, project);
    }
  self->sealed = TRUE;
  notify_all (self);
}

static void
restore_selection (BwCommandStack     *self,
                   const char * const *ids)
{
  static const char * const empty[] = { NULL };

  g_signal_emit (self, signals[SELECTION_RESTORED], 0, ids ? ids : empty);
}

gboolean
bw_command_stack_undo (BwCommandStack *self)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwCommand) command = NULL;

  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  /* The step's derivation belongs to it before it is undone. */
  flush_derivation (self);
  project = g_weak_ref_get (&self->project);
  if (project == NULL || self->undo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  bw_command_revert (command, project);
  g_ptr_array_add (self->redo, g_object_ref (command));
  self->sealed = TRUE;
  notify_all (self);
  restore_selection (self, bw_command_get_selection_before (command));
  return TRUE;
}

gboolean
bw_command_stack_redo (BwCommandStack *self)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwCommand) command = NULL;

  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  /* The step's derivation belongs to it before it is undone. */
  flush_derivation (self);
  project = g_weak_ref_get (&self->project);
  if (project == NULL || self->redo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  if (!bw_command_apply (command, project, NULL))
    {
      /* The history no longer fits the document; keep what we can. */
      g_ptr_array_set_size (self->redo, 0);
      notify_all (self);
      return FALSE;
    }
  g_ptr_array_add (self->undo, g_object_ref (command));
  self->sealed = TRUE;
  notify_all (self);
  restore_selection (self, bw_command_get_selection_after (command));
  return TRUE;
}

gboolean
bw_command_stack_get_can_undo (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
bw_command_stack_get_can_redo (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  return self->redo->len > 0;
}

const char *
bw_command_stack_get_undo_label (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return bw_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
bw_command_stack_get_redo_label (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return bw_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

gboolean
bw_command_stack_get_modified (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), FALSE);
  return self->clean_depth != (gint64) self->undo->len;
}

/* The document now matches its file (after a save). */
void
bw_command_stack_mark_clean (BwCommandStack *self)
{
  g_return_if_fail (BW_IS_COMMAND_STACK (self));

  /* What is saved includes the derivation of the last edit. */
  flush_derivation (self);
  self->clean_depth = self->undo->len;
  self->sealed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The document has never been saved as it is (an import, say): it stays
 * modified, whatever is undone, until the next save. */
void
bw_command_stack_mark_unsaved (BwCommandStack *self)
{
  g_return_if_fail (BW_IS_COMMAND_STACK (self));

  if (self->clean_depth == -1)
    return;
  self->clean_depth = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

guint
bw_command_stack_get_depth (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), 0);
  return self->undo->len;
}

void
bw_command_stack_set_auto_derive (BwCommandStack *self,
                                  BwRuleSet      *rules)
{
  g_autoptr(BwProject) project = NULL;

  g_return_if_fail (BW_IS_COMMAND_STACK (self));
  g_return_if_fail (rules == NULL || BW_IS_RULE_SET (rules));

  if (self->auto_derive != NULL && bw_auto_derive_get_rules (self->auto_derive) == rules)
    return;
  flush_derivation (self);
  g_clear_object (&self->auto_derive);
  project = g_weak_ref_get (&self->project);
  if (rules != NULL && project != NULL)
    self->auto_derive = bw_auto_derive_new (project, rules);
}

BwRuleSet *
bw_command_stack_get_auto_derive (BwCommandStack *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_STACK (self), NULL);

  return self->auto_derive ? bw_auto_derive_get_rules (self->auto_derive) : NULL;
}
