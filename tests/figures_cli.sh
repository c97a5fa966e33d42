#!/bin/sh
# marsad figures on a store with many figures: an unfiltered listing says
# how to narrow it (on stderr), a filtered one does not.
set -u
. "$(dirname "$0")/lib/check.sh"

i=0
while [ $i -lt 240 ]; do
  printf '{"id":"a%d","published":"2021-03-05","text":"وقال الدفاع المدني إن %d أشخاص قتلوا في الحادث رقم %d."}\n' $i $((i+3)) $i
  i=$((i+1))
done >"$tmp/in.jsonl"
"$bin" --db "$tmp/t.db" ingest "$tmp/in.jsonl" 2>/dev/null

"$bin" --db "$tmp/t.db" figures >"$tmp/out" 2>"$tmp/err"
check "figures exits 0" [ $? -eq 0 ]
check "every figure is listed" [ "$(grep -c ' killed' "$tmp/out")" -eq 240 ]
check "a hint to narrow" grep -q 'narrow them with --story' "$tmp/err"
"$bin" --db "$tmp/t.db" figures --since 2021-03-01 >"$tmp/out" 2>"$tmp/err"
check "no hint when filtered" [ ! -s "$tmp/err" ]

finish
