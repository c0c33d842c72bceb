#!/usr/bin/env python3
# Writes the seed inputs of the fuzz corpus (tests/fuzz/corpus/<target>/seed-*)
# from the bundled content, the built-in routines, the tests' malformed files
# and the kinds of bad input a loader must survive. Crashers (crash-*) and
# inputs that libFuzzer kept (-merge=1) sit beside them and are left alone.
#
#   tests/fuzz/gen-seeds.py          (from the source root)

import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, 'tests', 'fuzz', 'corpus')

DEEP = 100000       # json-glib overflows its stack about here (it recurses
                    # on the opening bracket: the closing ones are not needed)
ONE_MB = 1 << 20    # build-aux/fuzz's -max_len


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(CORPUS, target, 'seed-' + name), 'wb') as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), 'rb') as f:
        return f.read()


def dump(value):
    # Python writes float('inf') as Infinity, which is not JSON: the number
    # as written in a file is what the seed wants.
    return json.dumps(value, ensure_ascii=False).replace('Infinity', '1e400')


def common_seeds(target, valid):
    """Malformed JSON of every kind, built around a small valid file."""
    text = valid.decode('utf-8')
    write(target, 'empty', b'')
    write(target, 'spaces', b' \n\t\r ')
    write(target, 'null', 'null')
    write(target, 'array', '[]')
    write(target, 'object', '{}')
    write(target, 'string', '"{}"')
    write(target, 'truncated', valid[:len(valid) // 2])
    write(target, 'trailing-garbage', valid + b'}]')
    write(target, 'bom', b'\xef\xbb\xbf' + valid)
    write(target, 'nul-outside', valid + b'\x00')
    write(target, 'nul-inside', valid.replace(b'": "', b'": "\x00', 1))
    write(target, 'escaped-nul', text.replace('": "', '": "\\u0000', 1))
    write(target, 'lone-surrogate', text.replace('": "', '": "\\ud800', 1))
    write(target, 'invalid-utf8-value', valid.replace(b'": "', b'": "\xff\xfe', 1))
    write(target, 'invalid-utf8-tail', valid.replace(b'": "', b'": "\xf0', 1))
    write(target, 'invalid-utf8-key', valid.replace(b'{\n', b'{\n "\xc3": 1,\n', 1))
    write(target, 'duplicate-key-utf8', '{"\xff": 1, "\xff": 2}'.encode('latin-1'))
    write(target, 'duplicate-key-escaped', '{"a": 1, "\\u0061": 2}')
    write(target, 'huge-integer', '{"a": 123456789012345678901234567890}')
    write(target, 'huge-double', '{"a": 1e400, "b": -1e400, "c": 1e-400}')
    write(target, 'int64-edges', '{"a": 9223372036854775807, "b": -9223372036854775808, '
                                 '"c": 18446744073709551616}')
    write(target, 'unclosed-string', '{"a": "')
    write(target, 'unclosed-escape', '{"a": "\\')
    # 262 144 objects deep in the 1 MB that build-aux/fuzz's -max_len
    # allows; DEEP arrays inside a real file are in the target's seeds.
    write(target, 'deep-objects-1mb', b'{"":' * (ONE_MB // 4))


def content_seeds():
    files = sorted(glob.glob(os.path.join(ROOT, 'data', 'content', '*.json')))
    merged = {}
    for path in files:
        write('content', 'bundled-' + os.path.basename(path), read(path))
        merged.update(json.loads(read(path)))
    # Every section in one file: the only single file that validates, so
    # mutations of it reach the building of objects and the search index.
    valid = dump(merged).encode('utf-8')
    write('content', 'all.json', valid)
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests', 'content', '*.json'))):
        write('content', 'test-' + os.path.basename(path), read(path))

    zone = dict(merged['zones'][0])
    for i, (key, value) in enumerate([('hold-seconds', 1e400), ('hold-seconds', 2 ** 64),
                       ('hold-seconds', -(2 ** 63)), ('hold-seconds', 30.5),
                       ('two-sided', False), ('landmarks', ['\U0001F600']),
                       ('name', 'Ä' * 2000), ('synonyms', ['x' * 50000])]):
        bad = dict(merged)
        bad['zones'] = [dict(zone, **{key: value})] + merged['zones'][1:]
        write('content', 'zone-%d-%s' % (i, key), dump(bad))
    write('content', 'deep-in-zone', '{"zones":[{"tools":[' + '[' * DEEP)
    common_seeds('content', read('tests/content/valid.json'))


def routine_seeds():
    builtins = sorted(glob.glob(os.path.join(ROOT, 'data', 'routines', '*.json')))
    for path in builtins:
        write('routine', 'builtin-' + os.path.basename(path), read(path))

    routine = json.loads(read(builtins[0]))
    routine['version'] = 2
    routine['pain'] = [
        {'kind': 'burning', 'intensity': 6, 'view': 'back', 'points': [330, 800, 330.5, 815.25]},
        {'kind': 'numb', 'intensity': 0, 'view': 'front', 'points': [-0.04, 1e-9]},
    ]
    valid = dump(routine).encode('utf-8')
    write('routine', 'pain-v2.json', valid)

    head = {'format': 'sciatica-map-routine', 'version': 1, 'name': 'X'}
    step = {'zone': 'piriformis', 'side': 'left', 'tool': 'ball', 'technique': 'hold',
            'hold-seconds': 30, 'repetitions': 2}
    cases = {
        'wrong-format': {'format': 'something-else', 'version': 1},
        'version-3': dict(head, version=3),
        'version-huge': dict(head, version=2 ** 32 + 1, steps=[]),
        'version-string': dict(head, version='1'),
        'unknown-key': dict(head, steps=[], colour='red'),
        'no-steps': dict(head, patient='P'),
        'steps-object': dict(head, steps={}),
        'step-number': dict(head, steps=[step, 3]),
        'step-unknown-key': dict(head, steps=[dict(step, speed=3)]),
        'step-missing-side': dict(head, steps=[{'zone': 'calf'}]),
        'rest-601': dict(head, steps=[dict(step, **{'rest-seconds': 601})]),
        'rest-negative': dict(head, steps=[dict(step, **{'rest-seconds': -1})]),
        'rest-fraction': dict(head, steps=[dict(step, **{'rest-seconds': 2.5})]),
        'hold-huge': dict(head, steps=[dict(step, **{'hold-seconds': 2 ** 63 - 1})]),
        'note-null': dict(head, steps=[dict(step, note=None)]),
        'side-middle': dict(head, steps=[dict(step, side='middle')]),
        'unknown-zone': dict(head, steps=[dict(step, zone='kneecap')]),
        'name-blank': dict(head, name='  ', steps=[]),
        'created-words': dict(head, created='yesterday', steps=[]),
        'created-year-1-east': dict(head, created='0001-01-01T00:00:00+05:00', steps=[]),
        'created-year-9999-west': dict(head, created='9999-12-31T23:59:59-05:00', steps=[]),
        'created-year-999': dict(head, created='0999-01-01T00:00:00Z', steps=[]),
        'created-fraction': dict(head, created='2026-01-31T18:00:00.999999Z',
                                 modified='2026-01-31T18:00:00+14:00', steps=[]),
        'pain-in-v1': dict(head, steps=[], pain=[]),
        'pain-object': dict(head, version=2, steps=[], pain={}),
        'pain-odd-points': dict(head, version=2, steps=[], pain=[
            {'kind': 'numb', 'intensity': 3, 'view': 'back', 'points': [1, 2, 3]}]),
        'pain-huge-points': dict(head, version=2, steps=[], pain=[
            {'kind': 'sharp', 'intensity': 10, 'view': 'back', 'points': [1e308, -1e308]}]),
        'pain-intensity-11': dict(head, version=2, steps=[], pain=[
            {'kind': 'aching', 'intensity': 11, 'view': 'front', 'points': [1, 2]}]),
    }
    for name, value in cases.items():
        write('routine', name + '.json', dump(value))
    write('routine', 'duplicate-hold', dump(dict(head, steps=[step])).replace(
        '"hold-seconds": 30', '"hold-seconds": 30, "hold-seconds": 10'))
    hostile_routine_seeds(head, step)
    write('routine', 'deep-in-steps', '{"format": "sciatica-map-routine", "version": 1, "name": "X", '
          '"steps": ' + '[' * DEEP)
    common_seeds('routine', valid)


def hostile_routine_seeds(head, step):
    """Issue 14: numbers json-glib reads in other bases, integers beyond 64
    bits, values and counts past the format's limits (src/model/sm-routine.h,
    src/model/sm-pain-drawing.h), and more values than the raw scan lets through
    to json-glib."""
    one_step = dump(dict(head, steps=[step]))
    for name, number in [('octal', '060'), ('hex', '0x0a'), ('binary', '0b1'), ('plus', '+30'),
                         ('dot', '30.'), ('nan', 'NaN'), ('infinity', 'Infinity'),
                         ('int64-over', '9223372036854775808'),
                         ('int64-under', '-9223372036854775809'),
                         ('uint64-over', '18446744073709551617')]:
        write('routine', 'number-' + name, one_step.replace('"hold-seconds": 30',
                                                            '"hold-seconds": ' + number))
    v2 = dict(head, version=2)
    stroke = {'kind': 'aching', 'intensity': 3, 'view': 'back', 'points': [300, 700]}
    write('routine', 'coordinate-over', dump(dict(v2, steps=[], pain=[stroke])).replace(
        '[300, 700]', '[300, 99999999999999999999]'))
    write('routine', 'side-30000', dump(dict(head, steps=[dict(step, side='l' * 30000)])))
    write('routine', 'key-30000', dump(dict(head, steps=[], **{'k' * 30000: 1})))
    write('routine', 'name-100000', dump(dict(head, name='N' * 100000, steps=[])))
    write('routine', 'name-spaces', dump(dict(head, name=' sciatica plan ', steps=[step])))
    write('routine', 'notes-10001', dump(dict(head, notes='o' * 10001, steps=[])))
    write('routine', 'steps-501', dump(dict(head, steps=[step] * 501)))
    write('routine', 'strokes-1001', dump(dict(v2, steps=[], pain=[stroke] * 1001)))
    write('routine', 'points-52000', dump(dict(v2, steps=[], pain=[
        dict(stroke, points=[1, 2] * 4000)] * 13)))
    # 120 000 empty strokes: bare values, counted before json-glib sees them.
    write('routine', 'values-120000', dump(dict(v2, steps=[], pain=[])).replace(
        '"pain": []', '"pain": [' + ','.join(['{}'] * 120000) + ']'))


def main():
    for target in ('content', 'routine'):
        os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
        for old in glob.glob(os.path.join(CORPUS, target, 'seed-*')):
            os.remove(old)
    content_seeds()
    routine_seeds()


if __name__ == '__main__':
    main()
