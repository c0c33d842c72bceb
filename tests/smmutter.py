# smmutter.py: GNOME's compositor, mutter, headless with virtual monitors,
# for the tests that run the app on Wayland (test-wayland-e2e.py,
# test-monitors-e2e.py). Mutter is started and stopped by its own pid; it
# runs on the caller's session bus (the tests' private one), where it owns
# org.gnome.Mutter.DisplayConfig (the monitors: read them, switch one off
# as if it were unplugged, back on) and org.gnome.Mutter.RemoteDesktop
# (real key events: mutter has no XTEST, so xdotool cannot reach a Wayland
# window, and wtype speaks a wlroots protocol mutter does not have).
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from gi.repository import Gio, GLib

DISPLAY_CONFIG = ('org.gnome.Mutter.DisplayConfig', '/org/gnome/Mutter/DisplayConfig',
                  'org.gnome.Mutter.DisplayConfig')
REMOTE_DESKTOP = ('org.gnome.Mutter.RemoteDesktop', '/org/gnome/Mutter/RemoteDesktop',
                  'org.gnome.Mutter.RemoteDesktop')
SESSION_IFACE = 'org.gnome.Mutter.RemoteDesktop.Session'

# Linux evdev key codes (linux/input-event-codes.h) of the keys the tests
# press, by xdotool's names: mutter turns them into key events through its
# keymap (us), as it does for a real keyboard.
KEYCODES = {
    'ctrl': 29, 'shift': 42, 'alt': 56,
    'F11': 87, 'Escape': 1, 'Return': 28, 'Tab': 15, 'space': 57,
    'Page_Down': 109, 'Page_Up': 104, 'Down': 108, 'Up': 103, 'Left': 105, 'Right': 106,
}
KEYCODES.update({c: 16 + i for i, c in enumerate('qwertyuiop')})
KEYCODES.update({c: 30 + i for i, c in enumerate('asdfghjkl')})
KEYCODES.update({c: 44 + i for i, c in enumerate('zxcvbnm')})


def keycode(name):
    if name in KEYCODES:
        return KEYCODES[name]
    raise KeyError(f'no key code for {name!r}')


class Mutter:
    """mutter --wayland --headless with one virtual monitor per size, in a
    private XDG_RUNTIME_DIR (0700, as Wayland wants). Use as a context
    manager; .env is os.environ with the app pointed at it (Wayland only,
    no X server, the cairo renderer: there is no GPU)."""

    def __init__(self, *sizes, name='sciatica-map-test'):
        self.sizes = sizes or ((1280, 1024),)
        self.name = name
        self.runtime = None
        self.process = None
        self.env = None
        self.bus = None
        self.session = None
        self.log = None

    def __enter__(self):
        self.runtime = tempfile.mkdtemp(prefix='sm-wayland-')
        os.chmod(self.runtime, 0o700)
        env = dict(os.environ, XDG_RUNTIME_DIR=self.runtime)
        for key in ('DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY', 'G_DEBUG'):
            env.pop(key, None)
        args = ['mutter', '--wayland', '--headless', '--no-x11', '--sm-disable',
                f'--wayland-display={self.name}']
        for width, height in self.sizes:
            args += ['--virtual-monitor', f'{width}x{height}']
        self.log = tempfile.TemporaryFile(mode='w+')
        self.process = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        socket = os.path.join(self.runtime, self.name)
        deadline = time.monotonic() + 60
        while not (os.path.exists(socket) and len(self.monitors()) == len(self.sizes)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError('mutter did not start:\n' + self.output())
            time.sleep(0.2)
        self.env = dict(env, WAYLAND_DISPLAY=self.name, GDK_BACKEND='wayland',
                        GSK_RENDERER='cairo')
        return self

    def __exit__(self, *exc):
        if self.session is not None:
            try:
                self.call_session('Stop')
            except GLib.Error:
                pass
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.runtime is not None:
            shutil.rmtree(self.runtime, ignore_errors=True)
        return False

    def output(self):
        """What mutter printed so far."""
        self.log.seek(0)
        return self.log.read()

    def _call(self, target, method, args=None, reply=None):
        name, path, iface = target
        result = self.bus.call_sync(name, path, iface, method, args,
                                    GLib.VariantType(reply) if reply else None,
                                    Gio.DBusCallFlags.NONE, 10000, None)
        return result.unpack() if result is not None else None

    # --- Monitors -------------------------------------------------------

    def state(self):
        return self._call(DISPLAY_CONFIG, 'GetCurrentState')

    def monitors(self):
        """{connector: (x, y, width, height, primary)} of the monitors in
        use (logical layout, scale 1)."""
        try:
            _, monitors, logical, _ = self.state()
        except GLib.Error:
            return {}
        modes = {}
        for (connector, *_), mode_list, _ in monitors:
            for mode in mode_list:
                if mode[6].get('is-current'):
                    modes[connector] = (mode[1], mode[2])
        result = {}
        for x, y, _, _, primary, members, _ in logical:
            for connector, *_ in members:
                width, height = modes.get(connector, (0, 0))
                result[connector] = (x, y, width, height, primary)
        return result

    def use_monitors(self, connectors):
        """Leaves only @connectors on, side by side from the left, the first
        primary: the others are off, which Wayland clients see as unplugged
        (their wl_output goes away). The configuration is temporary."""
        serial, monitors, _, _ = self.state()
        mode_of = {}
        for (connector, *_), mode_list, _ in monitors:
            for mode in mode_list:
                if mode[6].get('is-current') or mode[6].get('is-preferred'):
                    mode_of.setdefault(connector, (mode[0], mode[1]))
        logical, x = [], 0
        for i, connector in enumerate(connectors):
            mode_id, width = mode_of[connector]
            logical.append((x, 0, 1.0, 0, i == 0, [(connector, mode_id, {})]))
            x += width
        args = GLib.Variant('(uua(iiduba(ssa{sv}))a{sv})', (serial, 1, logical, {}))
        self._call(DISPLAY_CONFIG, 'ApplyMonitorsConfig', args)
        wait = time.monotonic() + 20
        while set(self.monitors()) != set(connectors) and time.monotonic() < wait:
            time.sleep(0.2)

    # --- Keyboard -------------------------------------------------------

    def call_session(self, method, args=None):
        return self._call(('org.gnome.Mutter.RemoteDesktop', self.session, SESSION_IFACE),
                          method, args)

    def _ensure_session(self):
        # The session lives as long as this process's bus connection.
        if self.session is None:
            (self.session,) = self._call(REMOTE_DESKTOP, 'CreateSession', None, '(o)')
            self.call_session('Start')

    def key(self, combo, delay=0.4):
        """Presses a key combination in xdotool's syntax ("ctrl+p", "F11")
        as a real keyboard would: to the window that has the focus."""
        self._ensure_session()
        names = combo.split('+')
        for name in names:
            self.call_session('NotifyKeyboardKeycode', GLib.Variant('(ub)', (keycode(name), True)))
            time.sleep(0.05)
        for name in reversed(names):
            self.call_session('NotifyKeyboardKeycode', GLib.Variant('(ub)', (keycode(name), False)))
            time.sleep(0.05)
        time.sleep(delay)

    def keys(self, *combos, delay=0.4):
        for combo in combos:
            self.key(combo, delay)


class Reports:
    """The app started with SM_DEBUG_MONITORS (src/gui/sm-monitor-debug.h):
    its stderr is read in a thread; each window's latest report is kept,
    everything else goes on to our stderr."""

    def __init__(self, process):
        self.process = process
        self.latest = {}
        self.pictures = {}
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        for line in self.process.stderr:
            if not line.startswith('sm-monitors: '):
                sys.stderr.write(line)
                continue
            role, _, rest = line[len('sm-monitors: '):].strip().partition(' ')
            with self.lock:
                if rest.startswith('picture='):
                    self.pictures[role] = rest[len('picture='):]
                else:
                    self.latest[role] = parse_report(rest)

    def get(self, role):
        with self.lock:
            return self.latest.get(role)

    def snapshot(self, folder, roles, timeout=20):
        """Asks the app for pictures of its windows (SIGUSR1); their paths."""
        with self.lock:
            self.pictures.clear()
        os.kill(self.process.pid, signal.SIGUSR1)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if all(role in self.pictures for role in roles):
                    return dict(self.pictures)
            time.sleep(0.2)
        return dict(self.pictures)


def parse_report(text):
    """"monitor=Meta-0 0,0 1280x1024 window=1280x1024 fullscreen=1" →
    {'monitor': 'Meta-0', 'area': (0, 0, 1280, 1024), 'window': (1280, 1024),
    'fullscreen': True}"""
    parts = text.split()
    x, y = (int(v) for v in parts[1].split(','))
    width, height = (int(v) for v in parts[2].split('x'))
    window = tuple(int(v) for v in parts[3][len('window='):].split('x'))
    return {'monitor': parts[0][len('monitor='):], 'area': (x, y, width, height),
            'window': window, 'fullscreen': parts[4] == 'fullscreen=1'}


def start_app(env, folder):
    """The real binary (SM_BINARY) on mutter with the accessibility bridge
    on and SM_DEBUG_MONITORS=@folder: (process, Reports)."""
    env = dict(env, SM_DEBUG_MONITORS=folder)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    process = subprocess.Popen([os.environ['SM_BINARY']], env=env, stderr=subprocess.PIPE, text=True)
    return process, Reports(process)


def report_is(reports, role, **want):
    """A predicate: @role's latest report has the @want values."""
    def check():
        report = reports.get(role)
        return report if report is not None and all(report[k] == v for k, v in want.items()) else None
    return check


def toplevel(app, name):
    """The app's top-level window named @name (GTK names it by its title)."""
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and (window.name or '') == name:
            return window
    return None


def private_env(env, scratch):
    """@env with XDG config, data, state and cache folders under @scratch."""
    env = dict(env)
    for name in ('CONFIG', 'DATA', 'STATE', 'CACHE'):
        folder = os.path.join(scratch, name.lower())
        os.makedirs(folder, exist_ok=True)
        env[f'XDG_{name}_HOME'] = folder
    return env


def run_app_test(tap, sizes, body):
    """Mutter with a virtual monitor of each of @sizes, the app on it in
    folders of its own (SM_DEBUG_MONITORS on), found on the accessibility
    bus; then body(mutter, process, reports, app, window, scratch), and
    unless that returns False, Ctrl+Q must end the app with status 0."""
    import smatspi
    from smatspi import pyatspi

    scratch = tempfile.mkdtemp(prefix='sm-wayland-')
    try:
        with Mutter(*sizes) as mutter:
            tap(True, f'mutter runs headless with {mutter.monitors()}')
            process, reports = start_app(private_env(mutter.env, scratch), scratch)
            try:
                app = smatspi.wait_for(lambda: smatspi.find_app(process.pid), timeout=60)
                if not tap(app is not None, 'the app shows up on the accessibility bus'):
                    return
                window = smatspi.wait_for(lambda: smatspi.find_named(app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
                if body(mutter, process, reports, app, window, scratch) is False:
                    return
                mutter.key('ctrl+q')
                try:
                    status = process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    status = None
                tap(status == 0, f'Ctrl+Q quits the app cleanly (status {status})')
            finally:
                if process.poll() is None:
                    smatspi.stop_app(process)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
