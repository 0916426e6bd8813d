# The option parser (engine/front/opt.h) through the program: "--opt=v" is
# "--opt v", a bad value is refused in the one wording that names the option
# and what is valid, for every subcommand that has the option; --help exits 0
# everywhere; an unknown option is named; a command line longer than the
# limit is refused with its line number, never split into two commands.
source "$(dirname "$0")/lib.bash"
mini="$src/tests/fixtures/mini"
export XDG_DATA_HOME="$work/xdg"

# --seed=5 and --seed 5 are the same game.
a=$("$bin" run "$mini" --seed=5 --auto random --json) || fail "--seed=5 refused"
b=$("$bin" run "$mini" --seed 5 --auto random --json) || fail "--seed 5 refused"
[ "$a" = "$b" ] || fail "--seed=5 and --seed 5 differ: $a / $b"
grep -q '"seed":5,' <<<"$a" || fail "the seed did not arrive: $a"
c=$("$bin" run "$mini" --seed 6 --auto random --json)
[ "$a" != "$c" ] || fail "the seed made no difference"

# A bad value: exit 2 and the one wording, whichever subcommand.
refuses() { # EXPECTED-MESSAGE ARGS...
    local want="$1" rc=0
    shift
    "$bin" "$@" > /dev/null 2> "$work/err" < /dev/null || rc=$?
    [ $rc -eq 2 ] || fail "'$*' exited $rc, not 2"
    head -n1 "$work/err" | grep -qxF "$want" || fail "'$*' said: $(cat "$work/err")"
}
for c in text run batch check play; do
    refuses "crisisroom $c: --seed takes a whole number from 0 to 18446744073709551615, not 'abc'" \
        $c "$mini" --seed abc
    refuses "crisisroom $c: --seed takes a whole number from 0 to 18446744073709551615, not '-1'" \
        $c "$mini" --seed=-1
done
refuses "crisisroom run: --seed takes a whole number from 0 to 18446744073709551615, not '18446744073709551616'" \
    run "$mini" --auto random --seed 18446744073709551616
refuses "crisisroom run: --seed takes a whole number from 0 to 18446744073709551615, and none was given" \
    run "$mini" --auto random --seed
refuses "crisisroom batch: --runs takes a whole number from 1 to 100000000, not '0'" batch "$mini" --runs 0
refuses "crisisroom check: --jobs takes a whole number from 1 to 64, not '2.5'" check "$mini" --runs 2 --jobs 2.5
refuses "crisisroom run: --auto takes random, first or historical, not 'clever'" run "$mini" --auto=clever
refuses "crisisroom report: --format takes html, json, ip-csv or decisions-csv, not 'pdf'" report x.jsonl --format pdf
refuses "crisisroom run: --json takes no value, not 'yes'" run "$mini" --auto random --json=yes
refuses "crisisroom new: --dir takes a file name, not ''" new x --dir=
# The window's own options, refused before any window opens.
export SDL_VIDEODRIVER=dummy
refuses "crisisroom play: --timer takes a whole number from 0 to 240, not '0.2'" play "$mini" --timer 0.2
refuses "crisisroom play: --scale takes a number from 0.5 to 3, not '4'" play "$mini" --scale=4
refuses "crisisroom play: --size takes WxH from 320x240 to 8192x8192, e.g. 1920x1080, not '1920x1080x'" \
    play "$mini" --size 1920x1080x
refuses "crisisroom play: --screen takes title, briefing, handover, dashboard, evidence, diplomacy, timeline, debrief, whatif, console, join, menu or hold, not 'nope'" \
    play "$mini" --screenshot "$work/x.png" --screen nope
refuses "crisisroom play: unexpected argument 'b' (play takes [SCENARIO|SAVE])" play a b
[ ! -e "$work/x.png" ] || fail "a refused play still wrote its screenshot"
# --opt=value reaches the window: the same frame as --opt value.
"$bin" play "$mini" --seed=3 --screenshot="$work/a.png" --size=640x400 --screen=dashboard --scale=1.25 ||
    fail "play with --opt=value"
"$bin" play "$mini" --seed 3 --screenshot "$work/b.png" --size 640x400 --screen dashboard --scale 1.25 ||
    fail "play with --opt value"
cmp -s "$work/a.png" "$work/b.png" || fail "play --opt=value and --opt value drew different frames"
"$bin" play "$mini" --seed 3 --screenshot "$work/c.png" --size 640x400 --screen dashboard ||
    fail "play without --scale"
! cmp -s "$work/a.png" "$work/c.png" || fail "--scale=1.25 made no difference"
# Unknown and ambiguous options are named, with what there is.
refuses "crisisroom run: unknown option '--nope' (options here: --commands, --auto, --to-turn, --seed, --variant, --session, --save, --json, --lang, --help)" \
    run "$mini" --nope
refuses "crisisroom text: unknown option '-x' (options here: --seed, --variant, --session, --save, --no-save, --lang, --help)" \
    text "$mini" -x
refuses "crisisroom run: '--s' is ambiguous: --seed, --session, --save" run "$mini" --s 1
refuses "crisisroom test: unexpected argument 'c' (test takes SCENARIO [FILE])" test a b c
refuses "crisisroom check: SCENARIO is missing (check takes SCENARIO)" check
# An unambiguous prefix is the option.
[ "$("$bin" run "$mini" --see 5 --au random --json)" = "$a" ] || fail "a prefix was not its option"

# --help and -h: exit 0 and the usage, for every subcommand the program lists
# (play's too: the window's options are a table like the others').
cmds=$("$bin" --help | sed -n 's/^  \([a-z]*\) .*/\1/p')
[ "$(wc -w <<<"$cmds")" -ge 9 ] || fail "crisisroom --help lists: $cmds"
for c in $cmds; do
    for h in --help -h; do
        "$bin" $c $h > "$work/out" || fail "$c $h exited non-zero"
        head -n1 "$work/out" | grep -q "^usage: crisisroom $c" || fail "$c $h: $(head -n2 "$work/out")"
        grep -q "^  -h, --help" "$work/out" || fail "$c $h lists no options"
    done
    # Help wins over anything else on the line, even a bad value.
    "$bin" $c --seed abc --help > /dev/null || fail "$c --seed abc --help did not print the help"
    "$bin" help $c | cmp -s - "$work/out" || fail "'crisisroom help $c' is not '$c --help'"
done

# A commands file: a line of 5000 bytes is refused with its number, and
# neither it nor anything after it is applied.
{
    echo "note before"
    printf 'note %05000d\n' 0
    echo "end"
} > "$work/long"
rc=0
"$bin" run "$mini" --commands "$work/long" --json > "$work/out" 2> "$work/err" || rc=$?
[ $rc -eq 1 ] || fail "an over-long line exited $rc"
grep -qF "long:2: line longer than 4096 bytes, the limit of a command line" "$work/err" ||
    fail "the over-long line was not named: $(cat "$work/err")"
grep -q '"commands":1,' "$work/out" || fail "not exactly the line before it was applied: $(cat "$work/out")"
# At the limit the line is read whole, and the parser judges it (its text is too long).
printf 'note %04091d\n' 0 > "$work/limit"
"$bin" run "$mini" --commands "$work/limit" > /dev/null 2> "$work/err" && fail "a 4096-byte note was taken"
grep -q "limit:1: " "$work/err" || fail "$(cat "$work/err")"
! grep -q "line longer" "$work/err" || fail "a 4096-byte line was too long for the reader"
# The terminal too: the long line is refused whole and play goes on.
{
    printf 'note %05000d\n' 0
    echo "status"
    echo "quit"
} | "$bin" text "$mini" --seed 1 --no-save > "$work/out" 2>&1 || fail "text mode exited non-zero"
grep -qF "Error: a line is at most 4096 bytes; nothing was done" "$work/out" || fail "$(cat "$work/out")"
grep -q "a> status" "$work/out" || fail "the line after the long one was lost: $(cat "$work/out")"
echo "1 passed, 0 failed"
