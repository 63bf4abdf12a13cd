/* bw-cli.h — what the commands of bulwark-cli share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project-io.h"

G_BEGIN_DECLS

/* A command: argv[0] is the command's name; returns the exit status
 * (0 success, 1 the input has problems, 2 wrong usage). */
typedef int (*BwCliCommand) (int    argc,
                             char **argv);

BwProject *bw_cli_load_or_report (const char *path);
void       bw_cli_print_warnings (BwProject  *project);

int        bw_cli_attack_tree    (int         argc,
                                  char      **argv);
int        bw_cli_check          (int         argc,
                                  char      **argv);
int        bw_cli_cvss           (int         argc,
                                  char      **argv);
int        bw_cli_derive         (int         argc,
                                  char      **argv);
int        bw_cli_export         (int         argc,
                                  char      **argv);
int        bw_cli_import         (int         argc,
                                  char      **argv);
int        bw_cli_report         (int         argc,
                                  char      **argv);
int        bw_cli_trace          (int         argc,
                                  char      **argv);
int        bw_cli_sbom           (int         argc,
                                  char      **argv);
int        bw_cli_vulns          (int         argc,
                                  char      **argv);

G_END_DECLS
