#!/usr/bin/env bash
# Ledger speed (issues 2, 4 and 16), every figure beside a baseline measured in the same run:
#   1. import of a 10,000-sentence text into a fresh ledger, in one commit, work-tree files included,
#      against `git fast-import` writing the same files and against writing them + `git add -A &&
#      git commit`;
#   2. a ledger of 100,000 claims and 100,000 reviews with a work tree: `claims show`, one
#      `claims verdict` (whole process, commit, index and work tree) against writing the same file
#      + `git add` + `git commit`, `claims list --status unreviewed` cold and warm;
#   3. a bare, packed ledger of 1,000,000 claims and 1,000,000 reviews in 20,000 sources:
#      `verdict` (against `git fast-import` adding the same file), `show` (against `git cat-file`),
#      `list --status unreviewed` warm and cold, `log ID` warm and cold (against `git log -- path`),
#      `match` of one article's claims warm and first, and the peak memory of each;
#   4. `claims split` of 2 MB of news text, whole process, against blingfire's (PyPI) whole process.
# Generated ledgers are made by Benchmarks/LedgerBench through the ledger's write path and kept in
# Benchmarks/.work between runs (the million-claim one takes about half an hour to make, once).
# `report` at both scales is measured by Benchmarks/report.sh.
# Usage: Benchmarks/ledger.sh [--runs N] [--only import|work|bare|split]...
# CLAIMS_BEFORE=/path/to/an/earlier/claims also times that build in the same run (process start,
# verdict among 100,000, split), in blocks of its own after a warm-up run each (a build's caches
# are its own: switching builds rebuilds them, and the index record is the last writer's).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
sections=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) sections+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--only import|work|bare|split]..." >&2; exit 64 ;;
  esac
done
[ ${#sections[@]} -gt 0 ] || sections=(import work bare split)
wanted() { [[ " ${sections[*]} " == *" $1 "* ]]; }

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
m() { printf '%s\n' "$@" | median; }
ms() { calc "$1 * 1000"; }
# Runs a command with its output discarded, appending its seconds to the array named $1 and its
# peak memory in MB to the array named $2.
measure() {
  local -n seconds=$1 megabytes=$2
  shift 2
  local start
  start=$(now)
  /usr/bin/time -f %M -o "$work/rss" "$@" > /dev/null 2> "$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  seconds+=("$(elapsed "$start")")
  megabytes+=("$(calc "$(tail -1 "$work/rss") / 1024")")
}
peaks=()  # "label MB" of every command measured, for the memory summary
peak() { local label=$1; shift; peaks+=("$(printf '%s\n' "$@" | sort -g | tail -1) $label"); }
# Deleting a directory of thousands of files stalls file creation on this disk for seconds after
# (ext4 mounted with `discard`: an import timed right after `rm -rf` of the previous run's 30,000
# files took 3.8-8.3 s, without it 1.6 s). Earlier runs are moved aside into a trash directory,
# deleted only when everything has been timed.
trash="$work/trash-$$"
clear_out() {
  mkdir -p "$trash"
  local path
  for path in "$@"; do [ ! -e "$path" ] || mv "$path" "$trash/$(basename "$path")-$RANDOM$RANDOM"; done
  sync
}
trap 'rm -rf "$trash"' EXIT

# The source of claim $2 in ledger $1 (from the first line of `claims show`: `claim ID SOURCE:N KIND`).
source_of() { "$bin/claims" -C "$1" show "$2" | head -1 | awk '{print $3}' | sed 's/:[0-9]*$//'; }
# A verdict the bench reviewer has not given claim $2 in ledger $1 (the other one than their last),
# so that the verdict is recorded and makes a commit.
fresh_verdict() {
  local last
  last=$(git -C "$1" show "HEAD:Reviews/$(source_of "$1" "$2")/$2/reviewer@example.org.json" 2>/dev/null |
    grep -o '"verdict": "[a-z-]*"' | tail -1 || true)
  if [ "$last" = '"verdict": "refuted"' ]; then echo supported; else echo refuted; fi
}

if wanted import; then
  echo "== 1. import of 10,000 sentences in one commit ($runs runs each, interleaved) =="
  "$bin/ledger-bench" text "$work/10k.txt" --sentences 10000
  ours=(); ours_mb=(); fast=(); theirs=(); unused=(); files=0
  for run in $(seq "$runs"); do
    clear_out "$work/import-claims" "$work/import-fast" "$work/import-git"
    # Benchmarks/.work lies inside this repository's own ledger, where `claims init` refuses to
    # make a new one: it makes a ledger of an existing git repository instead.
    git init -q -b main "$work/import-claims"
    "$bin/claims" init "$work/import-claims" >/dev/null
    sync
    measure ours ours_mb "$bin/claims" -C "$work/import-claims" import "$work/10k.txt" --id storm
    files=$(git -C "$work/import-claims" ls-files | wc -l)
    # Baseline 1: git fast-import writing the same two commits' files into a pack (no work tree).
    git -C "$work/import-claims" fast-export --reencode=no main > "$work/import.stream"
    git init -q -b main "$work/import-fast"
    sync
    start=$(now); git -C "$work/import-fast" fast-import --quiet < "$work/import.stream"; fast+=("$(elapsed "$start")")
    # Baseline 2: the same files written and committed by the git CLI.
    git init -q -b main "$work/import-git"
    cp "$work/import-claims/ledger.json" "$work/import-git/"
    git -C "$work/import-git" add -A && git -C "$work/import-git" commit -q -m init
    tar -C "$work/import-claims" -cf "$work/files.tar" seeds Claims
    sync
    start=$(now)
    tar -C "$work/import-git" -xf "$work/files.tar"
    git -C "$work/import-git" add -A && git -C "$work/import-git" commit -q -m import
    theirs+=("$(elapsed "$start")")
    for other in import-fast import-git; do
      [ "$(git -C "$work/import-claims" rev-parse HEAD:Claims)" = "$(git -C "$work/$other" rev-parse HEAD:Claims)" ] ||
        { echo "the imports differ ($other)" >&2; exit 1; }
    done
  done
  o=$(m "${ours[@]}"); f=$(m "${fast[@]}"); t=$(m "${theirs[@]}")
  peak "import" "${ours_mb[@]}"
  printf '  files per import:                        %d\n' "$files"
  printf '  claims import (work tree, index, pack):  %.3f s  (%.0f µs per file)   runs %s\n' "$o" "$(calc "$o * 1000000 / $files")" "$(printf '%.2f ' "${ours[@]}")"
  printf '  git fast-import, same files (pack only): %.3f s  (%.0f µs per file)   runs %s\n' "$f" "$(calc "$f * 1000000 / $files")" "$(printf '%.2f ' "${fast[@]}")"
  printf '  write files + git add -A + commit:       %.3f s  (%.0f µs per file)   runs %s\n' "$t" "$(calc "$t * 1000000 / $files")" "$(printf '%.2f ' "${theirs[@]}")"
  printf '  claims / fast-import:                    %.2fx  (target: at most 2x)\n' "$(calc "$o / $f")"
  printf '  git add + commit / claims:               %.2fx  (target: at least 3x)\n' "$(calc "$t / $o")"
  printf '  loose objects left by claims:            %s\n' "$(git -C "$work/import-claims" count-objects -v | awk '/^count:/ {print $2}')"
  printf '  peak memory:                             %.0f MB\n' "$(m "${ours_mb[@]}")"
fi

if wanted work; then
  claims=100000
  big="$work/big-$claims"
  if [ ! -d "$big/.git" ]; then
    echo "== generating a ledger of $claims claims and $claims reviews (once; kept in $big) =="
    rm -rf "$big"
    git init -q -b main "$big"
    "$bin/ledger-bench" generate "$big" --sources $((claims / 50)) --claims-per-source 50 --reviews "$claims" > "$work/big-$claims.ids"
    git -C "$big" gc -q
  fi
  ids="$work/big-$claims.ids"
  # Claims this run has not reviewed: picked from where the ledger's history has got to.
  base=$(git -C "$big" rev-list --count HEAD)

  echo "== 2a. claims show of one claim among $claims ($runs runs) =="
  # The first show after the caches are gone builds the claim index (every claim's id and source,
  # from the trees alone): timed on its own, once.
  rm -rf "$big/.git/claims-cache"
  cold=(); cold_mb=(); times=(); times_mb=(); start_times=(); unused=()
  measure cold cold_mb "$bin/claims" -C "$big" show "$(sed -n 17p "$ids")"
  for run in $(seq "$runs"); do
    id=$(sed -n "$(((base + run) * 997 % claims + 1))p" "$ids")
    measure times times_mb "$bin/claims" -C "$big" show "$id"
    measure start_times unused "$bin/claims" --version
  done
  peak "show (100,000)" "${times_mb[@]}" "${cold_mb[@]}"
  printf '  claims show:                      %.1f ms  (target: under 50 ms)\n' "$(ms "$(m "${times[@]}")")"
  printf '  the first, with no cache:         %.1f ms  (builds the claim index)\n' "$(ms "${cold[0]}")"
  printf '  process start alone (--version):  %.1f ms\n' "$(ms "$(m "${start_times[@]}")")"

  echo "== 2b. one verdict among $claims claims and $claims reviews ($runs runs each) =="
  ours=(); ours_mb=(); theirs=()
  for run in $(seq "$runs"); do
    id=$(sed -n "$(((base + run) * 7919 % claims + 1))p" "$ids")
    verdict=$(fresh_verdict "$big" "$id")
    # Each timed command starts from a synced disk, as the imports do: a verdict syncs what it
    # writes, and must not wait for the 50 MB of index the previous git commit left unsynced.
    sync
    measure ours ours_mb "$bin/claims" -C "$big" verdict "$id" "$verdict"
    git -C "$big" log -1 --format=%s | grep -q "^verdict: $id" || { echo "verdict $id $verdict made no commit" >&2; exit 1; }
    file=$(git -C "$big" ls-files Reviews | sed -n "$(((base + run) * 104729 % claims + 1))p")
    sync
    start=$(now)
    # The current time, so that the edit is never the one an earlier run made (nothing to commit).
    # (Reviews of format version 1, which a ledger generated before events may hold, say "updated".)
    sed -i -E "0,/\"(at|updated)\": \"[^\"]*\"/s//\"\\1\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"/" "$big/$file"
    git -C "$big" add "$file" && git -C "$big" commit -q -m "baseline edit $run"
    theirs+=("$(elapsed "$start")")
  done
  o=$(m "${ours[@]}"); t=$(m "${theirs[@]}")
  peak "verdict (100,000)" "${ours_mb[@]}"
  printf '  claims verdict:                   %.1f ms  (target: under 80 ms)   runs %s\n' "$(ms "$o")" "$(for x in "${ours[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  write file + git add + commit:    %.1f ms   runs %s\n' "$(ms "$t")" "$(for x in "${theirs[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  speed-up:                         %.2fx  (target: at least 5x)\n' "$(calc "$t / $o")"
  traced=$(sed -n "$(((base + 1) * 4241 % claims + 1))p" "$ids")
  sync
  CLAIMS_TRACE=1 "$bin/claims" -C "$big" verdict "$traced" "$(fresh_verdict "$big" "$traced")" 2>&1 >/dev/null | sed 's/^/  /'
  if [ -n "${CLAIMS_BEFORE:-}" ]; then
    echo "== 2b'. the earlier build (CLAIMS_BEFORE) against this one, blocks of $runs after a warm-up each, twice =="
    declare -A block_times=()
    next=0
    for round in 1 2; do
      for build in before now; do
        executable="$bin/claims"
        [ "$build" = now ] || executable="$CLAIMS_BEFORE"
        for run in $(seq 0 "$runs"); do
          next=$((next + 1))
          id=$(sed -n "$(((base + 50 + next) * 7919 % claims + 1))p" "$ids")
          verdict=$(fresh_verdict "$big" "$id")
          sync
          start=$(now)
          "$executable" -C "$big" verdict "$id" "$verdict" > /dev/null
          [ "$run" -eq 0 ] || block_times[$build]+="$(elapsed "$start") "
        done
        start_runs=()
        for run in $(seq "$runs"); do
          start=$(now)
          "$executable" --version > /dev/null
          start_runs+=("$(elapsed "$start")")
        done
        block_times[start-$build]+="${start_runs[*]} "
      done
    done
    for build in before now; do
      # shellcheck disable=SC2086
      printf '  %-6s verdict: %.1f ms  (runs %s)   --version: %.1f ms\n' "$build" "$(ms "$(m ${block_times[$build]})")" \
        "$(for x in ${block_times[$build]}; do printf '%.0f ' "$(ms "$x")"; done)" "$(ms "$(m ${block_times[start-$build]})")"
    done
  fi

  echo "== 2c. claims list --status unreviewed among $claims claims ($runs runs) =="
  rm -rf "$big/.git/claims-cache"
  cold=(); cold_mb=(); times=(); times_mb=()
  measure cold cold_mb "$bin/claims" -C "$big" list --status unreviewed
  for run in $(seq "$runs"); do measure times times_mb "$bin/claims" -C "$big" list --status unreviewed; done
  peak "list (100,000)" "${times_mb[@]}" "${cold_mb[@]}"
  printf '  cold (no cache):                  %.2f s  peak %.0f MB\n' "${cold[0]}" "${cold_mb[0]}"
  printf '  warm:                             %.2f s  (target: under 1 s)  peak %.0f MB\n' "$(m "${times[@]}")" "$(m "${times_mb[@]}")"
fi

if wanted bare; then
  claims=1000000
  scale="$PWD/Benchmarks/.work/scale"
  big="$scale/ledger-$claims.git"
  ids="$scale/ledger-$claims.ids"
  mkdir -p "$scale"
  if [ ! -f "$scale/hot" ]; then
    echo "== generating a bare ledger of $claims claims and $claims reviews in 20,000 sources, 1,000 review commits, packed (once; kept in $big) =="
    rm -rf "$big"
    git init -q --bare -b main "$big"
    "$bin/ledger-bench" generate "$big" --sources 20000 --claims-per-source 50 --reviews "$claims" --batch-sources 1000 \
      --review-commits 1000 --bare > "$ids" 2> "$scale/generate.log"
    git -C "$big" gc -q
    grep '^hot claim:' "$scale/generate.log" | awk '{print $3, $4}' | tr -d '()' > "$scale/hot"
  fi
  read -r hot hot_source < "$scale/hot"
  echo "ledger: $(git -C "$big" rev-list --count HEAD) commits, $(git -C "$big" count-objects -vH | awk '/^size-pack:/ {print $2, $3}') packed"
  base=$(git -C "$big" rev-list --count HEAD)

  echo "== 3a. one verdict among $claims claims, bare ($runs runs each) =="
  ours=(); ours_mb=(); theirs=()
  for run in $(seq "$runs"); do
    id=$(sed -n "$(((base + run) * 7919 % claims + 1))p" "$ids")
    verdict=$(fresh_verdict "$big" "$id")
    sync
    measure ours ours_mb "$bin/claims" -C "$big" verdict "$id" "$verdict"
    git -C "$big" log -1 --format=%s | grep -q "^verdict: $id" || { echo "verdict $id $verdict made no commit" >&2; exit 1; }
    # Baseline: git's quickest way to add one file to a bare repository, a fast-import commit on
    # top of the branch (it reads and writes the same trees), kept on a branch of its own so that
    # the ledger never holds its file (replaced each time: --force, as the branch it was made on
    # has moved on since).
    path="Reviews/$(source_of "$big" "$id")/$id/baseline@example.org.json"
    content="{\"at\": \"$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)\"}"
    printf 'commit refs/heads/bench-baseline\ncommitter Bench <bench@example.org> %s +0000\ndata 9\nbaseline\nfrom refs/heads/main^0\nM 100644 inline %s\ndata %d\n%s\n\n' \
      "$(date +%s)" "$path" "$((${#content} + 1))" "$content" > "$work/one.stream"
    sync
    start=$(now); git -C "$big" fast-import --quiet --force < "$work/one.stream"; theirs+=("$(elapsed "$start")")
  done
  o=$(m "${ours[@]}"); t=$(m "${theirs[@]}")
  peak "verdict (1,000,000)" "${ours_mb[@]}"
  printf '  claims verdict:                          %.1f ms  (target: under 60 ms)   runs %s\n' "$(ms "$o")" "$(for x in "${ours[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  git fast-import of one file on the tip:  %.1f ms   runs %s\n' "$(ms "$t")" "$(for x in "${theirs[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  fast-import / claims:                    %.2fx\n' "$(calc "$t / $o")"
  traced=$(sed -n "$(((base + 1) * 4241 % claims + 1))p" "$ids")
  sync
  CLAIMS_TRACE=1 "$bin/claims" -C "$big" verdict "$traced" "$(fresh_verdict "$big" "$traced")" 2>&1 >/dev/null | sed 's/^/  /'

  echo "== 3b. claims show among $claims ($runs runs) =="
  cold=(); cold_mb=(); times=(); times_mb=(); theirs=(); unused=()
  rm -f "$big/claims-cache/v2/claim-index.bin"
  measure cold cold_mb "$bin/claims" -C "$big" show "$(sed -n 17p "$ids")"
  for run in $(seq "$runs"); do
    id=$(sed -n "$(((base + run) * 997 % claims + 1))p" "$ids")
    source=$(source_of "$big" "$id")
    measure times times_mb "$bin/claims" -C "$big" show "$id"
    measure theirs unused git -C "$big" cat-file -p "HEAD:Claims/$source/$id.json"
  done
  peak "show (1,000,000)" "${times_mb[@]}" "${cold_mb[@]}"
  printf '  claims show (warm):                      %.1f ms  (target: under 50 ms)\n' "$(ms "$(m "${times[@]}")")"
  printf '  git cat-file -p HEAD:<claim path>:       %.1f ms\n' "$(ms "$(m "${theirs[@]}")")"
  printf '  the first, with no claim index:          %.2f s  peak %.0f MB  (lists 20,000 source directories)\n' "${cold[0]}" "${cold_mb[0]}"

  echo "== 3c. claims list --status unreviewed among $claims ($runs runs) =="
  cold=(); cold_mb=(); times=(); times_mb=(); theirs=(); unused=()
  for run in $(seq "$runs"); do
    measure times times_mb "$bin/claims" -C "$big" list --status unreviewed
    measure theirs unused git -C "$big" ls-tree -r --name-only HEAD Claims
  done
  peak "list (1,000,000)" "${times_mb[@]}"
  printf '  warm:                                    %.2f s  (target: under 2 s)  peak %.0f MB\n' "$(m "${times[@]}")" "$(m "${times_mb[@]}")"
  printf '  git ls-tree -r --name-only HEAD Claims:  %.2f s  (listing the claim files alone)\n' "$(m "${theirs[@]}")"

  echo "== 3d. claims log ID among $claims ($runs runs) =="
  path="Reviews/$hot_source/$hot"
  times=(); times_mb=(); theirs=(); unused=()
  "$bin/claims" -C "$big" log "$hot" > /dev/null
  for run in $(seq "$runs"); do
    measure times times_mb "$bin/claims" -C "$big" log "$hot"
    measure theirs unused git -C "$big" log --format=%H -- "$path"
  done
  peak "log (1,000,000)" "${times_mb[@]}"
  printf '  claims log ID (history cache warm):      %.1f ms  (target: under 200 ms)  %d actions\n' "$(ms "$(m "${times[@]}")")" "$("$bin/claims" -C "$big" log "$hot" | wc -l)"
  printf '  git log --format=%%H -- <review path>:    %.1f ms\n' "$(ms "$(m "${theirs[@]}")")"

  echo "== 3e. claims match of one article's 50 claims among $claims (first run, then $runs) =="
  git -C "$big" ls-tree --name-only HEAD "Claims/$hot_source/" | sed 's#.*/##; s/[.]json$//' > "$work/article.ids"
  first=(); first_mb=(); times=(); times_mb=()
  measure first first_mb sh -c "'$bin/claims' -C '$big' match - < '$work/article.ids'"
  for run in $(seq "$runs"); do measure times times_mb sh -c "'$bin/claims' -C '$big' match - < '$work/article.ids'"; done
  peak "match (1,000,000)" "${first_mb[@]}" "${times_mb[@]}"
  printf '  claims match - (warm):                   %.2f s  (target: under 1 s)  peak %.0f MB\n' "$(m "${times[@]}")" "$(m "${times_mb[@]}")"
  printf '  the first (builds the matching index):   %.1f s  peak %.0f MB\n' "${first[0]}" "${first_mb[0]}"

  echo "== 3f. the same with no cache (once each) =="
  rm -rf "$big/claims-cache"
  cold=(); cold_mb=()
  measure cold cold_mb "$bin/claims" -C "$big" log "$hot"
  printf '  log ID, no history cache:                %.2f s  peak %.0f MB  (reads every commit once)\n' "${cold[0]}" "${cold_mb[0]}"
  cold=(); cold_mb=()
  measure cold cold_mb "$bin/claims" -C "$big" show "$(sed -n 17p "$ids")"
  printf '  show, no cache:                          %.2f s  peak %.0f MB\n' "${cold[0]}" "${cold_mb[0]}"
  cold=(); cold_mb=()
  id=$(sed -n "$(((base + 7) * 7919 % claims + 1))p" "$ids")
  verdict=$(fresh_verdict "$big" "$id")
  rm -rf "$big/claims-cache"
  measure cold cold_mb "$bin/claims" -C "$big" verdict "$id" "$verdict"
  printf '  verdict, no cache:                       %.2f s  peak %.0f MB\n' "${cold[0]}" "${cold_mb[0]}"
  cold=(); cold_mb=()
  measure cold cold_mb "$bin/claims" -C "$big" list --status unreviewed
  printf '  list --status unreviewed, no cache:      %.2f s  peak %.0f MB  (reads every record from git)\n' "${cold[0]}" "${cold_mb[0]}"
  peak "cold (1,000,000)" "${cold_mb[@]}"
fi

if wanted split; then
  echo "== 4. claims split of 2 MB of news text, whole process ($runs runs each, interleaved) =="
  venv="$PWD/Benchmarks/.venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -c "import blingfire" 2>/dev/null ||
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check blingfire==0.1.8 numpy
  (cd Benchmarks/segmenter && python3 -c "import corpus, sys; sys.stdout.write(corpus.news_text(2_000_000))") > "$work/news-2mb.txt"
  cat > "$work/blingfire-split.py" <<'PY'
import sys, blingfire
text = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write(blingfire.text_to_sentences(text) + "\n")
PY
  ours=(); ours_mb=(); theirs=(); unused=()
  "$bin/claims" split "$work/news-2mb.txt" > /dev/null
  before=()
  [ -z "${CLAIMS_BEFORE:-}" ] || "$CLAIMS_BEFORE" split "$work/news-2mb.txt" > /dev/null
  for run in $(seq "$runs"); do
    measure ours ours_mb "$bin/claims" split "$work/news-2mb.txt"
    measure theirs unused "$venv/bin/python" "$work/blingfire-split.py" "$work/news-2mb.txt"
    [ -z "${CLAIMS_BEFORE:-}" ] || measure before unused "$CLAIMS_BEFORE" split "$work/news-2mb.txt"
  done
  o=$(m "${ours[@]}"); t=$(m "${theirs[@]}")
  peak "split" "${ours_mb[@]}"
  printf '  bytes:                          %d\n' "$(wc -c < "$work/news-2mb.txt")"
  printf '  claims split:                   %.1f ms  (target: under 40 ms)   runs %s\n' "$(ms "$o")" "$(for x in "${ours[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  blingfire (python, whole):      %.1f ms   runs %s\n' "$(ms "$t")" "$(for x in "${theirs[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
  printf '  blingfire / claims:             %.2fx  (target: at least 6x)\n' "$(calc "$t / $o")"
  [ ${#before[@]} -eq 0 ] || printf '  the earlier build (CLAIMS_BEFORE): %.1f ms   runs %s\n' "$(ms "$(m "${before[@]}")")" \
    "$(for x in "${before[@]}"; do printf '%.0f ' "$(ms "$x")"; done)"
fi

echo "== peak memory of every command measured (target: under 2 GB) =="
printf '%s\n' "${peaks[@]}" | sort -g -r | awk '{mb = $1; $1 = ""; printf "  %-28s %6.0f MB\n", $0, mb}'
echo "  load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
