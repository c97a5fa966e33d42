/*
** test_cluster.c: near-duplicate folding and online story clustering on
** in-memory articles (no database): copies are found and different
** articles are not; articles on one event join one story and articles on
** other events do not; the decisions do not depend on anything but the
** articles and their order; the similarity function behaves.
*/
#include <string.h>
#include "harness.h"
#include "alloc.h"
#include "buf.h"
#include "marsad.h"
#include "analysis.h"
#include "cluster.h"
#include "shingle.h"
#include "storyterms.h"

/* Three reports of one flood, two of one football final, one of an
** election, and a lightly edited copy of the first flood report. */
static const char *const aTitle[] = {
  "فيضانات تجتاح مدينة الساحل وتشرد آلاف السكان",
  "ارتفاع عدد ضحايا فيضانات مدينة الساحل إلى عشرين قتيلا",
  "نهائي كأس البطولة: فريق النجوم يفوز على فريق الأمل بثلاثة أهداف",
  "الحكومة تعلن حالة الطوارئ في مدينة الساحل بعد الفيضانات",
  "جماهير النجوم تحتفل بالفوز بكأس البطولة بعد النهائي",
  "لجنة الانتخابات تعلن موعد الاقتراع البرلماني في الخريف",
  "فيضانات تجتاح مدينة الساحل وتشرد آلاف السكان",
};
static const char *const aBody[] = {
  "اجتاحت فيضانات عارمة مدينة الساحل الساحلية صباح الثلاثاء بعد أمطار غزيرة "
  "استمرت يومين، وغمرت المياه الشوارع والمنازل وشردت آلاف السكان. وقالت فرق "
  "الدفاع المدني إن الفيضانات أسفرت عن مقتل عشرة أشخاص وإصابة العشرات، وإن "
  "عمليات الإنقاذ مستمرة في الأحياء المنخفضة من المدينة.",
  "ارتفع عدد ضحايا الفيضانات التي اجتاحت مدينة الساحل إلى عشرين قتيلا، بحسب "
  "فرق الدفاع المدني التي واصلت عمليات الإنقاذ في الأحياء المنخفضة. وغمرت "
  "المياه آلاف المنازل بعد الأمطار الغزيرة، ونزح السكان إلى المدارس.",
  "فاز فريق النجوم على فريق الأمل بثلاثة أهداف مقابل هدف في نهائي كأس البطولة "
  "الذي أقيم مساء الجمعة في الملعب الوطني أمام خمسين ألف متفرج. وسجل مهاجم "
  "النجوم هدفين في الشوط الثاني، ورفع قائد الفريق الكأس للمرة الثالثة.",
  "أعلنت الحكومة حالة الطوارئ في مدينة الساحل بعد الفيضانات التي اجتاحتها "
  "وأسفرت عن مقتل عشرين شخصا وتشريد آلاف السكان. وأمر رئيس الوزراء بإرسال "
  "فرق الإنقاذ والمساعدات إلى الأحياء المنخفضة التي غمرتها المياه.",
  "احتفلت جماهير فريق النجوم في الشوارع حتى الفجر بعد فوز الفريق بكأس "
  "البطولة في النهائي على فريق الأمل بثلاثة أهداف. وقال مدرب النجوم إن "
  "الفوز بالكأس ثمرة موسم طويل، وأشاد بمهاجم الفريق صاحب الهدفين.",
  "أعلنت لجنة الانتخابات موعد الاقتراع البرلماني في الخريف المقبل، ودعت "
  "الأحزاب إلى تقديم قوائم المرشحين خلال شهر. وقال رئيس اللجنة إن مراكز "
  "الاقتراع ستفتح في كل المحافظات وإن المراقبين الدوليين مرحب بهم.",
  "اجتاحت فيضانات عارمة مدينة الساحل الساحلية صباح الثلاثاء بعد أمطار غزيرة "
  "استمرت يومين، وغمرت المياه الشوارع والمنازل وشردت آلاف السكان. وقالت فرق "
  "الدفاع المدني إن الفيضانات أسفرت عن مقتل أحد عشر شخصا وإصابة العشرات، وإن "
  "عمليات الإنقاذ مستمرة في الأحياء المنخفضة من المدينة.",
};
static const char *const aDate[] = {
  "2024-03-05", "2024-03-06", "2024-03-08", "2024-03-06", "2024-03-09",
  "2024-03-07", "2024-03-05",
};
#define N_ART 7

/* Fills an analysis for article i with rowid iRowid. */
static void make_article(marsad_analysis *pA, int i, long long iRowid){
  memset(pA, 0, sizeof *pA);
  pA->art.iRowid = iRowid;
  pA->art.zPublished = aDate[i];
  pA->art.zIngested = "2024-04-01";
  pA->art.zOutlet = (i%2) ? "outlet-b" : "outlet-a";
  pA->art.zTitle = aTitle[i];
  pA->art.nTitle = strlen(aTitle[i]);
  pA->art.zBody = aBody[i];
  pA->art.nBody = strlen(aBody[i]);
}

/* Clusters the articles in the order aOrder[0..n) into aOut. */
static int cluster_all(const int *aOrder, int n, marsad_assignment *aOut){
  marsad_cluster *p = 0;
  int rc = marsad_cluster_new(0, 0, &p);
  for(int k=0; rc==MARSAD_OK && k<n; k++){
    marsad_analysis a;
    make_article(&a, aOrder[k], k+1);
    rc = marsad_cluster_add(p, &a, &aOut[aOrder[k]]);
  }
  marsad_cluster_free(p);
  return rc;
}

/* Near copies are found, different articles are not. */
static void test_copies(void){
  int aOrder[N_ART] = {0, 1, 2, 3, 4, 5, 6};
  marsad_assignment as[N_ART];
  CHECK_EQ_INT(cluster_all(aOrder, N_ART, as), MARSAD_OK);
  CHECK_EQ_INT(as[6].iCopyOf, 1);          /* the edited copy of article 0 */
  CHECK(as[6].rResemblance>=MARSAD_COPY_THRESHOLD && as[6].rResemblance<1.0);
  CHECK_EQ_INT(as[6].iStory, as[0].iStory);
  for(int i=0; i<6; i++) CHECK_EQ_INT(as[i].iCopyOf, 0);
}

/* An exact copy has resemblance 1 and folds under the earliest article,
** also when it copies a copy. */
static void test_exact_copy(void){
  marsad_cluster *p = 0;
  marsad_assignment a1, a2, a3;
  marsad_analysis a;
  CHECK_EQ_INT(marsad_cluster_new(0, 0, &p), MARSAD_OK);
  make_article(&a, 0, 10); marsad_cluster_add(p, &a, &a1);
  make_article(&a, 6, 11); marsad_cluster_add(p, &a, &a2);
  make_article(&a, 6, 12); marsad_cluster_add(p, &a, &a3);
  CHECK_EQ_INT(a2.iCopyOf, 10);
  CHECK_EQ_INT(a3.iCopyOf, 10);            /* the root, not article 11 */
  CHECK(a3.rResemblance==1.0);
  marsad_cluster_free(p);
}

/* A copy dated beyond the window of its original is news again. */
static void test_late_copy(void){
  marsad_cluster *p = 0;
  marsad_assignment a1, a2;
  marsad_analysis a;
  CHECK_EQ_INT(marsad_cluster_new(0, 0, &p), MARSAD_OK);
  make_article(&a, 0, 1); marsad_cluster_add(p, &a, &a1);
  make_article(&a, 0, 2); a.art.zPublished = "2024-05-20";
  marsad_cluster_add(p, &a, &a2);
  CHECK_EQ_INT(a2.iCopyOf, 0);
  CHECK(a2.iStory!=a1.iStory);
  make_article(&a, 6, 3); a.art.zPublished = "2024-05-21";
  marsad_cluster_add(p, &a, &a1);
  CHECK_EQ_INT(a1.iCopyOf, 2);             /* a copy of the late one */
  marsad_cluster_free(p);
}

/* Same-event articles share a story; other events get their own. */
static void test_grouping(void){
  int aOrder[N_ART] = {0, 1, 2, 3, 4, 5, 6};
  marsad_assignment as[N_ART];
  CHECK_EQ_INT(cluster_all(aOrder, N_ART, as), MARSAD_OK);
  CHECK_EQ_INT(as[1].iStory, as[0].iStory);
  CHECK_EQ_INT(as[3].iStory, as[0].iStory);
  CHECK_EQ_INT(as[4].iStory, as[2].iStory);
  CHECK(as[2].iStory!=as[0].iStory);
  CHECK(as[5].iStory!=as[0].iStory && as[5].iStory!=as[2].iStory);
  CHECK(as[0].bNew && as[2].bNew && as[5].bNew && !as[1].bNew);
  CHECK(as[1].iBest==1 && as[1].rScore>=marsad_cluster_threshold(2));
}

/* An article too far from a story's dates starts a new story. */
static void test_window(void){
  marsad_cluster *p = 0;
  marsad_assignment a1, a2;
  marsad_analysis a;
  CHECK_EQ_INT(marsad_cluster_new(0, 0, &p), MARSAD_OK);
  make_article(&a, 0, 1); marsad_cluster_add(p, &a, &a1);
  make_article(&a, 1, 2); a.art.zPublished = "2024-06-01";
  marsad_cluster_add(p, &a, &a2);
  CHECK(a2.iStory!=a1.iStory);
  marsad_cluster_free(p);
}

/* The same input in the same order gives the same decisions; another order
** groups the same articles. */
static void test_determinism(void){
  int aOrder[N_ART] = {0, 1, 2, 3, 4, 5, 6};
  int aRev[N_ART] = {5, 4, 3, 2, 1, 0, 6};
  marsad_assignment as1[N_ART], as2[N_ART], as3[N_ART];
  cluster_all(aOrder, N_ART, as1);
  cluster_all(aOrder, N_ART, as2);
  CHECK(memcmp(as1, as2, sizeof as1)==0);
  cluster_all(aRev, N_ART, as3);
  CHECK_EQ_INT(as3[0].iStory, as3[1].iStory);
  CHECK_EQ_INT(as3[2].iStory, as3[4].iStory);
  CHECK(as3[0].iStory!=as3[2].iStory && as3[5].iStory!=as3[0].iStory);
}

/* The public similarity: symmetric, 1 for identical texts, ordered. */
static void test_similarity(void){
  marsad_simmodel *m = 0;
  double rSame = 0, rEvent = 0, rOther = 0, rBack = 0;
  CHECK_EQ_INT(marsad_simmodel_new(&m), MARSAD_OK);
  for(int i=0; i<N_ART; i++){
    marsad_simmodel_add(m, aTitle[i], strlen(aTitle[i]), aBody[i], strlen(aBody[i]));
  }
#define ART(i) aTitle[i], strlen(aTitle[i]), aBody[i], strlen(aBody[i])
  marsad_similarity(m, ART(0), ART(0), &rSame);
  marsad_similarity(m, ART(0), ART(1), &rEvent);
  marsad_similarity(m, ART(1), ART(0), &rBack);
  marsad_similarity(m, ART(0), ART(2), &rOther);
  CHECK(rSame>0.999 && rSame<=1.0);
  CHECK(rEvent==rBack);
  CHECK(rEvent>rOther);
  CHECK(rOther<marsad_story_threshold(m));
  marsad_simmodel_free(m);
  CHECK_EQ_INT(marsad_similarity(0, ART(2), ART(4), &rEvent), MARSAD_OK);
  CHECK(rEvent>0.0);
  CHECK_EQ_INT(marsad_similarity(0, "", 0, "", 0, "", 0, "", 0, &rEvent), MARSAD_OK);
  CHECK(rEvent==0.0);
#undef ART
}

/* MinHash resemblance estimates: identical texts 1, disjoint ones near 0. */
static void test_minhash(void){
  marsad_minhash s1, s2;
  marsad_shingler sh;
  marsad_shingler_init(&sh, &s1);
  for(uint64_t w=1; w<=200; w++) marsad_shingler_add(&sh, w*7919);
  marsad_shingler_finish(&sh);
  marsad_shingler_init(&sh, &s2);
  for(uint64_t w=1; w<=200; w++) marsad_shingler_add(&sh, w*7919);
  marsad_shingler_finish(&sh);
  CHECK(marsad_minhash_resemblance(&s1, &s2)==1.0);
  marsad_shingler_init(&sh, &s2);
  for(uint64_t w=1000; w<=1200; w++) marsad_shingler_add(&sh, w*7919);
  marsad_shingler_finish(&sh);
  CHECK(marsad_minhash_resemblance(&s1, &s2)<0.1);
  marsad_shingler_init(&sh, &s2);
  marsad_shingler_add(&sh, 1);
  marsad_shingler_finish(&sh);
  CHECK_EQ_INT(s2.nShingle, 0);              /* too short: no signature */
  CHECK(marsad_minhash_resemblance(&s1, &s2)==0.0);
}

/* Every allocation failure is reported as MARSAD_NOMEM and leaves a
** clusterer that can go on (the sanitizers check that nothing leaks or is
** touched after being freed). */
static void test_fault_injection(void){
  int nNoMem = 0, nClean = 0;
  for(long n=0; n<3000 && nClean<2; n++){
    marsad_cluster *p = 0;
    int bFailed = 0;
    marsad_alloc_fail_after(n);
    int rc = marsad_cluster_new(0, 0, &p);
    for(int i=0; rc==MARSAD_OK && i<N_ART; i++){
      marsad_analysis a;
      make_article(&a, i, i+1);
      int rc2 = marsad_cluster_add(p, &a, 0);
      if( rc2!=MARSAD_OK ){ CHECK_EQ_INT(rc2, MARSAD_NOMEM); bFailed = 1; }
    }
    marsad_alloc_fail_after(-1);
    if( rc ){ CHECK_EQ_INT(rc, MARSAD_NOMEM); CHECK(p==0); bFailed = 1; }
    nNoMem += bFailed;
    nClean += !bFailed;
    marsad_cluster_free(p);
  }
  CHECK(nNoMem>10);
  CHECK(nClean>0);
}

/* An article's stored terms (marsad_docterms_encode) decode to its word
** terms and fingerprints, without its entity terms, in about 3 bytes a
** term; damaged bytes are refused. */
static void test_terms_encoding(void){
  marsad_vocab *v = 0;
  marsad_analysis a;
  marsad_docterms d, e, f;
  marsad_buf buf = MARSAD_BUF_INIT;
  long long aEnt[1] = {7};
  int abTitle[1] = {1};
  memset(&e, 0, sizeof e);
  CHECK_EQ_INT(marsad_vocab_new(&v), MARSAD_OK);
  make_article(&a, 0, 1);
  CHECK_EQ_INT(marsad_docterms_build(v, &a, &d), MARSAD_OK);
  CHECK(d.nTerm>0 && d.nTitle>0 && d.nWord>0);
  CHECK_EQ_INT(marsad_docterms_build(v, &a, &f), MARSAD_OK);
  CHECK_EQ_INT(marsad_docterms_add_entities(v, &f, aEnt, abTitle, 1), MARSAD_OK);
  CHECK_EQ_INT(f.nTerm, d.nTerm+1);
  marsad_docterms_encode(v, &f, &buf);
  CHECK_EQ_INT(buf.rc, MARSAD_OK);
  CHECK(buf.n < 1+3*4+4*MARSAD_MINHASH_N+2+4*(size_t)(d.nTerm+d.nTitle));
  CHECK_EQ_INT(marsad_docterms_decode(v, (const unsigned char*)buf.a, buf.n, &e), MARSAD_OK);
  CHECK_EQ_INT(e.nTerm, d.nTerm);
  CHECK_EQ_INT(e.nTitle, d.nTitle);
  CHECK(e.nTerm==d.nTerm && memcmp(e.aTerm, d.aTerm, sizeof(marsad_tf)*(size_t)d.nTerm)==0);
  CHECK(e.nTitle==d.nTitle && memcmp(e.aTitle, d.aTitle, sizeof(marsad_tf)*(size_t)d.nTitle)==0);
  CHECK(memcmp(&e.sig, &d.sig, sizeof d.sig)==0);
  CHECK(e.iExact==d.iExact && e.nWord==d.nWord);
  marsad_docterms_clear(&e);
  CHECK_EQ_INT(marsad_docterms_decode(v, (const unsigned char*)buf.a, buf.n-1, &e), MARSAD_DBERROR);
  CHECK(e.aTerm==0 && e.nTerm==0);
  marsad_vocab *pEmpty = 0;      /* every term id is outside this vocabulary */
  CHECK_EQ_INT(marsad_vocab_new(&pEmpty), MARSAD_OK);
  CHECK_EQ_INT(marsad_docterms_decode(pEmpty, (const unsigned char*)buf.a, buf.n, &e), MARSAD_DBERROR);
  marsad_vocab_free(pEmpty);
  marsad_buf_append(&buf, "", 1);   /* a byte too many */
  CHECK_EQ_INT(buf.rc, MARSAD_OK);
  CHECK_EQ_INT(marsad_docterms_decode(v, (const unsigned char*)buf.a, buf.n, &e), MARSAD_DBERROR);
  buf.n--;
  buf.a[0] = 1;                  /* another format */
  CHECK_EQ_INT(marsad_docterms_decode(v, (const unsigned char*)buf.a, buf.n, &e), MARSAD_DBERROR);
  CHECK(e.aTerm==0 && e.nTerm==0);
  marsad_buf_free(&buf);
  marsad_docterms_clear(&d);
  marsad_docterms_clear(&f);
  marsad_analysis_clear(&a);
  marsad_vocab_free(v);
}

int main(void){
  RUN(test_fault_injection);
  RUN(test_copies);
  RUN(test_exact_copy);
  RUN(test_late_copy);
  RUN(test_grouping);
  RUN(test_window);
  RUN(test_determinism);
  RUN(test_similarity);
  RUN(test_minhash);
  RUN(test_terms_encoding);
  return DONE();
}
