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
# `end`, and a line typed ahead of the prompt in the same breath.
printf 'end\nact b roll -- typed ahead\n' >&3
wait_for "Pass the keyboard to Beta"
# A line typed at the prompt itself, long enough to have been cut before.
printf 'act b roll -- based on what we know of the attack so far\n' >&3
wait_for "b> "
printf 'status\n' >&3
wait_for "b> " 2
printf 'quit\n' >&3
exec 3>&-
wait "$pid" || fail "the text mode exited non-zero: $(cat -v "$work/out")"
out=$(tr -d '\r' < "$work/out")
grep -qF "(Not run: 2 lines typed at the hand-over. It waits for Enter only, so that nothing is played before Beta has seen this screen; type your command again.)" <<< "$out" ||
  fail "Beta is not told: $out"
grep -qF "Beta: Action: Roll" <<< "$out" && fail "a line typed at the hand-over was played"
grep -qF "unknown command" <<< "$out" && fail "a fragment of a line was run: $out"
# Beta still has the action point the roll would have cost.
sed -n '/^b> status/,$p' <<< "$out" | grep -qF "Action points left: a 1 b 1 (to move)" ||
  fail "the status after the hand-over: $out"
echo "1 passed, 0 failed"
