#!/bin/sh
# The entity commands as a user reads them: `marsad entity --why` counts
# each merged variant by its key, so that every spelling is counted once
# (الأمريكي and أمريكي under one key, للولايات المتحدة under الولايات المتحدة)
# and the variants add up to the entity's mentions, while its spellings as
# written count those differing only by tatweel or harakat as one; `marsad ner` says which
# names the statistical model found ("model", not "pattern"); `marsad
# analyze` lists the names of each article and gives them, with their kind,
# as the export's "mentions" (entity null: nothing resolved without a
# database), their spans pointing at their words; every command's --help
# names the values of its options.
set -u
. "$(dirname "$0")/lib/check.sh"

printf '%s\n' \
  '{"id":"a1","published":"2021-03-05","title":"الولايات المتحدة تدعو إلى التهدئة","text":"قالت الولايات المتحدة إن المسؤول الأمريكي وصل. وأكد مسؤول أمريكي أن الحوار مستمر."}' \
  '{"id":"a2","published":"2021-03-06","title":"زيارة إلى واشنطن","text":"أعلنت السفارة الأمريكية أن الوفد سيتوجه للولايات المتحدة الأسبوع المقبل، وقال الأمريكيون إن الزيارة مهمة."}' \
  '{"id":"a3","published":"2021-03-07","title":"دمشق تستقبل وفدا","text":"استقبل الرئيس السوري بشار الأسد في دمشق وفدا عربيا."}' \
  '{"id":"a4","published":"2021-03-08","title":"بيان     الخارجية","text":"وأعلنت الولايات المتـــحدة أن الولاياتُ المتحدة ستشارك."}' \
  '{"id":"a6","published":"2021-03-10","title":"وفد الولايات  المتحدة يصل","text":"وصل الوفد إلى المنطقة."}' \
  '{"id":"a7","published":"2021-03-11","title":"مجلس الأمن يجتمع","text":"دعت الأمم المتحدة إلى اجتماع لمجلس الأمن، وقال مجلس الأمن إن الكونغرس والإمارات رحبا بالدعوة."}' \
  '{"id":"a5","published":"2021-03-09","title":"كيري في القصيم","text":"التقى وزير الخارجية جون كيري في البكيرية بمسؤولين من محافظة البكيرية، وقال كيري إن الزيارة مهمة."}' \
  >"$tmp/in.jsonl"
"$bin" --db "$tmp/x.db" ingest "$tmp/in.jsonl" >/dev/null 2>&1
"$bin" --db "$tmp/x.db" --json entity --why 'الولايات المتحدة' >"$tmp/us.json"
check "entity --why answers" [ $? -eq 0 ]
check "entity: variants counted by key" python3 - "$tmp/us.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
var = {v["key"]: v["mentions"] for v in e["variants"]}
bad = []
if sum(var.values()) != e["mentions"]:
    bad.append(f"variants add up to {sum(var.values())}, entity has {e['mentions']}")
if var.get("امريكي") != 2:   # الأمريكي and أمريكي: one key
    bad.append(f"key امريكي counts {var.get('امريكي')}, want 2")
if var.get("ولايات المتحده") != 6:   # twice written so, once after لل, twice with marks, once in a title with two spaces
    bad.append(f"key ولايات المتحده counts {var.get('ولايات المتحده')}, want 6")
# spellings that differ only by tatweel or harakat are one, named by the plain one
sp = {x["text"]: x["mentions"] for x in e["spellings"]}
if sp.get("الولايات المتحدة") != 6 or any("\u0640" in t or "\u064f" in t for t in sp):
    bad.append(f"spellings {sp}")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
"$bin" --db "$tmp/x.db" entity --why 'الولايات المتحدة' >"$tmp/us.txt"
check "entity --why: a variant with all its mentions" \
  grep -q '^  الولايات المتحدة  \[ولايات المتحده\]  6: gazetteer US: ' "$tmp/us.txt"

# nothing found is exit status 1, with a message, or [] with --json
"$bin" --db "$tmp/x.db" --json entities --name zzzq >"$tmp/out" 2>/dev/null
check "--json entities, none: exit 1" [ $? -eq 1 ]
check "--json entities, none: []" [ "$(cat "$tmp/out")" = "[]" ]
"$bin" --db "$tmp/x.db" list --outlet nowhere >"$tmp/out" 2>"$tmp/err"
check "list, none: exit 1" [ $? -eq 1 ]
check "list, none: a message" grep -q 'no article matches' "$tmp/err"
"$bin" --db "$tmp/x.db" stories --since 2030-01-01 >"$tmp/out" 2>"$tmp/err"
check "stories, none: exit 1 and a message" sh -c "[ $? -eq 1 ] && grep -q 'no story matches' '$tmp/err'"

# --since after --until is a usage error (the API answers 400), not "nothing found"
for c in entities list statements; do
  "$bin" --db "$tmp/x.db" "$c" --since 2021-03-07 --until 2021-03-05 >"$tmp/out" 2>"$tmp/err"
  check "$c --since after --until: exit 2" [ $? -eq 2 ]
  check "$c --since after --until: said" grep -q -- '--since 2021-03-07 is after --until 2021-03-05' "$tmp/err"
done
"$bin" --db "$tmp/x.db" entities --since 2021-03-07 --until 2021-03-07 >"$tmp/out"
check "entities of one day" grep -q 'بشار الأسد' "$tmp/out"

# a title's run of spaces is printed as one (columns stay readable)
"$bin" --db "$tmp/x.db" list >"$tmp/list"
check "list: a run of spaces in a title as one" grep -q ' بيان الخارجية$' "$tmp/list"

# an English name's words are found across its hyphens: Assad, al-Assad: Bashar al-Assad
for n in Assad al-assad; do
  "$bin" --db "$tmp/x.db" entity "$n" >"$tmp/out" 2>&1
  check "entity $n: Bashar al-Assad" grep -q '^e[0-9]*  person  بشار الأسد  (Bashar al-Assad)$' "$tmp/out"
done

# a name copied from a text with its clitics finds the entity (للولايات: الولايات)
for n in 'للولايات المتحدة' 'وبشار الأسد' 'بالولايات المتحدة'; do
  "$bin" --db "$tmp/x.db" entity "$n" >"$tmp/out" 2>&1
  check "entity $n: found without its clitic" grep -q '^e[0-9]*  \(place  الولايات المتحدة\|person  بشار الأسد\)  ' "$tmp/out"
done
"$bin" --db "$tmp/x.db" entity 'بزززق' >"$tmp/out" 2>&1
check "entity of no name: exit 1" [ $? -eq 1 ]
# the others a name fits are those with a word starting so (كيري: not البكيرية)
"$bin" --db "$tmp/x.db" entity 'كيري' >"$tmp/out" 2>&1
check "entity كيري: John Kerry" grep -q '^e[0-9]*  person  جون كيري  (John Kerry)$' "$tmp/out"
check "entity كيري: Bukayriyah is no other by that name" sh -c "! grep -q 'others by that name:.*البكيرية' '$tmp/out'"
"$bin" --db "$tmp/x.db" entity 'الولايات' >"$tmp/out" 2>&1
check "entity الولايات: none other" sh -c "! grep -q 'others by that name' '$tmp/out'"

# a short English form names the entity: its gazetteer id (US, UN) or its
# English name's initials (UAE), in capitals or small letters; not the
# entity whose English name holds the word (US Congress, UN Security Council)
for q in 'US:place  الولايات المتحدة' 'UN:org  الأمم المتحدة' 'uae:place  الإمارات'; do
  "$bin" --db "$tmp/x.db" entity "${q%%:*}" >"$tmp/out" 2>&1
  check "entity ${q%%:*}: ${q#*:}" grep -q "^e[0-9]*  ${q#*:}  " "$tmp/out"
done

# one article, one mention: no plural
"$bin" --db "$tmp/x.db" entity 'بشار الأسد' >"$tmp/out"
check "entity: 1 article, 1 mention" grep -q '^1 article, 1 mention' "$tmp/out"
check "entity by date: 1 article 1 mention" grep -q '^  2021-03-07 *1 article *1 mention$' "$tmp/out"

# a name only the model finds is told as the model's
"$bin" --json ner 'التقى الوفد بالسيد جاكوب زوما في بريتوريا' >"$tmp/ner.json"
check "ner: the model's name says model" grep -q '"how": *"model"' "$tmp/ner.json"
"$bin" --json ner --rules 'التقى الوفد بالسيد جاكوب زوما في بريتوريا' >"$tmp/ner.json"
check "ner --rules: no model" sh -c "! grep -q '\"model\"' '$tmp/ner.json'"

# ner of text with invalid UTF-8: repaired as ingestion does, said, names found
printf 'E\265B \331\202\330\247\331\204 Obama' >"$tmp/bad.txt"
"$bin" --json ner - <"$tmp/bad.txt" >"$tmp/out" 2>"$tmp/err"
check "ner, invalid UTF-8: exit 0" [ $? -eq 0 ]
check "ner, invalid UTF-8: said" grep -q '1 invalid UTF-8 sequence replaced by U+FFFD' "$tmp/err"
check "ner, invalid UTF-8: the names" grep -q '"text": *"Obama"' "$tmp/out"

# ner --conll names the file and line of a token without a tag
printf 'وقال O\nلافروف\nإن O\n' >"$tmp/bad.conll"
"$bin" ner --conll "$tmp/bad.conll" >/dev/null 2>"$tmp/err"
check "ner --conll: a line without a tag is named" grep -q "bad.conll:2: a token without a tag" "$tmp/err"

"$bin" ner --train "$tmp/none.conll" >/dev/null 2>"$tmp/err"
check "ner --train, no file: exit 3" [ $? -eq 3 ]
check "ner --train, no file: only the error" sh -c "grep -q 'none.conll: No such file' '$tmp/err' && ! grep -q '^epoch' '$tmp/err'"

# analyze: the names of the article, readable and as mentions
"$bin" analyze "$tmp/in.jsonl" >"$tmp/an.txt"
check "analyze exits 0" [ $? -eq 0 ]
check "analyze lists the entities" grep -q '^entities:$' "$tmp/an.txt"
check "analyze: a place with its count" grep -q '^  place   الولايات المتحدة ×2$' "$tmp/an.txt"
"$bin" --json analyze "$tmp/in.jsonl" >"$tmp/an.json"
check "analyze --json: mentions" python3 - "$tmp/an.json" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1]))
bad = []
for r in recs:
    ms = r.get("mentions")
    if not ms: bad.append(f"{r['input']}: no mentions"); continue
    for m in ms:
        src = (r["title"] if m["field"] == "title" else r["body"]).encode()
        if src[m["start"]:m["end"]].decode() != m["text"]: bad.append(f"span {m}")
        if m["entity"] is not None or m["kind"] not in ("person", "place", "org", "other"): bad.append(f"mention {m}")
if not any(m["text"] == "الولايات المتحدة" and m["field"] == "title" for m in recs[0]["mentions"]):
    bad.append("title mention missing")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
# --limit beyond what entities gives (1 to 1000) is said on stderr, not
# silently changed
"$bin" --db "$tmp/x.db" entities --limit 5000 >"$tmp/out" 2>"$tmp/err"
check "entities --limit 5000: answers" [ $? -eq 0 ]
check "entities --limit 5000: says at most 1000" grep -q -- '--limit 5000: showing at most 1000' "$tmp/err"
"$bin" --db "$tmp/x.db" entities --limit 0 >"$tmp/out" 2>"$tmp/err"
check "entities --limit 0: says the default" grep -q -- '--limit 0: showing the default 50' "$tmp/err"
"$bin" --db "$tmp/x.db" entities --limit 2 >"$tmp/out" 2>"$tmp/err"
check "entities --limit 2: two rows, no note" sh -c "[ \$(wc -l <'$tmp/out') -eq 3 ] && [ ! -s '$tmp/err' ]"

# an entity is shown by its most frequent spelling of as many words, not
# the first one seen (عبد written apart once, joined twice), and again so
# when a later ingest makes the other spelling the more frequent
sp='عبد الكريم الزهيري' jn='عبدالكريم الزهيري'
printf '{"id":"b%s","title":"تصريح","text":"قال المدرب %s إن الفريق جاهز %s."}\n' \
  1 "$sp" الآن 2 "$jn" اليوم 3 "$jn" غدا >"$tmp/n1.jsonl"
printf '{"id":"c%s","title":"تدريب","text":"أكد المدرب %s أن اللاعبين بخير %s."}\n' \
  1 "$sp" الآن 2 "$sp" اليوم 3 "$sp" غدا >"$tmp/n2.jsonl"
"$bin" --db "$tmp/n.db" ingest "$tmp/n1.jsonl" >/dev/null 2>&1
"$bin" --db "$tmp/n.db" entities --kind person >"$tmp/out"
check "entities: the most frequent spelling names the entity" grep -q "  3  $jn\$" "$tmp/out"
"$bin" --db "$tmp/n.db" ingest "$tmp/n2.jsonl" >/dev/null 2>&1
"$bin" --db "$tmp/n.db" entities --kind person >"$tmp/out"
check "entities: renamed when another spelling becomes more frequent" grep -q "  6  $sp\$" "$tmp/out"
# --help names each option's value: --kind KIND, --since YYYY-MM-DD, --conll FILE (never a bare X)
"$bin" entities --help >"$tmp/help"
check "entities --help: --kind KIND" grep -q '^  --kind KIND  ' "$tmp/help"
check "entities --help: --since YYYY-MM-DD" grep -q '^  --since YYYY-MM-DD  ' "$tmp/help"
"$bin" ner --help >"$tmp/help"
check "ner --help: --conll FILE" grep -q '^  --conll FILE  ' "$tmp/help"
check "ner --help: how a name was found" grep -q 'or model (the' "$tmp/help"
for c in ingest list show stats search tokens serve stories story recluster reanalyze analyze \
         statements figures export entities entity ner; do
  "$bin" "$c" --help >>"$tmp/helps"
done
check "no option's value is a bare X" sh -c "! grep -q '^  --[a-z-]* X ' '$tmp/helps'"
finish
