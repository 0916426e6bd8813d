"""Who may act as whom (docs/protocol.md, "Who may act"): a team's code acts
only as that team and only with team commands; an observer cannot act; in
a team only the lead confirms; the facilitator may send everything."""
from roomlib import Client, Host, check, command, run


def refused(r, code, what):
    check(not r["ok"] and r.get("code") == code, "%s: refused with %s: %s" % (what, code, r))


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        a = await Client(host, "a", name="Ana").open()
        a2 = await Client(host, "a", name="Abe").open()
        obs = await Client(host, "observer", name="Olga").open()
        # Acting as another team, over the WebSocket and over HTTP.
        refused(await a.cmd("act b dig"), "not_your_team", "a acts as b")
        refused(await a.cmd("end b"), "not_your_team", "a ends b's move")
        refused(await a.cmd("choose pub yes"), "not_your_team", "a decides c's public inject")
        refused(await a.cmd("choose pb push"), "refused", "a decides b's private inject")
        status, r = command(host, "a", "act b dig")
        check(status == 403 and r["code"] == "not_your_team", "HTTP: a acts as b: %d %s" % (status, r))
        # The facilitator's commands are not a team's.
        for line in ("note hello", "set m 90 -- because", "close", "undo", "finish",
                     "inject all X -- y", "pause"):
            refused(await a.cmd(line), "not_allowed", "a team sends '%s'" % line)
        refused(await a.cmd("status"), "not_allowed", "a look-around command")
        refused(await a.cmd("frobnicate now"), "malformed", "an unknown command")
        # Observers watch.
        refused(await obs.cmd("act a ask"), "not_allowed", "an observer acts")
        refused(await obs.cmd("note x"), "not_allowed", "an observer sends a note")
        status, r = command(host, "observer", "end a")
        check(status == 403 and r["code"] == "not_allowed", "HTTP: an observer: %d %s" % (status, r))
        # Only the lead confirms; every member proposes and votes.
        refused(await a2.cmd("choose pa go"), "lead_only", "a member who is not the lead chooses")
        refused(await a2.cmd("end"), "lead_only", "a member who is not the lead ends the move")
        r = await a2.cmd("propose pa go -- first")
        check(r["ok"], "a member proposes: %s" % r)
        status, r = command(host, "a", "vote pa go")
        check(status == 400 and r["code"] == "no_participant", "HTTP votes need a participant: %s" % r)
        r = await a.request({"type": "lead", "to": a2.id})
        check(r["ok"], "the lead passes the lead: %s" % r)
        await a.wait_state(lambda s: [m for m in s["roles"][0]["members"] if m["lead"]][0]["id"] == a2.id)
        refused(await a.cmd("act a ask"), "lead_only", "the old lead no longer confirms")
        r = await a2.cmd("choose pa go -- as proposed")
        check(r["ok"] and r["line"] == "choose pa go -- as proposed", "the new lead chooses: %s" % r)
        refused(await a2.request({"type": "lead", "to": obs.id}), "malformed", "lead to a stranger")
        refused(await obs.request({"type": "lead", "to": a.id}), "not_allowed", "an observer's lead")
        refused(await a.request({"type": "timer", "minutes": 5}), "not_allowed", "a team's timer")
        refused(await a.request({"type": "revoke", "slot": "b"}), "not_allowed", "a team revokes")
        # A script without a token acts as the team, with no lead to ask.
        status, r = command(host, "a", "end")
        check(status == 200 and r["ok"] and r["line"] == "end a", "HTTP end for a: %s" % r)
        # The game's own refusals come back as such.
        refused(await a2.cmd("act a ask"), "refused", "acting after the team ended its move")
        # The facilitator sends any journaled command.
        status, r = command(host, "facilitator", "end b")
        check(status == 200 and r["ok"], "the facilitator ends b's move: %s" % r)
        status, r = command(host, "facilitator", "close")
        check(status == 200 and r["ok"], "the facilitator closes the turn: %s" % r)
        j = host.journal()
        check([e["cmd"] for e in j] == ["propose pa go -- first", "choose pa go -- as proposed",
                                        "end a", "end b", "close"],
              "the journal holds what was applied, no more: %s" % [e["cmd"] for e in j])
        check(j[1]["by"] == "team" and j[1]["team"] == "a" and j[1]["participant"] == a2.id
              and j[1]["name"] == "Abe", "provenance of the choice: %s" % j[1])
        check(j[3]["by"] == "facilitator", "provenance of the facilitator's: %s" % j[3])
        for cl in (a, a2, obs):
            await cl.close()
    finally:
        host.cleanup()


run("act", main)
