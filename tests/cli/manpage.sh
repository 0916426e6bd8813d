# The man page (dist/crisisroom.6.in) is written by hand; this keeps it
# whole: every subcommand the program lists has its entry, and every option
# of every subcommand's --help (made from its option table) is in it.
source "$(dirname "$0")/lib.bash"
page="$src/dist/crisisroom.6.in"
cmds=$("$bin" --help | sed -n 's/^  \([a-z]*\) .*/\1/p')
for c in $cmds; do
    grep -q "^\.BR\? crisisroom $c\$" "$page" || fail "the man page's synopsis lacks '$c'"
    grep -q "^\.BI\? \"\?$c\b\|^\.BR $c \"" "$page" || fail "the man page has no entry for '$c'"
    # The entry: from its .BI/.BR line to the next .TP or .SH.
    awk -v c="$c" '$1 ~ /^\.B[IR]$/ && ($2 == c || $2 == "\"" c) { on = 1; next }
                   on && /^\.(TP|SH)/ { exit } on' "$page" > "$work/entry"
    for o in $("$bin" $c --help | sed -n '/^Options:/,$p' | grep -o -- '--[a-z-]*' | sort -u); do
        [ "$o" = --help ] && continue
        grep -qF -- "$(sed 's/-/\\-/g' <<<"$o")" "$work/entry" || fail "the man page's $c lacks $o"
    done
done
echo "1 passed, 0 failed"
