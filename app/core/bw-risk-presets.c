/* bw-risk-presets.c — the risk methods a new project can start with
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-project-io.h"
#include "bw-risk-presets.h"

static const char * const presets[] = {
  BW_RISK_PRESET_DEFAULT,
  BW_RISK_PRESET_CONSERVATIVE,
  NULL,
};

/* Through the loader, as a file holding only the method would be read:
 * what a new project has besides is the format's default, and the method
 * passes the same checks as one read from a file. The labels stay English
 * in the file, like the default's (bw-risk-method.c). */
static const char conservative[] =
  "{\n"
  "  \"format\": \"bulwark\",\n"
  "  \"format_version\": 1,\n"
  "  \"risk_method\": {\n"
  "    \"name\": \"Exploitability x severity (5x5, conservative)\",\n"
  "    \"exploitability\": [\"Very low\", \"Low\", \"Medium\", \"High\", \"Very high\"],\n"
  "    \"severity\": [\"Negligible\", \"Minor\", \"Serious\", \"Critical\", \"Catastrophic\"],\n"
  "    \"matrix\": [\n"
  "      [\"acceptable\", \"acceptable\", \"acceptable\", \"controlled\", \"controlled\"],\n"
  "      [\"acceptable\", \"acceptable\", \"controlled\", \"controlled\", \"uncontrolled\"],\n"
  "      [\"acceptable\", \"controlled\", \"controlled\", \"uncontrolled\", \"uncontrolled\"],\n"
  "      [\"controlled\", \"controlled\", \"uncontrolled\", \"uncontrolled\", \"uncontrolled\"],\n"
  "      [\"controlled\", \"uncontrolled\", \"uncontrolled\", \"uncontrolled\", \"uncontrolled\"]\n"
  "    ],\n"
  "    \"acceptance\": \"Acceptable risks are accepted; a controlled risk is accepted with a documented rationale; an uncontrolled risk needs further measures or a documented benefit-risk decision.\"\n"
  "  }\n"
  "}\n";

const char * const *
bw_risk_presets_list (void)
{
  return presets;
}

BwProject *
bw_project_new_with_risk_preset (const char  *preset,
                                 GError     **error)
{
  g_return_val_if_fail (preset != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (preset, BW_RISK_PRESET_DEFAULT))
    return bw_project_new ();
  if (g_str_equal (preset, BW_RISK_PRESET_CONSERVATIVE))
    return bw_project_load_from_data (conservative, sizeof conservative - 1, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no risk method preset “%s”"), preset);
  return NULL;
}
