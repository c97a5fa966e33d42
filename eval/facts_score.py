#!/usr/bin/env python3
"""Quality of marsad's dates, numbers and stances (docs/QUALITY.md, ## Facts).

Usage: facts_score.py BUILD_DIR WOJOOD_TEST ANS_STANCE_TEST

1. Wojood (test split, outermost tags): span precision and recall of DATE
   against marsad's dates, and of CARDINAL+QUANTITY against its numbers
   (digits and number words that are not part of a date; the number itself,
   without its hedge), exact spans, and the share of gold spans that some
   found span overlaps; the sentences are the test file's tokens joined by
   spaces, run through `marsad --json analyze -`.
2. ANS stance pairs (test split): for the pairs labelled agree or disagree,
   each headline is put in a neutral report (قال المصدر إن ...) and marsad's
   stance and numbers read back; a pair is predicted "disagree" when the two
   stances differ, when both hold numbers that differ, or either. Reports
   precision, recall and F1 of disagree, and accuracy.
"""
import csv, json, subprocess, sys


def analyze(build, texts):
    """Runs marsad analyze on the texts (one article each); the records in order."""
    lines = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate(texts))
    run = subprocess.run([f"{build}/marsad", "--json", "analyze", "-"], input=lines,
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):   # 1: some texts were empty (reported, skipped)
        sys.exit(f"marsad analyze failed ({run.returncode}): {run.stderr[:400]}")
    recs = {r["input"]: r for r in json.loads(run.stdout)}
    return [recs.get(str(i)) for i in range(len(texts))]


def read_conll(path):
    """Sentences as (tokens, spans) with spans {type: set((first, last))} of outermost tags."""
    sents, toks, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        cols = line.split()
        toks.append(cols[0])
        tags.append(cols[1] if len(cols) > 1 else "O")
    if toks:
        sents.append((toks, tags))
    out = []
    for toks, tags in sents:
        spans, cur = {}, None
        for i, t in enumerate(tags + ["O"]):
            if cur and not (t.startswith("I-") and t[2:] == cur[0]):
                spans.setdefault(cur[0], set()).add((cur[1], i - 1))
                cur = None
            if t.startswith("B-") or (t.startswith("I-") and cur is None):
                cur = (t[2:], i)
        out.append((toks, spans))
    return out


def token_spans(body, toks):
    """Byte (start, end) of each token in body, found in order; None when missing."""
    b, pos, out = body.encode(), 0, []
    for t in toks:
        tb = t.encode()
        i = b.find(tb, pos)
        if i < 0:
            out.append(None)
            continue
        out.append((i, i + len(tb)))
        pos = i + len(tb)
    return out


def to_tokens(span, offs):
    """The token range (first, last) covered by a byte span, or None."""
    hit = [i for i, o in enumerate(offs) if o and o[0] < span[1] and span[0] < o[1]]
    return (hit[0], hit[-1]) if hit else None


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def wojood(build, path):
    """Exact-span precision, recall and F1, and overlap recall, per kind."""
    sents = read_conll(path)
    recs = analyze(build, [" ".join(t) for t, _ in sents])
    print("wojood test split (outermost tags)   gold  found  exact P    R     F1   overlap R")
    for kind, key, tags in (("DATE", "dates", ("DATE",)),
                            ("CARDINAL+QUANTITY", "numbers", ("CARDINAL", "QUANTITY"))):
        tp = fp = fn = hit = total = 0
        for (toks, gold), rec in zip(sents, recs):
            offs = token_spans(rec["body"], toks) if rec else [None] * len(toks)
            found = {to_tokens((x["start"], x["end"]), offs) for x in (rec or {}).get(key, [])}
            found.discard(None)
            want = set().union(*(gold.get(t, set()) for t in tags))
            tp += len(want & found)
            fp += len(found - want)
            fn += len(want - found)
            total += len(want)
            hit += sum(1 for a, b in want if any(f[0] <= b and a <= f[1] for f in found))
        p, r, f = prf(tp, fp, fn)
        print(f"  {kind:<34} {tp + fn:5d} {tp + fp:6d}  {p:6.3f} {r:6.3f} {f:6.3f}  {hit / total if total else 0:6.3f}")


def ans(build, path):
    """Disagree told from agree by two signals of marsad's facts: the stances
    differ, or both headlines hold numbers and their values differ."""
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["stance"] in ("agree", "disagree")]
    frame = "قال المصدر إن "
    texts = []
    for r in rows:
        texts += [frame + r["s1"], frame + r["s2"]]
    recs = analyze(build, texts)

    def stance(rec):
        st = (rec or {}).get("statements") or []
        return st[0]["stance"] if st else "none"

    def numbers(rec):
        return {round(x["value"], 3) for x in (rec or {}).get("numbers", [])}

    def signals(i):
        a, b = recs[2 * i], recs[2 * i + 1]
        by_stance = stance(a) != stance(b)
        na, nb = numbers(a), numbers(b)
        by_number = bool(na) and bool(nb) and na != nb
        return by_stance, by_number

    n = len(rows)
    n_dis = sum(r["stance"] == "disagree" for r in rows)
    print(f"ans stance test: {n} agree/disagree pairs ({n_dis} disagree); all-agree baseline accuracy {(n - n_dis) / n:.3f}")
    for label, pick in (("stances differ", lambda s: s[0]), ("numbers differ", lambda s: s[1]),
                        ("either", lambda s: s[0] or s[1])):
        tp = fp = fn = tn = 0
        for i, r in enumerate(rows):
            pred = pick(signals(i))
            gold = r["stance"] == "disagree"
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
            tn += not pred and not gold
        p, rr, f = prf(tp, fp, fn)
        print(f"  {label:<15} disagree P {p:.3f} R {rr:.3f} F1 {f:.3f}, accuracy {(tp + tn) / n:.3f}")


def main():
    build, woj, ans_path = sys.argv[1:4]
    wojood(build, woj)
    ans(build, ans_path)


if __name__ == "__main__":
    main()
