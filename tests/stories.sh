#!/bin/sh
# End-to-end tests of the stories: the command line's usage and statuses;
# the five reference reports (../shared/seeds) form exactly one story of
# five articles, its summary naming its top entities; `marsad recluster` gives the same
# stories and decisions as the ingestion did. Skipped without ../shared.
set -u
shared=${MARSAD_SHARED:-}
seeds=$shared/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "stories: ../shared absent, skipped"; exit 77; }
. "$(dirname "$0")/lib/check.sh"

# expect STATUS CMD...: the command exits with STATUS
expect() {
  want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
  check "$* exited $got, expected $want" [ "$got" -eq "$want" ]
}

# dump DB: the stories tables as text, for comparison
dump() {
  sqlite3 "$1" "SELECT * FROM story ORDER BY id; SELECT * FROM event ORDER BY id;"\
    " SELECT * FROM article_story ORDER BY article;"
}

db=$tmp/s.db
for c in stories story recluster; do expect 0 "$bin" "$c" --help; done
expect 2 "$bin" --db "$db" stories --min-articles x
expect 2 "$bin" --db "$db" story
expect 2 "$bin" --db "$db" recluster --window -3
expect 0 "$bin" --db "$db" ingest "$seeds"
expect 1 "$bin" --db "$db" story s999
expect 1 "$bin" --db "$db" story bogus

# The seeds are one story of five articles, listed by its lead event.
"$bin" --db "$db" --json stories >"$tmp/stories.json"
check "seeds: one story of five" [ "$(sqlite3 "$db" 'SELECT count(*), sum(n_articles) FROM story')" = '1|5' ]
check "stories: a lead event per story" grep -q '"lead":{"title":' "$tmp/stories.json"
check "every article in an event of its story" [ "$(sqlite3 "$db" 'SELECT count(*) FROM article_story x JOIN event e ON e.id=x.event AND e.story=x.story')" = 5 ]

# The story lists its five articles, with evidence when asked.
"$bin" --db "$db" --json story s1 --why >"$tmp/s1.json"
check "story s1 has five articles" [ "$(grep -o '"outlet":' "$tmp/s1.json" | wc -l)" -eq 5 ]
check "story s1 explains its merges" grep -q '"rule":"similar"' "$tmp/s1.json"
check "story s1 lists its events" grep -q '"events":\[{"id":' "$tmp/s1.json"
check "story s1 explains its events" grep -q '"event":{"rule":' "$tmp/s1.json"
"$bin" --db "$db" story --why s1 >"$tmp/s1.txt"
check "story --why prints shared terms" grep -q 'shared:' "$tmp/s1.txt"
# Its summary names its top entities, with their articles: Azerbaijan in all five.
check "story lists its top entities" grep -q '^entities: .*أذربيجان (5)' "$tmp/s1.txt"
"$bin" --db "$db" stories >"$tmp/front.txt"
check "stories name each story's entities" grep -q '^  *.*ناغورنو كاراباخ' "$tmp/front.txt"

# Recluster gives what the ingestion gave.
dump "$db" >"$tmp/before"
expect 0 "$bin" --db "$db" recluster
dump "$db" >"$tmp/after"
check "recluster equals ingestion" cmp -s "$tmp/before" "$tmp/after"

# Two sessions (the second reloads the clusterer's state from the tables)
# give what one recluster gives.
head -n 3 "$seeds" >"$tmp/part1.jsonl"
tail -n +4 "$seeds" >"$tmp/part2.jsonl"
"$bin" --db "$tmp/two.db" ingest "$tmp/part1.jsonl" 2>/dev/null
"$bin" --db "$tmp/two.db" ingest "$tmp/part2.jsonl" 2>/dev/null
dump "$tmp/two.db" >"$tmp/two.before"
expect 0 "$bin" --db "$tmp/two.db" recluster
dump "$tmp/two.db" >"$tmp/two.after"
check "two sessions equal one recluster" cmp -s "$tmp/two.before" "$tmp/two.after"
check "two sessions equal one ingestion" cmp -s "$tmp/two.before" "$tmp/before"

# Stored terms cleared between the sessions (as migration 061 clears those
# of the former encoding): the second session rebuilds them from the
# articles' text and decides as with them.
decisions() {
  sqlite3 "$1" "SELECT * FROM story ORDER BY id; SELECT * FROM event ORDER BY id;"\
    " SELECT article, story, score, best, evidence, copy_of, resemblance, terms, event"\
    " FROM article_story ORDER BY article;"
}
"$bin" --db "$tmp/novec.db" ingest "$tmp/part1.jsonl" 2>/dev/null
sqlite3 "$tmp/novec.db" "UPDATE article_story SET vec=NULL"
"$bin" --db "$tmp/novec.db" ingest "$tmp/part2.jsonl" 2>/dev/null
check "cleared stored terms: same decisions" [ "$(decisions "$tmp/novec.db")" = "$(decisions "$tmp/s.db")" ]
check "stored terms written again" [ "$(sqlite3 "$tmp/novec.db" 'SELECT count(vec) FROM article_story')" -gt 0 ]

finish
