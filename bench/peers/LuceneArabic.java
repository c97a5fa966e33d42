/*
** LuceneArabic.java: the peer marsad's search is measured against: Lucene 8
** (Debian's liblucene8-java) with its ArabicAnalyzer (normalization, stop
** words, light stemmer) and BM25, the analyzer Elasticsearch, OpenSearch and
** Solr use for Arabic. Inputs are tab-separated files written by
** bench/peers/tsv.py (fields escaped: \\ \t \n).
**
**   rank  DOCS.tsv QUERIES.tsv K   print "qid<TAB>docid docid ..." (top K)
**   bench DOCS.tsv QUERIES.tsv DIR time indexing into DIR and the queries
**
** DOCS.tsv lines are "id<TAB>title<TAB>body"; QUERIES.tsv lines "qid<TAB>text".
** Queries go through the classic QueryParser (escaped, default operator OR)
** over title (boost 3) and body, as a Lucene user would run them.
*/
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public final class LuceneArabic {
  /* Undoes the escaping of bench/peers/tsv.py. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        b.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /* Reads a TSV file into rows of unescaped fields. */
  static List<String[]> readTsv(String path) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        for (int i = 0; i < f.length; i++) f[i] = unescape(f[i]);
        rows.add(f);
      }
    }
    return rows;
  }

  /* Indexes the documents into dir with the analyzer; returns nothing. */
  static void index(Directory dir, Analyzer a, List<String[]> docs) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(a);
    cfg.setSimilarity(new BM25Similarity());
    cfg.setRAMBufferSizeMB(64);  /* the page cache marsad's connection gets */
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (String[] d : docs) {
        Document doc = new Document();
        doc.add(new StoredField("id", d[0]));
        doc.add(new TextField("title", d[1], Field.Store.NO));
        doc.add(new TextField("body", d[2], Field.Store.NO));
        w.addDocument(doc);
      }
      w.commit();
    }
  }

  static QueryParser parser(Analyzer a) {
    Map<String, Float> boosts = new HashMap<>();
    boosts.put("title", 3.0f);
    boosts.put("body", 1.0f);
    QueryParser p = new MultiFieldQueryParser(new String[] {"title", "body"}, a, boosts);
    p.setDefaultOperator(QueryParser.Operator.OR);
    return p;
  }

  /* Parses one query; null when it is empty after analysis. */
  static Query parse(QueryParser p, String text) {
    try {
      return p.parse(QueryParser.escape(text));
    } catch (ParseException e) {
      return null;
    }
  }

  static void rank(String docsPath, String queriesPath, int k) throws IOException {
    Analyzer a = new ArabicAnalyzer();
    List<String[]> docs = readTsv(docsPath);
    Directory dir = new ByteBuffersDirectory();
    index(dir, a, docs);
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      s.setSimilarity(new BM25Similarity());
      QueryParser p = parser(a);
      StringBuilder out = new StringBuilder();
      for (String[] q : readTsv(queriesPath)) {
        out.append(q[0]).append('\t');
        Query query = parse(p, q[1]);
        if (query != null) {
          ScoreDoc[] hits = s.search(query, k).scoreDocs;
          for (int i = 0; i < hits.length; i++) {
            if (i > 0) out.append(' ');
            out.append(s.doc(hits[i].doc).get("id"));
          }
        }
        out.append('\n');
      }
      System.out.print(out);
    }
  }

  static void bench(String docsPath, String queriesPath, String dirPath) throws IOException {
    Analyzer a = new ArabicAnalyzer();
    List<String[]> docs = readTsv(docsPath);
    List<String[]> queries = readTsv(queriesPath);
    long bytes = 0;
    for (String[] d : docs) bytes += d[1].getBytes(StandardCharsets.UTF_8).length
                                   + d[2].getBytes(StandardCharsets.UTF_8).length;
    Path path = Paths.get(dirPath);
    /* CPU time: the machine is shared, and wall time includes waiting for a
    ** core. Indexing counts the whole process (Lucene merges in threads of
    ** its own); queries count the querying thread. */
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
    try (Directory dir = FSDirectory.open(path)) {
      index(dir, a, docs);
    }
    double indexSec = (System.nanoTime() - t0) / 1e9;
    double indexCpu = (os.getProcessCpuTime() - c0) / 1e9;
    try (Directory dir = FSDirectory.open(path); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      s.setSimilarity(new BM25Similarity());
      QueryParser p = parser(a);
      long[] ns = new long[queries.size()];
      long[] cpu = new long[queries.size()];
      long hits = 0;
      for (int pass = 0; pass < 2; pass++) {  /* pass 0 warms up, pass 1 is timed */
        for (int i = 0; i < queries.size(); i++) {
          long q0 = System.nanoTime(), qc = threads.getCurrentThreadCpuTime();
          Query query = parse(p, queries.get(i)[1]);
          if (query != null) {
            ScoreDoc[] top = s.search(query, 10).scoreDocs;
            for (ScoreDoc d : top) s.doc(d.doc).get("id");
            hits += top.length > 0 ? 1 : 0;
          }
          ns[i] = System.nanoTime() - q0;
          cpu[i] = threads.getCurrentThreadCpuTime() - qc;
        }
      }
      Arrays.sort(ns);
      Arrays.sort(cpu);
      int i99 = Math.max(0, (int) Math.ceil(ns.length * 0.99) - 1);
      System.out.printf("docs %d bytes %d index_s %.3f index_cpu_s %.3f queries %d median_us %.1f p99_us %.1f "
                        + "cpu_median_us %.1f cpu_p99_us %.1f answered %d%n",
                        docs.size(), bytes, indexSec, indexCpu, queries.size(), ns[ns.length / 2] / 1e3,
                        ns[i99] / 1e3, cpu[cpu.length / 2] / 1e3, cpu[i99] / 1e3, hits / 2);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 4 && args[0].equals("rank")) {
      rank(args[1], args[2], Integer.parseInt(args[3]));
    } else if (args.length == 4 && args[0].equals("bench")) {
      bench(args[1], args[2], args[3]);
    } else {
      System.err.println("usage: LuceneArabic rank DOCS.tsv QUERIES.tsv K | bench DOCS.tsv QUERIES.tsv DIR");
      System.exit(2);
    }
  }
}
