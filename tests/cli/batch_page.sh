# batch --html (issue 17, item 6): an option's label, however long, is the
# text of a table cell (it wraps; nothing is drawn over it), never an SVG
# text clipped behind the bars; "Meters at the end" tells what the runs
# reached (lowest, percentiles, highest) apart from the meter's bounds.
source "$(dirname "$0")/lib.bash"
cp -r "$src/tests/fixtures/mini" "$work/mini"
long="Publish the full technical report with every indicator of compromise, the timeline and the attribution, in Albanian and English, the same day"
sed -i "s/{ id = \"y\", label = \"Y\",/{ id = \"y\", label = \"$long\",/" "$work/mini/scenario.lua"
grep -qF "$long" "$work/mini/scenario.lua" || fail "the fixture was not edited"
"$bin" batch "$work/mini" --runs 40 --seed 7 --json --html "$work/b.html" > "$work/j" ||
  fail "batch --html"
page=$(cat "$work/b.html")
grep -qF "<th scope=\"row\">$long</th>" <<< "$page" || fail "the long label is not whole in its cell"
grep -qF "<text" <<< "$page" && fail "a label drawn as SVG text, which is clipped"
grep -qF '<meta name="viewport"' <<< "$page" || fail "no viewport: a phone would shrink the page"
for h in "reached at the end of the runs" "<th>lowest</th>" "<th>median</th>" "<th>highest</th>" \
         "the meter's bounds"; do
  grep -qF "$h" <<< "$page" || fail "the meters table lacks '$h'"
done
# Meter m: the five figures reached, in order and within its bounds (0 to
# 100), the percentiles those of --json; then the bounds themselves.
row=$(grep -o '<tr><td>Meter</td>.*</tr>' <<< "$page") || fail "no row for meter m"
read -r lo p5 p50 p95 hi bounds < <(sed 's/<\/td><td>/ /g; s/<[^>]*>//g; s/ – /–/' <<< "$row" |
  cut -d' ' -f2-)
[ "$bounds" = "0–100" ] || fail "bounds '$bounds' in $row"
awk -v a="$lo" -v b="$p5" -v c="$p50" -v d="$p95" -v e="$hi" \
  'BEGIN { exit !(0 <= a && a <= b && b <= c && c <= d && d <= e && e <= 100) }' ||
  fail "the figures are not in order: $row"
grep -qF "\"m\":{\"p5\":$p5,\"p50\":$p50,\"p95\":$p95}" "$work/j" || fail "not the JSON's: $row"
# The lowest and highest are those of the runs themselves (run r is seed 7 + r).
for r in $(seq 0 39); do
  "$bin" run "$work/mini" --auto random --seed $((7 + r)) --variant random --json 2> /dev/null |
    sed 's/.*"meters":{"m":\([-0-9.e]*\).*/\1/'
done | sort -g > "$work/m"
[ "$(head -1 "$work/m") $(tail -1 "$work/m")" = "$lo $hi" ] ||
  fail "lowest and highest $lo $hi, the runs reached $(head -1 "$work/m") $(tail -1 "$work/m")"
echo "1 passed, 0 failed"
