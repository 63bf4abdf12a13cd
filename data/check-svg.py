#!/usr/bin/env python3
"""Checks that each icon is a well-formed SVG document with a sane size.

Usage: check-svg.py ICON.svg...
A symbolic icon (…-symbolic.svg) must be 16×16 and use fills only:
GTK recolours fills, not strokes.
"""
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
failed = False


def fail(path, msg):
    global failed
    failed = True
    print(f'{path}: {msg}')


for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        fail(path, f'not well-formed: {e}')
        continue
    if root.tag != SVG + 'svg':
        fail(path, f'root element is {root.tag}, not an SVG <svg>')
        continue
    box = root.get('viewBox', '').replace(',', ' ').split()
    if len(box) != 4:
        fail(path, 'no viewBox')
        continue
    w, h = float(box[2]), float(box[3])
    if w != h:
        fail(path, f'not square: {w}×{h}')
    if path.endswith('-symbolic.svg'):
        if (w, h) != (16, 16):
            fail(path, f'a symbolic icon is 16×16, not {w}×{h}')
        for el in root.iter():
            stroke = el.get('stroke')
            if stroke not in (None, 'none'):
                fail(path, f'<{el.tag.replace(SVG, "")}> has a stroke; use fills')
    elif w < 64:
        fail(path, f'a full-colour icon is drawn at 128×128, not {w}×{h}')
    if not failed:
        print(f'ok: {path}')

sys.exit(1 if failed else 0)
