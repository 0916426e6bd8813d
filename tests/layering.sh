#!/usr/bin/env bash
# The layout tells the architecture: each folder of engine/ may include only
# the headers of the folders below it, and only its own outside libraries.
# A change that needs another arrow changes this table, docs/architecture.md
# and shared/DESIGN.md together.
#   usage: layering.sh SOURCE_DIR
set -euo pipefail
cd "$1/engine"
declare -A uses=(
    [core]="core"
    [script]="core script"
    [report]="core report"
    [front]="core script report front"
    [ui]="core script report front ui"
    [net]="core script report front net"
    [cli]="core script report front ui net cli"
)
# Outside libraries a folder may include (extended regular expressions over
# the name between < >).
declare -A libs=(
    [core]="cjson/"
    [script]="lua\.h|lauxlib\.h|lualib\.h|luaconf\.h"
    [report]="cjson/"
    [front]="cjson/|gettext-po\.h"
    [ui]="SDL|png\.h|qrencode\.h"
    [net]="civetweb\.h|cjson/"
    [cli]="cjson/"
)
# Any header that names one of these belongs to one folder only.
# (libintl.h is not among them: it is glibc's, and core's messages use it.)
foreign="SDL|lua\.h|lauxlib\.h|lualib\.h|civetweb\.h|qrencode\.h|png\.h|cjson/|gettext-po\.h"
bad=0
# A header made at build time (version.h from version.h.in) belongs to the
# folder of its template.
owner() { for d in "${!uses[@]}"; do [ -f "$d/$1" ] || [ -f "$d/$1.in" ] && { echo "$d"; return; }; done; echo "?"; }
for dir in "${!uses[@]}"; do
    [ -d "$dir" ] || continue
    while IFS=: read -r file line text; do
        if [[ $text =~ \#include\ *\"([^\"]+)\" ]]; then
            h=${BASH_REMATCH[1]}
            [ -f "$(dirname "$file")/$h" ] && continue # a header beside it
            o=$(owner "$(basename "$h")")
            case " ${uses[$dir]} " in *" $o "*) ;; *)
                echo "engine/$file:$line: $dir may not include \"$h\" (from ${o}): $dir uses ${uses[$dir]}"
                bad=1 ;;
            esac
        elif [[ $text =~ \#include\ *\<([^\>]+)\> ]]; then
            h=${BASH_REMATCH[1]}
            if [[ $h =~ ^($foreign) ]] && ! [[ $h =~ ^(${libs[$dir]}) ]]; then
                echo "engine/$file:$line: $dir may not include <$h>"
                bad=1
            fi
        fi
    done < <(grep -rn --include='*.c' --include='*.h' '^ *# *include' "$dir" || true)
done
[ $bad -eq 0 ] && echo "layering: every include points down"
exit $bad
