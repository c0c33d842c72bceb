# smaudio.py: real audio for the tests: a private PulseAudio with a null
# sink, a recording of its monitor, and a private Speech Dispatcher that
# speaks through it with espeak-ng. Every daemon is started here and
# stopped here, by its process id.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import array
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

RATE = 16000          # the recording's samples per second (mono, s16le)
WINDOW = 0.25         # RMS windows, in seconds
CUE = re.compile(r'cue (\S+) at (\d+) us(?:, said: (.*))?$')


def _stop_pid(pid, timeout=10):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class PulseAudio:
    """pulseaudio with a null sink "cap" in a private XDG_RUNTIME_DIR; .env
    carries that folder to whoever should play into it."""

    def __init__(self):
        self.runtime = tempfile.mkdtemp(prefix='sm-pulse-')
        os.chmod(self.runtime, 0o700)
        self.env = dict(os.environ, XDG_RUNTIME_DIR=self.runtime,
                        HOME=self.runtime, PULSE_RUNTIME_PATH=os.path.join(self.runtime, 'pulse'))
        self.env.pop('PULSE_SERVER', None)
        self.pid = None

    def __enter__(self):
        subprocess.run(['pulseaudio', '-n', '--daemonize=yes', '--exit-idle-time=-1',
                        '--use-pid-file=yes', '--system=no',
                        '--load=module-null-sink sink_name=cap',
                        '--load=module-native-protocol-unix'],
                       env=self.env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=30)
        pid_file = os.path.join(self.runtime, 'pulse', 'pid')
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.pid is None:
            try:
                with open(pid_file, encoding='ascii') as f:
                    self.pid = int(f.read().strip())
            except (OSError, ValueError):
                time.sleep(0.1)
        if self.pid is None:
            raise RuntimeError('pulseaudio wrote no pid file')
        for _ in range(50):
            if subprocess.run(['pactl', 'set-default-sink', 'cap'], env=self.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError('pactl cannot reach the private pulseaudio')
        return self

    def __exit__(self, *exc):
        if self.pid is not None:
            _stop_pid(self.pid)
        shutil.rmtree(self.runtime, ignore_errors=True)
        return False


class Recorder:
    """parec on cap.monitor. Each block is stamped with the monotonic time
    it arrived, and its samples are dated back from there: a sample can
    only arrive after it was played, so any delay in the recording makes
    a cue look later, never earlier."""

    def __init__(self, pulse):
        self.pulse = pulse
        self.samples = array.array('h')
        self.stamps = []      # (index of a block's last sample + 1, arrival time)
        self.process = None
        self.thread = None

    def __enter__(self):
        self.process = subprocess.Popen(
            ['parec', '-d', 'cap.monitor', '--format=s16le', f'--rate={RATE}', '--channels=1',
             '--latency-msec=10', '--raw'],
            env=self.pulse.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.stamps and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def _read(self):
        pending = b''
        while True:
            block = self.process.stdout.read(640)
            if not block:
                return
            now = time.monotonic()
            pending += block
            whole = len(pending) // 2 * 2
            self.samples.frombytes(pending[:whole])
            pending = pending[whole:]
            self.stamps.append((len(self.samples), now))

    def __exit__(self, *exc):
        if self.process is not None:
            _stop_pid(self.process.pid)
            self.process.wait()
        if self.thread is not None:
            self.thread.join(timeout=5)
        return False

    def index_at(self, t):
        """The sample played at monotonic time @t (or later: see above)."""
        for end, stamp in self.stamps:
            if stamp >= t:
                return max(0, end - int((stamp - t) * RATE))
        return len(self.samples)

    def time_of(self, index):
        for end, stamp in self.stamps:
            if end > index:
                return stamp - (end - index) / RATE
        return self.stamps[-1][1] if self.stamps else 0.0

    def rms(self, start, length=WINDOW):
        """RMS (of full scale) of @length seconds from monotonic @start."""
        a = self.index_at(start)
        b = min(len(self.samples), a + int(length * RATE))
        if b <= a:
            return 0.0
        return math.sqrt(sum(v * v for v in self.samples[a:b]) / (b - a)) / 32768

    def onset(self, start, limit=2.0, threshold=0.02):
        """Seconds from monotonic @start to the first sample louder than
        @threshold of full scale, within @limit seconds; None if none."""
        a = self.index_at(start)
        b = min(len(self.samples), a + int(limit * RATE))
        level = threshold * 32768
        for i in range(a, b):
            if abs(self.samples[i]) > level:
                return max(0.0, self.time_of(i) - start)
        return None


class SpeechDispatcher:
    """speech-dispatcher on a socket of its own, speaking into @pulse; .env
    is @pulse's with SPEECHD_ADDRESS naming it."""

    def __init__(self, pulse):
        self.pulse = pulse
        self.socket = os.path.join(pulse.runtime, 'speechd.sock')
        self.pid_file = os.path.join(pulse.runtime, 'speechd.pid')
        self.env = dict(pulse.env, SPEECHD_ADDRESS=f'unix_socket:{self.socket}')
        self.pid = None

    def __enter__(self):
        subprocess.run(['speech-dispatcher', '-d', '-t', '0', '-c', 'unix_socket', '-S', self.socket,
                        '-P', self.pid_file, '-L', self.pulse.runtime],
                       env=self.pulse.env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (self.pid is None or not os.path.exists(self.socket)):
            try:
                with open(self.pid_file, encoding='ascii') as f:
                    self.pid = int(f.read().strip())
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        if self.pid is None or not os.path.exists(self.socket):
            raise RuntimeError('speech-dispatcher did not start')
        return self

    def __exit__(self, *exc):
        if self.pid is not None:
            _stop_pid(self.pid)
        return False


class SilentSocket:
    """A Unix socket that takes connections and never answers: a speech
    daemon that hangs."""

    def __init__(self, folder):
        self.path = os.path.join(folder, 'silent.sock')
        self.sock = None

    def __enter__(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(8)
        return self

    def __exit__(self, *exc):
        self.sock.close()
        return False


class CueLog:
    """The app's stderr, read as it comes: its debug lines name each cue
    and the monotonic time it was due (G_MESSAGES_DEBUG=sm-cue-player)."""

    def __init__(self, stream):
        self.cues = []        # (kind, seconds, said or None)
        self.lines = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream):
        for line in iter(stream.readline, b''):
            text = line.decode('utf-8', 'replace').rstrip('\n')
            self.lines.append(text)
            match = CUE.search(text)
            if match:
                self.cues.append((match.group(1), int(match.group(2)) / 1e6, match.group(3)))


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
