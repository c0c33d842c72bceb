# smatspi.py: what the Python tests that look at the real app through
# AT-SPI (pyatspi) share: TAP output, starting the app with the
# accessibility bridge on, walking its tree and a private session bus.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import time
import traceback

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import GLib  # noqa: E402
import pyatspi  # noqa: E402

# What pyatspi raises when a node goes away while it is being read: rows and
# pages are rebuilt while a test walks the tree.
Gone = GLib.GError


class Tap:
    """Prints TAP lines as it goes and the plan at the end."""

    def __init__(self):
        self.count = 0
        self.failed = False

    def __call__(self, ok, description):
        self.count += 1
        print(('ok' if ok else 'not ok'), self.count, description, flush=True)
        if not ok:
            self.failed = True
        return ok

    def diag(self, text):
        for line in str(text).splitlines():
            print('#', line, flush=True)

    def finish(self):
        print(f'1..{self.count}', flush=True)
        sys.exit(1 if self.failed else 0)

    def run(self, main):
        """Runs @main, reports an exception it raises as a failure with its
        traceback, and ends the TAP stream."""
        try:
            main()
        except Exception:  # noqa: BLE001 - every error is a test failure
            self(False, 'the test ran to its end')
            self.diag(traceback.format_exc())
        self.finish()


def wait_for(predicate, timeout=20, interval=0.2):
    """Calls @predicate until it returns something true; None on timeout. A
    node that vanished under it counts as not yet."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Gone:
            result = None
        if result:
            return result
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def press_until(press, predicate, attempts=3, timeout=15):
    """Calls @press, then waits for @predicate as wait_for() does; presses
    again when it times out, @attempts times in all. For a key or click
    that a loaded machine may deliver before the window can take it (the
    window manager has not yet given it the focus, a page is still on its
    way): repeating it must be harmless. The predicate's result or None."""
    for _ in range(attempts):
        press()
        result = wait_for(predicate, timeout=timeout)
        if result:
            return result
    return None


def start_app(args=(), env=None):
    """Starts the real binary (SM_BINARY) with the accessibility bridge that
    the test environment turns off for the C tests."""
    env = dict(os.environ if env is None else env)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    return subprocess.Popen([os.environ['SM_BINARY'], *args], env=env)


def launch(args=(), env=None, attempts=3):
    """Starts the app and waits for it on the accessibility bus: (process,
    app node), the node None when it never shows up. Xvfb resets itself when
    its last client leaves, and a client that connects during the reset
    gets "cannot open display": such a start is tried again."""
    for _ in range(attempts):
        process = start_app(args, env)
        app = wait_for(lambda: find_app(process.pid) or process.poll() is not None)
        if app is not None and app is not True:
            return process, app
        stop_app(process)
        time.sleep(1)
    return process, None


def stop_app(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def walk(node, depth=0):
    """Every node under @node, depth first, @node included."""
    if node is None or depth > 60:
        return
    yield node
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Gone:
        return
    for child in children:
        yield from walk(child, depth + 1)


def accessible_name(node):
    """The name a screen reader reads. GTK 4.8 appends a button's label text
    to its accessible label and shows the mnemonic underscore."""
    return node.name or ''


def find_named(root, role, name, laid_out=False):
    """The first node of @role whose name starts with @name (GTK 4.8 may
    append the label text, and keeps the mnemonic underscore); with
    @laid_out, the first one that is laid out (see is_laid_out())."""
    for node in walk(root):
        try:
            if node.getRole() != role:
                continue
            text = accessible_name(node).replace('_', '')
            if text.startswith(name) and (not laid_out or is_laid_out(node)):
                return node
        except Gone:
            continue
    return None


def label_shown(root, text):
    """A predicate: a laid-out label or heading starting with @text."""
    def check():
        for node in walk(root):
            if (node.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING) and
                    (node.name or '').startswith(text) and is_laid_out(node)):
                return node
        return None
    return check


def extents(node):
    """(x, y, width, height) in window coordinates, or None."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return None
    return (box.x, box.y, box.width, box.height)


def scroller_of(node):
    """The scrolled window @node sits in, or None."""
    while node is not None and node.getRole() != pyatspi.ROLE_SCROLL_PANE:
        node = node.parent
    return node


def box_inside(inner, outer):
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and
            inner[0] + inner[2] <= outer[0] + outer[2] and inner[1] + inner[3] <= outer[1] + outer[3])


def reveal(node, point_at, limit=40):
    """Turns the mouse wheel over @node's scrolled window until @node is
    inside it, as a person would before clicking it; @point_at (x, y)
    moves the pointer to window coordinates. True when it is in view."""
    scroller = scroller_of(node)
    if scroller is None:
        return True
    for _ in range(limit):
        box, view = extents(node), extents(scroller)
        if box_inside(box, view):
            return True
        point_at(view[0] + view[2] // 2, view[1] + view[3] // 2)
        xdotool('click', '5' if box[1] + box[3] > view[1] + view[3] else '4')
        time.sleep(0.3)
    return False


def click_in(wid, window, node, button='1'):
    """A real pointer click (of @button) in the middle of @node, in the X
    window @wid whose AT-SPI frame is @window (GTK leaves a resize border
    around it); scrolled into view first."""
    out = xdotool('getwindowgeometry', '--shell', wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    _, _, width, height = extents(window)
    dx, dy = (int(values['WIDTH']) - width) // 2, (int(values['HEIGHT']) - height) // 2

    def point_at(x, y):
        xdotool('mousemove', '--window', wid, str(x + dx), str(y + dy))

    reveal(node, point_at)
    x, y, w, h = extents(node)
    point_at(x + w // 2, y + h // 2)
    time.sleep(0.2)
    xdotool('click', button)
    time.sleep(0.4)


def is_laid_out(node, stop=None):
    """GTK 4.8 marks only windows SHOWING. A widget that was never given a
    size (a hidden stack page, a collapsed search bar) has empty extents; so
    has any of its ancestors. Nodes without a Component (stack pages) are
    skipped. A page shown earlier keeps its old size, so this errs on the
    side of checking too much."""
    while node is not None and node != stop:
        box = extents(node)
        if box is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
            if box[2] <= 0 or box[3] <= 0:
                return False
        if node.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW):
            return True
        node = node.parent
    return True


def walk_laid_out(node, depth=0):
    """Like walk(), but only the nodes is_laid_out() accepts: a subtree
    under a node with empty extents is skipped whole, which saves most of
    the D-Bus round trips (GTK 4.8 has no AT-SPI cache). Raises Gone when a
    node vanishes on the way, so that a check can start again rather than
    miss what was rebuilt."""
    if node is None or depth > 60:
        return
    box = extents(node)
    if box is not None and node.getRole() != pyatspi.ROLE_APPLICATION and (box[2] <= 0 or box[3] <= 0):
        return
    yield node
    for i in range(node.childCount):
        yield from walk_laid_out(node.getChildAtIndex(i), depth + 1)


def shown_names(root, roles):
    """The names of the laid-out nodes of @roles under @root, for a failure
    message that says what the screen showed instead."""
    names = []
    for node in walk(root):
        try:
            if node.getRole() in roles and is_laid_out(node):
                names.append(f'{node.getRoleName()} {accessible_name(node)!r}')
        except Gone:
            continue
    return ', '.join(names) or 'nothing'


def describe(node):
    """A node and its named ancestors, for failure messages."""
    parts = []
    current = node
    while current is not None and current.getRole() != pyatspi.ROLE_APPLICATION:
        name = accessible_name(current)
        if current is node or name:
            parts.append(f'{current.getRoleName()} {name!r}')
        current = current.parent
    return ' < '.join(parts)


def do_action(node, name=None):
    """Runs the node's AT-SPI action (@name, or the first one)."""
    action = node.queryAction()
    for i in range(action.nActions):
        if name is None or action.getName(i) == name:
            return action.doAction(i)
    return False


def focused(root):
    """The node that has the keyboard focus (GTK 4.8 sets FOCUSED on the
    focus widget of the active window), or None."""
    for node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Gone:
            continue
    return None


def xdotool(*args):
    """Runs xdotool; returns its output. Only keyboard commands and window
    look-ups are used: the tests never move or click the pointer."""
    result = subprocess.run(['xdotool', *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, check=False)
    return result.stdout.strip()


def focus_window(pid, timeout=20):
    """Gives the app's mapped window the X input focus, as a window manager
    would (Xvfb has none, and without one the focus follows the pointer,
    which these tests leave alone). Returns the window id or None."""
    def window():
        ids = xdotool('search', '--onlyvisible', '--pid', str(pid)).split()
        return ids[0] if ids else None
    wid = wait_for(window, timeout=timeout)
    if wid is not None:
        xdotool('windowfocus', '--sync', wid)
    return wid


def keys(*names, delay=0.4):
    """Presses each key combination (xdotool key syntax: "ctrl+f",
    "Return") with XTEST keyboard events, and waits @delay after each."""
    for name in names:
        xdotool('key', '--clearmodifiers', name)
        time.sleep(delay)


def type_text(text, delay=0.4):
    xdotool('type', '--delay', '60', text)
    time.sleep(delay)


def run_on_private_bus(script):
    """Reruns @script with --inner under its own session bus. Services
    started on that bus (the AT-SPI registry) print to stdout, so only TAP
    lines go there."""
    inner = subprocess.Popen(['dbus-run-session', '--', sys.executable, script, '--inner'],
                             stdout=subprocess.PIPE, text=True)
    # Line by line, so that a test that times out still shows how far it got.
    for line in inner.stdout:
        is_tap = line.startswith(('ok ', 'not ok ', '1..', '#'))
        print(line, end='', file=sys.stdout if is_tap else sys.stderr, flush=True)
    sys.exit(inner.wait())


def text_of(node):
    """The text of an entry or label, or None (no Text interface, or gone)."""
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except (NotImplementedError, Gone):
        return None


def openbox_running(env):
    """Whether the window manager of the test's X server (smxserver.XServer
    starts openbox on it) has taken the screen."""
    def running():
        out = subprocess.run(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        return 'window id' in out
    return wait_for(running, timeout=60)


def private_home(prefix):
    """A temporary home: (its folder, os.environ with XDG_DATA_HOME,
    XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_CACHE_HOME inside it), so that
    each test has routines and settings of its own."""
    home = tempfile.mkdtemp(prefix=prefix)
    env = dict(os.environ)
    for var, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                     ('XDG_STATE_HOME', 'state'), ('XDG_CACHE_HOME', 'cache')):
        env[var] = os.path.join(home, sub)
        os.makedirs(env[var])
    return home, env


def activate_window(pid, title, timeout=5):
    """Gives the app's window whose title contains @title the focus, as a
    person clicking it would (a dialog openbox put over the main window)."""
    wid = wait_for(lambda: xdotool('search', '--onlyvisible', '--pid', str(pid),
                                   '--name', title).split() or None, timeout=timeout)
    if wid:
        xdotool('windowactivate', '--sync', wid[0])
    return wid
