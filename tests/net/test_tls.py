"""TLS in the host (issue 12, point 9): `crisisroom host --tls-cert PEM`
serves the pages, the API and the WebSocket over TLS with civetweb's own
support; the addresses say https://. A throwaway self-signed certificate
is made with openssl; every connection verifies it.

Debian 12's civetweb (1.15, built for OpenSSL 1.1) cannot load OpenSSL 3:
it looks for SSL_get_peer_certificate, which OpenSSL 3 no longer exports.
So this checks both sides: on such a system the host refuses --tls-cert
with a clear message (never starts a server that would crash at its first
request), and with an OpenSSL civetweb can load (tls_shim.c first in
LD_LIBRARY_PATH, for this test only) it serves https and wss.
    usage: test_tls.py CRISISROOM SOURCE_DIR SHIM_DIR|"" OPENSSL"""
import os
import ssl
import subprocess
import sys
import tempfile
import urllib.error

import websockets

from roomlib import TIMEOUT, Client, Host, check, http, run, state_of

SHIM, OPENSSL = sys.argv[3], sys.argv[4] or "openssl"


def certificate(work):
    """A key and a certificate for 127.0.0.1 in one PEM (what --tls-cert takes)."""
    key, crt = os.path.join(work, "key.pem"), os.path.join(work, "crt.pem")
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", crt], check=True, capture_output=True, timeout=60)
    both = os.path.join(work, "both.pem")
    with open(both, "w") as out:
        for p in (key, crt):
            with open(p) as f:
                out.write(f.read())
    return both, crt


def host_run(binary, src, work, args, env=None):
    """A host that is expected not to start: its exit status and what it said."""
    cmd = [binary, "host", os.path.join(src, "tests", "fixtures", "room"), "--headless",
           "--port", "0", "--bind", "127.0.0.1", "--save", os.path.join(work, "r.jsonl")] + args
    e = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "xdg"), **(env or {}))
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=e)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as t:  # it started after all: stopped by the timeout
        return None, str(t.stdout or "")


async def serves_tls(binary, src, crt, both, env):
    """With civetweb's TLS loaded: https and wss, verified against crt."""
    host = Host(binary, src, args=["--tls-cert", both])
    host.env = env
    host.ssl = ssl.create_default_context(cafile=crt)
    try:
        host.start()
        check(host.url.startswith("https://127.0.0.1:"), "the address says https: %s" % host.url)
        check(host.ws.startswith("wss://"), "and the WebSocket wss: %s" % host.ws)
        status, body, _ = http("GET", host.url + "join/" + host.code("a"), context=host.ssl)
        check(status == 200 and "<html" in body.lower(), "a team's page over https: %d" % status)
        st = state_of(host, "observer")
        check(st.get("type") == "state", "GET /api/state over https, verified")
        a = await Client(host, "a", name="Ana").open()
        check(a.welcome["participant"]["role"] == "a", "wss: hello, welcome, state")
        r = await a.cmd("act a ask -- over TLS")
        check(r["ok"], "a command over wss: %s" % r)
        await a.close()
        try:
            await websockets.connect(host.ws + "?code=" + host.code("a"),
                                     ssl=ssl.create_default_context(), open_timeout=TIMEOUT)
            check(False, "a client that does not trust the certificate gets in")
        except ssl.SSLCertVerificationError:
            check(True, "a client that does not trust the certificate is not let in")
        try:
            status, _, _ = http("GET", "http" + host.url[5:] + "api/state")
            check(False, "plain http on the TLS port answered %d" % status)
        except (urllib.error.URLError, ConnectionError, OSError):
            check(True, "nothing in clear on the TLS port")
    finally:
        host.cleanup()


async def main(binary, src):
    work = tempfile.mkdtemp(prefix="crisisroom-tls-")
    both, crt = certificate(work)
    rc, out = host_run(binary, src, work, ["--tls-cert", os.path.join(work, "none.pem")])
    check(rc == 1 and "none.pem" in out, "a missing certificate file is named: %s %s" % (rc, out))
    rc, out = host_run(binary, src, work, ["--tls-cert", both])
    if rc is None or rc == 0:
        print("civetweb's TLS loads on this system as it is")
        await serves_tls(binary, src, crt, both, {})
    else:
        print("civetweb's TLS does not load on this system: the host says so")
        check(rc == 1 and "TLS is not available" in out and "reverse proxy" in out,
              "--tls-cert refused with a clear message, not a crash: %s %s" % (rc, out))
        check(not os.path.exists(os.path.join(work, "r.jsonl.host.json")),
              "and nothing was started")
    if SHIM:
        await serves_tls(binary, src, crt, both, {"LD_LIBRARY_PATH": SHIM})
    else:
        check(False, "no tls_shim (libssl-dev missing: scripts/setup)")


run("tls", main)
