# Where the program finds scenarios (engine/front/datadir.h): CRISISROOM_DATA,
# then XDG_DATA_HOME, then each of XDG_DATA_DIRS, and the source tree last
# for a program run from its build tree; a folder without scenario.lua does
# not shadow a later one; the error lists where it looked, in order. Saves
# go to the XDG data home, and a folder that cannot be made is reported.
source "$(dirname "$0")/lib.bash"
for d in one home/crisisroom sys/crisisroom; do
    mkdir -p "$work/$d/scenarios"
    cp -r "$src/tests/fixtures/mini" "$work/$d/scenarios/"
done
export CRISISROOM_DATA="$work/one" XDG_DATA_HOME="$work/home" XDG_DATA_DIRS="relative:$work/sys"
cd "$work"
found() { "$bin" check mini | tail -n1 | sed 's/: ok: .*//'; }
[ "$(found)" = "$work/one/scenarios/mini" ] || fail "CRISISROOM_DATA first: $(found)"
rm "$work/one/scenarios/mini/scenario.lua" # a folder, but no scenario
[ "$(found)" = "$work/home/crisisroom/scenarios/mini" ] || fail "XDG_DATA_HOME second: $(found)"
rm -r "$work/home/crisisroom/scenarios/mini"
[ "$(found)" = "$work/sys/crisisroom/scenarios/mini" ] || fail "XDG_DATA_DIRS third: $(found)"
rm -r "$work/sys/crisisroom/scenarios/mini"
"$bin" check mini 2> err && fail "a scenario found in none of them"
order="$work/one/scenarios, $work/home/crisisroom/scenarios, $work/sys/crisisroom/scenarios, "
grep -qF "crisisroom: no scenario 'mini' (a folder, or a name in one of: $order" err ||
    fail "the places, in order: $(cat err)"
grep -qF "relative/crisisroom" err && fail "a relative XDG_DATA_DIRS entry was searched"
# Built here, the program also has its source tree, last.
grep -qE "$(realpath "$src")/scenarios\)$" err || fail "no source tree for a build-tree program: $(cat err)"
"$bin" check tutorial > /dev/null || fail "the source tree's tutorial"
# A path is a path, not a name.
"$bin" check "$src/tests/fixtures/mini" > /dev/null || fail "a folder given by its path"

# Saves: $XDG_DATA_HOME/crisisroom/saves, else ~/.local/share/crisisroom/saves.
unset XDG_DATA_HOME
export HOME="$work/h"
echo quit | "$bin" text "$src/tests/fixtures/mini" --seed 1 > out 2>&1 || fail "text: $(cat out)"
ls "$work"/h/.local/share/crisisroom/saves/mini-*.jsonl > /dev/null || fail "no save under HOME: $(cat out)"
touch "$work/file"
export XDG_DATA_HOME="$work/file"
echo quit | "$bin" text "$src/tests/fixtures/mini" --seed 1 > out 2>&1 || fail "text: $(cat out)"
grep -qF "crisisroom: cannot create the saves folder $work/file/crisisroom/saves: Not a directory" out ||
    fail "an impossible saves folder: $(cat out)"
grep -q "NOT SAVING" out || fail "no word that the game is not saved: $(cat out)"
echo "1 passed, 0 failed"
