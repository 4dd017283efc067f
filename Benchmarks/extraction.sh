#!/usr/bin/env bash
# Benchmarks the article extraction (`claims extract --json`, and the library alone through
# extraction-bench) against trafilatura and readability-lxml on the 120 pages of
# ../shared/data/article-extraction: F1,
# precision and recall with the benchmark's own measure (score.py), and pages per second for the
# whole process over all pages (process start, imports and reading the files included).
#
#   Benchmarks/extraction.sh [--runs N] [--per-page] [--output DIR]
#
#   --runs N      time each extractor N times and report the fastest run (default 3)
#   --per-page    also run EXTRACT_COMMAND (`claims extract --json FILE`) once per page (process
#                 start paid 120 times)
#   --output DIR  keep every extractor's predictions there (default Benchmarks/.work/extraction)
#
# Idempotent: the pages are decompressed once into Benchmarks/.work/extraction/html, and a
# virtual environment (Benchmarks/.venv) is made only when the system Python lacks trafilatura or
# readability-lxml; both places are git-ignored. Environment:
#   SWIFT_SCRATCH_PATH       SwiftPM scratch path for the release build (default .build)
#   CLAIMS_EXTRACTION_DATA   the data folder (default ../shared/data/article-extraction)
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/Benchmarks/.venv"
work="$root/Benchmarks/.work/extraction"
scratch="${SWIFT_SCRATCH_PATH:-$root/.build}"
data="${CLAIMS_EXTRACTION_DATA:-$root/../shared/data/article-extraction}"
peers=(trafilatura==2.3.1 readability-lxml==0.9)

[ -f "$data/ground-truth.json" ] || { echo "Error: no benchmark data at $data; set CLAIMS_EXTRACTION_DATA" >&2; exit 1; }
mkdir -p "$work"

python=python3
if ! "$python" -c "import trafilatura, readability" 2>/dev/null; then
  if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
  fi
  python="$venv/bin/python"
  if ! "$python" -c "import trafilatura, readability" 2>/dev/null; then
    echo "installing ${peers[*]}" >&2
    "$python" -m pip install --quiet --disable-pip-version-check "${peers[@]}"
  fi
fi

echo "building extraction-bench and claims (release)" >&2
swift build -c release --product extraction-bench --scratch-path "$scratch" >&2
swift build -c release --product claims --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
binary="$bin/extraction-bench"

# The command that prints one page's article as JSON (and a JSON array for several files): the
# real `claims extract --json`, run over all pages in one process, and once per page with
# --per-page. The bench driver's `extract --json FILE` prints the same object.
EXTRACT_COMMAND="$bin/claims extract --json"

exec "$python" "$root/Benchmarks/extraction/bench.py" \
  --batch "$binary batch" --extract "$EXTRACT_COMMAND" --data "$data" --work "$work" "$@"
