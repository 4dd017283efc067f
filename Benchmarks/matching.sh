#!/usr/bin/env bash
# Benchmarks claim matching on the CLEF 2020 CheckThat! task 2 data (../shared/data/claim-matching):
# MAP@5 on the development and training tweets beside a rank_bm25 baseline run in the same run,
# then speed and memory with 100,000 generated ledger claims beside the 10,389 fact-checks.
#
#   Benchmarks/matching.sh [--quick]        --quick: quality only
#
# Environment:
#   SWIFT_SCRATCH_PATH     SwiftPM scratch path for the release build (default .build)
#   CLAIMS_MATCHING_DATA   the data folder (default ../shared/data/claim-matching)
#
# The two functions below are the only place that knows how the index is built and queried. Today
# they drive matching-bench; once `claims factchecks import` and `claims match -` exist, they become
# `claims factchecks import "$1"` in a fresh ledger and `claims match - --json`.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

cd "$(dirname "$0")/.."
root=$(pwd)
data="${CLAIMS_MATCHING_DATA:-$root/../shared/data/claim-matching}"
scratch="${SWIFT_SCRATCH_PATH:-$root/.build}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools="$root/Benchmarks/matching/tools.py"
quick=false
[ "${1:-}" = "--quick" ] && quick=true

[ -f "$data/fact-checks.claimreview.json" ] || { echo "no data at $data" >&2; exit 1; }
python=python3
if ! python3 -c "import rank_bm25" 2>/dev/null; then
  venv="$root/Benchmarks/.venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -c "import rank_bm25" 2>/dev/null ||
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check rank_bm25
  python="$venv/bin/python"
fi

echo "building matching-bench (release)" >&2
swift build -c release --product matching-bench --scratch-path "$scratch" >&2
bench="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/matching-bench"

# build_index FACTCHECKS INDEX [GENERATED_CLAIMS]: imports the fact-checks (and generated claims)
# and leaves the index in INDEX; answers nothing.
build_index() {
  "$bench" query --factchecks "$1" --claims "${3:-0}" --save "$2" </dev/null
}
# match_queries INDEX < QUERIES > JSONL: one JSON line per query line.
match_queries() {
  "$bench" query --index "$1"
}

seconds_of() { sed -n "s/.*$1=\([0-9.e-]*\).*/\1/p" "$2" | tail -n 1; }

echo "== quality: MAP@5 (CheckThat! 2020 task 2 scorer), 10,389 fact-checks" >&2
build_index "$data/fact-checks.claimreview.json" "$work/index" 2>"$work/build.log" >/dev/null
printf '%-8s %-34s %s\n' split system score
for split in dev train; do
  "$python" "$tools" lines "$data/$split.queries.tsv" "$work/$split.txt" "$work/$split.ids"
  match_queries "$work/index" <"$work/$split.txt" >"$work/$split.jsonl" 2>/dev/null
  "$python" "$tools" run "$work/$split.ids" "$work/$split.jsonl" claims "$work/$split.run"
  "$python" "$tools" baseline "$data/fact-checks.claimreview.json" "$data/$split.queries.tsv" "$work/$split.base"
  printf '%-8s %-34s %s\n' "$split" "claims (BM25 + re-ranker)" "$("$python" "$data/score.py" "$data/$split.qrels" "$work/$split.run")"
  printf '%-8s %-34s %s\n' "$split" "rank_bm25 baseline" "$("$python" "$data/score.py" "$data/$split.qrels" "$work/$split.base")"
done
$quick && exit 0

echo "== speed and memory: 10,375 fact-checks + 100,000 generated claims, 200 queries" >&2
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg) on $(nproc) cores (wall times suffer when it is high)"
"$python" "$tools" queries "$data/dev.queries.tsv" 200 "$work/q200.txt"
rss() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$1"; }
wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): \(.*\)/\1/p' "$1"; }
# CPU time (user + system): what the process itself cost, when other work shares the machine.
cpu() {
  awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } END { printf "%.2f", u + s }' "$1"
}

/usr/bin/time -v "$bench" query --factchecks "$data/fact-checks.claimreview.json" --claims 100000 \
  --save "$work/big" <"$work/q200.txt" >/dev/null 2>"$work/first.log"
echo "first run (read ClaimReview, generate claims, build, save, answer 200): wall $(wall "$work/first.log")," \
  "CPU $(cpu "$work/first.log") s, generate $(seconds_of generate_seconds "$work/first.log") s," \
  "build $(seconds_of build_seconds "$work/first.log") s, save $(seconds_of save_seconds "$work/first.log") s," \
  "index $(( $(stat -c %s "$work/big") / 1024 )) KiB, peak RSS $(( $(rss "$work/first.log") / 1024 )) MiB"

best=""
for run in 1 2 3 4 5; do
  /usr/bin/time -v "$bench" query --index "$work/big" <"$work/q200.txt" >/dev/null 2>"$work/warm.log"
  elapsed=$(wall "$work/warm.log" | awk -F: '{ print (NF == 3) ? $1 * 3600 + $2 * 60 + $3 : $1 * 60 + $2 }')
  if [ -z "$best" ] || awk -v a="$elapsed" -v b="$best" 'BEGIN { exit !(a < b) }'; then
    best=$elapsed
    cp "$work/warm.log" "$work/warm-best.log"
  fi
done
echo "warm run (load index, answer 200), best of 5: wall $best s, CPU $(cpu "$work/warm-best.log") s," \
  "load $(seconds_of load_seconds "$work/warm-best.log") s, queries $(seconds_of query_seconds "$work/warm-best.log") s," \
  "peak RSS $(( $(rss "$work/warm-best.log") / 1024 )) MiB"

build_index "$data/fact-checks.claimreview.json" "$work/small" 2>/dev/null >/dev/null
for target in small big; do
  for count in 1000 10000; do
    "$bench" add --index "$work/$target" --factchecks "$data/fact-checks.claimreview.json" --claims "$count" \
      2>"$work/add.log" >/dev/null
    echo "add $count claims to the $target index ($(sed -n 's/.*documents=\([0-9]*\).*/\1/p' "$work/add.log") after):" \
      "$(seconds_of add_seconds "$work/add.log") s"
  done
done
