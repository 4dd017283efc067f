#!/usr/bin/env python3
"""Helpers of Benchmarks/matching.sh: query files, the lab's run format, the rank_bm25 baseline.

  tools.py lines TSV OUT_TEXT OUT_IDS       tweets as one query per line, and their ids
  tools.py run IDS JSONL TAG OUT_RUN        `claims match - --json` output in the lab's run format
  tools.py baseline FACTCHECKS TSV OUT_RUN  the rank_bm25 baseline (lower-cased words, links removed)
  tools.py queries TSV N OUT_TEXT           N queries for the speed runs (the tweets, repeated)
"""
import csv
import json
import re
import sys


def read_tweets(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [(row[0], row[1]) for row in rows[1:] if len(row) >= 2]


def one_line(text):
    return " ".join(text.split())


def lines(tsv, out_text, out_ids):
    tweets = read_tweets(tsv)
    with open(out_text, "w", encoding="utf-8") as text, open(out_ids, "w", encoding="utf-8") as ids:
        for tweet_id, tweet in tweets:
            text.write(one_line(tweet) + "\n")
            ids.write(tweet_id + "\n")


def run(ids_path, jsonl_path, tag, out):
    ids = open(ids_path, encoding="utf-8").read().split()
    answers = [json.loads(line) for line in open(jsonl_path, encoding="utf-8")]
    if len(ids) != len(answers):
        sys.exit("run: %d ids but %d answers" % (len(ids), len(answers)))
    with open(out, "w", encoding="utf-8") as handle:
        for tweet_id, answer in zip(ids, answers):
            for rank, result in enumerate(answer.get("results", []), start=1):
                doc = result.get("url") or result.get("id")
                handle.write("%s Q0 %s %d %s %s\n" % (tweet_id, doc, rank, result["score"], tag))


def baseline(factchecks, tsv, out):
    from rank_bm25 import BM25Okapi

    records = json.load(open(factchecks, encoding="utf-8"))
    words = lambda text: re.findall(r"\w+", text.lower())
    corpus = [words(r["claimReviewed"] + " " + r.get("name", "")) for r in records]
    bm25 = BM25Okapi(corpus)
    link = re.compile(r"(https?://\S+|pic\.twitter\.com/\S+)")
    with open(out, "w", encoding="utf-8") as handle:
        for tweet_id, tweet in read_tweets(tsv):
            scores = bm25.get_scores(words(link.sub(" ", tweet)))
            top = sorted(range(len(scores)), key=lambda i: -scores[i])[:5]
            for rank, i in enumerate(top, start=1):
                handle.write("%s Q0 %s %d %.4f bm25\n" % (tweet_id, records[i]["url"], rank, scores[i]))


def queries(tsv, count, out):
    tweets = [one_line(t) for _, t in read_tweets(tsv)]
    with open(out, "w", encoding="utf-8") as handle:
        for i in range(int(count)):
            handle.write(tweets[i % len(tweets)] + "\n")


if __name__ == "__main__":
    commands = {"lines": lines, "run": run, "baseline": baseline, "queries": queries}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
