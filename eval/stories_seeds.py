"""The seeds check of the stories: the five reference reports
(../shared/seeds/seeds.jsonl) must form exactly one story, holding them and
nothing else, when ingested with the bundled examples (examples/news) and
the whole SaudiNewsNet corpus, in several orders.

Usage: python3 eval/stories_seeds.py BUILD_DIR SHARED_DIR [--quick]
(run by eval/stories; --quick leaves SaudiNewsNet out). Orders:
  seeds-first   seeds, examples, corpus
  seeds-last    corpus, examples, seeds
  interleaved   all articles shuffled (fixed seed), the seeds keeping their
                file order
  shuffled      all articles shuffled (fixed seed), seeds included
Prints one line per order and the stories found around the seeds.
"""
import json, os, random, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                out.append(line)
    return out


def check(marsad, tmp, name, lines, seed_ids):
    path = os.path.join(tmp, name + ".jsonl")
    db = os.path.join(tmp, name + ".db")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    subprocess.run([marsad, "--db", db, "ingest", path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.input, x.story FROM article a JOIN article_story x ON x.article=a.id "
        "WHERE a.input IN (%s)" % ",".join("?" * len(seed_ids)), seed_ids).fetchall()
    stories = sorted({s for _, s in rows})
    sizes = [con.execute("SELECT n_articles FROM story WHERE id=?", (s,)).fetchone()[0]
             for s in stories]
    n_story, n_multi, n_max = con.execute(
        "SELECT count(*), sum(n_articles>1), max(n_articles) FROM story").fetchone()
    con.close()
    ok = len(rows) == len(seed_ids) and len(stories) == 1 and sizes == [len(seed_ids)]
    print(f"  {name:<12} {'PASS' if ok else 'FAIL'}: seeds in {len(stories)} "
          f"stor{'y' if len(stories) == 1 else 'ies'} of sizes {sizes}; "
          f"{n_story} stories in all, {n_multi} of 2+ articles, largest {n_max}")
    return ok


def main():
    build, shared = sys.argv[1], sys.argv[2]
    quick = "--quick" in sys.argv
    marsad = os.path.join(build, "marsad")
    seeds = read_jsonl(os.path.join(shared, "seeds", "seeds.jsonl"))
    seed_ids = [json.loads(s)["id"] for s in seeds]
    examples = read_jsonl(os.path.join(ROOT, "examples", "news", "articles.jsonl"))
    corpus = [] if quick else read_jsonl(os.path.join(shared, "corpus", "saudinewsnet.jsonl"))
    others = examples + corpus
    rnd = random.Random(20201001)
    print(f"seeds check: {len(seeds)} seeds with {len(examples)} examples and "
          f"{len(corpus)} corpus lines")
    n_ok = 0
    with tempfile.TemporaryDirectory(prefix="marsad-seeds-") as tmp:
        n_ok += check(marsad, tmp, "seeds-first", seeds + others, seed_ids)
        n_ok += check(marsad, tmp, "seeds-last", corpus + examples + seeds, seed_ids)
        mixed = others[:]
        rnd.shuffle(mixed)
        slots = sorted(rnd.sample(range(len(mixed) + 1), len(seeds)))
        inter = []
        j = 0
        for i, line in enumerate(mixed + [None]):
            while j < len(slots) and slots[j] == i:
                inter.append(seeds[j])
                j += 1
            if line is not None:
                inter.append(line)
        n_ok += check(marsad, tmp, "interleaved", inter, seed_ids)
        allmix = seeds + others
        rnd.shuffle(allmix)
        n_ok += check(marsad, tmp, "shuffled", allmix, seed_ids)
    print(f"seeds check: {n_ok} of 4 orders give exactly one story of the five seeds")


if __name__ == "__main__":
    main()
