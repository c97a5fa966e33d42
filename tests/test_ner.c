/*
** test_ner.c: the entity recogniser and resolver on sentences written for
** these tests (clitics, titles, organisation heads, given names, surnames,
** longest match, spelling merges, things that must stay apart), the
** gazetteer's keys against the text core's normalization, allocation
** failures, and, when ../shared is present, the entity checks of the
** reference articles (../shared/seeds/expected.json: every listed spelling
** recognised and merged, the must_differ pairs apart).
*/
#include <sqlite3.h>
#include <jansson.h>
#include <unistd.h>
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "entity.h"
#include "gaz.h"
#include "ner.h"
#include "norm.h"

/* The analysis of one text as a body, resolved by pRes. */
static void analyse(marsad_ner *pNer, marsad_resolver *pRes, const char *zTitle,
                    const char *zBody, marsad_analysis *pA){
  memset(pA, 0, sizeof *pA);
  pA->art.zTitle = zTitle;
  pA->art.nTitle = strlen(zTitle);
  pA->art.zBody = zBody;
  pA->art.nBody = strlen(zBody);
  CHECK_EQ_INT(marsad_ner_run(pNer, pA), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_resolve(pRes, pA), MARSAD_OK);
}

/* A recogniser and a resolver kept for the sentences of one test, and the
** analysis of the last sentence. */
typedef struct fixture {
  marsad_ner *pNer;
  marsad_resolver *pRes;
  marsad_analysis a;
} fixture;

/* Makes the recogniser and an empty resolver (no store). */
static void fixture_open(fixture *f){
  memset(f, 0, sizeof *f);
  CHECK_EQ_INT(marsad_ner_new(&f->pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &f->pRes), MARSAD_OK);
}

/* Analyses zBody (no title) into f->a, clearing the sentence before; the
** resolver keeps the entities of all sentences. */
static void fixture_text(fixture *f, const char *zBody){
  marsad_analysis_clear(&f->a);
  analyse(f->pNer, f->pRes, "", zBody, &f->a);
}

/* Frees what fixture_open and fixture_text made. */
static void fixture_close(fixture *f){
  marsad_analysis_clear(&f->a);
  marsad_resolver_free(f->pRes);
  marsad_ner_free(f->pNer);
}

/* The mention of pA whose text is exactly z (in the body), or NULL. */
static const marsad_mention *find(const marsad_analysis *pA, const char *z){
  size_t n = strlen(z);
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    const char *zf = m->eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
    if( m->iEnd-m->iStart==n && memcmp(zf+m->iStart, z, n)==0 ) return m;
  }
  fprintf(stderr, "no mention «%s»\n", z);
  return 0;
}

/* The entity of the mention with text z (0 when none). */
static long long entity_of(const marsad_analysis *pA, const char *z){
  const marsad_mention *m = find(pA, z);
  return m ? m->iEntity : 0;
}

/* The kind of the mention with text z (0 when none). */
static int kind_of(const marsad_analysis *pA, const char *z){
  const marsad_mention *m = find(pA, z);
  return m ? m->eKind : 0;
}

/* Clitics stay out of the span; the article stays in. */
static void test_clitics(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وصل الوفد إلى بأنقرة ثم زار القاهرة وأنقرة، وقالت مصادر للكرملين إن الوفد سيعود إلى بيروت.");
  CHECK_EQ_INT(kind_of(&f.a, "أنقرة"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "القاهرة"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "كرملين"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "بيروت"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(f.a.nMention, 5);
  CHECK(f.a.nMention==5 && f.a.aMention[0].iEntity==f.a.aMention[2].iEntity);   /* بأنقرة، وأنقرة */
  fixture_close(&f);
}

/* Titles, given names, organisation heads, place nouns, surnames. */
static void test_patterns(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "شويبله يحذر من أزمة جديدة",
      "قال وزير المالية الألماني فولفغانغ شويبله، أمس، إن المفاوضات ستستمر. "
      "وأضاف شويبله أن وزارة الصحة الفلسطينية أعلنت وصول المساعدات إلى بلدة كفرنبل. "
      "واستقبل الأمير خالد الفيصل وفدا من منظمة الصحة العالمية.", &a);
  CHECK_EQ_INT(kind_of(&a, "فولفغانغ شويبله"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&a, "الألماني"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&a, "وزارة الصحة الفلسطينية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&a, "كفرنبل"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&a, "خالد الفيصل"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&a, "منظمة الصحة العالمية"), MARSAD_ENTITY_ORG);
  /* the surname alone, in the body and in the title, is the same person */
  long long iFull = entity_of(&a, "فولفغانغ شويبله");
  CHECK(iFull!=0);
  int nSame = 0;
  for(int i=0; i<a.nMention; i++) nSame += a.aMention[i].iEntity==iFull;
  CHECK_EQ_INT(nSame, 3);
  CHECK_EQ_INT(a.aMention[0].eField, MARSAD_FIELD_TITLE);
  CHECK_EQ_INT(a.aMention[0].iEntity, iFull);
  /* Germany (by its adjective) is not the minister */
  CHECK(entity_of(&a, "الألماني")!=iFull);
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* The longest name wins; related names stay apart. */
static void test_longest_and_apart(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "",
      "نقلت قناة روسيا اليوم عن مصادر في روسيا أن الخارجية الروسية استدعت السفير. "
      "وذكر المرصد السوري لحقوق الإنسان أن القصف طال ريف سوريا الشمالي، "
      "فيما قال الرئيس التركي رجب طيب أردوغان إن تركيا لن تتراجع.", &a);
  long long iRT = entity_of(&a, "قناة روسيا اليوم");
  long long iRu = entity_of(&a, "روسيا");
  long long iMfa = entity_of(&a, "الخارجية الروسية");
  long long iObs = entity_of(&a, "المرصد السوري لحقوق الإنسان");
  long long iSy = entity_of(&a, "سوريا");
  long long iErd = entity_of(&a, "رجب طيب أردوغان");
  long long iTr = entity_of(&a, "تركيا");
  CHECK(iRT && iRu && iMfa && iObs && iSy && iErd && iTr);
  CHECK(iRT!=iRu && iMfa!=iRu && iMfa!=iRT);
  CHECK(iObs!=iSy);
  CHECK(iErd!=iTr);
  CHECK_EQ_INT(kind_of(&a, "قناة روسيا اليوم"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&a, "رجب طيب أردوغان"), MARSAD_ENTITY_PERSON);
  /* the adjective التركي names Turkey */
  CHECK_EQ_INT(entity_of(&a, "التركي"), iTr);
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* A given name before a common phrase is no person (حسن الجوار is "good
** neighbourliness"), nor is a given name alone. */
static void test_not_names(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "شدد الوزير على مبدأ حسن الجوار مهما كانت الظروف، وقال عبدالله إنه سيعود.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_close(&f);
}

/* The span of the only mention of kind eKind in pA, as "start-end", or
** "none" / "several". */
static const char *only_span(const marsad_analysis *pA, int eKind, char *zBuf, size_t nBuf){
  int iFound = -1;
  for(int i=0; i<pA->nMention; i++){
    if( pA->aMention[i].eKind!=eKind ) continue;
    if( iFound>=0 ) return "several";
    iFound = i;
  }
  if( iFound<0 ) return "none";
  const marsad_mention *m = &pA->aMention[iFound];
  snprintf(zBuf, nBuf, "%.*s", (int)(m->iEnd-m->iStart), pA->art.zBody+m->iStart);
  return zBuf;
}

/* What a reader of news would not call a name: generic organisation
** nouns (the club's management, the board, a British university), a
** clause after a title that starts with و, a nationality after a currency
** (the dollar is no mention of the United States), a preposition and a
** noun after a title (لشركة); a royal name inside an organisation's name
** stays in it; a given name alone, even after و, is no person; a given
** name that is also a title without the article (سلطان) starts a name; a
** rank's complement (اللواء طيار) is no name; a foreign name that starts
** with a clitic letter keeps it (ليونيل، بلاتر). */
static void test_not_names_in_news(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "وأكدت إدارة النادي أن مجلس الإدارة وافق، وقالت منظمة إن جامعة بريطانية تبرعت.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_ORG, z, sizeof z), "none");
  fixture_text(&f, "ويبلغ السعر 3 ملايين دولار أمريكي، أي 11 مليون ريال سعودي.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "تخرج الطالب من جامعة الملك سعود عام 1990.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_ORG, z, sizeof z), "جامعة الملك سعود");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "فاز فريق برشلونة الإسباني وأفضل لاعبي العالم بالمباراة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "وعد صاحب السمو الملكي الأمير سلطان بن سلمان بن عبدالعزيز بالزيارة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "سلطان بن سلمان بن عبدالعزيز");
  fixture_text(&f, "وقال كاميرون لشبكة \"ان.بي.سي\" إن مؤسسة «بي 612» ستطلق مقاتلين شيعة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_ORG, z, sizeof z), "none");
  fixture_text(&f, "والفقيدة والدة عبدالله ومحمد وعبدالمحسن، ونجح المكتب بحمد الله.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "وقال الخبير العسكري اللواء طيار عبد الحكيم شلبي إن الصفقة مهمة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "عبد الحكيم شلبي");
  fixture_text(&f, "وأدى الوفد الصلاة في المسجد الحرام بمكة المكرمة.");
  CHECK_EQ_INT(kind_of(&f.a, "المسجد الحرام"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وقال المدير التنفيذي لشركة «الأفق» إن الأرباح زادت.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "وقال السويسري جوزيف بلاتر إن اللاعب ليونيل ميسي سيحضر. وأكد بلاتر ذلك.");
  CHECK(find(&f.a, "ليونيل ميسي")!=0);
  CHECK(entity_of(&f.a, "بلاتر")!=0);
  CHECK_EQ_INT(entity_of(&f.a, "بلاتر"), entity_of(&f.a, "جوزيف بلاتر"));
  fixture_close(&f);
}

/* A given name that is also a noun in construct (مالك owner of) before a
** word with the article names an owner, not a person (مالك العقار، مالك
** المطعم), nor does a name the word ends (تأمر بحبس مالك العقار: the verb
** تأمر folds to the given name تامر); the same word before a name
** without the article (مالك عقار), a particle or after a title starts a
** name, and other given names keep the article word (بشار الأسد). */
static void test_construct_nouns(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  char z[256];
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "النيابة تأمر بحبس مالك العقار المنهار", "وأمرت النيابة بحبس مالك العقار المنهار في المدينة.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "ورفض مالك المطعم دفع الغرامة، وغادر ومالك الشركة.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وقال مالك بن نبي في كتابه إن الحضارة فكرة.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "مالك بن نبي");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وقال الشيخ مالك الأشتر إن الحوار ضروري.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "مالك الأشتر");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وقال مالك عقار رئيس الحركة إن الحوار ضروري.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "مالك عقار");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وقال بشار الأسد إن الحوار ضروري.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "بشار الأسد");
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* The parts of an Arabic name: the word after بن، آل، أبي، ولد belongs to
** the name whatever else it reads as (a common noun الخطاب، a title
** الشيخ، a weekday خميس), and a given name before بن is a name even when it
** is also a nationality (تركي: Turkish); a name with no such word stops
** where it did (مالك بن نبي). */
static void test_name_particles(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "والتقى عمر بن الخطاب بالوفد في المدينة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "عمر بن الخطاب");
  fixture_text(&f, "وأصدر الوزير المهندس عبداللطيف آل الشيخ قرارا بتشكيل لجنة.");
  CHECK(find(&f.a, "عبداللطيف آل الشيخ")!=0);
  fixture_text(&f, "ويقع المشروع في شارع عبدالله بن خميس بحي الروضة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "عبدالله بن خميس");
  fixture_text(&f, "وقدم الأمير تركي بن محمد بن فهد الشكر للحضور.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "تركي بن محمد بن فهد");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "none");
  fixture_text(&f, "واستقبل المبعوث إسماعيل ولد الشيخ أحمد الوفد.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "إسماعيل ولد الشيخ أحمد");
  long long iOuld = entity_of(&f.a, "إسماعيل ولد الشيخ أحمد");
  fixture_text(&f, "ودعا الوفد المبعوث الأممي إسماعيل ولد الشيخ لزيارة عدن.");   /* his short name */
  CHECK(iOuld!=0 && entity_of(&f.a, "إسماعيل ولد الشيخ")==iOuld);
  fixture_close(&f);
}

/* Common phrases and clitic readings: a common phrase that starts with a
** place's name names no place (الرباط الصليبي, the cruciate ligament,
** while الرباط alone is Rabat); a given name is not read as a clitic and a
** GeoNames town (باولو: Paolo, not ب + اولو, Oulu); a place noun before
** a preposition and a noun of the lists names no place (المنطقة بحركة،
** بشكل); a name after لل keeps its article in the key the model gives it
** (للأهلي is الأهلي, Al Ahli); فيفا is FIFA without the article too. */
static void test_phrases_and_clitics(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "أصيب اللاعب بقطع في الرباط الصليبي للركبة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "none");
  fixture_text(&f, "وصل الوزير إلى الرباط أمس.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "الرباط");
  fixture_text(&f, "وقال وزير الخارجية الإيطالي باولو جينتيلوني إن الاتفاق مهم.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "باولو جينتيلوني");
  fixture_text(&f, "وتتأثر المنطقة بحركة الرياح السطحية.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وتأتي الطلبات من خارج المنطقة بشكل شبه أسبوعي.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وقال نائب رئيس فيفا إنه سعيد.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_ORG, z, sizeof z), "فيفا");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "أصبح اللاعب هدفا واضحا للأهلي هذا الصيف، وقال مدرب الأهلي إنه سعيد.");
  CHECK(find(&f.a, "الأهلي")!=0 && find(&f.a, "أهلي")!=0);
  CHECK_EQ_INT(entity_of(&f.a, "أهلي"), entity_of(&f.a, "الأهلي"));
  fixture_close(&f);
}

/* A one-word place name is the place the article names with a place noun
** before it or by its adjective: عمان, which Oman and Amman share, is
** Oman beside سلطنة عمان or العماني, and stays Amman otherwise. */
static void test_place_short_names(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقالت عمان إنها ستشارك، وأكدت سلطنة عمان ذلك.");
  long long iOman = entity_of(&f.a, "سلطنة عمان");
  CHECK(iOman!=0);
  CHECK_EQ_INT(entity_of(&f.a, "عمان"), iOman);
  fixture_text(&f, "وقال الوزير العماني إن عمان ستشارك.");
  CHECK_EQ_INT(entity_of(&f.a, "عمان"), iOman);
  fixture_text(&f, "ووصل الوفد إلى العاصمة الأردنية عمان أمس.");
  CHECK(entity_of(&f.a, "عمان")!=0 && entity_of(&f.a, "عمان")!=iOman);
  fixture_close(&f);
}

/* Nouns a title or the model took for a person: a word after a title that
** reads as a preposition and a noun goes when the model does not name it
** (أمر وزير الدفاع بتأمين طائرات: ب + تأمين, to secure planes); a name of
** the model's whose first word ends in ta marbuta and is no listed given
** name is a noun (برقية تهنئة, a cable of congratulation), a listed one is
** kept (معاوية). */
static void test_not_names_after_names(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "أمر وزير الدفاع بتأمين طائرات شحن تابعة لقيادة القوات الجوية.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "none");
  fixture_text(&f, "وبعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "سلمان بن عبدالعزيز آل سعود");
  fixture_text(&f, "وسجل معاوية أوين هدفا رائعا.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "معاوية أوين");
  fixture_close(&f);
}

/* A word that reads as a GeoNames town and as a clitic before a better
** known place is the better known place (وجدة: and Jeddah, not Oujda);
** a common word after ف is no town (فريدة: unique, not Rhede), while a
** town after و or ب still is one (وبرشلونة), and so is one written with
** the article whatever the model says (الطائف) and one the model names
** no other kind of name (ينبع). */
static void test_town_readings(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "وصل الوفد إلى الرياض وجدة أمس.");
  CHECK(find(&f.a, "جدة")!=0);
  CHECK_EQ_INT(entity_of(&f.a, "جدة")!=0, 1);
  fixture_text(&f, "وهي تجربة فريدة من نوعها.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "none");
  fixture_text(&f, "وقد عاش الرسام في مدريد وبرشلونة سنوات.");
  CHECK(find(&f.a, "برشلونة")!=0);
  fixture_text(&f, "وصل الأمير إلى الطائف أمس.");    /* a GeoNames town with */
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "الطائف");   /* the article */
  fixture_text(&f, "وزار الوزير ينبع أمس.");   /* one the model names no */
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PLACE, z, sizeof z), "ينبع");   /* other kind */
  fixture_close(&f);
}

/* Appends each variant's text and a "|" to the buffer pCtx (a resolver
** store). */
static int store_variant_text(void *pCtx, long long iId, const char *zText,
                              const char *zKey, const char *zReason){
  char *z = pCtx;
  size_t n = strlen(z);
  (void)iId; (void)zKey; (void)zReason;
  snprintf(z+n, 512-n, "%s|", zText);
  return MARSAD_OK;
}

/* A name after لل (ل and the article) keeps the exact bytes of its span in
** the mention (ولايات المتحدة) and is shown, as a variant, with its
** article (الولايات المتحدة); a name with no clitic is shown as written. */
static void test_variant_article(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  char zVar[512] = "";
  marsad_resolver_store st;
  memset(&st, 0, sizeof st);
  st.xVariant = store_variant_text;
  st.pCtx = zVar;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(&st, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "", "وأرسل الوفد رسالة للولايات المتحدة أمس.", &a);
  CHECK(find(&a, "ولايات المتحدة")!=0);
  CHECK_EQ_STR(zVar, "الولايات المتحدة|");
  marsad_analysis_clear(&a);
  zVar[0] = 0;
  analyse(pNer, pRes, "", "وزار الوفد موسكو أمس.", &a);
  CHECK_EQ_STR(zVar, "موسكو|");
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* marsad_entity_json lists a name written after لل with its article among
** the spellings, counted with the same name written with the article. */
static void test_spelling_article(void){
  char zDb[64], zIn[64];
  snprintf(zDb, sizeof zDb, "/tmp/marsad-test-ner-sp-%d.db", (int)getpid());
  snprintf(zIn, sizeof zIn, "/tmp/marsad-test-ner-sp-%d.txt", (int)getpid());
  unlink(zDb);
  FILE *f = fopen(zIn, "w");
  CHECK(f!=0);
  if( f==0 ) return;
  fputs("عنوان الخبر\nوأرسل الوفد رسالة للولايات المتحدة أمس، وقالت الولايات المتحدة إنها سترد.\n", f);
  fclose(f);
  marsad_db *pDb = 0;
  marsad_ingest_stats st;
  memset(&st, 0, sizeof st);
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_ingest_path(pDb, zIn, 0, &st), MARSAD_OK);
  char *zJson = 0;
  CHECK_EQ_INT(marsad_entity_json(pDb, "الولايات المتحدة", 0, &zJson), MARSAD_OK);
  json_t *pObj = zJson ? json_loads(zJson, 0, 0) : 0;
  json_t *pSp = json_object_get(pObj, "spellings");
  CHECK_EQ_INT((int)json_array_size(pSp), 1);
  CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(pSp, 0), "text")), "الولايات المتحدة");
  CHECK_EQ_INT((int)json_integer_value(json_object_get(json_array_get(pSp, 0), "mentions")), 2);
  json_decref(pObj);
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zDb);
  unlink(zIn);
}

/* A club's name with its head noun (نادي الأهلي, in the gazetteer) and
** alone (الأهلي) is one organisation; other names stay apart from it, and
** so does a name whose first word is generic (الاتحاد السعودي, the
** federation, is not نادي الاتحاد السعودي, the club). */
static void test_org_head_noun(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وفاز نادي الأهلي على ضيفه أمس.");
  long long iClub = entity_of(&f.a, "نادي الأهلي");
  CHECK(iClub!=0);
  fixture_text(&f, "وقال مدرب الأهلي إن اللاعبين جاهزون، وفاز الأهلي مجددا بهدفين.");
  CHECK(find(&f.a, "الأهلي")!=0);
  CHECK_EQ_INT(kind_of(&f.a, "الأهلي"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(entity_of(&f.a, "الأهلي"), iClub);
  fixture_text(&f, "وفاز نادي الهلال على ضيفه أمس.");
  CHECK(entity_of(&f.a, "نادي الهلال")!=0);
  CHECK(entity_of(&f.a, "نادي الهلال")!=iClub);
  fixture_text(&f, "بعد امتناع الاتحاد السعودي عن إرسال بطاقته الدولية. وفاز نادي الاتحاد السعودي أمس.");
  CHECK(entity_of(&f.a, "الاتحاد السعودي")!=0);
  CHECK(entity_of(&f.a, "الاتحاد السعودي")!=entity_of(&f.a, "نادي الاتحاد السعودي"));
  fixture_close(&f);
}

/* Records the gazetteer id of each entity created (a resolver store). */
static int store_gaz(void *pCtx, int eKind, const char *zName, const char *zNameEn,
                     const char *zGaz, long long *piId){
  char *z = pCtx;
  static long long iNext = 0;
  (void)eKind; (void)zName; (void)zNameEn;
  snprintf(z, 64, "%s", zGaz ? zGaz : "-");
  *piId = ++iNext;
  return MARSAD_OK;
}

/* A spelling one letter from a small GeoNames town's name is not that
** town (انكستل is not انكستر, Inkster, Michigan), and England has an entry
** of its own. */
static void test_no_town_by_distance(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  char zGaz[64] = "";
  marsad_resolver_store st;
  memset(&st, 0, sizeof st);
  st.xEntity = store_gaz;
  st.pCtx = zGaz;
  CHECK(marsad_gaz_find_id("geo:4832554")>=0);
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(&st, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "", "وفي إنجلترا قال المدرب إن الفريق جاهز.", &a);
  CHECK(find(&a, "إنجلترا")!=0);
  CHECK_EQ_STR(zGaz, "place:england");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وصل الوفد إلى مدينة انكستل الصغيرة.", &a);
  CHECK(find(&a, "انكستل")!=0);
  CHECK_EQ_STR(zGaz, "-");
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* A word the gazetteer knows only as a GeoNames town (أنان، فيفي) is a
** person's name where the model reads one (كوفي أنان); a country stays a
** place, and so does a name after a place noun (بلدة تارتار). A name the
** model finds ends before a word without the article after one with it
** (النصر | صعوبة التمارين). */
static void test_town_or_person(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال كوفي أنان إن المنظمة ستعمل مع فرنسا بعد القصف في بلدة تارتار.");
  CHECK_EQ_INT(kind_of(&f.a, "كوفي أنان"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "فرنسا"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "تارتار"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(f.a.nMention, 3);
  fixture_text(&f, "وأكد قائد فريق النصر صعوبة التمارين.");
  for(int i=0; i<f.a.nMention; i++) CHECK(f.a.aMention[i].iEnd<=strlen("وأكد قائد فريق النصر"));
  fixture_close(&f);
}

/* A place noun in construct names the unknown word after it (محافظة ظفار);
** with its article it is an ordinary noun, and the next word no place
** (أن المحافظة قررت، سكان الحي مراراً، المنطقة تشهد). */
static void test_place_noun_article(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وأضاف المحافظ أن المحافظة قررت إخلاء المبنى الذي أبلغ عنه سكان الحي مراراً، "
          "فيما تشهد المنطقة أمطارا. ووصل الوفد إلى محافظة ظفار.");
  CHECK_EQ_INT(kind_of(&f.a, "ظفار"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(f.a.nMention, 1);
  fixture_close(&f);
}

/* After a place noun, an adjective agreeing with it is no place: a
** relative adjective (منطقة حدودية، مدينة سياحية) or an ordinal (ولاية
** خامسة, a fifth term); a town's name is (بلدة شرورة، محافظة تربة). */
static void test_place_noun_adjective(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وفاز بولاية خامسة على التوالي، وأقام في مدينة سياحية قرب منطقة حدودية.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "ووصل الوفد إلى بلدة شرورة ثم إلى محافظة تربة.");
  CHECK_EQ_INT(kind_of(&f.a, "شرورة"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "تربة"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* After a title, an ordinary word of the dictionary that no list gives as
** a given name is the title's object, not a name (محافظ الإسكندرية صرف
** تعويضات), unless the model reads a name there; a given name starts one
** (الرئيس التشادي إدريس ديبي). */
static void test_title_object(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقرر محافظ الإسكندرية صرف تعويضات للأسر. "
          "وقال الرئيس التشادي إدريس ديبي إن بلاده مستعدة.");
  CHECK_EQ_INT(kind_of(&f.a, "صرف تعويضات"), 0);
  CHECK_EQ_INT(kind_of(&f.a, "إدريس ديبي"), MARSAD_ENTITY_PERSON);
  fixture_close(&f);
}

/* Where the model reads a person's name longer or shorter than a title's
** or a one-word gazetteer name, its words win (بيل كلينتون, not Hillary
** Clinton's كلينتون alone; شيراك without the verb شذ after him), but not
** shorter when the rules' name ends before إن (خالد محفوظ بحاح); a common
** word without the article may be part of the name (محمود أحمدي نجاد); a
** name of a list ends before the next one when the text has it bare, and
** the gazetteer's names then stay (كيري | وظريف); a one-word person takes
** a foreign given name before it (نتشيرفان البارزاني) but no ordinary word
** (يحسمها بوتين: a verb and its object pronoun); a name ends before an
** ordinary word in the indefinite accusative (طالباني | متضامنا). */
static void test_model_person_bounds(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "وقال الرئيس الأمريكي السابق بيل كلينتون إن الاتفاق مهم.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "بيل كلينتون");
  fixture_text(&f, "وحده الرئيس شيراك شذ عن هذه القاعدة.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "شيراك");
  fixture_text(&f, "وقال رئيس الوزراء خالد محفوظ بحاح إن الحكومة ستعود.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "خالد محفوظ بحاح");
  fixture_text(&f, "أن الرئيس الإيراني محمود أحمدي نجاد جدد تمسك إيران بحقها.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "محمود أحمدي نجاد");
  fixture_text(&f, "وأضاف نتشيرفان البارزاني أن الإقليم مستعد. ويرى مراقبون أن المعركة "
          "يحسمها بوتين وحده.");
  CHECK(find(&f.a, "نتشيرفان البارزاني")!=0);
  CHECK(find(&f.a, "بوتين")!=0);
  fixture_text(&f, "وعاد الرئيس طالباني متضامنا مع الحملة، وقال الرئيس كرزاي مستغربا إن الوضع صعب.");
  CHECK(find(&f.a, "طالباني")!=0);
  CHECK(find(&f.a, "كرزاي")!=0);
  fixture_text(&f, "والتقى كيري وظريف في جنيف. وقال ظريف إن المحادثات جدية.");
  CHECK(find(&f.a, "كيري")!=0);
  CHECK(find(&f.a, "كيري وظريف")==0);
  fixture_text(&f, "قال أردوغان لبوتين في أنقرة إن التعاون مستمر.");   /* two people */
  CHECK(find(&f.a, "أردوغان")!=0);
  CHECK(find(&f.a, "بوتين")!=0);
  fixture_close(&f);
}

/* A family name with the article (الهويمل، الغامدي) is a surname found
** again alone later in the text, as one without it is (كوبل), unless it is
** an ordinary word or a plural of one: فيصل التطبيقات (the applications)
** does not make every later التطبيقات a person. */
static void test_surname_article(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وصرح مدير الشرطة اللواء سعد الهويمل بأن التحقيق مستمر. "
          "وأوضح الهويمل أن المتهمين اعترفوا.");
  CHECK_EQ_INT(kind_of(&f.a, "الهويمل"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وأعلن محمد الغامدي عن خطة جديدة للنادي. وبين الغامدي أن الخطة تبدأ غدا.");
  CHECK_EQ_INT(kind_of(&f.a, "الغامدي"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "ويطور فيصل التطبيقات في أوقات الفراغ. وسهولة تطوير التطبيقات جذبت الشباب.");
  CHECK(find(&f.a, "التطبيقات")==0);
  fixture_close(&f);
}

/* A person's last word with the name particle before it is a surname
** too, the same person's, with its particle in the span: ماركو فان باستن,
** then فان باستن (not فان | باستن), in the title before the full name too. */
static void test_particle_surname(void){
  fixture f;
  fixture_open(&f);
  marsad_analysis_clear(&f.a);
  analyse(f.pNer, f.pRes, "فان باستن يستبعد اللاعب",
          "قال المدرب الهولندي ماركو فان باستن إن الفريق جاهز. ورفض فان باستن الحديث عن التشكيلة.", &f.a);
  long long e = entity_of(&f.a, "ماركو فان باستن");
  CHECK(e!=0);
  CHECK_EQ_INT(kind_of(&f.a, "فان باستن"), MARSAD_ENTITY_PERSON);
  int n = 0;
  for(int i=0; i<f.a.nMention; i++){
    const marsad_mention *m = &f.a.aMention[i];
    if( m->iEnd-m->iStart==strlen("فان باستن") ){
      CHECK(m->iEntity==e);
      n++;
    }
  }
  CHECK_EQ_INT(n, 2);                  /* the title's and the body's */
  fixture_close(&f);
}

/* A lone tatweel between spaces is a dash: a name ends before it (two
** players' names, a formula of praise after a king's name). */
static void test_tatweel_dash(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وشارك اللاعبان أحمد عباس ـ يحيى الشهري في التدريبات.");
  CHECK_EQ_INT(kind_of(&f.a, "أحمد عباس"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "يحيى الشهري"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وكان الملك فيصل بن عبدالعزيز ـ رحمه الله ـ قد زار المدينة.");
  for(int i=0; i<f.a.nMention; i++){
    const marsad_mention *m = &f.a.aMention[i];
    for(size_t j=m->iStart; j+1<m->iEnd; j++){
      CHECK(!((unsigned char)f.a.art.zBody[j]==0xD9 && (unsigned char)f.a.art.zBody[j+1]==0x80));
    }
  }
  fixture_close(&f);
}

/* A town followed by a masculine adjective of a country is the club that
** bears its name (روما الإيطالي), and so is the town's name elsewhere in
** the text; a town with a feminine adjective (مدينة ميلان الإيطالية) or
** after a place head (مطار نيس الفرنسي) stays a place. */
static void test_clubs(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وشارك الحارس في مباراة الفريق أمام روما الإيطالي قبل أن يحقق روما الفوز بركلات الترجيح.");
  const marsad_mention *m = f.a.nMention>0 ? &f.a.aMention[0] : 0;
  int nRoma = 0;
  for(int i=0; i<f.a.nMention; i++){
    m = &f.a.aMention[i];
    if( m->iEnd-m->iStart!=strlen("روما") || memcmp(f.a.art.zBody+m->iStart, "روما", strlen("روما")) ) continue;
    CHECK_EQ_INT(m->eKind, MARSAD_ENTITY_ORG);
    nRoma++;
  }
  CHECK_EQ_INT(nRoma, 2);
  fixture_text(&f, "ووصلت البعثة إلى مدينة ميلان الإيطالية ثم هبطت في مطار نيس الفرنسي.");
  CHECK_EQ_INT(kind_of(&f.a, "ميلان"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "نيس"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وقال المبعوث الأممي إلى ليبيا برناردينو ليون إن الحوار مستمر.");
  CHECK_EQ_INT(kind_of(&f.a, "برناردينو ليون"), MARSAD_ENTITY_PERSON);
  fixture_close(&f);
}

/* Records the display name of each entity created (a resolver store). */
static int store_name(void *pCtx, int eKind, const char *zName, const char *zNameEn,
                      const char *zGaz, long long *piId){
  char *z = pCtx;
  static long long iNext = 0;
  (void)eKind; (void)zNameEn; (void)zGaz;
  snprintf(z, 128, "%s", zName);
  *piId = ++iNext;
  return MARSAD_OK;
}

/* A new entity is shown without the tatweel and harakat of its first
** mention (الشهــري, شُهيّب), which keeps its text as written. */
static void test_display_bare(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  char zName[128] = "";
  marsad_resolver_store st;
  memset(&st, 0, sizeof st);
  st.xEntity = store_name;
  st.pCtx = zName;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(&st, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "", "وقال المدرب سعيد الشهــري إن الفريق جاهز.", &a);
  CHECK(find(&a, "سعيد الشهــري")!=0);
  CHECK_EQ_STR(zName, "سعيد الشهري");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "وقال النائب أكرم شُهيّب إن الحكومة مسؤولة.", &a);
  CHECK(find(&a, "أكرم شُهيّب")!=0);
  CHECK_EQ_STR(zName, "أكرم شهيب");
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* Words no list nor the dictionary knows right after a verb of saying are
** its subject, a person (وقال قبادي إنه، ويقول مميش إن، وتؤكد كوكروفت أن);
** not an inflected word of the dictionary there: a plural or dual subject
** (متعاملون، قاضيان), a noun with a pronoun, the verb's object (أعلن نيته،
** تشير معلوماتنا). */
static void test_speakers(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال قبادي إنه بعد مرور عامين على الاتفاق تغيرت الأمور. "
          "ويقول مميش إن الحروب أنهكت البلاد.");
  CHECK_EQ_INT(kind_of(&f.a, "قبادي"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "مميش"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وتؤكد كوكروفت أن معظم المستأجرين من الأجانب.");
  CHECK_EQ_INT(kind_of(&f.a, "كوكروفت"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وقال متعاملون إن السوق هادئة. قال قاضيان إن الحكم صدر. "
          "وأعلن نيته الوفاء بالتعهد. وتشير معلوماتنا إلى مقتل 15 شخصا.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_close(&f);
}

/* Words no list nor the dictionary knows after a nationality adjective
** used as a noun or after another relative adjective (السويدي زلاتان
** إبراهيموفيتش، الدولي البرازيلي كانيدا) or a lead noun of
** data/ner_words.tsv (الحارس كيلور نافاس) are a person's name; not after
** an adjective that qualifies the noun before it (الحكومة العراقية
** لمطالبه), nor a word with a preposition (للعب، بالإفراج). */
static void test_leads(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وتألق السويدي زلاتان إبراهيموفيتش في المباراة.");
  CHECK_EQ_INT(kind_of(&f.a, "زلاتان إبراهيموفيتش"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وتقدم الحارس كيلور نافاس نحو الكرة.");
  CHECK_EQ_INT(kind_of(&f.a, "كيلور نافاس"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وسجل المهاجم الدولي البرازيلي كانيدا هدفين. "
          "ويغيب الجناح الدولي الكولومبي راداميل عن المباراة.");
  CHECK_EQ_INT(kind_of(&f.a, "كانيدا"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "راداميل"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "ولم تستجب الحكومة العراقية لمطالبه. وأمرت المحكمة العسكرية الإسرائيلية "
          "بالإفراج عنه. حتى يتفرغ اللاعب للعب داخل الميدان.");
  for(int i=0; i<f.a.nMention; i++) CHECK(f.a.aMention[i].eKind!=MARSAD_ENTITY_PERSON);
  fixture_close(&f);
}

/* A person's name takes the words right after it that no list nor the
** dictionary knows (جاكوب | زوما), not an ordinary word with a suffix
** (فاتن حمامة | علمتني، نوري المالكي | حصريًا) nor a word after a name the
** gazetteer knows whole (باراك أوباما | سيرتبط); the model's person does
** not start with a title (الشاعر | صالح الناصر). */
static void test_foreign_last(void){
  fixture f;
  char z[256];
  fixture_open(&f);
  fixture_text(&f, "واستقبل الرئيس جاكوب زوما الوفد أمس.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "جاكوب زوما");
  fixture_text(&f, "وقالت فاتن حمامة علمتني الحياة الكثير.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "فاتن حمامة");
  fixture_text(&f, "وكان نوري المالكي حصريًا في قراره.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "نوري المالكي");
  fixture_text(&f, "وأعلن باراك أوباما سيرتبط اسمه بالاتفاق.");
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "باراك أوباما");
  fixture_text(&f, "وقال الشاعر صالح الناصر إن القصيدة جديدة.");   /* a title is no word of it */
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "صالح الناصر");
  fixture_text(&f, "وفي الغد سيلتقي كيري نظيره.");      /* a verb is no foreign given name */
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "كيري");
  fixture_text(&f, "فإن خطة رئيس الوزراء ستكون على مدى خمسة أعوام.");   /* nor a title's name */
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وروى أنس بن مالك رضي الله عنه الحديث.");   /* an honorific ends it */
  CHECK_EQ_STR(only_span(&f.a, MARSAD_ENTITY_PERSON, z, sizeof z), "أنس بن مالك");
  fixture_close(&f);
}

/* An organisation's name ends at a relative adjective when a word with
** the article that is no such adjective follows: it is the verb's object
** (وناشدت وزارة التنمية الاجتماعية المواطنين التبرع), while adjectives go
** on (وزارة الخارجية الروسية) and so does a genitive after a noun (جماعة
** الإخوان المسلمين). */
static void test_org_tail_closed(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وناشدت وزارة التنمية الاجتماعية المواطنين التبرع. "
          "وأعلنت وزارة الخارجية الروسية أن نقابة المهندسين العرب اجتمعت.");
  CHECK_EQ_INT(kind_of(&f.a, "وزارة التنمية الاجتماعية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "وزارة الخارجية الروسية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "نقابة المهندسين العرب"), MARSAD_ENTITY_ORG);
  fixture_text(&f, "وأعلنت وزارة التجارة والصناعة ونقابة الأطباء البريطانية والهيئة العامة للرياضة قرارا.");
  CHECK_EQ_INT(kind_of(&f.a, "وزارة التجارة والصناعة"), MARSAD_ENTITY_ORG);   /* و within one body */
  CHECK_EQ_INT(kind_of(&f.a, "نقابة الأطباء البريطانية"), MARSAD_ENTITY_ORG);   /* and between two: */
  CHECK_EQ_INT(kind_of(&f.a, "الهيئة العامة للرياضة"), MARSAD_ENTITY_ORG);
  fixture_close(&f);
}

/* An organisation's name goes on past four genitives with an adjective
** agreeing with the last (الإنسانية), takes a common word with the article
** as an adjective (المالية، المالي: not النادي, a generic tail), and a head
** with the article takes an adjective and a complement with ل (الهيئة
** العامة للطيران المدني), which alone (الهيئة العامة) names nothing. */
static void test_org_complement(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن هيئة الأركان العامة "
          "للجيش المالي وهيئة السوق المالية ووزارة المالية اتفقت. وأعربت الهيئة العامة "
          "للطيران المدني عن أسفها، وتعمل الهيئة الوطنية لمكافحة الفساد، وقررت إدارة النادي "
          "ما تراه الهيئة العامة.");
  CHECK_EQ_INT(kind_of(&f.a, "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "هيئة الأركان العامة للجيش المالي"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "هيئة السوق المالية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "وزارة المالية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "الهيئة العامة للطيران المدني"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "الهيئة الوطنية لمكافحة الفساد"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(f.a.nMention, 6);
  fixture_text(&f, "وقال مدير جامعة الإمام محمد بن سعود الإسلامية إن مركز الملك فهد الثقافي في أبها "
          "يستقبل الزوار.");
  CHECK_EQ_INT(kind_of(&f.a, "جامعة الإمام محمد بن سعود الإسلامية"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "مركز الملك فهد الثقافي"), MARSAD_ENTITY_ORG);
  fixture_text(&f, "ونقل المصابون إلى مستشفى الملك فهد التخصصي ومستشفى الولادة والأطفال.");
  CHECK_EQ_INT(kind_of(&f.a, "مستشفى الملك فهد التخصصي"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "مستشفى الولادة والأطفال"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(f.a.nMention, 2);
  fixture_text(&f, "ونقل إلى مستشفى الملك فيصل بمكة المكرمة أمس.");
  CHECK_EQ_INT(kind_of(&f.a, "مستشفى الملك فيصل"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "مكة المكرمة"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وأعلنت غرفة العمليات أن ادارة المستشفى تتابع الحالة.");
  CHECK_EQ_INT(f.a.nMention, 0);     /* generic heads with a generic noun */
  fixture_close(&f);
}

/* The short names of organisations the list gives (مجلس الأمن, مؤسسة
** النقد, قوات الطوارئ) are the same entity as the full ones, while a
** longer name ending on a relative adjective is another organisation
** (مجلس الأمن القومي, قوات الطوارئ الدولية). */
static void test_org_short_names(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "ودعا مجلس الأمن الدولي إلى الهدوء، وقال مجلس الأمن إن مؤسسة النقد العربي "
          "السعودي ومؤسسة النقد وقوات الطوارئ الخاصة وقوات الطوارئ ومجلس الأمن القومي "
          "وقوات الطوارئ الدولية حاضرة.");
  CHECK_EQ_INT(entity_of(&f.a, "مجلس الأمن"), entity_of(&f.a, "مجلس الأمن الدولي"));
  CHECK_EQ_INT(entity_of(&f.a, "مؤسسة النقد"), entity_of(&f.a, "مؤسسة النقد العربي السعودي"));
  CHECK_EQ_INT(entity_of(&f.a, "قوات الطوارئ"), entity_of(&f.a, "قوات الطوارئ الخاصة"));
  CHECK(entity_of(&f.a, "مجلس الأمن القومي")!=entity_of(&f.a, "مجلس الأمن"));
  CHECK(entity_of(&f.a, "قوات الطوارئ الدولية")!=entity_of(&f.a, "قوات الطوارئ"));
  CHECK(entity_of(&f.a, "قوات الطوارئ الدولية")!=0);
  fixture_close(&f);
}

/* A Latin name the lists know takes its kind and entity (Twitter is تويتر,
** STC an organisation); one letter (A) and a page's navigation (Next
** Previous) name nothing; another Latin name is of kind other. */
static void test_latin_names(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "ونشرت تويتر بيانا، وقالت Twitter و STC إن الخيار A هو الأفضل. Next Previous "
          "ويعمل نظام Lollipop على الأجهزة.");
  CHECK_EQ_INT(kind_of(&f.a, "Twitter"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(entity_of(&f.a, "Twitter"), entity_of(&f.a, "تويتر"));
  CHECK_EQ_INT(kind_of(&f.a, "STC"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "Lollipop"), MARSAD_ENTITY_OTHER);
  CHECK_EQ_INT(f.a.nMention, 4);
  fixture_close(&f);
}

/* Seas and oceans are places of the list, whole: المحيط الهادئ (its
** adjective was read alone as a place, الهادي) and بحر الشمال. */
static void test_seas(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقع زلزال في المحيط الهادي قبالة سواحل تشيلي، وتراجع إنتاج بحر الشمال.");
  CHECK_EQ_INT(kind_of(&f.a, "المحيط الهادي"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "بحر الشمال"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* A word of the dictionary written with a final ى (المجرى, the channel;
** اليمنى, the right) is no nisba adjective, though its key is the
** adjective's (المجري، اليمني), nor a plural in يات heading a construct
** (مجريات المحاكمة, the course of the trial); المجري, سعوديات, and a nisba
** some news write with ى (المصرى) still are. */
static void test_adjective_forms(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وبدأ العمل في المجرى الجديد للقناة، وتابع الجمهور مجريات المحاكمة ورفع يده اليمنى.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وقال الرئيس المصرى إن الاتفاق صامد.");
  CHECK_EQ_INT(kind_of(&f.a, "المصرى"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وانضم الحارس المجري إلى الفريق، وفازت لاعبات سعوديات بالبطولة.");
  CHECK_EQ_INT(kind_of(&f.a, "المجري"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "سعوديات"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* The English name of the gazetteer entity of normalized key z ("" when
** none). */
static const char *gaz_english(const char *z){
  const marsad_gaz_key *k = marsad_gaz_lookup(z, strlen(z));
  if( k==0 || k->iEntity<0 ) return "";
  return marsad_gaz_entity_at(k->iEntity)->zName;
}

/* Names of one body that Saudi news write several ways are one entity of
** the list (the football federation: الاتحاد السعودي لكرة القدم،
** الاتحاد السعودي، اتحاد الكرة; the Red Crescent Authority; يونايتد for
** Manchester United), and the other federations of the same nation stay
** apart (الاتحاد السعودي للفروسية), as does نيوكاسل يونايتد. */
static void test_org_lists(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال الاتحاد السعودي لكرة القدم إن الاتحاد السعودي قرر، وأكد اتحاد الكرة "
          "أن الاتحاد السعودي للفروسية وهيئة الهلال الأحمر السعودي وهيئة الهلال الأحمر "
          "وهيئة السياحة والهيئة العامة للسياحة والتراث الوطني حاضرة.");
  long long e = entity_of(&f.a, "الاتحاد السعودي لكرة القدم");
  CHECK(e!=0);
  CHECK_EQ_INT(entity_of(&f.a, "الاتحاد السعودي"), e);
  CHECK_EQ_INT(entity_of(&f.a, "اتحاد الكرة"), e);
  CHECK(entity_of(&f.a, "الاتحاد السعودي للفروسية")!=e);
  CHECK(entity_of(&f.a, "الاتحاد السعودي للفروسية")!=0);
  CHECK_EQ_INT(entity_of(&f.a, "هيئة الهلال الأحمر"), entity_of(&f.a, "هيئة الهلال الأحمر السعودي"));
  CHECK_EQ_INT(entity_of(&f.a, "هيئة السياحة"),
               entity_of(&f.a, "الهيئة العامة للسياحة والتراث الوطني"));
  fixture_text(&f, "وقرر الاتحاد الأوروبي لكرة القدم، وقرر الاتحاد الأوروبي فرض عقوبات.");
  CHECK(entity_of(&f.a, "الاتحاد الأوروبي لكرة القدم")!=entity_of(&f.a, "الاتحاد الأوروبي"));
  fixture_text(&f, "فاز نيوكاسل يونايتد على مانشستر يونايتد، ثم خسر يونايتد أمام تشيلسي.");
  CHECK_EQ_INT(entity_of(&f.a, "يونايتد"), entity_of(&f.a, "مانشستر يونايتد"));
  CHECK(entity_of(&f.a, "نيوكاسل يونايتد")!=entity_of(&f.a, "مانشستر يونايتد"));
  fixture_text(&f, "وتوقع صندوق النقد الدولي نموا، وقال صندوق النقد إن الدين ارتفع.");
  CHECK(entity_of(&f.a, "صندوق النقد")!=0);
  CHECK_EQ_INT(entity_of(&f.a, "صندوق النقد"), entity_of(&f.a, "صندوق النقد الدولي"));
  fixture_text(&f, "وانتقل اللاعب من فيورنتينا إلى بوكا جونيورز، وطلبت شركة بوينج من بوينغ أخرى.");
  CHECK_EQ_INT(kind_of(&f.a, "فيورنتينا"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "بوكا جونيورز"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(entity_of(&f.a, "بوينغ"), entity_of(&f.a, "شركة بوينج"));
  fixture_text(&f, "وذكرت صحيفة فايننشال تايمز أن أمازون وكوكاكولا ستعلنان نتائجهما.");
  CHECK_EQ_INT(kind_of(&f.a, "فايننشال تايمز"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "أمازون"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(kind_of(&f.a, "كوكاكولا"), MARSAD_ENTITY_ORG);
  fixture_close(&f);
}

/* Places of Saudi news that GeoNames names oddly or not at all have
** their English names from the list (دبي Dubai, القطيف Qatif, أبها Abha),
** and زنجبار is Zinjibar, the capital of Abyan, not Zanzibar; common
** words that are a town somewhere name none (الزرقاء blue, الديربي the
** derby, زواره his visitors), nor does a word with tanween (لزاماً), nor
** a preposition and an inflected word (بابها, its door: not ب + أبها;
** لزاما). */
static void test_place_lists(void){
  CHECK_EQ_STR(gaz_english("دبي"), "Dubai");
  CHECK_EQ_STR(gaz_english("قطيف"), "Qatif");
  CHECK_EQ_STR(gaz_english("ابها"), "Abha");
  CHECK_EQ_STR(gaz_english("زنجبار"), "Zinjibar");
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "ارتدى قميصا بلون الحبة الزرقاء وسط زواره قبل الديربي.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "صنفتها الحكومة منظمة إرهابية، وانتقل اللاعب إلى النادي السعودي بعقد.");
  CHECK_EQ_INT(f.a.nMention, 0);              /* generic: a terrorist organisation, the Saudi club */
  fixture_text(&f, "وكان لزاماً على اللاعبين أن يصلوا باكراً.");    /* tanween: no Zama, no Accra */
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وصل الوفد إلى أكرا ثم إلى زاما.");
  CHECK_EQ_INT(kind_of(&f.a, "أكرا"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "دخلت غرفتها وأغلقت بابها بالمفتاح.");   /* باب + ها, no ب + أبها */
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وكان لزاما عليه أن يصل باكرا.");        /* no tanween written */
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "وسافر بروسيا وكآسيا ولكينيا.");
  CHECK_EQ_INT(f.a.nMention, 3);
  CHECK_EQ_INT(kind_of(&f.a, "روسيا"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "ووصل الأمير بأبها ثم لجدة.");
  CHECK_EQ_INT(kind_of(&f.a, "أبها"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "جدة"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* A one-word name of a person or a town listed without the article names
** nothing in a word with it (الجنين the fetus is no Jenin, الصفوي
** Safavid no Safwa, الكاميرون the country, not Cameron), while the word
** without it still does; cities news names with the article have it
** listed so (الخرطوم). */
static void test_article_free(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال الطبيب إن الجنين بخير، وانتقد الكاتب المشروع الصفوي في المنطقة.");
  CHECK_EQ_INT(f.a.nMention, 0);
  fixture_text(&f, "واقتحم الجيش مدينة جنين، وزار الوفد بلدة صفوى.");
  CHECK_EQ_INT(kind_of(&f.a, "جنين"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "صفوى"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وقال كاميرون إن بريطانيا تدعم الكاميرون في حربها.");
  CHECK_EQ_INT(kind_of(&f.a, "كاميرون"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "الكاميرون"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_STR(gaz_english("الكاميرون"), "Cameroon");
  CHECK_EQ_STR(gaz_english("خرطوم"), "Khartoum");
  fixture_text(&f, "ووصل الوفد إلى الخرطوم أمس.");
  CHECK_EQ_INT(kind_of(&f.a, "الخرطوم"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* A family name many bear (المالكي, a Saudi family too) that the lists
** give one person in his country (Nouri al-Maliki, Iraq) is his in an
** article that names that country, and a family's name elsewhere, even
** once he is known by it. */
static void test_home_family(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال نوري المالكي إن الحكومة ستصمد.");
  long long eNouri = entity_of(&f.a, "نوري المالكي");
  fixture_text(&f, "ويقدم الفنان فايز المالكي برنامجا.");     /* another of that family */
  fixture_text(&f, "وهاجم المالكي السعودية في تصريحات لقناة عراقية.");
  CHECK(eNouri!=0);
  CHECK_EQ_INT(entity_of(&f.a, "المالكي"), eNouri);
  fixture_text(&f, "وقال المالكي إن الفريق جاهز للموسم.");
  CHECK(entity_of(&f.a, "المالكي")!=eNouri);
  CHECK(entity_of(&f.a, "المالكي")!=0);
  fixture_close(&f);
}

/* A generic body (قوات الأمن, any country's security forces; المنظمة
** الدولية; the education department or the maternity hospital of a city
** named after ب) is recognised but is no entity; a specific one is
** (قوات الأمن العراقية، المنظمة الدولية للهجرة). */
static void test_generic_bodies(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقالت قوات الأمن إن الهجوم فشل، وأكدت المنظمة الدولية أن المساعدات وصلت.");
  CHECK_EQ_INT(kind_of(&f.a, "قوات الأمن"), MARSAD_ENTITY_ORG);
  CHECK_EQ_INT(entity_of(&f.a, "قوات الأمن"), 0);
  for(int i=0; i<f.a.nMention; i++) CHECK_EQ_INT(f.a.aMention[i].iEntity, 0);
  fixture_text(&f, "وأعلنت الإدارة العامة للتعليم بمنطقة الباحة ومستشفى الولادة والأطفال ببريدة خطة.");
  for(int i=0; i<f.a.nMention; i++){
    if( f.a.aMention[i].eKind==MARSAD_ENTITY_ORG ) CHECK_EQ_INT(f.a.aMention[i].iEntity, 0);   /* many cities' */
  }
  fixture_text(&f, "وقالت قوات الأمن العراقية والمنظمة الدولية للهجرة إن النازحين عادوا.");
  CHECK(entity_of(&f.a, "قوات الأمن العراقية")!=0);
  CHECK(entity_of(&f.a, "المنظمة الدولية للهجرة")!=0);
  fixture_text(&f, "وقررت إدارة الكرة بالنادي ولجنة التحكيم في الاتحاد إيقاف اللاعب، فيما قالت قوات الجيش إنها تقدمت.");
  for(int i=0; i<f.a.nMention; i++){
    if( f.a.aMention[i].eKind==MARSAD_ENTITY_ORG ) CHECK_EQ_INT(f.a.aMention[i].iEntity, 0);
  }
  fixture_close(&f);
}

/* The resolver reads some names by their article's context or the lists:
** عمان coordinated with countries is Oman (سلطنة عمان), elsewhere Amman; a
** name the lists give another kind takes it (الأناضول the agency, عسير the
** region after أمير); a dictionary word is no misspelling of a name
** (الأندلس is not إندونيسيا, الجزيرة not الجزائرية); an epithet with the
** article read as a person (القائد الحكيم), or a plural (الباحثون), is no
** one unless its article names the person in full; حسن السيرة (good
** conduct) and صالح الأعمال (good deeds) are common phrases. */
static void test_context_readings(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وزار الوفد سلطنة عمان الأسبوع الماضي.");
  long long eOman = entity_of(&f.a, "سلطنة عمان");
  fixture_text(&f, "ويلتقي في البطولة البحرين والجزائر والإمارات وعمان والكويت.");
  CHECK(eOman!=0);
  CHECK_EQ_INT(entity_of(&f.a, "عمان"), eOman);
  fixture_text(&f, "ووصل الوفد إلى عمان، وأجرى محادثات مع المسؤولين.");
  CHECK(entity_of(&f.a, "عمان")!=eOman);
  CHECK(entity_of(&f.a, "عمان")!=0);
  fixture_text(&f, "وأوضحت الشرطة، بحسب الاناضول.");
  CHECK_EQ_INT(kind_of(&f.a, "الاناضول"), MARSAD_ENTITY_ORG);
  fixture_text(&f, "وقال أمير عسير إن المشروع اكتمل.");
  CHECK_EQ_INT(kind_of(&f.a, "عسير"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "وزار الرئيس إندونيسيا ثم ماليزيا.");
  long long eIndo = entity_of(&f.a, "إندونيسيا");
  fixture_text(&f, "وتحدث المؤرخ عن تاريخ الأندلس وحضارتها.");
  CHECK(entity_of(&f.a, "الأندلس")!=eIndo);
  fixture_text(&f, "القائد الحكيم للبلاد");
  CHECK_EQ_INT(kind_of(&f.a, "الحكيم"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(entity_of(&f.a, "الحكيم"), 0);
  fixture_text(&f, "وأضاف الباحثون أن العلاج فعال، وأن يكون المتقدم حسن السيرة والسلوك. تقبل الله صالح الأعمال.");
  for(int i=0; i<f.a.nMention; i++) CHECK_EQ_INT(f.a.aMention[i].iEntity, 0);   /* researchers, good conduct */
  fixture_close(&f);
}

/* A place noun, a royal title and a name (and a relative adjective) name
** a place, not the person (مدينة الملك عبدالله الرياضية was the person
** عبدالله الرياضية; مطار الأمير محمد بن عبدالعزيز); the title alone still
** names the person. */
static void test_places_after_kings(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وتقام المباراة على ملعب مدينة الملك عبدالله الرياضية في بريدة، "
          "ووصل الوفد إلى مطار الأمير محمد بن عبدالعزيز أمس.");
  CHECK_EQ_INT(kind_of(&f.a, "مدينة الملك عبدالله الرياضية"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "مطار الأمير محمد بن عبدالعزيز"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "ووقعت مدينة الملك عبدالعزيز للعلوم والتقنية اتفاقية.");
  CHECK_EQ_INT(kind_of(&f.a, "مدينة الملك عبدالعزيز للعلوم والتقنية"), MARSAD_ENTITY_ORG);
  fixture_text(&f, "واستقبل الأمير محمد بن عبدالعزيز، أمس، الوفد.");
  CHECK_EQ_INT(kind_of(&f.a, "محمد بن عبدالعزيز"), MARSAD_ENTITY_PERSON);
  fixture_text(&f, "وأقيم العرض بحديقة الملك فهد المركزية ثم في متنزه الملك عبدالله البيئي.");
  CHECK_EQ_INT(kind_of(&f.a, "حديقة الملك فهد المركزية"), MARSAD_ENTITY_PLACE);   /* parks */
  CHECK_EQ_INT(kind_of(&f.a, "متنزه الملك عبدالله البيئي"), MARSAD_ENTITY_PLACE);
  fixture_text(&f, "ووصل الأمير محمد بن عبدالعزيز البارحة إلى جدة.");   /* a time word, no family */
  CHECK_EQ_INT(kind_of(&f.a, "محمد بن عبدالعزيز"), MARSAD_ENTITY_PERSON);
  fixture_close(&f);
}

/* A place named after a person (صلاح الدين, the Iraqi province) is the
** place, but where a person's name goes on after it, the person. */
static void test_place_named_after_person(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "ودارت معارك في محافظات صلاح الدين وديالى والأنبار، "
          "وقال محافظ صلاح الدين رائد الجبوري إن الأسر عادت إلى صلاح الدين.");
  CHECK_EQ_INT(kind_of(&f.a, "صلاح الدين"), MARSAD_ENTITY_PLACE);
  for(int i=0; i<f.a.nMention; i++) CHECK(f.a.aMention[i].eKind==MARSAD_ENTITY_PLACE);
  fixture_text(&f, "والتقى الوفد صلاح الدين دميرطاش زعيم الحزب، وسجل محمد صلاح الدين هدفا.");
  CHECK_EQ_INT(kind_of(&f.a, "صلاح الدين دميرطاش"), MARSAD_ENTITY_PERSON);
  CHECK_EQ_INT(kind_of(&f.a, "محمد صلاح الدين"), MARSAD_ENTITY_PERSON);
  fixture_close(&f);
}

/* A surname several listed people bear (بوش: Jeb, George W. and George
** H. W. Bush) is the one its article names in full, else its own entity:
** never the first one's for every article after. */
static void test_shared_surname(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وتقدم المرشح جيب بوش في الاستطلاع، وقال بوش إن الاتفاق خطير.");
  long long iJeb = entity_of(&f.a, "جيب بوش");
  CHECK(iJeb!=0 && entity_of(&f.a, "بوش")==iJeb);
  fixture_text(&f, "وقال الرئيس الأسبق جورج دبليو بوش في كتابه إن بوش الأب نصحه، وأضاف بوش أن القرار صعب.");
  long long iW = entity_of(&f.a, "جورج دبليو بوش");
  CHECK(iW!=0 && iW!=iJeb && entity_of(&f.a, "بوش")==iW);
  fixture_text(&f, "وفي عهد الرئيس السابق بوش، تغير الوضع.");
  long long iAlone = entity_of(&f.a, "بوش");
  CHECK(iAlone!=0 && iAlone!=iJeb && iAlone!=iW);
  fixture_text(&f, "وقال بوش إن الاتفاق خطير، وهاجم جيب بوش الاتفاق.");
  CHECK(entity_of(&f.a, "بوش")==iJeb);
  fixture_text(&f, "وقال الرئيس بوش في خطابه إن الحرب مستمرة.");
  CHECK(entity_of(&f.a, "بوش")==iAlone);
  fixture_close(&f);
}

/* An organisation named with another spelling of its nationality
** adjective (الأميركية, الأمريكية: American) is one entity; another
** country's adjective is another organisation. */
static void test_nisba_spellings(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقالت الإدارة الأميركية إن القوات الأميركية ستبقى.");
  long long iAdm = entity_of(&f.a, "الإدارة الأميركية");
  long long iForces = entity_of(&f.a, "القوات الأميركية");
  fixture_text(&f, "وأكدت الإدارة الأمريكية أن القوات الأمريكية ستغادر، وأن القوات البريطانية باقية.");
  CHECK(iAdm!=0 && entity_of(&f.a, "الإدارة الأمريكية")==iAdm);
  CHECK(iForces!=0 && entity_of(&f.a, "القوات الأمريكية")==iForces);
  CHECK(entity_of(&f.a, "القوات البريطانية")!=iForces);
  fixture_close(&f);
}

/* Analyses zBody as the body of an article of outlet zOutlet with the
** recogniser and resolver of fixture f. */
static void fixture_outlet(fixture *f, const char *zOutlet, const char *zBody){
  marsad_analysis_clear(&f->a);
  memset(&f->a, 0, sizeof f->a);
  f->a.art.zOutlet = zOutlet;
  f->a.art.zTitle = "";
  f->a.art.zBody = zBody;
  f->a.art.nBody = strlen(zBody);
  CHECK_EQ_INT(marsad_ner_run(f->pNer, &f->a), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_resolve(f->pRes, &f->a), MARSAD_OK);
}

/* The n-th mention (from 0) of pA whose text is z, or NULL. */
static const marsad_mention *find_nth(const marsad_analysis *pA, const char *z, int n){
  size_t nz = strlen(z);
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    const char *zf = m->eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
    if( m->iEnd-m->iStart==nz && memcmp(zf+m->iStart, z, nz)==0 && n--==0 ) return m;
  }
  return 0;
}

/* A newspaper's own name between quotation marks in its own articles
** (data/outlets.tsv) is the newspaper, not the region or the word it also
** spells; unquoted, or in another outlet's article, it is what it was; and
** the organisation's name alone in its own articles is the outlet, while
** elsewhere it stays apart from it (الجزيرة, the newspaper in al-Jazirah,
** is no variant of it in another outlet's article). */
static void test_outlet_names(void){
  fixture f;
  char zGaz[64] = "";
  marsad_resolver_store st;
  memset(&st, 0, sizeof st);
  st.xEntity = store_gaz;
  st.pCtx = zGaz;
  memset(&f, 0, sizeof f);
  CHECK_EQ_INT(marsad_ner_new(&f.pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(&st, &f.pRes), MARSAD_OK);
  fixture_outlet(&f, "aawsat", "وقال مسؤول لـ«الشرق الأوسط» إن الوضع صعب.");
  const marsad_mention *m = find_nth(&f.a, "الشرق الأوسط", 0);
  CHECK(m && m->eKind==MARSAD_ENTITY_ORG);
  CHECK_EQ_STR(zGaz, "org:asharq");
  const char *zAwsat = "وقال مسؤول لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط صعب.";
  fixture_outlet(&f, "aawsat", zAwsat);
  m = find_nth(&f.a, "الشرق الأوسط", 0);
  CHECK(m && m->eKind==MARSAD_ENTITY_ORG);
  m = find_nth(&f.a, "الشرق الأوسط", 1);
  CHECK(m && m->eKind==MARSAD_ENTITY_PLACE);
  fixture_outlet(&f, "okaz", zAwsat);
  m = find_nth(&f.a, "الشرق الأوسط", 0);
  CHECK(m && m->eKind==MARSAD_ENTITY_PLACE);
  fixture_outlet(&f, "alwatan", "وأكد المدير لـ\"الوطن\" أن المشروع يخدم الوطن.");
  m = find_nth(&f.a, "الوطن", 0);
  CHECK(m && m->eKind==MARSAD_ENTITY_ORG && find_nth(&f.a, "الوطن", 1)==0);
  CHECK_EQ_STR(zGaz, "org:alwatan");
  fixture_outlet(&f, "aljazirah", "وعلمت (الجزيرة) أن الوزارة بدأت. وقالت مصادر الجزيرة إن العمل مستمر.");
  m = find_nth(&f.a, "الجزيرة", 0);
  long long iPaper = m ? m->iEntity : 0;
  CHECK(m && m->eKind==MARSAD_ENTITY_ORG && iPaper!=0);
  CHECK_EQ_STR(zGaz, "org:aljazirah");
  fixture_outlet(&f, "aljazirah", "وفاز الجزيرة الإماراتي على الوحدة.");
  m = find_nth(&f.a, "الجزيرة", 0);
  CHECK(m==0 || m->iEntity!=iPaper);
  fixture_outlet(&f, "aawsat", "وقالت مصادر الجزيرة إن العمل مستمر.");
  m = find_nth(&f.a, "الجزيرة", 0);
  CHECK(m==0 || m->iEntity!=iPaper);
  fixture_close(&f);
}

/* The states of the US are places (GeoNames' first-order divisions, and no
** more of them); بليون (a billion) is no ب + ليون (Lyon); جريدة (a
** newspaper) before the paper's quoted name is no organisation alone. */
static void test_states_and_nouns(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وصل المرشح إلى تكساس أمس، ثم زار أوكلاهوما.");
  CHECK_EQ_INT(kind_of(&f.a, "تكساس"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "أوكلاهوما"), MARSAD_ENTITY_PLACE);
  const marsad_gaz_key *k = marsad_gaz_lookup("تكساس", strlen("تكساس"));
  CHECK(k && k->iEntity>=0 && strcmp(marsad_gaz_entity_at(k->iEntity)->zId, "geo:US.TX")==0);
  fixture_text(&f, "وبلغت قيمة الصفقة 3 بليون دولار.");
  CHECK(find_nth(&f.a, "ليون", 0)==0);
  fixture_text(&f, "ونشرت جريدة «عكاظ» الخبر أمس.");
  CHECK(find_nth(&f.a, "جريدة", 0)==0);
  fixture_close(&f);
}

/* A word written with أل (a hamza) has no article reading: the article is
** never written so (ألونسو is no ال + ونسو), and the name keeps its
** whole key; a word with the article written bare keeps its reading. */
static void test_hamza_alef_lam(void){
  fixture f;
  fixture_open(&f);
  fixture_text(&f, "وقال ألونسو إن السيارة جيدة، وأضاف ألونسو أنه سعيد بالنتيجة.");
  const marsad_mention *m = find_nth(&f.a, "ألونسو", 0);
  CHECK(m && m->eKind==MARSAD_ENTITY_PERSON && strcmp(m->zKey, "الونسو")==0);
  fixture_text(&f, "وصل الوفد إلى ألمانيا ثم إلى الرياض.");
  CHECK_EQ_INT(kind_of(&f.a, "ألمانيا"), MARSAD_ENTITY_PLACE);
  CHECK_EQ_INT(kind_of(&f.a, "الرياض"), MARSAD_ENTITY_PLACE);
  fixture_close(&f);
}

/* Sets *(int*)pCtx to the gazetteer entity of a span (a marsad_ner_fn). */
static int span_gaz(void *pCtx, const marsad_ner_span *pSpan){
  *(int*)pCtx = pSpan->iGaz;
  return MARSAD_OK;
}

/* The gazetteer entity of the last name recogniser pNer finds in zBody (-2
** when none). */
static int last_gaz(marsad_ner *pNer, const char *zBody){
  int iGaz = -2;
  CHECK_EQ_INT(marsad_ner_text(pNer, "", 0, zBody, strlen(zBody), span_gaz, &iGaz), MARSAD_OK);
  return iGaz;
}

/* The curated lists read at run time (marsad_entities_data_dir) from the
** source tree's data/ give the gazetteer the build compiled: every key with
** the same name and classes. Then an edited copy: a person added, a title
** taken out (a recogniser made before reads with the lists in force, not
** with what it kept of the words); a bad line is reported by file and line
** and changes nothing. */
static void test_data_dir(void){
  const char *zSrc = getenv("MARSAD_SRC");
  char zData[1024], zDir[] = "/tmp/marsad-test-data-XXXXXX", zCmd[8192];
  char *zErr = 0;
  snprintf(zData, sizeof zData, "%s/data", zSrc ? zSrc : "..");
  CHECK_EQ_INT(marsad_entities_data_dir(zData, &zErr), MARSAD_OK);
  CHECK(zErr==0);
  int nBad = 0;
  for(int i=0; i<marsad_gaz_nkeys; i++){
    const marsad_gaz_key *k = &marsad_gaz_keys[i];
    const marsad_gaz_key *r = marsad_gaz_lookup(k->zKey, (size_t)k->nKey);
    unsigned fMask = ~(unsigned)MARSAD_GAZ_CURATED;
    int bSame = r && (r->fClass & fMask)==(k->fClass & fMask) && (r->iEntity<0)==(k->iEntity<0)
      && (k->iEntity<0 || strcmp(marsad_gaz_entity_at(r->iEntity)->zId, marsad_gaz_entities[k->iEntity].zId)==0);
    if( !bSame && nBad++<5 ){
      fprintf(stderr, "key «%s»: compiled %x %d, loaded %x %d\n", k->zKey, k->fClass,
              k->iEntity, r ? r->fClass : 0, r ? r->iEntity : -2);
    }
  }
  CHECK_EQ_INT(nBad, 0);
  CHECK_EQ_INT(marsad_gaz_key_count(), marsad_gaz_nkeys);
  int iRu = marsad_gaz_find_id("RU");
  CHECK(iRu>=0 && strcmp(marsad_gaz_entity_at(iRu)->zName, "Russia")==0);
  for(int i=0; i<marsad_gaz_noutlets; i++){      /* data/outlets.tsv read alike */
    const marsad_gaz_outlet *o = marsad_gaz_outlet_find(marsad_gaz_outlets[i].zOutlet);
    CHECK(o && strcmp(o->zOrg, marsad_gaz_outlets[i].zOrg)==0 && strcmp(o->zWords, marsad_gaz_outlets[i].zWords)==0
          && strcmp(o->zKey, marsad_gaz_outlets[i].zKey)==0);
  }
  CHECK(marsad_gaz_noutlets>0 && marsad_gaz_outlet_find("no-such-outlet")==0);

  CHECK(mkdtemp(zDir)!=0);
  snprintf(zCmd, sizeof zCmd, "cp %s/entities_*.tsv %s/ner_*.tsv %s/ && "
           "printf 'person:test\tperson\tZaid al-Fulani\tزيد الفلاني\n' >> %s/entities_people.tsv && "
           "sed -i '/^title\tالرئيس$/d; /^title\tرئيس$/d' %s/ner_words.tsv", zData, zData, zDir, zDir, zDir);
  CHECK_EQ_INT(system(zCmd), 0);
  marsad_ner *pNer = 0;
  const char *zZaid = "وقال زيد الفلاني إن الاتفاق صامد.";
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK(last_gaz(pNer, zZaid)<0);
  CHECK_EQ_INT(marsad_entities_data_dir(zDir, &zErr), MARSAD_OK);
  const marsad_gaz_key *k = marsad_gaz_lookup("زيد الفلاني", strlen("زيد الفلاني"));
  CHECK(k && k->iEntity>=0 && strcmp(marsad_gaz_entity_at(k->iEntity)->zId, "person:test")==0);
  CHECK(k && last_gaz(pNer, zZaid)==k->iEntity);
  marsad_ner_free(pNer);
  k = marsad_gaz_lookup("رئيس", strlen("رئيس"));
  CHECK(k==0 || !(k->fClass & MARSAD_GAZ_TITLE));
  CHECK(marsad_gaz_outlet_find("aljazirah")==0);             /* no outlets.tsv there */
  CHECK(marsad_gaz_lookup("زيد", strlen("زيد"))!=0);        /* its prefix */
  snprintf(zCmd, sizeof zCmd, "printf 'person:bad\tperson\n' >> %s/entities_people.tsv", zDir);
  CHECK_EQ_INT(system(zCmd), 0);
  CHECK_EQ_INT(marsad_entities_data_dir(zDir, &zErr), MARSAD_ERROR);
  CHECK(zErr && strstr(zErr, "entities_people.tsv:") && strstr(zErr, "expected"));
  marsad_free(zErr);
  zErr = 0;
  k = marsad_gaz_lookup("زيد الفلاني", strlen("زيد الفلاني"));
  CHECK(k && k->iEntity>=0);                                  /* the lists before stay */
  CHECK_EQ_INT(marsad_entities_data_dir("/nonexistent-marsad-dir", &zErr), MARSAD_ERROR);
  marsad_free(zErr);
  CHECK_EQ_INT(marsad_entities_data_dir(0, 0), MARSAD_OK);
  CHECK(marsad_gaz_lookup("زيد الفلاني", strlen("زيد الفلاني"))==0);
  snprintf(zCmd, sizeof zCmd, "rm -rf %s", zDir);
  CHECK_EQ_INT(system(zCmd), 0);
}

/* Resolves a body zBody of which the whole is one name of kind eKind,
** key zKey. */
static long long resolve_name(marsad_resolver *pRes, int eKind, const char *zBody,
                              const char *zKey){
  marsad_analysis a;
  marsad_mention m;
  memset(&a, 0, sizeof a);
  memset(&m, 0, sizeof m);
  a.art.zTitle = "";
  a.art.zBody = zBody;
  a.art.nBody = strlen(zBody);
  m.eField = MARSAD_FIELD_BODY;
  m.iEnd = a.art.nBody;
  m.eKind = eKind;
  m.zKey = marsad_strdup(zKey);
  CHECK_EQ_INT(marsad_analysis_add_mention(&a, &m), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_resolve(pRes, &a), MARSAD_OK);
  long long iEnt = a.nMention==1 ? a.aMention[0].iEntity : 0;
  marsad_analysis_clear(&a);
  return iEnt;
}

/* Resolves a body zBody of which the whole is one person's name, key zKey. */
static long long resolve_person(marsad_resolver *pRes, const char *zBody, const char *zKey){
  return resolve_name(pRes, MARSAD_ENTITY_PERSON, zBody, zKey);
}

/* True when keys zA and zB, of kind eKind, resolved in turn by a new
** resolver, are one entity. */
static int one_entity(int eKind, const char *zA, const char *zB){
  marsad_resolver *pRes = 0;
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  long long iA = resolve_name(pRes, eKind, zA, zA);
  long long iB = resolve_name(pRes, eKind, zB, zB);
  marsad_resolver_free(pRes);
  return iA!=0 && iA==iB;
}

/* Spellings of one foreign name merge by distance (vowels, letters of one
** sound, a typo); Arabic names one or two letters apart, common words and
** different foreign names do not (pairs SaudiNewsNet had merged); a word
** whose long vowels differ more merges only beside a word written the same
** (جيورجوس دونيس، جوريجيوس دونيس). */
static void test_spelling_distance(void){
  static const char *const azSame[][2] = {
    {"هونج كونج", "هونغ كونغ"}, {"كولورادو", "كلورادو"}, {"بنيامين نتانياهو", "بنيامين نتنياهو"},
    {"كيفن دي بروين", "كيفين دي بروين"}, {"ميشيل بلاتيني", "ميشال بلاتيني"},
    {"رونالد ريجان", "رونالد ريغان"}, {"دونالد ترمب", "دونالد ترامب"},
    {"ابراهيم دياوارا", "ابراهيم ديوارا"}, {"سيرغي ميخاييلوف", "سيرجي ميخاييلوف"},
    {"جيورجوس دونيس", "جوريجيوس دونيس"}, {"مارك اندرسن", "مارك اندريسين"},
  };
  static const char *const azApart[][2] = {
    {"محمد عمر", "محمد العامري"}, {"محمد العمري", "محمد العامري"}, {"حسين رشيد", "حسين الراشد"},
    {"محمد نصر", "محمد النويصر"}, {"عبدالوهاب", "عبدالله"}, {"كمال حمدان", "جمال حمدان"},
    {"عبدالله القحطاني", "عبدالاله القحطاني"}, {"خالد حامد", "خالد حماد"},
    {"هاني شكري", "هاني شاكر"}, {"محمد مطلق", "محمد مطلوب"}, {"برودكين", "اردوغن"},
    {"بيرسون", "بروسنان"}, {"روبرت تومسون", "روبرت تشيسني"}, {"طلال سلمان", "طلال سلامه"},
    {"جيورجوس", "جوريجيوس"},
  };
  static const char *const azPlaceSame[][2] = {
    {"شانغهاي", "شنغهاي"}, {"لوس انجلوس", "لوس انجليس"}, {"تايلاند", "تايلند"},
  };
  static const char *const azPlaceApart[][2] = {
    {"خيرسون", "خراسان"}, {"بستان", "بوسطن"}, {"جزايريه", "جزيره"}, {"كلكتا", "جيلجيت"},
    {"بولتيمور", "بللحمر"}, {"بلغرافيا", "بلقرن"},
  };
  for(size_t i=0; i<sizeof(azSame)/sizeof(azSame[0]); i++){
    CHECK(one_entity(MARSAD_ENTITY_PERSON, azSame[i][0], azSame[i][1]));
  }
  for(size_t i=0; i<sizeof(azApart)/sizeof(azApart[0]); i++){
    CHECK(!one_entity(MARSAD_ENTITY_PERSON, azApart[i][0], azApart[i][1]));
  }
  for(size_t i=0; i<sizeof(azPlaceSame)/sizeof(azPlaceSame[0]); i++){
    CHECK(one_entity(MARSAD_ENTITY_PLACE, azPlaceSame[i][0], azPlaceSame[i][1]));
  }
  for(size_t i=0; i<sizeof(azPlaceApart)/sizeof(azPlaceApart[0]); i++){
    CHECK(!one_entity(MARSAD_ENTITY_PLACE, azPlaceApart[i][0], azPlaceApart[i][1]));
  }
}

/* Surnames across articles: a full name seen after its surname alone
** joins it (ميسي, then ليونيل ميسي); a surname written with the article
** joins the one full name that ends with it (الأسد), one without it does
** not (فارس is not راشد الفارس); two given names or short family names
** one letter apart are different people (محمد عواد, أحمد عيد, محمد عيد);
** a shorter form of the one name known that starts so is that person
** (فيصل بن خالد of فيصل بن خالد بن عبدالعزيز), a fuller one is not; two
** full names with
** one surname keep a lone surname apart from both. */
static void test_surnames_across(void){
  marsad_resolver *pRes = 0;
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  long long iMessi = resolve_person(pRes, "ميسي", "ميسي");
  CHECK_EQ_INT(resolve_person(pRes, "ليونيل ميسي", "ليونيل ميسي"), iMessi);
  CHECK_EQ_INT(resolve_person(pRes, "ميسي", "ميسي"), iMessi);
  long long iAssad = resolve_person(pRes, "بشار الأسد", "بشار الاسد");
  CHECK(iAssad!=iMessi);
  CHECK_EQ_INT(resolve_person(pRes, "الأسد", "اسد"), iAssad);
  long long iNouri = resolve_person(pRes, "نوري المالكي", "نوري المالكي");
  long long iOther = resolve_person(pRes, "خالد المالكي", "خالد المالكي");
  CHECK(iNouri!=iOther);
  long long iLone = resolve_person(pRes, "المالكي", "مالكي");
  CHECK(iLone!=iNouri && iLone!=iOther);
  CHECK(resolve_person(pRes, "سعد المالكي", "سعد المالكي")!=iLone);  /* others known */
  long long iFaisal = resolve_person(pRes, "فيصل بن خالد بن عبدالعزيز", "فيصل بن خالد بن عبدالعزيز");
  CHECK_EQ_INT(resolve_person(pRes, "فيصل بن خالد", "فيصل بن خالد"), iFaisal);
  long long iSultan = resolve_person(pRes, "سلطان بن سلمان", "سلطان بن سلمان");   /* a fuller */
  CHECK(resolve_person(pRes, "سلطان بن سلمان بن سعود", "سلطان بن سلمان بن سعود")!=iSultan);  /* namesake */
  resolve_person(pRes, "تركي بن خالد بن سعود", "تركي بن خالد بن سعود");
  resolve_person(pRes, "تركي بن خالد بن سلطان", "تركي بن خالد بن سلطان");
  long long iTurki = resolve_person(pRes, "تركي بن خالد", "تركي بن خالد");       /* two fit: */
  CHECK(iTurki!=resolve_person(pRes, "تركي بن خالد بن سعود", "تركي بن خالد بن سعود"));  /* apart */
  long long iAwwad = resolve_person(pRes, "محمد عواد", "محمد عواد");   /* Arabic names: */
  CHECK(resolve_person(pRes, "أحمد عيد", "احمد عيد")!=iAwwad);       /* two given names, */
  CHECK(resolve_person(pRes, "محمد عيد", "محمد عيد")!=iAwwad);       /* short skeletons */
  long long iGaal = resolve_person(pRes, "لويس فان غال", "لويس فان غال");   /* short words */
  CHECK_EQ_INT(resolve_person(pRes, "لويس فان جال", "لويس فان جال"), iGaal);  /* of one sound */
  long long iX = resolve_person(pRes, "كارمينيتو", "كارمينيتو");      /* a spelling merged */
  CHECK_EQ_INT(resolve_person(pRes, "كارمينيدو", "كارمينيدو"), iX);    /* by distance is no */
  CHECK(resolve_person(pRes, "كارفينيدو", "كارفينيدو")!=iX);          /* step to a third */
  long long iFaris = resolve_person(pRes, "فارس", "فارس");            /* no article: */
  long long iRashid = resolve_person(pRes, "راشد الفارس", "راشد الفارس");  /* not الفارس */
  CHECK(iFaris!=iRashid);
  CHECK_EQ_INT(resolve_person(pRes, "فارس", "فارس"), iFaris);
  marsad_resolver_free(pRes);
}

/* The entities of person keys zFull and zShort named in one article
** (both spelled as their keys), into *piFull and *piShort. */
static void resolve_pair(marsad_resolver *pRes, const char *zFull, const char *zShort,
                         long long *piFull, long long *piShort){
  marsad_analysis a;
  char zBody[256];
  memset(&a, 0, sizeof a);
  snprintf(zBody, sizeof zBody, "%s %s", zFull, zShort);
  a.art.zTitle = "";
  a.art.zBody = zBody;
  a.art.nBody = strlen(zBody);
  const char *az[2] = {zFull, zShort};
  for(int i=0; i<2; i++){
    marsad_mention m;
    memset(&m, 0, sizeof m);
    m.eField = MARSAD_FIELD_BODY;
    m.iStart = i==0 ? 0 : strlen(zFull)+1;
    m.iEnd = m.iStart+strlen(az[i]);
    m.eKind = MARSAD_ENTITY_PERSON;
    m.zKey = marsad_strdup(az[i]);
    CHECK_EQ_INT(marsad_analysis_add_mention(&a, &m), MARSAD_OK);
  }
  CHECK_EQ_INT(marsad_resolver_resolve(pRes, &a), MARSAD_OK);
  *piFull = a.aMention[0].iEntity;
  *piShort = a.aMention[1].iEntity;
  marsad_analysis_clear(&a);
}

/* A short royal name seen first (فيصل بن خالد) is joined by the fuller name
** (فيصل بن خالد بن عبدالعزيز) when an article names both, in any order of
** arrival; a second fuller name with the same start is a namesake's and
** stays apart, and so does a fuller name in an article without the short
** one; once such a name is known, no fuller name joins the short one. A
** name with a patronymic (عبدالله الفيصل) is joined the same way. */
static void test_fuller_after_short(void){
  marsad_resolver *pRes = 0;
  long long iFull, iShort;
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  long long iFaisal = resolve_person(pRes, "فيصل بن خالد", "فيصل بن خالد");
  resolve_pair(pRes, "فيصل بن خالد بن عبدالعزيز", "فيصل بن خالد", &iFull, &iShort);
  CHECK_EQ_INT(iFull, iFaisal);
  CHECK_EQ_INT(iShort, iFaisal);
  CHECK_EQ_INT(resolve_person(pRes, "فيصل بن خالد بن عبدالعزيز", "فيصل بن خالد بن عبدالعزيز"), iFaisal);
  resolve_pair(pRes, "فيصل بن خالد بن سعود", "فيصل بن خالد", &iFull, &iShort);
  CHECK(iFull!=iFaisal);
  CHECK(resolve_person(pRes, "فيصل بن خالد بن سلطان", "فيصل بن خالد بن سلطان")!=iFaisal);
  long long iNayef = resolve_person(pRes, "نايف بن أحمد", "نايف بن احمد");
  CHECK(resolve_person(pRes, "نايف بن أحمد بن سعود", "نايف بن احمد بن سعود")!=iNayef);
  resolve_pair(pRes, "نايف بن احمد بن عبدالله", "نايف بن احمد", &iFull, &iShort);
  CHECK(iFull!=iNayef);     /* a fuller name was known: which one is meant is unclear */
  long long iKhalid = resolve_person(pRes, "عبدالله الفيصل", "عبدالله الفيصل");
  resolve_pair(pRes, "عبدالله الفيصل بن عبدالعزيز", "عبدالله الفيصل", &iFull, &iShort);
  CHECK_EQ_INT(iFull, iKhalid);
  marsad_resolver_free(pRes);
}

/* A family name that is a relative adjective with the article (الغامدي:
** a tribe's) stays its own entity: a full name seen later does not take
** it, nor does it join the one person known so far by that surname, nor
** one an article named in full with it, but in that article; an
** epithet with the article (الحكيم) is no one. */
static void test_tribe_names(void){
  marsad_resolver *pRes = 0;
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  long long iTribe = resolve_person(pRes, "الغامدي", "غامدي");
  CHECK(iTribe!=0);
  long long iFull = resolve_person(pRes, "منصور بن أحمد الغامدي", "منصور بن احمد غامدي");
  CHECK(iFull!=0 && iFull!=iTribe);
  long long iOther = resolve_person(pRes, "سامي العنزي", "سامي عنزي");
  CHECK(resolve_person(pRes, "العنزي", "عنزي")!=iOther);
  CHECK_EQ_INT(resolve_person(pRes, "الحكيم", "حكيم"), 0);
  long long iFull2, iShort2;
  resolve_pair(pRes, "ماجد بن سعد القحطاني", "القحطاني", &iFull2, &iShort2);
  CHECK(iFull2!=0);
  CHECK_EQ_INT(iShort2, iFull2);                   /* named in full in the article */
  CHECK(resolve_person(pRes, "القحطاني", "القحطاني")!=iFull2);   /* elsewhere: a tribe */
  CHECK(resolve_person(pRes, "محمد السيسي", "محمد السيسي")!=0);    /* a namesake */
  long long iSisi = resolve_person(pRes, "عبد الفتاح السيسي", "عبد الفتاح السيسي");
  CHECK(iSisi!=0);
  CHECK_EQ_INT(resolve_person(pRes, "السيسي", "سيسي"), iSisi);   /* the lists' surname */
  marsad_resolver_free(pRes);
  fixture f;                /* as the recogniser keys them: زياني, ... الزياني */
  fixture_open(&f);
  fixture_text(&f, "واستنكر الدكتور عبداللطيف بن راشد الزياني التصريحات، وقال الزياني إنها باطلة.");
  long long iZayani = entity_of(&f.a, "عبداللطيف بن راشد الزياني");
  CHECK(iZayani!=0 && entity_of(&f.a, "الزياني")==iZayani);
  fixture_close(&f);
}

/* The reasons of the merges a resolver's store was told of, "from>into:
** why|" each. */
static int store_merge_text(void *pCtx, long long iFrom, long long iInto, const char *zWhy){
  char *z = pCtx;
  size_t n = strlen(z);
  snprintf(z+n, 1024-n, "%lld>%lld:%s|", iFrom, iInto, zWhy);
  return MARSAD_OK;
}

/* Two people known apart, by a short and a full name, become one when an
** article names both (عبدالله الفيصل and عبدالله الفيصل بن عبدالعزيز, known in
** that order; خالد بحاح and خالد محفوظ بحاح): the later entity is merged
** into the earlier, the store told why. A short name that two fuller
** names start with stays apart from both (نايف بن أحمد بن سعود، نايف بن
** أحمد بن عبدالله). */
static void test_merge_known(void){
  marsad_resolver *pRes = 0;
  marsad_resolver_store st;
  char zMerge[1024] = "";
  long long iFull, iShort;
  memset(&st, 0, sizeof st);
  st.xMerge = store_merge_text;
  st.pCtx = zMerge;
  CHECK_EQ_INT(marsad_resolver_new(&st, &pRes), MARSAD_OK);
  long long iKhalid = resolve_person(pRes, "عبدالله الفيصل", "عبدالله الفيصل");
  long long iLong = resolve_person(pRes, "عبدالله الفيصل بن عبدالعزيز", "عبدالله الفيصل بن عبدالعزيز");
  CHECK(iLong!=iKhalid);
  CHECK_EQ_STR(zMerge, "");
  resolve_pair(pRes, "عبدالله الفيصل بن عبدالعزيز", "عبدالله الفيصل", &iFull, &iShort);
  CHECK_EQ_INT(iFull, iKhalid);
  CHECK_EQ_INT(iShort, iKhalid);
  CHECK(strstr(zMerge, "merged: عبدالله الفيصل (عبدالله الفيصل بن عبدالعزيز cut before its lineage), both named in one article: the same person as عبدالله الفيصل")!=0);
  CHECK_EQ_INT(resolve_person(pRes, "عبدالله الفيصل بن عبدالعزيز", "عبدالله الفيصل بن عبدالعزيز"), iKhalid);
  zMerge[0] = 0;
  long long iBahah = resolve_person(pRes, "خالد محفوظ بحاح", "خالد محفوظ بحاح");
  long long iShortBahah = resolve_person(pRes, "خالد بحاح", "خالد بحاح");
  CHECK(iBahah!=iShortBahah);
  resolve_pair(pRes, "خالد محفوظ بحاح", "خالد بحاح", &iFull, &iShort);
  CHECK_EQ_INT(iFull, iBahah);
  CHECK_EQ_INT(iShort, iBahah);
  CHECK(strstr(zMerge, "(the first and last words of خالد محفوظ بحاح)")!=0);
  long long iNayef = resolve_person(pRes, "نايف بن احمد", "نايف بن احمد");
  long long iSaud = resolve_person(pRes, "نايف بن احمد بن سعود", "نايف بن احمد بن سعود");
  long long iAbd = resolve_person(pRes, "نايف بن احمد بن عبدالله", "نايف بن احمد بن عبدالله");
  resolve_pair(pRes, "نايف بن احمد بن سعود", "نايف بن احمد", &iFull, &iShort);
  CHECK_EQ_INT(iFull, iSaud);
  CHECK_EQ_INT(iShort, iNayef);
  CHECK(iAbd!=iNayef && iAbd!=iSaud);
  marsad_resolver_free(pRes);
}

/* Sets *(int*)pCtx to the integer of the first column of the first row. */
static int first_int(void *pCtx, int nCol, char **azVal, char **azCol){
  (void)nCol; (void)azCol;
  *(int*)pCtx = azVal[0] ? atoi(azVal[0]) : -1;
  return 0;
}

/* The integer that query zSql on database file zDb gives (-1 when none). */
static int db_int(const char *zDb, const char *zSql){
  sqlite3 *db = 0;
  int n = -1;
  CHECK_EQ_INT(sqlite3_open(zDb, &db), SQLITE_OK);
  CHECK_EQ_INT(sqlite3_exec(db, zSql, first_int, &n, 0), SQLITE_OK);
  sqlite3_close(db);
  return n;
}

/* A merge in a database: the short and the full name, known apart from
** two articles, are one entity after a third names both; the mentions
** of all three, the statements they spoke and both spellings are the kept
** entity's, the merged spelling with its reason, and the other entity is
** gone. */
static void test_merge_stored(void){
  char zDb[64], zIn[64];
  snprintf(zDb, sizeof zDb, "/tmp/marsad-test-ner-mg-%d.db", (int)getpid());
  snprintf(zIn, sizeof zIn, "/tmp/marsad-test-ner-mg-%d.jsonl", (int)getpid());
  unlink(zDb);
  FILE *f = fopen(zIn, "w");
  CHECK(f!=0);
  if( f==0 ) return;
  fputs("{\"title\": \"خبر أول\", \"text\": \"وقال الأمير عبدالله الفيصل أمير منطقة مكة المكرمة إن المشروع اكتمل.\"}\n"
        "{\"title\": \"خبر ثان\", \"text\": \"وقال الأمير عبدالله الفيصل بن عبدالعزيز إن الوفد وصل إلى جدة.\"}\n"
        "{\"title\": \"خبر ثالث\", \"text\": \"وأكد الأمير عبدالله الفيصل بن عبدالعزيز ما قاله الأمير عبدالله الفيصل.\"}\n", f);
  fclose(f);
  marsad_db *pDb = 0;
  marsad_ingest_stats st;
  memset(&st, 0, sizeof st);
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_ingest_path(pDb, zIn, 0, &st), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity WHERE kind='person'"), 1);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(DISTINCT entity) FROM mention m JOIN entity e ON e.id=m.entity"
                           " WHERE e.kind='person'"), 1);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM mention"
                           " WHERE entity NOT IN (SELECT id FROM entity)"), 0);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(DISTINCT article) FROM mention m JOIN entity e ON e.id=m.entity"
                           " WHERE e.kind='person'"), 3);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity_variant WHERE reason LIKE 'merged: %'"), 1);
  /* the statements of the first two articles, stored before the merge,
  ** are the kept entity's */
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM statement WHERE article<3 AND speaker IN (SELECT id FROM entity)"), 2);
  /* the merged entity's id leads to the one it joined */
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity_merged WHERE into_id IN (SELECT id FROM entity)"
                           " AND id NOT IN (SELECT id FROM entity)"), 1);
  char zOld[32], zInto[32], *zJson = 0;
  snprintf(zOld, sizeof zOld, "e%d", db_int(zDb, "SELECT id FROM entity_merged"));
  snprintf(zInto, sizeof zInto, "\"id\":\"e%d\"", db_int(zDb, "SELECT into_id FROM entity_merged"));
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_entity_json(pDb, zOld, 0, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, zInto) && strstr(zJson, "\"merged_from\"") && strstr(zJson, "merged: "));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zDb);
  unlink(zIn);
}

/* Ingests the JSON Lines text zLines into database zDb through file zIn. */
static void ingest_lines(const char *zDb, const char *zIn, const char *zLines){
  FILE *f = fopen(zIn, "w");
  CHECK(f!=0);
  if( f==0 ) return;
  fputs(zLines, f);
  fclose(f);
  marsad_db *pDb = 0;
  marsad_ingest_stats st;
  memset(&st, 0, sizeof st);
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_ingest_path(pDb, zIn, 0, &st), MARSAD_OK);
  marsad_close(pDb);
}

/* The articles of each entity (entity_article, data/schema/042) hold one
** row per entity and article with the number of its mentions there, as
** the mentions give them, across a merge of two entities that an earlier
** article both names (the two rows of that article become one, their
** counts added up); the queries by entity count from them. */
static void test_entity_articles(void){
  char zDb[64], zIn[64], *zJson = 0;
  snprintf(zDb, sizeof zDb, "/tmp/marsad-test-ner-ea-%d.db", (int)getpid());
  snprintf(zIn, sizeof zIn, "/tmp/marsad-test-ner-ea-%d.jsonl", (int)getpid());
  unlink(zDb);
  ingest_lines(zDb, zIn,
      "{\"title\": \"خبر أول\", \"text\": \"وقال الأمير عبدالله الفيصل أمير منطقة مكة المكرمة إن المشروع اكتمل. وزار عبدالله الفيصل جدة.\"}\n"
      "{\"title\": \"خبر ثان\", \"text\": \"وقال الأمير عبدالله الفيصل بن عبدالعزيز إن الوفد وصل إلى جدة.\"}\n");
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity WHERE kind='person'"), 2);
  /* the first article names the second entity too (as the recogniser may
  ** find two people where one is named twice) */
  db_int(zDb, "INSERT INTO mention(article, entity, field, start, end, text) "
              "SELECT 1, m.entity, m.field, m.start, m.end, m.text FROM mention m JOIN entity e ON e.id=m.entity "
              "WHERE m.article=2 AND e.kind='person';"
              "INSERT INTO entity_article(entity, article, n) "
              "SELECT x.entity, 1, 1 FROM entity_article x JOIN entity e ON e.id=x.entity "
              "WHERE x.article=2 AND e.kind='person'");
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity_article WHERE article=1"),
               db_int(zDb, "SELECT count(DISTINCT entity) FROM mention WHERE article=1"));
  ingest_lines(zDb, zIn,
      "{\"title\": \"خبر ثالث\", \"text\": \"وأكد الأمير عبدالله الفيصل بن عبدالعزيز ما قاله الأمير عبدالله الفيصل.\"}\n");
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity WHERE kind='person'"), 1);
  CHECK_EQ_INT(db_int(zDb, "SELECT x.n FROM entity_article x JOIN entity e ON e.id=x.entity "
                           "WHERE x.article=1 AND e.kind='person'"), 3);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM entity_article x JOIN entity e ON e.id=x.entity "
                           "WHERE e.kind='person'"), 3);
  /* every row as the mentions give it, none more */
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM (SELECT entity, article, count(*) FROM mention GROUP BY 1, 2 "
                           "EXCEPT SELECT entity, article, n FROM entity_article)"), 0);
  CHECK_EQ_INT(db_int(zDb, "SELECT count(*) FROM (SELECT entity, article, n FROM entity_article "
                           "EXCEPT SELECT entity, article, count(*) FROM mention GROUP BY 1, 2)"), 0);
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_entity_json(pDb, "عبدالله الفيصل", 0, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"articles\":3,\"mentions\":6,"));
  marsad_free(zJson);
  zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  q.zKind = "person";
  CHECK_EQ_INT(marsad_entities_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"articles\":3,\"mentions\":6}"));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zDb);
  unlink(zIn);
}

/* A name with its lineage and family name (عادل بن أحمد الجبير، عزام بن
** محمد الدخيل) is recognised whole, after a title too, and is the person
** known without the lineage (عادل الجبير, the gazetteer's; عادل الطريفي);
** a name without it joins the one person known with it, not one of two;
** a given name last is a grandfather's (أحمد بن محمد علي is no أحمد علي). */
static void test_lineage_family(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  char z[256];
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "", "وأكد وزير الخارجية عادل بن أحمد الجبير أن المملكة ماضية.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "عادل بن أحمد الجبير");
  long long iJubeir = entity_of(&a, "عادل بن أحمد الجبير");
  marsad_analysis_clear(&a);
  analyse(pNer, pRes, "", "استقبل الدكتور عزام بن محمد الدخيل وزير التعليم الوفد.", &a);
  CHECK_EQ_STR(only_span(&a, MARSAD_ENTITY_PERSON, z, sizeof z), "عزام بن محمد الدخيل");
  marsad_analysis_clear(&a);
  CHECK(iJubeir!=0);
  CHECK_EQ_INT(resolve_person(pRes, "عادل الجبير", "عادل الجبير"), iJubeir);
  long long iTuraifi = resolve_person(pRes, "عادل الطريفي", "عادل الطريفي");
  CHECK_EQ_INT(resolve_person(pRes, "عادل بن زيد الطريفي", "عادل بن زيد الطريفي"), iTuraifi);
  long long iGhamdi = resolve_person(pRes, "خالد بن سعد الغامدي", "خالد بن سعد الغامدي");
  CHECK_EQ_INT(resolve_person(pRes, "خالد الغامدي", "خالد الغامدي"), iGhamdi);
  long long iA = resolve_person(pRes, "محمد بن علي القرني", "محمد بن علي القرني");
  long long iB = resolve_person(pRes, "محمد بن سعد القرني", "محمد بن سعد القرني");
  CHECK(iA!=iB);
  long long iC = resolve_person(pRes, "محمد القرني", "محمد القرني");
  CHECK(iC!=iA && iC!=iB);
  long long iAli = resolve_person(pRes, "أحمد علي", "احمد علي");   /* a given name last: */
  CHECK(resolve_person(pRes, "أحمد بن محمد علي", "احمد بن محمد علي")!=iAli);   /* no family */
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* A person named by one ordinary word of the Arabic dictionary (غريب
** strange, فارس horseman) is the surname of the person its article names
** in full, and no one otherwise: it makes no entity and is not joined
** later to a full name that ends with it; a foreign surname (ميسي) and a
** surname with the article (الأسد) are names by themselves. */
static void test_common_word_persons(void){
  marsad_resolver *pRes = 0;
  long long iFull, iShort;
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  CHECK_EQ_INT(resolve_person(pRes, "غريب", "غريب"), 0);
  resolve_pair(pRes, "علي غريب", "غريب", &iFull, &iShort);
  CHECK(iFull!=0);
  CHECK_EQ_INT(iShort, iFull);
  CHECK_EQ_INT(resolve_person(pRes, "غريب", "غريب"), 0);
  CHECK_EQ_INT(resolve_person(pRes, "فارس", "فارس"), 0);
  CHECK(resolve_person(pRes, "ميسي", "ميسي")!=0);
  long long iAssad = resolve_person(pRes, "بشار الأسد", "بشار الاسد");
  CHECK_EQ_INT(resolve_person(pRes, "الأسد", "اسد"), iAssad);
  marsad_resolver_free(pRes);
}

/* A person's name with عبد written apart from the next word or joined to
** it (عبد العزيز، عبدالعزيز) is one entity in either order of arrival,
** each spelling recorded once as a variant; a name that differs otherwise
** stays apart. */
static void test_abd_joined(void){
  marsad_resolver *pRes = 0;
  char zVar[512] = "";
  marsad_resolver_store st;
  memset(&st, 0, sizeof st);
  st.xVariant = store_variant_text;
  st.pCtx = zVar;
  CHECK_EQ_INT(marsad_resolver_new(&st, &pRes), MARSAD_OK);
  long long iSultan = resolve_person(pRes, "سلطان بن سلمان بن عبدالعزيز", "سلطان بن سلمان بن عبدالعزيز");
  CHECK_EQ_INT(resolve_person(pRes, "سلطان بن سلمان بن عبد العزيز", "سلطان بن سلمان بن عبد العزيز"), iSultan);
  CHECK_EQ_INT(resolve_person(pRes, "سلطان بن سلمان بن عبدالعزيز", "سلطان بن سلمان بن عبدالعزيز"), iSultan);
  CHECK_EQ_INT(resolve_person(pRes, "سلطان بن سلمان بن عبد العزيز", "سلطان بن سلمان بن عبد العزيز"), iSultan);
  long long iMutaib = resolve_person(pRes, "متعب بن عبد الله", "متعب بن عبد الله");
  CHECK(iMutaib!=iSultan);
  CHECK_EQ_INT(resolve_person(pRes, "متعب بن عبدالله", "متعب بن عبدالله"), iMutaib);
  CHECK_EQ_INT(resolve_person(pRes, "متعب بن عبد الله", "متعب بن عبد الله"), iMutaib);
  CHECK_EQ_INT(resolve_person(pRes, "متعب بن عبدالله", "متعب بن عبدالله"), iMutaib);
  CHECK(resolve_person(pRes, "متعب بن عبد الرحمن", "متعب بن عبد الرحمن")!=iMutaib);
  CHECK_EQ_STR(zVar, "سلطان بن سلمان بن عبدالعزيز|سلطان بن سلمان بن عبد العزيز|"
               "متعب بن عبد الله|متعب بن عبدالله|متعب بن عبد الرحمن|");
  marsad_resolver_free(pRes);
}

/* Spellings merge across articles: alias sets, adjectives, hamza and long
** vowels, a transposed letter; short different names do not. */
static void test_spellings(void){
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a, b;
  CHECK_EQ_INT(marsad_ner_new(&pNer), MARSAD_OK);
  CHECK_EQ_INT(marsad_resolver_new(0, &pRes), MARSAD_OK);
  analyse(pNer, pRes, "",
      "اتهم الرئيس التركي رجب طيب أدروغان، في خطاب، الاتحاد الأوروبي بالتقصير، "
      "وقال وزير المالية الألماني فولفغانغ شويبله إن القتال في ناغورنو كاراباخ مقلق.", &a);
  analyse(pNer, pRes, "",
      "ورد إردوغان على الوزير فولفجانج شويبله، بينما تجدد القتال في قره باغ وفي إقليم ناغورني كاباراخ، "
      "وسقطت قذائف على روسيا والسويد.", &b);
  long long iErd = entity_of(&a, "رجب طيب أدروغان");
  CHECK(iErd!=0);
  CHECK_EQ_INT(entity_of(&b, "إردوغان"), iErd);
  CHECK_EQ_INT(entity_of(&b, "فولفجانج شويبله"), entity_of(&a, "فولفغانغ شويبله"));
  long long iKar = entity_of(&a, "ناغورنو كاراباخ");
  CHECK(iKar!=0);
  CHECK_EQ_INT(entity_of(&b, "قره باغ"), iKar);
  CHECK_EQ_INT(entity_of(&b, "ناغورني كاباراخ"), iKar);
  CHECK(entity_of(&b, "روسيا")!=entity_of(&b, "السويد"));
  marsad_analysis_clear(&a);
  marsad_analysis_clear(&b);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
}

/* Every gazetteer key is already normalized the way the text core
** normalizes (the generator and norm.c agree), and lookups find it. */
static void test_gazetteer_keys(void){
  marsad_norm norm = MARSAD_NORM_INIT;
  int nBad = 0;
  for(int i=0; i<marsad_gaz_nkeys; i++){
    const marsad_gaz_key *k = &marsad_gaz_keys[i];
    CHECK_EQ_INT(marsad_norm_run(k->zKey, (size_t)k->nKey, &norm), MARSAD_OK);
    if( norm.n!=(size_t)k->nKey || memcmp(norm.z, k->zKey, norm.n)!=0 ){
      if( nBad++<5 ) fprintf(stderr, "key not normalized: %s -> %s\n", k->zKey, norm.z);
    }
    if( marsad_gaz_lookup(k->zKey, (size_t)k->nKey)!=k ) nBad++;
  }
  CHECK_EQ_INT(nBad, 0);
  for(int i=0; i<marsad_gaz_nentities; i++){    /* display names: no harakat, no marks */
    const unsigned char *z = (const unsigned char*)marsad_gaz_entities[i].zLabel;
    for(; z && *z; z++){
      if( (z[0]==0xD9 && z[1]>=0x8B && z[1]<=0x92) || (z[0]==0xE2 && z[1]==0x80 && (z[2]==0x8E || z[2]==0x8F)) ){
        if( nBad++<5 ) fprintf(stderr, "label with marks: %s\n", marsad_gaz_entities[i].zLabel);
        break;
      }
    }
  }
  CHECK_EQ_INT(nBad, 0);
  CHECK(marsad_gaz_lookup("zzz", 3)==0);
  CHECK(marsad_gaz_find_id("RU")>=0);
  marsad_norm_free(&norm);
}

/* Every allocation failure is reported as NOMEM and leaks nothing (the
** sanitizer build checks the leaks). */
static void test_nomem(void){
  const char *z = "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو وأنقرة تتفقان، وأكد لافروف ذلك.";
  int nOk = 0;
  for(long n=0; n<400 && nOk==0; n++){
    marsad_ner *pNer = 0;
    marsad_resolver *pRes = 0;
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    a.art.zTitle = "";
    a.art.zBody = z;
    a.art.nBody = strlen(z);
    marsad_alloc_fail_after(n);
    int rc = marsad_ner_new(&pNer);
    if( rc==MARSAD_OK ) rc = marsad_resolver_new(0, &pRes);
    if( rc==MARSAD_OK ) rc = marsad_ner_run(pNer, &a);
    if( rc==MARSAD_OK ) rc = marsad_resolver_resolve(pRes, &a);
    marsad_alloc_fail_after(-1);
    if( rc!=MARSAD_OK && rc!=MARSAD_NOMEM ){ CHECK_EQ_INT(rc, MARSAD_NOMEM); break; }
    if( rc==MARSAD_OK ){ nOk = 1; CHECK(a.nMention>=4); }
    marsad_analysis_clear(&a);
    marsad_resolver_free(pRes);
    marsad_ner_free(pNer);
  }
  CHECK(nOk);
}

/* ---------------------------------------------------------------- seeds */

/* The entity of the mention that best covers [s, e) of field iField of
** article iArt: most overlap, then the tightest span; 0 when none. */
static long long best_mention(sqlite3 *db, long long iArt, int iField, long s, long e){
  sqlite3_stmt *q = 0;
  long long iBest = 0;
  long nOv = 0, nLen = 0;
  sqlite3_prepare_v2(db, "SELECT entity, start, end FROM mention WHERE article=? AND field=?", -1, &q, 0);
  sqlite3_bind_int64(q, 1, iArt);
  sqlite3_bind_int(q, 2, iField);
  while( sqlite3_step(q)==SQLITE_ROW ){
    long ms = (long)sqlite3_column_int64(q, 1), me = (long)sqlite3_column_int64(q, 2);
    long ov = (me<e ? me : e) - (ms>s ? ms : s);
    if( ov>0 && (ov>nOv || (ov==nOv && me-ms<nLen)) ){
      nOv = ov; nLen = me-ms; iBest = sqlite3_column_int64(q, 0);
    }
  }
  sqlite3_finalize(q);
  return iBest;
}

/* The entity most of variant z's occurrences resolve to (0 when z is not
** recognised anywhere); *pnSplit counts occurrences elsewhere. */
static long long variant_entity(sqlite3 *db, const char *z){
  sqlite3_stmt *q = 0;
  long long aId[64];
  int nId = 0;
  sqlite3_prepare_v2(db, "SELECT id, title, body FROM article", -1, &q, 0);
  while( sqlite3_step(q)==SQLITE_ROW ){
    for(int f=0; f<2; f++){
      const char *zText = (const char*)sqlite3_column_text(q, f==0 ? 2 : 1);
      for(const char *x=zText ? strstr(zText, z) : 0; x; x=strstr(x+1, z)){
        long s = (long)(x-zText);
        long long id = best_mention(db, sqlite3_column_int64(q, 0), f, s, s+(long)strlen(z));
        if( id && nId<64 ) aId[nId++] = id;
      }
    }
  }
  sqlite3_finalize(q);
  long long iBest = 0;
  int nBest = 0;
  for(int i=0; i<nId; i++){
    int c = 0;
    for(int j=0; j<nId; j++) c += aId[j]==aId[i];
    if( c>nBest ){ nBest = c; iBest = aId[i]; }
  }
  return iBest;
}

/* The kind of entity iId. */
static const char *entity_kind(sqlite3 *db, long long iId){
  static char zKind[16];
  sqlite3_stmt *q = 0;
  zKind[0] = 0;
  sqlite3_prepare_v2(db, "SELECT kind FROM entity WHERE id=?", -1, &q, 0);
  sqlite3_bind_int64(q, 1, iId);
  if( sqlite3_step(q)==SQLITE_ROW ) snprintf(zKind, sizeof zKind, "%s", sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  return zKind;
}

/* The seeds' entity checks over a database the seeds were ingested into. */
static void test_seeds(void){
  const char *zShared = harness_shared();
  if( zShared==0 ) return;
  char zPath[512], zIn[600], zDb[64];
  snprintf(zDb, sizeof zDb, "/tmp/marsad-test-ner-%d.db", (int)getpid());
  unlink(zDb);
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(zDb, 0, &pDb, 0), MARSAD_OK);
  snprintf(zIn, sizeof zIn, "%s/seeds/seeds.jsonl", zShared);
  marsad_ingest_stats st;
  memset(&st, 0, sizeof st);
  CHECK_EQ_INT(marsad_ingest_path(pDb, zIn, 0, &st), MARSAD_OK);
  CHECK_EQ_INT(st.nAdded, 5);
  marsad_close(pDb);

  sqlite3 *db = 0;
  sqlite3_open_v2(zDb, &db, SQLITE_OPEN_READONLY, 0);
  snprintf(zPath, sizeof zPath, "%s/seeds/expected.json", zShared);
  json_t *pExp = json_load_file(zPath, 0, 0);
  CHECK(pExp!=0);
  json_t *pNames = json_object();
  size_t i, j;
  json_t *pE, *pV;
  json_array_foreach(json_object_get(pExp, "entities"), i, pE){
    const char *zName = json_string_value(json_object_get(pE, "name"));
    long long iId = -1;
    int bOk = 1;
    json_array_foreach(json_object_get(pE, "variants"), j, pV){
      long long id = variant_entity(db, json_string_value(pV));
      if( id==0 ){ bOk = 0; fprintf(stderr, "%s: «%s» not recognised\n", zName, json_string_value(pV)); }
      else if( iId>=0 && id!=iId ){ bOk = 0; fprintf(stderr, "%s: «%s» split off\n", zName, json_string_value(pV)); }
      else iId = id;
    }
    const char *zKind = json_string_value(json_object_get(pE, "type"));
    if( bOk && iId>0 && strcmp(entity_kind(db, iId), zKind)!=0 ){
      bOk = 0;
      fprintf(stderr, "%s: kind %s, expected %s\n", zName, entity_kind(db, iId), zKind);
    }
    CHECK(bOk);
    json_object_set_new(pNames, zName, json_integer(bOk ? iId : 0));
  }
  json_array_foreach(json_object_get(pExp, "must_differ"), i, pE){
    long long a = json_integer_value(json_object_get(pNames, json_string_value(json_array_get(pE, 0))));
    long long b = json_integer_value(json_object_get(pNames, json_string_value(json_array_get(pE, 1))));
    CHECK(a!=0 && b!=0 && a!=b);
  }
  json_decref(pNames);
  json_decref(pExp);
  sqlite3_close(db);
  unlink(zDb);
  char zSide[128];
  snprintf(zSide, sizeof zSide, "%s-wal", zDb); unlink(zSide);
  snprintf(zSide, sizeof zSide, "%s-shm", zDb); unlink(zSide);
}

int main(void){
  RUN(test_clitics);
  RUN(test_patterns);
  RUN(test_longest_and_apart);
  RUN(test_not_names);
  RUN(test_not_names_in_news);
  RUN(test_construct_nouns);
  RUN(test_name_particles);
  RUN(test_town_readings);
  RUN(test_not_names_after_names);
  RUN(test_phrases_and_clitics);
  RUN(test_place_short_names);
  RUN(test_variant_article);
  RUN(test_spelling_article);
  RUN(test_org_head_noun);
  RUN(test_no_town_by_distance);
  RUN(test_town_or_person);
  RUN(test_place_noun_article);
  RUN(test_place_noun_adjective);
  RUN(test_title_object);
  RUN(test_model_person_bounds);
  RUN(test_surname_article);
  RUN(test_particle_surname);
  RUN(test_tatweel_dash);
  RUN(test_display_bare);
  RUN(test_clubs);
  RUN(test_speakers);
  RUN(test_leads);
  RUN(test_foreign_last);
  RUN(test_org_tail_closed);
  RUN(test_org_complement);
  RUN(test_org_short_names);
  RUN(test_latin_names);
  RUN(test_seas);
  RUN(test_adjective_forms);
  RUN(test_org_lists);
  RUN(test_place_lists);
  RUN(test_article_free);
  RUN(test_home_family);
  RUN(test_generic_bodies);
  RUN(test_context_readings);
  RUN(test_places_after_kings);
  RUN(test_place_named_after_person);
  RUN(test_shared_surname);
  RUN(test_nisba_spellings);
  RUN(test_outlet_names);
  RUN(test_states_and_nouns);
  RUN(test_hamza_alef_lam);
  RUN(test_spellings);
  RUN(test_surnames_across);
  RUN(test_abd_joined);
  RUN(test_fuller_after_short);
  RUN(test_merge_known);
  RUN(test_tribe_names);
  RUN(test_merge_stored);
  RUN(test_entity_articles);
  RUN(test_common_word_persons);
  RUN(test_lineage_family);
  RUN(test_spelling_distance);
  RUN(test_gazetteer_keys);
  RUN(test_data_dir);
  RUN(test_nomem);
  RUN(test_seeds);
  return DONE();
}
