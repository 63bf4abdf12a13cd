/* bw-import-tm7.c — Microsoft Threat Modeling Tool models (.tm7) into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A .tm7 file is a .NET DataContract serialisation: <ThreatModel> holds
 * <DrawingSurfaceList> (one <DrawingSurfaceModel> per diagram, its
 * stencils under <Borders> and its connectors under <Lines>, each a
 * <KeyValueOfguidanyType> whose <Value> has <GenericTypeId> GE.EI, GE.P,
 * GE.DS, GE.TB.B, GE.DF or GE.TB.L), <MetaInformation> and
 * <ThreatInstances>.  Elements carry typed <Properties> (DisplayName,
 * Value, SelectedIndex for lists).  The namespaces vary between versions,
 * so elements are matched by local name only.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bw-command-arrange.h"
#include "bw-import.h"
#include "bw-import-builder.h"
#include "bw-import-tm7.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content;
  char *copy;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  copy = g_strdup ((const char *) content);
  xmlFree (content);
  return copy ? g_strstrip (copy) : NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  return text_of (child (node, name));
}

static double
child_number (xmlNode    *node,
              const char *name,
              double      fallback)
{
  g_autofree char *text = child_text (node, name);
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return fallback;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || fabs (value) > 1e9)
    return fallback;
  return value;
}

gboolean
bw_import_tm7_detect (const char *data,
                      gsize       length)
{
  g_autofree char *head = g_strndup (data, MIN (length, 4096));

  return strstr (head, "<ThreatModel") != NULL;
}

typedef struct
{
  BwImportBuilder *builder;
  GHashTable      *elements;  /* TMT guid → BwElement (borrowed) */
} Tm7Context;

/* TMT display names → our vocabulary, for Yes/True values. */
static const struct { const char *display; const char *ours; } flag_map[] = {
  { "Provides Confidentiality", "encrypted" },
  { "Encrypted", "encrypted" },
  { "Provides Integrity", "integrity_protected" },
  { "Source Authenticated", "authenticated" },
  { "Signed", "signed" },
  { "Stores Credentials", "stores_credentials" },
  { "Stores Log Data", "is_log" },
  { "Stores Logs", "is_log" },
};

static void
import_properties (Tm7Context *ctx,
                   xmlNode    *value,
                   BwElement  *element,
                   char      **name)
{
  xmlNode *properties = child (value, "Properties");
  JsonObject *props = element ? bw_element_get_properties (element) : NULL;

  for (xmlNode *p = properties ? properties->children : NULL; p != NULL; p = p->next)
    {
      g_autofree char *display = NULL;
      g_autofree char *text = NULL;
      xmlNode *v;

      if (p->type != XML_ELEMENT_NODE)
        continue;
      display = child_text (p, "DisplayName");
      v = child (p, "Value");
      if (display == NULL || v == NULL)
        continue;
      if (child (v, "string") != NULL)
        {
          /* A list: the selected entry counts. */
          double index = child_number (p, "SelectedIndex", -1);
          int i = 0;

          for (xmlNode *s = v->children; s != NULL; s = s->next)
            if (is (s, "string"))
              {
                if (i == (int) index)
                  text = text_of (s);
                i++;
              }
        }
      else
        text = text_of (v);
      if (text == NULL || *text == '\0' || g_ascii_strcasecmp (text, "Not Selected") == 0)
        continue;

      if (g_str_equal (display, "Name"))
        {
          g_free (*name);
          *name = g_steal_pointer (&text);
          continue;
        }
      if (element == NULL)
        continue;
      if (g_str_equal (display, "Out Of Scope"))
        {
          g_object_set (element, "out-of-scope", g_ascii_strcasecmp (text, "true") == 0, NULL);
          continue;
        }
      if (g_str_equal (display, "Reason For Out Of Scope"))
        {
          g_object_set (element, "out-of-scope-reason", text, NULL);
          continue;
        }
      {
        gboolean yes = g_ascii_strcasecmp (text, "Yes") == 0 || g_ascii_strcasecmp (text, "True") == 0;
        gboolean no = g_ascii_strcasecmp (text, "No") == 0 || g_ascii_strcasecmp (text, "False") == 0;
        gboolean mapped = FALSE;
        g_autofree char *key = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (flag_map); i++)
          if (g_str_equal (display, flag_map[i].display) && (yes || no))
            {
              if (yes)
                json_object_set_boolean_member (props, flag_map[i].ours, TRUE);
              mapped = TRUE;
            }
        if (mapped)
          continue;
        key = bw_import_snake_case (display);
        bw_import_builder_report_once (ctx->builder,
                                       _("The Threat Modeling Tool property “%s” has no equivalent in Bulwark; kept as the property “%s”"),
                                       display, key);
        if (yes || no)
          json_object_set_boolean_member (props, key, yes);
        else
          json_object_set_string_member (props, key, text);
      }
    }
}

static void
import_stencil (Tm7Context *ctx,
                const char *diagram,
                const char *surface,
                xmlNode    *value,
                gboolean    line)
{
  g_autofree char *generic = child_text (value, "GenericTypeId");
  g_autofree char *guid = child_text (value, "Guid");
  g_autofree char *type_id = child_text (value, "TypeId");
  g_autofree char *name = NULL;
  BwElement *element = NULL;

  if (generic == NULL)
    {
      bw_import_builder_report (ctx->builder, _("Diagram “%s”: a shape without a generic type; not imported"), surface);
      return;
    }
  if (!line)
    {
      double x = child_number (value, "Left", 0), y = child_number (value, "Top", 0);
      double w = child_number (value, "Width", 100), h = child_number (value, "Height", 100);

      if (g_str_equal (generic, "GE.EI") || g_str_equal (generic, "GE.P") || g_str_equal (generic, "GE.DS"))
        {
          BwElementKind kind = g_str_equal (generic, "GE.EI") ? BW_ELEMENT_EXTERNAL_ENTITY
                               : g_str_equal (generic, "GE.P") ? BW_ELEMENT_PROCESS : BW_ELEMENT_DATA_STORE;

          element = bw_import_builder_add_node (ctx->builder, kind, diagram, "", x, y, w, h);
        }
      else if (g_str_has_prefix (generic, "GE.TB"))
        element = bw_import_builder_add_box (ctx->builder, diagram, "", x, y, w, h);
      else
        {
          g_autofree char *label = NULL;

          import_properties (ctx, value, NULL, &label);
          bw_import_builder_report (ctx->builder, _("Diagram “%s”: the shape “%s” (%s) is not a model element; not imported"),
                                    surface, label ? label : "", generic);
          return;
        }
    }
  else
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *source = child_text (value, "SourceGuid");
      g_autofree char *target = child_text (value, "TargetGuid");
      double sx = child_number (value, "SourceX", 0), sy = child_number (value, "SourceY", 0);
      double tx = child_number (value, "TargetX", 0), ty = child_number (value, "TargetY", 0);
      double hx = child_number (value, "HandleX", NAN), hy = child_number (value, "HandleY", NAN);

      /* The handle is the control point of TMT's quadratic curve; the
       * curve's midpoint is what we bend through, and nearly straight
       * curves need no bend at all. */
      if (!isnan (hx) && !isnan (hy))
        {
          double mx = 0.25 * sx + 0.5 * hx + 0.25 * tx;
          double my = 0.25 * sy + 0.5 * hy + 0.25 * ty;
          double cx = (sx + tx) / 2, cy = (sy + ty) / 2;

          hx = mx;
          hy = my;
          if (hypot (mx - cx, my - cy) < 4)
            hx = hy = NAN;
        }

      if (g_str_equal (generic, "GE.DF"))
        {
          BwElement *from = source ? g_hash_table_lookup (ctx->elements, source) : NULL;
          BwElement *to = target ? g_hash_table_lookup (ctx->elements, target) : NULL;

          if (from == NULL || to == NULL || !bw_element_is_node (from) || !bw_element_is_node (to))
            {
              g_autofree char *label = NULL;

              import_properties (ctx, value, NULL, &label);
              bw_import_builder_report (ctx->builder,
                                        _("Diagram “%s”: the data flow “%s” is not connected to an element at both ends; not imported"),
                                        surface, label ? label : "");
              return;
            }
          if (!isnan (hx) && !isnan (hy))
            bw_import_point_append (points, hx, hy);
          element = bw_import_builder_add_flow (ctx->builder, diagram, "", bw_record_get_id (BW_RECORD (from)),
                                                bw_record_get_id (BW_RECORD (to)), points);
        }
      else if (g_str_has_prefix (generic, "GE.TB"))
        {
          bw_import_point_append (points, sx, sy);
          if (!isnan (hx) && !isnan (hy))
            bw_import_point_append (points, hx, hy);
          bw_import_point_append (points, tx, ty);
          element = bw_import_builder_add_line (ctx->builder, diagram, "", points);
        }
      else
        {
          bw_import_builder_report (ctx->builder, _("Diagram “%s”: the connector type %s is unknown; not imported"),
                                    surface, generic);
          return;
        }
    }

  import_properties (ctx, value, bw_element_is_node (element) || bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW
                                 ? element : NULL, &name);
  g_object_set (element, "name", name ? name : "", NULL);
  if (type_id != NULL && *type_id != '\0' && !g_str_equal (type_id, generic)
      && bw_element_get_kind_enum (element) != BW_ELEMENT_TRUST_BOUNDARY)
    json_object_set_string_member (bw_element_get_properties (element), "tmt_type", type_id);
  if (guid != NULL)
    g_hash_table_insert (ctx->elements, g_steal_pointer (&guid), element);
}

static const char *
status_of (const char *state,
           const char **treatment)
{
  *treatment = "none";
  if (state == NULL)
    return "not_started";
  if (g_ascii_strcasecmp (state, "Mitigated") == 0)
    {
      *treatment = "mitigate";
      return "addressed";
    }
  if (g_ascii_strcasecmp (state, "NotApplicable") == 0)
    return "not_applicable";
  if (g_ascii_strcasecmp (state, "NeedsInvestigation") == 0)
    return "needs_investigation";
  return "not_started";
}

static char *
threat_property (xmlNode    *value,
                 const char *key)
{
  xmlNode *properties = child (value, "Properties");

  for (xmlNode *p = properties ? properties->children : NULL; p != NULL; p = p->next)
    {
      g_autofree char *k = child_text (p, "Key");

      if (g_strcmp0 (k, key) == 0)
        return child_text (p, "Value");
    }
  return NULL;
}

static void
import_threat (Tm7Context *ctx,
               xmlNode    *value)
{
  g_autofree char *state = child_text (value, "State");
  g_autofree char *priority = child_text (value, "Priority");
  g_autofree char *justification = child_text (value, "StateInformation");
  g_autofree char *flow_guid = child_text (value, "FlowGuid");
  g_autofree char *source_guid = child_text (value, "SourceGuid");
  g_autofree char *target_guid = child_text (value, "TargetGuid");
  g_autofree char *id = child_text (value, "Id");
  g_autofree char *type_id = child_text (value, "TypeId");
  g_autofree char *title = threat_property (value, "Title");
  g_autofree char *category_name = threat_property (value, "UserThreatCategory");
  g_autofree char *description = threat_property (value, "UserThreatDescription");
  g_autofree char *detail = NULL;
  BwElement *flow = flow_guid ? g_hash_table_lookup (ctx->elements, flow_guid) : NULL;
  BwElement *source = source_guid ? g_hash_table_lookup (ctx->elements, source_guid) : NULL;
  BwElement *target = target_guid ? g_hash_table_lookup (ctx->elements, target_guid) : NULL;
  BwElement *on = flow != NULL && bw_element_get_kind_enum (flow) == BW_ELEMENT_DATA_FLOW ? flow : target;
  const char *category = bw_import_category_from_name (category_name);
  const char *treatment;
  const char *status = status_of (state, &treatment);
  int severity = 0;
  BwThreat *threat;

  if (title == NULL)
    title = child_text (value, "Title");
  if (on == NULL || !(bw_element_is_node (on) || bw_element_get_kind_enum (on) == BW_ELEMENT_DATA_FLOW))
    {
      bw_import_builder_report (ctx->builder, _("The threat “%s” refers to no element of the diagrams; not imported"),
                                title ? title : (id ? id : ""));
      return;
    }
  if (category == NULL)
    {
      category = bw_import_first_category_of (on);
      bw_import_builder_report (ctx->builder, _("The threat “%s”: the category “%s” is not a STRIDE category; imported as %s"),
                                title ? title : "", category_name ? category_name : "", category);
    }
  if (priority != NULL && *priority != '\0')
    {
      severity = g_ascii_strcasecmp (priority, "High") == 0 ? 4
                 : g_ascii_strcasecmp (priority, "Medium") == 0 ? 3
                 : g_ascii_strcasecmp (priority, "Low") == 0 ? 2 : 0;
      bw_import_builder_report_once (ctx->builder, _("Threat priorities (High, Medium, Low) were mapped onto the severities Critical, Serious and Minor"));
    }
  if (g_str_equal (treatment, "mitigate") && (justification == NULL || *justification == '\0'))
    {
      g_free (justification);
      justification = g_strdup (_("Mitigated in the Threat Modeling Tool."));
    }
  detail = g_strdup_printf (_("Imported from the Microsoft Threat Modeling Tool (threat %s, %s)"),
                            id ? id : "?", type_id ? type_id : "?");
  threat = bw_import_builder_add_threat (ctx->builder, on, category, title, description, status, treatment,
                                         justification, severity, detail);
  /* TMT enumerates interactions: keep the triple when it is the flow's. */
  if (on == flow && source != NULL && target != NULL
      && g_strcmp0 (bw_element_get_source (flow), bw_record_get_id (BW_RECORD (source))) == 0
      && g_strcmp0 (bw_element_get_target (flow), bw_record_get_id (BW_RECORD (target))) == 0)
    {
      const char *interaction[] = { bw_record_get_id (BW_RECORD (source)), bw_record_get_id (BW_RECORD (flow)),
                                    bw_record_get_id (BW_RECORD (target)), NULL };

      g_object_set (threat, "interaction", interaction, NULL);
    }
}

/* Children <KeyValueOf…> of `list`, each with a <Value>. */
static void
each_value (xmlNode  *list,
            void    (*func) (gpointer, xmlNode *),
            gpointer  data)
{
  for (xmlNode *kv = list ? list->children : NULL; kv != NULL; kv = kv->next)
    {
      xmlNode *value = child (kv, "Value");

      if (kv->type == XML_ELEMENT_NODE && value != NULL)
        func (data, value);
    }
}

typedef struct
{
  Tm7Context *ctx;
  const char *diagram;
  const char *surface;
  gboolean    line;
} StencilPass;

static void
stencil_cb (gpointer data,
            xmlNode *value)
{
  StencilPass *pass = data;

  import_stencil (pass->ctx, pass->diagram, pass->surface, value, pass->line);
}

static void
threat_cb (gpointer data,
           xmlNode *value)
{
  import_threat (data, value);
}

BwProject *
bw_import_tm7 (const char  *data,
               gsize        length,
               GPtrArray  **report,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(BwImportBuilder) builder = NULL;
  g_autoptr(GHashTable) elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Tm7Context ctx;
  xmlNode *root, *surfaces, *meta;
  guint n_surfaces = 0;

  if (length > G_MAXINT)
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_INVALID, _("The file is too large."));
      return NULL;
    }
  /* No network, no entity expansion: a model file must not reach out. */
  doc = xmlReadMemory (data, (int) length, "model.tm7", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();
      g_autofree char *message = g_strdup (xml_error && xml_error->message ? xml_error->message : _("unknown error"));

      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_SYNTAX, _("The file is not valid XML: line %d: %s"),
                   xml_error ? xml_error->line : 0, g_strstrip (message));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (!is (root, "ThreatModel"))
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_INVALID,
                   _("This is not a Threat Modeling Tool model: the root element is <%s>, not <ThreatModel>."),
                   root ? (const char *) root->name : "");
      return NULL;
    }
  surfaces = child (root, "DrawingSurfaceList");
  if (surfaces == NULL)
    {
      g_set_error (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_INVALID,
                   _("ThreatModel: the element <DrawingSurfaceList> is missing."));
      return NULL;
    }

  builder = bw_import_builder_new ("Microsoft Threat Modeling Tool");
  builder->manual_only = TRUE;
  ctx.builder = builder;
  ctx.elements = elements;

  meta = child (root, "MetaInformation");
  if (meta != NULL)
    {
      g_autofree char *name = child_text (meta, "ThreatModelName");
      g_autofree char *owner = child_text (meta, "Owner");
      g_autofree char *contributors = child_text (meta, "Contributors");
      g_autofree char *description = child_text (meta, "HighLevelSystemDescription");
      g_autofree char *assumptions = child_text (meta, "Assumptions");
      g_autofree char *dependencies = child_text (meta, "ExternalDependencies");
      g_autofree char *reviewer = child_text (meta, "Reviewer");
      g_autoptr(GStrvBuilder) authors = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      BwModel *model = bw_project_get_model (builder->project);

      g_object_set (model, "title", name ? name : "", "description", description ? description : "", NULL);
      if (owner && *owner)
        g_strv_builder_add (authors, owner);
      if (contributors && *contributors)
        g_strv_builder_add (authors, contributors);
      list = g_strv_builder_end (authors);
      g_object_set (model, "authors", list, NULL);
      if (assumptions && *assumptions)
        {
          g_autofree char *text = g_strdup_printf (_("Assumptions: %s"), assumptions);

          bw_import_builder_append_description (BW_RECORD (model), text);
          bw_import_builder_report (builder, _("The model's assumptions are kept in the model description"));
        }
      if (dependencies && *dependencies)
        {
          g_autofree char *text = g_strdup_printf (_("External dependencies: %s"), dependencies);

          bw_import_builder_append_description (BW_RECORD (model), text);
          bw_import_builder_report (builder, _("The external dependencies are kept in the model description"));
        }
      if (reviewer && *reviewer)
        {
          g_autofree char *text = g_strdup_printf (_("Reviewer: %s"), reviewer);

          bw_import_builder_append_description (BW_RECORD (model), text);
        }
    }

  for (xmlNode *surface = surfaces->children; surface != NULL; surface = surface->next)
    {
      g_autofree char *header = NULL;
      g_autofree char *name = NULL;
      BwDiagram *diagram;
      StencilPass pass;

      if (surface->type != XML_ELEMENT_NODE)
        continue;
      header = child_text (surface, "Header");
      import_properties (&ctx, surface, NULL, &name);
      diagram = bw_import_builder_add_diagram (builder, header && *header ? header : (name ? name : ""));
      pass.ctx = &ctx;
      pass.diagram = bw_record_get_id (BW_RECORD (diagram));
      pass.surface = bw_diagram_get_name (diagram);
      pass.line = FALSE;
      each_value (child (surface, "Borders"), stencil_cb, &pass);
      pass.line = TRUE;
      each_value (child (surface, "Lines"), stencil_cb, &pass);
      n_surfaces++;
    }
  if (n_surfaces == 0)
    bw_import_builder_report (builder, _("The model has no drawing surface"));

  each_value (child (root, "ThreatInstances"), threat_cb, &ctx);
  if (child (root, "Notes") != NULL && child (child (root, "Notes"), "Note") != NULL)
    bw_import_builder_report (builder, _("The model's notes were not imported"));

  /* A surface saved without a layout has every node at one place: laid
   * out as the editor's "Arrange" would. Real geometry stays as drawn. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!bw_project_arrange_where_missing (builder->project, &local_error))
      bw_import_builder_report (builder, _("The diagram could not be arranged: %s"), local_error->message);
  }
  return bw_import_builder_finish (builder, report, error);
}
