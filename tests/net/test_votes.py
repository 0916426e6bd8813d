"""Team votes (issue 12, point 4): several people join one team; any member
proposes an option, members vote, the lead (the first to join) confirms.
Proposals, votes and the confirmation are journaled with who sent them;
votes move no meter; the team and the facilitator see them, others not."""
import json
import subprocess

from roomlib import Client, Host, check, run, state_of


def pub(state):
    return [i for i in state["inbox"] if i["event"] == "pub"][0]


async def main(binary, src):
    host = Host(binary, src).start()
    try:
        lead, ann, ben = [await Client(host, "c", name=n).open() for n in ("Lia", "Ann", "Ben")]
        check(lead.welcome["participant"]["lead"], "the first to join leads")
        before = [m["value"] for m in state_of(host, "c")["meters"]]
        r = await ann.cmd("propose pub yes -- it calms the room")
        check(r["ok"], "Ann proposes: %s" % r)
        r = await ben.cmd("propose pub maybe -- wait and see")
        check(r["ok"], "Ben proposes another: %s" % r)
        r = await ben.cmd("propose pub yes")
        check(not r["ok"] and "already proposed" in r["error"], "an option is proposed once: %s" % r)
        r = await lead.cmd("vote pub no")
        check(not r["ok"] and "nobody has proposed 'no'" in r["error"], "no vote for what nobody proposed")
        r = await lead.cmd("vote pub yes")
        check(r["ok"], "the lead votes: %s" % r)
        r = await ben.cmd("vote pub yes")
        check(r["ok"], "Ben moves his vote: %s" % r)
        s = await lead.wait_state(lambda s: len(pub(s)["proposals"]) == 2 and
                                  len(pub(s)["proposals"][0]["votes"]) == 3)
        p = pub(s)["proposals"]
        check(p[0]["option"] == "yes" and p[0]["by"] == ann.id and p[0]["name"] == "Ann" and
              p[0]["argument"] == "it calms the room", "the proposal and who made it: %s" % p[0])
        check(sorted(p[0]["votes"]) == sorted([ann.id, lead.id, ben.id]), "three votes for yes")
        check(p[1]["option"] == "maybe" and p[1]["votes"] == [], "Ben's own moved away: %s" % p[1])
        check([m["value"] for m in s["meters"]] == before, "votes move no meter")
        fac = state_of(host, "facilitator")
        check(len(pub(fac)["proposals"]) == 2, "the facilitator sees the deliberation")
        check(pub(state_of(host, "a"))["proposals"] == [], "another team does not")
        r = await ann.cmd("choose pub yes")
        check(not r["ok"] and r["code"] == "lead_only" and "Lia" in r["error"],
              "only the lead confirms: %s" % r)
        r = await lead.cmd("choose pub yes -- as the team voted")
        check(r["ok"], "the lead confirms: %s" % r)
        s = await ann.wait_state(lambda s: pub(s)["status"] == "decided")
        check(pub(s)["chosen"] == {"option": "yes", "label": "Say yes", "by": "c"},
              "the team's decision: %s" % pub(s)["chosen"])
        j = host.journal()
        rows = [(e["cmd"].split(" -- ")[0], e.get("participant"), e.get("name")) for e in j]
        check(rows == [("propose pub yes", ann.id, "Ann"), ("propose pub maybe", ben.id, "Ben"),
                       ("vote pub yes", lead.id, "Lia"), ("vote pub yes", ben.id, "Ben"),
                       ("choose pub yes", lead.id, "Lia")], "who argued for what: %s" % rows)
        # Replay restores the deliberation with its participants.
        check(host.stop() == 0, "the host stops")
        out = subprocess.run([binary, "resume", host.save, "--json"], capture_output=True,
                             text=True, timeout=20)
        check(out.returncode == 0 and json.loads(out.stdout)["commands"] == 5,
              "the save with votes replays: %s" % out.stderr)
        host.start(host.save)
        again = await Client(host, "c", token=ann.token).open()
        p = pub(again.state())["proposals"]
        check(len(p) == 2 and len(p[0]["votes"]) == 3, "after a restart the votes are there: %s" % p)
        await again.close()
    finally:
        host.cleanup()


run("votes", main)
