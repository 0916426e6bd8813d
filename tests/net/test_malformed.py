"""Everything a client may get wrong or do on purpose (issue 12, point 7):
malformed JSON, a binary frame, an oversized frame, a fragmented message,
text that is not UTF-8, too many messages a second, too many clients, a
slow client that never reads, a page from another site (Origin), a revoked
code. Each gets a clear error or is dropped, and the game goes on."""
import asyncio
import json
import os
import socket
import struct
import time

import websockets

from roomlib import Client, Host, check, command, http, run, state_of


def frame(opcode, payload):
    """One masked client frame, as RFC 6455 asks of a client."""
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x80 | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack(">Q", n)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def raw_client(host, slot, rcvbuf=None):
    """A WebSocket by hand: the handshake, then whatever frames the test sends."""
    port = int(host.url.rsplit(":", 1)[1].strip("/"))
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(10)
    s.connect(("127.0.0.1", port))
    s.sendall(("GET /ws?code=%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n" % (host.code(slot), port)).encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(1)
    return s, head.decode()


async def refused_upgrade(url, status, origin=None):
    try:
        ws = await websockets.connect(url, origin=origin, open_timeout=10)
        await ws.close()
        return False
    except websockets.InvalidStatusCode as e:
        return e.status_code == status


async def closed_with(cl, code):
    await asyncio.wait_for(cl.reader, 10)
    return cl.ws.close_code == code


async def frames(host):
    c = await Client(host, "c", name="Cy").open()
    await c.send("{not json")
    e = await c.next("error")
    check(e["code"] == "malformed", "malformed JSON: an error: %s" % e)
    n = len(c.messages)
    await c.send('{"v": 2, "type": "hello"}')
    e = await c.next("error", start=n)
    check(e["code"] == "malformed", "another version: malformed: %s" % e)
    n = len(c.messages)
    await c.send(["frag", "ment"])  # one message in two frames
    e = await c.next("error", start=n)
    check(e["code"] == "malformed", "a fragmented message: an error: %s" % e)
    await c.send({"v": 1, "type": "ping"})
    check(await c.next("pong"), "after malformed input the connection goes on")
    await c.send(b"\x00\x01binary")
    bye = await c.next("bye")
    check(bye["code"] == "binary", "a binary frame: bye binary: %s" % bye)
    check(await closed_with(c, 1003), "and closed with 1003: %s" % c.ws.close_code)
    big = await Client(host, "c", name="Big").open()
    await big.send(json.dumps({"v": 1, "type": "command", "seq": 1, "line": "x" * 20000}))
    bye = await big.next("bye")
    check(bye["code"] == "too_large", "an oversized frame: bye too_large: %s" % bye)
    check(await closed_with(big, 1009), "and closed with 1009: %s" % big.ws.close_code)
    s, head = raw_client(host, "c")
    s.sendall(frame(1, b'{"v":1,"type":"hello","name":"\xff\xfe"}'))
    data = b""
    while b"UTF-8" not in data and len(data) < 4096:
        more = s.recv(4096)
        if not more:
            break
        data += more
    check(b"UTF-8" in data and b"malformed" in data, "text that is not UTF-8: an error: %r" % data)
    s.close()


async def rate(host):
    fast = await Client(host, "c", name="Fast").open()
    for _ in range(30):
        await fast.send({"v": 1, "type": "ping"})
    e = await fast.next("error", lambda m: m["code"] == "rate")
    check("10 a second" in e["error"], "too many messages a second: error rate: %s" % e)
    await asyncio.sleep(2.5)  # the bucket fills again
    await fast.send({"v": 1, "type": "ping"})
    n = len(fast.messages)
    check(await fast.next("pong", start=n - 1), "after a pause the client goes on")
    for _ in range(120):
        await fast.send({"v": 1, "type": "ping"})
    bye = await fast.next("bye")
    check(bye["code"] == "rate", "a client that keeps flooding is dropped: %s" % bye)
    check(await closed_with(fast, 1008), "with 1008: %s" % fast.ws.close_code)


async def crowd(host):
    url = host.ws + "?code="
    team = [await websockets.connect(url + host.code("a")) for _ in range(100)]
    check(await refused_upgrade(url + host.code("a"), 503), "the 101st client of a team: 503")
    status, body, _ = http("GET", host.url + "api/state?code=" + host.code("a"))
    check(status == 200, "HTTP still answers with a full team")
    more = []
    for slot in ("b", "c", "observer"):
        more += [await websockets.connect(url + host.code(slot)) for _ in range(100)]
    check(await refused_upgrade(url + host.code("facilitator"), 503),
          "the 401st client of all: 503")
    for ws in team + more:
        await ws.close()
    await asyncio.sleep(0.5)
    f = await Client(host, "facilitator", name="F").open()
    check(f.welcome["participant"]["kind"] == "facilitator", "clients join again once others left")
    await f.close()


async def origin(host):
    url = host.ws + "?code=" + host.code("observer")
    check(await refused_upgrade(url, 403, origin="http://evil.example"),
          "a page from another site is refused at the upgrade: 403")
    ws = await websockets.connect(url, origin=host.url.rstrip("/"))
    check(ws.open, "the room's own page is let in")
    await ws.close()
    check(await refused_upgrade(host.ws + "?code=AAAA-BBBB-CCCC-DDDD", 403), "a wrong code: 403")


async def slow(host):
    watcher = await Client(host, "observer", name="Watcher").open()
    s, head = raw_client(host, "observer", rcvbuf=4096)
    check(head.startswith("HTTP/1.1 101"), "the slow client is upgraded")
    s.sendall(frame(1, b'{"v":1,"type":"hello","name":"Slow"}'))  # and never reads
    text = "y" * 1900
    t0 = time.time()
    for i in range(100):
        status, r = command(host, "facilitator", "inject all Flood %d -- %s" % (i, text))
        if not r["ok"]:
            check(False, "inject %d: %s" % (i, r))
            break
    last = r.get("rev", 0)
    st = await watcher.wait_state(lambda s: s["rev"] >= last, timeout=10)
    check(st["rev"] >= last, "the others keep up while one does not read")
    check(time.time() - t0 < 15, "the game went on: 100 commands in %.1f s" % (time.time() - t0))
    gone = False
    deadline = time.time() + 25
    while time.time() < deadline and not gone:
        fac = state_of(host, "facilitator")
        gone = any(p["name"] == "Slow" and not p["online"] for p in fac["facilitator"]["participants"])
        await asyncio.sleep(0.5)
    check(gone, "the client that never reads is dropped")
    s.close()
    await watcher.close()


async def revoke(host):
    b = await Client(host, "b", name="Bea").open()
    fac = await Client(host, "facilitator", name="F").open()
    old = host.code("b")
    r = await fac.request({"type": "revoke", "slot": "b"})
    check(r["ok"] and r["code"] != old, "the facilitator revokes b's code: %s" % r)
    bye = await b.next("bye")
    check(bye["code"] == "revoked", "b's device is told: %s" % bye)
    check(await closed_with(b, 4003), "and closed: %s" % b.ws.close_code)
    status, body, _ = http("GET", host.url + "api/state?code=" + old)
    check(status == 403 and body == '{"ok":false,"error":"forbidden"}', "the old code: 403 only")
    check(await refused_upgrade(host.ws + "?code=" + old, 403), "no WebSocket with the old code")
    status, body, _ = http("GET", host.url + "join/" + old)
    check(status == 403, "no page with the old code")
    # The host answers first and writes the file after (net_owner.c's
    # do_revoke): under load that takes a moment.
    deadline, written = time.time() + 10, None
    while time.time() < deadline and written != r["code"]:
        with open(host.codes_path) as f:
            written = json.load(f)["teams"]["b"]
        if written != r["code"]:
            await asyncio.sleep(0.05)
    check(written == r["code"], "--codes FILE has the new code")
    host.codes["teams"]["b"] = r["code"]
    again = await Client(host, "b", token=b.token).open()
    check(again.id == b.id, "with the new code and its token, Bea is herself again")
    await again.close()
    await fac.close()


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        await frames(host)
        await rate(host)
        await origin(host)
        await crowd(host)
        await revoke(host)
        await slow(host)
        s = state_of(host, "facilitator")
        check(s["clock"]["turn"] == 1 and len(s["inbox"]) >= 100, "the game is whole at the end")
    finally:
        host.cleanup()


run("malformed", main)
