/* bw-project-io.c — format 1: reading, validating and writing project files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Loading is three passes: a strict parse (bw-json-reader), reading every
 * member through the field tables (types, enums, IDs), then checks that
 * need the whole document (references, diagrams, scales).  Only then are
 * links completed on both sides and ID counters repaired, and only a
 * complete, valid project is handed out: a refused file changes nothing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bw-attack-node.h"
#include "bw-command-stack.h"
#include "bw-core-resources.h"
#include "bw-json-reader.h"
#include "bw-json-writer.h"
#include "bw-project-io.h"
#include "bw-record-io.h"
#include "bw-residual.h"
#include "bw-risk.h"

G_DEFINE_QUARK (bw-project-io-error-quark, bw_project_io_error)

typedef struct
{
  BwReadContext  read;
  BwProject     *project;
  guint          n_exploitability;
  guint          n_severity;
} CheckContext;

static gboolean check_record (BwRecord     *record,
                              CheckContext *ctx);

static gboolean
prefix_allowed (const char *prefix,
                const char *allowed)
{
  g_auto(GStrv) list = g_strsplit (allowed, " ", -1);

  return prefix != NULL && g_strv_contains ((const char * const *) list, prefix);
}

static const char *
describe_prefixes (const char *allowed)
{
  if (g_str_equal (allowed, "EE P DS DF TB"))
    return _("an element");
  if (g_str_equal (allowed, "EE P DS"))
    return _("a node (an external entity, a process or a data store)");
  if (g_str_equal (allowed, "EE P DS DF"))
    return _("an element other than a trust boundary");
  if (g_str_equal (allowed, "A"))
    return _("an asset");
  if (g_str_equal (allowed, "O"))
    return _("a security objective");
  if (g_str_equal (allowed, "T"))
    return _("a threat");
  if (g_str_equal (allowed, "H"))
    return _("a hazard");
  if (g_str_equal (allowed, "AT"))
    return _("an attack tree");
  if (g_str_equal (allowed, "D"))
    return _("a diagram");
  if (g_str_equal (allowed, "P"))
    return _("a process");
  return allowed;
}

/* A record by ID in what is being checked: the file being read, or (for
 * an edit, with no table of the file's IDs) the project. */
static BwRecord *
lookup_id (CheckContext *ctx,
           const char   *id)
{
  if (ctx->read.ids != NULL)
    return g_hash_table_lookup (ctx->read.ids, id);
  return bw_project_lookup (ctx->project, id);
}

/* Checks one reference; `may_dangle` for an obsolete threat's target. */
static gboolean
check_ref (CheckContext *ctx,
           const char   *id,
           const char   *allowed,
           gboolean      may_dangle)
{
  BwRecord *target = lookup_id (ctx, id);

  if (target == NULL)
    {
      if (may_dangle)
        return TRUE;
      return bw_read_fail (&ctx->read, _("“%s” is not %s of this project"), id, describe_prefixes (allowed));
    }
  if (!prefix_allowed (bw_record_prefix_of (target), allowed))
    return bw_read_fail (&ctx->read, _("“%s” is not %s"), id, describe_prefixes (allowed));
  return TRUE;
}

static gboolean
check_level (CheckContext  *ctx,
             const BwField *field,
             int            level)
{
  guint max = g_str_equal (field->refs, "severity") ? ctx->n_severity : ctx->n_exploitability;

  if (level == 0 || (guint) level <= max)
    return TRUE;
  return bw_read_fail (&ctx->read, _("%d is not a level of the %s scale of this project (1 to %u)"),
                       level, field->refs, max);
}

static gboolean
is_obsolete_threat (BwRecord *record)
{
  return BW_IS_THREAT (record) && bw_threat_get_obsolete (BW_THREAT (record));
}

static gboolean
check_element (BwElement    *self,
               CheckContext *ctx)
{
  BwElementKind kind = bw_element_get_kind_enum (self);
  const char *diagram = bw_element_get_diagram (self);
  const char *refines = bw_element_get_refines (self);

  if (kind == BW_ELEMENT_DATA_FLOW)
    {
      for (guint end = 0; end < 2; end++)
        {
          const char *id = end == 0 ? bw_element_get_source (self) : bw_element_get_target (self);
          const char *member = end == 0 ? "source" : "target";
          BwRecord *node = lookup_id (ctx, id ? id : "");
          gsize mark = bw_path_push_key (ctx->read.path, member);

          if (id == NULL)
            return bw_read_fail (&ctx->read, _("a data flow needs a %s node"), member);
          if (BW_IS_ELEMENT (node) && g_strcmp0 (bw_element_get_diagram (BW_ELEMENT (node)), diagram) != 0)
            return bw_read_fail (&ctx->read, _("“%s” is drawn on diagram %s, not on the flow’s diagram %s"),
                                 id, bw_element_get_diagram (BW_ELEMENT (node)), diagram);
          bw_path_pop (ctx->read.path, mark);
        }
    }

  if (kind == BW_ELEMENT_TRUST_BOUNDARY && bw_element_is_line (self) &&
      bw_element_get_points (self)->len < 2)
    {
      gsize mark = bw_path_push_key (ctx->read.path, "points");

      bw_read_fail (&ctx->read, _("a line boundary needs at least two points"));
      bw_path_pop (ctx->read.path, mark);
      return FALSE;
    }

  if (refines != NULL)
    {
      BwRecord *other = lookup_id (ctx, refines);
      gsize mark = bw_path_push_key (ctx->read.path, "refines");

      if (BW_IS_ELEMENT (other) && bw_element_get_kind_enum (BW_ELEMENT (other)) != kind)
        return bw_read_fail (&ctx->read, _("“%s” is %s; %s can only refine an element of its own kind"),
                             refines, bw_element_kind_describe (bw_element_get_kind_enum (BW_ELEMENT (other))),
                             bw_element_kind_describe (kind));
      if (g_strcmp0 (refines, bw_record_get_id (BW_RECORD (self))) == 0)
        return bw_read_fail (&ctx->read, _("an element cannot refine itself"));
      bw_path_pop (ctx->read.path, mark);
    }
  return TRUE;
}

static gboolean
check_threat (BwThreat     *self,
              CheckContext *ctx)
{
  const char * const *interaction = bw_threat_get_interaction (self);

  if (bw_threat_get_target (self) == NULL)
    {
      gsize mark = bw_path_push_key (ctx->read.path, "target");

      bw_read_fail (&ctx->read, _("a threat needs a target element"));
      bw_path_pop (ctx->read.path, mark);
      return FALSE;
    }
  if (interaction != NULL && !bw_threat_get_obsolete (self) &&
      g_strcmp0 (interaction[1], bw_threat_get_target (self)) != 0)
    {
      gsize mark = bw_path_push_key (ctx->read.path, "interaction");

      bw_read_fail (&ctx->read, _("the flow of the interaction (“%s”) must be the threat’s target (“%s”)"),
                    interaction[1], bw_threat_get_target (self));
      bw_path_pop (ctx->read.path, mark);
      return FALSE;
    }
  if (g_strcmp0 (bw_threat_get_origin (self), "derived") == 0 && bw_threat_get_rule (self) == NULL)
    {
      gsize mark = bw_path_push_key (ctx->read.path, "rule");

      bw_read_fail (&ctx->read, _("a derived threat needs the ID of its rule"));
      bw_path_pop (ctx->read.path, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_field (BwRecord      *record,
             const BwField *field,
             CheckContext  *ctx)
{
  gpointer ptr = BW_FIELD_PTR (record, field);
  gboolean may_dangle = is_obsolete_threat (record);

  switch (field->type)
    {
    case BW_FIELD_REF:
      if (*(char **) ptr == NULL)
        return TRUE;
      return check_ref (ctx, *(char **) ptr, field->refs,
                        may_dangle && g_str_equal (field->name, "target"));

    case BW_FIELD_REFS:
    case BW_FIELD_INTERACTION:
      {
        char **ids = *(char ***) ptr;

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          {
            gsize mark = bw_path_push_index (ctx->read.path, i);

            if (!check_ref (ctx, ids[i], field->refs, may_dangle && field->type == BW_FIELD_INTERACTION))
              return FALSE;
            bw_path_pop (ctx->read.path, mark);
          }
        return TRUE;
      }

    case BW_FIELD_LEVEL:
      return check_level (ctx, field, *(int *) ptr);

    case BW_FIELD_RECORD:
    case BW_FIELD_NRECORD:
      return *(BwRecord **) ptr == NULL || check_record (*(BwRecord **) ptr, ctx);

    case BW_FIELD_RECORDS:
      {
        GListModel *model = G_LIST_MODEL (bw_record_get_records (record, field));
        guint n = g_list_model_get_n_items (model);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(BwRecord) child = g_list_model_get_item (model, i);
            gsize mark = bw_path_push_index (ctx->read.path, i);

            if (!check_record (child, ctx))
              return FALSE;
            bw_path_pop (ctx->read.path, mark);
          }
        return TRUE;
      }

    default:
      return TRUE;
    }
}

static gboolean
check_record (BwRecord     *record,
              CheckContext *ctx)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];
      gsize mark;

      if (!bw_record_has_field (record, field))
        continue;
      mark = bw_path_push_key (ctx->read.path, field->name);
      if (!check_field (record, field, ctx))
        return FALSE;
      bw_path_pop (ctx->read.path, mark);
    }

  if (BW_IS_ELEMENT (record))
    return check_element (BW_ELEMENT (record), ctx);
  if (BW_IS_THREAT (record))
    return check_threat (BW_THREAT (record), ctx);
  return TRUE;
}

static gboolean
check_risk_method (BwRiskMethod *method,
                   CheckContext *ctx)
{
  GPtrArray *matrix = bw_risk_method_get_matrix (method);
  gsize mark = bw_path_push_key (ctx->read.path, "risk_method");

  ctx->n_exploitability = g_strv_length ((char **) bw_risk_method_get_exploitability (method));
  ctx->n_severity = g_strv_length ((char **) bw_risk_method_get_severity (method));
  if (ctx->n_exploitability == 0 || ctx->n_severity == 0)
    return bw_read_fail (&ctx->read, _("the exploitability and severity scales need at least one level each"));
  if (matrix->len != ctx->n_exploitability)
    return bw_read_fail (&ctx->read, _("the matrix has %u rows but the exploitability scale has %u levels"),
                         matrix->len, ctx->n_exploitability);
  for (guint i = 0; i < matrix->len; i++)
    if (g_strv_length (g_ptr_array_index (matrix, i)) != ctx->n_severity)
      {
        bw_path_push_key (ctx->read.path, "matrix");
        bw_path_push_index (ctx->read.path, i);
        return bw_read_fail (&ctx->read, _("the row has %u entries but the severity scale has %u levels"),
                             g_strv_length (g_ptr_array_index (matrix, i)), ctx->n_severity);
      }
  bw_path_pop (ctx->read.path, mark);
  return TRUE;
}

/* Appends to `strv` the IDs in `extra` it lacks, keeping its order. */
static gboolean
merge_ids (char      ***strv,
           GPtrArray   *extra)
{
  GPtrArray *out;
  gboolean changed = FALSE;

  if (extra == NULL || extra->len == 0)
    return FALSE;
  out = g_ptr_array_new ();
  for (guint i = 0; (*strv)[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup ((*strv)[i]));
  for (guint i = 0; i < extra->len; i++)
    if (!g_strv_contains ((const char * const *) *strv, extra->pdata[i]))
      {
        g_ptr_array_add (out, g_strdup (extra->pdata[i]));
        changed = TRUE;
      }
  g_ptr_array_add (out, NULL);
  bw_field_strv_free (*strv);
  *strv = (char **) g_ptr_array_free (out, FALSE);
  return changed;
}

/* FORMAT.md keeps threat↔objective and threat↔attack-tree links on both
 * sides; a link written on one side only is completed, in the order of
 * the other collection. */
static void
complete_links (BwProject  *project,
                const char *threat_member,
                const char *collection,
                const char *other_member)
{
  GListModel *threats = bw_project_get_threats (project);
  GListModel *others = G_LIST_MODEL (bw_project_get_collection_by_name (project, collection));
  /* Keys are copied: merge_ids() frees the lists they were borrowed from. */
  g_autoptr(GHashTable) to_threat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) to_other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  guint n_threats = g_list_model_get_n_items (threats);
  guint n_others = g_list_model_get_n_items (others);

  /* Who names whom, from either side. */
  for (guint i = 0; i < n_others; i++)
    {
      g_autoptr(BwRecord) other = g_list_model_get_item (others, i);
      const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (other), other_member);
      char **ids = *(char ***) BW_FIELD_PTR (other, field);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          GPtrArray *list = g_hash_table_lookup (to_threat, ids[j]);

          if (list == NULL)
            g_hash_table_insert (to_threat, g_strdup (ids[j]), list = g_ptr_array_new ());
          g_ptr_array_add (list, (gpointer) bw_record_get_id (other));
        }
    }
  for (guint i = 0; i < n_threats; i++)
    {
      g_autoptr(BwRecord) threat = g_list_model_get_item (threats, i);
      const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (threat), threat_member);
      char **ids = *(char ***) BW_FIELD_PTR (threat, field);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          GPtrArray *list = g_hash_table_lookup (to_other, ids[j]);

          if (list == NULL)
            g_hash_table_insert (to_other, g_strdup (ids[j]), list = g_ptr_array_new ());
          g_ptr_array_add (list, (gpointer) bw_record_get_id (threat));
        }
    }

  for (guint i = 0; i < n_threats; i++)
    {
      g_autoptr(BwRecord) threat = g_list_model_get_item (threats, i);
      const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (threat), threat_member);

      merge_ids (BW_FIELD_PTR (threat, field), g_hash_table_lookup (to_threat, bw_record_get_id (threat)));
    }
  for (guint i = 0; i < n_others; i++)
    {
      g_autoptr(BwRecord) other = g_list_model_get_item (others, i);
      const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (other), other_member);

      merge_ids (BW_FIELD_PTR (other, field), g_hash_table_lookup (to_other, bw_record_get_id (other)));
    }
}

/* The number of an ID of the form PREFIX-N, or 0. */
static gint64
id_number (const char *id,
           char      **prefix_out)
{
  const char *dash = strrchr (id, '-');

  if (dash == NULL || dash == id)
    return 0;
  *prefix_out = g_strndup (id, dash - id);
  return g_ascii_strtoll (dash + 1, NULL, 10);
}

static void
repair_counters (BwProject         *project,
                 GHashTable        *ids,
                 const BwJsonValue *counters)
{
  BwIdCounters *id_counters = bw_project_get_id_counters (project);
  g_autoptr(GHashTable) highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      char *prefix = NULL;
      gint64 n = id_number (key, &prefix);

      if (prefix == NULL)
        continue;
      if (n > (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (highest, prefix)))
        g_hash_table_replace (highest, prefix, GSIZE_TO_POINTER ((gsize) n));
      else
        g_free (prefix);
    }

  for (guint i = 0; bw_id_prefixes[i] != NULL; i++)
    {
      const char *prefix = bw_id_prefixes[i];
      gint64 max = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (highest, prefix));
      gint64 current = bw_id_counters_get (id_counters, prefix);
      gboolean present = bw_json_value_get_member (counters, prefix) != NULL;

      if (current > max)
        continue;
      if (max > 0)
        {
          g_autofree char *warning = NULL;

          if (present)
            warning = g_strdup_printf (_("id_counters.%s was %lld but %s-%lld exists; it is now %lld so that no ID is used twice"),
                                       prefix, (long long) current, prefix, (long long) max, (long long) max + 1);
          else
            warning = g_strdup_printf (_("id_counters.%s was missing; it is now %lld"),
                                       prefix, (long long) max + 1);
          bw_project_add_warning (project, warning);
        }
      bw_id_counters_set (id_counters, prefix, max + 1);
    }
}

/* The loader's checks, for an edit: whether `record`, as it is now, could
 * stand in a saved file of this project.  Commands run it after changing a
 * record and undo the change when it fails, so an edit can never produce
 * a file the loader refuses. */
gboolean
bw_project_check_record (BwProject  *self,
                         BwRecord   *record,
                         GError    **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  CheckContext ctx = { { 0 } };
  BwRiskMethod *method = bw_project_get_risk_method (self);

  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (BW_IS_RECORD (record), FALSE);

  ctx.read.path = path;
  ctx.read.error = error;
  ctx.project = self;
  if (!check_risk_method (method, &ctx))
    return FALSE;
  g_string_truncate (path, 0);
  return check_record (record, &ctx);
}

/* The same for the whole project (after a change of the risk scales). */
gboolean
bw_project_check (BwProject  *self,
                  GError    **error)
{
  return bw_project_check_record (self, BW_RECORD (self), error);
}

static gboolean
check_header (const BwJsonValue  *root,
              GError            **error)
{
  const BwJsonValue *format;
  const BwJsonValue *version;

  if (root->type != BW_JSON_OBJECT)
    {
      g_set_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_NOT_BULWARK,
                   _("A Bulwark project is a JSON object, but this file holds %s."),
                   bw_json_type_describe (root->type));
      return FALSE;
    }

  format = bw_json_value_get_member (root, "format");
  if (format == NULL || format->type != BW_JSON_STRING || !g_str_equal (format->s, "bulwark"))
    {
      g_set_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_NOT_BULWARK,
                   _("format: this is not a Bulwark project (a project file has \"format\": \"bulwark\"; found %s)."),
                   format == NULL ? _("no “format” member") :
                   format->type == BW_JSON_STRING ? format->s : bw_json_type_describe (format->type));
      return FALSE;
    }

  version = bw_json_value_get_member (root, "format_version");
  if (version == NULL || version->type != BW_JSON_INT)
    {
      g_set_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_INVALID,
                   _("format_version: expected a whole number, found %s."),
                   version == NULL ? _("nothing") : bw_json_type_describe (version->type));
      return FALSE;
    }
  if (version->i > BW_FORMAT_VERSION)
    {
      g_set_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_NEWER,
                   _("format_version: this project was written in format %lld, newer than the format %d this version of Bulwark reads. Update Bulwark to open it."),
                   (long long) version->i, BW_FORMAT_VERSION);
      return FALSE;
    }
  if (version->i < 1)
    {
      g_set_error (error, BW_PROJECT_IO_ERROR, BW_PROJECT_IO_ERROR_INVALID,
                   _("format_version: %lld is not a format version (the first is 1)."),
                   (long long) version->i);
      return FALSE;
    }
  return TRUE;
}

BwProject *
bw_project_load_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(BwJsonDocument) doc = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GString) path = NULL;
  const BwJsonValue *root;
  CheckContext ctx = { { 0 } };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  doc = bw_json_document_parse (data, length, error);
  if (doc == NULL)
    return NULL;
  root = bw_json_document_get_root (doc);
  if (!check_header (root, error))
    return NULL;

  project = g_object_new (BW_TYPE_PROJECT, NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  path = g_string_new (NULL);
  ctx.read.path = path;
  ctx.read.ids = ids;
  ctx.read.error = error;
  ctx.project = project;

  if (!bw_record_read (BW_RECORD (project), root, &ctx.read))
    return NULL;
  if (!check_risk_method (bw_project_get_risk_method (project), &ctx))
    return NULL;
  if (!check_record (BW_RECORD (project), &ctx))
    return NULL;

  complete_links (project, "objectives", "objectives", "threats");
  complete_links (project, "attack_trees", "attack_trees", "threats");
  repair_counters (project, ids, bw_json_value_get_member (root, "id_counters"));

  /* The project's index is the one reading built: same records, same IDs. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, ids);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      bw_project_index_record (project, value);
  }

  bw_command_stack_mark_clean (bw_project_get_command_stack (project));
  return g_steal_pointer (&project);
}

BwProject *
bw_project_load_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  BwProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  project = bw_project_load_from_data (data, length, &local_error);
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }
  bw_project_set_file (project, file);
  return project;
}

GBytes *
bw_project_to_bytes (BwProject *self)
{
  GString *out = g_string_sized_new (64 * 1024);
  BwJsonWriter writer;

  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);

  bw_json_writer_init (&writer, out);
  bw_record_write (BW_RECORD (self), &writer);
  return g_string_free_to_bytes (out);
}

/* FORMAT.md "Safe writes": a temporary file in the same folder, synced,
 * then renamed over the old one; a crash leaves the old file or the new
 * one, never a torn one. */
gboolean
bw_write_file_atomically (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  struct stat st;
  int fd;
  gsize done = 0;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666 & ~0022);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create a temporary file in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Keep the permissions of the file we replace. */
  if (g_stat (path, &st) == 0)
    fchmod (fd, st.st_mode & 07777);

  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not write %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      done += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not replace %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* Make the rename itself durable. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

gboolean
bw_project_save_to_file (BwProject     *self,
                         GFile         *file,
                         BwSaveFlags    flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Bulwark can only save to local files."));
      return FALSE;
    }

  if ((flags & BW_SAVE_FLAGS_STAMP) != 0 && bw_project_get_modified (self))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_object_set (self, "generator", "Bulwark " PACKAGE_VERSION, NULL);
      g_object_set (bw_project_get_model (self), "modified", stamp, NULL);
    }

  bytes = bw_project_to_bytes (self);
  if (!bw_write_file_atomically (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  bw_project_set_file (self, file);
  bw_command_stack_mark_clean (bw_project_get_command_stack (self));
  return TRUE;
}

/* The built-in example (resources/examples), e.g. for "Open Example". */
GBytes *
bw_project_dup_example_bytes (void)
{
  /* Referencing the resource links it in from the static library. */
  return g_resource_lookup_data (bw_core_get_resource (),
                                 "/io/github/bulwarkapp/Bulwark/examples/insulin-pump.bulwark",
                                 0, NULL);
}

BwProject *
bw_project_load_example (GError **error)
{
  g_autoptr(GBytes) bytes = bw_project_dup_example_bytes ();

  return bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
