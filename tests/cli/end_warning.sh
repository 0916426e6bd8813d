# The warning before `end` in the text mode, on a real terminal (script(1)):
# Alpha's `end` with an open decision and points to spend says what would
# be left undone and ends nothing; `end` again ends the move. A move with
# nothing left to do ends at once. Piped lines (a script's) are not asked.
source "$(dirname "$0")/lib.bash"
command -v script > /dev/null || fail "script(1) (util-linux) is needed: scripts/setup"
export XDG_DATA_HOME="$work/xdg"
mkfifo "$work/in"
script -qfec "$bin text $src/tests/fixtures/mini --seed 4 --save $work/s.jsonl" /dev/null \
  < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
wait_for() { # TEXT [COUNT]
  for _ in $(seq 100); do
    [ "$(tr -d '\r' < "$work/out" | grep -caF -- "$1" || true)" -ge "${2:-1}" ] && return 0
    sleep 0.1
  done
  fail "never printed '$1': $(cat -v "$work/out")"
}
wait_for "a> "
printf 'end\n' >&3
want="Before the move ends: Alpha has 1 open decision: “E1” (it stays open); and 2 action points unspent while a standing action is available (points do not carry over)."
wait_for "$want"
wait_for "Type 'end' again to end the move anyway."
wait_for "a> " 2
[ "$(grep -c '^{"cmd"' "$work/s.jsonl" || true)" = 0 ] || fail "the warned end was journaled"
printf 'end\n' >&3
wait_for "Pass the keyboard to Beta"
printf '\n' >&3
wait_for "b> "
printf 'end\n' >&3 # Beta's point, and roll to spend it on
wait_for "Beta has 1 action point unspent"
printf 'act b roll\n' >&3
wait_for "b> " 3
printf 'end\n' >&3 # nothing left: no question
wait_for "Pass the keyboard to Alpha"
printf '\nquit\n' >&3
exec 3>&-
wait "$pid" || fail "the text mode exited non-zero: $(cat -v "$work/out")"
[ "$(sed -n 's/^{"cmd":"\([^"]*\)".*/\1/p' "$work/s.jsonl" | tr '\n' ,)" = "end,act b roll,end," ] ||
  fail "journaled: $(cat "$work/s.jsonl")"
# Piped, `end` is what the script means.
printf 'end\nstatus\n' | "$bin" text "$src/tests/fixtures/mini" --seed 4 --no-save > "$work/piped" 2>&1
grep -qF "Before the move ends" "$work/piped" && fail "a piped end was held back"
grep -qF "Action points left: a 2 b 1 (to move)" "$work/piped" || fail "the piped end: $(cat "$work/piped")"
echo "1 passed, 0 failed"
