/* bw-inspector.c — the side panel that shows and edits the selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-inspector.h"

struct _BwInspector
{
  GtkWidget     parent_instance;

  BwProject    *project;
  char         *element_id;

  GtkStack     *stack;
  AdwEntryRow  *name_row;
  AdwActionRow *kind_row;
  AdwActionRow *id_row;
  AdwActionRow *diagram_row;
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ELEMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwInspector, bw_inspector, GTK_TYPE_WIDGET)

static const char *
kind_title (BwElementKind kind)
{
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return _("External Entity");
    case BW_ELEMENT_PROCESS: return _("Process");
    case BW_ELEMENT_DATA_STORE: return _("Data Store");
    case BW_ELEMENT_DATA_FLOW: return _("Data Flow");
    case BW_ELEMENT_TRUST_BOUNDARY:
    default: return _("Trust Boundary");
    }
}

static BwElement *
lookup_element (BwInspector *self)
{
  BwRecord *record;

  if (self->project == NULL || self->element_id == NULL)
    return NULL;

  record = bw_project_lookup (self->project, self->element_id);

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

/* Shows what the document says; called on every change of the selection
 * and of the document (an undo may rename the element under our eyes). */
static void
refresh (BwInspector *self)
{
  BwElement *element = lookup_element (self);
  BwDiagram *diagram;

  if (element == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 bw_element_get_name (element)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), bw_element_get_name (element));
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  adw_action_row_set_subtitle (self->kind_row, kind_title (bw_element_get_kind_enum (element)));
  adw_action_row_set_subtitle (self->id_row, self->element_id);

  diagram = bw_project_get_diagram_of (self->project, element);
  adw_action_row_set_subtitle (self->diagram_row, diagram ? bw_diagram_get_name (diagram) : "");

  gtk_stack_set_visible_child_name (self->stack, "element");
}

static void
command_stack_notify_cb (BwInspector    *self,
                         GParamSpec     *pspec,
                         BwCommandStack *stack)
{
  refresh (self);
}

static void
name_apply_cb (BwInspector *self,
               AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bw_inspector_apply_name (self, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* The core refused the name (it explains why): keep the text so the
       * user can fix it, and mark the row. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
}

/* Ctrl+Z in the name row first drops a pending, unapplied edit; with
 * none it undoes the last edit of the document, like everywhere else in
 * the window (the entry's own undo history is turned off). */
static gboolean
name_key_pressed_cb (BwInspector           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  BwElement *element;
  gboolean redo;

  if ((state & GDK_CONTROL_MASK) == 0 || (keyval != GDK_KEY_z && keyval != GDK_KEY_Z))
    return FALSE;

  redo = (state & GDK_SHIFT_MASK) != 0;
  element = lookup_element (self);

  if (!redo && element != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 bw_element_get_name (element)) != 0)
    {
      refresh (self);
      return TRUE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), redo ? "win.redo" : "win.undo", NULL);

  return TRUE;
}

static void
bw_inspector_dispose (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  bw_inspector_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_INSPECTOR);

  G_OBJECT_CLASS (bw_inspector_parent_class)->dispose (object);
}

static void
bw_inspector_finalize (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  g_clear_pointer (&self->element_id, g_free);

  G_OBJECT_CLASS (bw_inspector_parent_class)->finalize (object);
}

static void
bw_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_ELEMENT_ID:
      g_value_set_string (value, self->element_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_inspector_set_project (self, g_value_get_object (value));
      break;

    case PROP_ELEMENT_ID:
      bw_inspector_set_element_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_inspector_class_init (BwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_inspector_dispose;
  object_class->finalize = bw_inspector_finalize;
  object_class->get_property = bw_inspector_get_property;
  object_class->set_property = bw_inspector_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT_ID] =
    g_param_spec_string ("element-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BwInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, name_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, id_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, diagram_row);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
bw_inspector_init (BwInspector *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The document has the undo history: Ctrl+Z in the name row must undo
   * the last edit of the project, not typing the entry already forgot. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (name_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), controller);
}

GtkWidget *
bw_inspector_new (void)
{
  return g_object_new (BW_TYPE_INSPECTOR, NULL);
}

BwProject *
bw_inspector_get_project (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->project;
}

void
bw_inspector_set_project (BwInspector *self,
                          BwProject   *project)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (bw_project_get_command_stack (project), "notify",
                             G_CALLBACK (command_stack_notify_cb), self,
                             G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

const char *
bw_inspector_get_element_id (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->element_id;
}

void
bw_inspector_set_element_id (BwInspector *self,
                             const char  *element_id)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));

  if (g_strcmp0 (self->element_id, element_id) == 0)
    return;

  g_free (self->element_id);
  self->element_id = g_strdup (element_id);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_ID]);
}

gboolean
bw_inspector_apply_name (BwInspector  *self,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(BwCommand) command = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BwElement *element;

  g_return_val_if_fail (BW_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(element = lookup_element (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Nothing is selected"));
      return FALSE;
    }

  /* An unchanged name is no edit: no undo step, no modified mark. */
  if (g_strcmp0 (name, bw_element_get_name (element)) == 0)
    return TRUE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  command = bw_command_set_property_new (self->project, self->element_id, "name", &value);
  /* Undo and redo bring the renamed element back into view, selected. */
  {
    const char * const selection[] = { self->element_id, NULL };

    bw_command_set_selection (command, selection, selection);
  }

  return bw_command_stack_execute (bw_project_get_command_stack (self->project), command, error);
}
