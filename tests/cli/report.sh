# The after-action report: every decision and rationale, one chart per
# meter, well-formed XHTML, JSON that agrees with the save, and the save
# left untouched; then a full historical game of the flagship scenario.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
cat > "$work/cmds" <<'CMDS'
choose e1 x -- we pick X & <because> "quoted" ë
act a poke p2 -- poke it, ç
end
act b roll -- roll the dice
note halfway <note>
end
end
choose e2 ok -- fine by Beta
set h 15 -- the facilitator's reason
undo
end
end
end
CMDS
"$bin" run "$mini" --commands "$work/cmds" --seed 3 --save "$work/s.jsonl" > /dev/null || fail "scripted game"
before=$(md5sum < "$work/s.jsonl")
"$bin" report "$work/s.jsonl" --out "$work/r.html" --facilitator "Arbër <Çela>" || fail "report html"
"$bin" report "$work/s.jsonl" --out "$work/r.json" --format json || fail "report json"
[ "$(md5sum < "$work/s.jsonl")" = "$before" ] || fail "the report changed the save"
html="$work/r.html"

# Every decision and every rationale, escaped for HTML.
for s in 'Decision on “E1”: X' 'Decision on “E2”: OK' 'Action: Poke (target: P two)' \
    'we pick X &amp; &lt;because&gt; &quot;quoted&quot; ë' 'poke it, ç' 'roll the dice' \
    'fine by Beta' 'halfway &lt;note&gt;' 'Arbër &lt;Çela&gt;' \
    'took back `set h 15 -- the facilitator&#39;s reason`' 'Truth one.' 'Why?' \
    'Performed without challenges' 'Capability element'; do
    grep -qF -- "$s" "$html" || fail "the report lacks: $s"
done
! grep -q '<because>' "$html" || fail "unescaped text in the report"
# One chart per meter (the fixture has m and h, h hidden).
[ "$(grep -o '<svg class="meter-chart"' "$html" | wc -l)" -eq 2 ] || fail "expected 2 meter charts"
grep -q 'data-meter="m"' "$html" && grep -q 'data-meter="h"' "$html" || fail "a meter has no chart"
! grep -qiE '<(script|link|img)[ >]|src=|url\(' "$html" || fail "the report loads outside resources"

well_formed() {
    if command -v xmllint > /dev/null; then
        xmllint --noout "$1"
    elif command -v python3 > /dev/null; then
        python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1"
    else
        echo "note: neither xmllint nor python3: well-formedness not checked" >&2
    fi
}
well_formed "$html" || fail "the report is not well-formed XML"

# The JSON agrees with the save: one decision per choose line, and each
# meter's last value is the final value `resume --json` reports.
json=$(cat "$work/r.json")
chooses=$(grep -c '"cmd":"choose ' "$work/s.jsonl")
[ "$(grep -o '"by":"[a-z0-9_]*"' <<< "$json" | wc -l)" -eq "$chooses" ] ||
    fail "JSON decisions differ from the $chooses choose lines"
final=$("$bin" resume "$work/s.jsonl" --json 2> /dev/null | grep -o '"meters":{[^}]*}')
for m in m h; do
    want=$(sed -n "s/.*\"$m\":\([-0-9.e]*\).*/\1/p" <<< "$final")
    got=$(grep -o "\"meters\":{[^}]*}" <<< "$json" | sed -n "s/.*\"$m\":\[\([^]]*\)\].*/\1/p" | tr ',' '\n' | tail -n 1)
    [ -n "$want" ] && [ "$want" = "$got" ] || fail "meter $m: report ends at '$got', the save at '$want'"
done
grep -q '"rating":"P"' <<< "$json" || fail "JSON lacks the objective's rating"
grep -q '"facilitator":null' <<< "$json" || fail "JSON invents a facilitator"

# Usage errors.
if "$bin" report "$work/s.jsonl" --format pdf > /dev/null 2>&1; then fail "--format pdf taken"; fi
if "$bin" report "$work/none.jsonl" --out "$work/x.html" 2> /dev/null; then fail "missing save taken"; fi

# Control characters never reach a page raw: shown as Control Pictures
# (ESC as ␛), in the after-action report and in the batch page alike.
printf 'note bell\a esc\e[2J\nend\n' > "$work/ctl.cmds"
"$bin" run "$mini" --commands "$work/ctl.cmds" --seed 3 --save "$work/ctl.jsonl" > /dev/null || fail "game with control characters"
"$bin" report "$work/ctl.jsonl" --out "$work/ctl.html" || fail "report with control characters"
grep -qF 'Note: bell␇ esc␛[2J' "$work/ctl.html" || fail "control characters not shown in the report"
! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$work/ctl.html" || fail "a raw control character in the report"
well_formed "$work/ctl.html" || fail "the report with control characters is not well-formed XML"
mkdir "$work/ctlscen"
sed 's/title = "Good"/title = "Go\\27[31mod \\1 O'"'"'Neil"/' "$mini/scenario.lua" > "$work/ctlscen/scenario.lua"
"$bin" batch "$work/ctlscen" --runs 20 --html "$work/ctlb.html" > /dev/null || fail "batch with control characters"
grep -qF 'Go␛[31mod ␁ O&#39;Neil' "$work/ctlb.html" || fail "control characters not shown in the batch page"
! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$work/ctlb.html" || fail "a raw control character in the batch page"

# A whole historical game of the flagship scenario.
"$bin" run albania2022 --auto historical --seed 7 --variant random --save "$work/a.jsonl" > /dev/null ||
    fail "historical game"
"$bin" report "$work/a.jsonl" --out "$work/a.html" || fail "flagship report"
well_formed "$work/a.html" || fail "the flagship report is not well-formed XML"
meters=$("$bin" resume "$work/a.jsonl" --json 2> /dev/null | grep -o '"meters":{[^}]*}' | sed 's/^"meters"://' | grep -o '":' | wc -l)
[ "$(grep -o '<svg class="meter-chart"' "$work/a.html" | wc -l)" -eq "$meters" ] ||
    fail "the flagship report lacks a chart of its $meters meters"
grep -q '= same' "$work/a.html" || fail "no decision matched history in a historical game"
echo "1 passed, 0 failed"
