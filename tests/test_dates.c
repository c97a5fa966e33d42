/*
** test_dates.c: dates in news sentences: explicit, numeric, Hijri,
** relative and weekday dates, resolved against a publication date, with
** their precision and span; and the publication date read from a text.
*/
#include <string.h>
#include "harness.h"
#include "marsad.h"
#include "dates.h"
#include "lexicon.h"

/* One case: a sentence, the publication date, the expected date text
** (a substring of the sentence), its value and precision. */
typedef struct date_case {
  const char *zText;
  const char *zPub;       /* YYYY-MM-DD or NULL */
  const char *zSpan;      /* expected span of the first date */
  const char *zValue;     /* expected value ("" when unresolved) */
  int ePrec;
} date_case;

static const date_case aCase[] = {
  /* explicit, Levantine month, year from the publication date */
  {"وفي 26 من أيلول الماضي اندلعت الاشتباكات.", "2020-10-30",
   "26 من أيلول الماضي", "2020-09-26", MARSAD_PREC_DAY},
  /* "الماضي" pushes a date after the publication day back a year */
  {"وقع الانفجار في 20 من كانون الأول الماضي.", "2021-01-05",
   "20 من كانون الأول الماضي", "2020-12-20", MARSAD_PREC_DAY},
  /* without a direction word, the nearest year */
  {"ستعقد القمة في 3 يناير المقبل.", "2020-12-15", "3 يناير المقبل", "2021-01-03", MARSAD_PREC_DAY},
  {"وصل الوفد في 14 أكتوبر 2020 إلى الدوحة.", "2021-03-01", "14 أكتوبر 2020", "2020-10-14", MARSAD_PREC_DAY},
  /* two names of one month */
  {"أعلنت الوزارة يوم 25 مارس/آذار أنها أغلقت الحدود.", "2020-04-02", "25 مارس/آذار", "2020-03-25", MARSAD_PREC_DAY},
  /* Maghreb month names */
  {"انطلقت الحملة يوم 12 جويلية 2019 في تونس.", 0, "12 جويلية 2019", "2019-07-12", MARSAD_PREC_DAY},
  {"تنتهي المهلة في 5 أفريل.", "2021-03-20", "5 أفريل", "2021-04-05", MARSAD_PREC_DAY},
  /* numeric dates */
  {"الخرطوم 01/11/2020 (رويترز) - قال مسؤول", 0, "01/11/2020", "2020-11-01", MARSAD_PREC_DAY},
  {"نشر التقرير بتاريخ 2019-05-07 على موقع الوزارة.", 0, "2019-05-07", "2019-05-07", MARSAD_PREC_DAY},
  {"القاهرة ٠٣/٠٢/٢٠٢١ - أفاد شهود", 0, "٠٣/٠٢/٢٠٢١", "2021-02-03", MARSAD_PREC_DAY},
  /* Hijri */
  {"وصدر القرار في 1 رمضان 1442 هـ بعد مشاورات.", 0, "1 رمضان 1442 هـ", "2021-04-13", MARSAD_PREC_DAY},
  /* numeric Hijri dates: marked, or by a year no Gregorian date in the news has */
  {"وصدر الأمر الملكي بتاريخ 27-12-1406هـ بتعيينه.", "2015-03-05", "27-12-1406هـ", "1986-09-02", MARSAD_PREC_DAY},
  {"وأقيم الحفل في 1436/5/12 بحضور الأمير.", "2015-03-05", "1436/5/12", "2015-03-03", MARSAD_PREC_DAY},
  /* relative expressions */
  {"أفاد المرصد أمس بمقتل عشرة مقاتلين.", "2020-11-01", "أمس", "2020-10-31", MARSAD_PREC_DAY},
  {"وأكد المرصد، أمس الأول، وصول دفعة جديدة.", "2020-11-01", "أمس الأول", "2020-10-30", MARSAD_PREC_DAY},
  {"ويصل الوزير غدا إلى بغداد.", "2020-11-01", "غدا", "2020-11-02", MARSAD_PREC_DAY},
  {"وكانت الحكومة قد أعلنت الشهر الماضي خطة جديدة.", "2020-11-01", "الشهر الماضي", "2020-10", MARSAD_PREC_MONTH},
  {"وارتفعت الأسعار العام الماضي.", "2020-11-01", "العام الماضي", "2019", MARSAD_PREC_YEAR},
  {"قال الوزير اليوم إن المحادثات مستمرة.", 0, "اليوم", "", MARSAD_PREC_DAY},
  /* weekdays: the latest such day on or before the publication date */
  {"أكدت الوزارة، الأربعاء، أن الحدود مغلقة.", "2020-10-01", "الأربعاء", "2020-09-30", MARSAD_PREC_DAY},
  {"أعلن مكتب المدعي العام يوم الخميس أن القصف أودى بحياة مدني.", "2020-10-01", "يوم الخميس", "2020-10-01", MARSAD_PREC_DAY},
  {"والتقى الرئيسان الأحد الماضي في موسكو.", "2020-10-04", "الأحد الماضي", "2020-09-27", MARSAD_PREC_DAY},
  /* relative and weekday together, then a full date that wins */
  {"أعلنت موسكو مساء اليوم الخميس أن الوزيرين دعيا إلى وقف القتال.", "2020-10-01", "اليوم الخميس", "2020-10-01", MARSAD_PREC_DAY},
  {"وتحدث نائب الوزير اليوم الجمعة 30 من تشرين الأول عن الخطر.", "2020-10-30", "اليوم الجمعة 30 من تشرين الأول", "2020-10-30", MARSAD_PREC_DAY},
  /* a month with its year, a year */
  {"بدأت الحرب في أيلول 2020 واستمرت أسابيع.", 0, "أيلول 2020", "2020-09", MARSAD_PREC_MONTH},
  {"وتعود الأزمة إلى عام 2011 حين اندلعت الاحتجاجات.", 0, "عام 2011", "2011", MARSAD_PREC_YEAR},
  /* a year by its place: in parentheses, after a preposition; a Hijri year */
  {"وهاجرت العائلة بعد النكبة (1948) إلى لبنان.", 0, "1948", "1948", MARSAD_PREC_YEAR},
  {"وتضاعف عدد السكان منذ 1990 حتى اليوم.", 0, "1990", "1990", MARSAD_PREC_YEAR},
  {"وفي 2019 قتل 5 أشخاص في الهجوم.", 0, "2019", "2019", MARSAD_PREC_YEAR},
  {"وبنيت المدرسة عام (1319) هجري في عهد الوالي.", 0, "عام (1319) هجري", "1901", MARSAD_PREC_YEAR},
  /* a month introduced by شهر; a full date in parentheses after the month;
  ** a numeric date typed with spaces */
  {"وانطلقت المفاوضات في شهر نوفمبر عام 2016 في جنيف.", 0, "شهر نوفمبر عام 2016", "2016-11", MARSAD_PREC_MONTH},
  {"صدر العدد الأول في نيسان (26/4/1947) في يافا.", 0, "نيسان (26/4/1947)", "1947-04-26", MARSAD_PREC_DAY},
  {"وتوفي في 19 / 9 / 1992 في القاهرة.", 0, "19 / 9 / 1992", "1992-09-19", MARSAD_PREC_DAY},
};

/* Runs every case of aCase. */
static void test_cases(void){
  for(size_t k=0; k<sizeof aCase/sizeof aCase[0]; k++){
    const date_case *c = &aCase[k];
    marsad_words w = MARSAD_WORDS_INIT;
    marsad_dates d = MARSAD_DATES_INIT;
    marsad_ymd ref;
    int bRef = marsad_ymd_parse(c->zPub, &ref);
    CHECK_EQ_INT(marsad_words_build(c->zText, strlen(c->zText), &w), MARSAD_OK);
    CHECK_EQ_INT(marsad_dates_find(&w, bRef ? &ref : 0, 0, 0, &d), MARSAD_OK);
    if( d.n==0 ){
      fprintf(stderr, "case %zu: no date in «%s»\n", k, c->zText);
      CHECK(d.n>0);
    }else{
      char zVal[11];
      const char *zHit = strstr(c->zText, c->zSpan);
      marsad_ymd_format(&d.a[0].v, d.a[0].ePrec, zVal);
      if( strcmp(zVal, c->zValue)!=0 ) fprintf(stderr, "case %zu: «%s»\n", k, c->zText);
      CHECK_EQ_STR(zVal, c->zValue);
      CHECK_EQ_INT(d.a[0].ePrec, c->ePrec);
      CHECK(zHit!=0);
      CHECK_EQ_INT(d.a[0].iStart, zHit - c->zText);
      CHECK_EQ_INT(d.a[0].iEnd, zHit - c->zText + (long)strlen(c->zSpan));
    }
    marsad_dates_free(&d);
    marsad_words_free(&w);
  }
}

/* Durations, ordinals and plain numbers are not dates; "منذ" marks a start. */
static void test_not_dates(void){
  const char *z = "تشهد المنطقة منذ أربعة أيام معارك، وفشلت المحادثات في التوصل إلى وقف إطلاق نار رابع.";
  marsad_words w = MARSAD_WORDS_INIT;
  marsad_dates d = MARSAD_DATES_INIT;
  marsad_ymd ref = {2020, 10, 1};
  CHECK_EQ_INT(marsad_words_build(z, strlen(z), &w), MARSAD_OK);
  CHECK_EQ_INT(marsad_dates_find(&w, &ref, 0, 0, &d), MARSAD_OK);
  CHECK_EQ_INT(d.n, 0);
  marsad_dates_free(&d);
  z = "واقترب عددهم من 2000 مقاتل.";
  CHECK_EQ_INT(marsad_words_build(z, strlen(z), &w), MARSAD_OK);
  CHECK_EQ_INT(marsad_dates_find(&w, &ref, 0, 0, &d), MARSAD_OK);
  CHECK_EQ_INT(d.n, 0);
  marsad_dates_free(&d);
  z = "قتل 81 مقاتلا منذ 26 من أيلول الماضي.";
  CHECK_EQ_INT(marsad_words_build(z, strlen(z), &w), MARSAD_OK);
  CHECK_EQ_INT(marsad_dates_find(&w, &ref, 0, 0, &d), MARSAD_OK);
  CHECK_EQ_INT(d.n, 1);
  CHECK(d.n==1 && d.a[0].bSince);
  marsad_dates_free(&d);
  marsad_words_free(&w);
}

/* The publication date from the text: a dateline, or a weekday that fixes
** the year of a day and month. */
static void test_publication(void){
  static const struct { const char *z; const char *zNow; const char *zWant; } a[] = {
    {"هذه آخر التطورات\n\n01/11/2020\n\nتجدد القصف أمس على المدينة.", 0, "2020-11-01"},
    {"وتحدث نائب الوزير اليوم الجمعة 30 من تشرين الأول عن الخطر.", "2026-01-01", "2020-10-30"},
    {"قال الوزير اليوم إن المحادثات مستمرة.", "2026-01-01", ""},
  };
  for(size_t k=0; k<sizeof a/sizeof a[0]; k++){
    marsad_words w = MARSAD_WORDS_INIT;
    marsad_dates d = MARSAD_DATES_INIT;
    marsad_ymd now, pub = {0, 0, 0};
    int bNow = marsad_ymd_parse(a[k].zNow, &now);
    char z[11];
    CHECK_EQ_INT(marsad_words_build(a[k].z, strlen(a[k].z), &w), MARSAD_OK);
    CHECK_EQ_INT(marsad_dates_find(&w, 0, bNow ? &now : 0, 0, &d), MARSAD_OK);
    marsad_dates_publication(&w, &d, &pub);
    marsad_ymd_format(&pub, MARSAD_PREC_DAY, z);
    CHECK_EQ_STR(z, a[k].zWant);
    marsad_dates_free(&d);
    marsad_words_free(&w);
  }
}

/* Calendar arithmetic round-trips; Hijri new years fall where they should. */
static void test_calendar(void){
  for(long n=-800000; n<800000; n+=997){
    marsad_ymd v = marsad_ymd_from_days(n);
    CHECK(marsad_ymd_days(&v)==n);
  }
  marsad_ymd h = marsad_hijri_to_gregorian(1445, 1, 1);
  char z[11];
  marsad_ymd_format(&h, MARSAD_PREC_DAY, z);
  CHECK_EQ_STR(z, "2023-07-19");
  marsad_ymd bad;
  CHECK(!marsad_ymd_parse("2020-13-01", &bad));
  CHECK(!marsad_ymd_parse("20201001", &bad));
  CHECK(marsad_ymd_parse("2020-10-01T08:00:00Z", &bad) && bad.d==1);
}

int main(void){
  RUN(test_cases);
  RUN(test_not_dates);
  RUN(test_publication);
  RUN(test_calendar);
  return DONE();
}
