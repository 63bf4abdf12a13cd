/* bw-cvss.c — CVSS v3.1 base metrics: parse, score, write, explain
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-cvss.h"

G_DEFINE_QUARK (bw-cvss-error-quark, bw_cvss_error)

#define PREFIX "CVSS:3.1/"

typedef struct
{
  const char *abbrev;
  const char *name;
  const char *description;
  double      weight;
  double      weight_changed;  /* PR under a changed scope; else == weight */
} Value;

typedef struct
{
  const char  *abbrev;
  const char  *name;
  const char  *description;
  const Value *values;
  guint        n_values;
} Metric;

/* Weights from the specification (table 16); descriptions in our words. */
static const Value av_values[] = {
  { "N", N_("Network"), N_("Reachable over an IP network, possibly the internet: the attacker can be anywhere the network reaches."), 0.85, 0.85 },
  { "A", N_("Adjacent"), N_("Reachable only from nearby or from the same local network segment: Bluetooth, NFC, proprietary radio in range, the same Wi-Fi or LAN."), 0.62, 0.62 },
  { "L", N_("Local"), N_("The attacker needs to run code on the device or use its local interface (a console, a logged-in session), or needs a user to open something locally."), 0.55, 0.55 },
  { "P", N_("Physical"), N_("The attacker must touch the device: a USB or debug port, an SD card, opening the case."), 0.2, 0.2 },
};
static const Value ac_values[] = {
  { "L", N_("Low"), N_("No special conditions: the attack works whenever the attacker tries it."), 0.77, 0.77 },
  { "H", N_("High"), N_("Success depends on things the attacker does not control: winning a race, a man-in-the-middle position, knowing a pairing secret, a rare configuration."), 0.44, 0.44 },
};
static const Value pr_values[] = {
  { "N", N_("None"), N_("No account or access rights are needed before the attack."), 0.85, 0.85 },
  { "L", N_("Low"), N_("An ordinary user's access is needed, such as a patient's account or a paired app."), 0.62, 0.68 },
  { "H", N_("High"), N_("Administrative or service access is needed, such as a clinician administrator or a service technician login."), 0.27, 0.5 },
};
static const Value ui_values[] = {
  { "N", N_("None"), N_("The attack needs nobody's help."), 0.85, 0.85 },
  { "R", N_("Required"), N_("Someone other than the attacker must act: pair a device, open a file, install an app, accept an update."), 0.62, 0.62 },
};
static const Value s_values[] = {
  { "U", N_("Unchanged"), N_("The damage stays within the component that has the vulnerability."), 0.0, 0.0 },
  { "C", N_("Changed"), N_("Exploiting this component affects another one under a different authority, e.g. a compromised app that then commands the pump."), 0.0, 0.0 },
};
static const Value impact_values_c[] = {
  { "H", N_("High"), N_("All data of the component is disclosed, or data whose disclosure is serious: many patients' records, keys, credentials."), 0.56, 0.56 },
  { "L", N_("Low"), N_("Some data is disclosed, but the attacker does not choose what, or it is of limited harm."), 0.22, 0.22 },
  { "N", N_("None"), N_("No data is disclosed."), 0.0, 0.0 },
};
static const Value impact_values_i[] = {
  { "H", N_("High"), N_("The attacker can change any data or behaviour of the component, or changes that matter: therapy, settings, readings a clinician acts on."), 0.56, 0.56 },
  { "L", N_("Low"), N_("Some data can be changed, but the attacker does not control which, or the change has no serious effect."), 0.22, 0.22 },
  { "N", N_("None"), N_("Nothing can be changed."), 0.0, 0.0 },
};
static const Value impact_values_a[] = {
  { "H", N_("High"), N_("The component stops working entirely or for as long as the attacker wishes, or a function that matters is lost: therapy, alarms, monitoring."), 0.56, 0.56 },
  { "L", N_("Low"), N_("Performance is reduced or the function is interrupted now and then, with no serious effect."), 0.22, 0.22 },
  { "N", N_("None"), N_("Availability is not affected."), 0.0, 0.0 },
};

static const Metric metrics[BW_CVSS_N_METRICS] = {
  [BW_CVSS_AV] = { "AV", N_("Attack Vector"), N_("How remote the attacker can be."), av_values, G_N_ELEMENTS (av_values) },
  [BW_CVSS_AC] = { "AC", N_("Attack Complexity"), N_("Conditions beyond the attacker's control that must hold for the attack to work."), ac_values, G_N_ELEMENTS (ac_values) },
  [BW_CVSS_PR] = { "PR", N_("Privileges Required"), N_("The access the attacker must already have."), pr_values, G_N_ELEMENTS (pr_values) },
  [BW_CVSS_UI] = { "UI", N_("User Interaction"), N_("Whether someone other than the attacker must take part."), ui_values, G_N_ELEMENTS (ui_values) },
  [BW_CVSS_S] = { "S", N_("Scope"), N_("Whether the attack reaches beyond the vulnerable component."), s_values, G_N_ELEMENTS (s_values) },
  [BW_CVSS_C] = { "C", N_("Confidentiality"), N_("Impact on the secrecy of information."), impact_values_c, G_N_ELEMENTS (impact_values_c) },
  [BW_CVSS_I] = { "I", N_("Integrity"), N_("Impact on the trustworthiness of information and behaviour."), impact_values_i, G_N_ELEMENTS (impact_values_i) },
  [BW_CVSS_A] = { "A", N_("Availability"), N_("Impact on the availability of the component's functions."), impact_values_a, G_N_ELEMENTS (impact_values_a) },
};

/* Index of each metric's scope-relevant values (see BwCvssVector). */
#define S_CHANGED 1

static int
find_metric (const char *abbrev,
             gsize       length)
{
  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    if (strlen (metrics[m].abbrev) == length && strncmp (metrics[m].abbrev, abbrev, length) == 0)
      return m;
  return -1;
}

static int
find_value (BwCvssMetric  metric,
            const char   *abbrev)
{
  for (guint v = 0; v < metrics[metric].n_values; v++)
    if (g_str_equal (metrics[metric].values[v].abbrev, abbrev))
      return (int) v;
  return -1;
}

static char *
join_values (BwCvssMetric metric)
{
  GString *out = g_string_new (NULL);

  for (guint v = 0; v < metrics[metric].n_values; v++)
    {
      if (v > 0)
        g_string_append (out, ", ");
      g_string_append (out, metrics[metric].values[v].abbrev);
    }
  return g_string_free (out, FALSE);
}

/* Parses "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H": all eight base
 * metrics, each exactly once, in any order.  On failure the message names
 * the metric that is wrong, and @vector is left untouched. */
gboolean
bw_cvss_parse (const char    *text,
               BwCvssVector  *vector,
               GError       **error)
{
  g_auto(GStrv) parts = NULL;
  BwCvssVector result = { { 0 } };
  gboolean seen[BW_CVSS_N_METRICS] = { FALSE };

  g_return_val_if_fail (vector != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || !g_str_has_prefix (text, PREFIX))
    {
      g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_PREFIX,
                   _("A CVSS v3.1 vector begins with “%s”"), PREFIX);
      return FALSE;
    }

  parts = g_strsplit (text + strlen (PREFIX), "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      const char *colon = strchr (part, ':');
      int metric;
      int value;

      if (*part == '\0')
        {
          g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_SYNTAX,
                       _("The vector has an empty part (one “/” too many?)"));
          return FALSE;
        }
      if (colon == NULL || colon == part || colon[1] == '\0')
        {
          g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_SYNTAX,
                       _("“%s” is not of the form METRIC:VALUE"), part);
          return FALSE;
        }
      metric = find_metric (part, colon - part);
      if (metric < 0)
        {
          g_autofree char *name = g_strndup (part, colon - part);

          g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_UNKNOWN_METRIC,
                       _("“%s” is not a CVSS v3.1 base metric (AV, AC, PR, UI, S, C, I, A)"), name);
          return FALSE;
        }
      if (seen[metric])
        {
          g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_DUPLICATE,
                       _("%s is given more than once"), metrics[metric].abbrev);
          return FALSE;
        }
      value = find_value (metric, colon + 1);
      if (value < 0)
        {
          g_autofree char *allowed = join_values (metric);

          g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_BAD_VALUE,
                       _("%s: “%s” is not one of %s"), metrics[metric].abbrev, colon + 1, allowed);
          return FALSE;
        }
      seen[metric] = TRUE;
      result.values[metric] = (guint8) value;
    }

  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    if (!seen[m])
      {
        g_set_error (error, BW_CVSS_ERROR, BW_CVSS_ERROR_MISSING,
                     _("%s is missing"), metrics[m].abbrev);
        return FALSE;
      }

  *vector = result;
  return TRUE;
}

/* The canonical vector: the prefix and the metrics in the specification's
 * order. */
char *
bw_cvss_to_string (const BwCvssVector *vector)
{
  GString *out;

  g_return_val_if_fail (vector != NULL, NULL);

  out = g_string_new ("CVSS:3.1");
  for (int m = 0; m < BW_CVSS_N_METRICS; m++)
    g_string_append_printf (out, "/%s:%s", metrics[m].abbrev,
                            metrics[m].values[MIN (vector->values[m], metrics[m].n_values - 1)].abbrev);
  return g_string_free (out, FALSE);
}

/* Roundup of appendix A: the smallest number with one decimal that is
 * equal to or higher than the input, computed on integers so that
 * floating-point noise (4.000000000000001) does not round up a step. */
double
bw_cvss_roundup (double value)
{
  gint64 i = (gint64) llround (value * 100000.0);

  if (i % 10000 == 0)
    return i / 100000.0;
  return (floor ((double) (i / 10000)) + 1.0) / 10.0;
}

static double
weight (const BwCvssVector *vector,
        BwCvssMetric        metric)
{
  gboolean changed = vector->values[BW_CVSS_S] == S_CHANGED;

  return bw_cvss_value_weight (metric, vector->values[metric], changed);
}

double
bw_cvss_base_score (const BwCvssVector *vector)
{
  gboolean changed;
  double iss;
  double impact;
  double exploitability;

  g_return_val_if_fail (vector != NULL, 0.0);

  changed = vector->values[BW_CVSS_S] == S_CHANGED;
  iss = 1.0 - (1.0 - weight (vector, BW_CVSS_C))
              * (1.0 - weight (vector, BW_CVSS_I))
              * (1.0 - weight (vector, BW_CVSS_A));
  if (changed)
    impact = 7.52 * (iss - 0.029) - 3.25 * pow (iss - 0.02, 15);
  else
    impact = 6.42 * iss;
  exploitability = 8.22 * weight (vector, BW_CVSS_AV) * weight (vector, BW_CVSS_AC)
                   * weight (vector, BW_CVSS_PR) * weight (vector, BW_CVSS_UI);

  if (impact <= 0.0)
    return 0.0;
  if (changed)
    return bw_cvss_roundup (MIN (1.08 * (impact + exploitability), 10.0));
  return bw_cvss_roundup (MIN (impact + exploitability, 10.0));
}

/* Table 14 of the specification.  Scores have one decimal, so compare on
 * tenths to be safe against 3.9000000001. */
BwCvssRating
bw_cvss_rating_for_score (double score)
{
  long tenths = lround (score * 10.0);

  if (tenths <= 0)
    return BW_CVSS_RATING_NONE;
  if (tenths < 40)
    return BW_CVSS_RATING_LOW;
  if (tenths < 70)
    return BW_CVSS_RATING_MEDIUM;
  if (tenths < 90)
    return BW_CVSS_RATING_HIGH;
  return BW_CVSS_RATING_CRITICAL;
}

static const char * const rating_names[] = { "None", "Low", "Medium", "High", "Critical" };
static const char * const rating_labels[] = { N_("None"), N_("Low"), N_("Medium"), N_("High"), N_("Critical") };

/* The specification's English name, for files and machine-read output. */
const char *
bw_cvss_rating_to_string (BwCvssRating rating)
{
  g_return_val_if_fail (rating <= BW_CVSS_RATING_CRITICAL, NULL);

  return rating_names[rating];
}

const char *
bw_cvss_rating_describe (BwCvssRating rating)
{
  g_return_val_if_fail (rating <= BW_CVSS_RATING_CRITICAL, NULL);

  return _(rating_labels[rating]);
}

/* Sets one metric by its value's abbreviation; FALSE for an unknown value. */
gboolean
bw_cvss_set (BwCvssVector *vector,
             BwCvssMetric  metric,
             const char   *value)
{
  int index;

  g_return_val_if_fail (vector != NULL, FALSE);
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  index = find_value (metric, value);
  if (index < 0)
    return FALSE;
  vector->values[metric] = (guint8) index;
  return TRUE;
}

const char *
bw_cvss_get (const BwCvssVector *vector,
             BwCvssMetric        metric)
{
  g_return_val_if_fail (vector != NULL, NULL);
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);
  g_return_val_if_fail (vector->values[metric] < metrics[metric].n_values, NULL);

  return metrics[metric].values[vector->values[metric]].abbrev;
}

const char *
bw_cvss_metric_abbrev (BwCvssMetric metric)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);

  return metrics[metric].abbrev;
}

const char *
bw_cvss_metric_name (BwCvssMetric metric)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);

  return _(metrics[metric].name);
}

const char *
bw_cvss_metric_description (BwCvssMetric metric)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);

  return _(metrics[metric].description);
}

guint
bw_cvss_metric_n_values (BwCvssMetric metric)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, 0);

  return metrics[metric].n_values;
}

const char *
bw_cvss_value_abbrev (BwCvssMetric metric,
                      guint        index)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);
  g_return_val_if_fail (index < metrics[metric].n_values, NULL);

  return metrics[metric].values[index].abbrev;
}

const char *
bw_cvss_value_name (BwCvssMetric metric,
                    guint        index)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);
  g_return_val_if_fail (index < metrics[metric].n_values, NULL);

  return _(metrics[metric].values[index].name);
}

const char *
bw_cvss_value_description (BwCvssMetric metric,
                           guint        index)
{
  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, NULL);
  g_return_val_if_fail (index < metrics[metric].n_values, NULL);

  return _(metrics[metric].values[index].description);
}

/* The weight of a value; only PR depends on the scope.  S itself has no
 * weight (0). */
double
bw_cvss_value_weight (BwCvssMetric metric,
                      guint        index,
                      gboolean     scope_changed)
{
  const Value *value;

  g_return_val_if_fail (metric < BW_CVSS_N_METRICS, 0.0);
  g_return_val_if_fail (index < metrics[metric].n_values, 0.0);

  value = &metrics[metric].values[index];
  return scope_changed ? value->weight_changed : value->weight;
}

/* Guidance for medical devices.  The questions follow the topics of MITRE's
 * rubric (patient data, diagnosis and monitoring, therapy, clinical
 * workflow, system secrets; how the device is reached) but are our own
 * words; `suggestion` is the value a "yes" points to. */
typedef struct
{
  BwCvssMetric metric;
  const char  *topic;
  const char  *question;
  const char  *suggestion;
  const char  *advice;
} Guidance;

static const Guidance guidance[] = {
  { BW_CVSS_AV, N_("Network"),
    N_("Can the attacker reach the vulnerable interface over IP, from a hospital network, a home network or the internet?"),
    "N", N_("Choose Network even when the device normally sits behind a firewall: networks get flattened and misconfigured.") },
  { BW_CVSS_AV, N_("Short-range wireless"),
    N_("Is the interface reachable only by radio in range: Bluetooth Low Energy, NFC, a proprietary RF link, a body-area network?"),
    "A", N_("Choose Adjacent. Consider directional antennas: “in range” can be much farther than the intended distance.") },
  { BW_CVSS_AV, N_("Local interface"),
    N_("Does the attack need a logged-in session, a local console or code already running on the device or its host?"),
    "L", N_("Choose Local; a companion app on the patient's phone that must first be compromised is also Local.") },
  { BW_CVSS_AV, N_("Physical access"),
    N_("Must the attacker handle the device: plug into USB, a debug port (JTAG, UART), swap an SD card, open the case?"),
    "P", N_("Choose Physical. Remember who has hands on the device: patients, caregivers, service staff, anyone in a ward.") },
  { BW_CVSS_AC, N_("Preconditions"),
    N_("Does the attack only work under conditions the attacker cannot bring about: during pairing, in a rare therapy mode, after winning a race, with a man-in-the-middle position?"),
    "H", N_("Choose High only for conditions outside the attacker's control; effort and skill alone are not High complexity.") },
  { BW_CVSS_PR, N_("Accounts"),
    N_("Must the attacker first hold an account or a pairing: a patient's app login, a paired phone, a clinician account?"),
    "L", N_("Choose Low for ordinary users, High for administrator, clinician-administrator or service-technician rights, None when nothing is needed.") },
  { BW_CVSS_PR, N_("Service access"),
    N_("Is a service or manufacturer credential needed (service mode, engineering software, field-service key)?"),
    "H", N_("Choose High, unless such credentials are shared across devices or easy to obtain; then Low or None.") },
  { BW_CVSS_UI, N_("Clinical staff or patient"),
    N_("Must a patient, caregiver or clinician do something for the attack to work: accept a pairing, install an app, open a file, start an update?"),
    "R", N_("Choose Required. Routine actions done many times a day (confirming a pairing prompt) still count.") },
  { BW_CVSS_S, N_("Other components"),
    N_("Does the attack on this component give control over another one: from the app to the pump, from a gateway to the devices behind it, from one device to the server serving many?"),
    "C", N_("Choose Changed. It raises the score, as a compromise that spreads to therapy or to many patients should.") },
  { BW_CVSS_C, N_("Patient data"),
    N_("Can the attacker read patient data: identity, therapy history, health records (PHI)?"),
    "H", N_("High when records of many patients or sensitive data can be read; Low when only fragments or data of little harm.") },
  { BW_CVSS_C, N_("System secrets"),
    N_("Can the attacker read keys, passwords or other secrets that protect the device or its fleet?"),
    "H", N_("Choose High: a disclosed secret is the first step of further attacks, often on every device that shares it.") },
  { BW_CVSS_I, N_("Therapy"),
    N_("Can the attacker change what the device does to the patient: a dose, a delivery rate, a stimulation, therapy settings?"),
    "H", N_("Choose High. Link the threat to the hazard it can cause and rate severity on the risk matrix as well.") },
  { BW_CVSS_I, N_("Diagnosis and monitoring"),
    N_("Can the attacker alter readings, results or alarms that a clinician or the patient acts on?"),
    "H", N_("High when a wrong value could lead to a wrong treatment decision; Low when it would be noticed or has no clinical effect.") },
  { BW_CVSS_I, N_("Clinical workflow"),
    N_("Can the attacker alter data that only supports the workflow: schedules, device inventory, non-clinical logs?"),
    "L", N_("Usually Low; High when the workflow data feeds a clinical decision.") },
  { BW_CVSS_I, N_("System secrets"),
    N_("Can the attacker replace keys, certificates or firmware, taking over the device's identity or code?"),
    "H", N_("Choose High: whoever controls the code or the keys controls every function.") },
  { BW_CVSS_A, N_("Therapy"),
    N_("Can the attacker stop or delay therapy: halt delivery, block commands, drain the battery, force a reboot loop?"),
    "H", N_("Choose High when the therapy is life-sustaining or time-critical; Low when the patient has a safe fallback.") },
  { BW_CVSS_A, N_("Diagnosis and monitoring"),
    N_("Can the attacker stop monitoring or silence alarms?"),
    "H", N_("High when nobody would notice in time; Low when a local alarm or a second device covers the gap.") },
  { BW_CVSS_A, N_("Clinical workflow"),
    N_("Can the attacker make reports, remote follow-up or scheduling unavailable?"),
    "L", N_("Usually Low when the clinic has a manual fallback; High when care stops without it.") },
};

guint
bw_cvss_guidance_get_n (void)
{
  return G_N_ELEMENTS (guidance);
}

BwCvssMetric
bw_cvss_guidance_get_metric (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (guidance), BW_CVSS_AV);

  return guidance[index].metric;
}

const char *
bw_cvss_guidance_get_topic (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (guidance), NULL);

  return _(guidance[index].topic);
}

const char *
bw_cvss_guidance_get_question (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (guidance), NULL);

  return _(guidance[index].question);
}

/* The value (its abbreviation) a "yes" points to. */
const char *
bw_cvss_guidance_get_suggestion (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (guidance), NULL);

  return guidance[index].suggestion;
}

const char *
bw_cvss_guidance_get_advice (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (guidance), NULL);

  return _(guidance[index].advice);
}
