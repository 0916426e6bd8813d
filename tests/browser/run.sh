# The real-browser test of the team pages (ctest label `browser`): Debian's
# chromium, driven headless by puppeteer-core (tests/browser/node_modules,
# installed by scripts/setup from the lockfile), against `crisisroom host`
# on loopback. Skips (exit 77) with the reason when chromium, node or
# puppeteer-core is missing; nothing here downloads a browser.
#   usage: run.sh CRISISROOM SOURCE_DIR OUT_DIR [room.js options]
set -euo pipefail
bin="$1" src="$2" out="$3"
shift 3
chromium="${CRISISROOM_CHROMIUM:-/usr/bin/chromium}"
here="$src/tests/browser"
skip() { echo "SKIP: $*"; exit 77; }
[ -x "$chromium" ] || skip "no chromium at $chromium (Debian: apt-get install chromium; or set CRISISROOM_CHROMIUM)"
command -v node >/dev/null || skip "no node (Debian: apt-get install nodejs)"
[ -f "$here/node_modules/puppeteer-core/package.json" ] ||
    skip "puppeteer-core is not installed in $here/node_modules (run scripts/setup)"
"$bin" host --help >/dev/null 2>&1 || skip "this crisisroom has no 'host' subcommand yet"
mkdir -p "$out"
exec node "$here/room.js" --bin "$bin" --chromium "$chromium" --out "$out" "$@"
