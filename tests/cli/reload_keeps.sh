# A reload never removes a command from the disk (issue 17, item 1): seven
# commands with --save; a cost changed so that the replay stops at command
# 2; `reload` keeps the six that no longer fit in a backup beside the save
# and offers them to the next reload; the cost changed back and `reload`
# again: all seven are in the game and in the save. Then the same with a
# quit in between (resume says what is pending and reload brings it back),
# with a command played first (they are set aside and stay in the backup),
# and with an undone command that no longer fits (left out with its undo,
# the game goes on).
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
sc="$work/mini/scenario.lua"
save="$work/s.jsonl"
backup="$work/s.before-reload.jsonl"
cheap='action { id = "poke", role = "a", label = "Poke",'
dear='action { id = "poke", role = "a", label = "Poke", cost = 3,'
seven=$'choose e1 x\nact a poke p1\nend\nact b roll\nend\nact a poke p2\nend\n'

# The text mode on a FIFO, its output in $work/out.N (N counts sessions).
n=0
open_text() { # ARGS...
  n=$((n + 1))
  rm -f "$work/in"
  mkfifo "$work/in"
  "$bin" "$@" < "$work/in" > "$work/out.$n" 2>&1 &
  pid=$!
  exec 3> "$work/in"
}
close_text() {
  printf 'quit\n' >&3
  exec 3>&-
  wait "$pid" || fail "text mode exited non-zero: $(cat "$work/out.$n")"
}
# Wait until the session has printed $1 ($2 times), at most 10 s.
wait_for() {
  for _ in $(seq 100); do
    [ "$(grep -cF -- "$1" "$work/out.$n" || true)" -ge "${2:-1}" ] && return 0
    sleep 0.1
  done
  fail "never printed '$1': $(cat "$work/out.$n")"
}
cmds() { grep -c '"cmd"' "$1" || true; }
fresh() {
  rm -rf "$work/mini" "$work"/s*.jsonl
  cp -r "$src/tests/fixtures/mini" "$work/mini"
}
price() { # cheap|dear: what poke costs
  if [ "$1" = dear ]; then sed -i "s/$cheap/$dear/" "$sc"; else sed -i "s/$dear/$cheap/" "$sc"; fi
}

# 1. The exact sequence of the issue.
fresh
open_text text "$work/mini" --seed 4 --save "$save"
printf '%s' "$seven" >&3
wait_for "Beta to move" 2
[ "$(cmds "$save")" = 7 ] || fail "the save holds $(cmds "$save") commands, not 7"
price dear
printf 'reload\n' >&3
wait_for "1 of 7 commands replayed; the 6 from command 2 on are pending."
[ "$(cmds "$save")" = 1 ] || fail "the save should follow the game (1 command)"
[ "$(cmds "$backup")" = 7 ] || fail "no backup holding the 7 commands: $(ls "$work")"
grep -qF "Nothing is lost: $backup keeps every command this reload tried." "$work/out.$n" ||
  fail "the message does not say where they are: $(cat "$work/out.$n")"
grep -qF "To replay them, fix the scenario and type 'reload' before the next command" \
  "$work/out.$n" || fail "the message does not say how to recover them"
price cheap
printf 'reload\n' >&3
wait_for "Reloaded $work/mini: 7 commands replayed."
close_text
[ "$(cmds "$save")" = 7 ] || fail "after the second reload the save holds $(cmds "$save") commands"
[ ! -e "$backup" ] || fail "the backup, now equal to the save, is still there"
grep -qF "$backup is removed" "$work/out.$n" || fail "the removal is not told"
hash() { json_field state_hash; }
want=$(printf '%s' "$seven" > "$work/seven"; "$bin" run "$work/mini" --seed 4 --commands "$work/seven" --json | hash)
got=$("$bin" resume "$save" --json 2> "$work/e" | hash) || fail "resume: $(cat "$work/e")"
[ -n "$want" ] && [ "$got" = "$want" ] || fail "resume reaches $got, the seven commands $want"

# 2. A quit between the two reloads: resume says what is pending, and a
# reload after it brings the six back.
fresh
open_text text "$work/mini" --seed 4 --save "$save"
printf '%s' "$seven" >&3
wait_for "Beta to move" 2
price dear
printf 'reload\n' >&3
wait_for "1 of 7 commands replayed"
close_text
"$bin" resume "$save" --json > "$work/j" 2> "$work/e" || fail "resume failed: $(cat "$work/e")"
grep -qF "$save: 6 commands did not replay at a reload and are pending, kept in $backup." \
  "$work/e" || fail "resume does not say what is pending: $(cat "$work/e")"
price cheap
open_text resume "$save"
wait_for "to move"
printf 'reload\n' >&3
wait_for "Reloaded $work/mini: 7 commands replayed."
close_text
grep -qF "6 commands did not replay at a reload and are pending" "$work/out.$n" ||
  fail "the resumed text mode does not say what is pending"
[ "$(cmds "$save")" = 7 ] && [ ! -e "$backup" ] || fail "resume + reload: $(cmds "$save") commands"

# 3. A command played first sets them aside: they stay in the backup,
# which `resume` then names as the game before the reload.
fresh
open_text text "$work/mini" --seed 4 --save "$save"
printf '%s' "$seven" >&3
wait_for "Beta to move" 2
price dear
printf 'reload\nend\n' >&3
wait_for "The 6 commands pending since the reload are set aside; they stay in $backup."
price cheap
printf 'reload\n' >&3
wait_for "Reloaded $work/mini: 2 commands replayed."
close_text
[ "$(cmds "$save")" = 2 ] && [ "$(cmds "$backup")" = 7 ] ||
  fail "set aside: save $(cmds "$save"), backup $(cmds "$backup")"
"$bin" resume "$save" --json > /dev/null 2> "$work/e" || fail "resume: $(cat "$work/e")"
grep -qF "$backup holds this game as it was before a reload (7 commands); to go on from there: crisisroom resume $backup." \
  "$work/e" || fail "resume does not name the backup: $(cat "$work/e")"
[ "$("$bin" resume "$backup" --json 2> /dev/null | hash)" = "$want" ] ||
  fail "the backup does not resume to where the game was"
# Another reload that leaves commands out needs another backup: the first
# one is never replaced.
open_text resume "$save"
wait_for "to move"
sed -i 's/id = "x", label = "X", cost = 1/id = "x", label = "X", cost = 3/' "$sc"
printf 'reload\n' >&3
wait_for "Nothing is lost: $work/s.before-reload-2.jsonl keeps"
close_text
[ "$(cmds "$backup")" = 7 ] || fail "the first backup was replaced"

# 4. An undone command that no longer fits is left out with its undo; the
# commands after it replay, and the backup keeps the undo's history.
fresh
open_text text "$work/mini" --seed 4 --save "$save"
printf 'act a poke p1\nundo\nchoose e1 x\nend\n' >&3
wait_for "Beta to move"
price dear
printf 'reload\n' >&3
wait_for "Reloaded $work/mini: 2 commands replayed."
close_text
grep -qF '1 command taken back by an undo no longer fits (the first, command 1: `act a poke p1`: ' \
  "$work/out.$n" || fail "the left-out command is not told: $(cat "$work/out.$n")"
[ "$(cmds "$save")" = 2 ] && [ "$(cmds "$backup")" = 4 ] ||
  fail "left out: save $(cmds "$save"), backup $(cmds "$backup")"
echo "1 passed, 0 failed"
