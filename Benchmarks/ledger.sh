#!/usr/bin/env bash
# Ledger speed, measured against the git CLI in the same run (issue 2 and issue 4 targets):
#   1. import of a 10,000-sentence text into a fresh ledger, in one commit, work-tree files included,
#      against writing the same files and running `git add -A && git commit`;
#   2. `claims show` of one claim in a ledger of 100,000 claims (whole process);
#   3. one `claims verdict` in a ledger of 100,000 claims and 100,000 reviews (whole process, commit,
#      index and work tree), against writing the same file and `git add` + `git commit`;
#   4. `claims list --status unreviewed` on that ledger, cold (no cache) and warm.
# Usage: Benchmarks/ledger.sh [--runs N] [--claims N]   (work goes to Benchmarks/.work, kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
claims=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --claims) claims="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--claims N]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
swift build -c release --product claims >&2
swift build -c release --product ledger-bench >&2
bin="$PWD/.build/release"
work="$PWD/Benchmarks/.work/ledger"
mkdir -p "$work"
export CLAIMS_AUTHOR="Bench Importer <importer@example.org>" CLAIMS_REVIEWER="Bench Reviewer <reviewer@example.org>"
# No background `git gc --auto` may race the next run's clean-up.
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=gc.auto GIT_CONFIG_VALUE_0=0
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.org" GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example.org"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }
elapsed() { calc "$(now) - $1"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "== 1. import of 10,000 sentences in one commit ($runs runs each) =="
"$bin/ledger-bench" text "$work/10k.txt" --sentences 10000
ours=(); theirs=(); files=0
for run in $(seq "$runs"); do
  rm -rf "$work/import-claims" "$work/import-git"
  "$bin/claims" init "$work/import-claims" >/dev/null
  sync
  start=$(now)
  "$bin/claims" -C "$work/import-claims" import "$work/10k.txt" --id storm >/dev/null
  ours+=("$(elapsed "$start")")
  files=$(git -C "$work/import-claims" ls-files | wc -l)
  # Baseline: the same files, written and committed by the git CLI.
  git init -q "$work/import-git"
  cp "$work/import-claims/ledger.json" "$work/import-git/"
  git -C "$work/import-git" add -A && git -C "$work/import-git" commit -q -m init
  tar -C "$work/import-claims" -cf "$work/files.tar" seeds Claims
  sync
  start=$(now)
  tar -C "$work/import-git" -xf "$work/files.tar"
  git -C "$work/import-git" add -A && git -C "$work/import-git" commit -q -m import
  theirs+=("$(elapsed "$start")")
  [ "$(git -C "$work/import-claims" rev-parse HEAD:Claims)" = "$(git -C "$work/import-git" rev-parse HEAD:Claims)" ] ||
    { echo "the two imports differ" >&2; exit 1; }
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
printf '  files per import:                 %d\n' "$files"
printf '  claims import:                    %.3f s  (%.0f µs per file)\n' "$ours_median" "$(calc "$ours_median * 1000000 / $files")"
printf '  write files + git add + commit:   %.3f s  (%.0f µs per file)\n' "$theirs_median" "$(calc "$theirs_median * 1000000 / $files")"
printf '  speed-up:                         %.2fx  (target: at least 1.5x)\n' "$(calc "$theirs_median / $ours_median")"
printf '  loose objects left by claims:     %s\n' "$(git -C "$work/import-claims" count-objects -v | awk '/^count:/ {print $2}')"

big="$work/big-$claims"
if [ ! -d "$big/.git" ]; then
  echo "== generating a ledger of $claims claims and $claims reviews (once; kept in $big) =="
  rm -rf "$big"
  "$bin/ledger-bench" generate "$big" --sources $((claims / 50)) --claims-per-source 50 --reviews "$claims" > "$work/big-$claims.ids"
  git -C "$big" gc -q
fi
ids="$work/big-$claims.ids"

echo "== 2. claims show of one claim among $claims ($runs runs) =="
# The first show after the caches are gone builds the claim index (every claim's id and source,
# from the trees alone): timed on its own, once.
rm -rf "$big/.git/claims-cache"
start=$(now); "$bin/claims" -C "$big" show "$(sed -n 17p "$ids")" >/dev/null; first=$(elapsed "$start")
times=()
for run in $(seq "$runs"); do
  id=$(sed -n "$((run * 997 % claims + 1))p" "$ids")
  start=$(now); "$bin/claims" -C "$big" show "$id" >/dev/null; times+=("$(elapsed "$start")")
done
printf '  claims show:                      %.1f ms  (target: under 50 ms)\n' "$(calc "$(printf '%s\n' "${times[@]}" | median) * 1000")"
printf '  the first, with no cache:         %.1f ms  (builds the claim index)\n' "$(calc "$first * 1000")"
start=$(now); "$bin/claims" --version >/dev/null; printf '  process start alone:              %.1f ms\n' "$(calc "$(elapsed "$start") * 1000")"

echo "== 3. one verdict among $claims claims and $claims reviews ($runs runs each) =="
ours=(); theirs=()
# Each timed verdict must change the review: the same verdict again records nothing (and commits
# nothing), so a claim this script reviewed on an earlier run gets the other verdict.
fresh_verdict() {
  if grep -qs '"verdict": "refuted"' "$big"/Reviews/*/"$1"/reviewer@example.org.json; then echo supported; else echo refuted; fi
}
for run in $(seq "$runs"); do
  id=$(sed -n "$((run * 7919 % claims + 1))p" "$ids")
  verdict=$(fresh_verdict "$id")
  # Each timed command starts from a synced disk, as the imports do: a verdict syncs what it writes,
  # and must not wait for the 50 MB of index the previous git commit left unsynced.
  sync
  start=$(now); out=$("$bin/claims" -C "$big" verdict "$id" "$verdict"); ours+=("$(elapsed "$start")")
  case "$out" in Recorded*) ;; *) echo "verdict $id $verdict recorded nothing: $out" >&2; exit 1 ;; esac
  file=$(git -C "$big" ls-files Reviews | sed -n "$((run * 104729 % claims + 1))p")
  sync
  start=$(now)
  # The current time, so that the edit is never the one an earlier run made (nothing to commit).
  sed -i "s/\"updated\": \"[^\"]*\"/\"updated\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"/" "$big/$file"
  git -C "$big" add "$file" && git -C "$big" commit -q -m "baseline edit $run"
  theirs+=("$(elapsed "$start")")
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
printf '  claims verdict:                   %.1f ms  (target: under 80 ms)\n' "$(calc "$ours_median * 1000")"
printf '  write file + git add + commit:    %.1f ms\n' "$(calc "$theirs_median * 1000")"
printf '  speed-up:                         %.2fx  (target: at least 5x)\n' "$(calc "$theirs_median / $ours_median")"
traced=$(sed -n 4242p "$ids")
CLAIMS_TRACE=1 "$bin/claims" -C "$big" verdict "$traced" "$(fresh_verdict "$traced")" 2>&1 >/dev/null | sed 's/^/  /'

echo "== 4. claims list --status unreviewed among $claims claims ($runs runs) =="
rm -rf "$big/.git/claims-cache"
start=$(now); "$bin/claims" -C "$big" list --status unreviewed >/dev/null 2>&1; cold=$(elapsed "$start")
times=()
for run in $(seq "$runs"); do
  start=$(now); "$bin/claims" -C "$big" list --status unreviewed >/dev/null 2>&1; times+=("$(elapsed "$start")")
done
printf '  cold (no cache):                  %.2f s\n' "$cold"
printf '  warm:                             %.2f s  (target: under 1 s)\n' "$(printf '%s\n' "${times[@]}" | median)"
