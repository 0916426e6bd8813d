# A save is read a line at a time under its limits (journal.h), never whole:
# a huge file of blank lines is refused at the first line past the limit,
# quickly and in the memory of one line; a huge single line likewise.
source "$(dirname "$0")/lib.bash"
printf 'end\n' >"$work/one"
"$bin" run "$src/tests/fixtures/mini" --seed 1 --commands "$work/one" --save "$work/s.jsonl" >/dev/null ||
    fail "a one-move save"
peak_kb() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }
{ head -n1 "$work/s.jsonl"; head -c 20000000 /dev/zero | tr '\0' '\n'; } >"$work/blank.jsonl"
out=$("$bin" resume "$work/blank.jsonl" --json 2>&1) && fail "20 MB of blank lines were accepted"
grep -qF "blank.jsonl:100002: more than 100000 commands" <<<"$out" || fail "no clear message: $out"
kb=$(peak_kb "$bin" resume "$work/blank.jsonl" --json)
[ "$kb" -lt 40000 ] || fail "refusing 20 MB of blank lines took $kb KB"
{ head -n1 "$work/s.jsonl"; printf '{"cmd":"note '; head -c 20000000 /dev/zero | tr '\0' x
  printf '","turn":1}\n'; } >"$work/wide.jsonl"
out=$("$bin" resume "$work/wide.jsonl" --json 2>&1) && fail "a 20 MB line was accepted"
grep -qF "wide.jsonl:2: a line longer than 65536 bytes" <<<"$out" || fail "no clear message: $out"
kb=$(peak_kb "$bin" resume "$work/wide.jsonl" --json)
[ "$kb" -lt 40000 ] || fail "refusing a 20 MB line took $kb KB"
echo "1 passed, 0 failed"
