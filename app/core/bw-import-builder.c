/* bw-import-builder.c — what the importers share: building a project from foreign elements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bw-history-entry.h"
#include "bw-import-builder.h"
#include "bw-project-io.h"

/* Diagram units are integers wherever the source gave whole numbers, so an
 * imported file reads like a hand-made one ("120", not "120.0"). */
static BwNumber
number_for (double value)
{
  if (!isfinite (value))
    return bw_number_from_int (0);
  if (value == floor (value) && fabs (value) < 1e15)
    return bw_number_from_int ((gint64) value);
  return bw_number_from_double (value);
}

static void
set_bounds (BwElement *element,
            double     x,
            double     y,
            double     width,
            double     height)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (element), "bounds");
  BwNumber *bounds = bw_record_field_ptr (BW_RECORD (element), field);

  bounds[0] = number_for (x);
  bounds[1] = number_for (y);
  bounds[2] = number_for (MAX (width, 1));
  bounds[3] = number_for (MAX (height, 1));
}

static void
set_points (BwElement *element,
            GArray    *points)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (element), "points");
  GArray **ptr = bw_record_field_ptr (BW_RECORD (element), field);
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (BwPoint));

  for (guint i = 0; points != NULL && i + 1 < points->len; i += 2)
    {
      BwPoint pt = { number_for (g_array_index (points, double, i)),
                     number_for (g_array_index (points, double, i + 1)) };

      g_array_append_val (copy, pt);
    }
  g_clear_pointer (ptr, g_array_unref);
  *ptr = copy;
}

void
bw_import_point_append (GArray *points,
                        double  x,
                        double  y)
{
  if (!isfinite (x))
    x = 0;
  if (!isfinite (y))
    y = 0;
  g_array_append_val (points, x);
  g_array_append_val (points, y);
}

BwImportBuilder *
bw_import_builder_new (const char *origin)
{
  BwImportBuilder *self = g_new0 (BwImportBuilder, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->project = bw_project_new ();
  self->report = g_ptr_array_new_with_free_func (g_free);
  self->derived_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->origin = g_strdup (origin);
  self->now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_object_set (bw_project_get_model (self->project), "created", self->now, "modified", self->now, NULL);
  return self;
}

void
bw_import_builder_free (BwImportBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->project);
  g_clear_pointer (&self->report, g_ptr_array_unref);
  g_clear_pointer (&self->derived_keys, g_hash_table_unref);
  g_clear_pointer (&self->reported, g_hash_table_unref);
  g_free (self->origin);
  g_free (self->now);
  g_free (self);
}

void
bw_import_builder_report (BwImportBuilder *self,
                          const char      *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->report, g_strdup_vprintf (format, args));
  va_end (args);
}

/* For facts that hold for many elements (an unmapped property name): one
 * line per import, not one per element. */
void
bw_import_builder_report_once (BwImportBuilder *self,
                               const char      *format,
                               ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_hash_table_contains (self->reported, message))
    {
      g_free (message);
      return;
    }
  g_hash_table_add (self->reported, g_strdup (message));
  g_ptr_array_add (self->report, message);
}

static void
add_record (BwImportBuilder *self,
            BwRecord        *record)
{
  GListStore *store = bw_project_get_collection (self->project, G_OBJECT_TYPE (record));

  g_list_store_append (store, record);
  bw_project_index_record (self->project, record);
}

static BwRecord *
new_record (BwImportBuilder *self,
            GType            type,
            const char      *prefix)
{
  g_autofree char *id = bw_project_allocate_id (self->project, prefix);
  BwRecord *record = g_object_new (type, "id", id, NULL);

  return record;
}

BwDiagram *
bw_import_builder_add_diagram (BwImportBuilder *self,
                               const char      *name)
{
  g_autoptr(BwRecord) diagram = new_record (self, BW_TYPE_DIAGRAM, "D");

  g_object_set (diagram, "name", name ? name : "", "kind", "dataflow", NULL);
  add_record (self, diagram);
  return BW_DIAGRAM (diagram);
}

BwElement *
bw_import_builder_add_node (BwImportBuilder *self,
                            BwElementKind    kind,
                            const char      *diagram,
                            const char      *name,
                            double           x,
                            double           y,
                            double           width,
                            double           height)
{
  g_autoptr(BwRecord) element = NULL;

  g_return_val_if_fail (kind <= BW_ELEMENT_DATA_STORE, NULL);

  element = new_record (self, BW_TYPE_ELEMENT, bw_element_kind_prefix (kind));
  g_object_set (element, "kind", bw_element_kinds[kind], "diagram", diagram,
                "name", name ? name : "", NULL);
  set_bounds (BW_ELEMENT (element), x, y, width, height);
  add_record (self, element);
  return BW_ELEMENT (element);
}

BwElement *
bw_import_builder_add_box (BwImportBuilder *self,
                           const char      *diagram,
                           const char      *name,
                           double           x,
                           double           y,
                           double           width,
                           double           height)
{
  g_autoptr(BwRecord) element = new_record (self, BW_TYPE_ELEMENT, "TB");

  g_object_set (element, "kind", "trust_boundary", "shape", "box", "diagram", diagram,
                "name", name ? name : "", NULL);
  set_bounds (BW_ELEMENT (element), x, y, width, height);
  add_record (self, element);
  return BW_ELEMENT (element);
}

BwElement *
bw_import_builder_add_line (BwImportBuilder *self,
                            const char      *diagram,
                            const char      *name,
                            GArray          *points)
{
  g_autoptr(BwRecord) element = NULL;

  /* FORMAT.md: a line boundary has at least two points. */
  if (points == NULL || points->len < 4)
    return NULL;
  element = new_record (self, BW_TYPE_ELEMENT, "TB");
  g_object_set (element, "kind", "trust_boundary", "shape", "line", "diagram", diagram,
                "name", name ? name : "", NULL);
  set_points (BW_ELEMENT (element), points);
  add_record (self, element);
  return BW_ELEMENT (element);
}

BwElement *
bw_import_builder_add_flow (BwImportBuilder *self,
                            const char      *diagram,
                            const char      *name,
                            const char      *source,
                            const char      *target,
                            GArray          *points)
{
  g_autoptr(BwRecord) element = new_record (self, BW_TYPE_ELEMENT, "DF");

  g_object_set (element, "kind", "data_flow", "diagram", diagram, "name", name ? name : "",
                "source", source, "target", target, NULL);
  set_points (BW_ELEMENT (element), points);
  add_record (self, element);
  return BW_ELEMENT (element);
}

BwAsset *
bw_import_builder_add_asset (BwImportBuilder *self,
                             const char      *name,
                             const char      *description)
{
  g_autoptr(BwRecord) asset = new_record (self, BW_TYPE_ASSET, "A");

  g_object_set (asset, "name", name ? name : "", "description", description ? description : "", NULL);
  add_record (self, asset);
  return BW_ASSET (asset);
}

void
bw_import_builder_append_description (BwRecord   *record,
                                      const char *text)
{
  g_autofree char *old = NULL;
  g_autofree char *joined = NULL;

  if (text == NULL || *text == '\0')
    return;
  g_object_get (record, "description", &old, NULL);
  joined = (old == NULL || *old == '\0') ? g_strdup (text) : g_strconcat (old, "\n\n", text, NULL);
  g_object_set (record, "description", joined, NULL);
}

void
bw_import_builder_add_element_asset (BwElement  *element,
                                     const char *asset)
{
  g_auto(GStrv) assets = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_object_get (element, "assets", &assets, NULL);
  if (assets != NULL && g_strv_contains ((const char * const *) assets, asset))
    return;
  if (assets != NULL)
    g_strv_builder_addv (builder, (const char **) assets);
  g_strv_builder_add (builder, asset);
  {
    g_auto(GStrv) updated = g_strv_builder_end (builder);

    g_object_set (element, "assets", updated, NULL);
  }
}

static const char * const category_letters = "STRIDE";
static const char * const category_rule_names[] = {
  "spoofing", "tampering", "repudiation", "information_disclosure",
  "denial_of_service", "elevation_of_privilege",
};

/* METHOD.md, STRIDE per element. */
gboolean
bw_import_basic_table_has (BwElement  *element,
                           const char *category)
{
  switch (bw_element_get_kind_enum (element))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
      return strchr ("SR", category[0]) != NULL;
    case BW_ELEMENT_PROCESS:
      return TRUE;
    case BW_ELEMENT_DATA_STORE:
      if (category[0] == 'R')
        {
          JsonNode *is_log = json_object_get_member (bw_element_get_properties (element), "is_log");

          return is_log != NULL && JSON_NODE_HOLDS_VALUE (is_log)
                 && json_node_get_value_type (is_log) == G_TYPE_BOOLEAN && json_node_get_boolean (is_log);
        }
      return strchr ("TID", category[0]) != NULL;
    case BW_ELEMENT_DATA_FLOW:
      return strchr ("TID", category[0]) != NULL;
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return FALSE;
    }
}

const char *
bw_import_first_category_of (BwElement *element)
{
  switch (bw_element_get_kind_enum (element))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
    case BW_ELEMENT_PROCESS:
      return "S";
    case BW_ELEMENT_DATA_STORE:
    case BW_ELEMENT_DATA_FLOW:
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return "T";
    }
}

/* STRIDE names as Threat Dragon, OTM and the Threat Modeling Tool write
 * them ("Information disclosure", "Denial Of Service", "elevation-of-privilege"). */
const char *
bw_import_category_from_name (const char *name)
{
  static const struct { const char *name; const char *category; } names[] = {
    { "spoofing", "S" }, { "tampering", "T" }, { "repudiation", "R" },
    { "informationdisclosure", "I" }, { "denialofservice", "D" }, { "elevationofprivilege", "E" },
    { "s", "S" }, { "t", "T" }, { "r", "R" }, { "i", "I" }, { "d", "D" }, { "e", "E" },
  };
  g_autoptr(GString) key = g_string_new (NULL);

  if (name == NULL)
    return NULL;
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key->str, names[i].name))
      return names[i].category;
  return NULL;
}

BwThreat *
bw_import_builder_add_threat (BwImportBuilder *self,
                              BwElement       *target,
                              const char      *category,
                              const char      *title,
                              const char      *description,
                              const char      *status,
                              const char      *treatment,
                              const char      *rationale,
                              int              severity,
                              const char      *detail)
{
  g_autoptr(BwRecord) threat = new_record (self, BW_TYPE_THREAT, "T");
  g_autoptr(BwHistoryEntry) entry = NULL;
  g_autofree char *rule = NULL;
  GListStore *history;
  const char *target_id = bw_record_get_id (BW_RECORD (target));

  if (!self->manual_only && bw_import_basic_table_has (target, category))
    {
      g_autofree char *key = NULL;
      const char *letter = strchr (category_letters, category[0]);

      rule = g_strdup_printf ("stride.%s.%s", bw_element_get_kind (target),
                              category_rule_names[letter - category_letters]);
      key = g_strconcat (rule, " ", target_id, NULL);
      /* Only the first per key: a second would be a duplicate derivation. */
      if (!g_hash_table_add (self->derived_keys, g_steal_pointer (&key)))
        g_clear_pointer (&rule, g_free);
    }

  g_object_set (threat,
                "origin", rule != NULL ? "derived" : "manual",
                "rule", rule,
                "target", target_id,
                "category", category,
                "title", title ? title : "",
                "description", description ? description : "",
                "status", status ? status : "not_started",
                "treatment", treatment ? treatment : "none",
                "rationale", rationale ? rationale : "",
                NULL);
  if (severity > 0)
    {
      g_autoptr(BwRisk) risk = g_object_new (BW_TYPE_RISK, "severity", severity, NULL);

      g_object_set (threat, "risk", risk, NULL);
    }
  entry = g_object_new (BW_TYPE_HISTORY_ENTRY, "at", self->now, "event", "created",
                        "detail", detail ? detail : "", NULL);
  g_object_get (threat, "history", &history, NULL);
  g_list_store_append (history, entry);
  g_object_unref (history);
  add_record (self, threat);
  return BW_THREAT (threat);
}

char *
bw_import_snake_case (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean last_lower = FALSE;

  for (const char *p = name; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && last_lower)
        g_string_append_c (out, '_');
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          last_lower = !g_ascii_isupper (*p);
        }
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        {
          g_string_append_c (out, '_');
          last_lower = FALSE;
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "property");
  return g_string_free (out, FALSE);
}

/* The result goes through the canonical text and the strict loader, so an
 * import can only ever hand back a project that Bulwark itself would
 * accept from a file. */
BwProject *
bw_import_builder_finish (BwImportBuilder  *self,
                          GPtrArray       **report,
                          GError          **error)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (self->project);
  g_autoptr(GError) local_error = NULL;
  BwProject *project;

  project = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error);
  if (project == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The imported model is not a valid project: %s"), local_error->message);
      return NULL;
    }
  if (report != NULL)
    *report = g_ptr_array_ref (self->report);
  return project;
}
