# An interactive session in a pseudo-terminal (tmux): prompt, continuation prompt, Tab
# completion, history recall with the Up key, Ctrl-C clearing the line, persistent history.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || exit 77
db="$work/lm.meninx"
"$MENINX" -c "CREATE (:Drug {name: 'osimertinib'})-[:TREATS]->(:Disease {name: 'LM'})" "$db" >/dev/null

socket="meninx-test-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null; rm -rf "$work"' EXIT
tmux_ new-session -d -x 150 -y 40 \
    "env HOME='$HOME' MENINX_HISTORY='$MENINX_HISTORY' NO_COLOR=1 LC_ALL=C.UTF-8 '$MENINX' '$db'"

screen() { tmux_ capture-pane -p -S -200; }
# wait_for TEXT: waits up to 10 s for TEXT to appear on the screen.
wait_for() {
    for _ in $(seq 100); do
        case "$(screen)" in *"$1"*) return 0 ;; esac
        sleep 0.1
    done
    fail "timed out waiting for [$1]; screen: $(screen)"
    return 1
}
count() { screen | grep -c -- "$1"; }

wait_for "lm>"
# tmux reads a trailing ';' as its own command separator, hence '\;' below.

# A statement over two lines shows the continuation prompt.
tmux_ send-keys -l "RETURN"
tmux_ send-keys Enter
wait_for "..>"
tmux_ send-keys -l '40 + 2 AS answer\;'
tmux_ send-keys Enter
wait_for "│     42 │"

# Tab completes the label from the catalog.
tmux_ send-keys -l "MATCH (d:Dr"
tmux_ send-keys Tab
wait_for "MATCH (d:Drug"
tmux_ send-keys -l ') RETURN d.name AS drugname\;'
tmux_ send-keys Enter
wait_for "osimertinib"

# Up recalls the last statement.
tmux_ send-keys Up Enter
for _ in $(seq 50); do [ "$(count 'osimertinib')" -ge 2 ] && break; sleep 0.1; done
[ "$(count 'osimertinib')" -ge 2 ] || fail "history recall did not rerun the query: $(screen)"

# Ctrl-C clears the line being typed.
tmux_ send-keys -l "MATCH this is not cypher"
wait_for "not cypher"
tmux_ send-keys C-c
tmux_ send-keys -l 'RETURN 5 AS five\;'
tmux_ send-keys Enter
wait_for "five"
case "$(screen)" in *"error"*) fail "Ctrl-C did not clear the input: $(screen)" ;; esac

tmux_ send-keys -l ":quit"
tmux_ send-keys Enter
for _ in $(seq 50); do tmux_ has-session 2>/dev/null || break; sleep 0.1; done
grep -q "drugname" "$MENINX_HISTORY" || fail "history file lacks the statement"

finish
