#!/usr/bin/env python3
"""Decode a PNG written by the screenshot mode with an independent inflater
(Python's zlib): chunks, CRCs, the zlib stream, the size, every row's filter
undone; with MIN_COLOURS, the frame must hold more distinct colours than that
(a blank or text-less frame holds a handful).
  usage: check_png.py FILE WIDTH HEIGHT [MIN_COLOURS]"""
import struct, sys, zlib

path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
min_colours = int(sys.argv[4]) if len(sys.argv) > 4 else 0
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, = struct.unpack(">I", data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
    crc, = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])
    assert zlib.crc32(kind + body) == crc, "bad CRC in %r" % kind
    if kind == b"IHDR": ihdr = struct.unpack(">IIBBBBB", body)
    if kind == b"IDAT": idat += body
    pos += 12 + n
assert ihdr[:2] == (w, h), "size %r" % (ihdr[:2],)
assert ihdr[2:5] == (8, 2, 0), "not 8-bit RGB: %r" % (ihdr[2:5],)
raw = zlib.decompress(idat)
stride = 3 * w
assert len(raw) == h * (1 + stride), "raw size %d" % len(raw)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def unfilter(kind, row, prev):
    if kind == 0: return row
    out = bytearray(row)
    for i in range(stride):
        a = out[i - 3] if i >= 3 else 0
        b = prev[i]
        c = prev[i - 3] if i >= 3 else 0
        pred = (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]
        out[i] = (out[i] + pred) & 255
    return bytes(out)


colours, prev = set(), bytes(stride)
for y in range(h):
    kind = raw[y * (1 + stride)]
    assert kind <= 4, "row %d: filter %d" % (y, kind)
    row = unfilter(kind, raw[y * (1 + stride) + 1:(y + 1) * (1 + stride)], prev)
    if min_colours: colours.update(row[i:i + 3] for i in range(0, stride, 3))
    prev = row
assert len(colours) > min_colours or not min_colours, \
    "%d distinct colours, want more than %d: a blank frame?" % (len(colours), min_colours)
print("ok: %dx%d, %d bytes%s" % (w, h, len(data),
                                 ", %d colours" % len(colours) if min_colours else ""))
