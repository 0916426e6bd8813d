# Scenario text reaches the pages from the server and is untrusted: the
# pages build the DOM from text nodes (assets/web/js/dom.js). This fails on
# any way of turning a string into markup or code in assets/web, and on an
# inline script or handler in a page (the host's Content-Security-Policy
# would refuse them anyway). Usage: sinks.sh ASSETS_WEB_DIR
set -euo pipefail
web="$1"
fail=0
sinks='innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(["'"'"'`]|setInterval\(["'"'"'`]|\.srcdoc|createContextualFragment|DOMParser'
# Comments may name them (dom.js says why it never uses them).
if grep -nE "$sinks" -r "$web" --include='*.js' --include='*.html' | grep -vE '^[^:]+:[0-9]+:\s*//'; then
    echo "FAIL: a way to parse a string as HTML or code (above)"; fail=1
fi
if grep -nE '<script>|<script [^>]*>[^<]|\son[a-z]+=' -r "$web" --include='*.html'; then
    echo "FAIL: an inline script or event handler in a page (above)"; fail=1
fi
n=$(find "$web" -name '*.js' | wc -l)
[ "$n" -gt 0 ] || { echo "FAIL: no script in $web"; exit 1; }
# Each module parses (node, when there is one).
if command -v node >/dev/null; then
    for f in "$web"/js/*.js; do
        node --input-type=module --check < "$f" || { echo "FAIL: $f does not parse"; fail=1; }
    done
fi
[ "$fail" = 0 ] && echo "1 passed, 0 failed"
exit "$fail"
