/* bw-rule-library.h — a rule library: declared properties and rules, validated on load
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gio/gio.h>

#include "bw-rule.h"
#include "bw-rule-property.h"

G_BEGIN_DECLS

#define BW_RULE_LIBRARY_ERROR (bw_rule_library_error_quark ())

typedef enum
{
  BW_RULE_LIBRARY_ERROR_PARSE,      /* not JSON: line:column */
  BW_RULE_LIBRARY_ERROR_FORMAT,     /* not a rule library, or a bad top-level member */
  BW_RULE_LIBRARY_ERROR_DUPLICATE,  /* a rule ID that is already loaded */
  BW_RULE_LIBRARY_ERROR_MISMATCH,   /* a part for another library */
} BwRuleLibraryError;

#define BW_RULE_LIBRARY_BUILTIN_ID "bulwark.builtin"

#define BW_TYPE_RULE_LIBRARY (bw_rule_library_get_type ())
G_DECLARE_FINAL_TYPE (BwRuleLibrary, bw_rule_library, BW, RULE_LIBRARY, GObject)

GQuark          bw_rule_library_error_quark   (void);

/* A library-level failure is a GError; each bad rule is appended to
 * `problems` (strings, "<rule id>: <JSON path>: <what>") and skipped. */
BwRuleLibrary  *bw_rule_library_new_from_data (const char     *data,
                                               gssize          length,
                                               const char     *source_name,
                                               GPtrArray     **problems,
                                               GError        **error);
BwRuleLibrary  *bw_rule_library_new_from_file (GFile          *file,
                                               GPtrArray     **problems,
                                               GError        **error);
/* Merges a part file ({"id": <this library's id>, "part": …}). */
gboolean        bw_rule_library_add_part      (BwRuleLibrary  *self,
                                               const char     *data,
                                               gssize          length,
                                               const char     *source_name,
                                               GPtrArray     **problems,
                                               GError        **error);

/* The built-in library and its parts from the resources; loaded once. */
BwRuleLibrary  *bw_rule_library_get_builtin   (void);

const char     *bw_rule_library_get_id        (BwRuleLibrary  *self);
const char     *bw_rule_library_get_version   (BwRuleLibrary  *self);
const char     *bw_rule_library_get_name      (BwRuleLibrary  *self);
const char     *bw_rule_library_get_source    (BwRuleLibrary  *self);
GListModel     *bw_rule_library_get_rules     (BwRuleLibrary  *self);
BwRule         *bw_rule_library_lookup        (BwRuleLibrary  *self,
                                               const char     *rule_id);
/* `kind`: external_entity, process, data_store or data_flow; a GListModel
 * of BwRuleProperty, empty for an unknown kind. */
GListModel     *bw_rule_library_get_properties (BwRuleLibrary *self,
                                                const char    *kind);
BwRuleProperty *bw_rule_library_lookup_property (BwRuleLibrary *self,
                                                 BwElementKind  kind,
                                                 const char    *name);
/* The problems found while loading (and merging parts), as strings. */
GPtrArray      *bw_rule_library_get_problems  (BwRuleLibrary  *self);

G_END_DECLS
