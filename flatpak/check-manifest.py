#!/usr/bin/env python3
"""Sanity checks of a Bulwark Flatpak manifest (no jsonschema needed).

Usage: check-manifest.py MANIFEST.json APP_ID PROFILE

Valid JSON; the required keys; the GNOME runtime and SDK; exactly the minimal
permissions (no network, no home or host file system); Graphviz built first
from the pinned release; Bulwark built last with meson from this tree, with
the given profile and its tests.
"""
import json
import re
import sys

GRAPHVIZ_URL = ('https://gitlab.com/api/v4/projects/4207231/packages/generic/'
                'graphviz-releases/14.1.5/graphviz-14.1.5.tar.xz')
GRAPHVIZ_SHA256 = 'b017378835f7ca12f1a3f1db5c338d7e7af16b284b7007ad73ccec960c1b45b3'
GRAPHVIZ_OPTS = ['--without-x', '--with-qt=no', '--with-gtk=no', '--enable-swig=no',
                 '--with-webp=no', '--with-rsvg=no', '--with-visio=no',
                 '--with-gdk-pixbuf=no']
FINISH_ARGS = ['--device=dri', '--share=ipc', '--socket=wayland', '--socket=fallback-x11']

path, app_id, profile = sys.argv[1:4]
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)
    return cond


try:
    with open(path, encoding='utf-8') as f:
        m = json.load(f)
except (OSError, ValueError) as e:
    print(f'{path}: not valid JSON: {e}')
    sys.exit(1)

check(isinstance(m, dict), 'the manifest is not a JSON object')
for key in ('runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules'):
    check(key in m, f'required key "{key}" is missing')
ident = m.get('id', m.get('app-id'))
check(ident == app_id, f'id is {ident!r}, expected {app_id!r}')
check(not ('id' in m and 'app-id' in m), 'both "id" and "app-id" are set')
check(m.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
check(m.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
check(isinstance(m.get('runtime-version'), str)
      and re.fullmatch(r'\d+', m.get('runtime-version', '')) is not None,
      'runtime-version is not a GNOME release number in a string, like "49"')
check(m.get('command') == 'bulwark', 'command is not bulwark')

args = m.get('finish-args', [])
check(sorted(args) == sorted(FINISH_ARGS),
      f'finish-args are {args}, expected exactly {FINISH_ARGS}')
for a in args:
    check(not a.startswith('--share=network'), 'network access (--share=network) is not allowed')
    check(not a.startswith('--filesystem'), f'file system access ({a}) is not allowed: use the portal')
    check(not a.startswith(('--socket=session-bus', '--socket=system-bus', '--talk-name',
                            '--system-talk-name', '--device=all', '--socket=x11')),
          f'{a} is more than the app needs')

modules = m.get('modules', [])
names = [mod.get('name') if isinstance(mod, dict) else mod for mod in modules]
check(names == ['graphviz', 'bulwark'], f'modules are {names}, expected graphviz then bulwark')
mods = {mod.get('name'): mod for mod in modules if isinstance(mod, dict)}

gv = mods.get('graphviz', {})
check(gv.get('buildsystem', 'autotools') == 'autotools', 'graphviz is not built with autotools')
opts = gv.get('config-opts', [])
for o in GRAPHVIZ_OPTS:
    check(o in opts, f'graphviz config-opts lack {o}')
check(not any('pango' in o and ('=no' in o or 'without' in o) for o in opts),
      'graphviz must keep pangocairo')
srcs = gv.get('sources', [])
check(len(srcs) == 1 and srcs[0].get('type') == 'archive'
      and srcs[0].get('url') == GRAPHVIZ_URL and srcs[0].get('sha256') == GRAPHVIZ_SHA256,
      'graphviz is not the pinned 14.1.5 release archive with its sha256')
cleanup = gv.get('cleanup', []) + m.get('cleanup', [])
for c in ('/share/man', '*.a', '*.la'):
    check(c in cleanup, f'cleanup lacks {c}')

bw = mods.get('bulwark', {})
check(bw.get('buildsystem') == 'meson', 'bulwark is not built with meson')
check(f'-Dprofile={profile}' in bw.get('config-opts', []),
      f'bulwark config-opts lack -Dprofile={profile}')
check(bw.get('run-tests') is True, 'bulwark does not run its tests (run-tests: true)')
bsrcs = bw.get('sources', [])
check(len(bsrcs) == 1 and bsrcs[0].get('type') == 'dir' and bsrcs[0].get('path') == '..',
      'bulwark is not built from this tree (a dir source with path "..")')

if errors:
    for e in errors:
        print(f'{path}: {e}')
    sys.exit(1)
print(f'ok: {path}')
