# batch: the figures for a seed do not depend on the number of jobs; the
# JSON has the promised fields; --html writes a self-contained page.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
strip() { sed 's/,"elapsed_s".*//' "$1"; }
"$bin" batch "$mini" --runs 300 --seed 7 --json --jobs 1 > "$work/j1" || fail "batch --jobs 1"
"$bin" batch "$mini" --runs 300 --seed 7 --json --jobs 2 > "$work/j2" || fail "batch --jobs 2"
"$bin" batch "$mini" --runs 300 --seed 7 --json --jobs 3 --html "$work/b.html" > "$work/j3" ||
  fail "batch --jobs 3"
[ "$(strip "$work/j1")" = "$(strip "$work/j2")" ] || fail "jobs 1 and 2 differ"
[ "$(strip "$work/j1")" = "$(strip "$work/j3")" ] || fail "jobs 1 and 3 differ"
for k in runs errors endings events options meters objectives elapsed_s runs_per_s; do
  grep -q "\"$k\":" "$work/j1" || fail "no $k in $(cat "$work/j1")"
done
grep -q '"runs":300,' "$work/j1" || fail "runs"
grep -q '"m":{"p5":' "$work/j1" || fail "meter percentiles"
grep -q '"e1.x":' "$work/j1" || fail "options"
# A run is its seed: run 5 of a batch from seed 7 is the batch of one from seed 12.
"$bin" batch "$mini" --runs 1 --seed 12 --json > "$work/one"
"$bin" run "$mini" --auto random --seed 12 --variant random --json > "$work/run" 2>/dev/null || fail "run --auto"
ending=$(json_field ending < "$work/run")
grep -q "\"$ending\":1" "$work/one" || fail "batch of seed 12 does not end in '$ending': $(cat "$work/one")"
grep -q "<svg" "$work/b.html" || fail "no chart"
! grep -qE '(src|href)="(http|//)' "$work/b.html" || fail "external resource in the page"
"$bin" batch "$mini" --runs 50 --policy historical > "$work/text" || fail "text output"
grep -q "Endings:" "$work/text" || fail "$(cat "$work/text")"
set +e; "$bin" batch "$mini" --policy nope > /dev/null 2>&1; rc=$?; set -e
[ $rc -eq 2 ] || fail "bad policy exited $rc"
echo "1 passed, 0 failed"
