#!/usr/bin/env bash
# Builds the seeded database DB_PATH with BUILD_DIR's meninx-seed, when it is missing or older
# than any file of the domain model (schema/) or the seed data (seed-data/).
#   scripts/seed.sh BUILD_DIR DB_PATH
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR DB_PATH" >&2
    exit 2
fi
build_dir=$1
db=$2
root=$(cd "$(dirname "$0")/.." && pwd)
seed="$build_dir/engine/meninx-seed"

if [ ! -x "$seed" ]; then
    echo "seed: $seed is not built (cmake --build $build_dir --target meninx_seed)" >&2
    exit 1
fi

if [ -f "$db" ] && [ -z "$(find "$root/schema" "$root/seed-data" -type f -newer "$db" -print -quit)" ] \
    && [ "$db" -nt "$seed" ]; then
    echo "seed: $db is up to date"
    exit 0
fi

"$seed" --schema "$root/schema/model.json" --data "$root/seed-data" --out "$db"
