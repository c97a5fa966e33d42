/*
** test_clean.c: the cleaner keeps article paragraphs and drops site chrome
** by general rules: head and tail chrome, related-article cut-off, UI
** labels, lines repeated across an outlet; it keeps crossheads and datelines.
*/
#define _GNU_SOURCE   /* memmem */
#include "harness.h"
#include "marsad.h"
#include "clean.h"
#include "fold.h"

/* Line memory that claims every short line was seen n times. */
static long seen_always(void *pCtx, const char *zOutlet, uint64_t h){
  (void)zOutlet; (void)h;
  return *(long*)pCtx;
}

/* Cleans z and returns the body (static buffer), NULL on failure. */
static const char *clean(const char *z, const char *zTitle, const marsad_line_memory *pMem){
  static char zOut[8192];
  marsad_clean c;
  if( marsad_clean_text(z, strlen(z), zTitle, "outlet", pMem, &c) ) return 0;
  snprintf(zOut, sizeof zOut, "%s", c.zBody);
  marsad_clean_free(&c);
  return zOut;
}

#define P1 "قال المتحدث باسم الوزارة إن الاجتماع سيعقد في موعده المحدد رغم الظروف الصعبة."
#define P2 "وأضاف أن الوفود ستصل تباعا خلال الأيام المقبلة لبحث الملفات العالقة بين الطرفين."

static void test_keeps_prose(void){
  const char *z = clean(P1 "\n\n" P2 "\n", 0, 0);
  CHECK_EQ_STR(z, P1 "\n\n" P2);
}

static void test_head_and_tail_chrome(void){
  const char *z = clean("camera iconصورة من الاجتماع (أرشيف)\ntag icon ع ع ع\n"
                        P1 "\n" P2 "\nاسم الموقع\nزر العودة\n×\n", 0, 0);
  CHECK_EQ_STR(z, P1 "\n\n" P2);
}

static void test_cutoff_heading(void){
  const char *z = clean(P1 "\nمقالات ذات صلة\n" P2 "\n", 0, 0);
  CHECK_EQ_STR(z, P1);
}

static void test_crosshead_and_dateline_kept(void){
  const char *z = clean("الرياض 12/3/2015\n" P1 "\nمواقف دولية\n" P2 "\n", 0, 0);
  CHECK_EQ_STR(z, "الرياض 12/3/2015\n\n" P1 "\n\nمواقف دولية\n\n" P2);
}

static void test_interface_phrase_mid_article(void){
  const char *z = clean(P1 "\nاقرأ أيضا: عنوان خبر آخر\n" P2 "\n", 0, 0);
  CHECK_EQ_STR(z, P1 "\n\n" P2);
}

static void test_link_list(void){
  const char *z = clean(P1 "\nسياسة | اقتصاد | رياضة | ثقافة\n" P2 "\n", 0, 0);
  CHECK_EQ_STR(z, P1 "\n\n" P2);
}

static void test_repeated_lines(void){
  long n = MARSAD_CLEAN_REPEATS;
  marsad_line_memory mem = { seen_always, &n };
  const char *z = clean(P1 "\nتابعوا آخر الأخبار على موقعنا\n", 0, &mem);
  CHECK_EQ_STR(z, "");   /* every short line "seen" before: all dropped */
  n = 0;
  z = clean(P1 "\nتابعوا آخر الأخبار على موقعنا\n", 0, &mem);
  CHECK_EQ_STR(z, P1);   /* not repeated: tail rule still drops the short line */
}

static void test_title_line_dropped(void){
  const char *z = clean("عنوان الخبر الرئيسي\n" P1 "\n", "عنوان الخبر الرئيسي", 0);
  CHECK_EQ_STR(z, P1);
}

static void test_whitespace_and_crlf(void){
  const char *z = clean("  " P1 "  \r\n\r\n\t" P2 "\r\n", 0, 0);
  CHECK(z && strstr(z, "\r")==0);
  CHECK(z && strncmp(z, "قال", 6)==0);
  /* runs of spaces, tabs and carriage returns inside a line are one space */
  z = clean("قال المتحدث \t باسم\tالوزارة  \r إن الاجتماع سيعقد في موعده المحدد رغم الظروف الصعبة.", 0, 0);
  CHECK_EQ_STR(z, P1);
}

/* The body is in NFC: a letter written with a combining hamza (ا + U+0654)
** is the composed letter; text already in NFC is kept as it is. */
static void test_nfc(void){
  CHECK_EQ_STR(clean("وقال المتحدث إن الوزير سا\xd9\x94ل عن موعد الاجتماع المقبل في العاصمة أمس.", 0, 0),
               "وقال المتحدث إن الوزير سأل عن موعد الاجتماع المقبل في العاصمة أمس.");
  CHECK_EQ_STR(clean("وقال المتحدث إن الوزير سأل عن موعد الاجتماع المقبل في العاصمة أمس.", 0, 0),
               "وقال المتحدث إن الوزير سأل عن موعد الاجتماع المقبل في العاصمة أمس.");
}

/* Unicode spaces (no-break U+00A0, thin U+2009, ideographic U+3000) are
** white space too: trimmed at line ends, one ASCII space inside; a line of
** them alone is blank. Other characters (ZWNJ U+200C) stay. */
static void test_unicode_spaces(void){
  const char *z = clean("\xc2\xa0\xc2\xa0" P1 "\xc2\xa0\n\xe3\x80\x80\xc2\xa0\n"
                        "وأضاف\xc2\xa0\xe2\x80\x89أن الوفود ستصل تباعا خلال الأيام المقبلة لبحث الملفات\xe2\x80\x8cالعالقة.\n", 0, 0);
  CHECK_EQ_STR(z, P1 "\n\nوأضاف أن الوفود ستصل تباعا خلال الأيام المقبلة لبحث الملفات\xe2\x80\x8cالعالقة.");
}

/* A share row glued to the start of the first line is cut off and listed
** with the dropped lines; a sentence that merely begins with such words, or
** names one network, stays whole. */
static void test_share_row_cut(void){
  marsad_clean c;
  const char *z = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " P1 "\n\n" P2 "\n";
  CHECK_EQ_INT(marsad_clean_text(z, strlen(z), 0, "outlet", 0, &c), MARSAD_OK);
  CHECK_EQ_STR(c.zBody, P1 "\n\n" P2);
  CHECK(c.zDropped && strstr(c.zDropped, "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"));
  marsad_clean_free(&c);
  const char *zKept = "شارك من خلال تويتر آلاف المغردين في حملة لجمع التبرعات للمتضررين من السيول.\n";
  CHECK_EQ_STR(clean(zKept, 0, 0), "شارك من خلال تويتر آلاف المغردين في حملة لجمع التبرعات للمتضررين من السيول.");
}

/* Text in Arabic presentation forms (shaped letters, ligatures) is stored
** as the letters it stands for. */
static void test_presentation_forms(void){
  const char *z = clean("قال المتحدث إن ﺍﻟﻘﺘﻠﻰ بلغوا ﺛﻼﺛﺔ ﺁﻻﻑ وفق ﺍﻟﻠﺠﻨﺔ ﺍﻟﺪﻭﻟﻴﺔ ﻟﻠﺼﻠﻴﺐ ﺍﻷﺣﻤﺮ، ﻻ سيما في المدن.\n", 0, 0);
  CHECK_EQ_STR(z, "قال المتحدث إن القتلى بلغوا ثلاثة آلاف وفق اللجنة الدولية للصليب الأحمر، لا سيما في المدن.");
}

/* A link row glued after the article's last sentence ("... . رابط الخبر
** بصحيفة X: the title") is cut off and listed with the dropped lines; the
** phrase inside a sentence (no punctuation before it) stays. */
static void test_link_row_cut(void){
  marsad_clean c;
  const char *z = P1 "\n\n" P2 "\xc2\xa0رابط الخبر بصحيفة الوئام: عنوان الخبر كما نشر\n";
  CHECK_EQ_INT(marsad_clean_text(z, strlen(z), 0, "outlet", 0, &c), MARSAD_OK);
  CHECK_EQ_STR(c.zBody, P1 "\n\n" P2);
  CHECK(c.zDropped && strstr(c.zDropped, "رابط الخبر بصحيفة الوئام: عنوان الخبر كما نشر"));
  marsad_clean_free(&c);
  /* after a name (no punctuation) when a colon follows; or a line of its own */
  z = P1 "\n\n" P2 " وذكر ذلك الناطق الإعلامي للشرطة رابط الخبر بصحيفة الوئام: عنوان\n\n"
      "رابط الخبر بصحيفة الوئام: عنوان خبر آخر طويل من عشرين كلمة أو أكثر يسرد ما جرى في المدينة أمس بالتفصيل الممل\n";
  CHECK_EQ_STR(clean(z, 0, 0), P1 "\n\n" P2 " وذكر ذلك الناطق الإعلامي للشرطة");
  const char *zKept = "وقال إن الصحيفة نشرت رابط الخبر على حسابها في تويتر بعد ساعة من وقوع الحادث في المدينة.\n";
  CHECK_EQ_STR(clean(zKept, 0, 0), "وقال إن الصحيفة نشرت رابط الخبر على حسابها في تويتر بعد ساعة من وقوع الحادث في المدينة.");
}

static void test_short_article_kept(void){
  /* no prose line at all: nothing is "outside" the article */
  const char *z = clean("انفجار في الميناء\nلا إصابات\n", 0, 0);
  CHECK_EQ_STR(z, "انفجار في الميناء\n\nلا إصابات");
}

static void test_dropped_lines_listed(void){
  marsad_clean c;
  const char *z = P1 "\nمقالات ذات صلة\nرابط\n";
  CHECK_EQ_INT(marsad_clean_text(z, strlen(z), 0, 0, 0, &c), MARSAD_OK);
  CHECK_EQ_INT(c.nLinesDropped, 2);
  CHECK_EQ_STR(c.zDropped, "مقالات ذات صلة\nرابط");
  marsad_clean_free(&c);
  marsad_clean_free(0);
}

/* A space twice deep in a long line (past the cleaner's first blocks of
** sixteen bytes) is still made one, and a tab one space. */
static void test_long_line_spaces(void){
  char zIn[4096], zWant[4096];
  size_t nIn = 0, nWant = 0;
  for(int i=0; i<20; i++){
    const char *zSep = i==0 ? "" : i==13 ? "  " : i==17 ? "\t" : " ";
    nIn += (size_t)snprintf(zIn+nIn, sizeof zIn-nIn, "%s%s", zSep, P1);
    nWant += (size_t)snprintf(zWant+nWant, sizeof zWant-nWant, "%s%s", i==0 ? "" : " ", P1);
  }
  CHECK_EQ_STR(clean(zIn, 0, 0), zWant);
}

/* The cleaner's scan counts the characters of U+0621..U+064A as letters,
** tatweel as not one, without asking marsad_fold_is_letter: the generated
** table must agree. */
static void test_arabic_letters_block(void){
  for(uint32_t cp=0x0621; cp<=0x064A; cp++){
    CHECK_EQ_INT(marsad_fold_is_letter(cp), cp!=0x0640);
  }
}

/* Every tail phrase holds the bytes the cleaner searches first. */
static void test_tail_anchor(void){
  int nTail = 0;
  for(int i=0; i<marsad_chrome_nphrases; i++){
    const marsad_chrome_phrase *pP = &marsad_chrome_phrases[i];
    if( pP->eClass!=MARSAD_CHROME_TAIL ) continue;
    nTail++;
    CHECK(memmem(pP->zKey, (size_t)pP->nKey, marsad_chrome_tail_anchor,
                 (size_t)marsad_chrome_tail_nanchor)!=0);
  }
  CHECK(nTail>0 && marsad_chrome_tail_nanchor>0);
}

int main(void){
  RUN(test_keeps_prose);
  RUN(test_head_and_tail_chrome);
  RUN(test_cutoff_heading);
  RUN(test_crosshead_and_dateline_kept);
  RUN(test_interface_phrase_mid_article);
  RUN(test_link_list);
  RUN(test_repeated_lines);
  RUN(test_title_line_dropped);
  RUN(test_whitespace_and_crlf);
  RUN(test_nfc);
  RUN(test_unicode_spaces);
  RUN(test_share_row_cut);
  RUN(test_presentation_forms);
  RUN(test_link_row_cut);
  RUN(test_short_article_kept);
  RUN(test_dropped_lines_listed);
  RUN(test_long_line_spaces);
  RUN(test_arabic_letters_block);
  RUN(test_tail_anchor);
  return DONE();
}
