# Terminal injection (issue 15, item 10): a scenario's text, its print,
# its errors and a save's inject and note text carry a title change
# (ESC ] 0 ;), a clear screen (ESC [ 2 J), concealed text (ESC [ 8 m), a
# carriage return that writes over the line and the 8-bit CSI U+009B. On
# every terminal path (text, resume, check, print, an error) they come out
# as visible escapes; valid UTF-8 stays as it is.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
mkdir "$work/inj" "$work/bad" "$work/cb"
cat > "$work/inj/scenario.lua" << 'LUA'
scenario { id = "inj", title = "Inj\27]0;pwned\7", summary = "S\27[2J.", question = nil }
role { id = "a", name = "Alpha\27[8m", brief = "Brief.\rOVERWRITE €", budget = 1 }
meter { id = "m", name = "M\u{9b}31m", start = 50 }
clock { "T1", "T2" }
print("printed\27]0;title\7 and \27[2J and\rCR and \u{9b}2J")
event { id = "e1", turn = 1, to = "a", channel = "news", source = "fiction", title = "E1\27[2J",
  text = "Text\27]0;x\7 \u{9b}1m end", options = { { id = "x", label = "X\r" } } }
ending { id = "plain", title = "Plain", text = "Plain end." }
LUA
cat > "$work/bad/scenario.lua" << 'LUA'
scenario { id = "bad", title = "B", summary = "S" }
error("boom\27]0;t\7 \u{9b}2J \255 end")
LUA
cat > "$work/cb/scenario.lua" << 'LUA'
scenario { id = "cb", title = "B", summary = "S" }
role { id = "a", name = "A", brief = "x", budget = 1 }
clock { "T1", "T2" }
event { id = "e1", turn = 1, to = "a", channel = "news", source = "fiction", title = "E", text = "t",
  options = { { id = "x", label = "X", effects = { run = function(g) error("cb\27[2J\rX") end } } } }
ending { id = "p", title = "P", text = "P" }
LUA

# FILE holds none of ESC, CR, BEL or the UTF-8 of U+009B, and each WANT.
clean() {
    local what="$1" file="$2"
    shift 2
    LC_ALL=C grep -q $'[\033\r\007]' "$file" && fail "$what: a raw control character: $(cat -v "$file")"
    LC_ALL=C grep -q $'\xc2\x9b' "$file" && fail "$what: a raw U+009B: $(cat -v "$file")"
    for want in "$@"; do grep -qF -- "$want" "$file" || fail "$what: no '$want' in: $(cat -v "$file")"; done
}

# The text mode, with an inject and a note typed by the facilitator.
printf 'inbox\nshow e1\ninject a Ti\033]0;t\007tle -- bo\033[2Jdy\xc2\x9b\nnote hi\033[2Jx\nend\nend\n' |
    "$bin" text "$work/inj" --seed 1 > "$work/text" 2>&1 || fail "text mode: $(cat -v "$work/text")"
clean "text" "$work/text" 'Inj\x1b]0;pwned\x07' 'E1\x1b[2J' 'Text\x1b]0;x\x07 \u009b1m end' \
    'Brief.\x0dOVERWRITE €' 'Alpha\x1b[8m' 'M\u009b31m' 'X\x0d' 'Ti\x1b]0;t\x07tle' 'bo\x1b[2Jdy\u009b'
# print, on standard error, separately.
printf 'end\nend\n' | "$bin" text "$work/inj" --seed 1 --no-save > /dev/null 2> "$work/print" || true
clean "print" "$work/print" 'printed\x1b]0;title\x07 and \x1b[2J and\x0dCR and \u009b2J'

# resume: the save's inject, as the replay tells it.
save=$(ls "$work/xdg/crisisroom/saves/"inj-*.jsonl | head -1) || fail "no save"
LC_ALL=C grep -q '\\u001b' "$save" || fail "the save lacks the inject's ESC: $(cat "$save")"
printf 'timeline\nquit\n' | "$bin" resume "$save" > "$work/resume" 2>&1 || fail "resume: $(cat -v "$work/resume")"
clean "resume" "$work/resume" 'Ti\x1b]0;t\x07tle' 'E1\x1b[2J'

# check, and run, of a scenario whose error quotes the text.
"$bin" check "$work/bad" > "$work/check" 2>&1 && fail "check of a failing scenario passed"
clean "check" "$work/check" 'boom\x1b]0;t\x07 \u009b2J \xff end'
"$bin" run "$work/bad" --auto first > "$work/run" 2>&1 && fail "run of a failing scenario passed"
clean "run's error" "$work/run" 'boom\x1b]0;t\x07'
# An error raised in a callback, on the command that ran it.
echo "choose e1 x" > "$work/cmds"
"$bin" run "$work/cb" --commands "$work/cmds" > "$work/cb.out" 2>&1 && fail "a failing callback passed"
clean "callback's error" "$work/cb.out" 'cb\x1b[2J\x0dX'
exit 0
