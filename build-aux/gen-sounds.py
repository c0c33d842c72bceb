#!/usr/bin/env python3
# gen-sounds.py: makes the guided session's sounds (data/sounds/*.ogg)
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every sound is synthesised here from sine partials with envelopes, so
# the app ships no recording of anyone's. Soft, short and clearly apart
# from each other: a tick for the countdown, a rising pair of notes for
# "hold now", two pips for ten seconds left, a bell for the end of a hold,
# a falling pair for "other side", and a three-note chord for the end of
# the session. Each starts at once (a few milliseconds of attack), so the
# cue is heard when it is due. The files are committed; run this again
# only to change a sound:
#
#   build-aux/gen-sounds.py          (needs python3 and oggenc, vorbis-tools)

import math
import os
import struct
import subprocess
import sys
import tempfile
import wave

RATE = 44100
PEAK = 0.5   # of full scale: a calm level, with headroom for the partials


def note(freq, length, partials=((1.0, 1.0),), attack=0.004, decay=4.0):
    """A note of @length seconds: partials are (ratio, amplitude); the
    envelope rises in @attack seconds and falls exponentially."""
    samples = []
    n = int(length * RATE)
    release = int(0.01 * RATE)
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-decay * t)
        if i > n - release:                 # no click at the end
            env *= (n - i) / release
        v = sum(a * math.sin(2 * math.pi * freq * r * t) for r, a in partials)
        samples.append(env * v)
    return samples


def silence(length):
    return [0.0] * int(length * RATE)


def mix(*tracks):
    """Tracks as (start in seconds, samples), summed."""
    end = max(int(start * RATE) + len(s) for start, s in tracks)
    out = [0.0] * end
    for start, s in tracks:
        offset = int(start * RATE)
        for i, v in enumerate(s):
            out[offset + i] += v
    return out


BELL = ((1.0, 1.0), (2.0, 0.45), (2.76, 0.25), (5.4, 0.1))
SOFT = ((1.0, 1.0), (2.0, 0.2))

SOUNDS = {
    # A short wooden tick, for each second of the countdown.
    'get-ready': note(1200, 0.08, ((1.0, 1.0), (2.3, 0.3)), attack=0.002, decay=45),
    # Rising fifth: hold now.
    'start': mix((0, note(587.33, 0.25, SOFT, decay=8)),
                 (0.12, note(880.0, 0.35, SOFT, decay=7))),
    # Two light pips: ten seconds left.
    'ten-seconds': mix((0, note(987.77, 0.12, SOFT, decay=20)),
                       (0.2, note(987.77, 0.12, SOFT, decay=20))),
    # A bell: the hold is over.
    'end': note(523.25, 1.0, BELL, decay=3.5),
    # Falling fourth: the same hold on the other side.
    'switch-sides': mix((0, note(659.26, 0.3, SOFT, decay=7)),
                        (0.18, note(493.88, 0.45, SOFT, decay=5))),
    # A major chord, note by note: the session is complete.
    'session-done': mix((0, note(523.25, 1.4, BELL, decay=2.5)),
                        (0.15, note(659.26, 1.25, BELL, decay=2.5)),
                        (0.3, note(783.99, 1.1, BELL, decay=2.5))),
}


def write_wav(path, samples):
    top = max(abs(v) for v in samples) or 1.0
    frames = b''.join(struct.pack('<h', int(v / top * PEAK * 32767)) for v in samples)
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.join(root, 'data', 'sounds')
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, samples in SOUNDS.items():
            wav = os.path.join(tmp, name + '.wav')
            write_wav(wav, samples + silence(0.02))
            subprocess.run(['oggenc', '--quiet', '-q', '3', '--discard-comments',
                            '-o', os.path.join(out_dir, name + '.ogg'), wav], check=True)
            print(name + '.ogg')
    return 0


if __name__ == '__main__':
    sys.exit(main())
