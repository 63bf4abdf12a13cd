/* bw-open-threats.c — which threats still need the analyst, per element
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The canvas badges, the canvas's accessible label and the inspector all
 * ask the same question; one answer keeps them agreeing.
 */
#include "config.h"

#include "bw-open-threats.h"

gboolean
bw_threat_is_open (BwThreat *threat)
{
  const char *status;

  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  if (bw_threat_get_obsolete (threat) || bw_threat_get_superseded (threat) || bw_threat_get_archived (threat))
    return FALSE;
  status = bw_threat_get_status (threat);
  return g_strcmp0 (status, "not_started") == 0 || g_strcmp0 (status, "needs_investigation") == 0;
}

GHashTable *
bw_open_threats_by_target (BwProject *project)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *threats;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), counts);

  threats = bw_project_get_threats (project);
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *target = bw_threat_get_target (threat);
      gpointer count;

      if (target == NULL || !bw_threat_is_open (threat))
        continue;
      if (g_hash_table_lookup_extended (counts, target, NULL, &count))
        g_hash_table_insert (counts, g_strdup (target), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      else
        g_hash_table_insert (counts, g_strdup (target), GUINT_TO_POINTER (1));
    }
  return counts;
}

static GPtrArray *
collect (BwProject  *project,
         const char *element_id,
         gboolean    open_only)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *threats;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), found);
  g_return_val_if_fail (element_id != NULL, found);

  threats = bw_project_get_threats (project);
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (g_strcmp0 (bw_threat_get_target (threat), element_id) != 0)
        continue;
      if (open_only ? !bw_threat_is_open (threat) : bw_threat_get_archived (threat))
        continue;
      g_ptr_array_add (found, g_steal_pointer (&threat));
    }
  return found;
}

GPtrArray *
bw_open_threats_dup_for (BwProject  *project,
                         const char *element_id)
{
  return collect (project, element_id, TRUE);
}

GPtrArray *
bw_threats_dup_for_element (BwProject  *project,
                            const char *element_id)
{
  return collect (project, element_id, FALSE);
}
