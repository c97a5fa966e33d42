#!/usr/bin/env python3
"""Scores ranked runs against ARCD's gold paragraphs: MRR@10 and recall@10.

Usage: search_score.py GOLD.tsv NAME=RUN.txt ...
GOLD.tsv lines are "question-id<TAB>paragraph-id"; each RUN.txt line is
"question-id<TAB>paragraph-id paragraph-id ..." best first. Prints a Markdown
table, one row per run, over all questions and per split (train/test).
"""
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            qid, _, rest = line.rstrip("\n").partition("\t")
            out[qid] = rest.split()
    return out


def score(gold, run, split):
    n = rr = hit = 0
    for qid, (pid,) in gold.items():
        if split and not qid.startswith(split + "-"):
            continue
        n += 1
        ranked = run.get(qid, [])[:10]
        if pid in ranked:
            hit += 1
            rr += 1.0 / (ranked.index(pid) + 1)
    return rr / n, hit / n, n


def main():
    gold = load(sys.argv[1])
    print("| engine | MRR@10 (all) | recall@10 (all) | MRR@10 (test) | recall@10 (test) |")
    print("|---|---|---|---|---|")
    for arg in sys.argv[2:]:
        name, _, path = arg.partition("=")
        run = load(path)
        mrr, rec, n = score(gold, run, None)
        tmrr, trec, _ = score(gold, run, "test")
        print(f"| {name} | {mrr:.3f} | {rec:.3f} | {tmrr:.3f} | {trec:.3f} |")
    print(f"\n{n} questions over {len(set(p[0] for p in gold.values()))} paragraphs")


if __name__ == "__main__":
    main()
