/* bw-record.h — base class of every object of the project file
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bw-number.h"
#include "bw-structure-serial.h"

G_BEGIN_DECLS

typedef enum
{
  BW_FIELD_STRING,       /* char *, never NULL, default "" (shared: bw_field_string_free()) */
  BW_FIELD_NSTRING,      /* char *, NULL for JSON null */
  BW_FIELD_ENUM,         /* const char * into field->values, never NULL */
  BW_FIELD_NENUM,        /* the same, or NULL */
  BW_FIELD_BOOL,         /* gboolean */
  BW_FIELD_NBOOL,        /* int: -1 null, 0 false, 1 true */
  BW_FIELD_INT,          /* gint64 */
  BW_FIELD_LEVEL,        /* int: 0 null, else a 1-based level */
  BW_FIELD_NUMBER,       /* BwNumber, may be null */
  BW_FIELD_REF,          /* char *: an ID, or NULL */
  BW_FIELD_REFS,         /* GStrv of IDs, never NULL, default empty (shared: bw_field_strv_free()) */
  BW_FIELD_STRINGS,      /* GStrv, never NULL, default empty (shared: bw_field_strv_free()) */
  BW_FIELD_ENUMS,        /* GStrv of field->values, never NULL, default empty (shared: bw_field_strv_free()) */
  BW_FIELD_BOUNDS,       /* BwNumber[4]: x, y, width, height */
  BW_FIELD_POINTS,       /* GArray of BwPoint, never NULL */
  BW_FIELD_INTERACTION,  /* GStrv of three IDs, or NULL */
  BW_FIELD_PROPERTIES,   /* JsonObject * of scalars, never NULL */
  BW_FIELD_RECORD,       /* BwRecord *, never NULL */
  BW_FIELD_NRECORD,      /* BwRecord *, or NULL */
  BW_FIELD_RECORDS,      /* GListStore * of BwRecord, read through bw_record_get_records() */
  BW_FIELD_MATRIX,       /* GPtrArray of GStrv rows of field->values */
} BwFieldType;

/* Which element kinds a member belongs to (FORMAT.md, elements). */
typedef enum
{
  BW_KINDS_EXTERNAL_ENTITY = 1 << 0,
  BW_KINDS_PROCESS         = 1 << 1,
  BW_KINDS_DATA_STORE      = 1 << 2,
  BW_KINDS_DATA_FLOW       = 1 << 3,
  BW_KINDS_BOUNDARY_BOX    = 1 << 4,
  BW_KINDS_BOUNDARY_LINE   = 1 << 5,
  BW_KINDS_NODES           = 0x7,
  BW_KINDS_BOUNDARY        = 0x30,
  BW_KINDS_ALL             = 0x3f,
} BwKinds;

typedef struct
{
  const char          *name;     /* JSON member; the property is the same with '-' */
  BwFieldType          type;
  gsize                offset;
  const char * const  *values;   /* enums: the allowed values */
  const char          *refs;     /* refs: allowed ID prefixes, space separated */
  GType              (*record_type) (void);
  BwKinds              kinds;    /* 0: every object of the class */
  const char          *fallback; /* enums: the value of an absent member */
  gboolean             required; /* absent is an error, not a default */
} BwField;

typedef struct
{
  BwNumber x;
  BwNumber y;
} BwPoint;

#define BW_TYPE_RECORD (bw_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (BwRecord, bw_record, BW, RECORD, GObject)

struct _BwRecordClass
{
  GObjectClass    parent_class;

  const BwField  *fields;
  guint           n_fields;
  GParamSpec    **pspecs;     /* one per field, [0] is the "id" property */
  gboolean        has_id;     /* "id" is the first member */
  const char     *prefix;     /* ID prefix; NULL where the ID is free (CVE, library) */
  BwStructure     structure;  /* whose members' changes the records count, or BW_STRUCTURE_NONE */

  /* The kind mask of this object, for classes whose members vary by kind. */
  BwKinds       (*get_kinds) (BwRecord *self);
  /* Whether the null members of the child record in `field` are left out
   * when writing (an inner attack-tree node's computed attributes). */
  gboolean      (*is_sparse) (BwRecord      *self,
                              const BwField *field);
};

void            bw_record_class_install_fields (BwRecordClass  *klass,
                                                const BwField  *fields,
                                                guint           n_fields);
const BwField  *bw_record_class_find_field     (BwRecordClass  *klass,
                                                const char     *name);
const char     *bw_record_get_id               (BwRecord       *self);
void            bw_record_set_id               (BwRecord       *self,
                                                const char     *id);
JsonObject     *bw_record_get_unknown          (BwRecord       *self);
JsonObject     *bw_record_peek_unknown         (BwRecord       *self);
BwKinds         bw_record_get_kinds            (BwRecord       *self);
gboolean        bw_record_has_field            (BwRecord       *self,
                                                const BwField  *field);
gpointer        bw_record_field_ptr            (BwRecord       *self,
                                                const BwField  *field);
void            bw_record_notify_field         (BwRecord       *self,
                                                const BwField  *field);

const char     *bw_field_property_name         (const BwField  *field);
void            bw_field_string_free           (char           *value);
void            bw_field_strv_free             (char          **value);

#define BW_FIELD_PTR(self, field) ((gpointer) ((guint8 *) (self) + (field)->offset))

/* Shared value tables (FORMAT.md). */
extern const char * const bw_levels_cia[];
extern const char * const bw_outcomes[];

/* Sets members of a record under construction, before the defaults fill
 * the ones it left empty. */
typedef void (*BwRecordFillFunc) (BwRecord *record,
                                  gpointer  user_data);

BwRecord       *bw_record_new_filled           (GType             type,
                                                BwRecordFillFunc  fill,
                                                gpointer          user_data);
void            bw_record_fill_id              (BwRecord         *self,
                                                const char       *id);
void            bw_record_fill_item            (BwRecord         *self,
                                                const BwField    *field,
                                                BwRecord         *item);
GListStore     *bw_record_get_records          (BwRecord         *self,
                                                const BwField    *field);

G_END_DECLS
