#!/bin/sh
# marsad export on two small articles (tests/data/facts): the JSON Lines
# records have the documented members, every offset points at the bytes of
# the exported body, ids follow the conventions, figures and statements are
# there with hedges, totals, sources and days; the CSV tables parse; and
# `marsad figures` / `marsad statements` answer.
set -u
bin=${MARSAD_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/t.db"
"$bin" --db "$db" ingest data/facts/articles.jsonl >/dev/null 2>&1 || { echo "FAIL: ingest"; exit 1; }
"$bin" --db "$db" export --format jsonl >"$tmp/out.jsonl" || { echo "FAIL: export"; exit 1; }
"$bin" --db "$db" export --format csv >"$tmp/fig.csv" || { echo "FAIL: csv figures"; exit 1; }
"$bin" --db "$db" export --format csv --table statements >"$tmp/st.csv" || { echo "FAIL: csv statements"; exit 1; }
"$bin" --db "$db" --json figures --counts killed >"$tmp/killed.json" || { echo "FAIL: figures"; exit 1; }
"$bin" --db "$db" --json statements --stance deny >"$tmp/deny.json" || { echo "FAIL: statements"; exit 1; }
"$bin" --db "$db" --json statements --speaker 'الخطيب' >"$tmp/speaker.json" || { echo "FAIL: statements --speaker"; exit 1; }
"$bin" --db "$db" --json figures --by 'وزاره الصحه' >"$tmp/by.json" || { echo "FAIL: figures --by"; exit 1; }
"$bin" --db "$db" export --format xml >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: a bad --format is a usage error"; exit 1; }
python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL:", what)
recs = [json.loads(l) for l in open(f"{tmp}/out.jsonl", encoding="utf-8")]
arts = {r["input"]: r for r in recs if r["type"] == "article"}
check(set(arts) == {"fx-1", "fx-2"}, f"two article records, got {sorted(arts)}")
for a in arts.values():
    for key in ("id", "input", "outlet", "url", "published", "title", "body", "story",
                "mentions", "figures", "statements", "dates"):
        check(key in a, f"{a['input']}: member {key}")
    check(len(a["id"]) == 16 and all(c in "0123456789abcdef" for c in a["id"]), f"{a['input']}: id is a 16-hex uid")
    check(a["story"] is None or a["story"].startswith("s"), f"{a['input']}: story id s<n>")
    body = a["body"].encode()
    for kind in ("figures", "statements", "dates"):
        for x in a[kind]:
            ok = 0 <= x["start"] < x["end"] <= len(body) and body[x["start"]:x["end"]].decode() == x["text"]
            check(ok, f"{a['input']} {kind}: offsets point at «{x['text']}»")
    for m in a["mentions"]:
        text = (a["title"] if m["field"] == "title" else a["body"]).encode()
        check(text[m["start"]:m["end"]].decode() == m["text"], f"{a['input']} mention offsets")
f1 = arts["fx-1"]
fig = {x["value"]: x for x in f1["figures"]}
check(73 in fig and fig[73]["counts"] == "killed" and fig[73]["total"] is True, "73 killed, a running total")
check(73 in fig and "وزارة الصحة" in (fig[73]["reported_by_text"] or ""), "73 reported by the ministry")
check(73 in fig and fig[73]["date"] == "2021-03-04", f"73 reported on Thursday 2021-03-04, got {fig.get(73, {}).get('date')}")
check(120 in fig and fig[120]["approx"] == "at_least" and fig[120]["counts"] == "wounded", "120 wounded at least")
check(4 not in fig, "a duration is not a figure")
st = f1["statements"]
check(any(s["stance"] == "deny" and "سامي الخطيب" in (s["speaker_text"] or "") for s in st), "the spokesman denies")
check(any(s["cue"] == "وأضافت" and "وزارة الصحة" in (s["speaker_text"] or "") for s in st), "وأضافت carries the ministry on")
f2 = arts["fx-2"]
check(f2["published"] == "2021-03-05", f"publication date read from the dateline, got {f2['published']}")
fig2 = {x["value"]: x for x in f2["figures"]}
check(3000 in fig2 and fig2[3000]["approx"] == "at_least" and fig2[3000]["counts"] == "displaced", "3000 displaced at least")
check(1500 in fig2 and fig2[1500]["approx"] == "about" and fig2[1500]["date"] == "2021-03-04", "about 1,500 displaced yesterday")
check(any(s["stance"] == "warn" and "الأمم المتحدة" in (s["speaker_text"] or "") for s in f2["statements"]), "the UN warns")
check(any(d["precision"] == "day" and d["value"] == "2021-03-05" for d in f2["dates"]), "the dateline is a date")
rows = list(csv.DictReader(open(f"{tmp}/fig.csv", encoding="utf-8", newline="")))
check(len(rows) == len(f1["figures"]) + len(f2["figures"]), "one CSV row per figure")
check(rows and {"value", "approx", "counts", "reported_by_text", "date", "text"} <= set(rows[0]), "figure CSV columns")
rows = list(csv.DictReader(open(f"{tmp}/st.csv", encoding="utf-8", newline="")))
check(len(rows) == len(f1["statements"]) + len(f2["statements"]), "one CSV row per statement")
killed = json.load(open(f"{tmp}/killed.json", encoding="utf-8"))
check(killed and all(x["counts"] == "killed" for x in killed), "figures --counts killed")
deny = json.load(open(f"{tmp}/deny.json", encoding="utf-8"))
check(deny and all(x["stance"] == "deny" for x in deny), "statements --stance deny")
speaker = json.load(open(f"{tmp}/speaker.json", encoding="utf-8"))
check(speaker and all("الخطيب" in x["speaker_text"] for x in speaker), "statements --speaker")
by = json.load(open(f"{tmp}/by.json", encoding="utf-8"))
check(by and all("وزارة الصحة" in x["reported_by_text"] for x in by), "figures --by matches any spelling (ة/ه)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
