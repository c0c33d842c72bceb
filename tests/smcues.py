# smcues.py: the real app running a short guided session, for the audio
# tests (test-cues-e2e.py) and the cue-latency benchmark (bench-cues.py).
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys
from smaudio import CueLog

SETTINGS = {
    'safety-acknowledged': 'true',
    'get-ready': 'true',
    'timer-sound': 'true',
    'spoken-cues': 'false',
    'window-width': '1200',
    'window-height': '900',
}


def routine(name, hold, repetitions, rest, zone='piriformis', tool='ball'):
    return {
        'format': 'sciatica-map-routine', 'version': 2, 'name': name, 'patient': '', 'notes': '',
        'created': '2026-12-01T10:00:00Z', 'modified': '2026-12-01T10:00:00Z',
        'steps': [{'zone': zone, 'side': 'left', 'tool': tool, 'technique': 'hold',
                   'hold-seconds': hold, 'repetitions': repetitions, 'rest-seconds': rest, 'note': ''}],
    }


class App:
    """The real binary with its own settings, data and audio environment;
    its stderr is read for the cue times."""

    def __init__(self, env, settings=None, routines=(), language=None):
        self.scratch = tempfile.mkdtemp(prefix='sm-cues-e2e-')
        env = dict(env)
        for key in ('NO_AT_BRIDGE', 'GTK_A11Y'):
            env.pop(key, None)
        env['XDG_CONFIG_HOME'] = os.path.join(self.scratch, 'config')
        env['XDG_DATA_HOME'] = os.path.join(self.scratch, 'data')
        env['G_MESSAGES_DEBUG'] = 'sm-cue-player sm-speaker sm-sound-player'
        env['GSETTINGS_BACKEND'] = 'keyfile'
        folder = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
        os.makedirs(folder)
        with open(os.path.join(folder, 'keyfile'), 'w', encoding='utf-8') as keyfile:
            keyfile.write('[org/sciaticamap/SciaticaMap]\n')
            for key, value in dict(SETTINGS, **(settings or {})).items():
                keyfile.write(f'{key}={value}\n')
        folder = os.path.join(env['XDG_DATA_HOME'], 'sciatica-map', 'routines')
        os.makedirs(folder)
        for name, content in routines:
            with open(os.path.join(folder, name + '.json'), 'w', encoding='utf-8') as out:
                json.dump(content, out)
        binary = os.environ['SM_BINARY']
        if language is not None:
            env['LANGUAGE'] = language
            env['LC_ALL'] = 'C.UTF-8'
            binary = os.environ['SM_UNINSTALLED_BINARY']
        self.env = env
        # Xvfb resets itself when its last client leaves, and a client that
        # connects during the reset gets "cannot open display" and exits:
        # such a start is tried again, as smatspi.launch () does.
        for _ in range(3):
            # GLib writes debug messages to stdout, the rest to stderr.
            self.process = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT)
            self.log = CueLog(self.process.stdout)
            self.app = wait_for(lambda: smatspi.find_app(self.process.pid) or self.process.poll() is not None,
                                timeout=30)
            if self.app is not None and self.app is not True:
                break
            self.app = None
            smatspi.stop_app(self.process)
            time.sleep(1)
        self.window = None
        self.wid = None
        if self.app is not None:
            self.window = wait_for(lambda: next((self.app.getChildAtIndex(i)
                                                 for i in range(self.app.childCount)
                                                 if self.app.getChildAtIndex(i).getRole() ==
                                                 pyatspi.ROLE_FRAME), None), timeout=30)
            self.wid = wait_for(lambda: (self.xdotool('search', '--onlyvisible', '--pid',
                                                      str(self.process.pid)).split() or [None])[0],
                                timeout=20)
            if self.wid is not None:
                self.xdotool('windowfocus', '--sync', self.wid)

    def close(self):
        smatspi.stop_app(self.process)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def xdotool(self, *args):
        return subprocess.run(['xdotool', *args], env=self.env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout.strip()

    def keys(self, *names, delay=0.4):
        for name in names:
            self.xdotool('key', '--clearmodifiers', name)
            time.sleep(delay)

    def click(self, node):
        x, y, width, height = smatspi.extents(node)
        out = self.xdotool('getwindowgeometry', '--shell', self.wid)
        values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
        _, _, fw, fh = smatspi.extents(self.window)
        dx, dy = (int(values['WIDTH']) - fw) // 2, (int(values['HEIGHT']) - fh) // 2
        self.xdotool('mousemove', '--window', self.wid, str(x + width // 2 + dx), str(y + height // 2 + dy))
        time.sleep(0.2)
        self.xdotool('click', '1')
        time.sleep(0.4)

    def start_session(self, name):
        """Ctrl+R, the routine's row, its Start button: a real session.
        Returns the monotonic time of the click, or None."""
        row = smatspi.press_until(lambda: self.keys('ctrl+r'),
                                  lambda: find_named(self.window, pyatspi.ROLE_LIST_ITEM, name, laid_out=True))
        if row is None:
            return None
        self.click(row)
        start = wait_for(lambda: next((n for n in walk(self.window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                       and (n.name or '').replace('_', '').startswith('Start')
                                       and smatspi.is_laid_out(n)), None), timeout=10)
        if start is None:
            return None
        started = time.monotonic()
        self.click(start)
        return started

    def cues(self, kinds=None, spoken=None):
        """The cues so far: (kind, monotonic seconds, said or None)."""
        return [c for c in self.log.cues
                if (kinds is None or c[0] in kinds) and (spoken is None or (c[2] is not None) == spoken)]


# The cues that sound (sm-cue-schedule.c, sm_cue_kind_get_sound ()).
SOUNDING = {'countdown', 'start', 'ten-left', 'switch', 'rest', 'end', 'done'}


def sound_latencies(recorder, cues):
    """Seconds from each cue to its first audible sample (None: silent)."""
    return [recorder.onset(t, limit=1.0) for _, t, _ in cues]
