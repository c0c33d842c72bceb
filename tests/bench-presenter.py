#!/usr/bin/python3
# bench-presenter.py: runs bench-presenter (the path is its argument) on an
# X server of its own, 3840×2160 with openbox, so that presenter mode's
# full screen is a 4K screen whatever server the suite runs on.
#
# One run gives one first presenter frame, and its time swings with the
# kernel's page faults (see bench-presenter.c), so the program runs RUNS
# times, each a new process, and the figures are medians with their ranges.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import smxserver  # noqa: E402

RUNS = 5

# What each run prints, as (name, pattern, format) for the summary.
FIGURES = [
    ('first frame of the window at 1100×760', r'window at 1100×760: ([\d.]+) ms', '{:.1f} ms'),
    ('first presenter frame after F11', r'after F11 \(win\.present\): ([\d.]+) ms', '{:.1f} ms'),
    ('  as a ratio to the window\'s first frame (target ≤ 2)', r'= ([\d.]+)× the window', '{:.2f}×'),
    ('  page faults in it', r'; (\d+) page faults', '{:.0f}'),
    ('the presenter map\'s whole frame', r'all of it\): median ([\d.]+) ms', '{:.2f} ms'),
    ('presenter hover frame, % of a full render (target ≤ 1 %)', r'= ([\d.]+) % of a full render \(target', '{:.2f} %'),
    ('presenter at rest, a muscle pulsing: share of a core', r'CPU = ([\d.]+) % of a core', '{:.1f} %'),
    ('  CPU per pulse frame, % of a full render', r'a frame = ([\d.]+) % of a full render', '{:.2f} %'),
]


def run_once(program):
    """Runs the program once; returns its output, echoed as it was."""
    result = subprocess.run(program, stdout=subprocess.PIPE, text=True)
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    if result.returncode != 0:
        raise RuntimeError(f'{program[0]} exited with {result.returncode}')
    return result.stdout


def figure(output, pattern):
    match = re.search(pattern, output)
    if match is None:
        raise RuntimeError(f'no figure matching {pattern!r} in the output')
    return float(match.group(1))


def summarize(outputs):
    print(f'\nmedians of {len(outputs)} runs, each a new process (range):')
    for name, pattern, form in FIGURES:
        values = [figure(output, pattern) for output in outputs]
        print(f'{name}: {form.format(statistics.median(values))} '
              f'({form.format(min(values))} – {form.format(max(values))})')


def main():
    outputs = []

    def runs():
        for i in range(RUNS):
            print(f'run {i + 1} of {RUNS}:', flush=True)
            outputs.append(run_once(sys.argv[1:]))

    smxserver.run_on_own_server(runs, 3840, 2160)
    summarize(outputs)
    return 0


if __name__ == '__main__':
    sys.exit(main())
