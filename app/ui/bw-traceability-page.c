/* bw-traceability-page.c — asset to verification, one row per path, with gaps marked
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The traceability matrix of METHOD.md (bw_traceability_build) as a
 * table, searchable over every column and narrowed to the rows with gaps
 * on request; what is shown can be exported as CSV.  The matrix is
 * computed, never stored: the page rebuilds it a moment after the project
 * changes, so a run of typing elsewhere costs one rebuild.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-compat.h"
#include "bw-record-page.h"
#include "bw-traceability-page-private.h"

#define REBUILD_DELAY_MS 300

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwTraceabilityPage, bw_traceability_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static void
update_view (BwTraceabilityPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_gaps = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      n_gaps += bw_trace_row_get_gaps (row) != BW_TRACE_GAP_NONE;
    }
  if (n_shown == n_all)
    /* Translators: the matrix's size, "24 paths, 5 with gaps" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u path, %u with gaps", "%u paths, %u with gaps",
                                            n_all), n_all, n_gaps);
  else
    /* Translators: the filtered matrix, "3 of 24 paths shown" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u path shown", "%u of %u paths shown",
                                            n_all), n_shown, n_all);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n_all > 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_all > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gaps_toggle), n_all > 0);
  gtk_widget_set_sensitive (self->export_button, n_shown > 0);
  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

void
bw_traceability_page_rebuild (BwTraceabilityPage *self)
{
  g_autoptr(GListModel) built = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (BW_IS_TRACEABILITY_PAGE (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  if (self->project != NULL)
    {
      built = bw_traceability_build (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (built); i++)
        g_ptr_array_add (items, g_list_model_get_item (built, i));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  update_view (self);
}

static gboolean
rebuild_timeout_cb (gpointer data)
{
  BwTraceabilityPage *self = data;

  self->rebuild_id = 0;
  bw_traceability_page_rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A hidden page only notes the change: a large model is not traced again
 * on every edit elsewhere, only when the page is shown. */
static void
stack_changed_cb (BwTraceabilityPage *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

static void
bw_traceability_page_map (GtkWidget *widget)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (widget);

  GTK_WIDGET_CLASS (bw_traceability_page_parent_class)->map (widget);
  if (self->stale)
    bw_traceability_page_rebuild (self);
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  return _bw_traceability_page_row_matches (data, item);
}

static void
search_changed_cb (BwTraceabilityPage *self,
                   GtkSearchEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

static void
gaps_toggled_cb (BwTraceabilityPage *self,
                 GtkToggleButton    *toggle)
{
  self->only_gaps = gtk_toggle_button_get_active (toggle);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      self->only_gaps ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_view (self);
}

/* Export */

gboolean
bw_traceability_page_export_to_file (BwTraceabilityPage *self,
                                     GFile              *file,
                                     GError            **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (BW_IS_TRACEABILITY_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* What the table shows now, not a matrix still waiting to be rebuilt. */
  if (self->rebuild_id != 0 || self->stale)
    bw_traceability_page_rebuild (self);
  csv = bw_traceability_to_csv (G_LIST_MODEL (self->filtered));
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BwTraceabilityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = bw_compat_choose_file_finish (result, &error);
  g_autofree char *message = NULL;

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  if (!bw_traceability_page_export_to_file (self, file, &error))
    {
      /* Translators: the export failed, with the reason */
      message = g_strdup_printf (_("Could not export the matrix: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

      /* Translators: "Exported 24 rows to traceability.csv" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to %s", "Exported %u rows to %s", n),
                                 n, name);
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  bw_compat_choose_file_filtered_async (GTK_WINDOW (gtk_widget_get_root (widget)), BW_FILE_CHOOSER_SAVE,
                                        _("Export Traceability Matrix"), _("_Export"), NULL,
                                        _("traceability.csv"), filter, NULL, export_chosen_cb,
                                        g_object_ref (widget));
}

/* BwPage */

static void
bw_traceability_page_set_project (BwPage    *page,
                                  BwProject *project)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (page);

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_set_object (&self->project, project);
  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  bw_traceability_page_rebuild (self);
}

/* "O-6" and the like: the search then shows that record's paths. */
static gboolean
bw_traceability_page_select_record (BwPage     *page,
                                    const char *id)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (page);

  if (self->project == NULL || bw_project_lookup (self->project, id) == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), id);
  return TRUE;
}

static void
bw_traceability_page_set_filter (BwPage     *page,
                                 const char *filter)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (page);

  /* "gaps" narrows to the rows with gaps; anything else is a search. */
  if (g_str_equal (filter, "gaps"))
    {
      gtk_toggle_button_set_active (self->gaps_toggle, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }
  else
    {
      gtk_toggle_button_set_active (self->gaps_toggle, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), filter);
    }
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_traceability_page_set_project;
  iface->select_record = bw_traceability_page_select_record;
  iface->set_filter = bw_traceability_page_set_filter;
}

/* Building */

static GtkWidget *
build_toolbar (BwTraceabilityPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer;

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search all columns"), NULL);
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "trace-search");
  gtk_widget_set_size_request (GTK_WIDGET (self->search_entry), 280, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the traceability matrix"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  self->gaps_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Only _Gaps")));
  gtk_widget_set_name (GTK_WIDGET (self->gaps_toggle), "trace-only-gaps");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->gaps_toggle), _("Show only the paths with a missing link"));
  g_signal_connect_object (self->gaps_toggle, "toggled", G_CALLBACK (gaps_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->gaps_toggle));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_label_set_xalign (self->summary_label, 0.0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 6);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary_label));

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_widget_set_tooltip_text (self->export_button, _("Write the rows shown to a CSV file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "traceability.export");
  gtk_box_append (GTK_BOX (bar), self->export_button);
  return bar;
}

static void
bw_traceability_page_dispose (GObject *object)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  if (self->toasts != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->toasts));
      self->toasts = NULL;
    }
  g_clear_object (&self->filtered);
  g_clear_object (&self->rows);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_traceability_page_parent_class)->dispose (object);
}

static void
bw_traceability_page_finalize (GObject *object)
{
  BwTraceabilityPage *self = BW_TRACEABILITY_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (bw_traceability_page_parent_class)->finalize (object);
}

static void
bw_traceability_page_class_init (BwTraceabilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_traceability_page_dispose;
  object_class->finalize = bw_traceability_page_finalize;
  widget_class->map = bw_traceability_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "traceability.export", NULL, export_action);
}

static void
bw_traceability_page_init (BwTraceabilityPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty, *button, *none;

  self->rows = g_list_store_new (BW_TYPE_TRACE_ROW);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* The filter list model owns the filter; self->filter stays borrowed. */
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), GTK_FILTER (self->filter));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toasts), GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (box), build_toolbar (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  _bw_traceability_page_init_table (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  empty = _bw_record_page_status_page ("view-continuous-symbolic", _("Nothing to Trace Yet"),
                                       _("The matrix follows each asset to the elements that carry it, "
                                         "their threats and risk, the objectives that counter them and "
                                         "the requirements that verify those. Add assets and derive "
                                         "threats to start."));
  button = gtk_button_new_with_mnemonic (_("Show _Assets"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "assets");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  gtk_stack_add_named (self->stack, empty, "empty");
  none = _bw_record_page_status_page ("edit-find-symbolic", _("No Matching Paths"),
                                      _("No path matches the search. Try another word, or turn "
                                        "off “Only Gaps”."));
  gtk_stack_add_named (self->stack, none, "no-results");
  gtk_stack_add_named (self->stack, scrolled, "table");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_toast_overlay_set_child (self->toasts, box);
  update_view (self);
}

GtkWidget *
bw_traceability_page_new (void)
{
  return g_object_new (BW_TYPE_TRACEABILITY_PAGE, NULL);
}

GListModel *
bw_traceability_page_get_rows (BwTraceabilityPage *self)
{
  g_return_val_if_fail (BW_IS_TRACEABILITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
