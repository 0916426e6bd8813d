# What-if rewind (engine/front/rewind.h): a save's command N replaced and
# the game played on by a policy, beside the game as played; the save is
# never changed. The CLI (--json), the text mode's debrief prompt and the
# report's annex.
source "$(dirname "$0")/lib.bash"
fx="$src/tests/fixtures/aar"
"$bin" run albania2022 --auto historical --seed 5 --save "$work/h.jsonl" > /dev/null || fail "historical game"
before=$(md5sum < "$work/h.jsonl")
n=$(grep -c '"cmd"' "$work/h.jsonl")
# The first choice: AKSHI's ransomware decision.
at=$(grep '"cmd"' "$work/h.jsonl" | grep -n '"cmd":"choose ransomware ' | head -1 | cut -d: -f1)
[ -n "$at" ] || fail "no ransomware decision in the save"
"$bin" whatif "$work/h.jsonl" --at "$at" --command "choose ransomware isolate" --json > "$work/w.json" ||
    fail "whatif --json"
[ "$(md5sum < "$work/h.jsonl")" = "$before" ] || fail "whatif changed the save"
final=$("$bin" resume "$work/h.jsonl" --json 2> /dev/null | json_field state_hash)
python3 - "$work/w.json" "$final" "$at" <<'PY' || fail "the what-if's JSON"
import json, sys
w = json.load(open(sys.argv[1]))
o, f = w["original"], w["whatif"]
for side in (o, f):
    for key in ("ending", "meters", "objectives", "state_hash"):
        assert key in side, key
    assert side["ended"] and side["ending"], side["ending"]
    assert len(side["meters"]["services"]) == side["turns"] + 1
assert o["state_hash"] == sys.argv[2], (o["state_hash"], sys.argv[2])  # the game as played
assert o["by_policy"] == 0  # it had ended: nothing played on
assert w["at"] == int(sys.argv[3]) and w["replaced"] == "choose ransomware live", w["replaced"]
assert w["line"] == "choose ransomware isolate" and w["policy"] == "historical"
assert f["state_hash"] != o["state_hash"], "another choice, the same game"
assert f["by_policy"] > 0
PY
# The same command again at a move's end: the same game, to the hash.
end_at=$(grep '"cmd"' "$work/h.jsonl" | grep -n '"cmd":"end"' | sed -n 5p | cut -d: -f1)
"$bin" whatif "$work/h.jsonl" --at "$end_at" --command end --json > "$work/same.json" || fail "whatif end"
python3 -c 'import json,sys; w=json.load(open(sys.argv[1])); assert w["original"]["state_hash"] == w["whatif"]["state_hash"], w' \
    "$work/same.json" || fail "replacing a command by itself changed the game"
# An unfinished save: the original is played on by the same policy, as
# `resume --auto` would (on a copy: resume appends).
head -n 30 "$work/h.jsonl" > "$work/part.jsonl"
cp "$work/part.jsonl" "$work/copy.jsonl"
want=$("$bin" resume "$work/copy.jsonl" --auto first --json 2> /dev/null | json_field state_hash)
"$bin" whatif "$work/part.jsonl" --at 3 --command "$(sed -n 4p "$work/part.jsonl" | json_field cmd)" --auto first --json > "$work/p.json" ||
    fail "whatif on an unfinished save"
python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["original"]; assert o["state_hash"] == sys.argv[2] and o["by_policy"] > 0, o' \
    "$work/p.json" "$want" || fail "the unfinished original was not played on by the policy"
# Without --json, words.
"$bin" whatif "$work/h.jsonl" --at "$at" --command "choose ransomware isolate" > "$work/w.txt" || fail "whatif"
grep -q '^ending ' "$work/w.txt" && grep -q 'as played' "$work/w.txt" && grep -q 'Attacker foothold' "$work/w.txt" ||
    fail "whatif's words: $(cat "$work/w.txt")"
# A long objective's name is whole, or ends in "..." past the column's
# widest: never cut in the middle of a word with nothing said.
grep -q '^Protect police and border systems  *[PSMU] ' "$work/w.txt" &&
    grep -q '^Attribute with confidence that matches the ev\.\.\. [PSMU] ' "$work/w.txt" ||
    fail "the objectives' names cut: $(cat "$work/w.txt")"
# Refusals name what and where.
refuses() {
    local want="$1"; shift
    if "$bin" whatif "$@" > /dev/null 2> "$work/err"; then fail "taken: $*"; fi
    grep -qF -- "$want" "$work/err" || fail "'$*' said: $(cat "$work/err")"
}
refuses "no command $((n + 1)) in the save: its commands are numbered 1 to $n" "$work/h.jsonl" --at $((n + 1)) --command end
refuses "command $at: \`choose nope x\` was refused there: unknown event 'nope'" "$work/h.jsonl" --at "$at" --command "choose nope x"
refuses "--at N and --command LINE are both needed" "$work/h.jsonl" --at 3
[ "$(md5sum < "$work/h.jsonl")" = "$before" ] || fail "a refused whatif changed the save"

# The text mode: refused while the game goes on (the rest of the game would
# show), taken at the debrief prompt.
printf 'end\nwhatif 1 end\nquit\n' | "$bin" text "$fx" --no-save > "$work/t1.txt" 2>&1 || fail "text mode"
grep -qF "'whatif' is for the debrief" "$work/t1.txt" || fail "whatif during play: $(cat "$work/t1.txt")"
printf 'end\nend\n' > "$work/p.cmds"
"$bin" run "$fx" --commands "$work/p.cmds" --auto historical --save "$work/f.jsonl" > /dev/null || fail "fixture game"
printf 'whatif 1 first choose e1 x\nobserve op cyber strength -- at the hotwash\nquit\n' |
    "$bin" resume "$work/f.jsonl" > "$work/t2.txt" 2>&1 || fail "resume at the debrief"
grep -qF "What if command 1, \`end\`, had been \`choose e1 x\` (then the first policy)?" "$work/t2.txt" ||
    fail "whatif at the debrief: $(cat "$work/t2.txt")"
grep -qF "Recorded for the after-action report" "$work/t2.txt" || fail "observe at the debrief"
grep -q '"cmd":"observe op cyber strength -- at the hotwash"' "$work/f.jsonl" || fail "the observation was not journaled"
! grep -q '"cmd":"whatif' "$work/f.jsonl" || fail "a what-if was journaled"

# The report's annex.
"$bin" report "$work/h.jsonl" --whatif "$at:choose ransomware isolate" --whatif "$end_at:end" --out "$work/r.html" ||
    fail "report --whatif"
grep -q '<h2>Annex: what if</h2>' "$work/r.html" || fail "no annex"
[ "$(grep -c '<h3>What if [12]: command' "$work/r.html")" -eq 2 ] || fail "not two what-ifs in the annex"
grep -q 'class="line alt"' "$work/r.html" || fail "no what-if curve"
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$work/r.html" || fail "annex not well-formed"
"$bin" report "$work/h.jsonl" --whatif "$at:choose ransomware isolate" --format json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["whatifs"]) == 1 and d["whatifs"][0]["whatif"]["state_hash"]' ||
    fail "the JSON report's what-ifs"
if "$bin" report "$work/h.jsonl" --whatif "nope" > /dev/null 2> "$work/err"; then fail "--whatif nope taken"; fi
grep -qF -- "--whatif takes N:LINE" "$work/err" || fail "--whatif nope said: $(cat "$work/err")"
if "$bin" report "$work/h.jsonl" --whatif "9999:end" > /dev/null 2> "$work/err"; then fail "--whatif 9999 taken"; fi
grep -qF "no command 9999 in the save" "$work/err" || fail "--whatif 9999 said: $(cat "$work/err")"
[ "$(md5sum < "$work/h.jsonl")" = "$before" ] || fail "the report changed the save"
echo "1 passed, 0 failed"
