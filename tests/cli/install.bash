# Install like a user would (cmake --install into a prefix), move the prefix,
# and from the moved copy check, play in the terminal, play automatically,
# draw the window's dashboard and read the manual, with the source tree out
# of reach.
#   usage: install.bash BINARY SOURCE_DIR BUILD_DIR
#
# Out of reach, twice over:
#  - by the rule: an installed program (one that does not lie under its build
#    folder) never adds the source tree to its data folders, and the list of
#    folders it searched (in the error for a missing scenario) shows that;
#  - in fact: the checks run in a private mount namespace in which the source
#    tree, and the build tree inside it, are covered by an empty tmpfs. Where
#    the system refuses a mount namespace (unshare(1) fails) this half is
#    skipped, and the test says so on its output.
# Moving the prefix after installing shows that nothing points back at where
# it was installed: the program finds share/crisisroom beside its bin/.
source "$(dirname "$0")/lib.bash"
build="$3"

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" ||
    fail "cmake --install: $(cat "$work/install.log")"
mv "$work/prefix" "$work/moved"
prefix="$work/moved"
for f in bin/crisisroom share/man/man6/crisisroom.6 \
         share/applications/org.crisisroom.CrisisRoom.desktop \
         share/icons/hicolor/scalable/apps/org.crisisroom.CrisisRoom.svg \
         share/metainfo/org.crisisroom.CrisisRoom.metainfo.xml \
         share/crisisroom/scenarios/albania2022/scenario.lua \
         share/crisisroom/scenarios/template/scenario.lua \
         share/crisisroom/assets/fonts/NotoSans-Regular.ttf \
         share/crisisroom/assets/web/room.html share/crisisroom/assets/web/js/app.js \
         share/locale/fr/LC_MESSAGES/crisisroom.mo share/crisisroom/scenarios/tutorial/lang/fr.po; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
[ "$("$prefix/bin/crisisroom" --version)" = "$("$bin" --version)" ] || fail "another version was installed"
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$prefix/share/metainfo/org.crisisroom.CrisisRoom.metainfo.xml" \
        > "$work/as.log" 2>&1 || fail "metainfo: $(cat "$work/as.log")"
fi
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$prefix/share/applications/org.crisisroom.CrisisRoom.desktop" ||
        fail "the .desktop file does not validate"
fi

# Under the sanitizers, LeakSanitizer's suppressions file lives in the
# source tree, which is hidden below: a copy beside the work goes in its place.
if [[ "${LSAN_OPTIONS:-}" =~ suppressions=([^:]*) ]]; then
    cp "${BASH_REMATCH[1]}" "$work/lsan.supp"
    export LSAN_OPTIONS="${LSAN_OPTIONS/${BASH_REMATCH[1]}/$work/lsan.supp}"
fi

# What runs from the installed copy, away from both trees, with every data
# folder of the environment empty.
cat > "$work/inside.sh" << 'EOF'
set -euo pipefail
prefix="$1" src="$2" hide="$3" work="$4"
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$hide" = 1 ]; then
    mount -t tmpfs none "$src"
    [ -z "$(ls -A "$src")" ] || fail "the source tree is still visible"
fi
bin="$prefix/bin/crisisroom"
cd "$work/elsewhere"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_DATA_DIRS="$work/none"
unset CRISISROOM_DATA CRISISROOM_SCENARIOS

# The rule: the folders searched are the environment's and the prefix's.
"$bin" check nosuch 2> err && fail "check of a missing scenario passed"
grep -qF "$prefix/share/crisisroom/scenarios" err || fail "the prefix was not searched: $(cat err)"
if grep -qF "$src" err; then fail "an installed program searched the source tree: $(cat err)"; fi

"$bin" check albania2022 > out || fail "check albania2022: $(cat out)"
grep -q "^$prefix/share/crisisroom/scenarios/albania2022: ok: 'albania2022'" out ||
    fail "check did not read the installed scenario: $(cat out)"
"$bin" test tutorial > out || fail "test tutorial: $(cat out)"

# The text mode, scripted through stdin, saving to the XDG folder.
{ echo help; echo status; for _ in $(seq 40); do echo end; done; } |
    "$bin" text tutorial --seed 3 > out 2>&1 || fail "text tutorial: $(cat out)"
grep -q "=== Debrief" out || fail "the text game did not reach the debrief: $(tail -5 out)"
ls "$XDG_DATA_HOME"/crisisroom/saves/tutorial-*.jsonl > /dev/null || fail "no save in XDG_DATA_HOME"

# In French: the installed catalog (share/locale) and the tutorial's translation.
echo quit | "$bin" text tutorial --seed 3 --lang fr --no-save > out 2>&1 || fail "text --lang fr: $(cat out)"
grep -q "Jauges" out || fail "the installed interface is not French: $(head -5 out)"
grep -q "Tutoriel" out || fail "the installed tutorial is not French: $(head -3 out)"

# A new scenario from the installed template passes its own check.
"$bin" new mine --dir "$work/elsewhere" > out || fail "new: $(cat out)"
"$bin" check mine --strict > out || fail "check of a new scenario: $(cat out)"

"$bin" run albania2022 --auto historical > out || fail "run --auto historical: $(cat out)"
grep -q "^albania2022: turn [0-9]* of [0-9]*, ended: " out || fail "run did not end: $(cat out)"

# The manual, as `man` finds it with MANPATH set to the prefix.
MANPATH="$prefix/share/man" man -P cat 6 crisisroom > out 2> /dev/null || fail "man crisisroom"
grep -q "crisisroom - a turn-based tabletop cyber-crisis simulation" out || fail "man: $(head out)"
grep -q "crisisroom $("$bin" --version | cut -d' ' -f2)" out || fail "the man page names another version"

# The window, drawn off-screen: its fonts and its scenario can only come from
# the prefix, and a frame without a typeface is not drawn at all. The PNG is
# decoded by Python's zlib and must hold the colours of antialiased text.
SDL_VIDEODRIVER=dummy "$bin" play albania2022 --screenshot "$work/shot.png" --size 1280x720 \
    --screen dashboard > out 2>&1 || fail "play --screenshot: $(cat out)"
[ ! -s out ] || fail "the window complained: $(cat out)"
if command -v python3 > /dev/null; then
    python3 "$work/check_png.py" "$work/shot.png" 1280 720 200 > out 2>&1 ||
        fail "the window's screenshot: $(cat out)"
else
    echo "NOTE: no python3: the screenshot was written but not decoded"
    [ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] ||
        fail "the screenshot is not a PNG"
fi
echo ok
EOF
# The screenshot's checker, out of the tree that the checks hide.
cp "$src/tests/ui/check_png.py" "$work/check_png.py"
mkdir "$work/elsewhere" "$work/home"
hide=0
if [ "$(id -u)" -eq 0 ] && unshare -m true 2> /dev/null; then
    hide=1 ns=(unshare -m)
elif unshare -rm true 2> /dev/null; then
    hide=1 ns=(unshare -rm)
fi
if [ $hide = 1 ]; then
    "${ns[@]}" bash "$work/inside.sh" "$prefix" "$src" 1 "$work" || fail "from the installed copy"
else
    echo "NOTE: no mount namespace here (unshare failed): the source tree stays visible," \
         "and only the search list shows it is not used"
    bash "$work/inside.sh" "$prefix" "$src" 0 "$work" || fail "from the installed copy"
fi
echo "1 passed, 0 failed"
