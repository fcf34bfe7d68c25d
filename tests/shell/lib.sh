# Helpers shared by the process-level shell tests. Each test sources this file with the path of
# the meninx binary as $1; it gets a private temporary directory in $work.
set -u
MENINX="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" MENINX_HISTORY="$work/history" NO_COLOR=1 LC_ALL=C.UTF-8
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
    if [ "$2" != "$3" ]; then
        fail "$1: expected [$3], got [$2]"
    fi
}

# expect_contains NAME TEXT NEEDLE
expect_contains() {
    case "$2" in
        *"$3"*) ;;
        *) fail "$1: [$3] not found in [$2]" ;;
    esac
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    echo "all checks passed"
}
