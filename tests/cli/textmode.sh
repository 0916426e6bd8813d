# The text mode: a person's session piped in: look around, decide, act,
# undo, end moves until the game is over, then the debrief.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
{
  echo help; echo status; echo inbox; echo "show e1"; echo actions
  echo "choose e1 y -- keep it cheap"; echo undo; echo "choose e1 x -- better"
  echo "act a poke p1"; echo end; echo "act b roll"; echo end
  echo timeline; echo board; echo end; echo "choose e2 ok"; echo end; echo end; echo end
} | "$bin" text "$src/tests/fixtures/mini" --seed 4 > "$work/out" 2>&1 || fail "text mode exited non-zero"
for want in "Turn 1 of 3: T1" "Alpha to move" "Options (choose e1 OPTION" "Not available: costs 5" \
            "Alpha: Decision on “E1”: X -- better" "Debrief" "Truth one." "1. Why?"; do
  grep -qF "$want" "$work/out" || fail "missing '$want' in text mode output"
done
# The undone choice is gone from the timeline, the one made after it is there.
sed -n '/^a> timeline$/,/^a> board$/p' "$work/out" > "$work/timeline"
grep -qF "Alpha: Decision on “E1”: X -- better" "$work/timeline" || fail "timeline lacks the choice"
! grep -qF "Y -- keep it cheap" "$work/timeline" || fail "the undone choice is still on the timeline"
save=$(ls "$work/xdg/crisisroom/saves/"mini-*.jsonl) || fail "no save in the XDG folder"
grep -q '"cmd":"undo"' "$save" || fail "undo not journaled"
"$bin" resume "$save" --json | grep -q '"ended":true' || fail "the save does not replay to the end"
echo "1 passed, 0 failed"
