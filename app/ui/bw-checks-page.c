/* bw-checks-page.c — the completeness findings, each one click from its object
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The checks run over the whole project, so they run again a moment after
 * the last change rather than on every one: a drag on a diagram changes the
 * project at every motion event.  Findings are grouped by kind, in the
 * order of the checks' own table, each group an expander with its count.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-checks.h"
#include "bw-checks-page.h"
#include "bw-command-stack.h"

/* Long enough to let a drag or a burst of typing settle. */
#define RERUN_DELAY_MS 300

/* Groups longer than this start folded, so the short ones stay in view. */
#define FOLD_ABOVE 10

struct _BwChecksPage
{
  GtkWidget   parent_instance;

  BwProject  *project;
  guint       rerun_id;
  int         n_findings;
  GHashTable *expanded;     /* kind → GINT_TO_POINTER (1 or 2): the user's choice */

  GtkWidget  *stack;
  GtkWidget  *empty;
  GtkWidget  *empty_button;
  GtkWidget  *summary_label;
  GtkWidget  *list;
};

enum {
  PROP_0,
  PROP_N_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwChecksPage, bw_checks_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

/* The list */

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             BwChecksPage   *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");

  g_hash_table_insert (self->expanded, g_strdup (kind),
                       GINT_TO_POINTER (adw_expander_row_get_expanded (row) ? 1 : 2));
}

static GtkWidget *
finding_row (BwFinding *finding)
{
  const char *id = bw_finding_get_object_id (finding);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("finding-%s-%s", bw_finding_get_kind (finding), id ? id : "");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_finding_get_message (finding));
  if (id != NULL && *id != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf (_("Go to %s"), id);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
      gtk_widget_set_tooltip_text (row, tooltip);
    }
  return row;
}

static GtkWidget *
kind_row (BwChecksPage *self,
          const char   *kind,
          GPtrArray    *findings)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *name = g_strdup_printf ("checks-%s", kind);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                                            findings->len),
                                               findings->len);
  gpointer choice = g_hash_table_lookup (self->expanded, kind);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_checks_describe_kind (kind));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 choice != NULL ? GPOINTER_TO_INT (choice) == 1 : findings->len <= FOLD_ABOVE);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (kind), g_free);
  for (guint i = 0; i < findings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), finding_row (findings->pdata[i]));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

static void
set_n_findings (BwChecksPage *self,
                int           n)
{
  if (self->n_findings == n)
    return;
  self->n_findings = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
}

/* No findings in a project with nothing drawn is no achievement yet. */
static void
update_empty (BwChecksPage *self)
{
  gboolean drawn = g_list_model_get_n_items (bw_project_get_elements (self->project)) > 0;

  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   drawn
                                   ? _("The threat model passes every completeness check of the method. "
                                       "The checks run again after each change.")
                                   : _("Nothing is missing yet, because nothing is modelled yet. Draw the "
                                       "system on a diagram; the checks run again after each change."));
  gtk_button_set_label (GTK_BUTTON (self->empty_button), drawn ? _("Show _Report") : _("Show _Diagrams"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_button), "s", drawn ? "report" : "diagrams");
}

static void
run_checks (BwChecksPage *self)
{
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GHashTable) by_kind = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n;

  if (self->project == NULL)
    return;

  findings = bw_checks_run (self->project);
  n = g_list_model_get_n_items (findings);
  by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n; i++)
    {
      BwFinding *finding = g_list_model_get_item (findings, i);
      GPtrArray *group = g_hash_table_lookup (by_kind, bw_finding_get_kind (finding));

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_kind, (gpointer) bw_finding_get_kind (finding), group);
        }
      g_ptr_array_add (group, finding);
    }

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (const char * const *kind = bw_checks_get_kinds (); *kind != NULL; kind++)
    {
      GPtrArray *group = g_hash_table_lookup (by_kind, *kind);

      if (group != NULL)
        gtk_list_box_append (GTK_LIST_BOX (self->list), kind_row (self, *kind, group));
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u finding: a place where the method asks for something that "
                                          "is missing or unexplained. Choose it to go there.",
                                          "%u findings: places where the method asks for something that "
                                          "is missing or unexplained. Choose one to go there.",
                                          n),
                             n);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  update_empty (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "findings" : "empty");
  set_n_findings (self, n);
}

/* Following the project */

static gboolean
rerun_cb (gpointer data)
{
  BwChecksPage *self = data;

  self->rerun_id = 0;
  run_checks (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (BwChecksPage *self)
{
  /* Each change pushes the run back: it happens once things are still. */
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  self->rerun_id = g_timeout_add (RERUN_DELAY_MS, rerun_cb, self);
}

static void
disconnect_project (BwChecksPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
}

static void
bw_checks_page_set_project (BwPage    *page,
                            BwProject *project)
{
  BwChecksPage *self = BW_CHECKS_PAGE (page);

  if (self->project == project)
    return;

  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  g_hash_table_remove_all (self->expanded);
  if (project == NULL)
    {
      set_n_findings (self, -1);
      return;
    }

  /* Every edit goes through the stack, undo and redo too. */
  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  run_checks (self);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_checks_page_set_project;
}

int
bw_checks_page_get_n_findings (BwChecksPage *self)
{
  g_return_val_if_fail (BW_IS_CHECKS_PAGE (self), -1);

  return self->n_findings;
}

static void
bw_checks_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BwChecksPage *self = BW_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_FINDINGS:
      g_value_set_int (value, self->n_findings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_checks_page_dispose (GObject *object)
{
  BwChecksPage *self = BW_CHECKS_PAGE (object);

  g_clear_handle_id (&self->rerun_id, g_source_remove);
  disconnect_project (self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (bw_checks_page_parent_class)->dispose (object);
}

static void
bw_checks_page_finalize (GObject *object)
{
  BwChecksPage *self = BW_CHECKS_PAGE (object);

  g_hash_table_unref (self->expanded);

  G_OBJECT_CLASS (bw_checks_page_parent_class)->finalize (object);
}

static void
bw_checks_page_class_init (BwChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bw_checks_page_get_property;
  object_class->dispose = bw_checks_page_dispose;
  object_class->finalize = bw_checks_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties[PROP_N_FINDINGS] =
    g_param_spec_int ("n-findings", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
build_empty (BwChecksPage *self)
{
  self->empty = adw_status_page_new ();
  self->empty_button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->empty_button), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Findings"));
  gtk_widget_add_css_class (self->empty_button, "pill");
  gtk_widget_set_halign (self->empty_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_button), "s", "report");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.show-page");
  adw_status_page_set_child (ADW_STATUS_PAGE (self->empty), self->empty_button);
  return self->empty;
}

static void
bw_checks_page_init (BwChecksPage *self)
{
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *title;

  self->n_findings = -1;
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_stack_add_named (GTK_STACK (self->stack), build_empty (self), "empty");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "findings");

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  title = gtk_label_new (_("Completeness Checks"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);

  self->summary_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->summary_label, "checks-summary");
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_widget_add_css_class (self->summary_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->summary_label);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (self->list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  gtk_box_append (GTK_BOX (box), self->list);
}

GtkWidget *
bw_checks_page_new (void)
{
  return g_object_new (BW_TYPE_CHECKS_PAGE, NULL);
}
