#!/usr/bin/env bash
# History speed, measured against the git CLI in the same run (issue 5 targets), on a packed ledger
# with 10,000 review commits over 100,000 claims:
#   1. `claims log ID` of a claim changed in ~100 of those commits, against
#      `git log --format=%H -- <that claim's review path>` (packed; and with a commit-graph);
#   2. `claims diff` between two commits 1,000 actions apart, against `git diff-tree -r`.
# Usage: Benchmarks/history.sh [--runs N]   (the ledger is kept in Benchmarks/.work between runs)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
swift build -c release --product claims >&2
swift build -c release --product ledger-bench >&2
bin="$PWD/.build/release"
work="$PWD/Benchmarks/.work/history"
mkdir -p "$work"
export CLAIMS_AUTHOR="Bench Importer <importer@example.org>"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }
elapsed() { calc "$(now) - $1"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() {  # time_runs COMMAND... → median seconds over $runs runs (after one warm-up)
  "$@" >/dev/null 2>&1
  local times=()
  for _ in $(seq "$runs"); do
    local start; start=$(now); "$@" >/dev/null 2>&1; times+=("$(elapsed "$start")")
  done
  printf '%s\n' "${times[@]}" | median
}

ledger="$work/ledger.git"
if [ ! -f "$work/hot" ]; then
  echo "== generating a bare ledger: 100,000 claims, 100,000 reviews, 10,000 review commits (once) ==" >&2
  rm -rf "$ledger"
  "$bin/ledger-bench" generate "$ledger" --sources 2000 --claims-per-source 50 --reviews 100000 \
    --review-commits 10000 --bare > "$work/ids" 2> "$work/generate.log"
  grep '^hot claim:' "$work/generate.log" | awk '{print $3, $4}' | tr -d '()' > "$work/hot"
  git -C "$ledger" gc -q
fi
read -r hot source < "$work/hot"
commits=$(git -C "$ledger" rev-list --count HEAD)
path="Reviews/$source/$hot"
changed=$(git -C "$ledger" log --format=%H -- "$path" | wc -l)
echo "ledger: $commits commits, packed; claim $hot changed in $changed of them"

echo "== 1. log of one claim ($runs runs, medians) =="
rm -f "$ledger/objects/info/commit-graph"; rm -rf "$ledger/objects/info/commit-graphs"
"$bin/claims" -C "$ledger" log "$hot" >/dev/null   # fills the history cache once
ours=$(time_runs "$bin/claims" -C "$ledger" log "$hot")
theirs=$(time_runs git -C "$ledger" log --format=%H -- "$path")
git -C "$ledger" commit-graph write --reachable --changed-paths 2>/dev/null
graph=$(time_runs git -C "$ledger" log --format=%H -- "$path")
rm -f "$ledger/objects/info/commit-graph"
ours_count=$("$bin/claims" -C "$ledger" log "$hot" --json | grep -c '"commit":')
printf '  claims log ID:                              %6.1f ms  (%d actions listed)\n' "$(calc "$ours * 1000")" "$ours_count"
printf '  git log --format=%%H -- path (packed):       %6.1f ms  (%d commits)\n' "$(calc "$theirs * 1000")" "$changed"
printf '  git log ... with a commit-graph + Bloom:    %6.1f ms\n' "$(calc "$graph * 1000")"
printf '  claims / git (packed):                      %6.2f   (target: at most 1)\n' "$(calc "$ours / $theirs")"
rm -rf "$ledger/claims-cache/v2/history.bin"
start=$(now); "$bin/claims" -C "$ledger" log "$hot" >/dev/null; cold=$(elapsed "$start")
printf '  claims log ID with no history cache:        %6.1f ms  (reads all %d commits once)\n' "$(calc "$cold * 1000")" "$commits"

echo "== 2. diff between commits 1,000 actions apart ($runs runs, medians) =="
ours=$(time_runs "$bin/claims" -C "$ledger" diff HEAD~1000 HEAD)
theirs=$(time_runs git -C "$ledger" diff-tree -r --name-only HEAD~1000 HEAD)
files=$(git -C "$ledger" diff-tree -r --name-only HEAD~1000 HEAD | wc -l)
printf '  claims diff HEAD~1000 HEAD:                 %6.1f ms  (target: under 1,000 ms)\n' "$(calc "$ours * 1000")"
printf '  git diff-tree -r --name-only:               %6.1f ms  (%d files changed)\n' "$(calc "$theirs * 1000")" "$files"
