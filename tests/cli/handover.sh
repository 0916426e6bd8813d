# The hand-over in the text mode, on a real terminal (script(1) gives one):
# "Pass the keyboard to Beta, then press Enter" runs nothing typed there,
# neither a line typed at the prompt nor one typed ahead before it showed,
# never a fragment of one; after the screen is cleared Beta is told that
# the lines were not run (how many, not what: they may be Alpha's).
source "$(dirname "$0")/lib.bash"
command -v script > /dev/null || fail "script(1) (util-linux) is needed: scripts/setup"
export XDG_DATA_HOME="$work/xdg"
mkfifo "$work/in"
script -qfec "$bin text $src/tests/fixtures/mini --seed 4 --no-save" /dev/null \
  < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
wait_for() { # TEXT [COUNT]
  for _ in $(seq 100); do
    [ "$(grep -caF -- "$1" "$work/out" || true)" -ge "${2:-1}" ] && return 0
    sleep 0.1
  done
  fail "never printed '$1': $(cat -v "$work/out")"
}
wait_for "a> "
printf 'choose e1 x\n' >&3
wait_for "a> " 2
# Alpha has a point left: the first `end` warns (end_warning.sh).
printf 'end\n' >&3
wait_for "Type 'end' again to end the move anyway."
# `end`, and a line typed ahead in the same breath: whether it reaches the
# terminal before the prompt shows (then Enter is still awaited) or after
# (then it was the Enter, and the Enter below is a blank line at b>), it
# is dropped.
printf 'end\nact b roll -- typed ahead\n' >&3
wait_for "Pass the keyboard to Beta"
printf '\n' >&3
wait_for "b> "
printf 'status\nend\n' >&3
wait_for "Type 'end' again to end the move anyway." 2
printf 'end\n' >&3
wait_for "Pass the keyboard to Alpha"
# A line typed at the prompt itself, long enough to have been cut before.
printf 'act a poke p1 -- based on what we know of the attack so far\n' >&3
wait_for "Alpha has seen this screen"
wait_for "a> " 3
printf 'quit\n' >&3
exec 3>&-
wait "$pid" || fail "the text mode exited non-zero: $(cat -v "$work/out")"
out=$(tr -d '\r' < "$work/out")
note="(Not run: 1 line typed at the hand-over. It waits for Enter only, so that nothing is played before"
[ "$(grep -cF "$note Beta has seen this screen; type your command again.)" <<< "$out")" = 1 ] &&
  [ "$(grep -cF "$note Alpha has seen this screen; type your command again.)" <<< "$out")" = 1 ] ||
  fail "the next team is not told: $out"
grep -qF "Action: Roll" <<< "$out" && fail "a line typed ahead was played: $out"
grep -qF "Action: Poke" <<< "$out" && fail "a line typed at the hand-over was played: $out"
grep -qF "unknown command" <<< "$out" && fail "a fragment of a line was run: $out"
# Beta still had the action point the roll would have cost.
sed -n '/^b> status/,$p' <<< "$out" | grep -qF "Action points left: a 1 b 1 (to move)" ||
  fail "the status after the hand-over: $out"
echo "1 passed, 0 failed"
