/* bw-asset-taxonomy.c — the kinds of asset step 1 must not forget
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-asset-taxonomy.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *description;
  /* Translators get the list to add their language's words; the English
   * ones always count too (a model written in English stays recognised). */
  const char *keywords;

  /* The asset "Add" creates. */
  const char *new_name;
  const char *new_kind;
  const char *new_description;
  const char *new_c, *new_i, *new_a;
  gboolean    new_safety_relevant;
} Category;

static const Category categories[BW_N_ASSET_CATEGORIES] = {
  [BW_ASSET_CATEGORY_PATIENT_DATA] = {
    "patient_data", N_("Patient Data"),
    N_("Health data that identifies a patient: measurements, therapy history, identity (PHI)"),
    /* Translators: keywords that mark an asset as patient data, separated
     * by ';', matched at the start of words; add your language's words,
     * do not translate word for word */
    N_("patient;phi;health;personal;identity;reading;measurement;vital;glucose;ecg;medical record;pii"),
    N_("Patient data"), "data",
    N_("Measurements, therapy history and identity of the patient (PHI)."),
    "high", "medium", "low", FALSE },
  [BW_ASSET_CATEGORY_THERAPY] = {
    "therapy", N_("Therapy and Diagnosis Functions"),
    N_("What the device does for the patient: deliver therapy, measure, diagnose"),
    /* Translators: keywords that mark an asset as a therapy or diagnosis
     * function, separated by ';', matched at the start of words */
    N_("therapy;therapeutic;dose;dosing;delivery;diagnos;treatment;infusion;stimulation;pacing;monitoring"),
    N_("Therapy function"), "function",
    N_("The device delivers the prescribed therapy or a correct diagnosis."),
    "none", "high", "high", TRUE },
  [BW_ASSET_CATEGORY_CLINICAL_WORKFLOW] = {
    "clinical_workflow", N_("Clinical Workflow"),
    N_("Orders, schedules and records clinicians rely on around the device"),
    /* Translators: keywords that mark an asset as part of the clinical
     * workflow, separated by ';', matched at the start of words */
    N_("clinical;clinician;workflow;order;schedule;prescription;hospital;caregiver;ehr;emr;care team"),
    N_("Clinical workflow"), "function",
    N_("Clinicians’ orders, schedules and documentation that depend on the device."),
    "medium", "high", "medium", FALSE },
  [BW_ASSET_CATEGORY_SYSTEM_SECRETS] = {
    "system_secrets", N_("System Secrets"),
    N_("Keys, credentials and certificates that protect the device and its connections"),
    /* Translators: keywords that mark an asset as a system secret,
     * separated by ';', matched at the start of words */
    N_("key;secret;credential;password;passphrase;certificate;token;pin"),
    N_("System secrets"), "data",
    N_("Keys, credentials and certificates of the device and its services."),
    "high", "high", "medium", TRUE },
  [BW_ASSET_CATEGORY_AVAILABILITY] = {
    "availability", N_("Availability"),
    N_("The device keeps working when it is needed: essential performance, alarms"),
    /* Translators: keywords that mark an asset as an availability
     * property, separated by ';', matched at the start of words */
    N_("availability;available;alarm;alert;uptime;continuity;essential performance"),
    N_("Availability of essential performance"), "property",
    N_("The device keeps its essential performance and raises its alarms when needed."),
    "none", "medium", "high", TRUE },
};

const char *
bw_asset_category_to_string (BwAssetCategory category)
{
  g_return_val_if_fail (category < BW_N_ASSET_CATEGORIES, NULL);

  return categories[category].id;
}

const char *
bw_asset_category_title (BwAssetCategory category)
{
  g_return_val_if_fail (category < BW_N_ASSET_CATEGORIES, NULL);

  return _(categories[category].title);
}

const char *
bw_asset_category_description (BwAssetCategory category)
{
  g_return_val_if_fail (category < BW_N_ASSET_CATEGORIES, NULL);

  return _(categories[category].description);
}

/* `word` (folded) at the start of a word of `text` (folded): "key" finds
 * "Pump keys" but not "monkey". */
static gboolean
has_word_start (const char *text,
                const char *word)
{
  gsize len = strlen (word);

  if (len == 0)
    return FALSE;
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gunichar before;

      if (p == text)
        return TRUE;
      before = g_utf8_get_char (g_utf8_find_prev_char (text, p));
      if (!g_unichar_isalnum (before))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_keyword_of (const char *text,
                const char *keywords)
{
  g_autofree char *folded = g_utf8_casefold (keywords, -1);
  g_auto(GStrv) words = g_strsplit (folded, ";", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (has_word_start (text, g_strstrip (words[i])))
      return TRUE;
  return FALSE;
}

static gboolean
has_keyword (BwAssetCategory  category,
             BwAsset         *asset)
{
  const char *english = categories[category].keywords;
  const char *translated = _(english);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  text = g_strconcat (bw_asset_get_name (asset), "\n", bw_asset_get_description (asset), NULL);
  folded = g_utf8_casefold (text, -1);
  return has_keyword_of (folded, english) ||
         (translated != english && has_keyword_of (folded, translated));
}

gboolean
bw_asset_category_matches (BwAssetCategory  category,
                           BwAsset         *asset)
{
  const char *kind;

  g_return_val_if_fail (category < BW_N_ASSET_CATEGORIES, FALSE);
  g_return_val_if_fail (BW_IS_ASSET (asset), FALSE);

  kind = bw_asset_get_kind (asset);
  switch (category)
    {
    case BW_ASSET_CATEGORY_PATIENT_DATA:
    case BW_ASSET_CATEGORY_SYSTEM_SECRETS:
      return g_strcmp0 (kind, "data") == 0 && has_keyword (category, asset);
    case BW_ASSET_CATEGORY_THERAPY:
      return (g_strcmp0 (kind, "function") == 0 && bw_asset_get_safety_relevant (asset)) ||
             has_keyword (category, asset);
    case BW_ASSET_CATEGORY_CLINICAL_WORKFLOW:
      return has_keyword (category, asset);
    case BW_ASSET_CATEGORY_AVAILABILITY:
      return ((g_strcmp0 (kind, "function") == 0 || g_strcmp0 (kind, "property") == 0) &&
              g_strcmp0 (bw_asset_get_availability (asset), "high") == 0) ||
             has_keyword (category, asset);
    case BW_N_ASSET_CATEGORIES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

guint
bw_asset_taxonomy_missing (GListModel *assets)
{
  guint missing = (1u << BW_N_ASSET_CATEGORIES) - 1;

  g_return_val_if_fail (G_IS_LIST_MODEL (assets), 0);

  for (guint i = 0; i < g_list_model_get_n_items (assets) && missing != 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (assets, i);

      if (!BW_IS_ASSET (item))
        continue;
      for (guint c = 0; c < BW_N_ASSET_CATEGORIES; c++)
        if ((missing & (1u << c)) && bw_asset_category_matches (c, BW_ASSET (item)))
          missing &= ~(1u << c);
    }
  return missing;
}

BwAsset *
bw_asset_category_new_asset (BwAssetCategory category)
{
  const Category *c;

  g_return_val_if_fail (category < BW_N_ASSET_CATEGORIES, NULL);

  c = &categories[category];
  return g_object_new (BW_TYPE_ASSET,
                       "name", _(c->new_name),
                       "kind", c->new_kind,
                       "description", _(c->new_description),
                       "confidentiality", c->new_c,
                       "integrity", c->new_i,
                       "availability", c->new_a,
                       "safety-relevant", c->new_safety_relevant,
                       NULL);
}
