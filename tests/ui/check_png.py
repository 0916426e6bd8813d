#!/usr/bin/env python3
"""Decode a PNG written by the screenshot mode: chunks, CRCs, zlib stream, size."""
import struct, sys, zlib

path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
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
raw = zlib.decompress(idat)
assert len(raw) == h * (1 + 3 * w), "raw size %d" % len(raw)
print("ok: %dx%d, %d bytes" % (w, h, len(data)))
