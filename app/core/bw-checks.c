/* bw-checks.c — the completeness checks of METHOD.md ("did we do a good job")
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Which threats the threat checks look at: those that take part in the
 * assessment (bw_risk_assessment_is_active(): not archived, obsolete,
 * superseded or not applicable); the rationale checks look at every threat
 * that is not archived, obsolete or superseded.
 *
 * Decisions worth knowing:
 * - STRIDE coverage uses the basic table of METHOD.md directly: an element
 *   needs, per category its kind calls for, one threat that is not
 *   archived, obsolete or superseded (one judged not applicable counts: it
 *   was considered).  Summary elements and trust boundaries need none.
 * - A requirement needs a verification reference (the test case,
 *   inspection record or analysis that verifies it) whatever its status:
 *   issue 5 and the FDA's traceability ask for it at design time, and the
 *   method's "verification" is an enumeration that is never empty.
 * - An uncontrolled residual risk is tolerable only when accepted with a
 *   rationale (bw_risk_assessment_lacks_benefit_risk()).
 * - A KEV entry counts as resolved when fixed or not_affected (the latter
 *   needs a justification, which its own check asks for).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-checks.h"
#include "bw-cvss.h"
#include "bw-risk-assessment.h"
#include "bw-traceability.h"
#include "bw-vulnerability.h"

struct _BwFinding
{
  GObject parent_instance;

  char *kind;
  char *object_id;
  char *path;
  char *message;
};

G_DEFINE_FINAL_TYPE (BwFinding, bw_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_OBJECT_ID,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bw_finding_finalize (GObject *object)
{
  BwFinding *self = BW_FINDING (object);

  g_free (self->kind);
  g_free (self->object_id);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (bw_finding_parent_class)->finalize (object);
}

static void
bw_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwFinding *self = BW_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BwFinding *self = BW_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_OBJECT_ID:
      self->object_id = g_value_dup_string (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_finding_class_init (BwFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_finding_finalize;
  object_class->get_property = bw_finding_get_property;
  object_class->set_property = bw_finding_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_finding_init (BwFinding *self)
{
}

BwFinding *
bw_finding_new (const char *kind,
                const char *object_id,
                const char *path,
                const char *message)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (BW_TYPE_FINDING,
                       "kind", kind,
                       "object-id", object_id,
                       "path", path,
                       "message", message,
                       NULL);
}

const char *
bw_finding_get_kind (BwFinding *self)
{
  g_return_val_if_fail (BW_IS_FINDING (self), NULL);

  return self->kind;
}

const char *
bw_finding_get_object_id (BwFinding *self)
{
  g_return_val_if_fail (BW_IS_FINDING (self), NULL);

  return self->object_id;
}

const char *
bw_finding_get_path (BwFinding *self)
{
  g_return_val_if_fail (BW_IS_FINDING (self), NULL);

  return self->path;
}

const char *
bw_finding_get_message (BwFinding *self)
{
  g_return_val_if_fail (BW_IS_FINDING (self), NULL);

  return self->message;
}

/* The kinds, in the order of the method's steps, with a title for a
 * Checks panel. */
static const struct {
  const char *kind;
  const char *title;
} kinds[] = {
  { "asset-not-carried", N_("Assets carried by no element") },
  { "missing-stride", N_("Elements without their STRIDE threats") },
  { "out-of-scope-without-reason", N_("Out of scope without a reason") },
  { "threat-not-triaged", N_("Threats not yet triaged") },
  { "addressed-without-treatment", N_("Addressed threats without a treatment") },
  { "treatment-without-rationale", N_("Treatments without a rationale") },
  { "silent-decision", N_("Silent accept or transfer decisions") },
  { "risk-not-rated", N_("Threats not rated") },
  { "invalid-cvss", N_("Invalid CVSS vectors") },
  { "safety-impact-unanswered", N_("“Could this attack harm a patient?” not answered") },
  { "safety-impact-without-hazard", N_("Safety-impacting threats without a hazard") },
  { "uncontrolled-residual", N_("Uncontrolled residual risks without a benefit-risk rationale") },
  { "mitigation-without-objective", N_("Mitigated threats without an objective") },
  { "objective-without-requirement", N_("System objectives without a requirement") },
  { "requirement-without-objective", N_("Requirements without an objective") },
  { "requirement-without-verification", N_("Requirements without a verification reference") },
  { "component-without-support-data", N_("Components without support data") },
  { "vulnerability-without-treatment", N_("Affected vulnerabilities without a threat or objective") },
  { "not-affected-without-justification", N_("“Not affected” without a justification") },
  { "kev-not-fixed", N_("Known exploited vulnerabilities not fixed") },
};

const char * const *
bw_checks_get_kinds (void)
{
  static const char *ids[G_N_ELEMENTS (kinds) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        ids[i] = kinds[i].kind;
      g_once_init_leave (&initialized, 1);
    }
  return ids;
}

gboolean
bw_checks_is_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return TRUE;
  return FALSE;
}

/* The translated title of a kind, or NULL for an unknown kind. */
const char *
bw_checks_describe_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].title);
  return NULL;
}

/* Running the checks */

typedef struct
{
  BwProject *project;
  BwRiskMethod *method;
  GPtrArray *findings;
} Checker;

static void G_GNUC_PRINTF (5, 6)
report (Checker    *checker,
        const char *kind,
        const char *object_id,
        const char *path,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_assert (bw_checks_is_kind (kind));

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (checker->findings, bw_finding_new (kind, object_id, path, message));
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
property_is_true (BwElement  *element,
                  const char *name)
{
  JsonObject *values = bw_element_get_properties (element);
  JsonNode *node;

  if (values == NULL || !json_object_has_member (values, name))
    return FALSE;
  node = json_object_get_member (values, name);
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

/* The basic STRIDE-per-element table of METHOD.md; bit i is
 * bw_stride_categories[i] (S T R I D E). */
#define CAT(i) (1u << (i))

static guint
applicable_categories (BwElement *element)
{
  switch (bw_element_get_kind_enum (element))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
      return CAT (0) | CAT (2);
    case BW_ELEMENT_PROCESS:
      return CAT (0) | CAT (1) | CAT (2) | CAT (3) | CAT (4) | CAT (5);
    case BW_ELEMENT_DATA_STORE:
      return CAT (1) | CAT (3) | CAT (4) | (property_is_true (element, "is_log") ? CAT (2) : 0);
    case BW_ELEMENT_DATA_FLOW:
      return CAT (1) | CAT (3) | CAT (4);
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return 0;
    }
}

static int
category_index (const char *category)
{
  for (int i = 0; bw_stride_categories[i] != NULL; i++)
    if (g_strcmp0 (bw_stride_categories[i], category) == 0)
      return i;
  return -1;
}

static const char * const category_names[] = {
  N_("Spoofing"), N_("Tampering"), N_("Repudiation"), N_("Information disclosure"),
  N_("Denial of service"), N_("Elevation of privilege"),
};

static gboolean
threat_is_listed (BwThreat *threat)
{
  return !bw_threat_get_archived (threat) && !bw_threat_get_obsolete (threat)
         && !bw_threat_get_superseded (threat);
}

static void
check_assets (Checker *checker)
{
  GListModel *assets = bw_project_get_assets (checker->project);
  GListModel *elements = bw_project_get_elements (checker->project);
  g_autoptr(GHashTable) carried = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      const char * const *ids = bw_element_get_assets (element);

      for (guint a = 0; ids != NULL && ids[a] != NULL; a++)
        g_hash_table_add (carried, (gpointer) ids[a]);
    }
  n = g_list_model_get_n_items (assets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);
      const char *id = bw_record_get_id (BW_RECORD (asset));

      if (!g_hash_table_contains (carried, id))
        {
          g_autofree char *path = g_strdup_printf ("assets[%u]", i);

          report (checker, "asset-not-carried", id, path,
                  _("%s “%s” is carried by no element: add it to the elements that hold or process it"),
                  id, bw_asset_get_name (asset));
        }
    }
}

static void
check_elements (Checker *checker)
{
  GListModel *elements = bw_project_get_elements (checker->project);
  GListModel *threats = bw_project_get_threats (checker->project);
  g_autoptr(GHashTable) summaries = bw_traceability_dup_summary_ids (checker->project);
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  /* Element ID → the categories its listed threats cover. */
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *target = bw_threat_get_target (threat);
      int category = category_index (bw_threat_get_category (threat));

      if (target == NULL || category < 0 || !threat_is_listed (threat))
        continue;
      g_hash_table_insert (covered, (gpointer) target,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (covered, target)) | CAT (category)));
    }

  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (element));
      g_autofree char *path = g_strdup_printf ("elements[%u]", i);
      guint missing;

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY)
        continue;
      if (bw_element_get_out_of_scope (element))
        {
          if (is_blank (bw_element_get_out_of_scope_reason (element)))
            {
              g_autofree char *reason_path = g_strconcat (path, ".out_of_scope_reason", NULL);

              report (checker, "out-of-scope-without-reason", id, reason_path,
                      _("%s “%s” is out of scope without a reason: say why it need not be analysed"),
                      id, bw_element_get_name (element));
            }
          continue;
        }
      if (g_hash_table_contains (summaries, id))
        continue;
      missing = applicable_categories (element) & ~GPOINTER_TO_UINT (g_hash_table_lookup (covered, id));
      if (missing != 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint c = 0; c < G_N_ELEMENTS (category_names); c++)
            if (missing & CAT (c))
              {
                if (names->len > 0)
                  g_string_append (names, ", ");
                g_string_append (names, _(category_names[c]));
              }
          report (checker, "missing-stride", id, path,
                  _("%s “%s” has no threat for %s: derive or add them, or mark the element out of scope with a reason"),
                  id, bw_element_get_name (element), names->str);
        }
    }
}

static void
check_cvss (Checker    *checker,
            const char *object_id,
            const char *label,
            const char *path,
            const char *vector)
{
  g_autoptr(GError) error = NULL;
  BwCvssVector parsed;

  if (vector == NULL || bw_cvss_parse (vector, &parsed, &error))
    return;
  report (checker, "invalid-cvss", object_id, path,
          _("%s: the CVSS vector “%s” is invalid: %s"), label, vector, error->message);
}

static const char *
level_name (const char * const *scale,
            int                 level)
{
  if (level >= 1 && scale != NULL && (guint) level <= g_strv_length ((char **) scale))
    return scale[level - 1];
  return "?";
}

static void
check_threat (Checker  *checker,
              BwThreat *threat,
              guint     index)
{
  const char *id = bw_record_get_id (BW_RECORD (threat));
  const char *status = bw_threat_get_status (threat);
  const char *treatment = bw_threat_get_treatment (threat);
  BwRisk *risk = bw_threat_get_risk (threat);
  g_autofree char *path = g_strdup_printf ("threats[%u]", index);
  g_autofree char *rationale_path = g_strconcat (path, ".rationale", NULL);
  gboolean active = bw_risk_assessment_is_active (threat);

  /* Rationale: accept and transfer are decisions, never silent. */
  if (is_blank (bw_threat_get_rationale (threat)))
    {
      if (g_strcmp0 (treatment, "accept") == 0)
        report (checker, "silent-decision", id, rationale_path,
                _("%s accepts the risk without a rationale: a silent decision; give the reason (benefit-risk where relevant)"), id);
      else if (g_strcmp0 (treatment, "transfer") == 0)
        report (checker, "silent-decision", id, rationale_path,
                _("%s transfers the risk without a rationale: a silent decision; say to whom and why"), id);
      else if (g_strcmp0 (treatment, "none") != 0)
        report (checker, "treatment-without-rationale", id, rationale_path,
                _("%s has treatment “%s” but no rationale: explain how the treatment counters the threat"), id, treatment);
    }

  if (risk != NULL && bw_risk_get_cvss (risk) != NULL)
    {
      g_autofree char *cvss_path = g_strconcat (path, ".risk.cvss", NULL);

      check_cvss (checker, id, id, cvss_path, bw_risk_get_cvss (risk));
    }

  if (!active)
    return;

  if (g_strcmp0 (status, "not_started") == 0)
    {
      g_autofree char *status_path = g_strconcat (path, ".status", NULL);

      report (checker, "threat-not-triaged", id, status_path,
              _("%s has not been triaged yet: set its status"), id);
    }
  if (g_strcmp0 (status, "addressed") == 0 && g_strcmp0 (treatment, "none") == 0)
    {
      g_autofree char *treatment_path = g_strconcat (path, ".treatment", NULL);

      report (checker, "addressed-without-treatment", id, treatment_path,
              _("%s is addressed but has no treatment: choose how it is treated"), id);
    }
  if (g_strcmp0 (treatment, "mitigate") == 0 && g_strv_length ((char **) bw_threat_get_objectives (threat)) == 0)
    {
      g_autofree char *objectives_path = g_strconcat (path, ".objectives", NULL);

      report (checker, "mitigation-without-objective", id, objectives_path,
              _("%s is to be mitigated but links no objective: link or create the security objective that counters it"), id);
    }

  if (risk == NULL || bw_risk_get_exploitability (risk) <= 0 || bw_risk_get_severity (risk) <= 0)
    {
      g_autofree char *risk_path = g_strconcat (path, ".risk", NULL);

      report (checker, "risk-not-rated", id, risk_path,
              _("%s is not rated: give its exploitability and severity"), id);
    }
  if (risk == NULL || bw_risk_get_safety_impact (risk) < 0)
    {
      g_autofree char *safety_path = g_strconcat (path, ".risk.safety_impact", NULL);

      report (checker, "safety-impact-unanswered", id, safety_path,
              _("%s: “Could this attack harm a patient?” is not answered"), id);
    }
  else if (bw_risk_get_safety_impact (risk) > 0 && g_strv_length ((char **) bw_risk_get_hazards (risk)) == 0)
    {
      g_autofree char *hazards_path = g_strconcat (path, ".risk.hazards", NULL);

      report (checker, "safety-impact-without-hazard", id, hazards_path,
              _("%s could harm a patient but links no hazard: link the hazard of the safety risk file"), id);
    }

  if (bw_risk_assessment_lacks_benefit_risk (checker->method, threat))
    {
      int e;
      int s;
      g_autofree char *residual_path = g_strconcat (path, bw_threat_get_residual (threat) ? ".residual" : ".risk", NULL);

      bw_risk_assessment_get_rating (threat, BW_RISK_AFTER, &e, &s);
      report (checker, "uncontrolled-residual", id, residual_path,
              _("%s: the residual risk is uncontrolled (exploitability “%s”, severity “%s”): "
                "add measures, or accept it with a benefit-risk rationale"),
              id, level_name (bw_risk_method_get_exploitability (checker->method), e),
              level_name (bw_risk_method_get_severity (checker->method), s));
    }
}

static void
check_threats (Checker *checker)
{
  GListModel *threats = bw_project_get_threats (checker->project);
  guint n = g_list_model_get_n_items (threats);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (threat_is_listed (threat))
        check_threat (checker, threat, i);
    }
}

static void
check_objectives (Checker *checker)
{
  GListModel *objectives = bw_project_get_objectives (checker->project);
  GListModel *requirements = bw_project_get_requirements (checker->project);
  g_autoptr(GHashTable) with_requirement = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (requirements, i);
      const char *id = bw_record_get_id (BW_RECORD (requirement));
      const char *objective = bw_requirement_get_objective (requirement);

      if (objective != NULL)
        g_hash_table_add (with_requirement, (gpointer) objective);
      else
        {
          g_autofree char *path = g_strdup_printf ("requirements[%u].objective", i);

          report (checker, "requirement-without-objective", id, path,
                  _("%s traces to no objective: link the security objective it implements"), id);
        }
      if (is_blank (bw_requirement_get_verification_ref (requirement)))
        {
          g_autofree char *path = g_strdup_printf ("requirements[%u].verification_ref", i);

          report (checker, "requirement-without-verification", id, path,
                  _("%s has no verification reference: name the test case, inspection record or analysis that verifies it"), id);
        }
    }

  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
      const char *id = bw_record_get_id (BW_RECORD (objective));

      if (g_strcmp0 (bw_objective_get_scope (objective), "system") == 0
          && !g_hash_table_contains (with_requirement, id))
        {
          g_autofree char *path = g_strdup_printf ("objectives[%u]", i);

          report (checker, "objective-without-requirement", id, path,
                  _("%s is a system objective without a requirement: detail it as verifiable requirements"), id);
        }
    }
}

static void
check_components (Checker *checker)
{
  GListModel *components = bw_project_get_components (checker->project);
  guint n = g_list_model_get_n_items (components);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      const char *id = bw_record_get_id (BW_RECORD (component));
      GListModel *vulnerabilities = bw_component_get_vulnerabilities (component);
      guint n_vulnerabilities = g_list_model_get_n_items (vulnerabilities);

      if (g_strcmp0 (bw_component_get_support (component), "unknown") == 0)
        {
          g_autofree char *path = g_strdup_printf ("components[%u].support", i);

          report (checker, "component-without-support-data", id, path,
                  _("%s “%s” has no support data: record whether and until when its supplier supports it"),
                  id, bw_component_get_name (component));
        }

      for (guint v = 0; v < n_vulnerabilities; v++)
        {
          g_autoptr(BwVulnerability) vulnerability = g_list_model_get_item (vulnerabilities, v);
          const char *vid = bw_record_get_id (BW_RECORD (vulnerability));
          const char *status = bw_vulnerability_get_status (vulnerability);
          g_autofree char *path = g_strdup_printf ("components[%u].vulnerabilities[%u]", i, v);
          g_autofree char *cvss_path = g_strconcat (path, ".cvss", NULL);
          g_autofree char *label = g_strdup_printf ("%s (%s)", vid, id);

          check_cvss (checker, id, label, cvss_path, bw_vulnerability_get_cvss (vulnerability));
          if (g_strcmp0 (status, "affected") == 0
              && g_strv_length ((char **) bw_vulnerability_get_threats (vulnerability)) == 0
              && g_strv_length ((char **) bw_vulnerability_get_objectives (vulnerability)) == 0)
            report (checker, "vulnerability-without-treatment", id, path,
                    _("%s affects the device but links no threat or objective: model how it can be exploited or how it is countered"),
                    label);
          if (g_strcmp0 (status, "not_affected") == 0 && is_blank (bw_vulnerability_get_justification (vulnerability)))
            {
              g_autofree char *justification_path = g_strconcat (path, ".justification", NULL);

              report (checker, "not-affected-without-justification", id, justification_path,
                      _("%s is “not affected” without a justification: say why the device is not affected"), label);
            }
          if (bw_vulnerability_get_kev (vulnerability)
              && (g_strcmp0 (status, "affected") == 0 || g_strcmp0 (status, "under_investigation") == 0))
            {
              g_autofree char *status_path = g_strconcat (path, ".status", NULL);

              report (checker, "kev-not-fixed", id, status_path,
                      _("%s is known to be exploited (KEV) and not fixed: fix it first"), label);
            }
        }
    }
}

/* Runs every check; a list of BwFinding in the order of the project's
 * collections (assets, elements, threats, requirements, objectives,
 * components). */
GListModel *
bw_checks_run (BwProject *project)
{
  Checker checker = { 0 };
  GListStore *store;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  checker.project = project;
  checker.method = bw_project_get_risk_method (project);
  checker.findings = g_ptr_array_new_with_free_func (g_object_unref);

  check_assets (&checker);
  check_elements (&checker);
  check_threats (&checker);
  check_objectives (&checker);
  check_components (&checker);

  store = g_list_store_new (BW_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, checker.findings->pdata, checker.findings->len);
  g_ptr_array_unref (checker.findings);
  return G_LIST_MODEL (store);
}
