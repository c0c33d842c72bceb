#!/usr/bin/python3
# test-hostile-folder.py: the real app started with hostile files in the
# person's routines folder — a named pipe, a link to /dev/zero (and, as
# root, a device node of its own), a sparse 4 GiB file and a side of 30 000
# characters — next to one good routine. The window must come up and be
# laid out, the routines page must list the good routine and report each
# bad file once, with the long value cut. Prints the time to the first
# laid-out window and the app's peak RSS.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import stat
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, label_shown

tap = smatspi.Tap()

HEAD = {'format': 'sciatica-map-routine', 'version': 2}
STEP = {'zone': 'piriformis', 'side': 'left', 'tool': 'ball', 'technique': 'hold',
        'hold-seconds': 30, 'repetitions': 1}
# Each unreadable file gets one plain sentence in the banner, starting so.
ERRORS_HEADING = 'The routine file “'


def write_routine(folder, file_name, **fields):
    with open(os.path.join(folder, file_name), 'w', encoding='utf-8') as f:
        json.dump({**HEAD, **fields}, f)


def make_folder(folder):
    """The files, and the names the report must give once each."""
    os.makedirs(folder)
    bad = ['pipe.json', 'zero.json', 'huge.json', 'side.json']
    os.mkfifo(os.path.join(folder, 'pipe.json'))
    os.symlink('/dev/zero', os.path.join(folder, 'zero.json'))
    with open(os.path.join(folder, 'huge.json'), 'wb') as f:
        f.truncate(4 << 30)
    write_routine(folder, 'side.json', name='Long side',
                  steps=[{**STEP, 'side': 'l' * 30000}])
    write_routine(folder, 'good.json', name='Good plan', steps=[STEP])
    if os.geteuid() == 0:
        os.mknod(os.path.join(folder, 'node.json'), stat.S_IFCHR | 0o600, os.makedev(1, 5))
        bad.append('node.json')
    else:
        tap.diag('not root: no device node of our own (mknod); the /dev/zero link stays')
    return bad


def laid_out_zone(app):
    for node in walk(app):
        if (node.getRole() == pyatspi.ROLE_PUSH_BUTTON and (node.name or '').endswith(', left')
                and smatspi.is_laid_out(node)):
            return node
    return None


def sanitized(pid):
    """Whether the app runs with AddressSanitizer (build-aux/test
    --sanitize), whose shadow memory and quarantine of freed blocks
    take two to three times the memory."""
    try:
        with open(f'/proc/{pid}/maps', encoding='ascii', errors='replace') as f:
            return 'libasan' in f.read()
    except OSError:
        return False


def peak_rss_mib(pid):
    try:
        with open(f'/proc/{pid}/status', encoding='ascii') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float('nan')


def main():
    scratch = tempfile.mkdtemp(prefix='sm-hostile-folder-')
    folder = os.path.join(scratch, 'data', 'sciatica-map', 'routines')
    bad = make_folder(folder)
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(scratch, 'data'))

    start = time.monotonic()
    process, app = smatspi.launch(env=env)
    try:
        tap(app is not None, 'the app shows up on the accessibility bus')
        if app is None:
            return
        understood = wait_for(lambda: find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'I Understand'),
                              timeout=60)
        if understood is not None:
            understood.queryAction().doAction(0)
        zone = wait_for(lambda: laid_out_zone(app), timeout=60)
        seconds = time.monotonic() - start
        tap(zone is not None, f'the window is laid out and shows the map ({seconds:.1f} s)')

        button = wait_for(lambda: find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'Routines'))
        tap(button is not None, 'the Routines button is there')
        if button is None:
            return
        smatspi.do_action(button)

        report = wait_for(label_shown(app, ERRORS_HEADING), timeout=60)
        tap(report is not None, 'the routines page reports the files it could not read')
        text = report.name if report is not None else ''
        tap.diag(text[:2000])
        for name in bad:
            count = sum(1 for line in text.splitlines()
                        if line.startswith(f'{ERRORS_HEADING}{name}”'))
            tap(count == 1, f'{name} is reported once (seen {count} times)')
        tap(len(text) < 2000, f'the report is short ({len(text)} characters): values are cut')
        tap('l' * 61 not in text and 'side.json”' in text,
            'the 30 000-character side is not quoted in full')
        # The special files are named for what they are, not called damaged.
        for name in [n for n in bad if n in ('pipe.json', 'zero.json', 'node.json')]:
            line = next((l for l in text.splitlines() if f'“{name}”' in l), '')
            tap('not an ordinary file' in line, f'{name} is reported as not an ordinary file')
        line = next((l for l in text.splitlines() if '“huge.json”' in l), '')
        tap('far larger' in line, 'huge.json is reported as too large')
        tap(wait_for(label_shown(app, 'Good plan'), timeout=20) is not None,
            'the good routine is listed next to the report')
        tap.diag(f'time to the laid-out window: {seconds:.2f} s; '
                 f'peak RSS of the app: {peak_rss_mib(process.pid):.1f} MiB')
        bound = 400 * (3 if sanitized(process.pid) else 1)
        tap(peak_rss_mib(process.pid) < bound, f'the app stays under {bound} MiB')
        tap(process.poll() is None, 'the app is still running')
    finally:
        smatspi.stop_app(process)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(os.path.abspath(__file__))
