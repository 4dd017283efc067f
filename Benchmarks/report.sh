#!/usr/bin/env bash
# Report speed (issue 6 targets), measured side by side in one run on a packed ledger of 100,000
# claims and 100,000 reviews (generated once, kept in Benchmarks/.work/report):
#   1. git cat-file --batch reading every blob of HEAD (the baseline);
#   2. cold `claims report --format json`, whole process, report caches removed: within 2x of 1;
#      before it, cold `claims report` (text), every cache removed too (its peak memory matters);
#   3. warm `claims report --format json` right after one more review is recorded: under 300 ms;
#   4. warm `claims report` (text) right after one more review is recorded: under 300 ms;
# with the peak memory of each report (/usr/bin/time %M): under 500 MB. Medians of --runs runs,
# the measurements interleaved so that a busy machine slows all of them alike. Reports go to a file.
# With --million, the same on the bare, packed ledger of 1,000,000 claims and 1,000,000 reviews in
# 20,000 sources that Benchmarks/ledger.sh makes (issue 16 targets: warm text under 1 s, warm json
# under 3 s, peak memory under 2 GB); the cold report and the baseline are then run once.
# Usage: Benchmarks/report.sh [--runs N] [--claims N | --million]   (SCRATCH=/path: swift build --scratch-path)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
claims=100000
million=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --claims) claims="$2"; shift 2 ;;
    --million) million=1; claims=1000000; shift ;;
    *) echo "usage: $0 [--runs N] [--claims N | --million]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
build=(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"})
"${build[@]}" --product claims >&2
"${build[@]}" --product ledger-bench >&2
bin="$("${build[@]}" --show-bin-path)"
work="$PWD/Benchmarks/.work/report"
mkdir -p "$work"
export CLAIMS_AUTHOR="Bench Importer <importer@example.org>" CLAIMS_REVIEWER="Bench Reviewer <reviewer@example.org>"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command with its output to $work/out, appending seconds to the array named $1 and peak
# memory in MB to the array named $2.
measure() {
  local -n seconds=$1 megabytes=$2
  shift 2
  local start
  start=$(now)
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$work/out"
  seconds+=("$(calc "$(now) - $start")")
  megabytes+=("$(calc "$(tail -1 "$work/rss") / 1024")")
}

# Records one more review: the source of one claim changes, no other. The claim depends on the
# ledger's length, so reruns of this script pick new ones; a verdict it already has is swapped.
one_more_review() {
  local count id before
  count=$(git -C "$ledger" rev-list --count HEAD)
  id=$(sed -n "$((count * 7919 % claims + 1))p" "$ids")
  before=$(git -C "$ledger" rev-parse HEAD)
  "$bin/claims" -C "$ledger" verdict "$id" refuted > /dev/null
  if [ "$(git -C "$ledger" rev-parse HEAD)" = "$before" ]; then
    "$bin/claims" -C "$ledger" verdict "$id" supported > /dev/null
  fi
}

ledger="$work/ledger-$claims"
gitdir="$ledger/.git"
json_target=300; text_target=300; memory_target=500
if [ "$million" = 1 ]; then
  ledger="$PWD/Benchmarks/.work/scale/ledger-1000000.git"
  gitdir="$ledger"
  ids="$PWD/Benchmarks/.work/scale/ledger-1000000.ids"
  json_target=3000; text_target=1000; memory_target=2000
  [ -f "$ids" ] || { echo "no million-claim ledger: run Benchmarks/ledger.sh --only bare first" >&2; exit 1; }
elif [ ! -d "$ledger/.git" ]; then
  echo "== generating a ledger of $claims claims and $claims reviews (once; kept in $ledger) ==" >&2
  rm -rf "$ledger"
  # Benchmarks/.work lies inside this repository's own ledger, where a new ledger is refused: a
  # ledger is made of a git repository made first (as ledger.sh does).
  git init -q -b main "$ledger"
  "$bin/ledger-bench" generate "$ledger" --sources $((claims / 50)) --claims-per-source 50 --reviews "$claims" \
    > "$work/ledger-$claims.ids"
  git -C "$ledger" gc -q
fi
[ "$million" = 1 ] || ids="$work/ledger-$claims.ids"
git -C "$ledger" ls-tree -r HEAD | awk '$2 == "blob" { print $3 }' > "$work/blobs"

echo "== report on $claims claims and $claims reviews ($runs runs, interleaved) =="
listing=(); baseline=(); unused=(); cold=(); cold_mb=(); cold_text=(); cold_text_mb=(); json=(); json_mb=(); text=(); text_mb=()
for run in $(seq "$runs"); do
  # At a million claims the baseline and the cold report take minutes: once.
  if [ "$million" = 0 ] || [ "$run" = 1 ]; then
    measure listing unused git -C "$ledger" ls-tree -r HEAD
    measure baseline unused sh -c "git -C '$ledger' cat-file --batch < '$work/blobs'"
    # The text report keeps no pieces: its cold path rebuilds the record cache in batches of its
    # own. First, so that the cold JSON report leaves the caches the warm runs below need.
    rm -rf "$gitdir/claims-cache"
    measure cold_text cold_text_mb "$bin/claims" -C "$ledger" report
    rm -rf "$gitdir/claims-cache"
    measure cold cold_mb "$bin/claims" -C "$ledger" report --format json
    json_bytes=$(wc -c < "$work/out")
  fi
  one_more_review
  measure json json_mb "$bin/claims" -C "$ledger" report --format json
  one_more_review
  measure text text_mb "$bin/claims" -C "$ledger" report
done

m() { printf '%s\n' "$@" | median; }
# The spread of the runs, "fastest-slowest", in the unit given by the multiplier $1.
spread() {
  local factor=$1
  shift
  printf '%s\n' "$@" | sort -g | awk -v f="$factor" 'NR == 1 {lo = $1} {hi = $1} END {printf "%.*f-%.*f", (f > 1 ? 0 : 2), lo * f, (f > 1 ? 0 : 2), hi * f}'
}
base=$(m "${baseline[@]}")
printf '  blobs in HEAD:                         %d (%s objects in packs, %s loose)\n' "$(wc -l < "$work/blobs")" \
  "$(git -C "$ledger" count-objects -v | awk '/^in-pack:/ {print $2}')" \
  "$(git -C "$ledger" count-objects -v | awk '/^count:/ {print $2}')"
printf '  git cat-file --batch, every blob:      %.2f s  (the baseline; listing them, git ls-tree -r: %.2f s more)\n' \
  "$base" "$(m "${listing[@]}")"
printf '  cold report --format json:             %.2f s  = %.2fx cat-file  (target: within 2x)   peak %.0f MB   runs %s s, cat-file %s s\n' \
  "$(m "${cold[@]}")" "$(calc "$(m "${cold[@]}") / $base")" "$(m "${cold_mb[@]}")" "$(spread 1 "${cold[@]}")" \
  "$(spread 1 "${baseline[@]}")"
printf '  cold report (text), caches removed:    %.2f s  peak %.0f MB   runs %s s\n' \
  "$(m "${cold_text[@]}")" "$(m "${cold_text_mb[@]}")" "$(spread 1 "${cold_text[@]}")"
printf "  warm json, after one more review:      %.0f ms  (target: under $json_target ms)   peak %.0f MB   runs %s ms   (%.0f MB of JSON)\n" \
  "$(calc "$(m "${json[@]}") * 1000")" "$(m "${json_mb[@]}")" "$(spread 1000 "${json[@]}")" "$(calc "$json_bytes / 1000000")"
printf "  warm text, after one more review:      %.0f ms  (target: under $text_target ms)   peak %.0f MB   runs %s ms\n" \
  "$(calc "$(m "${text[@]}") * 1000")" "$(m "${text_mb[@]}")" "$(spread 1000 "${text[@]}")"
printf "  peak memory target: under $memory_target MB; largest above: %.0f MB\n" \
  "$(printf '%s\n' "${cold_mb[@]}" "${cold_text_mb[@]}" "${json_mb[@]}" "${text_mb[@]}" | sort -g | tail -1)"
echo "  load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "  phases of a warm json report (CLAIMS_TRACE=1):"
CLAIMS_TRACE=1 "$bin/claims" -C "$ledger" report --format json 2>&1 > /dev/null | sed 's/^/    /'
