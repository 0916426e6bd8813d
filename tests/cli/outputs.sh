# Every output path goes through the one file writer (engine/core/outfile.h):
# report --out, batch --html, the text mode's `save FILE` and the window's
# screenshots, against each kind of target: absent, a regular file, a
# symlink, a dangling link, a directory, a FIFO (with and without a reader),
# a character device of our own, then /dev/null itself (only once our own
# device proved the in-place path), /dev/stdout, a full disk and a
# read-only folder.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
mounted=()
cleanup() {
    for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
leftovers() { find "$work" -name '*.tmp-*' | grep -q . && fail "a temporary file was left: $(find "$work" -name '*.tmp-*')" || true; }

printf 'choose e1 x -- go\nend\n' > "$work/cmds"
"$bin" run "$mini" --commands "$work/cmds" --seed 3 --save "$work/s.jsonl" > /dev/null || fail "scripted game"
report() { "$bin" report "$work/s.jsonl" --out "$@"; }
report "$work/want.html" || fail "report to an absent file"
size=$(wc -c < "$work/want.html")

# A regular file: replaced whole, its mode kept.
echo old > "$work/r.html"
chmod 600 "$work/r.html"
report "$work/r.html" || fail "report over a file"
cmp -s "$work/r.html" "$work/want.html" || fail "the file was not replaced by the report"
[ "$(stat -c %a "$work/r.html")" = 600 ] || fail "mode $(stat -c %a "$work/r.html"), not 600, after the replace"

# A symlink: the link stays, what it points at gets the report.
mkdir "$work/sub"
echo old > "$work/sub/target.html"
ln -s sub/target.html "$work/link.html"
report "$work/link.html" || fail "report through a link"
[ -L "$work/link.html" ] || fail "the link was replaced by a file"
[ "$(readlink "$work/link.html")" = sub/target.html ] || fail "the link points elsewhere now"
cmp -s "$work/sub/target.html" "$work/want.html" || fail "the link's target lacks the report"
ln -s nowhere.html "$work/dangling.html"
if report "$work/dangling.html" 2> "$work/err"; then fail "a dangling link was written through"; fi
grep -qF "cannot write '$work/dangling.html': it is a symbolic link to 'nowhere.html', which does not exist" "$work/err" ||
    fail "dangling link: $(cat "$work/err")"
[ ! -e "$work/nowhere.html" ] || fail "a file was created where a dangling link points"

# A directory: refused, with the path and why.
mkdir "$work/dir.html"
if report "$work/dir.html" 2> "$work/err"; then fail "a directory was written"; fi
grep -qF "cannot write '$work/dir.html': it is a directory" "$work/err" || fail "directory: $(cat "$work/err")"
[ -d "$work/dir.html" ] && [ -z "$(ls -A "$work/dir.html")" ] || fail "the directory was changed"

# A FIFO: with no reader, refused at once (the open never waits); with
# one, written in place.
mkfifo "$work/fifo"
if timeout 10 "$bin" report "$work/s.jsonl" --out "$work/fifo" 2> "$work/err"; then
    fail "a FIFO with no reader took the report"
fi
grep -qF "cannot write '$work/fifo': it is a FIFO and no process is reading it" "$work/err" ||
    fail "FIFO without a reader: $(cat "$work/err")"
exec 3<> "$work/fifo" # a reader (and writer) that never blocks to open
timeout 10 "$bin" report "$work/s.jsonl" --out "$work/fifo" || fail "report into a FIFO with a reader"
head -c "$size" <&3 > "$work/from-fifo.html"
exec 3>&-
cmp -s "$work/from-fifo.html" "$work/want.html" || fail "the FIFO carried something else"
[ -p "$work/fifo" ] || fail "the FIFO was replaced"

# /dev/stdout: a pipe is written in place; a shell redirection to a file
# names that file (through /proc), which is replaced.
"$bin" report "$work/s.jsonl" --out /dev/stdout | cmp -s - "$work/want.html" || fail "--out /dev/stdout into a pipe"
"$bin" report "$work/s.jsonl" --out /dev/stdout > "$work/redirected.html" || fail "--out /dev/stdout into a file"
cmp -s "$work/redirected.html" "$work/want.html" || fail "--out /dev/stdout redirected to a file"

# Character devices: first our own twin of /dev/null (a wrong rename would
# replace only it), and only then the machine's /dev/null, as a user types it.
if mknod "$work/null" c 1 3 2> /dev/null; then
    report "$work/null" || fail "report into our own null device"
    [ -c "$work/null" ] || fail "our own null device was replaced by a file"
    mknod "$work/full" c 1 7
    if report "$work/full" 2> "$work/err"; then fail "a write to a full device succeeded"; fi
    grep -qF "cannot write '$work/full': No space left on device" "$work/err" || fail "full device: $(cat "$work/err")"
    [ -c "$work/full" ] || fail "our own full device was replaced"
    report /dev/null || fail "report --out /dev/null"
    [ -c /dev/null ] || fail "/dev/null IS NO LONGER A CHARACTER DEVICE"
    "$bin" batch "$mini" --runs 3 --html /dev/null > /dev/null || fail "batch --html /dev/null"
    [ -c /dev/null ] || fail "/dev/null IS NO LONGER A CHARACTER DEVICE (batch)"
else
    echo "skip: mknod not permitted: /dev/null not written (no device of our own to prove it first)" >&2
fi

# batch --html and the text mode's save FILE go the same way.
echo old > "$work/sub/batch.html"
ln -s sub/batch.html "$work/batch-link.html"
"$bin" batch "$mini" --runs 5 --html "$work/batch-link.html" > /dev/null || fail "batch --html through a link"
[ -L "$work/batch-link.html" ] && grep -q '<svg' "$work/sub/batch.html" || fail "batch --html replaced the link"
if "$bin" batch "$mini" --runs 5 --html "$work/dir.html" > /dev/null 2> "$work/err"; then fail "batch --html into a directory"; fi
grep -qF "cannot write '$work/dir.html': it is a directory" "$work/err" || fail "batch into a directory: $(cat "$work/err")"
printf 'end\n' > "$work/cmds1"
"$bin" run "$mini" --commands "$work/cmds1" --seed 3 --save "$work/open.jsonl" > /dev/null || fail "a game in progress"
echo old > "$work/sub/exported.jsonl"
ln -s sub/exported.jsonl "$work/export-link.jsonl"
out=$(printf 'save %s\nquit\n' "$work/export-link.jsonl" | "$bin" resume "$work/open.jsonl" 2>&1)
grep -qF "Saved to $work/export-link.jsonl" <<< "$out" || fail "save FILE through a link: $out"
[ -L "$work/export-link.jsonl" ] || fail "save FILE replaced the link"
cmp -s "$work/sub/exported.jsonl" "$work/open.jsonl" || fail "save FILE wrote something else than the journal"
out=$(printf 'save %s\nquit\n' "$work/dir.html" | "$bin" resume "$work/open.jsonl" 2>&1)
grep -qF "Error: cannot write '$work/dir.html': it is a directory" <<< "$out" || fail "save FILE into a directory: $out"

# The window's screenshot through a link (the window runs headless).
echo old > "$work/sub/shot.png"
ln -s sub/shot.png "$work/shot-link.png"
SDL_VIDEODRIVER=dummy "$bin" play "$mini" --screenshot "$work/shot-link.png" --size 640x360 \
    --screen dashboard > /dev/null 2>&1 || fail "screenshot through a link"
[ -L "$work/shot-link.png" ] || fail "the screenshot replaced the link"
[ "$(head -c 4 "$work/sub/shot.png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "the link's target is not a PNG"
leftovers

# A full disk: the write fails with the reason and the old report stays.
mkdir "$work/small" "$work/ro"
if mount -t tmpfs -o size=64k tmpfs "$work/small" 2> /dev/null; then
    mounted+=("$work/small")
    report "$work/small/r.html" || fail "report onto the small disk"
    head -c 1M /dev/zero > "$work/small/filler" 2> /dev/null || true
    "$bin" run albania2022 --auto historical --seed 7 --save "$work/big.jsonl" > /dev/null || fail "flagship game"
    if "$bin" report "$work/big.jsonl" --out "$work/small/r.html" 2> "$work/err"; then fail "a report was written onto a full disk"; fi
    grep -qF "cannot write '$work/small/r.html': No space left on device (the file there is unchanged)" "$work/err" ||
        fail "full disk: $(cat "$work/err")"
    cmp -s "$work/small/r.html" "$work/want.html" || fail "the full disk lost the old report"
    out=$(printf 'save %s\nquit\n' "$work/small/r.html" | "$bin" resume "$work/open.jsonl" 2>&1)
    grep -qF "No space left on device" <<< "$out" || fail "save FILE onto a full disk: $out"
    cmp -s "$work/small/r.html" "$work/want.html" || fail "save FILE on a full disk lost the old file"
    leftovers
else
    echo "skip: cannot mount a tmpfs (not root?): full-disk case not run" >&2
fi

# A read-only folder: refused with the reason, the file there untouched.
if mount -t tmpfs -o size=64k tmpfs "$work/ro" 2> /dev/null; then
    mounted+=("$work/ro")
    cp "$work/want.html" "$work/ro/r.html"
    mount -o remount,ro "$work/ro" || fail "remount read-only"
elif [ "$(id -u)" != 0 ]; then
    cp "$work/want.html" "$work/ro/r.html"
    chmod 555 "$work/ro"
else
    echo "skip: root without mount: a read-only folder cannot be made" >&2
fi
if [ -f "$work/ro/r.html" ]; then
    if report "$work/ro/r.html" 2> "$work/err"; then fail "a report was written into a read-only folder"; fi
    grep -qE "cannot write '$work/ro/r.html': (Read-only file system|Permission denied)" "$work/err" ||
        fail "read-only folder: $(cat "$work/err")"
    cmp -s "$work/ro/r.html" "$work/want.html" || fail "the read-only folder's file changed"
    chmod 755 "$work/ro" 2> /dev/null || true
fi
[ -c /dev/null ] || fail "/dev/null IS NO LONGER A CHARACTER DEVICE"
echo "1 passed, 0 failed"
