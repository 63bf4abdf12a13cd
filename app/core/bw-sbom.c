/* bw-sbom.c — software bills of materials: reading them, merging them into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * An SBOM is imported again and again as the product evolves; each import
 * merges into the project's components instead of replacing them, since
 * the components carry our own assessments (support, end of support,
 * linked elements, vulnerabilities) that no SBOM knows about.
 *
 * Matching, in this order, each component taken at most once:
 *  1. the same purl;
 *  2. the same purl without version, qualifiers and subpath — a new
 *     release changes the purl, not the component;
 *  3. where one side has no purl: the same name (case-insensitive) and
 *     version.
 * A matched component takes the SBOM's name, version, supplier, purl,
 * CPE and licence where the SBOM gives them (an SBOM that is silent about
 * a supplier does not erase the one a person entered); everything else
 * is kept.  Components the SBOM no longer lists are removed (unless asked
 * to keep them), new ones are added with support "unknown".  The whole
 * merge is one command: one undo step, all or nothing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-add.h"
#include "bw-command-group.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-purl.h"
#include "bw-sbom-private.h"

BwSbomEntry *
_bw_sbom_entry_new (void)
{
  BwSbomEntry *entry = g_new0 (BwSbomEntry, 1);

  entry->name = g_strdup ("");
  entry->version = g_strdup ("");
  entry->supplier = g_strdup ("");
  entry->purl = g_strdup ("");
  entry->cpe = g_strdup ("");
  entry->license = g_strdup ("");
  entry->ref = g_strdup ("");
  return entry;
}

void
_bw_sbom_entry_free (BwSbomEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->version);
  g_free (entry->supplier);
  g_free (entry->purl);
  g_free (entry->cpe);
  g_free (entry->license);
  g_free (entry->ref);
  g_free (entry);
}

BwSbom *
_bw_sbom_new (const char *format)
{
  BwSbom *self = g_new0 (BwSbom, 1);

  self->format = g_strdup (format);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _bw_sbom_entry_free);
  return self;
}

void
bw_sbom_free (BwSbom *self)
{
  if (self == NULL)
    return;
  g_free (self->format);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

/**
 * bw_sbom_parse:
 * @bytes: a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document
 *
 * Returns: (transfer full): the components it lists, or %NULL with
 *   @error naming the JSON path of what is wrong
 */
BwSbom *
bw_sbom_parse (GBytes  *bytes,
               GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = _bw_foreign_parse (bytes, _("The SBOM"), error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BW_SBOM_ERROR, BW_SBOM_ERROR_UNSUPPORTED,
                           _("The SBOM is not a JSON object; Bulwark reads CycloneDX and SPDX JSON"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (json_object_has_member (object, "bomFormat"))
    return _bw_sbom_cyclonedx_read (object, error);
  if (json_object_has_member (object, "spdxVersion"))
    return _bw_sbom_spdx_read (object, error);

  g_set_error_literal (error, BW_SBOM_ERROR, BW_SBOM_ERROR_UNSUPPORTED,
                       _("The file is neither CycloneDX (no “bomFormat”) nor SPDX (no “spdxVersion”)"));
  return NULL;
}

/* Reads at most one byte more than the limit, so a huge file is refused
 * without being read whole. */
static GBytes *
load_limited (GFile         *file,
              gsize          limit,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  while (TRUE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > limit)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_TOO_LARGE,
                       _("%s is larger than %u MB; it is refused"), name, (guint) (limit / (1024 * 1024)));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
_bw_foreign_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return load_limited (file, BW_SBOM_MAX_BYTES, cancellable, error);
}

BwSbom *
bw_sbom_load_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = load_limited (file, BW_SBOM_MAX_BYTES, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return bw_sbom_parse (bytes, error);
}

/* Merging ------------------------------------------------------------- */

static const char * const merged_members[] = { "name", "version", "supplier", "purl", "cpe", "license" };

static void
change_free (BwSbomChange *change)
{
  g_free (change->id);
  g_free (change->name);
  g_free (change->version);
  g_free (change->purl);
  g_strfreev (change->members);
  g_strfreev (change->old_values);
  g_strfreev (change->new_values);
  g_free (change);
}

void
bw_sbom_report_free (BwSbomReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->changes);
  g_free (self);
}

static const char *
entry_member (BwSbomEntry *entry,
              guint        i)
{
  switch (i)
    {
    case 0: return entry->name;
    case 1: return entry->version;
    case 2: return entry->supplier;
    case 3: return entry->purl;
    case 4: return entry->cpe;
    case 5: return entry->license;
    default: g_assert_not_reached ();
    }
}

static const char *
component_member (BwComponent *component,
                  guint        i)
{
  switch (i)
    {
    case 0: return bw_component_get_name (component);
    case 1: return bw_component_get_version (component);
    case 2: return bw_component_get_supplier (component);
    case 3: return bw_component_get_purl (component);
    case 4: return bw_component_get_cpe (component);
    case 5: return bw_component_get_license (component);
    default: g_assert_not_reached ();
    }
}

static char *
name_version_key (const char *name,
                  const char *version)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strconcat (folded, "\n", version, NULL);
}

/* The SBOM's entries without repeats (the same purl, or the same name and
 * version without purl, listed twice: the first one counts). */
static GPtrArray *
unique_entries (BwSbom *sbom)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < sbom->entries->len; i++)
    {
      BwSbomEntry *entry = sbom->entries->pdata[i];
      char *key = *entry->purl != '\0' ? g_strdup (entry->purl) : name_version_key (entry->name, entry->version);

      if (!g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

typedef struct
{
  GPtrArray  *components;  /* BwComponent, the project's, in order */
  GPtrArray  *entries;     /* BwSbomEntry, unique, in order */
  int        *entry_of;    /* per component: the matched entry, or -1 */
  gboolean   *taken;       /* per entry: matched */
} Matching;

static void
match_pair (Matching *m,
            guint     component,
            guint     entry)
{
  m->entry_of[component] = entry;
  m->taken[entry] = TRUE;
}

/* Index of `key` → the first unmatched component with it. */
static void
match_by (Matching  *m,
          char     *(*component_key) (BwComponent *c),
          char     *(*entry_key) (BwSbomEntry *e))
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = m->components->len; i > 0; i--)
    {
      char *key;

      if (m->entry_of[i - 1] >= 0)
        continue;
      key = component_key (m->components->pdata[i - 1]);
      if (key != NULL)
        g_hash_table_replace (index, key, GUINT_TO_POINTER (i));
    }
  for (guint j = 0; j < m->entries->len; j++)
    {
      g_autofree char *key = NULL;
      guint i;

      if (m->taken[j])
        continue;
      key = entry_key (m->entries->pdata[j]);
      if (key == NULL)
        continue;
      i = GPOINTER_TO_UINT (g_hash_table_lookup (index, key));
      if (i == 0 || m->entry_of[i - 1] >= 0)
        continue;
      match_pair (m, i - 1, j);
      g_hash_table_remove (index, key);
    }
}

static char *
component_purl (BwComponent *c)
{
  const char *purl = bw_component_get_purl (c);

  return *purl != '\0' ? g_strdup (purl) : NULL;
}

static char *
entry_purl (BwSbomEntry *e)
{
  return *e->purl != '\0' ? g_strdup (e->purl) : NULL;
}

static char *
component_purl_base (BwComponent *c)
{
  return bw_purl_dup_base (bw_component_get_purl (c));
}

static char *
entry_purl_base (BwSbomEntry *e)
{
  return bw_purl_dup_base (e->purl);
}

static char *
component_name_version (BwComponent *c)
{
  return name_version_key (bw_component_get_name (c), bw_component_get_version (c));
}

static char *
entry_name_version_no_purl (BwSbomEntry *e)
{
  return *e->purl == '\0' ? name_version_key (e->name, e->version) : NULL;
}

static char *
component_name_version_no_purl (BwComponent *c)
{
  return *bw_component_get_purl (c) == '\0' ? component_name_version (c) : NULL;
}

static char *
entry_name_version (BwSbomEntry *e)
{
  return name_version_key (e->name, e->version);
}

static BwSbomChange *
change_new (BwSbomChangeKind  kind,
            const char       *id,
            const char       *name,
            const char       *version,
            const char       *purl)
{
  BwSbomChange *change = g_new0 (BwSbomChange, 1);
  static const char * const none[] = { NULL };

  change->kind = kind;
  change->id = g_strdup (id);
  change->name = g_strdup (name);
  change->version = g_strdup (version);
  change->purl = g_strdup (purl);
  change->members = g_strdupv ((char **) none);
  change->old_values = g_strdupv ((char **) none);
  change->new_values = g_strdupv ((char **) none);
  return change;
}

static BwCommand *
set_string_command (BwProject  *project,
                    const char *id,
                    const char *member,
                    const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return bw_command_set_property_new (project, id, member, &gvalue);
}

static BwComponent *
component_from_entry (BwSbomEntry *entry)
{
  return g_object_new (BW_TYPE_COMPONENT,
                       "name", entry->name,
                       "version", entry->version,
                       "supplier", entry->supplier,
                       "purl", entry->purl,
                       "cpe", entry->cpe,
                       "license", entry->license,
                       "support", "unknown",
                       NULL);
}

/**
 * bw_sbom_import:
 * @project: the project to merge into
 * @sbom: what the SBOM lists
 * @flags: a dry run, keep removed components
 * @report: (out) (optional): what changes (or changed)
 *
 * Merges @sbom into the components of @project as one undoable command
 * on its command stack.  Nothing changes when the merge would change
 * nothing, in a dry run, or on failure.
 */
gboolean
bw_sbom_import (BwProject         *project,
                BwSbom            *sbom,
                BwSbomMergeFlags   flags,
                BwSbomReport     **report,
                GError           **error)
{
  g_autoptr(BwSbomReport) result = g_new0 (BwSbomReport, 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) components = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removed_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree int *entry_of = NULL;
  g_autofree gboolean *taken = NULL;
  GListModel *list;
  Matching m;
  gboolean dry_run = (flags & BW_SBOM_MERGE_DRY_RUN) != 0;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (sbom != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  entries = unique_entries (sbom);
  list = bw_project_get_components (project);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (components, g_list_model_get_item (list, i));

  entry_of = g_new (int, MAX (components->len, 1));
  for (guint i = 0; i < components->len; i++)
    entry_of[i] = -1;
  taken = g_new0 (gboolean, MAX (entries->len, 1));
  m = (Matching) { components, entries, entry_of, taken };
  match_by (&m, component_purl, entry_purl);
  match_by (&m, component_purl_base, entry_purl_base);
  match_by (&m, component_name_version_no_purl, entry_name_version);
  match_by (&m, component_name_version, entry_name_version_no_purl);

  /* Changed components, in the project's order. */
  for (guint i = 0; i < components->len; i++)
    {
      BwComponent *component = components->pdata[i];
      const char *id = bw_record_get_id (BW_RECORD (component));
      g_autoptr(GStrvBuilder) members = NULL;
      g_autoptr(GStrvBuilder) olds = NULL;
      g_autoptr(GStrvBuilder) news = NULL;
      BwSbomEntry *entry;
      BwSbomChange *change;
      gboolean changed = FALSE;

      if (entry_of[i] < 0)
        {
          g_ptr_array_add (removed_ids, (gpointer) id);
          continue;
        }
      entry = entries->pdata[entry_of[i]];
      members = g_strv_builder_new ();
      olds = g_strv_builder_new ();
      news = g_strv_builder_new ();
      for (guint k = 0; k < G_N_ELEMENTS (merged_members); k++)
        {
          const char *old_value = component_member (component, k);
          const char *new_value = entry_member (entry, k);

          if (*new_value == '\0' || g_str_equal (old_value, new_value))
            continue;
          changed = TRUE;
          g_strv_builder_add (members, merged_members[k]);
          g_strv_builder_add (olds, old_value);
          g_strv_builder_add (news, new_value);
          if (!dry_run)
            g_ptr_array_add (commands, set_string_command (project, id, merged_members[k], new_value));
        }
      if (!changed)
        {
          result->n_unchanged++;
          continue;
        }
      change = change_new (BW_SBOM_CHANGE_CHANGED, id, entry->name, entry->version, entry->purl);
      g_strfreev (change->members);
      g_strfreev (change->old_values);
      g_strfreev (change->new_values);
      change->members = g_strv_builder_end (members);
      change->old_values = g_strv_builder_end (olds);
      change->new_values = g_strv_builder_end (news);
      g_ptr_array_add (result->changes, change);
      result->n_changed++;
    }

  if (!(flags & BW_SBOM_MERGE_KEEP_REMOVED) && removed_ids->len > 0)
    {
      for (guint i = 0; i < components->len; i++)
        if (entry_of[i] < 0)
          {
            BwComponent *c = components->pdata[i];

            g_ptr_array_add (result->changes,
                             change_new (BW_SBOM_CHANGE_REMOVED, bw_record_get_id (BW_RECORD (c)),
                                         bw_component_get_name (c), bw_component_get_version (c),
                                         bw_component_get_purl (c)));
            result->n_removed++;
          }
      g_ptr_array_add (removed_ids, NULL);
      if (!dry_run)
        g_ptr_array_add (commands, bw_command_remove_new (project, (const char * const *) removed_ids->pdata));
    }
  else
    result->n_unchanged += removed_ids->len;

  for (guint j = 0; j < entries->len; j++)
    {
      BwSbomEntry *entry = entries->pdata[j];
      const char *id = NULL;
      BwCommand *add = NULL;

      if (taken[j])
        continue;
      if (!dry_run)
        {
          g_autoptr(BwComponent) component = component_from_entry (entry);

          add = bw_command_add_new (project, BW_RECORD (component), -1);
          id = bw_command_add_get_id (BW_COMMAND_ADD (add));
          g_ptr_array_add (commands, add);
        }
      g_ptr_array_add (result->changes,
                       change_new (BW_SBOM_CHANGE_ADDED, id, entry->name, entry->version, entry->purl));
      result->n_added++;
    }

  if (!dry_run && commands->len > 0)
    {
      g_autoptr(BwCommandGroup) group = bw_command_group_new (_("Import SBOM"));
      g_autoptr(GError) local_error = NULL;

      for (guint i = 0; i < commands->len; i++)
        bw_command_group_append (group, commands->pdata[i]);
      /* The group applies its parts all or nothing. */
      if (!bw_command_stack_execute (bw_project_get_command_stack (project), BW_COMMAND (group), &local_error))
        {
          g_set_error (error, BW_SBOM_ERROR, BW_SBOM_ERROR_FAILED,
                       _("The SBOM could not be merged: %s"), local_error->message);
          return FALSE;
        }
    }

  if (report != NULL)
    *report = g_steal_pointer (&result);
  return TRUE;
}
