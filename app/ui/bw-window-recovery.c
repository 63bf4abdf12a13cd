/* bw-window-recovery.c — BwWindow's autosave: a recovery copy of unsaved
 * work, written shortly after an edit and at the interval of the settings
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"


#include "bw-command-stack.h"
#include "bw-recovery.h"
#include "bw-window-private.h"

/* Quiet time after an edit before the copy is written: a burst of edits
 * (typing a name, dragging) is written once, and soon. */
#define IDLE_DELAY_MS 2000
#define DEFAULT_INTERVAL 120

static guint
autosave_interval (BwWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return DEFAULT_INTERVAL;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "autosave-interval"))
    return DEFAULT_INTERVAL;

  return g_settings_get_uint (self->settings, "autosave-interval");
}

/* The recovery offer is the application's: a window outside one (a
 * preview, a test) has nobody to restore it for. */
static gboolean
autosave_enabled (BwWindow *self)
{
  return gtk_window_get_application (GTK_WINDOW (self)) != NULL &&
         autosave_interval (self) > 0;
}

static void
forget_copy (BwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  self->recovery_dirty = FALSE;
  g_clear_handle_id (&self->recovery_idle_id, g_source_remove);
  if (!self->recovery_written)
    return;

  dir = bw_recovery_dup_default_dir ();
  if (!bw_recovery_remove (dir, self->recovery_name, &error))
    g_warning ("%s", error->message);
  self->recovery_written = FALSE;
}

gboolean
_bw_window_recovery_save_now (BwWindow  *self,
                              GError   **error)
{
  g_autofree char *dir = NULL;

  g_clear_handle_id (&self->recovery_idle_id, g_source_remove);
  if (self->project == NULL || !bw_project_get_modified (self->project))
    return TRUE;

  dir = bw_recovery_dup_default_dir ();
  if (!bw_recovery_save (dir, self->recovery_name, self->project, error))
    return FALSE;

  self->recovery_written = TRUE;
  self->recovery_dirty = FALSE;
  return TRUE;
}

static void
autosave (BwWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!autosave_enabled (self))
    return;

  /* A full disk must not interrupt the work: the next edit tries again,
   * and the message is in the journal. */
  if (!_bw_window_recovery_save_now (self, &error))
    g_warning ("Autosave failed: %s", error->message);
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  BwWindow *self = user_data;

  self->recovery_idle_id = 0;
  autosave (self);

  return G_SOURCE_REMOVE;
}

static gboolean
interval_timeout_cb (gpointer user_data)
{
  BwWindow *self = user_data;

  if (self->recovery_dirty)
    autosave (self);

  return G_SOURCE_CONTINUE;
}

static void
restart_interval (BwWindow *self)
{
  guint interval = autosave_interval (self);

  g_clear_handle_id (&self->recovery_interval_id, g_source_remove);
  if (interval > 0)
    self->recovery_interval_id = g_timeout_add_seconds (interval, interval_timeout_cb, self);
}

static void
schedule (BwWindow *self)
{
  guint delay;

  if (self->project == NULL || !bw_project_get_modified (self->project))
    {
      /* Undone back to the saved state, or saved: the file is the truth. */
      forget_copy (self);
      return;
    }

  self->recovery_dirty = TRUE;
  if (!autosave_enabled (self))
    return;

  delay = MIN ((guint) IDLE_DELAY_MS, autosave_interval (self) * 1000);
  g_clear_handle_id (&self->recovery_idle_id, g_source_remove);
  self->recovery_idle_id = g_timeout_add (delay, idle_timeout_cb, self);
}

static void
stack_changed_cb (BwWindow       *self,
                  BwCommandStack *stack)
{
  schedule (self);
}

static void
modified_cb (BwWindow   *self,
             GParamSpec *pspec,
             BwProject  *project)
{
  schedule (self);
}

static void
interval_changed_cb (BwWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  restart_interval (self);
  if (autosave_interval (self) == 0)
    forget_copy (self);
  else if (self->recovery_dirty)
    schedule (self);
}

void
_bw_window_recovery_init (BwWindow *self)
{
  self->recovery_name = bw_recovery_new_name ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::autosave-interval",
                             G_CALLBACK (interval_changed_cb), self, G_CONNECT_SWAPPED);
  restart_interval (self);
}

/* Called after the window took a new project: the copy of the old one
 * goes (the user chose to replace it), the new one is watched. */
void
_bw_window_recovery_set_project (BwWindow *self)
{
  forget_copy (self);

  g_signal_connect_object (bw_project_get_command_stack (self->project), "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::modified",
                           G_CALLBACK (modified_cb), self, G_CONNECT_SWAPPED);

  /* An import or a restored copy is unsaved from the start. */
  if (bw_project_get_modified (self->project))
    schedule (self);
}

/* The window closes: the user saved or chose to discard, either way the
 * copy has served. (A crash never gets here, which is the point.) */
void
_bw_window_recovery_dispose (BwWindow *self)
{
  g_clear_handle_id (&self->recovery_interval_id, g_source_remove);
  if (self->recovery_name != NULL)
    forget_copy (self);
  g_clear_pointer (&self->recovery_name, g_free);
}
