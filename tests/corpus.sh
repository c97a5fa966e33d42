#!/bin/sh
# A slice of ../shared/corpus/saudinewsnet.jsonl (skipped when absent) with a
# malformed line put in its middle: the line is reported with its number and
# skipped, every other article is stored, and a rerun adds nothing.
set -u
bin=${MARSAD_BIN:?}
corpus=${MARSAD_SHARED:-../../shared}/corpus/saudinewsnet.jsonl
[ -f "$corpus" ] || { echo "no ../shared/corpus: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n 1499 "$corpus" >"$tmp/slice.jsonl"
printf '{"url": "http://example.org/x", "title": "مقطوع", "text": "نص لم يكتمل\n' >>"$tmp/slice.jsonl"
sed -n '1500,3000p' "$corpus" >>"$tmp/slice.jsonl"
pass=0 fail=0
check() { if eval "$1"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $2"; fi; }
"$bin" --db "$tmp/c.db" --json ingest "$tmp/slice.jsonl" >"$tmp/out" 2>"$tmp/err"
check '[ $? -eq 1 ]' "exit status 1 when a line was skipped"
check 'grep -q "slice.jsonl:1500: bad JSON" "$tmp/err"' "the malformed line is named"
valid=$(python3 - "$tmp/slice.jsonl" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        d = json.loads(line)
    except ValueError:
        continue
    n += isinstance(d.get("text"), str)
print(n)
PY
)
read_count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["read"])' "$tmp/out")
check '[ "$read_count" -eq "$valid" ]' "every valid article read ($read_count of $valid)"
"$bin" --db "$tmp/c.db" --json ingest "$tmp/slice.jsonl" >"$tmp/out2" 2>/dev/null
added=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["added"])' "$tmp/out2")
check '[ "$added" -eq 0 ]' "a rerun adds nothing"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
