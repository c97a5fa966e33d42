#!/bin/sh
# The bundled examples (examples/news, what `make demo` ingests): twelve
# articles from four input forms, all stored without a skip; the HTML pages,
# feed items and JSON lines keep their outlet and date; no site chrome of the
# pages reaches a body; the <script> quoted in one article is stored as
# text; a second ingestion adds nothing.
set -u
bin=${MARSAD_BIN:?}
src=${MARSAD_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --db "$tmp/x.db" ingest "$src/examples/news" >"$tmp/out1" 2>&1; rc1=$?
"$bin" --db "$tmp/x.db" ingest "$src/examples/news" >"$tmp/out2" 2>&1; rc2=$?
python3 - "$bin" "$tmp" "$rc1" "$rc2" <<'PY'
import json, re, subprocess, sys
bin, tmp, rc1, rc2 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL:", what)
def run(*args):
    return json.loads(subprocess.run([bin, "--db", f"{tmp}/x.db", "--json", *args],
                                     capture_output=True, text=True).stdout)
check(rc1 == 0, f"first ingest exits 0, got {rc1}: {open(tmp + '/out1').read()}")
check(rc2 == 0, f"second ingest exits 0, got {rc2}")
arts = run("list", "--limit", "100")
check(len(arts) == 12, f"twelve articles after two ingests, got {len(arts)}")
formats = {}
chrome = ["الرئيسية", "الأكثر قراءة", "جميع الحقوق", "فيسبوك", "إعلان", "الوسوم",
          "اقرأ أيضاً", "أخبار ذات صلة", "أخبار أخرى", "ساعدنا على مواصلة", "رحم الله الضحايا",
          "رجال الإنقاذ يبحثون", "طباعة", "بقلم"]
for a in arts:
    full = run("show", a["id"])
    fmt = full["format"]
    formats[fmt] = formats.get(fmt, 0) + 1
    name = full["input"]
    check(full["title"] and full["body"], f"{name}: title and body")
    check(full["arabic"], f"{name}: flagged Arabic")
    if fmt != "text":
        check(full["published"] and full["outlet"], f"{name}: outlet and date")
    if fmt == "html":
        for c in chrome:
            check(c not in full["body"], f"{name}: chrome «{c}» kept out")
    if "<script>" in full["body"]:
        check("<script>alert(1)</script>" in full["body"], f"{name}: script quoted literally")
        formats["script"] = 1
expect = {"text": 3, "html": 3, "jsonl": 4, "feed": 2, "script": 1}
check(formats == expect, f"articles by format {formats}, expected {expect}")
# stories: largest first by default, latest first with --latest
stories = run("stories")
check(len(stories) >= 3, f"three events make stories, got {len(stories)}")
sizes = [st["n_articles"] for st in stories]
check(sizes == sorted(sizes, reverse=True), f"stories largest first {sizes}")
# each story's summary names its top entities (Mopti's story: Mopti first), one story more of them
check(all(len(st.get("entities", [])) <= 5 for st in stories)
      and any(st.get("entities") and st["entities"][0]["name"] == "موبتي" for st in stories),
      f"stories' top entities: {[st.get('entities') for st in stories]}")
one = run("story", [st["id"] for st in stories if st.get("entities") and st["entities"][0]["name"] == "موبتي"][0])
check(one.get("entities") and one["entities"][0]["name"] == "موبتي" and 5 < len(one["entities"]) <= 8,
      f"story's top entities: {one.get('entities')}")
lasts = [st["last"] or "" for st in run("stories", "--latest")]
check(lasts == sorted(lasts, reverse=True), f"stories --latest latest first {lasts}")
# the front page in words: one outlet, one copy, a story within one day by its day alone
front = subprocess.run([bin, "--db", f"{tmp}/x.db", "stories"], capture_output=True, text=True).stdout
check(re.search(r" 1 art +1 outlet  ", front) and not re.search(r"\b1 outlets|\b1 copies", front),
      f"stories: singular counts: {front}")
check("story of 3 articles, 3 events, 2025-10-13\n" in front, f"stories: a one-day story's day once: {front}")
# an entity's mentions by day: the undated .txt article in one last row, not on the day it was ingested
dates = run("entity", "موبتي")["dates"]
check([d["date"] for d in dates] == ["2025-11-02", "2025-11-03", None], f"Mopti by date {dates}")
# an entity by its English name in any case, or by some of its words whole; LIKE's characters are no wildcards
for name, want in (("mopti", "موبتي"), ("ALEXANDRIA", "الإسكندرية"), ("الدفاع المدني", "هيئة الدفاع المدني والإسعاف"),
                   ("سلطنة", "سلطنة عمان")):
    got = run("entity", name)
    check(got.get("name") == want, f"entity {name}: {got.get('name')}")
# looked up by words, it names the other entities those words fit; by id, none
un = subprocess.run([bin, "--db", f"{tmp}/x.db", "entity", "الأمم المتحدة"], capture_output=True, text=True).stdout
check(re.search(r"\nothers by that name: e\d+ مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية \(1\)", un), f"entity's others: {un}")
by_id = subprocess.run([bin, "--db", f"{tmp}/x.db", "entity", "e1"], capture_output=True, text=True).stdout
check("others by that name" not in by_id, f"entity by id, no others: {by_id}")
why = subprocess.run([bin, "--db", f"{tmp}/x.db", "entity", "--why", "موبتي"], capture_output=True, text=True).stdout
check(re.search(r"\n  موبتي  \[موبتي\]  \d+: gazetteer geo:2453348: a name of موبتي \(Mopti\); [0-9a-f]{12}\n", why),
      f"entity --why: {why}")
# --name finds a part of a name in any spelling (الاسكندرية without hamza), LIKE's % as itself
check([e["name"] for e in run("entities", "--name", "الاسكندرية")] == ["الإسكندرية"], "entities --name without hamza")
lookup = subprocess.run([bin, "--db", f"{tmp}/x.db", "entities", "--name", "%"], capture_output=True, text=True)
check(lookup.returncode == 1 and "no entity matches" in lookup.stderr, f"entities --name %: {lookup.returncode}")
for empty in ("", " "):   # no name is no entity (was the most mentioned one)
    lookup = subprocess.run([bin, "--db", f"{tmp}/x.db", "entity", empty], capture_output=True, text=True)
    check(lookup.returncode == 2 and "named by an id" in lookup.stderr, f"entity '{empty}': {lookup.returncode} {lookup.stdout}")
lookup = subprocess.run([bin, "--db", f"{tmp}/x.db", "entity", "%"], capture_output=True, text=True)
check(lookup.returncode == 1 and "no entity %" in lookup.stderr, f"entity %: {lookup.returncode} {lookup.stderr}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
