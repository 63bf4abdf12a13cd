/* test-import.c — importers (Threat Dragon, OTM, TM7) and exporters (Threat Dragon, OTM)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-export-otm.h"
#include "bw-geometry.h"
#include "bw-export-threat-dragon.h"
#include "bw-history-entry.h"
#include "bw-import.h"
#include "bw-project-io.h"
#include "bw-test-utils.h"

typedef struct
{
  guint diagrams;
  guint nodes;
  guint flows;
  guint boxes;
  guint lines;
  guint threats;
} Counts;

static char *
own_fixture (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "import", name, NULL);
}

/* The Threat Dragon samples live beside the project, never in it. */
static char *
shared_fixture (const char *name)
{
  const char *dir = g_getenv ("BW_THREAT_DRAGON_FIXTURES");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_build_filename (dir, name, NULL);
}

static Counts
count (BwProject *project)
{
  GListModel *elements = bw_project_get_elements (project);
  Counts c = { g_list_model_get_n_items (bw_project_get_diagrams (project)), 0, 0, 0, 0,
               g_list_model_get_n_items (bw_project_get_threats (project)) };

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      if (bw_element_is_node (e))
        c.nodes++;
      else if (bw_element_get_kind_enum (e) == BW_ELEMENT_DATA_FLOW)
        c.flows++;
      else if (bw_element_is_line (e))
        c.lines++;
      else
        c.boxes++;
    }
  return c;
}

static void
assert_counts (BwProject *project,
               Counts     expected)
{
  Counts c = count (project);

  g_assert_cmpuint (c.diagrams, ==, expected.diagrams);
  g_assert_cmpuint (c.nodes, ==, expected.nodes);
  g_assert_cmpuint (c.flows, ==, expected.flows);
  g_assert_cmpuint (c.boxes, ==, expected.boxes);
  g_assert_cmpuint (c.lines, ==, expected.lines);
  g_assert_cmpuint (c.threats, ==, expected.threats);
}

/* Every import must be a project Bulwark itself would write and read. */
static void
assert_round_trips (BwProject *project)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) again = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_autoptr(GBytes) bytes_again = NULL;

  g_assert_no_error (error);
  bytes_again = bw_project_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static BwProject *
import_path (const char      *path,
             BwImportFormat   expected_format,
             GPtrArray      **report)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwImportFormat format;
  BwProject *project;

  project = bw_import_from_file (file, NULL, &format, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpint (format, ==, expected_format);
  g_assert_nonnull (*report);
  assert_round_trips (project);
  return project;
}

static gboolean
report_has (GPtrArray  *report,
            const char *needle)
{
  for (guint i = 0; i < report->len; i++)
    if (strstr (g_ptr_array_index (report, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static BwElement *
element_named (BwProject  *project,
               const char *name)
{
  GListModel *elements = bw_project_get_elements (project);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      if (g_str_equal (bw_element_get_name (e), name))
        return e;
    }
  g_assert_not_reached ();
}

static BwThreat *
threat_titled (BwProject  *project,
               const char *title)
{
  GListModel *threats = bw_project_get_threats (project);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) t = g_list_model_get_item (threats, i);

      if (g_str_equal (bw_threat_get_title (t), title))
        return t;
    }
  g_assert_not_reached ();
}

static JsonNode *
property (BwElement  *element,
          const char *name)
{
  return json_object_get_member (bw_element_get_properties (element), name);
}

static void
test_samples (void)
{
  /* Counted by hand from the JSON: nodes are actors, processes and
   * stores; flows only those attached at both ends; boundaries boxes and
   * curves; threats those on imported nodes and flows. */
  static const struct { const char *file; BwImportFormat format; Counts counts; } samples[] = {
    { "v1-demo-threat-model.json", BW_IMPORT_FORMAT_THREAT_DRAGON_V1, { 1, 7, 10, 0, 4, 14 } },
    { "v2-threat-model.json", BW_IMPORT_FORMAT_THREAT_DRAGON_V2, { 1, 7, 10, 0, 3, 14 } },
    /* 9 flows, 5 of them loose at one end; 2 text blocks. */
    { "v2-test-reports.json", BW_IMPORT_FORMAT_THREAT_DRAGON_V2, { 7, 24, 4, 2, 2, 8 } },
    { "v2-iot-device.json", BW_IMPORT_FORMAT_THREAT_DRAGON_V2, { 1, 11, 14, 0, 1, 4 } },
    /* "Application Code" is a code representation, not a diagram. */
    { "otm-example.json", BW_IMPORT_FORMAT_OTM, { 2, 4, 2, 2, 0, 2 } },
  };
  g_autofree char *probe = shared_fixture ("NOTICE");

  if (probe == NULL)
    {
      g_test_skip ("../shared/fixtures/threat-dragon is absent");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = shared_fixture (samples[i].file);
      g_autoptr(GPtrArray) report = NULL;
      g_autoptr(BwProject) project = NULL;

      g_test_message ("%s", samples[i].file);
      project = import_path (path, samples[i].format, &report);
      assert_counts (project, samples[i].counts);
    }
}

static void
test_sample_details (void)
{
  g_autofree char *path = shared_fixture ("v1-demo-threat-model.json");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwProject) otm = NULL;
  g_autofree char *otm_path = NULL;
  BwElement *flow;
  BwThreat *threat;

  if (path == NULL)
    {
      g_test_skip ("../shared/fixtures/threat-dragon is absent");
      return;
    }
  project = import_path (path, BW_IMPORT_FORMAT_THREAT_DRAGON_V1, &report);
  g_assert_cmpstr (bw_model_get_title (bw_project_get_model (project)), ==, "Demo Threat Model");
  flow = element_named (project, "Web Request");
  g_assert_true (json_node_get_boolean (property (flow, "public_network")));
  g_assert_true (json_node_get_boolean (property (flow, "encrypted")));
  g_assert_cmpstr (json_node_get_string (property (flow, "protocol")), ==, "HTTP/S");
  g_assert_cmpuint (bw_element_get_points (flow)->len, ==, 1);
  threat = threat_titled (project, "Data flow should use HTTP/S");
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.data_flow.information_disclosure");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "addressed");
  g_assert_cmpstr (bw_threat_get_treatment (threat), ==, "mitigate");
  g_assert_cmpint (bw_risk_get_severity (bw_threat_get_risk (threat)), ==, 4);
  /* Two denial-of-service threats on one process: only the first is the rule's. */
  g_assert_cmpstr (bw_threat_get_origin (threat_titled (project, "Poison messages 1")), ==, "derived");
  g_assert_cmpstr (bw_threat_get_origin (threat_titled (project, "Poison messages 2")), ==, "manual");
  g_assert_true (json_node_get_boolean (property (element_named (project, "Worker Config"), "stores_credentials")));

  otm_path = shared_fixture ("otm-example.json");
  g_clear_pointer (&report, g_ptr_array_unref);
  otm = import_path (otm_path, BW_IMPORT_FORMAT_OTM, &report);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_assets (otm)), ==, 2);
  g_assert_cmpstr (bw_element_get_kind (element_named (otm, "Web Client")), ==, "external_entity");
  g_assert_cmpstr (bw_element_get_kind (element_named (otm, "Customer Database")), ==, "data_store");
  g_assert_true (bw_element_get_bidirectional (element_named (otm, "Dataflow between webclient and webservice.")));
  g_assert_true (report_has (report, "Mitigation 2"));
}

static void
test_threat_dragon_v1 (void)
{
  g_autofree char *path = own_fixture ("td-v1-small.json");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = import_path (path, BW_IMPORT_FORMAT_THREAT_DRAGON_V1, &report);
  BwElement *process, *store, *flow, *boundary;
  BwThreat *first, *second, *threat;
  BwHistoryEntry *entry;
  GArray *points;
  const char * const *authors;

  assert_counts (project, (Counts) { 1, 3, 2, 0, 1, 6 });
  authors = bw_model_get_authors (bw_project_get_model (project));
  g_assert_cmpstr (authors[0], ==, "A. Engineer");
  g_assert_cmpstr (authors[1], ==, "B. Reviewer");

  process = element_named (project, "Meter firmware");
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (process)), ==, "P-1");
  g_assert_cmpstr (json_node_get_string (property (process, "privilege")), ==, "firmware");
  /* Unknown data is kept, and said. */
  g_assert_true (json_node_get_boolean (property (process, "custom_flag")));
  g_assert_true (report_has (report, "customFlag"));
  /* The diagram is scaled by 1.3, so the 100 px process circle is 130 px
   * and every other position keeps its place relative to it. */
  g_assert_true (report_has (report, "scaled by 1.30"));
  g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (process)[0]), ==, 442);
  g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (process)[2]), ==, 130);
  g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (element_named (project, "Patient"))[2]), ==, 208);

  store = element_named (project, "Reading log");
  g_assert_true (json_node_get_boolean (property (store, "is_log")));
  g_assert_null (property (store, "encrypted"));
  g_assert_true (bw_element_get_out_of_scope (store));
  g_assert_cmpstr (bw_element_get_out_of_scope_reason (store), ==, "Kept by the hospital system.");

  flow = element_named (project, "Blood sample");
  points = bw_element_get_points (flow);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpfloat (bw_number_get (&g_array_index (points, BwPoint, 0).x), ==, 351);
  g_assert_cmpstr (bw_element_get_source (flow), ==, "EE-1");
  g_assert_cmpstr (bw_element_get_target (flow), ==, "P-1");

  boundary = element_named (project, "");
  g_assert_true (bw_element_is_line (boundary));
  g_assert_cmpuint (bw_element_get_points (boundary)->len, ==, 3);

  first = threat_titled (project, "Spoofed app pairs with the meter");
  second = threat_titled (project, "Spoofed service tool");
  g_assert_cmpstr (bw_threat_get_origin (first), ==, "derived");
  g_assert_cmpstr (bw_threat_get_rule (first), ==, "stride.process.spoofing");
  g_assert_cmpstr (bw_threat_get_rationale (first), ==, "Pairing needs out-of-band confirmation on the meter.");
  g_assert_cmpstr (bw_threat_get_origin (second), ==, "manual");
  g_assert_null (bw_threat_get_rule (second));
  entry = g_list_model_get_item (bw_threat_get_history (second), 0);
  g_assert_cmpstr (bw_history_entry_get_event (entry), ==, "created");
  g_assert_true (g_str_has_prefix (bw_history_entry_get_detail (entry), "Imported from Threat Dragon v1"));
  g_object_unref (entry);

  /* Tampering is not in the basic table of an external entity. */
  threat = threat_titled (project, "Forged meter readings");
  g_assert_cmpstr (bw_threat_get_origin (threat), ==, "manual");
  g_assert_cmpstr (bw_threat_get_category (threat), ==, "T");
  /* Repudiation is, for a store that is a log. */
  threat = threat_titled (project, "Log entries denied");
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.data_store.repudiation");
  g_assert_null (bw_threat_get_risk (threat));
  threat = threat_titled (project, "Firmware runs attacker code");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "not_applicable");
  g_assert_cmpint (bw_risk_get_severity (bw_threat_get_risk (threat)), ==, 5);
}

static void
test_threat_dragon_v2 (void)
{
  g_autofree char *path = own_fixture ("td-v2-small.json");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = import_path (path, BW_IMPORT_FORMAT_THREAT_DRAGON_V2, &report);
  BwElement *gateway, *flow, *box;
  BwThreat *threat;

  /* The loose flow is left out, and said. */
  assert_counts (project, (Counts) { 1, 2, 1, 1, 1, 2 });
  g_assert_true (report_has (report, "Loose end"));
  g_assert_true (report_has (report, "CIA"));

  box = element_named (project, "Hospital network");
  g_assert_false (bw_element_is_line (box));
  g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (box)[2]), ==, 400);

  gateway = element_named (project, "Gateway");
  g_assert_cmpstr (json_node_get_string (property (gateway, "privilege_level")), ==, "root on Linux");
  /* The text block goes to the nearest node's description. */
  g_assert_nonnull (strstr (bw_element_get_description (gateway), "Pumps are on VLAN 12"));
  g_assert_true (g_str_has_prefix (bw_element_get_description (gateway), "Bridges the pumps to the EHR."));
  g_assert_true (json_node_get_boolean (property (element_named (project, "Pump"), "provides_authentication")));

  flow = element_named (project, "Infusion orders");
  g_assert_true (bw_element_get_bidirectional (flow));
  g_assert_cmpuint (bw_element_get_points (flow)->len, ==, 2);
  g_assert_cmpstr (json_node_get_string (property (flow, "protocol")), ==, "HTTPS");

  /* CIA onto STRIDE: confidentiality is disclosure, integrity tampering. */
  threat = threat_titled (project, "Drug library read");
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.process.information_disclosure");
  g_assert_nonnull (strstr (bw_threat_get_description (threat), "score: 5.3"));
  threat = threat_titled (project, "Order altered");
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.data_flow.tampering");
  g_assert_cmpstr (bw_threat_get_treatment (threat), ==, "mitigate");
  g_assert_cmpstr (bw_threat_get_rationale (threat), !=, "");
}

static gboolean
centre_inside (BwElement *node,
               BwElement *box)
{
  const BwNumber *n = bw_element_get_bounds (node), *b = bw_element_get_bounds (box);
  double cx = bw_number_get (&n[0]) + bw_number_get (&n[2]) / 2;
  double cy = bw_number_get (&n[1]) + bw_number_get (&n[3]) / 2;

  return cx >= bw_number_get (&b[0]) && cx <= bw_number_get (&b[0]) + bw_number_get (&b[2])
         && cy >= bw_number_get (&b[1]) && cy <= bw_number_get (&b[1]) + bw_number_get (&b[3]);
}

static void
assert_nodes_apart (BwProject *project)
{
  GListModel *elements = bw_project_get_elements (project);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    for (guint k = i + 1; k < g_list_model_get_n_items (elements); k++)
      {
        g_autoptr(BwElement) a = g_list_model_get_item (elements, i);
        g_autoptr(BwElement) b = g_list_model_get_item (elements, k);
        BwRect ra, rb;

        if (!bw_element_is_node (a) || !bw_element_is_node (b) ||
            g_strcmp0 (bw_element_get_diagram (a), bw_element_get_diagram (b)) != 0)
          continue;
        g_assert_true (bw_element_get_rect (a, &ra));
        g_assert_true (bw_element_get_rect (b, &rb));
        g_assert_false (bw_rects_intersect (&ra, &rb));
      }
}

/* A Threat Dragon diagram saved without a layout (every cell at one
 * place) is arranged; the counts and names are what the file says. */
static void
test_threat_dragon_without_geometry (void)
{
  static const char data[] =
    "{\"version\": \"2.2.0\", \"summary\": {\"title\": \"No layout\"},"
    " \"detail\": {\"contributors\": [], \"diagrams\": [{\"id\": 0, \"title\": \"Flat\","
    " \"diagramType\": \"STRIDE\", \"version\": \"2.2.0\", \"cells\": ["
    "{\"position\": {\"x\": 0, \"y\": 0}, \"size\": {\"width\": 160, \"height\": 80},"
    " \"shape\": \"actor\", \"id\": \"a\", \"data\": {\"type\": \"tm.Actor\", \"name\": \"Clinician\", \"threats\": []}},"
    "{\"position\": {\"x\": 0, \"y\": 0}, \"size\": {\"width\": 100, \"height\": 100},"
    " \"shape\": \"process\", \"id\": \"p\", \"data\": {\"type\": \"tm.Process\", \"name\": \"Pump\", \"threats\": []}},"
    "{\"position\": {\"x\": 0, \"y\": 0}, \"size\": {\"width\": 160, \"height\": 80},"
    " \"shape\": \"store\", \"id\": \"s\", \"data\": {\"type\": \"tm.Store\", \"name\": \"Log\", \"threats\": []}},"
    "{\"shape\": \"flow\", \"id\": \"f1\", \"source\": {\"cell\": \"a\"}, \"target\": {\"cell\": \"p\"},"
    " \"data\": {\"type\": \"tm.Flow\", \"name\": \"Dose\", \"threats\": []}},"
    "{\"shape\": \"flow\", \"id\": \"f2\", \"source\": {\"cell\": \"p\"}, \"target\": {\"cell\": \"s\"},"
    " \"data\": {\"type\": \"tm.Flow\", \"name\": \"Events\", \"threats\": []}}"
    "]}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = bw_import_from_data (data, sizeof data - 1, NULL, &report, &error);
  const BwNumber *actor, *process;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  assert_counts (project, (Counts) { 1, 3, 2, 0, 0, 0 });
  assert_nodes_apart (project);
  /* Flows go left to right. */
  actor = bw_element_get_bounds (element_named (project, "Clinician"));
  process = bw_element_get_bounds (element_named (project, "Pump"));
  g_assert_cmpfloat (bw_number_get (&actor[0]), <, bw_number_get (&process[0]));
}

static void
test_otm (void)
{
  g_autofree char *path = own_fixture ("otm-small.json");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = import_path (path, BW_IMPORT_FORMAT_OTM, &report);
  BwElement *app, *api, *db, *internet, *cloud, *upload;
  g_autoptr(BwAsset) asset = NULL;
  BwThreat *threat;

  assert_counts (project, (Counts) { 1, 3, 2, 2, 0, 2 });
  app = element_named (project, "Mobile app");
  api = element_named (project, "Sync API");
  db = element_named (project, "History DB");
  internet = element_named (project, "Internet");
  cloud = element_named (project, "Cloud");
  g_assert_cmpstr (bw_element_get_kind (app), ==, "external_entity");
  g_assert_cmpstr (bw_element_get_kind (api), ==, "process");
  g_assert_cmpstr (bw_element_get_kind (db), ==, "data_store");
  /* Arrange (zones as clusters) keeps every component inside its zone,
   * and only there, and the nodes apart. */
  g_assert_true (centre_inside (app, internet));
  g_assert_false (centre_inside (app, cloud));
  g_assert_true (centre_inside (api, cloud));
  g_assert_true (centre_inside (db, cloud));
  g_assert_false (centre_inside (db, internet));
  assert_nodes_apart (project);
  /* Flows go left to right. */
  g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (app)[0]), <, bw_number_get (&bw_element_get_bounds (api)[0]));

  asset = g_list_model_get_item (bw_project_get_assets (project), 0);
  g_assert_cmpstr (bw_asset_get_confidentiality (asset), ==, "high");
  g_assert_cmpstr (bw_asset_get_availability (asset), ==, "low");
  g_assert_cmpstr (bw_element_get_assets (db)[0], ==, "A-1");
  upload = element_named (project, "Upload");
  g_assert_cmpstr (bw_element_get_assets (upload)[0], ==, "A-1");
  g_assert_cmpstr (json_node_get_string (property (api, "otm_language")), ==, "Go");

  threat = threat_titled (project, "Stolen API token");
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.process.spoofing");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "addressed");
  g_assert_nonnull (strstr (bw_threat_get_rationale (threat), "Short-lived tokens"));
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (threat)), ==, 3);
  g_assert_cmpint (bw_risk_get_severity (bw_threat_get_risk (threat)), ==, 4);
  threat = threat_titled (project, "Readings intercepted");
  g_assert_cmpstr (bw_threat_get_target (threat), ==, bw_record_get_id (BW_RECORD (upload)));
  g_assert_cmpstr (bw_threat_get_rule (threat), ==, "stride.data_flow.information_disclosure");
  g_assert_true (report_has (report, "Unused threat"));
}

static void
test_tm7 (void)
{
  g_autofree char *path = own_fixture ("tm7-small.tm7");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = import_path (path, BW_IMPORT_FORMAT_TM7, &report);
  BwElement *clinician, *log, *dose, *line;
  BwThreat *threat;
  const char * const *interaction;

  assert_counts (project, (Counts) { 1, 3, 2, 1, 1, 2 });
  g_assert_cmpstr (bw_model_get_title (bw_project_get_model (project)), ==, "Therapy portal");
  clinician = element_named (project, "Clinician");
  g_assert_cmpstr (bw_element_get_kind (clinician), ==, "external_entity");
  g_assert_true (json_node_get_boolean (property (clinician, "authenticates_itself")));
  log = element_named (project, "Audit log");
  g_assert_true (json_node_get_boolean (property (log, "is_log")));
  g_assert_cmpstr (json_node_get_string (property (element_named (project, "Therapy portal"), "code_type")), ==, "Managed");
  dose = element_named (project, "Dose change");
  g_assert_true (json_node_get_boolean (property (dose, "encrypted")));
  g_assert_cmpuint (bw_element_get_points (dose)->len, ==, 1);
  line = element_named (project, "Internet Boundary");
  g_assert_true (bw_element_is_line (line));
  g_assert_false (bw_element_is_line (element_named (project, "Azure Trust Boundary")));

  threat = threat_titled (project, "Spoofing the Clinician External Entity");
  g_assert_cmpstr (bw_threat_get_origin (threat), ==, "manual");
  g_assert_cmpstr (bw_threat_get_category (threat), ==, "S");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "addressed");
  g_assert_cmpstr (bw_threat_get_rationale (threat), ==, "Clinicians sign in with the hospital's SSO and a second factor.");
  g_assert_cmpint (bw_risk_get_severity (bw_threat_get_risk (threat)), ==, 4);
  interaction = bw_threat_get_interaction (threat);
  g_assert_nonnull (interaction);
  g_assert_cmpstr (interaction[0], ==, "EE-1");
  g_assert_cmpstr (interaction[1], ==, bw_record_get_id (BW_RECORD (dose)));
  threat = threat_titled (project, "Data Store Inaccessible");
  g_assert_cmpstr (bw_threat_get_category (threat), ==, "D");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "needs_investigation");
  g_assert_true (report_has (report, "Threat on a deleted flow"));
  g_assert_true (report_has (report, "Draft for review"));
}

static void
assert_refused (const char *data,
                gsize       length,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = bw_import_from_data (data, length, NULL, &report, &error);

  g_assert_null (project);
  g_assert_null (report);
  g_assert_error (error, BW_IMPORT_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
assert_file_refused (const char *path,
                     int         code,
                     const char *needle)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  assert_refused (data, length, code, needle);
}

#define REFUSE(text, code, needle) assert_refused (text, strlen (text), code, needle)

static void
test_malformed (void)
{
  g_autofree char *v1 = shared_fixture ("v1-malformed-new-model.json");
  g_autofree char *v2 = shared_fixture ("v2-malformed-new-model.json");
  g_autofree char *td_wrong = own_fixture ("td-wrong-type.json");
  g_autofree char *otm_wrong = own_fixture ("otm-wrong-type.json");
  g_autofree char *tm7 = own_fixture ("tm7-small.tm7");
  g_autofree char *td = own_fixture ("td-v2-small.json");
  const char *wrong_position = "{\"summary\": {}, \"detail\": {\"diagrams\": [{\"cells\": "
                               "[{\"shape\": \"actor\", \"position\": {\"x\": \"1\"}}]}]}}";
  g_autofree char *data = NULL;
  gsize length;

  if (v1 != NULL)
    {
      assert_file_refused (v1, BW_IMPORT_ERROR_INVALID, "summary");
      assert_file_refused (v2, BW_IMPORT_ERROR_INVALID, "summary.description: expected a string");
    }
  else
    g_test_message ("../shared/fixtures/threat-dragon is absent: the malformed samples are not tried");
  assert_file_refused (td_wrong, BW_IMPORT_ERROR_INVALID, "detail.diagrams[0].cells: expected an array, found an object");
  assert_file_refused (otm_wrong, BW_IMPORT_ERROR_INVALID, "components[0].name: expected a string, found a number");

  /* Truncated files. */
  g_assert_true (g_file_get_contents (td, &data, &length, NULL));
  assert_refused (data, length / 2, BW_IMPORT_ERROR_SYNTAX, "not valid JSON");
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (tm7, &data, &length, NULL));
  assert_refused (data, length / 2, BW_IMPORT_ERROR_SYNTAX, "not valid XML");

  /* Wrong types and unknown formats. */
  REFUSE ("[1, 2]", BW_IMPORT_ERROR_UNKNOWN_FORMAT, NULL);
  REFUSE ("{\"summary\": {}, \"detail\": {\"diagrams\": 3}}", BW_IMPORT_ERROR_INVALID,
                  "detail.diagrams: expected an array, found a number");
  REFUSE ("{\"summary\": {}, \"detail\": {\"diagrams\": [{\"title\": \"x\"}]}}", BW_IMPORT_ERROR_INVALID,
                  "detail.diagrams[0]");
  REFUSE (wrong_position, BW_IMPORT_ERROR_INVALID, "detail.diagrams[0].cells[0].position.x: expected a number");
  REFUSE ("{\"otmVersion\": \"0.2.0\"}", BW_IMPORT_ERROR_INVALID, "project: the member is missing");
  REFUSE ("<html><body/></html>", BW_IMPORT_ERROR_INVALID, "<ThreatModel>");
  REFUSE ("", BW_IMPORT_ERROR_SYNTAX, NULL);
}

static BwImportFormat
sniff_string (const char *text)
{
  return bw_import_sniff (text, strlen (text));
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) example = bw_project_dup_example_bytes ();

  g_assert_cmpint (bw_import_sniff (g_bytes_get_data (example, NULL), g_bytes_get_size (example)), ==,
                   BW_IMPORT_FORMAT_BULWARK);
  g_assert_cmpint (sniff_string ("{\"otmVersion\": \"0.2.0\"}"), ==, BW_IMPORT_FORMAT_OTM);
  g_assert_cmpint (sniff_string ("{\"summary\": {}, \"detail\": {\"diagrams\": [{\"diagramJson\": {}}]}}"), ==,
                   BW_IMPORT_FORMAT_THREAT_DRAGON_V1);
  g_assert_cmpint (sniff_string ("{\"version\": \"2.2.0\", \"summary\": {}}"), ==, BW_IMPORT_FORMAT_THREAT_DRAGON_V2);
  g_assert_cmpint (sniff_string ("\xEF\xBB\xBF<ThreatModel/>"), ==, BW_IMPORT_FORMAT_TM7);
  g_assert_cmpint (sniff_string ("{}"), ==, BW_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (sniff_string ("not json"), ==, BW_IMPORT_FORMAT_UNKNOWN);
}

static GHashTable *
names_of (BwProject *project)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *elements = bw_project_get_elements (project);
  GListModel *threats = bw_project_get_threats (project);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      g_hash_table_add (names, g_strdup_printf ("%s %s", bw_element_get_kind (e), bw_element_get_name (e)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) t = g_list_model_get_item (threats, i);
      BwRecord *target = bw_project_lookup (project, bw_threat_get_target (t));

      g_hash_table_add (names, g_strdup_printf ("threat %s %s %s on %s", bw_threat_get_category (t), bw_threat_get_status (t),
                                                bw_threat_get_title (t), bw_element_get_name (BW_ELEMENT (target))));
    }
  return names;
}

static void
test_round_trip_threat_dragon (void)
{
  g_autoptr(BwProject) example = bw_test_load_example ();
  g_autoptr(GPtrArray) export_report = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GBytes) bytes = bw_export_threat_dragon (example, &export_report);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) back = NULL;
  g_autoptr(GHashTable) before = names_of (example);
  g_autoptr(GHashTable) after = NULL;
  BwImportFormat format;
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpint (bw_import_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)), ==,
                   BW_IMPORT_FORMAT_THREAT_DRAGON_V2);
  back = bw_import_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &format, &report, &error);
  g_assert_no_error (error);
  assert_round_trips (back);
  assert_counts (back, count (example));
  /* Elements, flows, boundaries and threats come back by kind, name, category and status. */
  after = names_of (back);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (after, key))
        g_error ("lost in the round trip: %s", (const char *) key);
    }
  /* Geometry and properties too. */
  for (guint i = 0; i < g_list_model_get_n_items (bw_project_get_elements (example)); i++)
    {
      g_autoptr(BwElement) a = g_list_model_get_item (bw_project_get_elements (example), i);
      g_autoptr(BwElement) b = g_list_model_get_item (bw_project_get_elements (back), i);
      JsonObject *pa = bw_element_get_properties (a);
      g_autoptr(GList) members = json_object_get_members (pa);

      g_assert_cmpstr (bw_element_get_name (a), ==, bw_element_get_name (b));
      if (bw_element_is_node (a))
        for (guint k = 0; k < 4; k++)
          g_assert_cmpfloat (bw_number_get (&bw_element_get_bounds (a)[k]), ==, bw_number_get (&bw_element_get_bounds (b)[k]));
      g_assert_cmpuint (bw_element_get_points (a)->len, ==, bw_element_get_points (b)->len);
      g_assert_cmpint (bw_element_get_bidirectional (a), ==, bw_element_get_bidirectional (b));
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *va = json_object_get_member (pa, l->data);
          JsonNode *vb = json_object_get_member (bw_element_get_properties (b), l->data);

          /* false is every flag's default: Threat Dragon leaves it out. */
          if (json_node_get_value_type (va) == G_TYPE_BOOLEAN && !json_node_get_boolean (va))
            continue;
          g_assert_nonnull (vb);
          g_assert_true (json_node_equal (va, vb));
        }
    }
  /* What Threat Dragon cannot hold is said. */
  g_assert_true (report_has (export_report, "attack trees"));
}

static void
test_round_trip_otm (void)
{
  g_autoptr(BwProject) example = bw_test_load_example ();
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GBytes) bytes = bw_export_otm (example, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) back = NULL;
  Counts before = count (example), after;

  back = bw_import_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &report, &error);
  g_assert_no_error (error);
  assert_round_trips (back);
  after = count (back);
  g_assert_cmpuint (after.diagrams, ==, before.diagrams);
  g_assert_cmpuint (after.nodes, ==, before.nodes);
  g_assert_cmpuint (after.flows, ==, before.flows);
  g_assert_cmpuint (after.threats, ==, before.threats);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_assets (back)), ==,
                    g_list_model_get_n_items (bw_project_get_assets (example)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/sniff", test_sniff);
  g_test_add_func ("/import/samples", test_samples);
  g_test_add_func ("/import/sample-details", test_sample_details);
  g_test_add_func ("/import/threat-dragon-v1", test_threat_dragon_v1);
  g_test_add_func ("/import/threat-dragon-v2", test_threat_dragon_v2);
  g_test_add_func ("/import/threat-dragon-without-geometry", test_threat_dragon_without_geometry);
  g_test_add_func ("/import/otm", test_otm);
  g_test_add_func ("/import/tm7", test_tm7);
  g_test_add_func ("/import/malformed", test_malformed);
  g_test_add_func ("/import/round-trip-threat-dragon", test_round_trip_threat_dragon);
  g_test_add_func ("/import/round-trip-otm", test_round_trip_otm);

  return g_test_run ();
}
