# Ctrl-C (SIGINT) during a long import cancels it: exit 1 with a message, nothing imported, the
# earlier data intact. On a terminal, the import shows a progress line with rate and time left.
. "$(dirname "$0")/../shell/lib.sh"
db="$work/int.meninx"
"$MENINX" -c "CREATE (:Committed {n: 1})" "$db" >/dev/null
awk 'BEGIN { print "id\tcategory\tname"; for (i = 0; i < 400000; i++) printf "N:%d\tThing\tthing %d\n", i, i }' >"$work/big_nodes.tsv"
awk 'BEGIN { print "subject\tpredicate\tobject"; for (i = 0; i < 400000; i++) printf "N:%d\tLINKS\tN:%d\n", i, (i * 7919 + 13) % 400000 }' >"$work/big_edges.tsv"

start=$(date +%s)
"$MENINX" "$db" --import "$work/big_nodes.tsv" "$work/big_edges.tsv" >/dev/null 2>"$work/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
status=$?
took=$(( $(date +%s) - start ))
expect_eq "interrupt exit" "$status" 1
expect_contains "interrupt message" "$(cat "$work/err")" "Interrupted: the import was interrupted; nothing was imported"
[ "$took" -lt 15 ] || fail "interrupt took ${took}s"
out="$("$MENINX" --format csv -c "MATCH (n) RETURN count(n) AS n" "$db" | tr -d '\r')"
expect_eq "nothing imported" "$out" "$(printf 'n\n1')"

# The progress line on a terminal.
if command -v tmux >/dev/null; then
    socket="meninx-io-test-$$"
    tmux_() { tmux -L "$socket" "$@"; }
    trap 'tmux_ kill-server 2>/dev/null; rm -rf "$work"' EXIT
    tmux_ new-session -d -x 120 -y 10 \
        "env NO_COLOR=1 LC_ALL=C.UTF-8 '$MENINX' '$db' --import '$work/big_nodes.tsv' '$work/big_edges.tsv'; echo EXIT=\$?; sleep 30"
    seen=""
    for _ in $(seq 100); do
        screen="$(tmux_ capture-pane -p)"
        case "$screen" in *"rows/s"*"ETA"*) seen=1; break ;; esac
        sleep 0.1
    done
    [ -n "$seen" ] || fail "no progress line on the terminal: $(tmux_ capture-pane -p)"
    expect_contains "progress bar" "$screen" "% ["
    tmux_ send-keys C-c
    for _ in $(seq 100); do
        screen="$(tmux_ capture-pane -p)"
        case "$screen" in *"EXIT="*) break ;; esac
        sleep 0.1
    done
    expect_contains "Ctrl-C on the terminal" "$screen" "Interrupted"
    expect_contains "Ctrl-C exit" "$screen" "EXIT=1"
    out="$("$MENINX" --format csv -c "MATCH (n) RETURN count(n) AS n" "$db" | tr -d '\r')"
    expect_eq "nothing imported after Ctrl-C" "$out" "$(printf 'n\n1')"
fi

finish
