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
import subprocess
import tempfile
import time

from gi.repository import Gio, GLib

DISPLAY_CONFIG = ('org.gnome.Mutter.DisplayConfig', '/org/gnome/Mutter/DisplayConfig',
                  'org.gnome.Mutter.DisplayConfig')
REMOTE_DESKTOP = ('org.gnome.Mutter.RemoteDesktop', '/org/gnome/Mutter/RemoteDesktop',
                  'org.gnome.Mutter.RemoteDesktop')
SESSION_IFACE = 'org.gnome.Mutter.RemoteDesktop.Session'

# X keysyms of the keys the tests press (xdotool's names).
KEYSYMS = {
    'ctrl': 0xffe3, 'shift': 0xffe1, 'alt': 0xffe9,
    'F11': 0xffc8, 'Escape': 0xff1b, 'Return': 0xff0d, 'Tab': 0xff09,
    'Page_Down': 0xff56, 'Page_Up': 0xff55, 'Down': 0xff54, 'Up': 0xff52,
    'space': 0x20,
}


def keysym(name):
    if name in KEYSYMS:
        return KEYSYMS[name]
    if len(name) == 1:
        return ord(name)
    raise KeyError(f'no keysym for {name!r}')


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
        for key in ('DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY'):
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
            self.call_session('NotifyKeyboardKeysym', GLib.Variant('(ub)', (keysym(name), True)))
        for name in reversed(names):
            self.call_session('NotifyKeyboardKeysym', GLib.Variant('(ub)', (keysym(name), False)))
        time.sleep(delay)

    def keys(self, *combos, delay=0.4):
        for combo in combos:
            self.key(combo, delay)
