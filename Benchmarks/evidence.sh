#!/usr/bin/env bash
# Archived citations (issue 14's targets), each beside a baseline measured in the same run:
#   1. `claims cite --archive` against a local server: at most the fetch itself plus 20 ms more than
#      `claims cite` (whole processes; the fetch timed alone, and curl(1)'s transfer time beside it);
#   2. `claims evidence check --offline` on 10,000 archived citations: under 5 s (beside sha256sum(1)
#      of every capture once);
#   3. `claims evidence check` on 1,000 live citations, 20 local hosts answering in 50 ms: under 15 s
#      (beside curl(1) --parallel on the same addresses).
# Usage: Benchmarks/evidence.sh [--runs N] [--citations N] [--count N]
# The ledgers go to $EVIDENCE_BENCH_DIR (default: /tmp/claims-evidence-bench): not under the
# repository, which is itself a ledger that claims will not nest another in.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
citations=10000
count=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --citations) citations="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--citations N] [--count N]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
swift build -c release --product claims >&2
swift build -c release --product evidence-bench >&2
bin="$PWD/.build/release"
work="${EVIDENCE_BENCH_DIR:-/tmp/claims-evidence-bench}"
mkdir -p "$work"
# No background `git gc --auto` may race the next run's clean-up.
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=gc.auto GIT_CONFIG_VALUE_0=0

"$bin/evidence-bench" cite "$bin/claims" "$work" --runs "$runs"
echo
"$bin/evidence-bench" offline "$bin/claims" "$work" --citations "$citations"
echo
"$bin/evidence-bench" live "$bin/claims" "$work" --count "$count"
