/* bw-deriver.c — threats from rules: the plan of what derivation would change
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Derivation never touches the user's work (FORMAT.md, threats): a derived
 * threat is keyed by (rule, target, interaction); derivation adds the keys
 * that are missing, and otherwise only sets or clears `obsolete` and
 * `superseded` and appends history. It is computed as a plan first, so the
 * app can show what would change before anything does, and applied as one
 * command (bw-command-derive.c), so it is one undo step.
 *
 * Speed matters because derivation follows every edit: rules are indexed by
 * what they apply to (BwRuleSet), boundary crossing is computed once per
 * flow per plan, and the derived threats are found through an index by
 * target that lives on the project and follows its threat list
 * (bw-deriver-cache.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bw-command-derive.h"
#include "bw-command-stack.h"
#include "bw-deriver-private.h"
#include "bw-geometry.h"
#include "bw-history-entry.h"
#include "bw-project-private.h"
#include "bw-risk.h"
#include "bw-rule-condition-private.h"
#include "bw-rule-library-ref.h"
#include "bw-rule-private.h"

G_DEFINE_BOXED_TYPE (BwDerivePlan, bw_derive_plan, bw_derive_plan_ref, bw_derive_plan_unref)

static const char * const action_names[] = { "added", "obsolete", "revived", "superseded", "unsuperseded" };

/* ---- The plan ----------------------------------------------------------- */

static void
object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static BwDerivePlan *
plan_new (void)
{
  BwDerivePlan *self = g_new0 (BwDerivePlan, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->ref_count = 1;
  self->time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->items = g_array_new (FALSE, TRUE, sizeof (BwDeriveItem));
  self->strings = g_string_chunk_new (16 * 1024);
  self->new_threats = g_ptr_array_new_with_free_func (g_object_unref);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->runs = g_array_new (FALSE, FALSE, sizeof (BwDeriveRun));
  self->entries = g_ptr_array_new_with_free_func (object_unref0);
  return self;
}

BwDerivePlan *
bw_derive_plan_ref (BwDerivePlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bw_derive_plan_unref (BwDerivePlan *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->time);
  g_array_unref (self->items);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->new_threats);
  g_array_unref (self->numbers);
  g_array_unref (self->runs);
  g_ptr_array_unref (self->entries);
  g_strfreev (self->missing_libraries);
  g_free (self);
}

gboolean
bw_derive_plan_is_empty (BwDerivePlan *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->items->len == 0;
}

guint
bw_derive_plan_get_n_items (BwDerivePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

/* Returns: (transfer none): one change, in the order they apply */
const BwDeriveItem *
bw_derive_plan_get_item (BwDerivePlan *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, BwDeriveItem, index);
}

guint
bw_derive_plan_count (BwDerivePlan   *self,
                      BwDeriveAction  action)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (action <= BW_DERIVE_UNSUPERSEDE, 0);
  return self->counts[action];
}

const char * const *
bw_derive_plan_get_missing_libraries (BwDerivePlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->missing_libraries;
}

const char *
bw_derive_plan_get_time (BwDerivePlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->time;
}

const char *
bw_derive_action_to_string (BwDeriveAction action)
{
  g_return_val_if_fail (action <= BW_DERIVE_UNSUPERSEDE, NULL);
  return action_names[action];
}

/* ---- Evaluation --------------------------------------------------------- */

enum {
  F_ORIGIN, F_TITLE, F_DESCRIPTION, F_STATUS, F_TREATMENT, F_SOURCES, F_CATEGORY, F_RISK,
  F_RULE, F_TARGET, F_INTERACTION, F_HISTORY,
  F_RISK_EXPLOITABILITY, F_RISK_MULTI_PATIENT,
  F_ENTRY_AT, F_ENTRY_EVENT, F_ENTRY_DETAIL,
  N_FIELDS
};

typedef struct
{
  BwProject    *project;
  BwRuleSet    *rules;
  BwDerivePlan *plan;
  BwDeriverLayout *layout;
  GHashTable   *crossing;       /* element → 1 (no) or 2 (yes) */
  gint64        next_id;        /* the next threat number to try */
  gint64        highest_id;     /* numbers above it are free (_bw_project_get_highest_number) */
  const BwField *fields[N_FIELDS];
  GHashTable   *rule_strings;   /* BwRule → RuleStrings, made once per plan */
  /* The enumeration values a new threat gets, as the fields store them. */
  const char   *derived;
  const char   *not_started;
  const char   *no_treatment;
  const char   *derived_event;
  JsonNode    **values[BW_RULE_SUBJECT_N];  /* BwRuleContext.values */
  BwRuleMemo   *memo[BW_RULE_SUBJECT_N];    /* BwRuleContext.memo */
  GArray       *compiled[BW_RULE_APPLIES_N];  /* CompiledRule per kind of subject */
  GHashTable   *shapes;         /* a diagram's boundaries (layout) → GArray of Shape */
  guint         n_values;
  GArray       *matches;        /* Match, one element's; reused from element to element */
  GArray       *matched;        /* gboolean per existing threat of that element */
  GPtrArray    *existing_rules; /* BwRule (or NULL) per existing threat of that element */
  const char   *last_diagram;   /* shapes_of()'s last question (a flow's diagram ID) */
  GArray       *last_shapes;    /* and its answer */
} Deriver;


/* What every threat of a rule shares. */
typedef struct
{
  const char *rule_id;      /* the plan's copy */
  char       *detail;       /* the "derived" history entry's detail */
  char       *references;   /* the description's closing paragraph, or NULL */
  const char *category;     /* the threat's category, as its field stores it */
} RuleStrings;

/* A rule as the evaluation loop needs it, looked up once per plan. */
typedef struct
{
  BwRuleGuard            guard;       /* the condition cannot hold without it */
  BwRule                *rule;
  const BwRuleCondition *condition;
  BwRuleLibrary         *vocabulary;
  RuleStrings           *strings;     /* made when the rule first adds a threat */
} CompiledRule;

/* A rule that applies to an element (and, for an interaction, its ends). */
typedef struct
{
  CompiledRule *compiled;
  BwElement    *source;
  BwElement    *target;
} Match;

static void
rule_strings_free (gpointer data)
{
  RuleStrings *strings = data;

  g_free (strings->detail);
  g_free (strings->references);
  g_free (strings);
}

/* A boundary's shape, read once per plan. */
typedef struct
{
  BwElement *boundary;
  gboolean   is_line;
  BwRect     box;
} Shape;

static GArray *
shapes_of (Deriver    *self,
           const char *diagram_id)
{
  GPtrArray *boundaries;
  GArray *shapes;

  /* Elements come diagram by diagram: the last answer is usually it. */
  if (self->last_diagram != NULL && g_strcmp0 (self->last_diagram, diagram_id) == 0)
    return self->last_shapes;
  self->last_diagram = diagram_id;
  self->last_shapes = NULL;
  boundaries = g_hash_table_lookup (self->layout->boundaries, diagram_id);
  if (boundaries == NULL)
    return NULL;
  shapes = g_hash_table_lookup (self->shapes, boundaries);
  if (shapes != NULL)
    {
      self->last_shapes = shapes;
      return shapes;
    }
  shapes = g_array_sized_new (FALSE, TRUE, sizeof (Shape), boundaries->len);
  for (guint i = 0; i < boundaries->len; i++)
    {
      Shape shape = { boundaries->pdata[i], bw_element_is_line (boundaries->pdata[i]), { 0 } };

      if (!shape.is_line)
        bw_element_get_rect (shape.boundary, &shape.box);
      g_array_append_val (shapes, shape);
    }
  g_hash_table_insert (self->shapes, boundaries, shapes);
  self->last_shapes = shapes;
  return shapes;
}

/* FORMAT.md's crossing, as bw_geometry_flow_crosses() decides it, with the
 * ends and the boundaries' shapes looked up once rather than per pair;
 * `ends` are the flow's (either way round: a box is crossed when it holds
 * one end and not the other), NULL or not elements if they are missing. */
static gboolean
flow_crosses (Deriver   *self,
              BwElement *flow,
              BwRecord  *ends[2])
{
  GArray *shapes = shapes_of (self, bw_element_get_diagram (flow));
  BwVec centres[2];
  gboolean have[2];

  if (shapes == NULL)
    return FALSE;
  for (guint e = 0; e < 2; e++)
    have[e] = BW_IS_ELEMENT (ends[e]) && bw_element_get_centre (BW_ELEMENT (ends[e]), &centres[e]);

  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = &g_array_index (shapes, Shape, i);

      if (shape->is_line)
        {
          if (bw_geometry_flow_crosses (self->project, flow, shape->boundary))
            return TRUE;
          continue;
        }
      if ((have[0] && bw_rect_contains_point (&shape->box, centres[0].x, centres[0].y))
          != (have[1] && bw_rect_contains_point (&shape->box, centres[1].x, centres[1].y)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
crossing_cb (BwElement *element,
             gpointer   user_data)
{
  Deriver *self = user_data;
  int known = GPOINTER_TO_INT (g_hash_table_lookup (self->crossing, element));
  gboolean crosses = FALSE;

  if (known != 0)
    return known == 2;

  if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
    {
      BwRecord *ends[2] = {
        bw_project_lookup (self->project, bw_element_get_source (element)),
        bw_project_lookup (self->project, bw_element_get_target (element)),
      };

      crosses = flow_crosses (self, element, ends);
    }
  else if (bw_element_is_node (element))
    {
      GPtrArray *flows = g_hash_table_lookup (self->layout->flows_of, element);

      if (flows == NULL)
        crosses = bw_rule_element_crosses_boundary (self->project, element);
      /* The layout has each flow's other end: no look-up by ID. */
      for (guint i = 0; flows != NULL && i < flows->len && !crosses; i += 2)
        {
          BwElement *flow = flows->pdata[i];
          int flow_known = GPOINTER_TO_INT (g_hash_table_lookup (self->crossing, flow));

          if (flow_known == 0)
            {
              BwRecord *ends[2] = { BW_RECORD (element), flows->pdata[i + 1] };

              flow_known = flow_crosses (self, flow, ends) ? 2 : 1;
              g_hash_table_insert (self->crossing, flow, GINT_TO_POINTER (flow_known));
            }
          crosses = flow_known == 2;
        }
    }
  g_hash_table_insert (self->crossing, element, GINT_TO_POINTER (crosses ? 2 : 1));
  return crosses;
}

/* A copy of `s` the plan owns: its strings are kept in one chunk rather
 * than allocated one by one, as a first derivation plans one item per new
 * threat, tens of thousands. */
static const char *
plan_string (Deriver    *self,
             const char *s)
{
  return s != NULL ? g_string_chunk_insert (self->plan->strings, s) : NULL;
}

/* `rule_id` and `target` are the plan's already (plan_string()): the
 * items of one rule or one element share them. */
static void
add_item (Deriver        *self,
          BwDeriveAction  action,
          const char     *threat_id,
          const char     *rule_id,
          const char     *target,
          const char     *title)
{
  BwDeriveItem item = {
    action, (char *) plan_string (self, threat_id), (char *) rule_id, (char *) target, (char *) plan_string (self, title),
  };

  g_array_append_val (self->plan->items, item);
  self->plan->counts[action]++;
}

/* A change of an existing threat, with the history entry it appends. */
static void
change (Deriver        *self,
        BwThreat       *threat,
        BwDeriveAction  action,
        const char     *detail)
{
  static const char * const events[] = { "derived", "obsolete", "revived", "superseded", "changed" };
  BwHistoryEntry *entry = g_object_new (BW_TYPE_HISTORY_ENTRY,
                                        "at", self->plan->time,
                                        "event", events[action],
                                        "detail", detail,
                                        NULL);

  add_item (self, action, bw_record_get_id (BW_RECORD (threat)), plan_string (self, bw_threat_get_rule (threat)),
            plan_string (self, bw_threat_get_target (threat)), bw_threat_get_title (threat));
  g_ptr_array_add (self->plan->entries, entry);
}

/* An enumeration's value as its field stores it (the table's own string),
 * found once per plan rather than once per threat. */
static const char *
canonical (const BwField *field,
           const char    *value)
{
  for (guint i = 0; field->values[i] != NULL; i++)
    if (g_str_equal (field->values[i], value))
      return field->values[i];
  g_assert_not_reached ();
  return NULL;
}

static void
set_enum (BwRecord      *record,
          const BwField *field,
          const char    *value)
{
  *(const char **) BW_FIELD_PTR (record, field) = value;
}

static void
set_string (BwRecord      *record,
            const BwField *field,
            char          *value)
{
  char **ptr = BW_FIELD_PTR (record, field);

  bw_field_string_free (*ptr);
  *ptr = value;
}

static RuleStrings *
rule_strings (Deriver *self,
              BwRule  *rule)
{
  RuleStrings *strings = g_hash_table_lookup (self->rule_strings, rule);
  const char * const *references;
  BwRuleLibrary *library;

  if (strings != NULL)
    return strings;
  strings = g_new0 (RuleStrings, 1);
  strings->rule_id = plan_string (self, bw_rule_get_id (rule));
  library = bw_rule_set_lookup_library (self->rules, bw_rule_get_library_id (rule));
  strings->detail = g_strdup_printf ("%s (%s %s)", bw_rule_get_id (rule), bw_rule_get_library_id (rule),
                                     library != NULL ? bw_rule_library_get_version (library) : "");
  strings->category = canonical (self->fields[F_CATEGORY], bw_rule_get_category (rule));
  references = bw_rule_get_references (rule);
  if (references != NULL && references[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) references);
      g_autofree char *line = g_strdup_printf (_("References: %s."), joined);

      strings->references = g_strconcat ("\n\n", line, NULL);
    }
  g_hash_table_insert (self->rule_strings, rule, strings);
  return strings;
}

/* What a new derived threat is made of. */
typedef struct
{
  Deriver      *self;
  CompiledRule *compiled;
  BwElement    *element;
  const char   *element_id;
  BwElement    *source;
  BwElement    *target;
  gboolean      crosses;
  BwRecord     *risk;
  BwRecord     *entry;
} NewThreat;

static char **
interaction_of (const char *source,
                const char *flow,
                const char *target)
{
  char **strv = g_new (char *, 4);

  strv[0] = g_strdup (source);
  strv[1] = g_strdup (flow);
  strv[2] = g_strdup (target);
  strv[3] = NULL;
  return strv;
}

/* Writes "T-<n>" into `buf` (at least 24 bytes): one per new threat, so
 * without the printf machinery. */
static void
format_threat_id (char   *buf,
                  gint64  n)
{
  char digits[20];
  guint len = 0;
  guint64 v = n;

  do
    digits[len++] = '0' + v % 10;
  while ((v /= 10) != 0);
  buf[0] = 'T';
  buf[1] = '-';
  for (guint i = 0; i < len; i++)
    buf[2 + i] = digits[len - 1 - i];
  buf[2 + len] = '\0';
}

/* The members of a new derived threat, set before the record's defaults
 * would allocate their own. */
static void
fill_threat (BwRecord *record,
             gpointer  data)
{
  NewThreat *new = data;
  Deriver *self = new->self;
  BwRule *rule = new->compiled->rule;
  RuleStrings *strings = new->compiled->strings;

  set_enum (record, self->fields[F_ORIGIN], self->derived);
  set_string (record, self->fields[F_RULE], g_strdup (strings->rule_id));
  set_string (record, self->fields[F_TARGET], g_strdup (new->element_id));
  if (new->source != NULL)
    *(char ***) BW_FIELD_PTR (record, self->fields[F_INTERACTION])
      = interaction_of (bw_record_get_id (BW_RECORD (new->source)), new->element_id,
                        bw_record_get_id (BW_RECORD (new->target)));
  set_enum (record, self->fields[F_CATEGORY], strings->category);
  set_string (record, self->fields[F_TITLE], bw_rule_expand_title (rule, new->element, new->source, new->target));
  set_string (record, self->fields[F_DESCRIPTION],
              _bw_rule_expand_description_with (rule, new->element, new->source, new->target, strings->references));
  set_enum (record, self->fields[F_STATUS], self->not_started);
  set_enum (record, self->fields[F_TREATMENT], self->no_treatment);
  {
    char **sources = g_new (char *, 2);

    sources[0] = g_strdup ("design");
    sources[1] = NULL;
    *(char ***) BW_FIELD_PTR (record, self->fields[F_SOURCES]) = sources;
  }
  *(BwRecord **) BW_FIELD_PTR (record, self->fields[F_RISK]) = new->risk;
  /* The "derived" entry; the history list is made when first read. */
  bw_record_fill_item (record, self->fields[F_HISTORY], new->entry);

  /* The IDs bw_project_allocate_id() would give, without taking them yet:
   * planning does not change the project. */
  for (;;)
    {
      gint64 number = self->next_id++;
      char id[32];

      format_threat_id (id, number);
      if (number > self->highest_id || bw_project_lookup (self->project, id) == NULL)
        {
          if (self->plan->new_threats->len == 0)
            self->plan->first_number = number;
          g_array_append_val (self->plan->numbers, number);
          bw_record_fill_id (record, id);
          break;
        }
    }
}

/* The "derived" history entry. */
static void
fill_entry (BwRecord *entry,
            gpointer  data)
{
  NewThreat *new = data;
  Deriver *self = new->self;

  set_string (entry, self->fields[F_ENTRY_AT], g_strdup (self->plan->time));
  set_enum (entry, self->fields[F_ENTRY_EVENT], self->derived_event);
  set_string (entry, self->fields[F_ENTRY_DETAIL], g_strdup (new->compiled->strings->detail));
}

/* Builds a new derived threat. It is not in the project yet, so its
 * members are written directly (a GObject property set per member costs
 * more than the rest of derivation on a large model). */
static BwThreat *
new_threat (Deriver      *self,
            CompiledRule *compiled,
            BwElement    *element,
            const char   *element_id,
            BwElement    *source,
            BwElement    *target,
            gboolean      crosses)
{
  BwRule *rule = compiled->rule;
  NewThreat new = { self, compiled, element, element_id, source, target, crosses, NULL, NULL };
  BwRecord *record;
  int exploitability = bw_rule_get_exploitability (rule);

  if (compiled->strings == NULL)
    compiled->strings = rule_strings (self, rule);

  /* Boundary-crossing flows and nodes at a boundary come first (METHOD.md). */
  if (crosses)
    exploitability = MIN (exploitability + 1, 5);
  new.risk = g_object_new (BW_TYPE_RISK, NULL);
  *(int *) BW_FIELD_PTR (new.risk, self->fields[F_RISK_EXPLOITABILITY]) = exploitability;
  *(gboolean *) BW_FIELD_PTR (new.risk, self->fields[F_RISK_MULTI_PATIENT]) = bw_rule_get_multi_patient (rule);

  new.entry = bw_record_new_filled (BW_TYPE_HISTORY_ENTRY, fill_entry, &new);
  record = bw_record_new_filled (BW_TYPE_THREAT, fill_threat, &new);
  return (BwThreat *) record;
}

/* Whether an existing threat, of the rule `threat_rule` (its rule looked
 * up by ID, or NULL), has this key (its target is already known). */
static gboolean
same_key (BwThreat   *threat,
          BwRule     *threat_rule,
          BwRule     *rule,
          BwElement  *source,
          BwElement  *flow,
          BwElement  *target)
{
  const char * const *interaction;

  if (threat_rule != rule)
    return FALSE;
  interaction = bw_threat_get_interaction (threat);
  if (source == NULL)
    return interaction == NULL;
  return interaction != NULL
         && g_strv_length ((char **) interaction) == 3
         && g_strcmp0 (interaction[0], bw_record_get_id (BW_RECORD (source))) == 0
         && g_strcmp0 (interaction[1], bw_record_get_id (BW_RECORD (flow))) == 0
         && g_strcmp0 (interaction[2], bw_record_get_id (BW_RECORD (target))) == 0;
}

/* What the rules say about one element (or, for a deleted element, about
 * its ID alone), compared with the threats it has. */
static void
derive_one (Deriver    *self,
            const char *id,
            BwElement  *element,
            GPtrArray  *existing)
{
  GArray *matches = self->matches;
  gboolean summary = g_hash_table_contains (self->layout->summary, id);
  gboolean missing = self->plan->missing_libraries[0] != NULL;
  guint n_existing = existing->len;
  gboolean *matched;
  int crosses = -1;
  guint n_added;
  const char *plan_target = NULL;   /* `id`, the plan's copy, once it adds a threat */

  /* Threats of rules we do not have: if a recorded library is missing they
   * may be its rules, so they stay as they are. Each one's rule is looked
   * up once here, and compared by pointer with the rules that apply. */
  g_array_set_size (matches, 0);
  g_ptr_array_set_size (self->existing_rules, 0);
  for (guint i = 0; i < existing->len; )
    {
      BwRule *rule = bw_rule_set_lookup_rule (self->rules, bw_threat_get_rule (existing->pdata[i]));

      if (missing && rule == NULL)
        g_ptr_array_remove_index (existing, i);
      else
        {
          g_ptr_array_add (self->existing_rules, rule);
          i++;
        }
    }
  n_existing = existing->len;

  if (element != NULL && summary)
    {
      for (guint i = 0; i < n_existing; i++)
        if (!bw_threat_get_superseded (existing->pdata[i]))
          change (self, existing->pdata[i], BW_DERIVE_SUPERSEDE, _("Its element is refined by a more detailed one."));
      return;
    }

  if (element != NULL && bw_element_get_kind_enum (element) != BW_ELEMENT_TRUST_BOUNDARY
      && !bw_element_get_out_of_scope (element))
    {
      BwRuleContext context = { 0 };
      BwElementKind kind = bw_element_get_kind_enum (element);
      GArray *rules = self->compiled[kind];

      context.project = self->project;
      context.crossing = crossing_cb;
      context.crossing_data = self;
      context.subjects[BW_RULE_SUBJECT_FLOW] = element;
      for (guint i = 0; i < BW_RULE_SUBJECT_N; i++)
        {
          context.values[i] = self->values[i];
          memset (self->values[i], 0, self->n_values * sizeof (JsonNode *));
          context.memo[i] = self->memo[i];
          bw_rule_memo_reset (self->memo[i]);
        }
      bw_rule_condition_fill_values (self->values[BW_RULE_SUBJECT_FLOW], self->n_values, element);
      for (guint r = 0; r < rules->len; r++)
        {
          CompiledRule *compiled = &g_array_index (rules, CompiledRule, r);

          context.vocabulary = compiled->vocabulary;
          /* Most rules fail on a test an earlier rule already asked. */
          if (!_bw_rule_guard_fails (&compiled->guard, &context)
              && bw_rule_condition_evaluate (compiled->condition, &context))
            {
              Match match = { compiled, NULL, NULL };

              g_array_append_val (matches, match);
            }
        }

      if (kind == BW_ELEMENT_DATA_FLOW)
        {
          BwRecord *ends[2] = {
            bw_project_lookup (self->project, bw_element_get_source (element)),
            bw_project_lookup (self->project, bw_element_get_target (element)),
          };
          guint directions = bw_element_get_bidirectional (element) ? 2 : 1;

          rules = self->compiled[BW_RULE_APPLIES_INTERACTION];
          for (guint d = 0; d < directions && BW_IS_ELEMENT (ends[0]) && BW_IS_ELEMENT (ends[1]); d++)
            {
              memset (self->values[BW_RULE_SUBJECT_SOURCE], 0, self->n_values * sizeof (JsonNode *));
              memset (self->values[BW_RULE_SUBJECT_TARGET], 0, self->n_values * sizeof (JsonNode *));
              bw_rule_memo_reset (self->memo[BW_RULE_SUBJECT_SOURCE]);
              bw_rule_memo_reset (self->memo[BW_RULE_SUBJECT_TARGET]);
              context.subjects[BW_RULE_SUBJECT_SOURCE] = BW_ELEMENT (ends[d]);
              context.subjects[BW_RULE_SUBJECT_TARGET] = BW_ELEMENT (ends[1 - d]);
              for (guint r = 0; r < rules->len; r++)
                {
                  CompiledRule *compiled = &g_array_index (rules, CompiledRule, r);

                  context.vocabulary = compiled->vocabulary;
                  if (!_bw_rule_guard_fails (&compiled->guard, &context)
                      && bw_rule_condition_evaluate (compiled->condition, &context))
                    {
                      Match match = { compiled, BW_ELEMENT (ends[d]), BW_ELEMENT (ends[1 - d]) };

                      g_array_append_val (matches, match);
                    }
                }
            }
        }
    }

  g_array_set_size (self->matched, 0);
  g_array_set_size (self->matched, n_existing + 1);
  matched = (gboolean *) (gpointer) self->matched->data;
  for (guint i = 0; i < n_existing; i++)
    if (bw_threat_get_superseded (existing->pdata[i]) && element != NULL)
      change (self, existing->pdata[i], BW_DERIVE_UNSUPERSEDE, _("Its element is no longer refined."));

  n_added = self->plan->new_threats->len;
  for (guint m = 0; m < matches->len; m++)
    {
      Match *match = &g_array_index (matches, Match, m);
      gboolean found = FALSE;

      for (guint i = 0; i < n_existing; i++)
        if (same_key (existing->pdata[i], self->existing_rules->pdata[i], match->compiled->rule,
                      match->source, element, match->target))
          {
            found = TRUE;
            if (!matched[i] && bw_threat_get_obsolete (existing->pdata[i]))
              change (self, existing->pdata[i], BW_DERIVE_REVIVE, _("Its rule applies again."));
            matched[i] = TRUE;
          }
      if (!found)
        {
          BwThreat *threat;

          /* Boundary-crossing flows and nodes at a boundary: asked once per element. */
          if (crosses < 0)
            crosses = crossing_cb (element, self);
          if (plan_target == NULL)
            plan_target = plan_string (self, id);
          threat = new_threat (self, match->compiled, element, id, match->source, match->target, crosses);
          add_item (self, BW_DERIVE_ADD, bw_record_get_id (BW_RECORD (threat)), match->compiled->strings->rule_id,
                    plan_target, bw_threat_get_title (threat));
          g_ptr_array_add (self->plan->new_threats, threat);
          g_ptr_array_add (self->plan->entries, NULL);
        }
    }

  n_added = self->plan->new_threats->len - n_added;
  if (n_added > 0)
    {
      BwDeriveRun run = { n_added, plan_target };

      g_array_append_val (self->plan->runs, run);
    }

  for (guint i = 0; i < n_existing; i++)
    if (!matched[i] && !bw_threat_get_obsolete (existing->pdata[i]))
      change (self, existing->pdata[i], BW_DERIVE_OBSOLETE,
              element != NULL ? _("Its rule no longer applies.") : _("Its element was deleted."));
}

static GStrv
missing_libraries (BwProject *project,
                   BwRuleSet *rules)
{
  GListModel *refs = bw_project_get_rule_libraries (project);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (refs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRecord) ref = g_list_model_get_item (refs, i);
      const char *id = bw_record_get_id (ref);

      if (id != NULL && bw_rule_set_lookup_library (rules, id) == NULL)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

/**
 * bw_deriver_plan:
 * @element_ids: (nullable) (array zero-terminated=1): the elements to
 *   derive (an ID that names no element any more retires that element's
 *   threats); NULL for the whole project
 *
 * Computes, without changing the project, which threats derivation would
 * add, mark obsolete, revive, supersede or stop superseding.
 *
 * Returns: (transfer full): the plan
 */
BwDerivePlan *
bw_deriver_plan (BwProject          *project,
                 BwRuleSet          *rules,
                 const char * const *element_ids)
{
  Deriver self = { 0 };
  BwDeriverThreatIndex *index;
  g_autoptr(GPtrArray) existing = g_ptr_array_new ();
  BwRecordClass *threat_class;
  static const char * const field_names[] = {
    "origin", "title", "description", "status", "treatment", "sources", "category", "risk",
    "rule", "target", "interaction", "history",
    "exploitability", "multi_patient",
    "at", "event", "detail",
  };
  BwRecordClass *risk_class = g_type_class_ref (BW_TYPE_RISK);
  BwRecordClass *entry_class = g_type_class_ref (BW_TYPE_HISTORY_ENTRY);

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BW_IS_RULE_SET (rules), NULL);

  self.project = project;
  self.rules = rules;
  self.plan = plan_new ();
  self.plan->missing_libraries = missing_libraries (project, rules);
  self.plan->counter_before = bw_id_counters_get (bw_project_get_id_counters (project), "T");
  self.next_id = MAX (1, self.plan->counter_before);
  self.highest_id = _bw_project_get_highest_number (project, "T");
  self.crossing = g_hash_table_new (NULL, NULL);
  threat_class = g_type_class_ref (BW_TYPE_THREAT);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      BwRecordClass *klass = f >= F_ENTRY_AT ? entry_class : f >= F_RISK_EXPLOITABILITY ? risk_class : threat_class;

      self.fields[f] = bw_record_class_find_field (klass, field_names[f]);
      g_assert (self.fields[f] != NULL);
    }
  self.derived = canonical (self.fields[F_ORIGIN], "derived");
  self.not_started = canonical (self.fields[F_STATUS], "not_started");
  self.no_treatment = canonical (self.fields[F_TREATMENT], "none");
  self.derived_event = canonical (self.fields[F_ENTRY_EVENT], "derived");
  self.rule_strings = g_hash_table_new_full (NULL, NULL, NULL, rule_strings_free);
  for (guint a = 0; a < BW_RULE_APPLIES_N; a++)
    {
      GPtrArray *list = bw_rule_set_get_rules_for (rules, a);

      self.compiled[a] = g_array_sized_new (FALSE, FALSE, sizeof (CompiledRule), list->len);
      for (guint r = 0; r < list->len; r++)
        {
          CompiledRule compiled = {
            bw_rule_condition_get_guard (bw_rule_get_condition (list->pdata[r])),
            list->pdata[r], bw_rule_get_condition (list->pdata[r]), _bw_rule_get_library (list->pdata[r]), NULL
          };

          g_array_append_val (self.compiled[a], compiled);
        }
    }
  self.shapes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self.matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self.matched = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self.existing_rules = g_ptr_array_new ();
  self.n_values = bw_rule_condition_get_n_slots ();
  for (guint i = 0; i < BW_RULE_SUBJECT_N; i++)
    {
      self.values[i] = g_new0 (JsonNode *, self.n_values + 1);
      self.memo[i] = bw_rule_memo_new ();
    }
  self.layout = _bw_deriver_layout_get (project);
  index = _bw_deriver_threat_index_get (project);

  if (element_ids == NULL)
    {
      GListModel *elements = bw_project_get_elements (project);
      guint n = g_list_model_get_n_items (elements);
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
          const char *id = bw_record_get_id (BW_RECORD (element));

          _bw_deriver_collect_threats (index, id, existing);
          derive_one (&self, id, element, existing);
        }
      /* Threats of elements that are gone, in threat order. */
      g_hash_table_iter_init (&iter, index->by_target);
      {
        g_autoptr(GPtrArray) orphans = g_ptr_array_new ();

        while (g_hash_table_iter_next (&iter, &key, &value))
          if (!BW_IS_ELEMENT (bw_project_lookup (project, key)))
            g_ptr_array_add (orphans, key);
        g_ptr_array_sort (orphans, (GCompareFunc) g_strcmp0);
        for (guint i = 0; i < orphans->len; i++)
          {
            const char *id = *(const char **) &orphans->pdata[i];

            _bw_deriver_collect_threats (index, id, existing);
            derive_one (&self, id, NULL, existing);
          }
      }
    }
  else
    {
      g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; element_ids[i] != NULL; i++)
        {
          BwRecord *record = bw_project_lookup (project, element_ids[i]);

          /* An ID listed twice is derived once. */
          if (!g_hash_table_add (done, (gpointer) element_ids[i]))
            continue;
          _bw_deriver_collect_threats (index, element_ids[i], existing);
          derive_one (&self, element_ids[i], BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL, existing);
        }
    }

  self.plan->counter_after = self.plan->new_threats->len > 0 ? self.next_id : self.plan->counter_before;

  g_type_class_unref (threat_class);
  g_type_class_unref (risk_class);
  g_type_class_unref (entry_class);
  g_hash_table_unref (self.rule_strings);
  for (guint i = 0; i < BW_RULE_SUBJECT_N; i++)
    {
      g_free (self.values[i]);
      bw_rule_memo_free (self.memo[i]);
    }
  for (guint a = 0; a < BW_RULE_APPLIES_N; a++)
    g_array_unref (self.compiled[a]);
  g_hash_table_unref (self.shapes);
  g_array_unref (self.matches);
  g_array_unref (self.matched);
  g_ptr_array_unref (self.existing_rules);
  g_hash_table_unref (self.crossing);
  return self.plan;
}

/**
 * bw_deriver_dup_touched_ids:
 *
 * What an edit of one element can change the threats of: the element, the
 * flows that start or end at it and their other ends (for a flow: the flow
 * and its two ends, whose "at a boundary" may change with it).
 *
 * Returns: (transfer full): the IDs, `element_id` first
 */
GStrv
bw_deriver_dup_touched_ids (BwProject  *project,
                            const char *element_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  BwRecord *record;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (element_id != NULL, NULL);

  g_strv_builder_add (builder, element_id);
  g_hash_table_add (seen, (gpointer) element_id);
  record = bw_project_lookup (project, element_id);
  if (BW_IS_ELEMENT (record) && bw_element_get_kind_enum (BW_ELEMENT (record)) == BW_ELEMENT_DATA_FLOW)
    {
      const char *ends[] = { bw_element_get_source (BW_ELEMENT (record)), bw_element_get_target (BW_ELEMENT (record)) };

      for (guint e = 0; e < 2; e++)
        if (ends[e] != NULL && g_hash_table_add (seen, (gpointer) ends[e]))
          g_strv_builder_add (builder, ends[e]);
    }
  else if (BW_IS_ELEMENT (record) && bw_element_is_node (BW_ELEMENT (record)))
    {
      GPtrArray *flows = g_hash_table_lookup (_bw_deriver_layout_get (project)->flows_of, record);

      for (guint i = 0; flows != NULL && i < flows->len; i += 2)
        {
          BwElement *flow = flows->pdata[i];
          const char *ends[2] = { bw_element_get_source (flow), bw_element_get_target (flow) };

          if (g_hash_table_add (seen, (gpointer) bw_record_get_id (BW_RECORD (flow))))
            g_strv_builder_add (builder, bw_record_get_id (BW_RECORD (flow)));
          for (guint e = 0; e < 2; e++)
            if (ends[e] != NULL && g_hash_table_add (seen, (gpointer) ends[e]))
              g_strv_builder_add (builder, ends[e]);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * bw_deriver_derive:
 * @plan_out: (out) (optional) (transfer full): the plan that was applied
 *
 * Plans and, when there is something to change, executes the plan on the
 * project's command stack as one undoable step.
 *
 * Returns: TRUE when something changed; FALSE when nothing needed to (with
 *   @error unset) or the command failed (with @error set)
 */
gboolean
bw_deriver_derive (BwProject          *project,
                   BwRuleSet          *rules,
                   const char * const *element_ids,
                   BwDerivePlan      **plan_out,
                   GError            **error)
{
  g_autoptr(BwDerivePlan) plan = NULL;
  g_autoptr(BwCommand) command = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_RULE_SET (rules), FALSE);

  plan = bw_deriver_plan (project, rules, element_ids);
  if (plan_out != NULL)
    *plan_out = bw_derive_plan_ref (plan);
  if (bw_derive_plan_is_empty (plan))
    return FALSE;
  command = bw_command_derive_new (project, plan);
  return bw_command_stack_execute (bw_project_get_command_stack (project), command, error);
}
