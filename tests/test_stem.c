/*
** test_stem.c: the golden table of the text core for search: surface word ->
** key -> light stem, through marsad_tokenize (proclitics, hamza forms, ta
** marbuta, alef maqsura, harakat, tatweel, digits, Latin, mixed words), and
** the Snowball option of stem.h.
*/
#include "harness.h"
#include "marsad.h"
#include "stem.h"

/* One golden row: a word as written, its key and its light stem. */
typedef struct golden { const char *zWord; const char *zKey; const char *zStem; } golden;

static const golden aGolden[] = {
  /* proclitics */
  { "والكتاب", "والكتاب", "كتاب" },       /* و + ال: Snowball keeps it whole */
  { "الكتاب", "الكتاب", "كتاب" },
  { "بالمدرسة", "بالمدرسه", "مدرس" },
  { "كالبحر", "كالبحر", "بحر" },
  { "فالأمر", "فالامر", "امر" },
  { "للسلام", "للسلام", "سلام" },
  { "وبالتالي", "وبالتالي", "تال" },
  { "وقال", "وقال", "قال" },
  { "كتاب", "كتاب", "كتاب" },               /* single ك ب ل ف are kept */
  { "بلد", "بلد", "بلد" },
  { "فلسطين", "فلسطين", "فلسط" },
  { "لعب", "لعب", "لعب" },
  { "وطن", "وطن", "وطن" },                  /* 3 letters: و stays */
  /* suffixes */
  { "المعلمون", "المعلمون", "معلم" },
  { "المعلمين", "المعلمين", "معلم" },
  { "المعلمات", "المعلمات", "معلم" },
  { "معلماتها", "معلماتها", "معلم" },
  { "الطالبان", "الطالبان", "طالب" },
  /* ta marbuta and nisba */
  { "مدرسة", "مدرسه", "مدرس" },
  { "السياسية", "السياسيه", "سياس" },
  /* hamza forms */
  { "أردوغان", "اردوغان", "اردوغ" },
  { "اردوغان", "اردوغان", "اردوغ" },
  { "إسرائيل", "اسراييل", "اسراييل" },
  { "المؤتمر", "الموتمر", "موتمر" },
  { "آلاف", "الاف", "الاف" },
  { "شيء", "شيء", "شيء" },
  /* alef maqsura */
  { "مستشفى", "مستشفي", "مستشف" },
  { "مستشفي", "مستشفي", "مستشف" },
  /* harakat and tatweel */
  { "الْمُعَلِّمُونَ", "المعلمون", "معلم" },
  { "الكـــتاب", "الكتاب", "كتاب" },
  /* words whose stem is given (data/stem_affixes.tsv): الله with its fused clitics */
  { "الله", "الله", "الله" },
  { "لله", "لله", "الله" },
  { "بالله", "بالله", "الله" },
  { "والله", "والله", "الله" },
  { "ولله", "ولله", "الله" },
  /* the dual ان leaves 4 letters: a 3-letter rest is mostly a name */
  { "سلمان", "سلمان", "سلمان" },
  { "السلمي", "السلمي", "سلم" },
  { "رمضان", "رمضان", "رمضان" },
  { "السودان", "السودان", "سودان" },
  { "الطرفان", "الطرفان", "طرفان" },
  /* short words keep 3 letters */
  { "من", "من", "من" },
  { "في", "في", "في" },
  /* digits, Latin, mixed */
  { "٢٠٢٠", "2020", "2020" },
  { "۱۴۰۰", "1400", "1400" },
  { "NATO", "nato", "nato" },
  { "Covid19", "covid19", "covid19" },
};

/* First token of a text, as key and stem. */
typedef struct first { int bSeen; char zKey[256]; char zStem[256]; } first;

static int take_first(void *pCtx, const marsad_token *p){
  first *f = (first*)pCtx;
  snprintf(f->zKey, sizeof f->zKey, "%.*s", (int)p->nKey, p->pKey);
  snprintf(f->zStem, sizeof f->zStem, "%.*s", (int)p->nStem, p->pStem);
  f->bSeen = 1;
  return 1;
}

static void test_golden(void){
  for(size_t i=0; i<sizeof aGolden/sizeof aGolden[0]; i++){
    first f;
    memset(&f, 0, sizeof f);
    marsad_tokenize(aGolden[i].zWord, strlen(aGolden[i].zWord), 0, take_first, &f);
    CHECK(f.bSeen);
    CHECK_EQ_STR(f.zKey, aGolden[i].zKey);
    CHECK_EQ_STR(f.zStem, aGolden[i].zStem);
  }
}

/* Stems p with the stemmer and returns a copy (static storage). */
static const char *stem_of(marsad_stemmer *pStem, const char *z){
  static char zOut[256];
  size_t n = 0;
  const char *zStem = marsad_stem(pStem, z, strlen(z), &n);
  if( zStem==0 ) return "(null)";
  snprintf(zOut, sizeof zOut, "%.*s", (int)n, zStem);
  return zOut;
}

/* The Snowball kind: a different stemmer, which leaves والكتاب alone. */
static void test_snowball(void){
  marsad_stemmer *p = 0;
  CHECK_EQ_INT(marsad_stemmer_new_kind(MARSAD_STEM_SNOWBALL, &p), MARSAD_OK);
  CHECK_EQ_STR(stem_of(p, "المعلمون"), "معلم");
  CHECK_EQ_STR(stem_of(p, "والكتاب"), "والكتاب");
  CHECK_EQ_STR(stem_of(p, "nato"), "nato");
  marsad_stemmer_free(p);
  CHECK_EQ_INT(marsad_stemmer_new_kind(99, &p), MARSAD_MISUSE);
  CHECK(p==0);
  marsad_stemmer_free(0);
}

/* The light kind on keys that are not Arabic words. */
static void test_light_other(void){
  marsad_stemmer *p = 0;
  CHECK_EQ_INT(marsad_stemmer_new(&p), MARSAD_OK);
  CHECK_EQ_STR(stem_of(p, ""), "");
  CHECK_EQ_STR(stem_of(p, "والكتاب x"), "والكتاب x");
  CHECK_EQ_STR(stem_of(p, "الكتاب"), "كتاب");
  marsad_stemmer_free(p);
}

int main(void){
  RUN(test_golden);
  RUN(test_snowball);
  RUN(test_light_other);
  return DONE();
}
