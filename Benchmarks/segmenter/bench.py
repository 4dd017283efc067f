#!/usr/bin/env python3
"""Compares the claims segmenter with pySBD, syntok, blingfire and spaCy's sentencizer.

Run through Benchmarks/segmenter.sh, which builds the Swift driver, installs the peers in a
virtual environment and fetches the Golden Rules from pySBD's source distribution. Prints one
side-by-side table: Golden Rules score, score on this benchmark's extra cases, segments of the
seed article, throughput at 0.5, 1 and 2 MB, and the whole-process time of the Swift driver on
the seed article.
"""

import argparse
import ast
import os
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import news_text  # noqa: E402
from extra_cases import EXTRA_CASES  # noqa: E402

SIZES_MB = [0.5, 1.0, 2.0]


def load_golden_rules(path):
    """GOLDEN_EN_RULES from pySBD's benchmark file, read as a literal (never executed)."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "GOLDEN_EN_RULES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"no GOLDEN_EN_RULES in {path}")


class Claims:
    name = "claims"

    def __init__(self, binary):
        self.binary = binary
        self.version = "this branch"

    def segment_many(self, texts):
        data = b"\0".join(text.encode("utf-8") for text in texts)
        out = subprocess.run([self.binary, "offsets"], input=data, capture_output=True, check=True).stdout
        records = out.decode("utf-8").split("#\n")[1:]
        results = []
        for text, record in zip(texts, records):
            raw = text.encode("utf-8")
            spans = [line.split() for line in record.splitlines() if line]
            results.append([raw[int(lo):int(hi)].decode("utf-8") for lo, hi, _ in spans])
        return results

    def throughput(self, path, size, budget):
        out = subprocess.run(
            [self.binary, "throughput", path, str(budget)], capture_output=True, check=True, text=True
        ).stdout
        fields = dict(item.split("=") for item in out.split())
        return float(fields["best_seconds"])


class PythonTool:
    """A peer called in this process; timing covers the call only, not the interpreter start.

    Fast tools are called repeatedly for `budget` seconds (at least five calls) and timed by
    the fastest call, like the Swift driver, as `timeit` advises: on a shared machine the
    slower calls measure the other processes. A tool whose first call takes longer than the
    budget is timed by that one call.
    """

    def __init__(self, name, version, function):
        self.name = name
        self.version = version
        self.function = function

    def segment_many(self, texts):
        return [self.function(text) for text in texts]

    def throughput(self, path, size, budget):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        runs = []
        while not runs or (runs[0] < budget and (sum(runs) < budget or len(runs) < 5)):
            start = time.perf_counter()
            self.function(text)
            runs.append(time.perf_counter() - start)
        return min(runs)


def load_peers():
    import blingfire
    import pysbd
    import spacy
    import syntok
    import syntok.segmenter as syntok_segmenter
    from importlib.metadata import version

    pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)

    def syntok_split(text):
        return [
            "".join(str(token) for token in sentence)
            for paragraph in syntok_segmenter.analyze(text)
            for sentence in paragraph
        ]

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000

    return [
        PythonTool("pySBD", version("pysbd"), pysbd_segmenter.segment),
        PythonTool("syntok", getattr(syntok, "__version__", version("syntok")), syntok_split),
        PythonTool("blingfire", version("blingfire"), lambda text: blingfire.text_to_sentences(text).split("\n")),
        PythonTool("spaCy", version("spacy"), lambda text: [sentence.text for sentence in nlp(text).sents]),
    ]


def clean(segments):
    return [segment.strip() for segment in segments if segment.strip()]


def score(tool, cases):
    results = tool.segment_many([text for text, _ in cases])
    failures = [(text, expected, clean(got)) for (text, expected), got in zip(cases, results) if clean(got) != expected]
    return len(cases) - len(failures), failures


def normalize(text):
    return " ".join(text.split())


def seed_variants(seed):
    """The seed article as published, hard-wrapped at 72 columns with blank lines between
    paragraphs, and hard-wrapped with single line breaks only (as some archives store it)."""
    paragraphs = seed.split("\n\n")
    wrapped = [
        "\n".join(textwrap.wrap(p, width=72, break_long_words=False, break_on_hyphens=False)) for p in paragraphs
    ]
    return [
        ("as published", seed),
        ("wrapped at 72", "\n\n".join(wrapped)),
        ("wrapped, no blank", "\n".join(wrapped)),
    ]


def seed_matches(tool, variants, reference):
    """For each variant: how many of the reference segments the tool reproduces exactly (after
    whitespace normalisation), and how many segments it makes."""
    results = tool.segment_many([text for _, text in variants])
    cells = []
    for segments in results:
        got = Counter(normalize(segment) for segment in clean(segments))
        matched = sum((got & Counter(reference)).values())
        cells.append(f"{matched}/{len(reference)} ({sum(got.values())})")
    return cells


def process_times(binary, seed_path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "count", seed_path], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    baseline = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["true"], check=True)
        baseline.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times), statistics.median(baseline)


def instruction_counts(binary, paths, work):
    """Instructions per input byte of a whole `segmenter-bench count` run, by valgrind, which
    counts the same on a busy machine as on an idle one: a flat figure across sizes is linear
    time, whatever the wall clock says."""
    if not shutil.which("valgrind"):
        return None

    def count(path):
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, "count", path],
            capture_output=True, text=True, check=True,
        )
        return int(re.search(r"Collected : (\d+)", result.stderr).group(1))

    empty = os.path.join(work, "empty.txt")
    open(empty, "w").close()
    baseline = count(empty)
    return {size: (count(path) - baseline) / length for size, (path, length) in paths.items()}


def load_average():
    try:
        with open("/proc/loadavg") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the segmenter-bench executable")
    parser.add_argument("--golden", required=True, help="pySBD's benchmarks/english_golden_rules.py")
    parser.add_argument("--golden-source", default="", help="where the Golden Rules came from, for the report")
    parser.add_argument("--seed", default="", help="the seed article, if there is one")
    parser.add_argument("--work", required=True, help="a scratch folder for the generated text")
    parser.add_argument("--quick", action="store_true", help="time the slow peers on 0.5 MB only")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of repeated runs per fast timing")
    parser.add_argument("--runs", type=int, default=30, help="whole-process runs on the seed article")
    parser.add_argument("--verbose", action="store_true", help="list every failed case of every tool")
    args = parser.parse_args()

    golden = load_golden_rules(args.golden)
    tools = [Claims(args.binary)] + load_peers()
    seed_text = None
    if args.seed and os.path.exists(args.seed):
        with open(args.seed, encoding="utf-8") as handle:
            seed_text = handle.read()

    os.makedirs(args.work, exist_ok=True)
    full = news_text(int(SIZES_MB[-1] * 1_000_000))
    paths = {}
    for size in SIZES_MB:
        text = full if size == SIZES_MB[-1] else news_text(int(size * 1_000_000))
        path = os.path.join(args.work, f"news-{size}MB.txt")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        paths[size] = (path, len(text.encode("utf-8")))

    if seed_text is not None:
        # The reference is claims' own segmentation of the published article, which the unit
        # tests pin down (42 segments; sentences per paragraph counted by reading the text).
        reference = [normalize(segment) for segment in tools[0].segment_many([seed_text])[0]]
        variants = seed_variants(seed_text)
    load_before = load_average()
    rows = {tool.name: {} for tool in tools}
    all_failures = {}
    for tool in tools:
        golden_score, golden_failures = score(tool, golden)
        extra_score, extra_failures = score(tool, EXTRA_CASES)
        rows[tool.name]["golden"] = f"{golden_score}/{len(golden)}"
        rows[tool.name]["extra"] = f"{extra_score}/{len(EXTRA_CASES)}"
        all_failures[tool.name] = golden_failures + extra_failures
        if seed_text is not None:
            rows[tool.name]["seed"] = seed_matches(tool, variants, reference)
        print(f"scored {tool.name}", file=sys.stderr)

    slow = {"pySBD", "syntok"}
    for tool in tools:
        for size in SIZES_MB:
            path, length = paths[size]
            if args.quick and tool.name in slow and size != SIZES_MB[0]:
                rows[tool.name][size] = None
                continue
            print(f"timing {tool.name} on {size} MB", file=sys.stderr, flush=True)
            seconds = tool.throughput(path, size, args.budget)
            rows[tool.name][size] = (length / 1_000_000 / seconds, seconds)

    load_after = load_average()
    print("counting instructions", file=sys.stderr, flush=True)
    instructions = instruction_counts(args.binary, paths, args.work)
    names = [tool.name for tool in tools]
    width = 12
    lines = []

    def row(label, cells):
        lines.append(f"{label:<34}" + "".join(f"{cell:>{width}}" for cell in cells))

    lines.append("")
    lines.append("Sentence segmentation: claims against its peers (one run, same inputs for every tool)")
    lines.append("")
    row("", names)
    row("version", [tool.version[:width - 1] for tool in tools])
    row(f"Golden Rules ({len(golden)})", [rows[name]["golden"] for name in names])
    row(f"Extra hard cases ({len(EXTRA_CASES)})", [rows[name]["extra"] for name in names])
    if seed_text is not None:
        for index, (label, _) in enumerate(variants):
            row(f"Seed article, {label}", [rows[name]["seed"][index] for name in names])
    for size in SIZES_MB:
        row(f"MB/s on {size:g} MB", [f"{rows[n][size][0]:.3f}" if rows[n][size] else "skipped" for n in names])
    for size in SIZES_MB:
        row(f"seconds for {size:g} MB", [f"{rows[n][size][1]:.3f}" if rows[n][size] else "skipped" for n in names])
    first, last = SIZES_MB[0], SIZES_MB[-1]
    row(
        f"time {last:g} MB / time {first:g} MB (linear: {last / first:g})",
        [f"{rows[n][last][1] / rows[n][first][1]:.1f}" if rows[n][last] and rows[n][first] else "-" for n in names],
    )
    if instructions:
        lines.append("")
        lines.append(
            "claims instructions per byte, whole process (valgrind): "
            + ", ".join(f"{instructions[size]:.1f} on {size:g} MB" for size in SIZES_MB)
        )
    claims = rows["claims"][last]
    blingfire = rows["blingfire"][last]
    if claims and blingfire:
        lines.append("")
        lines.append(f"claims / blingfire throughput on {last:g} MB: {claims[0] / blingfire[0]:.1f}x (target: 3x)")
    if seed_text is not None:
        fastest, median, baseline = process_times(args.binary, args.seed, args.runs)
        lines.append(
            f"Whole process on the seed article ({len(seed_text.encode('utf-8'))} bytes, {args.runs} runs): "
            f"min {fastest:.1f} ms, median {median:.1f} ms (spawning `true`: median {baseline:.1f} ms; target < 20 ms)"
        )
    if seed_text is not None:
        lines.append(
            f"Seed rows: segments of the {len(reference)} expected reproduced exactly (whitespace normalised), "
            "and in brackets how many the tool made."
        )
    lines.append(f"Load average (1, 5, 15 min) before timing: {load_before}; after: {load_after} (2 cores)")
    lines.append(f"Golden Rules read from {args.golden_source or args.golden}")
    lines.append("Throughput: MB = 10^6 bytes of UTF-8; in-process time of the segmentation call, fastest of")
    lines.append("repeated calls for at least --budget seconds (one call when a call takes longer).")
    print("\n".join(lines))

    for name in names:
        if all_failures[name] and (args.verbose or name == "claims"):
            print(f"\n{name} failed:")
            for text, expected, got in all_failures[name]:
                print(f"  input:    {text!r}\n  expected: {expected!r}\n  got:      {got!r}")


if __name__ == "__main__":
    main()
