/* bw-slide-painter.c — draws the slides of presentation mode
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Slides are laid out on a 1920×1080 grid and scaled to the surface, so a
 * slide reads the same on a 1280×720 projector as on a full-HD one. Type
 * is large (body text at least 26 px at 1080p) and colours are the
 * strongest pairs of GNOME's palette; states are spelled out next to
 * their colour so the slides survive a washed-out projector and print.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-painter.h"
#include "bw-checks.h"
#include "bw-geometry.h"
#include "bw-graphviz.h"
#include "bw-painter.h"
#include "bw-risk-assessment.h"
#include "bw-slides.h"

#define GRID_W     1920.0
#define GRID_H     1080.0
#define MARGIN       96.0
#define TITLE_Y      72.0
#define BODY_Y      200.0
#define FOOT_H       72.0

typedef struct
{
  guint32 background;
  guint32 text;
  guint32 muted;
  guint32 accent;
  guint32 rule;
  guint32 outcome_fill[4];   /* by BwOutcome */
  guint32 outcome_text[4];
} SlidePalette;

static const SlidePalette light = {
  .background = 0xffffff,
  .text = 0x000000,
  .muted = 0x4a4a4f,
  .accent = 0x1a5fb4,
  .rule = 0xc0bfbc,
  .outcome_fill = { 0xdeddda, 0x8ff0a4, 0xf9f06b, 0xf66151 },
  .outcome_text = { 0x000000, 0x000000, 0x000000, 0x000000 },
};

static const SlidePalette dark = {
  .background = 0x000000,
  .text = 0xffffff,
  .muted = 0xc0bfbc,
  .accent = 0x99c1f1,
  .rule = 0x5e5c64,
  .outcome_fill = { 0x3d3846, 0x26a269, 0xe5a50a, 0xc01c28 },
  .outcome_text = { 0xffffff, 0xffffff, 0x000000, 0xffffff },
};

typedef struct
{
  cairo_t            *cr;
  BwProject          *project;
  const BwSlide      *slide;
  const SlidePalette *palette;
  const BwSlideStyle *style;
} Ctx;

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Text in a box `width` wide at (x, y); returns its height. Up to
 * `max_lines` lines (0: any), ellipsized after that. */
static double
draw_text (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           guint32     color,
           int         max_lines)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  set_color (ctx->cr, color);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, layout);
  pango_layout_get_pixel_size (layout, &w, &h);

  pango_font_description_free (font);
  g_object_unref (layout);

  return h;
}

static void
draw_title (Ctx        *ctx,
            const char *title,
            const char *kicker)
{
  if (kicker != NULL)
    draw_text (ctx, kicker, MARGIN, TITLE_Y - 40, GRID_W - 2 * MARGIN, 28, FALSE, ctx->palette->accent, 1);
  draw_text (ctx, title, MARGIN, TITLE_Y, GRID_W - 2 * MARGIN, 60, TRUE, ctx->palette->text, 1);
}

/* Fits content of `cw` × `ch` into the box, centred, at most at `max`. */
static void
fit_into (cairo_t *cr,
          double   x,
          double   y,
          double   w,
          double   h,
          double   cw,
          double   ch,
          double   max)
{
  double scale = MIN (w / MAX (cw, 1.0), h / MAX (ch, 1.0));

  scale = MIN (scale, max);
  cairo_translate (cr, x + (w - cw * scale) / 2.0, y + (h - ch * scale) / 2.0);
  cairo_scale (cr, scale, scale);
}

/* Draws the part `region` of a diagram (all of it when NULL). */
static void
draw_diagram_in (Ctx                *ctx,
                 const char         *diagram_id,
                 const BwRect       *region,
                 const char * const *selection,
                 double              x,
                 double              y,
                 double              w,
                 double              h)
{
  BwPaintOptions options = { 0 };
  BwRect extents;

  if (region != NULL)
    extents = *region;
  else if (!bw_painter_get_diagram_extents (ctx->project, diagram_id, &extents))
    {
      draw_text (ctx, _("This diagram is empty."), x, y, w, 32, FALSE, ctx->palette->muted, 0);
      return;
    }

  options.dark = ctx->style->dark;
  options.selection = selection;
  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, x, y, w, h);
  cairo_clip (ctx->cr);
  /* Up to 2.5× so a small diagram fills the screen; the painter draws
   * vectors, so enlarging stays sharp. */
  fit_into (ctx->cr, x, y, w, h, extents.width, extents.height, 2.5);
  cairo_translate (ctx->cr, -extents.x, -extents.y);
  bw_painter_draw_diagram (ctx->cr, ctx->project, diagram_id, &options);
  cairo_restore (ctx->cr);
}

/* Title */

static void
draw_title_slide (Ctx *ctx)
{
  BwModel *model = bw_project_get_model (ctx->project);
  BwDevice *device = model != NULL ? bw_model_get_device (model) : NULL;
  g_autoptr(GString) counts = g_string_new (NULL);
  GListModel *threats = bw_project_get_threats (ctx->project);
  guint n_open = 0, n_threats = 0;
  double y = 330;

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (bw_threat_get_archived (threat) || bw_threat_get_obsolete (threat) || bw_threat_get_superseded (threat))
        continue;
      n_threats++;
      if (bw_slides_threat_is_open (threat))
        n_open++;
    }

  set_color (ctx->cr, ctx->palette->accent);
  cairo_rectangle (ctx->cr, MARGIN, y - 40, 160, 12);
  cairo_fill (ctx->cr);

  y += draw_text (ctx, ctx->slide->title, MARGIN, y, GRID_W - 2 * MARGIN, 88, TRUE, ctx->palette->text, 2) + 24;

  if (device != NULL && bw_device_get_name (device) != NULL)
    {
      g_autofree char *line = NULL;

      if (bw_device_get_version (device) != NULL && bw_device_get_manufacturer (device) != NULL)
        /* Translators: device name, its version, its manufacturer */
        line = g_strdup_printf (_("%s %s — %s"), bw_device_get_name (device),
                                bw_device_get_version (device), bw_device_get_manufacturer (device));
      else
        line = g_strdup (bw_device_get_name (device));
      y += draw_text (ctx, line, MARGIN, y, GRID_W - 2 * MARGIN, 44, FALSE, ctx->palette->muted, 2) + 16;
      if (bw_device_get_intended_use (device) != NULL)
        y += draw_text (ctx, bw_device_get_intended_use (device), MARGIN, y, GRID_W - 2 * MARGIN,
                        32, FALSE, ctx->palette->muted, 3) + 16;
    }

  g_string_append_printf (counts, ngettext ("%u diagram", "%u diagrams",
                                            g_list_model_get_n_items (bw_project_get_diagrams (ctx->project))),
                          g_list_model_get_n_items (bw_project_get_diagrams (ctx->project)));
  g_string_append (counts, "  ·  ");
  g_string_append_printf (counts, ngettext ("%u threat", "%u threats", n_threats), n_threats);
  g_string_append (counts, "  ·  ");
  g_string_append_printf (counts, ngettext ("%u open", "%u open", n_open), n_open);
  g_string_append (counts, "  ·  ");
  g_string_append_printf (counts, ngettext ("%u objective", "%u objectives",
                                            g_list_model_get_n_items (bw_project_get_objectives (ctx->project))),
                          g_list_model_get_n_items (bw_project_get_objectives (ctx->project)));
  g_string_append (counts, "  ·  ");
  g_string_append_printf (counts, ngettext ("%u requirement", "%u requirements",
                                            g_list_model_get_n_items (bw_project_get_requirements (ctx->project))),
                          g_list_model_get_n_items (bw_project_get_requirements (ctx->project)));
  draw_text (ctx, counts->str, MARGIN, MAX (y + 48, 760), GRID_W - 2 * MARGIN, 36, FALSE, ctx->palette->text, 2);

  if (model != NULL && bw_model_get_modified (model) != NULL)
    {
      g_autofree char *line = NULL;

      /* Translators: %s is a date */
      line = g_strdup_printf (_("Model of %s"), bw_model_get_modified (model));
      draw_text (ctx, line, MARGIN, 860, GRID_W - 2 * MARGIN, 30, FALSE, ctx->palette->muted, 1);
    }
}

/* Diagrams */

static void
draw_diagram_slide (Ctx *ctx)
{
  BwRecord *record = bw_project_lookup (ctx->project, ctx->slide->record_id);
  const char *kicker = _("Data-Flow Diagram");

  if (BW_IS_DIAGRAM (record) && g_strcmp0 (bw_diagram_get_kind (BW_DIAGRAM (record)), "context") == 0)
    kicker = _("Context Diagram");
  draw_title (ctx, ctx->slide->title, kicker);
  draw_diagram_in (ctx, ctx->slide->record_id, NULL, NULL, MARGIN, BODY_Y, GRID_W - 2 * MARGIN,
                   GRID_H - BODY_Y - FOOT_H - 24);
}

/* Threats of one element */

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "not_started") == 0)
    return _("Not started");
  if (g_strcmp0 (status, "needs_investigation") == 0)
    return _("Needs investigation");
  if (g_strcmp0 (status, "not_applicable") == 0)
    return _("Not applicable");
  if (g_strcmp0 (status, "addressed") == 0)
    return _("Addressed");
  return status != NULL ? status : "";
}

static void
draw_pill (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           double      size,
           guint32     fill,
           guint32     color)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  set_color (ctx->cr, fill);
  cairo_new_sub_path (ctx->cr);
  cairo_arc (ctx->cr, x + h / 2.0, y + h / 2.0 + 2, h / 2.0 + 2, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (ctx->cr, x + w + 12 - h / 2.0, y + h / 2.0 + 2, h / 2.0 + 2, -G_PI / 2, G_PI / 2);
  cairo_close_path (ctx->cr);
  cairo_fill (ctx->cr);
  set_color (ctx->cr, color);
  cairo_move_to (ctx->cr, x + 6, y + 2);
  pango_cairo_show_layout (ctx->cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
add_extents (BwProject  *project,
             const char *id,
             BwRect     *rect,
             gboolean   *any)
{
  BwRecord *record = id != NULL ? bw_project_lookup (project, id) : NULL;
  BwRect extents;

  if (!BW_IS_ELEMENT (record) || !bw_geometry_get_extents (project, BW_ELEMENT (record), &extents))
    return;
  *rect = *any ? bw_rect_union (rect, &extents) : extents;
  *any = TRUE;
}

/* The element with its flows and the nodes at their other ends: enough
 * context to see what the threats are about, large enough to read on a
 * projector (a whole diagram beside a threat list is too small). */
static gboolean
get_neighbourhood (BwProject *project,
                   BwElement *element,
                   BwRect    *region)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, bw_element_get_diagram (element));
  const char *id = bw_record_get_id (BW_RECORD (element));
  gboolean any = FALSE;
  BwVec centre;

  add_extents (project, id, region, &any);
  if (!any)
    return FALSE;

  if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
    {
      add_extents (project, bw_element_get_source (element), region, &any);
      add_extents (project, bw_element_get_target (element), region, &any);
    }
  else if (bw_element_is_node (element))
    {
      for (guint i = 0; i < elements->len; i++)
        {
          BwElement *flow = g_ptr_array_index (elements, i);

          if (bw_element_get_kind_enum (flow) != BW_ELEMENT_DATA_FLOW)
            continue;
          if (g_strcmp0 (bw_element_get_source (flow), id) == 0)
            add_extents (project, bw_element_get_target (flow), region, &any);
          else if (g_strcmp0 (bw_element_get_target (flow), id) == 0)
            add_extents (project, bw_element_get_source (flow), region, &any);
          else
            continue;
          add_extents (project, bw_record_get_id (BW_RECORD (flow)), region, &any);
        }
    }

  *region = bw_rect_grow (region, 40);
  centre = bw_rect_get_centre (region);
  region->width = MAX (region->width, 560);
  region->height = MAX (region->height, 420);
  region->x = centre.x - region->width / 2.0;
  region->y = centre.y - region->height / 2.0;

  return TRUE;
}

static const char *
kind_label (BwElement *element)
{
  switch (bw_element_get_kind_enum (element))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
      return _("External Entity");
    case BW_ELEMENT_PROCESS:
      return _("Process");
    case BW_ELEMENT_DATA_STORE:
      return _("Data Store");
    case BW_ELEMENT_DATA_FLOW:
      return _("Data Flow");
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return _("Trust Boundary");
    }
}

static void
draw_threats_slide (Ctx *ctx)
{
  BwRecord *record = bw_project_lookup (ctx->project, ctx->slide->record_id);
  BwRiskMethod *method = bw_project_get_risk_method (ctx->project);
  g_autoptr(GPtrArray) threats = bw_slides_dup_threats (ctx->project, ctx->slide);
  g_autofree char *title = NULL;
  const char *ids[] = { ctx->slide->record_id, NULL };
  double list_x = GRID_W * 0.47, list_w = GRID_W - list_x - MARGIN;
  double y = BODY_Y;

  if (ctx->slide->n_parts > 1)
    /* Translators: a slide title and which of its parts this is, e.g. "Threats to Pump (2/3)" */
    title = g_strdup_printf (_("%s (%u/%u)"), ctx->slide->title, ctx->slide->part, ctx->slide->n_parts);
  else
    title = g_strdup (ctx->slide->title);

  if (BW_IS_ELEMENT (record))
    {
      BwElement *element = BW_ELEMENT (record);
      BwRect region;

      draw_title (ctx, title, kind_label (element));
      if (get_neighbourhood (ctx->project, element, &region))
        {
          set_color (ctx->cr, ctx->palette->rule);
          cairo_rectangle (ctx->cr, MARGIN - 1, BODY_Y - 1, list_x - MARGIN - 48 + 2,
                           GRID_H - BODY_Y - FOOT_H - 24 + 2);
          cairo_set_line_width (ctx->cr, 2);
          cairo_stroke (ctx->cr);
          draw_diagram_in (ctx, bw_element_get_diagram (element), &region, ids, MARGIN, BODY_Y,
                           list_x - MARGIN - 48, GRID_H - BODY_Y - FOOT_H - 24);
        }
    }
  else
    {
      draw_title (ctx, title, NULL);
    }

  for (guint i = 0; i < threats->len; i++)
    {
      BwThreat *threat = g_ptr_array_index (threats, i);
      BwOutcome before = bw_risk_assessment_get_outcome (method, threat, BW_RISK_BEFORE);
      BwOutcome after = bw_risk_assessment_get_outcome (method, threat, BW_RISK_AFTER);
      g_autofree char *line = NULL;
      g_autofree char *risk = NULL;
      double h;

      draw_text (ctx, bw_record_get_id (BW_RECORD (threat)), list_x, y, 120, 28, TRUE, ctx->palette->accent, 1);
      draw_pill (ctx, bw_threat_get_category (threat), list_x + 120, y, 24,
                 ctx->palette->text, ctx->palette->background);
      h = draw_text (ctx, bw_threat_get_title (threat), list_x + 180, y, list_w - 180, 28, TRUE,
                     ctx->palette->text, 2);
      /* Translators: a threat's status, then its risk before → after */
      risk = g_strdup_printf (_("Risk %s → %s"), bw_outcome_describe (before), bw_outcome_describe (after));
      line = g_strdup_printf ("%s  ·  %s", status_label (bw_threat_get_status (threat)), risk);
      set_color (ctx->cr, ctx->palette->outcome_fill[MIN (after, 3)]);
      cairo_rectangle (ctx->cr, list_x + 180, y + h + 10, 10, 28);
      cairo_fill (ctx->cr);
      h += draw_text (ctx, line, list_x + 200, y + h + 6, list_w - 200, 26, FALSE, ctx->palette->muted, 1);
      /* With room to spare, what the threat is about. */
      if (threats->len <= 3 && bw_threat_get_description (threat) != NULL)
        h += 12 + draw_text (ctx, bw_threat_get_description (threat), list_x + 180, y + h + 18,
                             list_w - 180, 24, FALSE, ctx->palette->text, 5);
      y += h + 30;
      if (y > GRID_H - FOOT_H - 60)
        break;
    }
}

/* Attack trees */

static double
fitted_scale (BwTreeLayout *layout,
              double        w,
              double        h)
{
  return MIN (w / MAX (layout->width, 1.0), h / MAX (layout->height, 1.0));
}

static const char *
attr_label (BwAttackAttr attr)
{
  switch (attr)
    {
    case BW_ATTACK_ATTR_COST:
      return _("Cost");
    case BW_ATTACK_ATTR_TIME_H:
      return _("Time (h)");
    case BW_ATTACK_ATTR_SKILL:
      return _("Skill");
    case BW_ATTACK_ATTR_DIFFICULTY:
      return _("Difficulty");
    case BW_ATTACK_ATTR_PROBABILITY:
    case BW_ATTACK_N_ATTRS:
    default:
      return _("Probability");
    }
}

static void
draw_attack_tree_slide (Ctx *ctx)
{
  BwRecord *record = bw_project_lookup (ctx->project, ctx->slide->record_id);
  BwTreeGraphOptions options = { .left_to_right = FALSE, .show_values = TRUE };
  BwTreePaintOptions paint = { 0 };
  g_autoptr(BwTreeLayout) layout = NULL;
  g_autoptr(BwTreeLayout) sideways = NULL;
  g_autoptr(GError) error = NULL;
  BwAttackEval *eval = NULL;
  BwAttackTree *tree;
  double body_w = GRID_W - 2 * MARGIN;
  double body_h = GRID_H - BODY_Y - FOOT_H - 90;

  draw_title (ctx, ctx->slide->title, _("Attack Tree"));
  if (!BW_IS_ATTACK_TREE (record))
    return;
  tree = BW_ATTACK_TREE (record);

  if (!(layout = bw_graphviz_layout_tree (tree, &options, &error)))
    {
      draw_text (ctx, error->message, MARGIN, BODY_Y, body_w, 30, FALSE, ctx->palette->muted, 0);
      return;
    }
  /* A wide tree reads larger with its root on the left. */
  options.left_to_right = TRUE;
  sideways = bw_graphviz_layout_tree (tree, &options, NULL);
  if (sideways != NULL && fitted_scale (sideways, body_w, body_h) > 1.2 * fitted_scale (layout, body_w, body_h))
    {
      bw_tree_layout_free (layout);
      layout = g_steal_pointer (&sideways);
    }

  if (bw_attack_tree_get_root (tree) != NULL)
    eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));

  paint.dark = ctx->style->dark;
  paint.eval = eval;
  paint.view = BW_ATTACK_VIEW_RESIDUAL;
  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, MARGIN, BODY_Y, body_w, body_h);
  cairo_clip (ctx->cr);
  fit_into (ctx->cr, MARGIN, BODY_Y, body_w, body_h, layout->width, layout->height, 2.0);
  bw_attack_tree_paint (ctx->cr, tree, layout, &paint);
  cairo_restore (ctx->cr);

  if (eval != NULL)
    {
      const BwAttackValues *values = bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_RESIDUAL);
      g_autoptr(GString) line = g_string_new (_("Easiest attack today: "));
      gboolean any = FALSE;

      for (BwAttackAttr attr = 0; values != NULL && attr < BW_ATTACK_N_ATTRS; attr++)
        {
          g_autofree char *value = NULL;

          if (!bw_attack_values_known (values, attr))
            continue;
          value = bw_attack_values_format (values, attr);
          g_string_append_printf (line, "%s%s %s", any ? "  ·  " : "", attr_label (attr), value);
          any = TRUE;
        }
      if (!any)
        g_string_append (line, _("not known (leaves without values)"));
      draw_text (ctx, line->str, MARGIN, GRID_H - FOOT_H - 70, body_w, 30, FALSE, ctx->palette->text, 1);
      bw_attack_eval_unref (eval);
    }
}

/* Risk matrix */

static void
draw_matrix (Ctx         *ctx,
             BwRiskStage  stage,
             const char  *heading,
             double       x,
             double       y,
             double       w,
             double       h)
{
  BwRiskMethod *method = bw_project_get_risk_method (ctx->project);
  g_autoptr(BwRiskCounts) counts = bw_risk_counts_new (ctx->project, stage);
  const char * const *expl = bw_risk_method_get_exploitability (method);
  const char * const *sev = bw_risk_method_get_severity (method);
  guint ne = bw_risk_counts_get_n_exploitability (counts);
  guint ns = bw_risk_counts_get_n_severity (counts);
  double label_w = 200, label_h = 64, cw, ch;
  g_autofree char *unrated = NULL;

  draw_text (ctx, heading, x, y, w, 40, TRUE, ctx->palette->text, 1);
  y += 64;
  if (ne == 0 || ns == 0)
    return;

  cw = (w - label_w) / ne;
  ch = (h - 64 - label_h - 40) / ns;

  /* Severity grows upwards, exploitability to the right, as in METHOD.md. */
  for (guint s = 1; s <= ns; s++)
    {
      double cy = y + (ns - s) * ch;

      draw_text (ctx, sev != NULL && s <= g_strv_length ((char **) sev) ? sev[s - 1] : "",
                 x, cy + ch / 2 - 14, label_w - 12, 22, FALSE, ctx->palette->muted, 2);
      for (guint e = 1; e <= ne; e++)
        {
          BwOutcome outcome = bw_risk_counts_get_cell_outcome (counts, e, s);
          guint n = bw_risk_counts_get (counts, e, s);
          double cx = x + label_w + (e - 1) * cw;
          g_autofree char *number = g_strdup_printf ("%u", n);

          set_color (ctx->cr, ctx->palette->outcome_fill[MIN (outcome, 3)]);
          cairo_rectangle (ctx->cr, cx + 2, cy + 2, cw - 4, ch - 4);
          cairo_fill (ctx->cr);
          if (n > 0)
            draw_text (ctx, number, cx + 10, cy + ch / 2 - 22, cw - 20, 36, TRUE,
                       ctx->palette->outcome_text[MIN (outcome, 3)], 1);
        }
    }
  for (guint e = 1; e <= ne; e++)
    draw_text (ctx, expl != NULL && e <= g_strv_length ((char **) expl) ? expl[e - 1] : "",
               x + label_w + (e - 1) * cw + 4, y + ns * ch + 8, cw - 8, 22, FALSE, ctx->palette->muted, 2);

  unrated = g_strdup_printf (ngettext ("%u threat not rated", "%u threats not rated",
                                       bw_risk_counts_get_unrated (counts)),
                             bw_risk_counts_get_unrated (counts));
  draw_text (ctx, unrated, x + label_w, y + ns * ch + label_h, w - label_w, 24, FALSE, ctx->palette->muted, 1);
}

static void
draw_legend (Ctx   *ctx,
             double x,
             double y)
{
  for (BwOutcome o = BW_OUTCOME_ACCEPTABLE; o <= BW_OUTCOME_UNCONTROLLED; o++)
    {
      set_color (ctx->cr, ctx->palette->outcome_fill[o]);
      cairo_rectangle (ctx->cr, x, y + 4, 28, 28);
      cairo_fill (ctx->cr);
      draw_text (ctx, bw_outcome_describe (o), x + 40, y, 400, 26, FALSE, ctx->palette->text, 1);
      x += 460;
    }
}

static void
draw_risk_slide (Ctx *ctx)
{
  double w = (GRID_W - 2 * MARGIN - 80) / 2.0;
  double h = GRID_H - BODY_Y - FOOT_H - 90;

  draw_title (ctx, ctx->slide->title, NULL);
  /* Translators: the risk matrix before the security objectives */
  draw_matrix (ctx, BW_RISK_BEFORE, _("Before"), MARGIN, BODY_Y, w, h);
  /* Translators: the risk matrix with the objectives in place (residual) */
  draw_matrix (ctx, BW_RISK_AFTER, _("After (Residual)"), MARGIN + w + 80, BODY_Y, w, h);
  draw_legend (ctx, MARGIN, GRID_H - FOOT_H - 70);
}

/* Open items */

static double
draw_list (Ctx        *ctx,
           const char *heading,
           GPtrArray  *lines,
           guint       total,
           double      x,
           double      y,
           double      w)
{
  y += draw_text (ctx, heading, x, y, w, 36, TRUE, ctx->palette->text, 2) + 16;
  if (lines->len == 0)
    return y + draw_text (ctx, _("None"), x, y, w, 28, FALSE, ctx->palette->muted, 1) + 24;

  for (guint i = 0; i < lines->len; i++)
    y += draw_text (ctx, g_ptr_array_index (lines, i), x, y, w, 26, FALSE, ctx->palette->text, 2) + 12;
  if (total > lines->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", total - lines->len),
                                               total - lines->len);
      y += draw_text (ctx, more, x, y, w, 26, FALSE, ctx->palette->muted, 1) + 10;
    }
  return y + 24;
}

#define LIST_MAX 12

static void
draw_open_items_slide (Ctx *ctx)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uncontrolled = bw_risk_assessment_dup_uncontrolled_residuals (ctx->project);
  g_autoptr(GPtrArray) uncontrolled_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) finding_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) findings = bw_checks_run (ctx->project);
  g_autoptr(GHashTable) per_kind = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *threats = bw_project_get_threats (ctx->project);
  double w = (GRID_W - 2 * MARGIN - 2 * 64) / 3.0;
  guint n_open = 0;
  g_autofree char *open_heading = NULL;
  g_autofree char *uncontrolled_heading = NULL;
  g_autofree char *findings_heading = NULL;

  draw_title (ctx, ctx->slide->title, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (!bw_slides_threat_is_open (threat))
        continue;
      if (n_open++ < LIST_MAX)
        g_ptr_array_add (open, g_strdup_printf ("%s  %s", bw_record_get_id (BW_RECORD (threat)),
                                                bw_threat_get_title (threat)));
    }

  for (guint i = 0; i < uncontrolled->len && i < LIST_MAX; i++)
    {
      BwThreat *threat = g_ptr_array_index (uncontrolled, i);

      g_ptr_array_add (uncontrolled_lines, g_strdup_printf ("%s  %s", bw_record_get_id (BW_RECORD (threat)),
                                                            bw_threat_get_title (threat)));
    }

  /* Findings by kind, in the order the checks define them. */
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);
      const char *kind = bw_finding_get_kind (finding);

      g_hash_table_insert (per_kind, (gpointer) g_intern_string (kind),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, kind)) + 1));
    }
  for (const char * const *kind = bw_checks_get_kinds (); *kind != NULL; kind++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, g_intern_string (*kind)));

      if (n > 0 && finding_lines->len < LIST_MAX)
        g_ptr_array_add (finding_lines, g_strdup_printf ("%u × %s", n, bw_checks_describe_kind (*kind)));
    }

  open_heading = g_strdup_printf (ngettext ("%u Open Threat", "%u Open Threats", n_open), n_open);
  uncontrolled_heading = g_strdup_printf (ngettext ("%u Uncontrolled Residual Risk",
                                                    "%u Uncontrolled Residual Risks", uncontrolled->len),
                                          uncontrolled->len);
  findings_heading = g_strdup_printf (ngettext ("%u Completeness Finding", "%u Completeness Findings",
                                                g_list_model_get_n_items (findings)),
                                      g_list_model_get_n_items (findings));

  draw_list (ctx, open_heading, open, n_open, MARGIN, BODY_Y, w);
  draw_list (ctx, uncontrolled_heading, uncontrolled_lines, uncontrolled->len, MARGIN + w + 64, BODY_Y, w);
  draw_list (ctx, findings_heading, finding_lines, finding_lines->len, MARGIN + 2 * (w + 64), BODY_Y, w);
}

void
bw_slide_draw (cairo_t            *cr,
               BwProject          *project,
               const BwSlide      *slide,
               double              width,
               double              height,
               const BwSlideStyle *style)
{
  static const BwSlideStyle default_style = { 0 };
  Ctx ctx;
  double scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BW_IS_PROJECT (project));
  g_return_if_fail (slide != NULL);

  ctx.cr = cr;
  ctx.project = project;
  ctx.slide = slide;
  ctx.style = style != NULL ? style : &default_style;
  ctx.palette = ctx.style->dark ? &dark : &light;

  cairo_save (cr);
  set_color (cr, ctx.palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* A 16:9 grid, letterboxed on other shapes. */
  scale = MIN (width / GRID_W, height / GRID_H);
  cairo_translate (cr, (width - GRID_W * scale) / 2.0, (height - GRID_H * scale) / 2.0);
  cairo_scale (cr, scale, scale);

  switch (slide->kind)
    {
    case BW_SLIDE_TITLE:
      draw_title_slide (&ctx);
      break;
    case BW_SLIDE_DIAGRAM:
      draw_diagram_slide (&ctx);
      break;
    case BW_SLIDE_THREATS:
      draw_threats_slide (&ctx);
      break;
    case BW_SLIDE_ATTACK_TREE:
      draw_attack_tree_slide (&ctx);
      break;
    case BW_SLIDE_RISK_MATRIX:
      draw_risk_slide (&ctx);
      break;
    case BW_SLIDE_OPEN_ITEMS:
      draw_open_items_slide (&ctx);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ctx.style->footer != NULL)
    {
      set_color (cr, ctx.palette->rule);
      cairo_rectangle (cr, MARGIN, GRID_H - FOOT_H, GRID_W - 2 * MARGIN, 2);
      cairo_fill (cr);
      draw_text (&ctx, ctx.style->footer, MARGIN, GRID_H - FOOT_H + 16, GRID_W - 2 * MARGIN, 24, FALSE,
                 ctx.palette->muted, 1);
    }

  cairo_restore (cr);
}
