#!/usr/bin/env python3
"""Crash recovery with the real app: an edit is copied to a recovery file,
the app is killed with SIGKILL, the next start offers the copy, and the
restored project is modified, attached to its file and saves there.

Usage: test-app-recovery.py BULWARK EXAMPLE   (prints TAP; needs a display)
"""
import json
import os
import signal
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bw_atspi as A  # noqa: E402

if shutil.which("xdotool") is None:
    A.skip_all("xdotool not installed")
A.reexec_in_session_bus()

bulwark, example = sys.argv[1:3]
tap = A.Tap()
home, env = A.private_home()
project = os.path.join(home, "pump.bulwark")
shutil.copy(example, project)
recovery_dir = os.path.join(env["XDG_DATA_HOME"], "bulwark", "recovery")


def count_elements(path):
    with open(path, encoding="utf-8") as f:
        return len(json.load(f)["elements"])


def recovery_files():
    try:
        return sorted(os.listdir(recovery_dir))
    except FileNotFoundError:
        return []


def start(*args):
    return subprocess.Popen([bulwark, *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc):
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


original_count = count_elements(project)
app = start(project)
try:
    window = A.wait_for(lambda: A.window_titled(r"^pump\.bulwark – Bulwark$"))
    tap.check("the project opens", window is not None, "no window titled pump.bulwark")

    # An edit as a user makes it: the Process tool, a click on free canvas.
    tool = A.wait_for(lambda: A.find(window, role="toggle button", name="Process")
                      or A.find(window, role="push button", name="Process"))
    tap.check("the Process tool is on the toolbar", tool is not None)
    if tool is not None:
        A.press(tool)
        time.sleep(0.5)
        subprocess.run(["xdotool", "mousemove", "--sync", "450", "200", "click", "1"], env=env)
    modified = A.wait_for(lambda: A.window_titled(r"^• pump\.bulwark – Bulwark$"), timeout=10)
    tap.check("the click adds a process (the title shows unsaved changes)", modified is not None,
              "title: " + (window.get_name() if window is not None else "?"))

    copies = A.wait_for(lambda: len(recovery_files()) == 2 and recovery_files(), timeout=15)
    tap.check("a recovery copy is written soon after the edit", copies,
              f"recovery folder: {recovery_files()}")
finally:
    if app.poll() is None:
        app.send_signal(signal.SIGKILL)
    app.wait(timeout=10)

tap.check("SIGKILL leaves the copy behind", len(recovery_files()) == 2, f"{recovery_files()}")
tap.check("the project file itself is untouched", count_elements(project) == original_count)

# The next start, without a file: the start page and the offer over it.
app = start()
try:
    dialog = A.wait_for(lambda: A.find(A.app_node(), role="push button", match=r"^_?Restore( Restore)?$"), timeout=20)
    tap.check("the next start offers to restore", dialog is not None)
    names = A.wait_for(lambda: A.find(A.app_node(), match=r"^pump\.bulwark$"), timeout=5)
    tap.check("the offer names the project's file", names is not None)
    if dialog is not None:
        A.press(dialog)

    restored = A.wait_for(lambda: A.window_titled(r"^• pump\.bulwark – Bulwark$"), timeout=15)
    tap.check("the restored project opens modified, attached to its file", restored is not None,
              "windows: " + ", ".join(w.get_name() for w in A.windows(A.app_node()) or []))

    # Restored: the old copy goes, the new window keeps its own.
    time.sleep(1)
    tap.check("the crashed process's copy is gone", len(recovery_files()) == 2
              and not any(name in recovery_files() for name in (copies or [])),
              f"before {copies}, now {recovery_files()}")

    if restored is not None:
        save = A.wait_for(lambda: A.find(restored, role="push button", name="Save"))
        if save is not None:
            A.press(save)
        saved = A.wait_for(lambda: A.window_titled(r"^pump\.bulwark – Bulwark$"), timeout=10)
        tap.check("Save writes to the original file", saved is not None
                  and count_elements(project) == original_count + 1,
                  f"elements {count_elements(project)}, before {original_count}")
        gone = A.wait_for(lambda: recovery_files() == [] or None, timeout=5)
        tap.check("a clean save removes the recovery copy", gone is not None or recovery_files() == [],
                  f"{recovery_files()}")
finally:
    stop(app)

shutil.rmtree(home, ignore_errors=True)
sys.exit(tap.finish())
