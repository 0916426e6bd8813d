# The projector's join screen (`--screen join`, sample codes without a
# server) read back as a phone would: zbarimg (zbar-tools) must find every
# team's QR code, each one URL/join/CODE, at a projector's two common sizes.
# And the frame test_ui drew from a host's hook (ui_join_host): HOST.png
# must hold the URLs listed in HOST.want.
# Arguments: the crisisroom binary, the source tree, a folder for the PNGs,
# the prefix of test_ui's files.
set -euo pipefail
bin="$1" src="$2" out="$3" host="${4:-}"
command -v zbarimg >/dev/null || { echo "SKIP: zbarimg (zbar-tools) is not installed"; exit 77; }
mkdir -p "$out"
# ui_screens_join.c's sample: a documentation address and one code per role
# of albania2022 (pm, akshi, mfa, sis), in the roles' order.
url="http://192.0.2.10:8080/"
want=$(printf '%sjoin/%s\n' "$url" SAMP-LE22-PM7Q-3KX2 "$url" SAMP-LE33-AK4H-9WDC \
                            "$url" SAMP-LE44-MF8N-2TRV "$url" SAMP-LE55-SJ6B-YE7K | sort)
fails=0
for size in 1920x1080 1280x720; do
    png="$out/join-$size.png"
    SDL_VIDEODRIVER=dummy "$bin" play albania2022 --screenshot "$png" --size "$size" \
        --screen join 2>"$out/join-$size.err" || { cat "$out/join-$size.err"; exit 1; }
    if grep -q "overflow" "$out/join-$size.err"; then
        echo "FAIL: $size: the layout overflows: $(cat "$out/join-$size.err")"; fails=$((fails+1))
    fi
    # zbarimg prints "QR-Code:TEXT" per code found (and D-Bus noise on stderr).
    got=$(zbarimg -q --raw "$png" 2>/dev/null | sort || true)
    if [ "$got" != "$want" ]; then
        echo "FAIL: $size: decoded"; echo "$got"; echo "expected"; echo "$want"
        fails=$((fails+1))
    fi
done
passed=2
if [ -n "$host" ]; then
    [ -f "$host.png" ] && [ -f "$host.want" ] || { echo "FAIL: no $host.png (ui_join_host)"; exit 1; }
    got=$(zbarimg -q --raw "$host.png" 2>/dev/null | sort || true)
    if [ "$got" != "$(sort "$host.want")" ]; then
        echo "FAIL: the hosted join screen decoded"; echo "$got"; echo "expected"; cat "$host.want"
        fails=$((fails+1))
    else
        passed=3
    fi
fi
[ "$fails" = 0 ] || exit 1
echo "$passed passed, 0 failed"
