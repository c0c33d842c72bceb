#!/usr/bin/python3
# test-conflict-e2e.py: a routine changed by another program while the
# person works on it, on the real binary with real input. The app must ask
# (keep mine / take theirs / keep both) instead of overwriting the other
# version, and do what the answer says.
#
# openbox manages the windows (the dialog is a real transient window that
# gets the focus from the window manager). Every step is an X key or
# pointer event (xdotool); AT-SPI only finds things and reads the screen. The other
# program is this script: it writes the routine's file the way a sync tool
# does (a new file renamed over the old one).
#
# The steps, with one routine "Ada" in the person's folder:
#   Ctrl+R, a click on its row         open it in the editor
#   Alt+P, End, type                   edit the patient; wait for the autosave
#   write theirs to the file           the dialog asks; Alt+M keeps mine
#   edit, write again                  Alt+T takes theirs: the editor shows it
#   edit, write again                  Alt+B keeps both: a second routine
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import time

import smatspi
from smxserver import run_on_own_server
from smatspi import pyatspi, wait_for, walk, find_named, describe, keys, text_of

tap = smatspi.Tap()

STEP = {'zone': 'piriformis', 'side': 'left', 'tool': 'ball', 'technique': 'hold',
        'hold-seconds': 30, 'repetitions': 1, 'rest-seconds': 10, 'note': ''}


def routine_json(name, patient, zone='piriformis'):
    step = dict(STEP, zone=zone)
    return json.dumps({'format': 'sciatica-map-routine', 'version': 2, 'name': name,
                       'patient': patient, 'notes': '',
                       'created': '2026-01-05T10:00:00Z', 'modified': '2026-01-05T10:00:00Z',
                       'steps': [step]}, indent=2) + '\n'


def write_theirs(path, patient):
    """Like a sync tool: the whole new file, renamed into place."""
    tmp = os.path.join(os.path.dirname(path), '.sync-tool-tmp')
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(routine_json('Ada', patient, zone='hamstrings'))
    os.replace(tmp, path)


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError:
        return ''


def dialog_of(app):
    """The conflict dialog: a top-level window of the app with the three
    answers laid out."""
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is None:
            continue
        if find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Keep Both', laid_out=True) is not None:
            return window
    return None


def entry_text(window, name):
    entry = find_named(window, pyatspi.ROLE_ENTRY, name, laid_out=True)
    if entry is None:
        entry = find_named(window, pyatspi.ROLE_TEXT, name, laid_out=True)
    return text_of(entry) if entry is not None else None


def edit_patient(window, path, suffix):
    """Alt+P into the patient entry, End, type; returns once the autosave
    has put it in the file."""
    keys('alt+p', 'End')
    smatspi.type_text(suffix)
    return wait_for(lambda: suffix in read(path), timeout=20) is not None


def ask(app, path, name, what):
    """Another program writes its version (patient @name); the dialog must
    come up and the file must stay theirs."""
    write_theirs(path, name)
    dialog = wait_for(lambda: dialog_of(app), timeout=20)
    ok = tap(dialog is not None, f'{what}: the app asks when another program changes the file')
    if dialog is None:
        return None
    title = any(f'“Ada” was changed by another program' in (n.name or '') or
                f'“Ada” was changed by another program' in (text_of(n) or '')
                for n in walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL)
    tap(title, 'the dialog names the routine')
    tap(name in read(path), 'nothing is written over their version while it asks')
    if os.environ.get('SM_SCREENSHOT_DIR'):
        time.sleep(1)
        subprocess.run(['import', '-window', 'root',
                        os.path.join(os.environ['SM_SCREENSHOT_DIR'], f'conflict-{what}.png')],
                       check=False)
    smatspi.activate_window(app.get_process_id(), 'was changed')
    return ok


def main():
    run_on_own_server(run)


def run():
    home, env = smatspi.private_home('sm-conflict-')
    folder = os.path.join(env['XDG_DATA_HOME'], 'sciatica-map', 'routines')
    os.makedirs(folder, mode=0o700)
    path = os.path.join(folder, 'ada.json')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(routine_json('Ada', 'Ada Lovelace'))

    wm_ok = smatspi.openbox_running(env)
    process, app = None, None
    try:
        tap(wm_ok is not None, 'openbox manages the screen')
        process, app = smatspi.launch(env=env)
        if not tap(app is not None, 'the app shows up on the accessibility bus'):
            return
        window = wait_for(lambda: find_named(app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
        smatspi.focus_window(process.pid)
        wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        keys('alt+u')

        # Open "Ada": Ctrl+R shows the routines, a click on its row opens it
        # (GTK 4.8 gives list rows no action: click them where they are).
        keys('ctrl+r')

        def ada_row():
            for node in walk(window):
                if node.getRole() == pyatspi.ROLE_LIST_ITEM and smatspi.is_laid_out(node) and \
                        any((n.name or '') == 'Ada' for n in walk(node)):
                    return node
            return None
        row = wait_for(ada_row, timeout=15)
        if not tap(row is not None, 'Ctrl+R lists the routine "Ada"'):
            return
        x, y, w, h = smatspi.extents(row)
        wid = smatspi.focus_window(process.pid)
        smatspi.xdotool('mousemove', '--window', wid, str(x + w // 2), str(y + h // 2),
                        'click', '1')
        opened = wait_for(lambda: entry_text(window, 'Patient') == 'Ada Lovelace', timeout=15)
        tap(opened, 'a click opens it in the editor')

        # 1. Keep mine.
        tap(edit_patient(window, path, ' (mine 1)'), 'an edit is saved on its own')
        if ask(app, path, 'Other computer 1', 'keep mine'):
            keys('alt+m')
            tap(wait_for(lambda: '(mine 1)' in read(path) and 'Other computer 1' not in read(path),
                         timeout=20) is not None, 'Keep Mine writes mine over theirs')
            tap(wait_for(lambda: dialog_of(app) is None, timeout=10) is not None,
                'the dialog closes')

        # 2. Take theirs.
        smatspi.focus_window(process.pid)
        tap(edit_patient(window, path, ' (mine 2)'), 'another edit is saved')
        if ask(app, path, 'Other computer 2', 'take theirs'):
            keys('alt+t')
            shown = wait_for(lambda: entry_text(window, 'Patient') == 'Other computer 2',
                             timeout=20)
            tap(shown is not None, 'Take Theirs shows their version in the editor')
            time.sleep(1)
            tap('Other computer 2' in read(path) and '(mine 2)' not in read(path),
                'and leaves their file as it is')

        # 3. Keep both.
        smatspi.focus_window(process.pid)
        tap(edit_patient(window, path, ' (mine 3)'), 'a third edit is saved')
        copy = os.path.join(folder, 'ada-changed-elsewhere.json')
        if ask(app, path, 'Other computer 3', 'keep both'):
            keys('alt+b')
            tap(wait_for(lambda: '(mine 3)' in read(path), timeout=20) is not None,
                'Keep Both keeps mine in the file')
            tap(wait_for(lambda: 'Ada (changed elsewhere)' in read(copy) and
                         'Other computer 3' in read(copy), timeout=20)
                is not None, 'and theirs as a routine of its own')
            tap(os.path.exists(copy) and (os.stat(copy).st_mode & 0o777) == 0o600,
                'which is private (0600) like every routine')
    finally:
        if process is not None:
            smatspi.stop_app(process)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
