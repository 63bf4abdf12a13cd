/* bw-application-import.c — models of other tools open as new, unsaved projects
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-command-stack.h"
#include "bw-import.h"
#include "bw-mapping-report-dialog.h"
#include "bw-window.h"

/* The refusal sits on the window the user acted in; launched with only
 * this file, there is none yet: the start page is where to carry on. */
static void
show_refusal (BwApplication *self,
              GtkWindow     *window,
              const char    *heading,
              const char    *message)
{
  GtkWidget *dialog;

  if (window == NULL)
    window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = bw_application_show_start_page (self);

  dialog = adw_message_dialog_new (window, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Like opening: a window that still shows an untouched new project takes
 * the import, any other keeps its own. */
static GtkWindow *
show_project (BwApplication *self,
              BwProject     *project,
              GtkWindow     *window)
{
  if (BW_IS_WINDOW (window) && bw_window_is_pristine (BW_WINDOW (window)))
    {
      bw_window_set_project (BW_WINDOW (window), project);
      gtk_window_present (window);
      return window;
    }

  return bw_application_new_window (self, project);
}

static gboolean
looks_like_model (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".otm") ||
         g_str_has_suffix (lower, ".tm7");
}

GtkWindow *
bw_application_import_file (BwApplication *self,
                            GFile         *file,
                            GtkWindow     *window)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  BwImportFormat format = BW_IMPORT_FORMAT_UNKNOWN;
  GtkWindow *shown;
  GtkWidget *dialog;

  g_return_val_if_fail (BW_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (!(project = bw_import_from_file (file, NULL, &format, &report, &error)))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), name);
      const char *message = error->message;

      /* "Not valid JSON" helps with a broken model, not with a picture
       * dropped by mistake: then say what Bulwark does open. */
      if (g_error_matches (error, BW_IMPORT_ERROR, BW_IMPORT_ERROR_SYNTAX) &&
          !looks_like_model (name))
        message = _("This file is neither a Bulwark project (.bulwark) nor a model Bulwark "
                    "imports: Threat Dragon v1 or v2, Open Threat Model (JSON) or "
                    "Microsoft Threat Modeling Tool (.tm7).");
      show_refusal (self, window, heading, message);
      return NULL;
    }

  /* A Bulwark project under another name: it opens as itself, saved where
   * it is. */
  if (format == BW_IMPORT_FORMAT_BULWARK)
    {
      g_autofree char *uri = g_file_get_uri (file);

      bw_project_set_file (project, file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      return show_project (self, project, window);
    }

  /* No file matches the imported model: closing asks to save it, and Save
   * asks where (suggesting the model's name with .bulwark). */
  bw_command_stack_mark_unsaved (bw_project_get_command_stack (project));
  shown = show_project (self, project, window);
  if (BW_IS_WINDOW (shown))
    bw_window_set_import_source (BW_WINDOW (shown), bw_import_format_describe (format));

  dialog = bw_mapping_report_dialog_new_for_import (shown, name, format, project, report);
  gtk_window_present (GTK_WINDOW (dialog));

  return shown;
}
