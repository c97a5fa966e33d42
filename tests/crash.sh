#!/bin/sh
# Kill -9 in the middle of an ingest (batches of 200: several commits before
# the kill), several times at random moments: the database must pass PRAGMA
# integrity_check, and a rerun must complete it with no duplicate and nothing
# missing.
set -u
bin=${MARSAD_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=3000
python3 - "$tmp/in.jsonl" "$n" <<'PY'
import json, random, sys
random.seed(7)
words = "قال أكد المتحدث الوزارة الحكومة الاجتماع المحادثات السلام الأمن المدينة الشرطة".split()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(int(sys.argv[2])):
        body = " ".join(random.choice(words) for _ in range(60)) + f" رقم {i}."
        f.write(json.dumps({"id": f"c{i}", "outlet": f"o{i%7}", "published": "2021-01-%02d" % (1+i%28),
                            "title": f"خبر {i}", "text": body}, ensure_ascii=False) + "\n")
PY
pass=0 fail=0
for round in 1 2 3 4 5; do
  "$bin" --db "$tmp/c.db" ingest --batch 200 "$tmp/in.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( (round * 37) % 9 + 1 ))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  ok=$(sqlite3 "$tmp/c.db" "PRAGMA integrity_check" 2>&1)
  if [ "$ok" = "ok" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: round $round: $ok"; fi
done
"$bin" --db "$tmp/c.db" ingest "$tmp/in.jsonl" >/dev/null 2>&1
count=$(sqlite3 "$tmp/c.db" "SELECT count(*), count(DISTINCT input) FROM article")
if [ "$count" = "$n|$n" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: after rerun: $count"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
