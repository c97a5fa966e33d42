/*
** test_sentence.c: the sentence splitter (sentence.h): terminators,
** paragraphs, numbers, abbreviations, closing quotes.
*/
#include "harness.h"
#include "marsad.h"
#include "sentence.h"

/* Sentences collected as their texts joined by " | ". */
typedef struct collect { const char *zText; char z[4096]; size_t n; int nSent; } collect;

static int collect_sentence(void *pCtx, size_t iStart, size_t iEnd){
  collect *c = (collect*)pCtx;
  c->n += (size_t)snprintf(c->z+c->n, sizeof c->z - c->n, "%s%.*s",
      c->nSent ? " | " : "", (int)(iEnd-iStart), c->zText+iStart);
  c->nSent++;
  return 0;
}

/* Splits z and returns the joined sentences (static storage). */
static const char *sentences_of(const char *z){
  static collect c;
  memset(&c, 0, sizeof c);
  c.zText = z;
  CHECK_EQ_INT(marsad_sentences(z, strlen(z), collect_sentence, &c), MARSAD_OK);
  return c.z;
}

typedef struct sent_case { const char *zIn; const char *zWant; } sent_case;

static const sent_case aCase[] = {
  { "قال الوزير. ثم غادر.", "قال الوزير. | ثم غادر." },
  { "هل انتهى؟ نعم! بالتأكيد", "هل انتهى؟ | نعم! | بالتأكيد" },
  /* runs of terminators stay together */
  { "ماذا؟! لا أعرف... ربما", "ماذا؟! | لا أعرف... | ربما" },
  { "بعد ضغوط.. موسكو تدعو", "بعد ضغوط.. | موسكو تدعو" },
  { "انتظر… ثم قال", "انتظر… | ثم قال" },
  /* numbers and dates */
  { "ارتفع بنسبة 3.5 في المئة. وقال", "ارتفع بنسبة 3.5 في المئة. | وقال" },
  { "في 01/11/2020 وفي 01.11.2020 أيضا.", "في 01/11/2020 وفي 01.11.2020 أيضا." },
  { "الموقع example.com مغلق.", "الموقع example.com مغلق." },
  /* abbreviations */
  { "قال د. محمد علي إن الوضع خطير.", "قال د. محمد علي إن الوضع خطير." },
  { "وصل م. أحمد. ثم بدأ", "وصل م. أحمد. | ثم بدأ" },
  { "J. Smith met U.S. officials. Then left.", "J. Smith met U.S. officials. | Then left." },
  /* a year suffix is not an abbreviation */
  { "وقع ذلك عام 2020م. ثم تغير", "وقع ذلك عام 2020م. | ثم تغير" },
  /* closing quotes stay with their sentence */
  { "قال: “انتهى الأمر.” ثم سكت.", "قال: “انتهى الأمر.” | ثم سكت." },
  { "قال: \"نعم.\" وذهب", "قال: \"نعم.\" | وذهب" },
  { "(انتهى.) بعد", "(انتهى.) | بعد" },
  /* missing space after a full stop in Arabic */
  { "انتهى الاجتماع.وقال الوزير", "انتهى الاجتماع. | وقال الوزير" },
  /* lines are paragraphs; blank lines and white space disappear */
  { "عنوان بلا نقطة\nالفقرة الأولى\n\n  الفقرة الثانية.  \n\n\n", "عنوان بلا نقطة | الفقرة الأولى | الفقرة الثانية." },
  { "", "" },
  { " \n \n", "" },
  { "...", "..." },
  { "بلا نهاية", "بلا نهاية" },
};

static void test_cases(void){
  for(size_t i=0; i<sizeof aCase/sizeof aCase[0]; i++){
    CHECK_EQ_STR(sentences_of(aCase[i].zIn), aCase[i].zWant);
  }
}

/* Spans are inside the text, in order, and do not start or end in space. */
typedef struct span_check { const char *z; size_t n; size_t iLast; int bOk; } span_check;

static int check_span(void *pCtx, size_t iStart, size_t iEnd){
  span_check *c = (span_check*)pCtx;
  if( iStart<c->iLast || iEnd<=iStart || iEnd>c->n ) c->bOk = 0;
  else if( c->z[iStart]==' ' || c->z[iEnd-1]==' ' ) c->bOk = 0;
  c->iLast = iEnd;
  return 0;
}

static void test_spans(void){
  const char *z = "  أ. ب. ج. \xff\xfe. \"x\". y\n\n... ؟؟ !";
  span_check c = { z, strlen(z), 0, 1 };
  CHECK_EQ_INT(marsad_sentences(z, strlen(z), check_span, &c), MARSAD_OK);
  CHECK(c.bOk);
}

/* The callback's value stops the splitter. */
static int stop_cb(void *pCtx, size_t iStart, size_t iEnd){ return 7; }

static void test_stop(void){
  CHECK_EQ_INT(marsad_sentences("a. b. c.", 8, stop_cb, 0), 7);
}

int main(void){
  RUN(test_cases);
  RUN(test_spans);
  RUN(test_stop);
  return DONE();
}
