# The report and the handbook printed from Chromium (headless, to PDF) on
# Letter and on A4: the improvement plan is on a portrait page and every
# word of it lies inside the page (no column cut off), its dates and
# headings whole; the handbook's team pages each begin a page. Skipped
# (77) without chromium or poppler's pdftotext.
source "$(dirname "$0")/lib.bash"
command -v chromium > /dev/null && command -v pdftotext > /dev/null || { echo "skipped: no chromium or pdftotext"; exit 77; }
fx="$src/tests/fixtures/aar"
cat > "$work/e.cmds" <<'EOF'
choose e1 y -- not as history went, so that the decisions say "different"
observe om infrastructure area -- Systems of the border police still shared accounts with the network that was breached.
observe os cybersecurity area -- Backups were restored without checking them.
plan 1 organization 2025-01-15 2025-12-31 -- Separate the accounts and links of the border systems from the government network, with new credentials.
owner 1 -- Prime Minister's Office, Director of Communications and Information
plan 2 equipment 2025-03-01 2025-09-30 -- Buy a scanner for backups and validate them before use.
owner 2 -- National Agency for Information Society, Deputy Director for Operations
end
end
EOF
"$bin" run "$fx" --commands "$work/e.cmds" --auto historical --save "$work/e.jsonl" > /dev/null || fail "game"
"$bin" report "$work/e.jsonl" --out "$work/r.html" || fail "report"
"$bin" handbook albania2022 --out "$work/h.html" || fail "handbook"
print() { # HTML PAPER PDF: print it on that paper ("" the default, Letter here)
    local page="$1"
    [ -n "$2" ] && sed "s|</style>|@page{size:$2}</style>|" "$1" > "$1.$2.html" && page="$1.$2.html"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$3" "file://$page" > /dev/null 2>&1 || fail "chromium could not print $1"
    [ -s "$3" ] || fail "no PDF of $1"
}
for paper in "" A4; do
    print "$work/r.html" "$paper" "$work/r$paper.pdf"
    pdftotext -bbox "$work/r$paper.pdf" "$work/r$paper.xml"
    python3 - "$work/r$paper.xml" "${paper:-Letter}" <<'PY' || fail "the improvement plan on ${paper:-Letter}"
import re, sys
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', open(sys.argv[1]).read(), re.S)
plan = [p for p in pages if re.search(r'>11\.</word>\s*<word[^>]*>Improvement</word>\s*<word[^>]*>plan<', p[2])]
assert plan, "no page begins the improvement plan"
w, h, body = float(plan[0][0]), float(plan[0][1]), plan[0][2]
assert w < h, "the plan is on a landscape page (%g x %g) on %s" % (w, h, sys.argv[2])
words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', body)
for x0, x1, word in words:
    assert float(x0) >= 20 and float(x1) <= w - 20, "'%s' lies outside the page (%s to %s of %g)" % (word, x0, x1, w)
text = [word for _, _, word in words]
# Every word of every page lies inside it (a table's last column too).
for i, (pw, ph, pbody) in enumerate(pages):
    for x0, x1, word in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', pbody):
        assert float(x0) >= 20 and float(x1) <= float(pw) - 20, \
            "page %d: '%s' lies outside the page (%s to %s of %s) on %s" % (i + 1, word, x0, x1, pw, sys.argv[2])
assert any(re.search(r'>different<', p[2]) for p in pages), "no whole word 'different' (the decisions' Match column cut off, or no decision differs)"
for whole in ("2025-01-15", "2025-12-31", "2025-03-01", "2025-09-30", "Completion", "Organization",
              "Equipment", "Infrastructure", "Cybersecurity", "Communications"):
    assert whole in text, "'%s' is not a whole word on the plan's page (%s)" % (whole, sys.argv[2])
PY
done
# The handbook: each team page starts a page, with the team's name on top.
print "$work/h.html" A4 "$work/h.pdf"
pdftotext -layout "$work/h.pdf" "$work/h.txt"
for team in "Prime Minister's Office" "Ministry for Europe and Foreign Affairs" "Intelligence and State Police"; do
    up=$(tr '[:lower:]' '[:upper:]' <<< "$team")
    awk -v RS='\f' -v t="FOR $up ONLY" 'index($0, t) { split($0, l, "\n"); for (i = 1; i <= 6; i++) if (index(l[i], t)) f = 1 } END { exit !f }' \
        "$work/h.txt" || fail "the page of '$team' does not begin with it"
done
# The players' edition: one page a team, and no blank page before the first.
"$bin" handbook albania2022 --team all --out "$work/t.html" || fail "the players' edition"
print "$work/t.html" A4 "$work/t.pdf"
pages=$(pdfinfo "$work/t.pdf" 2> /dev/null | sed -n 's/^Pages: *//p')
[ -z "$pages" ] || [ "$pages" = 4 ] || fail "the four team pages printed on $pages pages"
pdftotext -layout "$work/t.pdf" "$work/t.txt"
awk -v RS='\f' 'NR <= 4 && !index($0, " ONLY") { bad = NR } END { exit bad != "" }' "$work/t.txt" ||
    fail "a printed page of the players' edition is not a team's"
echo "1 passed, 0 failed"
