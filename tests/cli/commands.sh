# The command language through the program: a refused command names its
# line and what is valid; check's exit codes; --help and --version.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
printf 'note hi\nchoose e1 nope\n' > "$work/c"
if "$bin" run "$mini" --commands "$work/c" 2> "$work/err" > /dev/null; then fail "bad command taken"; fi
grep -q "c:2: unknown option 'nope'; x, y, z" "$work/err" || fail "bad message: $(cat "$work/err")"
printf 'act a poke\n' > "$work/c"
"$bin" run "$mini" --commands "$work/c" 2> "$work/err" > /dev/null && fail "missing target taken"
grep -q "needs a target: p1, p2" "$work/err" || fail "bad message: $(cat "$work/err")"

"$bin" check "$mini" > /dev/null || fail "check of a clean scenario"
mkdir "$work/broken"
printf 'scenario { id = "b", title = "B", summary = "S" }\nrole { id = "a", name = "A" }\n' > "$work/broken/scenario.lua"
set +e
"$bin" check "$work/broken" > "$work/out"; rc=$?
"$bin" check > /dev/null 2>&1; rc2=$?
set -e
[ $rc -eq 1 ] || fail "check of a broken scenario exited $rc"
grep -q "broken/scenario.lua:2: error: role 'a': field 'brief' is required" "$work/out" || fail "$(cat "$work/out")"
[ $rc2 -eq 2 ] || fail "check without a scenario exited $rc2"
"$bin" --version | grep -q "crisisroom 0" || fail "--version"
for c in run resume check test text batch new; do "$bin" $c --help | grep -q "usage: crisisroom $c" || fail "$c --help"; done
echo "1 passed, 0 failed"
