#!/usr/bin/python3
# test-poses-e2e.py: the pictures of the positions, on the real binary with
# real input. Ctrl+F "piriformis", Enter: the muscle's panel shows a picture
# beside each tool's steps, found by its accessible name (the content's
# description with the side). The ball's panel shows a gallery of its uses;
# a pointer click on the piriformis use opens the piriformis.
#
# Real key and pointer events (xdotool) on an X server of its own with
# openbox; AT-SPI finds and reads. SM_SCREENSHOT_DIR=dir keeps screenshots.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, keys, is_laid_out, extents
from smxserver import run_on_own_server

tap = smatspi.Tap()
SHOTS = os.environ.get('SM_SCREENSHOT_DIR')


def shot(name):
    if SHOTS:
        time.sleep(0.8)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, f'poses-{name}.png')], check=False)


def images(root, prefix):
    return [n for n in walk(root) if n.getRole() == pyatspi.ROLE_IMAGE and
            (n.name or '').startswith(prefix) and is_laid_out(n)]


def frame_offset(wid, window):
    out = smatspi.xdotool('getwindowgeometry', '--shell', wid)
    values = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    _, _, width, height = extents(window)
    return (int(values['WIDTH']) - width) // 2, (int(values['HEIGHT']) - height) // 2


def click(wid, window, node):
    """A real pointer click in the middle of @node, scrolled into view
    first (the tool panel's gallery starts below the fold)."""
    dx, dy = frame_offset(wid, window)
    smatspi.reveal(node, lambda x, y: smatspi.xdotool('mousemove', '--window', wid, str(x + dx), str(y + dy)))
    x, y, width, height = extents(node)
    smatspi.xdotool('mousemove', '--window', wid, str(x + width // 2 + dx), str(y + height // 2 + dy))
    time.sleep(0.3)
    smatspi.xdotool('click', '1')
    time.sleep(0.5)


def scroll_into_view(wid, window, node):
    """Wheels the panel under the pointer until @node is on screen."""
    _, wy, _, wh = extents(window)
    for _ in range(40):
        x, y, w, h = extents(node)
        if y >= wy + 60 and y + h <= wy + wh - 120:
            return True
        dx, dy = frame_offset(wid, window)
        smatspi.xdotool('mousemove', '--window', wid, str(x + w // 2 + dx), str(wy + wh // 2 + dy))
        smatspi.xdotool('click', '5' if y + h > wy + wh - 120 else '4')
        time.sleep(0.15)
    return False


def search(text):
    keys('ctrl+f')
    smatspi.type_text(text)
    keys('Return')


def run():
    tap(smatspi.openbox_running(dict(os.environ)) is not None, 'openbox runs on the test\'s X server')
    process, app = smatspi.launch()
    try:
        if not tap(app is not None, 'the app shows up on the accessibility bus'):
            return
        window = wait_for(lambda: find_named(app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
        wid = smatspi.focus_window(process.pid)
        tap(wid is not None, 'the window takes the keyboard')
        smatspi.xdotool('windowsize', wid, '1200', '900')
        wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        keys('alt+u')

        search('piriformis')
        if not tap(wait_for(smatspi.label_shown(window, 'Where to find it')) is not None,
                   'Ctrl+F, "piriformis", Enter: the piriformis panel'):
            return
        ball = wait_for(lambda: next((n for n in images(window, 'Picture, ')
                                      if 'a ball under the buttock' in n.name), None))
        tap(ball is not None, 'the zone panel shows the ball position by its accessible name')
        if ball is not None:
            tap.diag(ball.name)
            side = 'left' if ', left side:' in ball.name else 'right'
            tap(', left side:' in ball.name or ', right side:' in ball.name, 'its name says the side')
            _, _, w, h = extents(ball)
            tap(w > 100 and h > 60, f'it is laid out at a readable size ({w}×{h})')
        pictures = images(window, 'Picture, ')
        tap(len(pictures) == 3, f'one picture per tool of the piriformis ({len(pictures)})')
        if ball is not None and scroll_into_view(wid, window, ball):
            shot('zone-panel')

        search('tennis ball')
        gallery = wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Gluteus minimus', laid_out=True))
        if not tap(gallery is not None, 'Ctrl+F "tennis ball": the ball\'s panel has a gallery of its uses'):
            return
        uses = [n for n in walk(window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and is_laid_out(n) and
                images(n, 'Picture, ')]
        tap(len(uses) == 4, f'one drawn use per muscle the ball works on (piriformis, gluteus maximus, medius, minimus) ({len(uses)})')
        shot('tool-gallery')
        piriformis = next((n for n in uses if n.name == 'Piriformis'), None)
        if not tap(piriformis is not None, 'the gallery has the piriformis'):
            return
        click(wid, window, piriformis)
        tap(wait_for(smatspi.label_shown(window, 'Where to find it')) is not None and
            wait_for(lambda: find_named(window, pyatspi.ROLE_LABEL, 'Piriformis', laid_out=True)) is not None,
            'a click on it opens the piriformis')
        tap(wait_for(lambda: next((n for n in images(window, 'Picture, left side:')
                                   if 'a ball under the buttock' in n.name), None)) is not None,
            'on the left side, as the gallery drew it')
        shot('zone-from-gallery')

        search('piriformis stretch')
        stretch = wait_for(lambda: next((n for n in images(window, 'Picture, ')
                                         # the stretch, lying down; not the roller's
                                         # seated picture on the panel left behind
                                         if 'Lying on the back, one ankle crossed over the other knee' in n.name),
                                        None))
        tap(stretch is not None, 'the stretch panel shows the stretch')
        if stretch is not None and scroll_into_view(wid, window, stretch):
            shot('stretch-panel')

        # A guided session of the bundled routine: the step's position
        # large under its words, the next one small.
        keys('ctrl+r')
        row = wait_for(lambda: find_named(window, pyatspi.ROLE_LIST_ITEM, 'Piriformis relief', laid_out=True))
        if not tap(row is not None, 'Ctrl+R lists "Piriformis relief"'):
            return
        click(wid, window, row)
        # The routine's Start, not the hold timer's (further right, in the bar).
        start = wait_for(lambda: min((n for n in walk(window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                                      (n.name or '').replace('_', '').startswith('Start') and
                                      is_laid_out(n)), key=lambda n: extents(n)[0], default=None))
        if not tap(start is not None, 'the routine has a Start button'):
            return
        click(wid, window, start)
        page = wait_for(lambda: find_named(window, pyatspi.ROLE_PANEL, 'Guided Session'))
        current = wait_for(lambda: next((n for n in images(page, 'Picture, ') if 'foam roller' in n.name and
                                         extents(n)[3] >= 200), None)) if page is not None else None
        tap(current is not None, 'the session shows step 1 (foam roller under the buttock) large')
        upcoming = wait_for(lambda: next((n for n in images(page, 'Picture, ') if 'a ball under the buttock' in n.name and
                                          extents(n)[3] < 100), None)) if page is not None else None
        tap(upcoming is not None, 'and the next step (the ball) small')
        pause = find_named(page, pyatspi.ROLE_PUSH_BUTTON, 'Pause', laid_out=True) if page is not None else None
        tap(pause is not None and smatspi.scroller_of(pause) is None and
            extents(pause)[1] + extents(pause)[3] <= extents(window)[1] + extents(window)[3],
            'the session\'s Pause stays on screen below the pictures, outside what scrolls')
        shot('session')
        keys('Escape')
    finally:
        smatspi.stop_app(process)


def main():
    run_on_own_server(run)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
