# Files that are not regular files (issue 15): a FIFO that nobody writes,
# a character device (/dev/zero, or a twin of it made in the folder when we
# may), and a directory, as the scenario.lua, as an included file, as a
# save (resume, report, run --save), as a commands file, as a scenario's
# test file, as a batch's shard results, as a translation and as the
# host's file of codes.
# Each is refused at once, naming its kind; timeout turns a hang into a
# failure (exit 124) instead of blocking CI.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
limit=20 # seconds: refusing takes milliseconds

# run WHAT KIND CMD...: the command fails, quickly, saying "not a regular file (KIND)".
refused() {
    local what="$1" kind="$2" rc=0
    shift 2
    timeout "$limit" "$@" > "$work/out" 2> "$work/err" < /dev/null || rc=$?
    [ "$rc" -ne 124 ] || fail "$what: hung (killed after ${limit}s)"
    [ "$rc" -ne 0 ] || fail "$what: accepted"
    cat "$work/out" "$work/err" | grep -qF "not a regular file ($kind)" || fail "$what: $(cat "$work/err" "$work/out")"
}

# A special file named NAME in folder DIR, of kind fifo, dev or dir.
make_special() {
    case "$3" in
        fifo) mkfifo "$1/$2" ;;
        dev) mknod "$1/$2" c 1 5 2> /dev/null || ln -s /dev/zero "$1/$2" ;;
        dir) mkdir "$1/$2" ;;
    esac
}
kind_of() { case "$1" in fifo) echo "a FIFO" ;; dev) echo "a character device" ;; dir) echo "a directory" ;; esac; }
can_mknod=0
mknod "$work/probe" c 1 5 2> /dev/null && can_mknod=1 && rm -f "$work/probe"

"$bin" run "$mini" --auto first --seed 1 --save "$work/good.jsonl" > /dev/null || fail "a plain game"
for k in fifo dev dir; do
    kind="$(kind_of "$k")"
    # The scenario itself. (A link to /dev/zero leads outside the folder and
    # is refused for that; only a device made in the folder tests this.)
    if [ "$k" != dev ] || [ "$can_mknod" = 1 ]; then
        mkdir "$work/s-$k"
        make_special "$work/s-$k" scenario.lua "$k"
        refused "scenario.lua as $k (check)" "$kind" "$bin" check "$work/s-$k"
        refused "scenario.lua as $k (run)" "$kind" "$bin" run "$work/s-$k" --auto first
        # An included file.
        mkdir "$work/i-$k"
        { cat "$mini/scenario.lua"; echo 'include "more.lua"'; } > "$work/i-$k/scenario.lua"
        make_special "$work/i-$k" more.lua "$k"
        if [ "$k" = dir ]; then # said before opening, with what to do instead
            "$bin" check "$work/i-$k" > "$work/out" 2>&1 && fail "include of a folder accepted"
            grep -qF 'include "more.lua": a folder, not a file' "$work/out" || fail "include of a folder: $(cat "$work/out")"
        else
            refused "include of a $k" "$kind" "$bin" check "$work/i-$k"
        fi
    fi
    # A save, given to resume, report and check, and named by --save.
    if [ "$k" = dev ]; then save=/dev/zero; else
        make_special "$work" "save-$k.jsonl" "$k"
        save="$work/save-$k.jsonl"
    fi
    refused "a save as $k (resume)" "$kind" "$bin" resume "$save"
    refused "a save as $k (report)" "$kind" "$bin" report "$save" --out "$work/r.html"
    # --save: the game goes on in memory (outfile.h refuses a FIFO nobody
    # reads and a directory; a device is written, then not appended to).
    rc=0
    timeout "$limit" "$bin" run "$mini" --auto first --save "$save" > /dev/null 2> "$work/err" || rc=$?
    [ "$rc" -eq 0 ] || fail "run --save $k: exit $rc: $(cat "$work/err")"
    grep -qF "NOT SAVING" "$work/err" || fail "run --save $k: saved? $(cat "$work/err")"
    # A commands file.
    if [ "$k" = dev ]; then cmds=/dev/zero; else
        make_special "$work" "cmds-$k" "$k"
        cmds="$work/cmds-$k"
    fi
    refused "a commands file as $k" "$kind" "$bin" run "$mini" --commands "$cmds"
    refused "a commands file as $k (resume)" "$kind" "$bin" resume "$work/good.jsonl" --commands "$cmds"
done

# A scenario's own test file, and a batch's shard results to merge.
mkdir -p "$work/t/tests"
cp "$mini/scenario.lua" "$work/t/"
mkfifo "$work/t/tests/hang.lua"
refused "a test file as a FIFO" "a FIFO" "$bin" test "$work/t"
mkfifo "$work/shard.json"
refused "shard results as a FIFO" "a FIFO" "$bin" batch --merge "$work/shard.json"
refused "shard results as a directory" "a directory" "$bin" batch --merge "$work/t"

# A translation (SCENARIO/lang/LL.po, read by libgettextpo by its name).
mkdir -p "$work/l/lang"
cp "$mini/scenario.lua" "$work/l/"
mkfifo "$work/l/lang/fr.po"
# A translation that cannot be read is a warning (the game is played in
# the source language), said at once.
for cmd in "check $work/l --lang fr" "run $work/l --auto first --lang fr"; do
    rc=0
    # shellcheck disable=SC2086 # the words of $cmd are the arguments
    timeout "$limit" "$bin" $cmd > "$work/out" 2>&1 < /dev/null || rc=$?
    [ "$rc" -ne 124 ] || fail "a translation as a FIFO ($cmd): hung"
    grep -qF "fr.po: not a regular file (a FIFO)" "$work/out" || fail "a translation as a FIFO ($cmd): $(cat "$work/out")"
done

# The host's file of codes beside its save, read back when it starts again.
cp "$work/good.jsonl" "$work/h.jsonl"
mkfifo "$work/h.jsonl.host.json"
refused "the host's codes file as a FIFO" "a FIFO" "$bin" host "$work/h.jsonl" --port 0
exit 0
