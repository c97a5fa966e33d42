#!/bin/sh
# The C library as the README tells a user to link it: a program of its own
# built against include/marsad.h and build/libmarsad (shared, then static
# with the dependencies the README lists) ingests articles and asks for the
# entities and one entity, as `marsad --json entities` and `entity` answer.
# Skipped (77) without a C compiler or when the library was built with
# sanitizers (make asan: a plain program cannot link it).
set -u
. "$(dirname "$0")/lib/check.sh"
build=$(cd "$(dirname "$bin")" && pwd)
src=${MARSAD_SRC:-$(dirname "$0")/..}
command -v cc >/dev/null || { echo "no cc: skipped"; exit 77; }
if nm "$build/libmarsad.a" 2>/dev/null | grep -q '__asan_\|__ubsan_'; then
  echo "library built with sanitizers: skipped"; exit 77
fi

printf '%s\n' \
  '{"id":"a1","published":"2021-03-05","title":"أردوغان في أنقرة","text":"قال الرئيس التركي رجب طيب أردوغان في أنقرة إن الحوار مستمر. وأكد إردوغان أن الوفد وصل."}' \
  >"$tmp/in.jsonl"
cat >"$tmp/app.c" <<'C'
#include <marsad.h>
#include <stdio.h>
int main(int argc, char **argv){
  marsad_db *db; char *err = 0, *json = 0;
  if( marsad_open(argv[1], 0, &db, &err)!=MARSAD_OK ){ printf("open: %s\n", err); return 1; }
  marsad_ingest_stats st = {0};
  if( marsad_ingest_path(db, argv[2], NULL, &st)!=MARSAD_OK ) return 2;
  marsad_query e = {0}; e.zKind = "person"; e.nLimit = 20;
  if( marsad_entities_json(db, &e, &json)!=MARSAD_OK ) return 3;
  printf("%s\n", json);
  marsad_free(json);
  if( marsad_entity_json(db, "Erdogan", MARSAD_QUERY_WHY, &json)!=MARSAD_OK ) return 4;
  printf("%s\n", json);
  marsad_free(json);
  marsad_close(db);
  return 0;
}
C
cc -std=c17 "$tmp/app.c" -I"$src/include" -L"$build" -lmarsad -Wl,-rpath,"$build" -o "$tmp/app" 2>"$tmp/err"
check "a program links libmarsad.so" [ $? -eq 0 ]
"$tmp/app" "$tmp/a.db" "$tmp/in.jsonl" >"$tmp/out" 2>&1
check "it ingests and answers" [ $? -eq 0 ]
check "its entities: Erdogan a person" grep -q '"kind":"person","name":"رجب طيب أردوغان"' "$tmp/out"
check "its entity Erdogan, with why" grep -q '"name_en":"Recep Tayyip Erdogan".*"reason":"' "$tmp/out"
# shellcheck disable=SC2046
cc -std=c17 "$tmp/app.c" -I"$src/include" "$build/libmarsad.a" $(pkg-config --libs sqlite3 libutf8proc \
   jansson yajl libxml-2.0 libmicrohttpd libxxhash) -lstemmer -lm -lpthread -o "$tmp/app_static" 2>"$tmp/err"
check "a program links libmarsad.a with the README's libraries" [ $? -eq 0 ]
"$tmp/app_static" "$tmp/b.db" "$tmp/in.jsonl" >"$tmp/out2" 2>&1
check "the static one answers the same" cmp -s "$tmp/out" "$tmp/out2"
finish
