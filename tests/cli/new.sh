# new: a scenario from the template that passes check and test as created;
# never overwrites; refuses a name that is not an id.
source "$(dirname "$0")/lib.bash"
[ -f "$src/scenarios/template/scenario.lua" ] || fail "no template"
cd "$work"
"$bin" new harbour_strike --dir "$work" > out || fail "new: $(cat out)"
grep -q 'id = "harbour_strike"' harbour_strike/scenario.lua || fail "id not set"
grep -q 'title = "Harbour strike"' harbour_strike/scenario.lua || fail "title not set"
[ -f harbour_strike/tests/harbour_strike.lua ] || fail "test file not renamed"
"$bin" check harbour_strike --strict --runs 20 > check.out || fail "check: $(cat check.out)"
grep -q "ok: 'harbour_strike'" check.out || fail "$(cat check.out)"
"$bin" test harbour_strike > test.out || fail "test: $(cat test.out)"
set +e
"$bin" new harbour_strike --dir "$work" 2> again; rc1=$?
"$bin" new Bad-Name 2> /dev/null; rc2=$?
"$bin" new 2> /dev/null; rc3=$?
set -e
[ $rc1 -eq 1 ] && grep -q "already exists" again || fail "overwrote an existing folder ($rc1)"
[ $rc2 -eq 2 ] || fail "a bad name exited $rc2"
[ $rc3 -eq 2 ] || fail "no name exited $rc3"
# Without --dir: ./scenarios when it exists.
mkdir scenarios
"$bin" new second > /dev/null || fail "new without --dir"
[ -f scenarios/second/scenario.lua ] || fail "not created under ./scenarios"
echo "1 passed, 0 failed"
