/* bw-diagram-view-private.h — BwDiagramView's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * bw-diagram-view.c is the widget (properties, selection, painting);
 * -viewport.c zooms, scrolls and pans; -edit.c turns the primary drag into
 * commands and holds what every edit shares; -tools.c creates elements;
 * -keys.c is the keyboard; -rename.c the inline rename; -overlay.c draws
 * the grid, drag previews and focus ring; -focus.c walks the focus and
 * tells assistive technology; -clipboard.c copies and pastes.
 */
#pragma once

#include "bw-command-stack.h"
#include "bw-diagram-view.h"
#include "bw-painter.h"
#include "bw-painter-scene.h"
#include "bw-spatial-index.h"

G_BEGIN_DECLS

/* What a primary-button drag is doing. */
typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,        /* the selection, by commands merged into one step */
  DRAG_RUBBER,      /* a selection rectangle */
  DRAG_RESIZE,      /* a node or box by one corner */
  DRAG_BEND,        /* a flow's or line's point */
  DRAG_RECONNECT,   /* a flow's end to another node */
  DRAG_CONNECT,     /* a new flow from a node */
  DRAG_PLACE,       /* a new node where the button goes up */
  DRAG_BOX,         /* a new box boundary */
  DRAG_LINE,        /* a new line boundary */
} DragMode;

typedef struct
{
  double zoom;
  double center_x;
  double center_y;
} ViewState;

struct _BwDiagramView
{
  GtkWidget       parent_instance;

  BwProject      *project;
  char           *diagram_id;
  GPtrArray      *selection;       /* IDs, NULL-terminated */
  GHashTable     *states;          /* diagram ID → ViewState */

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  guint           needs_fit : 1;   /* fit once the widget has a size */
  guint           scene_stale : 1; /* the document changed since the scene was laid out */
  guint           snap : 1;        /* snap to the grid */
  guint           show_grid : 1;   /* draw the grid's dots */
  double          grid_size;       /* the grid step, diagram units */
  guint           space_down : 1;  /* space held: a primary drag pans */

  BwRect          extents;         /* the drawing plus MARGIN */
  double          zoom;
  BwPainterScene *scene;           /* kept between frames */
  BwSpatialIndex *index;

  double          pointer_x;
  double          pointer_y;
  double          gesture_zoom;    /* zoom when a pinch began */
  double          drag_h;          /* scroll when a pan began */
  double          drag_v;

  BwDiagramTool   tool;

  /* The primary drag, in diagram units */
  DragMode        drag;
  double          start_x;
  double          start_y;
  double          current_x;
  double          current_y;
  double          moved_x;         /* how far the selection has been moved */
  double          moved_y;
  char           *drag_id;         /* the element the drag is about */
  int             drag_handle;     /* corner (0–3), point index, or flow end */
  BwRect          drag_rect;       /* the rectangle before a resize */
  GStrv           drag_before;     /* the selection before the drag */
  guint           drag_extend : 1; /* Shift was down */
  GdkModifierType modifiers;       /* held now, as the key controller saw them */

  /* Inline rename */
  GtkWidget      *rename_popover;
  GtkWidget      *rename_entry;
  char           *rename_id;

  int             focus_index;     /* Tab order position, -1: none */
  guint           paste_count;     /* pastes since the last copy */
  guint           draw_count;
  char           *accessible_label;
};

/* The smallest box, node or line an edit makes, in diagram units. */
#define MIN_SIZE 20.0

/* bw-diagram-view.c */
BwPainterScene *_bw_diagram_view_ensure_scene   (BwDiagramView *self);
BwSpatialIndex *_bw_diagram_view_get_index      (BwDiagramView *self);
void        _bw_diagram_view_notify_zoom        (BwDiagramView *self);

/* bw-diagram-view-viewport.c: coordinates, zoom, scroll, pan */
void        _bw_diagram_view_init_viewport      (BwDiagramView *self);
void        _bw_diagram_view_dispose_viewport   (BwDiagramView *self);
void        _bw_diagram_view_allocate_viewport  (BwDiagramView *self,
                                                 int            width,
                                                 int            height);
void        _bw_diagram_view_set_adjustment     (BwDiagramView  *self,
                                                 GtkAdjustment **slot,
                                                 GtkAdjustment  *adjustment);
double      _bw_diagram_view_origin_x           (BwDiagramView *self);
double      _bw_diagram_view_origin_y           (BwDiagramView *self);
void        _bw_diagram_view_widget_to_diagram  (BwDiagramView *self,
                                                 double         wx,
                                                 double         wy,
                                                 double        *dx,
                                                 double        *dy);
void        _bw_diagram_view_diagram_to_widget  (BwDiagramView *self,
                                                 double         dx,
                                                 double         dy,
                                                 double        *wx,
                                                 double        *wy);
void        _bw_diagram_view_update_extents     (BwDiagramView *self);
void        _bw_diagram_view_save_state         (BwDiagramView *self);
void        _bw_diagram_view_restore_state      (BwDiagramView *self);
void        _bw_diagram_view_document_changed   (BwDiagramView *self);
void        _bw_diagram_view_pan_begin          (BwDiagramView *self);
void        _bw_diagram_view_pan_update         (BwDiagramView *self,
                                                 double         offset_x,
                                                 double         offset_y);

/* bw-diagram-view-edit.c: the primary drag, and what every edit shares */
void        _bw_diagram_view_init_edit          (BwDiagramView *self);
void        _bw_diagram_view_dispose_edit       (BwDiagramView *self);
void        _bw_diagram_view_set_str            (char         **slot,
                                                 const char    *value);
BwElement  *_bw_diagram_view_lookup_element     (BwDiagramView *self,
                                                 const char    *id);
double      _bw_diagram_view_snap               (BwDiagramView *self,
                                                 double         value);
BwCommandStack *_bw_diagram_view_get_stack      (BwDiagramView *self);
gboolean    _bw_diagram_view_execute            (BwDiagramView      *self,
                                                 BwCommand          *command,
                                                 const char * const *before,
                                                 const char * const *after);
GStrv       _bw_diagram_view_dup_selection      (BwDiagramView *self);
BwElement  *_bw_diagram_view_node_at            (BwDiagramView *self,
                                                 double         dx,
                                                 double         dy);
GVariant   *_bw_diagram_view_points_variant     (GArray        *points);

/* bw-diagram-view-tools.c: creating elements when the drag ends */
void        _bw_diagram_view_finish_connect     (BwDiagramView *self);
void        _bw_diagram_view_finish_create      (BwDiagramView *self,
                                                 DragMode       mode);

/* bw-diagram-view-keys.c */
void        _bw_diagram_view_init_keys          (BwDiagramView *self);

/* bw-diagram-view-rename.c */
void        _bw_diagram_view_init_rename        (BwDiagramView *self);
void        _bw_diagram_view_dispose_rename     (BwDiagramView *self);

/* bw-diagram-view-overlay.c */
void        _bw_diagram_view_draw_grid          (BwDiagramView *self,
                                                 cairo_t       *cr);
void        _bw_diagram_view_draw_overlay       (BwDiagramView *self,
                                                 cairo_t       *cr);

/* bw-diagram-view-focus.c */
gboolean    _bw_diagram_view_focus_step         (BwDiagramView *self,
                                                 int            direction);
void        _bw_diagram_view_update_accessible  (BwDiagramView *self);

G_END_DECLS
