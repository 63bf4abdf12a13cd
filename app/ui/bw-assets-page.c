/* bw-assets-page.c — step 1: the assets worth protecting, with the taxonomy prompt
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-assets-page.h"

struct _BwAssetsPage
{
  GtkWidget  parent_instance;

  BwProject *project;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwAssetsPage, bw_assets_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

static void
bw_assets_page_set_project (BwPage    *page,
                        BwProject *project)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (page);

  g_set_object (&self->project, project);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_assets_page_set_project;
}

static void
bw_assets_page_dispose (GObject *object)
{
  BwAssetsPage *self = BW_ASSETS_PAGE (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_assets_page_parent_class)->dispose (object);
}

static void
bw_assets_page_class_init (BwAssetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_assets_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bw_assets_page_init (BwAssetsPage *self)
{
}

GtkWidget *
bw_assets_page_new (void)
{
  return g_object_new (BW_TYPE_ASSETS_PAGE, NULL);
}
