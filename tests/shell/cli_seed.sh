# The shell on the seeded review database: :schema shows the model (categories with CURIEs and
# counts, predicate rules, typed properties with units), and a schema violation is refused with
# exit status 1 and the rule on stderr. $2 is the seeded database (built by a ctest fixture).
. "$(dirname "$0")/lib.sh"
db="$work/lm.meninx"
cp "$2" "$db"

out="$(printf ':mode csv\n:schema\n' | "$MENINX" "$db")"
expect_eq "schema exit" "$?" 0
expect_contains "category row" "$out" "SmallMolecule,Drug,biolink:SmallMolecule,"
expect_contains "predicate rule" "$out" "TREATS,(:Drug|DrugClass|Treatment)-[:TREATS]->(:Disease|PhenotypicFeature),biolink:treats,"
expect_contains "property unit" "$out" "dose_mg,FLOAT on both,mg,Dose of a drug"

"$MENINX" -c "CREATE (:SmallMolecule {id: 'MENINX:x', name: 'x', dose: 1})" "$db" >/dev/null 2>"$work/err"
expect_eq "violation exit" "$?" 1
expect_contains "violation message" "$(cat "$work/err")" "unknown property 'dose', did you mean 'dose_mg'?"
expect_eq "nothing written" "$("$MENINX" --format csv -c "MATCH (n {name: 'x'}) RETURN count(n) AS n" "$db")" "$(printf 'n\r\n0\r')"

finish
