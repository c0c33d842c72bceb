#!/usr/bin/python3
# test-journal-e2e.py: the progress journal on the real binary, driven by
# XTEST key events (xdotool); AT-SPI finds things and reads the screen.
#
#   record   a two-step routine played to its end (N through the stretches
#            after it); "How is the pain
#            now?" answered 6 with the keyboard at the start and 3 at the
#            end, the first step marked "worse", a note typed; Done
#   file     the journal file (SQLite) has that session, complete
#   restart  the app started again: Ctrl+J shows the session on the
#            Journal page ("Pain 6, then 3", the note) and the chart,
#            named by its summary
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys, label_shown

tap = smatspi.Tap()
SHOTS = os.environ.get('SM_E2E_SHOTS')

SETTINGS = {
    'safety-acknowledged': 'true',
    'get-ready': 'false',
    'timer-sound': 'false',
    'switch-sides': 'false',
    'window-width': '1200',
    'window-height': '980',
}


def step(zone, hold):
    return {'zone': zone, 'side': 'left', 'tool': 'ball', 'technique': 'hold',
            'hold-seconds': hold, 'repetitions': 1, 'rest-seconds': 0, 'note': ''}


TWO_STEPS = {
    'format': 'sciatica-map-routine', 'version': 2, 'name': 'Two steps', 'patient': '',
    'notes': '', 'created': '2026-12-01T10:00:00Z', 'modified': '2026-12-01T10:00:00Z',
    'steps': [step('piriformis', 20), step('hamstrings', 3)],
}


class App:
    """The app with its own settings and data; the data outlives a restart."""

    def __init__(self, scratch):
        env = dict(os.environ)
        env['XDG_CONFIG_HOME'] = os.path.join(scratch, 'config')
        env['XDG_DATA_HOME'] = os.path.join(scratch, 'data')
        env['GSETTINGS_BACKEND'] = 'keyfile'
        self.process, self.app = smatspi.launch(env=env)
        self.window = None
        if self.app is not None:
            self.window = wait_for(lambda: find_named(self.app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
            self.wid = smatspi.focus_window(self.process.pid)

    def close(self):
        smatspi.stop_app(self.process)


def prepare(scratch):
    folder = os.path.join(scratch, 'config', 'glib-2.0', 'settings')
    os.makedirs(folder)
    with open(os.path.join(folder, 'keyfile'), 'w', encoding='utf-8') as keyfile:
        keyfile.write('[org/sciaticamap/SciaticaMap]\n')
        for key, value in SETTINGS.items():
            keyfile.write(f'{key}={value}\n')
    folder = os.path.join(scratch, 'data', 'sciatica-map', 'routines')
    os.makedirs(folder)
    with open(os.path.join(folder, 'two-steps.json'), 'w', encoding='utf-8') as out:
        json.dump(TWO_STEPS, out)


def click(app, node):
    """A real pointer click in the middle of @node (to reach the routine)."""
    x, y, width, height = smatspi.extents(node)
    out = smatspi.xdotool('getwindowgeometry', '--shell', app.wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    _, _, w, h = smatspi.extents(app.window)
    dx, dy = (int(values['WIDTH']) - w) // 2, (int(values['HEIGHT']) - h) // 2
    smatspi.xdotool('mousemove', '--window', app.wid, str(x + width // 2 + dx), str(y + height // 2 + dy))
    time.sleep(0.2)
    smatspi.xdotool('click', '1')
    time.sleep(0.4)


def tab_to(app, predicate, key='Tab', limit=40):
    seen = []
    for _ in range(limit):
        node = smatspi.focused(app.app)
        if node is not None and predicate(node):
            return node
        seen.append(f'{node.getRoleName()}:{node.name}' if node is not None else None)
        keys(key, delay=0.2)
    tap.diag('focus went through: ' + ', '.join(map(str, seen)))
    return None


def named(text):
    return lambda node: (node.name or '') == text


def pressed(node):
    state = node.getState()
    return state.contains(pyatspi.STATE_CHECKED) or state.contains(pyatspi.STATE_PRESSED)


def screenshot(name):
    subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')], check=False)


def record(scratch):
    app = App(scratch)
    try:
        if not tap(app.app is not None, 'record: the app shows up'):
            return
        keys('ctrl+r')
        row = wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'Two steps', laid_out=True))
        if not tap(row is not None, 'the routines page lists "Two steps"'):
            return
        click(app, row)
        editor = wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'Step 1 of 2', laid_out=True))
        if not tap(editor is not None, 'a click opens it'):
            return
        start = wait_for(lambda: next((n for n in walk(app.window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                                       (n.name or '').replace('_', '').startswith('Start') and
                                       'Timer' not in (n.name or '') and smatspi.is_laid_out(n)), None))
        if not tap(start is not None, 'the editor has Start'):
            return
        click(app, start)
        tap(wait_for(label_shown(app.window, 'How is the pain now?'), timeout=10) is not None,
            'the session asks "How is the pain now?"')

        before = tab_to(app, named('Pain 6 of 10'), key='shift+Tab')
        tap(before is not None, 'Shift+Tab from Pause reaches "Pain 6 of 10"')
        keys('space')
        tap(before is not None and wait_for(lambda: pressed(before), timeout=5) is not None,
            'Space answers 6')
        if SHOTS:
            screenshot('journal-before')

        # The holds run out on their own; N skips the stretches that follow.
        wait_for(lambda: find_named(app.window, pyatspi.ROLE_LABEL, 'Stretch 1 of', laid_out=True), timeout=30)
        done = None
        for _ in range(6):
            done = wait_for(label_shown(app.window, 'Session Complete'), timeout=2)
            if done is not None:
                break
            keys('n')
        if not tap(done is not None, 'the session plays to its end'):
            if SHOTS:
                screenshot('journal-stuck')
            tap.diag('labels: ' + ', '.join(n.name for n in walk(app.window)
                                            if n.getRole() == pyatspi.ROLE_LABEL and n.name)[:1500])
            return
        after = tab_to(app, named('Pain 3 of 10'), key='shift+Tab')
        tap(after is not None, 'Shift+Tab from Done reaches "Pain 3 of 10"')
        keys('space')
        worse = tab_to(app, named('Piriformis, left side made the pain worse'))
        tap(worse is not None, 'Tab reaches the first step\'s "Worse"')
        keys('space')
        tap(worse is not None and wait_for(lambda: pressed(worse), timeout=5) is not None,
            'Space marks it')
        note = tab_to(app, lambda n: n.getRole() == pyatspi.ROLE_TEXT and (n.name or '') == 'Note (optional)')
        tap(note is not None, 'Tab reaches the note')
        smatspi.type_text('Easier to walk')
        if SHOTS:
            screenshot('journal-after')
        keys('alt+d')
        tap(wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'Step 1 of 2', laid_out=True),
                     timeout=10) is not None,
            'Alt+D (Done) goes back to the routine')
        time.sleep(1)
    finally:
        app.close()


def check_file(scratch):
    path = os.path.join(scratch, 'data', 'sciatica-map', 'journal.sqlite3')
    rows = []
    if os.path.exists(path):
        db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
        rows = db.execute('SELECT routine, pain_before, pain_after, partial, note FROM entry').fetchall()
        flags = db.execute('SELECT position, flags FROM step_flag').fetchall()
        check = db.execute('PRAGMA integrity_check').fetchone()[0]
        db.close()
    tap(rows == [('Two steps', 6, 3, 0, 'Easier to walk')], f'the journal file has the session: {rows}')
    if rows:
        tap(flags == [(0, 1)] and check == 'ok', f'with step 1 "worse" ({flags}), integrity {check}')


def restart(scratch):
    app = App(scratch)
    try:
        if not tap(app.app is not None, 'restart: the app shows up again'):
            return
        keys('ctrl+j')
        pain = wait_for(label_shown(app.window, 'Pain 6, then 3'), timeout=10)
        tap(pain is not None, 'Ctrl+J: the Journal lists "Pain 6, then 3"')
        tap(wait_for(label_shown(app.window, 'Easier to walk'), timeout=5) is not None, 'and the note')
        tap(find_named(app.window, pyatspi.ROLE_LABEL, 'Two steps', laid_out=True) is not None or
            any('Two steps' in (n.name or '') for n in walk(app.window) if n.getRole() == pyatspi.ROLE_LABEL),
            'and the routine')
        chart = wait_for(lambda: next((n for n in walk(app.window) if n.getRole() == pyatspi.ROLE_IMAGE and
                                       (n.name or '').startswith(('Over ', 'The chart shows'))), None), timeout=5)
        tap(chart is not None, f'the chart is an image named by its summary: {chart.name if chart else None!r}')
        if SHOTS:
            screenshot('journal-page')
    finally:
        app.close()


def main():
    scratch = tempfile.mkdtemp(prefix='sm-journal-e2e-')
    try:
        prepare(scratch)
        record(scratch)
        check_file(scratch)
        restart(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
