/* bw-import-threat-dragon.c — OWASP Threat Dragon v1 and v2 models into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Threat Dragon v1 stores each diagram as JointJS cells (diagramJson.cells:
 * the element's properties on the cell itself, its name in attrs.text.text,
 * a flow's in labels[0]); v2 stores X6 cells (cells: properties under data,
 * flows' ends as {cell} or a loose {x, y}).  Both draw in pixels with y
 * downwards, which is our diagram unit, so geometry is taken as it is.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-command-arrange.h"
#include "bw-import.h"
#include "bw-import-builder.h"
#include "bw-import-json.h"
#include "bw-import-threat-dragon.h"

typedef struct
{
  BwImportBuilder *builder;
  int              version;      /* of the diagram being read: 1 or 2 */
  const char      *diagram;      /* our ID */
  const char      *diagram_name;
  const char      *method;       /* diagramType: STRIDE, CIA, LINDDUN … */
  double           scale;        /* of the whole diagram, see diagram_scale() */
  GHashTable      *cells;        /* Threat Dragon cell id → BwElement (borrowed) */
} TdContext;

/* Members every cell has that describe drawing, not the model. */
static const char * const v1_cell_members[] = {
  "type", "size", "position", "angle", "id", "z", "attrs", "threats", "source", "target",
  "vertices", "labels", "smooth", "hasOpenThreats", "ports", "embeds", "parent", "router",
  "connector", "name", "description", "outOfScope", "reasonOutOfScope", "isTrustBoundary",
  "isBidirectional", NULL,
};

static const char * const data_members[] = {
  "type", "name", "description", "threats", "hasOpenThreats", "isTrustBoundary",
  "outOfScope", "reasonOutOfScope", "isBidirectional", NULL,
};

/* Threat Dragon property → our vocabulary (METHOD.md). */
static const struct { const char *td; const char *ours; } property_map[] = {
  { "isALog", "is_log" },
  { "storesCredentials", "stores_credentials" },
  { "isEncrypted", "encrypted" },
  { "isSigned", "signed" },
  { "isPublicNetwork", "public_network" },
  { "protocol", "protocol" },
  { "providesAuthentication", "provides_authentication" },
};

static const char * const privileges[] = { "user", "admin", "service", "firmware", "kernel", NULL };

gboolean
bw_import_threat_dragon_detect (JsonNode *root,
                                int      *version)
{
  JsonObject *object;
  JsonNode *detail;
  JsonNode *diagrams;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "summary") && !json_object_has_member (object, "detail"))
    return FALSE;
  *version = 2;
  if (json_object_has_member (object, "version"))
    {
      JsonNode *v = json_object_get_member (object, "version");

      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING
          && g_str_has_prefix (json_node_get_string (v), "1"))
        *version = 1;
      return TRUE;
    }
  /* v1 files have no "version"; their diagrams hold diagramJson. */
  detail = json_object_get_member (object, "detail");
  diagrams = detail && JSON_NODE_HOLDS_OBJECT (detail)
             ? json_object_get_member (json_node_get_object (detail), "diagrams") : NULL;
  if (diagrams != NULL && JSON_NODE_HOLDS_ARRAY (diagrams)
      && json_array_get_length (json_node_get_array (diagrams)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (diagrams), 0);

      if (JSON_NODE_HOLDS_OBJECT (first) && json_object_has_member (json_node_get_object (first), "cells"))
        return TRUE;
    }
  *version = 1;
  return TRUE;
}

static char *
one_line (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return g_strdelimit (g_steal_pointer (&stripped), "\r\n\t", ' ');
}

/* v1 keeps a node's name in attrs.text.text and a flow's in its first label. */
static const char *
v1_text (JsonObject *cell)
{
  JsonNode *node = json_object_get_member (cell, "attrs");
  JsonArray *labels;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *text = json_object_get_member (json_node_get_object (node), "text");

      if (text != NULL && JSON_NODE_HOLDS_OBJECT (text))
        {
          JsonNode *value = json_object_get_member (json_node_get_object (text), "text");

          if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            return json_node_get_string (value);
        }
    }
  node = json_object_get_member (cell, "labels");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  labels = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *label = json_array_get_element (labels, i);
      JsonNode *attrs, *text, *value;

      if (!JSON_NODE_HOLDS_OBJECT (label))
        continue;
      attrs = json_object_get_member (json_node_get_object (label), "attrs");
      if (attrs == NULL || !JSON_NODE_HOLDS_OBJECT (attrs))
        continue;
      text = json_object_get_member (json_node_get_object (attrs), "text");
      if (text == NULL || !JSON_NODE_HOLDS_OBJECT (text))
        text = json_object_get_member (json_node_get_object (attrs), "label");
      if (text == NULL || !JSON_NODE_HOLDS_OBJECT (text))
        continue;
      value = json_object_get_member (json_node_get_object (text), "text");
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        return json_node_get_string (value);
    }
  return NULL;
}

/* The v2 shape names, for cells without data.type. */
static const char *
type_from_shape (const char *shape)
{
  static const struct { const char *shape; const char *type; } shapes[] = {
    { "actor", "tm.Actor" }, { "process", "tm.Process" }, { "store", "tm.Store" },
    { "flow", "tm.Flow" }, { "trust-boundary-box", "tm.BoundaryBox" },
    { "trust-boundary-curve", "tm.Boundary" }, { "trust-broundary-curve", "tm.Boundary" },
    { "td-text-block", "tm.Text" },
  };

  for (guint i = 0; shape != NULL && i < G_N_ELEMENTS (shapes); i++)
    if (g_str_equal (shape, shapes[i].shape))
      return shapes[i].type;
  return NULL;
}

static const char *
category_of_threat (const char *type,
                    BwElement  *element,
                    gboolean   *mapped)
{
  /* The nearest STRIDE category of the other methods' types. */
  static const struct { const char *name; const char *category; } others[] = {
    { "confidentiality", "I" }, { "integrity", "T" }, { "availability", "D" },
    { "linkability", "I" }, { "identifiability", "I" }, { "nonrepudiation", "R" },
    { "detectability", "I" }, { "disclosureofinformation", "I" }, { "unawareness", "I" },
    { "noncompliance", "R" },
  };
  const char *category = bw_import_category_from_name (type);
  g_autoptr(GString) key = g_string_new (NULL);

  *mapped = TRUE;
  if (category != NULL)
    return category;
  for (const char *p = type ? type : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (key->str, others[i].name))
      return others[i].category;
  *mapped = FALSE;
  return bw_import_first_category_of (element);
}

static int
severity_level (const char *severity)
{
  if (severity == NULL || *severity == '\0' || g_ascii_strcasecmp (severity, "TBA") == 0)
    return 0;
  if (g_ascii_strcasecmp (severity, "Low") == 0)
    return 2;
  if (g_ascii_strcasecmp (severity, "Medium") == 0)
    return 3;
  if (g_ascii_strcasecmp (severity, "High") == 0)
    return 4;
  if (g_ascii_strcasecmp (severity, "Critical") == 0)
    return 5;
  return -1;
}

static gboolean
import_threats (TdContext  *ctx,
                JsonObject *data,
                const char *path,
                BwElement  *element,
                GError    **error)
{
  JsonArray *threats = NULL;
  g_autofree char *threats_path = bw_import_json_path (path, "threats");
  const char *element_name = bw_element_get_name (element);

  if (!bw_import_json_array (data, path, "threats", FALSE, &threats, error))
    return FALSE;
  for (guint i = 0; threats != NULL && i < json_array_get_length (threats); i++)
    {
      g_autofree char *where = bw_import_json_index (threats_path, i);
      JsonObject *threat = bw_import_json_element_object (threats, i, threats_path, error);
      const char *title = "", *type = NULL, *status = "Open", *severity = NULL;
      const char *description = "", *mitigation = "", *id = NULL, *model_type = NULL;
      g_autofree char *score = NULL;
      const char *category, *our_status = "not_started", *treatment = "none";
      g_autoptr(GString) text = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *title_line = NULL;
      gboolean mapped;
      int level;

      if (threat == NULL
          || !bw_import_json_string (threat, where, "title", &title, error)
          || !bw_import_json_string (threat, where, "type", &type, error)
          || !bw_import_json_string (threat, where, "status", &status, error)
          || !bw_import_json_string (threat, where, "severity", &severity, error)
          || !bw_import_json_string (threat, where, "description", &description, error)
          || !bw_import_json_string (threat, where, "mitigation", &mitigation, error)
          || !bw_import_json_string (threat, where, "modelType", &model_type, error)
          || !bw_import_json_string (threat, where, "id", &id, error))
        return FALSE;
      /* The score is free text in Threat Dragon; some files have numbers. */
      {
        JsonNode *node = json_object_get_member (threat, "score");

        if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
          score = json_node_get_value_type (node) == G_TYPE_STRING
                  ? g_strdup (json_node_get_string (node)) : json_to_string (node, FALSE);
      }

      title_line = one_line (title);
      text = g_string_new (description);
      category = category_of_threat (type, element, &mapped);
      if (!mapped)
        {
          bw_import_builder_report (ctx->builder,
                                    _("Threat “%s” on “%s”: the type “%s” (%s) is not a STRIDE category; imported as %s, the type kept in its description"),
                                    title_line, element_name, type ? type : "", model_type ? model_type : ctx->method, category);
          g_string_append_printf (text, "%sThreat Dragon type: %s (%s)", text->len ? "\n\n" : "",
                                  type ? type : "", model_type ? model_type : ctx->method);
        }

      if (status == NULL || g_ascii_strcasecmp (status, "Open") == 0)
        our_status = "not_started";
      else if (g_ascii_strcasecmp (status, "Mitigated") == 0)
        {
          our_status = "addressed";
          treatment = "mitigate";
        }
      else if (g_ascii_strcasecmp (status, "NotApplicable") == 0 || g_ascii_strcasecmp (status, "N/A") == 0)
        our_status = "not_applicable";
      else
        {
          bw_import_builder_report (ctx->builder, _("Threat “%s” on “%s”: unknown status “%s”, imported as not started"),
                                    title_line, element_name, status);
          g_string_append_printf (text, "%sThreat Dragon status: %s", text->len ? "\n\n" : "", status);
        }

      /* Our own export's exact status and treatment, when present. */
      {
        static const char * const statuses[] = { "not_started", "needs_investigation", "not_applicable", "addressed", NULL };
        static const char * const treatments[] = { "none", "eliminate", "mitigate", "accept", "transfer", NULL };
        const char *exact_status = NULL, *exact_treatment = NULL;

        if (!bw_import_json_string (threat, where, "bulwarkStatus", &exact_status, error)
            || !bw_import_json_string (threat, where, "bulwarkTreatment", &exact_treatment, error))
          return FALSE;
        /* Only while Threat Dragon's own status still agrees with them:
         * an edit made in Threat Dragon since the export wins. */
        if (exact_status != NULL && g_strv_contains (statuses, exact_status)
            && exact_treatment != NULL && g_strv_contains (treatments, exact_treatment))
          {
            const char *td = g_str_equal (exact_status, "addressed") ? "Mitigated"
                             : g_str_equal (exact_status, "not_applicable") ? "NotApplicable" : "Open";

            if (g_ascii_strcasecmp (td, status ? status : "Open") == 0)
              {
                our_status = exact_status;
                treatment = exact_treatment;
              }
          }
      }

      level = severity_level (severity);
      if (level < 0)
        {
          bw_import_builder_report (ctx->builder, _("Threat “%s” on “%s”: unknown severity “%s”, kept in its description"),
                                    title_line, element_name, severity);
          g_string_append_printf (text, "%sThreat Dragon severity: %s", text->len ? "\n\n" : "", severity);
          level = 0;
        }
      if (score != NULL && *score != '\0')
        g_string_append_printf (text, "%sThreat Dragon score: %s", text->len ? "\n\n" : "", score);

      detail = id != NULL && *id != '\0'
               ? g_strdup_printf (_("Imported from Threat Dragon v%d (threat %s)"), ctx->version, id)
               : g_strdup_printf (_("Imported from Threat Dragon v%d"), ctx->version);
      bw_import_builder_add_threat (ctx->builder, element, category, title_line, text->str, our_status, treatment,
                                    (mitigation && *mitigation) ? mitigation
                                    : (g_str_equal (treatment, "mitigate") ? _("Mitigated in Threat Dragon.") : ""),
                                    level, detail);
    }
  return TRUE;
}

static void
set_property_node (BwElement  *element,
                   const char *key,
                   JsonNode   *value)
{
  json_object_set_member (bw_element_get_properties (element), key, json_node_copy (value));
}

/* Maps the element's Threat Dragon properties onto ours; any other member
 * is kept as a property of its own (scalars as they are, objects and
 * arrays as their JSON text), so nothing is dropped. */
static void
import_properties (TdContext  *ctx,
                   JsonObject *data,
                   BwElement  *element)
{
  g_autoptr(GList) members = json_object_get_members (data);
  const char * const *skip = ctx->version == 1 ? v1_cell_members : data_members;
  JsonObject *properties = bw_element_get_properties (element);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (data, name);
      gboolean done = FALSE;

      if (g_strv_contains (skip, name) || JSON_NODE_HOLDS_NULL (value))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (property_map); i++)
        if (g_str_equal (name, property_map[i].td) && JSON_NODE_HOLDS_VALUE (value))
          {
            GType type = json_node_get_value_type (value);

            /* Defaults (false, "") are left out, as our own files do. */
            if ((type == G_TYPE_BOOLEAN && json_node_get_boolean (value))
                || (type == G_TYPE_STRING && *json_node_get_string (value) != '\0'))
              set_property_node (element, property_map[i].ours, value);
            else if (type != G_TYPE_BOOLEAN && type != G_TYPE_STRING)
              set_property_node (element, property_map[i].ours, value);
            done = TRUE;
          }
      if (done)
        continue;
      if (g_str_equal (name, "privilegeLevel") && JSON_NODE_HOLDS_VALUE (value)
          && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          g_autofree char *lower = g_ascii_strdown (json_node_get_string (value), -1);

          g_strstrip (lower);
          if (*lower == '\0')
            continue;
          if (g_strv_contains (privileges, lower))
            {
              json_object_set_string_member (properties, "privilege", lower);
              continue;
            }
          bw_import_builder_report_once (ctx->builder,
                                         _("Privilege levels other than user, admin, service, firmware and kernel are kept as the property “privilege_level”"));
          json_object_set_member (properties, "privilege_level", json_node_copy (value));
          continue;
        }
      {
        g_autofree char *key = bw_import_snake_case (name);

        bw_import_builder_report_once (ctx->builder,
                                       _("The Threat Dragon property “%s” has no equivalent in Bulwark; kept as the property “%s”"),
                                       name, key);
        if (JSON_NODE_HOLDS_VALUE (value))
          set_property_node (element, key, value);
        else
          {
            g_autofree char *json = json_to_string (value, FALSE);

            json_object_set_string_member (properties, key, json);
          }
      }
    }
}

/* Scaled geometry is rounded to whole units: an imported diagram reads
 * like a drawn one. */
static double
scaled (double value,
        double scale)
{
  return scale == 1 ? value : round (value * scale);
}

static gboolean
read_point (JsonObject *end,
            const char *path,
            double     *x,
            double     *y,
            gboolean   *found,
            GError    **error)
{
  *found = json_object_has_member (end, "x") && json_object_has_member (end, "y");
  if (!*found)
    return TRUE;
  return bw_import_json_number (end, path, "x", x, error)
         && bw_import_json_number (end, path, "y", y, error);
}

/* The Threat Dragon cell an end of a flow or boundary is attached to. */
static const char *
end_cell (JsonObject *end)
{
  const char *member = json_object_has_member (end, "cell") ? "cell" : "id";
  JsonNode *node = json_object_get_member (end, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static void
node_centre (BwElement *element,
             double    *x,
             double    *y)
{
  const BwNumber *b = bw_element_get_bounds (element);

  *x = bw_number_get (&b[0]) + bw_number_get (&b[2]) / 2;
  *y = bw_number_get (&b[1]) + bw_number_get (&b[3]) / 2;
}

static gboolean
read_vertices (JsonObject *cell,
               const char *path,
               double      scale,
               GArray     *points,
               GError    **error)
{
  JsonArray *vertices = NULL;
  g_autofree char *vpath = bw_import_json_path (path, "vertices");

  if (!bw_import_json_array (cell, path, "vertices", FALSE, &vertices, error))
    return FALSE;
  for (guint i = 0; vertices != NULL && i < json_array_get_length (vertices); i++)
    {
      g_autofree char *where = bw_import_json_index (vpath, i);
      JsonObject *vertex = bw_import_json_element_object (vertices, i, vpath, error);
      double x = 0, y = 0;

      if (vertex == NULL
          || !bw_import_json_number (vertex, where, "x", &x, error)
          || !bw_import_json_number (vertex, where, "y", &y, error))
        return FALSE;
      bw_import_point_append (points, scaled (x, scale), scaled (y, scale));
    }
  return TRUE;
}

typedef enum { PASS_NODES, PASS_LINKS } Pass;

static gboolean
import_cell (TdContext  *ctx,
             JsonObject *cell,
             const char *path,
             Pass        pass,
             GError    **error)
{
  JsonObject *data = cell;
  g_autofree char *data_path = NULL;
  const char *type = NULL, *name = NULL, *description = "", *id = NULL, *reason = "";
  gboolean out_of_scope = FALSE, bidirectional = FALSE;
  g_autofree char *clean_name = NULL;
  BwElement *element = NULL;

  if (!bw_import_json_string (cell, path, "id", &id, error))
    return FALSE;
  if (ctx->version == 2)
    {
      const char *shape = NULL;

      if (!bw_import_json_string (cell, path, "shape", &shape, error))
        return FALSE;
      data = NULL;
      if (!bw_import_json_object (cell, path, "data", FALSE, &data, error))
        return FALSE;
      data_path = bw_import_json_path (path, "data");
      if (data != NULL && !bw_import_json_string (data, data_path, "type", &type, error))
        return FALSE;
      if (type == NULL)
        type = type_from_shape (shape);
      if (data != NULL && !bw_import_json_string (data, data_path, "name", &name, error))
        return FALSE;
      if (data == NULL)
        {
          data = cell;
          g_clear_pointer (&data_path, g_free);
          data_path = g_strdup (path);
        }
    }
  else
    {
      data_path = g_strdup (path);
      if (!bw_import_json_string (cell, path, "type", &type, error))
        return FALSE;
      name = v1_text (cell);
      if (!bw_import_json_string (cell, path, "name", &name, error))
        return FALSE;
    }
  if (!bw_import_json_string (data, data_path, "description", &description, error)
      || !bw_import_json_bool (data, data_path, "outOfScope", &out_of_scope, error)
      || !bw_import_json_string (data, data_path, "reasonOutOfScope", &reason, error)
      || !bw_import_json_bool (data, data_path, "isBidirectional", &bidirectional, error))
    return FALSE;
  if (type == NULL)
    {
      if (pass == PASS_NODES)
        bw_import_builder_report (ctx->builder, _("Diagram “%s”: the cell %s has no type; not imported"),
                                  ctx->diagram_name, id ? id : path);
      return TRUE;
    }
  clean_name = one_line (name);

  if (pass == PASS_NODES && (g_str_equal (type, "tm.Actor") || g_str_equal (type, "tm.Process")
                             || g_str_equal (type, "tm.Store") || g_str_equal (type, "tm.BoundaryBox")
                             || g_str_equal (type, "tm.Text")))
    {
      JsonObject *position = NULL, *size = NULL;
      g_autofree char *ppath = bw_import_json_path (path, "position");
      g_autofree char *spath = bw_import_json_path (path, "size");
      double x = 0, y = 0, width = 0, height = 0;
      BwElementKind kind;

      if (!bw_import_json_object (cell, path, "position", FALSE, &position, error)
          || !bw_import_json_object (cell, path, "size", FALSE, &size, error)
          || (position && !bw_import_json_number (position, ppath, "x", &x, error))
          || (position && !bw_import_json_number (position, ppath, "y", &y, error))
          || (size && !bw_import_json_number (size, spath, "width", &width, error))
          || (size && !bw_import_json_number (size, spath, "height", &height, error)))
        return FALSE;
      if (position == NULL)
        bw_import_builder_report (ctx->builder, _("Diagram “%s”: “%s” has no position; placed at the origin"),
                                  ctx->diagram_name, clean_name);
      if (width <= 0 || height <= 0)
        {
          width = 160;
          height = 80;
        }
      x = scaled (x, ctx->scale);
      y = scaled (y, ctx->scale);
      width = scaled (width, ctx->scale);
      height = scaled (height, ctx->scale);

      if (g_str_equal (type, "tm.Text"))
        {
          /* Kept for the links pass: a note goes to its nearest node. */
          return TRUE;
        }
      if (g_str_equal (type, "tm.BoundaryBox"))
        {
          element = bw_import_builder_add_box (ctx->builder, ctx->diagram, clean_name, x, y, width, height);
          bw_import_builder_append_description (BW_RECORD (element), description);
          if (id != NULL)
            g_hash_table_insert (ctx->cells, g_strdup (id), element);
          return TRUE;
        }
      kind = g_str_equal (type, "tm.Actor") ? BW_ELEMENT_EXTERNAL_ENTITY
             : g_str_equal (type, "tm.Process") ? BW_ELEMENT_PROCESS : BW_ELEMENT_DATA_STORE;
      element = bw_import_builder_add_node (ctx->builder, kind, ctx->diagram, clean_name, x, y, width, height);
      if (id != NULL)
        g_hash_table_insert (ctx->cells, g_strdup (id), element);
    }
  else if (pass == PASS_LINKS && g_str_equal (type, "tm.Text"))
    {
      GHashTableIter iter;
      gpointer value;
      BwElement *nearest = NULL;
      double best = G_MAXDOUBLE, cx = 0, cy = 0;
      JsonObject *position = NULL;

      if (*clean_name == '\0')
        return TRUE;
      if (bw_import_json_object (cell, path, "position", FALSE, &position, NULL) && position != NULL)
        {
          bw_import_json_number (position, path, "x", &cx, NULL);
          bw_import_json_number (position, path, "y", &cy, NULL);
        }
      cx = scaled (cx, ctx->scale);
      cy = scaled (cy, ctx->scale);
      g_hash_table_iter_init (&iter, ctx->cells);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          double ex, ey, d;

          if (!bw_element_is_node (value))
            continue;
          node_centre (value, &ex, &ey);
          d = hypot (ex - cx, ey - cy);
          /* Ties by ID, so the same file always gives the same result. */
          if (d < best || (d == best && nearest != NULL
                           && g_strcmp0 (bw_record_get_id (value), bw_record_get_id (BW_RECORD (nearest))) < 0))
            {
              best = d;
              nearest = value;
            }
        }
      if (nearest == NULL)
        {
          bw_import_builder_report (ctx->builder, _("Diagram “%s”: the text block “%s” has no element to attach to; not imported"),
                                    ctx->diagram_name, clean_name);
          return TRUE;
        }
      {
        g_autofree char *note = g_strdup_printf (_("Note on the diagram: %s"), name);

        bw_import_builder_append_description (BW_RECORD (nearest), note);
        bw_import_builder_report (ctx->builder, _("Diagram “%s”: the text block “%s” is kept in the description of %s “%s”"),
                                  ctx->diagram_name, clean_name, bw_record_get_id (BW_RECORD (nearest)),
                                  bw_element_get_name (nearest));
      }
      return TRUE;
    }
  else if (pass == PASS_LINKS && (g_str_equal (type, "tm.Flow") || g_str_equal (type, "tm.Boundary")))
    {
      JsonObject *source = NULL, *target = NULL;
      g_autofree char *src_path = bw_import_json_path (path, "source");
      g_autofree char *tgt_path = bw_import_json_path (path, "target");
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bends = g_array_new (FALSE, FALSE, sizeof (double));
      BwElement *from = NULL, *to = NULL;
      double sx = 0, sy = 0, tx = 0, ty = 0;
      gboolean source_point = FALSE, target_point = FALSE;

      if (!bw_import_json_object (cell, path, "source", FALSE, &source, error)
          || !bw_import_json_object (cell, path, "target", FALSE, &target, error)
          || (source && !read_point (source, src_path, &sx, &sy, &source_point, error))
          || (target && !read_point (target, tgt_path, &tx, &ty, &target_point, error))
          || !read_vertices (cell, path, ctx->scale, bends, error))
        return FALSE;
      sx = scaled (sx, ctx->scale);
      sy = scaled (sy, ctx->scale);
      tx = scaled (tx, ctx->scale);
      ty = scaled (ty, ctx->scale);
      if (source != NULL && end_cell (source) != NULL)
        from = g_hash_table_lookup (ctx->cells, end_cell (source));
      if (target != NULL && end_cell (target) != NULL)
        to = g_hash_table_lookup (ctx->cells, end_cell (target));

      if (g_str_equal (type, "tm.Boundary"))
        {
          if (from != NULL && bw_element_is_node (from))
            node_centre (from, &sx, &sy), source_point = TRUE;
          if (to != NULL && bw_element_is_node (to))
            node_centre (to, &tx, &ty), target_point = TRUE;
          if (source_point)
            bw_import_point_append (points, sx, sy);
          g_array_append_vals (points, bends->data, bends->len);
          if (target_point)
            bw_import_point_append (points, tx, ty);
          element = bw_import_builder_add_line (ctx->builder, ctx->diagram, clean_name, points);
          if (element == NULL)
            {
              bw_import_builder_report (ctx->builder, _("Diagram “%s”: the trust boundary %s has fewer than two points; not imported"),
                                        ctx->diagram_name, id ? id : path);
              return TRUE;
            }
          bw_import_builder_append_description (BW_RECORD (element), description);
          return TRUE;
        }

      if (from == NULL || to == NULL || !bw_element_is_node (from) || !bw_element_is_node (to))
        {
          JsonArray *threats = NULL;

          bw_import_json_array (data, data_path, "threats", FALSE, &threats, NULL);
          bw_import_builder_report (ctx->builder,
                                    _("Diagram “%s”: the flow “%s” is not connected to an element at both ends; not imported (with its %u threats)"),
                                    ctx->diagram_name, *clean_name ? clean_name : (id ? id : path),
                                    threats ? json_array_get_length (threats) : 0);
          return TRUE;
        }
      element = bw_import_builder_add_flow (ctx->builder, ctx->diagram, clean_name,
                                            bw_record_get_id (BW_RECORD (from)),
                                            bw_record_get_id (BW_RECORD (to)), bends);
      if (bidirectional)
        g_object_set (element, "bidirectional", TRUE, NULL);
    }
  else
    {
      if (pass == PASS_NODES && !g_str_equal (type, "tm.Flow") && !g_str_equal (type, "tm.Boundary")
          && !g_str_equal (type, "tm.Text"))
        bw_import_builder_report (ctx->builder, _("Diagram “%s”: the cell “%s” has the unknown type “%s”; not imported"),
                                  ctx->diagram_name, *clean_name ? clean_name : (id ? id : path), type);
      return TRUE;
    }

  /* Nodes and flows. */
  bw_import_builder_append_description (BW_RECORD (element), description);
  if (out_of_scope)
    g_object_set (element, "out-of-scope", TRUE, "out-of-scope-reason", reason ? reason : "", NULL);
  else if (reason != NULL && *reason != '\0')
    g_object_set (element, "out-of-scope-reason", reason, NULL);
  import_properties (ctx, data, element);
  return import_threats (ctx, data, data_path, element, error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Threat Dragon draws a process as a small circle (often 60 to 100 px)
 * with its name spilling over; we write the name inside the shape.  So a
 * diagram whose process circles are small is scaled as a whole — the
 * typical circle to 130 px, at most twice — which keeps every relation
 * (overlaps, boundaries, bends) as drawn.  Diagrams without circles, such
 * as our own exports, keep their geometry. */
static double
diagram_scale (JsonArray *cells,
               int        version)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; cells != NULL && i < json_array_get_length (cells); i++)
    {
      JsonNode *node = json_array_get_element (cells, i);
      JsonObject *cell, *data, *size = NULL;
      const char *type = NULL;
      double width = 0, height = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      cell = json_node_get_object (node);
      data = cell;
      if (version == 2 && !bw_import_json_object (cell, "", "data", FALSE, &data, NULL))
        continue;
      if (data == NULL || !bw_import_json_string (data, "", "type", &type, NULL) || g_strcmp0 (type, "tm.Process") != 0)
        continue;
      if (!bw_import_json_object (cell, "", "size", FALSE, &size, NULL) || size == NULL
          || !bw_import_json_number (size, "", "width", &width, NULL)
          || !bw_import_json_number (size, "", "height", &height, NULL))
        continue;
      if (width > 0 && fabs (width - height) <= 1)
        g_array_append_val (sizes, width);
    }
  if (sizes->len == 0)
    return 1;
  g_array_sort (sizes, compare_doubles);
  return CLAMP (130 / g_array_index (sizes, double, sizes->len / 2), 1, 2);
}

static gboolean
import_diagram (BwImportBuilder *builder,
                int              file_version,
                JsonObject      *diagram,
                const char      *path,
                GError         **error)
{
  TdContext ctx = { builder, file_version, NULL, NULL, "STRIDE", 1, NULL };
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = NULL;
  JsonObject *diagram_json = NULL;
  const char *title = "", *description = NULL;
  g_autofree char *cells_path = NULL;
  g_autofree char *clean_title = NULL;
  BwDiagram *ours;

  if (!bw_import_json_string (diagram, path, "title", &title, error)
      || !bw_import_json_string (diagram, path, "diagramType", &ctx.method, error)
      || !bw_import_json_string (diagram, path, "description", &description, error))
    return FALSE;
  if (json_object_has_member (diagram, "cells"))
    {
      ctx.version = 2;
      if (!bw_import_json_array (diagram, path, "cells", TRUE, &array, error))
        return FALSE;
      cells_path = bw_import_json_path (path, "cells");
    }
  else if (json_object_has_member (diagram, "diagramJson"))
    {
      g_autofree char *json_path = bw_import_json_path (path, "diagramJson");

      ctx.version = 1;
      if (!bw_import_json_object (diagram, path, "diagramJson", TRUE, &diagram_json, error))
        return FALSE;
      if (!bw_import_json_array (diagram_json, json_path, "cells", FALSE, &array, error))
        return FALSE;
      cells_path = bw_import_json_path (json_path, "cells");
    }
  else
    {
      bw_import_json_fail (error, path, _("a diagram needs “cells” (Threat Dragon v2) or “diagramJson” (v1)"));
      return FALSE;
    }

  clean_title = one_line (title);
  ours = bw_import_builder_add_diagram (builder, clean_title);
  ctx.scale = diagram_scale (array, ctx.version);
  if (ctx.scale > 1)
    bw_import_builder_report (builder, _("Diagram “%s” was scaled by %.2f so that names fit inside the process shapes"),
                              clean_title, ctx.scale);
  ctx.diagram = bw_record_get_id (BW_RECORD (ours));
  ctx.diagram_name = clean_title;
  ctx.cells = cells;
  if (ctx.method == NULL)
    ctx.method = "STRIDE";
  if (g_ascii_strcasecmp (ctx.method, "STRIDE") != 0)
    bw_import_builder_report (builder, _("Diagram “%s” uses the %s method; its threat types were mapped onto STRIDE"),
                              clean_title, ctx.method);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Diagram “%s”: %s"), clean_title, description);

      bw_import_builder_append_description (BW_RECORD (bw_project_get_model (builder->project)), text);
      bw_import_builder_report (builder, _("Diagram “%s”: its description is kept in the model description"), clean_title);
    }

  for (Pass pass = PASS_NODES; pass <= PASS_LINKS; pass++)
    for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
      {
        g_autofree char *where = bw_import_json_index (cells_path, i);
        JsonObject *cell = bw_import_json_element_object (array, i, cells_path, error);

        if (cell == NULL || !import_cell (&ctx, cell, where, pass, error))
          return FALSE;
      }
  return TRUE;
}

BwProject *
bw_import_threat_dragon (JsonNode   *root,
                         GPtrArray **report,
                         GError    **error)
{
  g_autoptr(BwImportBuilder) builder = NULL;
  g_autoptr(GStrvBuilder) authors = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) author_list = NULL;
  JsonObject *object, *summary = NULL, *detail = NULL;
  JsonArray *diagrams = NULL, *contributors = NULL;
  const char *title = "", *owner = NULL, *description = "", *reviewer = NULL;
  int version = 2;

  if (!bw_import_threat_dragon_detect (root, &version))
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_INVALID,
                   _("This is not a Threat Dragon model: it has neither “summary” nor “detail”."));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!bw_import_json_object (object, "", "summary", TRUE, &summary, error)
      || !bw_import_json_string (summary, "summary", "title", &title, error)
      || !bw_import_json_string (summary, "summary", "owner", &owner, error)
      || !bw_import_json_string (summary, "summary", "description", &description, error)
      || !bw_import_json_object (object, "", "detail", TRUE, &detail, error)
      || !bw_import_json_array (detail, "detail", "diagrams", TRUE, &diagrams, error)
      || !bw_import_json_array (detail, "detail", "contributors", FALSE, &contributors, error)
      || !bw_import_json_string (detail, "detail", "reviewer", &reviewer, error))
    return NULL;

  builder = bw_import_builder_new (version == 1 ? "Threat Dragon v1" : "Threat Dragon v2");
  g_object_set (bw_project_get_model (builder->project), "title", title, "description", description, NULL);
  if (owner != NULL && *owner != '\0')
    {
      g_strv_builder_add (authors, owner);
      g_hash_table_add (seen, (gpointer) owner);
    }
  for (guint i = 0; contributors != NULL && i < json_array_get_length (contributors); i++)
    {
      g_autofree char *where = bw_import_json_index ("detail.contributors", i);
      JsonObject *contributor = bw_import_json_element_object (contributors, i, "detail.contributors", error);
      const char *name = NULL;

      if (contributor == NULL || !bw_import_json_string (contributor, where, "name", &name, error))
        return NULL;
      if (name != NULL && *name != '\0' && g_hash_table_add (seen, (gpointer) name))
        g_strv_builder_add (authors, name);
    }
  author_list = g_strv_builder_end (authors);
  g_object_set (bw_project_get_model (builder->project), "authors", author_list, NULL);
  if (reviewer != NULL && *reviewer != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Reviewer: %s"), reviewer);

      bw_import_builder_append_description (BW_RECORD (bw_project_get_model (builder->project)), text);
      bw_import_builder_report (builder, _("The reviewer (%s) is kept in the model description"), reviewer);
    }

  for (guint i = 0; i < json_array_get_length (diagrams); i++)
    {
      g_autofree char *where = bw_import_json_index ("detail.diagrams", i);
      JsonObject *diagram = bw_import_json_element_object (diagrams, i, "detail.diagrams", error);

      if (diagram == NULL || !import_diagram (builder, version, diagram, where, error))
        return NULL;
    }

  /* A diagram saved without a layout has every node at one place: laid
   * out as the editor's "Arrange" would. Real geometry stays as drawn. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!bw_project_arrange_where_missing (builder->project, &local_error))
      bw_import_builder_report (builder, _("The diagram could not be arranged: %s"), local_error->message);
  }
  return bw_import_builder_finish (builder, report, error);
}
