#!/usr/bin/env bash
# Runs every benchmark binary of a build (<build dir>/bench/*) and prints their output.
# Each benchmark gets the Hetionet data directory as its first argument: $MENINX_BENCH_DATA when
# set, otherwise ../shared/data/hetionet next to the repository. A benchmark whose data is
# missing prints a message and succeeds. Exits non-zero when a benchmark fails.
#
# Usage: scripts/bench.sh [BUILD_DIR]   (default: build)
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build}"
data="${MENINX_BENCH_DATA:-$repo/../shared/data/hetionet}"

if [ ! -d "$build/bench" ]; then
    echo "bench: no benchmarks in $build/bench; build the 'benchmarks' target first" >&2
    exit 1
fi

status=0
found=0
for bin in "$build"/bench/*; do
    [ -f "$bin" ] && [ -x "$bin" ] || continue
    found=1
    name="$(basename "$bin")"
    echo "== $name"
    if ! "$bin" "$data"; then
        echo "bench: $name failed" >&2
        status=1
    fi
    echo
done
if [ "$found" -eq 0 ]; then
    echo "bench: no benchmark binaries in $build/bench" >&2
    exit 1
fi
exit "$status"
