#!/usr/bin/env bash
# The reference tables in docs/*.md (between <!-- api:SECTION --> and
# <!-- /api:SECTION -->) are the ones cr_apidoc generates from
# engine/script/api.h, and every table it knows is in some document.
# Usage: tests/apidoc.sh CR_APIDOC SOURCE_DIR
set -uo pipefail
tool="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
mapfile -t docs < <(grep -l '^<!-- api:' "$src"/docs/*.md)
[ "${#docs[@]}" -gt 0 ] || { echo "FAIL: no document in $src/docs holds API tables" >&2; exit 1; }
for doc in "${docs[@]}"; do
    if ! "$tool" --print "$doc" >"$work/new"; then
        status=1
    elif ! diff -u --label "$doc" --label "$doc (generated)" "$doc" "$work/new"; then
        echo "FAIL: ${doc#"$src"/}'s API tables differ from engine/script/api.h" >&2
        status=1
    fi
done
if ! missing="$("$tool" --missing "${docs[@]}")"; then
    echo "FAIL: no document holds the API tables: $(echo $missing)" >&2
    status=1
fi
[ "$status" -eq 0 ] || echo "regenerate them with: scripts/api-doc" >&2
exit "$status"
