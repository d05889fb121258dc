#!/usr/bin/env bash
# Runs the process benchmarks (spawn, pingpong, ring) under wlua
# (--workers 2) and Erlang (+S 2) and prints each figure with its ratio.
# Sizes default to the issue's; override with SPAWN_N, PINGPONG_N,
# RING_N and RING_M. Each benchmark times itself and prints one
# `name impl=... key=value ...` line; this script only collects them.
#
#   benches/processes/compare.sh
#   SPAWN_N=100000 benches/processes/compare.sh
#   CARGO_TARGET_DIR=/tmp/t benches/processes/compare.sh
#
# Needs cargo, erlc and erl (Debian: erlang-nox); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
for c in cargo erl erlc awk; do command -v "$c" >/dev/null || missing+=("$c"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "compare.sh: missing ${missing[*]} (Erlang: apt-get install erlang-nox)" >&2
  exit 1
fi
SPAWN_N=${SPAWN_N:-1000000}
PINGPONG_N=${PINGPONG_N:-1000000}
RING_N=${RING_N:-10000}
RING_M=${RING_M:-100}
TRIES=${TRIES:-3}

cargo build --release -q --bin wlua
WLUA=${CARGO_TARGET_DIR:-target}/release/wlua
EBIN=$(mktemp -d)
trap 'rm -rf "$EBIN"' EXIT
erlc -o "$EBIN" benches/processes/{spawn,pingpong,ring}.erl

# run NAME CMD...: the benchmark's result line. A wlua run that fails is
# tried again up to $TRIES times, and each failure is shown on stderr.
run() {
  local name=$1 out; shift
  for t in $(seq "$TRIES"); do
    if out=$("$@" 2>/tmp/wlua-procbench.err) && grep -q "^$name " <<<"$out"; then
      grep "^$name " <<<"$out"
      return 0
    fi
    echo "compare.sh: $name failed (try $t of $TRIES): $*" >&2
    head -5 /tmp/wlua-procbench.err >&2
  done
  return 1
}
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

erl_run() { local mod=$1; shift; erl -noshell +P $((SPAWN_N * 2 + 100000)) +S 2 -pa "$EBIN" -run "$mod" main "$@"; }

results=()
ws=$(run spawn "$WLUA" --workers 2 benches/processes/spawn.lua "$SPAWN_N") || ws=""
es=$(run spawn erl_run spawn "$SPAWN_N") || es=""
wp=$(run pingpong "$WLUA" --workers 2 benches/processes/pingpong.lua "$PINGPONG_N") || wp=""
ep=$(run pingpong erl_run pingpong "$PINGPONG_N") || ep=""
wr=$(run ring "$WLUA" --workers 2 benches/processes/ring.lua "$RING_N" "$RING_M") || wr=""
er=$(run ring erl_run ring "$RING_N" "$RING_M") || er=""
for l in "$ws" "$es" "$wp" "$ep" "$wr" "$er"; do [ -n "$l" ] && echo "$l"; done
echo

# row LABEL WLUA_LINE ERL_LINE KEY SENSE: SENSE "higher" or "lower" is
# better; the ratio is always wlua/erlang of the figure itself.
row() {
  local a b
  a=$(field "$2" "$4"); b=$(field "$3" "$4")
  if [ -z "$a" ] || [ -z "$b" ]; then
    printf "%-34s %14s %14s %10s\n" "$1" "${a:-failed}" "${b:-failed}" "-"
  else
    printf "%-34s %14s %14s %10s\n" "$1" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')"
  fi
}
printf "%-34s %14s %14s %10s\n" "figure" "wlua" "erlang" "wlua/erl"
row "spawn: processes/s (higher)" "$ws" "$es" rate
row "spawn: bytes per process, RSS" "$ws" "$es" bytes_per_process
row "spawn: seconds until all ready" "$ws" "$es" ready_secs
row "pingpong: messages/s (higher)" "$wp" "$ep" msgs_per_sec
row "ring: seconds, spawn + link" "$wr" "$er" setup_secs
row "ring: seconds, token passing" "$wr" "$er" pass_secs
row "ring: seconds, total" "$wr" "$er" total_secs
