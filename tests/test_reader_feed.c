/*
** test_reader_feed.c: the feed reader on RSS 2.0 and Atom files with Arabic
** items (tests/feeds/): one doc per item with title, link, date (RFC 822
** turned into ISO 8601), outlet and text through the HTML extraction; an
** item with an unreadable date, a truncated feed, external entities (XXE),
** input that is no feed, and allocation failures.
*/
#include "harness.h"
#include "reader_sink.h"
#include "alloc.h"
#include "html.h"

/* Runs the feed reader on p[0..n). Returns its code. */
static int read_feed(sink *pSink, const char *zName, const char *p, size_t n){
  memset(pSink, 0, sizeof *pSink);
  return marsad_reader_feed.xRead(zName, p, n, sink_doc, sink_problem, pSink);
}

/* Runs the feed reader on test file zPath. */
static int read_feed_file(sink *pSink, const char *zPath){
  size_t n;
  char *a = read_file(zPath, &n);
  int rc = read_feed(pSink, zPath, a, n);
  free(a);
  return rc;
}

/* RSS 2.0: content:encoded preferred, chrome of the body dropped, dates
** converted, an unreadable date kept as found for the ingestion to report. */
static void test_rss(void){
  sink s;
  CHECK_EQ_INT(read_feed_file(&s, "feeds/news.rss"), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 3);
  CHECK_EQ_INT(s.nProblem, 0);
  if( s.nDoc==3 ){
    const marsad_doc *d = &s.aDoc[0];
    CHECK_EQ_STR(d->zTitle, "وزير الصحة: ارتفاع عدد المصابين بالكوليرا إلى 412 حالة");
    CHECK_EQ_STR(d->zUrl, "https://alkhabar-alyawm.example/2024/03/14/cholera-cases/");
    CHECK_EQ_STR(d->zPublished, "2024-03-14T06:30:00Z");
    CHECK_EQ_STR(d->zOutlet, "شبكة الخبر اليوم");
    CHECK_EQ_STR(d->zSource, "feeds/news.rss");
    CHECK_EQ_INT(d->iLine, 9);
    CHECK_EQ_STR(d->zText, "أعلن وزير الصحة، الخميس، ارتفاع عدد المصابين بالكوليرا في "
      "المحافظات الشرقية إلى 412 حالة مؤكدة، بينها سبع وفيات.\n\n"
      "وقال الوزير إن \"الوضع تحت السيطرة رغم ارتفاع الأعداد\".");
    CHECK(d->zRaw && strncmp(d->zRaw, "<item>", 6)==0);
    CHECK(d->zRaw && strstr(d->zRaw, "</item>") && strstr(d->zRaw, "<pubDate>Thu, 14 Mar"));
    CHECK_EQ_INT(d->nRaw, d->zRaw ? strlen(d->zRaw) : 0);

    d = &s.aDoc[1];
    CHECK_EQ_STR(d->zPublished, "2024-03-10T18:05:00+03:00");
    CHECK_EQ_STR(d->zText, "أعلنت مؤسسة المياه انقطاع الضخ عن ثلاثة أحياء شرق المدينة "
      "لمدة يومين بسبب أعمال صيانة طارئة.\n\nونصحت المؤسسة السكان بتخزين المياه.");
    CHECK_EQ_INT(d->iLine, 21);

    d = &s.aDoc[2];
    CHECK_EQ_STR(d->zTitle, "افتتاح قسم جديد للطوارئ في مستشفى الأمل");
    CHECK_EQ_STR(d->zPublished, "الجمعة 8 مارس");
    CHECK(d->zText && strstr(d->zText, "يضم أربعين سريراً."));
  }
  sink_free(&s);
}

/* Atom: published before updated, html and xhtml content, html titles,
** text content kept as paragraphs, links by rel. */
static void test_atom(void){
  sink s;
  CHECK_EQ_INT(read_feed_file(&s, "feeds/news.atom"), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 3);
  CHECK_EQ_INT(s.nProblem, 0);
  if( s.nDoc==3 ){
    const marsad_doc *d = &s.aDoc[0];
    CHECK_EQ_STR(d->zTitle, "الأمم المتحدة تحذر من نقص حاد في الغذاء بالمخيمات");
    CHECK_EQ_STR(d->zUrl, "https://www.alsaa-news.example/world/2024/03/15/un-food-warning");
    CHECK_EQ_STR(d->zPublished, "2024-03-15T14:05:00+03:00");
    CHECK_EQ_STR(d->zOutlet, "الساعة نيوز");
    CHECK_EQ_STR(d->zText, "حذر برنامج الأغذية العالمي من أن مخزونه في مخيمات النازحين "
      "شمالي البلاد لا يكفي لأكثر من ثلاثة أسابيع.\n\nونفى مسؤول حكومي وجود نقص في المواد الأساسية.");
    CHECK(d->zRaw && strstr(d->zRaw, "<entry") && strstr(d->zRaw, "</entry>"));

    d = &s.aDoc[1];
    CHECK_EQ_STR(d->zTitle, "وصول قافلة مساعدات جديدة عبر المعبر");
    CHECK_EQ_STR(d->zUrl, "https://www.alsaa-news.example/world/2024/02/20/aid");
    CHECK_EQ_STR(d->zPublished, "2024-02-20T10:00:00Z");
    CHECK_EQ_STR(d->zText, "عبرت قافلة من 40 شاحنة محملة بالطحين والأدوية المعبر الحدودي "
      "صباح الثلاثاء.\n\nوقال منسق الإغاثة إن القافلة هي الأكبر منذ شهرين.");

    d = &s.aDoc[2];
    CHECK_EQ_STR(d->zUrl, 0);
    CHECK_EQ_STR(d->zText, "السطر الأول من البيان يكمل الفقرة الأولى.\n\n"
      "الفقرة الثانية من البيان <ليست وسماً>.");
  }
  sink_free(&s);
}

/* A feed cut in the middle of an item: the items before it are read, the
** cut one is reported with its line. */
static void test_truncated(void){
  sink s;
  CHECK_EQ_INT(read_feed_file(&s, "feeds/truncated.rss"), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 1);
  CHECK_EQ_INT(s.nProblem, 1);
  CHECK(strncmp(s.zProblem, "feeds/truncated.rss:21: item skipped: ", 38)==0);
  if( s.nDoc==1 ) CHECK_EQ_INT(s.aDoc[0].iLine, 9);
  sink_free(&s);
}

/* A bad item in the middle is skipped with its line; the rest is read. */
static void test_bad_item(void){
  static const char zFeed[] =
    "<rss version=\"2.0\"><channel><title>موقع</title>\n"
    "<item><title>الأول</title><description>نص أول.</description></item>\n"
    "<item><title>الثاني</title><description>نص <b>ثان</i>.</description>\n"
    "</item>\n"
    "<item><title>الثالث</title><description>نص ثالث.</description></item>\n"
    "<item><link>https://x.example/empty</link></item>\n"
    "</channel></rss>\n";
  sink s;
  CHECK_EQ_INT(read_feed(&s, "bad.rss", zFeed, sizeof zFeed - 1), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 2);
  CHECK_EQ_INT(s.nProblem, 2);
  if( s.nDoc==2 ){
    CHECK_EQ_STR(s.aDoc[0].zTitle, "الأول");
    CHECK_EQ_STR(s.aDoc[1].zTitle, "الثالث");
    CHECK_EQ_INT(s.aDoc[1].iLine, 5);
  }
  CHECK_EQ_STR(s.zProblem, "bad.rss:6: item skipped: no title and no text");
  sink_free(&s);
}

/* The slips of hand-made feeds (a bare '&' in a title or a link, an HTML
** entity, a '<' in text, an entity nobody declared) are repaired or passed
** over: the item is read with a warning naming the first slip, not skipped;
** CDATA is left as it is, and a tag left open still skips its item. */
static void test_recovered_item(void){
  static const char zFeed[] =
    "<rss version=\"2.0\"><channel><title>أخبار & تقارير</title>\n"
    "<item><title>شركة AT&T تعلن&nbsp;نتائجها</title>\n"
    "<link>https://x.example/n?id=1&lang=ar</link><description>نص أول.</description></item>\n"
    "<item><title>الثاني</title><description>3 < 4 &foo; نص.</description></item>\n"
    "<item><title>الثالث</title><description><![CDATA[<p>Q&A &amp; نص</p>]]></description></item>\n"
    "<item><title>الرابع</title><description>نص <b>مفتوح</description></item>\n"
    "</channel></rss>\n";
  sink s;
  CHECK_EQ_INT(read_feed(&s, "slips.rss", zFeed, sizeof zFeed - 1), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 3);
  CHECK_EQ_INT(s.nProblem, 1);
  CHECK_EQ_STR(s.zProblem, "slips.rss:6: item skipped: Opening and ending tag mismatch: b line 6 and description");
  if( s.nDoc==3 ){
    CHECK_EQ_STR(s.aDoc[0].zTitle, "شركة AT&T تعلن نتائجها");
    CHECK_EQ_STR(s.aDoc[0].zUrl, "https://x.example/n?id=1&lang=ar");
    CHECK_EQ_STR(s.aDoc[0].zOutlet, "أخبار & تقارير");
    CHECK_EQ_STR(s.aDoc[0].zWarning, "XML errors recovered: a bare '&' read as text (line 2) and 1 more");
    CHECK_EQ_STR(s.aDoc[1].zText, "3 < 4 نص.");
    CHECK(s.aDoc[1].zWarning && strstr(s.aDoc[1].zWarning, "a '<' that opens no tag read as text (line 4) and 1 more"));
    CHECK_EQ_STR(s.aDoc[2].zText, "Q&A & نص");
    CHECK_EQ_STR(s.aDoc[2].zWarning, 0);
  }
  sink_free(&s);
}

/* An empty or by-reference body gives way to the other one; text beside
** elements in xhtml content stays text. */
static void test_body_fallback(void){
  static const char zFeed[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>م</title>"
    "<entry><title>أ</title><content src=\"https://x.example/1\"/>"
    "<summary>ملخص الخبر.</summary></entry>"
    "<entry><title>ب</title><content type=\"html\">&lt;p&gt;النص الكامل.&lt;/p&gt;</content>"
    "<summary>ملخص.</summary></entry>"
    "<entry><title>ج</title><content type=\"xhtml\">نص &lt;script&gt;س&lt;/script&gt; قبل <b>عنصر</b> وبعده.</content></entry>"
    "</feed>";
  sink s;
  CHECK_EQ_INT(read_feed(&s, "f.atom", zFeed, sizeof zFeed - 1), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 3);
  if( s.nDoc==3 ){
    CHECK_EQ_STR(s.aDoc[0].zText, "ملخص الخبر.");
    CHECK_EQ_STR(s.aDoc[1].zText, "النص الكامل.");
    CHECK_EQ_STR(s.aDoc[2].zText, "نص <script>س</script> قبل عنصر وبعده.");
  }
  sink_free(&s);
}

/* External entities are never loaded nor expanded. */
static void test_xxe(void){
  sink s;
  CHECK_EQ_INT(read_feed_file(&s, "feeds/xxe.rss"), MARSAD_OK);
  CHECK_EQ_INT(s.nDoc, 1);
  if( s.nDoc==1 ){
    CHECK_EQ_STR(s.aDoc[0].zTitle, "خبر فيه كيان خارجي");
    CHECK_EQ_STR(s.aDoc[0].zText, "نص الخبر ونهاية النص");
    CHECK(strstr(s.aDoc[0].zRaw, "root:")==0);
  }
  sink_free(&s);
}

/* Input that is no feed is refused as a whole, with a reason. */
static void test_not_feed(void){
  static const struct { const char *z, *zProblem; } a[] = {
    { "", "x.xml:0: empty feed" },
    { "<html><body><p>صفحة</p></body></html>", "x.xml:0: not an RSS or Atom feed" },
    { "<urlset><url><loc>https://x.example/</loc></url></urlset>", "x.xml:0: not an RSS or Atom feed" },
    { "plain text, not XML", "x.xml:1: Start tag expected, '<' not found" },
  };
  for(size_t i=0; i<sizeof a/sizeof a[0]; i++){
    sink s;
    CHECK_EQ_INT(read_feed(&s, "x.xml", a[i].z, strlen(a[i].z)), MARSAD_FORMAT);
    CHECK_EQ_INT(s.nDoc, 0);
    CHECK_EQ_STR(s.zProblem, a[i].zProblem);
    sink_free(&s);
  }
}

/* pubDate forms: RFC 822 with and without day name, seconds or zone,
** two-digit years, offsets; ISO kept; anything else kept as found. */
static void test_dates(void){
  static const struct { const char *zIn, *zOut; } a[] = {
    { "Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z" },
    { "10 Jun 2003 04:00 +0000", "2003-06-10T04:00:00Z" },
    { "Sat, 1 Feb 2020 23:59:59 +0300", "2020-02-01T23:59:59+03:00" },
    { "Mon, 29 Feb 2016 10:00:00 EST", "2016-02-29T10:00:00-05:00" },
    { "  wed, 05 MAR 99 07:08:09 UT ", "1999-03-05T07:08:09Z" },
    { "Thu, 07 July 2022 12:00:00 -0430", "2022-07-07T12:00:00-04:30" },
    { "5 Mar 2024", "2024-03-05" },
    { "2024-03-05T10:00:00+02:00", "2024-03-05T10:00:00+02:00" },
    { "Sun, 29 Feb 2015 10:00:00 GMT", "Sun, 29 Feb 2015 10:00:00 GMT" },
    { "Tue, 10 Jun 2003 25:00:00 GMT", "Tue, 10 Jun 2003 25:00:00 GMT" },
    { "Tue, 10 Foo 2003 04:00:00 GMT", "Tue, 10 Foo 2003 04:00:00 GMT" },
    { "Tue, 10 Jun 2003 04:00:00 XYZ", "Tue, 10 Jun 2003 04:00:00 XYZ" },
    { "أمس", "أمس" },
  };
  for(size_t i=0; i<sizeof a/sizeof a[0]; i++){
    char zFeed[1024];
    snprintf(zFeed, sizeof zFeed, "<rss><channel><title>م</title><item><title>خبر</title>"
             "<pubDate>%s</pubDate></item></channel></rss>", a[i].zIn);
    sink s;
    CHECK_EQ_INT(read_feed(&s, "d.rss", zFeed, strlen(zFeed)), MARSAD_OK);
    CHECK_EQ_INT(s.nDoc, 1);
    if( s.nDoc==1 ) CHECK_EQ_STR(s.aDoc[0].zPublished, a[i].zOut);
    sink_free(&s);
  }
}

/* A feed in windows-1256, as it is and converted to UTF-8. */
static void test_charset(void){
  size_t n, nUtf8;
  char *a = read_file("feeds/cp1256.rss", &n);
  char *zUtf8 = 0;
  CHECK_EQ_INT(marsad_markup_to_utf8(a, n, &zUtf8, &nUtf8), MARSAD_OK);
  for(int i=0; i<2; i++){
    sink s;
    CHECK_EQ_INT(i==0 ? read_feed(&s, "cp1256.rss", a, n) : read_feed(&s, "cp1256.rss", zUtf8, nUtf8),
                 MARSAD_OK);
    CHECK_EQ_INT(s.nDoc, 1);
    if( s.nDoc==1 ){
      CHECK_EQ_STR(s.aDoc[0].zOutlet, "جريدة السوق");
      CHECK_EQ_STR(s.aDoc[0].zTitle, "انخفاض أسعار النفط في الأسواق العالمية");
      CHECK_EQ_STR(s.aDoc[0].zText, "انخفضت أسعار النفط بنسبة اثنين في المئة.");
    }
    sink_free(&s);
  }
  marsad_free(zUtf8);
  free(a);
}

/* Every allocation failure ends in MARSAD_NOMEM (nothing leaked: the ASan
** build checks) or in success. */
static void test_alloc_failures(void){
  size_t n;
  char *a = read_file("feeds/news.rss", &n);
  int rc = MARSAD_NOMEM;
  long i;
  for(i=0; rc==MARSAD_NOMEM && i<100000; i++){
    sink s;
    marsad_alloc_fail_after(i);
    rc = read_feed(&s, "news.rss", a, n);
    marsad_alloc_fail_after(-1);
    CHECK(rc==MARSAD_OK || rc==MARSAD_NOMEM);
    sink_free(&s);
  }
  CHECK_EQ_INT(rc, MARSAD_OK);
  CHECK(i>10);
  free(a);
}

int main(void){
  RUN(test_rss);
  RUN(test_atom);
  RUN(test_truncated);
  RUN(test_bad_item);
  RUN(test_recovered_item);
  RUN(test_body_fallback);
  RUN(test_xxe);
  RUN(test_not_feed);
  RUN(test_dates);
  RUN(test_charset);
  RUN(test_alloc_failures);
  return DONE();
}
