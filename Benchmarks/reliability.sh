#!/usr/bin/env bash
# Reliability figures (issue 7), from one run of the release build:
#   1. writers: 1, 2, 4, 8 and 16 `claims review` processes at once on one ledger, 200 verdicts
#      each: how many were held with nothing lost, and actions per second; and the write path's
#      own rate, 1000 commits in one process;
#   2. kills: 200 `claims import` and `claims review` processes killed with SIGKILL at random
#      moments, each followed by `claims check` and a write;
#   3. hostile inputs: the HostileInputTests suite (debug build), counted by test case;
#   4. fuzzing: scripts/fuzz on the segmenter and the record decoder for a fixed time each;
#   5. convergence: three clones of one remote, 100 actions each, 20 rounds of syncs in random
#      order;
#   6. ssh: clone, verdicts and sync against an OpenSSH server on 127.0.0.1 (openssh-server is
#      installed when missing and the script runs as root; https cannot be tried without a network).
# Usage: Benchmarks/reliability.sh [--kills N] [--fuzz-seconds N] [--writers 1,2,4,8,16]
set -euo pipefail
cd "$(dirname "$0")/.."

kills=200
fuzz_seconds=60
writers=1,2,4,8,16
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --fuzz-seconds) fuzz_seconds="$2"; shift 2 ;;
    --writers) writers="$2"; shift 2 ;;
    *) echo "usage: $0 [--kills N] [--fuzz-seconds N] [--writers 1,2,4,8,16]" >&2; exit 64 ;;
  esac
done

scripts/ensure-dependencies
if [ ! -x /usr/sbin/sshd ] && [ "$(id -u)" -eq 0 ]; then
  echo "Installing openssh-server for the ssh run ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server >/dev/null 2>&1 ||
    echo "warning: could not install openssh-server; the ssh run is skipped" >&2
fi
swift build -c release --product claims >&2
swift build -c release --product reliability-bench >&2
swift build -c release --product ledger-bench >&2
bench=.build/release/reliability-bench
figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
status=0

run() {
  echo "== $1 ==" >&2
  shift
  if ! "$@" | tee -a "$figures" >&2; then status=1; fi
}

run "writers" "$bench" writers --levels "$writers" --actions 200
# The write path alone, in one process: the same commits without a process and a session per action.
stream=$(mktemp -d)
seconds=$(.build/release/ledger-bench generate "$stream/ledger" --sources 20 --claims-per-source 50 --reviews 0 \
  --review-commits 1000 2>&1 >/dev/null | sed -n 's/^1000 review commits: \([0-9.]*\) s$/\1/p')
rm -rf "$stream"
echo "figure: write path in one process: $(awk "BEGIN { printf \"%.0f\", 1000 / $seconds }") commits/s (1000 verdicts, work tree and index included)" |
  tee -a "$figures" >&2
run "kills" "$bench" kills --count "$kills"

echo "== hostile inputs ==" >&2
hostile_log=$(mktemp)
if swift test --filter HostileInputTests > "$hostile_log" 2>&1; then hostile_result="all handled"; else
  hostile_result="FAILURES (see swift test --filter HostileInputTests)"; status=1
fi
hostile_cases=$(grep -E '^. Test .* (passed|failed)' "$hostile_log" |
  awk '{ if (match($0, /with [0-9]+ test cases/)) { split(substr($0, RSTART, RLENGTH), w, " "); n += w[2] } else n += 1 } END { print n + 0 }')
rm -f "$hostile_log"
echo "figure: hostile inputs tried: $hostile_cases test cases, $hostile_result" | tee -a "$figures" >&2

echo "== fuzzing ($fuzz_seconds s per target) ==" >&2
fuzz_log=$(mktemp)
if ! scripts/fuzz --seconds "$fuzz_seconds" | tee "$fuzz_log" >&2; then status=1; fi
executions=$(awk '/^fuzz / { sum += $3 } END { print sum + 0 }' "$fuzz_log")
echo "figure: fuzz executions: $executions ($(grep -c 'no crash' "$fuzz_log") of 2 targets without a crash)" |
  tee -a "$figures" >&2
rm -f "$fuzz_log"

run "convergence" "$bench" converge --clones 3 --actions 100 --rounds 20
run "random desks" "$bench" desks --count "${RELIABILITY_DESKS:-2000}" --steps 30
run "ssh" "$bench" ssh

echo
echo "Reliability figures ($(date -u +%Y-%m-%d), $(nproc) cores, libgit2 $(pkg-config --modversion libgit2)):"
sed -n 's/^figure: /  /p' "$figures"
exit $status
