# meninx --import / --export and :import / :export: round trips of the seeded database through
# the binary, exit codes (0 ok, 1 failed, 2 usage), messages with file and line, and a failed
# import that leaves the database as it was.
. "$(dirname "$0")/../shell/lib.sh"
SEED="$2"
root="$(pwd)"
counts() {
    "$MENINX" --format csv -c "MATCH (n) RETURN count(n) AS n" \
        -c "MATCH ()-[r]->() RETURN count(r) AS r" "$1" | tr -d '\r' | tr '\n' ' '
}
"$SEED" --schema "$root/schema/model.json" --data "$root/seed-data" --out "$work/seed.meninx" >/dev/null
expected="$(counts "$work/seed.meninx")"
expect_eq "seed counts" "$expected" "n 92 r 113 "

# Export in every format.
"$MENINX" "$work/seed.meninx" --export kgx "$work/kgx/" --export jsonl "$work/lm" \
    --export cypher "$work/lm.cypher" --export ntriples "$work/lm.nt" 2>"$work/err"
expect_eq "export exit" "$?" 0
expect_contains "export message" "$(cat "$work/err")" "exported 92 nodes and 113 relationships to $work/kgx/nodes.tsv and $work/kgx/edges.tsv"
for f in kgx/nodes.tsv kgx/edges.tsv lm_nodes.jsonl lm_edges.jsonl lm.cypher lm.nt; do
    [ -s "$work/$f" ] || fail "export did not write $f"
done
out="$("$MENINX" "$work/seed.meninx" --export cypher - 2>/dev/null | head -1)"
expect_contains "cypher to stdout" "$out" "// A Meninx graph: 92 nodes, 113 relationships"

# KGX into an empty database with the model; JSON Lines and the script into bare ones.
"$SEED" --schema "$root/schema/model.json" --out "$work/model.meninx" >/dev/null
"$MENINX" "$work/model.meninx" --import "$work/kgx/nodes.tsv" "$work/kgx/edges.tsv" 2>"$work/err"
expect_eq "kgx import exit" "$?" 0
expect_contains "kgx import message" "$(cat "$work/err")" "92 nodes created, 113 relationships created"
expect_eq "kgx round trip" "$(counts "$work/model.meninx")" "$expected"
"$MENINX" "$work/jsonl.meninx" --import "$work/lm_edges.jsonl" "$work/lm_nodes.jsonl" 2>/dev/null
expect_eq "jsonl import exit" "$?" 0
expect_eq "jsonl round trip" "$(counts "$work/jsonl.meninx")" "$expected"
"$MENINX" "$work/cypher.meninx" --import "$work/lm.cypher" 2>"$work/err" >"$work/out"
expect_eq "cypher import exit" "$?" 0
expect_contains "cypher import message" "$(cat "$work/err")" "imported 1 script"
expect_eq "cypher import is quiet" "$(cat "$work/out")" ""
expect_eq "cypher round trip" "$(counts "$work/cypher.meninx")" "$expected"
"$MENINX" "$work/script.meninx" -f "$work/lm.cypher" >/dev/null
expect_eq "cypher script with -f" "$(counts "$work/script.meninx")" "$expected"
out="$("$MENINX" --format csv -c "MATCH (d:Drug {name: 'osimertinib'})-[p:PENETRATES]->(c) RETURN labels(d) AS l, p.fact_id AS f" "$work/model.meninx" | tr -d '\r')"
expect_eq "labels and provenance" "$out" "$(printf 'l,f\n"[""SmallMolecule"", ""Drug""]",F28')"

# A query's result, through :export in -c.
"$MENINX" "$work/seed.meninx" -c ":export jsonl $work/q MATCH p = (:Protein)-[:DISRUPTS]->()-[:ROUTE_OF_ENTRY]->() RETURN p" 2>"$work/err"
expect_eq "query export exit" "$?" 0
expect_contains "query export counts" "$(cat "$work/err")" "exported 3 nodes and 2 relationships"

# A refused import: exit 1, file and line, nothing written (the history has no new transaction).
printf 'id\tcategory\tname\nX:1\tbiolink:Drug\tfine\nX:2\tbiolink:Spaceship\tship\n' >"$work/bad_nodes.tsv"
before="$("$MENINX" --format csv -c "CALL db.transactions() YIELD tx RETURN count(tx) AS t" "$work/model.meninx")"
"$MENINX" "$work/model.meninx" --import "$work/bad_nodes.tsv" 2>"$work/err"
expect_eq "refused import exit" "$?" 1
expect_contains "refused import line" "$(cat "$work/err")" "bad_nodes.tsv:3: unknown category: 'biolink:Spaceship'"
expect_contains "refused import summary" "$(cat "$work/err")" "nothing was imported"
expect_eq "refused import wrote nothing" "$(counts "$work/model.meninx")" "$expected"
after="$("$MENINX" --format csv -c "CALL db.transactions() YIELD tx RETURN count(tx) AS t" "$work/model.meninx")"
expect_eq "refused import has no history" "$after" "$before"

# A mapped table in the shell, re-imported: nodes merge, nothing is duplicated.
printf 'code,label\nA1,alpha\nB2,beta\n' >"$work/t.csv"
printf '{"id_column": "code", "category": "Thing", "properties": {"label": "name"}}' >"$work/t.json"
printf ':import --mapping %s %s\n:import --mapping %s %s\nMATCH (t:Thing) RETURN count(t) AS n;\n' \
    "$work/t.json" "$work/t.csv" "$work/t.json" "$work/t.csv" |
    "$MENINX" --format csv "$work/csv.meninx" >"$work/out" 2>"$work/err"
expect_eq "mapped import exit" "$?" 0
expect_eq "mapped import merged" "$(tr -d '\r' <"$work/out")" "$(printf 'n\n2')"
expect_contains "second import unchanged" "$(cat "$work/err")" "0 nodes created, 2 unchanged"

# Usage errors: exit 2 before anything runs.
"$MENINX" "$work/x.meninx" --export xml "$work/x" 2>"$work/err"
expect_eq "unknown format exit" "$?" 2
expect_contains "unknown format message" "$(cat "$work/err")" "unknown export format 'xml'"
"$MENINX" "$work/x.meninx" --import 2>/dev/null
expect_eq "import without files exit" "$?" 2
"$MENINX" "$work/x.meninx" --import "$work/none.tsv" 2>"$work/err"
expect_eq "missing file exit" "$?" 1
expect_contains "missing file message" "$(cat "$work/err")" "cannot read $work/none.tsv"
"$MENINX" "$work/x.meninx" -c ":export kgx -" 2>"$work/err"
expect_eq "kgx to stdout exit" "$?" 1
expect_contains "kgx to stdout message" "$(cat "$work/err")" "writes two files"

finish
