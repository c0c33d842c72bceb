#!/usr/bin/python3
# test-hurt-e2e.py: "Where does it hurt?" on the real app (issue 17). The
# welcome page's button (a real pointer click) opens the mode with the pain
# tools out; a stroke painted with real pointer events down the outside of
# the left lower leg lists the muscles that may cause it, read through
# AT-SPI, the gluteus minimus first; clicking that suggestion opens its
# panel with "Where it can send pain" and its pattern shown on the map;
# "Make a Routine from These" builds a routine from the list.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import sys
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys

_spec = importlib.util.spec_from_file_location(
    'session_e2e', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-session-e2e.py'))
session_e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(session_e2e)

tap = smatspi.Tap()


def suggestions(app):
    """The names of the suggestion rows on show, in order."""
    rows = [n for n in walk(app.window)
            if n.getRole() == pyatspi.ROLE_LIST_ITEM and (n.name or '')[:1].isdigit() and
            '. ' in (n.name or '') and smatspi.is_laid_out(n)]
    return rows


def paint_outer_calf(app):
    """One stroke down the outside of the left calf (the viewer's left in
    the back view), inside the calf's own button box."""
    calf = session_e2e.map_zone(app, 'Calf, left')
    if calf is None:
        return False
    x, y, width, height = smatspi.extents(calf)
    px = x + max(2, width // 8)
    session_e2e.move_to(app, px, y + height * 3 // 10)
    time.sleep(0.2)
    smatspi.xdotool('mousedown', '1')
    for i in range(1, 13):
        session_e2e.move_to(app, px, y + height * 3 // 10 + i * height // 24)
        time.sleep(0.05)
    smatspi.xdotool('mouseup', '1')
    return True


def main():
    app = session_e2e.App(settings=session_e2e.SETTINGS)
    try:
        if not tap(app.app is not None, 'the app shows up on the accessibility bus'):
            return
        start = wait_for(lambda: session_e2e.button(app.window, 'Show Me Where It Hurts'))
        if not tap(start is not None, 'the welcome page offers "Show Me Where It Hurts"'):
            return
        session_e2e.click(app, start)
        page = wait_for(smatspi.label_shown(app.window, 'Tap or paint on the body map'))
        tap(page is not None, 'the button opens "Where does it hurt?"')
        tap(wait_for(lambda: session_e2e.marking(app), timeout=10) is not None,
            'the pain tools are out')
        tap(wait_for(smatspi.label_shown(app.window, 'Nothing marked yet.'), timeout=10) is not None,
            'nothing is suggested before anything is painted')

        if not tap(paint_outer_calf(app), 'the left calf is on the map to paint on'):
            return
        rows = wait_for(lambda: suggestions(app) or None, timeout=20)
        if not tap(rows is not None, 'painting lists muscles that may cause the pain'):
            return
        names = [r.name for r in rows]
        tap.diag(f'suggestions: {names}')
        tap(names[0].startswith('1. Gluteus minimus'), f'the gluteus minimus comes first: {names[0]!r}')
        tap(all(', left' in n or 'left side' in n for n in names), 'every suggestion is on the left side')
        described = rows[0].description or ''
        tap('leg' in described, f'the first says where it sends pain: {described!r}')
        if session_e2e.SHOTS:
            session_e2e.screenshot('hurt-suggestions')

        session_e2e.click(app, rows[0])
        heading = wait_for(smatspi.label_shown(app.window, 'Where it can send pain'), timeout=15)
        tap(heading is not None, 'the first suggestion opens its panel with "Where it can send pain"')
        title = wait_for(smatspi.label_shown(app.window, 'Gluteus minimus'), timeout=10)
        tap(title is not None, 'it is the gluteus minimus panel')
        node = wait_for(lambda: smatspi.focused(app.window), timeout=5)
        tap(node is not None and node.getRole() == pyatspi.ROLE_PUSH_BUTTON,
            'the keyboard is on the panel\'s first button, no text selected: ' +
            (smatspi.describe(node) if node is not None else 'nowhere'))
        toggle = wait_for(lambda: session_e2e.button(app.window, 'Show Where It Can Send Pain'))
        tap(toggle is not None and session_e2e.checked(toggle), 'its pattern is shown on the map')
        if session_e2e.SHOTS:
            session_e2e.screenshot('hurt-pattern')
        if toggle is not None:
            session_e2e.click(app, toggle)
            tap(wait_for(lambda: not session_e2e.checked(toggle), timeout=10) is not None,
                'clicking "Show Where It Can Send Pain" hides it again')

        keys('alt+Left')
        make = wait_for(lambda: session_e2e.button(app.window, 'Make a Routine from These'), timeout=10)
        if not tap(make is not None, 'back on the list: "Make a Routine from These"'):
            return
        session_e2e.click(app, make)
        entry = wait_for(lambda: next((n for n in walk(app.window)
                                       if n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and
                                       smatspi.text_of(n) == 'For where it hurts' and
                                       smatspi.is_laid_out(n)), None), timeout=15)
        tap(entry is not None, 'the new routine is open in the editor')
        step = wait_for(smatspi.label_shown(app.window, 'Gluteus minimus'), timeout=10)
        tap(step is not None, 'its first step is the gluteus minimus')
    finally:
        app.close()


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
