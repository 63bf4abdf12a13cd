/* bw-cli-derive.c — `bulwark-cli derive`: derive threats from the rule libraries
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-derive.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-deriver.h"
#include "bw-rule-library-ref.h"

#include "bw-cli.h"

static void
usage (void)
{
  g_printerr (_("Usage: bulwark-cli derive FILE [--write] [--rules EXTRA.json]…\n"
                "Prints what deriving threats from the built-in rules (and the given and recorded\n"
                "rule files) would change: added, obsolete, revived, superseded threats.\n"
                "With --write, applies the changes and saves FILE in canonical form.\n"));
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (problems, i));
}

static gboolean
add_library_file (BwRuleSet  *rules,
                  GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(BwRuleLibrary) library = bw_rule_library_new_from_file (file, &problems, &error);

  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  print_problems (problems);
  if (!bw_rule_set_add_library (rules, library, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Libraries the project records with a path, relative to the project file,
 * that were not given on the command line: loaded if they can be; if not,
 * derivation leaves their threats alone (and says so). */
static void
add_recorded_libraries (BwRuleSet *rules,
                        BwProject *project,
                        GFile     *project_file)
{
  GListModel *refs = bw_project_get_rule_libraries (project);
  g_autoptr(GFile) folder = g_file_get_parent (project_file);

  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(BwRuleLibraryRef) ref = g_list_model_get_item (refs, i);
      const char *path = bw_rule_library_ref_get_path (ref);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BwRuleLibrary) library = NULL;

      if (path == NULL || bw_rule_set_lookup_library (rules, bw_record_get_id (BW_RECORD (ref))) != NULL)
        continue;
      file = g_file_resolve_relative_path (folder, path);
      library = bw_rule_library_new_from_file (file, NULL, &error);
      if (library == NULL || !bw_rule_set_add_library (rules, library, &error))
        g_printerr (_("warning: the recorded rule library “%s” (%s) is not loaded: %s\n"),
                    bw_record_get_id (BW_RECORD (ref)), path, error->message);
    }
}

/* The path of `file` relative to `folder`, with ".." where needed
 * (FORMAT.md: a library's path is relative to the project file). */
static char *
relative_path (GFile *folder,
               GFile *file)
{
  g_autofree char *from = g_file_get_path (folder);
  g_autofree char *to = g_file_get_path (file);
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint common = 0;

  if (from == NULL || to == NULL)
    return to != NULL ? g_steal_pointer (&to) : g_file_get_uri (file);
  a = g_strsplit (from, G_DIR_SEPARATOR_S, -1);
  b = g_strsplit (to, G_DIR_SEPARATOR_S, -1);
  while (a[common] != NULL && b[common] != NULL && b[common + 1] != NULL && g_str_equal (a[common], b[common]))
    common++;
  for (guint i = common; a[i] != NULL; i++)
    if (*a[i] != '\0')
      g_string_append (out, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; b[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", b[i], b[i + 1] != NULL ? G_DIR_SEPARATOR_S : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Records the libraries the threats were derived with (FORMAT.md,
 * rule_libraries): new ones are added, a changed version is updated. */
static gboolean
record_libraries (BwProject  *project,
                  BwRuleSet  *rules,
                  GFile      *project_file,
                  GHashTable *paths,
                  GError    **error)
{
  GListModel *libraries = bw_rule_set_get_libraries (rules);
  GListModel *refs = bw_project_get_rule_libraries (project);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GFile) folder = g_file_get_parent (project_file);

  for (guint i = 0; i < g_list_model_get_n_items (libraries); i++)
    {
      g_autoptr(BwRuleLibrary) library = g_list_model_get_item (libraries, i);
      const char *id = bw_rule_library_get_id (library);
      g_autoptr(BwRuleLibraryRef) found = NULL;
      guint position = 0;

      for (guint j = 0; j < g_list_model_get_n_items (refs) && found == NULL; j++)
        {
          g_autoptr(BwRuleLibraryRef) ref = g_list_model_get_item (refs, j);

          if (g_strcmp0 (bw_record_get_id (BW_RECORD (ref)), id) == 0)
            {
              found = g_steal_pointer (&ref);
              position = j;
            }
        }

      if (found == NULL)
        {
          GFile *file = g_hash_table_lookup (paths, id);
          g_autofree char *relative = file != NULL ? relative_path (folder, file) : NULL;
          g_autoptr(BwRuleLibraryRef) ref = g_object_new (BW_TYPE_RULE_LIBRARY_REF,
                                                          "id", id,
                                                          "version", bw_rule_library_get_version (library),
                                                          "path", relative,
                                                          NULL);
          g_autoptr(BwCommand) add = bw_command_add_new (project, BW_RECORD (ref), -1);

          if (!bw_command_stack_execute (stack, add, error))
            return FALSE;
        }
      else if (g_strcmp0 (bw_rule_library_ref_get_version (found), bw_rule_library_get_version (library)) != 0)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *path = g_strdup_printf ("rule_libraries/%u", position);
          g_autoptr(BwCommand) set = NULL;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, bw_rule_library_get_version (library));
          set = bw_command_set_property_new (project, path, "version", &value);
          if (set == NULL || !bw_command_stack_execute (stack, set, error))
            return FALSE;
        }
    }
  return TRUE;
}

int
bw_cli_derive (int    argc,
               char **argv)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new ();
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwDerivePlan) plan = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  gboolean write = FALSE;
  const char * const *missing;

  if (!bw_rule_set_add_library (rules, bw_rule_library_get_builtin (), &error))
    g_assert_not_reached ();
  print_problems (bw_rule_library_get_problems (bw_rule_library_get_builtin ()));

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--write"))
        write = TRUE;
      else if (g_str_equal (argv[i], "--rules") && i + 1 < argc)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[++i]);
          guint before = g_list_model_get_n_items (bw_rule_set_get_libraries (rules));

          if (!add_library_file (rules, file))
            return 1;
          if (g_list_model_get_n_items (bw_rule_set_get_libraries (rules)) > before)
            {
              g_autoptr(BwRuleLibrary) added = g_list_model_get_item (bw_rule_set_get_libraries (rules), before);

              g_hash_table_insert (paths, g_strdup (bw_rule_library_get_id (added)), g_object_ref (file));
            }
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage ();
          return 0;
        }
      else if (argv[i][0] == '-' || path != NULL)
        {
          usage ();
          return 2;
        }
      else
        path = argv[i];
    }
  if (path == NULL)
    {
      usage ();
      return 2;
    }

  project = bw_cli_load_or_report (path);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);
  project_file = g_file_new_for_commandline_arg (path);
  add_recorded_libraries (rules, project, project_file);

  plan = bw_deriver_plan (project, rules, NULL);
  missing = bw_derive_plan_get_missing_libraries (plan);
  for (guint i = 0; missing[i] != NULL; i++)
    g_printerr (_("warning: the rule library “%s” the project records is not loaded; "
                  "the threats of its rules were left as they are\n"), missing[i]);

  for (guint i = 0; i < bw_derive_plan_get_n_items (plan); i++)
    {
      const BwDeriveItem *item = bw_derive_plan_get_item (plan, i);

      g_print ("%-12s %-8s %-8s %s  %s\n", bw_derive_action_to_string (item->action),
               item->threat_id, item->target, item->rule_id, item->title);
    }
  g_print (_("%u added, %u obsolete, %u revived, %u superseded, %u no longer superseded\n"),
           bw_derive_plan_count (plan, BW_DERIVE_ADD), bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE),
           bw_derive_plan_count (plan, BW_DERIVE_REVIVE), bw_derive_plan_count (plan, BW_DERIVE_SUPERSEDE),
           bw_derive_plan_count (plan, BW_DERIVE_UNSUPERSEDE));

  if (!write)
    return 0;

  /* The libraries are recorded even when no threat changed (a newer
   * version of the same rules); an unchanged project is not rewritten. */
  if (!bw_derive_plan_is_empty (plan))
    {
      g_autoptr(BwCommand) command = bw_command_derive_new (project, plan);

      if (!bw_command_stack_execute (bw_project_get_command_stack (project), command, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
    }
  if (!record_libraries (project, rules, project_file, paths, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  if (bw_command_stack_get_modified (bw_project_get_command_stack (project))
      && !bw_project_save_to_file (project, project_file, BW_SAVE_FLAGS_STAMP, NULL, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  return 0;
}
