/* bw-risk-method-editor.c — the scales, matrix and acceptance of the risk method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every change is one command on the project's stack (bw-command-risk-method.h):
 * typing into a level name merges into one step until the field loses the
 * focus; each choice in the matrix is a step of its own.  The widgets are
 * rebuilt only when the number of levels changes (a restored default, an
 * undo of it); otherwise they are updated in place, so typing is never
 * interrupted by the refresh that follows its own command.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-risk-method.h"
#include "bw-command-stack.h"
#include "bw-risk-method-editor.h"

struct _BwRiskMethodEditor
{
  GtkWidget      parent_instance;

  BwProject     *project;
  gboolean       updating;

  GtkWidget     *box;
  GtkWidget     *restore_button;
  GtkWidget     *error_label;
  GPtrArray     *level_rows[2];      /* AdwEntryRow, per BwRiskScale */
  GPtrArray     *level_headers[2];   /* GtkLabel of the matrix, per BwRiskScale */
  GPtrArray     *cells;              /* GtkDropDown, [(e-1) * n_severity + (s-1)] */
  GtkTextBuffer *acceptance;
  guint          n_exploitability;
  guint          n_severity;
};

G_DEFINE_FINAL_TYPE (BwRiskMethodEditor, bw_risk_method_editor, GTK_TYPE_WIDGET)

/* In the order of BwOutcome, from BW_OUTCOME_ACCEPTABLE on. */
static const char * const outcome_labels[] = { N_("Acceptable"), N_("Controlled"), N_("Uncontrolled") };

static const char * const *
levels_of (BwRiskMethod *method,
           BwRiskScale   scale)
{
  return scale == BW_RISK_SCALE_EXPLOITABILITY
         ? bw_risk_method_get_exploitability (method)
         : bw_risk_method_get_severity (method);
}

/* Errors */

static void
show_error (BwRiskMethodEditor *self,
            const char         *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static gboolean
execute (BwRiskMethodEditor *self,
         BwCommand          *command)
{
  g_autoptr(GError) error = NULL;

  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      show_error (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwRiskMethodEditor      *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
seal_on_focus_leave (BwRiskMethodEditor *self,
                     GtkWidget          *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

/* Editing */

static void
level_changed_cb (GtkEditable        *editable,
                  BwRiskMethodEditor *self)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  BwRiskScale scale = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "scale"));
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "level"));

  const char * const *levels;

  if (self->updating || self->project == NULL)
    return;

  /* Typing back the name the project has is no edit. */
  levels = levels_of (bw_project_get_risk_method (self->project), scale);
  if (level <= g_strv_length ((char **) levels) &&
      g_strcmp0 (levels[level - 1], gtk_editable_get_text (editable)) == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      show_error (self, NULL);
      return;
    }

  command = bw_command_rename_risk_level_new (self->project, scale, level,
                                              gtk_editable_get_text (editable), &error);
  if (command == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  execute (self, command);
}

static void
cell_selected_cb (GtkDropDown        *drop_down,
                  GParamSpec         *pspec,
                  BwRiskMethodEditor *self)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  BwCommandStack *stack;
  guint selected = gtk_drop_down_get_selected (drop_down);
  int e = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop_down), "exploitability"));
  int s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop_down), "severity"));

  if (self->updating || self->project == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  command = bw_command_set_risk_outcome_new (self->project, e, s, BW_OUTCOME_ACCEPTABLE + selected, &error);
  if (command == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Each cell is an undo step of its own, not merged with the last one. */
  stack = bw_project_get_command_stack (self->project);
  bw_command_stack_seal (stack);
  execute (self, command);
  bw_command_stack_seal (stack);
}

static void
acceptance_changed_cb (GtkTextBuffer      *buffer,
                       BwRiskMethodEditor *self)
{
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (self->updating || self->project == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, bw_risk_method_get_acceptance (bw_project_get_risk_method (self->project))) == 0)
    return;
  command = bw_command_set_risk_acceptance_new (self->project, text);
  execute (self, command);
}

static void
restore_clicked_cb (BwRiskMethodEditor *self)
{
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (self->project == NULL)
    return;

  command = bw_command_restore_risk_method_new (self->project);
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* The only check that can fail is a rating beyond the default
       * scales; say so before the check's own words. */
      body = g_strdup_printf (_("The default method has five levels on each scale, and this project uses a level "
                                "beyond them. Change that rating first.\n\n%s"),
                              error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       _("Could Not Restore the Default Method"),
                                       body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  show_error (self, NULL);

  /* The method the project had is gone from view: offer it back. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Default risk method restored"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* Building */

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
build_scale (BwRiskMethodEditor *self,
             BwRiskScale         scale,
             const char * const *levels)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  GtkWidget *list;

  heading = gtk_label_new (scale == BW_RISK_SCALE_EXPLOITABILITY
                           ? _("Exploitability, least to most")
                           : _("Severity, least to most"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (heading)), -1);
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; levels[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf (_("Level %u"), i + 1);
      g_autofree char *name = g_strdup_printf ("risk-%s-%u",
                                               scale == BW_RISK_SCALE_EXPLOITABILITY ? "exploitability" : "severity",
                                               i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_name (row, name);
      gtk_editable_set_text (GTK_EDITABLE (row), levels[i]);
      g_object_set_data (G_OBJECT (row), "scale", GINT_TO_POINTER (scale));
      g_object_set_data (G_OBJECT (row), "level", GUINT_TO_POINTER (i + 1));
      g_signal_connect_object (row, "changed", G_CALLBACK (level_changed_cb), self, 0);
      seal_on_focus_leave (self, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->level_rows[scale], row);
    }
  return box;
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

/* Rows: severity, most severe on top; columns: exploitability, as in the
 * matrix view above, so a cell is where the user just saw it.  The cells
 * sit in a homogeneous grid of their own (a choice of "Uncontrolled" is
 * wider than one of "Acceptable", and the columns should not follow), with
 * the severity names in a box beside it whose rows match the grid's. */
static GtkWidget *
build_matrix (BwRiskMethodEditor *self,
              BwRiskMethod       *method)
{
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (outcome_labels); i++)
    gtk_string_list_append (outcomes, _(outcome_labels[i]));

  gtk_box_set_homogeneous (GTK_BOX (names), TRUE);
  gtk_box_append (GTK_BOX (box), names);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_box_append (GTK_BOX (box), grid);

  g_ptr_array_set_size (self->cells, self->n_exploitability * self->n_severity);
  /* Filled from the most severe down, kept in level order for the refresh. */
  g_ptr_array_set_size (self->level_headers[BW_RISK_SCALE_SEVERITY], self->n_severity);
  for (guint s = self->n_severity; s >= 1; s--)
    {
      guint row = self->n_severity - s;
      GtkWidget *label = header_label (severity[s - 1]);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_box_append (GTK_BOX (names), label);
      self->level_headers[BW_RISK_SCALE_SEVERITY]->pdata[s - 1] = label;

      for (guint e = 1; e <= self->n_exploitability; e++)
        {
          GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (outcomes)), NULL);
          g_autofree char *name = g_strdup_printf ("risk-outcome-%u-%u", e, s);

          gtk_widget_set_name (drop_down, name);
          g_object_set_data (G_OBJECT (drop_down), "exploitability", GINT_TO_POINTER (e));
          g_object_set_data (G_OBJECT (drop_down), "severity", GINT_TO_POINTER (s));
          g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (cell_selected_cb), self, 0);
          gtk_grid_attach (GTK_GRID (grid), drop_down, e - 1, row, 1, 1);
          self->cells->pdata[(e - 1) * self->n_severity + (s - 1)] = drop_down;
        }
    }

  /* The row of exploitability names has an empty corner beside it. */
  gtk_box_append (GTK_BOX (names), gtk_label_new (NULL));
  for (guint e = 1; e <= self->n_exploitability; e++)
    {
      GtkWidget *label = header_label (exploitability[e - 1]);

      gtk_grid_attach (GTK_GRID (grid), label, e - 1, self->n_severity, 1, 1);
      g_ptr_array_add (self->level_headers[BW_RISK_SCALE_EXPLOITABILITY], label);
    }
  return box;
}

static void
clear (BwRiskMethodEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  for (guint i = 0; i < 2; i++)
    {
      g_ptr_array_set_size (self->level_rows[i], 0);
      g_ptr_array_set_size (self->level_headers[i], 0);
    }
  g_ptr_array_set_size (self->cells, 0);
  if (self->acceptance != NULL)
    g_signal_handlers_disconnect_by_data (self->acceptance, self);
  g_clear_object (&self->acceptance);
  self->restore_button = NULL;
  self->error_label = NULL;
}

static void
build (BwRiskMethodEditor *self)
{
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  GtkWidget *group;
  GtkWidget *scales;
  GtkWidget *frame;
  GtkWidget *text_view;

  clear (self);
  self->n_exploitability = g_strv_length ((char **) bw_risk_method_get_exploitability (method));
  self->n_severity = g_strv_length ((char **) bw_risk_method_get_severity (method));

  group = new_group (_("Risk Method"),
                     _("How threats are rated: the names of the levels, the outcome of each pair of levels "
                       "and when a risk is accepted. Each change can be undone."));
  self->restore_button = gtk_button_new_with_mnemonic (_("_Restore Default"));
  gtk_widget_set_name (self->restore_button, "risk-restore-default");
  gtk_widget_set_valign (self->restore_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->restore_button,
                               _("Use the default method: five levels of exploitability and of severity and its matrix"));
  g_signal_connect_object (self->restore_button, "clicked", G_CALLBACK (restore_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->restore_button);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->error_label);

  scales = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (scales), TRUE);
  gtk_box_append (GTK_BOX (scales), build_scale (self, BW_RISK_SCALE_EXPLOITABILITY,
                                                 bw_risk_method_get_exploitability (method)));
  gtk_box_append (GTK_BOX (scales), build_scale (self, BW_RISK_SCALE_SEVERITY,
                                                 bw_risk_method_get_severity (method)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scales);
  gtk_box_append (GTK_BOX (self->box), group);

  group = new_group (_("Outcome Matrix"),
                     _("The outcome of each pair: severity from the most severe at the top, "
                       "exploitability from the least on the left."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_matrix (self, method));
  gtk_box_append (GTK_BOX (self->box), group);

  group = new_group (_("Acceptance Criteria"),
                     _("Which risks are accepted, and what an uncontrolled one needs. The report quotes it."));
  self->acceptance = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_text (self->acceptance, bw_risk_method_get_acceptance (method), -1);
  g_signal_connect_object (self->acceptance, "changed", G_CALLBACK (acceptance_changed_cb), self, 0);
  text_view = gtk_text_view_new_with_buffer (self->acceptance);
  gtk_widget_set_name (text_view, "risk-acceptance");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next control; the criteria need no tab stops. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_widget_add_css_class (text_view, "inline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Acceptance criteria"), -1);
  seal_on_focus_leave (self, text_view);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "card");
  gtk_frame_set_child (GTK_FRAME (frame), text_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (GTK_BOX (self->box), group);
}

/* Refresh */

static void
update_cell_label (BwRiskMethodEditor *self,
                   BwRiskMethod       *method,
                   guint               e,
                   guint               s)
{
  GtkWidget *drop_down = self->cells->pdata[(e - 1) * self->n_severity + (s - 1)];
  BwOutcome outcome = bw_outcome_from_string (bw_risk_method_get_outcome (method, e, s));
  g_autofree char *label = NULL;

  if (outcome != BW_OUTCOME_UNRATED &&
      gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)) != (guint) (outcome - BW_OUTCOME_ACCEPTABLE))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), outcome - BW_OUTCOME_ACCEPTABLE);

  /* Translators: the accessible name of a cell of the matrix editor,
   * "Outcome for exploitability High and severity Critical" */
  label = g_strdup_printf (_("Outcome for exploitability %s and severity %s"),
                           bw_risk_method_get_exploitability (method)[e - 1],
                           bw_risk_method_get_severity (method)[s - 1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (drop_down, label);
}

void
bw_risk_method_editor_refresh (BwRiskMethodEditor *self)
{
  BwRiskMethod *method;
  g_autofree char *acceptance = NULL;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (BW_IS_RISK_METHOD_EDITOR (self));

  if (self->project == NULL)
    return;

  method = bw_project_get_risk_method (self->project);
  if (g_strv_length ((char **) bw_risk_method_get_exploitability (method)) != self->n_exploitability ||
      g_strv_length ((char **) bw_risk_method_get_severity (method)) != self->n_severity ||
      self->acceptance == NULL)
    build (self);

  self->updating = TRUE;
  for (BwRiskScale scale = BW_RISK_SCALE_EXPLOITABILITY; scale <= BW_RISK_SCALE_SEVERITY; scale++)
    {
      const char * const *levels = levels_of (method, scale);

      for (guint i = 0; i < self->level_rows[scale]->len; i++)
        {
          GtkEditable *row = self->level_rows[scale]->pdata[i];

          if (g_strcmp0 (gtk_editable_get_text (row), levels[i]) != 0)
            gtk_editable_set_text (row, levels[i]);
          gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
          gtk_label_set_text (self->level_headers[scale]->pdata[i], levels[i]);
        }
    }

  for (guint e = 1; e <= self->n_exploitability; e++)
    for (guint s = 1; s <= self->n_severity; s++)
      update_cell_label (self, method, e, s);

  gtk_text_buffer_get_bounds (self->acceptance, &start, &end);
  acceptance = gtk_text_buffer_get_text (self->acceptance, &start, &end, FALSE);
  if (g_strcmp0 (acceptance, bw_risk_method_get_acceptance (method)) != 0)
    gtk_text_buffer_set_text (self->acceptance, bw_risk_method_get_acceptance (method), -1);

  gtk_widget_set_sensitive (self->restore_button, !bw_risk_method_is_default (method));
  self->updating = FALSE;
}

void
bw_risk_method_editor_set_project (BwRiskMethodEditor *self,
                                   BwProject          *project)
{
  g_return_if_fail (BW_IS_RISK_METHOD_EDITOR (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  clear (self);
  self->n_exploitability = 0;
  self->n_severity = 0;
  if (project != NULL)
    bw_risk_method_editor_refresh (self);
}

static void
bw_risk_method_editor_dispose (GObject *object)
{
  BwRiskMethodEditor *self = BW_RISK_METHOD_EDITOR (object);

  if (self->box != NULL)
    clear (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_risk_method_editor_parent_class)->dispose (object);
}

static void
bw_risk_method_editor_finalize (GObject *object)
{
  BwRiskMethodEditor *self = BW_RISK_METHOD_EDITOR (object);

  g_ptr_array_unref (self->level_rows[0]);
  g_ptr_array_unref (self->level_rows[1]);
  g_ptr_array_unref (self->level_headers[0]);
  g_ptr_array_unref (self->level_headers[1]);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (bw_risk_method_editor_parent_class)->finalize (object);
}

static void
bw_risk_method_editor_class_init (BwRiskMethodEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_risk_method_editor_dispose;
  object_class->finalize = bw_risk_method_editor_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bw_risk_method_editor_init (BwRiskMethodEditor *self)
{
  for (guint i = 0; i < 2; i++)
    {
      self->level_rows[i] = g_ptr_array_new ();
      self->level_headers[i] = g_ptr_array_new ();
    }
  self->cells = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
bw_risk_method_editor_new (void)
{
  return g_object_new (BW_TYPE_RISK_METHOD_EDITOR, NULL);
}
