/* bw-export-otm.c — a project as an Open Threat Model (OTM) document
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * OTM 0.2: diagrams become representations, box boundaries trust zones
 * (a node's zone is the smallest box that holds its centre), nodes
 * components, flows data flows, threats the threat list with one
 * reference per target, and security objectives the mitigations.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-export-otm.h"
#include "bw-geometry.h"

static const char * const stride_names[] = {
  "Spoofing", "Tampering", "Repudiation", "Information Disclosure", "Denial of Service", "Elevation of Privilege",
};

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static int
cia_value (const char *level)
{
  if (g_strcmp0 (level, "high") == 0)
    return 100;
  if (g_strcmp0 (level, "medium") == 0)
    return 66;
  if (g_strcmp0 (level, "low") == 0)
    return 33;
  return 0;
}

static const char *
threat_state (BwThreat *threat)
{
  const char *status = bw_threat_get_status (threat);
  const char *treatment = bw_threat_get_treatment (threat);

  if (g_str_equal (status, "not_applicable"))
    return "not-applicable";
  if (g_str_equal (status, "addressed"))
    {
      if (g_str_equal (treatment, "accept"))
        return "accepted";
      if (g_str_equal (treatment, "transfer"))
        return "transferred";
      return "mitigated";
    }
  return "exposed";
}

static void
add_representation (JsonBuilder *b,
                    BwElement   *element)
{
  const BwNumber *bounds = bw_element_get_bounds (element);
  g_autofree char *id = g_strconcat (bw_record_get_id (BW_RECORD (element)), "-shape", NULL);

  json_builder_set_member_name (b, "representations");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "representation", bw_element_get_diagram (element));
  add_string (b, "id", id);
  json_builder_set_member_name (b, "position");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "x");
  json_builder_add_double_value (b, bw_number_get (&bounds[0]));
  json_builder_set_member_name (b, "y");
  json_builder_add_double_value (b, bw_number_get (&bounds[1]));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "size");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "width");
  json_builder_add_double_value (b, bw_number_get (&bounds[2]));
  json_builder_set_member_name (b, "height");
  json_builder_add_double_value (b, bw_number_get (&bounds[3]));
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
}

GHashTable *
bw_export_threats_by_target (BwProject *project)
{
  GHashTable *by_target = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *threats = bw_project_get_threats (project);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *target = bw_threat_get_target (threat);
      GPtrArray *list;

      if (target == NULL)
        continue;
      list = g_hash_table_lookup (by_target, target);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          /* The key lives as long as the threat, which the list holds. */
          g_hash_table_insert (by_target, (gpointer) target, list);
        }
      g_ptr_array_add (list, g_object_ref (threat));
    }
  return by_target;
}

static void
add_threat_refs (JsonBuilder *b,
                 GHashTable  *by_target,
                 BwElement   *element)
{
  GPtrArray *threats = g_hash_table_lookup (by_target, bw_record_get_id (BW_RECORD (element)));

  json_builder_set_member_name (b, "threats");
  json_builder_begin_array (b);
  for (guint i = 0; threats != NULL && i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      const char * const *objectives = bw_threat_get_objectives (threat);

      json_builder_begin_object (b);
      add_string (b, "threat", bw_record_get_id (BW_RECORD (threat)));
      add_string (b, "state", threat_state (threat));
      json_builder_set_member_name (b, "mitigations");
      json_builder_begin_array (b);
      for (guint o = 0; objectives[o] != NULL; o++)
        {
          json_builder_begin_object (b);
          add_string (b, "mitigation", objectives[o]);
          add_string (b, "state", g_str_equal (bw_threat_get_status (threat), "addressed") ? "implemented" : "required");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_attributes (JsonBuilder *b,
                BwElement   *element)
{
  JsonObject *properties = bw_element_get_properties (element);
  g_autoptr(GList) members = json_object_get_members (properties);

  json_builder_set_member_name (b, "attributes");
  json_builder_begin_object (b);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (properties, l->data)));
    }
  json_builder_end_object (b);
}

static void
add_assets (JsonBuilder *b,
            BwElement   *element,
            gboolean     flow)
{
  const char * const *assets = bw_element_get_assets (element);

  json_builder_set_member_name (b, "assets");
  if (!flow)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "processed");
    }
  json_builder_begin_array (b);
  for (guint i = 0; assets[i] != NULL; i++)
    json_builder_add_string_value (b, assets[i]);
  json_builder_end_array (b);
  if (!flow)
    json_builder_end_object (b);
}

/* The smallest box boundary of the node's diagram that holds its centre. */
static BwElement *
zone_of (BwElement *node,
         GPtrArray *boxes)
{
  const BwNumber *nb = bw_element_get_bounds (node);
  double cx = bw_number_get (&nb[0]) + bw_number_get (&nb[2]) / 2;
  double cy = bw_number_get (&nb[1]) + bw_number_get (&nb[3]) / 2;
  BwElement *best = NULL;
  double best_area = G_MAXDOUBLE;

  for (guint i = 0; i < boxes->len; i++)
    {
      BwElement *box = g_ptr_array_index (boxes, i);
      const BwNumber *bb = bw_element_get_bounds (box);
      double x = bw_number_get (&bb[0]), y = bw_number_get (&bb[1]);
      double w = bw_number_get (&bb[2]), h = bw_number_get (&bb[3]);

      if (g_strcmp0 (bw_element_get_diagram (box), bw_element_get_diagram (node)) != 0)
        continue;
      if (cx >= x && cx <= x + w && cy >= y && cy <= y + h && w * h < best_area)
        {
          best = box;
          best_area = w * h;
        }
    }
  return best;
}

GBytes *
bw_export_otm (BwProject  *project,
               GPtrArray **report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_target = NULL;
  BwModel *model;
  GListModel *elements, *diagrams, *assets, *threats, *objectives;
  g_auto(GStrv) authors = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint n_lines = 0;
  char *text;
  gsize length;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  model = bw_project_get_model (project);
  elements = bw_project_get_elements (project);
  diagrams = bw_project_get_diagrams (project);
  assets = bw_project_get_assets (project);
  threats = bw_project_get_threats (project);
  objectives = bw_project_get_objectives (project);
  by_target = bw_export_threats_by_target (project);
  g_object_get (model, "title", &title, "description", &description, "authors", &authors, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      BwElement *element = g_list_model_get_item (elements, i);

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY && !bw_element_is_line (element))
        g_ptr_array_add (boxes, element);
      else
        {
          n_lines += bw_element_is_line (element);
          g_object_unref (element);
        }
    }

  json_builder_begin_object (b);
  add_string (b, "otmVersion", "0.2.0");
  json_builder_set_member_name (b, "project");
  json_builder_begin_object (b);
  add_string (b, "name", title);
  {
    g_autofree char *lower = g_ascii_strdown (*title ? title : "bulwark-project", -1);

    add_string (b, "id", g_strcanon (lower, "abcdefghijklmnopqrstuvwxyz0123456789", '-'));
  }
  add_string (b, "description", description);
  add_string (b, "owner", authors && authors[0] ? authors[0] : "");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "representations");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);

      json_builder_begin_object (b);
      add_string (b, "name", bw_diagram_get_name (diagram));
      add_string (b, "id", bw_record_get_id (BW_RECORD (diagram)));
      add_string (b, "type", "diagram");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "assets");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);
      g_autofree char *name = NULL, *desc = NULL, *c = NULL, *in = NULL, *a = NULL;

      g_object_get (asset, "name", &name, "description", &desc, "confidentiality", &c,
                    "integrity", &in, "availability", &a, NULL);
      json_builder_begin_object (b);
      add_string (b, "name", name);
      add_string (b, "id", bw_record_get_id (BW_RECORD (asset)));
      add_string (b, "description", desc);
      json_builder_set_member_name (b, "risk");
      json_builder_begin_object (b);
      add_int (b, "confidentiality", cia_value (c));
      add_int (b, "integrity", cia_value (in));
      add_int (b, "availability", cia_value (a));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trustZones");
  json_builder_begin_array (b);
  for (guint i = 0; i < boxes->len; i++)
    {
      BwElement *box = g_ptr_array_index (boxes, i);

      json_builder_begin_object (b);
      add_string (b, "name", bw_element_get_name (box));
      add_string (b, "id", bw_record_get_id (BW_RECORD (box)));
      add_string (b, "type", "trust-boundary");
      add_string (b, "description", bw_element_get_description (box));
      json_builder_set_member_name (b, "risk");
      json_builder_begin_object (b);
      add_int (b, "trustRating", 50);
      json_builder_end_object (b);
      add_representation (b, box);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "components");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) node = g_list_model_get_item (elements, i);
      static const char * const types[] = { "external-entity", "process", "data-store" };
      BwElement *zone;

      if (!bw_element_is_node (node))
        continue;
      zone = zone_of (node, boxes);
      json_builder_begin_object (b);
      add_string (b, "name", bw_element_get_name (node));
      add_string (b, "id", bw_record_get_id (BW_RECORD (node)));
      add_string (b, "description", bw_element_get_description (node));
      add_string (b, "type", types[bw_element_get_kind_enum (node)]);
      if (zone != NULL)
        {
          json_builder_set_member_name (b, "parent");
          json_builder_begin_object (b);
          add_string (b, "trustZone", bw_record_get_id (BW_RECORD (zone)));
          json_builder_end_object (b);
        }
      add_representation (b, node);
      add_assets (b, node, FALSE);
      add_threat_refs (b, by_target, node);
      add_attributes (b, node);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "dataflows");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) flow = g_list_model_get_item (elements, i);

      if (bw_element_get_kind_enum (flow) != BW_ELEMENT_DATA_FLOW)
        continue;
      json_builder_begin_object (b);
      add_string (b, "name", bw_element_get_name (flow));
      add_string (b, "id", bw_record_get_id (BW_RECORD (flow)));
      add_string (b, "description", bw_element_get_description (flow));
      json_builder_set_member_name (b, "bidirectional");
      json_builder_add_boolean_value (b, bw_element_get_bidirectional (flow));
      add_string (b, "source", bw_element_get_source (flow));
      add_string (b, "destination", bw_element_get_target (flow));
      add_assets (b, flow, TRUE);
      add_threat_refs (b, by_target, flow);
      add_attributes (b, flow);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "threats");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *letters = "STRIDE";
      const char *category = bw_threat_get_category (threat);
      BwRisk *risk = bw_threat_get_risk (threat);
      g_autoptr(GString) desc = g_string_new (bw_threat_get_description (threat));

      if (*bw_threat_get_rationale (threat) != '\0')
        g_string_append_printf (desc, "%s%s", desc->len ? "\n\n" : "", bw_threat_get_rationale (threat));
      json_builder_begin_object (b);
      add_string (b, "name", bw_threat_get_title (threat));
      add_string (b, "id", bw_record_get_id (BW_RECORD (threat)));
      add_string (b, "description", desc->str);
      json_builder_set_member_name (b, "categories");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, stride_names[strchr (letters, category[0]) - letters]);
      json_builder_end_array (b);
      if (risk != NULL && (bw_risk_get_exploitability (risk) > 0 || bw_risk_get_severity (risk) > 0))
        {
          json_builder_set_member_name (b, "risk");
          json_builder_begin_object (b);
          /* Our 1–5 levels on OTM's 0–100. */
          if (bw_risk_get_exploitability (risk) > 0)
            add_int (b, "likelihood", bw_risk_get_exploitability (risk) * 20);
          if (bw_risk_get_severity (risk) > 0)
            add_int (b, "impact", bw_risk_get_severity (risk) * 20);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "mitigations");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
      g_autofree char *objective_text = NULL;

      g_object_get (objective, "text", &objective_text, NULL);
      json_builder_begin_object (b);
      add_string (b, "name", objective_text);
      add_string (b, "id", bw_record_get_id (BW_RECORD (objective)));
      add_string (b, "description", objective_text);
      add_int (b, "riskReduction", 50);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (n_lines > 0)
    g_ptr_array_add (notes, g_strdup_printf (_("OTM has no line boundaries; %u not exported"), n_lines));
  {
    const struct { GListModel *list; const char *what; } lost[] = {
      { bw_project_get_requirements (project), N_("security requirements") },
      { bw_project_get_attack_trees (project), N_("attack trees") },
      { bw_project_get_hazards (project), N_("hazards") },
      { bw_project_get_components (project), N_("SBOM components") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lost); i++)
      if (g_list_model_get_n_items (lost[i].list) > 0)
        g_ptr_array_add (notes, g_strdup_printf (_("OTM has no place for %s; %u not exported"),
                                                 _(lost[i].what), g_list_model_get_n_items (lost[i].list)));
  }

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  if (report != NULL)
    *report = g_steal_pointer (&notes);
  return g_bytes_new_take (text, length);
}
