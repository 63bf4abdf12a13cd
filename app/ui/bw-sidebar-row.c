/* bw-sidebar-row.c — one step of the method in the window's sidebar
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-sidebar-row.h"

struct _BwSidebarRow
{
  GtkListBoxRow  parent_instance;

  char          *key;
  int            count;

  GtkBox        *box;
  GtkLabel      *step_label;
  GtkLabel      *title_label;
  GtkLabel      *count_label;
};

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_STEP,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwSidebarRow, bw_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
bw_sidebar_row_finalize (GObject *object)
{
  BwSidebarRow *self = BW_SIDEBAR_ROW (object);

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (bw_sidebar_row_parent_class)->finalize (object);
}

static void
bw_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BwSidebarRow *self = BW_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    case PROP_STEP:
      g_value_set_string (value, gtk_label_get_label (self->step_label));
      break;

    case PROP_COUNT:
      g_value_set_int (value, self->count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BwSidebarRow *self = BW_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      bw_sidebar_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_STEP:
      gtk_label_set_label (self->step_label, g_value_get_string (value));
      break;

    case PROP_COUNT:
      bw_sidebar_row_set_count (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_sidebar_row_class_init (BwSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bw_sidebar_row_finalize;
  object_class->get_property = bw_sidebar_row_get_property;
  object_class->set_property = bw_sidebar_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_int ("count", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BwSidebarRow, box);
  gtk_widget_class_bind_template_child (widget_class, BwSidebarRow, step_label);
  gtk_widget_class_bind_template_child (widget_class, BwSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BwSidebarRow, count_label);
}

static void
bw_sidebar_row_init (BwSidebarRow *self)
{
  self->count = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bw_sidebar_row_new (const char *key,
                    const char *title,
                    const char *step)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (BW_TYPE_SIDEBAR_ROW,
                       "key", key,
                       "title", title,
                       "step", step,
                       NULL);
}

const char *
bw_sidebar_row_get_key (BwSidebarRow *self)
{
  g_return_val_if_fail (BW_IS_SIDEBAR_ROW (self), NULL);

  return self->key;
}

const char *
bw_sidebar_row_get_title (BwSidebarRow *self)
{
  g_return_val_if_fail (BW_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
bw_sidebar_row_set_title (BwSidebarRow *self,
                          const char   *title)
{
  g_return_if_fail (BW_IS_SIDEBAR_ROW (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title ? title : "");
  /* Long diagram names are ellipsized; the tooltip has them whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
bw_sidebar_row_get_count (BwSidebarRow *self)
{
  g_return_val_if_fail (BW_IS_SIDEBAR_ROW (self), -1);

  return self->count;
}

void
bw_sidebar_row_set_count (BwSidebarRow *self,
                          int           count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BW_IS_SIDEBAR_ROW (self));

  if (count == self->count)
    return;

  self->count = count;
  if (count >= 0)
    text = g_strdup_printf ("%d", count);
  gtk_label_set_label (self->count_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count >= 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

void
bw_sidebar_row_set_nested (BwSidebarRow *self,
                           gboolean      nested)
{
  g_return_if_fail (BW_IS_SIDEBAR_ROW (self));

  /* Indented past the step numbers, under the parent's title. */
  gtk_widget_set_margin_start (GTK_WIDGET (self->title_label), nested ? 12 : 0);
  if (nested)
    gtk_widget_add_css_class (GTK_WIDGET (self), "nested");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "nested");
}
