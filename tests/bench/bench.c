/* bench.c — load/save speed and memory of a 10 000-node project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Usage: bench            run the benchmark, print "bench: NAME VALUE UNIT"
 *                         lines and "bench: targets met" (exit 0) or
 *                         "bench: targets failed: ..." (exit 1)
 *        bench --load-only FILE
 *                         load FILE and exit (the child process whose peak
 *                         RSS is measured)
 *
 * Targets: load + validate within 3x Python's json.load of the same file,
 * save under 2000 ms, peak RSS of a process that loads the file under 600 MB.
 * The generated file has one element or threat per line (lines of about
 * 1 KB); load_canonical_* lines time the saved canonical text (short lines)
 * for information only.
 *
 * The benchmark spawns python3 for the comparison; the app itself never
 * spawns anything.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bw-project-io.h"
#include "bw-synthetic.h"

#define N_NODES 10000
#define RUNS 3

#define TARGET_LOAD_VS_PYTHON 3.0
#define TARGET_SAVE_MS        2000.0
#define TARGET_PEAK_RSS_MB    600.0

static const char python_script[] =
  "import json,sys,time; F=sys.argv[1]; t=time.perf_counter(); "
  "json.load(open(F)); print((time.perf_counter()-t)*1000)";

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
load_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BwProject) project = bw_project_load_from_file (file, NULL, &error);

  if (project == NULL)
    {
      g_printerr ("bench: cannot load %s: %s\n", path, error->message);
      return 1;
    }
  return 0;
}

/* Peak RSS (MB) of a fresh process running `bench MODE [path]`: fork, exec
 * this program again (so nothing of this process's heap is counted), wait4.
 * Returns a negative value on failure. */
static double
child_peak_rss_mb (const char *self_exe,
                   const char *mode,
                   const char *path)
{
  struct rusage usage;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid < 0)
    {
      g_printerr ("bench: fork: %s\n", g_strerror (errno));
      return -1;
    }
  if (pid == 0)
    {
      execl (self_exe, self_exe, mode, path, (char *) NULL);
      /* exec failed: measure in the forked child itself (counts the
       * parent's pages still mapped, so this over-estimates). */
      if (g_str_equal (mode, "--load-only"))
        _exit (load_only (path));
      _exit (0);
    }
  memset (&usage, 0, sizeof usage);
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      g_printerr ("bench: wait4: %s\n", g_strerror (errno));
      return -1;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench: the %s child failed (status %d)\n", mode, status);
      return -1;
    }
  /* Linux: ru_maxrss is in kilobytes. */
  return usage.ru_maxrss / 1024.0;
}

static double
python_json_load_ms (const char *path,
                     GError    **error)
{
  const char *argv[] = { "python3", "-c", python_script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  char *end = NULL;
  double ms;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &wait_status, error))
    return -1;
  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_prefix_error (error, "python3: %s: ", err ? err : "");
      return -1;
    }
  ms = g_ascii_strtod (out, &end);
  if (end == out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "python3 printed “%s”", out);
      return -1;
    }
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *self_exe = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  BwProject *project = NULL;
  double t, load_ms = G_MAXDOUBLE, python_ms = G_MAXDOUBLE, save_ms = G_MAXDOUBLE;
  double canonical_ms = G_MAXDOUBLE, python_canonical_ms = G_MAXDOUBLE;
  double rss_mb, baseline_mb;
  GStatBuf st;

  if (argc == 3 && g_str_equal (argv[1], "--load-only"))
    return load_only (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--noop"))
    return 0;
  if (argc != 1)
    {
      g_printerr ("usage: %s\n", argv[0]);
      return 2;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  dir = g_dir_make_tmp ("bulwark-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("bench: %s", error->message);
  path = g_build_filename (dir, "synthetic-10k.bulwark", NULL);
  saved_path = g_build_filename (dir, "saved-10k.bulwark", NULL);
  file = g_file_new_for_path (path);
  saved = g_file_new_for_path (saved_path);

  /* Generate. */
  t = now_ms ();
  if (!bw_synthetic_write_file (N_NODES, path, &error))
    g_error ("bench: %s", error->message);
  g_print ("bench: generate_10k_ms %.1f ms\n", now_ms () - t);
  if (g_stat (path, &st) == 0)
    g_print ("bench: file_10k_mb %.1f MB\n", st.st_size / (1024.0 * 1024.0));

  /* Peak RSS of a fresh process that loads the file.  Measured first, while
   * this process is small: the kernel counts the forked copy of this
   * process in the child's ru_maxrss until the exec. */
  baseline_mb = child_peak_rss_mb (self_exe, "--noop", path);
  rss_mb = child_peak_rss_mb (self_exe, "--load-only", path);
  if (baseline_mb >= 0)
    g_print ("bench: peak_rss_baseline_mb %.1f MB\n", baseline_mb);
  if (rss_mb >= 0)
    {
      g_print ("bench: peak_rss_10k_mb %.1f MB\n", rss_mb);
      if (rss_mb >= TARGET_PEAK_RSS_MB)
        g_string_append_printf (failed, " peak-rss (%.1f MB, target < 600 MB)", rss_mb);
    }
  else
    g_string_append (failed, " peak-rss (not measured)");

  /* Load + validate, best of RUNS. */
  for (int run = 0; run < RUNS; run++)
    {
      g_clear_object (&project);
      t = now_ms ();
      project = bw_project_load_from_file (file, NULL, &error);
      t = now_ms () - t;
      if (project == NULL)
        {
          g_print ("bench: the synthetic project does not load: %s\n", error->message);
          return 1;
        }
      load_ms = MIN (load_ms, t);
    }
  g_print ("bench: load_10k_ms %.1f ms\n", load_ms);
  g_print ("bench: elements_10k %u count\n",
           g_list_model_get_n_items (bw_project_get_elements (project)));
  g_print ("bench: threats_10k %u count\n",
           g_list_model_get_n_items (bw_project_get_threats (project)));

  /* Python's json.load of the same file, best of RUNS. */
  for (int run = 0; run < RUNS && python_ms >= 0; run++)
    {
      double ms = python_json_load_ms (path, &error);

      if (ms < 0)
        {
          g_print ("bench: python_json_load_10k_ms unavailable (%s)\n", error->message);
          g_clear_error (&error);
          python_ms = -1;
        }
      else
        python_ms = MIN (python_ms, ms);
    }
  if (python_ms >= 0)
    {
      g_print ("bench: python_json_load_10k_ms %.1f ms\n", python_ms);
      g_print ("bench: load_vs_python_ratio %.2f x\n", load_ms / python_ms);
      if (load_ms > TARGET_LOAD_VS_PYTHON * python_ms)
        g_string_append_printf (failed, " load (%.2fx python json.load, target 3x)",
                                load_ms / python_ms);
    }
  else
    g_string_append (failed, " load-vs-python (python3 not available)");

  /* Save, best of RUNS. */
  for (int run = 0; run < RUNS; run++)
    {
      t = now_ms ();
      if (!bw_project_save_to_file (project, saved, BW_SAVE_FLAGS_NONE, NULL, &error))
        {
          g_print ("bench: save failed: %s\n", error->message);
          return 1;
        }
      save_ms = MIN (save_ms, now_ms () - t);
    }
  g_print ("bench: save_10k_ms %.1f ms\n", save_ms);
  if (g_stat (saved_path, &st) == 0)
    g_print ("bench: saved_10k_mb %.1f MB\n", st.st_size / (1024.0 * 1024.0));
  if (save_ms >= TARGET_SAVE_MS)
    g_string_append_printf (failed, " save (%.1f ms, target < 2000 ms)", save_ms);

  /* For information (no target): the same project in its canonical text,
   * whose lines are short, against python on that file. */
  g_clear_object (&project);
  for (int run = 0; run < RUNS; run++)
    {
      BwProject *reloaded;

      t = now_ms ();
      reloaded = bw_project_load_from_file (saved, NULL, &error);
      t = now_ms () - t;
      if (reloaded == NULL)
        {
          g_print ("bench: the saved project does not load: %s\n", error->message);
          return 1;
        }
      g_object_unref (reloaded);
      canonical_ms = MIN (canonical_ms, t);
    }
  g_print ("bench: load_canonical_10k_ms %.1f ms\n", canonical_ms);
  for (int run = 0; run < RUNS && python_canonical_ms >= 0; run++)
    {
      double ms = python_json_load_ms (saved_path, &error);

      if (ms < 0)
        {
          g_clear_error (&error);
          python_canonical_ms = -1;
        }
      else
        python_canonical_ms = MIN (python_canonical_ms, ms);
    }
  if (python_canonical_ms >= 0)
    {
      g_print ("bench: python_json_load_canonical_10k_ms %.1f ms\n", python_canonical_ms);
      g_print ("bench: load_canonical_vs_python_ratio %.2f x\n", canonical_ms / python_canonical_ms);
    }

  g_unlink (path);
  g_unlink (saved_path);
  g_rmdir (dir);

  if (failed->len == 0)
    {
      g_print ("bench: targets met\n");
      return 0;
    }
  g_print ("bench: targets failed:%s\n", failed->str);
  return 1;
}
