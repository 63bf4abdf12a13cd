/* bw-threats-page-dialogs.c — the derive banner and its review, adding a threat by hand
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Opening a project never changes it: the page only plans what the rule
 * library would change (bw_deriver_plan) and offers it in a banner, and
 * once in a toast of the window, where the user reviews and applies it as
 * one undoable step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-command-add.h"
#include "bw-command-derive.h"
#include "bw-command-stack.h"
#include "bw-history-entry.h"
#include "bw-rule-library-ref.h"
#include "bw-threats-page-private.h"

/* At most this many rows in the review dialog (a first derivation of a
 * large model plans tens of thousands). */
#define MAX_REVIEW_ROWS 500

static GtkWindow *
page_window (BwThreatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
append_count (GPtrArray  *parts,
              guint       n,
              const char *format)
{
  if (n > 0)
    g_ptr_array_add (parts, g_strdup_printf (format, n));
}

/* "The rule library would add 3 threats and retire 1" */
char *
_bw_threats_page_describe_plan (BwDerivePlan *plan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  g_autofree char *joined = NULL;

  guint n;

  /* ngettext with the literals, so that xgettext sees the plural pairs. */
  n = bw_derive_plan_count (plan, BW_DERIVE_ADD);
  append_count (parts, n, ngettext ("add %u threat", "add %u threats", n));
  n = bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE);
  append_count (parts, n, ngettext ("retire %u", "retire %u", n));
  n = bw_derive_plan_count (plan, BW_DERIVE_REVIVE);
  append_count (parts, n, ngettext ("revive %u", "revive %u", n));
  n = bw_derive_plan_count (plan, BW_DERIVE_SUPERSEDE);
  append_count (parts, n, ngettext ("supersede %u", "supersede %u", n));
  n = bw_derive_plan_count (plan, BW_DERIVE_UNSUPERSEDE);
  append_count (parts, n, ngettext ("no longer supersede %u", "no longer supersede %u", n));
  if (parts->len == 0)
    return g_strdup (_("The rule library has nothing to change"));
  if (parts->len == 1)
    joined = g_strdup (g_ptr_array_index (parts, 0));
  else
    {
      char *last = g_ptr_array_steal_index (parts, parts->len - 1);
      g_autofree char *first = NULL;

      g_ptr_array_add (parts, NULL);
      first = g_strjoinv (", ", (char **) parts->pdata);
      /* Translators: joins the last item of a list: "add 3 threats, revive 1 and retire 1" */
      joined = g_strdup_printf (_("%s and %s"), first, last);
      g_free (last);
    }
  /* Translators: %s lists the changes, e.g. "add 3 threats and retire 1" */
  head = g_strdup_printf (_("The rule library would %s"), joined);
  return g_steal_pointer (&head);
}

/* The window's toast overlay sits in its diagram view, not around the
 * pages: the first mapped overlay of the window outside every page. A
 * page's own overlay is left alone, its toasts (an undo) must not queue
 * behind this one. */
static GtkWidget *
find_window_overlay (BwThreatsPage *self,
                     GtkWidget     *widget)
{
  if (BW_IS_PAGE (widget) || !gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_window_overlay (self, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
tell_window_cb (gpointer data)
{
  BwThreatsPage *self = data;
  GtkWidget *overlay;
  g_autofree char *text = NULL;
  AdwToast *toast;

  self->toast_id = 0;
  if (self->plan == NULL || bw_derive_plan_is_empty (self->plan) || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return G_SOURCE_REMOVE;
  overlay = find_window_overlay (self, GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))));
  if (overlay == NULL)
    return G_SOURCE_REMOVE;
  self->plan_told = TRUE;
  text = _bw_threats_page_describe_plan (self->plan);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("threats"));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return G_SOURCE_REMOVE;
}

void
_bw_threats_page_update_plan (BwThreatsPage *self)
{
  g_autofree char *text = NULL;
  gboolean pending;

  if (self->project == NULL)
    return;
  if (self->rules == NULL)
    self->rules = bw_application_dup_rule_set_for_project (GTK_WIDGET (self), self->project, NULL);
  g_clear_pointer (&self->plan, bw_derive_plan_unref);
  self->plan = bw_deriver_plan (self->project, self->rules, NULL);
  self->plan_dirty = FALSE;
  self->plan_structural = FALSE;
  pending = self->plan != NULL && !bw_derive_plan_is_empty (self->plan);
  if (pending)
    {
      text = _bw_threats_page_describe_plan (self->plan);
      gtk_label_set_label (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, pending);

  /* The banner is on this page; a project opened on another page learns
   * of it from a toast of the window, once. */
  if (pending && !self->plan_told && self->toast_id == 0)
    self->toast_id = g_timeout_add (800, tell_window_cb, self);
}

void
_bw_threats_page_apply_plan (BwThreatsPage *self)
{
  g_autoptr(BwDerivePlan) plan = NULL;
  g_autofree char *message = NULL;
  guint added;

  if (self->project == NULL)
    return;
  _bw_threats_page_update_plan (self);
  if (self->plan == NULL || bw_derive_plan_is_empty (self->plan))
    return;
  plan = bw_derive_plan_ref (self->plan);
  added = bw_derive_plan_count (plan, BW_DERIVE_ADD);
  if (!_bw_threats_page_execute (self, bw_command_derive_new (self->project, plan)))
    return;
  _bw_threats_page_update_plan (self);
  if (added > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u threat derived", "%u threats derived", added), added);
  else
    message = g_strdup (_("Threats updated from the rule library"));
  _bw_threats_page_toast (self, message, TRUE);
}

GtkWidget *
_bw_threats_page_banner_new (BwThreatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *review = gtk_button_new_with_mnemonic (_("_Review"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));

  gtk_widget_add_css_class (box, "bw-threats-banner");
  self->banner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->banner_label, 0.0);
  gtk_label_set_wrap (self->banner_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->banner_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->banner_label));
  gtk_widget_set_valign (review, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (review), "threats.review-derivation");
  gtk_box_append (GTK_BOX (box), review);
  gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "threats.apply-derivation");
  gtk_box_append (GTK_BOX (box), apply);

  self->banner_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->banner_revealer, box);
  return GTK_WIDGET (self->banner_revealer);
}

/* Review */

static const char *
action_label (BwDeriveAction action)
{
  switch (action)
    {
    case BW_DERIVE_ADD: return _("Add");
    case BW_DERIVE_OBSOLETE: return _("Retire");
    case BW_DERIVE_REVIVE: return _("Revive");
    case BW_DERIVE_SUPERSEDE: return _("Supersede");
    case BW_DERIVE_UNSUPERSEDE: return _("No longer superseded");
    default: return "";
    }
}

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BwThreatsPage    *self)
{
  if (g_strcmp0 (response, "apply") == 0)
    _bw_threats_page_apply_plan (self);
}

void
_bw_threats_page_review_plan (BwThreatsPage *self)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *list;
  g_autofree char *body = NULL;
  guint n;

  if (self->project == NULL)
    return;
  _bw_threats_page_update_plan (self);
  if (self->plan == NULL)
    return;
  n = bw_derive_plan_get_n_items (self->plan);
  body = _bw_threats_page_describe_plan (self->plan);
  dialog = adw_message_dialog_new (page_window (self), _("Derive Threats"), body);
  gtk_widget_set_name (dialog, "derive-review");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n && i < MAX_REVIEW_ROWS; i++)
    {
      const BwDeriveItem *item = bw_derive_plan_get_item (self->plan, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title != NULL ? item->title : "");
      /* Translators: a change of derivation: "Add · T-12 · rule STRIDE-P-S1 · Pump firmware (P-3)" */
      subtitle = g_strdup_printf (_("%s · %s · rule %s · %s (%s)"), action_label (item->action),
                                  item->threat_id != NULL ? item->threat_id : "",
                                  item->rule_id != NULL ? item->rule_id : "",
                                  _bw_threats_page_element_name (self, item->target),
                                  item->target != NULL ? item->target : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (n > MAX_REVIEW_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more change", "and %u more changes",
                                                             n - MAX_REVIEW_ROWS), n - MAX_REVIEW_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  /* A message dialog is narrow; the plan's rows want to be read. */
  gtk_widget_set_size_request (scroller, 480, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", n > 0);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adding a threat by hand */

typedef struct
{
  BwThreatsPage *self;
  GPtrArray     *element_ids;
  GtkDropDown   *element;
  GtkDropDown   *category;
  GtkEditable   *title;
} AddDialog;

static void
add_dialog_free (gpointer data)
{
  AddDialog *add = data;

  g_ptr_array_unref (add->element_ids);
  g_free (add);
}

static void
add_validate_cb (AddDialog *add)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (add->title), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (add->title)));

  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add",
                                             *title != '\0' && add->element_ids->len > 0
                                             && gtk_drop_down_get_selected (add->element) != GTK_INVALID_LIST_POSITION);
}

/* A new manual threat, not yet in the project: its ID is allocated when
 * the command adds it. */
static BwThreat *
new_manual_threat (const char *target,
                   const char *category,
                   const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  BwThreat *threat = g_object_new (BW_TYPE_THREAT,
                                   "origin", "manual",
                                   "target", target,
                                   "category", category,
                                   "title", title,
                                   "status", "not_started",
                                   "treatment", "none",
                                   NULL);
  g_autoptr(BwHistoryEntry) entry = g_object_new (BW_TYPE_HISTORY_ENTRY,
                                                  "at", at,
                                                  "event", "created",
                                                  "by", g_get_real_name (),
                                                  "detail", _("Added by hand"),
                                                  NULL);

  g_list_store_append (G_LIST_STORE (bw_threat_get_history (threat)), entry);
  return threat;
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddDialog        *add)
{
  BwThreatsPage *self = add->self;
  guint element = gtk_drop_down_get_selected (add->element);
  guint category = gtk_drop_down_get_selected (add->category);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (add->title)));
  g_autoptr(BwThreat) threat = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *id = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->project == NULL)
    return;
  if (*title == '\0' || element >= add->element_ids->len || category >= 6)
    {
      _bw_threats_page_toast (self, _("A threat needs an element, a category and a title"), FALSE);
      return;
    }
  threat = new_manual_threat (g_ptr_array_index (add->element_ids, element), bw_stride_categories[category], title);
  command = bw_command_add_new (self->project, BW_RECORD (threat), -1);
  if (!_bw_threats_page_execute (self, g_object_ref (command)))
    return;
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (!_bw_threats_page_matches (self, BW_THREAT (bw_project_lookup (self->project, id))))
    bw_page_set_filter (BW_PAGE (self), "");
  _bw_threats_page_select (self, id);
}

void
_bw_threats_page_add_threat (BwThreatsPage *self)
{
  AddDialog *add;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkStringList *categories = gtk_string_list_new (NULL);
  GListModel *elements;
  BwThreat *selected;
  const char *preselect = NULL;
  guint preselect_position = 0;

  if (self->project == NULL)
    return;
  add = g_new0 (AddDialog, 1);
  add->self = self;
  add->element_ids = g_ptr_array_new_with_free_func (g_free);

  /* The element in view: the selected threat's, or the filtered one. */
  selected = _bw_threats_page_get_current (self);
  preselect = selected != NULL ? bw_threat_get_target (selected) : self->values[DROPDOWN_ELEMENT];

  elements = bw_project_get_elements (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (element));
      g_autofree char *name = NULL;

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY)
        continue;
      if (g_strcmp0 (id, preselect) == 0)
        preselect_position = add->element_ids->len;
      g_ptr_array_add (add->element_ids, g_strdup (id));
      name = g_strdup_printf (_("%s (%s)"), bw_element_get_name (element), id);
      gtk_string_list_append (names, name);
    }
  for (guint i = 0; bw_stride_categories[i] != NULL; i++)
    gtk_string_list_append (categories, _bw_threats_page_category_label (bw_stride_categories[i]));

  dialog = adw_message_dialog_new (page_window (self), _("Add Threat"),
                                   add->element_ids->len > 0
                                   ? _("A threat the rule library does not derive, entered by hand")
                                   : _("The project has no elements yet: draw the system on a diagram first"));
  gtk_widget_set_name (dialog, "add-threat");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Element"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  add->element = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_drop_down_set_enable_search (add->element, TRUE);
  gtk_drop_down_set_expression (add->element, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  if (add->element_ids->len > 0)
    gtk_drop_down_set_selected (add->element, preselect_position);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (add->element));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->element));

  label = gtk_label_new_with_mnemonic (_("_Category"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  add->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (categories), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (add->category));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->category));

  label = gtk_label_new_with_mnemonic (_("_Title"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  add->title = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_activates_default (GTK_ENTRY (add->title), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (add->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->title));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect_swapped (add->title, "changed", G_CALLBACK (add_validate_cb), add);
  g_signal_connect_swapped (add->element, "notify::selected", G_CALLBACK (add_validate_cb), add);
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), add,
                         (GClosureNotify) (void (*) (void)) add_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (add->title));
}
