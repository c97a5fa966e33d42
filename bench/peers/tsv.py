#!/usr/bin/env python3
"""Writes the inputs of the search comparisons as tab-separated files that
both the marsad driver and the Lucene peer read (fields escaped: \\ \\t \\n).

  tsv.py arcd ARCD_DIR OUT_DIR
      docs.tsv       paragraph-id, "", paragraph   (every ARCD paragraph)
      questions.tsv  question-id, question         (every question)
      gold.tsv       question-id, paragraph-id     (the paragraph that holds the answer)
    Question marks, quotes, dashes and brackets become spaces: the questions
    are plain words to both engines, never query syntax.

  tsv.py news JSONL N OUT_DIR
      docs.tsv       line, title, text             (every article)
      queries.tsv    n, title                      (N titles spread evenly over the file)
"""
import json, os, re, sys


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def plain(s):
    return " ".join(re.sub(r'["()\[\]{}*=:^+\-]', " ", s).split())


def arcd(src, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "docs.tsv"), "w", encoding="utf-8") as docs, \
         open(os.path.join(out, "questions.tsv"), "w", encoding="utf-8") as qs, \
         open(os.path.join(out, "gold.tsv"), "w", encoding="utf-8") as gold:
        for split in ("train", "test"):
            with open(os.path.join(src, f"arcd-{split}.json"), encoding="utf-8") as fh:
                data = json.load(fh)["data"]
            for i, art in enumerate(data):
                for j, par in enumerate(art["paragraphs"]):
                    pid = f"{split}-{i}-{j}"
                    docs.write(f"{pid}\t\t{esc(par['context'])}\n")
                    for q in par["qas"]:
                        qid = f"{split}-{q['id']}"
                        qs.write(f"{qid}\t{esc(plain(q['question']))}\n")
                        gold.write(f"{qid}\t{pid}\n")


def news(src, n, out):
    os.makedirs(out, exist_ok=True)
    titles = []
    with open(src, encoding="utf-8") as fh, \
         open(os.path.join(out, "docs.tsv"), "w", encoding="utf-8") as docs:
        for line_no, line in enumerate(fh, 1):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            title, text = obj.get("title") or "", obj.get("text") or ""
            docs.write(f"{line_no}\t{esc(title)}\t{esc(text)}\n")
            if plain(title):
                titles.append(plain(title))
    step = max(1, len(titles) // n)
    with open(os.path.join(out, "queries.tsv"), "w", encoding="utf-8") as qs:
        for k, title in enumerate(titles[::step][:n]):
            qs.write(f"{k}\t{esc(title)}\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "arcd":
        arcd(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "news":
        news(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
