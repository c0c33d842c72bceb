#!/usr/bin/python3
# bench-presenter.py: runs bench-presenter (the path is its argument) on an
# X server of its own, 3840×2160 with openbox, so that presenter mode's
# full screen is a 4K screen whatever server the suite runs on.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import smxserver  # noqa: E402


def main():
    status = []
    smxserver.run_on_own_server(lambda: status.append(subprocess.run(sys.argv[1:]).returncode),
                                3840, 2160)
    return status[0]


if __name__ == '__main__':
    sys.exit(main())
