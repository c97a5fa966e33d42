#!/usr/bin/env python3
"""Generates the entity recogniser's gazetteer (build/gen/gazetteer.c).

Usage: gen_gazetteer.py DATA_DIR OUT.c

Sources, in order of precedence when two of them claim the same key:
  1. data/entities_*.tsv: the project's reviewed lists of people,
     organisations and places (id, kind, English name, Arabic spellings,
     optional adjectives), and data/ner_*.tsv: word classes (titles,
     organisation heads, given names, stop words ...).
  2. iso-codes (Debian package iso-codes): Arabic country names from the
     translation catalog iso_3166-1.mo, keyed by the ISO alpha-2 code, with
     adjective (nisba) forms derived from them.
  3. GeoNames city names (Debian package libgeonames-common): the Arabic
     catalog geonames.mo, whose message ids are GeoNames ids; the English
     catalog gives the English name. The catalog's first-order divisions
     (ids "US.TX") are read for the states of the US alone (تكساس،
     فلوريدا): those of other countries include words of the dictionary
     (الشمالية، مركزي، جوهر، قدح) and names of clubs (القادسية).
The system catalogs are read where Debian installs them; when absent the
gazetteer is built from data/ alone (and says so in its header).

Keys are normalized the way src/norm.c does (hamza carriers, alef forms,
ya/alef maqsura, ta marbuta folded; harakat and tatweel dropped), words are
split at every non-letter, joined by one space, and the definite article of
the first word is removed (src/ner.c removes it, with clitics, before each
lookup). The output is an open-addressing hash table (FNV-1a) over the keys.
"""
import gettext, json, os, re, sys, unicodedata

from tsvdata import data_rows

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALE = "/usr/share/locale"

KIND = {"person": 1, "place": 2, "org": 3, "other": 4}
# Class bits; keep in step with src/gaz.h.
F = {"adj": 0x001, "prefix": 0x002, "title": 0x004, "office": 0x008,
     "orghead": 0x010, "orgadj": 0x020, "placehead": 0x040,
     "particle": 0x080, "given": 0x100, "stop": 0x200, "common": 0x400,
     "adjart": 0x800, "artreq": 0x1000, "currency": 0x2000, "titleart": 0x4000,
     "curated": 0x8000, "construct": 0x20000,
     "namehead": 0x40000, "lead": 0x80000, "artno": 0x100000, "home": 0x200000,
     "generic": 0x400000}
ADMIN = {"محافظه", "مقاطعه", "اقليم", "ولايه", "منطقه", "مدينه", "جزيره", "مقاطعة"}

FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
        "ئ": "ي", "ک": "ك", "ی": "ي",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6",
        "٧": "7", "٨": "8", "٩": "9"}


def fold_char(c):
    """The key folding of one character ('' when it is dropped)."""
    o = ord(c)
    if 0x064B <= o <= 0x065F or o in (0x0670, 0x0640) or 0x0610 <= o <= 0x061A:
        return ""
    if 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o == 0xFEFF:
        return ""
    return FOLD.get(c, c.lower())


def words(text):
    """The normalized words of text, split at every non-letter/digit."""
    text = unicodedata.normalize("NFKC", text)
    folded = "".join(fold_char(c) for c in text)
    return [w for w in re.split(r"[^\w]+|_", folded) if w]


def strip_article(w):
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def key_of(text):
    """The lookup key of a name: normalized words, the article of the first
    word removed (an article is a bare alef and lam: أل of ألمانيا stays)."""
    ws = words(text)
    if not ws:
        return ""
    if unicodedata.normalize("NFKC", text).lstrip().startswith("ال"):
        ws[0] = strip_article(ws[0])
    return " ".join(ws)


def article_flag(text):
    """ARTREQ for a one-word name written with the article: the bare word
    (رقة for الرقة, رياض for الرياض) is too often a common word or a
    given name to mean the place."""
    t = unicodedata.normalize("NFKC", text).strip()
    return F["artreq"] if t.startswith("ال") and len(words(t)) == 1 else 0


def adjective_forms(adj):
    """Masculine singular nisba (روسي) -> its inflected forms; other words
    (broken plurals such as أتراك) are kept as they are."""
    ws = words(adj)
    if not ws or not all(w.endswith("ي") for w in ws):
        return [" ".join(ws)] if ws else []
    out = []
    for end in ("ي", "يه", "يون", "يين", "يان", "يات", "يتين", "يتان"):
        out.append(" ".join(w[:-1] + end for w in ws))
    return out


def derive_adjective(name):
    """The nisba of a one-word Arabic country name (روسيا -> روسي,
    أرمينيا -> أرميني, مصر -> مصري), or None when none is derived safely."""
    ws = words(name)
    if len(ws) != 1:
        return None
    w = ws[0]
    if unicodedata.normalize("NFKC", name).lstrip().startswith("ال"):
        w = strip_article(w)
    for suf in ("يا", "ا", "ه"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if len(w) < 3:
        return None
    return w + "ي"


class Gaz:
    def __init__(self):
        self.entities = []       # [id, kind, name, label]
        self.index = {}          # id -> entity index
        self.keys = {}           # key -> [entity, flags, tier]
        self.written = {}        # one-word key -> {(entity, listed with the article): tier}

    def entity(self, eid, kind, name, label):
        # a display name without harakat or direction marks (النّمسا, حفر الباطن\u200e)
        label = "".join(c for c in label if fold_char(c) != "").strip()
        if eid in self.index:
            e = self.entities[self.index[eid]]
            if not e[3]:
                e[3] = label
            return self.index[eid]
        self.index[eid] = len(self.entities)
        self.entities.append([eid, KIND[kind], name, label, ""])
        return self.index[eid]

    def add_key(self, key, ent, flags, tier):
        """Adds a key: a word class (ent < 0) adds its bits; a name keeps
        the entity of the best tier (the first of equals) and its adj bit."""
        if not key:
            return
        if ent >= 0 and " " not in key and not flags & F["adj"]:
            self.written.setdefault(key, {}).setdefault((ent, bool(flags & F["artreq"])), tier)
        cur = self.keys.setdefault(key, [-1, 0, 99])
        if ent < 0:
            cur[1] |= flags
        elif cur[0] < 0 or tier < cur[2]:
            cur[0], cur[2] = ent, tier
            cur[1] = (cur[1] & ~(F["adj"] | F["artreq"])) | (flags & (F["adj"] | F["artreq"]))
        elif cur[0] == ent and (cur[1] ^ flags) & F["adj"]:
            # both the name and one of its adjectives (سورية / السورية)
            cur[1] = (cur[1] & ~(F["adj"] | F["artreq"])) | F["adjart"]
        elif cur[0] == ent and not flags & F["artreq"]:
            cur[1] &= ~F["artreq"]      # also named without the article

    def usable(self, key, tier):
        """A key from a generated source (tier > 1) is dropped when it is a
        single short word or a word of a class (stop word, title, given
        name ...): such words are too common to mean the place."""
        ws = key.split(" ")
        if tier == 1:
            return True
        if len(ws) == 1 and len(ws[0]) < 4:
            return False
        k = self.keys.get(key)
        if k and k[0] < 0 and k[1] & ~F["prefix"]:
            return False
        return not (len(ws) == 1 and not re.search(r"[\u0621-\u064a]", ws[0]))


def article_free(gaz):
    """ARTNO for a one-word name of a person or of a place that is no
    country, listed only without the article: read with it, the word is
    another (جنين, Jenin; الجنين, the fetus: صفوى, الصفوي; كاميرون, Cameron;
    الكاميرون, Cameroon). Not for a person's name ending in ي, a relative
    adjective that takes the article (بارزاني، البارزاني), nor for a
    country (the article reading of تشيلي is its adjective). Another
    entity that the lists name with the article on that key (the country
    الكاميرون) gets the word with its article as a key of its own, which
    the recogniser reads as the word is written."""
    for key, seen in list(gaz.written.items()):
        ent, flags, tier = gaz.keys[key]
        if ent < 0 or flags & (F["adj"] | F["adjart"]):
            continue
        eid, kind = gaz.entities[ent][0], gaz.entities[ent][1]
        if re.fullmatch(r"[A-Z]{2}", eid) or (ent, True) in seen:
            continue
        if kind == KIND["person"] and key.endswith("ي"):
            continue
        if kind not in (KIND["person"], KIND["place"]):
            continue
        gaz.keys[key][1] |= F["artno"]
        for (other, art), other_tier in sorted(seen.items()):
            full = "ال" + key
            if art and other != ent and full not in gaz.keys:
                gaz.add_key(full, other, 0, other_tier)


def load_words(gaz, data):
    """Word classes; a one-word title listed only with the article (السلطان,
    not سلطان) gets TITLEART: a title only when written with it."""
    art_only = {}
    for f in sorted(os.listdir(data)):
        if not (f.startswith("ner_") and f.endswith(".tsv")):
            continue
        for n, cols in data_rows(os.path.join(data, f)):
            if len(cols) != 2 or cols[0] not in F:
                sys.exit(f"gen_gazetteer: {f}:{n}: expected 'class<TAB>word'")
            k = key_of(cols[1])
            gaz.add_key(k, -1, F[cols[0]], 1)
            if cols[0] == "title" and " " not in k:
                art_only[k] = art_only.get(k, True) and bool(article_flag(cols[1]))
    for k, only in art_only.items():
        if only:
            gaz.add_key(k, -1, F["titleart"], 1)


def home(gaz, ent, code, name, where):
    """A person's country (column 5 of a person: an ISO code): his family
    name alone (the last word of his name, المالكي), which many others
    bear, names him only in an article that names that country (HOME)."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        sys.exit(f"gen_gazetteer: {where}: a person's fifth column is a country code")
    gaz.entities[ent][4] = code
    k = key_of(name.split()[-1])
    if k not in gaz.keys or gaz.keys[k][0] < 0:
        gaz.keys.setdefault(k, [-1, 0, 99])
        gaz.keys[k][0], gaz.keys[k][2] = ent, 1
        gaz.keys[k][1] |= F["home"]


def load_entities(gaz, data):
    """Reads data/entities_*.tsv; returns {iso code: adjectives given}."""
    adjs = {}
    for f in sorted(os.listdir(data)):
        if not (f.startswith("entities_") and f.endswith(".tsv")):
            continue
        for n, cols in data_rows(os.path.join(data, f)):
            if len(cols) not in (4, 5) or cols[1] not in KIND:
                sys.exit(f"gen_gazetteer: {f}:{n}: expected id, kind, name, spellings[, adjectives]")
            spellings = [s.strip() for s in cols[3].split("|") if s.strip()]
            ent = gaz.entity(cols[0], cols[1], cols[2], spellings[0])
            for s in spellings:
                gaz.add_key(key_of(s), ent, article_flag(s), 1)
            if cols[1] == "person" and len(cols) == 5 and cols[4].strip():
                home(gaz, ent, cols[4].strip(), spellings[0], f"{f}:{n}")
            elif len(cols) == 5 and cols[4].strip():
                adjs[cols[0]] = True
                for a in cols[4].split("|"):
                    for form in adjective_forms(a):
                        gaz.add_key(form, ent, F["adj"], 1)
    return adjs


def catalog(path):
    try:
        with open(path, "rb") as fh:
            return gettext.GNUTranslations(fh)._catalog
    except OSError:
        return None


def load_countries(gaz, adjs):
    cat = catalog(os.path.join(LOCALE, "ar/LC_MESSAGES/iso_3166-1.mo"))
    try:
        with open(ISO_JSON, encoding="utf-8") as fh:
            countries = json.load(fh)["3166-1"]
    except OSError:
        return "iso-codes absent"
    if cat is None:
        return "iso-codes Arabic catalog absent"
    n = 0
    for c in countries:
        names = [cat[c[f]] for f in ("common_name", "name", "official_name")
                 if f in c and c[f] in cat]
        if not names:
            continue
        arabic = []
        for s in names:
            s = s.split("،")[0]
            arabic += [p.strip(" )") for p in s.split("(") if p.strip(" )")]
        ent = gaz.entity(c["alpha_2"], "place", c.get("common_name", c["name"]), arabic[0])
        for s in arabic:
            k = key_of(s)
            if gaz.usable(k, 2):
                gaz.add_key(k, ent, article_flag(s), 2)
        if c["alpha_2"] not in adjs:
            adj = derive_adjective(arabic[0])
            if adj:
                for form in adjective_forms(adj):
                    k = form
                    if gaz.usable(k, 2):
                        gaz.add_key(k, ent, F["adj"], 2)
        n += 1
    return f"iso-codes: {n} countries"


def load_cities(gaz):
    ar = catalog(os.path.join(LOCALE, "ar/LC_MESSAGES/geonames.mo"))
    if ar is None:
        return "libgeonames catalog absent"
    en = catalog(os.path.join(LOCALE, "en/LC_MESSAGES/geonames.mo")) or {}
    n = 0
    states = sorted(k for k in ar if re.fullmatch(r"US\.[A-Z]{2}", k))
    for gid in sorted((k for k in ar if k.isdigit()), key=int) + states:
        name = ar[gid].split("،")[0].strip()
        if not re.search(r"[\u0621-\u064a]", name):
            continue
        variants = [name]
        ws = words(name)
        if len(ws) > 1 and ws[0] in ADMIN:
            variants.append(" ".join(ws[1:]))
        keys = [(key_of(v), article_flag(v)) for v in variants
                if not (key_of(v).startswith("ال") and not
                        unicodedata.normalize("NFKC", v).startswith("ال"))]
        keys = [(k, f) for k, f in keys if gaz.usable(k, 3)]
        keys = [(k, f) for k, f in keys if k not in gaz.keys or gaz.keys[k][0] < 0]
        if not keys:
            continue
        ent = gaz.entity("geo:" + gid, "place", en.get(gid, name), name)
        for k, f in keys:
            gaz.add_key(k, ent, f, 3)
        n += 1
    return f"GeoNames: {n} places (with the states of the US)"


def add_prefixes(gaz):
    for key in list(gaz.keys):
        ws = key.split(" ")
        for i in range(1, len(ws)):
            gaz.add_key(" ".join(ws[:i]), -1, F["prefix"], 9)


def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h = ((h ^ x) * 0x01000193) & 0xFFFFFFFF
    return h


FILTER_BITS = 18        # bits of the presence filter (gaz.h MARSAD_GAZ_FILTER_BITS)


def filter_bit(full):
    """The bit of a key's full hash in the presence filter, as gaz.c
    computes it."""
    return ((full * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - FILTER_BITS)


def c_str(s):
    out = []
    for b in s.encode("utf-8"):
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C, 0x3F):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def write(gaz, out, notes):
    keys = sorted(gaz.keys)
    size = 1
    while size < 2 * len(keys):
        size *= 2
    slots = [(-1, 0)] * size
    bits = [0] * ((1 << FILTER_BITS) // 64)
    for i, k in enumerate(keys):
        full = fnv1a(k.encode("utf-8"))
        b = filter_bit(full)
        bits[b >> 6] |= 1 << (b & 63)
        h = full & (size - 1)
        while slots[h][0] >= 0:
            h = (h + 1) & (size - 1)
        slots[h] = (i, full)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("/* Generated by tools/gen_gazetteer.py from data/entities_*.tsv,\n"
                 "** data/ner_*.tsv and Debian's catalogs: do not edit.\n")
        for n in notes:
            fh.write(f"** {n}\n")
        fh.write("*/\n#include \"gaz.h\"\n\n")
        fh.write("const marsad_gaz_entity marsad_gaz_entities[] = {\n")
        for e in gaz.entities:
            fh.write(f"  {{{c_str(e[0])}, {c_str(e[2])}, {c_str(e[3])}, {e[1]}, {c_str(e[4])}}},\n")
        fh.write("};\n")
        fh.write(f"const int marsad_gaz_nentities = {len(gaz.entities)};\n\n")
        fh.write("const marsad_gaz_key marsad_gaz_keys[] = {\n")
        for k in keys:
            ent, flags, tier = gaz.keys[k]
            if ent >= 0 and tier == 1:
                flags |= F["curated"]
            fh.write(f"  {{{c_str(k)}, {len(k.encode('utf-8'))}, {ent}, {flags}}},\n")
        fh.write("};\n")
        fh.write(f"const int marsad_gaz_nkeys = {len(keys)};\n\n")
        fh.write(f"const unsigned marsad_gaz_mask = {size - 1}u;\n")
        fh.write("const marsad_gaz_slot marsad_gaz_slots[] = {\n")
        for i in range(0, size, 8):
            fh.write("  " + ",".join("{%d,%uu}" % s for s in slots[i:i + 8]) + ",\n")
        fh.write("};\n")
        fh.write("const uint64_t marsad_gaz_filter[] = {\n")
        for i in range(0, len(bits), 4):
            fh.write("  " + ",".join("0x%016xull" % w for w in bits[i:i + 4]) + ",\n")
        fh.write("};\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_gazetteer.py DATA_DIR OUT.c")
    data, out = sys.argv[1], sys.argv[2]
    gaz = Gaz()
    load_words(gaz, data)
    adjs = load_entities(gaz, data)
    notes = [load_countries(gaz, adjs), load_cities(gaz)]
    article_free(gaz)
    add_prefixes(gaz)
    notes.append(f"{len(gaz.entities)} entities, {len(gaz.keys)} keys")
    write(gaz, out, notes)


if __name__ == "__main__":
    main()
