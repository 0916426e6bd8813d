#!/usr/bin/env bash
# One hostile scenario: tests/hostile/run.sh BINARY CASE_FOLDER [MAX_SECONDS]
#
# Copies the case to a scratch folder (running its setup.sh there: links
# and big files are made at test time, not kept in git), plays it with
# `crisisroom run --auto random` under `timeout` (MAX_SECONDS, 20) and a 1 GiB address-space
# ceiling, and checks that it failed cleanly: exit code 1 (not a signal, not
# a hang), the text of expect.txt in the output. The time it took is printed,
# not judged: what stops a runaway script is the sandbox's own budget and
# time ceilings (whose message expect.txt holds); MAX_SECONDS only catches a
# hang that nothing stopped, with room for a loaded CI machine.
# A case with a file `test` runs `crisisroom test` on it instead (the
# scenario's own tests/*.lua are what is hostile).
set -uo pipefail
bin="$1"
case_dir="$2"
max="${3:-20}"
name="$(basename "$case_dir")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $name: $*" >&2; exit 1; }

mkdir "$work/case"
cp -r "$case_dir/." "$work/case/"
if [ -f "$work/case/setup.sh" ]; then
    (cd "$work/case" && bash ./setup.sh) || fail "setup.sh failed"
fi
expect="$(head -n1 "$case_dir/expect.txt")"

# ASan reserves terabytes of address space: no ceiling under sanitizers
# (CRISISROOM_NO_MEMLIMIT); the sandbox's own 64 MiB still holds.
limit=(prlimit --as=$((1 << 30)) --)
if [ -n "${CRISISROOM_NO_MEMLIMIT:-}" ] || ! command -v prlimit >/dev/null; then limit=(); fi

# A case meant for the instruction budget or a ceiling must meet it, not the
# wall-clock net behind it that a loaded machine reaches first; only a case
# whose expected error is that net ("time limit") keeps it as shipped.
grep -qF "time limit" "$case_dir/expect.txt" || export CRISISROOM_SCRIPT_TIME_MS=30000

start=$(date +%s%N)
cmd=(run "$work/case" --auto random --seed 1)
[ -f "$case_dir/test" ] && cmd=(test "$work/case")
"${limit[@]}" timeout -s KILL "$max" "$bin" "${cmd[@]}" >"$work/out" 2>&1
rc=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

[ "$rc" -eq 137 ] && fail "killed after $max s: the sandbox did not stop it"
[ "$rc" -eq 1 ] || { cat "$work/out" >&2; fail "exit code $rc (want 1: a clean error)"; }
grep -qF -- "$expect" "$work/out" || { cat "$work/out" >&2; fail "the error does not say: $expect"; }
echo "ok $name: ${elapsed_ms} ms: $(grep -F -- "$expect" "$work/out" | head -n1 | cut -c1-150)"
