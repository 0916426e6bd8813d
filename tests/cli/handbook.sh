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
# --out or --msel is needed; a scenario that does not load is refused.
if "$bin" handbook "$fx" > /dev/null 2> "$work/err"; then fail "handbook with no output taken"; fi
grep -qF -- "--out FILE (the handbook) or --msel FILE" "$work/err" || fail "said: $(cat "$work/err")"
if "$bin" handbook "$work/none" --out "$work/x.html" 2> /dev/null; then fail "a missing scenario taken"; fi
echo "1 passed, 0 failed"
