/* bw-traceability.c — asset → element → threat → risk → objective → requirement → verification
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-traceability.h"

struct _BwTraceRow
{
  GObject parent_instance;

  BwAsset *asset;
  BwElement *element;
  BwThreat *threat;
  BwObjective *objective;
  BwRequirement *requirement;
  BwOutcome before;
  BwOutcome after;
  BwTraceGaps gaps;
};

G_DEFINE_FINAL_TYPE (BwTraceRow, bw_trace_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSET,
  PROP_ELEMENT,
  PROP_THREAT,
  PROP_OBJECTIVE,
  PROP_REQUIREMENT,
  PROP_OUTCOME_BEFORE,
  PROP_OUTCOME_AFTER,
  PROP_GAPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bw_trace_row_dispose (GObject *object)
{
  BwTraceRow *self = BW_TRACE_ROW (object);

  g_clear_object (&self->asset);
  g_clear_object (&self->element);
  g_clear_object (&self->threat);
  g_clear_object (&self->objective);
  g_clear_object (&self->requirement);

  G_OBJECT_CLASS (bw_trace_row_parent_class)->dispose (object);
}

static void
bw_trace_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BwTraceRow *self = BW_TRACE_ROW (object);

  switch (prop_id)
    {
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    case PROP_ELEMENT:
      g_value_set_object (value, self->element);
      break;
    case PROP_THREAT:
      g_value_set_object (value, self->threat);
      break;
    case PROP_OBJECTIVE:
      g_value_set_object (value, self->objective);
      break;
    case PROP_REQUIREMENT:
      g_value_set_object (value, self->requirement);
      break;
    case PROP_OUTCOME_BEFORE:
      g_value_set_string (value, bw_outcome_to_string (self->before));
      break;
    case PROP_OUTCOME_AFTER:
      g_value_set_string (value, bw_outcome_to_string (self->after));
      break;
    case PROP_GAPS:
      g_value_set_uint (value, self->gaps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_trace_row_class_init (BwTraceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_trace_row_dispose;
  object_class->get_property = bw_trace_row_get_property;

  properties[PROP_ASSET] = g_param_spec_object ("asset", NULL, NULL, BW_TYPE_ASSET,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] = g_param_spec_object ("element", NULL, NULL, BW_TYPE_ELEMENT,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THREAT] = g_param_spec_object ("threat", NULL, NULL, BW_TYPE_THREAT,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECTIVE] = g_param_spec_object ("objective", NULL, NULL, BW_TYPE_OBJECTIVE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIREMENT] = g_param_spec_object ("requirement", NULL, NULL, BW_TYPE_REQUIREMENT,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_BEFORE] = g_param_spec_string ("outcome-before", NULL, NULL, NULL,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_AFTER] = g_param_spec_string ("outcome-after", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GAPS] = g_param_spec_uint ("gaps", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_trace_row_init (BwTraceRow *self)
{
}

BwAsset *
bw_trace_row_get_asset (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), NULL);

  return self->asset;
}

BwElement *
bw_trace_row_get_element (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), NULL);

  return self->element;
}

BwThreat *
bw_trace_row_get_threat (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), NULL);

  return self->threat;
}

BwObjective *
bw_trace_row_get_objective (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), NULL);

  return self->objective;
}

BwRequirement *
bw_trace_row_get_requirement (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), NULL);

  return self->requirement;
}

/* BW_OUTCOME_UNRATED also for a row without threat. */
BwOutcome
bw_trace_row_get_outcome (BwTraceRow  *self,
                          BwRiskStage  stage)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), BW_OUTCOME_UNRATED);

  return stage == BW_RISK_AFTER ? self->after : self->before;
}

BwTraceGaps
bw_trace_row_get_gaps (BwTraceRow *self)
{
  g_return_val_if_fail (BW_IS_TRACE_ROW (self), BW_TRACE_GAP_NONE);

  return self->gaps;
}

/* Building */

typedef struct
{
  BwProject *project;
  BwRiskMethod *method;
  GHashTable *threats_by_element;      /* element ID → GPtrArray of active BwThreat */
  GHashTable *requirements_by_objective; /* objective ID → GPtrArray of BwRequirement */
  GHashTable *objectives_seen;         /* objective IDs with a row */
  GHashTable *requirements_seen;       /* requirement IDs with a row */
  GPtrArray *rows;
} Builder;

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
add_row (Builder       *builder,
         BwAsset       *asset,
         BwElement     *element,
         BwThreat      *threat,
         BwObjective   *objective,
         BwRequirement *requirement,
         BwTraceGaps    gaps)
{
  BwTraceRow *row = g_object_new (BW_TYPE_TRACE_ROW, NULL);

  row->asset = asset ? g_object_ref (asset) : NULL;
  row->element = element ? g_object_ref (element) : NULL;
  row->threat = threat ? g_object_ref (threat) : NULL;
  row->objective = objective ? g_object_ref (objective) : NULL;
  row->requirement = requirement ? g_object_ref (requirement) : NULL;
  if (threat != NULL)
    {
      row->before = bw_risk_assessment_get_outcome (builder->method, threat, BW_RISK_BEFORE);
      row->after = bw_risk_assessment_get_outcome (builder->method, threat, BW_RISK_AFTER);
      if (row->before == BW_OUTCOME_UNRATED)
        gaps |= BW_TRACE_GAP_RATING;
    }
  if (requirement != NULL && is_blank (bw_requirement_get_verification_ref (requirement)))
    gaps |= BW_TRACE_GAP_VERIFICATION;
  row->gaps = gaps;
  g_ptr_array_add (builder->rows, row);
}

/* The rows of one objective and its requirements. */
static void
add_objective_rows (Builder     *builder,
                    BwAsset     *asset,
                    BwElement   *element,
                    BwThreat    *threat,
                    BwObjective *objective,
                    BwTraceGaps  gaps)
{
  const char *id = bw_record_get_id (BW_RECORD (objective));
  GPtrArray *requirements = g_hash_table_lookup (builder->requirements_by_objective, id);

  g_hash_table_add (builder->objectives_seen, (gpointer) id);
  if (requirements == NULL)
    {
      if (g_strcmp0 (bw_objective_get_scope (objective), "system") == 0)
        gaps |= BW_TRACE_GAP_REQUIREMENT;
      add_row (builder, asset, element, threat, objective, NULL, gaps);
      return;
    }
  for (guint i = 0; i < requirements->len; i++)
    {
      BwRequirement *requirement = g_ptr_array_index (requirements, i);

      g_hash_table_add (builder->requirements_seen, (gpointer) bw_record_get_id (BW_RECORD (requirement)));
      add_row (builder, asset, element, threat, objective, requirement, gaps);
    }
}

static void
add_threat_rows (Builder   *builder,
                 BwAsset   *asset,
                 BwElement *element,
                 BwThreat  *threat,
                 BwTraceGaps gaps)
{
  const char * const *objectives = bw_threat_get_objectives (threat);
  gboolean any = FALSE;

  for (guint i = 0; objectives[i] != NULL; i++)
    {
      BwRecord *objective = bw_project_lookup (builder->project, objectives[i]);

      if (!BW_IS_OBJECTIVE (objective))
        continue;
      any = TRUE;
      add_objective_rows (builder, asset, element, threat, BW_OBJECTIVE (objective), gaps);
    }
  if (!any)
    {
      const char *treatment = bw_threat_get_treatment (threat);

      /* Accepted, transferred and eliminated threats need no objective. */
      if (g_strcmp0 (treatment, "none") == 0 || g_strcmp0 (treatment, "mitigate") == 0)
        gaps |= BW_TRACE_GAP_OBJECTIVE;
      add_row (builder, asset, element, threat, NULL, NULL, gaps);
    }
}

/* IDs of the summary elements: processes a diagram refines and elements
 * another element refines (FORMAT.md, refinement).  Keys are borrowed
 * from the project's records. */
GHashTable *
bw_traceability_dup_summary_ids (BwProject *project)
{
  GHashTable *ids;
  GListModel *list;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  list = bw_project_get_diagrams (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (list, i);
      BwRecord *refined = bw_project_lookup (project, bw_diagram_get_refines (diagram));

      if (refined != NULL)
        g_hash_table_add (ids, (gpointer) bw_record_get_id (refined));
    }
  list = bw_project_get_elements (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (list, i);
      BwRecord *refined = bw_project_lookup (project, bw_element_get_refines (element));

      if (refined != NULL)
        g_hash_table_add (ids, (gpointer) bw_record_get_id (refined));
    }
  return ids;
}

static void
index_append (GHashTable *index,
              const char *key,
              gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (index, key);

  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer) key, items);
    }
  g_ptr_array_add (items, item);
}

/* The traceability matrix as a list of BwTraceRow (see the header for the
 * order).  Rows hold references to the records, so the list stays valid
 * after edits; it does not follow them: build it again. */
GListModel *
bw_traceability_build (BwProject *project)
{
  Builder builder = { 0 };
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GHashTable) elements_by_asset = NULL;
  g_autoptr(GHashTable) threats_with_asset = NULL;
  GListModel *list;
  GListStore *store;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  builder.project = project;
  builder.method = bw_project_get_risk_method (project);
  builder.threats_by_element = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  builder.requirements_by_objective = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  builder.objectives_seen = g_hash_table_new (g_str_hash, g_str_equal);
  builder.requirements_seen = g_hash_table_new (g_str_hash, g_str_equal);
  builder.rows = g_ptr_array_new_with_free_func (g_object_unref);
  summaries = bw_traceability_dup_summary_ids (project);
  elements_by_asset = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  threats_with_asset = g_hash_table_new (NULL, NULL);

  /* Indexes, so that the whole matrix is linear in the project's size.
   * The records stay alive: the project holds them. */
  list = bw_project_get_threats (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (list, i);

      if (bw_risk_assessment_is_active (threat) && bw_threat_get_target (threat) != NULL)
        index_append (builder.threats_by_element, bw_threat_get_target (threat), threat);
    }
  list = bw_project_get_requirements (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (list, i);

      if (bw_requirement_get_objective (requirement) != NULL)
        index_append (builder.requirements_by_objective, bw_requirement_get_objective (requirement), requirement);
    }
  list = bw_project_get_elements (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (list, i);
      const char * const *assets = bw_element_get_assets (element);

      if (assets == NULL || g_hash_table_contains (summaries, bw_record_get_id (BW_RECORD (element))))
        continue;
      for (guint a = 0; assets[a] != NULL; a++)
        index_append (elements_by_asset, assets[a], element);
    }

  /* Asset → element → threat → objective → requirement. */
  list = bw_project_get_assets (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (list, i);
      GPtrArray *elements = g_hash_table_lookup (elements_by_asset, bw_record_get_id (BW_RECORD (asset)));

      if (elements == NULL)
        {
          add_row (&builder, asset, NULL, NULL, NULL, NULL, BW_TRACE_GAP_ELEMENT);
          continue;
        }
      for (guint e = 0; e < elements->len; e++)
        {
          BwElement *element = g_ptr_array_index (elements, e);
          GPtrArray *threats = g_hash_table_lookup (builder.threats_by_element,
                                                    bw_record_get_id (BW_RECORD (element)));

          if (threats == NULL)
            {
              add_row (&builder, asset, element, NULL, NULL, NULL, BW_TRACE_GAP_THREAT);
              continue;
            }
          for (guint t = 0; t < threats->len; t++)
            {
              BwThreat *threat = g_ptr_array_index (threats, t);

              g_hash_table_add (threats_with_asset, threat);
              add_threat_rows (&builder, asset, element, threat, BW_TRACE_GAP_NONE);
            }
        }
    }

  /* Threats whose element carries no asset. */
  list = bw_project_get_threats (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (list, i);
      BwRecord *element;

      if (!bw_risk_assessment_is_active (threat) || g_hash_table_contains (threats_with_asset, threat))
        continue;
      element = bw_project_lookup (project, bw_threat_get_target (threat));
      add_threat_rows (&builder, NULL, BW_IS_ELEMENT (element) ? BW_ELEMENT (element) : NULL,
                       threat, BW_TRACE_GAP_ASSET);
    }

  /* Objectives that counter no listed threat, requirements of no objective. */
  list = bw_project_get_objectives (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (builder.objectives_seen, bw_record_get_id (BW_RECORD (objective))))
        add_objective_rows (&builder, NULL, NULL, NULL, objective, BW_TRACE_GAP_THREAT);
    }
  list = bw_project_get_requirements (project);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (builder.requirements_seen, bw_record_get_id (BW_RECORD (requirement))))
        add_row (&builder, NULL, NULL, NULL, NULL, requirement, BW_TRACE_GAP_OBJECTIVE);
    }

  store = g_list_store_new (BW_TYPE_TRACE_ROW);
  g_list_store_splice (store, 0, 0, builder.rows->pdata, builder.rows->len);

  g_ptr_array_unref (builder.rows);
  g_hash_table_unref (builder.threats_by_element);
  g_hash_table_unref (builder.requirements_by_objective);
  g_hash_table_unref (builder.objectives_seen);
  g_hash_table_unref (builder.requirements_seen);
  return G_LIST_MODEL (store);
}

/* CSV */

static const char * const gap_tokens[] = {
  "no-asset", "no-element", "no-threat", "unrated", "no-objective", "no-requirement", "no-verification-ref",
};
static const char * const gap_labels[] = {
  N_("no asset"), N_("no element"), N_("no threat"), N_("not rated"), N_("no objective"),
  N_("no requirement"), N_("no verification reference"),
};

/* Stable tokens, space separated ("" without gaps), for machine-read output. */
char *
bw_trace_gaps_to_string (BwTraceGaps gaps)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (gap_tokens); i++)
    if (gaps & (1u << i))
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, gap_tokens[i]);
      }
  return g_string_free (out, FALSE);
}

/* The gaps for people, comma separated. */
char *
bw_trace_gaps_describe (BwTraceGaps gaps)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (gap_labels); i++)
    if (gaps & (1u << i))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, _(gap_labels[i]));
      }
  return g_string_free (out, FALSE);
}

/* RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes
 * doubled. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_level (GString *out,
              int      level)
{
  char buf[16] = "";

  if (level > 0)
    g_snprintf (buf, sizeof buf, "%d", level);
  append_field (out, buf, FALSE);
}

static const char *
record_id (gpointer record)
{
  return record != NULL ? bw_record_get_id (BW_RECORD (record)) : NULL;
}

/* The matrix as CSV (RFC 4180, CRLF line ends, a header row).  Column
 * names and values are the file's own, in English, so that the CSV reads
 * the same for every reviewer and every tool. */
char *
bw_traceability_to_csv (GListModel *rows)
{
  static const char * const header[] = {
    "asset", "asset_name", "element", "element_name", "threat", "category", "threat_title",
    "status", "treatment", "exploitability_before", "severity_before", "outcome_before",
    "exploitability_after", "severity_after", "outcome_after", "objective", "objective_scope",
    "objective_text", "requirement", "requirement_text", "verification", "verification_ref",
    "requirement_status", "gaps",
  };
  GString *out;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);
      g_autofree char *gaps = bw_trace_gaps_to_string (row->gaps);
      int e = 0;
      int s = 0;

      append_field (out, record_id (row->asset), FALSE);
      append_field (out, row->asset ? bw_asset_get_name (row->asset) : NULL, FALSE);
      append_field (out, record_id (row->element), FALSE);
      append_field (out, row->element ? bw_element_get_name (row->element) : NULL, FALSE);
      append_field (out, record_id (row->threat), FALSE);
      append_field (out, row->threat ? bw_threat_get_category (row->threat) : NULL, FALSE);
      append_field (out, row->threat ? bw_threat_get_title (row->threat) : NULL, FALSE);
      append_field (out, row->threat ? bw_threat_get_status (row->threat) : NULL, FALSE);
      append_field (out, row->threat ? bw_threat_get_treatment (row->threat) : NULL, FALSE);
      if (row->threat)
        bw_risk_assessment_get_rating (row->threat, BW_RISK_BEFORE, &e, &s);
      append_level (out, e);
      append_level (out, s);
      append_field (out, bw_outcome_to_string (row->before), FALSE);
      e = s = 0;
      if (row->threat)
        bw_risk_assessment_get_rating (row->threat, BW_RISK_AFTER, &e, &s);
      append_level (out, e);
      append_level (out, s);
      append_field (out, bw_outcome_to_string (row->after), FALSE);
      append_field (out, record_id (row->objective), FALSE);
      append_field (out, row->objective ? bw_objective_get_scope (row->objective) : NULL, FALSE);
      append_field (out, row->objective ? bw_objective_get_text (row->objective) : NULL, FALSE);
      append_field (out, record_id (row->requirement), FALSE);
      append_field (out, row->requirement ? bw_requirement_get_text (row->requirement) : NULL, FALSE);
      append_field (out, row->requirement ? bw_requirement_get_verification (row->requirement) : NULL, FALSE);
      append_field (out, row->requirement ? bw_requirement_get_verification_ref (row->requirement) : NULL, FALSE);
      append_field (out, row->requirement ? bw_requirement_get_status (row->requirement) : NULL, FALSE);
      append_field (out, gaps, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* The other directions */

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

/* From a hazard: the active threats whose rating links it. */
GPtrArray *
bw_traceability_threats_for_hazard (BwProject  *project,
                                    const char *hazard_id)
{
  GListModel *threats;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  result = g_ptr_array_new ();
  threats = bw_project_get_threats (project);
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      BwRisk *risk = bw_threat_get_risk (threat);

      if (bw_risk_assessment_is_active (threat) && risk != NULL
          && strv_contains (bw_risk_get_hazards (risk), hazard_id))
        g_ptr_array_add (result, threat);
    }
  return result;
}

/* Every element that carries the asset, summary elements included. */
GPtrArray *
bw_traceability_elements_for_asset (BwProject  *project,
                                    const char *asset_id)
{
  GListModel *elements;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  result = g_ptr_array_new ();
  elements = bw_project_get_elements (project);
  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

      if (strv_contains (bw_element_get_assets (element), asset_id))
        g_ptr_array_add (result, element);
    }
  return result;
}

/* From an asset: the active threats on the elements that carry it. */
GPtrArray *
bw_traceability_threats_for_asset (BwProject  *project,
                                   const char *asset_id)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GHashTable) carriers = NULL;
  GListModel *threats;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  elements = bw_traceability_elements_for_asset (project, asset_id);
  carriers = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < elements->len; i++)
    g_hash_table_add (carriers, (gpointer) bw_record_get_id (g_ptr_array_index (elements, i)));

  result = g_ptr_array_new ();
  threats = bw_project_get_threats (project);
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *target = bw_threat_get_target (threat);

      if (bw_risk_assessment_is_active (threat) && target != NULL && g_hash_table_contains (carriers, target))
        g_ptr_array_add (result, threat);
    }
  return result;
}

/* The requirements of the threat's objectives. */
GPtrArray *
bw_traceability_requirements_for_threat (BwProject  *project,
                                         const char *threat_id)
{
  BwRecord *threat;
  GListModel *requirements;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  result = g_ptr_array_new ();
  threat = bw_project_lookup (project, threat_id);
  if (!BW_IS_THREAT (threat))
    return result;
  requirements = bw_project_get_requirements (project);
  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (requirements, i);

      if (strv_contains (bw_threat_get_objectives (BW_THREAT (threat)), bw_requirement_get_objective (requirement)))
        g_ptr_array_add (result, requirement);
    }
  return result;
}

/* From an objective to the requirements that implement it. */
GPtrArray *
bw_traceability_requirements_for_objective (BwProject  *project,
                                            const char *objective_id)
{
  GListModel *requirements;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  result = g_ptr_array_new ();
  if (!BW_IS_OBJECTIVE (bw_project_lookup (project, objective_id)))
    return result;
  requirements = bw_project_get_requirements (project);
  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (requirements, i);

      if (g_strcmp0 (bw_requirement_get_objective (requirement), objective_id) == 0)
        g_ptr_array_add (result, requirement);
    }
  return result;
}

/* The completeness finding of METHOD.md (the check
 * "objective-without-requirement"): a system objective that no
 * requirement makes verifiable.  An environment objective is met by the
 * labelling or the users and needs none. */
gboolean
bw_traceability_objective_lacks_requirement (BwProject   *project,
                                             BwObjective *objective)
{
  g_autoptr(GPtrArray) requirements = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_OBJECTIVE (objective), FALSE);

  if (g_strcmp0 (bw_objective_get_scope (objective), "system") != 0)
    return FALSE;
  requirements = bw_traceability_requirements_for_objective (project, bw_record_get_id (BW_RECORD (objective)));
  return requirements->len == 0;
}

/* From a requirement back to the active threats its objective counters. */
GPtrArray *
bw_traceability_threats_for_requirement (BwProject  *project,
                                         const char *requirement_id)
{
  BwRecord *requirement;
  BwRecord *objective;
  const char * const *links;
  GPtrArray *result;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  result = g_ptr_array_new ();
  requirement = bw_project_lookup (project, requirement_id);
  if (!BW_IS_REQUIREMENT (requirement))
    return result;
  objective = bw_project_lookup (project, bw_requirement_get_objective (BW_REQUIREMENT (requirement)));
  if (!BW_IS_OBJECTIVE (objective))
    return result;
  links = bw_objective_get_threats (BW_OBJECTIVE (objective));
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      BwRecord *threat = bw_project_lookup (project, links[i]);

      if (BW_IS_THREAT (threat) && bw_risk_assessment_is_active (BW_THREAT (threat)))
        g_ptr_array_add (result, threat);
    }
  return result;
}

/* From a requirement back to the assets its threats endanger, in the
 * project's order of assets. */
GPtrArray *
bw_traceability_assets_for_requirement (BwProject  *project,
                                        const char *requirement_id)
{
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(GHashTable) ids = NULL;
  GListModel *assets;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  threats = bw_traceability_threats_for_requirement (project, requirement_id);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < threats->len; i++)
    {
      BwRecord *element = bw_project_lookup (project, bw_threat_get_target (g_ptr_array_index (threats, i)));
      const char * const *carried;

      if (!BW_IS_ELEMENT (element))
        continue;
      carried = bw_element_get_assets (BW_ELEMENT (element));
      for (guint a = 0; carried != NULL && carried[a] != NULL; a++)
        g_hash_table_add (ids, (gpointer) carried[a]);
    }

  result = g_ptr_array_new ();
  assets = bw_project_get_assets (project);
  n = g_list_model_get_n_items (assets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);

      if (g_hash_table_contains (ids, bw_record_get_id (BW_RECORD (asset))))
        g_ptr_array_add (result, asset);
    }
  return result;
}
