/* bw-synthetic.c — the one generator of synthetic projects (see the header)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Layout of synthetic(N):
 *   node i (0 <= i < N): kind i % 3 (external_entity, process, data_store),
 *     ID EE-/P-/DS-(i / 3 + 1), diagram D-(i / 200 + 1), grid cell i % 200
 *     (20 columns of 200 units, rows of 120 units), bounds [x, y, 140, 60];
 *   flows DF-(2i+1) and DF-(2i+2) leave node i for two other nodes of its
 *     diagram (the next cell, and the cell one row down);
 *   boundary TB-(b+1) (0 <= b < N/20) is a box over node 20b + (7b mod 19)
 *     and its right-hand neighbour cell;
 *   threat T-(t+1) (0 <= t < 3N) targets node t/3 when t % 3 == 0, else
 *     flow DF-(2(t/3) + t%3): every node and every flow gets one threat, so
 *     the derived keys (rule, target, interaction) are unique.
 * Everything else is drawn from a fixed-seed xorshift generator.
 * The elements are written diagram by diagram: nodes, boundaries, flows.
 */
#include "bw-synthetic.h"

#include <stdio.h>

#define COLUMNS 20
#define CELL_W  200
#define CELL_H  120

/* How many nodes go on one diagram: BW_SYNTHETIC_NODES_PER_DIAGRAM, or all
 * of them for bw_synthetic_new_one_diagram (the editor's benchmark). */
static guint nodes_per_diagram = BW_SYNTHETIC_NODES_PER_DIAGRAM;

typedef struct
{
  guint64 state;
} Rng;

static guint32
rng_next (Rng *rng)
{
  guint64 x = rng->state;

  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  rng->state = x;
  return (guint32) (x >> 32);
}

static guint
rng_range (Rng  *rng,
           guint n)
{
  return rng_next (rng) % n;
}

typedef struct
{
  const char *slug;
  const char *letter;
  const char *title;
} Category;

static const Category categories[] = {
  { "spoofing",               "S", "Spoofing of" },
  { "tampering",              "T", "Tampering with" },
  { "repudiation",            "R", "Repudiation through" },
  { "information_disclosure", "I", "Information disclosure from" },
  { "denial_of_service",      "D", "Denial of service on" },
  { "elevation_of_privilege", "E", "Elevation of privilege in" },
};

enum { CAT_S, CAT_T, CAT_R, CAT_I, CAT_D, CAT_E };

/* METHOD.md, STRIDE per element (data-store repudiation only for logs,
 * which the synthetic stores are not). */
static const int ee_categories[] = { CAT_S, CAT_R };
static const int p_categories[] = { CAT_S, CAT_T, CAT_R, CAT_I, CAT_D, CAT_E };
static const int ds_categories[] = { CAT_T, CAT_I, CAT_D };
static const int df_categories[] = { CAT_T, CAT_I, CAT_D };

static const char * const node_kinds[] = { "external_entity", "process", "data_store" };
static const char * const node_prefixes[] = { "EE", "P", "DS" };
static const char * const node_names[] = { "Actor", "Service", "Store" };

static const char * const statuses[] = { "not_started", "needs_investigation", "not_applicable", "addressed" };
static const char * const protocols[] = { "HTTPS", "BLE 4.2", "HL7 v2 MLLP", "USB", "MQTT over TLS" };
static const char * const runs_on[] = { "device", "mobile", "cloud", "server", "workstation" };
static const char * const locations[] = { "device", "mobile", "cloud", "server" };
static const char * const roles[] = { "patient", "clinician", "caregiver", "technician", "service", "system" };

guint
bw_synthetic_n_flows (guint n_nodes)
{
  return 2 * n_nodes;
}

guint
bw_synthetic_n_boundaries (guint n_nodes)
{
  return n_nodes / 20;
}

guint
bw_synthetic_n_elements (guint n_nodes)
{
  return n_nodes + bw_synthetic_n_flows (n_nodes) + bw_synthetic_n_boundaries (n_nodes);
}

guint
bw_synthetic_n_threats (guint n_nodes)
{
  return 3 * n_nodes;
}

guint
bw_synthetic_n_diagrams (guint n_nodes)
{
  return (n_nodes + nodes_per_diagram - 1) / nodes_per_diagram;
}

/* Writes "PREFIX-N" of node i into buf. */
static void
node_id (char  *buf,
         gsize  size,
         guint  i)
{
  snprintf (buf, size, "%s-%u", node_prefixes[i % 3], i / 3 + 1);
}

static void
node_xy (guint  i,
         int   *x,
         int   *y)
{
  guint cell = i % nodes_per_diagram;

  *x = 40 + (int) (cell % COLUMNS) * CELL_W;
  *y = 40 + (int) (cell / COLUMNS) * CELL_H;
}

/* The two nodes flows DF-(2i+1) and DF-(2i+2) go to. */
static void
flow_targets (guint  n_nodes,
              guint  i,
              guint *first,
              guint *second)
{
  guint base = i - i % nodes_per_diagram;
  guint m = MIN (nodes_per_diagram, n_nodes - base);
  guint k = i - base;
  guint a = (k + 1) % m;
  guint b = (k + COLUMNS) % m;

  if (b == k || b == a)
    b = (k + m - 1) % m;
  *first = base + a;
  *second = base + b;
}

static guint
boundary_node (guint b)
{
  return 20 * b + (7 * b) % 19;
}

static void
append_node (GString *out,
             guint    i,
             Rng     *rng)
{
  char id[32];
  int x, y;
  guint kind = i % 3;

  node_id (id, sizeof id, i);
  node_xy (i, &x, &y);
  g_string_append_printf (out,
                          "{\"id\": \"%s\", \"kind\": \"%s\", \"diagram\": \"D-%u\", "
                          "\"name\": \"%s %u\", \"description\": \"Synthetic %s %u.\", "
                          "\"bounds\": [%d, %d, 140, 60], \"properties\": {",
                          id, node_kinds[kind], i / nodes_per_diagram + 1,
                          node_names[kind], i + 1, node_kinds[kind], i + 1, x, y);
  switch (kind)
    {
    case 0:
      g_string_append_printf (out, "\"human\": %s, \"role\": \"%s\", \"authenticated\": %s",
                              rng_range (rng, 2) ? "true" : "false",
                              roles[rng_range (rng, G_N_ELEMENTS (roles))],
                              rng_range (rng, 2) ? "true" : "false");
      break;
    case 1:
      g_string_append_printf (out, "\"runs_on\": \"%s\", \"accepts_commands\": %s, \"handles_phi\": %s",
                              runs_on[rng_range (rng, G_N_ELEMENTS (runs_on))],
                              rng_range (rng, 2) ? "true" : "false",
                              rng_range (rng, 2) ? "true" : "false");
      break;
    default:
      g_string_append_printf (out, "\"encrypted\": %s, \"location\": \"%s\", \"retention_days\": %u",
                              rng_range (rng, 2) ? "true" : "false",
                              locations[rng_range (rng, G_N_ELEMENTS (locations))],
                              30 * (1 + rng_range (rng, 24)));
      break;
    }
  g_string_append (out, "}, \"assets\": [], \"out_of_scope\": false, "
                        "\"out_of_scope_reason\": \"\", \"refines\": null},\n");
}

static void
append_boundary (GString *out,
                 guint    b)
{
  guint i = boundary_node (b);
  int x, y;

  node_xy (i, &x, &y);
  g_string_append_printf (out,
                          "{\"id\": \"TB-%u\", \"kind\": \"trust_boundary\", \"diagram\": \"D-%u\", "
                          "\"name\": \"Zone %u\", \"description\": \"\", \"shape\": \"box\", "
                          "\"bounds\": [%d, %d, %d, 100]},\n",
                          b + 1, i / nodes_per_diagram + 1, b + 1,
                          x - 20, y - 20, CELL_W + 180);
}

static void
append_flow (GString *out,
             guint    i,
             guint    which,
             guint    to,
             Rng     *rng)
{
  char source[32], target[32];
  guint n = 2 * i + which + 1;
  guint protocol = rng_range (rng, G_N_ELEMENTS (protocols));

  node_id (source, sizeof source, i);
  node_id (target, sizeof target, to);
  g_string_append_printf (out,
                          "{\"id\": \"DF-%u\", \"kind\": \"data_flow\", \"diagram\": \"D-%u\", "
                          "\"name\": \"Flow %u\", \"description\": \"\", "
                          "\"source\": \"%s\", \"target\": \"%s\", \"bidirectional\": %s, ",
                          n, i / nodes_per_diagram + 1, n, source, target,
                          n % 7 == 0 ? "true" : "false");
  if (n % 5 == 0)
    {
      int x, y;

      node_xy (i, &x, &y);
      g_string_append_printf (out, "\"points\": [[%d, %d]], ", x + 170, y + 90);
    }
  else
    g_string_append (out, "\"points\": [], ");
  g_string_append_printf (out,
                          "\"properties\": {\"protocol\": \"%s\", \"encrypted\": %s, "
                          "\"payload\": \"%s\", \"max_rate_hz\": %u}, "
                          "\"assets\": [], \"out_of_scope\": false, \"out_of_scope_reason\": \"\", "
                          "\"refines\": null},\n",
                          protocols[protocol], protocol != 1 ? "true" : "false",
                          rng_range (rng, 3) == 0 ? "commands" : "data",
                          1 + rng_range (rng, 100));
}

static void
append_threat (GString *out,
               guint    t,
               Rng     *rng)
{
  guint node = t / 3;
  char target[32];
  const char *kind;
  const char *name_prefix;
  guint name_n;
  const int *cats;
  guint n_cats;
  const Category *cat;
  const char *status;
  gboolean addressed;
  guint safety = rng_range (rng, 3);

  if (t % 3 == 0)
    {
      node_id (target, sizeof target, node);
      kind = node_kinds[node % 3];
      name_prefix = node_names[node % 3];
      name_n = node + 1;
      switch (node % 3)
        {
        case 0: cats = ee_categories; n_cats = G_N_ELEMENTS (ee_categories); break;
        case 1: cats = p_categories; n_cats = G_N_ELEMENTS (p_categories); break;
        default: cats = ds_categories; n_cats = G_N_ELEMENTS (ds_categories); break;
        }
    }
  else
    {
      name_n = 2 * node + t % 3;
      snprintf (target, sizeof target, "DF-%u", name_n);
      kind = "data_flow";
      name_prefix = "Flow";
      cats = df_categories;
      n_cats = G_N_ELEMENTS (df_categories);
    }
  cat = &categories[cats[rng_range (rng, n_cats)]];
  status = statuses[rng_range (rng, G_N_ELEMENTS (statuses))];
  addressed = g_str_equal (status, "addressed");

  g_string_append_printf (out,
                          "{\"id\": \"T-%u\", \"origin\": \"derived\", \"rule\": \"stride.%s.%s\", "
                          "\"target\": \"%s\", \"interaction\": null, \"category\": \"%s\", "
                          "\"title\": \"%s %s %u\", \"description\": \"Synthetic threat %u.\", "
                          "\"status\": \"%s\", \"treatment\": \"%s\", \"rationale\": \"%s\", "
                          "\"scenario\": \"\", \"sources\": [\"design\"], "
                          "\"risk\": {\"exploitability\": %u, \"severity\": %u, \"cvss\": null, "
                          "\"safety_impact\": %s, \"hazards\": [], \"multi_patient\": %s}, "
                          "\"residual\": null, \"objectives\": [], \"attack_trees\": [], "
                          "\"archived\": false, \"superseded\": false, \"obsolete\": false, "
                          "\"history\": [{\"at\": \"2026-11-20T09:00:00Z\", \"event\": \"derived\", "
                          "\"by\": null, \"detail\": \"\"}]}",
                          t + 1, kind, cat->slug, target, cat->letter,
                          cat->title, name_prefix, name_n, t + 1,
                          status, addressed ? "mitigate" : "none",
                          addressed ? "Mitigated by design (synthetic)." : "",
                          1 + rng_range (rng, 5), 1 + rng_range (rng, 5),
                          safety == 0 ? "null" : safety == 1 ? "true" : "false",
                          rng_range (rng, 10) == 0 ? "true" : "false");
}

static const char risk_method[] =
  "\"risk_method\": {\"name\": \"Exploitability x severity (5x5)\", "
  "\"exploitability\": [\"Very low\", \"Low\", \"Medium\", \"High\", \"Very high\"], "
  "\"severity\": [\"Negligible\", \"Minor\", \"Serious\", \"Critical\", \"Catastrophic\"], "
  "\"matrix\": ["
  "[\"acceptable\", \"acceptable\", \"acceptable\", \"acceptable\", \"controlled\"], "
  "[\"acceptable\", \"acceptable\", \"acceptable\", \"controlled\", \"controlled\"], "
  "[\"acceptable\", \"acceptable\", \"controlled\", \"controlled\", \"uncontrolled\"], "
  "[\"acceptable\", \"controlled\", \"controlled\", \"uncontrolled\", \"uncontrolled\"], "
  "[\"controlled\", \"controlled\", \"uncontrolled\", \"uncontrolled\", \"uncontrolled\"]], "
  "\"acceptance\": \"Acceptable and controlled risks are accepted; an uncontrolled risk needs "
  "further measures or a documented benefit-risk decision.\"},\n";

void
bw_synthetic_append (GString *out,
                     guint    n_nodes)
{
  Rng rng = { 0x9E3779B97F4A7C15ull };
  guint n_diagrams = bw_synthetic_n_diagrams (n_nodes);
  guint n_boundaries = bw_synthetic_n_boundaries (n_nodes);
  guint n_threats = bw_synthetic_n_threats (n_nodes);
  gsize elements_start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (n_nodes >= 2);

  g_string_append_printf (out,
                          "{\"format\": \"bulwark\", \"format_version\": 1, "
                          "\"generator\": \"bw-synthetic\",\n"
                          "\"model\": {\"title\": \"Synthetic project (%u nodes)\", "
                          "\"description\": \"Generated by tests/bench/bw-synthetic.c.\", "
                          "\"device\": {\"name\": \"Synthetic device\", \"manufacturer\": \"Bulwark tests\", "
                          "\"version\": \"1.0\", \"intended_use\": \"Benchmarks\", \"environment\": \"lab\"}, "
                          "\"authors\": [\"bw-synthetic\"], \"created\": \"2026-11-20T09:00:00Z\", "
                          "\"modified\": \"2026-11-20T09:00:00Z\", \"scope\": \"\", \"methodology\": \"\", "
                          "\"security_concept\": {\"constraints\": \"\", \"policies\": \"\"}, "
                          "\"retirement\": {\"archiving\": \"\", \"deletion\": \"\", \"legal_retention\": \"\"}},\n"
                          "\"id_counters\": {\"A\": 1, \"EE\": %u, \"P\": %u, \"DS\": %u, \"DF\": %u, "
                          "\"TB\": %u, \"D\": %u, \"T\": %u, \"O\": 1, \"R\": 1, \"AT\": 1, \"N\": 1, "
                          "\"H\": 1, \"ASM\": 1, \"C\": 1},\n"
                          "\"assets\": [], \"assumptions\": [], \"hazards\": [],\n"
                          "\"diagrams\": [\n",
                          n_nodes,
                          (n_nodes + 2) / 3 + 1, (n_nodes + 1) / 3 + 1, n_nodes / 3 + 1,
                          bw_synthetic_n_flows (n_nodes) + 1, n_boundaries + 1,
                          n_diagrams + 1, n_threats + 1);
  for (guint d = 0; d < n_diagrams; d++)
    g_string_append_printf (out, "%s{\"id\": \"D-%u\", \"name\": \"Synthetic diagram %u\", "
                                 "\"kind\": \"dataflow\", \"refines\": null}",
                            d == 0 ? "" : ",\n", d + 1, d + 1);
  g_string_append (out, "],\n\"elements\": [\n");

  elements_start = out->len;
  for (guint d = 0; d < n_diagrams; d++)
    {
      guint first = d * nodes_per_diagram;
      guint end = MIN (n_nodes, first + nodes_per_diagram);

      for (guint i = first; i < end; i++)
        append_node (out, i, &rng);
      for (guint b = 0; b < n_boundaries; b++)
        if (boundary_node (b) / nodes_per_diagram == d)
          append_boundary (out, b);
      for (guint i = first; i < end; i++)
        {
          guint a, b;

          flow_targets (n_nodes, i, &a, &b);
          append_flow (out, i, 0, a, &rng);
          append_flow (out, i, 1, b, &rng);
        }
    }
  /* Every element above ends with ",\n": drop the last comma. */
  if (out->len > elements_start)
    g_string_truncate (out, out->len - 2);
  g_string_append (out, "],\n\"threats\": [\n");

  for (guint t = 0; t < n_threats; t++)
    {
      if (t > 0)
        g_string_append (out, ",\n");
      append_threat (out, t, &rng);
    }
  g_string_append (out, "],\n\"objectives\": [], \"requirements\": [], "
                        "\"attack_trees\": [], \"components\": [],\n");
  g_string_append_len (out, risk_method, sizeof risk_method - 1);
  g_string_append (out, "\"rule_libraries\": [{\"id\": \"bulwark.builtin\", "
                        "\"version\": \"2026.1\", \"path\": null}]}\n");
}

GString *
bw_synthetic_new (guint n_nodes)
{
  /* About 1.3 KB per node (a node, two flows, three threats). */
  GString *out = g_string_sized_new (4096 + (gsize) n_nodes * 1400);

  bw_synthetic_append (out, n_nodes);
  return out;
}

gboolean
bw_synthetic_write_file (guint       n_nodes,
                         const char *path,
                         GError    **error)
{
  GString *text = bw_synthetic_new (n_nodes);
  gboolean ok = g_file_set_contents (path, text->str, (gssize) text->len, error);

  g_string_free (text, TRUE);
  return ok;
}

GString *
bw_synthetic_new_one_diagram (guint n_nodes)
{
  GString *out;

  /* The generator is single-threaded benchmark code: a file-wide setting
   * for one call keeps every layout rule in one place. */
  nodes_per_diagram = MAX (n_nodes, 1);
  out = bw_synthetic_new (n_nodes);
  nodes_per_diagram = BW_SYNTHETIC_NODES_PER_DIAGRAM;
  return out;
}
