/*
** test_reader_html.c: the HTML reader on pages shaped like Arabic news
** sites (tests/pages/): title, date, outlet and URL, every paragraph of the
** article kept and the page's chrome dropped; headline/site-name splitting
** and date sources on small pages; bad input and allocation failures.
*/
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

/* Expected reading of one test page. */
typedef struct page_case {
  const char *zFile;        /* under tests/pages/ */
  const char *zTitle;
  const char *zPublished;
  const char *zOutlet;
  const char *zUrl;
  int nPara;                /* paragraphs of the article */
  const char *azKeep[10];   /* a phrase of each paragraph, NULL-terminated */
  const char *azDrop[16];   /* chrome that must not reach the text */
} page_case;

static const page_case aPage[] = {
  { "pages/wp_news.html",
    "وزير الصحة: ارتفاع عدد المصابين بالكوليرا إلى 412 حالة",
    "2024-03-14T09:30:00+03:00", "شبكة الخبر اليوم",
    "https://alkhabar-alyawm.example/2024/03/14/cholera-cases/", 8,
    { "إلى 412 حالة مؤكدة، بينها سبع وفيات، منذ رصد",
      "إن \"الوضع تحت السيطرة رغم ارتفاع الأعداد\"",
      "مصدر التلوث",
      "شبكة مياه قديمة تغذي ثلاثة أحياء شعبية",
      "لن نسمح بتكرار ما حدث قبل عامين",
      "إلى غلي مياه الشرب وغسل الخضار",
      "تعزيز فرق الرقابة على محطات تعبئة المياه",
      "إغلاق الآبار غير المرخصة", 0 },
    { "الرئيسية", "فيسبوك", "عاجل", "كتب:", "مستشفى الأمل في المدينة الساحلية",
      "مساحة إعلانية", "googletag", "اقرأ أيضاً", "شارك هذا الخبر", "تبرع", "الوسوم",
      "أخبار ذات صلة", "الحي الذي أسكن فيه", "الأكثر قراءة", "اشترك في نشرتنا",
      "جميع الحقوق" } },
  { "pages/article_jsonld.html",
    "الأمم المتحدة تحذر من نقص حاد في الغذاء بالمخيمات",
    "2024-03-15T14:05:00+03:00", "alsaa-news.example",
    "https://www.alsaa-news.example/world/2024/03/15/un-food-warning", 4,
    { "لا يكفي لأكثر من ثلاثة أسابيع",
      "\"نحو 180 ألف شخص يعتمدون كلياً على المساعدات الغذائية\"",
      "نفى مسؤول في وزارة الشؤون الاجتماعية",
      "نحو ربع مليون نازح", 0 },
    { "فيديو", "آراء", "ليلى منصور", "شارك على فيسبوك", "مواضيع ذات صلة",
      "أمطار غزيرة تغرق خيام", "الأكثر مشاهدة", "سياسة الخصوصية", "جميع الحقوق", 0 } },
  { "pages/divs_only.html",
    "اشتباكات عنيفة قرب الحدود الشرقية ومقتل 12 مسلحاً", "2024-03-16", 0, 0, 4,
    { "قُتل ما لا يقل عن 12 مسلحاً وأصيب ثلاثة جنود",
      "حاولت التسلل عبر الشريط الحدودي",
      "\"الأرقام المعلنة مبالغ فيها\"",
      "فرضت السلطات حظر تجول ليلياً في ثلاث قرى حدودية.", 0 },
    { "اتصل بنا", "طباعة", "إرسال لصديق", "أخبار أخرى", "معرض الكتاب",
      "استطلاع الرأي", "هل تؤيد", "جميع الحقوق", 0 } },
  { "pages/script_body.html",
    "البنك المركزي يثبت سعر الفائدة للمرة الثالثة", "2024-03-17", "المرصد الاقتصادي",
    "https://marsad-eco.example/news/8841", 3,
    { "عند 11.5 في المئة للمرة الثالثة على التوالي",
      "\"ستواصل مراقبة معدلات التضخم عن كثب\"",
      "قد بلغ 9.8 في المئة في فبراير", 0 },
    { "نص داخل سكربت", "document.write", "نص مكتوب بسكربت", "يرجى تفعيل جافاسكربت",
      "font-size", "فيديو", "NewsArticle", "نص مخفي", 0 } },
  { "pages/truncated.html",
    "وصول أول دفعة من العائدين إلى المدينة بعد انتهاء المعارك",
    "2024-03-18T08:00:00Z", "صوت المدينة", 0, 4,
    { "وتضم نحو 300 عائلة",
      "\"الخدمات الأساسية عادت جزئياً\"، مشيراً إلى أن الكهرباء & المياه متوفرة في نصف الأحياء فقط.",
      "من مخلفات الحرب غير المنفجرة",
      "وأشارت المنظمة إلى أن عدداً من المنازل", 0 },
    { "الرئيسية", "أخبار", "تعليق:", "&quot;", "&nbsp;", 0 } },
  /* the lead paragraph sits in a block of its own before the body */
  { "pages/lead_split.html",
    "البرلمان يقر قانون الموازنة العامة بعد جلسة عاصفة",
    "2024-04-05T19:10:00+03:00", "بوابة الشرق اليوم", 0, 7,
    { "بأغلبية 71 صوتاً من أصل 120",
      "وشهدت الجلسة مشادات كلامية",
      "\"تمرير موازنة تقشفية على حساب الفقراء\"",
      "نفى وزير المالية أن تتضمن الموازنة",
      "نحو 12 مليار دولار",
      "خلال أسبوعين، وفق ما ينص عليه الدستور.",
      "احتجاجاً على رفع الضرائب على بعض السلع.", 0 },
    { "الرئيسية", "سياسة", "الموازنة\n", "تابعوا تغطيتنا", 0 } },
  /* a table layout: the cell's headline and dateline lines stay (the
  ** cleaner drops a line repeating the title) */
  { "pages/table_layout.html",
    "تعليق الرحلات في مطار العاصمة بسبب العاصفة الرملية", 0, "alayyam-daily.example",
    "http://www.alayyam-daily.example/news.asp?id=99812", 6,
    { "تعليق الرحلات في مطار العاصمة بسبب العاصفة الرملية",
      "خفضت مدى الرؤية إلى أقل من مئة متر.",
      "\"إجراء احترازي لضمان سلامة المسافرين\"",
      "27 شخصاً على الأقل",
      "وإغلاق النوافذ.", 0 },
    { "محليات", "أقسام الجريدة", "اقتصاد", "نسخة للطباعة", "أرسل الخبر",
      "أخبار ذات صلة", "عاصفة رملية تضرب", "جميع الحقوق", 0 } },
  { "pages/cp1256.html",
    "انخفاض أسعار النفط في الأسواق العالمية", 0, 0, 0, 2,
    { "بنسبة اثنين في المئة وسط مخاوف", "قد تواصل التراجع", 0 },
    { "جريدة السوق", 0 } },
};

/* Every test page: metadata, kept paragraphs, dropped chrome. */
static void test_pages(void){
  for(size_t i=0; i<sizeof aPage/sizeof aPage[0]; i++){
    const page_case *c = &aPage[i];
    size_t n;
    char *a = read_file(c->zFile, &n);
    sink s;
    CHECK_EQ_INT(read_html(&s, c->zFile, a, n), MARSAD_OK);
    CHECK_EQ_INT(s.nDoc, 1);
    CHECK_EQ_INT(s.nProblem, 0);
    if( s.nDoc==1 ){
      const marsad_doc *d = &s.aDoc[0];
      CHECK_EQ_STR(d->zTitle, c->zTitle);
      CHECK_EQ_STR(d->zPublished, c->zPublished);
      CHECK_EQ_STR(d->zOutlet, c->zOutlet);
      CHECK_EQ_STR(d->zUrl, c->zUrl);
      CHECK_EQ_STR(d->zSource, c->zFile);
      CHECK_EQ_STR(d->zInput, c->zFile);
      CHECK_EQ_INT(d->iLine, 0);
      CHECK_EQ_INT(d->nRaw, n);
      CHECK(d->zRaw && memcmp(d->zRaw, a, n)==0);
      CHECK(d->zText && strlen(d->zText)==d->nText);
      CHECK_EQ_INT(count_paragraphs(d->zText), c->nPara);
      for(int k=0; c->azKeep[k]; k++){
        if( strstr(d->zText, c->azKeep[k])==0 ){
          fprintf(stderr, "%s: paragraph lost: %s\n", c->zFile, c->azKeep[k]);
          CHECK(0);
        }
      }
      for(int k=0; k<16 && c->azDrop[k]; k++){
        if( strstr(d->zText, c->azDrop[k]) ){
          fprintf(stderr, "%s: chrome kept: %s\n", c->zFile, c->azDrop[k]);
          CHECK(0);
        }
      }
      CHECK(strstr(d->zText, "\n\n\n")==0);
      CHECK(strstr(d->zText, "  ")==0);
    }
    sink_free(&s);
    free(a);
  }
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

/* Fragments (feed bodies): every paragraph kept, chrome and link rows
** dropped, no container chosen. */
static void test_fragment(void){
  static const char zFrag[] =
    "<p>الفقرة الأولى من الخبر.</p>نص خارج الفقرات<br>سطر ثان"
    "<div class=\"share-buttons\"><a href=\"#\">شارك</a></div>"
    "<ul><li><a href=\"/1\">رابط أول</a></li><li><a href=\"/2\">رابط ثان</a></li></ul>"
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
