/* bw-threat-editor.c — every field of one threat, edited through commands
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-threat-editor.h"

struct _BwThreatEditor
{
  GtkWidget  parent_instance;

  BwProject *project;
  char      *threat_id;
};

G_DEFINE_FINAL_TYPE (BwThreatEditor, bw_threat_editor, GTK_TYPE_WIDGET)

static void
bw_threat_editor_dispose (GObject *object)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->threat_id, g_free);

  G_OBJECT_CLASS (bw_threat_editor_parent_class)->dispose (object);
}

static void
bw_threat_editor_class_init (BwThreatEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_threat_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bw_threat_editor_init (BwThreatEditor *self)
{
}

GtkWidget *
bw_threat_editor_new (void)
{
  return g_object_new (BW_TYPE_THREAT_EDITOR, NULL);
}

void
bw_threat_editor_set_project (BwThreatEditor *self,
                              BwProject      *project)
{
  g_return_if_fail (BW_IS_THREAT_EDITOR (self));

  g_set_object (&self->project, project);
}

void
bw_threat_editor_set_threat_id (BwThreatEditor *self,
                                const char     *threat_id)
{
  g_return_if_fail (BW_IS_THREAT_EDITOR (self));

  g_free (self->threat_id);
  self->threat_id = g_strdup (threat_id);
}

const char *
bw_threat_editor_get_threat_id (BwThreatEditor *self)
{
  g_return_val_if_fail (BW_IS_THREAT_EDITOR (self), NULL);

  return self->threat_id;
}
