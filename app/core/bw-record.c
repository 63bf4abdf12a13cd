/* bw-record.c — base class of every object of the project file
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each subclass describes its members in a BwField table, in the order
 * FORMAT.md writes them.  From that one table come the GObject properties
 * (so views can bind and commands can set any member by name), the reader,
 * the canonical writer and the clean-up; a member is declared once.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-record.h"

const char * const bw_levels_cia[] = { "none", "low", "medium", "high", NULL };
const char * const bw_outcomes[] = { "acceptable", "controlled", "uncontrolled", NULL };

typedef struct
{
  char       *id;
  JsonObject *unknown;
} BwRecordPrivate;

/* A RECORDS member whose list is not made yet holds its one item, marked
 * in the pointer's lowest bit (an object's address has it clear), rather
 * than every record carrying room for one (bw_record_fill_item()). */
#define PENDING_MARK ((gsize) 1)

static inline gboolean
is_pending (gpointer value)
{
  return ((gsize) value & PENDING_MARK) != 0;
}

static inline BwRecord *
pending_item (gpointer value)
{
  return (BwRecord *) ((gsize) value & ~PENDING_MARK);
}

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BwRecord, bw_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_BASE_PROPS
};

/* Notified by its pspec: by name, each new ID (tens of thousands in one
 * derivation) would look the name up in the pspec pool. */
static GParamSpec *id_pspec;

const char *
bw_field_property_name (const BwField *field)
{
  g_autofree char *name = g_strdup (field->name);

  g_strdelimit (name, "_", '-');
  return g_intern_string (name);
}

static const char *
canonical_enum (const BwField *field,
                const char    *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; field->values[i] != NULL; i++)
    if (strcmp (field->values[i], value) == 0)
      return field->values[i];
  return NULL;
}

/* The defaults of STRING and of REFS, STRINGS and ENUMS members: one
 * shared value each rather than an allocation per member, as a record has
 * several and derivation makes tens of thousands of records. Whatever
 * replaces a member's value releases the old one with bw_field_string_free()
 * or bw_field_strv_free(), which leave these alone. */
static const char empty_string[] = "";
static const char * const empty_strv[] = { NULL };

/**
 * bw_field_string_free:
 * @value: (nullable): a STRING, NSTRING or REF member's value
 *
 * What g_free() is for other strings: a STRING member's default is shared.
 */
void
bw_field_string_free (char *value)
{
  if (value != empty_string)
    g_free (value);
}

/**
 * bw_field_strv_free:
 * @value: (nullable): a REFS, STRINGS, ENUMS or INTERACTION member's value
 *
 * What g_strfreev() is for other string arrays: the default of a REFS,
 * STRINGS or ENUMS member is shared.
 */
void
bw_field_strv_free (char **value)
{
  if (value != (char **) empty_strv)
    g_strfreev (value);
}

gpointer
bw_record_field_ptr (BwRecord      *self,
                     const BwField *field)
{
  return BW_FIELD_PTR (self, field);
}

static void
free_field (BwRecord      *self,
            const BwField *field)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
      g_clear_pointer ((char **) ptr, bw_field_string_free);
      break;
    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
    case BW_FIELD_INTERACTION:
      g_clear_pointer ((char ***) ptr, bw_field_strv_free);
      break;
    case BW_FIELD_POINTS:
      g_clear_pointer ((GArray **) ptr, g_array_unref);
      break;
    case BW_FIELD_PROPERTIES:
      g_clear_pointer ((JsonObject **) ptr, json_object_unref);
      break;
    case BW_FIELD_RECORDS:
      if (is_pending (*(gpointer *) ptr))
        {
          g_object_unref (pending_item (*(gpointer *) ptr));
          *(gpointer *) ptr = NULL;
        }
      g_clear_object ((GObject **) ptr);
      break;
    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      g_clear_object ((GObject **) ptr);
      break;
    case BW_FIELD_MATRIX:
      g_clear_pointer ((GPtrArray **) ptr, g_ptr_array_unref);
      break;
    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
    case BW_FIELD_BOOL:
    case BW_FIELD_NBOOL:
    case BW_FIELD_INT:
    case BW_FIELD_LEVEL:
    case BW_FIELD_NUMBER:
    case BW_FIELD_BOUNDS:
    default:
      break;
    }
}

/* Fills what the instance left empty with the member's default, so every
 * record is complete whether it was read, created or copied. */
static void
default_field (BwRecord      *self,
               const BwField *field)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
      if (*(char **) ptr == NULL)
        *(const char **) ptr = empty_string;
      break;
    case BW_FIELD_ENUM:
      if (*(const char **) ptr == NULL)
        *(const char **) ptr = field->fallback ? canonical_enum (field, field->fallback) : field->values[0];
      break;
    case BW_FIELD_NBOOL:
      /* Zero-filled means "false"; records start with "not yet known". */
      *(int *) ptr = -1;
      break;
    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
      if (*(char ***) ptr == NULL)
        *(const char * const **) ptr = empty_strv;
      break;
    case BW_FIELD_POINTS:
      if (*(GArray **) ptr == NULL)
        *(GArray **) ptr = g_array_new (FALSE, FALSE, sizeof (BwPoint));
      break;
    case BW_FIELD_PROPERTIES:
      if (*(JsonObject **) ptr == NULL)
        *(JsonObject **) ptr = json_object_new ();
      break;
    case BW_FIELD_RECORD:
      if (*(GObject **) ptr == NULL)
        *(GObject **) ptr = g_object_new (field->record_type (), NULL);
      break;
    case BW_FIELD_RECORDS:
      if (*(GListStore **) ptr == NULL)
        *(GListStore **) ptr = g_list_store_new (field->record_type ());
      break;
    case BW_FIELD_MATRIX:
      if (*(GPtrArray **) ptr == NULL)
        *(GPtrArray **) ptr = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      break;
    case BW_FIELD_BOUNDS:
      {
        BwNumber *b = ptr;

        for (guint i = 0; i < 4; i++)
          if (b[i].kind == BW_NUMBER_NULL)
            b[i] = bw_number_from_int (0);
      }
      break;
    case BW_FIELD_NUMBER:
    case BW_FIELD_NSTRING:
    case BW_FIELD_NENUM:
    case BW_FIELD_BOOL:
    case BW_FIELD_INT:
    case BW_FIELD_LEVEL:
    case BW_FIELD_REF:
    case BW_FIELD_INTERACTION:
    case BW_FIELD_NRECORD:
    default:
      break;
    }
}

/* The fill that bw_record_new_filled() hands to the record it constructs;
 * per thread, as construction runs on the caller's. */
typedef struct
{
  BwRecordFillFunc fill;
  gpointer         user_data;
} PendingFill;

static __thread PendingFill pending_fill;

static void
bw_record_constructed (GObject *object)
{
  /* Unchecked: every record is made through here, and it is one. */
  BwRecord *self = (BwRecord *) object;
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (bw_record_parent_class)->constructed (object);

  if (pending_fill.fill != NULL)
    {
      PendingFill fill = pending_fill;

      /* Cleared first: records the fill constructs are not its target. */
      pending_fill.fill = NULL;
      fill.fill (self, fill.user_data);
    }
  for (guint i = 0; i < klass->n_fields; i++)
    default_field (self, &klass->fields[i]);
}

static void
bw_record_finalize (GObject *object)
{
  BwRecord *self = BW_RECORD (object);
  BwRecordPrivate *priv = bw_record_get_instance_private (self);
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    free_field (self, &klass->fields[i]);
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->unknown, json_object_unref);

  G_OBJECT_CLASS (bw_record_parent_class)->finalize (object);
}

static GVariant *
bounds_to_variant (const BwNumber *b)
{
  return g_variant_new ("(dddd)", bw_number_get (&b[0]), bw_number_get (&b[1]),
                        bw_number_get (&b[2]), bw_number_get (&b[3]));
}

static GVariant *
points_to_variant (GArray *points)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dd)"));
  for (guint i = 0; i < points->len; i++)
    {
      const BwPoint *pt = &g_array_index (points, BwPoint, i);

      g_variant_builder_add (&builder, "(dd)", bw_number_get (&pt->x), bw_number_get (&pt->y));
    }
  return g_variant_builder_end (&builder);
}

static GVariant *
matrix_to_variant (GPtrArray *matrix)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  for (guint i = 0; i < matrix->len; i++)
    g_variant_builder_add (&builder, "^as", g_ptr_array_index (matrix, i));
  return g_variant_builder_end (&builder);
}

static void
bw_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BwRecord *self = BW_RECORD (object);
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);
  BwRecordPrivate *priv = bw_record_get_instance_private (self);
  const BwField *field;
  gpointer ptr;

  if (prop_id == PROP_ID)
    {
      g_value_set_string (value, priv->id);
      return;
    }

  /* Properties of a subclass are numbered after the base's. */
  field = &klass->fields[prop_id - N_BASE_PROPS];
  ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
      g_value_set_string (value, *(const char **) ptr);
      break;
    case BW_FIELD_BOOL:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;
    case BW_FIELD_NBOOL:
    case BW_FIELD_LEVEL:
      g_value_set_int (value, *(int *) ptr);
      break;
    case BW_FIELD_INT:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;
    case BW_FIELD_NUMBER:
      g_value_set_double (value, bw_number_get (ptr));
      break;
    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
    case BW_FIELD_INTERACTION:
      g_value_set_boxed (value, *(char ***) ptr);
      break;
    case BW_FIELD_BOUNDS:
      g_value_set_variant (value, bounds_to_variant (ptr));
      break;
    case BW_FIELD_POINTS:
      g_value_set_variant (value, points_to_variant (*(GArray **) ptr));
      break;
    case BW_FIELD_MATRIX:
      g_value_set_variant (value, matrix_to_variant (*(GPtrArray **) ptr));
      break;
    case BW_FIELD_PROPERTIES:
      g_value_set_boxed (value, *(JsonObject **) ptr);
      break;
    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      g_value_set_object (value, *(GObject **) ptr);
      break;
    case BW_FIELD_RECORDS:
      g_value_set_object (value, bw_record_get_records (self, field));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Sets a member from a GValue; returns whether it changed. */
static gboolean
set_field (BwRecord      *self,
           const BwField *field,
           const GValue  *value)
{
  gpointer ptr = BW_FIELD_PTR (self, field);

  switch (field->type)
    {
    case BW_FIELD_STRING:
      {
        const char *s = g_value_get_string (value);

        if (s == NULL)
          s = "";
        if (g_strcmp0 (*(char **) ptr, s) == 0)
          return FALSE;
        bw_field_string_free (*(char **) ptr);
        *(char **) ptr = g_strdup (s);
        return TRUE;
      }
    case BW_FIELD_NSTRING:
    case BW_FIELD_REF:
      {
        const char *s = g_value_get_string (value);

        if (field->type == BW_FIELD_REF && s != NULL && *s == '\0')
          s = NULL;
        if (g_strcmp0 (*(char **) ptr, s) == 0)
          return FALSE;
        bw_field_string_free (*(char **) ptr);
        *(char **) ptr = g_strdup (s);
        return TRUE;
      }
    case BW_FIELD_ENUM:
    case BW_FIELD_NENUM:
      {
        const char *s = canonical_enum (field, g_value_get_string (value));

        if (s == NULL && (field->type == BW_FIELD_ENUM || g_value_get_string (value) != NULL))
          {
            g_critical ("“%s” is not a valid value of %s.%s",
                        g_value_get_string (value), G_OBJECT_TYPE_NAME (self), field->name);
            return FALSE;
          }
        if (*(const char **) ptr == s)
          return FALSE;
        *(const char **) ptr = s;
        return TRUE;
      }
    case BW_FIELD_BOOL:
      {
        gboolean b = g_value_get_boolean (value);

        if (*(gboolean *) ptr == b)
          return FALSE;
        *(gboolean *) ptr = b;
        return TRUE;
      }
    case BW_FIELD_NBOOL:
    case BW_FIELD_LEVEL:
      {
        int v = g_value_get_int (value);

        if (*(int *) ptr == v)
          return FALSE;
        *(int *) ptr = v;
        return TRUE;
      }
    case BW_FIELD_INT:
      {
        gint64 v = g_value_get_int64 (value);

        if (*(gint64 *) ptr == v)
          return FALSE;
        *(gint64 *) ptr = v;
        return TRUE;
      }
    case BW_FIELD_NUMBER:
      {
        double d = g_value_get_double (value);
        BwNumber n = isnan (d) ? BW_NUMBER_INIT_NULL : bw_number_from_double (d);

        if (bw_number_equal (ptr, &n))
          return FALSE;
        *(BwNumber *) ptr = n;
        return TRUE;
      }
    case BW_FIELD_REFS:
    case BW_FIELD_STRINGS:
    case BW_FIELD_ENUMS:
    case BW_FIELD_INTERACTION:
      {
        static char *empty[] = { NULL };
        char **v = g_value_get_boxed (value);

        if (v == NULL && field->type != BW_FIELD_INTERACTION)
          v = empty;
        if (strv_equal0 (*(char ***) ptr, v))
          return FALSE;
        bw_field_strv_free (*(char ***) ptr);
        *(char ***) ptr = g_strdupv (v);
        return TRUE;
      }
    case BW_FIELD_BOUNDS:
      {
        GVariant *v = g_value_get_variant (value);
        BwNumber *b = ptr;
        double d[4];
        gboolean changed = FALSE;

        g_return_val_if_fail (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE ("(dddd)")), FALSE);
        g_variant_get (v, "(dddd)", &d[0], &d[1], &d[2], &d[3]);
        for (guint i = 0; i < 4; i++)
          if (bw_number_get (&b[i]) != d[i])
            {
              b[i] = bw_number_from_double (d[i]);
              changed = TRUE;
            }
        return changed;
      }
    case BW_FIELD_POINTS:
      {
        GVariant *v = g_value_get_variant (value);
        GArray *points;
        GVariantIter iter;
        double x, y;

        g_return_val_if_fail (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE ("a(dd)")), FALSE);
        {
          g_autoptr(GVariant) old = points_to_variant (*(GArray **) ptr);

          g_variant_ref_sink (old);
          if (g_variant_equal (old, v))
            return FALSE;
        }
        points = g_array_new (FALSE, FALSE, sizeof (BwPoint));
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "(dd)", &x, &y))
          {
            BwPoint pt = { bw_number_from_double (x), bw_number_from_double (y) };

            g_array_append_val (points, pt);
          }
        g_array_unref (*(GArray **) ptr);
        *(GArray **) ptr = points;
        return TRUE;
      }
    case BW_FIELD_MATRIX:
      {
        GVariant *v = g_value_get_variant (value);
        GPtrArray *matrix;
        GVariantIter iter;
        char **row;

        g_return_val_if_fail (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE ("aas")), FALSE);
        matrix = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "^as", &row))
          g_ptr_array_add (matrix, row);
        g_ptr_array_unref (*(GPtrArray **) ptr);
        *(GPtrArray **) ptr = matrix;
        return TRUE;
      }
    case BW_FIELD_PROPERTIES:
      {
        JsonObject *o = g_value_get_boxed (value);

        if (o == *(JsonObject **) ptr)
          return FALSE;
        json_object_unref (*(JsonObject **) ptr);
        *(JsonObject **) ptr = o ? json_object_ref (o) : json_object_new ();
        return TRUE;
      }
    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      {
        GObject *o = g_value_get_object (value);

        if (o == NULL && field->type == BW_FIELD_RECORD)
          o = g_object_new (field->record_type (), NULL);
        else if (o != NULL)
          g_object_ref (o);
        if (o == *(GObject **) ptr)
          {
            g_clear_object (&o);
            return FALSE;
          }
        g_clear_object ((GObject **) ptr);
        *(GObject **) ptr = o;
        return TRUE;
      }
    case BW_FIELD_RECORDS:
    default:
      return FALSE;
    }
}

/* Notifies a change of a member; caches of the model's structure follow
 * the changes of theirs (bw-structure-serial.c). */
static void
notify_changed (BwRecord   *self,
                GParamSpec *pspec)
{
  BwStructure structure = BW_RECORD_GET_CLASS (self)->structure;

  if (structure != BW_STRUCTURE_NONE)
    bw_structure_serial_note (structure, pspec);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
bw_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BwRecord *self = BW_RECORD (object);
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

  if (prop_id == PROP_ID)
    {
      bw_record_set_id (self, g_value_get_string (value));
      return;
    }
  if (set_field (self, &klass->fields[prop_id - N_BASE_PROPS], value))
    notify_changed (self, pspec);
}

static void
bw_record_class_init (BwRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bw_record_constructed;
  object_class->finalize = bw_record_finalize;
  object_class->get_property = bw_record_get_property;
  object_class->set_property = bw_record_set_property;

  id_pspec = g_param_spec_string ("id", NULL, NULL, NULL,
                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, id_pspec);

  /* Subclasses start from a copy of this. */
  klass->structure = BW_STRUCTURE_NONE;
}

static void
bw_record_init (BwRecord *self)
{
}

void
bw_record_class_install_fields (BwRecordClass *klass,
                                const BwField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* GObject does not let subclasses inherit these for their own properties. */
  if (object_class->get_property == NULL)
    object_class->get_property = bw_record_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = bw_record_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const BwField *field = &fields[i];
      const char *name = bw_field_property_name (field);
      GParamSpec *pspec = NULL;

      switch (field->type)
        {
        case BW_FIELD_STRING:
        case BW_FIELD_NSTRING:
        case BW_FIELD_REF:
        case BW_FIELD_ENUM:
        case BW_FIELD_NENUM:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case BW_FIELD_BOOL:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case BW_FIELD_NBOOL:
          pspec = g_param_spec_int (name, NULL, NULL, -1, 1, -1, flags);
          break;
        case BW_FIELD_LEVEL:
          pspec = g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, flags);
          break;
        case BW_FIELD_INT:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case BW_FIELD_NUMBER:
          pspec = g_param_spec_double (name, NULL, NULL, -INFINITY, INFINITY, 0, flags);  /* NaN: null */
          break;
        case BW_FIELD_REFS:
        case BW_FIELD_STRINGS:
        case BW_FIELD_ENUMS:
        case BW_FIELD_INTERACTION:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case BW_FIELD_BOUNDS:
          pspec = g_param_spec_variant (name, NULL, NULL, G_VARIANT_TYPE ("(dddd)"), NULL, flags);
          break;
        case BW_FIELD_POINTS:
          pspec = g_param_spec_variant (name, NULL, NULL, G_VARIANT_TYPE ("a(dd)"), NULL, flags);
          break;
        case BW_FIELD_MATRIX:
          pspec = g_param_spec_variant (name, NULL, NULL, G_VARIANT_TYPE ("aas"), NULL, flags);
          break;
        case BW_FIELD_PROPERTIES:
          pspec = g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_OBJECT, flags);
          break;
        case BW_FIELD_RECORD:
        case BW_FIELD_NRECORD:
          pspec = g_param_spec_object (name, NULL, NULL, field->record_type (), flags);
          break;
        case BW_FIELD_RECORDS:
          pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

/**
 * bw_record_new_filled:
 * @type: a BwRecord type
 * @fill: sets members (through bw_record_field_ptr()) of the new record
 *
 * Creates a record the way g_object_new() does, with @fill run before the
 * defaults: code that makes many records (derivation) does not allocate a
 * default only to replace it. @fill writes members directly and notifies
 * nothing; the record is not anywhere yet.
 *
 * Returns: (transfer full): the new record
 */
BwRecord *
bw_record_new_filled (GType             type,
                      BwRecordFillFunc  fill,
                      gpointer          user_data)
{
  BwRecord *record;

  /* An abstract type g_object_new() refuses itself. */
  g_return_val_if_fail (g_type_is_a (type, BW_TYPE_RECORD), NULL);
  g_return_val_if_fail (fill != NULL, NULL);
  g_return_val_if_fail (pending_fill.fill == NULL, NULL);

  pending_fill.fill = fill;
  pending_fill.user_data = user_data;
  record = g_object_new (type, NULL);
  g_assert (pending_fill.fill == NULL);
  return record;
}

/**
 * bw_record_fill_id:
 *
 * Sets the ID of a record bw_record_new_filled() is constructing, from its
 * fill: like the members a fill writes, without a notification (nothing
 * can be watching the record yet, and derivation fills tens of thousands).
 */
void
bw_record_fill_id (BwRecord   *self,
                   const char *id)
{
  BwRecordPrivate *priv = bw_record_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

/**
 * bw_record_fill_item:
 * @field: a RECORDS member of the record
 * @item: (transfer full): its one item
 *
 * Gives a record bw_record_new_filled() is constructing, from its fill, a
 * RECORDS member of one item without making the list yet: the list, its
 * sequence and the signals of adding to it cost more than the rest of a
 * derived threat, whose history is rarely read. bw_record_get_records()
 * makes the list when the member is first read; a class with such a
 * member reads it only through that.
 */
void
bw_record_fill_item (BwRecord      *self,
                     const BwField *field,
                     BwRecord      *item)
{
  gpointer *ptr = BW_FIELD_PTR (self, field);

  g_return_if_fail (field->type == BW_FIELD_RECORDS);
  g_return_if_fail (*ptr == NULL);
  g_return_if_fail (!is_pending (item));

  *ptr = (gpointer) ((gsize) item | PENDING_MARK);
}

/**
 * bw_record_get_records:
 * @field: a RECORDS member of the record
 *
 * Returns: (transfer none): the member's list, made if a fill left it
 *   pending (bw_record_fill_item())
 */
GListStore *
bw_record_get_records (BwRecord      *self,
                       const BwField *field)
{
  GListStore **ptr = BW_FIELD_PTR (self, field);

  g_return_val_if_fail (field->type == BW_FIELD_RECORDS, NULL);

  if (G_UNLIKELY (is_pending (*ptr)))
    {
      g_autoptr(BwRecord) item = pending_item (*ptr);

      *ptr = g_list_store_new (field->record_type ());
      g_list_store_append (*ptr, item);
    }
  return *ptr;
}

const BwField *
bw_record_class_find_field (BwRecordClass *klass,
                            const char    *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, name) == 0)
      return &klass->fields[i];
  return NULL;
}

const char *
bw_record_get_id (BwRecord *self)
{
  BwRecordPrivate *priv = bw_record_get_instance_private (self);

  g_return_val_if_fail (BW_IS_RECORD (self), NULL);

  return priv->id;
}

void
bw_record_set_id (BwRecord   *self,
                  const char *id)
{
  BwRecordPrivate *priv = bw_record_get_instance_private (self);

  g_return_if_fail (BW_IS_RECORD (self));

  if (g_strcmp0 (priv->id, id) == 0)
    return;
  g_free (priv->id);
  priv->id = g_strdup (id);
  notify_changed (self, id_pspec);
}

/* Members this version does not know, kept to be written back. */
JsonObject *
bw_record_get_unknown (BwRecord *self)
{
  BwRecordPrivate *priv = bw_record_get_instance_private (self);

  g_return_val_if_fail (BW_IS_RECORD (self), NULL);

  if (priv->unknown == NULL)
    priv->unknown = json_object_new ();
  return priv->unknown;
}

JsonObject *
bw_record_peek_unknown (BwRecord *self)
{
  BwRecordPrivate *priv = bw_record_get_instance_private (self);

  return priv->unknown;
}

BwKinds
bw_record_get_kinds (BwRecord *self)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

  return klass->get_kinds ? klass->get_kinds (self) : BW_KINDS_ALL;
}

gboolean
bw_record_has_field (BwRecord      *self,
                     const BwField *field)
{
  return field->kinds == 0 || (field->kinds & bw_record_get_kinds (self)) != 0;
}

void
bw_record_notify_field (BwRecord      *self,
                        const BwField *field)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (self);

  notify_changed (self, klass->pspecs[field - klass->fields]);
}
