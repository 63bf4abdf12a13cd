/* bw-command-decompose.c — "Decompose": a data-flow diagram that refines a process
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The step is a group of add commands (the diagram, then the nodes, then
 * the flows), built and tried once against the project so that a refusal
 * comes before anything reaches the undo stack.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bw-command-add.h"
#include "bw-command-decompose.h"
#include "bw-command-group.h"
#include "bw-diagram.h"
#include "bw-element.h"
#include "bw-geometry.h"

/* The layout of the new diagram: the new process in the middle, the
 * neighbours on a ring around it, in the order of the flows. */
#define CENTRE_X      480.0
#define CENTRE_Y      320.0
#define RING          300.0
#define PROCESS_W     180.0
#define PROCESS_H     100.0

static BwElement *
copy_element (BwElement  *original,
              const char *id,
              const char *diagram_id)
{
  BwElement *copy = g_object_new (BW_TYPE_ELEMENT,
                                  "kind", bw_element_get_kind (original),
                                  "diagram", diagram_id,
                                  "name", bw_element_get_name (original),
                                  "description", bw_element_get_description (original),
                                  "refines", bw_record_get_id (BW_RECORD (original)),
                                  NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  /* Properties and assets carry over: the refining element is the same
   * thing seen closer. */
  g_value_init (&value, JSON_TYPE_OBJECT);
  g_object_get_property (G_OBJECT (original), "properties", &value);
  g_object_set_property (G_OBJECT (copy), "properties", &value);
  g_object_set (copy, "assets", bw_element_get_assets (original), NULL);
  bw_record_set_id (BW_RECORD (copy), id);
  return copy;
}

static gboolean
add (BwCommandGroup *group,
     BwProject      *project,
     BwRecord       *record,
     GError        **error)
{
  g_autoptr(BwCommand) command = bw_command_add_new (project, record, -1);

  if (!bw_command_apply (command, project, error))
    return FALSE;
  bw_command_group_append (group, command);
  return TRUE;
}

BwCommand *
bw_command_decompose_new (BwProject   *project,
                          const char  *process_id,
                          char       **diagram_id_out,
                          GError     **error)
{
  g_autoptr(BwCommandGroup) group = NULL;
  g_autoptr(GPtrArray) flows = g_ptr_array_new ();
  g_autoptr(GPtrArray) neighbours = g_ptr_array_new ();
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(BwDiagram) diagram = NULL;
  g_autoptr(BwElement) inner = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *inner_id = NULL;
  g_autofree char *label = NULL;
  GListModel *elements, *diagrams;
  BwRecord *record;
  BwElement *process;
  gboolean ok = TRUE;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (process_id != NULL, NULL);

  record = bw_project_lookup (project, process_id);
  if (!BW_IS_ELEMENT (record) || bw_element_get_kind_enum (BW_ELEMENT (record)) != BW_ELEMENT_PROCESS)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not a process; only a process can be decomposed."), process_id);
      return NULL;
    }
  process = BW_ELEMENT (record);

  diagrams = bw_project_get_diagrams (project);
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) d = g_list_model_get_item (diagrams, i);

      if (g_strcmp0 (bw_diagram_get_refines (d), process_id) == 0)
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                       _("“%s” is already decomposed in diagram “%s” (%s)."), process_id,
                       bw_diagram_get_name (d), bw_record_get_id (BW_RECORD (d)));
          return NULL;
        }
    }

  /* P's flows in file order, and its neighbours in the order met. */
  elements = bw_project_get_elements (project);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);
      const char *other;

      if (bw_element_get_kind_enum (e) != BW_ELEMENT_DATA_FLOW)
        continue;
      if (g_strcmp0 (bw_element_get_source (e), process_id) == 0)
        other = bw_element_get_target (e);
      else if (g_strcmp0 (bw_element_get_target (e), process_id) == 0)
        other = bw_element_get_source (e);
      else
        continue;
      /* A flow from P to itself stays inside the new process. */
      if (g_strcmp0 (other, process_id) == 0)
        continue;
      g_ptr_array_add (flows, e);
      if (!g_hash_table_contains (copies, other))
        {
          g_hash_table_insert (copies, (gpointer) other, NULL);
          g_ptr_array_add (neighbours, bw_project_lookup (project, other));
        }
    }

  diagram_id = bw_project_allocate_id (project, "D");
  label = g_strdup_printf (_("Decompose %s"), bw_element_get_name (process));
  group = bw_command_group_new (label);

  diagram = g_object_new (BW_TYPE_DIAGRAM,
                          "name", bw_element_get_name (process),
                          "kind", "dataflow",
                          "refines", process_id,
                          NULL);
  bw_record_set_id (BW_RECORD (diagram), diagram_id);
  ok = add (group, project, BW_RECORD (diagram), error);

  inner_id = bw_project_allocate_id (project, "P");
  inner = g_object_new (BW_TYPE_ELEMENT,
                        "kind", "process",
                        "diagram", diagram_id,
                        "name", bw_element_get_name (process),
                        "bounds", g_variant_new ("(dddd)", CENTRE_X - PROCESS_W / 2, CENTRE_Y - PROCESS_H / 2,
                                                 PROCESS_W, PROCESS_H),
                        NULL);
  bw_record_set_id (BW_RECORD (inner), inner_id);
  ok = ok && add (group, project, BW_RECORD (inner), error);

  for (guint i = 0; ok && i < neighbours->len; i++)
    {
      BwElement *original = g_ptr_array_index (neighbours, i);
      char *id = bw_project_allocate_id (project, bw_element_kind_prefix (bw_element_get_kind_enum (original)));
      g_autoptr(BwElement) copy = copy_element (original, id, diagram_id);
      double angle = G_PI + 2 * G_PI * i / MAX (neighbours->len, 1);
      BwRect r = { 0, 0, 140, 60 };

      bw_element_get_rect (original, &r);
      g_object_set (copy, "bounds",
                    g_variant_new ("(dddd)",
                                   round (CENTRE_X + RING * cos (angle) - r.width / 2),
                                   round (CENTRE_Y + 0.75 * RING * sin (angle) - r.height / 2),
                                   r.width, r.height),
                    NULL);
      g_hash_table_replace (copies, (gpointer) bw_record_get_id (BW_RECORD (original)), id);
      ok = add (group, project, BW_RECORD (copy), error);
    }

  for (guint i = 0; ok && i < flows->len; i++)
    {
      BwElement *original = g_ptr_array_index (flows, i);
      g_autofree char *id = bw_project_allocate_id (project, "DF");
      gboolean outgoing = g_strcmp0 (bw_element_get_source (original), process_id) == 0;
      const char *copy_of_other = g_hash_table_lookup (copies, outgoing ? bw_element_get_target (original)
                                                                        : bw_element_get_source (original));
      g_autoptr(BwElement) copy = copy_element (original, id, diagram_id);

      g_object_set (copy,
                    "source", outgoing ? inner_id : copy_of_other,
                    "target", outgoing ? copy_of_other : inner_id,
                    "bidirectional", bw_element_get_bidirectional (original),
                    NULL);
      ok = add (group, project, BW_RECORD (copy), error);
    }

  /* Tried; the stack applies it for real. */
  bw_command_revert (BW_COMMAND (group), project);
  if (!ok)
    return NULL;

  if (diagram_id_out != NULL)
    *diagram_id_out = g_steal_pointer (&diagram_id);
  return BW_COMMAND (g_steal_pointer (&group));
}
