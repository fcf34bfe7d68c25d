# Search and pictures as a user runs them on the seeded review database: :search, db.search from
# a script, --format dot (and its exit status when there is nothing to draw), and :show writing
# SVG and PNG with Graphviz's dot, or saying why it cannot. $2 is the seeded database.
. "$(dirname "$0")/lib.sh"
db="$work/lm.meninx"
cp "$2" "$db"
c3='MATCH p = (:Protein)-[:DISRUPTS]->()-[:ROUTE_OF_ENTRY]->() RETURN p'

# :search shows name, categories, id, score and the property that matched.
out="$("$MENINX" --format csv -c ':search tagrisso' "$db")"
expect_eq "search exit" "$?" 0
expect_contains "search header" "$out" "name,category,id,score,matched"
expect_contains "search row" "$out" "osimertinib,:SmallMolecule:Drug,DRUGBANK:DB09330,"
expect_contains "search property" "$out" ",synonyms"
"$MENINX" -c ':search ---' "$db" >/dev/null 2>"$work/err"
expect_eq "search nothing exit" "$?" 1
expect_contains "search nothing" "$(cat "$work/err")" "nothing to search for"

# A script finds a drug by its code name and follows it.
out="$("$MENINX" --format tsv -c "CALL db.search('AZD9291') YIELD node MATCH (node)-[:PENETRATES]->(c) RETURN node.name, c.name" "$db")"
expect_eq "search script" "$out" "$(printf 'node.name\tc.name\nosimertinib\tcerebrospinal fluid')"

# --format dot: one document with the nodes, the edges and the legend.
out="$("$MENINX" --format dot -c "$c3" "$db")"
expect_eq "dot exit" "$?" 0
expect_contains "dot start" "$out" "digraph result {"
expect_contains "dot node" "$out" "[label=\"complement C3\", shape=ellipse"
expect_contains "dot edge label" "$out" "[label=\"ROUTE_OF_ENTRY\", tooltip=\"ROUTE_OF_ENTRY (F07): "
expect_contains "dot legend" "$out" "legend1 [label=\"Anatomy\", shape=hexagon"
out="$("$MENINX" --format dot -c "MATCH (:Drug {name: 'osimertinib'})-[p:PENETRATES]->(c) RETURN p" "$db")"
expect_contains "dot measure" "$out" "[label=\"PENETRATES · CSF/plasma 22%\""
expect_contains "dot endpoint" "$out" "[label=\"cerebrospinal fluid\""

# Nothing to draw is an error with exit status 1; a usage error names the formats.
"$MENINX" --format dot -c "MATCH (d:Drug) RETURN d.name" "$db" >"$work/out" 2>"$work/err"
expect_eq "dot nothing exit" "$?" 1
expect_contains "dot nothing" "$(cat "$work/err")" "error: dot: the result holds no nodes, relationships or paths"
expect_eq "dot nothing output" "$(cat "$work/out")" ""
"$MENINX" --format dots -c "RETURN 1" "$db" >/dev/null 2>"$work/err"
expect_eq "bad format exit" "$?" 2
expect_contains "bad format" "$(cat "$work/err")" "markdown dot)"

# :show renders with dot.
if dot -V >/dev/null 2>&1; then
    out="$("$MENINX" -c "$c3" -c ":show $work/c3.svg" -c ":show $work/c3.png" "$db")"
    expect_eq "show exit" "$?" 0
    expect_contains "show message" "$out" "wrote $work/c3.svg (3 nodes, 2 relationships)"
    expect_contains "svg node" "$(cat "$work/c3.svg")" ">complement C3</text>"
    expect_contains "svg edge" "$(cat "$work/c3.svg")" ">DISRUPTS</text>"
    expect_eq "png magic" "$(head -c 4 "$work/c3.png" | tail -c 3)" "PNG"
    out="$(TMPDIR="$work" "$MENINX" -c "$c3" -c ":show" "$db")"
    expect_contains "show default" "$out" "wrote $work/meninx-"
    expect_eq "default picture" "$(ls "$work"/meninx-*/result-1.svg | wc -l)" 1
else
    echo "dot is not installed (scripts/setup.sh installs graphviz): :show rendering not checked"
fi
MENINX_DOT="$work/no-such-dot" "$MENINX" -c "$c3" -c ":show $work/x.svg" "$db" >/dev/null 2>"$work/err"
expect_eq "missing dot exit" "$?" 1
expect_contains "missing dot" "$(cat "$work/err")" "error: :show: cannot run $work/no-such-dot: No such file or directory"
"$MENINX" -c ':show' "$db" >/dev/null 2>"$work/err"
expect_eq "show nothing exit" "$?" 1
expect_contains "show nothing" "$(cat "$work/err")" "there is none yet"

finish
