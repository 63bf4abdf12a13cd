/* bw-application-private.h — BwApplication's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-application.h"

G_BEGIN_DECLS

#define BW_SETTINGS_SCHEMA_ID "io.github.bulwarkapp.Bulwark"

struct _BwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;          /* NULL without an installed schema */
  guint           recovery_offered : 1;
};

G_END_DECLS
