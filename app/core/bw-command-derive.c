/* bw-command-derive.c — applying a derivation plan as one undoable step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Its own apply/revert rather than a group of add and set-property
 * commands: a first derivation on a large model adds tens of thousands of
 * threats, and one splice into the threat list is what keeps it fast. The
 * revert restores everything it changed, the ID counter included, so
 * derive followed by undo gives the file back byte for byte.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-derive.h"
#include "bw-deriver-private.h"
#include "bw-history-entry.h"
#include "bw-project.h"
#include "bw-project-private.h"

struct _BwCommandDerive
{
  BwCommand parent_instance;

  BwDerivePlan *plan;
  guint position;            /* where the new threats went in the list */
};

G_DEFINE_FINAL_TYPE (BwCommandDerive, bw_command_derive, BW_TYPE_COMMAND)

static const char *
flag_of (BwDeriveAction action)
{
  return action == BW_DERIVE_OBSOLETE || action == BW_DERIVE_REVIVE ? "obsolete" : "superseded";
}

static gboolean
flag_value (BwDeriveAction action)
{
  return action == BW_DERIVE_OBSOLETE || action == BW_DERIVE_SUPERSEDE;
}

static gboolean
bw_command_derive_apply (BwCommand  *command,
                         BwProject  *project,
                         GError    **error)
{
  BwCommandDerive *self = BW_COMMAND_DERIVE (command);
  BwDerivePlan *plan = self->plan;
  BwIdCounters *counters = bw_project_get_id_counters (project);
  GListStore *threats = bw_project_get_collection (project, BW_TYPE_THREAT);

  /* The plan is a picture of the project when it was made; refuse to
   * apply it to anything else rather than clash IDs or flip wrong flags. */
  if (plan->new_threats->len > 0 && bw_id_counters_get (counters, "T") != plan->counter_before)
    {
      g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                           _("The project changed since the derivation was planned; plan it again."));
      return FALSE;
    }
  /* Numbers above the highest the project has used are free: only when
   * the new ones are not all above it do their IDs need looking up. */
  if (plan->new_threats->len > 0 && plan->first_number <= _bw_project_get_highest_number (project, "T"))
    for (guint i = 0; i < plan->new_threats->len; i++)
      if (bw_project_lookup (project, bw_record_get_id (plan->new_threats->pdata[i])) != NULL)
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                       _("The project already has an object with the ID “%s”."),
                       bw_record_get_id (plan->new_threats->pdata[i]));
          return FALSE;
        }
  for (guint i = 0; i < plan->items->len; i++)
    {
      const BwDeriveItem *item = &g_array_index (plan->items, BwDeriveItem, i);

      BwRecord *record;
      gboolean now;

      if (item->action == BW_DERIVE_ADD)
        continue;
      record = bw_project_lookup (project, item->threat_id);
      if (!BW_IS_THREAT (record))
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                       _("The threat “%s” is not in the project."), item->threat_id);
          return FALSE;
        }
      /* Undo sets the flag back to what the plan saw; it must still be so. */
      now = item->action == BW_DERIVE_OBSOLETE || item->action == BW_DERIVE_REVIVE
            ? bw_threat_get_obsolete (BW_THREAT (record)) : bw_threat_get_superseded (BW_THREAT (record));
      if (now == flag_value (item->action))
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                       _("The threat “%s” changed since the derivation was planned; plan it again."),
                       item->threat_id);
          return FALSE;
        }
    }

  for (guint i = 0; i < plan->items->len; i++)
    {
      const BwDeriveItem *item = &g_array_index (plan->items, BwDeriveItem, i);
      BwThreat *threat;

      if (item->action == BW_DERIVE_ADD)
        continue;
      threat = BW_THREAT (bw_project_lookup (project, item->threat_id));
      g_object_set (threat, flag_of (item->action), flag_value (item->action), NULL);
      g_list_store_append (G_LIST_STORE (bw_threat_get_history (threat)), plan->entries->pdata[i]);
    }

  if (plan->new_threats->len > 0)
    {
      self->position = g_list_model_get_n_items (G_LIST_MODEL (threats));
      _bw_deriver_mute_index (project, TRUE);
      g_list_store_splice (threats, self->position, 0, plan->new_threats->pdata, plan->new_threats->len);
      _bw_deriver_mute_index (project, FALSE);
      /* By the numbers the plan gave their IDs: the threats themselves,
       * long out of the cache, are not read. */
      for (guint i = 0; i < plan->new_threats->len; i++)
        _bw_project_index_numbered (project, plan->new_threats->pdata[i], "T",
                                    g_array_index (plan->numbers, gint64, i));
      _bw_deriver_index_added (project, plan);
      bw_id_counters_set (counters, "T", plan->counter_after);
    }
  return TRUE;
}

static void
bw_command_derive_revert (BwCommand *command,
                          BwProject *project)
{
  BwCommandDerive *self = BW_COMMAND_DERIVE (command);
  BwDerivePlan *plan = self->plan;

  if (plan->new_threats->len > 0)
    {
      GListStore *threats = bw_project_get_collection (project, BW_TYPE_THREAT);
      g_autoptr(BwThreat) first = g_list_model_get_item (G_LIST_MODEL (threats), self->position);

      /* Undo is strictly last-in first-out, so they are where they went. */
      g_return_if_fail (first == plan->new_threats->pdata[0]);
      for (guint i = 0; i < plan->new_threats->len; i++)
        bw_project_unindex_record (project, plan->new_threats->pdata[i]);
      g_list_store_splice (threats, self->position, plan->new_threats->len, NULL, 0);
      bw_id_counters_set (bw_project_get_id_counters (project), "T", plan->counter_before);
    }

  for (guint i = plan->items->len; i-- > 0; )
    {
      const BwDeriveItem *item = &g_array_index (plan->items, BwDeriveItem, i);
      BwRecord *record;
      GListStore *history;
      guint position;

      if (item->action == BW_DERIVE_ADD)
        continue;
      record = bw_project_lookup (project, item->threat_id);
      g_return_if_fail (BW_IS_THREAT (record));
      history = G_LIST_STORE (bw_threat_get_history (BW_THREAT (record)));
      if (g_list_store_find (history, plan->entries->pdata[i], &position))
        g_list_store_remove (history, position);
      g_object_set (record, flag_of (item->action), !flag_value (item->action), NULL);
    }
}

static void
bw_command_derive_finalize (GObject *object)
{
  BwCommandDerive *self = BW_COMMAND_DERIVE (object);

  g_clear_pointer (&self->plan, bw_derive_plan_unref);

  G_OBJECT_CLASS (bw_command_derive_parent_class)->finalize (object);
}

static void
bw_command_derive_class_init (BwCommandDeriveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_derive_finalize;
  command_class->apply = bw_command_derive_apply;
  command_class->revert = bw_command_derive_revert;
}

static void
bw_command_derive_init (BwCommandDerive *self)
{
}

/**
 * bw_command_derive_new:
 * @plan: a plan made by bw_deriver_plan() on @project as it is now
 *
 * Returns: (transfer full): a command that applies @plan
 */
BwCommand *
bw_command_derive_new (BwProject    *project,
                       BwDerivePlan *plan)
{
  BwCommandDerive *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (BW_TYPE_COMMAND_DERIVE, NULL);
  self->plan = bw_derive_plan_ref (plan);
  bw_command_set_label (BW_COMMAND (self), _("Derive threats"));
  return BW_COMMAND (self);
}

/* Returns: (transfer none): the plan this command applies */
BwDerivePlan *
bw_command_derive_get_plan (BwCommandDerive *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_DERIVE (self), NULL);
  return self->plan;
}
