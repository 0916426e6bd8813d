"""Joining the room: the codes file, pages and files, a WebSocket's welcome
and full state, the lead, and a reconnection that gets its whole view back
(docs/protocol.md)."""
import os
import re
import stat

from roomlib import Client, Host, check, http, run, state_of

CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$")


def codes_file(host):
    c = host.codes
    check(set(c) == {"url", "facilitator", "observer", "teams"}, "codes file keys: %s" % list(c))
    check(set(c["teams"]) == {"a", "b", "c"}, "one code per team: %s" % c["teams"])
    every = [c["facilitator"], c["observer"]] + list(c["teams"].values())
    check(all(CODE.match(x) for x in every), "codes are XXXX-XXXX-XXXX-XXXX: %s" % every)
    check(len(set(every)) == len(every), "every code differs")
    check(c["url"].startswith("http://127.0.0.1:"), "the url is the bound address: " + c["url"])
    for path in (host.codes_path, host.save + ".host.json"):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        check(mode == 0o600, "%s is the user's only (mode %o)" % (os.path.basename(path), mode))


def pages(host):
    a = host.code("a")
    status, body, h = http("GET", host.url + "join/" + a)
    check(status == 200 and "<html" in body.lower(), "GET /join/CODE serves a page: %d" % status)
    check(h.get("Content-Type", "").startswith("text/html"), "a page is text/html: %s" % h)
    check(h.get_all("Cache-Control") == ["no-cache"],
          "a page has one Cache-Control, no-cache: %s" % h.get_all("Cache-Control"))
    status, body, h = http("GET", host.url + "static/js/app.js")
    check(status == 200 and h.get_all("Cache-Control") == ["no-cache"],
          "a script too: %s" % h.get_all("Cache-Control"))
    status, body, _ = http("GET", host.url + "join/" + a.lower().replace("-", ""))
    check(status == 200, "a code is read in any case, without dashes: %d" % status)
    for bad in ("api/state?code=nothing", "api/state"):
        status, body, _ = http("GET", host.url + bad)
        check(status == 403 and body == '{"ok":false,"error":"forbidden"}',
              "%s: 403 and nothing else (%d %s)" % (bad, status, body[:80]))
    # A person who opens a wrong code gets a page to read, not JSON, and the
    # same page whatever the code: it says nothing of why.
    bodies = set()
    near = a[:-1] + ("3" if a[-1] == "2" else "2")  # one symbol off
    for bad in ("join/AAAA-AAAA-AAAA-AAAA", "join/", "join/" + near, "join/nothing"):
        status, body, h = http("GET", host.url + bad)
        check(status == 403 and h.get("Content-Type", "").startswith("text/html") and
              "<h1>" in body and "{" not in body,
              "/%s: 403 and a page for a person (%d %s)" % (bad, status, body[:80]))
        bodies.add(body)
    check(len(bodies) == 1, "every wrong code gets the same page: %d kinds" % len(bodies))
    status, body, _ = http("GET", host.url)
    check(status == 200, "GET / serves the start page: %d" % status)
    for bad in ("static/../../etc/passwd", "static/%2e%2e/%2e%2e/etc/passwd", "static/.hidden",
                "static//etc/passwd", "static/..%2fCMakeLists.txt", "nothing/here"):
        status, body, _ = http("GET", host.url + bad)
        check(status == 404, "/%s is not served (%d)" % (bad, status))


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        codes_file(host)
        pages(host)
        ana = await Client(host, "c", name="Ana").open()
        w = ana.welcome
        check(w["v"] == 1 and w["participant"]["kind"] == "team", "welcome: %s" % w)
        check(w["protocol"] == "1.1", "welcome says the protocol's version: %s" % w.get("protocol"))
        check(w["participant"]["role"] == "c" and w["participant"]["lead"], "the first is the lead")
        check(len(w["participant"]["token"]) == 26, "a token of 26 symbols")
        check(w["last_seq"] == 0, "a new participant has taken no seq")
        s = await ana.wait_state(lambda s: any(m["name"] == "Ana" for m in
                                               [r for r in s["roles"] if r["id"] == "c"][0]["members"]))
        check(s["viewer"] == {"kind": "team", "role": "c", "debrief": False},
              "the state names its viewer: %s" % s["viewer"])
        check(s["mode"] == "simultaneous", "host: teams move at once")
        gamma = [r for r in s["roles"] if r["id"] == "c"][0]
        check(gamma["members"][0]["online"] and gamma["joined"] == 1, "Ana is in and online")
        check("members" not in [r for r in s["roles"] if r["id"] == "a"][0],
              "another team's members are not listed")
        bo = await Client(host, "c", name="Bo").open()
        check(not bo.welcome["participant"]["lead"], "the second member is not the lead")
        # A name is cleaned: no control characters, at most 40 bytes.
        cy = await Client(host, "c", name="C\x01y" + "é" * 30).open()
        n = cy.welcome["participant"]["name"]
        check("\x01" not in n and len(n.encode()) <= 40, "a name cleaned and cut: %r" % n)
        n.encode("utf-8")
        # Reconnect: the same participant, the whole view again.
        token, pid = ana.token, ana.id
        r = await ana.cmd("act c wait -- we hold")
        check(r["ok"], "the lead acts: %s" % r)
        await ana.close()
        again = await Client(host, "c", token=token).open()
        check(again.id == pid, "the token gives the same participant back (%s)" % again.id)
        check(again.welcome["participant"]["name"] == "Ana", "with its name")
        check(again.welcome["participant"]["lead"], "still the lead")
        check(again.welcome["last_seq"] == 1, "and the seq it used: %d" % again.welcome["last_seq"])
        full = again.state()
        check(full["roles"][2]["points"] == 1 and any(e["kind"] == "action" for e in full["log"]),
              "the full view comes back: the action is in the log")
        got = state_of(host, "c")
        check(got["log"] == full["log"] and got["inbox"] == full["inbox"],
              "GET /api/state holds what the WebSocket pushed")
        # A token is no key to another slot.
        other = await Client(host, "b", token=token).open()
        check(other.id != pid, "a token of team c makes no one of team b")
        for c in (again, bo, cy, other):
            await c.close()
    finally:
        check(host.stop() == 0, "the host stops cleanly on SIGTERM")
        host.cleanup()


run("join", main)
