/* bw-threats-page.c — step 3: the threat table, its filters and the threat editor
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Triage happens here: the table (or the elements × STRIDE matrix) on the
 * left narrows the project's threats by category, status, treatment,
 * diagram, element, text and the filters other pages hand over (a risk
 * matrix cell, a hazard, an asset); the threat editor on the right edits
 * the selected one.  The page edits only through commands, and follows
 * the command stack, so undo, redo and edits elsewhere show at once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-risk-assessment.h"
#include "bw-threats-page-private.h"
#include "bw-traceability.h"

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwThreatsPage, bw_threats_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

/* Archived, obsolete and superseded threats are out of the triage:
 * hidden unless asked for, and marked when shown. */
gboolean
_bw_threats_page_is_retired (BwThreat *threat)
{
  return bw_threat_get_archived (threat) || bw_threat_get_obsolete (threat) || bw_threat_get_superseded (threat);
}

/* The element's name, or its ID when it has none or is gone (an obsolete
 * threat may name a deleted element). */
const char *
_bw_threats_page_element_name (BwThreatsPage *self,
                               const char    *element_id)
{
  BwRecord *record;

  if (self->project == NULL || element_id == NULL)
    return "";
  record = bw_project_lookup (self->project, element_id);
  if (BW_IS_ELEMENT (record) && *bw_element_get_name (BW_ELEMENT (record)) != '\0')
    return bw_element_get_name (BW_ELEMENT (record));
  return element_id;
}

/* Takes `command` (NULL when it could not be built: nothing happens). */
gboolean
_bw_threats_page_execute (BwThreatsPage *self,
                          BwCommand     *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  if (command == NULL || self->project == NULL)
    return FALSE;
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      _bw_threats_page_toast (self, error->message, FALSE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

void
_bw_threats_page_toast (BwThreatsPage *self,
                        const char    *title,
                        gboolean       undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The threat in the editor: the selected row's, or the one an edit took
 * out of the filters. */
BwThreat *
_bw_threats_page_get_current (BwThreatsPage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->selected_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->selected_id);
  return BW_IS_THREAT (record) ? BW_THREAT (record) : NULL;
}

/* State of the widgets */

static void
update_actions (BwThreatsPage *self)
{
  BwThreat *threat = _bw_threats_page_get_current (self);
  BwRecord *target = NULL;
  gboolean deletable = FALSE;

  if (threat != NULL)
    {
      target = bw_project_lookup (self->project, bw_threat_get_target (threat));
      /* FORMAT.md: a derived threat whose rule still applies is archived or
       * marked not applicable, never deleted. */
      deletable = bw_threat_get_obsolete (threat) || g_strcmp0 (bw_threat_get_origin (threat), "manual") == 0;
      gtk_button_set_label (GTK_BUTTON (self->archive_button),
                            bw_threat_get_archived (threat) ? _("_Unarchive") : _("_Archive"));
    }
  gtk_widget_set_sensitive (self->show_button, BW_IS_ELEMENT (target));
  gtk_widget_set_sensitive (self->archive_button, threat != NULL);
  gtk_widget_set_sensitive (self->delete_button, deletable);
  gtk_widget_set_tooltip_text (self->delete_button,
                               threat != NULL && !deletable
                               ? _("A derived threat whose rule still applies can only be archived or marked not applicable")
                               : NULL);
}

static void
update_state (BwThreatsPage *self)
{
  guint total = self->project != NULL ? g_list_model_get_n_items (bw_project_get_threats (self->project)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;
  const char *page;

  if (total == 0)
    {
      gboolean derive = self->plan != NULL && bw_derive_plan_count (self->plan, BW_DERIVE_ADD) > 0;

      gtk_button_set_label (self->empty_button, derive ? _("_Derive Threats") : _("_Add Threat"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                      derive ? "threats.apply-derivation" : "threats.add");
      page = "empty";
    }
  else if (shown == 0 && !gtk_toggle_button_get_active (self->matrix_toggle))
    page = "no-results";
  else
    page = gtk_toggle_button_get_active (self->matrix_toggle) ? "matrix" : "table";
  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* Nothing to filter or act on before the first threat. */
  if (self->filters_row != NULL)
    gtk_widget_set_visible (self->filters_row, total > 0);
  if (self->action_bar != NULL)
    gtk_widget_set_visible (self->action_bar, total > 0);

  /* Translators: "Showing 7 of 9 threats" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u threat", "Showing %u of %u threats", total),
                           shown, total);
  gtk_label_set_label (self->count_label, count);
  _bw_threats_page_update_chip (self);
  update_actions (self);
}

/* Selection */

static void
selection_changed_cb (BwThreatsPage *self)
{
  BwThreat *threat;

  if (self->updating)
    return;
  threat = _bw_threats_page_get_selected (self);
  g_free (self->selected_id);
  self->selected_id = threat != NULL ? g_strdup (bw_record_get_id (BW_RECORD (threat))) : NULL;
  bw_threat_editor_set_threat_id (self->editor, self->selected_id);
  update_actions (self);
}

void
_bw_threats_page_select (BwThreatsPage *self,
                         const char    *threat_id)
{
  guint position = _bw_threats_page_position_of (self, threat_id);

  g_free (self->selected_id);
  self->selected_id = position != GTK_INVALID_LIST_POSITION ? g_strdup (threat_id) : NULL;
  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

      /* The column view's inner list view scrolls (GTK 4.8 has no
       * gtk_column_view_scroll_to). */
      for (; list != NULL && !GTK_IS_LIST_VIEW (list); list = gtk_widget_get_next_sibling (list))
        ;
      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
    }
  bw_threat_editor_set_threat_id (self->editor, self->selected_id);
  update_actions (self);
}

/* Keeps the selected threat selected when the models moved it.  When an
 * edit took it out of the filters (its status changed while the table
 * shows one status), the editor keeps it: the user is still editing. */
static void
restore_selection (BwThreatsPage *self)
{
  BwThreat *threat = _bw_threats_page_get_selected (self);
  g_autofree char *id = g_strdup (self->selected_id);

  if (id == NULL)
    return;
  if (threat != NULL && g_strcmp0 (bw_record_get_id (BW_RECORD (threat)), id) == 0)
    return;
  if (!BW_IS_THREAT (bw_project_lookup (self->project, id)))
    {
      _bw_threats_page_select (self, NULL);
      return;
    }
  if (_bw_threats_page_position_of (self, id) == GTK_INVALID_LIST_POSITION)
    {
      self->updating++;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->updating--;
      update_actions (self);
      return;
    }
  _bw_threats_page_select (self, id);
}

void
_bw_threats_page_filters_changed (BwThreatsPage *self)
{
  self->updating++;
  _bw_threats_page_refilter (self, TRUE);
  self->updating--;
  if (gtk_toggle_button_get_active (self->matrix_toggle))
    _bw_threats_page_matrix_update (self);
  update_state (self);
  restore_selection (self);
}

static void
bw_threats_page_set_filter (BwPage     *page,
                            const char *filter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);

  if (self->project == NULL)
    return;
  if (!_bw_threats_page_apply_filter (self, filter != NULL ? filter : ""))
    {
      g_autofree char *message = NULL;

      _bw_threats_page_clear_filters (self);
      /* Translators: %s is a filter another page asked for */
      message = g_strdup_printf (_("Unknown threat filter “%s”; showing all threats"), filter);
      _bw_threats_page_toast (self, message, FALSE);
    }
  _bw_threats_page_filters_changed (self);
}

static gboolean
bw_threats_page_select_record (BwPage     *page,
                               const char *id)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);
  BwRecord *record;

  if (self->project == NULL || id == NULL || (record = bw_project_lookup (self->project, id)) == NULL)
    return FALSE;

  if (BW_IS_THREAT (record))
    {
      if (!_bw_threats_page_matches (self, BW_THREAT (record)))
        {
          _bw_threats_page_clear_filters (self);
          if (_bw_threats_page_is_retired (BW_THREAT (record)))
            gtk_toggle_button_set_active (self->retired_toggle, TRUE);
          _bw_threats_page_filters_changed (self);
        }
      _bw_threats_page_select (self, id);
      return self->selected_id != NULL;
    }

  if (BW_IS_ELEMENT (record))
    {
      g_autoptr(GObject) first = NULL;
      BwThreat *threat = NULL;

      _bw_threats_page_clear_filters (self);
      _bw_threats_page_set_dropdown_value (self, DROPDOWN_ELEMENT, id);
      _bw_threats_page_filters_changed (self);
      first = g_list_model_get_item (G_LIST_MODEL (self->flat_model), 0);
      if (self->grouped)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

          threat = BW_IS_THREAT (item) ? BW_THREAT (item) : NULL;
        }
      else
        threat = BW_IS_THREAT (first) ? BW_THREAT (first) : NULL;
      _bw_threats_page_select (self, threat != NULL ? bw_record_get_id (BW_RECORD (threat)) : NULL);
      return TRUE;
    }
  return FALSE;
}

/* Following the document */

static gboolean
refresh_cb (gpointer data)
{
  BwThreatsPage *self = data;

  self->refresh_id = 0;
  if (self->project == NULL)
    return G_SOURCE_REMOVE;
  /* The models move rows; the selection is restored below, not lost. */
  self->updating++;
  _bw_threats_page_update_dropdown_lists (self);
  _bw_threats_page_refilter (self, FALSE);
  _bw_threats_page_resort (self);
  self->updating--;
  _bw_threats_page_update_cells (self);
  if (gtk_toggle_button_get_active (self->matrix_toggle))
    _bw_threats_page_matrix_update (self);
  /* Planning is a pass of the rules over the whole model (seconds on
   * 84,000 threats): redone while the banner can be seen only when
   * records came or went, else when the page is shown again. */
  self->plan_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->plan_structural)
    _bw_threats_page_update_plan (self);
  update_state (self);
  restore_selection (self);
  return G_SOURCE_REMOVE;
}

/* The extra rule libraries of the preferences changed: the next plan uses
 * the new set, now if the banner can be seen. */
void
bw_threats_page_reload_rules (BwThreatsPage *self)
{
  g_return_if_fail (BW_IS_THREATS_PAGE (self));

  g_clear_object (&self->rules);
  self->plan_dirty = TRUE;
  self->plan_told = FALSE;
  if (self->project != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _bw_threats_page_update_plan (self);
      update_state (self);
    }
}

static void
schedule_refresh (BwThreatsPage *self)
{
  /* Several commands in a row (a group, typing in the editor) refresh once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (30, refresh_cb, self);
}

static void
stack_changed_cb (BwThreatsPage *self)
{
  schedule_refresh (self);
}

/* Threats, elements or diagrams came or went: what derivation would do
 * may have changed (a triage edit does not change it). */
static void
collection_changed_cb (BwThreatsPage *self)
{
  self->plan_structural = TRUE;
  schedule_refresh (self);
}

static gboolean
plan_idle_cb (gpointer data)
{
  BwThreatsPage *self = data;

  self->plan_id = 0;
  if (self->project != NULL && self->plan_dirty)
    {
      _bw_threats_page_update_plan (self);
      update_state (self);
    }
  return G_SOURCE_REMOVE;
}

static void
bw_threats_page_set_project (BwPage    *page,
                             BwProject *project)
{
  BwThreatsPage *self = BW_THREATS_PAGE (page);

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_threats (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_diagrams (self->project), self);
    }
  g_set_object (&self->project, project);
  g_clear_pointer (&self->plan, bw_derive_plan_unref);
  g_clear_object (&self->rules);
  self->plan_told = FALSE;
  _bw_threats_page_clear_filters (self);
  g_clear_pointer (&self->selected_id, g_free);

  bw_threat_editor_set_project (self->editor, project);
  bw_threat_editor_set_threat_id (self->editor, NULL);
  if (project == NULL)
    {
      _bw_threats_page_set_model (self, NULL);
      return;
    }
  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_project_get_threats (project), "items-changed",
                           G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_project_get_elements (project), "items-changed",
                           G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_project_get_diagrams (project), "items-changed",
                           G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
  _bw_threats_page_update_dropdown_lists (self);
  _bw_threats_page_set_model (self, bw_project_get_threats (project));
  /* The plan waits until the window is drawn: on a large model it takes
   * a moment, and opening should show the project first. */
  self->plan_dirty = TRUE;
  self->plan_structural = TRUE;
  g_clear_handle_id (&self->plan_id, g_source_remove);
  self->plan_id = g_idle_add_full (G_PRIORITY_LOW, plan_idle_cb, self, NULL);
  update_state (self);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_threats_page_set_project;
  iface->select_record = bw_threats_page_select_record;
  iface->set_filter = bw_threats_page_set_filter;
}

/* Actions */

static void
show_on_diagram_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_current (self);

  if (threat != NULL && BW_IS_ELEMENT (bw_project_lookup (self->project, bw_threat_get_target (threat))))
    gtk_widget_activate_action (widget, "win.show-record", "s", bw_threat_get_target (threat));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_current (self);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  gboolean archive;

  if (threat == NULL)
    return;
  id = g_strdup (bw_record_get_id (BW_RECORD (threat)));
  archive = !bw_threat_get_archived (threat);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, archive);
  if (!_bw_threats_page_execute (self, bw_command_set_property_new (self->project, id, "archived", &value)))
    return;
  /* Translators: %s is a threat ID */
  message = g_strdup_printf (archive ? _("%s archived") : _("%s restored"), id);
  _bw_threats_page_toast (self, message, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);
  BwThreat *threat = _bw_threats_page_get_current (self);
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  const char *ids[2] = { NULL, NULL };

  if (threat == NULL || !(bw_threat_get_obsolete (threat) || g_strcmp0 (bw_threat_get_origin (threat), "manual") == 0))
    return;
  id = g_strdup (bw_record_get_id (BW_RECORD (threat)));
  ids[0] = id;
  if (!_bw_threats_page_execute (self, bw_command_remove_new (self->project, ids)))
    return;
  /* Translators: %s is a threat ID */
  message = g_strdup_printf (_("%s deleted"), id);
  _bw_threats_page_toast (self, message, TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _bw_threats_page_add_threat (BW_THREATS_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);

  _bw_threats_page_clear_filters (self);
  _bw_threats_page_filters_changed (self);
}

static void
apply_derivation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _bw_threats_page_apply_plan (BW_THREATS_PAGE (widget));
}

static void
review_derivation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _bw_threats_page_review_plan (BW_THREATS_PAGE (widget));
}

static void
view_toggled_cb (BwThreatsPage *self)
{
  gboolean matrix = gtk_toggle_button_get_active (self->matrix_toggle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->group_toggle), !matrix);
  if (matrix)
    _bw_threats_page_matrix_update (self);
  update_state (self);
}

static void
group_toggled_cb (BwThreatsPage *self)
{
  self->updating++;
  _bw_threats_page_set_grouped (self, gtk_toggle_button_get_active (self->group_toggle));
  self->updating--;
  restore_selection (self);
}

static void
retired_toggled_cb (BwThreatsPage *self)
{
  self->show_retired = gtk_toggle_button_get_active (self->retired_toggle);
  _bw_threats_page_filters_changed (self);
}

static void
map_cb (BwThreatsPage *self)
{
  /* A change made while the page was hidden (a new process on a diagram)
   * is what the derive banner is for. */
  if (self->project != NULL && self->plan_dirty)
    {
      _bw_threats_page_update_plan (self);
      update_state (self);
    }
}

/* Construction */

static GtkWidget *
icon_toggle (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
build_toolbar (BwThreatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search threats"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search threats"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (_bw_threats_page_search_changed_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->search_entry));

  gtk_widget_add_css_class (views, "linked");
  self->table_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-list-symbolic", _("Table")));
  self->matrix_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-grid-symbolic", _("STRIDE Matrix")));
  gtk_toggle_button_set_group (self->matrix_toggle, self->table_toggle);
  gtk_toggle_button_set_active (self->table_toggle, TRUE);
  g_signal_connect_swapped (self->matrix_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->table_toggle));
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->matrix_toggle));
  gtk_box_append (GTK_BOX (row), views);

  self->group_toggle = GTK_TOGGLE_BUTTON (icon_toggle ("view-list-bullet-symbolic", _("Group by Element")));
  g_signal_connect_swapped (self->group_toggle, "toggled", G_CALLBACK (group_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->group_toggle));

  self->retired_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Show _Retired")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->retired_toggle), _("Show archived, obsolete and superseded threats"));
  g_signal_connect_swapped (self->retired_toggle, "toggled", G_CALLBACK (retired_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->retired_toggle));

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Threat"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "threats.add");
  gtk_box_append (GTK_BOX (row), self->add_button);
  gtk_box_append (GTK_BOX (box), row);

  self->filters_row = _bw_threats_page_filters_new (self);
  gtk_box_append (GTK_BOX (box), self->filters_row);
  return box;
}

static GtkWidget *
build_chip (BwThreatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Clear"));

  gtk_widget_add_css_class (box, "bw-threats-chip");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  self->chip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->chip_label, 0.0);
  gtk_label_set_ellipsize (self->chip_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chip_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chip_label));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "threats.clear-filters");
  gtk_box_append (GTK_BOX (box), button);

  self->chip_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->chip_revealer, box);
  return GTK_WIDGET (self->chip_revealer);
}

static GtkWidget *
build_content (BwThreatsPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));

  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Threats"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->content_stack, scroller, "table");

  gtk_stack_add_named (self->content_stack, _bw_threats_page_matrix_new (self), "matrix");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Threats Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Threats are derived from the diagrams by the rule library: draw the "
                                     "system's elements and flows, then derive. Threats the rules do not "
                                     "cover can be added by hand."));
  self->empty_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Threat")));
  gtk_widget_set_halign (GTK_WIDGET (self->empty_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_button), "suggested-action");
  adw_status_page_set_child (self->empty_page, GTK_WIDGET (self->empty_button));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->empty_page), "empty");

  self->no_results_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
  adw_status_page_set_title (self->no_results_page, _("No Matching Threats"));
  adw_status_page_set_description (self->no_results_page,
                                   _("No threat matches the search and filters. Archived, obsolete and "
                                     "superseded threats are hidden unless shown with the toolbar's toggle."));
  gtk_widget_set_halign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "threats.clear-filters");
  adw_status_page_set_child (self->no_results_page, clear);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->no_results_page), "no-results");
  return GTK_WIDGET (self->content_stack);
}

static GtkWidget *
build_action_bar (BwThreatsPage *self)
{
  GtkWidget *bar = gtk_action_bar_new ();

  self->action_bar = bar;
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->count_label));

  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "threats.delete");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->delete_button);
  self->archive_button = gtk_button_new_with_mnemonic (_("_Archive"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->archive_button), "threats.archive");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->archive_button);
  self->show_button = gtk_button_new_with_mnemonic (_("_Show on Diagram"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_button), "threats.show-on-diagram");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->show_button);
  return bar;
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  static const char css[] =
    ".bw-threat-group { font-weight: bold; }\n"
    ".bw-threat-tag { padding: 0 6px; border-radius: 9px; background-color: alpha(currentColor, 0.12); }\n"
    ".bw-threats-chip { padding: 2px 2px 2px 12px; border-radius: 6px;"
    "  background-color: alpha(@accent_bg_color, 0.15); }\n"
    ".bw-threats-banner { padding: 6px 12px; background-color: alpha(@accent_bg_color, 0.18); }\n"
    ".bw-threat-pill { padding: 0 8px; min-height: 22px; border-radius: 11px; font-feature-settings: \"tnum\"; }\n"
    ".bw-threat-pill.not-started { background-color: alpha(@error_color, 0.20); }\n"
    ".bw-threat-pill.needs-investigation { background-color: alpha(@warning_color, 0.28); }\n"
    ".bw-threat-pill.addressed { background-color: alpha(@success_color, 0.28); }\n"
    ".bw-threat-pill.not-applicable { background-color: alpha(currentColor, 0.08); }\n"
    ".bw-threat-pill.retired { text-decoration-line: line-through; opacity: 0.6; }\n"
    ".bw-matrix-cell { padding: 6px; border-bottom: 1px solid alpha(currentColor, 0.1); }\n";

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
bw_threats_page_dispose (GObject *object)
{
  BwThreatsPage *self = BW_THREATS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->toast_id, g_source_remove);
  g_clear_handle_id (&self->plan_id, g_source_remove);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_threats (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_elements (self->project), self);
      g_signal_handlers_disconnect_by_data (bw_project_get_diagrams (self->project), self);
    }
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->toast_overlay != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->toast_overlay));
      self->toast_overlay = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->groups);
  g_clear_object (&self->flat_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->sorters, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->group_stores, g_hash_table_unref);
  g_clear_pointer (&self->special_ids, g_hash_table_unref);
  g_clear_pointer (&self->plan, bw_derive_plan_unref);
  g_clear_object (&self->rules);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_threats_page_parent_class)->dispose (object);
}

static void
bw_threats_page_finalize (GObject *object)
{
  BwThreatsPage *self = BW_THREATS_PAGE (object);

  for (guint i = 0; i < N_DROPDOWNS; i++)
    {
      g_free (self->values[i]);
      g_clear_pointer (&self->dropdown_values[i], g_ptr_array_unref);
    }
  g_free (self->needle);
  g_free (self->special_id);
  g_free (self->selected_id);

  G_OBJECT_CLASS (bw_threats_page_parent_class)->finalize (object);
}

static void
bw_threats_page_class_init (BwThreatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_threats_page_dispose;
  object_class->finalize = bw_threats_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "threats.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "threats.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "threats.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "threats.show-on-diagram", NULL, show_on_diagram_action);
  gtk_widget_class_install_action (widget_class, "threats.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "threats.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "threats.apply-derivation", NULL, apply_derivation_action);
  gtk_widget_class_install_action (widget_class, "threats.review-derivation", NULL, review_derivation_action);
}

/* Ctrl+F anywhere in the window while the page is shown (the focus may
 * still be in the sidebar); on other pages the key is left to them. */
static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  BwThreatsPage *self = BW_THREATS_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || self->project == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
bw_threats_page_init (BwThreatsPage *self)
{
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  load_css ();

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  adw_toast_overlay_set_child (self->toast_overlay, self->paned);

  gtk_box_append (GTK_BOX (main_box), _bw_threats_page_banner_new (self));
  gtk_box_append (GTK_BOX (main_box), build_toolbar (self));
  gtk_box_append (GTK_BOX (main_box), build_chip (self));
  gtk_box_append (GTK_BOX (main_box), build_content (self));
  gtk_box_append (GTK_BOX (main_box), build_action_bar (self));
  gtk_paned_set_start_child (GTK_PANED (self->paned), main_box);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);

  self->editor = BW_THREAT_EDITOR (bw_threat_editor_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->editor), 300, -1);
  gtk_paned_set_end_child (GTK_PANED (self->paned), GTK_WIDGET (self->editor));
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);

  _bw_threats_page_init_table (self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (search_shortcut_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  update_state (self);
}

GtkWidget *
bw_threats_page_new (void)
{
  return g_object_new (BW_TYPE_THREATS_PAGE, NULL);
}
