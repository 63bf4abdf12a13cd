/* bw-window-settings.c — BwWindow follows the preferences: snapping,
 * the grid and the extra rule libraries
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-threats-page.h"
#include "bw-window-private.h"

/* The preference sets snapping in every window at once; G (and the
 * toolbar toggle) switch it in one window for the moment, without
 * changing the preference. */
/* The key is a whole number of units, the view's property a double. */
static gboolean
grid_size_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

/* Extra rule libraries added or removed in the preferences apply to the
 * open windows at once: derivation after each edit and the threats page's
 * "would add N threats" banner take the new set. */
static void
rule_libraries_changed_cb (BwWindow *self)
{
  BwPage *threats;

  if (self->project == NULL)
    return;
  _bw_window_diagrams_attach (self);
  threats = _bw_window_get_page (self, "threats");
  if (BW_IS_THREATS_PAGE (threats))
    bw_threats_page_reload_rules (BW_THREATS_PAGE (threats));
}

void
_bw_window_settings_init (BwWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (g_settings_schema_has_key (schema, "rule-libraries"))
    {
      g_auto(GStrv) read_once = NULL;

      g_signal_connect_object (self->settings, "changed::rule-libraries",
                               G_CALLBACK (rule_libraries_changed_cb), self, G_CONNECT_SWAPPED);
      /* GSettings tells of changes only to keys read since connecting. */
      read_once = g_settings_get_strv (self->settings, "rule-libraries");
    }
  if (!g_settings_schema_has_key (schema, "snap-to-grid"))
    return;

  g_settings_bind (self->settings, "snap-to-grid", self->snap_button, "active",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY);
  if (g_settings_schema_has_key (schema, "grid-size"))
    g_settings_bind_with_mapping (self->settings, "grid-size", self->diagram_view, "grid-size",
                                  G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY,
                                  grid_size_get_mapping, NULL, NULL, NULL);
  if (g_settings_schema_has_key (schema, "show-grid"))
    g_settings_bind (self->settings, "show-grid", self->diagram_view, "show-grid",
                     G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY);
}
