/* bw-presentation.c — presentation mode: the model as slides, full screen
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The deck is built once when presentation starts (bw-slides.c) and drawn
 * by the core's slide painter, the same for every screen size. The
 * window only steps through it: nothing here edits the project, so the
 * editor is exactly as it was when the presenter leaves.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-presentation.h"
#include "bw-slides.h"

#define THUMB_WIDTH  320
#define THUMB_HEIGHT 180

struct _BwPresentation
{
  AdwWindow       parent_instance;

  BwProject      *project;
  GPtrArray      *slides;
  char           *deck_title;
  guint           index;
  gboolean        dark;

  GtkStack       *stack;
  GtkDrawingArea *slide_area;
  GtkFlowBox     *overview;
};

enum {
  PROP_0,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwPresentation, bw_presentation, ADW_TYPE_WINDOW)

static const BwSlide *
current_slide (BwPresentation *self)
{
  if (self->slides == NULL || self->index >= self->slides->len)
    return NULL;
  return g_ptr_array_index (self->slides, self->index);
}

static void
draw_slide_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  BwPresentation *self = BW_PRESENTATION (user_data);
  const BwSlide *slide = current_slide (self);
  g_autofree char *footer = NULL;
  BwSlideStyle style = { 0 };

  if (slide == NULL)
    return;

  /* Translators: the footer of a slide: deck title, slide number, count */
  footer = g_strdup_printf (_("%s · %u / %u"), self->deck_title, self->index + 1, self->slides->len);
  style.dark = self->dark;
  style.footer = footer;
  bw_slide_draw (cr, self->project, slide, width, height, &style);
}

static void
draw_thumbnail_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  BwPresentation *self = g_object_get_data (G_OBJECT (area), "presentation");
  guint index = GPOINTER_TO_UINT (user_data);
  BwSlideStyle style = { .dark = self->dark };

  if (index < self->slides->len)
    bw_slide_draw (cr, self->project, g_ptr_array_index (self->slides, index), width, height, &style);
}

static void
update_accessible (BwPresentation *self)
{
  const BwSlide *slide = current_slide (self);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (slide == NULL)
    return;

  /* Translators: what a screen reader says of the shown slide */
  label = g_strdup_printf (_("Slide %u of %u: %s"), self->index + 1, self->slides->len, slide->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slide_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  /* The window title says where the deck is, for the task switcher of a
   * presenter who left the projector window (and for tests that drive the
   * real app through the X server). */
  /* Translators: the presentation window's title: slide number and count */
  title = g_strdup_printf (_("Slide %u of %u — Presentation"), self->index + 1, self->slides->len);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
bw_presentation_set_index (BwPresentation *self,
                           guint           index)
{
  g_return_if_fail (BW_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;
  index = MIN (index, self->slides->len - 1);
  if (index == self->index)
    return;

  self->index = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->slide_area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

static void
show_slide (BwPresentation *self)
{
  gtk_stack_set_visible_child_name (self->stack, "slide");
  gtk_widget_grab_focus (GTK_WIDGET (self->slide_area));
}

static void
show_overview (BwPresentation *self)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->overview, self->index);

  gtk_stack_set_visible_child_name (self->stack, "overview");
  if (child != NULL)
    {
      gtk_flow_box_select_child (self->overview, child);
      gtk_widget_grab_focus (GTK_WIDGET (child));
    }
}

/* Actions */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BwPresentation *self = BW_PRESENTATION (widget);

  /* In the overview, the keys move between thumbnails instead. */
  if (bw_presentation_get_overview (self))
    return;

  if (g_str_equal (action_name, "presentation.next"))
    bw_presentation_set_index (self, self->index + 1);
  else if (g_str_equal (action_name, "presentation.previous"))
    bw_presentation_set_index (self, self->index > 0 ? self->index - 1 : 0);
  else if (g_str_equal (action_name, "presentation.first"))
    bw_presentation_set_index (self, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    bw_presentation_set_index (self, self->slides->len > 0 ? self->slides->len - 1 : 0);
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BwPresentation *self = BW_PRESENTATION (widget);

  if (bw_presentation_get_overview (self))
    show_slide (self);
  else
    show_overview (self);
}

static void
theme_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BwPresentation *self = BW_PRESENTATION (widget);

  self->dark = !self->dark;
  gtk_widget_queue_draw (GTK_WIDGET (self->slide_area));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->overview));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (gtk_widget_get_first_child (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))));
}

/* Esc closes the overview first, then leaves. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BwPresentation *self = BW_PRESENTATION (widget);

  if (bw_presentation_get_overview (self))
    show_slide (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
overview_activated_cb (BwPresentation  *self,
                       GtkFlowBoxChild *child,
                       GtkFlowBox      *box)
{
  bw_presentation_set_index (self, gtk_flow_box_child_get_index (child));
  show_slide (self);
}

/* A click steps forward, a secondary click back, as on any projector. */
static void
slide_pressed_cb (BwPresentation *self,
                  int             n_press,
                  double          x,
                  double          y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self->slide_area));
  if (button == GDK_BUTTON_SECONDARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.previous", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.next", NULL);
}

/* The keys of a presentation remote and of every slide program. They are
 * taken before the focused widget sees them: GtkWindow binds the arrows
 * to focus moves and Space to activation, which must not win here. In
 * the overview the arrows, Enter and Space move and choose thumbnails. */
static const struct
{
  guint       keyval;
  gboolean    in_overview;
  const char *action;
} keys[] = {
  { GDK_KEY_Right, FALSE, "presentation.next" },
  { GDK_KEY_Down, FALSE, "presentation.next" },
  { GDK_KEY_Page_Down, FALSE, "presentation.next" },
  { GDK_KEY_space, FALSE, "presentation.next" },
  { GDK_KEY_Return, FALSE, "presentation.next" },
  { GDK_KEY_KP_Right, FALSE, "presentation.next" },
  { GDK_KEY_KP_Down, FALSE, "presentation.next" },
  { GDK_KEY_KP_Page_Down, FALSE, "presentation.next" },
  { GDK_KEY_n, FALSE, "presentation.next" },
  { GDK_KEY_Left, FALSE, "presentation.previous" },
  { GDK_KEY_Up, FALSE, "presentation.previous" },
  { GDK_KEY_Page_Up, FALSE, "presentation.previous" },
  { GDK_KEY_BackSpace, FALSE, "presentation.previous" },
  { GDK_KEY_KP_Left, FALSE, "presentation.previous" },
  { GDK_KEY_KP_Up, FALSE, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, FALSE, "presentation.previous" },
  { GDK_KEY_p, FALSE, "presentation.previous" },
  { GDK_KEY_Home, FALSE, "presentation.first" },
  { GDK_KEY_End, FALSE, "presentation.last" },
  { GDK_KEY_o, TRUE, "presentation.overview" },
  { GDK_KEY_t, TRUE, "presentation.theme" },
  { GDK_KEY_Escape, TRUE, "presentation.leave" },
};

static gboolean
key_pressed_cb (BwPresentation        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean overview = bw_presentation_get_overview (self);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i].keyval == keyval && (!overview || keys[i].in_overview))
      {
        gtk_widget_activate_action (GTK_WIDGET (self), keys[i].action, NULL);
        return TRUE;
      }

  return FALSE;
}

static GtkWidget *
thumbnail_new (BwPresentation *self,
               guint           index)
{
  const BwSlide *slide = g_ptr_array_index (self->slides, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *caption = g_strdup_printf ("%u. %s", index + 1, slide->title);
  GtkWidget *label = gtk_label_new (caption);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), THUMB_HEIGHT);
  g_object_set_data (G_OBJECT (area), "presentation", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail_cb, GUINT_TO_POINTER (index), NULL);
  gtk_widget_add_css_class (area, "card");
  gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);

  return box;
}

static gboolean
initial_dark (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* The preference (light, dark or the desktop's style) where the schema
   * is installed; otherwise the desktop's style. */
  if (source != NULL &&
      (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "presentation-theme"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *theme = g_settings_get_string (settings, "presentation-theme");

      if (g_strcmp0 (theme, "dark") == 0)
        return TRUE;
      if (g_strcmp0 (theme, "light") == 0)
        return FALSE;
    }

  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
bw_presentation_dispose (GObject *object)
{
  BwPresentation *self = BW_PRESENTATION (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->deck_title, g_free);

  G_OBJECT_CLASS (bw_presentation_parent_class)->dispose (object);
}

static void
bw_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BwPresentation *self = BW_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_presentation_class_init (BwPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = bw_presentation_dispose;
  object_class->get_property = bw_presentation_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "presentation.theme", NULL, theme_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

}

static void
bw_presentation_init (BwPresentation *self)
{
  GtkWidget *scroller;
  GtkGesture *click;
  GtkEventController *key;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  self->slide_area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_focusable (GTK_WIDGET (self->slide_area), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->slide_area), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->slide_area), TRUE);
  gtk_drawing_area_set_draw_func (self->slide_area, draw_slide_cb, self, NULL);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (slide_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->slide_area), GTK_EVENT_CONTROLLER (click));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->slide_area), "slide");

  self->overview = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->overview, GTK_SELECTION_SINGLE);
  gtk_flow_box_set_activate_on_single_click (self->overview, TRUE);
  gtk_flow_box_set_max_children_per_line (self->overview, 8);
  gtk_flow_box_set_column_spacing (self->overview, 24);
  gtk_flow_box_set_row_spacing (self->overview, 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->overview), 36);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->overview), 36);
  gtk_widget_set_margin_start (GTK_WIDGET (self->overview), 36);
  gtk_widget_set_margin_end (GTK_WIDGET (self->overview), 36);
  gtk_widget_set_valign (GTK_WIDGET (self->overview), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Slide Overview"),
                                  -1);
  g_signal_connect_object (self->overview, "child-activated",
                           G_CALLBACK (overview_activated_cb), self, G_CONNECT_SWAPPED);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->overview));
  gtk_stack_add_named (self->stack, scroller, "overview");

  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->stack));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  self->dark = initial_dark ();
}

BwPresentation *
bw_presentation_new (GtkWindow *parent,
                     BwProject *project)
{
  BwPresentation *self;
  BwModel *model;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = g_object_new (BW_TYPE_PRESENTATION, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->project = g_object_ref (project);
  self->slides = bw_slides_build (project);
  model = bw_project_get_model (project);
  self->deck_title = g_strdup (model != NULL && bw_model_get_title (model) != NULL
                               ? bw_model_get_title (model) : _("Threat Model"));

  for (guint i = 0; i < self->slides->len; i++)
    gtk_flow_box_append (self->overview, thumbnail_new (self, i));

  update_accessible (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->slide_area));

  return self;
}

guint
bw_presentation_get_n_slides (BwPresentation *self)
{
  g_return_val_if_fail (BW_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

guint
bw_presentation_get_index (BwPresentation *self)
{
  g_return_val_if_fail (BW_IS_PRESENTATION (self), 0);

  return self->index;
}

const char *
bw_presentation_get_title_of (BwPresentation *self,
                              guint           index)
{
  g_return_val_if_fail (BW_IS_PRESENTATION (self), NULL);

  if (index >= self->slides->len)
    return NULL;
  return ((BwSlide *) g_ptr_array_index (self->slides, index))->title;
}

gboolean
bw_presentation_get_overview (BwPresentation *self)
{
  g_return_val_if_fail (BW_IS_PRESENTATION (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
}

gboolean
bw_presentation_get_dark (BwPresentation *self)
{
  g_return_val_if_fail (BW_IS_PRESENTATION (self), FALSE);

  return self->dark;
}
