# Scripts through -c, -f and standard input, every output format, exit codes and stderr.
. "$(dirname "$0")/lib.sh"
db="$work/t.meninx"

"$MENINX" -c "CREATE (:Drug {name: 'osimertinib', orr: 80.3})-[:TREATS {orr_pct: 80.3}]->(:Disease {name: 'LM'});" "$db" >/dev/null
expect_eq "create exit" "$?" 0

q="MATCH (d:Drug) RETURN d.name AS name, d.orr AS orr"
out="$("$MENINX" --format csv -c "$q" "$db")"
expect_eq "csv" "$out" "$(printf 'name,orr\r\nosimertinib,80.3\r')"
out="$("$MENINX" --format tsv -c "$q" "$db")"
expect_eq "tsv" "$out" "$(printf 'name\torr\nosimertinib\t80.3')"
out="$("$MENINX" --format json -c "$q" "$db")"
expect_eq "json" "$out" "$(printf '[\n {"name":"osimertinib","orr":80.3}\n]')"
out="$("$MENINX" --format jsonl -c "$q" "$db")"
expect_eq "jsonl" "$out" '{"name":"osimertinib","orr":80.3}'
out="$("$MENINX" --format markdown -c "$q" "$db")"
expect_eq "markdown" "$out" "$(printf '| name | orr |\n| --- | --- |\n| osimertinib | 80.3 |')"
out="$("$MENINX" --format table --ascii -c "$q" "$db")"
expect_contains "table" "$out" "| osimertinib | 80.3 |"
expect_contains "table footer" "$out" "1 row"

out="$("$MENINX" --format jsonl -c "MATCH p = (:Drug)-[:TREATS]->(:Disease) RETURN p" "$db")"
expect_contains "path as object" "$out" '"relationships":[{"id":'
expect_contains "path properties" "$out" '"properties":{"orr_pct":80.3}'

# Standard input that is not a terminal, with a file-style error position.
printf 'RETURN 1 AS a;\n\nRETURN 2 +;\nRETURN 3 AS b;\n' | "$MENINX" --format csv "$db" >"$work/out" 2>"$work/err"
expect_eq "stdin exit" "$?" 1
expect_eq "stdin out" "$(cat "$work/out")" "$(printf 'a\r\n1\r\nb\r\n3\r')"
expect_contains "stdin err" "$(cat "$work/err")" "<stdin>:3:"

# -f with an error: FILE:LINE:COLUMN, results stay on stdout.
printf '// a comment\nRETURN 1 AS a;\nMATCH (n)\nRETURN m;\n' >"$work/q.cypher"
"$MENINX" --format csv -f "$work/q.cypher" "$db" >"$work/out" 2>"$work/err"
expect_eq "file exit" "$?" 1
expect_eq "file out" "$(cat "$work/out")" "$(printf 'a\r\n1\r')"
expect_contains "file err" "$(head -1 "$work/err")" "$work/q.cypher:4:"
expect_contains "file err kind" "$(head -1 "$work/err")" ": error: "

# -c errors say "line N".
"$MENINX" -c "RETURN 1 AS a; RETURN (" "$db" >/dev/null 2>"$work/err"
expect_eq "-c exit" "$?" 1
expect_contains "-c err" "$(cat "$work/err")" "line 1:"

# --bail stops at the first failure.
out="$("$MENINX" --bail --format csv -c "RETURN x; RETURN 1 AS a;" "$db" 2>/dev/null)"
expect_eq "bail exit" "$?" 1
expect_eq "bail out" "$out" ""

# Parameters are JSON values.
out="$("$MENINX" --format csv --param 'n=41' --param 's="x"' -c 'RETURN $n + 1 AS a, $s AS b' "$db")"
expect_eq "param" "$out" "$(printf 'a,b\r\n42,x\r')"

# Usage errors exit with 2.
"$MENINX" --frobnicate "$db" >/dev/null 2>"$work/err"
expect_eq "bad flag exit" "$?" 2
expect_contains "bad flag err" "$(cat "$work/err")" "unknown option --frobnicate"
"$MENINX" -f "$work/missing.cypher" "$db" >/dev/null 2>&1
expect_eq "missing file exit" "$?" 2
"$MENINX" --format xml -c "RETURN 1" "$db" >/dev/null 2>&1
expect_eq "bad format exit" "$?" 2

out="$("$MENINX" --help)"
expect_eq "help exit" "$?" 0
for option in --command --file --format --param --read-only --bail --version --help; do
    expect_contains "help lists $option" "$out" "$option"
done
expect_contains "version" "$("$MENINX" --version)" "meninx "

# MENINX_DB names the default database.
out="$(MENINX_DB="$db" "$MENINX" --format csv -c "MATCH (d:Disease) RETURN d.name AS n")"
expect_eq "MENINX_DB" "$out" "$(printf 'n\r\nLM\r')"

finish
