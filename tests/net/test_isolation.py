"""Who sees what is enforced by the server (issue 12, point 7): nothing a
team or an observer may not see ever leaves it -- in the states pushed over
the WebSocket, in GET /api/state, or in the answers to its own commands.
Every marker of the room fixture against every viewer is its own assertion,
and the facilitator's view proves each marker was there to leak."""
import asyncio

from roomlib import Client, Host, check, command, run, state_of

# marker -> the viewers that may see it (everyone else must not).
MARKERS = {
    "PRIVATE_ALPHA_QX9": {"a"},              # a team's private information
    "PRIV_A_TITLE_QX9": {"a"},               # another team's private inject ...
    "PRIV_A_TEXT_QX9": {"a"},
    "PRIV_A_OPTION_QX9": {"a"},
    "PRIV_A_OUTCOME_QX9": {"a"},             # ... and what came of it
    "ADHOC_A_TITLE_QX9": {"a"},              # an ad-hoc inject to one team
    "ADHOC_A_TEXT_QX9": {"a"},
    "RATIONALE_A_QX9": {"a"},                # a team's rationale
    "RATIONALE_B_ACT_QX9": {"b"},
    "ARGUMENT_C_QX9": {"c"},                 # a team's proposals (its deliberation)
    "HIDDEN_METER_QX9": set(),               # the hidden meter, its text
    "HIDDEN_METER_TEXT_QX9": set(),
    "TRUTH_TITLE_QX9": set(),                # the hidden truth
    "TRUTH_TEXT_QX9": set(),
    "truth_qx9": set(),                      # even the variant's id
    "FUTURE_TITLE_QX9": set(),               # an inject not yet delivered
    "FUTURE_TEXT_QX9": set(),
    "NOTE_A_QX9": set(),                     # an event's note for the facilitator
    "PUB_NOTE_QX9": set(),
    "FAC_NOTE_QX9": set(),                   # a facilitator's note
    "OVERRIDE_REASON_QX9": set(),            # the reason of an override
    "PUBLIC_OVERRIDE_REASON_QX9": set(),     # ... even of a public meter's
    "HIDDEN_CARD_QX9": set(),                # evidence not revealed
    "OBSERVATION_QX9": set(),                # the evaluators' record: an observation,
    "ROOT_CAUSE_QX9": set(),                 # its root cause, a corrective action,
    "CORRECTIVE_QX9": set(),                 # its owner and the report's cover
    "OWNER_QX9": set(),
    "SPONSOR_QX9": set(),
    "QUESTION_QX9": set(),                   # a debrief question, until the end
}
VIEWERS = ["a", "b", "c", "observer"]


async def play(host, clients):
    a, b, c, c2 = clients["a"], clients["b"], clients["c"], clients["c2"]
    for line in ("note FAC_NOTE_QX9 seen in the room", "set h 40 -- OVERRIDE_REASON_QX9",
                 "set m 55 -- PUBLIC_OVERRIDE_REASON_QX9",
                 "inject a ADHOC_A_TITLE_QX9 -- ADHOC_A_TEXT_QX9",
                 "observe - cyber area -- OBSERVATION_QX9", "cause 1 -- ROOT_CAUSE_QX9",
                 "plan 1 training - - -- CORRECTIVE_QX9", "owner 1 -- OWNER_QX9",
                 "exercise sponsor -- SPONSOR_QX9"):
        status, r = command(host, "facilitator", line)
        check(status == 200 and r["ok"], "the facilitator: %s: %s" % (line, r))
    for cl, line in ((a, "choose pa go -- RATIONALE_A_QX9"), (b, "act b dig -- RATIONALE_B_ACT_QX9"),
                     (c2, "propose pub maybe -- ARGUMENT_C_QX9")):
        r = await cl.cmd(line)
        check(r["ok"], "%s: %s" % (line, r))
    # A team that names another team's private inject learns nothing of it.
    r = await b.cmd("choose pa go")
    check(not r["ok"] and r["code"] == "refused", "b cannot choose on a's inject: %s" % r)
    check("unknown event 'pa'" in r["error"] and "your open decisions: pb" in r["error"],
          "its refusal lists only b's own decisions: %s" % r["error"])
    r = await b.cmd("vote pa go")
    check(not r["ok"] and "PRIV_A" not in r["error"], "no vote on a's inject: %s" % r)
    r = await c.cmd("end")
    check(r["ok"] and r["line"] == "end c", "end is journaled as end ROLE: %s" % r)
    for cl in clients.values():  # every push has come
        await cl.caught_up()


def look(viewer, text, seen):
    for marker, allowed in MARKERS.items():
        present = marker in text
        if viewer == "facilitator":
            seen[marker] = present
        elif viewer in allowed:
            check(present, "%s should see its own %s" % (viewer, marker))
        else:
            check(not present, "%s received %s (%s)" % (viewer, marker, "it must not"))


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        clients = {v: await Client(host, v, name="Member of " + v).open() for v in VIEWERS}
        clients["c2"] = await Client(host, "c", name="Second of c").open()
        clients["facilitator"] = await Client(host, "facilitator", name="Fac").open()
        await play(host, clients)
        seen = {}
        import json
        look("facilitator", clients["facilitator"].text() +
             json.dumps(state_of(host, "facilitator")), seen)
        for marker in MARKERS:
            check(seen.get(marker), "the facilitator sees %s (the marker is there to leak)" % marker)
        ev = state_of(host, "facilitator")["facilitator"]["evaluation"]
        check([(o["text"], o["cause"]) for o in ev["observations"]] == [("OBSERVATION_QX9", "ROOT_CAUSE_QX9")],
              "the facilitator's evaluation: %s" % ev["observations"])
        check(ev["plan"][0]["owner"] == "OWNER_QX9" and ev["exercise"]["sponsor"] == "SPONSOR_QX9",
              "the plan and the cover: %s" % ev)
        check(len(ev["capabilities"]) == 32 and ev["elements"][0] == "planning", "the form's lists")
        for v in VIEWERS:
            pushed = clients[v].text() + (clients["c2"].text() if v == "c" else "")
            look(v, pushed, {})
            look(v, json.dumps(state_of(host, v)), {})
            st = state_of(host, v)
            check(all(m["id"] != "h" for m in st["meters"]), "%s has no hidden meter" % v)
            check(st["truth"] is None, "%s has no truth" % v)
            check(st["facilitator"] is None, "%s has no facilitator's part" % v)
            check("evaluation" not in json.dumps(st), "%s has no evaluation" % v)
            check(all(e["event"] != "future" for e in st["inbox"]), "%s: no undelivered inject" % v)
            check(all(e.get("kind") not in ("note", "set") for e in st["log"]),
                  "%s: no note or override in its timeline" % v)
        pa = [i for i in state_of(host, "a")["inbox"] if i["event"] == "pub"][0]
        check(pa["proposals"] == [], "team a does not see c's proposals on the public inject")
        pc = [i for i in state_of(host, "c")["inbox"] if i["event"] == "pub"][0]
        check(len(pc["proposals"]) == 1 and pc["proposals"][0]["votes"] == [clients["c2"].id],
              "team c sees its proposal and who votes: %s" % pc["proposals"])
        for cl in clients.values():
            await cl.close()
    finally:
        host.cleanup()


run("isolation", main)
