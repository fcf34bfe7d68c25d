# --read-only: reads succeed, every write is refused and the file stays unchanged.
. "$(dirname "$0")/lib.sh"
db="$work/ro.meninx"

"$MENINX" -c "CREATE (:Drug {name: 'osimertinib'})" "$db" >/dev/null
expect_eq "create exit" "$?" 0
before="$(sha256sum "$db" | cut -d' ' -f1)"

"$MENINX" --read-only -c "CREATE (:Drug {name: 'erlotinib'})" "$db" >/dev/null 2>"$work/err"
expect_eq "write exit" "$?" 1
expect_contains "write refused" "$(cat "$work/err")" "read-only"
"$MENINX" --read-only -c "MATCH (d:Drug) DETACH DELETE d" "$db" >/dev/null 2>&1
expect_eq "delete exit" "$?" 1

out="$("$MENINX" --read-only --format csv -c "MATCH (d:Drug) RETURN count(d) AS n" "$db")"
expect_eq "read exit" "$?" 0
expect_eq "read" "$out" "$(printf 'n\r\n1\r')"
expect_eq "file unchanged" "$(sha256sum "$db" | cut -d' ' -f1)" "$before"

"$MENINX" --read-only -c "RETURN 1" "$work/none.meninx" >/dev/null 2>&1
expect_eq "missing database exit" "$?" 2

finish
