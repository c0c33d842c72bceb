#!/usr/bin/python3
# test-open-file-e2e.py: `sciatica-map FILE` hands a routine file to the app
# that is already running (GApplication's open, over D-Bus), on the real
# binary under openbox; AT-SPI only finds things and reads the screen, the
# answers to the question are real keys (xdotool), and the files on disk say
# what really happened.
#
#   - the first instance starts; a second `sciatica-map clinic.sciatica-routine`
#     exits at once and the running window opens the routine in its editor;
#     a copy is in the routines folder, the original's bytes are unchanged;
#   - a file that is not a routine: the banner names it and the problem,
#     nothing is imported;
#   - the same routine again: the app asks; Escape imports nothing, Alt+B
#     (Keep Both) adds a copy, Alt+R (Replace) puts a newer file's version
#     in place of the routine there;
#   - Ctrl+Shift+S exports the open routine through the file chooser: a
#     .sciatica-routine file with its pain drawing, private to its owner.
#
# SM_SCREENSHOT_DIR=DIR keeps a screenshot of the question there.
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
from smatspi import pyatspi, wait_for, walk, find_named, keys, text_of

tap = smatspi.Tap()

NAME = 'Home plan from the clinic'


def routine_json(patient, notes=''):
    step = {'zone': 'piriformis', 'side': 'left', 'tool': 'ball', 'technique': 'hold',
            'hold-seconds': 30, 'repetitions': 3, 'rest-seconds': 10, 'note': ''}
    stroke = {'kind': 'sharp', 'intensity': 7, 'view': 'back', 'points': [330, 690, 340, 720]}
    return json.dumps({'format': 'sciatica-map-routine', 'version': 2, 'name': NAME,
                       'patient': patient, 'notes': notes,
                       'created': '2026-11-30T09:00:00Z', 'modified': '2026-11-30T09:00:00Z',
                       'steps': [step], 'pain': [stroke]}, indent=2) + '\n'


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def own_routines(folder):
    """name → file contents of every routine in the person's folder."""
    found = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith('.json') and not name.startswith('.'):
            try:
                data = json.loads(read_bytes(os.path.join(folder, name)))
            except (OSError, ValueError):
                continue
            found[data.get('name')] = data
    return found


def entry_showing(window, text):
    """A laid-out entry of the window whose text is @text (the editor's
    name or patient field)."""
    def check():
        for node in walk(window):
            if node.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT) and \
                    text_of(node) == text and smatspi.is_laid_out(node):
                return node
        return None
    return check


def message_shown(window, text):
    """A predicate: a laid-out label or status (the message below the page,
    shown for some seconds) starting with @text. Only laid-out subtrees are
    walked, so that one look takes well under those seconds."""
    def check():
        for node in smatspi.walk_laid_out(window):
            if node.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_STATUS_BAR) and \
                    (node.name or '').startswith(text):
                return node
        return None
    return check


def question_of(app):
    """The question about a routine of the same name: a top-level window
    with a laid-out Keep Both button."""
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and \
                find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Keep Both', laid_out=True) is not None:
            return window
    return None


def hand_over(env, path, what):
    """A second `sciatica-map FILE`: it passes the file to the running app
    and exits."""
    env = dict(env)
    env.pop('NO_AT_BRIDGE', None)
    try:
        done = subprocess.run([os.environ['SM_BINARY'], path], env=env, timeout=60,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except subprocess.TimeoutExpired:
        return tap(False, f'{what}: the second sciatica-map exits')
    ok = tap(done.returncode == 0, f'{what}: the second sciatica-map hands the file over and exits')
    if not ok:
        tap.diag(done.stderr)
    return ok


def ask(app, process, what, name=NAME):
    """The question comes up; it gets the keyboard, as openbox gives it."""
    question = wait_for(lambda: question_of(app), timeout=30)
    tap(question is not None, f'{what}: the app asks about the routine of the same name')
    if question is None:
        return None
    title = smatspi.label_shown(question, f'There is already a routine called “{name}”')()
    tap(title is not None, 'the question names the routine')
    if os.environ.get('SM_SCREENSHOT_DIR'):
        time.sleep(1)
        subprocess.run(['import', '-window', 'root',
                        os.path.join(os.environ['SM_SCREENSHOT_DIR'], f'open-file-{what}.png')],
                       check=False)
    smatspi.activate_window(process.pid, 'There is already')
    return question


def main():
    run_on_own_server(run)


def run():
    home, env = smatspi.private_home('sm-open-file-')
    folder = os.path.join(env['XDG_DATA_HOME'], 'sciatica-map', 'routines')
    downloads = os.path.join(home, 'Downloads')
    os.makedirs(downloads)
    clinic = os.path.join(downloads, 'clinic.sciatica-routine')
    newer = os.path.join(downloads, 'clinic-newer.sciatica-routine')
    broken = os.path.join(downloads, 'broken.sciatica-routine')
    with open(clinic, 'w', encoding='utf-8') as f:
        f.write(routine_json('Ada'))
    with open(broken, 'w', encoding='utf-8') as f:
        f.write('{"format": "sciatica-map-routine", "version": 2, "name": "Half a file",\n')
    os.chmod(clinic, 0o444)
    original = read_bytes(clinic)
    original_mtime = os.stat(clinic).st_mtime_ns

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

        # 1. Imported into the running instance, opened in its editor.
        hand_over(env, clinic, 'a routine file')
        tap(process.poll() is None, 'the first instance is still the one running')
        opened = wait_for(entry_showing(window, NAME), timeout=30)
        tap(opened is not None, 'the running window opens the routine in its editor')
        tap(wait_for(entry_showing(window, 'Ada'), timeout=10) is not None,
            'with the patient from the file')
        copies = wait_for(lambda: own_routines(folder).get(NAME), timeout=20)
        tap(copies is not None and len(copies['steps']) == 1 and len(copies.get('pain', [])) == 1,
            'a copy with its step and pain drawing is in the routines folder')
        tap(read_bytes(clinic) == original and os.stat(clinic).st_mtime_ns == original_mtime,
            "the original file's bytes are unchanged")
        tap(os.path.exists(clinic), 'and it is where it was')

        # 2. Not a routine: named in the banner, nothing imported.
        before = own_routines(folder)
        hand_over(env, broken, 'a broken file')
        banner = wait_for(message_shown(window, '“broken.sciatica-routine” was not imported: '),
                          timeout=30, interval=0.05)
        tap(banner is not None, 'a message names the file that is not a routine')
        tap(banner is not None and 'Nothing was copied' in (banner.name or ''),
            'and says that nothing was copied')
        time.sleep(1)
        tap(own_routines(folder) == before, 'nothing is imported')

        # 3. The same name: Escape imports nothing.
        hand_over(env, clinic, 'the same file again')
        if ask(app, process, 'cancel'):
            keys('Escape')
            tap(wait_for(lambda: question_of(app) is None, timeout=10) is not None,
                'Escape closes the question')
            time.sleep(1)
            tap(own_routines(folder) == before, 'and imports nothing')

        # 4. Alt+B keeps both: a copy beside the first.
        smatspi.focus_window(process.pid)
        hand_over(env, clinic, 'the same file once more')
        if ask(app, process, 'keep-both'):
            keys('alt+b')
            copy = wait_for(lambda: own_routines(folder).get(f'{NAME} (copy)'), timeout=20)
            tap(copy is not None and NAME in own_routines(folder),
                'Alt+B (Keep Both) adds a copy beside the routine there')
            tap(wait_for(entry_showing(window, f'{NAME} (copy)'), timeout=10) is not None,
                'and opens it')

        # 5. A newer file of the copy's name, which one routine holds:
        #    Replace is offered, and Alt+R takes the file's version.
        smatspi.focus_window(process.pid)
        count = len(own_routines(folder))
        with open(newer, 'w', encoding='utf-8') as f:
            f.write(routine_json('Ada Lovelace', notes='After the second visit')
                    .replace(NAME, f'{NAME} (copy)'))
        hand_over(env, newer, 'a newer version of the copy')
        if wait_for(lambda: question_of(app), timeout=30):
            question = question_of(app)
            offered = find_named(question, pyatspi.ROLE_PUSH_BUTTON, 'Replace', laid_out=True)
            tap(offered is not None, 'Replace is offered for one routine of that name')
            ask(app, process, 'replace', f'{NAME} (copy)')
            keys('alt+r')
            replaced = wait_for(lambda: (own_routines(folder).get(f'{NAME} (copy)') or {})
                                .get('patient') == 'Ada Lovelace', timeout=20)
            tap(replaced is not None, "Alt+R (Replace) puts the file's version in place of it")
            tap(len(own_routines(folder)) == count, 'without adding a routine')
            tap(wait_for(entry_showing(window, 'Ada Lovelace'), timeout=10) is not None,
                'and the editor shows it')
        else:
            tap(False, 'the app asks about the newer version')

        # 6. Ctrl+Shift+S: "Export Routine File…" through the file chooser
        #    writes the open routine, pain drawing and all, for the patient.
        smatspi.focus_window(process.pid)
        out = os.path.join(downloads, 'for-ada.sciatica-routine')
        keys('ctrl+shift+s')
        dialog = wait_for(lambda: next((w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
                                        if w is not None and w.name == 'Export Routine'), None))
        if tap(dialog is not None, 'Ctrl+Shift+S opens the export dialog'):
            wid = wait_for(lambda: smatspi.xdotool('search', '--onlyvisible', '--name',
                                                   '^Export Routine$').split())
            if wid:
                smatspi.xdotool('windowfocus', '--sync', wid[0])
            name = wait_for(lambda: next((text_of(n) for n in walk(dialog)
                                          if n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and
                                          (text_of(n) or '').endswith('.sciatica-routine')), None),
                            timeout=10)
            tap(name == f'{NAME} (copy).sciatica-routine',
                f'it suggests the routine\'s name with .sciatica-routine ({name!r})')
            keys('ctrl+a')
            smatspi.type_text(out)
            keys('Return')
            written = wait_for(lambda: os.path.exists(out) and json.loads(read_bytes(out)), timeout=20)
            tap(written is not None and written.get('name') == f'{NAME} (copy)' and
                written.get('format') == 'sciatica-map-routine',
                'Enter writes the routine file')
            tap(written is not None and len(written.get('pain', [])) == 1 and
                written.get('patient') == 'Ada Lovelace', 'with the pain drawing and the patient')
            tap(os.path.exists(out) and (os.stat(out).st_mode & 0o777) == 0o600,
                'only for its owner (0600): it names a patient')
    finally:
        if process is not None:
            smatspi.stop_app(process)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
