# Saves: a game saved as it goes resumes to the same state; a torn last line
# is dropped with a warning; a changed scenario is reported; a malformed
# line is refused with its number.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
printf 'choose e1 x -- first\nact a poke p2\nend\nact b roll\nend\ninject all Power cut -- the lights go out\n' > "$work/cmds"
full=$("$bin" run "$mini" --commands "$work/cmds" --seed 3 --save "$work/s.jsonl" --json | json_field state_hash)
[ "$(wc -l < "$work/s.jsonl")" -eq 7 ] || fail "expected a header and 6 command lines"
again=$("$bin" resume "$work/s.jsonl" --json 2>/dev/null | json_field state_hash)
[ "$full" = "$again" ] || fail "resume gave $again, the game had $full"
grep -q '"cmd":"inject all Power cut -- the lights go out"' "$work/s.jsonl" || fail "ad-hoc inject not journaled"

# Torn last line: cut the file in the middle of its last line.
size=$(stat -c %s "$work/s.jsonl")
head -c $((size - 9)) "$work/s.jsonl" > "$work/torn.jsonl"
"$bin" resume "$work/torn.jsonl" --json > "$work/out" 2> "$work/err" || fail "torn save refused"
grep -q "torn.jsonl:7: the last line was cut off" "$work/err" || fail "no torn-line warning: $(cat "$work/err")"
grep -q '"commands":5' "$work/out" || fail "torn save lost more than its last line"
# Going on appends cleanly after the cut.
printf 'end\n' > "$work/more"
"$bin" resume "$work/torn.jsonl" --commands "$work/more" --json > /dev/null 2>&1 || fail "append after torn"
"$bin" resume "$work/torn.jsonl" --json 2> "$work/err2" | grep -q '"commands":6' || fail "appended command lost"
! grep -q "cut off" "$work/err2" || fail "the repaired save still warns"

# A malformed line in the middle is refused with its number.
sed '3s/.*/{not json/' "$work/s.jsonl" > "$work/bad.jsonl"
if "$bin" resume "$work/bad.jsonl" --json > /dev/null 2> "$work/err"; then fail "malformed save taken"; fi
grep -q "bad.jsonl:3: malformed line" "$work/err" || fail "no line number: $(cat "$work/err")"

# A changed scenario is reported (the save remembers where it came from).
cp -r "$mini" "$work/mini"
"$bin" run "$work/mini" --commands "$work/cmds" --seed 3 --save "$work/m.jsonl" > /dev/null
echo '-- an edit' >> "$work/mini/scenario.lua"
"$bin" resume "$work/m.jsonl" --json > /dev/null 2> "$work/err3" || fail "resume after an edit"
grep -q "has changed since this save was made" "$work/err3" || fail "scenario change not reported: $(cat "$work/err3")"
echo "1 passed, 0 failed"
