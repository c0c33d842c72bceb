# anatomy_referrals.py: the referred-pain patterns and the named body
# regions of the anatomy SVGs, for build-aux/gen-anatomy.py.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Both are hidden overlay groups drawn on the skin, in the same coordinates
# as the pain drawing, so the app can compare a painted area with them by
# rendering masks.
#
# The patterns follow the standard trigger-point references (Travell &
# Simons, Myofascial Pain and Dysfunction): for each muscle the area where
# it most often sends pain ("essential") and where it sometimes spreads
# ("spillover"). Regions are the places a patient names ("outer calf",
# "sit bone"); data/content/referrals.json gives their words.
#
# Shapes are in half coordinates (u from the midline, y), like the muscles.
# Bands on the leg are given as fractions of the leg's width between its
# inner and its outer edge at each height, so they follow the silhouette.

# Piecewise-linear edges of the leg (u by y), from the silhouette's points.
LEG_OUTER = [
    (700, 140), (740, 146), (772, 148), (805, 146), (850, 142), (912, 135),
    (980, 127), (1050, 118), (1100, 110), (1135, 109), (1185, 113),
    (1232, 114), (1290, 108), (1350, 97), (1410, 87), (1462, 82),
    (1490, 84),
]
LEG_INNER = [
    (832, 0), (870, 5), (930, 9), (1000, 13), (1070, 16), (1125, 17),
    (1175, 13), (1232, 11), (1290, 15), (1360, 24), (1420, 29), (1468, 32),
    (1490, 32),
]
MARGIN = 7.0


def edge(table, y):
    if y <= table[0][0]:
        return table[0][1]
    for (y0, u0), (y1, u1) in zip(table, table[1:]):
        if y0 <= y <= y1:
            return u0 + (u1 - u0) * (y - y0) / (y1 - y0)
    return table[-1][1]


def band(y0, y1, f0, f1, step=12):
    """Closed outline between fractions f0 and f1 of the leg's width."""
    ys = list(range(int(y0), int(y1), step)) + [y1]
    left, right = [], []
    for y in ys:
        lo = max(edge(LEG_INNER, y), 3) + MARGIN
        hi = edge(LEG_OUTER, y) - MARGIN
        left.append((lo + f0 * (hi - lo), y))
        right.append((lo + f1 * (hi - lo), y))
    return left + right[::-1]


# Shapes of the back view (half coordinates).
SI_JOINT = [(28, 694), (50, 690), (54, 716), (48, 742), (30, 744)]
SACRUM = [(5, 690), (40, 684), (44, 716), (34, 760), (18, 792), (5, 800)]
BUTTOCK = [(22, 704), (60, 700), (100, 716), (128, 746), (134, 790),
           (124, 830), (90, 842), (50, 836), (22, 822), (10, 790), (12, 740)]
BACK_OF_HIP = [(36, 706), (80, 710), (110, 734), (120, 762), (116, 794),
               (90, 806), (60, 800), (34, 782), (28, 742)]
GMAX_ESSENTIAL = [(5, 712), (40, 708), (84, 728), (114, 762), (118, 806),
                  (96, 832), (50, 836), (16, 826), (5, 800)]
CREST_STRIP = [(24, 690), (52, 668), (86, 654), (112, 652), (124, 664),
               (130, 692), (122, 706), (92, 694), (58, 702), (26, 716)]
OUTER_BUTTOCK = [(104, 716), (136, 722), (140, 772), (122, 784),
                 (104, 762)]
GMED_BUTTOCK = [(60, 706), (104, 712), (134, 726), (138, 772), (120, 790),
                (84, 772), (60, 740)]
ES_BUTTOCK = [(30, 702), (70, 704), (74, 730), (36, 738)]
LOWER_BUTTOCK = [(40, 792), (96, 800), (112, 828), (92, 840), (44, 836)]
TROCHANTER_AREA = [(114, 746), (138, 750), (140, 790), (118, 796)]
ILIAC_CREST_BACK = [(40, 676), (64, 656), (90, 642), (110, 642), (120, 652),
                    (126, 672), (124, 682), (104, 666), (80, 670), (54, 690)]
LOW_BACK = [(10, 560), (66, 560), (70, 620), (64, 690), (10, 700)]
BESIDE_SPINE = [(10, 556), (40, 556), (42, 690), (10, 696)]
UPPER_BUTTOCK = [(30, 702), (90, 704), (104, 736), (40, 752)]
SIT_BONE = [(34, 794), (66, 794), (72, 830), (36, 832)]
BACK_OF_KNEE = band(1092, 1146, 0.2, 0.8)
HEEL = [(38, 1500), (78, 1500), (82, 1528), (74, 1542), (42, 1542),
        (32, 1526)]
# Front view.
GROIN = [(104, 716), (112, 734), (56, 800), (34, 806), (30, 794)]
FRONT_KNEE = band(1066, 1146, 0.2, 0.8)
INSTEP = [(28, 1500), (62, 1498), (68, 1528), (34, 1538)]
FOOT_TOP = [(26, 1500), (88, 1496), (94, 1536), (86, 1544), (30, 1544)]
HIP_FRONT_CREST = [(122, 690), (132, 704), (104, 736), (72, 760), (64, 748),
                   (94, 720)]

# zone: {view: (essential parts, spillover parts)}
REFERRALS = {
    'piriformis': {
        'back': ([SI_JOINT, BACK_OF_HIP], [band(846, 1030, 0.15, 0.85)]),
    },
    'gluteus-maximus': {
        'back': ([GMAX_ESSENTIAL, SACRUM], [band(846, 930, 0.1, 0.9)]),
    },
    'gluteus-medius': {
        'back': ([CREST_STRIP, SI_JOINT, GMED_BUTTOCK],
                 [band(840, 960, 0.6, 1.0)]),
    },
    'gluteus-minimus': {
        'back': ([OUTER_BUTTOCK, band(820, 1470, 0.72, 1.0),
                  band(850, 1100, 0.3, 0.62), band(1160, 1380, 0.25, 0.6)],
                 [band(1380, 1460, 0.3, 0.6)]),
        'front': ([band(820, 1470, 0.78, 1.0)], []),
    },
    'quadratus-lumborum': {
        'back': ([SI_JOINT, LOWER_BUTTOCK, TROCHANTER_AREA],
                 [ILIAC_CREST_BACK]),
        'front': ([], [HIP_FRONT_CREST]),
    },
    'erector-spinae': {
        'back': ([LOW_BACK, ES_BUTTOCK], []),
    },
    'sacral-border': {
        'back': ([SACRUM], []),
    },
    'hamstrings': {
        'back': ([band(826, 1150, 0.12, 0.88)], [band(1150, 1240, 0.2, 0.8)]),
    },
    'calf': {
        'back': ([band(1100, 1420, 0.15, 0.85), HEEL],
                 [band(1420, 1480, 0.15, 0.85)]),
        'front': ([INSTEP], []),
    },
    'psoas': {
        'back': ([BESIDE_SPINE], [SI_JOINT, UPPER_BUTTOCK]),
        'front': ([GROIN, band(830, 1000, 0.25, 0.75)], []),
    },
    'iliacus': {
        'back': ([BESIDE_SPINE], [SI_JOINT, UPPER_BUTTOCK]),
        'front': ([GROIN, band(830, 1000, 0.25, 0.75)], []),
    },
    'quadriceps': {
        # Rectus femoris and vastus medialis: the knee and the lower front
        # of the thigh; vastus lateralis: the outside of thigh and knee.
        'front': ([band(940, 1060, 0.25, 0.75), FRONT_KNEE,
                   band(860, 1130, 0.8, 1.0)],
                  [band(820, 940, 0.3, 0.7), band(960, 1100, 0.0, 0.25)]),
    },
}

# region: (title, {view: parts})
REGIONS = {
    'lower-back': ('Lower back', {'back': [LOW_BACK]}),
    'beside-spine': ('Beside the lumbar spine', {'back': [BESIDE_SPINE]}),
    'sacrum': ('Sacrum', {'back': [SACRUM]}),
    'buttock': ('Buttock', {'back': [BUTTOCK]}),
    'sit-bone': ('Sitting bone', {'back': [SIT_BONE]}),
    'side-of-hip': ('Side of the hip, over the greater trochanter',
                    {'back': [TROCHANTER_AREA]}),
    'back-of-thigh': ('Back of the thigh',
                      {'back': [band(850, 1080, 0.15, 0.85)]}),
    'outer-thigh': ('Outside of the thigh',
                    {'back': [band(850, 1080, 0.76, 1.0)],
                     'front': [band(850, 1060, 0.8, 1.0)]}),
    'back-of-knee': ('Back of the knee', {'back': [BACK_OF_KNEE]}),
    'calf': ('Calf', {'back': [band(1160, 1420, 0.2, 0.8)]}),
    'outer-calf': ('Outside of the lower leg',
                   {'back': [band(1170, 1450, 0.76, 1.0)],
                    'front': [band(1170, 1450, 0.8, 1.0)]}),
    'heel': ('Heel', {'back': [HEEL]}),
    'foot': ('Foot', {'back': [HEEL], 'front': [FOOT_TOP]}),
    'groin': ('Groin', {'front': [GROIN]}),
    'front-of-thigh': ('Front of the thigh',
                       {'front': [band(830, 1050, 0.2, 0.8)]}),
    'front-of-knee': ('Front of the knee', {'front': [FRONT_KNEE]}),
}


def draw(svg, view, helpers):
    """Writes the two hidden groups of @view; helpers are gen-anatomy's."""
    path_d, place, fmt = helpers['path_d'], helpers['place'], helpers['fmt']

    def part(pts, side, cls):
        svg.el('path', class_=cls, d=path_d(place(pts, side, view)),
               fill=helpers['fill'], stroke='none')

    svg.open('g', id='overlay-referrals', display='none')
    for zone, views in REFERRALS.items():
        if view not in views:
            continue
        essential, spillover = views[view]
        for side in ('left', 'right'):
            for kind, parts in (('essential', essential),
                                ('spillover', spillover)):
                if not parts:
                    continue
                svg.open('g', id='referral-%s-%s-%s' % (zone, side, kind),
                         class_='referral')
                svg.title('Where the %s can send pain, %s (%s)'
                          % (zone.replace('-', ' '), kind, side))
                for pts in parts:
                    part(pts, side, 'referral')
                svg.close('g')
    svg.close('g')
    svg.open('g', id='overlay-regions', display='none')
    for region, (title, views) in REGIONS.items():
        if view not in views:
            continue
        for side in ('left', 'right'):
            svg.open('g', id='region-%s-%s' % (region, side), class_='region')
            svg.title('%s (%s)' % (title, side))
            for pts in views[view]:
                part(pts, side, 'region')
            svg.close('g')
    svg.close('g')
