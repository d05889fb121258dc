#!/usr/bin/env bash
# Runs every program in benches/lua under wlua and the reference lua5.4
# (and luau / lua5.3 when installed), checks each prints its expected
# checksum, and prints per-program time ratios with their geometric mean.
#
#   benches/compare.sh            # all programs, best of 3 runs each
#   RUNS=1 benches/compare.sh fib # one program, one run
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --bin wlua
WLUA=${CARGO_TARGET_DIR:-target}/release/wlua
RUNS=${RUNS:-3}
progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=($(ls benches/lua/*.lua | xargs -n1 basename | sed 's/\.lua$//'))
others=()
for o in lua5.4 lua5.3 luau; do command -v "$o" >/dev/null && others+=("$o"); done

best_time() { # cmd... -> best wall time in seconds over $RUNS runs
  local best=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N)
    "$@" > /tmp/wlua-bench.out 2>/tmp/wlua-bench.err || { echo "FAILED: $*" >&2; cat /tmp/wlua-bench.err >&2; return 1; }
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

printf "%-14s %9s" program wlua
for o in "${others[@]}"; do printf " %9s %9s" "$o" "wlua/$o"; done
echo
declare -A logsum
for p in "${progs[@]}"; do
  tw=$(best_time "$WLUA" "benches/lua/$p.lua")
  if ! diff -q /tmp/wlua-bench.out "benches/lua/expected/$p.out" >/dev/null; then
    echo "$p: wlua output differs from benches/lua/expected/$p.out" >&2
    exit 1
  fi
  printf "%-14s %9.3f" "$p" "$tw"
  for o in "${others[@]}"; do
    to=$(best_time "$o" "benches/lua/$p.lua")
    r=$(echo "$tw / $to" | bc -l)
    logsum[$o]=$(echo "${logsum[$o]:-0} + l($r)" | bc -l)
    printf " %9.3f %9.3f" "$to" "$r"
  done
  echo
done
for o in "${others[@]}"; do
  g=$(echo "e(${logsum[$o]} / ${#progs[@]})" | bc -l)
  printf "geometric mean wlua/%s: %.3f\n" "$o" "$g"
done
