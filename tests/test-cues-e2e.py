#!/usr/bin/python3
# test-cues-e2e.py: a guided session hands-free, in the real app, heard
# through a real sound server: a private PulseAudio with a null sink, its
# monitor recorded with parec, the RMS of 250 ms windows.
#
#   sounds        each cue the app logs is heard when it is due, and the
#                 middle of each hold is silent
#   speech        spoken cues through a private Speech Dispatcher and
#                 espeak-ng, in English and in German: speech at each
#                 announcement, in the language of the translation
#   no daemon     no Speech Dispatcher (its socket absent), and one that
#                 never answers: the session runs, the sounds play, and
#                 Preferences says why within a second
#   full screen   F11 shows the session across the whole 1920×1080 screen:
#                 countdown digits at least 120 px tall, the step, side and
#                 tool, "Next: …", the controls (Space, +, A, N, the media
#                 keys), the summary; a screenshot, and one at 25 %
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

import smatspi
from smatspi import pyatspi, wait_for, walk, find_named, label_shown
from smaudio import PulseAudio, Recorder, SpeechDispatcher, SilentSocket, median
from smcues import App, routine, SOUNDING, sound_latencies
from smxserver import XServer

tap = smatspi.Tap()
SHOTS = os.environ.get('SM_E2E_SHOTS')
QUIET = 0.004      # RMS of full scale: below this a window is silence
LOUD = 0.01


def silent_between(recorder, cues, gap=0.9, tail=1.2):
    """The windows at least @tail after a cue and @gap before the next
    are silent: (silent windows, loud windows)."""
    quiet = loud = 0
    times = sorted(t for _, t, _ in cues)
    for a, b in zip(times, times[1:]):
        t = a + tail
        while t + 0.25 <= b - gap:
            if recorder.rms(t) < QUIET:
                quiet += 1
            else:
                loud += 1
            t += 0.25
    return quiet, loud


# --- 1. Sounds ---------------------------------------------------------------

def sounds():
    with PulseAudio() as pulse, Recorder(pulse) as recorder:
        app = App(pulse.env, routines=[('short', routine('Short holds', 4, 3, 2))])
        try:
            if not tap(app.app is not None, 'sounds: the app shows up'):
                tap.diag('\n'.join(app.log.lines[-20:]))
                return
            if not tap(app.start_session('Short holds') is not None, 'a session starts from its routine'):
                return
            wait_for(lambda: len(app.cues(SOUNDING)) >= 15, timeout=60)
            time.sleep(1.5)
            cues = app.cues(SOUNDING)
            tap(len(cues) >= 15, f'the session logs its cues ({len(cues)})')
            heard = [recorder.rms(t) for _, t, _ in cues]
            loud = sum(1 for r in heard if r > LOUD)
            tap(loud == len(cues), f'every cue is heard in its 250 ms window ({loud} of {len(cues)}; '
                f'RMS {", ".join(f"{r:.3f}" for r in heard)})')
            quiet, noisy = silent_between(recorder, cues)
            tap(quiet >= 8 and noisy == 0, f'and between cues there is silence ({quiet} quiet windows, '
                f'{noisy} loud)')
            tap.diag('; '.join(f'{k} {t - cues[0][1]:.2f}s rms {recorder.rms(t):.3f} onset {o}'
                               for (k, t, _), o in zip(cues, sound_latencies(recorder, cues))))
            latencies = [x for x in sound_latencies(recorder, cues) if x is not None]
            if latencies:
                tap.diag(f'sound latency: median {1000 * median(latencies):.0f} ms of {len(latencies)}')
        finally:
            app.close()


# --- 2. Speech ---------------------------------------------------------------

SPOKEN = {'step', 'switch', 'rest', 'end', 'done'}
WORDS = {'en': ('Next: Piriformis, left side.', 'Rest for 3 seconds.'),
         'de': ('Als Nächstes: Piriformis, linke Seite.', 'Pause für 3 Sekunden.')}


def speech(language):
    with PulseAudio() as pulse, SpeechDispatcher(pulse) as speechd, Recorder(pulse) as recorder:
        app = App(speechd.env, settings={'timer-sound': 'false', 'spoken-cues': 'true'},
                  routines=[('talk', routine('Spoken holds', 10, 2, 3))],
                  language=None if language == 'en' else language)
        try:
            if not tap(app.app is not None, f'speech ({language}): the app shows up'):
                return
            if not tap(app.start_session('Spoken holds') is not None, 'a session starts'):
                return
            said = wait_for(lambda: len(app.cues(spoken=True)) >= 2 and app.cues(spoken=True), timeout=60)
            time.sleep(6)
            said = app.cues(spoken=True)
            texts = [c[2] for c in said]
            first, rest = WORDS[language]
            tap(len(said) >= 2 and texts[0].startswith(first) and texts[1].startswith(rest),
                f'it says {texts[:2]}')
            onsets = [recorder.onset(t, limit=1.5) for _, t, _ in said[:2]]
            tap(all(o is not None for o in onsets),
                f'and is heard: speech {", ".join(f"{1000 * o:.0f} ms" if o is not None else "never" for o in onsets)} '
                'after each cue')
            # The second round's hold (10 s) has nothing to say.
            starts = [t for k, t, _ in app.cues({'start'})]
            if len(starts) >= 2:
                quiet = [recorder.rms(starts[1] + 2 + 0.25 * i) for i in range(20)]
                tap(max(quiet) < QUIET, f'the hold itself is quiet (max RMS {max(quiet):.4f})')
            else:
                tap(False, f'the second hold began ({len(starts)} starts)')
        finally:
            app.close()


# --- 3. No speech daemon -------------------------------------------------------

def preferences_problem(app, opened):
    """The status line under Spoken Cues, and how long after @opened it
    showed."""
    def shown():
        for node in walk(app.app):
            if (node.getRole() == pyatspi.ROLE_LABEL and 'Speech Dispatcher' in (node.name or '')
                    and smatspi.is_laid_out(node)):
                return node
        return None
    node = wait_for(shown, timeout=5, interval=0.05)
    return (node.name if node is not None else None), time.monotonic() - opened


def no_daemon(case):
    with PulseAudio() as pulse, Recorder(pulse) as recorder, tempfile.TemporaryDirectory() as folder:
        env = dict(pulse.env)
        silent = None
        if case == 'absent':
            env['SPEECHD_ADDRESS'] = f'unix_socket:{folder}/no-such.sock'
            expected = 'Speech Dispatcher is not running'
        else:
            silent = SilentSocket(folder).__enter__()
            env['SPEECHD_ADDRESS'] = f'unix_socket:{silent.path}'
            expected = 'Speech Dispatcher does not answer'
        app = App(env, settings={'spoken-cues': 'true'}, routines=[('short', routine('Short holds', 4, 2, 2))])
        try:
            if not tap(app.app is not None, f'no daemon ({case}): the app shows up'):
                return
            app.keys('ctrl+comma')
            opened = time.monotonic()
            text, took = preferences_problem(app, opened)
            decided = next((int(m.group(1)) for m in map(re.compile(r'Speech unavailable (\d+) ms after asking').search,
                                                          app.log.lines) if m), None)
            tap(decided is not None and decided <= 1000,
                f'the app knows speech is unavailable {decided} ms after it asked')
            tap(text is not None and text.startswith(expected),
                f'Preferences says "{text}" (read over AT-SPI {took:.2f} s after it opened)')
            app.keys('Escape')
            app.xdotool('windowfocus', '--sync', app.wid)
            if not tap(app.start_session('Short holds') is not None, 'a session starts all the same'):
                return
            wait_for(lambda: len(app.cues(SOUNDING)) >= 8, timeout=40)
            cues = app.cues(SOUNDING)
            # The newest cue's sound has only just started: let the recorder
            # take in its whole window before measuring it (as part 1 does).
            time.sleep(1.5)
            heard = sum(1 for _, t, _ in cues if recorder.rms(t) > LOUD)
            tap(len(cues) >= 8 and heard == len(cues), f'the session runs and its sounds play ({heard} of '
                f'{len(cues)} cues heard)')
            tap(not app.cues(spoken=True), 'and nothing is sent to be said')
            tap(app.process.poll() is None, 'the app is still running')
        finally:
            app.close()
            if silent is not None:
                silent.__exit__(None, None, None)


# --- 4. Full screen ------------------------------------------------------------

def ink_height(path, box, background_tolerance=60):
    """Rows of @box (x, y, w, h in screen pixels) of the PNG at @path that
    hold pixels far from the box's corner colour: the text's height."""
    import gi
    gi.require_version('GdkPixbuf', '2.0')
    from gi.repository import GdkPixbuf
    pixbuf = GdkPixbuf.Pixbuf.new_from_file(path)
    pixels, stride, n = pixbuf.get_pixels(), pixbuf.get_rowstride(), pixbuf.get_n_channels()
    x0, y0, w, h = box
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(pixbuf.get_width(), x0 + w), min(pixbuf.get_height(), y0 + h)
    bg = pixels[y0 * stride + x0 * n: y0 * stride + x0 * n + 3]
    rows = []
    for y in range(y0, y1):
        for x in range(x0, x1, 2):
            o = y * stride + x * n
            if sum(abs(pixels[o + i] - bg[i]) for i in range(3)) > background_tolerance:
                rows.append(y)
                break
    return (rows[-1] - rows[0] + 1) if rows else 0


def screenshot(env, name):
    folder = SHOTS or tempfile.gettempdir()
    path = os.path.join(folder, f'cues-{name}.png')
    subprocess.run(['import', '-window', 'root', path], env=env, check=True)
    return path


def labels(app):
    return [n.name for n in walk(app.window) if n.getRole() == pyatspi.ROLE_LABEL and n.name and
            smatspi.is_laid_out(n)]


def full_screen():
    with XServer(1920, 1080) as server, PulseAudio() as pulse:
        env = dict(pulse.env, DISPLAY=server.env['DISPLAY'])
        env.pop('XAUTHORITY', None)
        app = App(env, settings={'timer-sound': 'false', 'get-ready': 'false'},
                  routines=[('long', routine('Across the room', 40, 2, 5))])
        try:
            if not tap(app.app is not None, 'full screen: the app shows up'):
                return
            if not tap(app.start_session('Across the room') is not None, 'a session starts'):
                return
            tap(wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Full Screen', laid_out=True),
                         timeout=10) is not None, 'the session page offers "Full Screen"')
            app.keys('F11', delay=1.5)
            view = wait_for(lambda: find_named(app.window, pyatspi.ROLE_PANEL, 'Guided Session, Full Screen',
                                               laid_out=True) or
                            next((n for n in walk(app.window) if (n.name or '') == 'Guided Session, Full Screen'
                                  and smatspi.is_laid_out(n)), None), timeout=10)
            if not tap(view is not None, 'F11 shows the full-screen session view'):
                tap.diag(', '.join(labels(app))[:1500])
                return
            _, _, width, height = smatspi.extents(app.window)
            tap(width >= 1900 and height >= 1060, f'across the whole screen ({width}×{height})')
            # A screen reader reads each button once, without the underscore
            # of its mnemonic (GTK 4.8 would say "P_ause Pause").
            buttons = sorted(smatspi.accessible_name(n) for n in walk(view)
                             if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and smatspi.is_laid_out(n))
            tap(len(buttons) >= 5 and not any('_' in b for b in buttons),
                f'its buttons read once, without underscores ({buttons})')
            shown = labels(app)
            for text in ('Step 1 of 1 · round 1 of 2', 'Piriformis', 'Left side · Tennis or massage ball',
                         'Next: Piriformis, left side', 'Hold'):
                tap(text in shown, f'it shows "{text}"')
            clock = next((n for n in walk(view) if n.getRole() == pyatspi.ROLE_LABEL and
                          re.match(r'^\d:\d\d$', n.name or '')), None)
            if not tap(clock is not None, 'and the countdown'):
                tap.diag(', '.join(shown))
                return
            before = clock.name
            path = screenshot(env, 'fullscreen')
            x, y, w, h = smatspi.extents(clock)
            out = app.xdotool('getwindowgeometry', '--shell', app.wid)
            geometry = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
            dx = int(geometry['X']) + (int(geometry['WIDTH']) - width) // 2
            dy = int(geometry['Y']) + (int(geometry['HEIGHT']) - height) // 2
            tall = ink_height(path, (x + dx, y + dy, w, h))
            tap.diag(f'countdown label at {x + dx},{y + dy} {w}×{h} on the screen')
            tap(tall >= 120, f'the countdown\'s digits stand {tall} px tall on the 1080 px screen')
            small = os.path.join(os.path.dirname(path), 'cues-fullscreen-25.png')
            subprocess.run(['convert', path, '-resize', '25%', small], check=True)
            tap.diag(f'screenshots: {path}, {small}')

            app.keys('plus', delay=1.0)
            after = clock.name
            secs = lambda c: int(c.split(':')[0]) * 60 + int(c.split(':')[1])  # noqa: E731
            tap(secs(after) >= secs(before) + 13, f'"+" adds 15 s ({before} → {after})')
            app.keys('space', delay=1.0)
            tap('Paused' in labels(app), 'Space pauses')
            app.keys('XF86AudioPlay', delay=1.0)
            tap(wait_for(lambda: 'Hold' in labels(app), timeout=3) is not None, 'the Play media key resumes')
            app.keys('XF86AudioNext', delay=1.0)
            progress = wait_for(lambda: next((t for t in labels(app) if t.startswith(('Step', 'Stretch'))), None))
            tap(progress is not None and progress != 'Step 1 of 1 · round 1 of 2',
                f'the Next media key skips on ({progress})')
            app.keys('a', delay=1.0)
            clock = next((n for n in walk(view) if n.getRole() == pyatspi.ROLE_LABEL and
                          re.match(r'^\d:\d\d$', n.name or '')), None)
            tap(clock is not None and secs(clock.name) >= 38, f'A repeats the hold from its start ({clock.name if clock else None})')
            # Through to the end: N on each hold, the summary full screen.
            for _ in range(12):
                if wait_for(label_shown(app.window, 'Session Complete'), timeout=0.5):
                    break
                app.keys('n', delay=0.6)
            tap(wait_for(label_shown(app.window, 'Session Complete'), timeout=10) is not None,
                'the summary shows full screen')
            summary = wait_for(lambda: next((t for t in labels(app) if re.match(r'^\d+ of \d+ holds? completed$', t)),
                                            None), timeout=3)
            tap(summary is not None, f'counting the holds done ({summary})')
            tap(wait_for(label_shown(app.window, 'You held for'), timeout=3) is not None,
                'and the time held')
            screenshot(env, 'fullscreen-summary')
            app.keys('F11', delay=1.5)
            tap(wait_for(lambda: find_named(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Done', laid_out=True),
                         timeout=5) is not None, 'F11 goes back to the session page and its Done')
        finally:
            app.close()


def main():
    parts = os.environ.get('SM_CUES_PARTS', '').split() or ['sounds', 'speech', 'no-daemon', 'full-screen']
    if 'sounds' in parts:
        sounds()
    if 'speech' in parts:
        speech('en')
        speech('de')
    if 'no-daemon' in parts:
        no_daemon('absent')
        no_daemon('silent')
    if 'full-screen' in parts:
        full_screen()


if __name__ == '__main__':
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
