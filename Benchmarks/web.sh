#!/usr/bin/env bash
# Fetching and archiving speed against local servers (issue 14's targets), beside baselines measured
# in the same run (curl(1) on the same addresses; one fetch after another):
#   1. archiving overhead: a fetch alone vs the same fetch plus its WARC capture (records, digests,
#      content address), for pages of 100 KB, 1 MB and 5 MB; target: at most 20 ms more;
#   2. 1,000 fetches of pages that answer after 50 ms, spread over 20 loopback hosts
#      (127.0.0.1-20), at most 16 at once and one per host; target: under 15 s.
# Usage: Benchmarks/web.sh [--runs N] [--count N]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=30
count=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--count N]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
swift build -c release --product web-bench >&2
bin="$PWD/.build/release"
"$bin/web-bench" archive --runs "$runs"
echo
"$bin/web-bench" concurrent --count "$count"
