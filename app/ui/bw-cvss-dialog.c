/* bw-cvss-dialog.c — a CVSS v3.1 base score calculator
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The vector text and the metric choices show the same vector: a choice
 * rewrites the text, valid text moves the choices.  Invalid text keeps the
 * choices where they were and says what is wrong, naming the metric, so
 * the user can correct what they typed or pasted.  Scores come from
 * bw-cvss (FIRST's specification); this file only presents them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-cvss.h"
#include "bw-cvss-dialog.h"

#define DEFAULT_VECTOR "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"
#define MAX_VALUES 4

struct _BwCvssDialog
{
  AdwWindow     parent_instance;

  BwCvssVector  vector;
  char         *vector_text;   /* NULL while the entry is invalid */
  gboolean      updating;

  GtkWidget    *apply_button;
  AdwEntryRow  *entry_row;
  GtkLabel     *score_label;
  GtkLabel     *rating_label;
  GtkLabel     *error_label;
  GtkToggleButton *toggles[BW_CVSS_N_METRICS][MAX_VALUES];
  GtkLabel     *value_labels[BW_CVSS_N_METRICS];
};

G_DEFINE_FINAL_TYPE (BwCvssDialog, bw_cvss_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const rating_classes[] = {
  "dim-label", "success", "accent", "warning", "error",
};

/* Restyles the rating only when it changes: a style change relayouts
 * the whole page of wrapped explanations. */
static void
set_rating_class (BwCvssDialog *self,
                  const char   *css_class)
{
  GtkWidget *label = GTK_WIDGET (self->rating_label);

  if (gtk_widget_has_css_class (label, css_class))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rating_classes); i++)
    gtk_widget_remove_css_class (label, rating_classes[i]);
  gtk_widget_add_css_class (label, css_class);
}

static void
show_score (BwCvssDialog *self)
{
  double score;
  BwCvssRating rating;
  g_autofree char *text = NULL;

  if (self->vector_text == NULL)
    {
      /* No score for a vector that is not one. */
      gtk_label_set_label (self->score_label, "—");
      gtk_label_set_label (self->rating_label, _("Invalid vector"));
      set_rating_class (self, "error");
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      return;
    }

  score = bw_cvss_base_score (&self->vector);
  rating = bw_cvss_rating_for_score (score);
  text = g_strdup_printf ("%.1f", score);
  gtk_label_set_label (self->score_label, text);
  gtk_label_set_label (self->rating_label, bw_cvss_rating_describe (rating));
  set_rating_class (self, rating_classes[rating]);
  gtk_widget_set_sensitive (self->apply_button, TRUE);
}

/* The choices follow self->vector. */
static void
show_choices (BwCvssDialog *self)
{
  for (guint m = 0; m < BW_CVSS_N_METRICS; m++)
    {
      guint chosen = self->vector.values[m];

      for (guint v = 0; v < bw_cvss_metric_n_values (m); v++)
        gtk_toggle_button_set_active (self->toggles[m][v], v == chosen);
      gtk_label_set_label (self->value_labels[m], bw_cvss_value_description (m, chosen));
    }
}

static void
entry_changed_cb (BwCvssDialog *self,
                  GtkEditable  *editable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BwCvssVector parsed;

  if (self->updating)
    return;

  /* A pasted vector often brings a space or a line break along. */
  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_clear_pointer (&self->vector_text, g_free);
  if (!bw_cvss_parse (text, &parsed, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
      show_score (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
  self->vector = parsed;
  self->vector_text = bw_cvss_to_string (&self->vector);
  self->updating = TRUE;
  show_choices (self);
  self->updating = FALSE;
  show_score (self);
}

static void
choose_value (BwCvssDialog *self,
              BwCvssMetric  metric,
              guint         index)
{
  self->vector.values[metric] = index;
  g_free (self->vector_text);
  self->vector_text = bw_cvss_to_string (&self->vector);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), self->vector_text);
  show_choices (self);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
  show_score (self);
}

static void
toggle_cb (BwCvssDialog    *self,
           GtkToggleButton *toggle)
{
  if (self->updating || !gtk_toggle_button_get_active (toggle))
    return;

  choose_value (self,
                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "bw-metric")),
                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "bw-value")));
}

/* A guidance answer sets the metric to the value a "yes" points to. */
static void
guidance_cb (BwCvssDialog *self,
             GtkButton    *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bw-guidance"));
  BwCvssMetric metric = bw_cvss_guidance_get_metric (index);
  const char *suggestion = bw_cvss_guidance_get_suggestion (index);

  for (guint v = 0; v < bw_cvss_metric_n_values (metric); v++)
    if (g_str_equal (bw_cvss_value_abbrev (metric, v), suggestion))
      choose_value (self, metric, v);
}

static void
apply_cb (BwCvssDialog *self)
{
  g_autofree char *vector = NULL;

  if (self->vector_text == NULL)
    return;

  /* The handler may drop the last reference to us. */
  g_object_ref (self);
  vector = g_strdup (self->vector_text);
  g_signal_emit (self, signals[SIGNAL_APPLIED], 0, vector);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static GtkWidget *
build_metric_group (BwCvssDialog *self,
                    BwCvssMetric  metric)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *title = g_strdup_printf ("%s (%s)", bw_cvss_metric_name (metric),
                                            bw_cvss_metric_abbrev (metric));
  GtkToggleButton *first = NULL;
  GtkWidget *label;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         bw_cvss_metric_description (metric));

  gtk_widget_add_css_class (box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (guint v = 0; v < bw_cvss_metric_n_values (metric); v++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (bw_cvss_value_name (metric, v));
      g_autofree char *name = g_strdup_printf ("cvss-%s-%s", bw_cvss_metric_abbrev (metric),
                                               bw_cvss_value_abbrev (metric, v));

      gtk_widget_set_name (toggle, name);
      gtk_widget_set_tooltip_text (toggle, bw_cvss_value_description (metric, v));
      gtk_widget_set_hexpand (toggle, TRUE);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), first);
      else
        first = GTK_TOGGLE_BUTTON (toggle);
      g_object_set_data (G_OBJECT (toggle), "bw-metric", GUINT_TO_POINTER (metric));
      g_object_set_data (G_OBJECT (toggle), "bw-value", GUINT_TO_POINTER (v));
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (toggle_cb), self);
      self->toggles[metric][v] = GTK_TOGGLE_BUTTON (toggle);
      gtk_box_append (GTK_BOX (box), toggle);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  self->value_labels[metric] = GTK_LABEL (label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);

  return group;
}

/* The guidance rows are made when the expander first opens: most uses
 * of the calculator never look at them, and they are many widgets. */
static void
guidance_expanded_cb (BwCvssDialog   *self,
                      GParamSpec     *pspec,
                      AdwExpanderRow *expander)
{
  if (!adw_expander_row_get_expanded (expander) || g_object_get_data (G_OBJECT (expander), "bw-built"))
    return;
  g_object_set_data (G_OBJECT (expander), "bw-built", GINT_TO_POINTER (TRUE));

  for (guint i = 0; i < bw_cvss_guidance_get_n (); i++)
    {
      BwCvssMetric metric = bw_cvss_guidance_get_metric (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *title = g_strdup_printf ("%s · %s", bw_cvss_metric_name (metric),
                                                bw_cvss_guidance_get_topic (i));
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", bw_cvss_guidance_get_question (i),
                                                   bw_cvss_guidance_get_advice (i));
      g_autofree char *label = g_strdup_printf ("%s:%s", bw_cvss_metric_abbrev (metric),
                                                bw_cvss_guidance_get_suggestion (i));
      g_autofree char *tooltip = NULL;
      const char *value_name = bw_cvss_guidance_get_suggestion (i);

      for (guint v = 0; v < bw_cvss_metric_n_values (metric); v++)
        if (g_str_equal (bw_cvss_value_abbrev (metric, v), value_name))
          value_name = bw_cvss_value_name (metric, v);
      /* Translators: "Set Attack Vector to Adjacent" */
      tooltip = g_strdup_printf (_("Set %s to %s"), bw_cvss_metric_name (metric), value_name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_name (button, label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (button), "bw-guidance", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (guidance_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (expander, row);
    }
}

static GtkWidget *
build_guidance_group (BwCvssDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Medical Device Guidance"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Questions about the device that help choose each value"));
  gtk_widget_set_name (expander, "cvss-guidance");
  g_signal_connect_swapped (expander, "notify::expanded", G_CALLBACK (guidance_expanded_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

static void
bw_cvss_dialog_finalize (GObject *object)
{
  BwCvssDialog *self = BW_CVSS_DIALOG (object);

  g_clear_pointer (&self->vector_text, g_free);

  G_OBJECT_CLASS (bw_cvss_dialog_parent_class)->finalize (object);
}

static void
bw_cvss_dialog_class_init (BwCvssDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bw_cvss_dialog_finalize;

  /**
   * BwCvssDialog::applied:
   * @vector: the valid CVSS v3.1 base vector the user applied
   *
   * Emitted when the user presses Apply, before the dialog closes.
   */
  signals[SIGNAL_APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bw_cvss_dialog_init (BwCvssDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *score_row = adw_action_row_new ();
  GtkWidget *box;

  gtk_window_set_title (GTK_WINDOW (self), _("CVSS Calculator"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (content), header);

  /* The vector and its score */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("CVSS v3.1 Base Score"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Choose a value for each metric, or type or paste a vector."));
  self->entry_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), _("Vector"));
  gtk_widget_set_name (GTK_WIDGET (self->entry_row), "cvss-vector");
  g_signal_connect_swapped (self->entry_row, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry_row, "entry-activated", G_CALLBACK (apply_cb), self);
  adw_entry_row_set_activates_default (self->entry_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->entry_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (score_row), _("Base score"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->score_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->score_label), "cvss-score");
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "numeric");
  self->rating_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->rating_label), "cvss-rating");
  gtk_widget_add_css_class (GTK_WIDGET (self->rating_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rating_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_label));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (score_row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), score_row);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "cvss-error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_guidance_group (self)));
  for (guint m = 0; m < BW_CVSS_N_METRICS; m++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (build_metric_group (self, m)));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
}

BwCvssDialog *
bw_cvss_dialog_new (GtkWindow  *parent,
                    const char *vector)
{
  BwCvssDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (BW_TYPE_CVSS_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  bw_cvss_parse (DEFAULT_VECTOR, &self->vector, NULL);
  self->vector_text = bw_cvss_to_string (&self->vector);
  self->updating = TRUE;
  show_choices (self);
  self->updating = FALSE;
  bw_cvss_dialog_set_text (self, vector != NULL && *vector != '\0' ? vector : DEFAULT_VECTOR);

  return self;
}

const char *
bw_cvss_dialog_get_vector (BwCvssDialog *self)
{
  g_return_val_if_fail (BW_IS_CVSS_DIALOG (self), NULL);

  return self->vector_text;
}

void
bw_cvss_dialog_set_text (BwCvssDialog *self,
                         const char   *text)
{
  g_return_if_fail (BW_IS_CVSS_DIALOG (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text);
  /* Setting the same text again emits nothing; the state must still show. */
  entry_changed_cb (self, GTK_EDITABLE (self->entry_row));
}
