/* bw-compat.c — the one place that bridges GTK 4.8 and newer GTK
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-compat.h"

static GtkFileFilter *
project_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Bulwark Projects"));
  gtk_file_filter_add_pattern (filter, "*.bulwark");
  gtk_file_filter_add_mime_type (filter, "application/x-bulwark");

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  BwFileChooserMode mode = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (mode == BW_FILE_CHOOSER_OPEN)
    file = gtk_file_dialog_open_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_save_finish (dialog, result, &error);

  if (file == NULL)
    {
      /* GtkFileDialog reports a dismissed dialog as its own error; callers
       * only need to know that nothing was chosen. */
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
          g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

void
bw_compat_choose_file_filtered_async (GtkWindow           *parent,
                                      BwFileChooserMode    mode,
                                      const char          *title,
                                      const char          *accept_label,
                                      GFile               *initial_file,
                                      const char          *initial_name,
                                      GtkFileFilter       *filter,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GTask *task;

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, bw_compat_choose_file_filtered_async);
  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  if (mode == BW_FILE_CHOOSER_OPEN)
    {
      gtk_file_dialog_open (dialog, parent, cancellable, dialog_done_cb, task);
    }
  else
    {
      if (initial_file != NULL)
        gtk_file_dialog_set_initial_file (dialog, initial_file);
      else if (initial_name != NULL)
        gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, dialog_done_cb, task);
    }
}

#else /* GTK 4.8 */

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  /* Hidden now; the task still owns the dialog and drops it when done. */
  gtk_native_dialog_destroy (native);

  if (file == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen"));
  else
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

void
bw_compat_choose_file_filtered_async (GtkWindow           *parent,
                                      BwFileChooserMode    mode,
                                      const char          *title,
                                      const char          *accept_label,
                                      GFile               *initial_file,
                                      const char          *initial_name,
                                      GtkFileFilter       *filter,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task;

  native = gtk_file_chooser_native_new (title, parent,
                                        mode == BW_FILE_CHOOSER_OPEN
                                          ? GTK_FILE_CHOOSER_ACTION_OPEN
                                          : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);

  if (mode == BW_FILE_CHOOSER_SAVE)
    {
      if (initial_file != NULL)
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), initial_file, NULL);
      else if (initial_name != NULL)
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    }

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, bw_compat_choose_file_filtered_async);
  /* A native dialog is not owned by any widget: the task keeps it alive. */
  g_task_set_task_data (task, native, g_object_unref);

  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
bw_compat_choose_file_async (GtkWindow           *parent,
                             BwFileChooserMode    mode,
                             const char          *title,
                             const char          *accept_label,
                             GFile               *initial_file,
                             const char          *initial_name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = project_filter_new ();

  bw_compat_choose_file_filtered_async (parent, mode, title, accept_label,
                                        initial_file, initial_name, filter,
                                        cancellable, callback, user_data);
}

GFile *
bw_compat_choose_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bw_compat_open_file (GtkWindow *parent,
                     GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, parent, NULL, NULL, NULL);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
    G_GNUC_END_IGNORE_DEPRECATIONS
  }
#endif
}
