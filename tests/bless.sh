#!/usr/bin/env bash
# Writes tests/lua/**/<name>.out from the reference interpreter (lua5.3).
#
#   tests/bless.sh                 rewrite every .out
#   tests/bless.sh FILE.lua...     rewrite only these
#   tests/bless.sh --check [FILE.lua...]
#                                  regenerate into a temp dir, list every script whose
#                                  committed .out differs (or is missing, or is stale),
#                                  exit 1 if any: CI runs this
#
# A .out holds, in this order:
#   stdout (verbatim)
#   --- stderr ---
#   stderr (verbatim)
#   --- exit: N ---
# When stdout or stderr does not end in a newline, a line `--- no newline at end ---`
# follows it (after a newline that was not in the output).
#
# Each script runs as `lua5.3 NAME.lua ARGS...` in its own directory, with stdin from
# /dev/null and an environment of PATH, HOME and LC_ALL=C only. ARGS come from NAME.args
# beside the script when it exists (one line, split on whitespace).
#
# Normalised, identically here and in tests/conformance.rs, and nothing else:
#   - stderr: a line `stack traceback:` and everything after it is dropped;
#   - stderr: the interpreter's name at the start of a line (`lua5.3: `) becomes `lua: `;
#   - stdout and stderr: `0x[0-9a-f]+` (addresses, as in `table: 0x55d0c2a4`) becomes `0xADDR`.
set -euo pipefail
export LC_ALL=C

LUA=${LUA:-lua5.3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$here/lua

if ! command -v "$LUA" >/dev/null; then
    echo "bless.sh: '$LUA' not found (apt-get install -y lua5.3)" >&2
    exit 2
fi
if [[ $("$LUA" -v 2>&1) != "Lua 5.3"* ]]; then
    echo "bless.sh: '$LUA' is not Lua 5.3: $("$LUA" -v 2>&1)" >&2
    exit 2
fi

check=0
if [[ ${1:-} == --check ]]; then
    check=1
    shift
fi

# ends_without_newline FILE: true when FILE is non-empty and its last byte is not \n.
ends_without_newline() {
    [[ -s $1 ]] && [[ $(tail -c1 "$1" | wc -l) -eq 0 ]]
}

# run_one SCRIPT DEST: runs SCRIPT on the reference and writes its normalised .out to DEST.
run_one() {
    local script=$1 dest=$2
    local dir base tmp status=0
    dir=$(dirname "$script")
    base=$(basename "$script")
    tmp=$(mktemp -d)
    local args=()
    if [[ -f ${script%.lua}.args ]]; then
        read -r -a args <"${script%.lua}.args" || true
    fi
    (
        cd "$dir"
        exec env -i PATH=/usr/bin:/bin HOME=/nonexistent LC_ALL=C \
            timeout 60 "$LUA" "$base" "${args[@]}" <"/dev/null" >"$tmp/out" 2>"$tmp/err"
    ) || status=$?
    if ((status == 124)); then
        # timeout(1)'s status; no script may exit with 124 itself
        echo "bless.sh: $script: timed out after 60 s" >&2
        rm -rf "$tmp"
        return 1
    fi
    sed -E 's/0x[0-9a-f]+/0xADDR/g' "$tmp/out" >"$tmp/out.n"
    sed -e '/^stack traceback:$/,$d' "$tmp/err" |
        sed -E -e 's/^lua5\.3: /lua: /' -e 's/0x[0-9a-f]+/0xADDR/g' >"$tmp/err.n"
    {
        cat "$tmp/out.n"
        if ends_without_newline "$tmp/out.n"; then printf '\n--- no newline at end ---\n'; fi
        printf -- '--- stderr ---\n'
        cat "$tmp/err.n"
        if ends_without_newline "$tmp/err.n"; then printf '\n--- no newline at end ---\n'; fi
        printf -- '--- exit: %d ---\n' "$status"
    } >"$dest"
    rm -rf "$tmp"
}

if (($# > 0)); then
    scripts=()
    for f in "$@"; do scripts+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
    mapfile -t scripts < <(find "$root" -name '*.lua' -type f | sort)
fi

if ((${#scripts[@]} == 0)); then
    echo "bless.sh: no scripts under $root" >&2
    exit 2
fi

failed=0
if ((check)); then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    bad=()
    for s in "${scripts[@]}"; do
        rel=${s#"$root"/}
        mkdir -p "$out/$(dirname "$rel")"
        if ! run_one "$s" "$out/${rel%.lua}.out"; then
            bad+=("$rel (reference run failed)")
        elif [[ ! -f ${s%.lua}.out ]]; then
            bad+=("${rel%.lua}.out (missing)")
        elif ! cmp -s "$out/${rel%.lua}.out" "${s%.lua}.out"; then
            bad+=("${rel%.lua}.out (differs)")
            diff -u "${s%.lua}.out" "$out/${rel%.lua}.out" | head -n 40 >&2 || true
        fi
    done
    if (($# == 0)); then
        while IFS= read -r o; do
            [[ -f ${o%.out}.lua ]] || bad+=("${o#"$root"/} (no script)")
        done < <(find "$root" -name '*.out' -type f | sort)
    fi
    if ((${#bad[@]} > 0)); then
        echo "bless.sh --check: ${#bad[@]} file(s) out of date; run tests/bless.sh and commit:" >&2
        printf '  %s\n' "${bad[@]}" >&2
        exit 1
    fi
    echo "bless.sh --check: ${#scripts[@]} scripts, every .out matches $LUA"
else
    for s in "${scripts[@]}"; do
        run_one "$s" "${s%.lua}.out" || failed=1
    done
    echo "bless.sh: blessed ${#scripts[@]} scripts with $LUA"
    exit $failed
fi
