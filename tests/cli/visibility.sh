# Who sees what in the text mode (engine/core/view.h): a scripted session of
# the visibility fixture with a facilitator note, overrides with reasons (of
# a public and of a hidden meter), a hidden meter, private injects of each
# role, an ad-hoc inject, injects still to come, fired and suppressed ones.
# Every look-around command is typed by each role. No marker of what a
# player may not see appears in what the terminal shows before the debrief
# (the echo of the typed commands aside); the debrief then shows the truth,
# but never the facilitator's note or reasons.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
{
  echo status; echo inbox; echo "show priv_qx7"; echo "show fired_qx7"; echo actions; echo board
  echo "choose open yes -- RATIONALE_ALPHA_QX7"; echo "choose priv_qx7 go -- PRIVRATIONALE_QX7"
  echo "note NOTE_MARK_QX7"; echo "set m 70 -- REASON_PUBLIC_QX7"; echo "set h 40 -- REASON_HIDDEN_QX7"
  echo "inject b ADHOC_TITLE_QX7 -- ADHOC_TEXT_QX7"; echo "fire fired_qx7"; echo "suppress quiet_qx7"
  echo "act a follow"; echo timeline; echo end
  echo status; echo inbox; echo "show priv_qx7"; echo "show open"; echo "show fired_qx7"
  echo actions; echo board; echo "act b move -- BETA_RATIONALE_QX7"; echo timeline; echo end
  echo timeline; echo status; echo inbox; echo finish
} | "$bin" text "$src/tests/fixtures/view" --seed 3 --no-save > "$work/out" 2>&1 ||
  fail "text mode exited non-zero"
grep -qF "=== Debrief" "$work/out" || fail "the game did not reach the debrief"
# The players' screen: everything before the debrief, less the echoed input,
# cut into what each role's part of the session showed.
sed '/^=== Debrief/,$d' "$work/out" | grep -v '^[ab]> ' > "$work/play"
sed -n '/^=== Debrief/,$p' "$work/out" > "$work/debrief"
awk -v dir="$work" 'BEGIN { f = dir "/as_a" }
  /^--- Alpha to move/ { f = dir "/as_a" } /^--- Beta to move/ { f = dir "/as_b" } { print > f }' \
  "$work/play"
never_before_debrief="NOTE_MARK_QX7 REASON_PUBLIC_QX7 REASON_HIDDEN_QX7 HIDDEN_METER_QX7
  FUTURE_TITLE_QX7 FUTURE_TEXT_QX7 FUTURE_OPTION_QX7 FUTURE_RISK_QX7 future_qx7 SUPPRESSED_TITLE_QX7
  HIDDEN_CARD_QX7 hidden_qx7 secretkey_qx7 TRUTH_TITLE_QX7 TRUTH_TEXT_QX7 truthid_qx7"
not_alpha="PRIVATE_BETA_QX7 FIRED_TITLE_QX7 FIRED_TEXT_QX7 ADHOC_TITLE_QX7 ADHOC_TEXT_QX7
  BETA_RATIONALE_QX7"
not_beta="PRIVATE_ALPHA_QX7 PRIV_TITLE_QX7 PRIV_TEXT_QX7 PRIV_OPTION_QX7 PRIV_RISK_QX7 PRIV_OUTCOME_QX7
  PRIVRATIONALE_QX7 RATIONALE_ALPHA_QX7"
passed=0 failed=0
# absent FILE WHO MARKER... / present FILE WHO MARKER...: one check per marker.
absent() {
  local file=$1 who=$2; shift 2
  for m in "$@"; do
    if grep -qF "$m" "$file"; then
      echo "FAIL: $who saw '$m': $(grep -F "$m" "$file" | head -1)" >&2; failed=$((failed + 1))
    else passed=$((passed + 1)); fi
  done
}
present() {
  local file=$1 who=$2; shift 2
  for m in "$@"; do
    if grep -qF "$m" "$file"; then passed=$((passed + 1))
    else echo "FAIL: $who does not see '$m'" >&2; failed=$((failed + 1)); fi
  done
}
absent "$work/play" "a player" $never_before_debrief
absent "$work/as_a" "Alpha" $not_alpha
absent "$work/as_b" "Beta" $not_beta
absent "$work/debrief" "the debrief" NOTE_MARK_QX7 REASON_PUBLIC_QX7 REASON_HIDDEN_QX7
# What each may see is still there.
present "$work/as_a" "Alpha" PRIVATE_ALPHA_QX7 PRIV_TITLE_QX7 PRIV_OUTCOME_QX7 RATIONALE_ALPHA_QX7 \
  "Public meter"
present "$work/as_b" "Beta" PRIVATE_BETA_QX7 FIRED_TITLE_QX7 ADHOC_TITLE_QX7 BETA_RATIONALE_QX7 \
  "Public inject" "Decision on “Public inject”: Say yes" "Beta's act is seen." "Shown card"
present "$work/debrief" "the debrief" TRUTH_TEXT_QX7 HIDDEN_METER_QX7
# The after-action report is the facilitator's (report.h): the note and the
# reasons are in its interventions, never on its timeline of play.
printf '%s\n' "choose open yes -- RATIONALE_ALPHA_QX7" "note NOTE_MARK_QX7" \
  "set m 70 -- REASON_PUBLIC_QX7" "end" "finish" > "$work/cmds"
"$bin" run "$src/tests/fixtures/view" --seed 3 --commands "$work/cmds" --save "$work/s.jsonl" \
  > /dev/null || fail "run of the fixture"
"$bin" report "$work/s.jsonl" --out "$work/r.html" || fail "report"
sed -n '/<section id="timeline"/,/<\/section>/p' "$work/r.html" > "$work/r_timeline"
sed -n '/<section id="interventions"/,/<\/section>/p' "$work/r.html" > "$work/r_iv"
absent "$work/r_timeline" "the report's timeline" NOTE_MARK_QX7 REASON_PUBLIC_QX7
present "$work/r_timeline" "the report's timeline" RATIONALE_ALPHA_QX7
present "$work/r_iv" "the report's interventions" NOTE_MARK_QX7 REASON_PUBLIC_QX7
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
