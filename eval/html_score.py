"""Scores main-text extraction on tests/pages/expected.json (see eval/html):
marsad's output as JSON on standard input, readability-lxml run here."""
import json, sys
cases = json.load(open("tests/pages/expected.json"))
marsad = json.load(sys.stdin)
try:
    import lxml.html
    from readability import Document
    def peer(path):
        doc = Document(open(path, "rb").read())
        text = lxml.html.fromstring(doc.summary(html_partial=True)).text_content()
        return {"title": doc.short_title(), "text": " ".join(text.split())}
except ImportError:
    peer = None
def score(get):
    kept = dropped = titles = nkeep = ndrop = 0
    for i, c in enumerate(cases):
        out = get(i, c)
        text = " ".join((out.get("text") or "").split())
        nkeep += len(c["keep"]); ndrop += len(c["drop"])
        kept += sum(1 for k in c["keep"] if " ".join(k.split()) in text)
        dropped += sum(1 for d in c["drop"] if " ".join(d.split()) not in text)
        titles += (out.get("title") or "") == c["title"]
    return kept, nkeep, dropped, ndrop, titles
rows = [("marsad", score(lambda i, c: marsad[i]))]
if peer:
    rows.append(("readability-lxml", score(lambda i, c: peer("tests/pages/" + c["file"]))))
print(f"{len(cases)} pages\n")
print("| extractor | paragraphs kept | chrome dropped | headline exact |")
print("|---|---|---|---|")
for name, (k, nk, d, nd, t) in rows:
    print(f"| {name} | {k}/{nk} | {d}/{nd} | {t}/{len(cases)} |")
