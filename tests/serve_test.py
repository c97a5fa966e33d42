#!/usr/bin/env python3
"""End-to-end test of `marsad serve` (run by tests/serve.sh).

Builds a database from tests/data/serve.jsonl, starts the server on a free
loopback port, and checks over real HTTP: every API route the server lists
(status and JSON shape), filters and paging, 400/404/405 answers, request
lines and headers too large (414/431) with the server staying up, a client
that stalls, an ingestion running beside the server (WAL), the escaping of
untrusted text, and a graceful stop on SIGTERM. Environment: MARSAD_BIN.
"""
import http.client, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, urllib.parse

BIN = os.environ.get("MARSAD_BIN", "marsad")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "serve.jsonl")
npass = nfail = 0


def check(cond, what):
    global npass, nfail
    if cond:
        npass += 1
    else:
        nfail += 1
        print("FAIL:", what, file=sys.stderr)


def get(port, path, method="GET", headers=None):
    """(status, headers dict lower-cased, body bytes) of one request."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def get_json(port, path, want=200):
    st, hd, body = get(port, path)
    check(st == want, f"{path}: status {st}, expected {want}: {body[:200]!r}")
    check(hd.get("content-type", "").startswith("application/json"), f"{path}: JSON content type")
    check(hd.get("x-content-type-options") == "nosniff", f"{path}: nosniff")
    try:
        return json.loads(body)
    except ValueError:
        check(False, f"{path}: body is not JSON: {body[:200]!r}")
        return None


def raw(port, data, read=True):
    """Sends raw bytes on a fresh connection; returns what came back."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(data)
    out = b""
    while read:
        try:
            b = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not b:
            break
        out += b
    s.close()
    return out


def q(text):
    """text percent-encoded for a query string."""
    return urllib.parse.quote_plus(text)


def error_of(port, path, want):
    """Checks that path answers status want with {"error": "..."}."""
    js = get_json(port, path, want)
    check(isinstance(js, dict) and isinstance(js.get("error"), str) and js["error"],
          f"{path}: an error message")
    return js


def check_routes(port, ids):
    """Checks every route the server lists; each must have a check here."""
    idx = get_json(port, "/api")
    routes = set(idx["routes"]) | {"/api"}
    checked = {"/api"}

    def route(r):
        checked.add(r)
        return r in routes

    if route("/api/articles"):
        arts = get_json(port, "/api/articles")
        check(len(arts) == 5, f"/api/articles: 5 articles, got {len(arts)}")
        for a in arts:
            check(all(k in a for k in ("id", "input", "published", "outlet", "title")), "article fields")
        dates = [a["published"] for a in arts]
        check(dates == sorted(dates, reverse=True), "articles latest first")
        p1 = get_json(port, "/api/articles?limit=2")
        p2 = get_json(port, "/api/articles?limit=2&offset=2")
        check(len(p1) == 2 and len(p2) == 2 and p1[0]["id"] != p2[0]["id"], "paging")
        check([a["id"] for a in p1 + p2] == [a["id"] for a in arts[:4]], "pages follow each other")
        some = get_json(port, "/api/articles?outlet=" + "%D9%88%D9%83%D8%A7%D9%84%D8%A9+%D8%A7%D9%84%D8%A3%D9%86%D8%A8%D8%A7%D8%A1")
        check(len(some) == 2 and all(a["outlet"] == "وكالة الأنباء" for a in some), "outlet filter (percent-encoded Arabic, + as space)")
        oct_ = get_json(port, "/api/articles?since=2020-10-01&until=2020-10-31")
        check(len(oct_) == 4, f"date filter: 4 in October, got {len(oct_)}")
    if route("/api/articles/{id}"):
        a = get_json(port, "/api/articles/" + ids["srv-1"])
        check(a.get("input") == "srv-1" and "28" in a.get("body", ""), "one article with its body")
        a = get_json(port, "/api/articles/" + ids["srv-1"][:8])
        check(a.get("input") == "srv-1", "an id prefix finds the article")
        error_of(port, "/api/articles/ffffffffffffffff", 404)
        error_of(port, "/api/articles/" + ids["srv-1"] + "?raw=maybe", 400)
        a = get_json(port, "/api/articles/" + ids["srv-1"] + "?raw=1")
        check("raw" in a, "raw=1 adds the raw input")
    if route("/api/articles/{id}/facts"):
        fa = get_json(port, "/api/articles/" + ids["srv-1"] + "/facts")
        check(all(k in fa for k in ("id", "story", "mentions", "figures", "statements", "dates")), "article facts fields")
        body = get_json(port, "/api/articles/" + ids["srv-1"])["body"].encode()
        f28 = [f for f in fa.get("figures", []) if f["value"] == 28]
        check(len(f28) == 1 and body[f28[0]["start"]:f28[0]["end"]].decode() == f28[0]["text"],
              "a figure's span points at its words in the body")
        check(any(st["stance"] == "deny" for st in fa.get("statements", [])), "the article's denial")
        error_of(port, "/api/articles/ffffffffffffffff/facts", 404)
        error_of(port, "/api/articles/" + ids["srv-1"] + "/facts?raw=1", 400)
    if route("/api/stats"):
        st = get_json(port, "/api/stats")
        check(st.get("articles") == 5, f"stats: 5 articles, got {st.get('articles')}")
    if route("/api/search"):
        hits = get_json(port, "/api/search?q=" + q("المرتزقة"))
        check(len(hits) >= 2, f"search finds the articles on mercenaries: {len(hits)}")
        for hit in hits:
            check(all(k in hit for k in ("id", "input", "title", "outlet", "published", "score", "snippet")),
                  "search hit fields")
        check(any("<mark>" in hit["snippet"] for hit in hits), "snippets mark the matches")
        one = get_json(port, "/api/search?limit=1&q=" + q("المرتزقة"))
        check(len(one) == 1 and one[0]["id"] == hits[0]["id"], "search limit")
        since = get_json(port, "/api/search?since=2020-10-02&q=" + q("المرتزقة"))
        check(all(hit["published"] >= "2020-10-02" for hit in since) and len(since) < len(hits), "search since")
        xss = get_json(port, "/api/search?q=" + q("وسوم"))
        check(len(xss) == 1 and "<script>" not in xss[0]["snippet"] and "&lt;script&gt;" in xss[0]["snippet"],
              "a snippet escapes the markup of the text")
        error_of(port, "/api/search", 400)
        error_of(port, "/api/search?q=", 400)
        error_of(port, "/api/search?q=" + q('"وقف إطلاق'), 400)
        error_of(port, "/api/search?q=x&kind=person", 400)
    if route("/api/stories"):
        stories = get_json(port, "/api/stories")
        check(len(stories) >= 2, f"stories: {len(stories)}")
        for st in stories:
            check(all(k in st for k in ("id", "title", "first", "last", "n_articles", "outlets")),
                  "story fields")
            check(re.fullmatch(r"s\d+", st["id"]) is not None, "story ids look like s12")
        big = get_json(port, "/api/stories?min_articles=2")
        check(big and all(st["n_articles"] >= 2 for st in big), "min_articles")
        check(len(get_json(port, "/api/stories?limit=1")) == 1, "stories limit")
        error_of(port, "/api/stories?min_articles=0", 400)
        error_of(port, "/api/stories?q=x", 400)
    if route("/api/stories/{id}"):
        sid = get_json(port, "/api/stories")[0]["id"]
        st = get_json(port, "/api/stories/" + sid)
        check(st.get("id") == sid and st.get("articles"), "one story with its articles")
        for a in st.get("articles", []):
            check(all(k in a for k in ("id", "published", "outlet", "title")), "story article fields")
        why = get_json(port, "/api/stories/" + sid + "?why=1")
        check(any("why" in a for a in why.get("articles", [])), "why=1 adds the evidence")
        error_of(port, "/api/stories/s999999", 404)
        error_of(port, "/api/stories/bogus", 404)
        error_of(port, "/api/stories/" + sid + "?why=2", 400)
    if route("/api/entities"):
        ents = get_json(port, "/api/entities")
        check(len(ents) >= 3, f"entities: {len(ents)}")
        for e in ents:
            check(all(k in e for k in ("id", "kind", "name", "articles", "mentions")), "entity fields")
        places = get_json(port, "/api/entities?kind=place")
        check(places and all(e["kind"] == "place" for e in places), "entities kind=place")
        named = get_json(port, "/api/entities?name=" + q("المرصد"))
        check(named and all("المرصد" in e["name"] for e in named), "entities name=")
        check(len(get_json(port, "/api/entities?limit=1")) == 1, "entities limit")
        error_of(port, "/api/entities?kind=planet", 400)
        error_of(port, "/api/entities?story=s999999", 404)
        stories = get_json(port, "/api/stories") if route("/api/stories") else []
        if stories:
            in_story = get_json(port, "/api/entities?story=" + stories[0]["id"])
            check(all(k in e for e in in_story for k in ("id", "articles")), "entities story=")
        error_of(port, "/api/entities?stance=deny", 400)
    if route("/api/entities/{id}"):
        eid = get_json(port, "/api/entities?kind=place")[0]["id"]
        e = get_json(port, "/api/entities/" + eid)
        check(e.get("id") == eid and e.get("variants"), "one entity with its spellings")
        check(sum(v["mentions"] for v in e["variants"]) <= e["mentions"] and e["latest"]
              and all(a["mentions"] for a in e["latest"])
              and sum(d["articles"] for d in e["dates"]) == e["articles"], "an entity's counts agree")
        check(all(d["date"] is None or len(d["date"]) == 10 for d in e["dates"])
              and all(d["date"] for d in e["dates"][:-1]), "dates by day, the undated last")
        by_name = get_json(port, "/api/entities/" + q(e["variants"][0]["text"]).replace("+", "%20"))
        check(by_name.get("id") == eid, "an entity found by one of its spellings")
        error_of(port, "/api/entities/" + q("لا أحد").replace("+", "%20"), 404)
        error_of(port, "/api/entities/" + eid + "?why=x", 400)
    if route("/api/figures"):
        figs = get_json(port, "/api/figures")
        for f in figs:
            check(all(k in f for k in ("article", "value", "approx", "counts", "reported_by_text", "date", "start", "end")),
                  "figure fields")
        killed = get_json(port, "/api/figures?counts=killed")
        check(killed and all(f["counts"] == "killed" for f in killed), "figures counts=killed")
        check({28, 231} <= {f["value"] for f in killed}, "the Observatory's 28 and 231 killed")
        by = get_json(port, "/api/figures?by=" + q("لافروف"))
        check(by and all("لافروف" in f["reported_by_text"] for f in by), "figures by a source")
        check(len(get_json(port, "/api/figures?limit=1")) == 1, "figures limit")
        error_of(port, "/api/figures?stance=deny", 400)
    if route("/api/statements"):
        stmts = get_json(port, "/api/statements")
        for st in stmts:
            check(all(k in st for k in ("article", "speaker", "speaker_text", "cue", "stance", "text", "start", "end")),
                  "statement fields")
        deny = get_json(port, "/api/statements?stance=deny")
        check(len(deny) == 1 and deny[0]["article"] == ids["srv-1"], "the denial of srv-1")
        sp = get_json(port, "/api/statements?speaker=" + q("المرصد السوري"))
        check(sp and all("المرصد" in st["speaker_text"] for st in sp), "statements by a speaker")
        error_of(port, "/api/statements?counts=killed", 400)
    src = os.environ.get("MARSAD_SRC", os.path.join(HERE, ".."))
    with open(os.path.join(src, "docs", "openapi.yaml"), encoding="utf-8") as f:
        spec = f.read()
    with open(os.path.join(src, "docs", "API.md"), encoding="utf-8") as f:
        guide = f.read()
    for r in sorted(routes):
        check("\n  " + r + ":\n" in spec, f"{r} is in docs/openapi.yaml")
        check("### `GET " + r + "`" in guide, f"{r} is in docs/API.md")
    unchecked = routes - checked
    check(not unchecked, f"routes without a check in serve_test.py: {sorted(unchecked)}")
    return routes


def check_errors(port):
    for q in ("limit=0", "limit=abc", "limit=501", "offset=-1", "since=2020-13-01",
              "since=2021-02-29", "until=yesterday", "bogus=1", "limit=1&limit=2",
              "outlet=%zz", "outlet=%C3%28", "outlet=%00", "since=2020-10-02&until=2020-10-01",
              "outlet=" + "a" * 1100):
        error_of(port, "/api/articles?" + q, 400)
    error_of(port, "/api/no-such-route", 404)
    error_of(port, "/api/articles/a/b", 404)
    error_of(port, "/no-such-page", 404)
    error_of(port, "/../../etc/passwd", 404)
    st, hd, body = get(port, "/api/stats", method="POST")
    check(st == 405 and "GET" in hd.get("allow", ""), f"POST: 405 with Allow, got {st}")
    st, hd, body = get(port, "/api/stats", method="DELETE")
    check(st == 405, "DELETE: 405")


def check_limits(port):
    line = raw(port, b"GET /api/articles?outlet=" + b"a" * 40000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    check(re.match(rb"HTTP/1\.[01] 414", line) is not None, f"huge request line: 414, got {line[:40]!r}")
    line = raw(port, b"GET /api/articles?outlet=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    check(re.match(rb"HTTP/1\.[01] 414", line) is not None, f"long target: 414, got {line[:40]!r}")
    hdr = raw(port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 40000 + b"\r\n\r\n")
    check(re.match(rb"HTTP/1\.[01] 431", hdr) is not None, f"huge header: 431, got {hdr[:40]!r}")
    many = b"".join(b"X-H%d: v\r\n" % i for i in range(3000))
    hdr = raw(port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n")
    check(re.match(rb"HTTP/1\.[01] 431", hdr) is not None, f"many headers: 431, got {hdr[:40]!r}")
    for host in (b"evil.example", b"127.0.0.1.evil.example:80", b"localhost.evil.example", b"127.0.0.1:x"):
        got = raw(port, b"GET /api/stats HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
        check(re.match(rb"HTTP/1\.[01] 403", got) is not None, f"Host {host!r}: 403, got {got[:40]!r}")
    for host in (b"localhost:1", b"127.0.0.1", b"[::1]:8080"):
        got = raw(port, b"GET /api/stats HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
        check(re.match(rb"HTTP/1\.[01] 200", got) is not None, f"Host {host!r}: 200, got {got[:40]!r}")
    junk = raw(port, b"\x00\xff NOT HTTP AT ALL\r\n\r\n")
    check(re.match(rb"HTTP/1\.[01] 400", junk) is not None or junk == b"", f"garbage: 400 or closed, got {junk[:40]!r}")
    # A client that sends half a request and stalls: others are still served,
    # and the server closes the stalled connection once it is idle too long.
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    st, _, _ = get(port, "/api/stats")
    check(st == 200, "served while another client stalls")
    try:
        closed = s.recv(100) is not None
    except (ConnectionResetError, socket.timeout):
        closed = False
    check(closed, "the stalled connection is closed by the server")
    s.close()
    st, _, _ = get(port, "/api/stats")
    check(st == 200, "server still up after bad requests")


def check_pages(port, ids):
    st, hd, body = get(port, "/")
    check(st == 200 and hd.get("content-type", "").startswith("text/html"), "index page")
    check(b'dir="rtl"' in body and b"/app.js" in body, "index: right to left, loads app.js")
    csp = hd.get("content-security-policy", "")
    check("default-src 'self'" in csp and "unsafe-inline" not in csp, "CSP forbids inline scripts")
    for path, ctype in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        st, hd, body = get(port, path)
        check(st == 200 and hd.get("content-type", "").startswith(ctype), f"{path}: served")
        etag = hd.get("etag")
        st2, _, body2 = get(port, path, headers={"If-None-Match": etag})
        check(st2 == 304 and body2 == b"", f"{path}: 304 for its ETag")
    st, hd, body = get(port, "/", method="HEAD")
    check(st == 200 and body == b"", "HEAD: headers only")
    # The page builds the DOM from text only: no HTML parsing of data.
    js = get(port, "/app.js")[2].decode()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        check(sink not in js, f"app.js never uses {sink}")
    # Untrusted text is JSON-escaped data, never markup, in the API.
    a = get_json(port, "/api/articles/" + ids["srv-xss"])
    check("<script>" in a.get("title", "") + a.get("body", ""), "the <script> text is kept as data")


def ingest(db, path):
    r = subprocess.run([BIN, "--db", db, "ingest", path], capture_output=True, text=True)
    check(r.returncode == 0, f"ingest {path}: {r.returncode} {r.stderr}")


def main():
    tmp = tempfile.mkdtemp(prefix="marsad-serve-")
    db = os.path.join(tmp, "t.db")
    srv = None
    try:
        ingest(db, DATA)
        arts = json.loads(subprocess.run([BIN, "--db", db, "--json", "list"], capture_output=True,
                                         text=True, check=True).stdout)
        ids = {a["input"]: a["id"] for a in arts}
        srv = subprocess.Popen([BIN, "--db", db, "serve", "--port", "0", "--threads", "2", "--timeout", "2"],
                               stdout=subprocess.PIPE, text=True)
        first = srv.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        check(m is not None, f"serve prints its address: {first!r}")
        if m is None:
            return 1
        port = int(m.group(1))
        check_routes(port, ids)
        check_errors(port)
        check_limits(port)
        check_pages(port, ids)
        # A second process ingests while the server reads (WAL).
        extra = os.path.join(tmp, "more.jsonl")
        with open(extra, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "srv-6", "outlet": "x", "published": "2021-04-01",
                                "title": "خبر جديد", "text": "نص خبر جديد عن الطقس في عمان اليوم."}, ensure_ascii=False) + "\n")
        ingest(db, extra)
        st = get_json(port, "/api/stats")
        check(st.get("articles") == 6, "the server sees what an ingestion beside it added")
        srv.send_signal(signal.SIGTERM)
        check(srv.wait(timeout=30) == 0, "SIGTERM stops the server cleanly (exit 0)")
        r = subprocess.run([BIN, "--db", db, "serve", "--port", "70000"], capture_output=True)
        check(r.returncode == 2, "a bad port is a usage error")
        r = subprocess.run([BIN, "--db", db, "serve", "--host", "999.1.1.1", "--port", "0"],
                           capture_output=True, text=True)
        check(r.returncode == 2 and r.stderr.startswith("marsad serve: the host is not")
              and "999.1.1.1" in r.stderr and db not in r.stderr,
              f"a bad --host is a usage error naming the host, not the database: {r.stderr!r}")
        r = subprocess.run([BIN, "--db", os.path.join(tmp, "missing.db"), "serve", "--port", "0"], capture_output=True)
        check(r.returncode == 3, "a missing database is refused")
        err = r.stderr.decode()
        check(err.count("missing.db") == 2 and "create it with" in err,
              f"the missing database is named once, then how to create it: {err!r}")
        r = subprocess.run([BIN, "--db", tmp, "serve", "--port", "0"], capture_output=True, text=True)
        check(r.returncode == 3 and "is a directory" in r.stderr, f"a directory as --db: {r.stderr!r}")
    finally:
        if srv and srv.poll() is None:
            srv.kill()
            srv.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{npass} passed, {nfail} failed")
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
