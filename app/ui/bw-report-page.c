/* bw-report-page.c — the documents of the method: pick, export, open, print
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The page picks a document and a format and previews what the document
 * will hold (its sections and counts, rebuilt as the model changes); the
 * core builds and writes it (bw-report.h), and bw-report-page-export.c
 * exports, opens and prints it.  The page never changes the project.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-report-page-private.h"

#define PREVIEW_DELAY_MS 400

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwReportPage, bw_report_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static gboolean
project_is_empty (BwProject *project)
{
  return g_list_model_get_n_items (bw_project_get_assets (project)) == 0 &&
         g_list_model_get_n_items (bw_project_get_elements (project)) == 0 &&
         g_list_model_get_n_items (bw_project_get_threats (project)) == 0;
}

static void
rebuild_preview (BwReportPage *self)
{
  g_autoptr(BwReport) report = NULL;
  g_autoptr(GString) outline = g_string_new (NULL);
  g_autofree char *counts = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *figures = NULL;
  guint n_sections, n_tables, n_figures, n;

  self->preview_dirty = FALSE;
  if (self->project == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack_view, project_is_empty (self->project) ? "empty" : "report");

  report = bw_report_build (self->project, self->document);
  n = bw_report_get_n_blocks (report);
  for (guint i = 0; i < n; i++)
    {
      const BwReportBlock *block = bw_report_get_block (report, i);

      if (block->kind != BW_REPORT_BLOCK_HEADING || block->level < 2 || block->level > 3)
        continue;
      /* The final report's parts, and their sections below them. */
      if (outline->len > 0)
        g_string_append_c (outline, '\n');
      if (block->level == 3)
        g_string_append (outline, "    ");
      g_string_append (outline, block->text);
    }
  n_sections = bw_report_count (report, BW_REPORT_BLOCK_HEADING, 2) +
               bw_report_count (report, BW_REPORT_BLOCK_HEADING, 3);
  n_tables = bw_report_count (report, BW_REPORT_BLOCK_TABLE, 0);
  n_figures = bw_report_count (report, BW_REPORT_BLOCK_FIGURE, 0);
  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", n_sections), n_sections);
  tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table", "%u tables", n_tables), n_tables);
  figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u picture", "%u pictures", n_figures), n_figures);
  /* TRANSLATORS: the preview of a report: "12 sections · 9 tables · 3 pictures" */
  counts = g_strdup_printf (_("%s · %s · %s"), sections, tables, figures);
  gtk_label_set_text (self->preview_counts, counts);
  gtk_label_set_text (self->preview_outline, outline->str);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  BwReportPage *self = user_data;

  self->preview_source = 0;
  rebuild_preview (self);
  return G_SOURCE_REMOVE;
}

/* Building a large report takes a moment: edits in a burst rebuild the
 * preview once, and only while the page is on screen. */
static void
queue_preview (BwReportPage *self)
{
  self->preview_dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
stack_changed_cb (BwCommandStack *stack,
                  BwReportPage   *self)
{
  queue_preview (self);
}

static void
bw_report_page_set_project (BwPage    *page,
                            BwProject *project)
{
  BwReportPage *self = BW_REPORT_PAGE (page);

  if (self->stack != NULL)
    g_clear_signal_handler (&self->stack_changed_id, self->stack);
  g_clear_object (&self->stack);
  g_set_object (&self->project, project);
  g_clear_object (&self->last_export);
  if (project != NULL)
    {
      self->stack = g_object_ref (bw_project_get_command_stack (project));
      self->stack_changed_id = g_signal_connect (self->stack, "changed", G_CALLBACK (stack_changed_cb), self);
    }
  /* The empty state at once; the outline (which builds the whole
   * report) only once the page is on screen. */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (project != NULL)
    gtk_stack_set_visible_child_name (self->stack_view, project_is_empty (project) ? "empty" : "report");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_preview (self);
  else
    self->preview_dirty = TRUE;
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_report_page_set_project;
}

static void
bw_report_page_map (GtkWidget *widget)
{
  BwReportPage *self = BW_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (bw_report_page_parent_class)->map (widget);
  if (self->preview_dirty)
    rebuild_preview (self);
}

static void
document_toggled_cb (GtkCheckButton *check,
                     BwReportPage   *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  for (guint i = 0; i < BW_REPORT_N_DOCUMENTS; i++)
    if (self->document_checks[i] == check && self->document != i)
      {
        self->document = i;
        rebuild_preview (self);
      }
}

static void
format_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    BwReportPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < BW_REPORT_N_FORMATS)
    {
      self->format = selected;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bw_report_format_describe (selected));
    }
}

static void
show_assets_cb (GtkButton    *button,
                BwReportPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "assets");
}

static void
export_cb (GtkButton    *button,
           BwReportPage *self)
{
  _bw_report_page_export_clicked (self);
}

static void
print_cb (GtkButton    *button,
          BwReportPage *self)
{
  _bw_report_page_print_clicked (self);
}

static void
open_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _bw_report_page_open_last (BW_REPORT_PAGE (widget));
}

static GtkWidget *
build_documents (BwReportPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkCheckButton *first = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Document"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The documentation set of the method, built from the model as it is now"));
  for (guint i = 0; i < BW_REPORT_N_DOCUMENTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bw_report_document_title (i), -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_report_document_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bw_report_document_describe (i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->document_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (document_toggled_cb), self);
    }
  gtk_check_button_set_active (self->document_checks[BW_REPORT_FINAL], TRUE);
  return group;
}

static GtkWidget *
build_format (BwReportPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  for (guint i = 0; i < BW_REPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, bw_report_format_title (i));
  self->format_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), _("Format"));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), bw_report_format_describe (BW_REPORT_FORMAT_HTML));
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (format_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));

  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_widget_add_css_class (self->export_button, "pill");
  gtk_widget_set_tooltip_text (self->export_button, _("Write the document to a file in the chosen format"));
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_cb), self);
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (self->print_button, "pill");
  gtk_widget_set_tooltip_text (self->print_button, _("Print the document as the PDF lays it out"));
  g_signal_connect (self->print_button, "clicked", G_CALLBACK (print_cb), self);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 18);
  gtk_box_append (GTK_BOX (buttons), self->export_button);
  gtk_box_append (GTK_BOX (buttons), self->print_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
  return group;
}

static GtkWidget *
build_preview (BwReportPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Contents"));
  self->preview_counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_counts), "dim-label");
  gtk_label_set_xalign (self->preview_counts, 0);
  self->preview_outline = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->preview_outline, 0);
  gtk_label_set_wrap (self->preview_outline, TRUE);
  gtk_label_set_selectable (self->preview_outline, FALSE);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview_outline), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_outline), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview_outline), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_counts), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_counts), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_counts));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_outline));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static GtkWidget *
build_empty (BwReportPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Start with the _Assets"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing to Report Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Reports are built from the model: its assets, diagrams, threats, objectives and requirements. Start with what the device must protect."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (show_assets_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static void
bw_report_page_dispose (GObject *object)
{
  BwReportPage *self = BW_REPORT_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->stack != NULL)
    g_clear_signal_handler (&self->stack_changed_id, self->stack);
  g_clear_object (&self->stack);
  g_clear_object (&self->project);
  g_clear_object (&self->last_export);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_report_page_parent_class)->dispose (object);
}

static void
bw_report_page_class_init (BwReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_report_page_dispose;
  widget_class->map = bw_report_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The "Open" button of the toast after an export. */
  gtk_widget_class_install_action (widget_class, "report.open-last", NULL, open_last_action);
}

static void
bw_report_page_init (BwReportPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *stack = gtk_stack_new ();

  self->document = BW_REPORT_FINAL;
  self->format = BW_REPORT_FORMAT_HTML;
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), build_documents (self));
  gtk_box_append (GTK_BOX (box), build_format (self));
  gtk_box_append (GTK_BOX (box), build_preview (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack_view = GTK_STACK (stack);
  gtk_stack_add_named (self->stack_view, scrolled, "report");
  gtk_stack_add_named (self->stack_view, build_empty (self), "empty");
  gtk_stack_set_visible_child_name (self->stack_view, "empty");

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, stack);
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.open-last", FALSE);
}

GtkWidget *
bw_report_page_new (void)
{
  return g_object_new (BW_TYPE_REPORT_PAGE, NULL);
}

BwReportDocument
bw_report_page_get_document (BwReportPage *self)
{
  g_return_val_if_fail (BW_IS_REPORT_PAGE (self), BW_REPORT_FINAL);
  return self->document;
}

void
bw_report_page_set_document (BwReportPage     *self,
                             BwReportDocument  document)
{
  g_return_if_fail (BW_IS_REPORT_PAGE (self));
  g_return_if_fail (document < BW_REPORT_N_DOCUMENTS);

  /* Through the radio button, so the page shows what is chosen. */
  gtk_check_button_set_active (self->document_checks[document], TRUE);
}

BwReportFormat
bw_report_page_get_format (BwReportPage *self)
{
  g_return_val_if_fail (BW_IS_REPORT_PAGE (self), BW_REPORT_FORMAT_HTML);
  return self->format;
}

void
bw_report_page_set_format (BwReportPage   *self,
                           BwReportFormat  format)
{
  g_return_if_fail (BW_IS_REPORT_PAGE (self));
  g_return_if_fail (format < BW_REPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}
