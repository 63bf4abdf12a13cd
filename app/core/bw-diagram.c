/* bw-diagram.c — a context or data-flow diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-diagram.h"

struct _BwDiagram
{
  BwRecord parent_instance;

  char *name;
  const char *kind;
  char *refines;
};

G_DEFINE_FINAL_TYPE (BwDiagram, bw_diagram, BW_TYPE_RECORD)

static const char * const diagram_kinds[] = { "context", "dataflow", NULL };

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwDiagram, name) },
  { "kind", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwDiagram, kind), .values = diagram_kinds, .fallback = "dataflow" },
  { "refines", BW_FIELD_REF, G_STRUCT_OFFSET (BwDiagram, refines), .refs = "P" },
};

static void
bw_diagram_class_init (BwDiagramClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  /* Caches of the model's structure follow it (bw-structure-serial.c). */
  record_class->structure = BW_STRUCTURE_LAYOUT;

  record_class->has_id = TRUE;
  record_class->prefix = "D";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_diagram_init (BwDiagram *self)
{
}

const char *
bw_diagram_get_name (BwDiagram *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM (self), NULL);

  return self->name;
}

const char *
bw_diagram_get_kind (BwDiagram *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM (self), NULL);

  return self->kind;
}

const char *
bw_diagram_get_refines (BwDiagram *self)
{
  g_return_val_if_fail (BW_IS_DIAGRAM (self), NULL);

  return self->refines;
}
