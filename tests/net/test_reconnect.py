"""Faults lose nothing (issue 12, point 8): a client that drops and sends its
command again has it applied once or refused, never twice (sequence numbers
per participant, remembered); the host process killed and started again on
its save comes back with the same codes, the same game and the same
participants, and still knows which commands it applied."""
import asyncio
import json

from roomlib import Client, Host, check, command, http, run, state_of


def count(host, line):
    return sum(1 for e in host.journal() if e["cmd"] == line)


async def applied(host, line):
    """Waits until the host journaled line (read while it writes: a line
    may be half there)."""
    for _ in range(500):
        try:
            if count(host, line):
                return
        except ValueError:
            pass
        await asyncio.sleep(0.02)


def game_part(s):
    return {k: s[k] for k in ("clock", "inbox", "log", "meters", "boards", "actions")}


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        a = await Client(host, "a", name="Ana").open()
        # The command goes out and the link dies before its answer comes back.
        await a.send({"v": 1, "type": "command", "seq": 1, "line": "act a ask -- once"})
        await applied(host, "act a ask -- once")
        a.ws.transport.abort()
        await asyncio.wait_for(a.reader, 5)
        back = await Client(host, "a", token=a.token).open()
        check(back.id == a.id, "the same participant after the drop")
        check(back.welcome["last_seq"] == 1, "the server says seq 1 was taken: %d" %
              back.welcome["last_seq"])
        r = await back.cmd("act a ask -- once", seq=1)
        check(r["ok"] and r.get("repeat"), "the resent command is answered, not applied: %s" % r)
        check(count(host, "act a ask -- once") == 1, "the journal has it once")
        r = await back.cmd("end", seq=3)
        check(r["ok"] and not r.get("repeat"), "a new seq is applied: %s" % r)
        r = await back.cmd("act a ask -- late", seq=2)
        check(not r["ok"] and r["code"] == "stale" and r.get("repeat"), "a lower seq is stale: %s" % r)
        r = await back.cmd("choose pa nothing", seq=4)
        check(not r["ok"] and r["code"] == "refused", "a refused command: %s" % r)
        r = await back.cmd("choose pa nothing", seq=4)
        check(not r["ok"] and r["code"] == "refused" and r.get("repeat"),
              "refused again, the same answer, marked: %s" % r)
        await back.send({"v": 1, "type": "command", "seq": 0, "line": "end"})
        e = await back.next("error", lambda m: m["code"] == "malformed")
        check("seq" in e["error"], "seq 0 is malformed: %s" % e)
        # HTTP too: a token from /api/join, and seq.
        status, body, _ = http("POST", host.url + "api/join?code=" + host.code("b"), '{"name":"Bo"}')
        w = json.loads(body)
        check(status == 200 and w["type"] == "welcome", "POST /api/join: %s" % body)
        tok = w["participant"]["token"]
        for i in range(2):
            status, r = command(host, "b", "act b dig", token=tok, seq=7)
            check(status == 200 and r["ok"] and bool(r.get("repeat")) == (i == 1),
                  "HTTP seq 7, try %d: %s" % (i + 1, r))
        check(count(host, "act b dig") == 1, "the HTTP command is journaled once")
        status, r = command(host, "b", "act b dig", seq=8)
        check(status == 400, "a seq without a token is malformed: %s" % r)
        # The host dies (kill -9) and starts again on its save.
        before = state_of(host, "facilitator")
        codes = dict(host.codes)
        host.kill()
        await asyncio.wait_for(back.reader, 10)
        host.start(host.save)
        check({k: v for k, v in host.codes.items() if k != "url"} ==
              {k: v for k, v in codes.items() if k != "url"}, "the same codes after a restart")
        after = state_of(host, "facilitator")
        check(game_part(after) == game_part(before), "the same game after a restart")
        again = await Client(host, "a", token=a.token).open()
        check(again.id == a.id and again.welcome["participant"]["lead"],
              "the same participant, still the lead")
        check(again.welcome["last_seq"] == 3, "the applied seqs come back from the journal: %d" %
              again.welcome["last_seq"])
        r = await again.cmd("end", seq=3)
        check(r["ok"] and r.get("repeat"), "resent after the restart: answered, not applied: %s" % r)
        check(count(host, "end a") == 1, "still once in the journal")
        status, r = command(host, "b", "act b dig", token=tok, seq=7)
        check(r.get("repeat"), "the HTTP seq is remembered across the restart: %s" % r)
        await again.close()
    finally:
        host.cleanup()


run("reconnect", main)
