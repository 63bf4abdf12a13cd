/* bw-window-diagrams.c — the diagrams of a project: add, rename, delete,
 * reorder, decompose, go up and down the refinement hierarchy, arrange,
 * align and distribute the selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-command-add.h"
#include "bw-command-align.h"
#include "bw-command-arrange.h"
#include "bw-command-decompose.h"
#include "bw-command-group.h"
#include "bw-command-remove.h"
#include "bw-command-reorder.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-window-private.h"

static const char *
current_diagram (BwWindow *self)
{
  if (self->selected_key == NULL || !g_str_has_prefix (self->selected_key, "diagram:"))
    return NULL;
  return self->selected_key + strlen ("diagram:");
}

static gboolean
run (BwWindow  *self,
     BwCommand *command,
     GError    *error)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) failure = error;

  if (command == NULL ||
      !bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &failure))
    {
      AdwToast *toast = adw_toast_new (failure ? failure->message : _("The change could not be made"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return FALSE;
    }
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
  return TRUE;
}

static void
show_diagram (BwWindow   *self,
              const char *diagram_id)
{
  g_autofree char *key = g_strconcat ("diagram:", diagram_id, NULL);

  bw_window_select (self, key);
}

/* New, rename, delete */

static void
diagram_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autoptr(BwDiagram) diagram = g_object_new (BW_TYPE_DIAGRAM,
                                               "name", _("New Diagram"),
                                               "kind", "dataflow",
                                               NULL);
  g_autofree char *id = bw_project_allocate_id (self->project, "D");

  bw_record_set_id (BW_RECORD (diagram), id);
  if (run (self, bw_command_add_new (self->project, BW_RECORD (diagram), -1), NULL))
    {
      show_diagram (self, id);
      gtk_widget_activate_action (widget, "win.diagram-rename", NULL);
    }
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BwWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *id = g_object_get_data (G_OBJECT (dialog), "diagram");
  g_autofree char *name = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BwRecord *diagram;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  diagram = bw_project_lookup (self->project, id);
  if (*name == '\0' || !BW_IS_DIAGRAM (diagram) || g_strcmp0 (name, bw_diagram_get_name (BW_DIAGRAM (diagram))) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  run (self, bw_command_set_property_new (self->project, id, "name", &value), NULL);
}

static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  /* A response emitted by hand does not close the dialog by itself. */
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
diagram_rename_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *id = current_diagram (self);
  BwRecord *diagram = id ? bw_project_lookup (self->project, id) : NULL;
  GtkWidget *dialog, *entry;

  if (!BW_IS_DIAGRAM (diagram))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Diagram"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), bw_diagram_get_name (BW_DIAGRAM (diagram)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "diagram", g_strdup (id), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BwWindow         *self)
{
  const char *ids[] = { g_object_get_data (G_OBJECT (dialog), "diagram"), NULL };

  if (g_strcmp0 (response, "delete") == 0)
    run (self, bw_command_remove_new (self->project, ids), NULL);
}

static void
diagram_delete_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *id = current_diagram (self);
  BwRecord *diagram = id ? bw_project_lookup (self->project, id) : NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!BW_IS_DIAGRAM (diagram))
    return;

  elements = bw_project_dup_diagram_elements (self->project, id);
  heading = g_strdup_printf (_("Delete “%s”?"), bw_diagram_get_name (BW_DIAGRAM (diagram)));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u element is deleted with it. Undo brings both back.",
                                       "Its %u elements are deleted with it. Undo brings them all back.",
                                       elements->len),
                          elements->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "diagram", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reorder: the sidebar lists the diagrams in file order. */

static int
diagram_position (BwWindow   *self,
                  const char *id,
                  guint      *n_diagrams)
{
  GListModel *diagrams = bw_project_get_diagrams (self->project);
  guint n = g_list_model_get_n_items (diagrams);

  if (n_diagrams != NULL)
    *n_diagrams = n;
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);

      if (g_strcmp0 (bw_record_get_id (BW_RECORD (diagram)), id) == 0)
        return (int) i;
    }
  return -1;
}

static void
diagram_move_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *id = current_diagram (self);
  gboolean up = g_str_equal (action_name, "win.diagram-move-up");
  int position = diagram_position (self, id, NULL);

  if (position < 0 || (up && position == 0))
    return;
  _bw_window_move_diagram (self, id, up ? position - 1 : position + 1,
                           up ? _("Move Diagram Up") : _("Move Diagram Down"));
}

/* Reordering by drag and drop in the sidebar: a diagram row carries its
 * diagram's ID; dropped on another diagram row it takes that row's place,
 * as one undoable step like Move Up and Move Down. */

static GdkContentProvider *
diagram_drag_prepare_cb (GtkDragSource *source,
                         double         x,
                         double         y,
                         gpointer       user_data)
{
  const char *id = user_data;

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static void
diagram_drag_begin_cb (GtkDragSource *source,
                       GdkDrag       *drag,
                       gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
diagram_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  BwWindow *self = BW_WINDOW (gtk_widget_get_root (row));
  const char *onto = user_data;
  const char *id = g_value_get_string (value);
  int position;

  if (id == NULL || g_strcmp0 (id, onto) == 0 ||
      diagram_position (self, id, NULL) < 0 ||
      (position = diagram_position (self, onto, NULL)) < 0)
    return FALSE;
  return _bw_window_move_diagram (self, id, (guint) position, _("Move Diagram"));
}

void
_bw_window_diagram_row_init (BwWindow   *self,
                             GtkWidget  *row,
                             const char *id)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_data (source, "prepare", G_CALLBACK (diagram_drag_prepare_cb),
                         g_strdup (id), (GClosureNotify) G_CALLBACK (g_free), 0);
  g_signal_connect (source, "drag-begin", G_CALLBACK (diagram_drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_signal_connect_data (target, "drop", G_CALLBACK (diagram_drop_cb),
                         g_strdup (id), (GClosureNotify) G_CALLBACK (g_free), 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* Moves diagram `id` to `position` as one undoable step named `label`;
 * FALSE when there is nothing to move or the command was refused. */
gboolean
_bw_window_move_diagram (BwWindow   *self,
                         const char *id,
                         guint       position,
                         const char *label)
{
  g_autofree char *diagram_id = g_strdup (id);
  guint n;
  int from = diagram_position (self, id, &n);
  BwCommand *command;

  if (from < 0 || position >= n || (guint) from == position)
    return FALSE;
  command = bw_command_reorder_new (self->project, id, position);
  bw_command_set_label (command, label);
  if (!run (self, command, NULL))
    return FALSE;
  /* The sidebar is rebuilt: keep the moved diagram shown and selected. */
  show_diagram (self, diagram_id);
  return TRUE;
}

/* Align and distribute the selection of the canvas */

static const struct
{
  const char *name;
  BwAlign     how;
} aligns[] = {
  { "left", BW_ALIGN_LEFT },
  { "center", BW_ALIGN_CENTER },
  { "right", BW_ALIGN_RIGHT },
  { "top", BW_ALIGN_TOP },
  { "middle", BW_ALIGN_MIDDLE },
  { "bottom", BW_ALIGN_BOTTOM },
  { "horizontal", BW_DISTRIBUTE_HORIZONTAL },
  { "vertical", BW_DISTRIBUTE_VERTICAL },
};

/* How many selected elements have bounds, the ones aligning moves. */
static guint
count_alignable (BwWindow *self)
{
  const char * const *ids = bw_diagram_view_get_selection (self->diagram_view);
  guint n = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (self->project, ids[i]);

      if (BW_IS_ELEMENT (record) &&
          (bw_element_is_node (BW_ELEMENT (record)) ||
           (bw_element_get_kind_enum (BW_ELEMENT (record)) == BW_ELEMENT_TRUST_BOUNDARY &&
            !bw_element_is_line (BW_ELEMENT (record)))))
        n++;
    }
  return n;
}

static void
align_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  const char * const *ids;
  BwCommand *command;

  if (current_diagram (self) == NULL)
    return;
  ids = bw_diagram_view_get_selection (self->diagram_view);
  for (guint i = 0; i < G_N_ELEMENTS (aligns); i++)
    {
      if (!g_str_equal (aligns[i].name, name))
        continue;
      command = bw_command_align_new (self->project, ids, aligns[i].how);
      if (command == NULL)
        {
          /* Nothing to move is no error, but say why nothing happened. */
          const char *why = aligns[i].how >= BW_DISTRIBUTE_HORIZONTAL && count_alignable (self) < 3
                              ? _("Select three or more shapes to distribute")
                              : count_alignable (self) < 2 ? _("Select two or more shapes to align")
                                                           : _("The selection is aligned already");

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (why));
          return;
        }
      bw_command_set_selection (command, ids, ids);
      /* Never merged into the drag before it. */
      bw_command_stack_seal (bw_project_get_command_stack (self->project));
      run (self, command, NULL);
      return;
    }
  g_warning ("Unknown alignment “%s”", name);
}

/* Derivation after each edit: windows derive, the CLI derives on request,
 * with the application's libraries and the project's own. */
void
_bw_window_diagrams_attach (BwWindow *self)
{
  g_autoptr(BwRuleSet) rules = NULL;

  g_return_if_fail (BW_IS_WINDOW (self));

  rules = bw_application_dup_rule_set_for_project (GTK_WIDGET (self), self->project, NULL);
  bw_command_stack_set_auto_derive (bw_project_get_command_stack (self->project), rules);
}

/* The hierarchy */

static BwElement *
selected_element (BwWindow *self)
{
  const char *id = bw_diagram_view_get_selected_id (self->diagram_view);
  BwRecord *record = id ? bw_project_lookup (self->project, id) : NULL;

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

/* The diagram that refines `process_id`, or NULL. */
static BwDiagram *
refinement_of (BwWindow   *self,
               const char *process_id)
{
  GListModel *diagrams = bw_project_get_diagrams (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);

      if (g_strcmp0 (bw_diagram_get_refines (diagram), process_id) == 0)
        return diagram;
    }
  return NULL;
}

static void
decompose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  BwElement *process = selected_element (self);
  g_autofree char *diagram_id = NULL;
  GError *error = NULL;
  BwCommand *command;

  if (process == NULL || bw_element_get_kind_enum (process) != BW_ELEMENT_PROCESS)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select a process to decompose")));
      return;
    }
  command = bw_command_decompose_new (self->project, bw_record_get_id (BW_RECORD (process)),
                                      &diagram_id, &error);
  if (command != NULL)
    {
      const char *before[] = { bw_record_get_id (BW_RECORD (process)), NULL };

      bw_command_set_selection (command, before, NULL);
    }
  if (run (self, command, error))
    show_diagram (self, diagram_id);
}

void
bw_window_go_down (BwWindow *self)
{
  BwElement *element;
  BwDiagram *diagram;

  g_return_if_fail (BW_IS_WINDOW (self));

  if ((element = selected_element (self)) == NULL)
    return;
  if ((diagram = refinement_of (self, bw_record_get_id (BW_RECORD (element)))) != NULL)
    show_diagram (self, bw_record_get_id (BW_RECORD (diagram)));
}

void
bw_window_go_up (BwWindow *self)
{
  const char *id;
  BwRecord *diagram, *process;
  g_autofree char *process_id = NULL;

  g_return_if_fail (BW_IS_WINDOW (self));

  if ((id = current_diagram (self)) == NULL ||
      !BW_IS_DIAGRAM (diagram = bw_project_lookup (self->project, id)) ||
      !BW_IS_ELEMENT (process = bw_project_lookup (self->project, bw_diagram_get_refines (BW_DIAGRAM (diagram)))))
    return;
  /* Back on the parent, with the process it details selected. */
  process_id = g_strdup (bw_record_get_id (process));
  show_diagram (self, bw_element_get_diagram (BW_ELEMENT (process)));
  bw_diagram_view_set_selected_id (self->diagram_view, process_id);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  if (g_str_equal (action_name, "win.diagram-up"))
    bw_window_go_up (BW_WINDOW (widget));
  else
    bw_window_go_down (BW_WINDOW (widget));
}

/* Arrange: the core lays the diagram out; here it becomes one undo step. */

static void
arrange_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *diagram_id = current_diagram (self);
  BwCommand *command;
  GError *error = NULL;

  if (diagram_id == NULL)
    return;
  command = bw_command_arrange_new (self->project, diagram_id, &error);
  /* A diagram without nodes has nothing to arrange: no empty undo step. */
  if (BW_IS_COMMAND_GROUP (command) && bw_command_group_get_size (BW_COMMAND_GROUP (command)) == 0)
    {
      g_object_unref (command);
      return;
    }
  /* Never merged into the edit before it. */
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
  if (run (self, command, error))
    bw_diagram_view_zoom_fit (self->diagram_view);
}

void
_bw_window_diagrams_update (BwWindow *self)
{
  const char *id = current_diagram (self);
  BwRecord *diagram = id ? bw_project_lookup (self->project, id) : NULL;
  BwElement *element = id ? selected_element (self) : NULL;
  gboolean is_process = element != NULL && bw_element_get_kind_enum (element) == BW_ELEMENT_PROCESS;
  gboolean refined = is_process && refinement_of (self, bw_record_get_id (BW_RECORD (element))) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-rename", diagram != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-delete", diagram != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.arrange", diagram != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.decompose", is_process && !refined);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-down", refined);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-up",
                                 BW_IS_DIAGRAM (diagram) && bw_diagram_get_refines (BW_DIAGRAM (diagram)) != NULL);
  {
    guint n_diagrams, alignable = diagram != NULL ? count_alignable (self) : 0;
    int position = diagram_position (self, id, &n_diagrams);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-move-up", position > 0);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.diagram-move-down",
                                   position >= 0 && (guint) position + 1 < n_diagrams);
    /* Enabled from two shapes: the action tells why three are needed to
     * distribute, a greyed-out item could not. */
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.align", alignable >= 2);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-diagram", diagram != NULL);
  }
}

void
_bw_window_class_diagrams_init (BwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.diagram-new", NULL, diagram_new_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-rename", NULL, diagram_rename_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-delete", NULL, diagram_delete_action);
  gtk_widget_class_install_action (widget_class, "win.decompose", NULL, decompose_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-up", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-down", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.arrange", NULL, arrange_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-move-up", NULL, diagram_move_action);
  gtk_widget_class_install_action (widget_class, "win.diagram-move-down", NULL, diagram_move_action);
  gtk_widget_class_install_action (widget_class, "win.align", "s", align_action);
  _bw_window_class_export_init (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.diagram-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.diagram-down", NULL);

  /* Alt+Shift and the initial of the edge, as the menu shows them. */
  {
    static const struct { guint key; const char *name; } keys[] = {
      { GDK_KEY_l, "left" }, { GDK_KEY_c, "center" }, { GDK_KEY_r, "right" },
      { GDK_KEY_t, "top" }, { GDK_KEY_m, "middle" }, { GDK_KEY_b, "bottom" },
      { GDK_KEY_h, "horizontal" }, { GDK_KEY_v, "vertical" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding_action (widget_class, keys[i].key, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                           "win.align", "s", keys[i].name);
  }
}
