/* bw-element.c — one element of a diagram: external entity, process, data store, data flow or trust boundary
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-element.h"

struct _BwElement
{
  BwRecord parent_instance;

  const char *kind;
  char *diagram;
  char *name;
  char *description;
  const char *shape;
  BwNumber bounds[4];
  char *source;
  char *target;
  gboolean bidirectional;
  GArray *points;
  JsonObject *properties;
  char **assets;
  gboolean out_of_scope;
  char *out_of_scope_reason;
  char *refines;
};

G_DEFINE_FINAL_TYPE (BwElement, bw_element, BW_TYPE_RECORD)

const char * const bw_element_kinds[] = { "external_entity", "process", "data_store", "data_flow", "trust_boundary", NULL };
static const char * const boundary_shapes[] = { "box", "line", NULL };

static const BwField fields[] = {
  { "kind", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwElement, kind), .values = bw_element_kinds, .required = TRUE },
  { "diagram", BW_FIELD_REF, G_STRUCT_OFFSET (BwElement, diagram), .refs = "D", .required = TRUE },
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwElement, name) },
  { "description", BW_FIELD_STRING, G_STRUCT_OFFSET (BwElement, description) },
  { "shape", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwElement, shape), .values = boundary_shapes, .kinds = BW_KINDS_BOUNDARY, .fallback = "box" },
  { "bounds", BW_FIELD_BOUNDS, G_STRUCT_OFFSET (BwElement, bounds), .kinds = BW_KINDS_NODES | BW_KINDS_BOUNDARY_BOX },
  { "source", BW_FIELD_REF, G_STRUCT_OFFSET (BwElement, source), .refs = "EE P DS", .kinds = BW_KINDS_DATA_FLOW, .required = TRUE },
  { "target", BW_FIELD_REF, G_STRUCT_OFFSET (BwElement, target), .refs = "EE P DS", .kinds = BW_KINDS_DATA_FLOW, .required = TRUE },
  { "bidirectional", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwElement, bidirectional), .kinds = BW_KINDS_DATA_FLOW },
  { "points", BW_FIELD_POINTS, G_STRUCT_OFFSET (BwElement, points), .kinds = BW_KINDS_DATA_FLOW | BW_KINDS_BOUNDARY_LINE },
  { "properties", BW_FIELD_PROPERTIES, G_STRUCT_OFFSET (BwElement, properties), .kinds = BW_KINDS_NODES | BW_KINDS_DATA_FLOW },
  { "assets", BW_FIELD_REFS, G_STRUCT_OFFSET (BwElement, assets), .refs = "A", .kinds = BW_KINDS_NODES | BW_KINDS_DATA_FLOW },
  { "out_of_scope", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwElement, out_of_scope), .kinds = BW_KINDS_NODES | BW_KINDS_DATA_FLOW },
  { "out_of_scope_reason", BW_FIELD_STRING, G_STRUCT_OFFSET (BwElement, out_of_scope_reason), .kinds = BW_KINDS_NODES | BW_KINDS_DATA_FLOW },
  { "refines", BW_FIELD_REF, G_STRUCT_OFFSET (BwElement, refines), .refs = "EE P DS DF", .kinds = BW_KINDS_NODES | BW_KINDS_DATA_FLOW },
};

BwElementKind
bw_element_get_kind_enum (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), BW_ELEMENT_EXTERNAL_ENTITY);

  /* kind always points into bw_element_kinds. */
  for (guint i = 0; bw_element_kinds[i] != NULL; i++)
    if (self->kind == bw_element_kinds[i])
      return (BwElementKind) i;
  g_return_val_if_reached (BW_ELEMENT_EXTERNAL_ENTITY);
}

static BwKinds
bw_element_get_kinds (BwRecord *record)
{
  BwElement *self = BW_ELEMENT (record);

  switch (bw_element_get_kind_enum (self))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return BW_KINDS_EXTERNAL_ENTITY;
    case BW_ELEMENT_PROCESS: return BW_KINDS_PROCESS;
    case BW_ELEMENT_DATA_STORE: return BW_KINDS_DATA_STORE;
    case BW_ELEMENT_DATA_FLOW: return BW_KINDS_DATA_FLOW;
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return g_strcmp0 (self->shape, "line") == 0 ? BW_KINDS_BOUNDARY_LINE : BW_KINDS_BOUNDARY_BOX;
    }
}

static void
bw_element_class_init (BwElementClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  /* Caches of the model's structure follow it (bw-structure-serial.c). */
  record_class->structure = BW_STRUCTURE_LAYOUT;

  record_class->get_kinds = bw_element_get_kinds;

  record_class->has_id = TRUE;
  record_class->prefix = "EE";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_element_init (BwElement *self)
{
}

const char *
bw_element_get_kind (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->kind;
}

const char *
bw_element_get_diagram (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->diagram;
}

const char *
bw_element_get_name (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->name;
}

const char *
bw_element_get_description (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->description;
}

const char *
bw_element_get_shape (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->shape;
}

const BwNumber *
bw_element_get_bounds (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->bounds;
}

const char *
bw_element_get_source (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->source;
}

const char *
bw_element_get_target (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->target;
}

gboolean
bw_element_get_bidirectional (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), 0);

  return self->bidirectional;
}

GArray *
bw_element_get_points (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->points;
}

JsonObject *
bw_element_get_properties (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->properties;
}

const char * const *
bw_element_get_assets (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return (const char * const *) self->assets;
}

gboolean
bw_element_get_out_of_scope (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), 0);

  return self->out_of_scope;
}

const char *
bw_element_get_out_of_scope_reason (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->out_of_scope_reason;
}

const char *
bw_element_get_refines (BwElement *self)
{
  g_return_val_if_fail (BW_IS_ELEMENT (self), NULL);

  return self->refines;
}

gboolean
bw_element_is_node (BwElement *self)
{
  return (bw_element_get_kinds (BW_RECORD (self)) & BW_KINDS_NODES) != 0;
}

gboolean
bw_element_is_line (BwElement *self)
{
  return (bw_element_get_kinds (BW_RECORD (self)) & BW_KINDS_BOUNDARY_LINE) != 0;
}

/* The prefix of the IDs of an element kind (FORMAT.md). */
const char *
bw_element_kind_prefix (BwElementKind kind)
{
  static const char * const prefixes[] = { "EE", "P", "DS", "DF", "TB" };

  g_return_val_if_fail (kind <= BW_ELEMENT_TRUST_BOUNDARY, "EE");

  return prefixes[kind];
}

const char *
bw_element_kind_describe (BwElementKind kind)
{
  switch (kind)
    {
    case BW_ELEMENT_EXTERNAL_ENTITY: return _("an external entity");
    case BW_ELEMENT_PROCESS: return _("a process");
    case BW_ELEMENT_DATA_STORE: return _("a data store");
    case BW_ELEMENT_DATA_FLOW: return _("a data flow");
    case BW_ELEMENT_TRUST_BOUNDARY:
    default: return _("a trust boundary");
    }
}
