/* bw-import-otm.c — Open Threat Model (OTM) JSON into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * OTM (https://github.com/iriusrisk/OpenThreatModel) describes trust
 * zones, components, data flows, threats and mitigations; its geometry
 * ("representations") is optional and often inconsistent (a component's
 * position relative or absolute, sizes missing), so nodes are laid out by
 * us: each trust zone is a box boundary with its components placed inside
 * it, then the editor's "Arrange" (Graphviz, the zones as clusters) lays
 * each diagram out; zones without components on a diagram come last.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-command-arrange.h"
#include "bw-geometry.h"
#include "bw-import.h"
#include "bw-import-builder.h"
#include "bw-import-json.h"
#include "bw-import-otm.h"

#define NODE_WIDTH  160
#define NODE_HEIGHT 70
#define GAP_Y       100
#define ZONE_PAD    40
#define ZONE_GAP    80

typedef struct
{
  JsonObject *object;
  char       *path;
  const char *id;
  const char *name;
  const char *zone;       /* OTM trust zone id, or NULL */
  const char *diagram;    /* our diagram ID */
  BwElementKind kind;
  BwElement  *element;
} Component;

static void
component_free (Component *c)
{
  g_free (c->path);
  g_free (c);
}

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  const char *path;
} Zone;

/* Component types that are not processes: OTM's types are free text
 * ("web-client", "database", "CD-MSG-BROKER"), so look at the words. */
static BwElementKind
kind_of (const char  *type,
         JsonArray   *tags,
         const char  *zone_type)
{
  static const char * const stores[] = { "database", "db", "store", "storage", "bucket", "s3", "cache",
                                         "queue", "file", "filesystem", "repository", "vault", "table", NULL };
  static const char * const externals[] = { "client", "user", "actor", "browser", "external", "human",
                                            "mobile", "device", "third", "partner", NULL };
  g_autofree char *lower = g_ascii_strdown (type ? type : "", -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^a-z0-9]+", lower, 0, 0);

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *tag = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING
          && g_ascii_strcasecmp (json_node_get_string (tag), "external") == 0)
        return BW_ELEMENT_EXTERNAL_ENTITY;
    }
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (stores, words[i]))
      return BW_ELEMENT_DATA_STORE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (externals, words[i]))
      return BW_ELEMENT_EXTERNAL_ENTITY;
  return BW_ELEMENT_PROCESS;
}

static const char *
level_of (double value)
{
  /* OTM rates C, I and A from 0 to 100. */
  if (value <= 0)
    return "none";
  if (value <= 33)
    return "low";
  if (value <= 66)
    return "medium";
  return "high";
}

static int
scale_of (double value)
{
  if (value <= 0)
    return 1;
  return CLAMP ((int) ceil (value / 20.0), 1, 5);
}

static gboolean
import_assets (BwImportBuilder *builder,
               JsonObject      *root,
               GHashTable      *assets,
               GError         **error)
{
  JsonArray *array = NULL;

  if (!bw_import_json_array (root, "", "assets", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("assets", i);
      JsonObject *asset = bw_import_json_element_object (array, i, "assets", error);
      g_autofree char *risk_path = bw_import_json_path (where, "risk");
      JsonObject *risk = NULL;
      const char *id = NULL, *name = "", *description = "", *comments = NULL;
      double c = -1, in = -1, a = -1;
      BwAsset *ours;

      if (asset == NULL
          || !bw_import_json_string (asset, where, "id", &id, error)
          || !bw_import_json_string (asset, where, "name", &name, error)
          || !bw_import_json_string (asset, where, "description", &description, error)
          || !bw_import_json_object (asset, where, "risk", FALSE, &risk, error)
          || (risk && !bw_import_json_number (risk, risk_path, "confidentiality", &c, error))
          || (risk && !bw_import_json_number (risk, risk_path, "integrity", &in, error))
          || (risk && !bw_import_json_number (risk, risk_path, "availability", &a, error))
          || (risk && !bw_import_json_string (risk, risk_path, "riskComments", &comments, error)))
        return FALSE;
      if (id == NULL)
        {
          bw_import_json_fail (error, where, _("an asset needs an “id”"));
          return FALSE;
        }
      ours = bw_import_builder_add_asset (builder, name, description);
      if (c >= 0)
        g_object_set (ours, "confidentiality", level_of (c), NULL);
      if (in >= 0)
        g_object_set (ours, "integrity", level_of (in), NULL);
      if (a >= 0)
        g_object_set (ours, "availability", level_of (a), NULL);
      if (comments != NULL && *comments != '\0')
        bw_import_builder_append_description (BW_RECORD (ours), comments);
      g_hash_table_insert (assets, (gpointer) id, (gpointer) bw_record_get_id (BW_RECORD (ours)));
    }
  return TRUE;
}

/* Tags and attributes have no place of their own: kept as properties. */
static void
keep_extras (BwImportBuilder *builder,
             BwElement       *element,
             JsonObject      *object)
{
  JsonObject *properties = bw_element_get_properties (element);
  JsonNode *tags = json_object_get_member (object, "tags");
  JsonNode *attributes = json_object_get_member (object, "attributes");
  JsonNode *type = json_object_get_member (object, "type");

  if (type != NULL && JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    json_object_set_string_member (properties, "otm_type", json_node_get_string (type));
  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags) && json_array_get_length (json_node_get_array (tags)) > 0)
    {
      JsonArray *array = json_node_get_array (tags);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
            continue;
          g_string_append_printf (text, "%s%s", text->len ? ", " : "", json_node_get_string (tag));
        }
      json_object_set_string_member (properties, "tags", text->str);
      bw_import_builder_report_once (builder, _("OTM tags are kept as the property “tags”"));
    }
  if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes))
    {
      JsonObject *attrs = json_node_get_object (attributes);
      g_autoptr(GList) members = json_object_get_members (attrs);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (attrs, l->data);
          g_autofree char *snake = bw_import_snake_case (l->data);
          g_autofree char *key = g_strconcat ("otm_", snake, NULL);

          if (JSON_NODE_HOLDS_VALUE (value))
            json_object_set_member (properties, key, json_node_copy (value));
          else if (!JSON_NODE_HOLDS_NULL (value))
            {
              g_autofree char *json = json_to_string (value, FALSE);

              json_object_set_string_member (properties, key, json);
            }
          bw_import_builder_report_once (builder, _("OTM attributes are kept as properties named “otm_…”"));
        }
    }
}

static gboolean
add_assets_of (JsonArray  *array,
               BwElement  *element,
               GHashTable *assets)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *ours;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      ours = g_hash_table_lookup (assets, json_node_get_string (node));
      if (ours != NULL)
        bw_import_builder_add_element_asset (element, ours);
    }
  return TRUE;
}

static gboolean
import_threat_refs (BwImportBuilder *builder,
                    JsonObject      *object,
                    const char      *path,
                    BwElement       *element,
                    GHashTable      *threats,
                    GHashTable      *mitigations,
                    GHashTable      *used,
                    GError         **error)
{
  JsonArray *refs = NULL;
  g_autofree char *refs_path = bw_import_json_path (path, "threats");

  if (!bw_import_json_array (object, path, "threats", FALSE, &refs, error))
    return FALSE;
  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    {
      g_autofree char *where = bw_import_json_index (refs_path, i);
      g_autofree char *mit_path = bw_import_json_path (where, "mitigations");
      JsonObject *ref = bw_import_json_element_object (refs, i, refs_path, error);
      JsonObject *threat, *risk = NULL;
      JsonArray *categories = NULL, *cwes = NULL, *mits = NULL;
      const char *threat_id = NULL, *state = NULL, *name = "", *description = "";
      const char *likelihood_comment = NULL, *impact_comment = NULL;
      const char *category = NULL, *first_category = NULL, *status = "not_started", *treatment = "none";
      g_autoptr(GString) text = NULL;
      g_autoptr(GString) rationale = g_string_new (NULL);
      g_autofree char *detail = NULL;
      g_autofree char *threat_path = NULL;
      double likelihood = -1, impact = -1;
      BwThreat *ours;

      if (ref == NULL
          || !bw_import_json_string (ref, where, "threat", &threat_id, error)
          || !bw_import_json_string (ref, where, "state", &state, error)
          || !bw_import_json_array (ref, where, "mitigations", FALSE, &mits, error))
        return FALSE;
      threat = threat_id ? g_hash_table_lookup (threats, threat_id) : NULL;
      if (threat == NULL)
        {
          bw_import_builder_report (builder, _("“%s” refers to the unknown threat “%s”; not imported"),
                                    bw_element_get_name (element), threat_id ? threat_id : "");
          continue;
        }
      g_hash_table_add (used, (gpointer) threat_id);
      threat_path = g_strdup_printf ("threats[id=%s]", threat_id);
      if (!bw_import_json_string (threat, threat_path, "name", &name, error)
          || !bw_import_json_string (threat, threat_path, "description", &description, error)
          || !bw_import_json_array (threat, threat_path, "categories", FALSE, &categories, error)
          || !bw_import_json_array (threat, threat_path, "cwes", FALSE, &cwes, error)
          || !bw_import_json_object (threat, threat_path, "risk", FALSE, &risk, error))
        return FALSE;
      if (risk != NULL)
        {
          g_autofree char *risk_path = bw_import_json_path (threat_path, "risk");

          if (!bw_import_json_number (risk, risk_path, "likelihood", &likelihood, error)
              || !bw_import_json_number (risk, risk_path, "impact", &impact, error)
              || !bw_import_json_string (risk, risk_path, "likelihoodComment", &likelihood_comment, error)
              || !bw_import_json_string (risk, risk_path, "impactComment", &impact_comment, error))
            return FALSE;
        }

      text = g_string_new (description);
      /* The category the basic table gives this element wins, so the
       * threat can become the derived one. */
      for (guint c = 0; categories != NULL && c < json_array_get_length (categories); c++)
        {
          JsonNode *node = json_array_get_element (categories, c);
          const char *mapped;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            continue;
          mapped = bw_import_category_from_name (json_node_get_string (node));
          if (mapped == NULL)
            continue;
          if (first_category == NULL)
            first_category = mapped;
          if (category == NULL && bw_import_basic_table_has (element, mapped))
            category = mapped;
        }
      if (category == NULL)
        category = first_category;
      if (categories != NULL && json_array_get_length (categories) > 0)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint c = 0; c < json_array_get_length (categories); c++)
            {
              JsonNode *node = json_array_get_element (categories, c);

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                g_string_append_printf (list, "%s%s", list->len ? ", " : "", json_node_get_string (node));
            }
          if (json_array_get_length (categories) > 1 || first_category == NULL)
            g_string_append_printf (text, "%sOTM categories: %s", text->len ? "\n\n" : "", list->str);
        }
      if (category == NULL)
        {
          category = bw_import_first_category_of (element);
          bw_import_builder_report (builder, _("Threat “%s” on “%s” has no STRIDE category; imported as %s"),
                                    name, bw_element_get_name (element), category);
        }
      if (cwes != NULL && json_array_get_length (cwes) > 0)
        {
          g_string_append_printf (text, "%sCWE:", text->len ? "\n\n" : "");
          for (guint c = 0; c < json_array_get_length (cwes); c++)
            {
              JsonNode *node = json_array_get_element (cwes, c);

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                g_string_append_printf (text, "%s %s", c ? "," : "", json_node_get_string (node));
            }
        }
      if (likelihood_comment != NULL && *likelihood_comment != '\0')
        g_string_append_printf (text, "%sLikelihood: %s", text->len ? "\n\n" : "", likelihood_comment);
      if (impact_comment != NULL && *impact_comment != '\0')
        g_string_append_printf (text, "%sImpact: %s", text->len ? "\n\n" : "", impact_comment);

      for (guint m = 0; mits != NULL && m < json_array_get_length (mits); m++)
        {
          g_autofree char *mwhere = bw_import_json_index (mit_path, m);
          JsonObject *mref = bw_import_json_element_object (mits, m, mit_path, error);
          const char *mid = NULL, *mstate = NULL, *mname = NULL, *mdesc = NULL;
          JsonObject *mitigation;

          if (mref == NULL
              || !bw_import_json_string (mref, mwhere, "mitigation", &mid, error)
              || !bw_import_json_string (mref, mwhere, "state", &mstate, error))
            return FALSE;
          mitigation = mid ? g_hash_table_lookup (mitigations, mid) : NULL;
          if (mitigation != NULL)
            {
              g_hash_table_add (used, (gpointer) mid);
              bw_import_json_string (mitigation, "mitigations", "name", &mname, NULL);
              bw_import_json_string (mitigation, "mitigations", "description", &mdesc, NULL);
            }
          g_string_append_printf (rationale, "%s%s%s%s (%s)", rationale->len ? "\n" : "",
                                  mname ? mname : (mid ? mid : ""),
                                  mdesc && *mdesc ? ": " : "", mdesc ? mdesc : "", mstate ? mstate : "");
        }

      if (state == NULL || g_ascii_strcasecmp (state, "exposed") == 0 || g_ascii_strcasecmp (state, "open") == 0)
        status = "not_started";
      else if (g_ascii_strcasecmp (state, "mitigated") == 0)
        status = "addressed", treatment = "mitigate";
      else if (g_ascii_strcasecmp (state, "partly-mitigated") == 0 || g_ascii_strcasecmp (state, "partly_mitigated") == 0)
        status = "needs_investigation", treatment = "mitigate";
      else if (g_ascii_strcasecmp (state, "not-applicable") == 0 || g_ascii_strcasecmp (state, "not_applicable") == 0)
        status = "not_applicable";
      else if (g_ascii_strcasecmp (state, "accepted") == 0)
        status = "addressed", treatment = "accept";
      else if (g_ascii_strcasecmp (state, "transferred") == 0)
        status = "addressed", treatment = "transfer";
      else
        {
          bw_import_builder_report (builder, _("Threat “%s” on “%s”: unknown state “%s”, imported as not started"),
                                    name, bw_element_get_name (element), state);
          g_string_append_printf (text, "%sOTM state: %s", text->len ? "\n\n" : "", state);
        }
      if (g_str_equal (treatment, "none") && rationale->len > 0)
        treatment = "mitigate";
      if (!g_str_equal (treatment, "none") && rationale->len == 0)
        g_string_append_printf (rationale, _("Threat state in OTM: %s"), state);

      detail = g_strdup_printf (_("Imported from Open Threat Model (threat %s)"), threat_id);
      ours = bw_import_builder_add_threat (builder, element, category, name, text->str, status, treatment,
                                           rationale->str, impact >= 0 ? scale_of (impact) : 0, detail);
      if (likelihood >= 0)
        {
          BwRisk *risk_record = bw_threat_get_risk (ours);

          if (risk_record == NULL)
            {
              g_autoptr(BwRisk) created = g_object_new (BW_TYPE_RISK, NULL);

              g_object_set (ours, "risk", created, NULL);
              risk_record = bw_threat_get_risk (ours);
            }
          g_object_set (risk_record, "exploitability", scale_of (likelihood), NULL);
        }
    }
  return TRUE;
}

/* The diagram's components of `zone` (NULL: outside every zone). */
static GPtrArray *
members_of (GPtrArray  *components,
            const char *diagram,
            Zone       *zone)
{
  GPtrArray *members = g_ptr_array_new ();

  for (guint i = 0; i < components->len; i++)
    {
      Component *c = g_ptr_array_index (components, i);

      if (g_strcmp0 (c->diagram, diagram) == 0 && g_strcmp0 (c->zone, zone ? zone->id : NULL) == 0)
        g_ptr_array_add (members, c);
    }
  return members;
}

/* Where "Arrange" starts from: one column per zone, each component inside
 * its zone's box, so that the box's clusters hold exactly its components.
 * The positions themselves do not matter; Graphviz replaces them. */
static void
place (BwImportBuilder *builder,
       const char      *diagram,
       GPtrArray       *components,
       GPtrArray       *zones)
{
  double x = 40;

  for (guint z = 0; z <= zones->len; z++)
    {
      Zone *zone = z < zones->len ? g_ptr_array_index (zones, z) : NULL;
      g_autoptr(GPtrArray) members = members_of (components, diagram, zone);
      double pad = zone ? ZONE_PAD : 0;
      double top = 40 + (zone ? ZONE_PAD + 20 : 0);

      if (members->len == 0)
        continue;
      for (guint i = 0; i < members->len; i++)
        {
          Component *c = g_ptr_array_index (members, i);

          c->element = bw_import_builder_add_node (builder, c->kind, diagram, c->name, x + pad,
                                                   top + i * (NODE_HEIGHT + GAP_Y), NODE_WIDTH, NODE_HEIGHT);
        }
      if (zone != NULL)
        {
          BwElement *box = bw_import_builder_add_box (builder, diagram, zone->name, x, 40, NODE_WIDTH + 2 * pad,
                                                      members->len * (NODE_HEIGHT + GAP_Y) - GAP_Y
                                                      + 2 * ZONE_PAD + 20);

          bw_import_builder_append_description (BW_RECORD (box), zone->description);
        }
      x += NODE_WIDTH + 2 * pad + ZONE_GAP;
    }
}

/* An empty zone is still drawn on the first diagram, so it is not lost:
 * in a row below the arranged diagram, where it cannot take in a node. */
static void
add_empty_zones (BwImportBuilder *builder,
                 const char      *diagram,
                 GPtrArray       *components,
                 GPtrArray       *zones)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (builder->project, diagram);
  double left = G_MAXDOUBLE, bottom = 0;
  double x;

  for (guint i = 0; i < elements->len; i++)
    {
      BwRect r;

      if (bw_element_get_rect (g_ptr_array_index (elements, i), &r))
        {
          left = MIN (left, r.x);
          bottom = MAX (bottom, r.y + r.height);
        }
    }
  x = left == G_MAXDOUBLE ? 40 : left;
  for (guint z = 0; z < zones->len; z++)
    {
      Zone *zone = g_ptr_array_index (zones, z);
      g_autoptr(GPtrArray) members = members_of (components, diagram, zone);
      BwElement *box;

      if (members->len > 0)
        continue;
      box = bw_import_builder_add_box (builder, diagram, zone->name, x, bottom + ZONE_GAP,
                                       NODE_WIDTH + 2 * ZONE_PAD, NODE_HEIGHT + 2 * ZONE_PAD);
      bw_import_builder_append_description (BW_RECORD (box), zone->description);
      x += NODE_WIDTH + 2 * ZONE_PAD + ZONE_GAP;
    }
}

static const char *
diagram_of (JsonObject *object,
            GHashTable *diagrams,
            const char *fallback)
{
  JsonNode *node = json_object_get_member (object, "representations");
  JsonArray *reps;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fallback;
  reps = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (reps); i++)
    {
      JsonNode *rep = json_array_get_element (reps, i);
      JsonNode *which;

      if (!JSON_NODE_HOLDS_OBJECT (rep))
        continue;
      which = json_object_get_member (json_node_get_object (rep), "representation");
      if (which != NULL && JSON_NODE_HOLDS_VALUE (which) && json_node_get_value_type (which) == G_TYPE_STRING
          && g_hash_table_contains (diagrams, json_node_get_string (which)))
        return g_hash_table_lookup (diagrams, json_node_get_string (which));
    }
  return fallback;
}

BwProject *
bw_import_otm (JsonNode   *root,
               GPtrArray **report,
               GError    **error)
{
  g_autoptr(BwImportBuilder) builder = NULL;
  g_autoptr(GHashTable) assets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) diagrams = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) zones_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) threats = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mitigations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) components = g_ptr_array_new_with_free_func ((GDestroyNotify) component_free);
  g_autoptr(GPtrArray) diagram_ids = g_ptr_array_new ();
  JsonObject *object, *project = NULL;
  JsonArray *array = NULL, *flows = NULL;
  const char *title = "", *description = "", *owner = NULL, *version = NULL;
  const char *fallback = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      bw_import_json_fail (error, "", _("an Open Threat Model is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!bw_import_json_string (object, "", "otmVersion", &version, error)
      || !bw_import_json_object (object, "", "project", TRUE, &project, error)
      || !bw_import_json_string (project, "project", "name", &title, error)
      || !bw_import_json_string (project, "project", "description", &description, error)
      || !bw_import_json_string (project, "project", "owner", &owner, error))
    return NULL;

  builder = bw_import_builder_new ("Open Threat Model");
  g_object_set (bw_project_get_model (builder->project), "title", title, "description", description, NULL);
  if (owner != NULL && *owner != '\0')
    {
      const char *authors[] = { owner, NULL };

      g_object_set (bw_project_get_model (builder->project), "authors", authors, NULL);
    }
  if (!import_assets (builder, object, assets, error))
    return NULL;

  /* Diagrams. */
  if (!bw_import_json_array (object, "", "representations", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("representations", i);
      JsonObject *rep = bw_import_json_element_object (array, i, "representations", error);
      const char *id = NULL, *name = "", *type = NULL;
      BwDiagram *diagram;

      if (rep == NULL
          || !bw_import_json_string (rep, where, "id", &id, error)
          || !bw_import_json_string (rep, where, "name", &name, error)
          || !bw_import_json_string (rep, where, "type", &type, error))
        return NULL;
      if (id == NULL || g_strcmp0 (type, "diagram") != 0)
        {
          bw_import_builder_report (builder, _("The representation “%s” (%s) is not a diagram; not imported"),
                                    name, type ? type : _("no type"));
          continue;
        }
      diagram = bw_import_builder_add_diagram (builder, name);
      g_hash_table_insert (diagrams, (gpointer) id, (gpointer) bw_record_get_id (BW_RECORD (diagram)));
      g_ptr_array_add (diagram_ids, (gpointer) bw_record_get_id (BW_RECORD (diagram)));
    }
  if (diagram_ids->len == 0)
    {
      BwDiagram *diagram = bw_import_builder_add_diagram (builder, *title ? title : _("Diagram"));

      g_ptr_array_add (diagram_ids, (gpointer) bw_record_get_id (BW_RECORD (diagram)));
    }
  fallback = g_ptr_array_index (diagram_ids, 0);

  /* Trust zones. */
  array = NULL;
  if (!bw_import_json_array (object, "", "trustZones", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("trustZones", i);
      JsonObject *tz = bw_import_json_element_object (array, i, "trustZones", error);
      Zone *zone;

      if (tz == NULL)
        return NULL;
      zone = g_new0 (Zone, 1);
      zone->name = "";
      zone->description = "";
      g_ptr_array_add (zones, zone);
      if (!bw_import_json_string (tz, where, "id", &zone->id, error)
          || !bw_import_json_string (tz, where, "name", &zone->name, error)
          || !bw_import_json_string (tz, where, "description", &zone->description, error))
        return NULL;
      if (zone->id == NULL)
        {
          bw_import_json_fail (error, where, _("a trust zone needs an “id”"));
          return NULL;
        }
      if (json_object_has_member (tz, "parent"))
        bw_import_builder_report (builder, _("The trust zone “%s” is nested in another; drawn beside it"), zone->name);
      g_hash_table_insert (zones_by_id, (gpointer) zone->id, zone);
    }

  /* Components. */
  array = NULL;
  if (!bw_import_json_array (object, "", "components", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("components", i);
      JsonObject *co = bw_import_json_element_object (array, i, "components", error);
      JsonObject *parent = NULL;
      JsonArray *tags = NULL;
      const char *type = NULL, *parent_component = NULL;
      g_autofree char *parent_path = NULL;
      Component *c;

      if (co == NULL)
        return NULL;
      c = g_new0 (Component, 1);
      c->object = co;
      c->path = g_strdup (where);
      c->name = "";
      g_ptr_array_add (components, c);
      parent_path = bw_import_json_path (where, "parent");
      if (!bw_import_json_string (co, where, "id", &c->id, error)
          || !bw_import_json_string (co, where, "name", &c->name, error)
          || !bw_import_json_string (co, where, "type", &type, error)
          || !bw_import_json_array (co, where, "tags", FALSE, &tags, error)
          || !bw_import_json_object (co, where, "parent", FALSE, &parent, error)
          || (parent && !bw_import_json_string (parent, parent_path, "trustZone", &c->zone, error))
          || (parent && !bw_import_json_string (parent, parent_path, "component", &parent_component, error)))
        return NULL;
      if (c->id == NULL)
        {
          bw_import_json_fail (error, where, _("a component needs an “id”"));
          return NULL;
        }
      if (c->zone != NULL && !g_hash_table_contains (zones_by_id, c->zone))
        {
          bw_import_builder_report (builder, _("The component “%s” is in the unknown trust zone “%s”; placed outside every zone"),
                                    c->name, c->zone);
          c->zone = NULL;
        }
      if (parent_component != NULL)
        {
          Component *p = g_hash_table_lookup (by_id, parent_component);

          bw_import_builder_report (builder, _("The component “%s” is part of “%s”; drawn as an element of its own"),
                                    c->name, parent_component);
          if (p != NULL && c->zone == NULL)
            c->zone = p->zone;
        }
      c->kind = kind_of (type, tags, NULL);
      c->diagram = diagram_of (co, diagrams, fallback);
      if (!g_hash_table_insert (by_id, (gpointer) c->id, c))
        {
          bw_import_json_fail (error, where, _("the component ID “%s” is used twice"), c->id);
          return NULL;
        }
    }

  /* Threats and mitigations, by ID. */
  array = NULL;
  if (!bw_import_json_array (object, "", "threats", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("threats", i);
      JsonObject *th = bw_import_json_element_object (array, i, "threats", error);
      const char *id = NULL;

      if (th == NULL || !bw_import_json_string (th, where, "id", &id, error))
        return NULL;
      if (id != NULL)
        g_hash_table_insert (threats, (gpointer) id, th);
    }
  array = NULL;
  if (!bw_import_json_array (object, "", "mitigations", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = bw_import_json_index ("mitigations", i);
      JsonObject *mi = bw_import_json_element_object (array, i, "mitigations", error);
      const char *id = NULL;

      if (mi == NULL || !bw_import_json_string (mi, where, "id", &id, error))
        return NULL;
      if (id != NULL)
        g_hash_table_insert (mitigations, (gpointer) id, mi);
    }

  if (!bw_import_json_array (object, "", "dataflows", FALSE, &flows, error))
    return NULL;

  for (guint d = 0; d < diagram_ids->len; d++)
    place (builder, g_ptr_array_index (diagram_ids, d), components, zones);

  for (guint i = 0; i < components->len; i++)
    {
      Component *c = g_ptr_array_index (components, i);
      const char *desc = "";
      JsonObject *a = NULL;
      g_autofree char *apath = bw_import_json_path (c->path, "assets");

      if (!bw_import_json_string (c->object, c->path, "description", &desc, error)
          || !bw_import_json_object (c->object, c->path, "assets", FALSE, &a, error))
        return NULL;
      bw_import_builder_append_description (BW_RECORD (c->element), desc);
      keep_extras (builder, c->element, c->object);
      if (a != NULL)
        {
          JsonArray *processed = NULL, *stored = NULL;

          if (!bw_import_json_array (a, apath, "processed", FALSE, &processed, error)
              || !bw_import_json_array (a, apath, "stored", FALSE, &stored, error))
            return NULL;
          add_assets_of (processed, c->element, assets);
          add_assets_of (stored, c->element, assets);
        }
      if (!import_threat_refs (builder, c->object, c->path, c->element, threats, mitigations, used, error))
        return NULL;
    }

  for (guint i = 0; flows != NULL && i < json_array_get_length (flows); i++)
    {
      g_autofree char *where = bw_import_json_index ("dataflows", i);
      JsonObject *fl = bw_import_json_element_object (flows, i, "dataflows", error);
      const char *name = "", *source = NULL, *target = NULL, *desc = "";
      gboolean bidirectional = FALSE;
      JsonArray *flow_assets = NULL;
      Component *s, *t;
      BwElement *flow;

      if (fl == NULL
          || !bw_import_json_string (fl, where, "name", &name, error)
          || !bw_import_json_string (fl, where, "description", &desc, error)
          || !bw_import_json_string (fl, where, "source", &source, error)
          || !bw_import_json_string (fl, where, "destination", &target, error)
          || !bw_import_json_bool (fl, where, "bidirectional", &bidirectional, error)
          || !bw_import_json_array (fl, where, "assets", FALSE, &flow_assets, error))
        return NULL;
      s = source ? g_hash_table_lookup (by_id, source) : NULL;
      t = target ? g_hash_table_lookup (by_id, target) : NULL;
      if (s == NULL || t == NULL)
        {
          bw_import_builder_report (builder, _("The data flow “%s” connects an unknown component; not imported"), name);
          continue;
        }
      if (g_strcmp0 (s->diagram, t->diagram) != 0)
        {
          bw_import_builder_report (builder, _("The data flow “%s” connects components on different diagrams; not imported"), name);
          continue;
        }
      flow = bw_import_builder_add_flow (builder, s->diagram, name, bw_record_get_id (BW_RECORD (s->element)),
                                         bw_record_get_id (BW_RECORD (t->element)), NULL);
      if (bidirectional)
        g_object_set (flow, "bidirectional", TRUE, NULL);
      bw_import_builder_append_description (BW_RECORD (flow), desc);
      keep_extras (builder, flow, fl);
      add_assets_of (flow_assets, flow, assets);
      if (!import_threat_refs (builder, fl, where, flow, threats, mitigations, used, error))
        return NULL;
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, threats);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!g_hash_table_contains (used, key))
        {
          const char *name = key;

          bw_import_json_string (value, "", "name", &name, NULL);
          bw_import_builder_report (builder, _("The threat “%s” is not attached to any component or flow; not imported"), name);
        }
    g_hash_table_iter_init (&iter, mitigations);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!g_hash_table_contains (used, key))
        {
          const char *name = key;

          bw_import_json_string (value, "", "name", &name, NULL);
          bw_import_builder_report (builder, _("The mitigation “%s” is not used by any threat; not imported"), name);
        }
  }

  /* With the flows in, Graphviz can lay each diagram out; a refusal
   * leaves the starting placement, which is still a readable one. */
  for (guint d = 0; d < diagram_ids->len; d++)
    {
      const char *diagram = g_ptr_array_index (diagram_ids, d);
      g_autoptr(GError) local_error = NULL;

      if (!bw_diagram_arrange_now (builder->project, diagram, &local_error))
        bw_import_builder_report (builder, _("The diagram could not be arranged: %s"), local_error->message);
      if (d == 0)
        add_empty_zones (builder, diagram, components, zones);
    }
  return bw_import_builder_finish (builder, report, error);
}
