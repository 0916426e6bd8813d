# A save made before provenance existed (by the program as it was at commit
# bc191e1: `run tests/fixtures/mini --auto random --seed 5`) still loads,
# replays to the same state, and takes new commands with their provenance
# after its old lines.
source "$(dirname "$0")/../cli/lib.bash"
sed "s#@FIXTURES@#$src/tests/fixtures#" "$src/tests/fixtures/saves/mini-before-provenance.jsonl" \
    > "$work/old.jsonl"
! grep -q '"at":' "$work/old.jsonl" || fail "the fixture was written after provenance"
now=$("$bin" run "$src/tests/fixtures/mini" --auto random --seed 5 --json | json_field state_hash)
old=$("$bin" resume "$work/old.jsonl" --json 2> "$work/err" | json_field state_hash)
[ -n "$old" ] || fail "the old save did not load: $(cat "$work/err")"
[ "$old" = "$now" ] || fail "the old save replays to $old, the same game now gives $now"
# A fresh game's lines say who sent them (here a policy) and when.
"$bin" run "$src/tests/fixtures/mini" --auto first --seed 5 --save "$work/new.jsonl" > /dev/null
sed -n 2p "$work/new.jsonl" | grep -q '"by":"policy","name":"first","at":"20[0-9-]*T[0-9:]*\.[0-9]*Z"' ||
    fail "no provenance in a new save: $(sed -n 2p "$work/new.jsonl")"
echo "ok: an old save loads and replays; new lines carry provenance"
