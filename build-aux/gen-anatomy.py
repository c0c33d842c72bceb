#!/usr/bin/env python3
# gen-anatomy.py: writes data/anatomy/body-back.svg and body-front.svg.
#
# Copyright 2026 The Sciatica Map authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The committed SVGs are the source of truth; the build never runs this.
# It exists so that the two sides of the body stay mirror images and the two
# views share one silhouette. Shapes are written in "half coordinates"
# (u, y): u is the distance from the body midline (x = 400) towards the
# side the shape belongs to, y is the SVG y. Outlines pass through the given
# points as Catmull-Rom splines written out as cubic Béziers.
#
# Proportions follow Drillis & Contini's segment fractions of stature H:
# the figure stands from y = 50 (vertex) to y = 1550 (soles), H = 1500.
#   chin 0.870 -> y 245   shoulder 0.818 -> y 323   elbow 0.630 -> y 605
#   greater trochanter 0.530 -> y 755   wrist 0.485 -> y 822
#   fingertip 0.377 -> y 984   knee 0.285 -> y 1122   ankle 0.039 -> y 1491
#   shoulder width 0.259 H = 388 (u 194)   hip width 0.191 H = 287 (u 143)
#
# Usage: build-aux/gen-anatomy.py [OUTDIR]   (default: data/anatomy)

import math
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import anatomy_referrals  # noqa: E402

MID = 400.0

COL = {
    'skin': '#ecd3bf', 'skin-line': '#8c6a57', 'detail': '#b8907a',
    'muscle': '#c8786b', 'muscle-deep': '#b35a54', 'muscle-line': '#8a3b35',
    'fibre': '#8a3b35', 'bone': '#f4ecd6', 'bone-line': '#a3916f',
    'bone-dark': '#d9ccab', 'nerve': '#f3c942', 'nerve-line': '#7d6110',
    'caution': '#c62828', 'press': '#ffffff', 'press-line': '#1d4f80',
    'mark': '#5b4a3f', 'hair': '#b8a08c', 'hair-line': '#8f7565',
}


# ---------------------------------------------------------------- geometry

def fmt(v):
    s = '%.1f' % v
    return s[:-2] if s.endswith('.0') else s


def catmull(points, closed, corners=()):
    """Cubic Bézier segments through points (Catmull-Rom, tension 1/6)."""
    n = len(points)
    segs = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if (closed or i > 0) else points[i]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if (closed or i + 2 < n) else p2
        k1 = 0.0 if i in corners else 1 / 6
        k2 = 0.0 if (i + 1) % n in corners else 1 / 6
        c1 = (p1[0] + (p2[0] - p0[0]) * k1, p1[1] + (p2[1] - p0[1]) * k1)
        c2 = (p2[0] - (p3[0] - p1[0]) * k2, p2[1] - (p3[1] - p1[1]) * k2)
        segs.append((p1, c1, c2, p2))
    return segs


def path_d(points, closed=True, corners=()):
    segs = catmull(points, closed, corners)
    d = ['M%s,%s' % (fmt(points[0][0]), fmt(points[0][1]))]
    for _, c1, c2, p2 in segs:
        d.append('C%s,%s %s,%s %s,%s' % tuple(fmt(v) for v in (*c1, *c2, *p2)))
    if closed:
        d.append('Z')
    return ' '.join(d)


def bezier_at(seg, t):
    p1, c1, c2, p2 = seg
    a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
    return (a * p1[0] + b * c1[0] + c * c2[0] + d * p2[0],
            a * p1[1] + b * c1[1] + c * c2[1] + d * p2[1])


def sample(points, per_seg=8):
    out = []
    for seg in catmull(points, False):
        for k in range(per_seg):
            out.append(bezier_at(seg, k / per_seg))
    out.append(points[-1])
    return out


def ribbon(points, w0, w1, per_seg=3):
    """Closed outline of a band along a spline, width tapering w0 -> w1."""
    pts = sample(points, per_seg)
    n = len(pts)
    left, right, caps = [], [], []
    for i, p in enumerate(pts):
        a = pts[max(i - 1, 0)]
        b = pts[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        w = (w0 + (w1 - w0) * i / (n - 1)) / 2
        left.append((p[0] + nx * w, p[1] + ny * w))
        right.append((p[0] - nx * w, p[1] - ny * w))
        if i in (0, n - 1):  # round ends, half a width beyond the tip
            sign = -1 if i == 0 else 1
            caps.append((p[0] + sign * dx / ln * w * 0.8,
                         p[1] + sign * dy / ln * w * 0.8))
    outline = [caps[0]] + left + [caps[1]] + right[::-1]
    return outline, set()


def to_x(u, side, view):
    """Viewer x of half coordinate u for a body side in a view."""
    towards_viewer_left = (side == 'left') == (view == 'back')
    return MID - u if towards_viewer_left else MID + u


def place(points, side, view):
    return [(to_x(u, side, view), y) for u, y in points]


def mirror_full(half):
    """Symmetric closed outline from a half outline listed top to bottom."""
    right = [(MID + u, y) for u, y in half]
    left = [(MID - u, y) for u, y in reversed(half) if u != 0]
    return right + left


# ---------------------------------------------------------------- SVG out

class Svg:
    def __init__(self):
        self.lines = []
        self.depth = 0

    def raw(self, text):
        self.lines.append('  ' * self.depth + text)

    def open(self, tag, **attrs):
        self.raw('<%s%s>' % (tag, attr_str(attrs)))
        self.depth += 1

    def close(self, tag):
        self.depth -= 1
        self.raw('</%s>' % tag)

    def el(self, tag, **attrs):
        self.raw('<%s%s/>' % (tag, attr_str(attrs)))

    def title(self, text):
        self.raw('<title>%s</title>' % text)


def attr_str(attrs):
    out = []
    for k, v in attrs.items():
        k = k.rstrip('_').replace('__', ':').replace('_', '-')
        out.append(' %s="%s"' % (k, v))
    return ''.join(out)


def shape(svg, d, cls, fill, stroke, width, **extra):
    svg.el('path', class_=cls, d=d, fill=fill, stroke=stroke,
           stroke_width=fmt(width), stroke_linejoin='round', **extra)


def line(svg, pts, cls, stroke, width, **extra):
    svg.el('path', class_=cls, d=path_d(pts, closed=False), fill='none',
           stroke=stroke, stroke_width=fmt(width), stroke_linecap='round',
           **extra)


# ---------------------------------------------------------------- figure

# Right half of the silhouette, top of the head to the crotch, u >= 0.
HEAD_NECK = [
    (0, 50), (34, 55), (58, 72), (70, 102), (73, 136),
    (76, 150), (79, 170), (75, 192), (67, 204),
    (61, 220), (51, 236), (46, 252), (46, 268), (49, 284), (58, 297),
    (92, 308), (130, 318), (160, 327), (182, 338),
]
THUMB_WEB = (245, 900)
ARM = [
    (197, 358), (203, 388), (203, 425), (205, 480), (208, 545),
    (212, 603), (221, 650), (228, 712), (232, 772), (236, 816),
    (245, 836), (253, 856), (259, 880), (261, 904), (258, 922),
    (252, 926), (248, 916), THUMB_WEB, (246, 920), (245, 944), (240, 968),
    (230, 986), (216, 988), (206, 974), (201, 948), (198, 916),
    (194, 880), (190, 842), (185, 818), (177, 760), (167, 692), (158, 642),
    (150, 604), (143, 545), (139, 485), (137, 445), (134, 420),
]
ARMPIT = len(HEAD_NECK) + len(ARM) - 1
TORSO_LEG = [
    (130, 452), (125, 500), (118, 548), (113, 590), (118, 625),
    (131, 662), (140, 700), (146, 740), (148, 772), (146, 805),
    (142, 850), (135, 912), (127, 980), (118, 1050), (110, 1100),
    (109, 1135), (113, 1185), (114, 1232), (108, 1290), (97, 1350),
    (87, 1410), (82, 1462),
]
FOOT = {
    'back': [(84, 1490), (82, 1508), (86, 1526), (93, 1540), (88, 1551),
             (60, 1554), (34, 1552), (23, 1545), (28, 1528), (31, 1506)],
    'front': [(90, 1492), (99, 1520), (101, 1542), (88, 1552), (40, 1553),
              (20, 1548), (17, 1528), (24, 1498)],
}
INNER_LEG = [
    (32, 1468), (29, 1420), (24, 1360), (15, 1290), (11, 1232),
    (13, 1175), (17, 1125), (16, 1070), (13, 1000), (9, 930),
    (5, 870), (0, 832),
]


def silhouette(view):
    half = HEAD_NECK + ARM + TORSO_LEG + FOOT[view] + INNER_LEG
    full = mirror_full(half)
    n = len(half)
    crotch = n - 1
    web = half.index(THUMB_WEB)
    corners = {ARMPIT, crotch, 2 * n - 2 - ARMPIT, web, 2 * n - 2 - web}
    return full, corners


def draw_figure(svg, view):
    svg.open('g', id='figure')
    full, corners = silhouette(view)
    svg.el('path', id='body-outline', class_='skin outline',
           d=path_d(full, True, corners), fill=COL['skin'],
           stroke=COL['skin-line'], stroke_width='2.5', stroke_linejoin='round')
    draw_hair(svg, view)
    if view == 'front':
        draw_front_skeleton(svg)
    for side in ('left', 'right'):
        for pts in DETAILS_BOTH + DETAILS[view]:
            line(svg, place(pts, side, view), 'outline', COL['detail'], 1.6)
        for pts in BONE_DETAILS[view]:
            line(svg, place(pts, side, view), 'bone', COL['bone-line'], 2.2,
                 opacity='0.7')
        for d in SKIN_SHAPES[view]:
            shape(svg, path_d(place(d, side, view)), 'skin outline',
                  COL['skin'], COL['detail'], 1.5)
    for pts in MIDLINE_DETAILS[view]:
        line(svg, pts, 'outline', COL['detail'], 1.6)
    svg.close('g')


# Short neutral hair: from behind it covers the head down to the nape,
# from the front it leaves the forehead and face free.
HAIR = {
    'back': [(0, 46), (36, 51), (62, 69), (75, 102), (77, 136), (73, 150),
             (69, 176), (62, 198), (46, 208), (22, 212), (0, 213)],
    'front': [(0, 46), (36, 51), (62, 69), (75, 102), (76, 136), (72, 146),
              (66, 138), (64, 114), (52, 96), (28, 88), (0, 90)],
}


def draw_hair(svg, view):
    shape(svg, path_d(mirror_full(HAIR[view])), 'outline', COL['hair'],
          COL['skin-line'], 1.5)
    line(svg, [(400, 52), (396, 70), (390, 84)] if view == 'front' else
         [(386, 60), (400, 76), (414, 60)], 'outline', COL['hair-line'], 1.4)


# Bones seen through the skin in the front view, under the muscles, so that
# the psoas has its spine and the iliacus its iliac fossa. Half outlines.
LUMBAR_BODIES_Y = [(540, 562), (567, 590), (595, 619), (624, 648),
                   (653, 676)]
FRONT_SACRUM = [(0, 682), (24, 680), (44, 684), (40, 716), (32, 748),
                (20, 776), (8, 794), (0, 798)]
ILIUM = [(40, 690), (60, 664), (90, 650), (112, 651), (125, 662),
         (124, 682), (114, 700), (108, 716), (104, 736), (96, 748),
         (76, 752), (52, 770), (28, 784), (14, 786), (8, 796), (10, 812),
         (30, 822), (48, 832), (62, 836), (72, 826), (78, 808), (84, 786),
         (70, 770), (56, 758), (46, 740), (42, 716)]
OBTURATOR = [(30, 800), (48, 790), (64, 796), (66, 812), (54, 822),
             (36, 816)]
FEMUR = [(74, 752), (88, 742), (102, 748), (116, 752), (130, 754),
         (138, 768), (132, 800), (118, 830), (108, 880), (86, 880),
         (88, 830), (86, 794), (76, 780), (70, 766)]


def bone_shape(svg, pts, holes=(), opacity='0.9'):
    d = ' '.join([path_d(pts)] + [path_d(h) for h in holes])
    svg.el('path', class_='bone', d=d, fill=COL['bone'],
           stroke=COL['bone-line'], stroke_width='1.4',
           stroke_linejoin='round', fill_rule='evenodd', opacity=opacity)


def draw_front_skeleton(svg):
    for top, bottom in LUMBAR_BODIES_Y:
        svg.el('rect', class_='bone', x='378', y=fmt(top), width='44',
               height=fmt(bottom - top), rx='7', fill=COL['bone'],
               stroke=COL['bone-line'], stroke_width='1.4', opacity='0.9')
    bone_shape(svg, mirror_full(FRONT_SACRUM))
    for side in ('left', 'right'):
        bone_shape(svg, place(FEMUR, side, 'front'))
        bone_shape(svg, place(ILIUM, side, 'front'),
                   [place(OBTURATOR, side, 'front')])
        svg.el('ellipse', class_='bone', cx=fmt(to_x(64, side, 'front')),
               cy='1113', rx='18', ry='22', fill=COL['bone'],
               stroke=COL['bone-line'], stroke_width='1.5')
        line(svg, place([(64, 1136), (64, 1160)], side, 'front'), 'bone',
             COL['bone-line'], 7, opacity='0.5')


# Contour lines in half coordinates, drawn on both sides.
DETAILS_BOTH = [
    [(236, 818), (212, 826), (190, 820)],                       # wrist
    [(221, 987), (222, 950)], [(210, 982), (211, 950)],         # fingers
    [(233, 982), (236, 948)],
    [(108, 1142), (100, 1150)],                                 # knee side
]
DETAILS = {
    'back': [
        [(30, 318), (70, 338), (108, 360)],                     # trapezius
        [(44, 378), (80, 366), (112, 352)],                     # scapula
        [(40, 386), (44, 430), (56, 470), (80, 444), (98, 414)],
        [(178, 585), (170, 600), (176, 618)],                   # olecranon
        [(16, 834), (50, 846), (92, 846), (126, 832)],          # gluteal fold
        [(36, 1112), (62, 1118), (92, 1112)],                   # knee crease
        [(40, 1508), (42, 1534), (58, 1546), (74, 1534), (78, 1508)],  # heel
        [(58, 208), (50, 232)],                                 # skull base
    ],
    'front': [
        [(14, 300), (60, 306), (118, 318), (160, 330)],         # clavicle
        [(58, 214), (42, 234), (20, 246), (0, 249)],            # jaw
        [(44, 250), (36, 280), (22, 298)],                      # neck
        [(48, 436), (84, 444), (114, 426)],                     # chest
        [(60, 1180), (56, 1300), (50, 1440)],                   # shin
        [(150, 600), (170, 606), (190, 600)],                   # elbow crease
        [(104, 706), (70, 750), (40, 790), (18, 812)],          # groin crease
        [(56, 1545), (56, 1530)], [(72, 1546), (72, 1530)],     # toes
        [(34, 1546), (35, 1528)],
        [(56, 1470), (66, 1500), (80, 1510)],                   # instep
    ],
}
BONE_DETAILS = {
    'back': [
        [(16, 496), (50, 506), (86, 522), (112, 536)],          # 11th rib
        [(16, 522), (46, 532), (76, 546), (94, 556)],           # 12th rib
    ],
    'front': [],
}
SKIN_SHAPES = {  # ears
    'back': [[(68, 150), (80, 156), (82, 174), (76, 194), (67, 192)]],
    'front': [[(68, 150), (80, 156), (82, 174), (76, 194), (67, 192)]],
}
MIDLINE_DETAILS = {
    'back': [
        [(400, 300), (400, 420), (400, 520)],                   # spine furrow
        [(400, 812), (400, 832)],                               # gluteal cleft
    ],
    'front': [
        [(400, 440), (400, 480), (400, 524)],                   # linea alba
        [(384, 300), (400, 312), (416, 300)],                   # jugular notch
    ],
}


# ---------------------------------------------------------------- muscles

ZONES = {
    # name: (title, layer, outline, fibres)
    'piriformis': ('Piriformis', 'deep', [
        (22, 726), (40, 724), (62, 730), (86, 740), (106, 748), (121, 752),
        (125, 757), (121, 762), (102, 764), (82, 769), (62, 775),
        (42, 777), (24, 774), (18, 762), (18, 738),
    ], [
        [(26, 736), (60, 740), (96, 750), (118, 756)],
        [(26, 750), (60, 753), (98, 757)],
        [(26, 764), (60, 766), (94, 762)],
    ]),
    'gluteus-minimus': ('Gluteus minimus', 'deep', [
        (74, 692), (98, 678), (118, 678), (129, 694), (132, 722),
        (128, 746), (121, 752), (106, 738), (88, 716),
    ], [
        [(96, 688), (124, 744)], [(116, 686), (127, 740)],
        [(84, 704), (118, 746)],
    ]),
    'quadratus-lumborum': ('Quadratus lumborum', 'deep', [
        (40, 548), (64, 542), (90, 552), (104, 590), (114, 632),
        (117, 654), (98, 660), (74, 668), (52, 680), (44, 660),
        (40, 600),
    ], [
        [(52, 556), (52, 640)], [(70, 552), (74, 650)],
        [(88, 560), (104, 640)],
    ]),
    'hamstrings': ('Hamstrings', 'superficial', [
        (38, 810), (54, 800), (70, 808), (94, 846), (114, 880),
        (123, 930), (121, 990), (113, 1040), (106, 1082), (103, 1122),
        (102, 1150), (91, 1150), (90, 1112), (84, 1076), (66, 1046),
        (44, 1074), (34, 1110), (31, 1148), (19, 1146), (18, 1084),
        (19, 1020), (21, 960), (24, 900), (29, 850),
    ], [
        [(60, 830), (72, 900), (74, 980), (72, 1040)],
        [(50, 840), (44, 940), (34, 1040), (28, 1120)],
        [(96, 880), (104, 960), (100, 1040), (96, 1130)],
    ]),
    'calf': ('Calf: gastrocnemius and soleus', 'superficial', [
        (20, 1112), (38, 1098), (52, 1106), (58, 1128), (65, 1106),
        (82, 1098), (100, 1112), (107, 1152), (110, 1204), (106, 1254),
        (96, 1304), (84, 1352), (70, 1398), (64, 1440), (61, 1476),
        (46, 1478), (44, 1440), (38, 1400), (27, 1350), (19, 1300),
        (16, 1250), (16, 1196), (16, 1150),
    ], [
        [(58, 1136), (57, 1220), (56, 1300)],
        [(24, 1276), (38, 1318), (54, 1338)],
        [(100, 1258), (80, 1310), (58, 1338)],
        [(36, 1140), (32, 1210), (38, 1290)],
        [(82, 1140), (94, 1210), (84, 1290)],
        [(54, 1350), (54, 1460)],
    ]),
    'erector-spinae': ('Erector spinae, lumbar part', 'superficial', [
        (11, 520), (32, 516), (52, 524), (58, 562), (58, 612),
        (56, 652), (50, 682), (40, 700), (26, 708), (15, 700),
        (11, 668), (10, 600),
    ], [
        [(20, 530), (20, 690)], [(34, 526), (34, 696)],
        [(48, 534), (48, 674)],
    ]),
    'gluteus-medius': ('Gluteus medius', 'superficial', [
        (58, 684), (86, 664), (108, 658), (124, 666), (133, 690),
        (138, 720), (136, 748), (125, 754), (110, 736), (90, 716),
        (68, 698),
    ], [
        [(82, 676), (126, 744)], [(104, 668), (130, 742)],
        [(122, 674), (134, 736)],
    ]),
    'gluteus-maximus': ('Gluteus maximus', 'superficial', [
        (30, 686), (52, 684), (82, 694), (112, 712), (134, 734),
        (142, 764), (140, 802), (134, 840), (126, 872), (102, 870),
        (72, 856), (42, 834), (16, 816), (4, 806), (6, 786),
        (12, 760), (20, 730),
    ], [
        [(40, 704), (90, 760), (132, 800)],
        [(28, 740), (80, 792), (128, 836)],
        [(18, 784), (66, 820), (110, 856)],
    ]),
    'sacral-border': ('Soft tissue along the sacrum', 'superficial', [
        (49, 680), (58, 690), (56, 716), (48, 744), (38, 768),
        (26, 790), (15, 802), (10, 792), (20, 774), (31, 753),
        (40, 729), (45, 706),
    ], [
        [(50, 694), (44, 730), (30, 770)],
    ]),
    # front view
    'iliacus': ('Iliacus', 'deep', [
        (50, 684), (78, 664), (104, 656), (120, 664), (123, 686),
        (113, 712), (102, 738), (92, 768), (86, 800), (82, 822),
        (75, 804), (66, 768), (56, 734), (48, 706),
    ], [
        [(70, 680), (78, 760), (82, 810)],
        [(96, 668), (90, 740), (84, 800)],
        [(116, 676), (100, 730)],
    ]),
    'psoas': ('Psoas', 'deep', [
        (14, 542), (30, 538), (44, 578), (56, 628), (66, 678),
        (76, 720), (84, 756), (88, 792), (84, 822), (78, 842),
        (68, 842), (62, 816), (52, 782), (38, 744), (25, 700),
        (17, 650), (14, 598),
    ], [
        [(22, 560), (34, 650), (52, 730), (72, 830)],
        [(32, 580), (48, 660), (66, 740), (80, 810)],
    ]),
    'quadriceps': ('Quadriceps', 'superficial', [
        (100, 740), (116, 742), (130, 768), (137, 815), (137, 875),
        (133, 935), (124, 992), (112, 1040), (98, 1070), (86, 1084),
        (78, 1093), (52, 1093), (42, 1088), (29, 1072), (24, 1044),
        (28, 1012), (42, 972), (58, 922), (72, 872), (86, 818),
        (94, 772),
    ], [
        [(106, 760), (104, 880), (90, 1000), (74, 1084)],
        [(124, 800), (126, 900), (114, 1010), (92, 1070)],
        [(66, 910), (56, 990), (52, 1080)],
    ]),
}
ZONE_ORDER = {
    'back': {'deep': ['quadratus-lumborum', 'gluteus-minimus', 'piriformis'],
             'superficial': ['hamstrings', 'calf', 'erector-spinae',
                             'gluteus-medius', 'gluteus-maximus',
                             'sacral-border']},
    'front': {'deep': ['iliacus', 'psoas'],
              'superficial': ['quadriceps']},
}


def draw_zone(svg, view, name, side):
    title, layer, outline, fibres = ZONES[name]
    svg.open('g', id='zone-%s-%s' % (name, side), class_='zone muscle')
    svg.title('%s (%s)' % (title, side))
    fill = COL['muscle-deep'] if layer == 'deep' else COL['muscle']
    shape(svg, path_d(place(outline, side, view)), 'muscle', fill,
          COL['muscle-line'], 1.6)
    for f in fibres:
        line(svg, place(f, side, view), 'muscle-fibres', COL['fibre'], 1.3,
             opacity='0.55')
    svg.close('g')


def draw_layer(svg, view, layer):
    svg.open('g', id='layer-' + layer)
    for name in ZONE_ORDER[view][layer]:
        for side in ('left', 'right'):
            draw_zone(svg, view, name, side)
    svg.close('g')


# ---------------------------------------------------------------- landmarks

SACRUM_HALF = [
    (0, 676), (22, 672), (44, 668), (48, 690), (44, 716), (37, 740),
    (28, 762), (17, 782), (9, 793), (6, 802), (3, 811), (0, 813),
]
TROCHANTER = [(120, 752), (130, 748), (140, 754), (143, 770), (140, 786),
              (130, 792), (121, 784), (118, 766)]
ISCHIUM = [(38, 800), (50, 794), (62, 798), (66, 812), (60, 826),
           (48, 829), (38, 820)]
CREST_BACK = [(44, 690), (62, 668), (86, 652), (108, 648), (121, 656),
              (126, 674)]
SPINE_Y = [548, 576, 604, 632, 658]
ASIS = [(128, 662), (127, 680), (118, 696), (110, 704)]
INGUINAL = [(108, 708), (80, 736), (52, 764), (26, 790)]
PUBIS_HALF = [(0, 786), (16, 784), (30, 790), (34, 800), (26, 810),
              (10, 812), (0, 811)]
TROCHANTER_FRONT = [(124, 752), (134, 748), (142, 756), (144, 772),
                    (140, 788), (130, 790), (124, 776)]


def bone(svg, d, **extra):
    shape(svg, d, 'bone', COL['bone'], COL['bone-line'], 1.5, **extra)


def landmark(svg, ident, title):
    svg.open('g', id=ident, class_='landmark bone')
    svg.title(title)


def draw_landmarks(svg, view):
    svg.open('g', id='overlay-landmarks')
    if view == 'back':
        draw_back_landmarks(svg)
    else:
        draw_front_landmarks(svg)
    svg.close('g')


def draw_back_landmarks(svg):
    for side in ('left', 'right'):
        landmark(svg, 'landmark-iliac-crest-' + side,
                 'Iliac crest (%s)' % side)
        out, corners = ribbon(place(CREST_BACK, side, 'back'), 10, 7)
        bone(svg, path_d(out, True, corners))
        svg.close('g')
    landmark(svg, 'landmark-sacrum', 'Sacrum')
    bone(svg, path_d(mirror_full(SACRUM_HALF), True, {0}))
    for y in (694, 718, 742, 764):
        for side in ('left', 'right'):
            u = 22 - (y - 694) * 0.12
            svg.el('ellipse', class_='bone', cx=fmt(to_x(u, side, 'back')),
                   cy=fmt(y), rx='3.5', ry='4.5', fill=COL['bone-dark'],
                   stroke=COL['bone-line'], stroke_width='1')
    line(svg, [(400, 684), (400, 730), (400, 780)], 'bone',
         COL['bone-line'], 1.4)
    svg.close('g')
    landmark(svg, 'landmark-spine', 'Lumbar spinous processes')
    for y in SPINE_Y:
        svg.el('rect', class_='bone', x='392', y=fmt(y - 8), width='16',
               height='16', rx='5', fill=COL['bone'],
               stroke=COL['bone-line'], stroke_width='1.5')
    svg.close('g')
    for side in ('left', 'right'):
        landmark(svg, 'landmark-greater-trochanter-' + side,
                 'Greater trochanter (%s)' % side)
        bone(svg, path_d(place(TROCHANTER, side, 'back')))
        svg.close('g')
        landmark(svg, 'landmark-ischial-tuberosity-' + side,
                 'Ischial tuberosity, sitting bone (%s)' % side)
        bone(svg, path_d(place(ISCHIUM, side, 'back')))
        svg.close('g')


def draw_front_landmarks(svg):
    for side in ('left', 'right'):
        landmark(svg, 'landmark-asis-' + side,
                 'Anterior superior iliac spine, front of the hip bone (%s)'
                 % side)
        out, corners = ribbon(place(ASIS, side, 'front'), 8, 11)
        bone(svg, path_d(out, True, corners))
        svg.close('g')
        landmark(svg, 'landmark-inguinal-ligament-' + side,
                 'Inguinal ligament (%s)' % side)
        out, corners = ribbon(place(INGUINAL, side, 'front'), 4, 4)
        bone(svg, path_d(out, True, corners))
        svg.close('g')
        landmark(svg, 'landmark-greater-trochanter-front-' + side,
                 'Greater trochanter (%s)' % side)
        bone(svg, path_d(place(TROCHANTER_FRONT, side, 'front')))
        svg.close('g')
    landmark(svg, 'landmark-pubis', 'Pubic bone')
    bone(svg, path_d(mirror_full(PUBIS_HALF)))
    line(svg, [(400, 788), (400, 810)], 'bone', COL['bone-line'], 1.4)
    svg.close('g')


# ---------------------------------------------------------------- nerves

# The sciatic nerve is drawn last so that its end covers where the branches
# start.
NERVES = {
    'back': [
        ('tibial', 'Tibial nerve', [(65, 1054), (62, 1120), (58, 1200),
         (54, 1300), (47, 1400), (40, 1468)], 8, 5, []),
        ('common-fibular', 'Common fibular nerve', [(65, 1054), (78, 1094),
         (91, 1130), (99, 1160), (102, 1182)], 7, 4.5, []),
        ('sciatic', 'Sciatic nerve', [(62, 781), (75, 800), (81, 840),
         (80, 900), (75, 960), (69, 1020), (65, 1058)], 13, 10, []),
    ],
    'front': [
        ('femoral', 'Femoral nerve', [(64, 664), (75, 706), (84, 748),
         (87, 790)], 7, 6, [
            ([(87, 788), (96, 820), (104, 860)], 4.5, 3),
            ([(87, 788), (86, 830), (84, 872)], 4.5, 3),
            ([(87, 788), (76, 818), (66, 850)], 4, 2.5),
        ]),
    ],
}


def draw_nerves(svg, view):
    svg.open('g', id='overlay-nerves')
    for ident, title, pts, w0, w1, branches in NERVES[view]:
        for side in ('left', 'right'):
            svg.open('g', id='nerve-%s-%s' % (ident, side), class_='nerve')
            svg.title('%s (%s)' % (title, side))
            for bpts, bw0, bw1 in branches + [(pts, w0, w1)]:
                out, corners = ribbon(place(bpts, side, view), bw0, bw1)
                shape(svg, path_d(out, True, corners), 'nerve', COL['nerve'],
                      COL['nerve-line'], 1.2)
            svg.close('g')
    svg.close('g')


# ---------------------------------------------------------------- press points

def centre(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def piriformis_point():
    """Midpoint between the sacrum's and the trochanter's box centres."""
    s = centre(mirror_full(SACRUM_HALF))
    t = centre(TROCHANTER)
    return ((s[0] - MID + t[0]) / 2, (s[1] + t[1]) / 2)


def draw_press_points(svg, view):
    svg.open('g', id='overlay-press-points')
    if view == 'back':
        u, y = piriformis_point()
        for side in ('left', 'right'):
            svg.open('g', id='press-point-piriformis-' + side,
                     class_='press-point')
            svg.title('Press point: piriformis (%s)' % side)
            x = fmt(to_x(u, side, view))
            svg.el('circle', class_='press-point', cx=x, cy=fmt(y), r='10',
                   fill=COL['press'], stroke=COL['press-line'],
                   stroke_width='3.5')
            svg.el('circle', class_='press-point', cx=x, cy=fmt(y), r='3.5',
                   fill=COL['press-line'], stroke='none')
            svg.close('g')
    svg.close('g')


# ---------------------------------------------------------------- cautions

CAUTIONS = {
    'back': [
        ('popliteal-fossa', 'Back of the knee: nerves and vessels',
         [(62, 1044), (90, 1096), (60, 1148), (32, 1096)], {0, 1, 2, 3}),
        ('kidney', 'Kidney area below the lowest ribs',
         [(44, 488), (74, 478), (100, 496), (104, 530), (88, 562),
          (58, 566), (42, 540)], set()),
    ],
    'front': [
        ('femoral-triangle', 'Femoral triangle: artery, vein and nerve',
         [(106, 712), (26, 796), (70, 906)], {0, 1, 2}),
    ],
}


def caution(svg, ident, title, d):
    svg.open('g', id=ident, class_='caution')
    svg.title(title)
    shape(svg, d, 'caution', 'url(#hatch-pattern)', COL['caution'], 2,
          stroke_dasharray='6 4')
    svg.close('g')


def draw_cautions(svg, view):
    svg.open('g', id='overlay-cautions', display='none')
    if view == 'back':
        pts = [(388, 500), (412, 500), (412, 700), (388, 700)]
        caution(svg, 'caution-spine',
                'Spine: never press on the bony points',
                path_d(pts, True, {0, 1, 2, 3}))
    for ident, title, pts, corners in CAUTIONS[view]:
        for side in ('left', 'right'):
            caution(svg, 'caution-%s-%s' % (ident, side),
                    '%s (%s)' % (title, side),
                    path_d(place(pts, side, view), True, corners))
    svg.close('g')


# ---------------------------------------------------------------- marks

def letter(svg, ch, x, y, ident, title):
    if ch == 'L':
        d = 'M%s,%s V%s H%s' % (fmt(x - 12), fmt(y - 26), fmt(y + 26),
                                fmt(x + 18))
    else:
        d = ('M%s,%s V%s H%s C%s,%s %s,%s %s,%s H%s L%s,%s' %
             tuple(fmt(v) for v in (x - 14, y + 26, y - 26, x + 2, x + 24,
                                    y - 26, x + 24, y + 3, x + 2, y + 3,
                                    x - 14, x + 18, y + 26)))
    svg.open('g', id=ident, class_='mark')
    svg.title(title)
    # A skin-coloured badge keeps the letter readable on dark backgrounds.
    svg.el('circle', class_='skin outline', cx=fmt(x + 3), cy=fmt(y), r='40',
           fill=COL['skin'], stroke=COL['skin-line'], stroke_width='2.5')
    svg.el('path', class_='mark', d=d, fill='none', stroke=COL['mark'],
           stroke_width='8', stroke_linecap='round', stroke_linejoin='round')
    svg.close('g')


def draw_marks(svg, view):
    svg.open('g', id='marks')
    left_x = 90 if view == 'back' else 710
    right_x = 800 - left_x
    letter(svg, 'L', left_x, 110, 'mark-left', "Person's left side")
    letter(svg, 'R', right_x, 110, 'mark-right', "Person's right side")
    svg.close('g')


# ---------------------------------------------------------------- document

def draw_defs(svg):
    svg.open('defs')
    svg.open('pattern', id='hatch-pattern', patternUnits='userSpaceOnUse',
             width='12', height='12', patternTransform='rotate(45)')
    svg.el('rect', class_='caution', width='12', height='12',
           fill=COL['caution'], opacity='0.12')
    svg.el('rect', class_='caution', width='4', height='12',
           fill=COL['caution'], opacity='0.55')
    svg.close('pattern')
    svg.close('defs')


def document(view):
    svg = Svg()
    svg.raw('<?xml version="1.0" encoding="UTF-8"?>')
    svg.raw('<!-- Sciatica Map: %s view of the body. Original artwork of the'
            ' project, GPL-3.0-or-later.' % view)
    svg.raw('     Written by build-aux/gen-anatomy.py; this file is the'
            ' source of truth. -->')
    svg.open('svg', xmlns='http://www.w3.org/2000/svg', version='1.1',
             width='800', height='1600', viewBox='0 0 800 1600')
    svg.title('Body, %s view' % view)
    draw_defs(svg)
    draw_figure(svg, view)
    draw_layer(svg, view, 'deep')
    draw_layer(svg, view, 'superficial')
    draw_landmarks(svg, view)
    draw_nerves(svg, view)
    draw_press_points(svg, view)
    draw_cautions(svg, view)
    draw_marks(svg, view)
    anatomy_referrals.draw(svg, view, {
        'path_d': path_d, 'place': place, 'fmt': fmt, 'fill': '#000000'})
    svg.close('svg')
    return '\n'.join(svg.lines) + '\n'


def inside(pt, poly):
    x, y = pt
    result = False
    for i in range(len(poly)):
        (x1, y1), (x2, y2) = poly[i], poly[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def check_fibres():
    """Fibre strokes must lie inside their muscle's outline."""
    for name, (_, _, outline, fibres) in ZONES.items():
        poly = [bezier_at(seg, k / 10) for seg in catmull(outline, True)
                for k in range(10)]
        for f in fibres:
            for p in sample(f, 10):
                if not inside(p, poly):
                    sys.exit('%s: fibre point %.0f,%.0f lies outside'
                             % (name, p[0], p[1]))


def main():
    check_fibres()
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'anatomy')
    os.makedirs(outdir, exist_ok=True)
    for view in ('back', 'front'):
        with open(os.path.join(outdir, 'body-%s.svg' % view), 'w') as f:
            f.write(document(view))
    pir = centre(ZONES['piriformis'][2])
    mid = piriformis_point()
    print('piriformis centre u=%.1f y=%.1f, midpoint u=%.1f y=%.1f'
          % (pir[0], pir[1], mid[0], mid[1]))


if __name__ == '__main__':
    main()
