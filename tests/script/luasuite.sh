#!/usr/bin/env bash
# Lua 5.4.6's own test files inside the sandbox: tests/script/luasuite.sh BINARY REPO
# They live in shared/ (third-party/lua-5.4.6-tests), which CI lays beside the
# repository; CRISISROOM_SHARED names another copy. Exit 77 (skipped) without them.
set -uo pipefail
bin="$1"
repo="$2"
for shared in "${CRISISROOM_SHARED:-}" "$repo/../shared" /work/shared; do
    dir="$shared/third-party/lua-5.4.6-tests"
    if [ -n "$shared" ] && [ -f "$dir/pm.lua" ]; then exec "$bin" "$dir"; fi
done
echo "SKIP: Lua 5.4.6's test files not found: no shared/third-party/lua-5.4.6-tests beside $repo" \
    "(or in \$CRISISROOM_SHARED)"
exit 77
