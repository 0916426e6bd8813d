# A batch in shards: `batch --shard K/M --json` plays the K-th of M slices of
# the runs, `batch --merge` combines the slices' results, and the merged
# figures are those of the batch played at once, to the byte (timing aside),
# in JSON, text and HTML, whatever the order of the shards or their --jobs.
# Shards that do not make up one whole batch are refused, each by name.
source "$(dirname "$0")/lib.bash"
untimed() { sed 's/,"elapsed_s".*//; s/^\([a-z0-9_]*: [0-9]* runs, [0-9]* errors\), .*/\1/'; }
untimed_html() { grep -v -E '[0-9.]+ s\b|runs/s|seconds'; }
b() { "$bin" batch "$@"; }

b albania2022 --runs 150 --seed 40 --json >"$work/whole.json"
b albania2022 --runs 150 --seed 40 --html "$work/whole.html" >"$work/whole.txt"
for k in 1 2 3; do
    jobs=1
    [ "$k" = 2 ] && jobs=2
    b albania2022 --runs 150 --seed 40 --shard "$k/3" --jobs "$jobs" --json >"$work/s$k.json" ||
        fail "shard $k/3"
done
grep -q '"runs":50,' "$work/s2.json" || fail "shard 2/3 of 150 runs does not hold 50"
b --merge "$work/s3.json" "$work/s1.json" "$work/s2.json" --json >"$work/merged.json" || fail "merge"
[ "$(untimed <"$work/merged.json")" = "$(untimed <"$work/whole.json")" ] ||
    fail "merged JSON differs from the whole batch:
$(untimed <"$work/merged.json" | head -c 600)
$(untimed <"$work/whole.json" | head -c 600)"
cat "$work/s2.json" "$work/s3.json" "$work/s1.json" | b --merge - --html "$work/merged.html" >"$work/merged.txt" ||
    fail "merge from stdin"
[ "$(untimed <"$work/merged.txt")" = "$(untimed <"$work/whole.txt")" ] || fail "merged text differs"
diff <(untimed_html <"$work/merged.html") <(untimed_html <"$work/whole.html") >/dev/null ||
    fail "merged page differs: $(diff <(untimed_html <"$work/merged.html") <(untimed_html <"$work/whole.html") | head -5)"
# Uneven slices cover every run once: 10 runs in 3 shards (3, 3 and 4).
b tutorial --runs 10 --json >"$work/t.json"
for k in 1 2 3; do b tutorial --runs 10 --shard "$k/3" --json; done >"$work/t.jsonl"
[ "$(b --merge "$work/t.jsonl" --json | untimed)" = "$(untimed <"$work/t.json")" ] || fail "uneven slices"

refused() { # WORDS COMMAND...: exit 1 and WORDS in the message
    local words="$1"
    shift
    if "$@" >/dev/null 2>"$work/err"; then fail "accepted: $*"; fi
    grep -qF -- "$words" "$work/err" || fail "no '$words' for $*: $(cat "$work/err")"
}
refused "1 of 3 shards are missing: 2/3" b --merge "$work/s1.json" "$work/s3.json"
refused "shard 1/3 is given twice" b --merge "$work/s1.json" "$work/s1.json" "$work/s2.json"
b albania2022 --runs 150 --seed 41 --shard 2/3 --json >"$work/other.json"
refused "its \"seed\" differs" b --merge "$work/s1.json" "$work/other.json"
sed 's/"scenario_hash":"[0-9a-f]*"/"scenario_hash":"0000000000000001"/' "$work/s1.json" >"$work/changed.json"
refused "with files hash 0000000000000001; here it has" b --merge "$work/changed.json"
sed 's/"engine":"[^"]*"/"engine":"9.9.9"/' "$work/s2.json" >"$work/engine.json"
refused "its \"engine\" differs" b --merge "$work/s1.json" "$work/engine.json" "$work/s3.json"
refused "whole.json:1: not the result of" b --merge "$work/whole.json"
if b --merge "$work/s1.json" --runs 5 >/dev/null 2>"$work/err"; then fail "--merge with --runs"; fi
grep -q "takes only FILEs" "$work/err" || fail "no usage error for --merge --runs"
if b albania2022 tutorial >/dev/null 2>&1; then fail "two scenarios"; fi
if b albania2022 --shard 4/3 >/dev/null 2>"$work/err"; then fail "--shard 4/3 accepted"; fi
grep -q "K/M with 1 <= K <= M" "$work/err" || fail "no clear message for --shard 4/3: $(cat "$work/err")"
echo "1 passed, 0 failed"
