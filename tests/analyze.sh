#!/bin/sh
# marsad analyze on standard input with bad lines: each bad line is
# reported as "-:LINE: reason" on stderr, the good articles are still
# analysed, and the exit status is 1 (as ingest does); all good gives 0.
set -u
. "$(dirname "$0")/lib/check.sh"

printf '%s\n' \
  '{"id":"a","published":"2021-03-05","text":"وقال الوزير إن 5 قتلى سقطوا في الهجوم."}' \
  'not json' \
  '{"id":"b","title":"no text"}' \
  '{"id":"c","published":"2021-03-05","text":"   "}' \
  '{"id":"d","published":"2021-03-05","text":"أكد المتحدث أن الوضع هادئ."}' >"$tmp/in.jsonl"

"$bin" --json analyze - <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
check "analyze - exits 1 when lines were skipped" [ $? -eq 1 ]
check "line 2 reported" grep -q '^-:2: ' "$tmp/err"
check "line 3 reported" grep -q '^-:3: ' "$tmp/err"
check "line 4 (no text) reported" grep -q '^-:4: empty article' "$tmp/err"
check "three problems, no more" [ "$(wc -l <"$tmp/err")" -eq 3 ]
check "the good articles are analysed" [ "$(grep -o '"type": *"article"' "$tmp/out" | wc -l)" -eq 2 ]
check "their facts are found" grep -q '"counts": *"killed"' "$tmp/out"

head -1 "$tmp/in.jsonl" | "$bin" analyze - >"$tmp/out" 2>"$tmp/err"
check "all good: exit 0" [ $? -eq 0 ]
check "all good: nothing on stderr" [ ! -s "$tmp/err" ]

finish
