#!/usr/bin/python3
# test-map-atspi.py: a screen reader's view of the body map. Starts the real
# app with the accessibility bridge on, finds every visible zone as a
# button named like "Piriformis, left", activates one and switches layers.
# Runs itself on a private session bus (dbus-run-session).
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
import pyatspi  # noqa: E402

SIDES = ('left', 'right')


def tap(ok, description):
    tap.count += 1
    print(('ok' if ok else 'not ok'), tap.count, description, flush=True)
    if not ok:
        tap.failed = True


tap.count = 0
tap.failed = False


def wait_for(predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def zone_buttons(app):
    buttons = {}
    for node in walk(app):
        name = node.name or ''
        if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and name.endswith(SIDES_SUFFIXES):
            buttons[name] = node
    return buttons


SIDES_SUFFIXES = (', left', ', right')


def find_named(app, role, name):
    # GTK 4.8 appends a button's label text to its accessible label.
    for node in walk(app):
        if node.getRole() == role and (node.name or '').split('  ')[0].startswith(name):
            return node
    return None


def expected_names(zones, view, layer):
    names = set()
    for zone in zones:
        if zone['view'] != view:
            continue
        if layer == 'deep' or zone['layer'] == 'superficial' or zone['id'] == 'piriformis':
            names.update(f"{zone['name']}, {side}" for side in SIDES)
    return names


def main():
    root = os.environ['SM_SOURCE_ROOT']
    with open(os.path.join(root, 'data', 'content', 'zones.json'), encoding='utf-8') as f:
        zones = json.load(f)['zones']
    back_names = {f"{z['name']}, {s}" for z in zones if z['view'] == 'back' for s in SIDES}

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    app_process = subprocess.Popen([os.environ['SM_BINARY']], env=env)
    try:
        app = wait_for(lambda: find_app(app_process.pid))
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
        app_process.terminate()
        app_process.wait(timeout=10)

    print(f'1..{tap.count}')
    sys.exit(1 if tap.failed else 0)


def run_on_private_bus():
    """Reruns this test under its own session bus. Services started on that
    bus (the AT-SPI registry) print to stdout, so only TAP lines go there."""
    inner = subprocess.run(['dbus-run-session', '--', sys.executable, __file__, '--inner'],
                           stdout=subprocess.PIPE, text=True, check=False)
    for line in inner.stdout.splitlines():
        is_tap = line.startswith(('ok ', 'not ok ', '1..', '#'))
        print(line, file=sys.stdout if is_tap else sys.stderr)
    sys.exit(inner.returncode)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        main()
    else:
        run_on_private_bus()
