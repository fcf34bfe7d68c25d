#!/usr/bin/env bash
# Runs every example of docs/tutorial.md on a private copy of the seeded database and compares
# its output with the output the document shows, so that the tutorial cannot go stale.
#
#   tutorial.sh MENINX SEED_DB TUTORIAL_MD [--update]
#
# An example is a ```cypher block (run as `meninx lm.meninx -c QUERY`) or a ```sh block (run by
# bash in a directory holding lm.meninx, with `meninx` meaning the binary under test), followed
# by a ```text block with its output (standard output and standard error, in that order). Examples
# run in document order on one database, so a curator's write is seen by later examples. With
# --update, the document's output blocks are rewritten with the actual output instead.
set -u
MENINX="$(realpath "$1")"
seed="$2"
doc="$3"
update="${4:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$seed" "$work/lm.meninx"
export HOME="$work" MENINX_HISTORY="" NO_COLOR=1 LC_ALL=C.UTF-8 MENINX_USER=tutorial
export MENINX

# Split the document: for each example, N.kind, N.code and N.expected; and the document with
# each output block replaced by a marker line, for --update.
awk -v dir="$work" -v update="$update" '
    function flush_to(file, text) { printf "%s", text > file; close(file) }
    BEGIN { n = 0; state = "prose" }
    state == "prose" && /^```(cypher|sh)$/ {
        n++; kind = substr($0, 4); code = ""; state = "code"
        print $0 > (dir "/skeleton"); next
    }
    state == "code" && /^```$/ {
        flush_to(dir "/" n ".kind", kind "\n"); flush_to(dir "/" n ".code", code)
        state = "after"; print $0 > (dir "/skeleton"); next
    }
    state == "code" { code = code $0 "\n"; print $0 > (dir "/skeleton"); next }
    state == "after" && /^```text$/ { expected = ""; state = "output"; next }
    state == "after" && /^$/ { print $0 > (dir "/skeleton"); next }
    state == "after" && update != "" {
        # A new example: its output block is written by --update.
        flush_to(dir "/" n ".expected", "")
        print "@@OUTPUT " n > (dir "/skeleton"); print "" > (dir "/skeleton")
        state = "prose"
    }
    state == "after" { print "example " n " has no ```text output block" > "/dev/stderr"; exit 3 }
    state == "output" && /^```$/ {
        flush_to(dir "/" n ".expected", expected)
        print "@@OUTPUT " n > (dir "/skeleton"); state = "prose"; next
    }
    state == "output" { expected = expected $0 "\n"; next }
    state == "prose" && /^```(cypher|sh)$/ {
        n++; kind = substr($0, 4); code = ""; state = "code"
        print $0 > (dir "/skeleton"); next
    }
    { print $0 > (dir "/skeleton") }
    END {
        if (state == "after" && update != "") {
            flush_to(dir "/" n ".expected", ""); print "" > (dir "/skeleton")
            print "@@OUTPUT " n > (dir "/skeleton")
        }
        print n > (dir "/count")
    }
' "$doc" || exit 1

count="$(cat "$work/count")"
if [ "$count" -lt 1 ]; then
    echo "no examples found in $doc" >&2
    exit 1
fi
failures=0
for i in $(seq 1 "$count"); do
    kind="$(cat "$work/$i.kind")"
    if [ "$kind" = cypher ]; then
        (cd "$work" && "$MENINX" lm.meninx -c "$(cat "$work/$i.code")") >"$work/$i.actual" 2>&1
    else
        (cd "$work" && bash -c 'meninx() { "$MENINX" "$@"; }; '"$(cat "$work/$i.code")") \
            >"$work/$i.actual" 2>&1
    fi
    if [ -z "$update" ] && ! cmp -s "$work/$i.expected" "$work/$i.actual"; then
        echo "FAIL: example $i of $doc:" >&2
        sed 's/^/    /' "$work/$i.code" >&2
        diff -u "$work/$i.expected" "$work/$i.actual" | sed 's/^/  /' >&2
        failures=$((failures + 1))
    fi
done

if [ -n "$update" ]; then
    awk -v dir="$work" '
        /^@@OUTPUT [0-9]+$/ {
            print "```text"
            file = dir "/" $2 ".actual"
            while ((getline line < file) > 0) print line
            close(file)
            print "```"
            next
        }
        { print }
    ' "$work/skeleton" >"$doc"
    echo "updated $count examples in $doc"
    exit 0
fi
if [ "$failures" -ne 0 ]; then
    echo "$failures of $count examples differ from the document" >&2
    exit 1
fi
echo "all $count examples match"
