# SIGINT stops a running query promptly: the statement fails, the process exits 1, the database
# keeps none of the statement's writes.
. "$(dirname "$0")/lib.sh"
db="$work/int.meninx"
"$MENINX" -c "RETURN 1" "$db" >/dev/null

start=$(date +%s)
"$MENINX" -c "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS x CREATE (:Tmp {x: x})" "$db" >/dev/null 2>"$work/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
status=$?
took=$(( $(date +%s) - start ))
expect_eq "interrupt exit" "$status" 1
expect_contains "interrupt err" "$(cat "$work/err")" "Interrupted"
[ "$took" -lt 15 ] || fail "interrupt took ${took}s"

out="$("$MENINX" --format csv -c "MATCH (n:Tmp) RETURN count(n) AS n" "$db")"
expect_eq "no partial writes" "$out" "$(printf 'n\r\n0\r')"

finish
