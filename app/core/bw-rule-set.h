/* bw-rule-set.h — the rule libraries in use together; rule IDs unique across them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"
#include "bw-rule-library.h"

G_BEGIN_DECLS

#define BW_TYPE_RULE_SET (bw_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (BwRuleSet, bw_rule_set, BW, RULE_SET, GObject)

BwRuleSet      *bw_rule_set_new              (void);
/* A set holding the built-in library. */
BwRuleSet      *bw_rule_set_new_builtin      (void);
/* Refuses (BW_RULE_LIBRARY_ERROR_DUPLICATE) a library with the ID of one
 * already in the set, or with a rule ID already loaded, naming both
 * sources; the set is then unchanged. */
gboolean        bw_rule_set_add_library      (BwRuleSet      *self,
                                              BwRuleLibrary  *library,
                                              GError        **error);
GListModel     *bw_rule_set_get_libraries    (BwRuleSet      *self);
BwRuleLibrary  *bw_rule_set_lookup_library   (BwRuleSet      *self,
                                              const char     *library_id);
BwRule         *bw_rule_set_lookup_rule      (BwRuleSet      *self,
                                              const char     *rule_id);
/* The rules that apply to one kind of subject, in load order (borrowed). */
GPtrArray      *bw_rule_set_get_rules_for    (BwRuleSet      *self,
                                              BwRuleAppliesTo applies_to);
guint           bw_rule_set_get_n_rules      (BwRuleSet      *self);

/* Adds the libraries the project records (`rule_libraries`) that have a
 * path, relative to the project file, and can be loaded; one that cannot
 * is skipped with a message in `problems` (when not NULL), and its
 * threats then stay as they are. */
void            bw_rule_set_add_project_libraries (BwRuleSet *self,
                                                   BwProject *project,
                                                   GPtrArray *problems);

G_END_DECLS
