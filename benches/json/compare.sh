#!/bin/sh
# JSON throughput: wlua's json (release build) against Debian's lua-cjson
# under lua5.3, decode then encode of a generated ~10 MB document; best of
# RUNS (default 5) by CPU time.
#   needs: apt-get install -y lua-cjson lua5.3
#   usage: benches/json/compare.sh [RUNS]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-5}
target=${CARGO_TARGET_DIR:-$root/target}
doc=${TMPDIR:-/tmp}/wlua-bench-10mb.json
(cd "$root" && cargo build --release --quiet)
lua5.3 "$here/gen.lua" "$doc"
echo "document: $(wc -c < "$doc") bytes"
"$target/release/wlua" "$here/bench_wlua.lua" "$doc" "$runs"
lua5.3 "$here/bench_cjson.lua" "$doc" "$runs"
