#!/usr/bin/python3
# test-tool-panel-e2e.py: opening a tool from a muscle's panel with the
# keyboard leaves nothing selected. The muscle panel's tool rows are links;
# Tab to "Foam roller" and Enter opens the tool panel in its place. GTK
# then gave the focus to a selectable "Avoid" line, which selected all its
# text ("Do not roll over the back of the knee…" shown highlighted). Now the
# focus goes to the panel's back button.
#
# Real key events only (xdotool: Tab, Return); AT-SPI finds and reads.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, describe, is_laid_out, keys

tap = smatspi.Tap()


def focused_name(window, text):
    node = smatspi.focused(window)
    return node if node is not None and (node.name or '').startswith(text) else None


def selected_labels(panel):
    found = []
    for node in walk(panel):
        if node.getRole() == pyatspi.ROLE_LABEL and is_laid_out(node):
            try:
                if node.queryText().getNSelections() > 0:
                    found.append(node.name)
            except NotImplementedError:
                continue
    return found


def main():
    process, app = smatspi.launch()
    try:
        if not tap(app is not None, 'the app shows up on the accessibility bus'):
            return
        window = wait_for(lambda: next((app.getChildAtIndex(i) for i in range(app.childCount)
                                        if app.getChildAtIndex(i).getRole() == pyatspi.ROLE_FRAME), None))
        tap(smatspi.focus_window(process.pid) is not None, 'the window takes the keyboard')
        wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand', laid_out=True))
        keys('alt+u')
        keys('ctrl+f')
        smatspi.type_text('piriformis')
        keys('Return')
        if not tap(wait_for(smatspi.label_shown(window, 'Where to find it')) is not None,
                   'Ctrl+F, "piriformis", Enter: the piriformis panel'):
            return

        for _ in range(80):
            if focused_name(window, 'Foam roller') is not None:
                break
            keys('Tab', delay=0.15)
        if not tap(focused_name(window, 'Foam roller') is not None, 'Tab reaches the "Foam roller" row'):
            return
        keys('Return')
        panel = wait_for(lambda: next((n for n in walk(window) if n.getRole() == pyatspi.ROLE_PANEL and
                                       n.name == 'Tool' and is_laid_out(n) and
                                       smatspi.label_shown(n, 'How to use it')()), None))
        if not tap(panel is not None, 'Enter opens the foam roller panel'):
            return
        time.sleep(1)
        node = smatspi.focused(window)
        ok = tap(node is not None and node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name == 'Go back',
                 'the focus is on the panel\'s back button')
        if not ok:
            tap.diag('focus: ' + (describe(node) if node is not None else 'nowhere'))
        selected = selected_labels(panel)
        tap(not selected, 'no text in the panel is selected' + (': ' + ', '.join(map(repr, selected))
                                                              if selected else ''))
    finally:
        smatspi.stop_app(process)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
