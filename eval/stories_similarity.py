"""Story similarity on SemEval-2022 Task 8 (Arabic-Arabic pairs).

Usage: python3 eval/stories_similarity.py BUILD_DIR PAIRS_CSV (run by eval/stories)
Loads libmarsad from BUILD_DIR, counts every text of the set into one
similarity model (document frequencies only, no labels), scores each pair
with marsad_similarity, and prints the Spearman correlation with the gold
`overall` rating (1 = same story ... 4 = unrelated) and the same-story
precision, recall and F1 at the clusterer's own thresholds (gold same story:
overall <= 1.5): the threshold for joining a story (a thread of events over
weeks) and the one for joining an event within it (one development within
a day or two), which is what a SemEval pair rated 1 describes. Also prints
the F1 at other thresholds, for reference.
"""
import csv, ctypes, os, sys


def load_lib(build):
    lib = ctypes.CDLL(os.path.join(build, "libmarsad.so"))
    lib.marsad_simmodel_new.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    lib.marsad_simmodel_free.argtypes = [ctypes.c_void_p]
    lib.marsad_simmodel_add.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                        ctypes.c_char_p, ctypes.c_size_t]
    lib.marsad_similarity.argtypes = [ctypes.c_void_p] + [ctypes.c_char_p, ctypes.c_size_t] * 4 \
        + [ctypes.POINTER(ctypes.c_double)]
    lib.marsad_story_threshold.restype = ctypes.c_double
    lib.marsad_story_threshold.argtypes = [ctypes.c_void_p]
    lib.marsad_event_threshold.restype = ctypes.c_double
    lib.marsad_event_threshold.argtypes = [ctypes.c_void_p]
    return lib


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb)


def prf(sims, gold, t):
    tp = sum(1 for s, g in zip(sims, gold) if s >= t and g <= 1.5)
    fp = sum(1 for s, g in zip(sims, gold) if s >= t and g > 1.5)
    fn = sum(1 for s, g in zip(sims, gold) if s < t and g <= 1.5)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    build, path = sys.argv[1], sys.argv[2]
    lib = load_lib(build)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    model = ctypes.c_void_p()
    if lib.marsad_simmodel_new(ctypes.byref(model)) != 0:
        sys.exit("marsad_simmodel_new failed")
    texts = []
    for row in rows:
        for k in ("1", "2"):
            t = row["title_" + k].encode("utf-8")
            b = row["text_" + k].encode("utf-8")
            texts.append((t, b))
            lib.marsad_simmodel_add(model, t, len(t), b, len(b))
    sims, gold = [], []
    for i, row in enumerate(rows):
        (t1, b1), (t2, b2) = texts[2 * i], texts[2 * i + 1]
        r = ctypes.c_double()
        lib.marsad_similarity(model, t1, len(t1), b1, len(b1), t2, len(t2), b2, len(b2),
                              ctypes.byref(r))
        sims.append(r.value)
        gold.append(float(row["overall"]))
    thr = lib.marsad_story_threshold(model)
    thr_event = lib.marsad_event_threshold(model)
    lib.marsad_simmodel_free(model)
    rho = pearson(ranks(sims), ranks(gold))
    p, r, f = prf(sims, gold, thr)
    npos = sum(1 for g in gold if g <= 1.5)
    print(f"semeval2022-ar pairs: {len(rows)} ({npos} same story)")
    print(f"spearman rho(similarity, overall): {rho:.3f}  |rho| {abs(rho):.3f}  (goal >= 0.75)")
    print(f"same story at the story threshold {thr:.2f}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    p, r, f = prf(sims, gold, thr_event)
    print(f"same story at the event threshold {thr_event:.2f}: precision {p:.3f} recall {r:.3f} "
          f"F1 {f:.3f}  (goal F1 >= 0.85)")
    line = "  F1 by threshold:"
    for t in (0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.50):
        line += f" {t:.2f}:{prf(sims, gold, t)[2]:.3f}"
    print(line)
    if os.environ.get("MARSAD_EVAL_DUMP"):
        for i, row in enumerate(rows):
            print(row["pair"], row["overall"], f"{sims[i]:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
