# The after-action report a sponsor accepts (issue 13): who made each move
# (a team is never credited with a policy's or a default's), the exercise's
# date, its duration without pauses and each team's time per move, the
# observations and ratings behind strengths and areas for improvement (an
# objective rated S is never a strength alone), the improvement plan and
# the exercise's particulars on the cover, and the CSV exports.
source "$(dirname "$0")/lib.bash"
fx="$src/tests/fixtures/aar"
# The text between two markers of a file.
between() { sed -n "\%$2%,\%$3%p" "$1"; }
words() { sed 's/<[^>]*>/ /g' | tr -s ' \n' ' '; }

# A save written by hand, so that its times are known: the facilitator
# pauses two minutes in Alpha's first move; Beta's commands carry no
# provenance (a hot-seat window's), the policy plays Alpha's second move.
hdr='{"kind":"crisisroom-journal","format":1,"engine":"0.1.0","scenario":"aarfx","scenario_hash":"0","seed":"1","started":"STARTED","dir":"'"$fx"'","state_hash_version":2}'
cat > "$work/lines" <<'EOF'
{"cmd":"pause","turn":1,"role":"a","by":"facilitator","at":"2024-05-06T10:01:00.000Z"}
{"cmd":"resume","turn":1,"role":"a","by":"facilitator","at":"2024-05-06T10:03:00.000Z"}
{"cmd":"choose e1 x -- we act","turn":1,"role":"a","by":"team","team":"a","participant":"p1","name":"Ana","at":"2024-05-06T10:04:00.000Z"}
{"cmd":"end","turn":1,"role":"a","by":"team","team":"a","at":"2024-05-06T10:05:00.000Z"}
{"cmd":"end","turn":1,"role":"b","by":"team","team":"b","at":"2024-05-06T10:06:30.000Z"}
{"cmd":"act a wave","turn":2,"role":"a","by":"policy","name":"historical","at":"2024-05-06T10:07:00.000Z"}
{"cmd":"end","turn":2,"role":"a","by":"policy","name":"historical","at":"2024-05-06T10:07:01.000Z"}
{"cmd":"choose e2 no","turn":2,"role":"b","at":"2024-05-06T10:08:01.000Z"}
{"cmd":"end","turn":2,"role":"b","at":"2024-05-06T10:09:01.000Z"}
EOF
{ sed 's/STARTED/2024-05-06T10:00:00Z/' <<< "$hdr"; cat "$work/lines"; } > "$work/t.jsonl"
"$bin" report "$work/t.jsonl" --out "$work/t.html" 2> /dev/null || fail "report of the timed save"
time=$(between "$work/t.html" 'id="time"' '</section>' | words)
grep -qF 'Alpha 1 3m 00s 3m 00s 3m 00s 1' <<< "$time" || fail "Alpha's time (5 min less a 2-min pause; one move the policy's): $time"
grep -qF 'Beta 2 1m 45s 2m 00s 3m 30s 0' <<< "$time" || fail "Beta's times: $time"
grep -qF '2 auto 2m 00s' <<< "$time" || fail "the policy's move not marked: $time"
grep -qF '7m 01s of play (2m 00s paused, not counted)' "$work/t.html" || fail "the duration"
grep -qF 'exercise of 2024-05-06T10:00:00Z' "$work/t.html" || fail "the date from the header"
# A header rewritten later (a reload of old) does not move the date: the
# first command is older.
{ sed 's/STARTED/2024-06-01T08:00:00Z/' <<< "$hdr"; cat "$work/lines"; } > "$work/r.jsonl"
"$bin" report "$work/r.jsonl" --out "$work/r.html" 2> /dev/null || fail "report of the rewritten save"
grep -qF 'exercise of 2024-05-06T10:01:00.000Z' "$work/r.html" || fail "a later header moved the date"

# Closed overnight between two runs (the second run's first line says when
# it was opened): the night is no play and no team's time.
sed -e '5s/"at":"2024-05-06T10:06:30.000Z"/"at":"2024-05-07T09:06:30.000Z","opened":"2024-05-07T09:05:00.000Z"/' \
    -e '6,$s/"at":"2024-05-06T10:\([0-9:.]*\)Z"/"at":"2024-05-07T09:\1Z"/' "$work/lines" > "$work/night"
grep -q '"opened":"2024-05-07T09:05:00.000Z"' "$work/night" || fail "the night's save was not made"
{ sed 's/STARTED/2024-05-06T10:00:00Z/' <<< "$hdr"; cat "$work/night"; } > "$work/n.jsonl"
"$bin" report "$work/n.jsonl" --out "$work/n.html" 2> /dev/null || fail "report of the save closed overnight"
grep -qF '7m 01s of play (2m 00s paused; the program closed for 23h 00m, not counted)' "$work/n.html" ||
    fail "the night counted as play: $(grep -o '[^>]*of play[^<]*' "$work/n.html")"
time=$(between "$work/n.html" 'id="time"' '</section>' | words)
grep -qF 'Beta 2 1m 45s 2m 00s 3m 30s 0' <<< "$time" || fail "the night counted in Beta's move: $time"
"$bin" report "$work/n.jsonl" --format json 2> /dev/null |
    python3 -c 'import json,sys; x=json.load(sys.stdin)["exercise"]; assert x["duration_ms"] == 421000 and x["closed_ms"] == 23 * 3600e3, x' ||
    fail "the JSON duration of the save closed overnight"

# An evaluator's observation names her (the journal's provenance); one sent
# without it (the window's console) names nobody; an undone one is gone.
cat > "$work/obs" <<'EOF2'
{"cmd":"observe om planning area -- BY_EVALUATOR_QX","turn":3,"role":"a","by":"facilitator","participant":"p7","name":"Mira Kola","at":"2024-05-06T10:10:00.000Z"}
{"cmd":"observe os cyber strength -- UNDONE_QX","turn":3,"role":"a","by":"facilitator","participant":"p8","name":"Undone","at":"2024-05-06T10:10:30.000Z"}
{"cmd":"undo","turn":3,"role":"a","by":"facilitator","at":"2024-05-06T10:10:40.000Z"}
{"cmd":"observe os cyber strength -- BY_CONSOLE_QX","turn":3,"role":"a","at":"2024-05-06T10:11:00.000Z"}
EOF2
{ sed 's/STARTED/2024-05-06T10:00:00Z/' <<< "$hdr"; cat "$work/lines" "$work/obs"; } > "$work/o.jsonl"
"$bin" report "$work/o.jsonl" --out "$work/o.html" 2> /dev/null || fail "report of the evaluators' save"
grep -q 'BY_EVALUATOR_QX.*Observed in turn 3 ([^)]*) by Mira Kola\.' "$work/o.html" || fail "the evaluator is not named"
grep -q 'BY_CONSOLE_QX.*Observed in turn 3 ([^)]*)\.</p>' "$work/o.html" || fail "the console's observation names someone"
! between "$work/o.html" 'id="analysis"' '</section>' | grep -q 'UNDONE_QX' ||
    fail "an undone observation is among the strengths and areas"
! grep -q 'by Undone' "$work/o.html" || fail "an undone observation's author is in the report"
"$bin" report "$work/o.jsonl" --format json 2> /dev/null |
    python3 -c 'import json,sys; o=json.load(sys.stdin)["observations"]; assert [x["by"] for x in o] == ["Mira Kola", None], o' ||
    fail "the JSON observations' authors"

# Who decided: Ana for Alpha; Beta's unrecorded `choose` is a team's.
dec=$(between "$work/t.html" 'id="decisions"' '</section>' | words)
grep -qF 'Inject one Alpha (Ana) Ex we act' <<< "$dec" || fail "Alpha's decision: $dec"
grep -qF 'Inject two Beta Nay none given' <<< "$dec" || fail "Beta's decision: $dec"

# A game a policy finishes, with a decision left to its deadline: neither
# is credited to a team, and neither has a team's "none given".
printf 'end\nend\n' > "$work/p.cmds"
"$bin" run "$fx" --commands "$work/p.cmds" --auto historical --save "$work/p.jsonl" > /dev/null ||
    fail "the policy's game"
"$bin" report "$work/p.jsonl" --out "$work/p.html" || fail "report of the policy's game"
dec=$(between "$work/p.html" 'id="decisions"' '</section>' | words)
grep -qF 'Inject one a default at its deadline Why – (not a team' <<< "$dec" ||
    fail "the expired decision: $dec"
grep -qF 'Inject two automatic player (historical), for Beta Okay – (not a team' <<< "$dec" ||
    fail "the policy's decision: $dec"
! grep -qF 'none given' <<< "$dec" || fail "a move no team made has a team's 'none given': $dec"
tl=$(between "$work/p.html" 'id="timeline"' '</section>' | words)
grep -qF 'automatic player (historical), for Alpha Action: Wave' <<< "$tl" ||
    fail "the policy's action credited to Alpha on the timeline: $tl"
"$bin" report "$work/p.jsonl" --format json > "$work/p.json" || fail "JSON"
python3 - "$work/p.json" <<'PY' || fail "JSON made_by"
import json, sys
d = json.load(open(sys.argv[1]))
kinds = {m["event"]: m["kind"] for m in d["made_by"]}
assert kinds == {"e1": "deadline", "e2": "policy"}, kinds
assert all(t["by_policy"] for t in d["move_times"] if t["team"] == "a" and t["turn"] > 1)
PY

# Observations, the plan and the particulars, from commands.
cat > "$work/e.cmds" <<'EOF'
exercise name -- Exercise NORTHWIND
exercise sponsor -- Ministry of Tests
exercise location -- Room 101
exercise facilitator -- F. Acilitator
exercise evaluators -- E. One, E. Two
exercise participants a -- Ann A., Al A.
observe os cyber strength -- STRENGTH_ON_S_QX
observe om planning area -- AREA_ON_M_QX
cause 2 -- CAUSE_QX
plan 2 training 2025-01-01 2025-02-01 -- =HYPERLINK("http://x","click"), then "train"
owner 1 -- +Owner, Org
observe - cyber area -- @SUM(A1) and no action yet
EOF
cat "$work/e.cmds" "$work/p.cmds" > "$work/ep.cmds"
"$bin" run "$fx" --commands "$work/ep.cmds" --auto historical --save "$work/e.jsonl" > /dev/null ||
    fail "the evaluated game"
"$bin" report "$work/e.jsonl" --out "$work/e.html" || fail "report of the evaluated game"
cover=$(between "$work/e.html" '<header class="cover">' '</header>' | words)
for s in 'Exercise NORTHWIND' 'Sponsor: Ministry of Tests' 'Location: Room 101'; do
    grep -qF "$s" <<< "$cover" || fail "the cover lacks '$s': $cover"
done
ov=$(between "$work/e.html" 'id="overview"' '</section>' | words)
for s in 'Facilitator F. Acilitator' 'Evaluators E. One, E. Two' 'Alpha : Ann A., Al A.' \
    'Beta : participants not recorded' 'Core capabilities examined Cybersecurity; Planning'; do
    grep -qF "$s" <<< "$ov" || fail "the overview lacks '$s': $ov"
done
strengths=$(between "$work/e.html" '<h3>Strengths</h3>' '<h3>Areas for improvement</h3>')
areas=$(between "$work/e.html" '<h3>Areas for improvement</h3>' '</section>')
grep -qF 'STRENGTH_ON_S_QX' <<< "$strengths" || fail "the strength observation is not a strength"
grep -qF 'Objective P' <<< "$strengths" || fail "the objective rated P is not a strength"
! grep -qF 'r-S' <<< "$strengths" || fail "an objective rated S is listed as a strength"
# Without observations, the objective rated S is no strength at all.
! between "$work/p.html" '<h3>Strengths</h3>' '<h3>Areas' | grep -qF 'Objective S' ||
    fail "an objective rated S is listed as a strength alone"
between "$work/p.html" '<h3>Areas' '</section>' | grep -qF 'Objective S' ||
    fail "an objective rated S is not an area for improvement"
for s in 'r-S' 'Objective S' 'Objective M' 'AREA_ON_M_QX' 'CAUSE_QX' 'not yet analysed'; do
    grep -qF "$s" <<< "$areas" || fail "the areas for improvement lack '$s'"
done
plan=$(between "$work/e.html" 'id="plan"' '</section>' | words)
grep -qF 'Planning 2 AREA_ON_M_QX =HYPERLINK' <<< "$plan" || fail "the plan's row: $plan"
grep -qF 'Training +Owner, Org 2025-01-01 2025-02-01' <<< "$plan" || fail "the plan's row: $plan"
grep -qF '@SUM(A1) and no action yet' <<< "$plan" || fail "an area without an action has no row"
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$work/e.html" ||
    fail "the report is not well-formed"

# The plan as CSV: RFC 4180, and no cell a spreadsheet would run.
"$bin" report "$work/e.jsonl" --format ip-csv --out "$work/ip.csv" || fail "ip-csv"
python3 - "$work/ip.csv" <<'PY' || fail "the plan's CSV"
import csv, sys
raw = open(sys.argv[1], newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "records end in CRLF"
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0][:3] == ["Area", "Core capability", "Objective"], rows[0]
assert len(rows) == 3, rows
r = rows[1]
assert r[3] == "AREA_ON_M_QX" and r[4] == "CAUSE_QX", r
assert r[5] == "'=HYPERLINK(\"http://x\",\"click\"), then \"train\"", r[5]
assert r[6] == "Training" and r[7] == "'+Owner, Org" and r[8:] == ["2025-01-01", "2025-02-01"], r
assert rows[2][3] == "'@SUM(A1) and no action yet" and rows[2][5] == "", rows[2]
for row in rows:
    for cell in row:
        assert not cell or cell[0] not in "=+-@\t\r", cell
PY
"$bin" report "$work/t.jsonl" --format decisions-csv --out "$work/d.csv" 2> /dev/null || fail "decisions-csv"
python3 - "$work/d.csv" <<'PY' || fail "the decisions' CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0][:5] == ["Turn", "When", "Inject", "Decided by", "Made by"], rows[0]
assert rows[1][3:7] == ["Alpha (Ana)", "team", "Ex", "we act"], rows[1]
assert rows[2][3:5] == ["Beta", "team"], rows[2]
PY
# The save was only read.
before=$(md5sum < "$work/e.jsonl")
"$bin" report "$work/e.jsonl" --format json > /dev/null || fail "JSON"
[ "$(md5sum < "$work/e.jsonl")" = "$before" ] || fail "the report changed the save"
echo "1 passed, 0 failed"
