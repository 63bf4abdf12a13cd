/* bench-editor.c — the diagram editor's speed on a 2,000-element diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * synthetic(650) on one diagram (650 nodes, 1,300 flows, 32 boundaries),
 * painted with the core painter into a 1280×800 image surface the way the
 * canvas paints it: a scene laid out once and kept between frames.
 *
 *   paint_2k_ms      one frame at 100 %, median
 *   paint_2k_fit_ms  one frame with the whole diagram fitted, median
 *   hit_test_2k_us   one hit test through the spatial index, mean
 *   drag_step_2k_ms  one step of a drag: a move command (merged into the
 *                    drag), the layout brought up to date as the canvas
 *                    does during a drag (bw_painter_scene_new_quick) and
 *                    the repaint, median
 *
 * Targets: paint under 8 ms, hit test under 50 µs, drag step under 16 ms.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "bw-command-move.h"
#include "bw-command-stack.h"
#include "bw-painter.h"
#include "bw-painter-scene.h"
#include "bw-project-io.h"
#include "bw-spatial-index.h"
#include "bw-synthetic.h"

#define N_NODES  650
#define WIDTH    1280
#define HEIGHT   800
#define FRAMES   41
#define HITS     20000

#define TARGET_PAINT_MS 8.0
#define TARGET_HIT_US   50.0
#define TARGET_DRAG_MS  16.0

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This process's CPU time: on a machine busy with other work the wall
 * clock says more about the neighbours than about the painter. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[n / 2];
}

/* One frame as the view draws it: clear, place, paint the scene. */
static void
paint_frame (cairo_t        *cr,
             BwPainterScene *scene,
             double          zoom,
             double          origin_x,
             double          origin_y)
{
  const char *selection[] = { "P-1", NULL };
  BwPaintOptions options = { .dark = FALSE, .selection = selection, .background = TRUE };

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -origin_x, -origin_y);
  bw_painter_draw_scene (cr, scene, &options);
  cairo_restore (cr);
  cairo_surface_flush (cairo_get_target (cr));
}

static double
time_paint (cairo_t        *cr,
            BwPainterScene *scene,
            double          zoom,
            double          origin_x,
            double          origin_y,
            double         *cpu)
{
  double times[FRAMES], cpu_times[FRAMES];

  paint_frame (cr, scene, zoom, origin_x, origin_y);
  for (guint i = 0; i < FRAMES; i++)
    {
      double start = now_ms ();
      double cpu_start = cpu_ms ();

      paint_frame (cr, scene, zoom, origin_x, origin_y);
      times[i] = now_ms () - start;
      cpu_times[i] = cpu_ms () - cpu_start;
    }
  *cpu = median (cpu_times, FRAMES);
  return median (times, FRAMES);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) text = bw_synthetic_new_one_diagram (N_NODES);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwPainterScene) scene = NULL;
  g_autoptr(BwSpatialIndex) index = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  BwRect extents;
  BwCommandStack *stack;
  double paint_ms, fit_ms, hit_us, drag_ms, zoom, start, cpu_start;
  double paint_cpu, fit_cpu, drag_cpu;
  double drag_times[FRAMES], drag_cpu_times[FRAMES];
  guint hits = 0;

  project = bw_project_load_from_data (text->str, text->len, &error);
  if (project == NULL)
    {
      g_printerr ("bench-editor: cannot load synthetic(%u): %s\n", N_NODES, error->message);
      return 1;
    }
  elements = bw_project_dup_diagram_elements (project, "D-1");
  g_print ("bench: editor_diagram_elements %u count\n", elements->len);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  scene = bw_painter_scene_new (project, "D-1");
  bw_painter_get_diagram_extents (project, "D-1", &extents);

  /* 100 %: the top-left part of the diagram, as a view opened there shows. */
  paint_ms = time_paint (cr, scene, 1.0, extents.x, extents.y, &paint_cpu);
  /* Fit: the whole diagram in the frame. */
  zoom = MIN (WIDTH / extents.width, HEIGHT / extents.height);
  fit_ms = time_paint (cr, scene, zoom, extents.x, extents.y, &fit_cpu);

  /* Hit tests spread over the whole diagram, nodes and gaps alike. */
  index = bw_spatial_index_new (project, "D-1");
  bw_spatial_index_element_at (index, 0, 0, 6);
  start = now_ms ();
  for (guint i = 0; i < HITS; i++)
    {
      double x = extents.x + fmod (i * 37.7, extents.width);
      double y = extents.y + fmod (i * 53.3, extents.height);

      if (bw_spatial_index_element_at (index, x, y, 6.0) != NULL)
        hits++;
    }
  hit_us = (now_ms () - start) * 1000.0 / HITS;
  g_print ("bench: hit_test_2k_hits %u count\n", hits);

  /* A drag of one node: each step moves it a little further (merged into
   * one undo step) and repaints with a fresh layout. */
  stack = bw_project_get_command_stack (project);
  for (guint i = 0; i < FRAMES; i++)
    {
      const char *ids[] = { "P-1", NULL };
      g_autoptr(BwCommand) move = bw_command_move_new (project, ids, 2, 1);

      start = now_ms ();
      cpu_start = cpu_ms ();
      if (!bw_command_stack_execute (stack, move, &error))
        {
          g_printerr ("bench-editor: move failed: %s\n", error->message);
          return 1;
        }
      {
        /* As the canvas does during a drag. */
        BwPainterScene *fresh = bw_painter_scene_new_quick (project, "D-1", scene);

        bw_painter_scene_free (scene);
        scene = fresh;
      }
      paint_frame (cr, scene, 1.0, extents.x, extents.y);
      drag_times[i] = now_ms () - start;
      drag_cpu_times[i] = cpu_ms () - cpu_start;
    }
  bw_command_stack_seal (stack);
  drag_ms = median (drag_times, FRAMES);
  drag_cpu = median (drag_cpu_times, FRAMES);

  g_print ("bench: paint_2k_ms %.2f ms\n", paint_ms);
  g_print ("bench: paint_2k_fit_ms %.2f ms\n", fit_ms);
  g_print ("bench: hit_test_2k_us %.2f us\n", hit_us);
  g_print ("bench: drag_step_2k_ms %.2f ms\n", drag_ms);
  g_print ("bench: drag_undo_steps %u count\n", bw_command_stack_get_depth (stack));
  g_print ("bench: paint_2k_cpu_ms %.2f ms\n", paint_cpu);
  g_print ("bench: paint_2k_fit_cpu_ms %.2f ms\n", fit_cpu);
  g_print ("bench: drag_step_2k_cpu_ms %.2f ms\n", drag_cpu);

  if (paint_ms >= TARGET_PAINT_MS)
    g_string_append (failed, " paint_2k_ms");
  if (fit_ms >= TARGET_PAINT_MS)
    g_string_append (failed, " paint_2k_fit_ms");
  if (hit_us >= TARGET_HIT_US)
    g_string_append (failed, " hit_test_2k_us");
  if (drag_ms >= TARGET_DRAG_MS)
    g_string_append (failed, " drag_step_2k_ms");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (failed->len > 0)
    {
      g_print ("bench: editor targets failed:%s\n", failed->str);
      return 1;
    }
  g_print ("bench: editor targets met\n");
  return 0;
}
