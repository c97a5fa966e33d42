/*
** test_numbers.c: numbers in news sentences: digits of every script,
** number words, multipliers, duals, vague quantities, hedges and ranges;
** dates are not numbers.
*/
#include <string.h>
#include "harness.h"
#include "marsad.h"
#include "dates.h"
#include "lexicon.h"
#include "numbers.h"

/* One case: a sentence, the expected expression (substring), value, upper
** bound, hedge and vagueness of its first number. */
typedef struct num_case {
  const char *zText;
  const char *zExpr;
  double dValue;
  double dMax;
  int eApprox;
  int bVague;
} num_case;

static const num_case aCase[] = {
  {"ارتفعت حصيلة القتلى إلى 28 قتيلا.", "28", 28, 28, MARSAD_APPROX_EXACT, 0},
  {"وبلغ عدد النازحين 12,500 شخص.", "12,500", 12500, 12500, MARSAD_APPROX_EXACT, 0},
  {"وبلغ عدد النازحين ١٢٬٥٠٠ شخص.", "١٢٬٥٠٠", 12500, 12500, MARSAD_APPROX_EXACT, 0},
  {"أعلنت الوزارة تسجيل ۳۵ إصابة جديدة.", "۳۵", 35, 35, MARSAD_APPROX_EXACT, 0},
  {"وصل 1.5 مليون لاجئ إلى البلاد.", "1.5 مليون", 1500000, 1500000, MARSAD_APPROX_EXACT, 0},
  {"تداولت وسائل إعلام أنباء عن إرسال أربعة آلاف مقاتل.", "أربعة آلاف", 4000, 4000, MARSAD_APPROX_EXACT, 0},
  {"قال المسؤول لدينا 130 ألف حارس أمن.", "130 ألف", 130000, 130000, MARSAD_APPROX_EXACT, 0},
  {"قتل خمسة وعشرون مدنيا في القصف.", "خمسة وعشرون", 25, 25, MARSAD_APPROX_EXACT, 0},
  {"أفرج عن ثلاثمائة معتقل.", "ثلاثمائة", 300, 300, MARSAD_APPROX_EXACT, 0},
  {"نزح مئة ألف شخص من المدينة.", "مئة ألف", 100000, 100000, MARSAD_APPROX_EXACT, 0},
  {"وصل عدد القتلى إلى 3 آلاف و800 شخص.", "3 آلاف و800", 3800, 3800, MARSAD_APPROX_EXACT, 0},
  {"وأسفر الهجوم عن ثلاثة عشر قتيلا.", "ثلاثة عشر", 13, 13, MARSAD_APPROX_EXACT, 0},
  /* duals */
  {"وسقط قتيلان في الاشتباكات.", "قتيلان", 2, 2, MARSAD_APPROX_EXACT, 0},
  {"وأصيب جريحين بجروح خطيرة.", "جريحين", 2, 2, MARSAD_APPROX_EXACT, 0},
  /* vague */
  {"وردت أنباء عن مقتل العشرات وإصابة المئات.", "العشرات", 10, 10, MARSAD_APPROX_AT_LEAST, 1},
  {"وخرج عشرات الآلاف إلى الشوارع.", "عشرات الآلاف", 10000, 10000, MARSAD_APPROX_AT_LEAST, 1},
  {"وتسببت الحرب في مئات آلاف القتلى.", "مئات آلاف", 100000, 100000, MARSAD_APPROX_AT_LEAST, 1},
  {"ونزح آلاف المدنيين.", "آلاف", 1000, 1000, MARSAD_APPROX_AT_LEAST, 1},
  /* hedges before and after */
  {"بلغ عددهم ما لا يقل عن 2350 مرتزقا.", "ما لا يقل عن 2350", 2350, 2350, MARSAD_APPROX_AT_LEAST, 0},
  {"بينما أصيب وفقد 62 منهم على الأقل.", "62 منهم على الأقل", 62, 62, MARSAD_APPROX_AT_LEAST, 0},
  {"مقدرة أعدادهم بـ12 أو ما يزيد.", "12 أو ما يزيد", 12, 12, MARSAD_APPROX_AT_LEAST, 0},
  {"والذين اقترب عددهم من 2000 مقاتل.", "اقترب عددهم من 2000", 2000, 2000, MARSAD_APPROX_ABOUT, 0},
  {"قتل نحو 40 شخصا.", "نحو 40", 40, 40, MARSAD_APPROX_ABOUT, 0},
  {"وتضم القافلة حوالي 300 شاحنة.", "حوالي 300", 300, 300, MARSAD_APPROX_ABOUT, 0},
  {"وفر بنحو 600 شخص.", "بنحو 600", 600, 600, MARSAD_APPROX_ABOUT, 0},
  {"ويضم المخيم أقل من 500 عائلة.", "أقل من 500", 500, 500, MARSAD_APPROX_AT_MOST, 0},
  {"عدد المصابين لا يتجاوز 20 شخصا.", "لا يتجاوز 20", 20, 20, MARSAD_APPROX_AT_MOST, 0},
  {"قتل أكثر من 100 شخص.", "أكثر من 100", 100, 100, MARSAD_APPROX_AT_LEAST, 0},
  /* ranges */
  {"قتل بين 10 و20 مدنيا.", "بين 10 و20", 10, 20, MARSAD_APPROX_AT_LEAST, 0},
};

/* Builds words, finds dates then numbers in z. */
static void analyse(const char *z, marsad_words *pW, marsad_numbers *pN){
  marsad_dates d = MARSAD_DATES_INIT;
  marsad_ymd ref = {2020, 11, 1};
  CHECK_EQ_INT(marsad_words_build(z, strlen(z), pW), MARSAD_OK);
  unsigned char *aUsed = calloc((size_t)pW->nWord + 1, 1);
  CHECK_EQ_INT(marsad_dates_find(pW, &ref, 0, aUsed, &d), MARSAD_OK);
  CHECK_EQ_INT(marsad_numbers_find(pW, aUsed, pN), MARSAD_OK);
  free(aUsed);
  marsad_dates_free(&d);
}

/* Runs every case of aCase. */
static void test_cases(void){
  for(size_t k=0; k<sizeof aCase/sizeof aCase[0]; k++){
    const num_case *c = &aCase[k];
    marsad_words w = MARSAD_WORDS_INIT;
    marsad_numbers nums = MARSAD_NUMBERS_INIT;
    analyse(c->zText, &w, &nums);
    if( nums.n==0 ){
      fprintf(stderr, "case %zu: no number in «%s»\n", k, c->zText);
      CHECK(nums.n>0);
    }else{
      const marsad_number *n = &nums.a[0];
      const char *zHit = strstr(c->zText, c->zExpr);
      int bOk = n->dValue==c->dValue && n->dMax==c->dMax && n->eApprox==c->eApprox
             && n->bVague==c->bVague && zHit
             && w.a[n->iExpr0].iStart==(size_t)(zHit-c->zText)
             && w.a[n->iExpr1-1].iEnd==(size_t)(zHit-c->zText)+strlen(c->zExpr);
      if( !bOk ){
        fprintf(stderr, "case %zu «%s»: got %g..%g %s vague=%d span «%.*s»\n", k, c->zText,
                n->dValue, n->dMax, marsad_approx_name(n->eApprox), n->bVague,
                (int)(w.a[n->iExpr1-1].iEnd - w.a[n->iExpr0].iStart), c->zText + w.a[n->iExpr0].iStart);
      }
      CHECK(bOk);
    }
    marsad_numbers_free(&nums);
    marsad_words_free(&w);
  }
}

/* Dates and ordinals are not numbers. */
static void test_not_numbers(void){
  static const char *const az[] = {
    "وفي 26 من أيلول الماضي اندلعت الاشتباكات.",
    "الخرطوم 01/11/2020 - قال مسؤول.",
    "فشلت المحادثات في التوصل إلى وقف إطلاق نار رابع.",
    "وعقد الاجتماع الثاني يوم الأحد.",
  };
  for(size_t k=0; k<sizeof az/sizeof az[0]; k++){
    marsad_words w = MARSAD_WORDS_INIT;
    marsad_numbers nums = MARSAD_NUMBERS_INIT;
    analyse(az[k], &w, &nums);
    if( nums.n ) fprintf(stderr, "«%s»: found %g\n", az[k], nums.a[0].dValue);
    CHECK_EQ_INT(nums.n, 0);
    marsad_numbers_free(&nums);
    marsad_words_free(&w);
  }
}

int main(void){
  RUN(test_cases);
  RUN(test_not_numbers);
  return DONE();
}
