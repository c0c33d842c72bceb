#!/usr/bin/python3
# bench-cues.py: cue latency, from the timer's event (the time the app logs
# for each cue) to the first audible sample in a recording of the sound
# server (a private PulseAudio's null sink, parec on its monitor).
#
#   sounds   20 cues of a short session (countdown ticks, starts, ends):
#            median ≤ 100 ms
#   speech   20 spoken cues through a private Speech Dispatcher and
#            espeak-ng ("Switch to the right side.", "Done. Next: …"),
#            each after silence: median ≤ 400 ms
#
# The recording dates each sample from when its block arrived, so a delay
# in the recording only makes a cue look later: the figures are upper
# bounds. Run with meson test -C _build --benchmark cue-latency.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import smatspi
from smatspi import wait_for
from smaudio import PulseAudio, Recorder, SpeechDispatcher, median
from smcues import App, routine, SOUNDING, sound_latencies

tap = smatspi.Tap()
N = 20
GOALS = {'sounds': 0.100, 'speech': 0.400}


def report(what, latencies):
    found = [x for x in latencies if x is not None]
    ms = ', '.join(f'{1000 * x:.0f}' if x is not None else 'silent' for x in latencies)
    tap.diag(f'{what}: {ms} ms')
    if len(latencies) < N or len(found) < len(latencies):
        tap(False, f'{what}: {len(found)} cues heard of the {N} to measure ({len(latencies)} taken)')
        return
    m = median(found)
    tap(m <= GOALS[what], f'{what}: median cue latency {1000 * m:.0f} ms of {len(found)} cues '
        f'(max {1000 * max(found):.0f} ms; goal ≤ {1000 * GOALS[what]:.0f} ms)')


def sounds():
    with PulseAudio() as pulse, Recorder(pulse) as recorder:
        app = App(pulse.env, routines=[('bench', routine('Latency', 4, 4, 2))])
        try:
            if not tap(app.app is not None and app.start_session('Latency') is not None,
                       'sounds: a session runs'):
                return
            wait_for(lambda: len(app.cues(SOUNDING)) >= N, timeout=90)
            time.sleep(1.5)
            report('sounds', sound_latencies(recorder, app.cues(SOUNDING)[:N]))
        finally:
            app.close()


def speech():
    with PulseAudio() as pulse, SpeechDispatcher(pulse) as speechd, Recorder(pulse) as recorder:
        app = App(speechd.env, settings={'timer-sound': 'false', 'spoken-cues': 'true',
                                         'get-ready': 'false', 'switch-sides': 'true'},
                  routines=[('bench', routine('Latency', 7, 13, 0, tool='hands'))])
        try:
            if not tap(app.app is not None and app.start_session('Latency') is not None,
                       'speech: a session runs'):
                return
            # Only a cue that begins in silence measures the latency.
            def quiet():
                return [c for c in app.cues({'switch', 'end'}, spoken=True)[:-1]
                        if recorder.rms(c[1] - 0.3, 0.3) < 0.002]
            wait_for(lambda: len(quiet()) >= N, timeout=300, interval=1)
            time.sleep(3)
            cues = app.cues({'switch', 'end'}, spoken=True)
            quiet = quiet()
            tap.diag(f'{len(quiet)} of {len(cues)} spoken cues began in silence')
            report('speech', [recorder.onset(t, limit=2.0) for _, t, _ in quiet[:N]])
        finally:
            app.close()


def main():
    sounds()
    speech()


if __name__ == '__main__':
    import sys
    if '--inner' in sys.argv:
        tap.run(main)
    else:
        smatspi.run_on_private_bus(__file__)
