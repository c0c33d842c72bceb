#!/usr/bin/python3
# test-presenter-e2e.py: presenter mode in the real app, full screen under
# a window manager, at 1280×1024 in English and 1920×1080 in German.
# Everything the test does is real X input: pointer clicks (xdotool) on
# what AT-SPI says is where, and keys (F11, Page Down). AT-SPI only finds
# things and reads the screen.
#
#   - A routine of one's own, in the data folder: the gluteus medius with
#     the hands (the content has no hands sentence for it), then the
#     hamstrings with the hands. The caption of each step says what to do
#     with that step's tool, never the ball's sentence.
#   - The muscle labels: each one is read with its extents. None overlaps
#     another label, the caption card or the selected zone, and none lies
#     on a zone's box (they sit beside the body, their leader lines go in);
#     the caption card keeps off the selected zone; the piriformis and the
#     selected muscle always have a label.
#
# Each configuration gets its own Xvfb with openbox (tests/smxserver.py)
# and its own session bus for the AT-SPI registry.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import json
import os
import subprocess
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, extents, is_laid_out
from smxserver import XServer

CONFIGS = [
    # width, height, language
    (1280, 1024, 'en'),
    (1920, 1080, 'de'),
]
ROUTINE = 'E2E tools'
tap = smatspi.Tap()


def translator(language):
    if language == 'en':
        return gettext.NullTranslations()
    return gettext.translation('sciatica-map', localedir=os.environ['SM_LOCALE_DIR'],
                               languages=[language])


def content(name):
    path = os.path.join(os.environ['SM_SOURCE_ROOT'], 'data', 'content', name)
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def write_routine(data_home):
    folder = os.path.join(data_home, 'sciatica-map', 'routines')
    os.makedirs(folder)
    step = {'technique': 'hold', 'hold-seconds': 20, 'repetitions': 1, 'rest-seconds': 0, 'note': ''}
    routine = {
        'format': 'sciatica-map-routine', 'version': 2, 'name': ROUTINE, 'patient': '', 'notes': '',
        'created': '2026-12-01T10:00:00Z', 'modified': '2026-12-01T10:00:00Z',
        'steps': [dict(step, zone='gluteus-medius', side='left', tool='hands'),
                  dict(step, zone='hamstrings', side='left', tool='hands')],
    }
    with open(os.path.join(folder, 'e2e-tools.json'), 'w', encoding='utf-8') as f:
        json.dump(routine, f)


def overlaps(a, b, gap=0):
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap and
            a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


class Screen:
    """The app's window on one X server: clicks at AT-SPI extents."""

    def __init__(self, server, pid, window):
        self.server = server
        self.pid = pid
        self.window = window

    def click(self, node):
        box = extents(node)
        wid = self.server.window_of(self.pid)
        if box is None or wid is None:
            return False
        x, y = self.server.origin(wid)
        self.server.click(x + box[0] + box[2] / 2, y + box[1] + box[3] / 2)
        return True


def presenter_of(window, _):
    """SmPresenter: a group (AT-SPI panel) named "Presenter"."""
    return next((n for n in walk(window) if n.getRole() == pyatspi.ROLE_PANEL and
                 (n.name or '') == _('Presenter') and is_laid_out(n)), None)


def label_nodes(root, texts):
    """Laid-out labels under @root whose text is one of @texts."""
    return [n for n in walk(root) if n.getRole() == pyatspi.ROLE_LABEL and
            (n.name or '') in texts and is_laid_out(n)]


def check_caption(window, _, sentence, ball, what):
    shown = wait_for(lambda: label_nodes(window, {sentence}), timeout=15)
    ok = tap(bool(shown), f'{what}: the caption says {sentence!r}')
    if not ok:
        tap.diag('on screen: ' + smatspi.shown_names(window, (pyatspi.ROLE_LABEL,)))
    tap(not label_nodes(window, {ball}), f'{what}: not the ball\'s sentence')


def run_config(width, height, language):
    catalogue = translator(language)
    _ = catalogue.gettext
    zones = {z['id']: z for z in content('zones.json')['zones']}
    medius, hamstrings = zones['gluteus-medius'], zones['hamstrings']
    hands = {u['tool']: u for u in hamstrings['tools']}['hands']
    names = {_(z['name']): z['id'] for z in zones.values()}
    what = f'{width}×{height} {language}'

    server = XServer.current()
    with tempfile.TemporaryDirectory() as home:
        write_routine(os.path.join(home, 'data'))
        env = dict(server.env, XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_CONFIG_HOME=os.path.join(home, 'config'), LC_ALL='C.UTF-8')
        if language != 'en':
            env['LANGUAGE'] = language
        binary = os.environ['SM_UNINSTALLED_BINARY']
        process = subprocess.Popen([binary], env={k: v for k, v in env.items()
                                                  if k not in ('NO_AT_BRIDGE', 'GTK_A11Y')})
        try:
            app = wait_for(lambda: smatspi.find_app(process.pid), timeout=30)
            if not tap(app is not None, f'{what}: the app shows up on the accessibility bus'):
                return
            window = wait_for(lambda: next((app.getChildAtIndex(i) for i in range(app.childCount)
                                            if app.getChildAtIndex(i).getRole() == pyatspi.ROLE_FRAME),
                                           None))
            screen = Screen(server, process.pid, window)
            smatspi.focus_window(process.pid)
            understand = wait_for(lambda: find_named(window, pyatspi.ROLE_PUSH_BUTTON,
                                                     _('I _Understand').replace('_', ''), laid_out=True))
            # The map's zones get a size only once the safety screen is gone.
            if not tap(understand is not None and
                       smatspi.press_until(lambda: screen.click(understand), lambda: zone_boxes(window)),
                       f'{what}: the safety screen is confirmed with a click'):
                tap.diag('on screen: ' + smatspi.shown_names(window, (pyatspi.ROLE_PUSH_BUTTON,)))
                return

            row = smatspi.press_until(lambda: server.keys('ctrl+r'),
                                      lambda: find_named(window, pyatspi.ROLE_LIST_ITEM, ROUTINE, laid_out=True))
            if not tap(row is not None and screen.click(row), f'{what}: the routine opens with a click'):
                tap.diag('on screen: ' + smatspi.shown_names(window, (pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PUSH_BUTTON)))
                return
            time.sleep(1)
            server.keys('F11', delay=1.5)
            step_of = catalogue.ngettext('Step %1$u of %2$u', 'Step %1$u of %2$u', 2)
            step_1 = step_of.replace('%1$u', '1').replace('%2$u', '2')
            step_2 = step_of.replace('%1$u', '2').replace('%2$u', '2')
            if not tap(wait_for(lambda: label_nodes(window, {_(medius['presenter']), _('Tap a muscle to show where it is.')}) or
                                label_nodes(window, {step_1}), timeout=20) is not None,
                       f'{what}: F11 shows presenter mode'):
                return

            server.keys('Next')
            tap(wait_for(lambda: label_nodes(window, {step_1})) is not None, f'{what}: Page Down: step 1')
            check_caption(window, _, _(medius['summary']), _(medius['presenter']),
                          f'{what}: gluteus medius with the hands')
            check_labels(_, window, names, {'gluteus-medius'}, f'{what}: step 1')

            server.keys('Next')
            tap(wait_for(lambda: label_nodes(window, {step_2})) is not None, f'{what}: Page Down: step 2')
            check_caption(window, _, _(hands['placement']), _(hamstrings['presenter']),
                          f'{what}: hamstrings with the hands')
            check_labels(_, window, names, {'hamstrings'}, f'{what}: step 2')
            server.screenshot(os.path.join(tempfile.gettempdir(), f'presenter-e2e-{width}x{height}-{language}.png'))
        finally:
            smatspi.stop_app(process)


def zone_boxes(window):
    """Every laid-out map zone button: (muscle name, side text) → extents."""
    boxes = {}
    for node in walk(window):
        if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and ', ' in (node.name or ''):
            box = extents(node)
            if box is not None and box[2] > 0 and box[3] > 0:
                boxes[node.name] = box
    return boxes


def check_labels(_, window, names, selected, what):
    """The muscle labels drawn by presenter mode, against each other, the
    caption card and the zones, all read through AT-SPI."""
    def read():
        presenter = presenter_of(window, _)
        if presenter is None:
            return None
        found = [(n.name, extents(n)) for n in walk(presenter) if n.getRole() == pyatspi.ROLE_LABEL and
                 (n.name or '') in names and is_laid_out(n)]
        return found or None

    labels = wait_for(read, timeout=15)
    if not tap(labels is not None, f'{what}: the muscle labels are on screen'):
        return
    time.sleep(0.5)
    labels = read() or labels
    texts = [text for text, _ in labels]
    tap.diag(f'{what}: labels ' + ', '.join(texts))
    ids = {names[text] for text in texts}
    tap('piriformis' in ids or not any(names.get(n.split(', ')[0]) == 'piriformis'
                                        for n in zone_boxes(window)),
        f'{what}: the piriformis has a label')
    tap(selected <= ids, f'{what}: the selected muscle has a label')

    bad = [f'{a!r} and {b!r}' for i, (a, ba) in enumerate(labels)
           for b, bb in labels[i + 1:] if overlaps(ba, bb)]
    tap(not bad, f'{what}: no label overlaps another' + (': ' + '; '.join(bad) if bad else ''))

    caption = caption_box(window, _)
    zones = zone_boxes(presenter_of(window, _) or window)
    chosen = [box for name, box in zones.items() if names.get(name.split(', ')[0]) in selected]
    bad = [text for text, box in labels if caption is not None and overlaps(box, caption)]
    tap(caption is not None and not bad, f'{what}: no label on the caption card' + (': ' + ', '.join(bad) if bad else ''))
    bad = [text for text, box in labels for zone in chosen if overlaps(box, zone)]
    tap(not bad, f'{what}: no label on the selected zone' + (': ' + ', '.join(bad) if bad else ''))
    tap(caption is not None and not any(overlaps(caption, zone) for zone in chosen),
        f'{what}: the caption card keeps off the selected zone')
    bad = [f'{text!r} on {name!r}' for text, box in labels for name, zone in zones.items()
           if overlaps(box, zone)]
    tap(not bad, f'{what}: every label sits beside the body, off every zone' +
        (': ' + '; '.join(bad) if bad else ''))


def caption_box(window, _):
    """The caption card (a group named "Caption"): its extents."""
    node = next((n for n in walk(window) if n.getRole() == pyatspi.ROLE_PANEL and
                 (n.name or '') == _('Caption') and is_laid_out(n)), None)
    return extents(node) if node is not None else None


def main():
    width, height, language = sys.argv[2], sys.argv[3], sys.argv[4]
    run_config(int(width), int(height), language)


def relay(inner, count):
    """Copies the inner run's TAP lines, numbered on from @count; returns
    (count, whether it failed)."""
    for line in inner.stdout:
        if line.startswith(('ok ', 'not ok ')):
            count += 1
            failed_line = line.startswith('not ok ')
            rest = line[len('not ok '):] if failed_line else line[len('ok '):]
            rest = rest.split(' ', 1)[1] if ' ' in rest else '\n'
            print(f'{"not ok" if failed_line else "ok"} {count} {rest}', end='', flush=True)
        elif line.startswith('#'):
            print(line, end='', flush=True)
        elif not line.startswith('1..'):
            print(line, end='', file=sys.stderr, flush=True)
    return count, inner.wait() != 0


def outer():
    failed = False
    count = 0
    for width, height, language in CONFIGS:
        # The app, the AT-SPI bus launcher and this test on one display.
        with XServer(width, height) as server:
            inner = subprocess.Popen(['dbus-run-session', '--', sys.executable, __file__, '--inner',
                                      str(width), str(height), language],
                                     stdout=subprocess.PIPE, text=True, env=server.env)
            count, bad = relay(inner, count)
            failed |= bad
    print(f'1..{count}', flush=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        outer()
