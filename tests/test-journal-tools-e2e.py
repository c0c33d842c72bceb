#!/usr/bin/python3
# test-journal-tools-e2e.py: the journal's tools on the real binary, under
# a real window manager (openbox), with real X key events (xdotool);
# AT-SPI only finds things and reads the screen.
#
#   page      a month of sessions (written as the app writes them): Ctrl+J
#             shows the sessions per week against the plan, named by its
#             summary and in words: the calendar weeks of the page's 30
#             days, and the plan of each from the first session's on (the
#             number of weeks depends on the weekday: worked out here)
#   report    Ctrl+Shift+J, a file name typed in the file chooser, Enter:
#             "Saved the report as …"; pdftotext finds the chart, the weeks
#             from the first session's to the latest's against the plan,
#             the first and the latest pain drawing and the table; no image
#   bad file  the same onto a named pipe: the page says why, naming it
#   present   F11 on the Journal page: the charts fill the screen without
#             the header bar; Escape comes back to the Journal page
#   plan      Alt+W in a new routine's editor, 4: the routine file says
#             "sessions-per-week": 4
#   empty     (a second app, no journal) Ctrl+J: "No sessions with a pain
#             score in this time." once
#   hold      with "Log Single Holds" on and the journal's folder unusable
#             (a plain file where it should be): a 15-second hold from the
#             sacral border's page, "Time is up … Log this hold?", pain 2,
#             Alt+L
#   quit      Ctrl+Q: "1 session is not saved to the journal"; Escape stays;
#             Ctrl+Q, Save Again: asked again (still unusable); the folder
#             mended, Ctrl+Q, Save Again: the app quits and the journal
#             file has the hold, marked a single hold, pain 2
#   close     (a third app, the journal's folder unusable) a guided session
#             started, Ctrl+W while it runs: "1 session is not saved to the
#             journal" (the running session is written before the window
#             goes, not lost with it); Escape stays; the folder mended,
#             Ctrl+Q quits without a question, and the journal file has
#             the session, partial
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import smatspi
import smjournal
from smxserver import run_on_own_server
from smatspi import pyatspi, wait_for, walk, find_named, keys, label_shown, xdotool

tap = smatspi.Tap()
SHOTS = os.environ.get('SM_E2E_SHOTS')
DAY = 86400
PAGE_DAYS = 30   # the Journal page's range when it opens (sm-journal-page.c)
PLAN = 3         # sessions a week in smjournal's entries

SETTINGS = {
    'safety-acknowledged': 'true',
    'get-ready': 'false',
    'timer-sound': 'false',
    'switch-sides': 'false',
    'window-width': '1200',
    'window-height': '900',
}


def has_wm():
    result = subprocess.run(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, check=False)
    return 'window id' in result.stdout


def start_wm():
    if has_wm():
        return None
    wm = subprocess.Popen(['openbox', '--sm-disable'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if wait_for(has_wm, timeout=60) is None:
        tap.diag('openbox did not come up')
    return wm


def x_window(name=None, pid=None):
    args = ['search', '--onlyvisible']
    args += ['--pid', str(pid)] if pid is not None else ['--name', f'^{name}$']
    ids = xdotool(*args).split()
    return ids[-1] if ids else None


def screenshot(name):
    if SHOTS:
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')], check=False)


def prepare(scratch, settings):
    folder = os.path.join(scratch, 'config', 'glib-2.0', 'settings')
    os.makedirs(folder)
    with open(os.path.join(folder, 'keyfile'), 'w', encoding='utf-8') as keyfile:
        keyfile.write('[org/sciaticamap/SciaticaMap]\n')
        for key, value in settings.items():
            keyfile.write(f'{key}={value}\n')


class App:
    def __init__(self, scratch):
        env = dict(os.environ)
        env['XDG_CONFIG_HOME'] = os.path.join(scratch, 'config')
        env['XDG_DATA_HOME'] = os.path.join(scratch, 'data')
        env['GSETTINGS_BACKEND'] = 'keyfile'
        self.process, self.app = smatspi.launch(env=env)
        self.window = None
        if self.app is not None:
            self.window = wait_for(lambda: find_named(self.app, pyatspi.ROLE_FRAME, 'Sciatica Map'))
            self.wid = wait_for(lambda: x_window(pid=self.process.pid))
            xdotool('windowactivate', '--sync', self.wid)
            time.sleep(0.5)

    def alive(self):
        return self.process.poll() is None

    def close(self):
        if self.alive():
            smatspi.stop_app(self.process)


def pdf_text(path):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    result = subprocess.run(['pdftotext', path, '-'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, check=False)
    return result.stdout if result.returncode == 0 else None


def image_named(window, prefix):
    return next((n for n in walk(window) if n.getRole() == pyatspi.ROLE_IMAGE and
                 (n.name or '').startswith(prefix)), None)


def save_report(app, path):
    """Ctrl+Shift+J, the file name typed into the chooser, Enter."""
    keys('ctrl+shift+j')
    chooser = wait_for(lambda: x_window('Save Report as PDF'), timeout=20)
    if not tap(chooser is not None, 'Ctrl+Shift+J opens "Save Report as PDF"'):
        return False
    xdotool('windowactivate', '--sync', chooser)
    time.sleep(0.5)
    keys('ctrl+a')
    smatspi.type_text(path)
    keys('Return')
    # A file that is there already: GTK asks before replacing it.
    if os.path.exists(path):
        replace = wait_for(lambda: next((n for n in walk(app.app) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                         and (n.name or '').replace('_', '').startswith('Replace')
                                         and smatspi.is_laid_out(n)), None), timeout=10)
        tap(replace is not None, 'the chooser asks before replacing what is there')
        keys('alt+r')
    return tap(wait_for(lambda: x_window('Save Report as PDF') is None, timeout=20) is not None,
               'Enter takes the file name')


def monday(unix_time):
    """The Monday of the local calendar week of @unix_time, as the app counts weeks."""
    day = datetime.date.fromtimestamp(unix_time)
    return day - datetime.timedelta(days=day.weekday())


def weeks_spanned(since, until):
    return (monday(until) - monday(since)).days // 7 + 1


def weeks_in_words(starts, since, until):
    """The app's summary of the sessions per week from @since's week to
    @until's: each week from the first session's on asks for the plan."""
    planned = PLAN * weeks_spanned(min(starts), until)
    return (f'In {weeks_spanned(since, until)} weeks: {len(starts)} sessions. '
            f'The plan asked for {planned}.')


def page_and_report(scratch, starts):
    app = App(scratch)
    try:
        if not tap(app.app is not None, 'the app shows up'):
            return
        keys('ctrl+j')
        now = time.time()
        on_page = weeks_in_words(starts, now - PAGE_DAYS * DAY, now)
        weeks = wait_for(lambda: image_named(app.window, 'In '), timeout=10)
        tap(weeks is not None and weeks.name == on_page,
            f'Ctrl+J: the weeks against the plan, named by their summary: '
            f'{weeks.name if weeks else None!r} (expected {on_page!r})')
        tap(wait_for(label_shown(app.window, on_page), timeout=5) is not None,
            'and the same in words under it')
        screenshot('journal-tools-page')

        pdf = os.path.join(scratch, 'report.pdf')
        if save_report(app, pdf):
            saved = wait_for(label_shown(app.window, 'Saved the report as “report.pdf”'), timeout=30)
            tap(saved is not None, 'the page says "Saved the report as “report.pdf”"')
            text = ' '.join((wait_for(lambda: pdf_text(pdf), timeout=10) or '').split())
            for words in ('Progress journal', 'Sessions per week', 'Pain drawings: the first and the latest',
                          'First:', 'Latest:', 'Easier to sit', weeks_in_words(starts, min(starts), max(starts))):
                tap(words in text, f'pdftotext finds "{words}"')
            images = subprocess.run(['pdfimages', '-list', pdf], stdout=subprocess.PIPE, text=True,
                                    check=False).stdout.strip().splitlines()
            tap(len(images) == 2, f'pdfimages lists no image ({len(images) - 2} found)')
            tap(oct(os.stat(pdf).st_mode & 0o777) == '0o600', 'the report is private (0600)')
            if SHOTS:
                subprocess.run(['pdftoppm', '-r', '50', '-png', pdf, os.path.join(SHOTS, 'journal-report')],
                               check=False)

        fifo = os.path.join(scratch, 'pipe.pdf')
        os.mkfifo(fifo)
        if save_report(app, fifo):
            problem = wait_for(label_shown(app.window, 'Could not save “pipe.pdf”'), timeout=30)
            tap(problem is not None, 'onto a named pipe: "Could not save “pipe.pdf”: …" on the page')
            tap(app.alive(), 'and the app keeps running')
        screenshot('journal-tools-error')

        keys('ctrl+j')
        before = smatspi.extents(app.window)
        header = lambda: find_named(app.window, pyatspi.ROLE_LABEL, 'Sciatica Map', laid_out=True)
        tap(header() is not None, 'the header bar shows the title before presenting')
        keys('F11')
        leave = wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Leave Presenter Mode',
                                            laid_out=True), timeout=10)
        tap(leave is not None, 'F11 on the Journal page shows the charts in presenter mode')
        frame = wait_for(lambda: (lambda f: f if f and f[2] >= 1270 and f[3] >= 1010 else None)(
            smatspi.extents(app.window)), timeout=10)
        tap(frame is not None, f'full screen: {smatspi.extents(app.window)}, from {before}')
        tap(image_named(app.window, 'Over ') is not None and image_named(app.window, 'In ') is not None,
            'both charts are there, named by their summaries')
        screenshot('journal-tools-presenter')
        keys('Escape')
        back = wait_for(lambda: (lambda f: f if f and f[2] < 1270 else None)(smatspi.extents(app.window)),
                        timeout=10)
        tap(back is not None, f'Escape leaves full screen: {smatspi.extents(app.window)}')
        tap(wait_for(header, timeout=5) is not None, 'the header bar is back')
        screenshot('journal-tools-after-presenter')

        keys('ctrl+r')
        time.sleep(1)
        keys('ctrl+n')
        time.sleep(1)
        keys('alt+w')
        keys('ctrl+a')
        smatspi.type_text('4')
        keys('Tab')
        time.sleep(2)
        folder = os.path.join(scratch, 'data', 'sciatica-map', 'routines')
        plans = []
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            with open(os.path.join(folder, name), encoding='utf-8') as routine:
                plans.append(json.load(routine).get('sessions-per-week'))
        tap(4 in plans, f'Alt+W, 4: the new routine\'s file has "sessions-per-week": 4 ({plans})')
        screenshot('journal-tools-editor')
    finally:
        app.close()


def hold_and_quit(scratch):
    blocker = block_journal(scratch)
    app = App(scratch)
    try:
        if not tap(app.app is not None, 'a second app shows up, with no journal'):
            return
        keys('ctrl+j')
        time.sleep(1.5)
        empty = [n for n in walk(app.window) if n.getRole() == pyatspi.ROLE_LABEL and
                 (n.name or '').startswith('No sessions with a pain score') and smatspi.is_laid_out(n)]
        tap(len(empty) == 1, f'the empty Journal page says "No sessions with a pain score…" once ({len(empty)})')
        screenshot('journal-tools-empty')

        keys('ctrl+f')
        smatspi.type_text('sacral border')
        keys('Return')
        tap(wait_for(label_shown(app.window, 'Where to find it'), timeout=10) is not None,
            'Enter opens the sacral border\'s page')
        keys('alt+t')
        offer = wait_for(label_shown(app.window, 'Time is up for Sacral border'), timeout=40)
        tap(offer is not None, f'after its hold: "{offer.name if offer else "Time is up …"}"')
        screenshot('journal-tools-hold')
        # A screen reader reads the button once, without the underscore of
        # its mnemonic (GTK 4.8 names it "_Log This Hold Log This Hold").
        names = sorted(smatspi.accessible_name(n) for n in walk(app.window)
                       if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and smatspi.is_laid_out(n) and
                       'Log This Hold' in smatspi.accessible_name(n).replace('_', ''))
        tap(names == ['Log This Hold'], f'the offer\'s button reads "Log This Hold" ({names})')
        # Tab from where the focus is to "Pain 2 of 10", Space.
        for _ in range(60):
            node = smatspi.focused(app.app)
            if node is not None and (node.name or '') == 'Pain 2 of 10':
                break
            keys('Tab', delay=0.15)
        keys('space')
        keys('alt+l')
        tap(wait_for(lambda: find_named(app.window, pyatspi.ROLE_LABEL, 'Time is up for Sacral border',
                                        laid_out=True) is None, timeout=5) is not None,
            'Alt+L logs it and the offer goes')

        keys('ctrl+q')
        question = wait_for(label_shown(app.app, '1 session is not saved to the journal'), timeout=10)
        tap(question is not None, 'Ctrl+Q: "1 session is not saved to the journal"')
        screenshot('journal-tools-quit')
        keys('Escape')
        time.sleep(1.5)
        tap(app.alive() and find_named(app.app, pyatspi.ROLE_LABEL, '1 session is not saved',
                                       laid_out=True) is None, 'Escape (Cancel) stays in the app')

        keys('ctrl+q')
        tap(wait_for(label_shown(app.app, '1 session is not saved'), timeout=10) is not None, 'Ctrl+Q asks again')
        keys('alt+s')
        again = wait_for(label_shown(app.app, 'Could not save to the journal'), timeout=10)
        tap(again is not None and app.alive(), 'Save Again with the folder still unusable: asked again, with why')

        os.unlink(blocker)
        os.makedirs(blocker)
        keys('alt+s')
        tap(wait_for(lambda: None if app.alive() else True, timeout=15) is not None,
            'the folder mended, Save Again: the app quits')
    finally:
        app.close()
    rows = journal_rows(blocker, 'routine, pain_before, pain_after, single_hold, steps_done')
    tap(len(rows) == 1 and rows[0][1:] == (None, 2, 1, 1) and rows[0][0].startswith('Sacral border'),
        f'the journal file has the hold, a single hold with pain 2: {rows}')


def block_journal(scratch):
    """A plain file where the app's data folder should be: no journal
    can be written until it is mended. Returns its path."""
    data = os.path.join(scratch, 'data')
    os.makedirs(data)
    blocker = os.path.join(data, 'sciatica-map')
    with open(blocker, 'w', encoding='utf-8') as out:
        out.write('not a folder')
    return blocker


def journal_rows(folder, columns):
    """@columns of every entry in the journal file in @folder, read-only;
    none when the app never wrote one."""
    path = os.path.join(folder, 'journal.sqlite3')
    if not os.path.exists(path):
        return []
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        return db.execute(f'SELECT {columns} FROM entry').fetchall()
    finally:
        db.close()


def close_during_session(scratch):
    blocker = block_journal(scratch)
    app = App(scratch)
    try:
        if not tap(app.app is not None, 'close: a third app shows up, its journal unusable'):
            return
        keys('ctrl+r')
        row = wait_for(lambda: find_named(app.window, pyatspi.ROLE_LIST_ITEM, 'Piriformis relief', laid_out=True))
        if not tap(row is not None, 'Ctrl+R lists "Piriformis relief"'):
            return
        smatspi.click_in(app.wid, app.window, row)
        # The routine's Start, not the hold timer's (further right, in the bar).
        start = wait_for(lambda: min((n for n in walk(app.window) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                                      (n.name or '').replace('_', '').startswith('Start') and
                                      smatspi.is_laid_out(n)), key=lambda n: smatspi.extents(n)[0], default=None))
        if not tap(start is not None, 'the routine has Start'):
            return
        smatspi.click_in(app.wid, app.window, start)
        tap(wait_for(label_shown(app.window, 'How is the pain now?'), timeout=10) is not None,
            'the guided session runs')
        time.sleep(2)
        keys('ctrl+w')
        question = wait_for(label_shown(app.app, '1 session is not saved to the journal'), timeout=10)
        tap(question is not None and app.alive(),
            'Ctrl+W while it runs: "1 session is not saved to the journal", the app still open')
        screenshot('journal-tools-close-session')
        keys('Escape')
        time.sleep(1.5)
        tap(app.alive(), 'Escape (Cancel) stays in the app')

        os.unlink(blocker)
        os.makedirs(blocker)
        keys('ctrl+q')
        tap(wait_for(lambda: None if app.alive() else True, timeout=15) is not None,
            'the folder mended, Ctrl+Q: the waiting session is written and the app quits, nothing asked')
    finally:
        app.close()
    rows = journal_rows(blocker, 'routine, partial, single_hold')
    tap(rows == [('Piriformis relief', 1, 0)],
        f'the journal file has the session that ran when the window closed, partial: {rows}')


def run():
    wm = start_wm()
    tap(wait_for(has_wm, timeout=60) is not None, 'a window manager runs')
    first = tempfile.mkdtemp(prefix='sm-journal-tools-')
    second = tempfile.mkdtemp(prefix='sm-journal-tools-')
    try:
        prepare(first, SETTINGS)
        starts = smjournal.write(os.path.join(first, 'data', 'sciatica-map', 'journal.sqlite3'))
        page_and_report(first, starts)
        prepare(second, dict(SETTINGS, **{'log-single-holds': 'true'}))
        hold_and_quit(second)
        third = tempfile.mkdtemp(prefix='sm-journal-tools-')
        try:
            prepare(third, SETTINGS)
            close_during_session(third)
        finally:
            shutil.rmtree(third, ignore_errors=True)
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait()
        shutil.rmtree(first, ignore_errors=True)
        shutil.rmtree(second, ignore_errors=True)


def main():
    run_on_own_server(run)


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
