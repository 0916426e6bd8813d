"""Running the room on the network (issue 13): a team's `end` with an open
decision or points to spend is refused once with code confirm_end and goes
with "confirm" (WebSocket) or &confirm=1 (HTTP); the facilitator's timer is
the journaled `timer` command, and a host restarted on its save goes on
with the time the move had used, not from full; the projector's hold
reaches every state and stops the timer, and only the facilitator holds;
an ad-hoc decision reaches its team with options it answers, and no other
team may."""
import asyncio

from roomlib import Client, Host, check, command, run, state_of


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        a = await Client(host, "a", name="Ana").open()
        b = await Client(host, "b", name="Bo").open()
        fac = await Client(host, "facilitator", name="F").open()
        # The question before `end`, once, then the move ends.
        r = await a.cmd("end", confirm=False)
        check(not r["ok"] and r["code"] == "confirm_end", "a's end is asked first: %s" % r)
        check("Alpha has 1 open decision: “PRIV_A_TITLE_QX9”" in r.get("error", "") and
              "2 action points unspent" in r.get("error", ""), "it says what is left: %s" % r)
        check(not any(e["cmd"].startswith("end") for e in host.journal()), "nothing journaled")
        status, r = command(host, "b", "end", confirm=False)
        check(status == 409 and r["code"] == "confirm_end", "HTTP end asked first: %d %s" % (status, r))
        r = await a.cmd("end")
        check(r["ok"] and r["line"] == "end a", "with confirm it ends: %s" % r)
        # The timer, journaled; the hold stops it and reaches every page.
        r = await fac.request({"type": "timer", "minutes": 1})
        check(r["ok"] and r.get("line") == "timer 1", "the timer is a command: %s" % r)
        check(host.journal()[-1]["cmd"] == "timer 1", "journaled: %s" % host.journal()[-1])
        s = await b.wait_state(lambda s: s["timer"] and s["timer"]["running"])
        r = await b.request({"type": "hold", "on": True})
        check(not r["ok"] and r["code"] == "not_allowed", "a team's hold: %s" % r)
        r = await fac.request({"type": "hold", "on": True})
        check(r["ok"], "the facilitator holds: %s" % r)
        s = await b.wait_state(lambda s: s["hold"])
        check(not s["timer"]["running"], "the timer waits during the hold: %s" % s["timer"])
        s = await a.wait_state(lambda s: s["hold"])
        await asyncio.sleep(0.3)
        left = state_of(host, "b")["timer"]["left_ms"]
        r = await fac.request({"type": "hold", "on": False})
        s = await b.wait_state(lambda s: not s["hold"] and s["timer"]["running"])
        # An ad-hoc decision for Beta, answered by Beta alone.
        r = await fac.cmd("inject b via=phone Minister on the line -- Now or later? || Now | Later")
        check(r["ok"], "the inject: %s" % r)
        s = await b.wait_state(lambda s: any(i.get("id") == "adhoc1" for i in s["inbox"]))
        item = [i for i in s["inbox"] if i.get("id") == "adhoc1"][0]
        check(item["status"] == "open" and item["decider"] == "b" and item["channel"] == "phone" and
              [o["label"] for o in item["options"]] == ["Now", "Later"], "Beta's item: %s" % item)
        r = await a.cmd("choose adhoc1 1")
        check(not r["ok"] and r["code"] == "refused" and "adhoc1" not in r["error"].split(";")[-1],
              "Alpha may not, and is not told of it: %s" % r)
        r = await b.cmd("choose adhoc1 2 -- after lunch")
        check(r["ok"], "Beta answers: %s" % r)
        s = await b.wait_state(lambda s: [i for i in s["inbox"] if i.get("id") == "adhoc1"][0]
                               ["status"] == "decided")
        item = [i for i in s["inbox"] if i.get("id") == "adhoc1"][0]
        check(item["chosen"] == {"option": "2", "label": "Later", "by": "b"} and
              item["rationale"] == "after lunch", "decided: %s" % item)
        # Killed and started again: the timer goes on from what was used.
        await asyncio.sleep(1.5)
        host.kill()
        host.start(host.save)
        s = state_of(host, "b")
        check(s["timer"] and s["timer"]["length_ms"] == 60000, "the timer is back: %s" % s["timer"])
        check(s["timer"]["left_ms"] < left, "not from full after the restart: %s (had %d)" %
              (s["timer"], left))
    finally:
        host.cleanup()


run("running", main)
