# Running the room from the terminal (issue 13): an ad-hoc inject while
# paused, now or held for the resume, through a channel and carrying a
# decision the team answers; `jump` lets a policy play to a turn, and the
# debrief names who made each move (never the team for the policy's);
# `run --to-turn` does the jump from the command line; a resume keeps the
# exercise's start time and marks when the program was opened again.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
mini="$src/tests/fixtures/mini"
{
  echo 'pause'
  echo 'inject b via=email decides=b Call the press -- Who speaks? || Alpha speaks | Beta speaks'
  echo 'inject a at=resume Held note -- For later.'
  echo 'inbox'
  echo 'resume'
  echo 'inbox'
  echo 'end'
  echo 'show adhoc1'
  echo 'choose adhoc1 2 -- Beta knows the file'
  echo 'jump 3 first'
  echo 'finish'
} | "$bin" text "$mini" --seed 4 --save "$work/t.jsonl" > "$work/out" 2>&1 || fail "text mode: $(cat "$work/out")"
has() { grep -qF -- "$1" "$work/out" || fail "missing '$1' in: $(cat "$work/out")"; }
# Held: not in Alpha's inbox while paused, there after the resume.
[ "$(grep -cF "Held note  (adhoc2)" "$work/out")" = 1 ] || fail "the held inject: $(cat "$work/out")"
has "Held: it reaches the inbox at the 'resume'."
has "[email] Call the press"
has "Options (choose adhoc1 NUMBER -- why), decided by b:"
has "  2. Beta speaks"
has "Beta: Decision on “Call the press”: Beta speaks -- Beta knows the file"
has "The policy 'first' played"
has "Call the press (turn 1, an ad-hoc decision)"
has "    Beta: Beta speaks"
has "    automatic player (first), for Alpha: X"
grep -qF "    Alpha: X" "$work/out" && fail "the debrief credits Alpha with the policy's move"
grep -q '"cmd":"choose e1 x".*"by":"policy","name":"first"' "$work/t.jsonl" ||
  fail "the jump's moves are not journaled as the policy's: $(cat "$work/t.jsonl")"
# run --to-turn: the policy plays until turn 2 begins, and no further.
"$bin" run "$mini" --seed 4 --auto first --to-turn 2 --save "$work/r.jsonl" --json > "$work/r.json" ||
  fail "run --to-turn"
grep -q '"turn":2,' "$work/r.json" || fail "run --to-turn 2: $(cat "$work/r.json")"
grep -q '"ended":false' "$work/r.json" || fail "run --to-turn went to the end"
[ "$(grep -c '"by":"policy","name":"first"' "$work/r.jsonl")" = "$(grep -c '^{"cmd"' "$work/r.jsonl")" ] ||
  fail "a line of the jump is not the policy's: $(cat "$work/r.jsonl")"
"$bin" run "$mini" --to-turn 2 > /dev/null 2>&1 && fail "--to-turn without --auto was taken"
# A resume keeps the exercise's start; its first line says when it opened.
started=$(head -1 "$work/r.jsonl" | json_field started)
sleep 1.1
echo 'note resumed' > "$work/more.txt"
"$bin" resume "$work/r.jsonl" --commands "$work/more.txt" > /dev/null || fail "resume"
[ "$(head -1 "$work/r.jsonl" | json_field started)" = "$started" ] || fail "resume rewrote started"
tail -1 "$work/r.jsonl" | grep -q '"opened":"' || fail "the resumed run's first line has no opened"
echo "1 passed, 0 failed"
