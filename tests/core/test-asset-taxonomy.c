/* test-asset-taxonomy.c — which taxonomy categories of step 1 a model lacks
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-asset-taxonomy.h"
#include "bw-command-add.h"
#include "bw-command-stack.h"
#include "bw-test-utils.h"

static BwAsset *
asset (const char *name,
       const char *kind,
       const char *description,
       const char *availability,
       gboolean    safety_relevant)
{
  return g_object_new (BW_TYPE_ASSET,
                       "name", name,
                       "kind", kind,
                       "description", description,
                       "availability", availability,
                       "safety-relevant", safety_relevant,
                       NULL);
}

static gboolean
matches (BwAssetCategory category,
         BwAsset        *a)
{
  gboolean result = bw_asset_category_matches (category, a);

  g_object_unref (a);
  return result;
}

static void
test_keywords (void)
{
  /* Patient data: data with a patient keyword. */
  g_assert_true (matches (BW_ASSET_CATEGORY_PATIENT_DATA,
                          asset ("Patient health data", "data", "", "low", FALSE)));
  g_assert_true (matches (BW_ASSET_CATEGORY_PATIENT_DATA,
                          asset ("History", "data", "Identity and reports (PHI).", "low", FALSE)));
  /* A function is no data, whatever its name. */
  g_assert_false (matches (BW_ASSET_CATEGORY_PATIENT_DATA,
                           asset ("Patient monitoring", "function", "", "low", FALSE)));

  /* Secrets: a keyword at the start of a word only. */
  g_assert_true (matches (BW_ASSET_CATEGORY_SYSTEM_SECRETS,
                          asset ("Pump keys", "data", "", "medium", TRUE)));
  g_assert_true (matches (BW_ASSET_CATEGORY_SYSTEM_SECRETS,
                          asset ("TLS CERTIFICATES", "data", "", "medium", FALSE)));
  g_assert_false (matches (BW_ASSET_CATEGORY_SYSTEM_SECRETS,
                           asset ("Monkey log", "data", "", "medium", FALSE)));

  /* Therapy: a keyword, or a safety-relevant function. */
  g_assert_true (matches (BW_ASSET_CATEGORY_THERAPY,
                          asset ("Insulin dosing commands", "data", "", "high", TRUE)));
  g_assert_true (matches (BW_ASSET_CATEGORY_THERAPY,
                          asset ("Pacing", "function", "", "high", FALSE)));
  g_assert_true (matches (BW_ASSET_CATEGORY_THERAPY,
                          asset ("Occlusion detection", "function", "", "low", TRUE)));
  g_assert_false (matches (BW_ASSET_CATEGORY_THERAPY,
                           asset ("Occlusion detection", "function", "", "low", FALSE)));

  /* Availability: a function or property needed high, or a keyword. */
  g_assert_true (matches (BW_ASSET_CATEGORY_AVAILABILITY,
                          asset ("Insulin delivery", "function", "", "high", TRUE)));
  g_assert_true (matches (BW_ASSET_CATEGORY_AVAILABILITY,
                          asset ("Alarm notification", "property", "", "medium", TRUE)));
  g_assert_false (matches (BW_ASSET_CATEGORY_AVAILABILITY,
                           asset ("Firmware image", "data", "", "high", TRUE)));

  g_assert_true (matches (BW_ASSET_CATEGORY_CLINICAL_WORKFLOW,
                          asset ("Infusion orders", "data", "From the hospital's EHR.", "medium", TRUE)));
  g_assert_false (matches (BW_ASSET_CATEGORY_CLINICAL_WORKFLOW,
                           asset ("Event recorder", "data", "", "medium", FALSE)));
}

/* The example's eight assets cover all but the clinical workflow. */
static void
test_example (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  guint missing = bw_asset_taxonomy_missing (bw_project_get_assets (project));

  g_assert_cmpuint (missing, ==, 1u << BW_ASSET_CATEGORY_CLINICAL_WORKFLOW);
}

/* A new project lacks every category; each prefilled asset fills its own,
 * goes through the command stack like any edit, and undo takes it away. */
static void
test_new_assets (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  GListModel *assets = bw_project_get_assets (project);
  guint all = (1u << BW_N_ASSET_CATEGORIES) - 1;

  g_assert_cmpuint (bw_asset_taxonomy_missing (assets), ==, all);
  for (guint c = 0; c < BW_N_ASSET_CATEGORIES; c++)
    {
      g_autoptr(BwAsset) a = bw_asset_category_new_asset (c);
      g_autoptr(BwCommand) command = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (bw_asset_category_matches (c, a));
      g_assert_cmpstr (bw_asset_category_to_string (c), !=, NULL);
      g_assert_cmpstr (bw_asset_category_title (c), !=, "");
      g_assert_cmpstr (bw_asset_category_description (c), !=, "");
      command = bw_command_add_new (project, BW_RECORD (a), -1);
      g_assert_true (bw_command_stack_execute (stack, command, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (bw_asset_taxonomy_missing (assets) & (1u << c), ==, 0);
    }
  g_assert_cmpuint (bw_asset_taxonomy_missing (assets), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (assets), ==, BW_N_ASSET_CATEGORIES);

  for (guint c = 0; c < BW_N_ASSET_CATEGORIES; c++)
    g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (assets), ==, 0);
  g_assert_cmpuint (bw_asset_taxonomy_missing (assets), ==, all);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asset-taxonomy/keywords", test_keywords);
  g_test_add_func ("/asset-taxonomy/example", test_example);
  g_test_add_func ("/asset-taxonomy/new-assets", test_new_assets);

  return g_test_run ();
}
