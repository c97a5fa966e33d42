#!/bin/sh
# `marsad --data-dir DIR`: the recogniser's curated lists read from DIR (an
# edited copy of data/) instead of the built-in ones, for ner and ingest;
# a missing directory or a bad line is a usage error naming the line;
# `reanalyze` applies edited lists to the articles already stored.
set -u
src=${MARSAD_SRC:-..}
. "$(dirname "$0")/lib/check.sh"

text='أكد المهندس زيد الفلاني أمس أن المشروع اكتمل.'
mkdir "$tmp/data"
cp "$src"/data/entities_*.tsv "$src"/data/ner_*.tsv "$tmp/data/"
printf 'person:fulani\tperson\tZaid al-Fulani\tزيد الفلاني|الفلاني\n' >>"$tmp/data/entities_people.tsv"

"$bin" --json ner "$text" >"$tmp/built"
check "built-in lists: no gazetteer name" sh -c "! grep -q person:fulani '$tmp/built'"
"$bin" --data-dir "$tmp/data" --json ner "$text" >"$tmp/dir"
check "--data-dir: the added person" grep -q '"gazetteer":"person:fulani"' "$tmp/dir"
"$bin" --data-dir="$tmp/data" --json ner "$text" >"$tmp/dir2"
check "--data-dir=DIR" cmp -s "$tmp/dir" "$tmp/dir2"

printf '{"title":"خبر","text":"%s"}\n' "$text" >"$tmp/a.jsonl"
"$bin" --data-dir "$tmp/data" --db "$tmp/m.db" ingest "$tmp/a.jsonl" >/dev/null 2>&1
"$bin" --db "$tmp/m.db" entities --kind person >"$tmp/ents"
check "ingest with --data-dir" grep -q "Zaid al-Fulani" "$tmp/ents"

"$bin" --db "$tmp/r.db" ingest "$tmp/a.jsonl" >/dev/null 2>&1
"$bin" --db "$tmp/r.db" export | grep -v '"type":"article"' >"$tmp/before"
"$bin" --db "$tmp/r.db" reanalyze >"$tmp/out"
check "reanalyze says how many" grep -q "reanalyzed 1 articles" "$tmp/out"
"$bin" --db "$tmp/r.db" export | grep -v '"type":"article"' >"$tmp/after"
check "reanalyze with the same lists finds the same" cmp -s "$tmp/before" "$tmp/after"
"$bin" --data-dir "$tmp/data" --db "$tmp/r.db" reanalyze >/dev/null
"$bin" --db "$tmp/r.db" entities --kind person >"$tmp/ents"
check "reanalyze with --data-dir: the added person" grep -q "Zaid al-Fulani" "$tmp/ents"
check "reanalyze: one entity for him" [ "$(grep -c 'الفلاني' "$tmp/ents")" -eq 1 ]

"$bin" --data-dir "$tmp/none" ner "$text" >/dev/null 2>"$tmp/err"; rc=$?
check "missing directory exits 2" [ $rc -eq 2 ]
printf 'stranger\tword\n' >>"$tmp/data/ner_words.tsv"
"$bin" --data-dir "$tmp/data" ner "$text" >/dev/null 2>"$tmp/err"; rc=$?
check "bad line exits 2" [ $rc -eq 2 ]
check "bad line named" grep -q "ner_words.tsv:[0-9]*: expected" "$tmp/err"
"$bin" --data-dir >/dev/null 2>&1; rc=$?
check "--data-dir without a directory exits 2" [ $rc -eq 2 ]

finish
