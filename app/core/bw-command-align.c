/* bw-command-align.c — align and distribute elements of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Built from moves, one per element that has somewhere to go, in one
 * group: undo puts back the exact numbers, and the moves carry flows'
 * bend points the way a drag would.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bw-command-align.h"
#include "bw-command-group.h"
#include "bw-command-move.h"
#include "bw-geometry.h"

typedef struct
{
  const char *id;
  BwRect      rect;
} Item;

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Item *ia = a, *ib = b;
  double ca = ia->rect.x + ia->rect.width / 2, cb = ib->rect.x + ib->rect.width / 2;

  return ca < cb ? -1 : ca > cb;
}

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  const Item *ia = a, *ib = b;
  double ca = ia->rect.y + ia->rect.height / 2, cb = ib->rect.y + ib->rect.height / 2;

  return ca < cb ? -1 : ca > cb;
}

const char *
bw_align_describe (BwAlign how)
{
  switch (how)
    {
    case BW_ALIGN_LEFT: return _("Align Left");
    case BW_ALIGN_CENTER: return _("Align Centre");
    case BW_ALIGN_RIGHT: return _("Align Right");
    case BW_ALIGN_TOP: return _("Align Top");
    case BW_ALIGN_MIDDLE: return _("Align Middle");
    case BW_ALIGN_BOTTOM: return _("Align Bottom");
    case BW_DISTRIBUTE_HORIZONTAL: return _("Distribute Horizontally");
    case BW_DISTRIBUTE_VERTICAL: return _("Distribute Vertically");
    default: g_return_val_if_reached ("");
    }
}

/* Where the x (or y) of an element goes to align it. */
static double
target_of (BwAlign      how,
           const Item  *item,
           const BwRect *box)
{
  switch (how)
    {
    case BW_ALIGN_LEFT: return box->x;
    case BW_ALIGN_CENTER: return box->x + box->width / 2 - item->rect.width / 2;
    case BW_ALIGN_RIGHT: return box->x + box->width - item->rect.width;
    case BW_ALIGN_TOP: return box->y;
    case BW_ALIGN_MIDDLE: return box->y + box->height / 2 - item->rect.height / 2;
    case BW_ALIGN_BOTTOM: return box->y + box->height - item->rect.height;
    default: g_return_val_if_reached (0);
    }
}

static void
add_move (BwCommandGroup *group,
          BwProject      *project,
          const char     *id,
          double          dx,
          double          dy)
{
  const char *ids[] = { id, NULL };
  g_autoptr(BwCommand) move = NULL;

  /* Below a hundredth of a unit the file would not change. */
  if (fabs (dx) < 0.005 && fabs (dy) < 0.005)
    return;
  move = bw_command_move_new (project, ids, dx, dy);
  bw_command_group_append (group, move);
}

/**
 * bw_command_align_new:
 * @project: the project
 * @ids: the selection
 * @how: what to do
 *
 * Returns: (transfer full) (nullable): the step, not yet applied, or NULL
 *   when nothing would move
 */
BwCommand *
bw_command_align_new (BwProject          *project,
                      const char * const *ids,
                      BwAlign             how)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(BwCommandGroup) group = NULL;
  gboolean horizontal = how == BW_DISTRIBUTE_HORIZONTAL || how <= BW_ALIGN_RIGHT;
  BwRect box = { 0, 0, 0, 0 };

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (how <= BW_DISTRIBUTE_VERTICAL, NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (project, ids[i]);
      Item item = { ids[i] };

      if (!BW_IS_ELEMENT (record) || !bw_element_get_rect (BW_ELEMENT (record), &item.rect))
        continue;
      if (items->len == 0)
        box = item.rect;
      else
        {
          double x2 = MAX (box.x + box.width, item.rect.x + item.rect.width);
          double y2 = MAX (box.y + box.height, item.rect.y + item.rect.height);

          box.x = MIN (box.x, item.rect.x);
          box.y = MIN (box.y, item.rect.y);
          box.width = x2 - box.x;
          box.height = y2 - box.y;
        }
      g_array_append_val (items, item);
    }

  group = bw_command_group_new (bw_align_describe (how));
  if (how == BW_DISTRIBUTE_HORIZONTAL || how == BW_DISTRIBUTE_VERTICAL)
    {
      double span, sum = 0, gap, at;

      if (items->len < 3)
        return NULL;
      g_array_sort (items, horizontal ? compare_x : compare_y);
      for (guint i = 0; i < items->len; i++)
        sum += horizontal ? g_array_index (items, Item, i).rect.width : g_array_index (items, Item, i).rect.height;
      span = horizontal ? box.width : box.height;
      /* Overlapping elements get negative gaps: still evenly spaced. */
      gap = (span - sum) / (items->len - 1);
      at = horizontal ? box.x : box.y;
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          double now = horizontal ? item->rect.x : item->rect.y;

          /* The first and the last stay; rounding keeps the file tidy. */
          if (i > 0 && i < items->len - 1)
            {
              double to = round (at);

              add_move (group, project, item->id, horizontal ? to - now : 0, horizontal ? 0 : to - now);
            }
          at += (horizontal ? item->rect.width : item->rect.height) + gap;
        }
    }
  else
    {
      if (items->len < 2)
        return NULL;
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          double to = target_of (how, item, &box);

          if (how == BW_ALIGN_CENTER || how == BW_ALIGN_MIDDLE)
            to = round (to);
          if (horizontal)
            add_move (group, project, item->id, to - item->rect.x, 0);
          else
            add_move (group, project, item->id, 0, to - item->rect.y);
        }
    }
  if (bw_command_group_get_size (group) == 0)
    return NULL;
  return BW_COMMAND (g_steal_pointer (&group));
}
