# A scenario written against the API as it was before issue 17
# (tests/fixtures/api_v1) still loads, passes check --strict and its own
# tests, and its games end in the very states they did then: hashes.txt was
# recorded with the engine of commit 791c071. Never re-record it: a
# difference is an old scenario that no longer plays as it did.
source "$(dirname "$0")/lib.bash"
fx="$src/tests/fixtures/api_v1"
"$bin" check --strict "$fx" > "$work/check" 2>&1 || fail "check --strict: $(cat "$work/check")"
"$bin" test "$fx" > "$work/test" 2>&1 || fail "its tests: $(cat "$work/test")"
grep -q "^2 passed, 0 failed" "$work/test" || fail "its tests: $(cat "$work/test")"
for policy in random first historical; do
    for seed in $(seq 1 10); do
        h=$("$bin" run "$fx" --auto "$policy" --seed "$seed" --variant random --json |
            json_field state_hash)
        [ -n "$h" ] || fail "$policy seed $seed: no state hash"
        echo "$policy $seed $h"
    done
done > "$work/got"
diff "$fx/hashes.txt" "$work/got" > "$work/diff" ||
    fail "games of the old API end differently (< then, > now): $(head -10 "$work/diff")"
echo "1 passed, 0 failed"
