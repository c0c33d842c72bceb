#!/usr/bin/python3
# test-wayland-e2e.py: the real app on Wayland, under GNOME's compositor
# (mutter --headless, one virtual monitor of 1280×1024; tests/smmutter.py).
#
#   the window opens on the monitor, the safety screen is confirmed (Alt+U)
#   F11                          presenter mode, full screen (the surface is
#                                the monitor's size), F11 again gives the
#                                window back at its old size
#   Ctrl+P                       GTK's print dialog comes up (the sheet of
#                                no routine); Escape cancels it
#   Ctrl+Q                       the app quits with status 0
#
# Keys are real key events: mutter's RemoteDesktop D-Bus service injects
# them as a keyboard would, to the focused window (there is no XTEST on
# Wayland, so no xdotool; wtype speaks a wlroots protocol mutter lacks).
# AT-SPI only finds things. Where the window is and how big comes from the
# app itself (SM_DEBUG_MONITORS): a Wayland client knows its monitor and
# its size but not its position, and AT-SPI has no screen coordinates here.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

import smatspi
from smatspi import pyatspi, wait_for, find_named, label_shown
import smmutter

tap = smatspi.Tap()
SIZE = (1280, 1024)


def run(mutter, process, reports, app, window, scratch):
    first = wait_for(smmutter.report_is(reports, 'main', fullscreen=False), timeout=30)
    tap(first is not None and first['monitor'] == 'Meta-0' and first['area'][2:] == SIZE,
        f'the window opens on the virtual monitor ({first})')
    size = first['window'] if first else None

    wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
    mutter.key('alt+u')
    tap(wait_for(label_shown(window, 'Where does it hurt?')) is not None,
        'Alt+U acknowledges the safety screen')

    mutter.key('F11', delay=1)
    full = wait_for(smmutter.report_is(reports, 'main', fullscreen=True, window=SIZE))
    tap(full is not None, f'F11: full screen, the monitor\'s size ({reports.get("main")})')
    tap(wait_for(lambda: find_named(window, pyatspi.ROLE_PANEL, 'Presenter', laid_out=True))
        is not None, 'F11: presenter mode is on show')
    pictures = reports.snapshot(scratch, ['main'])
    tap.diag(f'picture of presenter mode: {pictures.get("main")}')
    mutter.key('F11', delay=1)
    back = wait_for(smmutter.report_is(reports, 'main', fullscreen=False, window=size))
    tap(back is not None, f'F11 again: the window is back at {size} ({reports.get("main")})')

    mutter.key('ctrl+p')
    dialog = wait_for(lambda: smmutter.toplevel(app, 'Print'), timeout=30)
    tap(dialog is not None, 'Ctrl+P opens the print dialog')
    if dialog is not None:
        wait_for(lambda: find_named(dialog, pyatspi.ROLE_LABEL, 'Print to File', laid_out=True),
                 timeout=30)
        mutter.key('Escape', delay=1)
        tap(wait_for(lambda: smmutter.toplevel(app, 'Print') is None, timeout=20) is not None,
            'Escape cancels the print dialog')
    tap(process.poll() is None, 'the app is still running')


def main():
    smmutter.run_app_test(tap, (SIZE,), run)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
