#!/usr/bin/env bash
# Benchmarks claim matching through the real command line on the CLEF 2020 CheckThat! task 2 data
# (../shared/data/claim-matching):
#   1. quality: `claims factchecks import` of the 10,389 fact-checks into a fresh ledger, then
#      `claims match -` over the development and training tweets, scored by the lab's score.py
#      (MAP@5), beside a rank_bm25 baseline run in the same run;
#   2. speed and memory: the same fact-checks imported into a ledger of 100,000 claims and 100,000
#      reviews (Benchmarks/LedgerBench, so reviewed claims are candidates too), then `claims match -`
#      of 200 queries: the first run (index built), warm runs, and the run after importing 100 and
#      1,000 more fact-checks (the index updated in place), with peak memory.
#
#   Benchmarks/matching.sh [--quick]        --quick: quality only
#
# Environment:
#   CLAIMS_MATCHING_DATA   the data folder (default ../shared/data/claim-matching)
#   CLAIMS_BEFORE          another `claims` binary (an earlier build) to measure the first and warm
#                          runs with too, on its own fresh clone, as a baseline in the same run
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

cd "$(dirname "$0")/.."
root=$(pwd)
data="${CLAIMS_MATCHING_DATA:-$root/../shared/data/claim-matching}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kept="$root/Benchmarks/.work/matching"
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

scripts/ensure-dependencies
echo "building claims and ledger-bench (release)" >&2
swift build -c release --product claims >&2
[ -f "$kept/ledger-100000.git/HEAD" ] || swift build -c release --product ledger-bench >&2
bin="$(swift build -c release --show-bin-path)"
claims="$bin/claims"
export CLAIMS_AUTHOR="Bench Importer <importer@example.org>" CLAIMS_REVIEWER="Bench Reviewer <reviewer@example.org>"
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=gc.auto GIT_CONFIG_VALUE_0=0

# import_factchecks LEDGER FILE: the fact-checks into the ledger, one commit.
import_factchecks() { "$claims" -C "$1" factchecks import "$2" >/dev/null 2>"$work/import.log"; }
# match_queries LEDGER < QUERIES > JSONL: one JSON line per query line.
match_queries() { "$claims" -C "$1" match - --limit 5; }

echo "== quality: MAP@5 (CheckThat! 2020 task 2 scorer), 10,389 fact-checks" >&2
"$claims" init "$work/quality" >/dev/null
import_factchecks "$work/quality" "$data/fact-checks.claimreview.json"
echo "skipped by the import: $(grep -c 'skipped' "$work/import.log") records (reported one line each)"
printf '%-8s %-34s %s\n' split system score
for split in dev train; do
  "$python" "$tools" lines "$data/$split.queries.tsv" "$work/$split.txt" "$work/$split.ids"
  match_queries "$work/quality" <"$work/$split.txt" >"$work/$split.jsonl"
  "$python" "$tools" run "$work/$split.ids" "$work/$split.jsonl" claims "$work/$split.run"
  "$python" "$tools" baseline "$data/fact-checks.claimreview.json" "$data/$split.queries.tsv" "$work/$split.base"
  printf '%-8s %-34s %s\n' "$split" "claims match -" "$("$python" "$data/score.py" "$data/$split.qrels" "$work/$split.run")"
  printf '%-8s %-34s %s\n' "$split" "rank_bm25 baseline" "$("$python" "$data/score.py" "$data/$split.qrels" "$work/$split.base")"
done
$quick && exit 0

echo "== speed and memory: 10,375 fact-checks + a ledger of 100,000 claims and 100,000 reviews, 200 queries" >&2
mkdir -p "$kept"
ledger="$kept/ledger-100000.git"
if [ ! -f "$ledger/HEAD" ]; then
  rm -rf "$ledger" "$work/generated"
  echo "generating the 100,000-claim ledger (kept, bare, in $kept)" >&2
  "$bin/ledger-bench" generate "$work/generated" --sources 2000 --claims-per-source 50 --reviews 100000 >/dev/null
  git -C "$work/generated" gc -q
  git clone -q --bare "$work/generated" "$ledger"
  rm -rf "$work/generated"
fi
rm -rf "$work/big"
# A bare clone shares the kept ledger's packs (hard links) and starts with no cache at all.
git clone -q --bare "$ledger" "$work/big"
cache="$work/big/claims-cache/v2/matching"
# size FILE: its size in KiB (0 when absent).
size() { if [ -f "$1" ]; then echo $(( $(stat -c %s "$1") / 1024 )); else echo 0; fi; }
stamp() { stat -c '%i %Y %s' "$1" 2>/dev/null || echo none; }
import_factchecks "$work/big" "$data/fact-checks.claimreview.json"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg) on $(nproc) cores (wall times suffer when it is high)"
"$python" "$tools" queries "$data/dev.queries.tsv" 200 "$work/q200.txt"
rss() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$1"; }
wall() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): \(.*\)/\1/p' "$1" |
    awk -F: '{ print (NF == 3) ? $1 * 3600 + $2 * 60 + $3 : $1 * 60 + $2 }'
}
cpu() {
  awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } END { printf "%.2f", u + s }' "$1"
}
trace() { sed -n "s/^\[trace\] *\([0-9.]*\) ms  $2.*/\1/p" "$1" | tail -n 1; }
timed() { # timed LOG: runs `claims match -` of the 200 queries under /usr/bin/time, with trace marks
  CLAIMS_TRACE=1 /usr/bin/time -v "$claims" -C "$work/big" match - <"$work/q200.txt" >"$work/out.jsonl" 2>"$1"
  [ "$(wc -l <"$work/out.jsonl")" = 200 ] || { echo "expected 200 answers" >&2; exit 1; }
}

timed "$work/first.log"
echo "first run (no source cache, no matching index: read 100,000 claims and reviews, build, store, answer 200):" \
  "wall $(wall "$work/first.log") s, CPU $(cpu "$work/first.log") s, index update $(trace "$work/first.log" "matching index updated") ms," \
  "stored $(trace "$work/first.log" "matching index stored") ms," \
  "cache files: base $(size "$cache/base.bin") KiB, delta $(size "$cache/delta.bin") KiB, peak RSS $(( $(rss "$work/first.log") / 1024 )) MiB"

best=""
for run in 1 2 3 4 5; do
  timed "$work/warm.log"
  elapsed=$(wall "$work/warm.log")
  if [ -z "$best" ] || awk -v a="$elapsed" -v b="$best" 'BEGIN { exit !(a < b) }'; then
    best=$elapsed
    cp "$work/warm.log" "$work/warm-best.log"
  fi
done
echo "warm run (load the index, answer 200), best of 5: wall $best s, CPU $(cpu "$work/warm-best.log") s," \
  "load $(trace "$work/warm-best.log" "matching index loaded") ms, peak RSS $(( $(rss "$work/warm-best.log") / 1024 )) MiB"

# The same first and warm runs with an earlier build, when given, on a clone of its own.
if [ -n "${CLAIMS_BEFORE:-}" ]; then
  rm -rf "$work/before"
  git clone -q --bare "$ledger" "$work/before"
  import_factchecks "$work/before" "$data/fact-checks.claimreview.json"
  before_timed() {
    CLAIMS_TRACE=1 /usr/bin/time -v "$CLAIMS_BEFORE" -C "$work/before" match - <"$work/q200.txt" >"$work/before.jsonl" 2>"$1"
    [ "$(wc -l <"$work/before.jsonl")" = 200 ] || { echo "expected 200 answers from the earlier build" >&2; exit 1; }
  }
  before_timed "$work/before-first.log"
  before_best=""
  for run in 1 2 3 4 5; do
    before_timed "$work/before-warm.log"
    elapsed=$(wall "$work/before-warm.log")
    if [ -z "$before_best" ] || awk -v a="$elapsed" -v b="$before_best" 'BEGIN { exit !(a < b) }'; then
      before_best=$elapsed
      cp "$work/before-warm.log" "$work/before-warm-best.log"
    fi
  done
  cmp -s "$work/before.jsonl" "$work/out.jsonl" && same="the same answers" || same="DIFFERENT answers"
  echo "earlier build (CLAIMS_BEFORE), same run: first wall $(wall "$work/before-first.log") s," \
    "CPU $(cpu "$work/before-first.log") s, peak RSS $(( $(rss "$work/before-first.log") / 1024 )) MiB;" \
    "warm best of 5 wall $before_best s, CPU $(cpu "$work/before-warm-best.log") s," \
    "peak RSS $(( $(rss "$work/before-warm-best.log") / 1024 )) MiB; $same"
  rm -rf "$work/before"
fi

# The index alone built again: the record cache is there (as in a desk that has used other
# commands), only the matching cache is gone.
rm -rf "$cache"
timed "$work/rebuild.log"
echo "index rebuilt (record cache present, matching cache removed): wall $(wall "$work/rebuild.log") s," \
  "CPU $(cpu "$work/rebuild.log") s, index update $(trace "$work/rebuild.log" "matching index updated") ms," \
  "stored $(trace "$work/rebuild.log" "matching index stored") ms, peak RSS $(( $(rss "$work/rebuild.log") / 1024 )) MiB"

for count in 100 1000; do
  python3 - "$data/fact-checks.claimreview.json" "$count" "$work/new-$count.json" <<'PY'
import json, sys
records = json.load(open(sys.argv[1], encoding="utf-8"))[: int(sys.argv[2])]
for number, record in enumerate(records):
    record["url"] = "https://new.example/%s/%d" % (sys.argv[2], number)
json.dump(records, open(sys.argv[3], "w", encoding="utf-8"))
PY
  import_factchecks "$work/big" "$work/new-$count.json"
  before=$(stamp "$cache/base.bin")
  timed "$work/add.log"
  # What the update wrote: the delta always, the base only when it was merged into (rewritten).
  written=$(size "$cache/delta.bin")
  [ "$(stamp "$cache/base.bin")" = "$before" ] && rewritten="base kept" ||
    { rewritten="base rewritten"; written=$(( written + $(size "$cache/base.bin") )); }
  echo "after importing $count more fact-checks: match - of 200 wall $(wall "$work/add.log") s," \
    "index update $(trace "$work/add.log" "matching index updated") ms," \
    "stored $(trace "$work/add.log" "matching index stored") ms," \
    "cache written $written KiB ($rewritten; delta $(size "$cache/delta.bin") KiB, base $(size "$cache/base.bin") KiB)"
done
