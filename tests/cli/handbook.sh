# The facilitator's handbook (crisisroom handbook): a well-formed page
# that says it is the facilitator's; one page per team holding its brief
# and private information and nothing of the schedule or another team's
# secrets; modules with a 90-minute timing that adds up; every inject in
# the MSEL, and the MSEL as CSV.
source "$(dirname "$0")/lib.bash"
fx="$src/tests/fixtures/aar"
"$bin" handbook "$fx" --out "$work/h.html" --msel "$work/m.csv" || fail "handbook"
python3 - "$work/h.html" "$work/m.csv" <<'PY' || fail "the fixture's handbook"
import csv, re, sys, xml.etree.ElementTree as E
ns = {"h": "http://www.w3.org/1999/xhtml"}
root = E.parse(sys.argv[1]).getroot()
text = lambda el: " ".join("".join(el.itertext()).split())
page = text(root)
assert "For the facilitator and evaluators only" in page
assert "never show it to the players" in page
teams = root.findall(".//h:section[@class='team']", ns)
assert [t.get("id") for t in teams] == ["team-a", "team-b"], [t.get("id") for t in teams]
a, b = text(teams[0]), text(teams[1])
assert "For Alpha only" in a and "First role." in a and "ALPHA_SECRET_QX9" in a and "Wave" in a
assert "BETA_SECRET_QX9" not in a and "ALPHA_SECRET_QX9" not in b, "another team's secret"
for title in ("Inject one", "Inject two", "Inject three", "First.", "Second."):
    assert title not in a and title not in b, "a team page shows the schedule: " + title
msel = root.find(".//h:section[@id='msel']", ns)
rows = msel.findall(".//h:tbody/h:tr", ns)
assert len(rows) == 3, len(rows)
first = text(rows[0])
assert "turn 1" in first and "Alpha" in first and "phone" in first and "Inject one" in first
assert "Alpha decides: Ex (what really happened); Why. Open for 1 turn, then: Why." in first, first
assert "Nobody" in first  # the source's publisher
timing = root.find(".//h:table[@class='timing']", ns)
starts = [text(r.findall("h:td", ns)[2]) for r in timing.findall(".//h:tbody/h:tr", ns)]
last = re.match(r"(\d+):(\d+) \((\d+) min\)", starts[-1]).groups()
assert int(last[0]) * 60 + int(last[1]) + int(last[2]) == 90, starts
assert "Cybersecurity" in text(root.find(".//h:section[@id='objectives']", ns))
rows = list(csv.reader(open(sys.argv[2], newline="")))
assert rows[0][:3] == ["#", "Event id", "Turn"] and len(rows) == 4, rows
assert [r[1] for r in rows[1:]] == ["e1", "e2", "e3"], rows
assert rows[1][7] == "Alpha" and rows[3][6] == "every team", rows
PY
# The flagship: every one of its injects in the MSEL, in order of their turn.
"$bin" handbook albania2022 --out "$work/a.html" --msel "$work/a.csv" || fail "the flagship's handbook"
events=$("$bin" check albania2022 | sed -n 's/.* \([0-9]*\) events.*/\1/p')
[ -n "$events" ] || fail "check does not count the flagship's events"
python3 - "$work/a.html" "$work/a.csv" "$events" <<'PY' || fail "the flagship's handbook"
import csv, sys, xml.etree.ElementTree as E
ns = {"h": "http://www.w3.org/1999/xhtml"}
root = E.parse(sys.argv[1]).getroot()
rows = root.findall(".//h:section[@id='msel']//h:tbody/h:tr", ns)
assert len(rows) == int(sys.argv[3]), (len(rows), sys.argv[3])
recs = list(csv.reader(open(sys.argv[2], newline="")))[1:]
assert len(recs) == int(sys.argv[3])
turns = [int(r[2]) for r in recs if r[2]]
assert turns == sorted(turns), turns
assert len(root.findall(".//h:section[@class='team']", ns)) == 4
PY
# The players' edition (--team): the team pages alone. Nothing of the
# facilitator's handbook beyond them: no inject, note, schedule, rating,
# variant or ending; one team's edition holds no other team's secret.
"$bin" handbook albania2022 --team all --out "$work/all.html" || fail "--team all"
"$bin" handbook albania2022 --team sis --out "$work/sis.html" || fail "--team sis"
python3 - "$work/a.html" "$work/all.html" "$work/sis.html" <<'PY' || fail "the players' edition"
import sys, xml.etree.ElementTree as E
ns = {"h": "http://www.w3.org/1999/xhtml"}
text = lambda el: " ".join("".join(el.itertext()).split())
hb, every, sis = (E.parse(f).getroot() for f in sys.argv[1:])
teams = lambda root: root.findall(".//h:section[@class='team']", ns)
assert [text(t) for t in teams(every)] == [text(t) for t in teams(hb)], "not the handbook's team pages"
assert [t.get("id") for t in teams(sis)] == ["team-sis"], [t.get("id") for t in teams(sis)]
# What only the facilitator's handbook holds: every inject's title and note,
# the MSEL, the hidden truth and the endings.
hidden = [text(el) for el in hb.findall(".//h:div[@class='inject']/h:strong", ns)]
hidden += [text(el) for el in hb.findall(".//h:div[@class='inject']/h:p[@class='note']", ns)]
hidden += [text(el) for el in hb.findall(".//h:section[@id='truth']//h:p", ns)]
hidden += [text(el) for el in hb.findall(".//h:section[@id='truth']//h:li", ns)]
assert len(hidden) > 60, len(hidden)
for root in (every, sis):
    page = text(root)
    assert root.find(".//h:section[@id='msel']", ns) is None and 'class="handling"' not in E.tostring(root, "unicode")
    for h in hidden:
        assert h not in page, "the players' edition shows the facilitator's: " + h[:80]
secrets = {t.get("id")[len("team-"):]: text(t.find(".//h:p[@class='secret pre']", ns)) for t in teams(hb)}
page = text(sis)
assert secrets["sis"] in page
for team, secret in secrets.items():
    assert team == "sis" or secret not in page, "SIS's edition holds %s's secret" % team
PY
if "$bin" handbook albania2022 --team nobody --out "$work/x.html" 2> "$work/err"; then fail "an unknown team taken"; fi
grep -qF -- "--team nobody: no such team; the teams are pm akshi mfa sis (or all)" "$work/err" ||
    fail "said: $(cat "$work/err")"
[ ! -e "$work/x.html" ] || fail "an unknown team's edition written"
# --out or --msel is needed; a scenario that does not load is refused.
if "$bin" handbook "$fx" > /dev/null 2> "$work/err"; then fail "handbook with no output taken"; fi
grep -qF -- "--out FILE (the handbook) or --msel FILE" "$work/err" || fail "said: $(cat "$work/err")"
if "$bin" handbook "$work/none" --out "$work/x.html" 2> /dev/null; then fail "a missing scenario taken"; fi
echo "1 passed, 0 failed"
