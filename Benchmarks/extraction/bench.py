#!/usr/bin/env python3
"""Runs the extraction benchmark that Benchmarks/extraction.sh sets up.

Every extractor reads the same decompressed pages and is scored with the benchmark's own
measure (score.py beside the data). Timing is of whole processes over all 120 pages: start-up,
imports and reading the files count, as they do for a user. Each is timed --runs times and the
fastest run is reported, because other work on the machine only ever adds time.
"""
import argparse, gzip, json, resource, shlex, subprocess, sys, time
from pathlib import Path

# The peers, each run as its own process over all pages, exactly as the benchmark's authors run
# them: trafilatura.extract on the page bytes without comments; readability's summary turned
# into text.
PEERS = {
    "trafilatura": """
import sys, json, trafilatura
pages = json.load(open(sys.argv[1]))
out = {}
for key, path, url in pages:
    html = open(path, 'rb').read()
    out[key] = {'text': trafilatura.extract(html, include_comments=False) or ''}
json.dump(out, open(sys.argv[2], 'w'))
""",
    "readability-lxml": """
import sys, json, lxml.html
from readability import Document
pages = json.load(open(sys.argv[1]))
out = {}
for key, path, url in pages:
    html = open(path, 'rb').read()
    summary = Document(html).summary()
    out[key] = {'text': lxml.html.fromstring(summary).text_content() if summary else ''}
json.dump(out, open(sys.argv[2], 'w'))
""",
}


def decompress(data, work):
    html_dir = work / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        target = html_dir / (key + ".html")
        if not target.exists():
            with gzip.open(data / "html" / (key + ".html.gz"), "rb") as source:
                target.write_bytes(source.read())
        pages.append((key, str(target), truth[key].get("url", "")))
    return truth, pages


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, runs, check=True):
    """The fastest run's wall-clock seconds and the CPU seconds (user + system) that run used."""
    best = None
    for _ in range(runs):
        cpu = children_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = (time.perf_counter() - start, children_cpu() - cpu)
        best = elapsed if best is None or elapsed[0] < best[0] else best
    return best


def load_score(data):
    sys.path.insert(0, str(data))
    import score  # the benchmark's own measure
    return score


def scored(score, truth, predictions):
    as_bodies = {key: {"articleBody": predictions.get(key, {}).get("text") or ""} for key in truth}
    return score.score(truth, as_bodies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", required=True, help="command taking LIST OUTPUT (all pages, one process)")
    parser.add_argument("--extract", required=True, help="command taking FILE..., printing one article as JSON, or an array of them for several files")
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    output = args.output or args.work
    output.mkdir(parents=True, exist_ok=True)

    truth, pages = decompress(args.data, args.work)
    score = load_score(args.data)
    rows = []

    # `claims extract --json FILE...` over all pages in one process: the command itself, process
    # start included. It prints a JSON array, null for a page without an article (exit status 1).
    command = shlex.split(args.extract) + [path for _, path, _ in pages]
    seconds = timed(command, args.runs, check=False)
    result = subprocess.run(command, capture_output=True, text=True)
    articles = json.loads(result.stdout)
    one_process = {key: article or {"text": ""} for (key, _, _), article in zip(pages, articles)}
    (output / "claims-extract.json").write_text(json.dumps(one_process, ensure_ascii=False), encoding="utf-8")
    extract_failures = [key for (key, _, _), article in zip(pages, articles) if article is None]
    rows.append(("claims extract, one process", scored(score, truth, one_process), seconds))

    # The bench driver, all pages in one process: the extraction alone, through the library. The
    # page's address is passed as `claims import URL` would know it.
    listing = output / "pages.tsv"
    listing.write_text("".join("%s\t%s\t%s\n" % page for page in pages), encoding="utf-8")
    ours = output / "claims.json"
    seconds = timed(shlex.split(args.batch) + [str(listing), str(ours)], args.runs)
    predictions = json.loads(ours.read_text(encoding="utf-8"))
    failures = [key for key, value in predictions.items() if "error" in value]
    rows.append(("extraction-bench batch", scored(score, truth, predictions), seconds))

    if args.per_page:
        # `claims extract --json FILE` once per page: process start paid 120 times.
        per_page = {}
        cpu = children_cpu()
        start = time.perf_counter()
        for key, path, _ in pages:
            result = subprocess.run(shlex.split(args.extract) + [path], capture_output=True, text=True)
            per_page[key] = json.loads(result.stdout) if result.returncode == 0 else {"text": ""}
        seconds = (time.perf_counter() - start, children_cpu() - cpu)
        (output / "claims-per-page.json").write_text(json.dumps(per_page, ensure_ascii=False), encoding="utf-8")
        rows.append(("claims extract, process per page", scored(score, truth, per_page), seconds))

    page_list = output / "pages.json"
    page_list.write_text(json.dumps(pages), encoding="utf-8")
    for name, program in PEERS.items():
        script = output / ("run-" + name + ".py")  # not trafilatura.py, which would shadow the module
        script.write_text(program, encoding="utf-8")
        target = output / (name + ".json")
        seconds = timed([sys.executable, str(script), str(page_list), str(target)], args.runs)
        rows.append((name, scored(score, truth, json.loads(target.read_text(encoding="utf-8"))), seconds))

    print("Article extraction: %d pages of the Scrapinghub article-extraction benchmark, scored by its score.py" % len(truth))
    print("(F1 of mean word-4-gram precision and recall; time = whole process over all pages, fastest of %d runs:" % args.runs)
    print(" wall-clock seconds and pages/s, and the CPU seconds, user + system, that run used)")
    print()
    print("%-34s %6s %10s %7s %7s %8s %9s %8s %9s" % (
        "extractor", "F1", "precision", "recall", "exact", "seconds", "pages/s", "CPU s", "CPU p/s"))
    for name, (f1, precision, recall, exact), (seconds, cpu) in rows:
        print("%-34s %6.3f %10.3f %7.3f %7.3f %8.2f %9.1f %8.2f %9.1f" % (
            name, f1, precision, recall, exact, seconds, len(truth) / seconds, cpu, len(truth) / cpu))
    baseline = next(row for row in rows if row[0] == "trafilatura")
    print()
    print("claims extract (one process) vs trafilatura: F1 %+.3f, speed %.1fx wall-clock, %.1fx CPU" % (
        rows[0][1][0] - baseline[1][0], baseline[2][0] / rows[0][2][0], baseline[2][1] / rows[0][2][1]))
    if extract_failures:
        print("claims extract found no article in %d pages: %s" % (len(extract_failures), ", ".join(sorted(extract_failures))))
    if failures:
        print("claims found no article in %d pages: %s" % (len(failures), ", ".join(sorted(failures))))


if __name__ == "__main__":
    main()
