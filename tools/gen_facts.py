#!/usr/bin/env python3
"""Generates the word lists of the fact extractors (src/lexicon.h) from data/facts_*.tsv.

Usage: gen_facts.py DATA_DIR OUT.c

Every entry's words are folded into matching keys exactly as the text core
folds text (the rules of data/arabic_fold.tsv, read through
tools/gen_arabic_fold.py, then lower-casing), joined by one space, and each
table is sorted by key bytes for binary search. Enumerated columns (counts,
stance, ...) become the C constants of src/lexicon.h: "killed" in a counts
column is MARSAD_COUNTS_KILLED.
"""
import importlib.util, os, sys

from tsvdata import data_rows

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen_arabic_fold", os.path.join(HERE, "gen_arabic_fold.py"))
fold_mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fold_mod)

ENUMS = {
    "calendar": {"g": "MARSAD_CAL_GREGORIAN", "h": "MARSAD_CAL_HIJRI"},
    "unit": {"day": "MARSAD_PREC_DAY", "week": "MARSAD_PREC_WEEK",
             "month": "MARSAD_PREC_MONTH", "year": "MARSAD_PREC_YEAR"},
    "numkind": {k: "MARSAD_NUMW_" + k.upper() for k in ("unit", "ten", "hundred", "whole", "mult", "mults", "vague")},
    "approx": {k: "MARSAD_APPROX_" + k.upper() for k in ("at_least", "at_most", "about")},
    "where": {"before": "MARSAD_WHERE_BEFORE", "after": "MARSAD_WHERE_AFTER"},
    "counts": {k: "MARSAD_COUNTS_" + k.upper() for k in (
        "killed", "wounded", "missing", "kidnapped", "arrested", "fighters",
        "bodies", "returned", "displaced", "personnel", "other")},
    "role": {k: "MARSAD_ROLE_" + k.upper() for k in ("noun", "event", "dual", "head", "fate")},
    "unitkind": {k: "MARSAD_UNIT_" + k.upper() for k in ("duration", "money", "percent", "measure", "reference")},
    "stance": {k: "MARSAD_STANCE_" + k.upper() for k in ("affirm", "deny", "appeal", "warn", "accuse", "state")},
    "cueclass": {k: "MARSAD_CUE_" + k.upper() for k in ("verb", "continue", "relay", "noun", "impersonal")},
    "fclass": {k: "MARSAD_FW_" + k.upper() for k in ("comp", "prep", "disc", "since", "rel", "part", "obj", "many", "hon", "anon")},
    "flag": {"": "0", "strict": "1"},
}


def make_folder(data):
    fold, _ = fold_mod.build(fold_mod.parse(os.path.join(data, "arabic_fold.tsv")))

    def key(text):
        words = []
        for w in text.split():
            out = []
            for ch in w:
                for c in fold.get(ord(ch), (ord(ch),)):
                    out.append(chr(c).lower())
            words.append("".join(out))
        return " ".join(w for w in words if w)
    return key


def rows(path, ncols, optional=0):
    out = []
    for no, cols in data_rows(path):
        if not (ncols - optional <= len(cols) <= ncols):
            sys.exit(f"{path}:{no}: expected {ncols} tab-separated columns")
        cols += [""] * (ncols - len(cols))
        out.append((no, cols))
    return out


def enum(path, no, kind, value):
    table = ENUMS[kind]
    if value not in table:
        sys.exit(f"{path}:{no}: unknown {kind} '{value}' (one of {', '.join(k for k in table if k)})")
    return table[value]


def hash64(b):
    """marsad_hash64 (src/imap.c) of bytes b: the hash the shared tokens give
    every word's key, so that lexicon.c looks a word up without hashing it."""
    m = 0xFFFFFFFFFFFFFFFF
    h = 0xcbf29ce484222325 ^ len(b)
    i = 0
    while i + 8 <= len(b):
        h = ((h ^ int.from_bytes(b[i:i + 8], "little")) * 0x9e3779b97f4a7c15) & m
        h ^= h >> 29
        i += 8
    x = h ^ int.from_bytes(b[i:], "little")
    x ^= x >> 33
    x = (x * 0xff51afd7ed558ccd) & m
    x ^= x >> 33
    x = (x * 0xc4ceb9fe1a85ec53) & m
    x ^= x >> 33
    return x


def first_hash_slots(keys):
    """An open-addressing table (linear probing, at most a quarter full) of
    the sorted first-word keys: a slot holds the entry's index + 1 in its low
    16 bits and the top 16 bits of the key's hash above them (a probe rejects
    another key without reading its entry); 0 = empty."""
    if len(keys) >= 0xFFFF:
        sys.exit("gen_facts: too many first words for 16-bit slots")
    size = 1
    while size < 4 * len(keys):
        size *= 2
    slots = [0] * size
    for i, k in enumerate(keys):
        hk = hash64(k)
        h = hk & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = (i + 1) | ((hk >> 48) << 16)
    return slots


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Table:
    def __init__(self, name, bit):
        self.name, self.entries, self.bit = name, {}, bit

    def add(self, path, no, key, value="0", a="0", b="0"):
        if not key:
            sys.exit(f"{path}:{no}: empty key")
        if key in self.entries and self.entries[key] != (value, a, b):
            sys.exit(f"{path}:{no}: '{key}' listed twice with different values")
        self.entries[key] = (value, a, b)

    def emit(self, fh):
        keys = sorted(self.entries, key=lambda k: k.encode())
        nmax = max((k.count(" ") + 1 for k in keys), default=1)
        fh.write(f"static const marsad_lexent a_{self.name}[] = {{\n")
        for k in keys:
            v, a, b = self.entries[k]
            fh.write(f"  {{{c_str(k)}, {len(k.encode())}, {k.count(' ') + 1}, {v}LL, {a}, {b}}},\n")
        fh.write("};\n")
        # the first words of the entries, each with the most words of an entry it
        # starts and the set of those entries' word counts (bit n: n words)
        first, lengths = {}, {}
        for k in keys:
            w, n = k.split(" ")[0], k.count(" ") + 1
            if n > 62:
                sys.exit(f"gen_facts: {self.name}: an entry of more than 62 words")
            first[w] = max(first.get(w, 0), n)
            lengths[w] = lengths.get(w, 0) | (1 << n)
        fkeys = sorted(first, key=lambda k: k.encode())
        fh.write(f"static const marsad_lexent a_{self.name}_first[] = {{\n")
        for w in fkeys:
            fh.write(f"  {{{c_str(w)}, {len(w.encode())}, {first[w]}, {lengths[w]}LL, 0, 0}},\n")
        fh.write("};\n")
        fh.write(f"const marsad_lexicon marsad_lex_{self.name} = {{a_{self.name}, {len(keys)}, {nmax},"
                 f" a_{self.name}_first, {len(fkeys)}, {self.bit}}};\n\n")

    def first_words(self):
        words = {k.split(" ")[0] for k in self.entries}
        for w in words:
            if w.endswith("*"):
                sys.exit(f"gen_facts: {self.name}: a first word may not be a prefix ({w})")
        return words


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_facts.py DATA_DIR OUT.c")
    data, out = sys.argv[1], sys.argv[2]
    key = make_folder(data)
    tables = []

    def table(name):
        t = Table(name, len(tables))
        tables.append(t)
        return t

    def src(name):
        return os.path.join(data, name)

    t = table("months")
    p = src("facts_months.tsv")
    for no, (w, m, cal, flag) in rows(p, 4, 1):
        t.add(p, no, key(w), m, enum(p, no, "calendar", cal), enum(p, no, "flag", flag))
    t = table("weekdays")
    p = src("facts_weekdays.tsv")
    for no, (w, d) in rows(p, 2):
        t.add(p, no, key(w), d)
    t = table("relative")
    p = src("facts_relative.tsv")
    for no, (w, off, unit) in rows(p, 3):
        t.add(p, no, key(w), off, enum(p, no, "unit", unit))
    t = table("direction")
    p = src("facts_direction.tsv")
    for no, (w, d) in rows(p, 2):
        t.add(p, no, key(w), d)
    t = table("numbers")
    p = src("facts_numbers.tsv")
    for no, (w, v, kind) in rows(p, 3):
        t.add(p, no, key(w), v, enum(p, no, "numkind", kind))
    hb, ha = table("hedges_before"), table("hedges_after")
    p = src("facts_hedges.tsv")
    for no, (w, approx, where) in rows(p, 3):
        (hb if enum(p, no, "where", where) == "MARSAD_WHERE_BEFORE" else ha).add(
            p, no, key(w), "0", enum(p, no, "approx", approx))
    t = table("counts")
    p = src("facts_counts.tsv")
    for no, (w, counts, role) in rows(p, 3):
        t.add(p, no, key(w), "0", enum(p, no, "counts", counts), enum(p, no, "role", role))
    after, before = table("units_after"), table("units_before")
    p = src("facts_units.tsv")
    for no, (w, what, where) in rows(p, 3):
        (after if where == "after" else before).add(p, no, key(w), "0", enum(p, no, "unitkind", what),
                                                     enum(p, no, "where", where))
    t = table("totals")
    p = src("facts_total.tsv")
    for no, (w,) in rows(p, 1):
        t.add(p, no, key(w))
    t = table("cues")
    p = src("facts_cues.tsv")
    lemmas = []
    for no, (lemma, stance, cls, forms, comp) in rows(p, 5, 1):
        lemmas.append(lemma)
        if comp not in ("", "ب"):
            sys.exit(f"{p}:{no}: the fifth column is ب or empty")
        for f in forms.split():
            flags = enum(p, no, "cueclass", cls)
            if f.endswith("+"):
                f, flags = f[:-1], flags + "|MARSAD_CUE_OBJECT"
            if f.endswith("~"):
                f, flags = f[:-1], flags + "|MARSAD_CUE_MANNER"
            if comp:
                flags += "|MARSAD_CUE_TAKES_B"
            t.add(p, no, key(f), str(len(lemmas) - 1), enum(p, no, "stance", stance), flags)
    lead, lead_alone = table("date_leads"), table("date_leads_alone")
    p = src("facts_date_leads.tsv")
    for no, (w, where) in rows(p, 2):
        if where not in ("alone", "clitics"):
            sys.exit(f"{p}:{no}: the second column is alone or clitics")
        (lead_alone if where == "alone" else lead).add(p, no, key(w))
    t = table("markers")
    p = src("facts_markers.tsv")
    for no, (w, stance) in rows(p, 2):
        t.add(p, no, key(w), "0", enum(p, no, "stance", stance))
    t = table("sources")
    p = src("facts_sources.tsv")
    for no, (w,) in rows(p, 1):
        t.add(p, no, key(w))
    t = table("function")
    p = src("facts_function.tsv")
    for no, (w, cls) in rows(p, 2):
        t.add(p, no, key(w), "0", enum(p, no, "fclass", cls))

    if len(tables) > 29:
        sys.exit("gen_facts: more than 29 tables: their bits and the words' kind bits"
                 " (words.h, MARSAD_WORD_LISTS) share 32")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("/* Generated by tools/gen_facts.py from data/facts_*.tsv: do not edit. */\n")
        fh.write('#include "lexicon.h"\n\n')
        for t in tables:
            t.emit(fh)
        # every first word of every table, with the tables it starts an entry of
        allfirst = {}
        for t in tables:
            for w in t.first_words():
                allfirst[w] = allfirst.get(w, 0) | (1 << t.bit)
        fkeys = sorted(allfirst, key=lambda k: k.encode())
        fh.write("static const marsad_lexent a_first_all[] = {\n")
        for w in fkeys:
            fh.write(f"  {{{c_str(w)}, {len(w.encode())}, 1, {allfirst[w]}LL, 0, 0}},\n")
        fh.write("};\n")
        fh.write(f"const marsad_lexicon marsad_lex_first_all = {{a_first_all, {len(fkeys)}, 1, a_first_all, {len(fkeys)}, -1}};\n\n")
        slots = first_hash_slots([w.encode() for w in fkeys])
        fh.write("const uint32_t marsad_lex_first_slots[] = {\n")
        for i in range(0, len(slots), 16):
            fh.write("  " + ", ".join(f"{v}u" for v in slots[i:i + 16]) + ",\n")
        fh.write("};\n")
        fh.write(f"const unsigned marsad_lex_first_mask = {len(slots) - 1}u;\n\n")
        fh.write("const char *const marsad_cue_lemmas[] = {\n")
        fh.write("".join(f"  {c_str(l)},\n" for l in lemmas))
        fh.write("};\n")
        fh.write(f"const int marsad_cue_nlemmas = {len(lemmas)};\n")


if __name__ == "__main__":
    main()
