#!/usr/bin/python3
# test-map-atspi.py: a screen reader's view of the body map. Starts the real
# app with the accessibility bridge on, finds every visible zone as a
# button named like "Piriformis, left", activates one, clicks through
# muscles with the real pointer to see their caution areas come and go, and
# switches layers.
# Runs itself on a private session bus (dbus-run-session).
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named

SIDES = ('left', 'right')
tap = smatspi.Tap()


def zone_buttons(app):
    buttons = {}
    for node in walk(app):
        name = node.name or ''
        if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and name.endswith(SIDES_SUFFIXES):
            buttons[name] = node
    return buttons


SIDES_SUFFIXES = (', left', ', right')


def expected_names(zones, view, layer):
    names = set()
    for zone in zones:
        if zone['view'] != view:
            continue
        if layer == 'deep' or zone['layer'] == 'superficial' or zone['id'] == 'piriformis':
            names.update(f"{zone['name']}, {side}" for side in SIDES)
    return names


def shown_cautions(app):
    """Names of the caution-area zones on show."""
    return sorted(n.name for n in walk(app)
                  if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and (n.name or '').startswith('Caution: ') and
                  smatspi.is_laid_out(n))


def clickable_window(app_process, app):
    """The app's X window, focused, and its AT-SPI frame, for real clicks."""
    wid = smatspi.focus_window(app_process.pid)
    return wid, next((n for n in walk(app) if n.getRole() == pyatspi.ROLE_FRAME), None)


def near_cautions_follow_clicks(app_process, app):
    """Real pointer clicks on the muscles, as a person works through them:
    each selection shows the caution areas near that muscle and hides those
    of the one before (the hollow at the back of the knee ends both the
    hamstrings and the calf; the gluteus medius has none of its own)."""
    wid, frame = clickable_window(app_process, app)
    tap(wid is not None and frame is not None, 'the window can be clicked')
    if wid is None or frame is None:
        return
    knee = 'Caution: Back of the knee: nerves and vessels, left'
    # Each muscle with the starts of the names of exactly the cautions near it.
    steps = (('Hamstrings, left', [knee]), ('Calf, left', [knee]),
             ('Lower back muscles (erector spinae), left', ['Caution: Kidney area', 'Caution: Spine']),
             ('Hamstrings, left', [knee]))

    def matches(names, starts):
        return len(names) == len(starts) and all(n.startswith(s) for n, s in zip(names, starts))

    for muscle, starts in steps:
        zone = wait_for(lambda: find_named(app, pyatspi.ROLE_PUSH_BUTTON, muscle, laid_out=True))
        if zone is None:
            tap(False, f'{muscle} is on the map')
            continue
        smatspi.click_in(wid, frame, zone)
        selected = wait_for(lambda: zone.getState().contains(pyatspi.STATE_SELECTED), timeout=5)
        shown = wait_for(lambda: matches(shown_cautions(app), starts), timeout=5)
        tap(bool(selected) and bool(shown),
            f'a click selects {muscle} and shows exactly the caution areas near it, {starts} '
            f'(selected: {bool(selected)}, shown: {shown_cautions(app)})')


def map_menu_adds_to_routine(app_process, app):
    """A right click on a muscle opens the map's menu (made on this first
    use); its "Add to Routine" starts a routine of one's own with it."""
    wid, frame = clickable_window(app_process, app)
    zone = find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'Hamstrings, left', laid_out=True)
    if not tap(wid is not None and frame is not None and zone is not None, 'the hamstrings can be clicked'):
        return
    smatspi.click_in(wid, frame, zone, button='3')
    item = wait_for(lambda: find_named(app, pyatspi.ROLE_MENU_ITEM, 'Add to Routine', laid_out=True),
                    timeout=5)
    tap(item is not None, 'a right click on the hamstrings opens the map\'s menu with "Add to Routine"')
    if item is None:
        return
    # The menu opens at the pointer, its item just below and to the right
    # (a popover's items have extents in its own surface, not the window's).
    smatspi.xdotool('mousemove_relative', '--', '50', '20')
    time.sleep(0.3)
    smatspi.xdotool('click', '1')
    step = wait_for(lambda: next((n for n in walk(app) if (n.name or '').startswith('Step 1 of 1') and
                                  smatspi.is_laid_out(n)), None), timeout=10)
    muscle = step is not None and any('Hamstrings' in (n.name or '') for n in walk(step))
    tap(bool(muscle), 'and "Add to Routine" opens a new routine with the hamstrings as its one step')


def main():
    root = os.environ['SM_SOURCE_ROOT']
    with open(os.path.join(root, 'data', 'content', 'zones.json'), encoding='utf-8') as f:
        zones = json.load(f)['zones']
    back_names = {f"{z['name']}, {s}" for z in zones if z['view'] == 'back' for s in SIDES}

    app_process, app = smatspi.launch()
    try:
        tap(app is not None, 'the app shows up on the accessibility bus')
        if app is None:
            return

        # A first run: the safety screen comes before the map, and a person
        # using a screen reader gets past it with its button.
        understood = wait_for(lambda: find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'I Understand'))
        tap(understood is not None, 'the safety screen is acknowledged with its button')
        if understood is not None:
            understood.queryAction().doAction(0)

        want = expected_names(zones, 'back', 'superficial')
        buttons = wait_for(lambda: (lambda b: b if want <= set(b) else None)(zone_buttons(app)))
        buttons = buttons or zone_buttons(app)
        missing = sorted(want - set(buttons))
        tap(not missing, f'every visible back zone is a named button (missing: {missing})')
        strays = sorted(set(buttons) - back_names)
        tap(not strays, f'no zone of another view is exposed (strays: {strays})')

        piriformis = buttons.get('Piriformis, left')
        tap(piriformis is not None and piriformis.queryAction().nActions > 0,
            'Piriformis, left can be activated')
        if piriformis is not None:
            piriformis.queryAction().doAction(0)
            selected = wait_for(lambda: piriformis.getState().contains(pyatspi.STATE_SELECTED))
            tap(bool(selected), 'activating it selects the piriformis')
            title = wait_for(lambda: find_named(app, pyatspi.ROLE_LABEL, 'Piriformis'))
            tap(title is not None, 'the side pane opens the piriformis page')

        near_cautions_follow_clicks(app_process, app)
        map_menu_adds_to_routine(app_process, app)

        # GTK 4.8 exposes toggle buttons with the push-button role.
        deep = (find_named(app, pyatspi.ROLE_TOGGLE_BUTTON, 'Deep muscles') or
                find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'Deep muscles'))
        tap(deep is not None, 'the layer switch is reachable')
        if deep is not None:
            deep.queryAction().doAction(0)
            want = expected_names(zones, 'back', 'deep')
            shown = wait_for(lambda: want <= set(zone_buttons(app)))
            tap(bool(shown), f'the deep layer exposes the deep zones too ({len(want)} buttons)')
    finally:
        smatspi.stop_app(app_process)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
