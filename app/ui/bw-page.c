/* bw-page.c — what the window asks of each page of the method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-page.h"

G_DEFINE_INTERFACE (BwPage, bw_page, GTK_TYPE_WIDGET)

static void
bw_page_default_init (BwPageInterface *iface)
{
}

void
bw_page_set_project (BwPage    *self,
                     BwProject *project)
{
  g_return_if_fail (BW_IS_PAGE (self));
  g_return_if_fail (BW_IS_PROJECT (project));

  BW_PAGE_GET_IFACE (self)->set_project (self, project);
}

gboolean
bw_page_select_record (BwPage     *self,
                       const char *id)
{
  BwPageInterface *iface;

  g_return_val_if_fail (BW_IS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  iface = BW_PAGE_GET_IFACE (self);
  if (iface->select_record == NULL)
    return FALSE;

  return iface->select_record (self, id);
}

void
bw_page_set_filter (BwPage     *self,
                    const char *filter)
{
  BwPageInterface *iface;

  g_return_if_fail (BW_IS_PAGE (self));

  iface = BW_PAGE_GET_IFACE (self);
  if (iface->set_filter != NULL)
    iface->set_filter (self, filter != NULL ? filter : "");
}
