# The final state hash of fixed games (20 seeds x 2 scenarios x 3 policies)
# equals the value recorded in state_hashes.txt: a change that alters any
# result (a meter, a draw of the generator, the log) fails here.
#
# When a change is meant to alter results (or the hash's own definition),
# re-record and commit the new file with the change, saying why:
#
#   STATE_HASHES_RECORD=1 bash tests/cli/state_hashes.sh build/crisisroom .
source "$(dirname "$0")/lib.bash"
want="$src/tests/cli/state_hashes.txt"
for scenario in albania2022 tutorial; do
    for policy in random first historical; do
        for seed in $(seq 1 20); do
            h=$("$bin" run "$src/scenarios/$scenario" --auto "$policy" --seed "$seed" --json |
                json_field state_hash)
            [ -n "$h" ] || fail "$scenario $policy seed $seed: no state hash"
            echo "$scenario $policy $seed $h"
        done
    done
done > "$work/got"
if [ -n "${STATE_HASHES_RECORD:-}" ]; then
    cp "$work/got" "$want"
    echo "recorded $(wc -l < "$want") hashes in $want"
    exit 0
fi
[ "$(wc -l < "$work/got")" -eq 120 ] || fail "expected 120 games"
diff "$want" "$work/got" > "$work/diff" ||
    fail "state hashes differ from the recorded ones (< recorded, > now):
$(head -20 "$work/diff")"
echo "1 passed, 0 failed"
