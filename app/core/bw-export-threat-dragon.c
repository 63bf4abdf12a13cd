/* bw-export-threat-dragon.c — a project as an OWASP Threat Dragon v2 model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Writes Threat Dragon 2.x JSON (X6 cells), which Threat Dragon opens and
 * bw-import-threat-dragon.c reads back: elements, flows with their bend
 * points, box and line boundaries, properties and threats survive the round
 * trip; what Threat Dragon has no place for (assets, objectives, attack
 * trees, refinement, risk beyond the severity) is listed in the report.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-export-threat-dragon.h"
#include "bw-export-otm.h"
#include "bw-project-io.h"

#define TD_VERSION "2.3.0"

static const char * const stride_names[] = {
  "Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service", "Elevation of privilege",
};

/* Our property → Threat Dragon's, per kind (the inverse of the importer). */
static const struct { BwElementKind kind; const char *ours; const char *td; } property_map[] = {
  { BW_ELEMENT_DATA_STORE, "is_log", "isALog" },
  { BW_ELEMENT_DATA_STORE, "stores_credentials", "storesCredentials" },
  { BW_ELEMENT_DATA_STORE, "encrypted", "isEncrypted" },
  { BW_ELEMENT_DATA_STORE, "signed", "isSigned" },
  { BW_ELEMENT_DATA_FLOW, "encrypted", "isEncrypted" },
  { BW_ELEMENT_DATA_FLOW, "public_network", "isPublicNetwork" },
  { BW_ELEMENT_DATA_FLOW, "protocol", "protocol" },
  { BW_ELEMENT_PROCESS, "privilege", "privilegeLevel" },
  { BW_ELEMENT_PROCESS, "privilege_level", "privilegeLevel" },
  { BW_ELEMENT_EXTERNAL_ENTITY, "provides_authentication", "providesAuthentication" },
};

static void
add_point (JsonBuilder *b,
           double       x,
           double       y)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "x");
  json_builder_add_double_value (b, x);
  json_builder_set_member_name (b, "y");
  json_builder_add_double_value (b, y);
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static const char *
td_status (BwThreat *threat)
{
  const char *status = bw_threat_get_status (threat);

  if (g_str_equal (status, "addressed"))
    return "Mitigated";
  if (g_str_equal (status, "not_applicable"))
    return "NotApplicable";
  return "Open";
}

static const char *
td_severity (BwThreat *threat)
{
  static const char * const names[] = { "", "Low", "Low", "Medium", "High", "Critical" };
  BwRisk *risk = bw_threat_get_risk (threat);
  int level = risk ? bw_risk_get_severity (risk) : 0;

  return level >= 0 && level <= 5 ? names[level] : "";
}

/* Adds the threats of `element` (from `by_target`, element ID → GPtrArray
 * of its threats in file order); returns whether one is still open. */
static gboolean
add_threats (JsonBuilder *b,
             GHashTable  *by_target,
             BwElement   *element,
             guint       *number)
{
  GPtrArray *threats = g_hash_table_lookup (by_target, bw_record_get_id (BW_RECORD (element)));
  gboolean open = FALSE;

  json_builder_set_member_name (b, "threats");
  json_builder_begin_array (b);
  for (guint i = 0; threats != NULL && i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      const char *category = bw_threat_get_category (threat);
      const char *letters = "STRIDE";
      BwRisk *risk = bw_threat_get_risk (threat);
      const char *status;

      status = td_status (threat);
      open |= g_str_equal (status, "Open");
      json_builder_begin_object (b);
      add_string (b, "id", bw_record_get_id (BW_RECORD (threat)));
      add_string (b, "title", bw_threat_get_title (threat));
      add_string (b, "status", status);
      add_string (b, "severity", td_severity (threat));
      add_string (b, "type", stride_names[strchr (letters, category[0]) - letters]);
      add_string (b, "description", bw_threat_get_description (threat));
      add_string (b, "mitigation", bw_threat_get_rationale (threat));
      add_string (b, "modelType", "STRIDE");
      add_string (b, "score", risk && bw_risk_get_cvss (risk) ? bw_risk_get_cvss (risk) : "");
      /* Threat Dragon has three states and no treatment; these members,
       * which it keeps without showing, bring ours back on import. */
      add_string (b, "bulwarkStatus", bw_threat_get_status (threat));
      add_string (b, "bulwarkTreatment", bw_threat_get_treatment (threat));
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, ++*number);
      add_bool (b, "new", FALSE);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return open;
}

static void
add_properties (JsonBuilder *b,
                BwElement   *element)
{
  BwElementKind kind = bw_element_get_kind_enum (element);
  JsonObject *properties = bw_element_get_properties (element);
  g_autoptr(GList) members = json_object_get_members (properties);
  gboolean has_privilege = FALSE;

  /* Threat Dragon's own flags first, with their defaults. */
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
      if (!json_object_has_member (properties, "provides_authentication"))
        add_bool (b, "providesAuthentication", FALSE);
      break;
    case BW_ELEMENT_DATA_STORE:
      for (guint i = 0; i < 4; i++)
        if (!json_object_has_member (properties, property_map[i].ours))
          add_bool (b, property_map[i].td, FALSE);
      break;
    case BW_ELEMENT_DATA_FLOW:
      add_bool (b, "isBidirectional", bw_element_get_bidirectional (element));
      if (!json_object_has_member (properties, "encrypted"))
        add_bool (b, "isEncrypted", FALSE);
      if (!json_object_has_member (properties, "public_network"))
        add_bool (b, "isPublicNetwork", FALSE);
      if (!json_object_has_member (properties, "protocol"))
        add_string (b, "protocol", "");
      break;
    case BW_ELEMENT_PROCESS:
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      break;
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *td = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (property_map); i++)
        if (property_map[i].kind == kind && g_str_equal (property_map[i].ours, name))
          td = property_map[i].td;
      if (td != NULL && g_str_equal (td, "privilegeLevel"))
        {
          if (has_privilege)
            continue;
          has_privilege = TRUE;
        }
      /* Our other properties travel under their own names; Threat Dragon
       * keeps data members it does not know. */
      json_builder_set_member_name (b, td ? td : name);
      json_builder_add_value (b, json_node_copy (json_object_get_member (properties, name)));
    }
  if (kind == BW_ELEMENT_PROCESS && !has_privilege)
    add_string (b, "privilegeLevel", "");
}

static void
add_cell (JsonBuilder *b,
          GHashTable  *by_target,
          BwElement   *element,
          guint       *number)
{
  static const char * const types[] = { "tm.Actor", "tm.Process", "tm.Store", "tm.Flow", "tm.BoundaryBox" };
  static const char * const shapes[] = { "actor", "process", "store", "flow", "trust-boundary-box" };
  BwElementKind kind = bw_element_get_kind_enum (element);
  gboolean line = bw_element_is_line (element);
  GArray *points = bw_element_get_points (element);
  gboolean open = FALSE;

  json_builder_begin_object (b);
  add_string (b, "id", bw_record_get_id (BW_RECORD (element)));
  add_string (b, "shape", line ? "trust-boundary-curve" : shapes[kind]);
  json_builder_set_member_name (b, "zIndex");
  json_builder_add_int_value (b, kind == BW_ELEMENT_TRUST_BOUNDARY && !line ? -1 : kind >= BW_ELEMENT_DATA_FLOW ? 10 : 1);

  if (bw_element_is_node (element) || (kind == BW_ELEMENT_TRUST_BOUNDARY && !line))
    {
      const BwNumber *bounds = bw_element_get_bounds (element);

      json_builder_set_member_name (b, "position");
      add_point (b, bw_number_get (&bounds[0]), bw_number_get (&bounds[1]));
      json_builder_set_member_name (b, "size");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "width");
      json_builder_add_double_value (b, bw_number_get (&bounds[2]));
      json_builder_set_member_name (b, "height");
      json_builder_add_double_value (b, bw_number_get (&bounds[3]));
      json_builder_end_object (b);
    }
  else
    {
      guint first = 0, last = points->len;

      json_builder_set_member_name (b, "connector");
      json_builder_add_string_value (b, "smooth");
      if (kind == BW_ELEMENT_DATA_FLOW)
        {
          json_builder_set_member_name (b, "source");
          json_builder_begin_object (b);
          add_string (b, "cell", bw_element_get_source (element));
          json_builder_end_object (b);
          json_builder_set_member_name (b, "target");
          json_builder_begin_object (b);
          add_string (b, "cell", bw_element_get_target (element));
          json_builder_end_object (b);
          json_builder_set_member_name (b, "labels");
          json_builder_begin_array (b);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "position");
          json_builder_add_double_value (b, 0.5);
          json_builder_set_member_name (b, "attrs");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "label");
          json_builder_begin_object (b);
          add_string (b, "text", bw_element_get_name (element));
          json_builder_end_object (b);
          json_builder_end_object (b);
          json_builder_end_object (b);
          json_builder_end_array (b);
        }
      else
        {
          /* A line's first and last points are its ends. */
          BwPoint *p0 = &g_array_index (points, BwPoint, 0);
          BwPoint *pn = &g_array_index (points, BwPoint, points->len - 1);

          json_builder_set_member_name (b, "source");
          add_point (b, bw_number_get (&p0->x), bw_number_get (&p0->y));
          json_builder_set_member_name (b, "target");
          add_point (b, bw_number_get (&pn->x), bw_number_get (&pn->y));
          first = 1;
          last = points->len - 1;
        }
      json_builder_set_member_name (b, "vertices");
      json_builder_begin_array (b);
      for (guint i = first; i < last; i++)
        {
          BwPoint *p = &g_array_index (points, BwPoint, i);

          add_point (b, bw_number_get (&p->x), bw_number_get (&p->y));
        }
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  add_string (b, "type", line ? "tm.Boundary" : types[kind]);
  add_string (b, "name", bw_element_get_name (element));
  add_string (b, "description", bw_element_get_description (element));
  add_bool (b, "isTrustBoundary", kind == BW_ELEMENT_TRUST_BOUNDARY);
  if (kind != BW_ELEMENT_TRUST_BOUNDARY)
    {
      add_bool (b, "outOfScope", bw_element_get_out_of_scope (element));
      add_string (b, "reasonOutOfScope", bw_element_get_out_of_scope_reason (element));
      add_properties (b, element);
      open = add_threats (b, by_target, element, number);
    }
  add_bool (b, "hasOpenThreats", open);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

GBytes *
bw_export_threat_dragon (BwProject  *project,
                         GPtrArray **report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_target = NULL;
  BwModel *model;
  GListModel *diagrams;
  g_auto(GStrv) authors = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint number = 0;
  char *text;
  gsize length;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  model = bw_project_get_model (project);
  diagrams = bw_project_get_diagrams (project);
  by_target = bw_export_threats_by_target (project);
  g_object_get (model, "title", &title, "description", &description, "authors", &authors, NULL);

  json_builder_begin_object (b);
  add_string (b, "version", TD_VERSION);
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  add_string (b, "title", title);
  add_string (b, "owner", authors && authors[0] ? authors[0] : "");
  add_string (b, "description", description);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, 0);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "detail");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "contributors");
  json_builder_begin_array (b);
  for (guint i = 1; authors && authors[0] && authors[i]; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "name", authors[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "diagrams");
  json_builder_begin_array (b);
  for (guint d = 0; d < g_list_model_get_n_items (diagrams); d++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, d);
      g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, bw_record_get_id (BW_RECORD (diagram)));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, d);
      add_string (b, "title", bw_diagram_get_name (diagram));
      add_string (b, "diagramType", "STRIDE");
      add_string (b, "placeholder", "New STRIDE diagram description");
      add_string (b, "thumbnail", "./public/content/images/thumbnail.stride.jpg");
      add_string (b, "version", TD_VERSION);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint i = 0; i < elements->len; i++)
        {
          BwElement *element = g_ptr_array_index (elements, i);

          add_cell (b, by_target, element, &number);
          if (bw_element_get_refines (element) != NULL)
            g_ptr_array_add (notes, g_strdup_printf (_("%s: Threat Dragon has no refinement; “refines %s” is not exported"),
                                                     bw_record_get_id (BW_RECORD (element)), bw_element_get_refines (element)));
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "diagramTop");
  json_builder_add_int_value (b, g_list_model_get_n_items (diagrams));
  add_string (b, "reviewer", "");
  json_builder_set_member_name (b, "threatTop");
  json_builder_add_int_value (b, number);
  json_builder_end_object (b);
  json_builder_end_object (b);

  {
    const struct { GListModel *model; const char *what; } lost[] = {
      { bw_project_get_assets (project), N_("assets") },
      { bw_project_get_objectives (project), N_("security objectives") },
      { bw_project_get_requirements (project), N_("security requirements") },
      { bw_project_get_attack_trees (project), N_("attack trees") },
      { bw_project_get_hazards (project), N_("hazards") },
      { bw_project_get_components (project), N_("components") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lost); i++)
      if (g_list_model_get_n_items (lost[i].model) > 0)
        g_ptr_array_add (notes, g_strdup_printf (_("Threat Dragon has no place for %s; %u not exported"),
                                                 _(lost[i].what), g_list_model_get_n_items (lost[i].model)));
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
