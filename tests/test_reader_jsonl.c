/*
** test_reader_jsonl.c: the JSON Lines reader on its own: the members it
** reads (an integer id written as text, a title's HTML references decoded,
** escapes and surrogate pairs decoded), what it passes over (other members,
** nested objects, blank lines, a byte order mark), and each kind of bad line
** reported with its line and the column (in characters) where it goes wrong
** while the other lines are read: broken JSON, a duplicate member, U+0000 in
** a member, half a surrogate pair, a value that is no object, no text.
*/
#include "harness.h"
#include "reader_sink.h"

/* Runs the JSONL reader on z. Returns its code. */
static int read_jsonl(sink *pSink, const char *z){
  memset(pSink, 0, sizeof *pSink);
  return marsad_reader_jsonl.xRead("in.jsonl", z, strlen(z), sink_doc, sink_problem, pSink);
}

static void test_members(void){
  sink s;
  const char *z =
    "\xEF\xBB\xBF{\"id\": 42, \"url\": \"https://x.example/a\", \"outlet\": \"وكالة\","
    " \"published\": \"2020-10-01\", \"title\": \"&quot;عنوان&quot;\","
    " \"extra\": {\"text\": \"ليس هذا\", \"id\": \"no\"}, \"tags\": [\"a\", 1],"
    " \"text\": \"سطر أول\\nقال \\\"المتحدث\\\" \\u0627\\ud83d\\ude00\"}\r\n"
    "\n   \n"
    "{\"text\": \"نص\", \"id\": null, \"title\": 7, \"url\": true}\n";
  CHECK_EQ_INT(read_jsonl(&s, z), MARSAD_OK);
  CHECK_EQ_INT(s.nProblem, 0);
  CHECK_EQ_INT(s.nDoc, 2);
  if( s.nDoc==2 ){
    marsad_doc *d = &s.aDoc[0];
    CHECK_EQ_STR(d->zInput, "42");
    CHECK_EQ_STR(d->zUrl, "https://x.example/a");
    CHECK_EQ_STR(d->zOutlet, "وكالة");
    CHECK_EQ_STR(d->zPublished, "2020-10-01");
    CHECK_EQ_STR(d->zTitle, "\"عنوان\"");
    CHECK_EQ_STR(d->zText, "سطر أول\nقال \"المتحدث\" ا\xF0\x9F\x98\x80");
    CHECK_EQ_INT(d->nText, strlen(d->zText));
    CHECK_EQ_INT(d->iLine, 1);
    CHECK(d->zRaw && d->zRaw[0]=='{' && d->nRaw==strlen(d->zRaw));
    d = &s.aDoc[1];
    CHECK_EQ_INT(d->iLine, 4);
    CHECK_EQ_STR(d->zInput, "in.jsonl");   /* null id: the file names it */
    CHECK_EQ_STR(d->zTitle, "7");
    CHECK_EQ_STR(d->zUrl, 0);
  }
  sink_free(&s);
}

/* Reads z, a single bad line between two good ones; checks that the good
** ones are read and that the problem is zWant. */
static void check_bad(const char *zBad, const char *zWant){
  char z[512];
  snprintf(z, sizeof z, "{\"text\": \"قبل\"}\n%s\n{\"text\": \"بعد\"}\n", zBad);
  sink s;
  CHECK_EQ_INT(read_jsonl(&s, z), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 2);
  CHECK_EQ_INT(s.nProblem, 1);
  CHECK_EQ_STR(s.zProblem, zWant);
  sink_free(&s);
}

static void test_bad_lines(void){
  check_bad("{\"id\": \"ب3\", \"text\": ",
            "in.jsonl:2: bad JSON at column 21: parse error: premature EOF");
  check_bad("{\"نص\": x}", "in.jsonl:2: bad JSON at column 8: lexical error: invalid char in json text.");
  check_bad("{\"text\": \"نص\", \"text\": \"آخر\"}",
            "in.jsonl:2: bad JSON at column 21: duplicate member \"text\"");
  check_bad("{\"text\": \"a\\u0000b\"}",
            "in.jsonl:2: bad JSON at column 19: \"text\" holds \\u0000");
  check_bad("{\"text\": \"a\\ud83dxb\"}",
            "in.jsonl:2: bad JSON at column 17: \\ud83d: half of a UTF-16 surrogate pair");
  check_bad("{\"text\": \"a\\uDE00\"}",
            "in.jsonl:2: bad JSON at column 17: \\uDE00: half of a UTF-16 surrogate pair");
  check_bad("{\"text\": \"نص\"} x", "in.jsonl:2: bad JSON at column 16: parse error: trailing garbage");
  check_bad("{\"text\": \"نص\", \"id\": 12345678901234567890}",
            "in.jsonl:2: bad JSON at column 21: parse error: integer overflow");
  check_bad("[{\"text\": \"نص\"}]", "in.jsonl:2: not a JSON object");
  check_bad("\"نص\"", "in.jsonl:2: not a JSON object");
  check_bad("{\"text\": 5, \"title\": \"عنوان\"}", "in.jsonl:2: no \"text\" or \"html\" string member");
}

/* An escaped backslash before "u" starts no escape; a duplicate inside a
** nested object is no duplicate member. */
static void test_not_escapes(void){
  sink s;
  CHECK_EQ_INT(read_jsonl(&s, "{\"text\": \"a\\\\ud83db\", \"x\": {\"text\": 1, \"text\": 2}}"), MARSAD_OK);
  CHECK_EQ_INT(s.nProblem, 0);
  CHECK_EQ_INT(s.nDoc, 1);
  if( s.nDoc==1 ) CHECK_EQ_STR(s.aDoc[0].zText, "a\\ud83db");
  sink_free(&s);
}

int main(void){
  RUN(test_members);
  RUN(test_bad_lines);
  RUN(test_not_escapes);
  return DONE();
}
