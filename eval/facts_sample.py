#!/usr/bin/env python3
"""A sample of figures or statements of a marsad store, for reading by hand
(docs/QUALITY.md, ## Facts, SaudiNewsNet).

Usage: facts_sample.py DB fig|st [N]

Draws the N rows (default 50) first in a fixed pseudo-random order of their
ids ((id * 2654435761) mod 1000003), and prints each with what marsad read
and the text around it, the evidence in [[ ]]."""
import sqlite3
import sys


def context(body, start, end, before, after):
    b = body.encode()
    a0, a1 = max(0, start - before), min(len(b), end + after)
    return (b[a0:start].decode("utf-8", "ignore") + " [[" + b[start:end].decode("utf-8", "ignore")
            + "]] " + b[end:a1].decode("utf-8", "ignore"))


def main():
    db, kind = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    c = sqlite3.connect(db)
    order = "order by (x.id*2654435761)%1000003 limit ?"
    if kind == "fig":
        q = ("select x.id, a.uid, a.published, a.outlet, x.start, x.end, x.value, x.approx, x.counts, x.who,"
             " x.total, x.reported_by_text, x.date, a.body from figure x join article a on a.id=x.article " + order)
        for (i, uid, pub, outlet, s, e, v, ap, co, who, tot, by, d, body) in c.execute(q, (n,)):
            print(f"#{i} {uid} pub={pub} {outlet}\n  {v} {ap} {co} who={who} total={tot} by={by} date={d}\n"
                  f"  {context(body, s, e, 220, 160)}\n")
    elif kind == "st":
        q = ("select x.id, a.uid, a.published, a.outlet, x.start, x.end, x.speaker_text, x.cue, x.stance, x.date,"
             " a.body from statement x join article a on a.id=x.article " + order)
        for (i, uid, pub, outlet, s, e, spk, cue, st, d, body) in c.execute(q, (n,)):
            print(f"#{i} {uid} pub={pub} {outlet}\n  speaker={spk} | cue={cue} | {st} | date={d}\n"
                  f"  {context(body, s, e, 120, 40)[:700]}\n")
    else:
        sys.exit("usage: facts_sample.py DB fig|st [N]")


if __name__ == "__main__":
    main()
