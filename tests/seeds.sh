#!/bin/sh
# The reference articles of ../shared/seeds (skipped when absent): the text
# files and the JSON Lines both ingest as five articles with their titles,
# the JSON Lines keep outlets and dates, and no string listed as site chrome
# in expected.json reaches a stored body.
set -u
bin=${MARSAD_BIN:?}
seeds=${MARSAD_SHARED:-../../shared}/seeds
[ -f "$seeds/expected.json" ] || { echo "no ../shared/seeds: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --db "$tmp/txt.db" ingest "$seeds"/*.txt >/dev/null 2>&1
"$bin" --db "$tmp/jsonl.db" ingest "$seeds/seeds.jsonl" >/dev/null 2>&1
python3 - "$bin" "$tmp" "$seeds" <<'PY'
import json, subprocess, sys
bin, tmp, seeds = sys.argv[1:]
expected = json.load(open(f"{seeds}/expected.json", encoding="utf-8"))
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL:", what)
for db in ("txt", "jsonl"):
    arts = json.loads(subprocess.run([bin, "--db", f"{tmp}/{db}.db", "--json", "list", "--limit", "100"],
                                     capture_output=True, text=True).stdout)
    check(len(arts) == 5, f"{db}: five articles, got {len(arts)}")
    by_input = {}
    for a in arts:
        full = json.loads(subprocess.run([bin, "--db", f"{tmp}/{db}.db", "--json", "show", a["id"]],
                                         capture_output=True, text=True).stdout)
        key = full["input"].rsplit("/", 1)[-1].removesuffix(".txt")
        by_input[key] = full
    for meta in expected["articles"]:
        key = meta["file"].removesuffix(".txt")
        a = by_input.get(key)
        check(a is not None, f"{db}: {key} stored")
        if not a: continue
        check(a["title"].strip() != "", f"{db}: {key} has a title")
        if db == "jsonl":
            check(a["outlet"] == meta["outlet"], f"{db}: {key} outlet {a['outlet']} != {meta['outlet']}")
            check(a["published"] == meta["published"], f"{db}: {key} date {a['published']} != {meta['published']}")
    for c in expected["chrome"]:
        a = by_input.get(c["article"].removesuffix(".txt"))
        check(a is not None and c["text"] not in a["body"], f"{db}: chrome «{c['text']}» kept out of {c['article']}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
