"""Speed of readability-lxml (Debian's python3-readability), the peer of
marsad's HTML reader: the title and the main content of each page named on
the command line, REPEAT times. Prints "pages N bytes B seconds S chars C"
(C: characters of content text). Usage: peer.py REPEAT PAGE..."""
import sys, time
import lxml.html
from readability import Document

repeat = int(sys.argv[1])
pages = [open(p, "rb").read() for p in sys.argv[2:]]
chars = nbytes = 0
t0 = time.perf_counter()
for _ in range(repeat):
    for page in pages:
        doc = Document(page)
        doc.title()
        chars += len(lxml.html.fromstring(doc.summary(html_partial=True)).text_content())
        nbytes += len(page)
t1 = time.perf_counter()
print(f"pages {repeat * len(pages)} bytes {nbytes} seconds {t1 - t0:.6f} chars {chars}")
