/* bw-hazards-page.c — the hazards of the safety risk file and the threats that lead to them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The hazards are references into the ISO 14971 risk file, which lives
 * elsewhere: a name, the harm, a severity on the project's scale and the
 * hazard's ID there.  Step 3 links a threat that could harm a patient to
 * them; this page lists them, edits them through commands, and shows for
 * each the threats that lead to it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-hazards-page.h"
#include "bw-traceability.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_HARM,
  COLUMN_SEVERITY,
  COLUMN_REFERENCE,
  COLUMN_THREATS,
} Column;

struct _BwHazardsPage
{
  GtkWidget            parent_instance;

  BwProject           *project;
  char                *hazard_id;      /* the selected hazard */
  gboolean             updating;       /* values being shown, not edited */
  gboolean             dirty;          /* the project changed while hidden */
  GPtrArray           *cells;          /* bound table cells */
  GPtrArray           *threat_rows;
  char                *shown_threats;  /* what the threat rows were built for */
  char                *shown_scale;    /* what the severity row offers */

  AdwToastOverlay     *toast_overlay;
  GtkStack            *content_stack;  /* "empty" or "list" */
  GtkColumnView       *column_view;
  GtkSortListModel    *sorted;         /* the hazards, as the table sorts them */
  GtkSingleSelection  *selection;
  GtkWidget           *panel;
  GtkStack            *panel_stack;    /* "none" or "hazard" */
  AdwPreferencesGroup *hazard_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *harm_row;
  AdwComboRow         *severity_row;
  AdwEntryRow         *reference_row;
  AdwPreferencesGroup *threats_group;
  GtkWidget           *show_threats_button;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwHazardsPage, bw_hazards_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static void refresh (BwHazardsPage *self);

static BwHazard *
lookup_hazard (BwHazardsPage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->hazard_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->hazard_id);
  return BW_IS_HAZARD (record) ? BW_HAZARD (record) : NULL;
}

/* The name of a severity level, or NULL when it is not on the scale. */
static const char *
severity_name (BwHazardsPage *self,
               int            level)
{
  const char * const *scale;

  if (self->project == NULL || level <= 0)
    return NULL;
  scale = bw_risk_method_get_severity (bw_project_get_risk_method (self->project));
  if (scale == NULL || (guint) level > g_strv_length ((char **) scale))
    return NULL;
  return scale[level - 1];
}

static gboolean
execute (BwHazardsPage *self,
         BwCommand     *command)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return FALSE;
  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

static void
select_hazard (BwHazardsPage *self,
               const char    *id)
{
  if (g_strcmp0 (self->hazard_id, id) == 0)
    return;
  /* Edits of another hazard are steps of their own. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->hazard_id);
  self->hazard_id = g_strdup (id);
}

/* Editing */

static void
set_member (BwHazardsPage *self,
            const char    *member,
            const GValue  *value)
{
  g_autoptr(BwCommand) command = NULL;

  if (self->updating || lookup_hazard (self) == NULL)
    return;
  command = bw_command_set_property_new (self->project, self->hazard_id, member, value);
  execute (self, command);
}

static void
entry_changed_cb (BwHazardsPage *self,
                  GtkEditable   *editable)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  set_member (self, g_object_get_data (G_OBJECT (editable), "member"), &value);
}

/* A field that loses the focus ends its run of merged edits. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwHazardsPage           *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

/* Item 0 is "Not rated" (null); item N is level N of the scale. */
static void
severity_selected_cb (BwHazardsPage *self,
                      GParamSpec    *pspec,
                      AdwComboRow   *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) selected);
  set_member (self, "severity", &value);
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  g_autoptr(BwHazard) hazard = NULL;
  g_autoptr(BwCommand) command = NULL;

  if (self->project == NULL)
    return;
  hazard = g_object_new (BW_TYPE_HAZARD, "name", _("New hazard"), NULL);
  command = bw_command_add_new (self->project, BW_RECORD (hazard), -1);
  select_hazard (self, bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (execute (self, command))
    {
      refresh (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  BwHazard *hazard = lookup_hazard (self);
  const char *ids[] = { self->hazard_id, NULL };
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (hazard == NULL)
    return;
  /* The threats' links to it go with it, in the same undo step. */
  command = bw_command_remove_new (self->project, ids);
  /* Translators: a toast after deleting a hazard, “Deleted “Over-delivery of insulin”” */
  title = g_strdup_printf (_("Deleted “%s”"), bw_hazard_get_name (hazard));
  if (!execute (self, command))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_threats_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  g_autofree char *filter = NULL;

  if (self->hazard_id == NULL)
    return;
  filter = g_strconcat ("hazard:", self->hazard_id, NULL);
  gtk_widget_activate_action (widget, "win.filter-threats", "s", filter);
}

/* The table */

static void
update_cell (BwHazardsPage *self,
             GtkWidget     *cell)
{
  BwHazard *hazard = g_object_get_data (G_OBJECT (cell), "hazard");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  g_autofree char *text = NULL;

  if (hazard == NULL)
    return;
  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (*bw_hazard_get_name (hazard) != '\0' ? bw_hazard_get_name (hazard) : _("Unnamed hazard"));
      break;
    case COLUMN_HARM:
      text = g_strdup (bw_hazard_get_harm (hazard));
      break;
    case COLUMN_SEVERITY:
      {
        const char *name = severity_name (self, bw_hazard_get_severity (hazard));

        text = g_strdup (name != NULL ? name : _("Not rated"));
      }
      break;
    case COLUMN_REFERENCE:
      text = g_strdup (bw_hazard_get_reference (hazard));
      break;
    case COLUMN_THREATS:
      {
        g_autoptr(GPtrArray) threats =
          bw_traceability_threats_for_hazard (self->project, bw_record_get_id (BW_RECORD (hazard)));

        text = threats->len > 0 ? g_strdup_printf ("%u", threats->len) : g_strdup ("—");
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (cell), text);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) == COLUMN_THREATS)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "column", data);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BwHazardsPage            *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "hazard", gtk_list_item_get_item (item));
  g_ptr_array_add (self->cells, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BwHazardsPage            *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "hazard", NULL);
}

static int
collate (const char *a,
         const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_utf8_collate (fa, fb);
}

/* What a column's sorter needs: the threat counts come from the project. */
typedef struct
{
  BwHazardsPage *page;   /* owns the table, and so the sorter */
  Column         column;
} SortKey;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  BwHazard *x = BW_HAZARD ((gpointer) a);
  BwHazard *y = BW_HAZARD ((gpointer) b);
  SortKey *key = data;
  BwHazardsPage *self = key->page;

  switch (key->column)
    {
    case COLUMN_HARM:
      return collate (bw_hazard_get_harm (x), bw_hazard_get_harm (y));
    case COLUMN_SEVERITY:
      return bw_hazard_get_severity (x) - bw_hazard_get_severity (y);
    case COLUMN_REFERENCE:
      return collate (bw_hazard_get_reference (x), bw_hazard_get_reference (y));
    case COLUMN_THREATS:
      if (self != NULL && self->project != NULL)
        {
          g_autoptr(GPtrArray) tx = bw_traceability_threats_for_hazard (self->project, bw_record_get_id (BW_RECORD (x)));
          g_autoptr(GPtrArray) ty = bw_traceability_threats_for_hazard (self->project, bw_record_get_id (BW_RECORD (y)));

          return (int) tx->len - (int) ty->len;
        }
      return 0;
    case COLUMN_NAME:
    default:
      return collate (bw_hazard_get_name (x), bw_hazard_get_name (y));
    }
}

static void
add_column (BwHazardsPage *self,
            const char    *title,
            Column         column,
            int            width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  SortKey *key = g_new0 (SortKey, 1);

  key->page = self;
  key->column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, key, g_free));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* GtkColumnView of GTK 4.8 has no scroll_to: its list view has the action. */
static void
scroll_to (BwHazardsPage *self,
           guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
sync_selection (BwHazardsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  BwRecord *selected;

  for (guint i = 0; self->hazard_id != NULL && i < n; i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (bw_record_get_id (record), self->hazard_id) == 0)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            {
              self->updating = TRUE;
              gtk_single_selection_set_selected (self->selection, i);
              self->updating = FALSE;
              scroll_to (self, i);
            }
          return;
        }
    }
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected == NULL && n > 0)
    {
      self->updating = TRUE;
      gtk_single_selection_set_selected (self->selection, 0);
      self->updating = FALSE;
      selected = gtk_single_selection_get_selected_item (self->selection);
    }
  select_hazard (self, selected ? bw_record_get_id (selected) : NULL);
}

/* The side panel */

static void
show_text (GtkEditable *editable,
           const char  *text)
{
  /* Only when different: typing keeps its cursor. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

/* The severity row offers the project's scale, which the risk page may
 * change: rebuilt when it did. */
static void
update_scale (BwHazardsPage *self)
{
  static const char * const no_levels[] = { NULL };
  const char * const *scale = bw_risk_method_get_severity (bw_project_get_risk_method (self->project));
  g_autofree char *joined = g_strjoinv ("\n", (char **) (scale != NULL ? scale : no_levels));
  g_autoptr(GtkStringList) model = NULL;

  if (g_strcmp0 (joined, self->shown_scale) == 0)
    return;
  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("Not rated"));
  for (guint i = 0; scale != NULL && scale[i] != NULL; i++)
    {
      /* Translators: a severity level and its number, "Catastrophic (5)" */
      g_autofree char *label = g_strdup_printf (_("%s (%u)"), scale[i], i + 1);

      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (model));
  g_free (self->shown_scale);
  self->shown_scale = g_steal_pointer (&joined);
}

static void
clear_threat_rows (BwHazardsPage *self)
{
  for (guint i = 0; i < self->threat_rows->len; i++)
    adw_preferences_group_remove (self->threats_group, g_ptr_array_index (self->threat_rows, i));
  g_ptr_array_set_size (self->threat_rows, 0);
}

static GtkWidget *
add_threat_row (BwHazardsPage *self,
                const char    *title,
                const char    *subtitle,
                const char    *show_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (show_id != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Show"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", show_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (self->threats_group, row);
  g_ptr_array_add (self->threat_rows, g_object_ref (row));
  return row;
}

static char *
describe_threat (BwHazardsPage *self,
                 BwThreat      *threat)
{
  BwRecord *target = bw_project_lookup (self->project, bw_threat_get_target (threat));
  const char *element = BW_IS_ELEMENT (target) ? bw_element_get_name (BW_ELEMENT (target)) : "";

  /* Translators: a threat's ID, STRIDE letter and element, "T-3 · T · Bolus command" */
  return g_strdup_printf (_("%s · %s · %s"), bw_record_get_id (BW_RECORD (threat)),
                          bw_threat_get_category (threat), element);
}

static void
refresh_threats (BwHazardsPage *self)
{
  g_autoptr(GPtrArray) threats = bw_traceability_threats_for_hazard (self->project, self->hazard_id);
  GString *signature = g_string_new (self->hazard_id);
  g_autofree char *text = NULL;

  for (guint i = 0; i < threats->len; i++)
    {
      g_autofree char *subtitle = describe_threat (self, g_ptr_array_index (threats, i));

      g_string_append_printf (signature, "\n%s\t%s", bw_threat_get_title (g_ptr_array_index (threats, i)), subtitle);
    }
  text = g_string_free (signature, FALSE);
  gtk_widget_set_sensitive (self->show_threats_button, threats->len > 0);
  if (g_strcmp0 (text, self->shown_threats) == 0)
    return;

  clear_threat_rows (self);
  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      g_autofree char *subtitle = describe_threat (self, threat);

      add_threat_row (self, bw_threat_get_title (threat), subtitle, bw_record_get_id (BW_RECORD (threat)));
    }
  if (threats->len == 0)
    add_threat_row (self, _("No threat leads to this hazard"),
                    _("Link it from a threat whose attack could harm a patient (step 3)"), NULL);
  g_free (self->shown_threats);
  self->shown_threats = g_steal_pointer (&text);
}

static void
refresh_panel (BwHazardsPage *self)
{
  BwHazard *hazard = lookup_hazard (self);
  int severity;

  if (hazard == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }
  self->updating = TRUE;
  update_scale (self);
  adw_preferences_group_set_title (self->hazard_group, self->hazard_id);
  show_text (GTK_EDITABLE (self->name_row), bw_hazard_get_name (hazard));
  show_text (GTK_EDITABLE (self->harm_row), bw_hazard_get_harm (hazard));
  show_text (GTK_EDITABLE (self->reference_row), bw_hazard_get_reference (hazard));
  severity = bw_hazard_get_severity (hazard);
  adw_combo_row_set_selected (self->severity_row, severity_name (self, severity) != NULL ? (guint) severity : 0);
  self->updating = FALSE;
  refresh_threats (self);
  gtk_stack_set_visible_child_name (self->panel_stack, "hazard");
}

static void
refresh (BwHazardsPage *self)
{
  guint n = self->project ? g_list_model_get_n_items (bw_project_get_hazards (self->project)) : 0;
  GtkSorter *sorter;

  self->dirty = FALSE;

  /* An edit may move the hazard in the sorted table; the selection stays
   * on it (sync_selection), not on what took its place. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      self->updating = TRUE;
      gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
      self->updating = FALSE;
    }
  for (guint i = 0; i < self->cells->len; i++)
    update_cell (self, g_ptr_array_index (self->cells, i));
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->panel, n > 0);
  sync_selection (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazards.delete", lookup_hazard (self) != NULL);
  refresh_panel (self);
}

static void
selected_item_cb (BwHazardsPage      *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  BwRecord *selected = gtk_single_selection_get_selected_item (selection);

  if (self->updating || selected == NULL)
    return;
  select_hazard (self, bw_record_get_id (selected));
  refresh (self);
}

/* A hidden page catches up when it is shown: a drag on the diagram
 * changes the project many times a second. */
static void
project_changed_cb (BwHazardsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  refresh (self);
}

static void
bw_hazards_page_map (GtkWidget *widget)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);

  GTK_WIDGET_CLASS (bw_hazards_page_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh (self);
    }
}

/* BwPage */

static void
disconnect_project (BwHazardsPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_signal_handlers_disconnect_by_data (bw_project_get_hazards (self->project), self);
}

static void
bw_hazards_page_set_project (BwPage    *page,
                             BwProject *project)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (page);

  if (self->project == project)
    return;
  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->hazard_id, g_free);
  g_clear_pointer (&self->shown_threats, g_free);
  g_clear_pointer (&self->shown_scale, g_free);
  /* After the selection model has taken the change in: it must not be
   * asked to select while its own list is changing. */
  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_hazards (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  self->updating = TRUE;
  gtk_sort_list_model_set_model (self->sorted, project ? bw_project_get_hazards (project) : NULL);
  self->updating = FALSE;
  refresh (self);
}

static gboolean
bw_hazards_page_select_record (BwPage     *page,
                               const char *id)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (page);

  if (self->project == NULL || !BW_IS_HAZARD (bw_project_lookup (self->project, id)))
    return FALSE;
  select_hazard (self, id);
  refresh (self);
  return TRUE;
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_hazards_page_set_project;
  iface->select_record = bw_hazards_page_select_record;
}

/* Building the page */

static GtkWidget *
build_toolbar (BwHazardsPage *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *title = gtk_label_new (_("Hazards of the safety risk file (ISO 14971) that attacks could cause"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (toolbar, "toolbar");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Hazard"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_tooltip_text (add, _("Add a hazard of the safety risk file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "hazards.add");
  gtk_box_append (GTK_BOX (toolbar), add);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_margin_start (title, 6);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), title);

  gtk_widget_set_tooltip_text (delete, _("Delete Hazard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Hazard"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "hazards.delete");
  gtk_box_append (GTK_BOX (toolbar), delete);
  return toolbar;
}

static GtkWidget *
build_empty_state (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Hazard"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-important-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Hazards"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("List the hazards of the device’s ISO 14971 risk file that an attack "
                                     "could cause, with their harm and severity. Threats that could harm a "
                                     "patient are then linked to them, tying security risk to patient safety."));
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "hazards.add");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), add);
  return status;
}

static GtkWidget *
build_table (BwHazardsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->selection = gtk_single_selection_new (NULL);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_set_name (GTK_WIDGET (self->column_view), "hazards-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hazards"), -1);
  add_column (self, _("Hazard"), COLUMN_NAME, 0);
  add_column (self, _("Harm"), COLUMN_HARM, 0);
  add_column (self, _("Severity"), COLUMN_SEVERITY, 110);
  add_column (self, _("Reference"), COLUMN_REFERENCE, 110);
  add_column (self, _("Threats"), COLUMN_THREATS, 70);
  /* Project order until the user picks a column to sort by. */
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("hazards.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static AdwEntryRow *
entry_row (BwHazardsPage       *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *member)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), member);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  g_object_set_data (G_OBJECT (row), "member", (gpointer) member);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static GtkWidget *
build_panel (BwHazardsPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *show_threats;

  self->panel_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->panel_stack), 340, -1);
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Selection"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Choose a hazard in the list to edit it"));
  gtk_widget_add_css_class (none, "compact");
  gtk_stack_add_named (self->panel_stack, none, "none");

  self->hazard_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, self->hazard_group);
  self->name_row = entry_row (self, self->hazard_group, _("Hazard"), "name");
  self->harm_row = entry_row (self, self->hazard_group, _("Harm"), "harm");
  self->severity_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->severity_row), _("Severity"));
  gtk_widget_set_name (GTK_WIDGET (self->severity_row), "severity");
  g_signal_connect_swapped (self->severity_row, "notify::selected", G_CALLBACK (severity_selected_cb), self);
  adw_preferences_group_add (self->hazard_group, GTK_WIDGET (self->severity_row));
  self->reference_row = entry_row (self, self->hazard_group, _("Reference in the Risk File"), "reference");

  self->threats_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->threats_group, _("Threats Leading to It"));
  adw_preferences_group_set_description (self->threats_group, _("Active threats whose attack could cause this hazard"));
  show_threats = gtk_button_new_with_mnemonic (_("Show in _Threats"));
  gtk_widget_set_tooltip_text (show_threats, _("Show these threats on the threats page"));
  gtk_widget_add_css_class (show_threats, "flat");
  gtk_widget_set_valign (show_threats, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_threats), "hazards.show-threats");
  adw_preferences_group_set_header_suffix (self->threats_group, show_threats);
  self->show_threats_button = show_threats;
  adw_preferences_page_add (page, self->threats_group);

  gtk_stack_add_named (self->panel_stack, GTK_WIDGET (page), "hazard");
  return GTK_WIDGET (self->panel_stack);
}

/* GObject */

static void
bw_hazards_page_dispose (GObject *object)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (object);
  GtkWidget *child;

  disconnect_project (self);
  /* Taking the table apart re-sorts and reselects: not for this page any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->threat_rows != NULL)
    g_ptr_array_set_size (self->threat_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_hazards_page_parent_class)->dispose (object);
}

static void
bw_hazards_page_finalize (GObject *object)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (object);

  g_clear_pointer (&self->hazard_id, g_free);
  g_clear_pointer (&self->shown_threats, g_free);
  g_clear_pointer (&self->shown_scale, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->threat_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_hazards_page_parent_class)->finalize (object);
}

static void
bw_hazards_page_class_init (BwHazardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_hazards_page_dispose;
  object_class->finalize = bw_hazards_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->map = bw_hazards_page_map;

  gtk_widget_class_install_action (widget_class, "hazards.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "hazards.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "hazards.show-threats", NULL, show_threats_action);
}

static void
bw_hazards_page_init (BwHazardsPage *self)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->cells = g_ptr_array_new ();
  self->threat_rows = g_ptr_array_new_with_free_func (g_object_unref);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
  adw_toast_overlay_set_child (self->toast_overlay, paned);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), build_toolbar (self));
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_stack_add_named (self->content_stack, build_empty_state (), "empty");
  gtk_stack_add_named (self->content_stack, build_table (self), "list");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->content_stack));
  gtk_box_append (GTK_BOX (paned), content);

  self->panel = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (self->panel), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (self->panel), build_panel (self));
  gtk_box_append (GTK_BOX (paned), self->panel);

  refresh (self);
}

GtkWidget *
bw_hazards_page_new (void)
{
  return g_object_new (BW_TYPE_HAZARDS_PAGE, NULL);
}
