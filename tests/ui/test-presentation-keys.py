#!/usr/bin/env python3
# test-presentation-keys.py — presentation mode driven by real key presses
#
# Copyright 2026 The Bulwark authors
# SPDX-License-Identifier: Apache-2.0
#
# Starts the app on the example under the test's X display (make test runs
# meson under xvfb-run), presses F5, steps through every slide with the
# arrow keys, leaves with Esc, and checks each step on screen. GTK cannot
# be typed into from inside a test; xdotool types through the X server as
# a keyboard would. TAP output.

import os
import shutil
import subprocess
import sys
import tempfile
import time
import hashlib
import re

app = sys.argv[1]
results = []


def ok(cond, name):
    results.append((cond, name))


def finish():
    print("1..%d" % len(results))
    for i, (cond, name) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if cond else "not ok", i, name))
    sys.exit(0 if all(c for c, _ in results) else 1)


def skip(reason):
    print("1..0 # SKIP %s" % reason)
    sys.exit(0)


if not os.environ.get("DISPLAY"):
    skip("no X display")
for tool in ("xdotool", "import"):
    if shutil.which(tool) is None:
        skip("%s is not installed" % tool)


def xdotool(*args, check=False):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, check=check)


def find_window(name, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        found = xdotool("search", "--onlyvisible", "--name", name)
        ids = found.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.2)
    return None


def screen_hash():
    png = subprocess.run(["import", "-window", "root", "png:-"], capture_output=True).stdout
    return hashlib.sha256(png).hexdigest()


def settle(previous, timeout=10.0):
    """The screen's hash once it changed from `previous` and stopped changing."""
    end = time.time() + timeout
    last = screen_hash()
    while time.time() < end:
        time.sleep(0.25)
        now = screen_hash()
        if now == last and now != previous:
            return now
        last = now
    return last


def quiet(hold=2.0, timeout=20.0):
    """The screen's hash once it has not changed for `hold` seconds."""
    end = time.time() + timeout
    last = screen_hash()
    since = time.time()
    while time.time() < end:
        time.sleep(0.25)
        now = screen_hash()
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= hold:
            break
    return last


home = tempfile.mkdtemp(prefix="bulwark-keys-")
env = dict(os.environ)
env["HOME"] = home
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    env[var] = os.path.join(home, var)
    os.makedirs(env[var], exist_ok=True)
env["GSETTINGS_BACKEND"] = "memory"

def press(window, key):
    """Types `key` into `window`: without a window manager the window under
    the pointer has the keyboard, so the pointer goes there first."""
    xdotool("mousemove", "--window", window, "400", "400")
    xdotool("key", key)


SLIDE = re.compile(r"Slide (\d+) of (\d+)")


def slide_of(window):
    """(index, count) from the presentation window's title, or None."""
    name = xdotool("getwindowname", window).stdout
    m = SLIDE.search(name)
    return (int(m.group(1)), int(m.group(2))) if m else None


def wait_slide(window, accept, timeout=30.0):
    """The (index, count) once accept(index, count) holds; None after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        got = slide_of(window)
        if got is not None and accept(*got):
            return got
        time.sleep(0.1)
    return None


proc = subprocess.Popen([app, "--example"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    # The example's title in the window's: the project is loaded.
    window = find_window("Connected insulin pump", timeout=60.0)
    ok(window is not None, "the app shows its window")
    if window is None:
        finish()

    # No window manager: the pointer's window has the keyboard.
    xdotool("mousemove", "--window", window, "300", "300")
    time.sleep(1.0)
    editor = screen_hash()
    xdotool("key", "F5")
    presentation = find_window("Presentation$", timeout=10.0)
    if presentation is None:
        # A machine under load may still have been busy with the first
        # frame; the pointer's window gets the key a second time.
        xdotool("mousemove", "--window", window, "300", "300")
        time.sleep(2.0)
        xdotool("key", "F5")
        presentation = find_window("Presentation$", timeout=30.0)
    ok(presentation is not None, "F5 opens presentation")
    if presentation is None:
        finish()
    xdotool("mousemove", "--window", presentation, "400", "400")

    # The window's title names the slide shown ("Slide 3 of 24 —
    # Presentation"): each key's effect is read from it, whatever the
    # machine's load; the screen is compared where a key must change it.
    first = wait_slide(presentation, lambda i, n: True)
    ok(first is not None and first[0] == 1, "the title slide is shown first (%s)" % (first,))
    if first is None:
        finish()
    count = first[1]
    ok(count >= 10, "the example has a deck (%d slides)" % count)
    settle(editor)
    title = quiet()
    ok(title != editor, "the screen shows the title slide, not the editor")

    reached = 1
    for expected in range(2, count + 1):
        press(presentation, "Right")
        got = wait_slide(presentation, lambda i, n, e=expected: i == e)
        if got is None:
            break
        reached = expected
    ok(reached == count, "Right steps through every slide (%d of %d)" % (reached, count))
    settle(title)
    last = quiet()
    ok(last != title, "the last slide looks different from the title slide")

    press(presentation, "Right")
    time.sleep(1.0)
    ok(slide_of(presentation) == (count, count), "the last slide stays the last")

    press(presentation, "Home")
    ok(wait_slide(presentation, lambda i, n: i == 1) is not None, "Home goes back to the title slide")
    settle(last)
    ok(quiet() == title, "the screen shows the title slide again")

    press(presentation, "End")
    ok(wait_slide(presentation, lambda i, n: i == n) is not None, "End goes to the last slide")
    press(presentation, "Left")
    ok(wait_slide(presentation, lambda i, n: i == n - 1) is not None, "Left steps back")

    press(presentation, "Escape")
    end = time.time() + 30
    while time.time() < end and find_window("Presentation$", timeout=0.5) is not None:
        time.sleep(0.2)
    ok(find_window("Presentation$", timeout=0.5) is None, "Esc leaves presentation")
    ok(proc.poll() is None, "the app keeps running")
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(home, ignore_errors=True)

finish()
