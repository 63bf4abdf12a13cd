/* bw-window-actions.c — the win.* actions of BwWindow and their keys
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-compat.h"
#include "bw-presentation.h"
#include "bw-window-private.h"

#define MAX_RECENT 10

static void
show_error (BwWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_to (BwWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!bw_window_save_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not save “%s”"), name);

      self->close_after_save = FALSE;
      show_error (self, heading, error->message);
      return;
    }

  /* Save was the answer to "save changes?" on close. */
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_as_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BwWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(file = bw_compat_choose_file_finish (result, &error)))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not choose a file"), error->message);
      return;
    }

  save_to (self, file);
}

void
_bw_window_save_as (BwWindow *self)
{
  g_autofree char *name = bw_project_dup_display_name (self->project);
  g_autofree char *initial_name = NULL;

  if (!g_str_has_suffix (name, ".bulwark"))
    initial_name = g_strconcat (name, ".bulwark", NULL);
  else
    initial_name = g_steal_pointer (&name);

  bw_compat_choose_file_async (GTK_WINDOW (self), BW_FILE_CHOOSER_SAVE,
                               _("Save Project As"), _("_Save"),
                               bw_project_get_file (self->project), initial_name,
                               NULL, save_as_chosen_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  GFile *file = bw_project_get_file (self->project);

  if (file == NULL)
    _bw_window_save_as (self);
  else
    save_to (self, file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _bw_window_save_as (BW_WINDOW (widget));
}

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BwWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  if (!(file = bw_compat_choose_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not choose a file"), error->message);
      return;
    }

  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    bw_application_open_file (BW_APPLICATION (app), file, GTK_WINDOW (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bw_compat_choose_file_async (GTK_WINDOW (widget), BW_FILE_CHOOSER_OPEN,
                               _("Open Project"), _("_Open"),
                               NULL, NULL,
                               NULL, open_chosen_cb, g_object_ref (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app != NULL)
    bw_application_open_file (BW_APPLICATION (app), file, GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);

  bw_command_stack_undo (bw_project_get_command_stack (self->project));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);

  bw_command_stack_redo (bw_project_get_command_stack (self->project));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    bw_diagram_view_zoom_in (self->diagram_view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    bw_diagram_view_zoom_out (self->diagram_view);
  else if (g_str_equal (action_name, "win.zoom-fit"))
    bw_diagram_view_zoom_fit (self->diagram_view);
  else
    bw_diagram_view_zoom_reset (self->diagram_view);
}

/* Editing the diagram */

static void
undo_toast (BwWindow   *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autofree char *title = NULL;
  guint n;

  if ((n = bw_diagram_view_delete_selection (self->diagram_view)) == 0)
    return;

  title = g_strdup_printf (ngettext ("Deleted %u element", "Deleted %u elements", n), n);
  undo_toast (self, title);
}

/* A cut deletes too: the same offer to undo it. */
static void
cut_cb (BwWindow      *self,
        guint          n,
        BwDiagramView *view)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Cut %u element", "Cut %u elements", n), n);

  undo_toast (self, title);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  bw_diagram_view_select_all (BW_WINDOW (widget)->diagram_view);
}

static void
focus_inspector_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  gtk_widget_child_focus (GTK_WIDGET (BW_WINDOW (widget)->inspector), GTK_DIR_TAB_FORWARD);
}

/* Presentation mode: full screen over this window; leaving it returns
 * here with nothing changed. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BwWindow *self = BW_WINDOW (widget);
  BwPresentation *presentation;
  GdkSurface *surface;
  GdkMonitor *monitor;

  if (self->project == NULL)
    return;

  presentation = bw_presentation_new (GTK_WINDOW (self), self->project);
  /* The monitor's size too, for a display without a window manager to
   * honour the full-screen request (a kiosk, a test under Xvfb). */
  surface = gtk_native_get_surface (GTK_NATIVE (self));
  if (surface != NULL &&
      (monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface)) != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (presentation), geometry.width, geometry.height);
    }
  gtk_window_set_modal (GTK_WINDOW (presentation), TRUE);
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

static const struct
{
  const char *icon;
  const char *label;
  const char *tooltip;
} tools[BW_DIAGRAM_N_TOOLS] = {
  { "bw-tool-select-symbolic", N_("Select"), N_("Select and Move (V)") },
  { "bw-tool-entity-symbolic", N_("External Entity"), N_("External Entity (E)") },
  { "bw-tool-process-symbolic", N_("Process"), N_("Process (P)") },
  { "bw-tool-store-symbolic", N_("Data Store"), N_("Data Store (S)") },
  { "bw-tool-flow-symbolic", N_("Data Flow"), N_("Data Flow: drag from one element to another (F)") },
  { "bw-tool-box-boundary-symbolic", N_("Trust Boundary"), N_("Trust Boundary Box: drag to draw (B)") },
  { "bw-tool-line-boundary-symbolic", N_("Trust Boundary Line"), N_("Trust Boundary Line: drag to draw (L)") },
};

static void
tool_toggled_cb (GtkToggleButton *button,
                 BwWindow        *self)
{
  BwDiagramTool tool = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tool"));

  if (gtk_toggle_button_get_active (button))
    {
      bw_diagram_view_set_tool (self->diagram_view, tool);
      gtk_widget_grab_focus (GTK_WIDGET (self->diagram_view));
    }
  else if (bw_diagram_view_get_tool (self->diagram_view) == tool)
    /* A radio group: clicking the active tool keeps it. */
    gtk_toggle_button_set_active (button, TRUE);
}

static void
view_tool_changed_cb (BwWindow      *self,
                      GParamSpec    *pspec,
                      BwDiagramView *view)
{
  BwDiagramTool tool = bw_diagram_view_get_tool (view);

  if (self->tool_buttons[tool] != NULL)
    gtk_toggle_button_set_active (self->tool_buttons[tool], TRUE);
}

void
_bw_window_init_toolbar (BwWindow *self)
{
  for (guint i = 0; i < BW_DIAGRAM_N_TOOLS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_icon_name (GTK_BUTTON (button), tools[i].icon);
      gtk_widget_set_tooltip_text (button, _(tools[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(tools[i].label),
                                      -1);
      g_object_set_data (G_OBJECT (button), "tool", GUINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->tool_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == BW_DIAGRAM_TOOL_SELECT);
      g_signal_connect (button, "toggled", G_CALLBACK (tool_toggled_cb), self);
      gtk_box_append (self->tool_box, button);
      self->tool_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  g_signal_connect_object (self->diagram_view, "notify::tool",
                           G_CALLBACK (view_tool_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->snap_button, "active", self->diagram_view, "snap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkToggleButton *
bw_window_get_tool_button (BwWindow      *self,
                           BwDiagramTool  tool)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (tool < BW_DIAGRAM_N_TOOLS, NULL);

  return self->tool_buttons[tool];
}

void
_bw_window_actions_update (BwWindow *self)
{
  BwCommandStack *stack;
  gboolean diagram_shown;

  if (self->project == NULL)
    return;

  stack = bw_project_get_command_stack (self->project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 bw_command_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 bw_command_stack_get_can_redo (stack));

  diagram_shown = self->selected_key != NULL && g_str_has_prefix (self->selected_key, "diagram:");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", diagram_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", diagram_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", diagram_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", diagram_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", diagram_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-all", diagram_shown);
  _bw_window_diagrams_update (self);
}

static gboolean
is_project_file (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_suffix (uri, ".bulwark") ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-bulwark") == 0;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  /* Newest first. */
  return g_date_time_compare (time_b, time_a);
}

void
_bw_window_update_recent_menu (BwWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;

  g_menu_remove_all (self->recent_menu);

  items = gtk_recent_manager_get_items (manager);
  for (GList *l = items; l; l = l->next)
    {
      if (is_project_file (l->data) && gtk_recent_info_exists (l->data))
        g_ptr_array_add (infos, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent);

  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  /* An item without an action shows greyed out: say why the list is empty. */
  if (infos->len == 0)
    g_menu_append (self->recent_menu, _("No Recent Projects"), "win.no-recent");
}

static void
recent_changed_cb (GtkRecentManager *manager,
                   gpointer          user_data)
{
  _bw_window_update_recent_menu (user_data);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
}

/* How pages reach each other (bw-page.h). */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  bw_window_show_record (BW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  bw_window_select (BW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
filter_threats_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  bw_window_filter_threats (BW_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_bw_window_class_actions_init (BwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-record", "s", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.filter-threats", "s", filter_threats_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "win.focus-inspector", NULL, focus_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
  /* Ctrl+= too: on many layouts "+" needs Shift. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.zoom-reset", NULL);
}

/* The recent list is shared by all windows; each follows it. */
void
_bw_window_actions_init (BwWindow *self)
{
  g_signal_connect_object (self->diagram_view, "cut", G_CALLBACK (cut_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, 0);
}
