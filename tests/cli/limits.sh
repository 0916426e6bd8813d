# Limits on saves: a save longer than JOURNAL_MAX_LINES (100000 commands)
# is refused with its line, not read into memory without end. (The
# scenario limits are tests/hostile/limit_*.)
source "$(dirname "$0")/lib.bash"
printf 'end\n' >"$work/one"
"$bin" run "$src/tests/fixtures/mini" --seed 1 --commands "$work/one" --save "$work/s.jsonl" >/dev/null ||
    fail "a one-move save"
{
    head -n1 "$work/s.jsonl"
    awk 'BEGIN { for (i = 0; i < 100001; i++) print "{\"cmd\":\"note x\",\"turn\":1,\"role\":\"a\"}" }'
} >"$work/long.jsonl"
out=$("$bin" resume "$work/long.jsonl" --json 2>&1) && fail "a save of 100001 commands was accepted"
grep -qF "more than 100000 commands" <<<"$out" || fail "no clear message: $out"
grep -qE "long.jsonl:[0-9]+" <<<"$out" || fail "the message does not name the line: $out"
echo "1 passed, 0 failed"
