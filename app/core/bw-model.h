/* bw-model.h — what a project is about: title, device, scope, method
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"
#include "bw-device.h"
#include "bw-retirement.h"
#include "bw-security-concept.h"

G_BEGIN_DECLS

#define BW_TYPE_MODEL (bw_model_get_type ())
G_DECLARE_FINAL_TYPE (BwModel, bw_model, BW, MODEL, BwRecord)

const char *        bw_model_get_title (BwModel *self);
const char *        bw_model_get_description (BwModel *self);
BwDevice *          bw_model_get_device (BwModel *self);
const char * const *bw_model_get_authors (BwModel *self);
const char *        bw_model_get_created (BwModel *self);
const char *        bw_model_get_modified (BwModel *self);
const char *        bw_model_get_scope (BwModel *self);
const char *        bw_model_get_methodology (BwModel *self);
BwSecurityConcept * bw_model_get_security_concept (BwModel *self);
BwRetirement *      bw_model_get_retirement (BwModel *self);

G_END_DECLS
