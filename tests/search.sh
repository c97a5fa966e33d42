#!/bin/sh
# search.sh: `marsad search` as a user runs it: on a few articles written
# here, any form of a word finds the others, phrases, OR, -word, prefix*,
# =word and --exact, the filters, --json with its fields, matches marked in
# the plain output, bad queries refused with exit status 2 and a plain
# message; then on the bundled examples, and on the seeds (when ../shared is
# there) the two searches of the issue: مرتزقة and "وقف إطلاق النار"; an
# index an older marsad built is rebuilt by the search itself.
set -u
BIN=${MARSAD_BIN:-marsad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAIL: $*" >&2; }
db="$tmp/t.db"
# ids QUERY...: the input ids of the hits, sorted, on one line.
ids() { "$BIN" --db "$db" search --json "$@" | python3 -c 'import json,sys; print(" ".join(sorted(h["input"] for h in json.load(sys.stdin))))'; }
# expect WANT QUERY...: the search finds exactly WANT.
expect() { want=$1; shift; got=$(ids "$@"); [ "$got" = "$want" ] && ok || no "search $*: got '$got', want '$want'"; }
# refuse QUERY...: exit status 2 and a message that is not SQLite's.
refuse() {
  "$BIN" --db "$db" search "$@" >"$tmp/out" 2>"$tmp/err"; st=$?
  if [ $st -eq 2 ] && grep -q "bad query\|marsad search" "$tmp/err" && ! grep -qi "fts5\|sqlite\|syntax error" "$tmp/err"; then ok
  else no "search $* should be refused (status $st: $(cat "$tmp/err"))"; fi
}

cat > "$tmp/news.jsonl" <<'JSONL'
{"id":"n1","outlet":"alpha","published":"2020-10-01","title":"إضراب المعلمين","text":"أعلن المعلم أحمد الإضراب في المدرسة الكبرى بعد أسبوع من المفاوضات."}
{"id":"n2","outlet":"beta","published":"2020-10-05","title":"زيارة أردوغان","text":"استقبل الرئيس التركي اردوغان وفدا من المفاوضين في أنقرة لبحث الأزمة."}
{"id":"n3","outlet":"alpha","published":"2020-11-02","title":"هدنة في المدينة","text":"أعلن الطرفان وقف إطلاق النار في المدينة بعد أسبوع من القتال العنيف."}
{"id":"n4","outlet":"beta","published":"2020-11-03","title":"قصف جديد","text":"لم يتوقف القصف، وقال شاهد إن النار اشتعلت في السوق بعد إطلاق صاروخ."}
{"id":"n5","outlet":"gamma","published":"2020-11-04","title":"مرتزقة على الجبهة","text":"وصل مرتزقة إلى الجبهة، وتحدث والمعلمون عن نزوح اللاجئين من القرى."}
JSONL
"$BIN" --db "$db" ingest "$tmp/news.jsonl" >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }

expect "n1 n5" والمعلمون
expect "n2" أردوغان
expect "n2" اردوغان
expect "n3" '"وقف إطلاق النار"'
expect "n3 n4" إطلاق النار
expect "n1 n2 n5" مرتزقة OR المفاوضين   # المفاوضات and المفاوضين share a stem
expect "n5" المعلمون -المدرسة
expect "n1 n2" 'مفاوض*'
expect "n5" =والمعلمون
expect "n5" --exact والمعلمون
expect "n1 n3" أعلن --outlet alpha
expect "n3" أعلن --since 2020-11-01
expect "n1" أعلن --until 2020-10-30
expect "" أنقرة --outlet alpha

# the JSON answer has the documented fields
"$BIN" --db "$db" search --json أردوغان | python3 -c '
import json, sys
h = json.load(sys.stdin)[0]
assert set(h) == {"id", "input", "title", "outlet", "published", "score", "snippet"}, h
assert h["input"] == "n2" and h["outlet"] == "beta" and h["published"] == "2020-10-05"
assert "<mark>اردوغان</mark>" in h["snippet"], h["snippet"]
' && ok || no "search --json fields"

# the readable output marks the match in the original spelling
out=$("$BIN" --db "$db" search والمعلمون --limit 5)
case "$out" in *"[والمعلمون]"*) ok ;; *) no "plain output does not mark [والمعلمون]: $out" ;; esac
# paging: --limit 1 --offset 1 gives the second of two
[ "$(ids والمعلمون --limit 1 --offset 1 | wc -w)" -eq 1 ] && ok || no "--limit/--offset"

# --story keeps one story's articles (stories are made while ingesting)
story=$(sqlite3 "$db" "SELECT s.story FROM article_story s JOIN article a ON a.id=s.article WHERE a.input='n3'" 2>/dev/null)
if [ -n "$story" ]; then
  got=$("$BIN" --db "$db" search --json أعلن --story "s$story" | python3 -c 'import json,sys; print(" ".join(sorted(h["input"] for h in json.load(sys.stdin))))')
  inside=$(sqlite3 "$db" "SELECT group_concat(a.input, ' ') FROM (SELECT a.input FROM article_story s JOIN article a ON a.id=s.article WHERE s.story=$story ORDER BY a.input) a")
  case " $inside " in *" n3 "*) ok ;; *) no "story s$story lacks n3" ;; esac
  for i in $got; do case " $inside " in *" $i "*) ok ;; *) no "--story s$story gave $i from another story" ;; esac; done
  case " $got " in *" n3 "*) ok ;; *) no "--story s$story: أعلن should find n3 (got '$got')" ;; esac
fi
"$BIN" --db "$db" search أعلن --story x12 >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "--story with a bad id should exit 2"

# nothing found: status 1
"$BIN" --db "$db" search كمبيوتر >/dev/null 2>&1; [ $? -eq 1 ] && ok || no "no hit should exit 1"

# an index another version of the tokenizer built (an older marsad): the
# search rebuilds it once and answers, rather than fail until an ingest
if sqlite3 "$db" "UPDATE meta SET value='arabic/0/0000000000000000' WHERE key='search_tokenizer'" 2>/dev/null; then
  expect "n2" أردوغان
  [ "$(sqlite3 "$db" "SELECT value FROM meta WHERE key='search_tokenizer'")" != "arabic/0/0000000000000000" ] && ok ||
    no "the stale index was not rebuilt"
fi

refuse '"وقف إطلاق'
refuse 'من هو'
refuse 'المعلم AND القدس'
refuse '(المعلم)'
refuse -- '-المعلم'
refuse 'OR'
"$BIN" --db "$db" search >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "search without a query should exit 2"

# the bundled examples: each event's words find its articles
ex="${MARSAD_SRC:-$(dirname "$0")/..}/examples/news"
if [ -d "$ex" ]; then
  db="$tmp/examples.db"
  "$BIN" --db "$db" ingest "$ex" >/dev/null 2>&1
  n=$(ids السيول | wc -w); [ "$n" -ge 3 ] && ok || no "examples: السيول finds $n articles"
  n=$(ids '"انهيار عقار"' | wc -w); [ "$n" -ge 2 ] && ok || no "examples: \"انهيار عقار\" finds $n articles"
  "$BIN" --db "$db" search --json والمسلحين | grep -q 'موبتي' && ok || no "examples: والمسلحين should find the Mopti attack"
fi

# the seeds: the searches of issue 3
if [ -n "${MARSAD_SHARED:-}" ] && [ -d "$MARSAD_SHARED/seeds" ]; then
  db="$tmp/seeds.db"
  "$BIN" --db "$db" ingest "$MARSAD_SHARED/seeds/seeds.jsonl" >/dev/null 2>&1
  n=$(ids مرتزقة | wc -w); [ "$n" -ge 3 ] && ok || no "seeds: مرتزقة finds $n articles"
  n=$(ids '"وقف إطلاق النار"' | wc -w); [ "$n" -ge 1 ] && ok || no "seeds: \"وقف إطلاق النار\" finds $n articles"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
