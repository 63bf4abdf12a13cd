/* bw-asset-taxonomy.h — the kinds of asset step 1 must not forget
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * METHOD.md, step 1: a taxonomy (patient data, therapy and diagnosis
 * functions, clinical workflow, system secrets, availability) keeps common
 * kinds of asset from being forgotten.  FORMAT.md gives an asset no
 * category member, and a file must stay canonical, so the category is not
 * stored: it is recognised from what the asset is.
 *
 * How an asset is recognised (name and description are matched
 * case-insensitively, a keyword at the start of a word; each category's
 * keywords are in English and, where a translator added them, in the
 * user's language):
 *
 * - patient data: kind `data` and a patient keyword (patient, PHI,
 *   health, personal, identity, reading, measurement, vital, glucose …);
 * - therapy and diagnosis functions: a therapy keyword (therapy, dose,
 *   delivery, diagnosis, treatment, infusion, stimulation …), or kind
 *   `function` with `safety_relevant` set;
 * - clinical workflow: a workflow keyword (clinical, clinician, workflow,
 *   order, schedule, prescription, hospital, caregiver, EHR …);
 * - system secrets: kind `data` and a secret keyword (key, secret,
 *   credential, password, certificate, token, PIN …);
 * - availability: kind `function` or `property` with a `high`
 *   availability need, or an availability keyword (availability, alarm,
 *   alert, uptime, continuity, essential performance …).
 *
 * An asset may belong to several categories, or to none.
 */
#pragma once

#include "bw-asset.h"

G_BEGIN_DECLS

typedef enum
{
  BW_ASSET_CATEGORY_PATIENT_DATA,
  BW_ASSET_CATEGORY_THERAPY,
  BW_ASSET_CATEGORY_CLINICAL_WORKFLOW,
  BW_ASSET_CATEGORY_SYSTEM_SECRETS,
  BW_ASSET_CATEGORY_AVAILABILITY,
  BW_N_ASSET_CATEGORIES
} BwAssetCategory;

const char *bw_asset_category_to_string   (BwAssetCategory  category);
const char *bw_asset_category_title       (BwAssetCategory  category);
const char *bw_asset_category_description (BwAssetCategory  category);
gboolean    bw_asset_category_matches     (BwAssetCategory  category,
                                           BwAsset         *asset);
/* A bit (1 << category) for each category no asset of `assets` (a list of
 * BwAsset) belongs to. */
guint       bw_asset_taxonomy_missing     (GListModel      *assets);
/* A new asset, without ID, prefilled with a typical member of the
 * category (name, kind, needs); it belongs to the category. */
BwAsset    *bw_asset_category_new_asset   (BwAssetCategory  category);

G_END_DECLS
