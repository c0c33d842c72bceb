#!/usr/bin/python3
# test-badges-e2e.py: the step-number badges on the real window, opened the
# way a person opens a routine (Ctrl+R, a pointer click on its row), read
# back from the screen.
#
# For each built-in routine: every orange badge seen in a screenshot of the
# root window sits inside the box of a map zone that AT-SPI says carries
# routine steps, on that zone's side; every such zone shows exactly one
# badge; no two badges touch (two that overlap would be one blob). The exact
# shapes are checked against the artwork in tests/test-badges.c; this test
# proves the window the person sees draws them there.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import subprocess
import sys
import tempfile

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys

import gi
gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

# The session test's window helpers (its own settings, pointer clicks in
# AT-SPI window coordinates).
_spec = importlib.util.spec_from_file_location(
    'session_e2e', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-session-e2e.py'))
session_e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(session_e2e)

tap = smatspi.Tap()

# sm-map-badges.c fills badges with rgb (0.75, 0.33, 0.10).
BADGE = (191, 84, 26)
# The two built-in routines of the back view, the one the window opens on
# (Front of the body: tests/test-badges.c, geometrically).
ROUTINES = ('Piriformis relief', 'Back of the body')


def badge_zones(app):
    """Map zones (name → window-coordinate box) that carry routine steps."""
    return {n.name: smatspi.extents(n) for n in walk(app.window)
            if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
            (n.description or '').startswith('Routine step') and smatspi.is_laid_out(n)}


def badge_blobs(png, box):
    """Centres of the connected badge-coloured areas inside @box (screen)."""
    pixbuf = GdkPixbuf.Pixbuf.new_from_file(png)
    data = pixbuf.get_pixels()
    stride, channels = pixbuf.get_rowstride(), pixbuf.get_n_channels()
    x0, y0, w, h = box
    x1, y1 = min(x0 + w, pixbuf.get_width()), min(y0 + h, pixbuf.get_height())

    def is_badge(x, y):
        i = y * stride + x * channels
        return all(abs(data[i + k] - BADGE[k]) <= 14 for k in range(3))

    seen = set()
    blobs = []
    for y in range(max(y0, 0), y1):
        for x in range(max(x0, 0), x1):
            if (x, y) in seen or not is_badge(x, y):
                continue
            stack, points = [(x, y)], []
            seen.add((x, y))
            while stack:
                px, py = stack.pop()
                points.append((px, py))
                for nx, ny in ((px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)):
                    if x0 <= nx < x1 and y0 <= ny < y1 and (nx, ny) not in seen and is_badge(nx, ny):
                        seen.add((nx, ny))
                        stack.append((nx, ny))
            if len(points) >= 12:   # a badge, not an anti-aliased speck
                blobs.append((sum(p[0] for p in points) / len(points),
                              sum(p[1] for p in points) / len(points)))
    return blobs


def window_origin(app):
    """The screen position of AT-SPI's window coordinate (0, 0)."""
    out = smatspi.xdotool('getwindowgeometry', '--shell', app.wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    dx, dy = session_e2e.frame_offset(app)
    return int(values['X']) + dx, int(values['Y']) + dy


def check_routine(app, name, scratch):
    keys('ctrl+r')
    row = wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, name, laid_out=True))
    if not tap(row is not None, f'{name}: the routines page lists it'):
        return
    session_e2e.click(app, row)
    zones = wait_for(lambda: badge_zones(app) or None, timeout=15)
    if not tap(zones is not None, f'{name}: the map numbers its muscles'):
        return
    map_node = find_named(app.window, pyatspi.ROLE_PANEL, 'Body map') or app.window
    ox, oy = window_origin(app)
    mx, my, mw, mh = smatspi.extents(map_node)
    png = os.path.join(scratch, f'{name}.png')
    subprocess.run(['import', '-window', 'root', png], check=True)
    blobs = badge_blobs(png, (mx + ox, my + oy, mw, mh))
    screen = {zone: (x + ox, y + oy, w, h) for zone, (x, y, w, h) in zones.items()}

    def holder(cx, cy):
        return [zone for zone, (x, y, w, h) in screen.items()
                if x <= cx <= x + w and y <= cy <= y + h]

    stray = [(round(cx), round(cy)) for cx, cy in blobs if not holder(cx, cy)]
    tap(not stray, f'{name}: every badge lies inside a numbered zone ({len(blobs)} badges)')
    if stray:
        tap.diag(f'badges outside their zones: {stray}; zones: {screen}')
    shown = {}
    for cx, cy in blobs:
        for zone in holder(cx, cy):
            shown.setdefault(zone, []).append((cx, cy))
    missing = [zone for zone in screen if zone not in shown]
    tap(not missing, f'{name}: every numbered zone shows its badge')
    if missing:
        tap.diag(f'no badge seen in: {missing}')
    # Left and right halves of the body: a zone's badge is on its side of
    # the midline between the two halves' boxes.
    wrong_side = []
    for zone, points in shown.items():
        twin = zone.replace(', left', ', right') if zone.endswith(', left') else \
            zone.replace(', right', ', left')
        if twin == zone or twin not in screen:
            continue
        tx, ty, tw, th = screen[twin]
        twin_centre = tx + tw / 2
        x, y, w, h = screen[zone]
        own_centre = x + w / 2
        if not any(abs(cx - own_centre) < abs(cx - twin_centre) for cx, cy in points):
            wrong_side.append(zone)
    tap(not wrong_side, f'{name}: each badge is on its own side of the body')
    if wrong_side:
        tap.diag(f'on the other side: {wrong_side}')
    tap(len(blobs) == len(screen), f'{name}: one badge per numbered zone and side, none merged '
        f'({len(blobs)} badges, {len(screen)} zones)')
    tap.diag(f'{name}: zones with badges: {sorted(screen)}')


def main():
    scratch = tempfile.mkdtemp(prefix='sm-badges-e2e-')
    try:
        # A fresh window for each routine: the routines page then shows its
        # list, not the editor of the one before.
        for name in ROUTINES:
            app = session_e2e.App(settings=session_e2e.SETTINGS)
            try:
                if tap(app.app is not None, f'{name}: the app shows up on the accessibility bus'):
                    check_routine(app, name, scratch)
            finally:
                app.close()
    finally:
        # SM_E2E_SCREENSHOTS=DIR keeps the screenshots there, to look at.
        keep = os.environ.get('SM_E2E_SCREENSHOTS')
        if keep:
            subprocess.run(['cp', '-r', scratch + '/.', keep], check=False)
        subprocess.run(['rm', '-rf', scratch], check=False)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
