/*
** test_statements.c: statements in news sentences: the speaker (after the
** verb, before it, in apposition, carried over, or resolved from a short
** naming), the cue, the stance (the cue's own, or from what is said), and
** nested and independent statements in one sentence.
*/
#include <string.h>
#include "harness.h"
#include "marsad.h"
#include "facts.h"
#include "lexicon.h"
#include "ner.h"

/* One case: a text, a substring the statement's span must overlap (and
** the speaker's must not hold), and the expected speaker (a substring of
** its fullest naming) and stance. */
typedef struct st_case {
  const char *zText;
  const char *zEvidence;
  const char *zSpeaker;
  const char *zStance;
} st_case;

static const st_case aCase[] = {
  /* verb first, the speaker after it */
  {"أكد وزير الداخلية أن الحدود ستبقى مغلقة.", "الحدود ستبقى مغلقة", "وزير الداخلية", "affirm"},
  {"ونفت الحكومة السودانية وجود قوات أجنبية على أراضيها.", "وجود قوات أجنبية", "الحكومة السودانية", "deny"},
  {"وحذر المتحدث باسم الأمم المتحدة من كارثة إنسانية.", "كارثة إنسانية", "المتحدث باسم الأمم المتحدة", "warn"},
  {"واتهمت المعارضة الحكومة بتزوير الانتخابات.", "بتزوير الانتخابات", "المعارضة", "accuse"},
  /* a plural in ون keeps its ن: no construct, the object follows it */
  {"واتهم معارضون الرئيس التركي رجب طيب أردوغان باستغلال الحرب.", "الرئيس التركي", "معارضون", "accuse"},
  {"وقال مسؤولون الأحد إن القصف مستمر.", "القصف مستمر", "مسؤولون", "state"},
  /* a manner adverb ends the speaker's name */
  {"ونفى الرئيس التركي رجب طيب أردوغان بقوة أن تكون تركيا تساعد التنظيم.", "بقوة", "رجب طيب أردوغان", "deny"},
  {"ودعا الأمين العام، أنطونيو غوتيريش، إلى ضبط النفس.", "ضبط النفس", "أنطونيو غوتيريش", "appeal"},
  /* apposition after a short complement */
  {"وقال السفير الفرنسي في لبنان، برنار إيميه، إن الانتخابات ستجري في موعدها.",
   "ستجري في موعدها", "برنار إيميه", "state"},
  /* the subject before the verb */
  {"لكن رئيس الوزراء، عبد الله حمدوك، قال إن المفاوضات مستمرة.", "المفاوضات مستمرة", "عبد الله حمدوك", "state"},
  {"الشرطة الكينية اتهمت المهربين بتنظيم الرحلة.", "بتنظيم الرحلة", "الشرطة الكينية", "accuse"},
  /* a neutral cue takes its stance from what is said */
  {"وقال البيان: إن الحكومة تدعو جميع الأطراف إلى الحوار.", "جميع الأطراف", "البيان", "appeal"},
  {"وقال المسؤول إن لديه أدلة تثبت تورط الشركة.", "تورط الشركة", "المسؤول", "affirm"},
  {"وقال الخبير: “هذا خطر حقيقي على المنطقة”.", "خطر حقيقي", "الخبير", "warn"},
  /* a denial with an object pronoun: the subject follows */
  {"وأضاف أن القوات قصفت المستشفى، وهو ما تنفيه وزارة الدفاع.", "تنفيه وزارة الدفاع", "وزارة الدفاع", "deny"},
  /* an addressee between the verb and its subject */
  {"وقال له المسؤول إن الملف أغلق.", "الملف أغلق", "المسؤول", "state"},
  {"وأوضح لـ«الشرق الأوسط» المتحدث باسم الشرطة أن التحقيق مستمر.", "التحقيق مستمر", "المتحدث باسم الشرطة", "affirm"},
  {"وقالت للصحافيين وزيرة الخارجية إن الزيارة ناجحة.", "الزيارة ناجحة", "وزيرة الخارجية", "state"},
  /* an honorific stands for the person named before */
  {"استقبل أمير المنطقة الوفد. وأكد وزير الداخلية الأمير محمد بن نايف أهمية التعاون. وأضاف سموه أن الأمن أولوية.",
   "الأمن أولوية", "محمد بن نايف", "state"},
  /* a name that starts like a preposition (ل) is still a name */
  {"وقال لافروف إن المحادثات صعبة.", "المحادثات صعبة", "لافروف", "state"},
  /* an unnamed source with where it works; an apposition needs its comma */
  {"ونفى مسؤول في وزارة الداخلية وجود معتقلين سياسيين.", "وجود معتقلين", "مسؤول في وزارة الداخلية", "deny"},
  /* a carried-over speaker */
  {"أعلن وزير الصحة تسجيل إصابات جديدة. وأضاف أن المستشفيات ممتلئة.", "المستشفيات ممتلئة", "وزير الصحة", "state"},
  {"أفادت الوكالة بوقوع انفجار. إلى ذلك، أوضحت أن الأضرار محدودة.", "الأضرار محدودة", "الوكالة", "affirm"},
  /* a saying of punctuation only is dropped, but its speaker goes on */
  {"وأضاف الوزير. وأكد أن المشروع اكتمل.", "المشروع اكتمل", "الوزير", "affirm"},
  /* a short naming resolved to its fuller one */
  {"أفاد المرصد السوري لحقوق الإنسان بوقوع غارات. وأشار المرصد إلى تحليق طائرات.",
   "تحليق طائرات", "المرصد السوري لحقوق الإنسان", "state"},
  /* a stance verb with its own subject inside another's content */
  {"أعلنت الرئاسة أن وزيري الخارجية دعوا إلى وقف فوري لإطلاق النار.", "وقف فوري", "وزيري الخارجية", "appeal"},
  /* a relayed statement: the one quoted speaks */
  {"ونقلت وكالة الأنباء عن مصدر عسكري قوله، “لدينا خمسة آلاف جندي على الحدود”.", "خمسة آلاف جندي", "مصدر عسكري", "state"},
  /* a statement noun */
  {"وجاء في بيان لوزارة الخارجية أن السفارة ستغلق أبوابها.", "السفارة ستغلق", "وزارة الخارجية", "state"},
  /* a speaker's phrase ends with its definite genitive: what follows is
  ** the verb's object, unless it is a name */
  {"ونفت إدارة حي المنتزه منح أي ترخيص للمحل.", "منح أي ترخيص", "إدارة حي المنتزه", "deny"},
  {"وأكد قائد فريق النصر صعوبة التمارين.", "صعوبة التمارين", "قائد فريق النصر", "affirm"},
  {"وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات صعبة.", "المحادثات صعبة", "سيرغي لافروف", "state"},
  /* وكالة is not و + كـ + الة: the phrase goes on */
  {"وذكرت وكالة أنباء النظام أن 5 أشخاص قتلوا.", "5 أشخاص", "وكالة أنباء النظام", "state"},
  {"وأبلغ الرئيس الأميركي باراك أوباما نظيره المصري رفع تجميد الصفقة.", "رفع تجميد", "باراك أوباما", "state"},
  /* a name in quotes right after the verb */
  {"وأكدت \"زين السعودية\" أن الأسعار الجديدة تشمل الجميع.", "الأسعار الجديدة", "زين السعودية", "affirm"},
  /* a participle of manner opening its clause goes on the saying before */
  {"وقال المتحدث إن العمل مستمر. مفيدا أن الفريق يتابع الحالات.", "الفريق يتابع", "المتحدث", "affirm"},
  /* حينما opens a clause: it is not part of the speaker */
  {"وحينما رفض المصلون الانصياع له غادر المسجد.", "غادر المسجد", "المصلون", "state"},
  /* a person's name ends the speaker, a verb with و opens a clause */
  {"واتهم الرئيس التركي رجب طيب أردوغان أوروبا بأنها لا تبذل ما يكفي.", "أوروبا", "أردوغان", "accuse"},
  {"فعاليات المتنزه وأعرب أمين الأحساء عن ترحيبه بالزوار.", "ترحيبه بالزوار", "أمين الأحساء", "state"},
  /* a pronoun subject: the phrase after the verb is its object, and the
  ** speaker before goes on; an unnamed source is still a speaker */
  {"وقال وزير المالية إن الميزانية متوازنة. ونفى وجود أي صفقة مع الشركة.", "وجود أي صفقة", "وزير المالية", "deny"},
  {"وأكد مصدر أمني أن الهجوم أحبط.", "الهجوم أحبط", "مصدر أمني", "affirm"},
  /* أما X فقال: the subject before the comma */
  {"وقال نتنياهو إن الهجوم مدان. أما الرئيس الفلسطيني، محمود عباس، فقال إن الهجمات ستستمر.",
   "الهجمات ستستمر", "محمود عباس", "state"},
  /* كانت opens the clause, it is not part of the speaker */
  {"وكانت وكالة الأنباء قالت إن الطائرة سقطت.", "الطائرة سقطت", "وكالة الأنباء", "state"},
  /* someone else's past denial told in the content is not this speaker's
  ** (نفى is a verb, not the noun نفي) */
  {"وأضاف المحامي أن والد الفتاة نفى تصوير المقطع.", "تصوير المقطع", "المحامي", "state"},
  /* a verb right after an indefinite phrase describes it (a relative
  ** clause): the phrase speaks and what follows the verb is its object */
  {"وأعلن الجيش مقتل جنوده، في حين تبنته جماعة مسلحة نفت الأرقام الرسمية عن خسائرها.",
   "الأرقام الرسمية", "جماعة مسلحة", "deny"},
  {"وقالت الشرطة إن الحادث عرضي، بينما مصادر أمنية أكدت وجود شبهة جنائية.",
   "شبهة جنائية", "مصادر أمنية", "affirm"},
  {"وفي المقابل، ناشطون حقوقيون اتهموا السلطات بتعذيب المعتقلين.",
   "بتعذيب المعتقلين", "ناشطون حقوقيون", "accuse"},
  /* a person's name right after the verb is its subject */
  {"وأصيب 3 أشخاص في الهجوم، ناشطون غاضبون قال الرئيس باراك أوباما إنهم محقون.",
   "محقون", "باراك أوباما", "state"},
  /* the verb opening its clause still has its subject after it */
  {"قال مسؤول أمس إن المفاوضات متعثرة.", "المفاوضات متعثرة", "مسؤول", "state"},
  {"تظاهر المئات، ونفت الشرطة اعتقال أي متظاهر.", "اعتقال أي متظاهر", "الشرطة", "deny"},
  /* after a preposition or a particle the phrase is an adjunct, not a
  ** subject */
  {"وفي وقت سابق أعلنت الشركة عن خطتها الجديدة.", "خطتها الجديدة", "الشركة", "state"},
  {"ومن جهة أخرى أكد الوزير أن المشروع اكتمل.", "المشروع اكتمل", "الوزير", "affirm"},
  {"ولقد قال الوزير إن المشروع اكتمل.", "المشروع اكتمل", "الوزير", "state"},
  /* an indefinite noun in the accusative (an object) or counted after a
  ** number is no subject: the verb's subject follows it */
  {"وشهدت المدينة عام 2019 هجوما أكد سكانها أنه الأعنف.", "الأعنف", "سكانها", "affirm"},
  {"وأصيب 14 جنود نفى الجيش أنهم في خطر.", "في خطر", "الجيش", "deny"},
  /* a negated denial is no denial */
  {"ولم تنف الشركة أنها تلقت عرضا جديدا.", "تلقت عرضا", "الشركة", "state"},
};

/* Analyses z as ingestion does (names first, then the facts); the caller
** clears *pA. */
static const marsad_facts *analyse(const char *z, marsad_analysis *pA){
  memset(pA, 0, sizeof *pA);
  pA->art.zPublished = "2021-06-01";
  pA->art.zTitle = "";
  pA->art.zBody = z;
  pA->art.nBody = strlen(z);
  marsad_ner *pNer = 0;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  if( pNer ) CHECK_EQ_INT(marsad_ner_run(pNer, pA), MARSAD_OK);
  marsad_ner_free(pNer);
  CHECK_EQ_INT(marsad_facts_analyze(pA), MARSAD_OK);
  return pA->pFacts;
}

/* Runs every case: some statement overlapping the evidence has the speaker
** and the stance expected. */
static void test_cases(void){
  for(size_t k=0; k<sizeof aCase/sizeof aCase[0]; k++){
    const st_case *c = &aCase[k];
    marsad_analysis a;
    const marsad_facts *f = analyse(c->zText, &a);
    const char *zHit = strstr(c->zText, c->zEvidence);
    size_t e0 = zHit ? (size_t)(zHit - c->zText) : 0, e1 = e0 + strlen(c->zEvidence);
    int bFound = 0;
    for(int i=0; f && zHit && i<f->statements.n && !bFound; i++){
      const marsad_statement *s = &f->statements.a[i];
      size_t n;
      const char *zSpk = marsad_facts_span(f, s->spk.iR0, s->spk.iR1, &n);
      char zBuf[256];
      snprintf(zBuf, sizeof zBuf, "%.*s", (int)n, zSpk ? zSpk : "");
      bFound = s->iStart<e1 && e0<s->iEnd && strstr(zBuf, c->zSpeaker)
            && !strstr(zBuf, c->zEvidence)   /* the speaker took in what is said */
            && strcmp(marsad_stance_name(s->eStance), c->zStance)==0;
    }
    if( !bFound ){
      fprintf(stderr, "case %zu «%s»: wanted %s by «%s»; found:\n", k, c->zText, c->zStance, c->zSpeaker);
      for(int i=0; f && i<f->statements.n; i++){
        size_t n;
        const char *zSpk = marsad_facts_span(f, f->statements.a[i].spk.iR0, f->statements.a[i].spk.iR1, &n);
        fprintf(stderr, "   %s by «%.*s»\n", marsad_stance_name(f->statements.a[i].eStance), (int)n, zSpk ? zSpk : "");
      }
    }
    CHECK(bFound);
    marsad_analysis_clear(&a);
  }
}

/* Impersonal cues and plain sentences make no statement; a quote's inner
** verbs are part of what is said. */
static void test_none(void){
  static const struct { const char *z; int n; } a[] = {
    {"يذكر أن المدينة شهدت احتجاجات العام الماضي.", 0},
    {"وصل الوفد إلى العاصمة مساء الأحد.", 0},
    {"وقال الوزير: “أكدنا للجميع أننا ننفي هذه الاتهامات”.", 1},
    /* لكنها opens a clause: what comes before it is not the subject */
    {"ونشرت الصحيفة الصورة، لكنها نفت أن تكون قد عدلتها.", 0},
    /* نفي written with ي inside a clause is the noun, not the verb */
    {"ورفضت الوزارة تأكيد أو نفي المعلومات المتداولة.", 1},
    {"وقال المدرب إن الهدف هو نفي الشائعات المغرضة.", 1},
    /* a participle of manner with no statement before it in its sentence:
    ** the words before it are a clause, not a speaker */
    {"واستسلم الجمهور في نهاية الأمر لقرار الإدارة مطالبا بمهاجم جديد.", 0},
    /* a saying whose content is only punctuation says nothing */
    {"وأضاف الوزير.", 0},
    {"وقال المتحدث: «.»", 0},
  };
  for(size_t k=0; k<sizeof a/sizeof a[0]; k++){
    marsad_analysis an;
    const marsad_facts *f = analyse(a[k].z, &an);
    if( f && f->statements.n!=a[k].n ) fprintf(stderr, "«%s»: %d statements\n", a[k].z, f->statements.n);
    CHECK(f && f->statements.n==a[k].n);
    marsad_analysis_clear(&an);
  }
}

/* A statement's day is the publication day unless its sentence says when
** it was said: a date between the cue and what is said, or one opening the
** sentence; a date inside what is said is when the things told happened. */
static void test_days(void){
  static const struct { const char *z; const char *zDay; } a[] = {
    {"وقال الوزير أمس إن المحادثات مستمرة.", "2021-05-31"},
    {"أفاد المرصد أمس بمقتل عشرة مقاتلين.", "2021-05-31"},
    {"وفي يوم الخميس، قال الوزير إن المحادثات مستمرة.", "2021-05-27"},
    {"وقال الوزير إن الهجوم وقع أمس.", "2021-06-01"},
    {"وأكدت المصادر أن الأمر يتعلق بما جرى بعد 14 يناير 2011 في البلاد.", "2021-06-01"},
    {"وأكد المتحدث أن الوزير سيزور البلاد في 3 يونيو.", "2021-06-01"},
  };
  for(size_t k=0; k<sizeof a/sizeof a[0]; k++){
    marsad_analysis an;
    const marsad_facts *f = analyse(a[k].z, &an);
    char zDay[11] = "";
    if( f && f->statements.n>0 ) marsad_facts_day(f, f->statements.a[0].spk.iDate, zDay);
    if( strcmp(zDay, a[k].zDay)!=0 ) fprintf(stderr, "«%s»: said on %s\n", a[k].z, zDay);
    CHECK(strcmp(zDay, a[k].zDay)==0);
    marsad_analysis_clear(&an);
  }
}

int main(void){
  RUN(test_cases);
  RUN(test_days);
  RUN(test_none);
  return DONE();
}
