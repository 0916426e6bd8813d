# Crash safety: a game killed with SIGKILL at random moments keeps every
# command it acknowledged, and replays to the state an uninterrupted run of
# the same commands reaches. A full disk and a read-only save folder give a
# clear message, and the game goes on in memory.
source "$(dirname "$0")/lib.bash"
export XDG_DATA_HOME="$work/xdg"
scen="$src/tests/fixtures/mini"
roles='(a|b)'
RANDOM=${CRASH_SEED:-7}

# Read the text mode's output until its prompt ("ROLE> ") shows: the command
# before it has been taken (and journaled). Fails after 10 s of silence.
wait_prompt() {
    local tok
    while IFS= read -r -d ' ' -t 10 -u "${TXT[0]}" tok; do
        printf '%s ' "$tok" >>"$work/textout"
        [[ "$tok" =~ (^|$'\n')$roles\>$ ]] && return 0
    done
    return 1
}

# A valid game to feed: what the random policy plays with this seed.
commands_for() {
    "$bin" run "$scen" --seed "$1" --auto random --save "$work/ref.jsonl" >/dev/null 2>&1 ||
        fail "reference game for seed $1"
    sed -n 's/^{"cmd":"\([^"]*\)".*/\1/p' "$work/ref.jsonl"
}

trials=${CRASH_TRIALS:-30}
for trial in $(seq 1 "$trials"); do
    seed=$((RANDOM % 50 + 1))
    mapfile -t cmds < <(commands_for "$seed")
    [ ${#cmds[@]} -gt 2 ] || fail "seed $seed: no commands to play"
    stop=$((RANDOM % ${#cmds[@]}))  # acknowledged commands before the kill
    mid=$((RANDOM % 2))              # 1: kill while the next command runs
    save="$work/crash-$trial.jsonl"
    : >"$work/textout"
    coproc TXT { exec "$bin" text "$scen" --seed "$seed" --save "$save" 2>&1; }
    pid=$TXT_PID
    wait_prompt || fail "trial $trial: no first prompt"
    for ((i = 0; i < stop; i++)); do
        printf '%s\n' "${cmds[i]}" >&"${TXT[1]}"
        wait_prompt || fail "trial $trial: no prompt after '${cmds[i]}'"
    done
    if [ "$mid" = 1 ] && [ "$stop" -lt ${#cmds[@]} ]; then
        printf '%s\n' "${cmds[stop]}" >&"${TXT[1]}"
        sleep "0.00$((RANDOM % 10))"
    fi
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    # Every acknowledged command is in the save (the one in flight may be).
    saved=$(grep -c '^{"cmd"' "$save" || true)
    [ "$saved" -ge "$stop" ] || fail "trial $trial (seed $seed): $stop commands acknowledged, $saved saved"
    [ "$saved" -le $((stop + mid)) ] || fail "trial $trial: $saved saved, more than sent"
    for ((i = 0; i < saved; i++)); do
        got=$(sed -n "$((i + 2))s/^{\"cmd\":\"\([^\"]*\)\".*/\1/p" "$save")
        [ "$got" = "${cmds[i]}" ] || fail "trial $trial: save line $((i + 2)) is '$got', sent '${cmds[i]}'"
    done
    # It replays to the state of an uninterrupted run of the same commands.
    printf '%s\n' "${cmds[@]:0:saved}" >"$work/same.txt"
    want=$("$bin" run "$scen" --seed "$seed" --commands "$work/same.txt" --json 2>/dev/null |
        json_field state_hash)
    got=$("$bin" resume "$save" --json 2>"$work/resume.err" | json_field state_hash)
    [ -n "$want" ] && [ "$want" = "$got" ] ||
        fail "trial $trial (seed $seed, $saved commands): resumed state $got, uninterrupted $want: $(cat "$work/resume.err")"
done

# A save that cannot be written: the game says so and goes on in memory.
play_unsaved() { # $1 save path; prints the text mode's output
    { echo status; echo "choose e1 x -- go"; echo "act a poke p1"; echo end; echo status; } |
        "$bin" text "$scen" --seed 4 --save "$1" 2>&1
}
check_unsaved() { # $1 what, $2 output
    grep -qE "NOT SAVING|WARNING" <<<"$2" || fail "$1: no NOT SAVING/WARNING message"
    grep -qF "Alpha: Decision on “E1”: X -- go" <<<"$2" || fail "$1: the game did not go on after the failure"
    grep -qF "Beta to move" <<<"$2" || fail "$1: commands after the failure were not taken"
}
mounted=()
cleanup_mounts() { for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done; }
trap 'cleanup_mounts; rm -rf "$work"' EXIT

mkdir -p "$work/full" "$work/ro"
if mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
    mounted+=("$work/full")
    # The disk fills up in the middle of the game: the first move is saved,
    # the next ones cannot be.
    out=$({ echo "choose e1 x -- go"; sleep 0.5
            head -c 1M /dev/zero >"$work/full/filler" 2>/dev/null
            # Past the page the save already has: long notes.
            for n in 1 2 3; do echo "note $(head -c 1900 /dev/zero | tr '\0' n)"; done
            echo "act a poke p1"; echo end; echo status; } |
          "$bin" text "$scen" --seed 4 --save "$work/full/save.jsonl" 2>&1)
    check_unsaved "disk full during the game" "$out"
    grep -q '"cmd":"choose e1 x -- go"' "$work/full/save.jsonl" || fail "the move before the disk filled up is lost"
    # No room even for the header.
    rm -f "$work/full/save.jsonl"
    head -c 1M /dev/zero >"$work/full/filler2" 2>/dev/null || true
    out=$(play_unsaved "$work/full/save2.jsonl")
    check_unsaved "full disk" "$out"
else
    echo "skip: cannot mount a tmpfs (not root?): full-disk case not run" >&2
fi
if mount -t tmpfs -o ro,size=64k tmpfs "$work/ro" 2>/dev/null; then
    mounted+=("$work/ro")
    out=$(play_unsaved "$work/ro/save.jsonl")
    check_unsaved "read-only folder" "$out"
elif [ "$(id -u)" != 0 ]; then
    chmod 555 "$work/ro"
    out=$(play_unsaved "$work/ro/save.jsonl")
    check_unsaved "read-only folder" "$out"
else
    echo "skip: root without mount: a read-only folder cannot be made" >&2
fi
echo "1 passed, 0 failed"
