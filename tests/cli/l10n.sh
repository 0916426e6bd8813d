# Scenarios in another language (engine/core/strid.h, engine/front/lang.h):
# the strings' ids, the PO files, --lang, check --lang and the interface's
# gettext catalog, end to end.
source "$(dirname "$0")/lib.bash"
export LANG=C.UTF-8 LC_ALL= LANGUAGE= # the interface in English unless a test says otherwise
tut="$src/scenarios/tutorial"
# (ctxt, msgid) pairs of a PO file, one a line, sorted: what a translator sees.
pairs() { msgcat --no-wrap --no-location "$1" | awk '/^msgctxt/ { c = $0 } /^msgid/ && c { print c " " $0; c = "" }' | sort; }

# 1. The template: the same file twice, accepted by msgfmt, every id there.
"$bin" strings tutorial --out "$work/a.pot" > "$work/out" || fail "strings failed: $(cat "$work/out")"
"$bin" strings tutorial --out "$work/b.pot" > /dev/null
cmp -s "$work/a.pot" "$work/b.pot" || fail "two extractions differ"
msgfmt --check -o /dev/null "$work/a.pot" 2> "$work/err" || fail "msgfmt refuses the template: $(cat "$work/err")"
for id in scenario.title role.lead.brief event.ransom_note.title \
    event.ransom_note.option.isolate.label event.ransom_note.option.watch.effects.1.otherwise.text \
    action.restore.target.housing card.vpn_log.title meter.trust.name ending.limped.title \
    objective.contain.title variant.bluff.truth question.2 turn.1; do
    grep -qx "msgctxt \"$id\"" "$work/a.pot" || fail "the template has no '$id'"
done
grep -q '^#: events.lua:[0-9]' "$work/a.pot" || fail "no file:line reference in the template"
grep -q "objective.inform.text (endings.lua:[0-9]*): computed by a function, not extractable" \
    "$work/out" || fail "strings does not name the computed texts: $(cat "$work/out")"

# 2. Ids do not depend on the order of declarations.
mkdir -p "$work/o1" "$work/o2"
ev1='event { id = "first", turn = 1, to = "all", channel = "email", title = "One", text = "The first text.",
  options = { { id = "go", label = "Go on" }, { id = "stop", label = "Stop here" } } }'
ev2='event { id = "second", turn = 2, to = "all", channel = "news", title = "Two", text = "The second text." }'
for d in o1 o2; do
    cat > "$work/$d/scenario.lua" <<'EOF'
scenario { id = "order", title = "Order", summary = "Two events." }
role { id = "r", name = "The role", brief = "Brief." }
meter { id = "m", name = "A meter", start = 1 }
clock { "T1", "T2" }
ending { id = "e", title = "The end", text = "Done." }
include "events.lua"
EOF
done
printf '%s\n%s\n' "$ev1" "$ev2" > "$work/o1/events.lua"
printf '%s\n%s\n' "$ev2" "$ev1" > "$work/o2/events.lua"
"$bin" strings "$work/o1" --out "$work/o1.pot" > /dev/null || fail "strings o1"
"$bin" strings "$work/o2" --out "$work/o2.pot" > /dev/null || fail "strings o2"
[ "$(pairs "$work/o1.pot")" = "$(pairs "$work/o2.pot")" ] || fail "ids depend on the order: $(diff <(pairs "$work/o1.pot") <(pairs "$work/o2.pot"))"
grep -qx 'msgctxt "event.first.option.stop.label"' "$work/o2.pot" || fail "no option id"

# 2b. What the flagship declared since: the history label, sessions, the
#     hypotheses' labels and the cards' provenance, never an attribute a
#     board matches (a row, a column) or the grade.
"$bin" strings albania2022 --out "$work/alb.pot" > /dev/null || fail "strings albania2022"
for id in scenario.history session.class90.title session.class90.text board.evidence.hypothesis.iran \
    card.ransom_note.attr.provenance; do
    grep -qx "msgctxt \"$id\"" "$work/alb.pot" || fail "the flagship's template has no '$id'"
done
grep -q '^msgctxt "card\.[a-z0-9_]*\.attr\.\(level\|supports\|reliability\|credibility\)"' "$work/alb.pot" &&
    fail "a matched attribute is offered for translation"
# ... and a translation of them reaches the game (the board in the text mode).
cp -r "$src/scenarios/albania2022" "$work/alb"
mkdir -p "$work/alb/lang"
msgcat --no-wrap "$work/alb.pot" | awk '
    /^msgctxt "board.evidence.hypothesis.iran"/ { t = "L’État iranien" }
    /^msgctxt "card.ransom_note.attr.provenance"/ { t = "Écrans de serveurs chiffrés" }
    t && /^msgstr/ { print "msgstr \"" t "\""; t = ""; next } { print }' > "$work/alb/lang/fr.po"
printf 'board\nquit\n' | "$bin" text "$work/alb" --lang fr --no-save --seed 1 > "$work/alb.txt" 2>&1
grep -qF "iran = L’État iranien" "$work/alb.txt" || fail "the hypothesis' label is not translated: $(grep -i hypoth "$work/alb.txt")"
grep -qF "provenance: Écrans de serveurs chiffrés" "$work/alb.txt" || fail "the provenance is not translated"
"$bin" check "$work/alb" --lang fr > "$work/ck" 2>&1 || fail "check --lang on the flagship: $(tail -3 "$work/ck")"
grep -q "warning: 'board.evidence.hypothesis.russia' is not translated in lang/fr.po" "$work/ck" ||
    fail "check --lang does not name an untranslated hypothesis"

# 3. The shipped translations: complete and valid, placeholders included.
for po in "$tut/lang/fr.po" "$src/po/fr.po"; do
    msgfmt --check --statistics -o /dev/null "$po" 2> "$work/stat" || fail "msgfmt refuses $po: $(cat "$work/stat")"
    grep -q "untranslated\|fuzzy" "$work/stat" && fail "$po is not complete: $(cat "$work/stat")"
done
"$bin" check tutorial --lang fr --strict > "$work/check" 2>&1 || fail "check --lang fr is not clean: $(cat "$work/check")"
# Every interface string of the sources translated: a fresh extraction
# (scripts/po-update --out, po/ untouched), so a stale po/crisisroom.pot can
# neither hide a new _() string nor fail for an old one.
"$src/scripts/po-update" --out "$work/po" 2> "$work/err" || fail "po-update --out: $(cat "$work/err")"
msgfmt --check --check-format --statistics -o /dev/null "$work/po/fr.po" 2> "$work/stat" ||
    fail "po/fr.po against the sources: $(cat "$work/stat")"
grep -q "untranslated\|fuzzy" "$work/stat" &&
    fail "po/fr.po lacks strings of the sources (run scripts/po-update, translate): $(cat "$work/stat"):
$( (msgattrib --untranslated --no-obsolete "$work/po/fr.po"; msgattrib --only-fuzzy "$work/po/fr.po") |
        grep '^msgid' | grep -v '^msgid ""$' | head -5)"
# --lang merges: every translation kept, nothing fuzzy.
"$bin" strings tutorial --lang fr --out "$work/fr.po" > /dev/null
[ "$(pairs "$work/fr.po")" = "$(pairs "$tut/lang/fr.po")" ] || fail "the merge lost or changed strings"
msgfmt --statistics -o /dev/null "$work/fr.po" 2>&1 | grep -q "^173 translated messages.$" ||
    fail "the merge kept $(msgfmt --statistics -o /dev/null "$work/fr.po" 2>&1)"

# 4. A game in French is the same game: every command and hash of the
#    journal, for the historical player and random ones.
keep() { sed 's/,"at":"[^"]*"//; s/,"opened":"[^"]*"//; s/,"started":"[^"]*"//' "$1"; }
for p in historical random; do
    for seed in 1 7; do
        "$bin" run tutorial --auto "$p" --seed "$seed" --save "$work/en.jsonl" > /dev/null
        "$bin" run tutorial --auto "$p" --seed "$seed" --save "$work/fr.jsonl" --lang fr > /dev/null
        [ "$(keep "$work/en.jsonl")" = "$(keep "$work/fr.jsonl")" ] ||
            fail "$p seed $seed: the journal depends on the language: $(diff <(keep "$work/en.jsonl") <(keep "$work/fr.jsonl") | head -5)"
    done
done
# A French save replays in English and the other way round (replay compares the hashes).
"$bin" resume "$work/fr.jsonl" --json > /dev/null 2> "$work/err" || fail "the French save does not replay: $(cat "$work/err")"
"$bin" resume "$work/en.jsonl" --lang fr --json > /dev/null 2> "$work/err" || fail "replay in French: $(cat "$work/err")"

# 5. The text mode in French: the interface and the tutorial's texts.
printf 'show welcome\nquit\n' | "$bin" text tutorial --lang fr --no-save --seed 1 > "$work/fr.txt" 2>&1
nb=$'\xc2\xa0' # French puts a no-break space before : ; ? ! and inside « »
for s in "=== Tour 1 sur 5${nb}: lun. 4 mars 2024, 8 h 30 ===" "Jauges${nb}:" "Fichiers disponibles" \
    "[note] Comment jouer" "À Pilote de l’incident de jouer (3 points d’action)" \
    "Tapez «${nb}help${nb}» pour les commandes"; do
    grep -qF "$s" "$work/fr.txt" || fail "the French text mode lacks '$s': $(head -20 "$work/fr.txt")"
done
grep -q "How to play\|Meters:" "$work/fr.txt" && fail "English left in the French text mode"
# A French game to its debrief: no sentence of the interface left in English.
# The markers are every piece of text between the placeholders of every
# msgid (three words or more) of the fresh template and of the committed
# one (a string unwrapped since is still there), and the short words the
# text mode's every screen shows: English in the output is then an
# unwrapped or untranslated string. The English game must show them, or the
# markers prove nothing. (What the tutorial computes while it runs, g:say
# and a text = function, is English by design: strid.h.) The game ends
# with the text mode's whatif, at the debrief.
msgcat --no-wrap --no-location "$work/po/crisisroom.pot" "$src/po/crisisroom.pot" |
    sed -n 's/^msgid "\(.*\)"$/\1/p' |
    sed 's/\\n/\n/g; s/%[-+ #0-9.]*\(ll\|l\|z\)\?[a-zA-Z]/\n/g' | sed 's/^ *//; s/ *$//' |
    awk 'length >= 12 && / [^ ]+ /' | sort -u > "$work/markers"
printf '%s\n' "Meters:" "Source: " "Sources: " "For discussion:" "(no decision)" "Note: " "Debrief" \
    "Objectives (" " (turn " >> "$work/markers"
play='inbox\nshow ransom_note\nchoose ransom_note isolate -- contenir\nactions\nboard\nstatus\n'
game() { { printf "$play"; for i in $(seq 1 40); do echo end; done; echo 'whatif 1 end'; echo quit; } |
    "$bin" text tutorial --no-save --seed 1 "$@" 2>&1; }
game > "$work/game.en"
game --lang fr > "$work/game.fr"
grep -qF "=== Débriefing" "$work/game.fr" || fail "the French game did not reach its debrief: $(tail -5 "$work/game.fr")"
[ "$(grep -c -F -f "$work/markers" "$work/game.en")" -ge 20 ] || fail "the English game shows few markers"
# (A refusal, "Erreur : ...", is the command language's and stays English.)
grep -n -F -f "$work/markers" "$work/game.fr" | grep -v ":Erreur${nb}: " > "$work/english" &&
    fail "English left in the French text mode: $(head -5 "$work/english")"
# The interface alone from the environment (LANGUAGE), the scenario as written.
printf 'quit\n' | LANGUAGE=fr "$bin" text tutorial --no-save --seed 1 > "$work/env.txt" 2>&1
grep -qF "Jauges${nb}:" "$work/env.txt" || fail "LANGUAGE=fr does not reach the interface: $(head -5 "$work/env.txt")"
grep -qF "Files available" "$work/env.txt" || fail "without --lang the scenario should stay as written"

# 6. Fallback string by string, and check --lang: a copy of the tutorial
#    whose fr.po lacks one translation and whose source changed under another.
cp -r "$tut" "$work/tut"
msgcat --no-wrap "$tut/lang/fr.po" | awk '
    /^msgctxt "event.welcome.title"/ { drop = 1 }
    drop && /^msgstr/ { print "msgstr \"\""; drop = 0; next } { print }' > "$work/tut/lang/fr.po"
sed -i 's/title = "FS01 shows a ransom note"/title = "FS01 shows a ransom demand"/' "$work/tut/events.lua"
printf 'show welcome\nshow ransom_note\nquit\n' | "$bin" text "$work/tut" --lang fr --no-save --seed 1 > "$work/fb.txt" 2>&1
grep -qF "[note] How to play" "$work/fb.txt" || fail "the untranslated title is not the source: $(grep -n 'note\]' "$work/fb.txt")"
grep -qF "FS01 shows a ransom demand" "$work/fb.txt" || fail "the stale title is not the new source"
grep -qF "Lisez ceci à voix haute" "$work/fb.txt" || grep -qF "À chaque tour, les rôles" "$work/fb.txt" ||
    fail "the other strings of the event are not French"
"$bin" check "$work/tut" --lang fr > "$work/ck" 2>&1 || true
# an event's strings point at its `event {`, the line above its id
line=$(($(grep -n 'id = "welcome"' "$work/tut/events.lua" | cut -d: -f1) - 1))
grep -q "events.lua:$line: warning: 'event.welcome.title' is not translated in lang/fr.po" "$work/ck" ||
    fail "check --lang does not report the untranslated string at events.lua:$line: $(grep lang/fr "$work/ck")"
line=$(($(grep -n 'id = "ransom_note"' "$work/tut/events.lua" | cut -d: -f1) - 1))
grep -q "events.lua:$line: warning: 'event.ransom_note.title' is stale in lang/fr.po" "$work/ck" ||
    fail "check --lang does not report the stale string at events.lua:$line: $(grep lang/fr "$work/ck")"
[ "$(grep -c 'lang/fr.po' "$work/ck")" = 2 ] || fail "check --lang reports more than the two: $(grep lang/fr "$work/ck")"
"$bin" check "$work/tut" --lang fr --strict > /dev/null 2>&1 && fail "--strict passes with stale strings"
# The merge keeps the stale translation fuzzy, with its previous msgid.
"$bin" strings "$work/tut" --lang fr --out "$work/m.po" > /dev/null
msgcat --no-wrap "$work/m.po" | grep -B3 '^msgctxt "event.ransom_note.title"' | grep -q '^#, fuzzy' ||
    fail "the merge does not mark the changed string fuzzy"
grep -q '^#| msgid "FS01 shows a ransom note"' "$work/m.po" || fail "the merge drops the previous msgid"

# 7. A bad --lang and a PO file that is not one.
"$bin" text tutorial --lang 'fr;rm' --no-save < /dev/null > /dev/null 2> "$work/err" && fail "a bad --lang is taken"
grep -q "language code" "$work/err" || fail "a bad --lang is not named: $(cat "$work/err")"
printf 'msgid "x\n' > "$work/tut/lang/de.po"
printf 'quit\n' | "$bin" text "$work/tut" --lang de --no-save > "$work/de.txt" 2> "$work/err" || fail "a broken PO stops the game"
grep -q "lang/de.po:[0-9]*: " "$work/err" || fail "a broken PO is not named with its line: $(cat "$work/err")"

# 8. The window in French renders (the dummy driver), with no overflow.
if "$bin" play --help > /dev/null 2>&1 && "$bin" play --help | grep -q screenshot; then
    for s in briefing dashboard evidence debrief menu title; do
        SDL_VIDEODRIVER=dummy "$bin" play tutorial --lang fr --screenshot "$work/$s.png" --size 1920x1080 \
            --screen "$s" > "$work/shot" 2>&1 || fail "the French $s screen: $(cat "$work/shot")"
        [ -s "$work/$s.png" ] || fail "no French $s screenshot"
    done
fi
echo "1 passed, 0 failed"
