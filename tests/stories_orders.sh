#!/bin/sh
# The five reference reports (../shared/seeds) form exactly one story of
# five whatever order they arrive in: after the bundled examples
# (examples/news), in 25 orders covering every (first, second) pair of
# seeds with the rest ascending or descending, and mixed among the
# examples. Each order is a fresh ingestion. Skipped without ../shared.
set -u
bin=${MARSAD_BIN:?}
src=${MARSAD_SRC:?}
shared=${MARSAD_SHARED:-}
seeds=$shared/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "stories_orders: ../shared absent, skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$bin" "$src" "$seeds" "$tmp" <<'PY'
import itertools, json, os, random, sqlite3, subprocess, sys
bin, src, seeds_path, tmp = sys.argv[1:5]
seeds = [l.rstrip("\n") for l in open(seeds_path, encoding="utf-8") if l.strip()]
ids = [json.loads(s)["id"] for s in seeds]
examples = [l.rstrip("\n") for l in
            open(os.path.join(src, "examples", "news", "articles.jsonl"), encoding="utf-8")
            if l.strip()]
n = len(seeds)
orders = []
for a, b in itertools.permutations(range(n), 2):
    rest = [i for i in range(n) if i not in (a, b)]
    orders.append([a, b] + (rest if (a + b) % 2 else rest[::-1]))
rnd = random.Random(4)
for k in range(5):
    orders.append(rnd.sample(range(n), n))
passed = failed = 0
for k, order in enumerate(orders):
    lines = examples + [seeds[i] for i in order]
    if k >= len(orders) - 5:            # the last five: seeds mixed among the examples
        lines = examples[:]
        for i in order:
            lines.insert(rnd.randrange(len(lines) + 1), seeds[i])
    path, db = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, f"o{k}.db")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    subprocess.run([bin, "--db", db, "ingest", path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT x.story FROM article a JOIN article_story x ON x.article=a.id"
                       " WHERE a.input IN (%s)" % ",".join("?" * n), ids).fetchall()
    stories = sorted({r[0] for r in rows})
    sizes = [con.execute("SELECT n_articles FROM story WHERE id=?", (s,)).fetchone()[0]
             for s in stories]
    con.close()
    os.unlink(db)
    if len(rows) == n and sizes == [n]:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: seeds in order {order}: {len(stories)} stories of sizes {sizes}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
