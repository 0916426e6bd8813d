# Hot reload in the text mode: after an edit on disk, `reload` replays the
# game on the new files and keeps its place; a replay that no longer fits
# stops at the command that broke and says why (tests/cli/reload_keeps.sh:
# what it keeps); a scenario that no longer loads leaves the game as it was.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
cp -r "$src/tests/fixtures/mini" "$work/mini"
sc="$work/mini/scenario.lua"
mkfifo "$work/in"
"$bin" text "$work/mini" --seed 4 --save "$work/save.jsonl" < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
# Wait until the text mode has printed $1 (n-th time: $2), at most 10 s.
wait_for() {
  for _ in $(seq 100); do
    [ "$(grep -cF -- "$1" "$work/out" || true)" -ge "${2:-1}" ] && return 0
    sleep 0.1
  done
  fail "the text mode never printed '$1': $(cat "$work/out")"
}
printf 'choose e1 x -- fund it\nend\n' >&3
wait_for "Beta to move"
sed -i 's/text = "Second."/text = "Second, edited."/' "$sc"
printf 'reload\nstatus\n' >&3
wait_for "Reloaded"
# A syntax error: the old game goes on.
echo 'event {' >> "$sc"
printf 'reload\n' >&3
wait_for "Reload failed"
sed -i '$d' "$sc"
# The option chosen now costs more than Alpha has: the replay stops before it.
sed -i 's/id = "x", label = "X", cost = 1/id = "x", label = "X", cost = 3/' "$sc"
printf 'reload\nquit\n' >&3
exec 3>&-
wait "$pid" || fail "text mode exited non-zero"
grep -qF "Reloaded $work/mini: 2 commands replayed." "$work/out" || fail "$(cat "$work/out")"
# Still Beta's move on turn 1 after the first reload.
sed -n '/Reloaded .*2 commands/,/b> /p' "$work/out" | grep -q "Turn 1 of 3" || fail "lost the place"
grep -qF "the game goes on unchanged" "$work/out" || fail "no message for a broken scenario"
grep -qF 'the replay stopped at command 1: `choose e1 x -- fund it`: ' "$work/out" ||
  fail "no stop message: $(cat "$work/out")"
grep -qF "0 of 2 commands replayed" "$work/out" || fail "count"
# The save follows the game; the backup beside it keeps what no longer fits.
grep -q '"cmd"' "$work/save.jsonl" && fail "the save still holds the commands that no longer fit"
[ "$(grep -c '"cmd"' "$work/save.before-reload.jsonl")" = 2 ] || fail "the backup lacks them"
echo "1 passed, 0 failed"
