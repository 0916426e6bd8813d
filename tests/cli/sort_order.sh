# table.sort gives records whose keys tie the same order in every process:
# the pivot of an unbalanced partition does not come from the clock (Lua
# 5.4's does), so a replay ends in the state its game ended in.
source "$(dirname "$0")/lib.bash"
hashes=()
for i in 1 2 3; do
    out=$("$bin" run "$src/tests/fixtures/sort" --auto first --seed 1 --json)
    h=$(json_field state_hash <<< "$out")
    [ -n "$h" ] || fail "no state hash: $out"
    hashes+=("$h")
    sleep 0.$((RANDOM % 5)) # another clock() and time() for each run
done
[ "${hashes[0]}" = "${hashes[1]}" ] && [ "${hashes[0]}" = "${hashes[2]}" ] ||
    fail "the same game sorted differently in three processes: ${hashes[*]}"
# And in one process, the same game again and again.
"$bin" test "$src/tests/fixtures/sort" > "$work/test.out" 2>&1 ||
    fail "crisisroom test: $(cat "$work/test.out")"
echo "1 passed, 0 failed"
