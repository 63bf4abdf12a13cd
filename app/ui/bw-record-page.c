/* bw-record-page.c — what the pages of records share: commands, form rows,
 * empty states, navigation
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-record-page.h"

gboolean
_bw_record_page_execute (GtkWidget       *page,
                         AdwToastOverlay *toasts,
                         BwProject       *project,
                         BwCommand       *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  if (project == NULL || command == NULL)
    return FALSE;
  if (!bw_command_stack_execute (bw_project_get_command_stack (project), command, &error))
    {
      gtk_widget_error_bell (page);
      if (toasts != NULL)
        adw_toast_overlay_add_toast (toasts, adw_toast_new (error != NULL ? error->message
                                                                          : _("The change could not be made")));
      return FALSE;
    }
  return TRUE;
}

BwCommand *
_bw_record_page_set_string (BwProject  *project,
                            const char *path,
                            const char *member,
                            const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return bw_command_set_property_new (project, path, member, &value);
}

BwCommand *
_bw_record_page_set_strv (BwProject          *project,
                          const char         *path,
                          const char         *member,
                          const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  return bw_command_set_property_new (project, path, member, &value);
}

char **
_bw_record_page_strv_toggle (const char * const *current,
                             const char         *id,
                             gboolean            add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], id))
      g_strv_builder_add (builder, current[i]);
  if (add)
    g_strv_builder_add (builder, id);
  return g_strv_builder_end (builder);
}

void
_bw_record_page_show_text (GtkEditable *editable,
                           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               data)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean redo;

  if ((state & GDK_CONTROL_MASK) == 0 || (keyval != GDK_KEY_z && keyval != GDK_KEY_Z))
    return FALSE;
  redo = (state & GDK_SHIFT_MASK) != 0;
  gtk_widget_activate_action (field, redo ? "win.redo" : "win.undo", NULL);
  return TRUE;
}

void
_bw_record_page_redirect_undo (GtkWidget *field)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* The document has the undo history; every keystroke is already in it. */
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  else if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), FALSE);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (field, keys);
}

/* A text view's own background would draw a box inside the row in the
 * dark style; the row is the field, as with an AdwEntryRow. */
static void
install_text_row_style (void)
{
  static gboolean installed;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (installed || display == NULL)
    return;
  installed = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.bw-text-row, textview.bw-text-row > text "
                                   "{ background: none; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
_bw_record_page_text_row (const char   *title,
                          const char   *name,
                          GtkTextView **view)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *text = gtk_text_view_new ();

  install_text_row_style ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the field, as in every other row. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_widget_add_css_class (text, "bw-text-row");
  gtk_widget_set_name (text, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  *view = GTK_TEXT_VIEW (text);
  return row;
}

char *
_bw_record_page_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_bw_record_page_show_view_text (GtkTextView *view,
                                const char  *text)
{
  g_autofree char *shown = _bw_record_page_dup_view_text (view);

  if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

GListModel *
_bw_record_page_labels_model (const char * const *labels,
                              guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(labels[i]));
  return G_LIST_MODEL (list);
}

guint
_bw_record_page_index_of (const char * const *values,
                          guint               n,
                          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

const char *
_bw_record_page_label_of (const char * const *values,
                          const char * const *labels,
                          guint               n,
                          const char         *value)
{
  guint i = _bw_record_page_index_of (values, n, value);

  return i < n ? _(labels[i]) : (value != NULL ? value : "");
}

guint
_bw_record_page_position_of (GListModel *records,
                             const char *id)
{
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (bw_record_get_id (record), id) == 0)
        return i;
    }
  return n;
}

void
_bw_record_page_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
_bw_record_page_status_page (const char *icon_name,
                             const char *title,
                             const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  return status;
}

GtkWidget *
_bw_record_page_empty_state (const char *icon_name,
                             const char *title,
                             const char *description,
                             const char *add_label,
                             const char *add_action,
                             GtkWidget  *below)
{
  GtkWidget *status = _bw_record_page_status_page (icon_name, title, description);
  GtkWidget *add = gtk_button_new_with_mnemonic (add_label);

  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), add_action);
  if (below != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

      gtk_box_append (GTK_BOX (box), add);
      gtk_box_append (GTK_BOX (box), below);
      adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
    }
  else
    adw_status_page_set_child (ADW_STATUS_PAGE (status), add);
  return status;
}

GtkWidget *
_bw_record_page_icon_button (const char *icon_name,
                             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

const char *
_bw_record_page_record_name (BwRecord *record)
{
  if (BW_IS_THREAT (record))
    return bw_threat_get_title (BW_THREAT (record));
  if (BW_IS_OBJECTIVE (record))
    return bw_objective_get_text (BW_OBJECTIVE (record));
  if (BW_IS_REQUIREMENT (record))
    return bw_requirement_get_text (BW_REQUIREMENT (record));
  if (BW_IS_ELEMENT (record))
    return bw_element_get_name (BW_ELEMENT (record));
  if (BW_IS_ASSET (record))
    return bw_asset_get_name (BW_ASSET (record));
  return "";
}

GtkWidget *
_bw_record_page_link_row (BwProject  *project,
                          const char *id)
{
  BwRecord *record = project != NULL ? bw_project_lookup (project, id) : NULL;
  const char *name = record != NULL ? _bw_record_page_record_name (record) : NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), id);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (record == NULL)
    {
      /* A dangling link: shown, so that it can be removed, but not opened. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not in the project"));
      return row;
    }
  /* Translators: a row that opens a record, "Show T-3" */
  tooltip = g_strdup_printf (_("Show %s"), id);
  gtk_widget_set_tooltip_text (row, tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: a name without it would be checked against none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
  return row;
}

GtkWidget *
_bw_record_page_show_row (const char *title,
                          const char *subtitle,
                          const char *show_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (show_id != NULL)
    {
      gtk_widget_set_tooltip_text (row, _("Show"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The target first: a name without it would be checked against none. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", show_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
_bw_record_page_undo_toast (AdwToastOverlay *toasts,
                            const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (toasts, toast);
}

void
_bw_record_page_show_record (GtkWidget  *widget,
                             const char *id)
{
  if (id != NULL && *id != '\0')
    gtk_widget_activate_action (widget, "win.show-record", "s", id);
}
