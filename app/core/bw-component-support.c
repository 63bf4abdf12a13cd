/* bw-component-support.c — warnings about the support status of components
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The FDA wants the support level and end-of-support date of every
 * component in the SBOM; a component past its end of support (or without
 * support at all) cannot receive fixes any more, and one close to it needs
 * a plan now.  The findings are computed, never stored.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-component-support.h"

void
bw_support_finding_free (BwSupportFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->component_id);
  g_free (finding->message);
  g_free (finding);
}

const char *
bw_support_finding_kind_to_string (BwSupportFindingKind kind)
{
  switch (kind)
    {
    case BW_SUPPORT_FINDING_ENDED: return "support_ended";
    case BW_SUPPORT_FINDING_ENDING: return "support_ending";
    case BW_SUPPORT_FINDING_NO_DATA: return "no_support_data";
    default: g_return_val_if_reached (NULL);
    }
}

/* "YYYY-MM-DD" (a time after it, as in an ISO date-time, is ignored). */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned y, m, d;
  char tail = '\0';

  if (strlen (text) < 10 || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) < 3 ||
      text[4] != '-' || text[7] != '-' || (tail != '\0' && tail != 'T' && tail != ' '))
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
add (GPtrArray            *findings,
     BwSupportFindingKind  kind,
     BwComponent          *component,
     char                 *message)
{
  BwSupportFinding *finding = g_new0 (BwSupportFinding, 1);

  finding->kind = kind;
  finding->component_id = g_strdup (bw_record_get_id (BW_RECORD (component)));
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

/**
 * bw_component_check_support:
 * @project: a project
 * @today: (nullable): the day to judge by; %NULL for today (UTC)
 *
 * Returns: (transfer full) (element-type BwSupportFinding): the findings,
 *   in the order of the components
 */
GPtrArray *
bw_component_check_support (BwProject   *project,
                            const GDate *today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_support_finding_free);
  GListModel *components;
  GDate now;

  g_return_val_if_fail (BW_IS_PROJECT (project), findings);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now, g_date_time_get_day_of_month (utc), g_date_time_get_month (utc),
                      g_date_time_get_year (utc));
    }

  components = bw_project_get_components (project);
  for (guint i = 0; i < g_list_model_get_n_items (components); i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      const char *id = bw_record_get_id (BW_RECORD (component));
      const char *name = bw_component_get_name (component);
      const char *version = bw_component_get_version (component);
      const char *support = bw_component_get_support (component);
      const char *end = bw_component_get_end_of_support (component);
      g_autofree char *label = *version != '\0' ? g_strdup_printf ("%s %s", name, version) : g_strdup (name);
      GDate date;

      g_date_clear (&date, 1);
      if (g_str_equal (support, "none"))
        {
          add (findings, BW_SUPPORT_FINDING_ENDED, component,
               g_strdup_printf (_("%s (%s) is not supported any more."), id, label));
          continue;
        }
      if (*end == '\0')
        {
          if (g_str_equal (support, "unknown"))
            add (findings, BW_SUPPORT_FINDING_NO_DATA, component,
                 g_strdup_printf (_("%s (%s) has no support data: give its support level and end of support."),
                                  id, label));
          else
            add (findings, BW_SUPPORT_FINDING_NO_DATA, component,
                 g_strdup_printf (_("%s (%s) has no end-of-support date."), id, label));
          continue;
        }
      if (!parse_date (end, &date))
        {
          add (findings, BW_SUPPORT_FINDING_NO_DATA, component,
               g_strdup_printf (_("%s (%s): the end of support “%s” is not a date (YYYY-MM-DD)."), id, label, end));
          continue;
        }
      if (g_date_compare (&date, &now) < 0)
        add (findings, BW_SUPPORT_FINDING_ENDED, component,
             g_strdup_printf (_("%s (%s) reached its end of support on %s."), id, label, end));
      else if (g_date_days_between (&now, &date) <= BW_SUPPORT_WARNING_DAYS)
        {
          int days = g_date_days_between (&now, &date);

          add (findings, BW_SUPPORT_FINDING_ENDING, component,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s) reaches its end of support on %s, in %d day.",
                                             "%s (%s) reaches its end of support on %s, in %d days.", days),
                                id, label, end, days));
        }
    }
  return findings;
}
