/* bw-risk-page.c — the risk matrix before and after, and the project's risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The matrix counts the active threats per cell (bw_risk_counts_new) at the
 * chosen stage; a cell shows the threats page filtered to it.  Below it,
 * the uncontrolled residual risks that still need a decision, and the
 * method editor.  Everything is refreshed from the project in one idle
 * after a change, so a run of changes (typing, a drag elsewhere) costs one
 * refresh.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-risk-assessment.h"
#include "bw-risk-method-editor.h"
#include "bw-risk-page.h"

struct _BwRiskPage
{
  GtkWidget           parent_instance;

  BwProject          *project;
  BwRiskStage         stage;
  guint               refresh_id;
  gboolean            stale;          /* changed while not shown */

  GtkWidget          *toast_overlay;  /* for the undo toast of Restore Default */
  GtkWidget          *before_button;
  GtkWidget          *after_button;
  GtkWidget          *matrix_stack;
  GtkWidget          *grid;
  GPtrArray          *cells;          /* GtkButton, [(e-1) * n_severity + (s-1)] */
  GPtrArray          *severity_labels;
  GPtrArray          *exploitability_labels;
  guint               n_exploitability;
  guint               n_severity;
  GtkWidget          *unrated_label;
  GtkWidget          *totals_label;
  GtkWidget          *residual_list;
  BwRiskMethodEditor *editor;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwRiskPage, bw_risk_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static const char *
outcome_class (BwOutcome outcome)
{
  switch (outcome)
    {
    case BW_OUTCOME_ACCEPTABLE: return "acceptable";
    case BW_OUTCOME_CONTROLLED: return "controlled";
    case BW_OUTCOME_UNCONTROLLED: return "uncontrolled";
    case BW_OUTCOME_UNRATED:
    default: return "unrated";
    }
}

/* The matrix */

static GtkWidget *
new_cell (guint e,
          guint s)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *outcome = gtk_label_new (NULL);
  g_autofree char *name = g_strdup_printf ("risk-cell-%u-%u", e, s);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "risk-cell");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (count, "risk-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (outcome, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (outcome), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), outcome);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  g_object_set_data (G_OBJECT (button), "count", count);
  g_object_set_data (G_OBJECT (button), "outcome", outcome);
  /* The target first: an action name without its target is an error. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.filter-threats");
  return button;
}

static GtkWidget *
axis_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, heading ? "heading" : "caption");
  if (!heading)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Rows are severity, the most severe on top; columns exploitability, the
 * least on the left: the worst risks gather in the top right corner. */
static void
build_grid (BwRiskPage *self)
{
  GtkWidget *title;

  if (self->grid != NULL)
    gtk_stack_remove (GTK_STACK (self->matrix_stack), self->grid);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->severity_labels, 0);
  g_ptr_array_set_size (self->exploitability_labels, 0);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
  gtk_stack_add_named (GTK_STACK (self->matrix_stack), self->grid, "matrix");

  title = axis_label (_("Severity"), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_grid_attach (GTK_GRID (self->grid), title, 0, 0, 1, 1);

  g_ptr_array_set_size (self->cells, self->n_exploitability * self->n_severity);
  g_ptr_array_set_size (self->severity_labels, self->n_severity);
  for (guint s = self->n_severity; s >= 1; s--)
    {
      guint row = 1 + self->n_severity - s;
      GtkWidget *label = axis_label (NULL, FALSE);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
      self->severity_labels->pdata[s - 1] = label;

      for (guint e = 1; e <= self->n_exploitability; e++)
        {
          GtkWidget *cell = new_cell (e, s);

          gtk_grid_attach (GTK_GRID (self->grid), cell, e, row, 1, 1);
          self->cells->pdata[(e - 1) * self->n_severity + (s - 1)] = cell;
        }
    }

  for (guint e = 1; e <= self->n_exploitability; e++)
    {
      GtkWidget *label = axis_label (NULL, FALSE);

      gtk_grid_attach (GTK_GRID (self->grid), label, e, self->n_severity + 1, 1, 1);
      g_ptr_array_add (self->exploitability_labels, label);
    }
  title = axis_label (_("Exploitability"), TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), title, 1, self->n_severity + 2, MAX (1, self->n_exploitability), 1);
}

static void
update_cell (BwRiskPage   *self,
             BwRiskCounts *counts,
             BwRiskMethod *method,
             guint         e,
             guint         s)
{
  GtkWidget *cell = self->cells->pdata[(e - 1) * self->n_severity + (s - 1)];
  guint n = bw_risk_counts_get (counts, e, s);
  BwOutcome outcome = bw_risk_counts_get_cell_outcome (counts, e, s);
  const char *outcome_text = bw_outcome_describe (outcome);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *threats = NULL;
  g_autofree char *label = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *lower = g_utf8_strdown (outcome_text, -1);
  const char *classes[] = { "acceptable", "controlled", "uncontrolled", "unrated" };

  gtk_label_set_text (g_object_get_data (G_OBJECT (cell), "count"), count);
  gtk_label_set_text (g_object_get_data (G_OBJECT (cell), "outcome"), outcome_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (cell, classes[i]);
  gtk_widget_add_css_class (cell, outcome_class (outcome));
  if (n > 0)
    gtk_widget_add_css_class (cell, "occupied");
  else
    gtk_widget_remove_css_class (cell, "occupied");

  threats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u threat", "%u threats", n), n);
  /* Translators: a cell of the risk matrix: "<exploitability> × <severity>:
   * <n threats>, <outcome>", e.g. "High × Serious: 3 threats, uncontrolled" */
  label = g_strdup_printf (_("%s × %s: %s, %s"),
                           bw_risk_method_get_exploitability (method)[e - 1],
                           bw_risk_method_get_severity (method)[s - 1],
                           threats, lower);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (cell, label);

  filter = g_strdup_printf ("%s:%u:%u", self->stage == BW_RISK_BEFORE ? "before" : "after", e, s);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (cell), "s", filter);
}

static void
update_matrix (BwRiskPage *self)
{
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  g_autoptr(BwRiskCounts) counts = bw_risk_counts_new (self->project, self->stage);
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  g_autofree char *unrated = NULL;
  g_autofree char *totals = NULL;
  guint n_unrated = bw_risk_counts_get_unrated (counts);
  guint n_all = n_unrated;

  if (bw_risk_counts_get_n_exploitability (counts) != self->n_exploitability ||
      bw_risk_counts_get_n_severity (counts) != self->n_severity ||
      self->grid == NULL)
    {
      self->n_exploitability = bw_risk_counts_get_n_exploitability (counts);
      self->n_severity = bw_risk_counts_get_n_severity (counts);
      build_grid (self);
    }

  for (guint s = 1; s <= self->n_severity; s++)
    gtk_label_set_text (self->severity_labels->pdata[s - 1],
                        s <= g_strv_length ((char **) severity) ? severity[s - 1] : "");
  for (guint e = 1; e <= self->n_exploitability; e++)
    gtk_label_set_text (self->exploitability_labels->pdata[e - 1],
                        e <= g_strv_length ((char **) exploitability) ? exploitability[e - 1] : "");
  for (guint e = 1; e <= self->n_exploitability; e++)
    for (guint s = 1; s <= self->n_severity; s++)
      update_cell (self, counts, method, e, s);

  for (BwOutcome o = BW_OUTCOME_ACCEPTABLE; o <= BW_OUTCOME_UNCONTROLLED; o++)
    n_all += bw_risk_counts_get_total (counts, o);
  gtk_stack_set_visible_child_name (GTK_STACK (self->matrix_stack), n_all > 0 ? "matrix" : "empty");
  /* Totals of nothing say nothing; the status page says it better. */
  gtk_widget_set_visible (self->totals_label, n_all > 0);
  gtk_widget_set_visible (self->unrated_label, n_all > 0);

  if (n_unrated == 0)
    unrated = g_strdup (_("Every active threat has a complete rating."));
  else
    unrated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u active threat lacks a complete rating and is on no cell.",
                                            "%u active threats lack a complete rating and are on no cell.",
                                            n_unrated),
                               n_unrated);
  gtk_label_set_text (GTK_LABEL (self->unrated_label), unrated);

  /* Translators: the totals under the risk matrix */
  totals = g_strdup_printf (_("%u acceptable · %u controlled · %u uncontrolled"),
                            bw_risk_counts_get_total (counts, BW_OUTCOME_ACCEPTABLE),
                            bw_risk_counts_get_total (counts, BW_OUTCOME_CONTROLLED),
                            bw_risk_counts_get_total (counts, BW_OUTCOME_UNCONTROLLED));
  gtk_label_set_text (GTK_LABEL (self->totals_label), totals);
}

/* Uncontrolled residual risks */

static GtkWidget *
residual_row (BwRiskMethod *method,
              BwThreat     *threat)
{
  const char *id = bw_record_get_id (BW_RECORD (threat));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *title = g_strdup_printf ("%s  %s", id, bw_threat_get_title (threat));
  g_autofree char *name = g_strdup_printf ("risk-residual-%s", id);
  g_autofree char *subtitle = NULL;
  int e = 0;
  int s = 0;

  if (bw_risk_assessment_get_rating (threat, BW_RISK_AFTER, &e, &s))
    /* Translators: "Residual risk High × Critical: uncontrolled, …" */
    subtitle = g_strdup_printf (_("Residual risk %s × %s: uncontrolled, and not accepted with a benefit-risk rationale"),
                                bw_risk_method_get_exploitability (method)[e - 1],
                                bw_risk_method_get_severity (method)[s - 1]);
  else
    subtitle = g_strdup (_("Residual risk uncontrolled, and not accepted with a benefit-risk rationale"));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
  gtk_widget_set_tooltip_text (row, _("Show this threat"));
  return row;
}

static void
update_residuals (BwRiskPage *self)
{
  g_autoptr(GPtrArray) threats = bw_risk_assessment_dup_uncontrolled_residuals (self->project);
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->residual_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->residual_list), child);

  for (guint i = 0; i < threats->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->residual_list), residual_row (method, threats->pdata[i]));

  if (threats->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_set_name (row, "risk-residual-none");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No uncontrolled residual risks"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every residual risk is acceptable, controlled, or accepted with a benefit-risk rationale."));
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (self->residual_list), row);
    }
}

/* Following the project */

static gboolean
refresh_cb (gpointer data)
{
  BwRiskPage *self = data;

  self->refresh_id = 0;
  self->stale = FALSE;
  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  update_matrix (self);
  update_residuals (self);
  bw_risk_method_editor_refresh (self->editor);
  return G_SOURCE_REMOVE;
}

/* A hidden page only notes that it is stale: a drag on a diagram changes
 * the project at every motion, and nobody is looking at the matrix then.
 * The refresh runs before the next frame is laid out and drawn, so a page
 * coming into view never shows its stale state. */
static void
queue_refresh (BwRiskPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
project_changed_cb (BwRiskPage *self)
{
  queue_refresh (self);
}

static void
stage_toggled_cb (GtkToggleButton *button,
                  BwRiskPage      *self)
{
  BwRiskStage stage;

  if (!gtk_toggle_button_get_active (button))
    return;
  stage = GTK_WIDGET (button) == self->after_button ? BW_RISK_AFTER : BW_RISK_BEFORE;
  if (stage == self->stage)
    return;
  self->stage = stage;
  if (self->project != NULL)
    update_matrix (self);
}

static void
disconnect_project (BwRiskPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_signal_handlers_disconnect_by_data (bw_project_get_threats (self->project), self);
}

static void
bw_risk_page_set_project (BwPage    *page,
                          BwProject *project)
{
  BwRiskPage *self = BW_RISK_PAGE (page);

  if (self->project == project)
    return;

  disconnect_project (self);
  g_set_object (&self->project, project);
  bw_risk_method_editor_set_project (self->editor, project);
  if (project == NULL)
    return;

  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_project_get_threats (project), "items-changed",
                           G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_risk_page_set_project;
}

static void
bw_risk_page_map (GtkWidget *widget)
{
  BwRiskPage *self = BW_RISK_PAGE (widget);

  GTK_WIDGET_CLASS (bw_risk_page_parent_class)->map (widget);
  if (self->stale)
    queue_refresh (self);
}

static void
bw_risk_page_dispose (GObject *object)
{
  BwRiskPage *self = BW_RISK_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  disconnect_project (self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->toast_overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (bw_risk_page_parent_class)->dispose (object);
}

static void
bw_risk_page_finalize (GObject *object)
{
  BwRiskPage *self = BW_RISK_PAGE (object);

  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->severity_labels);
  g_ptr_array_unref (self->exploitability_labels);

  G_OBJECT_CLASS (bw_risk_page_parent_class)->finalize (object);
}

static void
bw_risk_page_class_init (BwRiskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_risk_page_dispose;
  object_class->finalize = bw_risk_page_finalize;
  widget_class->map = bw_risk_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
load_css (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/bulwarkapp/Bulwark/ui/bw-risk-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static GtkWidget *
build_stage_switch (BwRiskPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  self->before_button = gtk_toggle_button_new_with_mnemonic (_("_Before"));
  gtk_widget_set_name (self->before_button, "risk-before");
  gtk_widget_set_tooltip_text (self->before_button, _("The risk before the objectives are in place"));
  self->after_button = gtk_toggle_button_new_with_mnemonic (_("_After"));
  gtk_widget_set_name (self->after_button, "risk-after");
  gtk_widget_set_tooltip_text (self->after_button, _("The residual risk once the objectives are in place"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->after_button), GTK_TOGGLE_BUTTON (self->before_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->before_button), TRUE);
  g_signal_connect_object (self->before_button, "toggled", G_CALLBACK (stage_toggled_cb), self, 0);
  g_signal_connect_object (self->after_button, "toggled", G_CALLBACK (stage_toggled_cb), self, 0);
  gtk_box_append (GTK_BOX (box), self->before_button);
  gtk_box_append (GTK_BOX (box), self->after_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk stage"), -1);
  return box;
}

static GtkWidget *
build_empty (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Show _Threats"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-information-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Threats to Rate"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Derive or add threats and rate their exploitability and severity; "
                                     "each then appears in its cell of the matrix."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "threats");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static void
bw_risk_page_init (BwRiskPage *self)
{
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *group;

  load_css ();
  self->stage = BW_RISK_BEFORE;
  self->cells = g_ptr_array_new ();
  self->severity_labels = g_ptr_array_new ();
  self->exploitability_labels = g_ptr_array_new ();

  self->toast_overlay = adw_toast_overlay_new ();
  gtk_widget_set_parent (self->toast_overlay, GTK_WIDGET (self));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toast_overlay), scrolled);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risk Matrix"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The active threats in each cell, before or after their objectives. "
                                           "Choose a cell to see its threats."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), build_stage_switch (self));

  self->matrix_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->matrix_stack), build_empty (), "empty");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->matrix_stack);

  self->totals_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->totals_label, "risk-totals");
  gtk_label_set_xalign (GTK_LABEL (self->totals_label), 0);
  gtk_widget_set_margin_top (self->totals_label, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->totals_label);

  self->unrated_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->unrated_label, "risk-unrated");
  gtk_label_set_xalign (GTK_LABEL (self->unrated_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->unrated_label), TRUE);
  gtk_widget_add_css_class (self->unrated_label, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unrated_label);
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Uncontrolled Residual Risks"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Threats whose risk stays uncontrolled after their objectives: each needs "
                                           "a further measure, or acceptance with a benefit-risk rationale."));
  self->residual_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->residual_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->residual_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->residual_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Uncontrolled residual risks"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->residual_list);
  gtk_box_append (GTK_BOX (box), group);

  self->editor = BW_RISK_METHOD_EDITOR (bw_risk_method_editor_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor));
}

GtkWidget *
bw_risk_page_new (void)
{
  return g_object_new (BW_TYPE_RISK_PAGE, NULL);
}
