"""Driving the real bulwark binary through the accessibility bus.

Shared by the python UI tests (test-app-*.py). They run the app under
their own D-Bus session (dbus-run-session) on the X display of the test run,
in a private home, and read and drive its widgets through AT-SPI.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# GTK 4.8 names a widget without a label after its type ("GtkMenuButton").
TYPE_NAME = re.compile(r"^(Gtk|Adw|Bw)[A-Z][A-Za-z]*$")
BUTTON_ROLES = ("push button", "toggle button")


class Tap:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        self.results.append((name, bool(ok), detail))
        return ok

    def todo(self, name):
        """A known failure, owned elsewhere: TAP's "not ok … # TODO"."""
        self.results.append((name + " # TODO", False, ""))

    def finish(self):
        lines = [f"1..{len(self.results)}"]
        failed = 0
        for i, (name, ok, detail) in enumerate(self.results, 1):
            lines.append(f"{'ok' if ok else 'not ok'} {i} - {name}")
            if not ok and not name.endswith(" # TODO"):
                failed += 1
                for line in str(detail).splitlines() or [""]:
                    lines.append(f"# {line}")
        # The bus's helpers (the AT-SPI registry) share our stdout: the
        # report goes through a file the outer run prints.
        out = os.environ.get("BW_ATSPI_TAP")
        if out:
            with open(out, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        else:
            print("\n".join(lines))
        return 1 if failed else 0


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def reexec_in_session_bus():
    """Runs this script again inside a private session bus (once)."""
    if os.environ.get("BW_ATSPI_INNER"):
        return
    if not os.environ.get("DISPLAY"):
        skip_all("no display")
    if shutil.which("dbus-run-session") is None:
        skip_all("dbus-run-session not installed")
    # pyatspi and the Atspi typelib belong to the system python.
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    probe = subprocess.run([python, "-c", "import gi; gi.require_version('Atspi', '2.0'); "
                            "from gi.repository import Atspi"], capture_output=True)
    if probe.returncode != 0:
        skip_all("the Atspi typelib (gir1.2-atspi-2.0) is not installed")
    fd, report = tempfile.mkstemp(prefix="bw-atspi-", suffix=".tap")
    os.close(fd)
    env = dict(os.environ, BW_ATSPI_INNER="1", BW_ATSPI_TAP=report)
    for var in ("GTK_A11Y", "NO_AT_BRIDGE", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(var, None)
    try:
        r = subprocess.run(["dbus-run-session", "--", python, *sys.argv], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
        with open(report, encoding="utf-8") as f:
            text = f.read()
    finally:
        os.unlink(report)
    if not text.strip():
        # The inner run died before reporting: say why, as a failure.
        print("1..1")
        print("not ok 1 - the test ran under its own session bus")
        for line in r.stderr.splitlines()[-30:]:
            print(f"# {line}")
        sys.exit(1)
    sys.stdout.write(text)
    sys.exit(r.returncode)


def private_home():
    """A fresh home: data (recovery copies, recent files) and config."""
    home = tempfile.mkdtemp(prefix="bw-app-test-")
    env = dict(os.environ)
    for var, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                        ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        os.makedirs(os.path.join(home, folder), exist_ok=True)
        env[var] = os.path.join(home, folder)
    env["HOME"] = home
    # Portals would start their own GTK on this bus and fail without use.
    env["ADW_DISABLE_PORTAL"] = "1"
    env["GTK_USE_PORTAL"] = "0"
    env["GSK_RENDERER"] = "cairo"
    env["GDK_DEBUG"] = "gl-disable"
    env["GDK_BACKEND"] = "x11"
    return home, env


def atspi():
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
    return Atspi


def wait_for(what, timeout=20.0, step=0.2):
    """Polls what() until it returns something true; returns it or None."""
    end = time.monotonic() + timeout
    while True:
        try:
            value = what()
        except Exception:  # the tree changes under us while windows come and go
            value = None
        if value:
            return value
        if time.monotonic() > end:
            return None
        time.sleep(step)


def app_node(name="bulwark"):
    Atspi = atspi()
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == name:
            return child
    return None


def walk(node, depth=0):
    """Every accessible under node, depth first."""
    yield node
    if depth > 60:
        return
    try:
        n = node.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def find(root, role=None, name=None, match=None):
    """The first accessible under root with this role and name (GTK 4.8
    sets no SHOWING state: pages of a stack that are not shown count)."""
    for node in walk(root):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            if name is not None and node.get_name() != name:
                continue
            if match is not None and not re.search(match, node.get_name() or ""):
                continue
        except Exception:
            continue
        return node
    return None


def windows(app):
    out = []
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None:
            out.append(child)
    return out


def window_titled(pattern):
    """The app's top-level window whose name matches pattern."""
    app = app_node()
    if app is None:
        return None
    for w in windows(app):
        if re.search(pattern, w.get_name() or ""):
            return w
    return None


def press(node):
    """Activates a button as a screen reader would."""
    action = node.get_action_iface()
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) in ("click", "press", "activate"):
            return action.do_action(i)
    return action.do_action(0)


def context_of(node):
    """The nearest named containers of node, innermost first: where a
    widget sits, for the message."""
    names = []
    parent = node.get_parent()
    while parent is not None and len(names) < 3:
        try:
            name = (parent.get_name() or "").strip()
            if name and not TYPE_NAME.match(name) and parent.get_role_name() != "frame":
                names.append(f"{parent.get_role_name()} {name!r}")
            parent = parent.get_parent()
        except Exception:
            break
    return " < ".join(names) or "the window"


def unnamed_buttons(root):
    """Buttons a screen reader cannot name (empty, or only a type name), as
    (role, name, tooltip, where)."""
    bad = []
    for node in walk(root):
        try:
            role = node.get_role_name()
            if role not in BUTTON_ROLES:
                continue
            name = (node.get_name() or "").strip()
            # GTK 4.8 gives a drop-down's own toggle no name; the combo
            # box around it carries the name a screen reader announces.
            parent = node.get_parent()
            # libadwaita 1.2 leaves a toast's close button unnamed.
            if parent is not None and (parent.get_name() or "") == "AdwToastWidget":
                continue
            if parent is not None and parent.get_role_name() == "combo box" and \
                    (parent.get_name() or "").strip() and not TYPE_NAME.match(parent.get_name().strip()):
                continue
            if name == "" or TYPE_NAME.match(name):
                bad.append((role, name, node.get_description() or "", context_of(node)))
        except Exception:
            continue
    return bad
