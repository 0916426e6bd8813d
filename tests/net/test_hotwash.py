"""The hotwash on the devices (issue 12, point 10): once the facilitator
ends the exercise, the teams and the observers get the debrief (the hidden
truth, the ratings, every team's decisions and reasons; never the
facilitator's notes or overrides, nor the MSEL's notes) and each
participant answers the survey once. The answers are checked, journaled
as `survey ROLE|observer -- JSON` without who sent them, marked in that
participant's state only, kept across a restart, and read by the report."""
import asyncio
import json
import os
import subprocess

from roomlib import Client, Host, check, command, run, state_of

# Never in a team's or an observer's view, before or after the end.
NEVER = ["FAC_NOTE_QX9", "OVERRIDE_REASON_QX9", "PUBLIC_OVERRIDE_REASON_QX9", "NOTE_A_QX9",
         "PUB_NOTE_QX9", "FUTURE_TITLE_QX9", "FUTURE_TEXT_QX9", "HIDDEN_CARD_QX9"]
# Hidden during play, the debrief's after the end.
TRUTH = ["TRUTH_TITLE_QX9", "TRUTH_TEXT_QX9"]
VIEWERS = ["a", "b", "c", "observer"]


async def play(host, cl):
    for line in ("note FAC_NOTE_QX9 seen in the room", "set h 40 -- OVERRIDE_REASON_QX9",
                 "set m 55 -- PUBLIC_OVERRIDE_REASON_QX9"):
        status, r = command(host, "facilitator", line)
        check(status == 200 and r["ok"], "the facilitator: %s: %s" % (line, r))
    for who, line in (("a", "choose pa go -- RATIONALE_A_QX9"), ("b", "act b dig -- RATIONALE_B_ACT_QX9"),
                      ("c2", "propose pub maybe -- ARGUMENT_C_QX9")):
        r = await cl[who].cmd(line)
        check(r["ok"], "%s: %s" % (line, r))


def text_of(cl, v):
    """Everything a viewer's devices received, and what the API gives it."""
    extra = cl["c2"].text() if v == "c" else cl["a2"].text() if v == "a" else ""
    return cl[v].text() + extra + json.dumps(state_of(host_of[0], v))


host_of = []


def before_the_end(host, cl):
    st = {v: state_of(host, v) for v in VIEWERS}
    for v in VIEWERS:
        text = text_of(cl, v)
        for m in TRUTH + NEVER:
            check(m not in text, "before the end, %s received %s" % (v, m))
        check(st[v]["truth"] is None and not st[v]["viewer"]["debrief"], "%s: no debrief yet" % v)
        check(st[v]["survey"] == {"open": False, "sent": False}, "%s: the survey is closed: %s" %
              (v, st[v]["survey"]))
        check(st[v]["facilitator"] is None, "%s: no endings, no facilitator's part" % v)
    check("RATIONALE_A_QX9" not in text_of(cl, "b"), "b does not read a's rationale during play")
    fac = state_of(host, "facilitator")
    check([e["id"] for e in fac["facilitator"]["endings"]] == ["plain"] and
          fac["facilitator"]["endings"][0]["title"] == "Plain",
          "the facilitator's state lists the endings: %s" % fac["facilitator"].get("endings"))
    check(fac["survey"] is None and fac["facilitator"]["surveys"] == 0, "no answers yet")


async def after_the_end(host, cl):
    for v in VIEWERS:
        s = await cl[v].wait_state(lambda s: s["clock"]["ended"])
        check(s["viewer"]["debrief"] and s["viewer"]["kind"] == ("observer" if v == "observer" else "team"),
              "%s: the debrief, still as itself: %s" % (v, s["viewer"]))
        check(s["truth"] and s["truth"]["title"] == "TRUTH_TITLE_QX9" and
              s["truth"]["truth"] == "TRUTH_TEXT_QX9", "%s: the hidden truth: %s" % (v, s["truth"]))
        check(s["objectives"][0]["rating"] in ("P", "S", "M", "U"),
              "%s: the ratings: %s" % (v, s["objectives"]))
        check(s["ending"]["id"] == "plain", "%s: the ending chosen" % v)
        check(s["survey"] == {"open": True, "sent": False}, "%s: the survey opens" % v)
        body = json.dumps(s)
        for m in ("RATIONALE_A_QX9", "RATIONALE_B_ACT_QX9", "ARGUMENT_C_QX9", "PRIVATE_BETA_QX9"):
            check(m in body, "%s: every team's side of play after the end: %s" % (v, m))
        pa = [i for i in s["inbox"] if i["event"] == "pa"]
        check(pa and pa[0]["chosen"]["option"] == "go" and pa[0]["rationale"] == "RATIONALE_A_QX9",
              "%s: a's decision on its private inject, with its reason: %s" % (v, pa))
        check(all(e["kind"] not in ("note", "set") for e in s["log"]), "%s: no note, no override" % v)
        check(all("note" not in i for i in s["inbox"]), "%s: no MSEL note" % v)
        mine = [r for r in s["roles"] if r["id"] == v]
        others = [r for r in s["roles"] if r["id"] != v]
        check(all("members" in r for r in mine) and all("members" not in r for r in others),
              "%s: only its own team's members" % v)
    for v in VIEWERS:
        text = text_of(cl, v)
        for m in NEVER:
            check(m not in text, "after the end, %s received %s" % (v, m))


def answers(**kw):
    a = {"v": 1, "type": "survey", "name": "", "well": "Well done WELL_QX", "improve": "IMPROVE_QX",
         "other": "", "ratings": {"o1": 4}}
    a.update(kw)
    return a


async def refused(cl, msg, code, what):
    r = await cl.request(msg)
    check(not r["ok"] and r["code"] == code, "%s: %s %s" % (what, code, r))
    return r


async def survey(host, cl):
    a, a2, obs = cl["a"], cl["a2"], cl["observer"]
    fac = cl["facilitator"]
    fac.seq += 1
    await refused(fac, answers(seq=fac.seq), "not_allowed", "the facilitator's survey")
    await refused(a, answers(seq=a.seq + 1, ratings={"o1": 6}), "malformed", "a rating of 6")
    a.seq += 1
    r = await refused(a, answers(seq=a.seq + 1, ratings={"nope": 3}), "malformed", "no such objective")
    a.seq += 1
    check("o1" in r["error"], "the refusal lists the objectives: %s" % r["error"])
    await refused(a, answers(seq=a.seq + 1, ratings={"o1": 2.5}), "malformed", "half a rating")
    a.seq += 1
    await refused(a, answers(seq=a.seq + 1, well="x" * 601), "too_large", "a long answer")
    a.seq += 1
    await refused(a, answers(seq=a.seq + 1, well='"' * 600, improve='"' * 600, other='"' * 600),
                  "too_large", "answers too long together once escaped")
    a.seq += 1
    await refused(a, answers(seq=a.seq + 1, name=7), "malformed", "a name that is not text")
    a.seq += 1
    check(len(host.journal()) == journal_before[0], "nothing refused was journaled")
    a.seq += 1
    first = a.seq
    r = await a.request(answers(seq=first, well="  Well\x07 done\nWELL_QX  ", name=""))
    check(r["ok"] and r["seq"] == first, "a's answers are taken: %s" % r)
    s = await a.wait_state(lambda s: s["survey"]["sent"])
    check(s["survey"] == {"open": True, "sent": True}, "a's state says they are in")
    check(not (await a2.caught_up())["survey"]["sent"], "a's other member has not answered: not marked")
    r = await a.request(answers(seq=first))
    check(r["ok"] and r.get("repeat"), "the same seq again: answered, not applied: %s" % r)
    a.seq += 1
    await refused(a, answers(seq=a.seq), "refused", "a second survey")
    r = await obs.request(answers(seq=obs.seq + 1, name="Olga \x01K", well="OBS_QX",
                                  ratings={"o1": 2}, extra="ignored"))
    check(r["ok"], "the observer's answers, with a name: %s" % r)
    obs.seq += 1
    lines = [e for e in host.journal() if e["cmd"].startswith("survey ")]
    check(len(lines) == 2, "two answers journaled: %s" % [e["cmd"] for e in lines])
    if len(lines) == 2:
        for e, who in zip(lines, ("a", "observer")):
            check(e["cmd"].startswith("survey %s -- {" % who), "journaled as survey %s: %s" % (who, e))
            check(not {"participant", "name", "seq"} & set(e),
                  "no participant, name or seq in its provenance: %s" % sorted(e))
            check(e.get("by") == ("team" if who == "a" else "observer"), "by %s: %s" % (who, e))
        ja = json.loads(lines[0]["cmd"].split(" -- ", 1)[1])
        check(ja == {"name": "", "well": "Well done\nWELL_QX", "improve": "IMPROVE_QX", "other": "",
                     "ratings": {"o1": 4}}, "a's answers, cleaned: %s" % ja)
        jo = json.loads(lines[1]["cmd"].split(" -- ", 1)[1])
        check(jo["name"] == "Olga K" and "extra" not in jo, "the observer's, named: %s" % jo)
    fac = state_of(host, "facilitator")
    check(fac["facilitator"]["surveys"] == 2, "the facilitator counts 2 answers")
    r = await a.cmd("survey a -- {\"well\": \"forged\"}")
    check(not r["ok"] and r["code"] == "not_allowed", "no survey as a command line: %s" % r)
    return first


async def restart(host, cl, first):
    url = host.url
    host.kill()
    host.start(host.save, port=False)
    check(host.url == url, "the restart listens on the same port, kept in the host file: %s %s" %
          (url, host.url))
    a = await Client(host, "a", token=cl["a"].token).open()
    check(a.state()["survey"]["sent"], "after a restart a's answers are still marked in")
    r = await a.request(answers(seq=first))
    check(r["ok"] and r.get("repeat"), "resent after the restart: not applied again: %s" % r)
    r = await a.request(answers(seq=a.seq + 1))
    check(not r["ok"] and r["code"] == "refused", "still one survey each: %s" % r)
    a2 = await Client(host, "a", token=cl["a2"].token).open()
    check(not a2.state()["survey"]["sent"], "the other member may still answer")
    with open(host.save + ".host.json") as f:
        room = json.load(f)
    check(not any(k in json.dumps(room) for k in ("WELL_QX", "OBS_QX")),
          "the host file says who answered, never what")
    for c in (a, a2):
        await c.close()


def report(binary, host):
    out = subprocess.run([binary, "report", host.save, "--format", "json"], capture_output=True,
                         text=True, timeout=30,
                         env=dict(os.environ, XDG_DATA_HOME=os.path.join(host.work, "xdg")))
    check(out.returncode == 0, "the report of the hosted game: %s" % out.stderr[-300:])
    hw = json.loads(out.stdout).get("hotwash", {}) if out.returncode == 0 else {}
    check(hw.get("answers") == 2 and hw.get("by_team") == {"a": 1, "observer": 1},
          "the report reads both answers: %s" % hw)
    well = {x["text"]: x["by"] for x in hw.get("well", [])}
    check(well.get("Well done\nWELL_QX", "?") is None and well.get("OBS_QX", "").startswith("Olga K"),
          "named only where the participant gave a name: %s" % well)


journal_before = [0]


async def main(binary, src):
    host = Host(binary, src).start()
    host_of.append(host)
    try:
        cl = {v: await Client(host, v, name="Member of " + v).open() for v in VIEWERS}
        cl["a2"] = await Client(host, "a", name="Second of a").open()
        cl["c2"] = await Client(host, "c", name="Second of c").open()
        cl["facilitator"] = await Client(host, "facilitator", name="Fac").open()
        await play(host, cl)
        r = await cl["a"].request(answers(seq=cl["a"].seq + 1))
        cl["a"].seq += 1
        check(not r["ok"] and r["code"] == "refused" and "ends the exercise" in r["error"],
              "no survey before the end: %s" % r)
        for c in cl.values():  # every push has come
            await c.caught_up()
        before_the_end(host, cl)
        r = await cl["facilitator"].cmd("finish plain")
        check(r["ok"], "the facilitator ends the exercise: %s" % r)
        await after_the_end(host, cl)
        journal_before[0] = len(host.journal())
        first = await survey(host, cl)
        for c in cl.values():
            await c.close()
        await restart(host, cl, first)
        host.stop()
        report(binary, host)
    finally:
        host.cleanup()


run("hotwash", main)
