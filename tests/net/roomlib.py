"""roomlib.py -- what the protocol tests of `crisisroom host` share (tests/net).

A host on loopback with the room fixture (tests/fixtures/room), WebSocket
clients from Python's websockets (Debian's python3-websockets), plain HTTP,
and a checker in which every assertion counts on its own, as tests/check.h.
Each test script is run as: python3 test_X.py CRISISROOM SOURCE_DIR
"""
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

try:
    import websockets
except ImportError:  # a clear failure, never a skipped test
    sys.exit("tests/net needs Python's websockets: apt install python3-websockets (scripts/setup)")

TIMEOUT = 10  # seconds any one wait may take before the test fails

failures = []
checks = 0


def check(cond, what):
    """One assertion: counted, and named when it fails."""
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("check failed: " + what, file=sys.stderr)
    return cond


def report(name):
    print("%s: %d checks, %d failed" % (name, checks, len(failures)))
    return 1 if failures else 0


class Host:
    """`crisisroom host` --headless on 127.0.0.1, a free port, its own folder."""

    def __init__(self, binary, src, work=None, target=None, args=()):
        self.binary, self.src = binary, src
        self.work = work or tempfile.mkdtemp(prefix="crisisroom-net-")
        self.save = os.path.join(self.work, "s.jsonl")
        self.codes_path = os.path.join(self.work, "codes.json")
        self.target = target or os.path.join(src, "tests", "fixtures", "room")
        self.args = list(args)
        self.proc = None
        self.env = {}     # more of the host's environment
        self.ssl = None   # an ssl.SSLContext for wss:// and https:// (TLS tests)

    def start(self, target=None, port=True):
        """port False: no --port (a restart on the port the host file kept)."""
        if os.path.exists(self.codes_path):
            os.remove(self.codes_path)
        cmd = [self.binary, "host", target or self.target, "--headless",
               "--bind", "127.0.0.1", "--codes", self.codes_path] + (["--port", "0"] if port else [])
        if not target:
            cmd += ["--save", self.save, "--seed", "3"]
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.work, "xdg"), **self.env)
        self.out = open(os.path.join(self.work, "host.out"), "ab")
        self.proc = subprocess.Popen(cmd + self.args, stdout=self.out, stderr=self.out, env=env)
        deadline = time.time() + TIMEOUT
        while not os.path.exists(self.codes_path):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("the host did not start: " + self.log())
            time.sleep(0.02)
        time.sleep(0.05)  # the file is written whole (renamed into place)
        with open(self.codes_path) as f:
            self.codes = json.load(f)
        self.url = self.codes["url"]
        self.ws = "ws" + self.url[4:] + "ws"
        return self

    def code(self, slot):
        return self.codes["teams"].get(slot) or self.codes[slot]

    def stop(self, sig=signal.SIGTERM):
        """Stop it as a facilitator would (Ctrl-C, or the system's TERM)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                check(False, "the host did not stop on %s" % sig)
        rc = self.proc.returncode if self.proc else None
        self.proc = None
        return rc

    def kill(self):
        self.stop(signal.SIGKILL)

    def log(self):
        try:
            with open(os.path.join(self.work, "host.out")) as f:
                return f.read()
        except OSError:
            return ""

    def journal(self):
        with open(self.save) as f:
            return [json.loads(line) for line in f if line.strip()][1:]

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)


def http(method, url, body=None, headers=None, context=None):
    """(status, body as text, headers) of one request; the headers keep
    every line (get_all), a header sent twice too."""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT, context=context) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), e.headers


def state_of(host, slot):
    status, body, _ = http("GET", host.url + "api/state?code=" + host.code(slot), context=host.ssl)
    check(status == 200, "GET /api/state for %s: %d %s" % (slot, status, body[:200]))
    return json.loads(body) if status == 200 else {}


def command(host, slot, line, token=None, seq=None, confirm=True):
    """POST one line. confirm: an `end` is meant (the server asks otherwise
    when something is left undone; test_confirm.py looks at that)."""
    q = "api/command?code=" + host.code(slot)
    if token:
        q += "&token=" + token
    if seq is not None:
        q += "&seq=%d" % seq
    if confirm:
        q += "&confirm=1"
    status, body, _ = http("POST", host.url + q, line)
    return status, json.loads(body)


class Client:
    """A WebSocket client that keeps every message it receives."""

    def __init__(self, host, slot, name=None, token=None, origin=None):
        self.host, self.slot, self.name, self.token, self.origin = host, slot, name, token, origin
        self.messages, self.raw = [], []
        self.seq = 0
        self.closed = None

    async def open(self, hello=True):
        url = self.host.ws + "?code=" + self.host.code(self.slot)
        tls = {"ssl": self.host.ssl} if self.host.ssl else {}
        self.ws = await websockets.connect(url, origin=self.origin, max_size=2**24,
                                           close_timeout=2, open_timeout=TIMEOUT, **tls)
        self.reader = asyncio.ensure_future(self._read())
        if hello:
            msg = {"v": 1, "type": "hello"}
            if self.name:
                msg["name"] = self.name
            if self.token:
                msg["token"] = self.token
            await self.send(msg)
            self.welcome = await self.next("welcome")
            self.token = self.welcome["participant"]["token"]
            self.id = self.welcome["participant"]["id"]
            self.seq = self.welcome["last_seq"]
            await self.next("state")
        return self

    async def _read(self):
        try:
            async for m in self.ws:
                self.raw.append(m)
                self.messages.append(json.loads(m) if isinstance(m, str) else {"binary": m})
        except websockets.ConnectionClosed as e:
            self.closed = e
        if self.closed is None:
            self.closed = self.ws.close_code

    async def send(self, obj):
        await self.ws.send(obj if isinstance(obj, (str, bytes)) else json.dumps(obj))

    async def next(self, mtype, pred=lambda m: True, start=0, timeout=TIMEOUT):
        """The first message of type mtype (from index start) that pred accepts."""
        deadline = time.time() + timeout
        while True:
            done = self.reader.done()  # before looking: nothing comes after it
            for m in self.messages[start:]:
                if m.get("type") == mtype and pred(m):
                    return m
            if done:
                raise ConnectionError("closed before a %s message (%s)" % (mtype, self.closed))
            if time.time() > deadline:
                raise TimeoutError("no %s message for %s" % (mtype, self.slot))
            await asyncio.sleep(0.01)

    def state(self):
        states = [m for m in self.messages if m.get("type") == "state"]
        return states[-1] if states else {}

    async def cmd(self, line, seq=None, confirm=True):
        """Send a command; its result. confirm: as for command()."""
        if seq is None:
            self.seq += 1
            seq = self.seq
        start = len(self.messages)
        msg = {"v": 1, "type": "command", "seq": seq, "line": line}
        if confirm:
            msg["confirm"] = True
        await self.send(msg)
        return await self.next("result", lambda m: m.get("seq") == seq, start)

    async def request(self, obj):
        start = len(self.messages)
        await self.send(dict(obj, v=1))
        return await self.next("result", lambda m: True, start)

    async def wait_state(self, pred, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.state()
            if s and pred(s):
                return s
            if self.reader.done():
                break
            await asyncio.sleep(0.01)
        raise TimeoutError("no state as expected for %s" % self.slot)

    async def caught_up(self):
        """Waits for the state of the host's newest revision (read over
        HTTP), so that every push before it has come: no guess of how long."""
        rev = state_of(self.host, self.slot)["rev"]
        return await self.wait_state(lambda s: s["rev"] >= rev)

    async def close(self):
        await self.ws.close()
        await asyncio.wait_for(self.reader, TIMEOUT)

    def text(self):
        """Everything received, as one string, for looking for markers."""
        return "\n".join(m if isinstance(m, str) else repr(m) for m in self.raw)


def run(name, main, bound=50):
    """Run main(binary, src) under an overall bound in seconds (below ctest's
    TIMEOUT, so that a stuck test says where); the report is the exit status."""
    binary, src = sys.argv[1], sys.argv[2]
    try:
        asyncio.run(asyncio.wait_for(main(binary, src), bound))
    except Exception as e:  # a test that could not go on fails, with why
        import traceback
        traceback.print_exc()
        check(False, "%s stopped: %r" % (name, e))
    sys.exit(report(name))
