#!/usr/bin/python3
# test-session-e2e.py: the hold timer, guided sessions and Mark Pain in
# the real app, driven by XTEST key and pointer events (xdotool). AT-SPI
# only finds things and reads the screen; a screenshot checks what only
# the pixels show (the landmarks the map points at).
#
#   first run     Space on "I Understand" accepts and starts no timer;
#                 the timer cannot start and Mark Pain rests there;
#                 Space on the focused "Front" shows the front view
#   switch sides  a hold on the left piriformis moves on to the right:
#                 the panel says "Right side" with Right pressed, the map
#                 selects the right muscle and marks the right trochanter
#   session       Space on a step's "Move up" moves it; a five-step
#                 routine counts "Step 1 of 5 · round 1 of 2", then the
#                 steps and "Stretch 1 of 3"; N through it gives a summary
#                 of what was really done; Done goes back to the routine,
#                 the timer bar is the plain timer with the default hold,
#                 and the map numbers go with the routine
#   mark pain     Mark Pain with no routine open and nothing drawn makes
#                 no routine; a drawing is offered to be kept in one
#
# Xvfb has no window manager: the test gives the window the X input
# focus (xdotool windowfocus), the one thing a window manager would do.
# Each part runs the app afresh with its own settings (a keyfile) and data.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys, label_shown, describe

import gi
gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

tap = smatspi.Tap()
CLOCK = re.compile(r'^\d+:\d\d$')
SHOTS = os.environ.get('SM_E2E_SHOTS')


# --- Running the app -------------------------------------------------------

class App:
    """The app with its own settings keyfile and data folder."""

    def __init__(self, settings=None, routines=()):
        self.scratch = tempfile.mkdtemp(prefix='sm-session-e2e-')
        env = dict(os.environ)
        env['XDG_CONFIG_HOME'] = os.path.join(self.scratch, 'config')
        env['XDG_DATA_HOME'] = os.path.join(self.scratch, 'data')
        if settings is not None:
            folder = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
            os.makedirs(folder)
            with open(os.path.join(folder, 'keyfile'), 'w', encoding='utf-8') as keyfile:
                keyfile.write('[org/sciaticamap/SciaticaMap]\n')
                for key, value in settings.items():
                    keyfile.write(f'{key}={value}\n')
            env['GSETTINGS_BACKEND'] = 'keyfile'
        folder = os.path.join(env['XDG_DATA_HOME'], 'sciatica-map', 'routines')
        os.makedirs(folder)
        for name, routine in routines:
            with open(os.path.join(folder, name + '.json'), 'w', encoding='utf-8') as out:
                json.dump(routine, out)
        self.process, self.app = smatspi.launch(env=env)
        self.window = None
        self.wid = None
        self.session_page = None
        if self.app is not None:
            self.window = wait_for(lambda: find_named(self.app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
            self.wid = smatspi.focus_window(self.process.pid)

    def close(self):
        smatspi.stop_app(self.process)
        shutil.rmtree(self.scratch, ignore_errors=True)


def frame_offset(app):
    """Where AT-SPI's window coordinates start inside the X window: GTK
    leaves a resize border around the window's frame."""
    out = smatspi.xdotool('getwindowgeometry', '--shell', app.wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    _, _, width, height = smatspi.extents(app.window)
    return (int(values['WIDTH']) - width) // 2, (int(values['HEIGHT']) - height) // 2


def move_to(app, x, y):
    """Moves the pointer to (@x, @y) in AT-SPI window coordinates."""
    dx, dy = frame_offset(app)
    smatspi.xdotool('mousemove', '--window', app.wid, str(x + dx), str(y + dy))


def click(app, node):
    """A real pointer click in the middle of @node, scrolled into view
    first (the routine editor is taller than a 768-pixel screen)."""
    smatspi.reveal(node, lambda x, y: move_to(app, x, y))
    x, y, width, height = smatspi.extents(node)
    move_to(app, x + width // 2, y + height // 2)
    time.sleep(0.2)
    smatspi.xdotool('click', '1')
    time.sleep(0.4)


def states(node):
    return node.getState()


def sensitive(node):
    return node is not None and states(node).contains(pyatspi.STATE_SENSITIVE)


def checked(node):
    state = states(node)
    return state.contains(pyatspi.STATE_CHECKED) or state.contains(pyatspi.STATE_PRESSED)


def button(root, name, laid_out=True):
    """A button or toggle button (GTK 4.8 gives toggles the push button
    role) whose name starts with @name, mnemonic underscores left out."""
    return find_named(root, pyatspi.ROLE_PUSH_BUTTON, name, laid_out=laid_out) or \
        find_named(root, pyatspi.ROLE_TOGGLE_BUTTON, name, laid_out=laid_out)


def marking(app):
    """The pain layer's tool panel is up."""
    return button(app.window, 'Undo the Last Stroke') is not None


def panel_toggles(app):
    """The zone panel's Left and Right buttons."""
    panel = find_named(app.window, pyatspi.ROLE_PANEL, 'Muscle')
    toggles = {}
    for node in walk(panel):
        if node.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) and \
                node.name in ('Left', 'Right'):
            toggles[node.name] = node
    return toggles.get('Left'), toggles.get('Right')


def inside(node, text):
    while node is not None:
        if (node.name or '').startswith(text):
            return True
        node = node.parent
    return False


def tab_to(app, predicate, key='Tab', limit=60):
    """Presses @key until the focused node satisfies @predicate."""
    for _ in range(limit):
        node = smatspi.focused(app.app)
        if node is not None and predicate(node):
            return node
        keys(key, delay=0.25)
    node = smatspi.focused(app.app)
    return node if node is not None and predicate(node) else None


def timer_bar(app):
    return find_named(app.window, pyatspi.ROLE_PANEL, 'Hold timer')


def countdown(app):
    bar = timer_bar(app)
    for node in walk(bar):
        if node.getRole() == pyatspi.ROLE_LABEL and CLOCK.match(node.name or ''):
            return node.name
    return None


def bar_labels(app):
    return [n.name for n in walk(timer_bar(app)) if n.getRole() == pyatspi.ROLE_LABEL]


def timer_running(app):
    """The timer bar offers Pause only while a hold runs."""
    bar = timer_bar(app)
    return find_named(bar, pyatspi.ROLE_PUSH_BUTTON, 'Pause') is not None


def map_zone(app, name):
    return find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, name, laid_out=True)


def screenshot(name):
    path = os.path.join(SHOTS or tempfile.gettempdir(), f'sm-session-e2e-{name}.png')
    subprocess.run(['import', '-window', 'root', path], check=True)
    return path


def ink(pixbuf, x0, y0, x1, y1):
    """How many pixels of the box are dark (the landmark's outline)."""
    pixels = pixbuf.get_pixels()
    stride = pixbuf.get_rowstride()
    channels = pixbuf.get_n_channels()
    dark = 0
    for y in range(max(0, y0), min(pixbuf.get_height(), y1)):
        for x in range(max(0, x0), min(pixbuf.get_width(), x1)):
            offset = y * stride + x * channels
            r, g, b = pixels[offset], pixels[offset + 1], pixels[offset + 2]
            if r + g + b < 3 * 110:
                dark += 1
    return dark


def window_origin(app):
    """The window's top-left corner on the screen."""
    out = smatspi.xdotool('getwindowgeometry', '--shell', app.wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    return int(values['X']), int(values['Y'])


# --- 1. The first-run safety screen and Space ------------------------------

def first_run():
    app = App()
    try:
        if not tap(app.app is not None, 'first run: the app shows up on the accessibility bus'):
            return
        understand = wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand',
                                                 laid_out=True))
        tap(understand is not None, 'the safety screen offers "I Understand"')
        # The screen asks one thing: the timer bar and the header's map
        # controls are not shown beside it (hidden widgets leave the tree).
        tap(timer_bar(app) is None, 'the timer bar is not shown under the safety screen')
        tap(button(app.window, 'Mark Pain', laid_out=False) is None and
            button(app.window, 'Search', laid_out=False) is None and
            button(app.window, 'Back', laid_out=False) is None,
            'nor are the header\'s Mark Pain, Search and view buttons')
        tap(button(app.window, 'Main Menu') is not None, 'the main menu stays')
        keys('ctrl+m')
        time.sleep(1)
        tap(not marking(app), 'Ctrl+M does not start marking pain')

        focus = tab_to(app, lambda n: (n.name or '').replace('_', '').startswith('I Understand'))
        tap(focus is not None, 'Tab reaches "I Understand"')
        keys('space')
        tap(wait_for(label_shown(app.window, 'Where does it hurt?')) is not None,
            'Space on "I Understand" accepts the safety screen')
        tap(wait_for(lambda: timer_bar(app)) is not None, 'and brings the timer bar back')
        before = countdown(app)
        time.sleep(1.5)
        tap(not timer_running(app) and countdown(app) == before,
            f'and starts no timer (countdown {before} → {countdown(app)})')
        start = find_named(timer_bar(app), pyatspi.ROLE_PUSH_BUTTON, 'Start')
        tap(sensitive(start), 'the timer\'s Start works once the screen is read')

        # Space presses a focused toggle in the header bar: the front view.
        front = tab_to(app, lambda n: n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) and
                       (n.name or '').replace('_', '').startswith('Front'), limit=80)
        tap(front is not None, 'Tab reaches the header\'s "Front"')
        if front is not None:
            keys('space')
            tap(wait_for(lambda: checked(front), timeout=5) is not None, 'Space presses "Front"')
            tap(wait_for(lambda: map_zone(app, 'Psoas, left'), timeout=10) is not None,
                'the map shows the front view (the psoas)')
            time.sleep(1)
            tap(not timer_running(app), 'and the timer did not start')
        if SHOTS:
            screenshot('first-run-front')
    finally:
        app.close()


# --- 1b. The safety screen again, from the menu, while the timer counts -----

def safety_while_timing():
    app = App(settings=SETTINGS)
    try:
        if not tap(app.app is not None, 'safety again: the app shows up'):
            return
        click(app, find_named(timer_bar(app), pyatspi.ROLE_PUSH_BUTTON, 'Start'))
        tap(wait_for(lambda: timer_running(app), timeout=5) is not None, 'Start starts the timer')
        # The main menu by its key, then Down to "Safety" (a popover's
        # items have extents in its own surface, not the window's).
        keys('F10')
        item = wait_for(lambda: find_named(app.app, pyatspi.ROLE_MENU_ITEM, 'Safety', laid_out=True),
                        timeout=5)
        if not tap(item is not None, 'F10 opens the main menu, with "Safety"'):
            return
        for _ in range(30):
            if (smatspi.accessible_name(smatspi.focused(app.app) or item) or '').replace('_', '') \
                    .startswith('Safety'):
                break
            keys('Down')
            time.sleep(0.1)
        keys('Return')
        tap(wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand',
                                        laid_out=True), timeout=5) is not None,
            '"Safety" shows the safety screen')
        tap(button(app.window, 'Mark Pain', laid_out=False) is None,
            'without the map\'s controls in the header')
        pause = find_named(timer_bar(app), pyatspi.ROLE_PUSH_BUTTON, 'Pause')
        tap(pause is not None and sensitive(pause) and timer_running(app),
            'but the counting timer keeps its bar, and Pause works')
        click(app, find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        tap(wait_for(lambda: button(app.window, 'Mark Pain'), timeout=5) is not None,
            '"I Understand" brings the header\'s controls back')
    finally:
        app.close()


# --- 2. Switch sides --------------------------------------------------------

SETTINGS = {
    'safety-acknowledged': 'true',
    'get-ready': 'false',
    'timer-sound': 'false',
    'default-hold': 'uint32 45',
    'window-width': '1200',
    'window-height': '980',
}


def side_subtitle(app, side):
    return find_named(app.window, pyatspi.ROLE_LABEL, f'{side} side ·', laid_out=True)


def switch_sides():
    app = App(settings=dict(SETTINGS, **{'switch-sides': 'true'}))
    try:
        if not tap(app.app is not None, 'switch sides: the app shows up'):
            return
        keys('ctrl+f')
        smatspi.type_text('piriformis')
        keys('Return')
        tap(wait_for(lambda: side_subtitle(app, 'Left')) is not None,
            'the piriformis panel opens on the left side')
        left, right = panel_toggles(app)
        tap(left is not None and checked(left) and not checked(right), 'with Left pressed')

        # A 10-second hold from the hold menu: it opens on its first preset.
        click(app, find_named(timer_bar(app), pyatspi.ROLE_PUSH_BUTTON, '30 s'))
        preset = wait_for(lambda: (lambda n: n if n is not None and (n.name or '') == '10 s' else None)(
            smatspi.focused(app.app)), timeout=5)
        tap(preset is not None, 'the hold menu opens on "10 s"')
        keys('space')
        tap(wait_for(lambda: countdown(app) == '0:10', timeout=5) is not None, 'Space picks 10 s')
        click(app, find_named(timer_bar(app), pyatspi.ROLE_PUSH_BUTTON, 'Start'))
        tap(wait_for(lambda: 'Piriformis, left side' in bar_labels(app) and timer_running(app), timeout=5)
            is not None, 'Start times the left piriformis')
        tap(wait_for(lambda: 'Piriformis, right side' in bar_labels(app), timeout=20) is not None,
            'after the left hold the timer moves to "Piriformis, right side"')
        tap(wait_for(lambda: side_subtitle(app, 'Right'), timeout=10) is not None,
            'the panel says "Right side"')
        left, right = panel_toggles(app)
        tap(right is not None and checked(right) and not checked(left), 'with Right pressed')
        # The end of a hold blinks the selection: wait for it to settle.
        tap(wait_for(lambda: (lambda z: z is not None and states(z).contains(pyatspi.STATE_SELECTED))(
            map_zone(app, 'Piriformis, right')), timeout=10) is not None,
            'the map selects the right piriformis')
        check_trochanter(app)
    finally:
        app.close()


def check_trochanter(app):
    """The greater trochanter the piriformis runs to is outlined on the side
    worked on. Seen from the back the person's right is on the right; the
    trochanter lies just outside the muscle's outer end."""
    right = map_zone(app, 'Piriformis, right')
    left = map_zone(app, 'Piriformis, left')
    if right is None or left is None:
        tap(False, 'both piriformis zones are on the map')
        return
    ox, oy = window_origin(app)
    fx, fy = frame_offset(app)
    ox, oy = ox + fx, oy + fy
    time.sleep(1)
    pixbuf = GdkPixbuf.Pixbuf.new_from_file(screenshot('switch-sides'))
    rx, ry, rw, rh = smatspi.extents(right)
    lx, ly, lw, lh = smatspi.extents(left)
    # Outside each zone's box, level with it: only the landmark is drawn there.
    right_ink = ink(pixbuf, ox + rx + rw, oy + ry - rh, ox + rx + rw + 2 * rh, oy + ry + 2 * rh)
    left_ink = ink(pixbuf, ox + lx - 2 * lh, oy + ly - lh, ox + lx, oy + ly + 2 * lh)
    tap(right_ink > 3 * (left_ink + 5),
        f'the right trochanter is outlined, the left one not (dark pixels {right_ink} and {left_ink})')


# --- 3. A five-step routine as a guided session -----------------------------

def step(zone, hold, repetitions=1, rest=0):
    return {'zone': zone, 'side': 'left', 'tool': 'ball', 'technique': 'hold',
            'hold-seconds': hold, 'repetitions': repetitions, 'rest-seconds': rest, 'note': ''}


FIVE_STEPS = {
    'format': 'sciatica-map-routine', 'version': 2, 'name': 'Five steps', 'patient': '',
    'notes': '', 'created': '2026-12-01T10:00:00Z', 'modified': '2026-12-01T10:00:00Z',
    'steps': [step('gluteus-medius', 30), step('piriformis', 5, 2, 1), step('hamstrings', 30),
              step('psoas', 30), step('calf', 30)],
    # Burning down the thigh, on both views: whichever the map shows.
    'pain': [{'kind': 'burning', 'intensity': 8, 'view': view,
              'points': [330, 800, 335, 900, 340, 1000, 345, 1100]} for view in ('back', 'front')],
}

BURNING = (145, 65, 172)


def pain_pixels(app):
    """Pixels of the burning colour on the map's half of the window."""
    time.sleep(1)
    pixbuf = GdkPixbuf.Pixbuf.new_from_file(screenshot('pain'))
    ox, oy = window_origin(app)
    fx, fy = frame_offset(app)
    _, _, width, height = smatspi.extents(app.window)
    pixels = pixbuf.get_pixels()
    stride, channels = pixbuf.get_rowstride(), pixbuf.get_n_channels()
    count = 0
    for y in range(oy + fy + 60, min(pixbuf.get_height(), oy + fy + height - 80), 2):
        for x in range(ox + fx, ox + fx + width // 2, 2):
            offset = y * stride + x * channels
            if all(abs(pixels[offset + i] - BURNING[i]) < 30 for i in range(3)):
                count += 1
    return count


def progress(app):
    node = wait_for(label_shown(app.window, 'Step '), timeout=1) or \
        wait_for(label_shown(app.window, 'Stretch '), timeout=1)
    return node.name if node is not None else None


def progress_is(app, text, timeout=20):
    """The session page's counter reads @text (looked for on that page
    only: a walk of the whole window takes longer than a short hold)."""
    def shown():
        page = app.session_page
        if page is None:
            page = app.session_page = find_named(app.window, pyatspi.ROLE_PANEL, 'Guided Session')
        return page is not None and any(n.getRole() == pyatspi.ROLE_LABEL and (n.name or '') == text
                                        for n in walk(page))
    return wait_for(shown, timeout=timeout, interval=0.05)


def step_row(app, number, total):
    return find_named(app.window, pyatspi.ROLE_LIST_ITEM, f'Step {number} of {total}', laid_out=True)


def row_muscle(row):
    combo = find_named(row, pyatspi.ROLE_COMBO_BOX, 'Muscle')
    names = [n.name for n in walk(combo) if n.getRole() == pyatspi.ROLE_LABEL and n.name and n.name != '(None)']
    return names[0] if names else None


def zone_descriptions(app):
    return {n.name: n.description for n in walk(app.window)
            if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and (n.description or '').startswith('Routine step')}


def session():
    app = App(settings=SETTINGS, routines=[('five-steps', FIVE_STEPS)])
    try:
        if not tap(app.app is not None, 'session: the app shows up'):
            return
        keys('ctrl+r')
        row = wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'Five steps', laid_out=True))
        if not tap(row is not None, 'the routines page lists "Five steps"'):
            return
        click(app, row)
        second = wait_for(lambda: step_row(app, 2, 5))
        tap(second is not None and row_muscle(second) == 'Piriformis',
            'the editor shows the piriformis as step 2')

        # Space on step 2's "Move up" moves it up.
        # Into the step's note (a click there changes nothing), then back.
        note = next((n for n in walk(second) if (n.name or '').startswith('Note for this step')), None)
        click(app, note)
        move_up = tab_to(app, lambda n: (n.name or '').startswith('Move up') and inside(n, 'Step 2 of 5'),
                         key='shift+Tab', limit=16)
        tap(move_up is not None, 'Shift+Tab reaches step 2\'s "Move up"')
        keys('space')
        first = wait_for(lambda: (lambda r: r if r is not None and row_muscle(r) == 'Piriformis' else None)(
            step_row(app, 1, 5)), timeout=10)
        tap(first is not None, 'Space on "Move up" makes the piriformis step 1')
        tap(not timer_running(app), 'and starts no timer')
        tap(wait_for(lambda: zone_descriptions(app).get('Piriformis, left') == 'Routine step 1', timeout=10)
            is not None, 'the map numbers the piriformis 1')

        start = find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Start', laid_out=True)
        start = next((n for n in walk(app.window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                      (n.name or '').startswith('_Start') and smatspi.is_laid_out(n)), start)
        click(app, start)
        started = time.monotonic()
        if not tap(progress_is(app, 'Step 1 of 5 · round 1 of 2', timeout=10),
                   'the session counts "Step 1 of 5 · round 1 of 2"'):
            tap.diag(f'session page: {describe(app.session_page) if app.session_page else None}: ' +
                     ', '.join(n.name for n in walk(app.session_page) if n.getRole() == pyatspi.ROLE_LABEL))
        tap(progress_is(app, 'Left side: hold for 5 s.', timeout=5), 'a 5-second hold on the left side')
        focus = smatspi.focused(app.app)
        tap(focus is not None and (focus.name or '').replace('_', '').startswith('Pause'),
            'the keyboard goes to the session\'s Pause')
        if SHOTS:
            screenshot('session-step-1')
        # The first round (5 s), a 1-second rest, the second round.
        tap(progress_is(app, 'Step 1 of 5 · round 2 of 2', timeout=20), 'then "round 2 of 2"')
        # During a rest the page shows the step that comes next.
        tap(progress_is(app, 'Step 2 of 5', timeout=30) and
            progress_is(app, 'Left side: hold for 30 s.', timeout=10),
            'then "Step 2 of 5", after both rounds and their rests ran to the end')
        for expected in ('Step 3 of 5', 'Step 4 of 5', 'Step 5 of 5',
                         'Stretch 1 of 3', 'Stretch 2 of 3', 'Stretch 3 of 3'):
            keys('n')
            if not tap(progress_is(app, expected, timeout=10), f'N: "{expected}"'):
                tap.diag('labels: ' + ', '.join(n.name for n in walk(app.window)
                                                if n.getRole() == pyatspi.ROLE_LABEL and n.name and
                                                smatspi.is_laid_out(n))[:2000])
        keys('n')
        spent = time.monotonic() - started
        tap(wait_for(label_shown(app.window, 'Session Complete'), timeout=10) is not None,
            'N after the last stretch ends the session')
        summary = wait_for(label_shown(app.window, '2 of 9 holds completed'), timeout=5)
        tap(summary is not None, 'the summary says "2 of 9 holds completed"')
        time_label = wait_for(label_shown(app.window, 'You held for'), timeout=5)
        match = re.match(r'You held for (\d+) s and rested for 2 s\.$', time_label.name if time_label else '')
        # Two 5-second rounds held to the end, the skipped holds for as long
        # as they ran, the two 1-second rests: never more than the session took.
        tap(match is not None and 10 <= int(match.group(1)) <= spent - 2 + 1,
            f'and the time: {time_label.name if time_label else None!r} (two rounds of 5 s held to the '
            f'end, the session took {spent:.0f} s)')
        if SHOTS:
            screenshot('session-summary')

        keys('alt+d')
        editor = wait_for(lambda: (lambda f: f is not None and inside(f, 'Routines') and
                                   (f.name or '').startswith('Back to all routines'))(smatspi.focused(app.app)),
                          timeout=10)
        focus = smatspi.focused(app.app)
        tap(editor is not None and step_row(app, 1, 5) is not None,
            'Done goes back to the routine the session came from, the keyboard on its first control '
            f'(focus on {focus.name if focus is not None else None!r})')
        tap(wait_for(lambda: 'Hold timer' in bar_labels(app) and countdown(app) == '0:45', timeout=10)
            is not None, f'the timer bar is the plain timer with the default hold ({bar_labels(app)})')
        tap(zone_descriptions(app).get('Piriformis, left') == 'Routine step 1',
            'the map still numbers the routine on show')
        shown = pain_pixels(app)
        tap(shown > 20, f'and shows its pain drawing ({shown} burning pixels)')
        click(app, button(app.window, 'Back to all routines'))
        tap(wait_for(lambda: not zone_descriptions(app), timeout=10) is not None,
            'back at the routine list the map numbers nothing')
        left = pain_pixels(app)
        tap(left == 0, f'and the drawing went with the routine ({left} burning pixels)')
        if SHOTS:
            screenshot('session-done')
    finally:
        app.close()


# --- 4. Mark Pain with no routine open --------------------------------------

def routine_rows(app):
    """The rows of the routines list, on show or not (a new routine opens
    in the editor, in front of the list)."""
    routines = find_named(app.window, pyatspi.ROLE_LIST, 'Routines')
    return [n.name for n in walk(routines) if n.getRole() == pyatspi.ROLE_LIST_ITEM]


def mark_pain():
    app = App(settings=SETTINGS)
    try:
        if not tap(app.app is not None, 'mark pain: the app shows up'):
            return
        for _ in range(2):
            keys('ctrl+m')
            tap(wait_for(lambda: marking(app), timeout=10) is not None, 'Ctrl+M starts marking pain')
            keys('ctrl+m')
            wait_for(lambda: not marking(app), timeout=10)
        keys('ctrl+r')
        wait_for(lambda: 'Piriformis relief' in routine_rows(app))
        rows = routine_rows(app)
        tap('Piriformis relief' in rows and not any(r.startswith('My routine') for r in rows),
            f'no "My routine" appears in the list: {rows}')
        if SHOTS:
            screenshot('mark-pain-list')

        # A stroke over the map: the drawing is kept and offered.
        keys('ctrl+m')
        body = find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Piriformis, left', laid_out=True) or \
            find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Gluteus maximus, left', laid_out=True)
        x, y, width, height = smatspi.extents(body)
        move_to(app, x + width // 2, y + height // 2)
        smatspi.xdotool('mousedown', '1')
        for i in range(1, 9):
            move_to(app, x + width // 2 + 4 * i, y + height // 2 + 6 * i)
            time.sleep(0.05)
        smatspi.xdotool('mouseup', '1')
        keep = wait_for(lambda: button(app.window, 'Keep in a Routine'), timeout=10)
        tap(keep is not None, 'a drawing without a routine is offered: "Keep in a Routine"')
        rows = routine_rows(app)
        tap(not any(r.startswith('My routine') for r in rows), 'drawing alone makes no routine')
        if SHOTS:
            screenshot('mark-pain-offer')
        if keep is not None:
            keys('alt+k')
            back = wait_for(lambda: button(app.window, 'Back to all routines'), timeout=10)
            tap(back is not None, '"Keep in a Routine" opens a routine of one\'s own')
            keys('ctrl+m')
            tap(wait_for(lambda: not marking(app), timeout=10) is not None, 'Ctrl+M ends marking')
            if back is not None:
                click(app, back)
                wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'My routine', laid_out=True),
                         timeout=10)
                rows = routine_rows(app)
                tap(sum(r.startswith('My routine') for r in rows) == 1,
                    f'the list has that one routine: {rows}')
    finally:
        app.close()


def main():
    first_run()
    safety_while_timing()
    switch_sides()
    session()
    mark_pain()


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
