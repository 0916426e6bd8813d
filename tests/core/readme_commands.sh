#!/usr/bin/env bash
# README.md's "The commands of a game" block is what the command table
# (engine/core/cmd.h) generates: the list a reader sees is the one the
# parser and the text mode's `help` use.
#   usage: readme_commands.sh PRINT_COMMANDS README [--fix]
set -euo pipefail
print="$1" readme="$2"
heading='### The commands of a game'
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The block: the lines between the first pair of ``` fences after the heading.
awk -v h="$heading" '$0 == h { in_s = 1; next }
    in_s && /^```/ { if (inb) exit; inb = 1; next }
    inb { print }' "$readme" > "$work/readme"
"$print" > "$work/table"
[ -s "$work/readme" ] || { echo "FAIL: no \`\`\` block after '$heading' in $readme" >&2; exit 1; }
if [ "${3:-}" = --fix ]; then
    awk -v h="$heading" -v table="$work/table" '
        $0 == h { in_s = 1 }
        in_s && /^```/ && !done { if (inb) { while ((getline l < table) > 0) print l; done = 1 }
                                  else { inb = 1; print; next } }
        inb && !done { next }
        { print }' "$readme" > "$work/new"
    cp "$work/new" "$readme"
    echo "rewrote the block in $readme"
    exit 0
fi
if ! diff -u --label "README.md (the block under '$heading')" \
        --label "the command table (engine/core/cmd.h)" "$work/readme" "$work/table"; then
    echo "FAIL: README.md's list of commands differs from the table." >&2
    echo "Change the table in engine/core/cmd.h, not the README; then rewrite the block with" >&2
    echo "  bash tests/core/readme_commands.sh build/tests/print_commands README.md --fix" >&2
    exit 1
fi
echo "1 passed, 0 failed"
