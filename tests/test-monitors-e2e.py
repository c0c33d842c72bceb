#!/usr/bin/python3
# test-monitors-e2e.py: presenter mode on a second screen, on Wayland under
# GNOME's compositor (mutter --headless with two virtual monitors,
# 1280×1024 and 1920×1080; tests/smmutter.py).
#
#   F11                 asks where to present: "In This Window" and the
#                       other monitor by name
#   Down, Return        the presenter window is full screen on the other
#                       monitor (its surface that monitor's size); the main
#                       window stays where it was, not full screen, and
#                       shows the console (now, next, Stop Presenting)
#   monitor switched off (org.gnome.Mutter.DisplayConfig, as if unplugged)
#                       the presenter window goes, presenter mode is back
#                       in the main window, full screen on its monitor
#   monitor back on     presenter mode offers "Present on …" again
#   Escape, Ctrl+Q      presenter mode ends; the app quits with status 0
#
# Keys are real key events through mutter's RemoteDesktop service; AT-SPI
# only finds things; which monitor each window is on and its size come from
# the app (SM_DEBUG_MONITORS), since Wayland gives a client no position and
# AT-SPI no screen coordinates. SM_TEST_PICTURES=DIR keeps pictures of both
# windows (drawn by the app's own renderer) there.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, label_shown
import smmutter

tap = smatspi.Tap()
SIZES = ((1280, 1024), (1920, 1080))


def menu_items(app):
    return [n.name for n in walk(app) if n.getRole() in (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON,
                                                        pyatspi.ROLE_CHECK_MENU_ITEM)
            and (n.name or '').startswith(('On ', 'In This Window'))]


def keep_pictures(reports, scratch, roles, tag):
    pictures = reports.snapshot(scratch, roles)
    keep = os.environ.get('SM_TEST_PICTURES')
    for role, path in pictures.items():
        if keep:
            os.makedirs(keep, exist_ok=True)
            shutil.copy(path, os.path.join(keep, f'{tag}-{role}.png'))
        tap.diag(f'picture of the {role} window ({tag}): {path}')


def run(mutter, process, reports, app, window, scratch):
    first = wait_for(smmutter.report_is(reports, 'main', fullscreen=False), timeout=30)
    monitors = mutter.monitors()
    if not tap(first is not None and first['monitor'] in monitors,
               f'the window opens on a monitor ({first}; mutter has {monitors})'):
        return
    home = first['monitor']
    other = next(c for c in monitors if c != home)
    other_size = monitors[other][2:4]
    wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
    mutter.key('alt+u')
    tap(wait_for(label_shown(window, 'Where does it hurt?')) is not None,
        'Alt+U acknowledges the safety screen')

    mutter.key('F11', delay=1)
    items = wait_for(lambda: len(menu_items(app)) >= 2 and menu_items(app), timeout=15) or []
    tap('In This Window' in items and any(other in name for name in items),
        f'F11 asks where to present: {items}')
    mutter.key('Down', delay=0.3)
    mutter.key('Return', delay=1)

    far = wait_for(smmutter.report_is(reports, 'presenter', monitor=other, fullscreen=True, window=other_size))
    tap(far is not None, f'the presenter window is full screen on {other} '
        f'({reports.get("presenter")})')
    main = reports.get('main')
    tap(main is not None and main['monitor'] == home and not main['fullscreen'],
        f'the main window stays on {home}, not full screen ({main})')
    console = wait_for(label_shown(window, 'Presenting on the Other Screen'))
    tap(console is not None and
        find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Stop Presenting', laid_out=True) is not None,
        'the main window shows the console')
    tap(find_named(app, pyatspi.ROLE_FRAME, 'Sciatica Map Presenter') is not None or
        smmutter.toplevel(app, 'Sciatica Map Presenter') is not None, 'the presenter window is on the bus')
    keep_pictures(reports, scratch, ['main', 'presenter'], 'two-screens')

    mutter.use_monitors([home])
    # The app's own report first: walking the accessible tree while the
    # window goes has made GTK 4.8's bridge crash (see HACKING.md).
    back = wait_for(smmutter.report_is(reports, 'main', monitor=home, fullscreen=True,
                                       window=monitors[home][2:4]))
    tap(back is not None, f'{other} switched off: presenter mode is back in the main window, '
        f'full screen ({reports.get("main")})')
    tap(wait_for(lambda: smmutter.toplevel(app, 'Sciatica Map Presenter') is None, timeout=20) is not None,
        'the presenter window is gone')
    presenter = wait_for(lambda: find_named(window, pyatspi.ROLE_PANEL, 'Presenter', laid_out=True))
    tap(presenter is not None, 'the main window shows presenter mode')
    keep_pictures(reports, scratch, ['main'], 'unplugged')

    mutter.use_monitors([home, other])
    offer = wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Present on', laid_out=True))
    tap(offer is not None and other in (offer.name or ''),
        f'{other} back on: presenter mode offers it again ({offer.name if offer else None!r})')
    keep_pictures(reports, scratch, ['main'], 'plugged-back')

    mutter.key('Escape', delay=1)
    tap(wait_for(smmutter.report_is(reports, 'main', fullscreen=False)) is not None,
        'Escape leaves presenter mode')


def main():
    smmutter.run_app_test(tap, SIZES, run)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
