/* bw-command-reorder.c — move a record within its collection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The move is one splice of the list, so views see a single change of the
 * rows in between and never a moment without the record (a sidebar that
 * follows the list would otherwise lose its selection).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-reorder.h"

struct _BwCommandReorder
{
  BwCommand  parent_instance;

  char      *id;
  guint      position;    /* where it goes */
  guint      old_position; /* where it was; valid while applied */
};

G_DEFINE_FINAL_TYPE (BwCommandReorder, bw_command_reorder, BW_TYPE_COMMAND)

/* Moves the item at `from` to `to` in one items-changed. */
static void
move_item (GListStore *store,
           guint       from,
           guint       to)
{
  guint first = MIN (from, to);
  guint n = MAX (from, to) - first + 1;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (from == to)
    return;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), first + i));
  if (from < to)
    {
      /* [from, from+1 … to] → [from+1 … to, from] */
      gpointer moved = g_ptr_array_steal_index (items, 0);

      g_ptr_array_add (items, moved);
    }
  else
    {
      gpointer moved = g_ptr_array_steal_index (items, items->len - 1);

      g_ptr_array_insert (items, 0, moved);
    }
  g_list_store_splice (store, first, n, items->pdata, n);
}

static GListStore *
store_of (BwProject  *project,
          const char *id,
          guint      *position,
          GError    **error)
{
  BwRecord *record = bw_project_lookup (project, id);
  GListStore *store = record ? bw_project_get_collection (project, G_OBJECT_TYPE (record)) : NULL;

  if (store == NULL || !g_list_store_find (store, record, position))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("The project has no list with “%s” in it."), id);
      return NULL;
    }
  return store;
}

static gboolean
bw_command_reorder_apply (BwCommand  *command,
                          BwProject  *project,
                          GError    **error)
{
  BwCommandReorder *self = BW_COMMAND_REORDER (command);
  GListStore *store = store_of (project, self->id, &self->old_position, error);
  guint n;

  if (store == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (self->position >= n)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("“%s” cannot move to position %u of a list of %u."), self->id, self->position + 1, n);
      return FALSE;
    }
  move_item (store, self->old_position, self->position);
  return TRUE;
}

static void
bw_command_reorder_revert (BwCommand *command,
                           BwProject *project)
{
  BwCommandReorder *self = BW_COMMAND_REORDER (command);
  guint position;
  GListStore *store = store_of (project, self->id, &position, NULL);

  g_return_if_fail (store != NULL);

  move_item (store, position, self->old_position);
}

static void
bw_command_reorder_finalize (GObject *object)
{
  BwCommandReorder *self = BW_COMMAND_REORDER (object);

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bw_command_reorder_parent_class)->finalize (object);
}

static void
bw_command_reorder_class_init (BwCommandReorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_reorder_finalize;
  command_class->apply = bw_command_reorder_apply;
  command_class->revert = bw_command_reorder_revert;
}

static void
bw_command_reorder_init (BwCommandReorder *self)
{
}

/**
 * bw_command_reorder_new:
 * @project: the project
 * @id: a record of one of the project's top-level collections
 * @position: its new position, 0-based; the rest keep their order
 *
 * Returns: (transfer full): the command; it fails on apply when @id is not
 *   in a collection or @position is past its end
 */
BwCommand *
bw_command_reorder_new (BwProject  *project,
                        const char *id,
                        guint       position)
{
  BwCommandReorder *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (BW_TYPE_COMMAND_REORDER, NULL);
  self->id = g_strdup (id);
  self->position = position;
  /* The view knows the words for it ("Move Diagram Up") and may set them. */
  bw_command_set_label (BW_COMMAND (self), _("Reorder"));
  return BW_COMMAND (self);
}
