#!/usr/bin/env bash
# Benchmarks the claims sentence segmenter against pySBD, syntok, blingfire and spaCy's
# rule-based sentencizer: English Golden Rules score, extra hard cases, the seed article,
# throughput on 0.5, 1 and 2 MB of generated news text, and whole-process time.
#
#   Benchmarks/segmenter.sh [--quick] [--verbose] [--budget SECONDS] [--runs N]
#
# Idempotent: the virtual environment (Benchmarks/.venv) and the downloaded pySBD source
# (Benchmarks/.work) are reused when present; both are git-ignored. Environment:
#   SWIFT_SCRATCH_PATH  SwiftPM scratch path for the release build (default .build)
#   CLAIMS_SEEDS_DIR    folder of the seed articles (default ../shared/seeds beside the repository)
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/Benchmarks/.venv"
work="$root/Benchmarks/.work"
scratch="${SWIFT_SCRATCH_PATH:-$root/.build}"
seeds="${CLAIMS_SEEDS_DIR:-$root/../shared/seeds}"
peers=(pysbd==0.3.4 syntok==1.4.4 blingfire==0.1.8 spacy==3.8.18)

mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import pysbd, syntok, blingfire, spacy" 2>/dev/null; then
  echo "installing ${peers[*]}" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${peers[@]}"
fi

# The Golden Rules live in pySBD's source distribution only; read them from there at run time.
golden=$(find "$work/pysbd-sdist" -path '*/benchmarks/english_golden_rules.py' 2>/dev/null | head -n 1 || true)
if [ -z "$golden" ]; then
  echo "downloading pySBD's source distribution for the Golden Rules" >&2
  rm -rf "$work/pysbd-sdist"
  mkdir -p "$work/pysbd-sdist"
  "$venv/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    -d "$work/pysbd-sdist" pysbd
  for archive in "$work"/pysbd-sdist/*.tar.gz; do
    tar -xzf "$archive" -C "$work/pysbd-sdist"
  done
  golden=$(find "$work/pysbd-sdist" -path '*/benchmarks/english_golden_rules.py' | head -n 1)
fi
sdist=$(basename "$(ls "$work"/pysbd-sdist/*.tar.gz)")

echo "building segmenter-bench (release)" >&2
swift build -c release --product segmenter-bench --scratch-path "$scratch" >&2
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/segmenter-bench"

seed="$seeds/002_e79ad1ab3cf49ab3.txt"
[ -f "$seed" ] || { echo "seed article not found at $seed; skipping the seed rows" >&2; seed=""; }

exec "$venv/bin/python" "$root/Benchmarks/segmenter/bench.py" \
  --binary "$binary" --golden "$golden" --golden-source "$sdist: benchmarks/english_golden_rules.py" \
  --seed "$seed" --work "$work" "$@"
