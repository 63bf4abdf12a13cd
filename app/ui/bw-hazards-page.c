/* bw-hazards-page.c — the hazards of the safety risk file and the threats that lead to them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The hazards are references into the ISO 14971 risk file, which lives
 * elsewhere: a name, the harm, a severity on the project's scale and the
 * hazard's ID there.  Step 3 links a threat that could harm a patient to
 * them; this page lists them (a BwRecordTable), edits them through
 * commands, and shows for each the threats that lead to it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-hazards-page.h"
#include "bw-record-page.h"
#include "bw-record-table.h"
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

  BwRecordTable       *table;
  GPtrArray           *threat_rows;
  char                *shown_threats;  /* what the threat rows were built for */
  char                *shown_scale;    /* what the severity row offers */

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

static BwProject *
project_of (BwHazardsPage *self)
{
  return self->table != NULL ? bw_record_table_get_project (self->table) : NULL;
}

/* The name of a severity level, or NULL when it is not on the scale. */
static const char *
severity_name (BwHazardsPage *self,
               int            level)
{
  const char * const *scale;

  if (project_of (self) == NULL || level <= 0)
    return NULL;
  scale = bw_risk_method_get_severity (bw_project_get_risk_method (project_of (self)));
  if (scale == NULL || (guint) level > g_strv_length ((char **) scale))
    return NULL;
  return scale[level - 1];
}

/* Editing */

/* Item 0 is "Not rated" (null); item N is level N of the scale. */
static void
severity_selected_cb (BwHazardsPage *self,
                      GParamSpec    *pspec,
                      AdwComboRow   *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (bw_record_table_is_showing (self->table) || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) selected);
  bw_record_table_set_member (self->table, "severity", &value);
  bw_record_table_seal (self->table);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  g_autoptr(BwHazard) hazard = g_object_new (BW_TYPE_HAZARD, "name", _("New hazard"), NULL);

  if (bw_record_table_add (self->table, BW_RECORD (hazard)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  BwHazard *hazard = BW_HAZARD (bw_record_table_get_selected (self->table));
  g_autofree char *title = NULL;

  if (hazard == NULL)
    return;
  /* Translators: a toast after deleting a hazard, “Deleted “Over-delivery of insulin”” */
  title = g_strdup_printf (_("Deleted “%s”"), bw_hazard_get_name (hazard));
  /* The threats' links to it go with it, in the same undo step. */
  bw_record_table_remove_selected (self->table, title);
}

static void
show_threats_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (widget);
  const char *id = bw_record_table_get_selected_id (self->table);
  g_autofree char *filter = NULL;

  if (id == NULL)
    return;
  filter = g_strconcat ("hazard:", id, NULL);
  gtk_widget_activate_action (widget, "win.filter-threats", "s", filter);
}

/* The table */

static GtkWidget *
setup_cell (int      column,
            gpointer data)
{
  GtkWidget *label = bw_table_cells_label_new ();

  if (column == COLUMN_THREATS)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
update_cell (GtkWidget *cell,
             gpointer   item,
             int        column,
             gpointer   data)
{
  BwHazardsPage *self = data;
  BwHazard *hazard = item;
  g_autofree char *text = NULL;

  switch ((Column) column)
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
          bw_traceability_threats_for_hazard (project_of (self), bw_record_get_id (BW_RECORD (hazard)));

        text = threats->len > 0 ? g_strdup_printf ("%u", threats->len) : g_strdup ("—");
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (cell), text);
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
  BwProject *project = project_of (key->page);

  switch (key->column)
    {
    case COLUMN_HARM:
      return collate (bw_hazard_get_harm (x), bw_hazard_get_harm (y));
    case COLUMN_SEVERITY:
      return bw_hazard_get_severity (x) - bw_hazard_get_severity (y);
    case COLUMN_REFERENCE:
      return collate (bw_hazard_get_reference (x), bw_hazard_get_reference (y));
    case COLUMN_THREATS:
      if (project != NULL)
        {
          g_autoptr(GPtrArray) tx = bw_traceability_threats_for_hazard (project, bw_record_get_id (BW_RECORD (x)));
          g_autoptr(GPtrArray) ty = bw_traceability_threats_for_hazard (project, bw_record_get_id (BW_RECORD (y)));

          return (int) tx->len - (int) ty->len;
        }
      return 0;
    case COLUMN_NAME:
    default:
      return collate (bw_hazard_get_name (x), bw_hazard_get_name (y));
    }
}

/* `width` 0: the column takes what the fixed ones leave. */
static void
add_column (BwHazardsPage *self,
            const char    *title,
            Column         column,
            int            width)
{
  SortKey *key = g_new0 (SortKey, 1);
  g_autoptr(GtkSorter) sorter = NULL;

  key->page = self;
  key->column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, key, g_free));
  bw_record_table_add_column (self->table, title, column, width, sorter);
}

/* The side panel */

/* The severity row offers the project's scale, which the risk page may
 * change: rebuilt when it did. */
static void
update_scale (BwHazardsPage *self)
{
  static const char * const no_levels[] = { NULL };
  const char * const *scale = bw_risk_method_get_severity (bw_project_get_risk_method (project_of (self)));
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

static void
add_threat_row (BwHazardsPage *self,
                const char    *title,
                const char    *subtitle,
                const char    *show_id)
{
  GtkWidget *row = _bw_record_page_show_row (title, subtitle, show_id);

  adw_preferences_group_add (self->threats_group, row);
  g_ptr_array_add (self->threat_rows, g_object_ref (row));
}

static char *
describe_threat (BwHazardsPage *self,
                 BwThreat      *threat)
{
  BwRecord *target = bw_project_lookup (project_of (self), bw_threat_get_target (threat));
  const char *element = BW_IS_ELEMENT (target) ? bw_element_get_name (BW_ELEMENT (target)) : "";

  /* Translators: a threat's ID, STRIDE letter and element, "T-3 · T · Bolus command" */
  return g_strdup_printf (_("%s · %s · %s"), bw_record_get_id (BW_RECORD (threat)),
                          bw_threat_get_category (threat), element);
}

static void
refresh_threats (BwHazardsPage *self)
{
  const char *id = bw_record_table_get_selected_id (self->table);
  g_autoptr(GPtrArray) threats = bw_traceability_threats_for_hazard (project_of (self), id);
  GString *signature = g_string_new (id);
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

/* The table's "refreshed": the selected hazard in the panel. */
static void
refresh_panel (BwHazardsPage *self)
{
  BwHazard *hazard = BW_HAZARD (bw_record_table_get_selected (self->table));
  int severity;

  if (hazard == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }
  update_scale (self);
  adw_preferences_group_set_title (self->hazard_group, bw_record_table_get_selected_id (self->table));
  _bw_record_page_show_text (GTK_EDITABLE (self->name_row), bw_hazard_get_name (hazard));
  _bw_record_page_show_text (GTK_EDITABLE (self->harm_row), bw_hazard_get_harm (hazard));
  _bw_record_page_show_text (GTK_EDITABLE (self->reference_row), bw_hazard_get_reference (hazard));
  severity = bw_hazard_get_severity (hazard);
  adw_combo_row_set_selected (self->severity_row, severity_name (self, severity) != NULL ? (guint) severity : 0);
  refresh_threats (self);
  gtk_stack_set_visible_child_name (self->panel_stack, "hazard");
}

/* BwPage */

static void
bw_hazards_page_set_project (BwPage    *page,
                             BwProject *project)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (page);

  if (project_of (self) == project)
    return;
  g_clear_pointer (&self->shown_threats, g_free);
  g_clear_pointer (&self->shown_scale, g_free);
  bw_record_table_set_project (self->table, project);
}

static gboolean
bw_hazards_page_select_record (BwPage     *page,
                               const char *id)
{
  return bw_record_table_select (BW_HAZARDS_PAGE (page)->table, id);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_hazards_page_set_project;
  iface->select_record = bw_hazards_page_select_record;
}

/* Building the page */

static GtkWidget *
build_table (BwHazardsPage *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (bw_record_table_get_column_view (self->table)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hazards"), -1);
  add_column (self, _("Hazard"), COLUMN_NAME, 0);
  add_column (self, _("Harm"), COLUMN_HARM, 0);
  add_column (self, _("Severity"), COLUMN_SEVERITY, 110);
  add_column (self, _("Reference"), COLUMN_REFERENCE, 110);
  add_column (self, _("Threats"), COLUMN_THREATS, 70);
  return bw_record_table_get_widget (self->table);
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
  self->name_row = bw_record_table_add_entry_row (self->table, self->hazard_group, _("Hazard"), "name");
  self->harm_row = bw_record_table_add_entry_row (self->table, self->hazard_group, _("Harm"), "harm");
  self->severity_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->severity_row), _("Severity"));
  gtk_widget_set_name (GTK_WIDGET (self->severity_row), "severity");
  g_signal_connect_swapped (self->severity_row, "notify::selected", G_CALLBACK (severity_selected_cb), self);
  adw_preferences_group_add (self->hazard_group, GTK_WIDGET (self->severity_row));
  self->reference_row = bw_record_table_add_entry_row (self->table, self->hazard_group,
                                                       _("Reference in the Risk File"), "reference");

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

  /* First: the table follows the project and the selection, which the
   * widgets' teardown would change. */
  g_clear_object (&self->table);
  if (self->threat_rows != NULL)
    g_ptr_array_set_size (self->threat_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_hazards_page_parent_class)->dispose (object);
}

static void
bw_hazards_page_finalize (GObject *object)
{
  BwHazardsPage *self = BW_HAZARDS_PAGE (object);

  g_clear_pointer (&self->shown_threats, g_free);
  g_clear_pointer (&self->shown_scale, g_free);
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

  gtk_widget_class_install_action (widget_class, "hazards.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "hazards.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "hazards.show-threats", NULL, show_threats_action);
}

static void
bw_hazards_page_init (BwHazardsPage *self)
{
  GtkWidget *toolbar, *empty;

  self->threat_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->table = bw_record_table_new (GTK_WIDGET (self), "hazards", BW_TYPE_HAZARD, bw_project_get_hazards,
                                     setup_cell, update_cell);
  g_signal_connect_swapped (self->table, "refreshed", G_CALLBACK (refresh_panel), self);

  toolbar = bw_record_table_build_toolbar (self->table, _("_Add Hazard"), _("Add a hazard of the safety risk file"),
                                           _("Hazards of the safety risk file (ISO 14971) that attacks could cause"),
                                           _("Delete Hazard"));
  empty = _bw_record_page_empty_state ("emblem-important-symbolic", _("No Hazards"),
                                       _("List the hazards of the device’s ISO 14971 risk file that an attack "
                                         "could cause, with their harm and severity. Threats that could harm a "
                                         "patient are then linked to them, tying security risk to patient safety."),
                                       _("_Add Hazard"), "hazards.add", NULL);
  bw_record_table_build_page (self->table, toolbar, empty, build_table (self), build_panel (self));
  bw_record_table_refresh (self->table);
}

GtkWidget *
bw_hazards_page_new (void)
{
  return g_object_new (BW_TYPE_HAZARDS_PAGE, NULL);
}
