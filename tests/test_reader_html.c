/*
** test_reader_html.c: the HTML reader on pages shaped like Arabic news
** sites (tests/pages/, expectations in tests/pages/expected.json, which
** eval/html also scores readability-lxml on): title, date, outlet and URL,
** every paragraph of the article kept and the page's chrome dropped; headline/site-name splitting
** and date sources on small pages; bad input and allocation failures.
*/
#include <jansson.h>
#include "harness.h"
#include "reader_sink.h"
#include "alloc.h"
#include "html.h"
#include "utf8.h"

/* Runs the HTML reader on p[0..n). Returns its code. */
static int read_html(sink *pSink, const char *zName, const char *p, size_t n){
  memset(pSink, 0, sizeof *pSink);
  return marsad_reader_html.xRead(zName, p, n, sink_doc, sink_problem, pSink);
}

/* Number of paragraphs (blank-line separated) in z. */
static int count_paragraphs(const char *z){
  int n = *z ? 1 : 0;
  for(const char *p=strstr(z, "\n\n"); p; p=strstr(p+2, "\n\n")) n++;
  return n;
}

/* The string member zKey of pObj, or NULL (JSON null or absent). */
static const char *json_str(json_t *pObj, const char *zKey){
  return json_string_value(json_object_get(pObj, zKey));
}

/* Checks that each phrase of JSON array pList is in zText (bIn) or not. */
static void check_phrases(const char *zFile, const char *zText, json_t *pList, int bIn){
  size_t k;
  json_t *pPhrase;
  json_array_foreach(pList, k, pPhrase){
    const char *z = json_string_value(pPhrase);
    if( z && (strstr(zText, z)!=0)!=bIn ){
      fprintf(stderr, "%s: %s: %s\n", zFile, bIn ? "paragraph lost" : "chrome kept", z);
      CHECK(0);
    }else{
      CHECK(1);
    }
  }
}

/* Every test page of pages/expected.json: metadata, the number of
** paragraphs, each paragraph kept (a phrase of it), each piece of chrome
** dropped. */
static void test_pages(void){
  json_error_t err;
  json_t *pCases = json_load_file("pages/expected.json", 0, &err);
  size_t iCase;
  json_t *c;
  CHECK(json_array_size(pCases)>=8);
  json_array_foreach(pCases, iCase, c){
    char zFile[256];
    snprintf(zFile, sizeof zFile, "pages/%s", json_str(c, "file"));
    size_t n;
    char *a = read_file(zFile, &n);
    sink s;
    CHECK_EQ_INT(read_html(&s, zFile, a, n), MARSAD_OK);
    CHECK_EQ_INT(s.nDoc, 1);
    CHECK_EQ_INT(s.nProblem, 0);
    if( s.nDoc==1 ){
      const marsad_doc *d = &s.aDoc[0];
      CHECK_EQ_STR(d->zTitle, json_str(c, "title"));
      CHECK_EQ_STR(d->zPublished, json_str(c, "published"));
      CHECK_EQ_STR(d->zOutlet, json_str(c, "outlet"));
      CHECK_EQ_STR(d->zUrl, json_str(c, "url"));
      CHECK_EQ_STR(d->zSource, zFile);
      CHECK_EQ_STR(d->zInput, zFile);
      CHECK_EQ_INT(d->iLine, 0);
      CHECK_EQ_INT(d->nRaw, n);
      CHECK(d->zRaw && memcmp(d->zRaw, a, n)==0);
      CHECK(d->zText && strlen(d->zText)==d->nText);
      CHECK_EQ_INT(count_paragraphs(d->zText), json_integer_value(json_object_get(c, "paragraphs")));
      check_phrases(zFile, d->zText, json_object_get(c, "keep"), 1);
      check_phrases(zFile, d->zText, json_object_get(c, "drop"), 0);
      CHECK(strstr(d->zText, "\n\n\n")==0);
      CHECK(strstr(d->zText, "  ")==0);
    }
    sink_free(&s);
    free(a);
  }
  json_decref(pCases);
}

/* A headline case: the head of a small page and the title expected. */
typedef struct title_case {
  const char *zHead;     /* inside <head> */
  const char *zBody;     /* inside <body> */
  const char *zTitle;    /* expected headline */
} title_case;

static const title_case aTitle[] = {
  /* <title>: the short side is the site name, either end */
  { "<title>ارتفاع أسعار الخبز في الأسواق المحلية - جريدة الصباح</title>", "",
    "ارتفاع أسعار الخبز في الأسواق المحلية" },
  { "<title>جريدة الصباح | ارتفاع أسعار الخبز في الأسواق المحلية</title>", "",
    "ارتفاع أسعار الخبز في الأسواق المحلية" },
  /* og:site_name names the part to drop, even when long */
  { "<meta property=\"og:site_name\" content=\"الموقع الإخباري الأول في المنطقة العربية\">"
    "<title>غلاء - الموقع الإخباري الأول في المنطقة العربية</title>", "", "غلاء" },
  /* a dash inside the headline stays when the site name is elsewhere */
  { "<meta property=\"og:site_name\" content=\"الصباح\">"
    "<title>بايدن - نتنياهو: خلاف علني حول الهدنة – الصباح</title>", "",
    "بايدن - نتنياهو: خلاف علني حول الهدنة" },
  /* og:title wins over <h1> and <title>, without the site name */
  { "<meta property=\"og:title\" content=\"خبر عاجل عن الطقس – المرصد\">"
    "<meta property=\"og:site_name\" content=\"المرصد\"><title>شيء آخر</title>",
    "<h1>عنوان الصفحة</h1>", "خبر عاجل عن الطقس" },
  /* <h1> wins over <title> */
  { "<title>موقع | عنوان في وسم العنوان</title>", "<h1> عنوان   <b>الخبر</b> </h1>",
    "عنوان الخبر" },
  /* the site's logo in an <h1> loses to the headline's */
  { "<title>x</title>", "<header><h1><a href=\"/\">الموقع</a></h1></header>"
    "<h1 class=\"entry-title\"><a href=\"/p/1\">انطلاق موسم الحصاد في الشمال</a></h1>",
    "انطلاق موسم الحصاد في الشمال" },
  /* a headline without a separator is kept whole */
  { "<title>انطلاق موسم الحصاد في السهول الشمالية</title>", "",
    "انطلاق موسم الحصاد في السهول الشمالية" },
  /* entities decoded, white space collapsed */
  { "<title>  الأسهم &amp; السندات:\n  &quot;تراجع&quot;  </title>", "",
    "الأسهم & السندات: \"تراجع\"" },
};

/* Headline choice and site-name removal. */
static void test_titles(void){
  for(size_t i=0; i<sizeof aTitle/sizeof aTitle[0]; i++){
    char zPage[2048];
    snprintf(zPage, sizeof zPage, "<html><head><meta charset=utf-8>%s</head><body>%s"
             "<p>نص قصير.</p></body></html>", aTitle[i].zHead, aTitle[i].zBody);
    sink s;
    CHECK_EQ_INT(read_html(&s, "t.html", zPage, strlen(zPage)), MARSAD_OK);
    CHECK_EQ_INT(s.nDoc, 1);
    if( s.nDoc==1 ) CHECK_EQ_STR(s.aDoc[0].zTitle, aTitle[i].zTitle);
    sink_free(&s);
  }
}

/* A date case: the head and body of a small page and the date expected. */
typedef struct date_case {
  const char *zHead;
  const char *zBody;
  const char *zDate;
} date_case;

static const date_case aDate[] = {
  { "<meta property=\"article:published_time\" content=\"2024-01-02T10:00:00Z\">"
    "<meta itemprop=\"datePublished\" content=\"2024-01-03\">",
    "<time datetime=\"2024-01-04\">x</time>", "2024-01-02T10:00:00Z" },
  { "<meta property=\"og:published_time\" content=\"2024-01-05\">",
    "<time datetime=\"2024-01-04\">x</time>", "2024-01-05" },
  { "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\"},"
    "{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-02-01T08:00:00+02:00\"}]</script>",
    "<time datetime=\"2024-01-04\">x</time>", "2024-02-01T08:00:00+02:00" },
  { "<script type=\"application/ld+json\">{not json</script>",
    "<p>x <time datetime=\" 2024-01-04 \">أمس</time></p>", "2024-01-04" },
  { "", "<span itemprop=\"datePublished\" datetime=\"2023-12-31\">31/12</span>", "2023-12-31" },
  { "<meta name=\"pubdate\" content=\"2023-11-30\">", "", "2023-11-30" },
  { "", "<p>بلا تاريخ</p>", 0 },
};

/* Publication date sources and their order. */
static void test_dates(void){
  for(size_t i=0; i<sizeof aDate/sizeof aDate[0]; i++){
    char zPage[2048];
    snprintf(zPage, sizeof zPage, "<html><head>%s</head><body>%s<p>نص الخبر.</p></body></html>",
             aDate[i].zHead, aDate[i].zBody);
    sink s;
    CHECK_EQ_INT(read_html(&s, "d.html", zPage, strlen(zPage)), MARSAD_OK);
    if( s.nDoc==1 ) CHECK_EQ_STR(s.aDoc[0].zPublished, aDate[i].zDate);
    sink_free(&s);
  }
}

/* Outlet from og:site_name, else from the host of og:url or canonical. */
static void test_outlets(void){
  static const struct { const char *zHead, *zOutlet, *zUrl; } a[] = {
    { "<link rel=\"canonical\" href=\"https://WWW.Example-News.com:8080/a/b?x=1\">",
      "example-news.com", "https://WWW.Example-News.com:8080/a/b?x=1" },
    { "<meta property=\"og:url\" content=\"http://user@news.example.org\">"
      "<link rel=\"alternate canonical\" href=\"https://news.example.org/x\">",
      "news.example.org", "https://news.example.org/x" },
    { "<meta property=\"og:site_name\" content=\" الجريدة \">", "الجريدة", 0 },
    { "<link rel=\"canonical\" href=\"/relative/path\">", 0, "/relative/path" },
  };
  for(size_t i=0; i<sizeof a/sizeof a[0]; i++){
    char zPage[1024];
    snprintf(zPage, sizeof zPage, "<html><head>%s</head><body><p>نص.</p></body></html>", a[i].zHead);
    sink s;
    CHECK_EQ_INT(read_html(&s, "o.html", zPage, strlen(zPage)), MARSAD_OK);
    if( s.nDoc==1 ){
      CHECK_EQ_STR(s.aDoc[0].zOutlet, a[i].zOutlet);
      CHECK_EQ_STR(s.aDoc[0].zUrl, a[i].zUrl);
    }
    sink_free(&s);
  }
}

/* Fragments (feed bodies): every paragraph kept, chrome (by class, role,
** hidden) and link rows dropped, no container chosen. */
static void test_fragment(void){
  static const char zFrag[] =
    "<p>الفقرة الأولى من الخبر.</p>نص خارج الفقرات<br>سطر ثان"
    "<div class=\"share-buttons\"><a href=\"#\">شارك</a></div>"
    "<ul><li><a href=\"/1\">رابط أول</a></li><li><a href=\"/2\">رابط ثان</a></li></ul>"
    "<div role=\"contentinfo banner\"><p>نص دور تذييل.</p></div>"
    "<div aria-hidden=\"true\"><p>نص مخفي عن القارئ.</p></div><p hidden>نص مخفي.</p>"
    "<p style=\"color:red; VISIBILITY : hidden\">نص غير مرئي.</p>"
    "<p>الفقرة الأخيرة.</p>";
  char *z = 0;
  size_t n = 0;
  CHECK_EQ_INT(marsad_html_fragment_text(zFrag, strlen(zFrag), &z, &n), MARSAD_OK);
  CHECK_EQ_STR(z, "الفقرة الأولى من الخبر.\n\nنص خارج الفقرات\n\nسطر ثان\n\nالفقرة الأخيرة.");
  CHECK_EQ_INT(n, z ? strlen(z) : 0);
  marsad_free(z);
  CHECK_EQ_INT(marsad_html_fragment_text("", 0, &z, &n), MARSAD_OK);
  CHECK_EQ_STR(z, "");
  marsad_free(z);
}

/* Input that is no page, invalid UTF-8 and deep nesting. */
static void test_bad_input(void){
  sink s;
  CHECK_EQ_INT(read_html(&s, "empty.html", "", 0), MARSAD_FORMAT);
  CHECK_EQ_INT(s.nDoc, 0);
  CHECK_EQ_INT(s.nProblem, 1);
  CHECK_EQ_STR(s.zProblem, "empty.html:0: empty page");
  sink_free(&s);

  static const char zBad[] = "<p>\xd9\x86\xd8\xb5 \xff\xfe \xd8 \xd9\x86\xd9\x87\xd8\xa7\xd9\x8a\xd8\xa9</p>";
  CHECK_EQ_INT(read_html(&s, "bad.html", zBad, sizeof zBad - 1), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 1);
  if( s.nDoc==1 ){
    CHECK_EQ_STR(s.aDoc[0].zText, "\xd9\x86\xd8\xb5 \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd \xd9\x86\xd9\x87\xd8\xa7\xd9\x8a\xd8\xa9");
    CHECK_EQ_INT(marsad_utf8_count_invalid(s.aDoc[0].zText, s.aDoc[0].nText), 0);
  }
  sink_free(&s);

  size_t nDeep = 200000;
  char *zDeep = malloc(nDeep*5 + 64);
  size_t k = 0;
  for(size_t i=0; i<nDeep; i++){ memcpy(zDeep+k, "<div>", 5); k += 5; }
  memcpy(zDeep+k, "نص عميق جداً", strlen("نص عميق جداً"));
  k += strlen("نص عميق جداً");
  CHECK_EQ_INT(read_html(&s, "deep.html", zDeep, k), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 1);
  sink_free(&s);
  free(zDeep);
}

/* A page in windows-1256 that says so: read as it is (libxml2 follows the
** declaration) and after marsad_markup_to_utf8 (the ingestion's path: the
** converted UTF-8 wins over the declaration); UTF-8 input is left alone. */
static void test_charsets(void){
  size_t n, nUtf8;
  char *a = read_file("pages/cp1256.html", &n);
  char *zUtf8 = 0;
  CHECK_EQ_INT(marsad_markup_to_utf8(a, n, &zUtf8, &nUtf8), MARSAD_OK);
  CHECK(zUtf8!=0 && marsad_utf8_count_invalid(zUtf8, nUtf8)==0);
  CHECK(zUtf8 && strstr(zUtf8, "انخفاض أسعار النفط"));
  sink s;
  CHECK_EQ_INT(read_html(&s, "cp1256.html", zUtf8, nUtf8), MARSAD_OK);
  if( s.nDoc==1 ){
    CHECK_EQ_STR(s.aDoc[0].zTitle, "انخفاض أسعار النفط في الأسواق العالمية");
    CHECK(strstr(s.aDoc[0].zText, "وقال محللون إن الأسعار قد تواصل التراجع"));
  }
  sink_free(&s);
  char *zAgain = 0;
  CHECK_EQ_INT(marsad_markup_to_utf8(zUtf8, nUtf8, &zAgain, &nUtf8), MARSAD_OK);
  CHECK(zAgain==0);
  static const char zUnknown[] = "<meta charset=no-such-set><p>\xff</p>";
  CHECK_EQ_INT(marsad_markup_to_utf8(zUnknown, sizeof zUnknown - 1, &zAgain, &nUtf8), MARSAD_OK);
  CHECK(zAgain==0);
  marsad_free(zUtf8);
  free(a);
}

/* Every allocation failure ends in MARSAD_NOMEM with nothing leaked (the
** ASan build checks leaks), or in success. */
static void test_alloc_failures(void){
  size_t n;
  char *a = read_file("pages/wp_news.html", &n);
  int rc = MARSAD_NOMEM;
  long i;
  for(i=0; rc==MARSAD_NOMEM && i<100000; i++){
    sink s;
    marsad_alloc_fail_after(i);
    rc = read_html(&s, "wp_news.html", a, n);
    marsad_alloc_fail_after(-1);
    CHECK(rc==MARSAD_OK || rc==MARSAD_NOMEM);
    CHECK(rc==MARSAD_OK || s.nDoc==0);
    sink_free(&s);
  }
  CHECK_EQ_INT(rc, MARSAD_OK);
  CHECK(i>10);
  free(a);
}

int main(void){
  RUN(test_pages);
  RUN(test_titles);
  RUN(test_dates);
  RUN(test_outlets);
  RUN(test_fragment);
  RUN(test_bad_input);
  RUN(test_charsets);
  RUN(test_alloc_failures);
  return DONE();
}
