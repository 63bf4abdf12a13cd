/* bw-command-risk-method.c — edits of the project's risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The risk method has no ID; it is the project's member "risk_method", so
 * its edits are changes of the path "risk_method" (one member) or of the
 * project's "risk_method" itself (all of it at once).  Replacing it whole
 * is how the default comes back: the scales and the matrix must change
 * together, or the step in between (five levels, a matrix of three rows)
 * would be refused by the project's checks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-risk-method.h"
#include "bw-command-set-property.h"

#define METHOD_PATH "risk_method"

static const char *
scale_member (BwRiskScale scale)
{
  return scale == BW_RISK_SCALE_EXPLOITABILITY ? "exploitability" : "severity";
}

static const char * const *
scale_levels (BwRiskMethod *method,
              BwRiskScale   scale)
{
  return scale == BW_RISK_SCALE_EXPLOITABILITY
         ? bw_risk_method_get_exploitability (method)
         : bw_risk_method_get_severity (method);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * bw_command_rename_risk_level_new:
 * @level: 1-based, as in ratings
 *
 * Returns: (transfer full) (nullable): a command that renames one level of
 *   a scale, or NULL with @error set when the level is not on the scale or
 *   the name is blank (a scale of unnamed levels cannot be read)
 */
BwCommand *
bw_command_rename_risk_level_new (BwProject    *project,
                                  BwRiskScale   scale,
                                  guint         level,
                                  const char   *label,
                                  GError      **error)
{
  const char * const *levels;
  g_auto(GStrv) renamed = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  levels = scale_levels (bw_project_get_risk_method (project), scale);
  if (level < 1 || level > g_strv_length ((char **) levels))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("Level %u is not on the scale."), level);
      return NULL;
    }
  if (is_blank (label))
    {
      g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                           _("A level needs a name."));
      return NULL;
    }

  renamed = g_strdupv ((char **) levels);
  g_free (renamed[level - 1]);
  renamed[level - 1] = g_strdup (label);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, renamed);
  command = bw_command_set_property_new (project, METHOD_PATH, scale_member (scale), &value);
  bw_command_set_label (command, _("Rename Risk Level"));
  return command;
}

/**
 * bw_command_set_risk_outcome_new:
 *
 * Returns: (transfer full) (nullable): a command that sets the outcome of
 *   one cell of the matrix, or NULL with @error set when the cell is off
 *   the matrix or the outcome is not one a matrix can hold
 */
BwCommand *
bw_command_set_risk_outcome_new (BwProject  *project,
                                 int         exploitability,
                                 int         severity,
                                 BwOutcome   outcome,
                                 GError    **error)
{
  BwRiskMethod *method;
  GPtrArray *matrix;
  GVariantBuilder builder;
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  method = bw_project_get_risk_method (project);
  if (bw_risk_method_get_outcome (method, exploitability, severity) == NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("The matrix has no cell for exploitability %d and severity %d."),
                   exploitability, severity);
      return NULL;
    }
  if (outcome < BW_OUTCOME_ACCEPTABLE || outcome > BW_OUTCOME_UNCONTROLLED)
    {
      g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                           _("A cell of the matrix is acceptable, controlled or uncontrolled."));
      return NULL;
    }

  matrix = bw_risk_method_get_matrix (method);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  for (guint e = 0; e < matrix->len; e++)
    {
      char **row = g_ptr_array_index (matrix, e);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
      for (guint s = 0; row[s] != NULL; s++)
        {
          gboolean cell = (int) e + 1 == exploitability && (int) s + 1 == severity;

          g_variant_builder_add (&builder, "s", cell ? bw_outcome_to_string (outcome) : row[s]);
        }
      g_variant_builder_close (&builder);
    }

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_builder_end (&builder));
  command = bw_command_set_property_new (project, METHOD_PATH, "matrix", &value);
  bw_command_set_label (command, _("Change Risk Matrix"));
  return command;
}

/* Returns: (transfer full): a command that sets the acceptance criteria */
BwCommand *
bw_command_set_risk_acceptance_new (BwProject  *project,
                                    const char *acceptance)
{
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, acceptance != NULL ? acceptance : "");
  command = bw_command_set_property_new (project, METHOD_PATH, "acceptance", &value);
  bw_command_set_label (command, _("Change Risk Acceptance"));
  return command;
}

/* Returns: (transfer full): a command that puts METHOD.md's default
 * method in place of the project's, as one step.  It fails when applied
 * if some rating is off the default scales (a level above 5). */
BwCommand *
bw_command_restore_risk_method_new (BwProject *project)
{
  g_autoptr(BwRiskMethod) method = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BwCommand *command;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  method = g_object_new (BW_TYPE_RISK_METHOD, NULL);
  g_value_init (&value, BW_TYPE_RISK_METHOD);
  g_value_set_object (&value, method);
  command = bw_command_set_property_new (project, "", "risk_method", &value);
  bw_command_set_label (command, _("Restore Default Risk Method"));
  return command;
}

/* Whether `method` is METHOD.md's default (what Restore Default gives). */
gboolean
bw_risk_method_is_default (BwRiskMethod *method)
{
  g_autoptr(BwRiskMethod) fresh = NULL;
  GPtrArray *matrix;
  GPtrArray *default_matrix;

  g_return_val_if_fail (BW_IS_RISK_METHOD (method), FALSE);

  fresh = g_object_new (BW_TYPE_RISK_METHOD, NULL);
  if (g_strcmp0 (bw_risk_method_get_name (method), bw_risk_method_get_name (fresh)) != 0 ||
      g_strcmp0 (bw_risk_method_get_acceptance (method), bw_risk_method_get_acceptance (fresh)) != 0 ||
      !g_strv_equal (bw_risk_method_get_exploitability (method), bw_risk_method_get_exploitability (fresh)) ||
      !g_strv_equal (bw_risk_method_get_severity (method), bw_risk_method_get_severity (fresh)))
    return FALSE;

  matrix = bw_risk_method_get_matrix (method);
  default_matrix = bw_risk_method_get_matrix (fresh);
  if (matrix->len != default_matrix->len)
    return FALSE;
  for (guint i = 0; i < matrix->len; i++)
    if (!g_strv_equal (g_ptr_array_index (matrix, i), g_ptr_array_index (default_matrix, i)))
      return FALSE;
  return TRUE;
}
