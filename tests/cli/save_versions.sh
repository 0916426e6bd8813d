# Saves across versions of the state hash (journal.h, JOURNAL_HASH_VERSION).
# A save made by the engine before the hash had a version still resumes to
# the same game (every field but the hash) and takes new commands; a save of
# this version has each line's hash compared on replay, and a line that
# replays differently is named in a warning.
source "$(dirname "$0")/lib.bash"
old="$src/tests/fixtures/saves/v1-tutorial"
strip() { sed 's/"state_hash":"[0-9a-f]*"//'; }

cp "$old.jsonl" "$work/v1.jsonl"
"$bin" resume "$work/v1.jsonl" --json >"$work/v1.out" 2>"$work/v1.err" || fail "the old save does not resume: $(cat "$work/v1.err")"
[ "$(strip <"$work/v1.out")" = "$(strip <"$old.json")" ] ||
    fail "the old save resumes to another game:
$(cat "$work/v1.out")
$(cat "$old.json")"
! grep -q "replays differently" "$work/v1.err" || fail "an old save's hashes were compared: $(cat "$work/v1.err")"
cmp -s "$work/v1.jsonl" "$old.jsonl" || fail "resuming without commands changed the save"
"$bin" report "$work/v1.jsonl" --format json --out "$work/v1.report" || fail "no report of the old save"
# New commands go on the old save, which still resumes.
printf 'note one more\n' >"$work/more"
"$bin" resume "$work/v1.jsonl" --commands "$work/more" --json >/dev/null 2>"$work/more.err" ||
    fail "no commands taken on the old save: $(cat "$work/more.err")"
[ "$(grep -c '^{"cmd"' "$work/v1.jsonl")" = "$(($(grep -c '^{"cmd"' "$old.jsonl") + 1))" ] ||
    fail "the new command is not in the old save"
"$bin" resume "$work/v1.jsonl" --json >/dev/null 2>"$work/again.err" || fail "the old save, with a new line, does not resume"

# This version: the header says so, and replay compares every line.
"$bin" run tutorial --commands "$old.commands" --auto random --seed 3 --save "$work/v2.jsonl" >/dev/null ||
    fail "a new save"
head -n1 "$work/v2.jsonl" | grep -q '"state_hash_version":2' || fail "no hash version in the header: $(head -n1 "$work/v2.jsonl")"
"$bin" resume "$work/v2.jsonl" --json >/dev/null 2>"$work/v2.err" || fail "the new save does not resume"
[ ! -s "$work/v2.err" ] || fail "warnings on an untouched save: $(cat "$work/v2.err")"
# Line 6's hash altered: the warning names line 6.
awk 'NR == 6 { sub(/"hash":"[0-9a-f]*"/, "\"hash\":\"0123456789abcdef\"") } { print }' "$work/v2.jsonl" >"$work/bad.jsonl"
"$bin" resume "$work/bad.jsonl" --json >/dev/null 2>"$work/bad.err" || fail "a wrong hash stops the resume"
grep -q "bad.jsonl:6: the game replays differently from when it was saved (state hash 0123456789abcdef" "$work/bad.err" ||
    fail "no warning naming line 6: $(cat "$work/bad.err")"
echo "1 passed, 0 failed"
