"""Teams move at once (issue 12, point 5): every team chooses and acts within
the turn; the turn closes when all have ended their move, when the
facilitator closes it, or when the timer runs out -- open decisions then
take their defaults, each a journaled command marked as the timer's. The
journal replays to the same game."""
import asyncio
import json
import subprocess

from roomlib import Client, Host, check, command, run, state_of


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        a, b, c = [await Client(host, t, name=t.upper()).open() for t in "abc"]
        fac = await Client(host, "facilitator", name="F").open()
        # All at once, in any order: c and b before a, whose "move" it would be.
        for cl, line in ((c, "choose pub yes"), (b, "act b dig"), (a, "act a ask")):
            r = await cl.cmd(line)
            check(r["ok"], "%s at once: %s" % (line, r))
        r = await b.cmd("end")
        check(r["ok"], "b ends its move: %s" % r)
        s = await a.wait_state(lambda s: s["roles"][1]["done"])
        check(s["clock"]["turn"] == 1 and not s["roles"][0]["done"], "b is done, a and c are not")
        r = await b.cmd("act b dig")
        check(not r["ok"] and "ended its move" in r["error"], "b cannot act after its end: %s" % r)
        await a.cmd("end")
        await c.cmd("end")
        s = await a.wait_state(lambda s: s["clock"]["turn"] == 2)
        check(not any(r["done"] for r in s["roles"]), "the last end closed the turn: all move again")
        # The timer: two seconds, closing the turn. a has ended; b and c move
        # still, and b's private inject is open: it takes its default.
        r = await a.cmd("end")
        r = await fac.request({"type": "timer", "minutes": 2 / 60, "closes_turn": True})
        check(r["ok"], "the facilitator sets the timer: %s" % r)
        s = await a.wait_state(lambda s: s["timer"] is not None)
        check(s["timer"]["closes_turn"] and s["timer"]["length_ms"] == 2000,
              "every device sees the timer: %s" % s["timer"])
        s = await b.wait_state(lambda s: s["clock"]["turn"] == 3, timeout=8)
        pb = [i for i in s["inbox"] if i["event"] == "pb"][0]
        check(pb["status"] == "expired" and pb["chosen"]["option"] == "wait" and
              pb["chosen"]["by"] is None, "b's decision took its default: %s" % pb)
        j = host.journal()
        tail = [(e["cmd"], e.get("by"), e.get("name")) for e in j[-2:]]
        check(tail == [("default pb", "default", "timer"), ("close", "default", "timer")],
              "the default and the close are journaled as the timer's: %s" % tail)
        check(s["timer"]["running"] and s["timer"]["left_ms"] > 1000,
              "the timer starts again with the new turn: %s" % s["timer"])
        r = await fac.request({"type": "timer", "minutes": 0})
        check(r["ok"], "the timer off")
        await a.wait_state(lambda s: s["timer"] is None)
        # The facilitator closes turn 3 with nobody ended.
        r = await fac.cmd("close")
        check(r["ok"], "the facilitator closes the turn: %s" % r)
        s = await a.wait_state(lambda s: s["clock"]["turn"] == 4)
        check(s["clock"]["turn"] == 4, "turn 4 after close")
        j = host.journal()
        check(all(e.get("at") for e in j), "every line has the time it was applied")
        # Replay: the save gives the same game.
        live = state_of(host, "facilitator")
        check(host.stop() == 0, "the host stops cleanly")
        out = subprocess.run([binary, "resume", host.save, "--json"], capture_output=True, text=True,
                             timeout=20)
        got = json.loads(out.stdout)
        check(got["turn"] == live["clock"]["turn"] == 4, "replayed to turn 4: %s" % got["turn"])
        check(got["meters"]["m"] == [m["value"] for m in live["meters"] if m["id"] == "m"][0],
              "the replayed meter is the played one")
        for cl in (a, b, c, fac):
            await asyncio.wait_for(cl.reader, 5)
            check(cl.messages[-1].get("type") == "bye" and cl.messages[-1]["code"] == "stopping",
                  "%s was told the host stops: %s" % (cl.slot, cl.messages[-1]))
    finally:
        host.cleanup()


run("turns", main)
