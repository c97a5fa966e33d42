/*
** test_figures.c: figures in news sentences: what a number counts, the
** running totals, who reported it and on what day; and the numbers that are
** not figures (durations, dates, money, percentages, references).
*/
#include <math.h>
#include <string.h>
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "facts.h"
#include "lexicon.h"

/* One case: a text published on zPub, the number's evidence (a substring
** the figure's span must overlap) and what is expected of that figure. */
typedef struct fig_case {
  const char *zText;
  const char *zPub;
  const char *zEvidence;
  long long iValue;
  const char *zApprox;
  const char *zCounts;
  int bTotal;
  const char *zReporter;   /* substring of reported_by_text, or NULL for none */
  const char *zDate;
} fig_case;

static const fig_case aCase[] = {
  /* the counted noun after the number; the speaker of the sentence reports it */
  {"وقال الدفاع المدني إن 17 قتيلا سقطوا في الغارة.", "2021-03-02",
   "17 قتيلا", 17, "exact", "killed", 0, "الدفاع المدني", "2021-03-02"},
  /* an event before the number decides over the noun after it */
  {"أعلنت الشرطة اعتقال 40 مقاتلا من الجماعة أمس.", "2021-03-02",
   "اعتقال 40", 40, "exact", "arrested", 0, "الشرطة", "2021-03-01"},
  {"وأفادت مصادر طبية بمقتل 9 مدنيين وإصابة 25 آخرين.", "2021-03-02",
   "مقتل 9", 9, "exact", "killed", 0, "مصادر طبية", "2021-03-02"},
  {"وأفادت مصادر طبية بمقتل 9 مدنيين وإصابة 25 آخرين.", "2021-03-02",
   "إصابة 25", 25, "exact", "wounded", 0, "مصادر طبية", "2021-03-02"},
  /* wounded and missing together */
  {"وقال الجيش إن جنديين قتلا بينما أصيب وفقد 11 منهم على الأقل.", "2021-03-02",
   "وفقد 11", 11, "at_least", "wounded_or_missing", 0, "الجيش", "2021-03-02"},
  /* a running total, its noun found before it through the construct */
  {"وأوضحت الوزارة الثلاثاء أن حصيلة قتلى الفيضانات ارتفعت إلى 73", "2021-03-05",
   "73", 73, "exact", "killed", 1, "الوزارة", "2021-03-02"},
  /* bodies: the head of the construct جثث الضحايا */
  {"وأعلن الهلال الأحمر وصول دفعة من جثث الضحايا مؤلفة من 35 إلى المستشفى.", "2021-03-05",
   "35", 35, "exact", "bodies", 0, "الهلال الأحمر", "2021-03-05"},
  /* a hedge between the event and the number; an attribution */
  {"ونزح ما لا يقل عن 3000 شخص بحسب الأمم المتحدة.", "2021-03-05",
   "3000", 3000, "at_least", "displaced", 0, "الأمم المتحدة", "2021-03-05"},
  {"وتقدر المنظمة عدد اللاجئين بنحو 1.2 مليون لاجئ.", "2021-03-05",
   "1.2 مليون", 1200000, "about", "displaced", 0, 0, "2021-03-05"},
  /* number words and multipliers */
  {"وشارك في العملية خمسة آلاف جندي بحسب وكالة الأنباء.", "2021-03-05",
   "خمسة آلاف", 5000, "exact", "personnel", 0, "وكالة الأنباء", "2021-03-05"},
  /* a dual noun */
  {"وسقط قتيلان في اشتباك على الحدود.", "2021-03-05",
   "قتيلان", 2, "exact", "killed", 0, 0, "2021-03-05"},
  /* vague quantities */
  {"وأسفر القصف عن مقتل العشرات من المدنيين.", "2021-03-05",
   "العشرات", 10, "at_least", "killed", 0, 0, "2021-03-05"},
  /* the date of the sentence, not the start of the war (منذ); an event
  ** right after the counted noun decides */
  {"وقال المرصد في 2 آذار إن 500 مقاتل قتلوا منذ 15 كانون الثاني.", "2021-03-05",
   "500 مقاتل", 500, "exact", "killed", 0, "المرصد", "2021-03-02"},
  {"ولقي 660 شخصا مصرعهم في موجة الحر.", "2021-03-05",
   "660 شخصا", 660, "exact", "killed", 0, 0, "2021-03-05"},
  {"لقي أربعة أشخاص على الأقل حتفهم إثر تحطم الطائرة.", "2021-03-05",
   "أربعة أشخاص", 4, "at_least", "killed", 0, 0, "2021-03-05"},
  /* a year in the sentence is when it happened, not the day of the report */
  {"وأعلنت المنظمة أن 300 ألف شخص نزحوا عام 2014.", "2021-03-05",
   "300 ألف", 300000, "exact", "displaced", 0, "المنظمة", "2021-03-05"},
  /* a short naming resolved to its fuller one; the date goes with it */
  {"أفاد المرصد السوري لحقوق الإنسان أمس بمقتل 8 عناصر. وذكر المرصد أن عدد القتلى بلغ 120 قتيلا.",
   "2021-03-05", "120 قتيلا", 120, "exact", "killed", 1, "المرصد السوري لحقوق الإنسان", "2021-03-04"},
  /* a relative clause does not lend its verb to the count */
  {"وأكدت الجماعة وصول جثث المسلحين الذين قتلوا في المعارك، مقدرة أعدادهم بـ40 أو ما يزيد.",
   "2021-03-05", "40", 40, "at_least", "bodies", 0, "الجماعة", "2021-03-05"},
  /* a verb with its own subject keeps it: only the 23 are wounded */
  {"وقال المتحدث إن ثلاثة أشخاص قتلوا وأصيب 23 آخرون في الهجوم.", "2021-03-05",
   "23", 23, "exact", "wounded", 0, "المتحدث", "2021-03-05"},
  {"وقالت الشرطة إن 4 قتلوا وأصيب 17 في الحادث.", "2021-03-05",
   "17", 17, "exact", "wounded", 0, "الشرطة", "2021-03-05"},
  /* a fate with the noun's pronoun, a few words on; a dual that an event
  ** before or after tells the fate of */
  {"ولقي 7 أشخاص بينهم 5 أشقاء مصرعهم في حادث سير.", "2021-03-05",
   "7 أشخاص", 7, "exact", "killed", 0, 0, "2021-03-05"},
  {"لقي شخصان مصرعهما وأصيب 4 آخرون في حادث مروري.", "2021-03-05",
   "شخصان", 2, "exact", "killed", 0, 0, "2021-03-05"},
  {"وتوفي شخصان منذ تفشي الموجة.", "2021-03-05",
   "شخصان", 2, "exact", "killed", 0, 0, "2021-03-05"},
  /* an event joined by و starts another clause; a noun that names an
  ** outcome keeps it */
  {"وقال المدير إن ألف قتيل سقطوا وجرح 9 آلاف آخرين.", "2021-03-05",
   "ألف قتيل", 1000, "exact", "killed", 0, "المدير", "2021-03-05"},
  /* a neutral noun after a running total of the dead */
  {"وارتفع عدد القتلى إلى 15 شخصا.", "2021-03-05",
   "15 شخصا", 15, "exact", "killed", 1, 0, "2021-03-05"},
  /* raising a count is a running total */
  {"وقتل شرطيان في الهجوم ما يرفع إلى 13 شخصا على الأقل عدد القتلى.", "2021-03-05",
   "13 شخصا", 13, "at_least", "killed", 1, 0, "2021-03-05"},
  /* a number joined by و to a figure shares what befell it */
  {"وقتل أربعة أطفال وثلاث نساء في صاعقة.", "2021-03-05",
   "وثلاث نساء", 3, "exact", "killed", 0, 0, "2021-03-05"},
  /* an event in the plural before the number */
  {"وأحرق مسلحون مدرسة وخطفوا عشرة عمال كانوا داخلها.", "2021-03-05",
   "عشرة عمال", 10, "exact", "kidnapped", 0, 0, "2021-03-05"},
  /* the verb that opens the clause, with its subject between */
  {"وأوقفت قوة من الجيش 23 شخصا شرق البلاد.", "2021-03-05",
   "23 شخصا", 23, "exact", "arrested", 0, 0, "2021-03-05"},
  {"وأصيب في الحادث 3 أشخاص بجروح.", "2021-03-05",
   "3 أشخاص", 3, "exact", "wounded", 0, 0, "2021-03-05"},
  /* فقد = ف + قد opening the clause is no event */
  {"فقد كان أربعون شخصا يتكدسون في الزنزانة.", "2021-03-05",
   "أربعون شخصا", 40, "exact", "other", 0, 0, "2021-03-05"},
  /* what is counted stops at a date */
  {"وقتل 32 شخصا الشهر الماضي في المدينة.", "2021-03-05",
   "32 شخصا", 32, "exact", "killed", 0, 0, "2021-03-05"},
  /* a day to come, or long before publication, is when things happen or
  ** happened, not the day of the report */
  {"وأسفر إسقاط الطائرة عن مقتل 298 شخصا، ويصوت المجلس الأربعاء المقبل على المحكمة.", "2021-03-05",
   "298", 298, "exact", "killed", 0, 0, "2021-03-05"},
  {"وألقيت القنبلة في 9 أغسطس 1945 فقتلت 70 ألف شخص.", "2021-03-05",
   "70 ألف", 70000, "exact", "killed", 0, 0, "2021-03-05"},
  /* a running total of the dead through عدد الوفيات; a neutral head
  ** (حالة) counts through its noun */
  {"وأعلنت وزارة الصحة ارتفاع عدد الوفيات إلى 12.", "2021-03-05",
   "12", 12, "exact", "killed", 1, "وزارة الصحة", "2021-03-05"},
  {"وسجلت المدينة 7 حالات وفاة خلال الأسبوع.", "2021-03-05",
   "7 حالات", 7, "exact", "killed", 0, 0, "2021-03-05"},
};

/* Analyses z as a body published on zPub; the caller clears *pA. */
static const marsad_facts *analyse(const char *z, const char *zPub, marsad_analysis *pA){
  memset(pA, 0, sizeof *pA);
  pA->art.zPublished = zPub;
  pA->art.zIngested = "2026-01-01";
  pA->art.zTitle = "";
  pA->art.zBody = z;
  pA->art.nBody = strlen(z);
  CHECK_EQ_INT(marsad_facts_analyze(pA), MARSAD_OK);
  return pA->pFacts;
}

/* The figure whose span overlaps the first occurrence of zEvidence. */
static const marsad_figure *figure_at(const marsad_facts *f, const char *z, const char *zEvidence){
  const char *zHit = strstr(z, zEvidence);
  if( zHit==0 || f==0 ) return 0;
  size_t a = (size_t)(zHit - z), b = a + strlen(zEvidence);
  for(int i=0; i<f->figures.n; i++){
    if( f->figures.a[i].iStart<b && a<f->figures.a[i].iEnd ) return &f->figures.a[i];
  }
  return 0;
}

/* Runs every case of aCase. */
static void test_cases(void){
  for(size_t k=0; k<sizeof aCase/sizeof aCase[0]; k++){
    const fig_case *c = &aCase[k];
    marsad_analysis a;
    const marsad_facts *f = analyse(c->zText, c->zPub, &a);
    const marsad_figure *g = figure_at(f, c->zText, c->zEvidence);
    if( g==0 ){
      fprintf(stderr, "case %zu: no figure at «%s»\n", k, c->zEvidence);
      CHECK(g!=0);
      marsad_analysis_clear(&a);
      continue;
    }
    char zDate[11];
    size_t nBy;
    const char *zBy = marsad_facts_span(f, g->src.iR0, g->src.iR1, &nBy);
    char zByBuf[256];
    snprintf(zByBuf, sizeof zByBuf, "%.*s", (int)nBy, zBy ? zBy : "");
    marsad_facts_day(f, g->iDate, zDate);
    int bOk = llround(g->pNum->dValue)==c->iValue
           && strcmp(marsad_approx_name(g->pNum->eApprox), c->zApprox)==0
           && strcmp(marsad_counts_name(g->eCounts), c->zCounts)==0
           && g->bTotal==c->bTotal
           && (c->zReporter ? strstr(zByBuf, c->zReporter)!=0 : nBy==0)
           && strcmp(zDate, c->zDate)==0;
    if( !bOk ){
      fprintf(stderr, "case %zu «%s»: got %lld %s %s total=%d by «%s» on %s\n", k, c->zEvidence,
              (long long)llround(g->pNum->dValue), marsad_approx_name(g->pNum->eApprox),
              marsad_counts_name(g->eCounts), g->bTotal, zByBuf, zDate);
    }
    CHECK(bOk);
    marsad_analysis_clear(&a);
  }
}

/* What is counted: the noun and its modifiers, not a date after it. */
static void test_who(void){
  static const struct { const char *z; const char *zWho; } a[] = {
    {"وقتل 32 شخصا الشهر الماضي في المدينة.", "شخصا"},
    {"وأعلن المرصد مقتل 14 من المرتزقة السوريين أمس.", "المرتزقة السوريين"},
  };
  for(size_t k=0; k<sizeof a/sizeof a[0]; k++){
    marsad_analysis an;
    const marsad_facts *f = analyse(a[k].z, "2021-03-05", &an);
    size_t n = 0;
    const char *z = f && f->figures.n ? marsad_facts_span(f, f->figures.a[0].iWho0, f->figures.a[0].iWho1, &n) : 0;
    int bOk = z && n==strlen(a[k].zWho) && memcmp(z, a[k].zWho, n)==0;
    if( !bOk ) fprintf(stderr, "«%s»: who «%.*s»\n", a[k].z, (int)n, z ? z : "");
    CHECK(bOk);
    marsad_analysis_clear(&an);
  }
}

/* Numbers that are not figures. */
static void test_not_figures(void){
  static const char *const az[] = {
    "وتشهد المنطقة منذ أربعة أيام معارك عنيفة.",
    "غير أن الـ 48 ساعة الماضية شهدت هدوءا.",
    "وفي 26 من أيلول الماضي اندلعت الاشتباكات.",
    "الخرطوم 01/11/2020 (رويترز) - قال مسؤول إن المحادثات مستمرة.",
    "وارتفعت الأسعار بنسبة 12 بالمئة خلال العام.",
    "وبلغت قيمة الصفقة 300 مليون دولار.",
    "واستند المجلس إلى القرار 2254 في بيانه.",
    "وفشلت المحادثات في التوصل إلى وقف إطلاق نار رابع.",
    "وتبعد المدينة 40 كيلومترا عن الحدود.",
    /* فقد is also ف + قد; a number with a noun of its own takes no
    ** counted noun from before it */
    "فقد أصبحت أكتب قصائد تتكون من 4 أسطر.",
    "فقد تم إعداد منظومة عمل من أربع جهات حكومية.",
    "فقد باتت المنطقة أمام خيار من اثنين: القتال أو الحياد.",
  };
  for(size_t k=0; k<sizeof az/sizeof az[0]; k++){
    marsad_analysis a;
    const marsad_facts *f = analyse(az[k], "2021-03-05", &a);
    if( f && f->figures.n ) fprintf(stderr, "«%s»: figure %g\n", az[k], f->figures.a[0].pNum->dValue);
    CHECK(f && f->figures.n==0);
    marsad_analysis_clear(&a);
  }
}

/* The work of resolving sources, dates and figures is linear in the
** text: a page holding four times the statements and figures does at most
** a little more work for each of them (a quadratic search, as a 50 MB page
** once showed, would do four times as much). Counts, not time. */
static void test_linear_work(void){
  static const char zUnit[] =
    "وقال المتحدث باسم الوزارة أمس إن 5 أشخاص قتلوا، وأكد المرصد أن الحصيلة "
    "بلغت 20 قتيلا بحسب مصادر طبية يوم الخميس، ونفى الجيش ذلك. ";
  double aPer[2];
  for(int k=0; k<2; k++){
    int nRep = k==0 ? 300 : 1200;
    size_t nUnit = sizeof zUnit - 1;
    char *z = marsad_malloc(nUnit*(size_t)nRep + 1);
    CHECK(z!=0);
    if( z==0 ) return;
    for(int r=0; r<nRep; r++) memcpy(z + nUnit*(size_t)r, zUnit, nUnit);
    z[nUnit*(size_t)nRep] = 0;
    marsad_analysis a;
    const marsad_facts *f = analyse(z, "2021-03-05", &a);
    CHECK(f && f->statements.n>=2*nRep && f->figures.n>=2*nRep);
    aPer[k] = f ? (double)(f->statements.nWork + f->figures.nWork)
                  / (f->statements.n + f->figures.n) : 0;
    marsad_analysis_clear(&a);
    marsad_free(z);
  }
  if( aPer[1]>aPer[0]*1.25 ) fprintf(stderr, "work per fact %.1f, then %.1f\n", aPer[0], aPer[1]);
  CHECK(aPer[0]>0 && aPer[1]<=aPer[0]*1.25);
}

/* Every allocation failure is reported as MARSAD_NOMEM and leaks nothing
** (the sanitizer build checks the leaks). */
static void test_nomem(void){
  const char *z = aCase[13].zText;
  for(long n=0; n<400; n++){
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    a.art.zPublished = "2021-03-05";
    a.art.zBody = z;
    a.art.nBody = strlen(z);
    marsad_alloc_fail_after(n);
    int rc = marsad_facts_analyze(&a);
    marsad_alloc_fail_after(-1);
    CHECK(rc==MARSAD_OK || rc==MARSAD_NOMEM);
    CHECK((rc==MARSAD_OK)==(a.pFacts!=0));
    marsad_analysis_clear(&a);
    if( rc==MARSAD_OK ) break;
  }
}

int main(void){
  RUN(test_cases);
  RUN(test_who);
  RUN(test_not_figures);
  RUN(test_linear_work);
  RUN(test_nomem);
  return DONE();
}
