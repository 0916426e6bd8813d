# The text mode's small promises (issue 17, item 5), one section each:
# counts in words ("1 command"), the unknown-command error naming the
# look-around commands, a failed test's last commands marking the refused
# ones, the board drawn as the grid of its columns and rows (and a list
# when the grid does not fit), a brief to every role with its "Source:"
# line, the echo after an undo, and `help` saying whether the game is saved.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
mini="$src/tests/fixtures/mini"
play() { "$bin" text "$@" 2>&1; }
passed=0
ok() { passed=$((passed + 1)); }

# "1 command", not "1 commands".
out=$(printf 'choose e1 x\nreload\nquit\n' | play "$mini" --seed 4 --no-save)
grep -qF "Reloaded $mini: 1 command replayed." <<< "$out" || fail "count in words: $out"
ok

# An unknown word lists the game's commands and the ones to look around.
out=$(printf 'frobnicate\nquit\n' | play "$mini" --seed 4 --no-save)
grep -qE "Error: unknown command 'frobnicate'; commands are: choose .*; to look around: help status inbox " <<< "$out" ||
  fail "unknown command: $out"
ok

# A failed test lists its last commands, the refused ones marked.
cp -r "$mini" "$work/tested"
mkdir "$work/tested/tests"
cat > "$work/tested/tests/last.lua" <<'EOF'
test("a failure after a refusal", function(t)
  t:start{ seed = 4 }
  t:cmd("choose e1 x")
  t:refused("choose e1 y")
  t:cmd("end")
  assert(t.g:meter("m") == 0, "m is not 0")
end)
EOF
"$bin" test "$work/tested" > "$work/test.out" 2>&1 && fail "the failing test passed"
grep -qF "  turn 1, a: choose e1 y   (refused: no open decision on 'e1'" "$work/test.out" ||
  fail "the refused command is not marked: $(cat "$work/test.out")"
grep -qF "  turn 1, a: choose e1 x"$'\n' "$work/test.out" || fail "a taken command is marked"
ok

# The board as a grid: its columns across, its rows down, each card in the
# cell of its attributes (an unknown value in "other"), within 80 columns;
# then every card in full. A board of too many columns is listed instead.
cp -r "$mini" "$work/board"
cat >> "$work/board/scenario.lua" <<'EOF'
board { id = "who", title = "Who did it?", columns = { "state", "crime", "insider" },
  rows = { "tactical", "strategic" } }
card { id = "k1", board = "who", title = "A wiper known from an earlier campaign", text = "Seen before.",
  attrs = { level = "tactical", supports = "state" } }
card { id = "k2", board = "who", title = "Ransom asked, never collected", text = "Odd.",
  attrs = { level = "strategic", supports = "crime" } }
card { id = "k3", board = "who", title = "A badge used at night", text = "Logs.",
  attrs = { level = "tactical", supports = "nobody" } }
board { id = "wide", title = "Seven hypotheses", columns = { "a1", "a2", "a3", "a4", "a5", "a6", "a7" } }
card { id = "w1", board = "wide", title = "Wide card", text = "W.", attrs = { supports = "a3" } }
action { id = "look", role = "a", label = "Look", effects = { cards = { "k1", "k2", "k3", "w1" } } }
EOF
out=$(printf 'act a look\nboard\nquit\n' | play "$work/board" --seed 4 --no-save)
board=$(sed -n '/^a> board$/,/^a> quit$/p' <<< "$out")
for want in "          | state          | crime          | insider        | other" \
            "tactical  | [1] A wiper    |                |                | [3] A badge" \
            "          | known from an  |                |                | used at night" \
            "strategic |                | [2] Ransom     |" \
            "  [1] A wiper known from an earlier campaign (turn 1)" \
            "  (80 columns are too narrow for the grid: by row and column)" \
            "  a3: [1] Wide card"; do
  grep -qF -- "$want" <<< "$board" || fail "the board lacks '$want':"$'\n'"$board"
done
long=$(awk 'length($0) > 80' <<< "$board")
[ -z "$long" ] || fail "lines wider than 80 columns: $long"
ok

# A brief to every role, shown at the move it arrives in, cites its source.
out=$(printf 'choose e1 x\nend\nend\nquit\n' | play "$mini" --seed 4 --no-save)
sed -n '/^\[news\] E2$/,+2p' <<< "$out" | grep -qxF "Source: invented for the exercise" ||
  fail "the brief to all roles has no Source line: $out"
ok

# After an undo the next command is echoed as any other.
out=$(printf 'choose e1 y\nundo\nchoose e1 x\nquit\n' | play "$mini" --seed 4 --no-save)
sed -n '/^a> undo$/,/^a> quit$/p' <<< "$out" > "$work/undo"
grep -qxF 'Undone: `choose e1 y`.' "$work/undo" || fail "the undo is not told: $out"
grep -qF "Alpha: Decision on “E1”: X" "$work/undo" || fail "no echo after the undo: $out"
ok

# `help` says whether the game is saved: never "saved" under --no-save.
out=$(printf 'help\nquit\n' | play "$mini" --seed 4 --no-save)
grep -qF "This game is NOT being saved: 'quit' ends it" <<< "$out" || fail "help under --no-save: $out"
grep -qiF "the game is saved" <<< "$out" && fail "help under --no-save says the game is saved"
out=$(printf 'help\nquit\n' | play "$mini" --seed 4 --save "$work/h.jsonl")
grep -qF "This game is saved to $work/h.jsonl as you play" <<< "$out" || fail "help when saving: $out"
ok

echo "$passed passed, 0 failed"
