# The ten mistakes authors make most (tests/fixtures/author/mistakes/*), each
# reported by a plain `check --strict` at the file and line of the mistake,
# with what to do: the exact line of its expect.txt. The scenario they are
# made in passes, and in play a failing `when` is said once, suspends its
# event and lets the game go on; a looping action is stopped and the game
# goes on too.
source "$(dirname "$0")/../cli/lib.bash"
# The loop of 06 must meet the instruction budget, not the wall-clock net
# behind it, however loaded the machine is.
export CRISISROOM_SCRIPT_TIME_MS=30000
fx="$src/tests/fixtures/author"
cd "$fx"
"$bin" check --strict good > "$work/good" 2>&1 || fail "good: $(cat "$work/good")"
"$bin" test good > "$work/good_tests" 2>&1 || fail "good's tests: $(cat "$work/good_tests")"
# Each mistake is good/ with its mistake.diff applied (one copy of the
# scenario, not eleven), made under the same relative name as in the source.
for dir in mistakes/*/; do
    dir="${dir%/}"
    mkdir -p "$work/$dir"
    cp good/*.lua "$work/$dir/"
    cp "$dir/expect.txt" "$work/$dir/"
    patch -s -d "$work/$dir" -p1 < "$dir/mistake.diff" || fail "$dir: mistake.diff does not apply to good/"
done
cd "$work"
n=0
for dir in mistakes/*/; do
    dir="${dir%/}"
    want="$dir/$(cat "$dir/expect.txt")"
    set +e
    "$bin" check --strict "$dir" > "$work/out" 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 1 ] || fail "$dir: exit $rc, not 1: $(cat "$work/out")"
    grep -qxF -- "$want" "$work/out" || fail "$dir: no line
  $want
in:
$(cat "$work/out")"
    n=$((n + 1))
done
[ "$n" -eq 10 ] || fail "$n mistakes, not 10"
# 05 in play: said once, the event suspended, the game goes on to its end.
printf 'choose pumps cut\nend\nend\nend\nend\nend\nend\nend\nend\n' |
    "$bin" text mistakes/05_when_errors --seed 1 --variant contractor --no-save > "$work/play" 2>&1
grep -c "error: event 'contractor_call' is suspended at turn 2: its \`when\` failed: attempt to compare nil with number" \
    "$work/play" > "$work/count" || true
[ "$(cat "$work/count")" -eq 1 ] || fail "05 in play: said $(cat "$work/count") times: $(cat "$work/play")"
grep -q "WARNING: events.lua:43: error: event 'contractor_call' is suspended" "$work/play" ||
    fail "05 in play: not at its file and line: $(cat "$work/play")"
grep -q "or type \`fire contractor_call\` to deliver it now" "$work/play" || fail "05: no fix said"
grep -q "=== Debrief" "$work/play" || fail "05 in play: the game did not go on: $(cat "$work/play")"
set +e
"$bin" run mistakes/05_when_errors --auto historical --variant contractor > "$work/run" 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "05 run: exit $rc: $(cat "$work/run")"
grep -q "ended:" "$work/run" || fail "05 run: the game did not end: $(cat "$work/run")"
# 06 in play: the looping action is stopped, named, and the game goes on.
printf 'choose pumps cut\nend\nend\nact ops flush\nend\nend\nend\nend\nend\nend\n' |
    "$bin" text mistakes/06_endless_loop --seed 1 --no-save > "$work/loop" 2>&1
grep -q "Error: .*instruction budget exceeded (20000000 instructions) at events.lua:61; is there an endless loop?" \
    "$work/loop" || fail "06 in play: $(cat "$work/loop")"
grep -q "=== Debrief" "$work/loop" || fail "06 in play: the game did not go on: $(cat "$work/loop")"
echo "1 passed, 0 failed"
