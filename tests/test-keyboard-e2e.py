#!/usr/bin/python3
# test-keyboard-e2e.py: the real app from the keyboard alone. Every step is
# an XTEST key event (xdotool key/type); the pointer is never moved or
# clicked and no action is called over D-Bus. AT-SPI only watches: what is
# on screen and where the keyboard focus is.
#
# The key sequence, from a first start:
#   Alt+U                 "I Understand" on the safety screen
#   Ctrl+R, Down          the routines page, the keyboard on its first
#                         routine, then on the second
#   Ctrl+F, "piriformis", Enter
#                         search; Enter opens the first result, the
#                         piriformis panel, with the focus on its first
#                         control
#   Alt+T                 "Start Timer" on the panel: the hold timer runs
#   Alt+R                 "Add to Routine": the routines page opens on a new
#                         routine with the piriformis as step 1, the focus
#                         on that step
#   Ctrl+Shift+E          "Save Routine Sheet as PDF": the file chooser
#   Ctrl+A, the path, Enter
#                         the PDF is written; pdftotext finds "Piriformis"
#
# Xvfb has no window manager, and without one the keyboard follows the
# pointer. The test gives each new window the X input focus (xdotool
# windowfocus, XSetInputFocus), the one thing a window manager would do.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, describe, keys, label_shown

tap = smatspi.Tap()
CLOCK = re.compile(r'^\d+:\d\d$')


def focus_is(app, predicate, what):
    """TAP: the focused node (after a moment to settle) satisfies
    @predicate."""
    node = wait_for(lambda: (lambda n: n if n is not None and predicate(n) else None)(
        smatspi.focused(app)), timeout=10)
    ok = tap(node is not None, f'the focus is {what}')
    if not ok:
        current = smatspi.focused(app)
        tap.diag('focus: ' + (describe(current) if current is not None else 'nowhere'))
    return ok


def inside(node, text):
    """Whether @node or one of its ancestors is named @text."""
    while node is not None:
        if (node.name or '').startswith(text):
            return True
        node = node.parent
    return False


def is_row(node, text):
    """Whether @node is a list row that shows @text."""
    return node.getRole() == pyatspi.ROLE_LIST_ITEM and any(
        (n.name or '').startswith(text) for n in walk(node))


def countdown(window):
    """The timer bar's countdown ("0:28")."""
    bar = find_named(window, pyatspi.ROLE_PANEL, 'Hold timer')
    if bar is None:
        return None
    for node in walk(bar):
        if node.getRole() == pyatspi.ROLE_LABEL and CLOCK.match(node.name or ''):
            return node.name
    return None


def seconds(clock):
    minutes, secs = clock.split(':')
    return int(minutes) * 60 + int(secs)


def pdf_text(path):
    if not os.path.exists(path):
        return None
    result = subprocess.run(['pdftotext', path, '-'], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, check=False)
    return result.stdout if result.returncode == 0 else None


def main():
    scratch = tempfile.mkdtemp(prefix='sm-keyboard-')
    pdf = os.path.join(scratch, 'piriformis-sheet.pdf')
    process, app = smatspi.launch()
    try:
        if not tap(app is not None, 'the app shows up on the accessibility bus'):
            return
        window = wait_for(lambda: find_named(app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
        main_wid = smatspi.focus_window(process.pid)
        tap(main_wid is not None, 'the window takes the keyboard')

        # 1. The first-run safety screen, then the map.
        wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        keys('alt+u')
        tap(wait_for(label_shown(window, 'Where does it hurt?')) is not None,
            'Alt+U acknowledges the safety screen')

        # 1b. F10 opens the main menu, made on its first opening; Escape
        # closes it again (Ctrl+F below must reach the search entry).
        keys('F10')
        item = wait_for(lambda: find_named(app, pyatspi.ROLE_MENU_ITEM, 'Keyboard Shortcuts',
                                           laid_out=True))
        tap(item is not None, 'F10 opens the main menu, the first time too')
        keys('Escape')

        # 1c. Ctrl+R shows the routines, made on this first showing, with the
        # keyboard on the first one; Down moves along the list.
        keys('ctrl+r')
        focus_is(app, lambda n: is_row(n, 'Piriformis relief'),
                 'on the first routine, "Piriformis relief", after Ctrl+R')
        keys('Down')
        focus_is(app, lambda n: is_row(n, 'Back of the body'), 'on "Back of the body" after Down')

        # 2. Search for the piriformis; Enter opens it.
        keys('ctrl+f')
        focus_is(app, lambda n: n.getRole() == pyatspi.ROLE_ENTRY, 'in the search entry after Ctrl+F')
        smatspi.type_text('piriformis')
        keys('Return')
        panel = wait_for(label_shown(window, 'Where to find it'))
        title = find_named(window, pyatspi.ROLE_LABEL, 'Piriformis', laid_out=True)
        tap(panel is not None and title is not None, 'Enter opens the piriformis panel')
        focus_is(app, lambda n: inside(n, 'Muscle'), 'in the piriformis panel')

        # 3. Its hold timer.
        before = countdown(window)
        keys('alt+t')
        running = wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Pause', laid_out=True))
        tap(running is not None, 'Alt+T starts the timer (the timer bar offers Pause)')
        subject = find_named(window, pyatspi.ROLE_LABEL, 'Piriformis, left', laid_out=True)
        tap(subject is not None, 'the timer is timing the piriformis')
        # Past the three-second get-ready countdown, into the hold itself.
        first = wait_for(lambda: (lambda c: c if c and seconds(c) > 5 else None)(countdown(window)),
                         timeout=8)
        time.sleep(2.5)
        second = countdown(window)
        tap(first is not None and second is not None and seconds(second) < seconds(first),
            f'the countdown runs: {before} before, then {first}, then {second}')

        # 4. Into a routine: the routines page and its editor.
        keys('alt+r')
        step = wait_for(lambda: find_named(window, pyatspi.ROLE_LIST_ITEM, 'Step 1 of 1', laid_out=True))
        tap(step is not None, 'Alt+R adds the piriformis to a new routine in the editor')
        muscle = find_named(window, pyatspi.ROLE_COMBO_BOX, 'Muscle', laid_out=True)
        chosen = muscle is not None and any((n.name or '') == 'Piriformis' for n in walk(muscle))
        tap(chosen, 'the step is the piriformis')
        focus_is(app, lambda n: inside(n, 'Step 1 of 1'), 'on the new step')

        # 5. The routine sheet as a PDF, through the app's own dialog.
        keys('ctrl+shift+e')
        # GTK 4.8 gives the file chooser dialog a generic role: find it by title.
        dialog = wait_for(lambda: next((w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
                                        if w is not None and w.name == 'Save Routine Sheet'), None))
        if not tap(dialog is not None, 'Ctrl+Shift+E opens the save dialog'):
            tap.diag('windows: ' + ', '.join(f'{w.getRoleName()} {w.name!r}' for w in
                                             (app.getChildAtIndex(i) for i in range(app.childCount))))
        if dialog is not None:
            wid = wait_for(lambda: smatspi.xdotool('search', '--onlyvisible', '--name',
                                                   '^Save Routine Sheet$').split())
            if wid:
                smatspi.xdotool('windowfocus', '--sync', wid[0])
            focus_is(app, lambda n: n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY),
                     'in the file name')
            keys('ctrl+a')
            smatspi.type_text(pdf)
            keys('Return')
            text = wait_for(lambda: pdf_text(pdf), timeout=20)
            tap(text is not None, f'Enter writes {os.path.basename(pdf)}')
            tap(text is not None and 'Piriformis' in text, 'pdftotext finds "Piriformis" in it')
    finally:
        smatspi.stop_app(process)
        for name in os.listdir(scratch):
            os.unlink(os.path.join(scratch, name))
        os.rmdir(scratch)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
