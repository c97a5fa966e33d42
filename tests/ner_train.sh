#!/bin/sh
# marsad ner --train over two CoNLL files, one written the ANERcorp way
# (token TAG) and one the Wojood way (token and nested tags, the first
# counting; GPE for countries): the model's header names both files in its
# recipe, each epoch reads both (the token count), and a file that cannot
# be read fails with its name.
set -u
. "$(dirname "$0")/lib/check.sh"

printf '%s\n' 'وصل B-PERS' 'زيد I-PERS' 'إلى O' 'عمان B-LOC' '. O' '' > "$tmp/a.txt"
printf '%s\n' 'زار O' 'الوفد O' 'بوركينا B-GPE' 'فاسو I-GPE B-LOC' '. O' '' \
  'وغادر O' 'بوركينا B-GPE' 'فاسو I-GPE' 'أمس O' '. O' '' > "$tmp/b.txt"
"$bin" ner --train "$tmp/a.txt" "$tmp/b.txt" --epochs 3 --keep 1000 >"$tmp/model" 2>"$tmp/err"
check "training exits 0" [ $? -eq 0 ]
check "the recipe names both files" grep -q "marsad ner --train $tmp/a.txt $tmp/b.txt" "$tmp/model"
check "an epoch reads both files (15 tokens)" grep -q "^epoch 3: 15 tokens" "$tmp/err"
check "weights written" grep -q "^[0-9a-f]\{8\}	" "$tmp/model"
"$bin" ner --train "$tmp/a.txt" "$tmp/none.txt" --epochs 1 >/dev/null 2>"$tmp/err"
check "a missing file fails (exit 3)" [ $? -eq 3 ]
check "and is named" grep -q "none.txt" "$tmp/err"
finish
