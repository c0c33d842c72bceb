#!/usr/bin/python3
# test-a11y-audit.py: what a screen reader finds in the real app. Starts the
# binary with the accessibility bridge on, goes through its states the way
# a screen-reader user would (AT-SPI actions on buttons and menu items, the
# keyboard for search and list rows; never the pointer) and checks, in
# each state, every control that is laid out, every map zone and every
# window and menu: a known role and a real name. GTK 4.8 names a widget
# nothing labels after its type ("GtkButton") and shows a tooltip only as
# the description, so an icon-only button without an accessible label
# fails here. Each state lists all its findings at once.
# Runs itself on a private session bus (dbus-run-session).
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, do_action, describe, is_laid_out, label_shown

# Roles a person operates; each needs a name to be read out.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_LINK, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_LIST,
    pyatspi.ROLE_PROGRESS_BAR,
}
# Announced when they open: a window, dialog or menu needs a name too.
CONTAINER_ROLES = {
    pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW, pyatspi.ROLE_ALERT,
    pyatspi.ROLE_MENU, pyatspi.ROLE_POPUP_MENU,
}
BAD_ROLES = {pyatspi.ROLE_INVALID, pyatspi.ROLE_UNKNOWN}
# What GTK 4.8 reports when nothing names a widget: its type name.
TYPE_NAME = re.compile(r'^(Gtk|Sm|Gdk)[A-Z][A-Za-z]*$')

tap = smatspi.Tap()


def needs_name(node):
    role = node.getRole()
    if role in CONTROL_ROLES or role in CONTAINER_ROLES:
        return True
    # A text view someone types into (the routine notes).
    return role == pyatspi.ROLE_TEXT and node.getState().contains(pyatspi.STATE_EDITABLE)


def problem(node):
    """What is wrong with @node for a screen reader, or None."""
    if node.getRole() in BAD_ROLES:
        return 'has no role'
    if not needs_name(node):
        return None
    name = smatspi.accessible_name(node).strip()
    if not name:
        return 'has no name'
    if TYPE_NAME.match(name):
        return 'has no name: GTK reads out its type'
    return None


def check_tree(scope):
    """(findings, number of nodes that need a name) under @scope."""
    findings = []
    checked = 0
    for node in smatspi.walk_laid_out(scope):
        if needs_name(node):
            checked += 1
        what = problem(node)
        if what:
            findings.append(f'{describe(node)}: {what}')
    return findings, checked


def audit(state, scope, ready=None):
    """Checks every laid-out node under @scope once @ready (a predicate)
    holds. One TAP line per state; every finding in the diagnostics."""
    if ready is not None and not wait_for(ready, timeout=15):
        tap(False, f'{state}: reached')
        tap.diag('laid-out controls: ' + ', '.join(
            repr(n.name) for n in walk(scope) if needs_name(n) and is_laid_out(n)))
        return False
    if not is_laid_out(scope):
        tap(False, f'{state}: on screen')
        return False
    # Let the page settle (rows and labels fill in); a node that goes away
    # while it is read means it did not: walk again.
    for attempt in range(3):
        time.sleep(0.3 + attempt)
        try:
            findings, checked = check_tree(scope)
            break
        except smatspi.Gone:
            continue
    else:
        tap(False, f'{state}: the tree holds still long enough to be read')
        return False
    ok = tap(not findings and checked > 0,
             f'{state}: {checked} controls, windows and menus, each with a role and a name')
    if findings:
        tap.diag(f'{len(findings)} without a name in {state}:')
        for line in findings:
            tap.diag('  ' + line)
    return ok


def shown(root, role, name):
    """A predicate: the node of @role named @name is laid out."""
    return lambda: find_named(root, role, name, laid_out=True)


def toplevels(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def other_window(app, main):
    def check():
        for window in toplevels(app):
            if window is not None and window != main:
                return window
        return None
    return check


def press(root, role, name):
    """Runs the action of the control named @name; a failed TAP line when it
    is not there."""
    node = wait_for(shown(root, role, name), timeout=10)
    if node is None:
        tap(False, f'{name} is there to press')
        return False
    do_action(node)
    return True


def toggle_menu_button(menu_button):
    # GTK 4.8: the GtkMenuButton holds the toggle button with the action.
    for node in walk(menu_button):
        if node is not menu_button and 'Action' in pyatspi.listInterfaces(node):
            if node.queryAction().nActions:
                return do_action(node)
    return False


def popup_of(menu_button, role):
    def check():
        for node in walk(menu_button):
            if node.getRole() == role and is_laid_out(node):
                return node
        return None
    return check


def main_menu_item(window, label):
    """Opens the main menu and runs @label."""
    button = find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Main Menu')
    menu = None
    if button is not None:
        toggle_menu_button(button)
        menu = wait_for(popup_of(button, pyatspi.ROLE_MENU), timeout=10)
    if menu is None:
        tap(False, f'the main menu opens for {label}')
        return False
    for role in (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM):
        item = find_named(menu, role, label)
        if item is not None:
            do_action(item)
            return True
    tap(False, f'the main menu has {label}')
    return False


def close_window(app, window):
    close = find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Close')
    if close is not None:
        do_action(close)
    return wait_for(lambda: window not in toplevels(app), timeout=10)


def search(text):
    """Ctrl+F, the words, Enter: the first result opens."""
    smatspi.keys('ctrl+f')
    smatspi.type_text(text)


def main():
    root = os.environ['SM_SOURCE_ROOT']
    with open(os.path.join(root, 'data', 'content', 'techniques.json'), encoding='utf-8') as f:
        technique = json.load(f)['techniques'][0]['name']
    with open(os.path.join(root, 'data', 'content', 'tools.json'), encoding='utf-8') as f:
        tool = json.load(f)['tools'][1]['name']
    with open(os.path.join(root, 'data', 'content', 'zones.json'), encoding='utf-8') as f:
        # The back view on the surface layer shows at least these zones
        # (and the piriformis through the gluteus maximus), each side a
        # button; test-map-atspi.py checks them by name.
        n_zones = 2 * sum(1 for z in json.load(f)['zones'] if z['view'] == 'back' and
                          (z['layer'] == 'superficial' or z['id'] == 'piriformis'))

    process, app = smatspi.launch()
    try:
        if not tap(app is not None, 'the app shows up on the accessibility bus'):
            return
        window = wait_for(lambda: next((w for w in toplevels(app) if w is not None
                                        and w.getRole() == pyatspi.ROLE_FRAME), None))
        tap(smatspi.focus_window(process.pid) is not None, 'the window takes the keyboard')

        # A fresh memory settings backend: a first run, safety screen first.
        audit('first-run safety screen', window,
              shown(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand'))
        press(window, pyatspi.ROLE_PUSH_BUTTON, 'I Understand')
        audit('welcome page', window, label_shown(window, 'Where does it hurt?'))
        zones = [n for n in walk(window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                 is_laid_out(n) and (n.name or '').endswith((', left', ', right'))]
        tap(len(zones) >= n_zones, f'the map zones were among them: {len(zones)}, at least {n_zones}')

        menu_button = find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Main Menu')
        toggle_menu_button(menu_button)
        audit('main menu', menu_button, popup_of(menu_button, pyatspi.ROLE_MENU))
        toggle_menu_button(menu_button)

        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Piriformis, left')
        audit('piriformis panel', window, label_shown(window, 'Where to find it'))

        hold = find_named(window, pyatspi.ROLE_PUSH_BUTTON, 'Hold time')
        if tap(hold is not None, 'the hold time button is named'):
            toggle_menu_button(hold)
            popover = wait_for(lambda: shown(app, pyatspi.ROLE_PUSH_BUTTON, '45 s')(), timeout=10)
            audit('hold time popover', hold, lambda: popover)
            press(hold, pyatspi.ROLE_PUSH_BUTTON, '30 s')  # picks a hold and closes

        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Start a ')
        audit('timer running', window, shown(window, pyatspi.ROLE_PUSH_BUTTON, 'Pause'))

        main_menu_item(window, 'Browse All')
        audit('browse page', window, label_shown(window, 'Every muscle, technique'))

        search(technique.lower())
        audit('search results', window, shown(window, pyatspi.ROLE_LIST, 'Search results'))
        smatspi.keys('Return')
        audit(f'technique panel ({technique})', window, label_shown(window, 'What it does'))

        search(tool.lower())
        smatspi.keys('Return')
        audit(f'tool panel ({tool})', window, label_shown(window, 'How to use it'))

        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Routines')
        audit('routines page', window, shown(window, pyatspi.ROLE_LIST_ITEM, 'Piriformis relief'))
        press(window, pyatspi.ROLE_PUSH_BUTTON, 'New routine')
        audit('routine editor (new routine)', window,
              label_shown(window, 'No steps yet'))
        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Piriformis, right')
        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Add to Routine')
        audit('routine editor (one step)', window,
              shown(window, pyatspi.ROLE_PUSH_BUTTON, 'Remove step'))

        main_menu_item(window, 'Guided Session')
        audit('guided session', window, shown(window, pyatspi.ROLE_PUSH_BUTTON, 'Stop'))
        press(window, pyatspi.ROLE_PUSH_BUTTON, 'Stop')

        for item, state in (('Preferences', 'preferences window'),
                            ('Keyboard Shortcuts', 'shortcuts window'),
                            ('About', 'about dialog')):
            if main_menu_item(window, item):
                # Listed before it has a size: wait until it is laid out.
                other = wait_for(lambda: (lambda w: w if w is not None and is_laid_out(w) else None)(
                    other_window(app, window)()), timeout=15) or other_window(app, window)()
                if audit(state, other, lambda: other) or other is not None:
                    close_window(app, other)

        main_menu_item(window, 'Present')
        audit('presenter mode', window,
              shown(window, pyatspi.ROLE_PUSH_BUTTON, 'Leave Presenter Mode'))
    finally:
        smatspi.stop_app(process)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
