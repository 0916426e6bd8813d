# check: one fixture per class of mistake (tests/fixtures/lint/CLASS), each
# reported at the right file:line with the right severity and exit status.
source "$(dirname "$0")/lib.bash"
fx="$src/tests/fixtures/lint"
# expect CLASS EXIT "FLAGS" "LINE: severity: text"...
expect() {
  local class="$1" want_rc="$2" flags="$3"
  shift 3
  set +e
  # shellcheck disable=SC2086
  "$bin" check "$fx/$class" $flags > "$work/$class.out" 2>&1
  local rc=$?
  set -e
  [ "$rc" -eq "$want_rc" ] || fail "$class: exit $rc, not $want_rc: $(cat "$work/$class.out")"
  for line in "$@"; do
    grep -qF "$fx/$class/scenario.lua:$line" "$work/$class.out" ||
      fail "$class: no '$line' in: $(cat "$work/$class.out")"
  done
}
expect clean 0 "--strict --runs 20" 
grep -q "ok: 'lint'.* 0 warnings" "$work/clean.out" || fail "clean: $(cat "$work/clean.out")"
expect clean 0 "--strict"
grep -q "ok: 'lint'.* 0 warnings (swept 10 games" "$work/clean.out" || fail "clean: $(cat "$work/clean.out")"
expect undelivered 0 "" "8: warning: event 'orphan' is never delivered" \
  "9: warning: event 'child' is never delivered: it follows 'orphan'"
expect undelivered 1 "--strict"
expect noeffect 0 "" "9: warning: option 'e1.idle' has no effect"
expect endings 0 "" "9: warning: ending 'shadowed' can never be chosen: 'always' before it"
expect toolong 0 "" "7: warning: the title of 'e1' is 72 characters" \
  "7: warning: the text of 'e1' is 801 characters" "10: warning: the label of 'e1.go' is 61 characters"
expect nosource 0 "" "7: warning: event 'e1' cites no source"
expect meterstart 1 "" "7: error: meter 'bad': start 150"
expect capability 1 "" "3: error: scenario 'lint': capabilities: 'cyber' is not the id of a core capability" \
  "3: error: scenario 'lint': capabilities: 'flying' is not"
grep -q "'cybersecurity' is not" "$work/capability.out" && fail "capability: a valid id refused"
expect dupkey 0 "" "9: warning: 'meters' is written twice in one table (also on line 8): Lua keeps only this one"
# What only playing shows.
expect deadend 0 "--runs 10" "8: warning: option 'e1.never' was never available in 10 runs" \
  "7: warning: dead end: event 'e1' left a with an open decision"
expect pinned 0 "--runs 10" "7: warning: meter 'top' sat at its max (100) for most turns in 10 of 10 runs"
expect runtime 1 "--runs 10 --jobs 2" "8: error: run with seed 1 failed at turn 2: attempt to index a nil value" \
  "1: note: 1 warning of the runs (never delivered, never available, never reached...) left out"
grep -q "stack traceback" "$work/runtime.out" || fail "runtime: no traceback"
! grep -q "was never reached" "$work/runtime.out" || fail "runtime: a knock-on warning: $(cat "$work/runtime.out")"
# A plain check finds it too: its sweep plays each policy.
expect runtime 1 "" "8: error: run with seed 1 failed at turn 2: attempt to index a nil value"
grep -q "^$fx/runtime: 1 error, 0 warnings" "$work/runtime.out" || fail "runtime: $(cat "$work/runtime.out")"
# A static finding is not repeated by the runs that confirm it.
expect undelivered 0 "--runs 5"
[ "$(grep -c "event 'orphan'" "$work/undelivered.out")" -eq 1 ] || fail "duplicate: $(cat "$work/undelivered.out")"
# A warning the author accepted is shown as a note and does not fail --strict.
cp -r "$fx/pinned" "$work/accepted"
sed -i '1s/scenario {/scenario { accept = { "meter '"'"'top'"'"' sat at its max" },/' "$work/accepted/scenario.lua"
set +e; "$bin" check "$work/accepted" --strict --runs 10 > "$work/accepted.out" 2>&1; rc=$?; set -e
[ $rc -eq 0 ] || fail "accepted warning still fails --strict: $(cat "$work/accepted.out")"
grep -q "note: meter 'top' sat at its max" "$work/accepted.out" || fail "no note: $(cat "$work/accepted.out")"
set +e; "$bin" check "$fx/pinned" --strict --runs 10 > /dev/null 2>&1; rc=$?; set -e
[ $rc -eq 1 ] || fail "an unaccepted warning passes --strict"
# Usage.
set +e; "$bin" check "$fx/clean" --runs x > /dev/null 2>&1; rc=$?; set -e
[ $rc -eq 2 ] || fail "bad --runs exited $rc"
echo "1 passed, 0 failed"
