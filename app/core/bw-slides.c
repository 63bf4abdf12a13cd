/* bw-slides.c — the slides of presentation mode, built from the project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The deck follows the order a review meeting walks through a threat
 * model: what the system is, how it is drawn, what can go wrong element by
 * element, how hard the attacks are, where the risk stands, what is still
 * open. It is rebuilt from the project each time presentation starts, and
 * nothing here changes the project.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-slides.h"

void
bw_slide_free (BwSlide *slide)
{
  if (slide == NULL)
    return;

  g_free (slide->title);
  g_free (slide->record_id);
  g_free (slide);
}

static BwSlide *
slide_new (BwSlideKind  kind,
           char        *title,
           const char  *record_id)
{
  BwSlide *slide = g_new0 (BwSlide, 1);

  slide->kind = kind;
  slide->title = title;
  slide->record_id = g_strdup (record_id);
  slide->part = 1;
  slide->n_parts = 1;

  return slide;
}

gboolean
bw_slides_threat_is_open (BwThreat *threat)
{
  const char *status;

  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  if (bw_threat_get_archived (threat) || bw_threat_get_obsolete (threat) ||
      bw_threat_get_superseded (threat))
    return FALSE;

  status = bw_threat_get_status (threat);
  return g_strcmp0 (status, "not_started") == 0 ||
         g_strcmp0 (status, "needs_investigation") == 0;
}

static gboolean
threat_is_shown (BwThreat *threat)
{
  return !bw_threat_get_archived (threat) && !bw_threat_get_obsolete (threat) &&
         !bw_threat_get_superseded (threat);
}

/* The threats of each element, in the project's order. */
static GHashTable *
threats_by_target (BwProject *project)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  GListModel *threats = bw_project_get_threats (project);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *target = bw_threat_get_target (threat);
      GPtrArray *list;

      if (target == NULL || !threat_is_shown (threat))
        continue;
      if (!(list = g_hash_table_lookup (table, target)))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table, (gpointer) target, list);
        }
      g_ptr_array_add (list, threat);
    }

  return table;
}

static void
add_diagrams (GPtrArray  *slides,
              BwProject  *project,
              gboolean    context)
{
  GListModel *diagrams = bw_project_get_diagrams (project);

  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);

      if ((g_strcmp0 (bw_diagram_get_kind (diagram), "context") == 0) != context)
        continue;
      g_ptr_array_add (slides, slide_new (BW_SLIDE_DIAGRAM, g_strdup (bw_diagram_get_name (diagram)),
                                          bw_record_get_id (BW_RECORD (diagram))));
    }
}

static void
add_threat_slides (GPtrArray  *slides,
                   BwProject  *project)
{
  g_autoptr(GHashTable) by_target = threats_by_target (project);
  GListModel *diagrams = bw_project_get_diagrams (project);

  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);
      g_autoptr(GPtrArray) elements =
        bw_project_dup_diagram_elements (project, bw_record_get_id (BW_RECORD (diagram)));

      for (guint j = 0; j < elements->len; j++)
        {
          BwElement *element = g_ptr_array_index (elements, j);
          const char *id = bw_record_get_id (BW_RECORD (element));
          GPtrArray *threats = g_hash_table_lookup (by_target, id);
          guint n_parts;

          if (threats == NULL || threats->len == 0)
            continue;

          n_parts = (threats->len + BW_SLIDE_THREATS_PER_PART - 1) / BW_SLIDE_THREATS_PER_PART;
          for (guint part = 1; part <= n_parts; part++)
            {
              BwSlide *slide;
              char *title;

              /* Translators: a slide's title; %s is an element's name */
              title = g_strdup_printf (_("Threats to %s"), bw_element_get_name (element));
              slide = slide_new (BW_SLIDE_THREATS, title, id);
              slide->part = part;
              slide->n_parts = n_parts;
              g_ptr_array_add (slides, slide);
            }
        }
    }
}

GPtrArray *
bw_slides_build (BwProject *project)
{
  GPtrArray *slides;
  GListModel *trees;
  BwModel *model;
  const char *title = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  slides = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_slide_free);

  model = bw_project_get_model (project);
  if (model != NULL)
    title = bw_model_get_title (model);
  g_ptr_array_add (slides, slide_new (BW_SLIDE_TITLE,
                                      g_strdup (title != NULL && *title ? title : _("Threat Model")),
                                      NULL));

  add_diagrams (slides, project, TRUE);
  add_diagrams (slides, project, FALSE);
  add_threat_slides (slides, project);

  trees = bw_project_get_attack_trees (project);
  for (guint i = 0; i < g_list_model_get_n_items (trees); i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);

      g_ptr_array_add (slides, slide_new (BW_SLIDE_ATTACK_TREE,
                                          g_strdup (bw_attack_tree_get_title (tree)),
                                          bw_record_get_id (BW_RECORD (tree))));
    }

  g_ptr_array_add (slides, slide_new (BW_SLIDE_RISK_MATRIX, g_strdup (_("Risk Matrix")), NULL));
  g_ptr_array_add (slides, slide_new (BW_SLIDE_OPEN_ITEMS, g_strdup (_("Open Items")), NULL));

  return slides;
}

GPtrArray *
bw_slides_dup_threats (BwProject     *project,
                       const BwSlide *slide)
{
  GPtrArray *result = g_ptr_array_new ();
  GListModel *threats;
  guint skip, index = 0;

  g_return_val_if_fail (BW_IS_PROJECT (project), result);
  g_return_val_if_fail (slide != NULL, result);

  if (slide->kind != BW_SLIDE_THREATS)
    return result;

  skip = (slide->part - 1) * BW_SLIDE_THREATS_PER_PART;
  threats = bw_project_get_threats (project);
  for (guint i = 0; i < g_list_model_get_n_items (threats) && result->len < BW_SLIDE_THREATS_PER_PART; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (!threat_is_shown (threat) || g_strcmp0 (bw_threat_get_target (threat), slide->record_id) != 0)
        continue;
      if (index++ < skip)
        continue;
      g_ptr_array_add (result, threat);
    }

  return result;
}
