# smxserver.py: a private X server of a chosen size with a window manager,
# for the tests that need full screen (presenter mode) at a real screen
# size. The suite's Xvfb is 1280×1024 and has no window manager; openbox
# is what makes "full screen" mean the whole screen.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time


class XServer:
    """Xvfb on a free display number (-displayfd) with openbox on it. Use
    as a context manager; .env is os.environ with DISPLAY set to it."""

    def __init__(self, width, height):
        self.size = f'{width}x{height}'
        self.xvfb = None
        self.wm = None
        self.env = None

    @classmethod
    def current(cls):
        """The X server in DISPLAY, started by someone else."""
        server = cls(0, 0)
        server.env = dict(os.environ)
        return server

    def __enter__(self):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ['Xvfb', '-displayfd', str(write), '-screen', '0', f'{self.size}x24', '-nolisten', 'tcp'],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError(f'Xvfb {self.size} did not start')
        self.env = dict(os.environ, DISPLAY=f':{number}')
        self.env.pop('XAUTHORITY', None)
        self.wm = subprocess.Popen(['openbox', '--sm-disable'], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # openbox owns the WM_S0 selection once it manages the screen.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            probe = subprocess.run(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            if 'window id' in probe.stdout:
                break
            time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        for process in (self.wm, self.xvfb):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        return False

    def xdotool(self, *args):
        result = subprocess.run(['xdotool', *args], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, check=False)
        return result.stdout.strip()

    def keys(self, *names, delay=0.5):
        for name in names:
            self.xdotool('key', '--clearmodifiers', name)
            time.sleep(delay)

    def click(self, x, y, delay=0.5):
        """A real pointer click at screen pixel (x, y)."""
        self.xdotool('mousemove', '--sync', str(int(x)), str(int(y)))
        time.sleep(0.2)
        self.xdotool('click', '1')
        time.sleep(delay)

    def window_of(self, pid):
        ids = self.xdotool('search', '--onlyvisible', '--pid', str(pid)).split()
        return ids[0] if ids else None

    def origin(self, wid):
        """The window's top-left corner on the screen."""
        out = self.xdotool('getwindowgeometry', '--shell', wid)
        values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
        return int(values.get('X', 0)), int(values.get('Y', 0))

    def screenshot(self, path):
        subprocess.run(['import', '-window', 'root', path], env=self.env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_on_own_server(run, width=1280, height=1024):
    """run() with DISPLAY on an X server of its own with openbox: on the
    suite's shared server a window manager another test ran can keep
    openbox from coming up (print-e2e, editor-e2e, conflict-e2e)."""
    with XServer(width, height) as server:
        os.environ['DISPLAY'] = server.env['DISPLAY']
        os.environ.pop('XAUTHORITY', None)
        run()
