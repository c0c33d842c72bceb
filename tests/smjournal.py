# smjournal.py: a progress journal written the way the app writes it
# (schema version 3), for tests that need sessions before the app starts.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import time

SCHEMA = """
CREATE TABLE entry (
  id INTEGER PRIMARY KEY, routine TEXT NOT NULL, steps TEXT NOT NULL,
  started INTEGER NOT NULL, ended INTEGER NOT NULL,
  steps_done INTEGER NOT NULL, steps_skipped INTEGER NOT NULL,
  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '', partial INTEGER NOT NULL DEFAULT 0, drawing TEXT,
  flagged INTEGER NOT NULL DEFAULT 0,
  single_hold INTEGER NOT NULL DEFAULT 0, plan INTEGER NOT NULL DEFAULT 0);
CREATE INDEX entry_started ON entry (started);
CREATE TABLE step_flag (
  entry INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  position INTEGER NOT NULL, flags INTEGER NOT NULL, PRIMARY KEY (entry, position));
PRAGMA user_version = 3;
"""

STEPS = json.dumps([{'zone': 'piriformis', 'side': 'left', 'hold': 30, 'title': 'Piriformis'}])


def stroke(kind, view, points, intensity=2):
    return {'kind': kind, 'intensity': intensity, 'view': view, 'points': points}


# A leg on the back view: the first drawing reaches the calf, the latest
# only the buttock, as it is when the massage helps.
FIRST_DRAWING = [stroke('sharp', 'back', [330, 700, 340, 800, 345, 950, 350, 1100, 352, 1250], 3),
                 stroke('aching', 'back', [300, 640, 340, 660, 370, 700])]
LATEST_DRAWING = [stroke('aching', 'back', [300, 640, 340, 660, 370, 700], 1)]


def write(path, days=28, plan=3, drawings=True, now=None, every=2):
    """A session every @every days for @days days, pain going down.
    Returns the sessions' start times (Unix seconds), oldest first."""
    now = int(now or time.time())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    rows = list(range(days, 0, -every))
    for n, day in enumerate(rows):
        started = now - day * 86400
        drawing = None
        if drawings and n == 0:
            drawing = json.dumps(FIRST_DRAWING)
        elif drawings and n == len(rows) - 1:
            drawing = json.dumps(LATEST_DRAWING)
        before = max(0, 7 - n // 3)
        after = max(0, before - 2)
        db.execute('INSERT INTO entry (routine, steps, started, ended, steps_done, steps_skipped,'
                   ' pain_before, pain_after, note, partial, drawing, flagged, single_hold, plan)'
                   ' VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?, 0, ?, 0, 0, ?)',
                   ('Piriformis relief', STEPS, started, started + 600, before, after,
                    'Easier to sit' if n == 2 else '', drawing, plan))
    db.commit()
    db.close()
    return [now - day * 86400 for day in rows]
