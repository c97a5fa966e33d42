#!/bin/sh
# The `marsad tokens` command: usage errors, text and --json output with
# keys, stems and byte spans, standard input.
set -u
. "$(dirname "$0")/lib/check.sh"

"$bin" tokens >/dev/null 2>&1; check "no text exits 2" [ $? -eq 2 ]
"$bin" tokens a b >/dev/null 2>&1; check "two texts exit 2" [ $? -eq 2 ]
"$bin" tokens --bogus x >/dev/null 2>&1; check "bad option exits 2" [ $? -eq 2 ]
"$bin" tokens --help >"$tmp/help"; check "--help exits 0" [ $? -eq 0 ]
check "--help shows usage" grep -q "usage: marsad tokens" "$tmp/help"

"$bin" tokens 'وَالكتاب ١٢٫٥' >"$tmp/out"
check "text output" [ "$(cat "$tmp/out")" = "$(printf 'arabic 0-16\tوَالكتاب\tkey=والكتاب\tstem=كتاب\nnumber 17-25\t١٢٫٥\tkey=12.5\tstem=12.5')" ]

printf 'قال: نعم' | "$bin" --json tokens --punct - >"$tmp/json"
check "stdin with --json and --punct" python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert [x["kind"] for x in t] == ["arabic", "punct", "arabic"], t
assert t[1] == {"kind": "punct", "text": ":", "key": ":", "stem": ":", "start": 6, "end": 7}, t
' "$tmp/json"

"$bin" tokens --sentences 'قال د. أحمد: “انتهى.” ثم غادر' >"$tmp/sent"
check "sentences" [ "$(cat "$tmp/sent")" = "$(printf '0-38\tقال د. أحمد: “انتهى.”\n39-52\tثم غادر')" ]

printf 'abc\377. def' | "$bin" --json tokens --sentences - >"$tmp/badjson"
check "invalid UTF-8 in --json sentences" python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert t == [{"text": "abc\ufffd.", "start": 0, "end": 5}, {"text": "def", "start": 6, "end": 9}], t
' "$tmp/badjson"

finish
