"""The facilitator's jump to a turn (protocol 1.1, the `jump` message): the
policy plays every move up to the turn, each a journaled command with the
policy's provenance, as the window's console does (autoplay_session_to). It
is the facilitator's only: a team's code is refused, and so is a jump while
paused or to a turn that is not the scenario's."""
from roomlib import Client, Host, check, run


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        a = await Client(host, "a", name="A").open()
        fac = await Client(host, "facilitator", name="F").open()
        r = await a.request({"type": "jump", "turn": 3, "policy": "historical"})
        check(not r["ok"] and r["code"] == "not_allowed", "a team's jump is refused: %s" % r)
        r = await fac.request({"type": "jump", "turn": 3, "policy": "nobody"})
        check(not r["ok"] and "historical" in r["error"], "an unknown policy is refused: %s" % r)
        r = await fac.request({"type": "jump", "turn": 150, "policy": "historical"})
        check(not r["ok"] and "turns are 1 to" in r["error"],
              "a jump past the scenario's turns is refused: %s" % r)
        start = len(fac.messages)
        await fac.send({"v": 1, "type": "jump", "turn": 0, "policy": "historical"})
        e = await fac.next("error", start=start)
        check(e["code"] == "malformed", "a jump to turn 0 is malformed: %s" % e)
        await fac.cmd("pause")
        r = await fac.request({"type": "jump", "turn": 3, "policy": "historical"})
        check(not r["ok"] and "paused" in r["error"], "a jump while paused is refused: %s" % r)
        await fac.cmd("resume")
        before = len(host.journal())
        check(all(e["cmd"] != "close" and not e["cmd"].startswith("end") for e in host.journal()),
              "nothing was played by the refused jumps")
        r = await fac.request({"type": "jump", "turn": 3, "policy": "historical"})
        check(r["ok"] and r.get("turn") == 3, "the facilitator jumps to turn 3: %s" % r)
        s = await a.wait_state(lambda s: s["clock"]["turn"] == 3)
        check(s["clock"]["turn"] == 3, "every device is at turn 3")
        moves = host.journal()[before:]
        check(len(moves) >= 2, "the policy's moves are journaled: %d lines" % len(moves))
        by = {(e.get("by"), e.get("name")) for e in moves}
        check(by == {("policy", "historical")},
              "every line of the jump carries the policy's provenance: %s" % by)
        check(any(e["cmd"].startswith("end") or e["cmd"] == "close" for e in moves),
              "the jump closed turns 1 and 2: %s" % [e["cmd"] for e in moves])
        r = await fac.request({"type": "jump", "turn": 2, "policy": "historical"})
        check(r["ok"] and r.get("turn") == 3 and len(host.journal()) == before + len(moves),
              "a jump to a turn already reached plays nothing: %s" % r)
    finally:
        host.cleanup()


if __name__ == "__main__":
    run("net_jump", main)
