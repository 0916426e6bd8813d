"""The evidence board is the players' analysis (issue 14), over the network:
the grading team grades and marks from its own code, another team may not;
every team reads the grades, the marks and the assessment that follows from
them; no team reads what a card deserved (its true grade, the author's key,
its citation) nor the hidden truth, which only the facilitator holds. Played
on the flagship in its false-flag variant, where a leak would say "Russia"."""
import json
import os
import time

from roomlib import Host, check, command, run, state_of

TEAMS = ("pm", "akshi", "mfa", "sis")
LEAKS = ("true_grade", '"key"', "Borrowed clothes", "Russian military", "false_flag")


def cards(st):
    return st.get("boards", [{}])[0].get("cards", [])


def no_leak(st, who):
    text = json.dumps(st)
    for word in LEAKS:
        check(word not in text, "%s's state holds %s" % (who, word))
    check(st.get("truth") is None, "%s's state holds the truth" % who)
    for c in cards(st):
        check("source" not in c, "%s's state cites card %s" % (who, c.get("id")))


async def main(binary, src):
    flagship = os.path.join(src, "scenarios", "albania2022")
    host = Host(binary, src, args=("--variant", "false_flag", "--seed", "5"))
    host.start(target=flagship)
    try:
        for who in TEAMS:
            no_leak(state_of(host, who), who)
        board = state_of(host, "sis")["boards"][0]
        check(board.get("graded_by") == "sis", "SIS grades the board: %s" % board.get("graded_by"))
        check([h["id"] for h in board.get("hypotheses", [])] == ["iran", "russia", "criminal", "hacktivist"],
              "the four hypotheses: %s" % board.get("hypotheses"))
        check(cards(state_of(host, "sis"))[0].get("grade") is None, "a card arrives ungraded")
        for who in ("pm", "akshi", "mfa"):
            command(host, who, "end")
        status, r = command(host, "pm", "grade ransom_note A1")
        check(status == 403 and r.get("code") == "not_your_team", "the PM grades: %d %s" % (status, r))
        status, r = command(host, "mfa", "mark ransom_note iran c")
        check(status == 403 and r.get("code") == "not_your_team", "the MFA marks: %d %s" % (status, r))
        status, r = command(host, "sis", "grade ransom_note C3 -- a claim on our own screens")
        check(status == 200 and r.get("ok"), "SIS grades: %d %s" % (status, r))
        status, r = command(host, "sis", "mark ransom_note iran c")
        check(status == 200 and r.get("ok"), "SIS marks: %d %s" % (status, r))
        time.sleep(0.2)  # the rate limit of one code
        pm = state_of(host, "pm")
        card = cards(pm)[0]
        check(card.get("grade") == "C3" and card.get("marks") == {"iran": "consistent"},
              "the PM reads SIS's grade and mark: %s" % card)
        check("words" in pm["boards"][0].get("assessment", {}), "the PM reads the assessment")
        for who in TEAMS:
            no_leak(state_of(host, who), who)
            time.sleep(0.1)
        fac = state_of(host, "facilitator")
        fcard = [c for c in cards(fac) if c.get("id") == "ransom_note"][0]
        check("true_grade" in fcard and "key" in fcard, "the facilitator reads what it deserved: %s" % fcard)
        check((fac.get("truth") or {}).get("variant") == "false_flag", "the facilitator holds the truth")
    finally:
        host.cleanup()


run("net_analysis", main)
