#!/usr/bin/env python3
"""make-icon.py -- draws the program's icon: assets/icons/chokepoint.svg and the
PNG sizes the desktop menus use (assets/icons/chokepoint-<N>.png), from one
description of the shapes below, with nothing but the standard library (no
rasteriser needs to be installed). The picture: goods flowing from the left
and right into a narrow neck -- a chokepoint -- on a dark rounded square.

    python3 packaging/make-icon.py [OUT_DIR]   (default assets/icons)
"""
import os
import struct
import sys
import zlib

VIEW = 256  # the shapes are drawn on a 256 x 256 canvas
BACKGROUND = (0x1D, 0x2B, 0x44)
BACK_RADIUS = 44
# the flow: a band that narrows to a neck in the middle (a bow tie on its side)
FLOW = [(28, 58), (112, 112), (144, 112), (228, 58), (228, 198), (144, 144), (112, 144), (28, 198)]
FLOW_COLOUR = (0xE8, 0xA3, 0x3D)
# the neck: a short bar across the narrowest point
NECK = [(118, 92), (138, 92), (138, 164), (118, 164)]
NECK_COLOUR = (0xF2, 0xF2, 0xEE)
SIZES = [16, 24, 32, 48, 64, 128, 256]


def in_rounded_square(x, y):
    r = BACK_RADIUS
    cx = min(max(x, r), VIEW - r)
    cy = min(max(y, r), VIEW - r)
    return 0 <= x <= VIEW and 0 <= y <= VIEW and (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_polygon(x, y, pts):
    inside = False
    j = len(pts) - 1
    for i, (xi, yi) in enumerate(pts):
        xj, yj = pts[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def colour_at(x, y):
    """The colour (r, g, b, a) of canvas point x, y."""
    if not in_rounded_square(x, y):
        return (0, 0, 0, 0)
    if in_polygon(x, y, NECK):
        return NECK_COLOUR + (255,)
    if in_polygon(x, y, FLOW):
        return FLOW_COLOUR + (255,)
    return BACKGROUND + (255,)


def render(size, samples=4):
    rows = []
    scale = VIEW / size
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale)
                    acc[0] += c[0] * c[3]
                    acc[1] += c[1] * c[3]
                    acc[2] += c[2] * c[3]
                    acc[3] += c[3]
            a = acc[3]
            if a == 0:
                row += bytes(4)
            else:
                row += bytes([round(acc[0] / a), round(acc[1] / a), round(acc[2] / a), round(a / samples ** 2)])
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def svg():
    hexc = lambda c: "#%02x%02x%02x" % c
    pts = lambda p: " ".join("%d,%d" % q for q in p)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n'
            '  <title>Chokepoint</title>\n'
            '  <rect x="0" y="0" width="%d" height="%d" rx="%d" ry="%d" fill="%s"/>\n'
            '  <polygon points="%s" fill="%s"/>\n'
            '  <polygon points="%s" fill="%s"/>\n'
            '</svg>\n') % (VIEW, VIEW, VIEW, VIEW, VIEW, VIEW, BACK_RADIUS, BACK_RADIUS, hexc(BACKGROUND),
                           pts(FLOW), hexc(FLOW_COLOUR), pts(NECK), hexc(NECK_COLOUR))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "assets", "icons")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "chokepoint.svg"), "w") as f:
        f.write(svg())
    for n in SIZES:
        with open(os.path.join(out, "chokepoint-%d.png" % n), "wb") as f:
            f.write(png(n, render(n)))


if __name__ == "__main__":
    main()
