#!/usr/bin/python3
# test-editor-e2e.py: the routine editor on the real binary, driven by real
# X pointer clicks and key presses (xdotool) under openbox; AT-SPI only
# finds things and reads the screen, and the routine files on disk say
# what really happened.
#
#   - the banner about a damaged routine file speaks plainly and hides
#   - the bin button removes a step, the message's Undo brings it back
#   - Ctrl+Z / Ctrl+Shift+Z over a removal, a move and a typed note
#   - the hamstrings' tool list offers their own tools and "Other tool…",
#     which opens the rest, marked; the sheet marks the choice too
#   - moving a step far down a long routine keeps it focused and in view
#   - a routines folder that cannot be written: the message names the
#     routine and leaves the editor uncovered, the editor says "Not saved",
#     Ctrl+Q asks; Cancel stays, Discard quits, Save As… writes elsewhere
#
# As root the app runs without CAP_DAC_OVERRIDE (setpriv), so a folder
# with mode 0555 is read-only for it as it is for anyone else.
#
# SM_E2E_SCREENSHOTS=DIR keeps a screenshot of each stage there.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import smatspi
from smxserver import run_on_own_server
from smatspi import pyatspi, wait_for, walk, find_named, keys

tap = smatspi.Tap()

SHORT = ['piriformis', 'hamstrings', 'calf']
LONG_STEPS = 30


def step(zone, note=''):
    tools = {'piriformis': 'ball', 'hamstrings': 'foam-roller', 'calf': 'hands',
             'gluteus-medius': 'ball'}
    techniques = {'piriformis': 'hold', 'hamstrings': 'slow-rolling', 'calf': 'broad-strokes',
                  'gluteus-medius': 'hold'}
    return {'zone': zone, 'side': 'left', 'tool': tools[zone], 'technique': techniques[zone],
            'hold-seconds': 30, 'repetitions': 2, 'rest-seconds': 10, 'note': note}


def routine_file(name, steps):
    return {'format': 'sciatica-map-routine', 'version': 2, 'name': name, 'patient': '',
            'notes': '', 'created': '2026-11-21T12:00:00Z', 'modified': '2026-11-21T12:00:00Z',
            'steps': steps}


class Session:
    """The app's private folders and the routine files in them."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix='sm-editor-e2e-')
        self.data = os.path.join(self.root, 'data')
        self.routines = os.path.join(self.data, 'sciatica-map', 'routines')
        os.makedirs(self.routines)
        for sub in ('config', 'cache', 'runtime'):
            os.makedirs(os.path.join(self.root, sub))
        os.chmod(os.path.join(self.root, 'runtime'), 0o700)
        self.write('short', routine_file('Short', [step(z) for z in SHORT]))
        zones = ['gluteus-medius', 'calf', 'hamstrings']
        self.write('long', routine_file('Long', [step(zones[i % 3], f'step {i + 1}')
                                                 for i in range(LONG_STEPS)]))
        with open(os.path.join(self.routines, 'broken.json'), 'w') as f:
            f.write('{"format": "sciatica-map-routine", "version": 2, "name": ')

    def write(self, name, content):
        with open(os.path.join(self.routines, name + '.json'), 'w') as f:
            json.dump(content, f)

    def read(self, name):
        try:
            with open(os.path.join(self.routines, name + '.json')) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def env(self):
        env = dict(os.environ)
        env.update(XDG_DATA_HOME=self.data, XDG_CONFIG_HOME=os.path.join(self.root, 'config'),
                   XDG_CACHE_HOME=os.path.join(self.root, 'cache'),
                   XDG_RUNTIME_DIR=os.path.join(self.root, 'runtime'), GTK_USE_PORTAL='0')
        return env

    def cleanup(self):
        os.chmod(self.routines, 0o755)
        shutil.rmtree(self.root, ignore_errors=True)


def launch(session, gtk_file_chooser=False):
    """The app with the accessibility bridge on; as root without the
    capability that lets root write into read-only folders.

    gtk_file_chooser: the run opens GTK's file chooser. Under
    AddressSanitizer (build-aux/test --sanitize) that run does not check
    for leaks at exit: GTK 4.8's GtkFileChooserWidget leaks by itself (a
    30-line program that shows a GtkFileChooserNative and closes it leaks
    1 145 bytes in 30 blocks with an empty folder, 1 623 bytes in 70 with
    20 files), and Debian's GTK has no frame pointers, so LeakSanitizer's
    stacks stop at g_malloc and no suppression can name GTK. Every other
    run of this test, the first quit included, is still checked."""
    env = session.env()
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    if gtk_file_chooser and 'ASAN_OPTIONS' in env:
        env['ASAN_OPTIONS'] += ':detect_leaks=0'
    command = [os.environ['SM_BINARY']]
    if os.geteuid() == 0:
        drop = '-dac_override,-dac_read_search'
        command = ['setpriv', f'--bounding-set={drop}', f'--inh-caps={drop}'] + command
    for _ in range(3):
        process = subprocess.Popen(command, env=env)
        app = wait_for(lambda: smatspi.find_app(process.pid) or process.poll() is not None)
        if app is not None and app is not True:
            return process, app
        smatspi.stop_app(process)
        time.sleep(1)
    return process, None


def server_has_wm():
    return wait_for(lambda: 'window id' in subprocess.run(
        ['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True).stdout, timeout=60) is not None


def screenshot(name):
    folder = os.environ.get('SM_E2E_SCREENSHOTS')
    if folder:
        os.makedirs(folder, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(folder, name + '.png')],
                       check=False)


def window_origin(pid):
    """The main window's top left corner on the screen: of the app's
    windows (tooltips and popovers are windows too), the largest."""
    return wait_for(lambda: largest_window(pid), timeout=10)


def largest_window(pid):
    best = None
    for wid in smatspi.xdotool('search', '--onlyvisible', '--pid', str(pid)).split():
        geometry = smatspi.xdotool('getwindowgeometry', '--shell', wid)
        values = dict(line.split('=') for line in geometry.splitlines() if '=' in line)
        if 'WIDTH' not in values:
            continue
        area = int(values['WIDTH']) * int(values['HEIGHT'])
        if best is None or area > best[0]:
            best = (area, int(values['X']), int(values['Y']))
    return best[1:] if best else None


class App:
    def __init__(self, process, node):
        self.process = process
        self.node = node
        self.window = wait_for(lambda: find_named(node, pyatspi.ROLE_FRAME, 'Sciatica Map'))

    def reveal(self, target):
        """Scrolls with the mouse wheel until @target is inside its
        scrolled window, as a person would before clicking it."""
        origin = window_origin(self.process.pid)
        smatspi.reveal(target, lambda x, y: smatspi.xdotool(
            'mousemove', '--sync', str(origin[0] + x), str(origin[1] + y)))

    def click(self, target):
        """A real pointer click in the middle of @target."""
        self.reveal(target)
        origin = window_origin(self.process.pid)
        # Off every control first, so no tooltip is left lying over the target.
        smatspi.xdotool('mousemove', '--sync', str(origin[0] + 20), str(origin[1] + 300))
        time.sleep(0.6)
        box = smatspi.extents(target)
        x = origin[0] + box[0] + box[2] // 2
        y = origin[1] + box[1] + box[3] // 2
        smatspi.xdotool('mousemove', '--sync', str(x), str(y))
        time.sleep(0.3)
        smatspi.xdotool('click', '1')
        time.sleep(0.5)

    def wheel_down(self, target, times):
        origin = window_origin(self.process.pid)
        box = smatspi.extents(target)
        smatspi.xdotool('mousemove', '--sync', str(origin[0] + box[0] + box[2] // 2),
                        str(origin[1] + box[1] + box[3] // 3))
        for _ in range(times):
            smatspi.xdotool('click', '5')
            time.sleep(0.05)
        time.sleep(0.8)

    def find(self, role, name):
        return wait_for(lambda: find_named(self.window, role, name, laid_out=True), timeout=15)

    def step_item(self, number, total):
        return self.find(pyatspi.ROLE_LIST_ITEM, f'Step {number} of {total}')

    def in_step(self, number, total, role, name):
        item = self.step_item(number, total)
        return find_named(item, role, name) if item is not None else None

    def label(self, text):
        return wait_for(text_shown(self.window, text), timeout=15)


def text_shown(root, text):
    """Like smatspi.label_shown, but also for the message, whose label has
    the status role."""
    roles = (pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING, pyatspi.ROLE_STATUS_BAR)

    def check():
        for node in walk(root):
            if (node.getRole() in roles and (node.name or '').startswith(text) and
                    smatspi.is_laid_out(node)):
                return node
        return None
    return check


def inside(inner, outer):
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and
            inner[0] + inner[2] <= outer[0] + outer[2] and inner[1] + inner[3] <= outer[1] + outer[3])


def overlaps(a, b):
    return not (a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1] or
                a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0])


def zones_in(session, name):
    content = session.read(name)
    return [s['zone'] for s in content['steps']] if content else None


def wait_file(session, name, predicate, timeout=10):
    return wait_for(lambda: (lambda c: c if c is not None and predicate(c) else None)(
        session.read(name)), timeout=timeout)


def ancestor_named(node, prefix):
    while node is not None:
        if (node.name or '').startswith(prefix):
            return node
        node = node.parent
    return None


def open_routines(app, name):
    keys('ctrl+r')
    row = app.find(pyatspi.ROLE_LIST_ITEM, name)
    if row is None:
        return False
    app.click(row)
    return app.find(pyatspi.ROLE_TEXT, 'Name') is not None or \
        app.find(pyatspi.ROLE_ENTRY, 'Name') is not None


def check_banner(app):
    banner = app.label('The routine file “broken.json” could not be opened')
    tap(banner is not None and 'left as it is' in (banner.name or ''),
        'the banner names the damaged file in plain words and says it was left as it is')
    screenshot('1-banner')
    hide = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Hide this message')
    tap(hide is not None, 'the banner has a button to hide it')
    if hide is not None:
        app.click(hide)
    gone = hide is not None and wait_for(
        lambda: not smatspi.label_shown(app.window, 'The routine file')(), timeout=10)
    tap(gone, 'clicking it hides the banner')


def check_undo_toast(app, session):
    remove = app.in_step(2, 3, pyatspi.ROLE_PUSH_BUTTON, 'Remove step')
    app.click(remove)
    toast = app.label('Step 2 removed')
    tap(toast is not None, 'the bin button shows "Step 2 removed"')
    tap(wait_file(session, 'short', lambda c: len(c['steps']) == 2) is not None,
        'the step is gone from the file')
    screenshot('2-step-removed')
    # In the message itself (the pain drawing's tools have an Undo too).
    undo = find_named(toast.parent, pyatspi.ROLE_PUSH_BUTTON, 'Undo') if toast is not None else None
    tap(undo is not None, 'the message offers Undo')
    if undo is not None:
        tap.diag(f'undo at {smatspi.extents(undo)}, window at {window_origin(app.process.pid)}')
        app.click(undo)
        screenshot('2b-undo-clicked')
    back = wait_file(session, 'short', lambda c: [s['zone'] for s in c['steps']] == SHORT)
    tap(back is not None and app.step_item(3, 3) is not None,
        'Undo brings the step back in its place, on screen and in the file')


def check_history(app, session):
    app.click(app.in_step(1, 3, pyatspi.ROLE_PUSH_BUTTON, 'Remove step'))
    tap(wait_file(session, 'short', lambda c: [s['zone'] for s in c['steps']] == SHORT[1:]) is not None,
        'the bin button removes step 1')
    app.click(app.in_step(1, 2, pyatspi.ROLE_PUSH_BUTTON, 'Move down'))
    moved = ['calf', 'hamstrings']
    tap(wait_file(session, 'short', lambda c: [s['zone'] for s in c['steps']] == moved) is not None,
        'Move down moves the hamstrings below the calf')
    note = app.in_step(1, 2, pyatspi.ROLE_TEXT, 'Note for this step') or \
        app.in_step(1, 2, pyatspi.ROLE_ENTRY, 'Note for this step')
    app.click(note)
    smatspi.type_text('slowly')
    tap(wait_file(session, 'short', lambda c: c['steps'][0]['note'] == 'slowly') is not None,
        'the note typed into step 1 is saved')
    screenshot('3-history')

    states = [
        ('the note is undone', lambda c: [s['zone'] for s in c['steps']] == moved and c['steps'][0]['note'] == ''),
        ('the move is undone', lambda c: [s['zone'] for s in c['steps']] == SHORT[1:]),
        ('the removal is undone', lambda c: [s['zone'] for s in c['steps']] == SHORT),
    ]
    for what, predicate in states:
        keys('ctrl+z')
        tap(wait_file(session, 'short', predicate) is not None, f'Ctrl+Z: {what}')
    for what, predicate in [
            ('the removal again', lambda c: [s['zone'] for s in c['steps']] == SHORT[1:]),
            ('the move again', lambda c: [s['zone'] for s in c['steps']] == moved),
            ('the note again', lambda c: c['steps'][0]['note'] == 'slowly')]:
        keys('ctrl+shift+z')
        tap(wait_file(session, 'short', predicate) is not None, f'Ctrl+Shift+Z: {what}')


def labels_shown(app):
    names = []
    for node in walk(app.node):
        try:
            if node.getRole() == pyatspi.ROLE_LABEL and smatspi.is_laid_out(node):
                names.append(node.name or '')
        except smatspi.Gone:
            continue
    return names


def check_tools(app, session):
    # After the redo the routine is calf, hamstrings: step 2 is the hamstrings.
    tool = app.in_step(2, 2, pyatspi.ROLE_COMBO_BOX, 'Tool')
    tap(tool is not None, 'step 2 (the hamstrings) has a tool list')

    def open_list():
        return wait_for(lambda: (lambda n: n if any(x.startswith('Other tool') for x in n) else None)(
            labels_shown(app)), timeout=10)

    app.click(tool)
    listed = open_list()
    if listed is None:
        # Under load the step rows may still be settling after the redo, so
        # the first click can land before the list is where it was found:
        # look it up again and click once more, as a person would.
        tap.diag('the tool list did not open; clicking it again')
        tool = app.in_step(2, 2, pyatspi.ROLE_COMBO_BOX, 'Tool')
        if tool is not None:
            app.click(tool)
            listed = open_list()
    listed = listed or []
    screenshot('4-tool-list')
    tap('Massage stick' in listed and 'Foam roller' in listed,
        'the list offers the hamstrings\' own tools')
    tap(not any(x.startswith('Psoas release tool') for x in listed),
        'the psoas tool is not offered directly')
    tap(any(x.startswith('Other tool') for x in listed), 'there is an "Other tool…" entry')
    keys('End', 'Return')
    expanded = wait_for(lambda: (lambda n: n if any(x.startswith('Psoas release tool') for x in n) else None)(
        labels_shown(app)), timeout=10) or []
    screenshot('5-other-tools')
    tap('Psoas release tool (other tool)' in expanded,
        '"Other tool…" opens the rest of the tools, marked as other')
    # The keyboard is in the list that opened again: the last entry.
    time.sleep(1)
    keys('End', delay=0.8)
    keys('Return')
    chosen = wait_file(session, 'short', lambda c: c['steps'][1]['tool'] == 'psoas-tool', timeout=4)
    if chosen is None:
        # Missed under load: open the (now long) list again and click it.
        app.click(app.in_step(2, 2, pyatspi.ROLE_COMBO_BOX, 'Tool'))
        item = wait_for(text_shown(app.node, 'Psoas release tool (other tool)'), timeout=5)
        if item is not None:
            app.click(item)
        chosen = wait_file(session, 'short', lambda c: c['steps'][1]['tool'] == 'psoas-tool')
    if not tap(chosen is not None, 'choosing it gives the step the psoas tool'):
        tap.diag(f"steps: {[(x['zone'], x['tool']) for x in (session.read('short') or {}).get('steps', [])]}")

    pdf = os.path.join(session.root, 'sheet.pdf')
    subprocess.run([os.environ['SM_BINARY'], '--export-pdf', pdf, '--routine', 'Short'],
                   env=session.env(), check=False, stdout=subprocess.DEVNULL)
    text = subprocess.run(['pdftotext', pdf, '-'], stdout=subprocess.PIPE, text=True,
                          check=False).stdout if os.path.exists(pdf) else ''
    tap('(other tool)' in text, 'the sheet marks the psoas tool as another tool')


def back_to_list(app):
    back = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Back to all routines')
    if back is not None:
        app.click(back)


def check_move_in_view(app, session):
    back_to_list(app)
    row = app.find(pyatspi.ROLE_LIST_ITEM, 'Long')
    app.click(row)
    first = app.step_item(1, LONG_STEPS)
    tap(first is not None, 'the long routine opens')
    scroller = smatspi.scroller_of(first)
    app.wheel_down(scroller, 25)
    view = smatspi.extents(scroller)

    def visible_move_down():
        for number in range(2, LONG_STEPS):
            item = find_named(app.window, pyatspi.ROLE_LIST_ITEM, f'Step {number} of {LONG_STEPS}')
            button = find_named(item, pyatspi.ROLE_PUSH_BUTTON, 'Move down') if item else None
            if button is not None and inside(smatspi.extents(button), view):
                return number, button
        return None
    found = wait_for(visible_move_down, timeout=15)
    tap(found is not None and found[0] > 3, 'scrolling down shows a step further down, built on the way')
    if found is None:
        return
    number, button = found
    expected = session.read('long')['steps'][number - 1]['note']
    app.click(button)
    tap(wait_file(session, 'long', lambda c: c['steps'][number]['note'] == expected) is not None,
        f'Move down moves step {number} to {number + 1}')

    def focus_on_moved():
        node = smatspi.focused(app.node)
        if node is None or not (node.name or '').startswith('Move down'):
            return None
        return node if ancestor_named(node, f'Step {number + 1} of') else None
    focus = wait_for(focus_on_moved, timeout=10)
    tap(focus is not None, 'the moved step keeps the focus, on its Move down button')
    time.sleep(0.5)
    screenshot('6-moved')
    box = smatspi.extents(focus) if focus is not None else None
    tap(box is not None and inside(box, smatspi.extents(scroller)),
        f'the moved step is in view (button {box}, view {smatspi.extents(scroller)})')


def edit_notes_read_only(app, session):
    """Opens Short, types into its notes with the folder read-only."""
    notes = app.find(pyatspi.ROLE_TEXT, 'Notes')
    app.click(notes)
    smatspi.type_text('Heat first')
    return app.label('“Short” could not be saved')


def check_read_only(app, session):
    back_to_list(app)
    os.chmod(session.routines, 0o555)
    app.click(app.find(pyatspi.ROLE_LIST_ITEM, 'Short'))
    toast = edit_notes_read_only(app, session)
    tap(toast is not None, 'the failed save names the routine, “Short”')
    tap(toast is not None and session.routines not in (toast.name or ''),
        'the message does not show the file path')
    state = app.label('Not saved')
    tap(state is not None, 'the editor says "Not saved"')
    screenshot('7-not-saved')
    scroller = smatspi.scroller_of(app.step_item(1, 2))
    if toast is not None and scroller is not None:
        tap(not overlaps(smatspi.extents(toast), smatspi.extents(scroller)),
            'the message does not cover the step editor')

    keys('ctrl+q')
    dialog = wait_for(smatspi.label_shown(app.node, 'Changes to “Short” are not saved'), timeout=15)
    tap(dialog is not None, 'Ctrl+Q asks about the unsaved changes')
    screenshot('8-quit-dialog')
    keys('Escape')
    time.sleep(1.5)
    tap(app.process.poll() is None and
        not smatspi.label_shown(app.node, 'Changes to “Short” are not saved')(),
        'Cancel (Escape) keeps the app open')

    keys('ctrl+q')
    tap(wait_for(smatspi.label_shown(app.node, 'Changes to “Short” are not saved'), timeout=15)
        is not None, 'Ctrl+Q asks again')
    keys('alt+d')
    try:
        code = app.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        code = None
    tap(code == 0, f'Discard Changes quits (exit status {code})')
    tap('Heat first' not in (session.read('short') or {}).get('notes', ''),
        'the file was left as it was')


def check_save_as(session):
    process, node = launch(session, gtk_file_chooser=True)
    if not tap(node is not None, 'the app starts again'):
        return process
    app = App(process, node)
    smatspi.focus_window(process.pid)
    wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
    keys('alt+u')
    open_routines(app, 'Short')
    tap(edit_notes_read_only(app, session) is not None, 'the read-only folder fails the save again')
    keys('ctrl+q')
    tap(wait_for(smatspi.label_shown(app.node, 'Changes to “Short” are not saved'), timeout=15)
        is not None, 'Ctrl+Q asks')
    keys('alt+s')
    chooser = wait_for(lambda: smatspi.xdotool('search', '--onlyvisible', '--name',
                                               '^Save Routine As$').split(), timeout=15)
    tap(bool(chooser), 'Save As… opens a file chooser')
    target = os.path.join(session.root, 'short-copy.json')
    if chooser:
        smatspi.xdotool('windowfocus', '--sync', chooser[0])
        time.sleep(0.5)
        screenshot('9-save-as')
        keys('ctrl+a')
        smatspi.type_text(target)
        keys('Return')
    try:
        code = process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        code = None
    saved = None
    if os.path.exists(target):
        with open(target) as f:
            saved = json.load(f)
    tap(saved is not None and 'Heat first' in saved['notes'] and len(saved['steps']) == 2,
        'Save As… writes the routine with the new notes elsewhere')
    tap(code == 0, f'and then the app quits (exit status {code})')
    return process


def checked(check, *args):
    """Runs one part of the test; an exception is a failure of that part."""
    try:
        return check(*args)
    except Exception:  # noqa: BLE001 - every error is a test failure
        import traceback
        tap(False, f'{check.__name__} ran to its end')
        tap.diag(traceback.format_exc())
        return None


def main():
    run_on_own_server(run)


def run():
    session = Session()
    wm = None
    process = None
    try:
        tap(server_has_wm(), 'openbox runs as the window manager')
        process, node = launch(session)
        if not tap(node is not None, 'the app shows up on the accessibility bus'):
            return
        app = App(process, node)
        smatspi.focus_window(process.pid)
        wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        keys('alt+u')
        keys('ctrl+r')
        checked(check_banner, app)
        tap(open_routines(app, 'Short'), 'the routine "Short" opens in the editor')
        # One part that fails (before a fix, say) does not hide the others.
        checked(check_undo_toast, app, session)
        checked(check_history, app, session)
        checked(check_tools, app, session)
        checked(check_move_in_view, app, session)
        checked(check_read_only, app, session)
        if app.process.poll() is None:
            smatspi.stop_app(app.process)
        process = checked(check_save_as, session)
    finally:
        if process is not None and process.poll() is None:
            smatspi.stop_app(process)
        if wm is not None:
            wm.terminate()
            wm.wait()
        session.cleanup()


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
