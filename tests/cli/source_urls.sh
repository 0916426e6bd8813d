# A source's url becomes a link in the report only for http and https, the
# scheme in any case (issue 15, item 11); javascript:, data:, file: and a
# url with a space before its scheme are shown as text, and check warns at
# the url's own file:line.
source "$(dirname "$0")/lib.bash"
mkdir "$work/url"
cat > "$work/url/scenario.lua" << 'LUA'
scenario { id = "url", title = "U", summary = "S",
  sources = {
    ok = { title = "Fine", url = "HTTPS://example.org/a?b=<c>" },
    plain = { title = "Plain", url = "http://example.org/" },
    js = { title = "Bad",
           url = "JavaScript:alert(1)" },
    data = { title = "Data", url = "data:text/html,<script>alert(1)</script>" },
    file = { title = "File", url = "file:///etc/passwd" },
    sp = { title = "Spaced", url = " https://x" },
  } }
role { id = "a", name = "A", brief = "x", budget = 1 }
clock { "T1" }
objective { id = "o", title = "O", score = function() return "P" end }
event { id = "e1", turn = 1, to = "a", channel = "news", source = "js", title = "E", text = "t" }
ending { id = "p", title = "P", text = "P" }
LUA
"$bin" check "$work/url" > "$work/check" 2>&1 || fail "check: $(cat "$work/check")"
for want in "scenario.lua:6: warning: source 'js': url \"JavaScript:alert(1)\" is not http:// or https://" \
            "scenario.lua:7: warning: source 'data'" "scenario.lua:8: warning: source 'file'" \
            "scenario.lua:9: warning: source 'sp'"; do
    grep -qF "$want" "$work/check" || fail "check lacks '$want': $(cat "$work/check")"
done
grep -qF "source 'ok'" "$work/check" && fail "an https url was warned about"
grep -qF "source 'plain'" "$work/check" && fail "an http url was warned about"
echo end > "$work/cmds"
"$bin" run "$work/url" --commands "$work/cmds" --save "$work/s.jsonl" > /dev/null || fail "run"
"$bin" report "$work/s.jsonl" --out "$work/r.html" || fail "report"
grep -qF '<a href="HTTPS://example.org/a?b=&lt;c&gt;">' "$work/r.html" || fail "no link for the https url"
grep -qF '<a href="http://example.org/">' "$work/r.html" || fail "no link for the http url"
links=$(grep -o '<a href="[^"#][^"]*"' "$work/r.html")
[ "$(echo "$links" | wc -l)" -eq 2 ] || fail "links other than the two: $links"
for text in 'JavaScript:alert(1)' 'data:text/html,&lt;script&gt;' 'file:///etc/passwd'; do
    grep -qF "$text" "$work/r.html" || fail "'$text' is not shown as text"
done
exit 0
