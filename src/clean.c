/*
** clean.c: from a reader's article text to the stored body (see clean.h).
**
** The text is put in NFC and split into lines. Each line is classed by its
** shape: prose (a sentence or more), an interface phrase (data/chrome.tsv),
** a UI label (lone symbols, link lists, Latin labels in Arabic text), a
** dateline, or a short line. Site chrome gathers before the article's first
** prose line and after its last, so there every line that is not prose (or a
** dateline) is dropped; in between only interface elements are. A heading
** such as "related articles" ends the article. Lines repeated across many
** articles of one outlet are dropped wherever they are. A share row a
** scraper glued to the start of a line ("شارك من خلال تويتر فيسبوك ...",
** data/share_words.tsv) is cut off it, as is a link row glued after a
** line's last sentence ("... . رابط الخبر بصحيفة X: العنوان", the tail
** phrases of data/chrome.tsv). Kept lines become paragraphs
** separated by blank lines, Unicode spaces read as spaces; dropped lines
** are listed apart.
*/
#define _GNU_SOURCE   /* memmem */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "bytes16.h"
#include "clean.h"
#include "fold.h"
#include "norm.h"
#include "utf8.h"

/* What the cleaner knows of one line. */
typedef struct clean_line {
  size_t iStart, iEnd;   /* trimmed span in the NFC text */
  size_t iRow;           /* start of a share row cut off the line's start
                         ** (iStart when none): [iRow, iStart) is dropped */
  size_t iTail;          /* end of a link row cut off the line's end (iEnd
                         ** when none): [iEnd, iTail) is dropped */
  int nWord;             /* white-space separated words */
  int bProse;            /* a sentence or more of running text */
  int bDateline;         /* a short line holding digits (a date, a place-date) */
  int eChrome;           /* MARSAD_CHROME_* for an interface phrase, else 0 */
  int bUiShape;          /* lone symbols, a link list, a Latin UI label */
  int bPlain;            /* copied into the body as it is (is_plain_line) */
  int bRepeated;         /* seen in many earlier articles of the outlet */
  int bDrop;             /* decision */
  uint64_t hKey;         /* hash of the line's whole key */
} clean_line;

uint64_t marsad_clean_line_hash(const char *pKey, size_t nKey){
  return XXH3_64bits(pKey, nKey);
}

/* True when cp is a space separator beyond ASCII (Unicode category Zs:
** no-break space U+00A0, U+2000..U+200A, U+202F, U+3000 ...). */
static int is_unicode_space(uint32_t cp){
  /* no Unicode version has a Zs between U+00A1 and U+167F (Arabic among
  ** them): those are answered without the category lookup */
  if( cp<0xA0 || (cp>0xA0 && cp<0x1680) ) return 0;
  return utf8proc_category((utf8proc_int32_t)cp)==UTF8PROC_CATEGORY_ZS;
}

/* The length in bytes of the Unicode space separator at p[0..n), 0 when p
** starts none (or starts ASCII). */
static size_t unicode_space_len(const char *p, size_t n){
  if( n==0 ) return 0;
  unsigned char b = (unsigned char)p[0];
  /* ASCII, not a lead byte, or the lead byte of U+00C0..U+0FFF (Arabic
  ** among them), where is_unicode_space answers no */
  if( b<0xC2 || (b>0xC2 && b<0xE1) ) return 0;
  size_t len; int bBad;
  uint32_t cp = marsad_utf8_next((const unsigned char*)p, n, &len, &bBad);
  return !bBad && is_unicode_space(cp) ? len : 0;
}

/* Counts white-space separated words of p[0..n) (Unicode spaces count as
** white space). */
static int count_words(const char *p, size_t n){
  int nWord = 0, bIn = 0;
  for(size_t i=0; i<n; i++){
    size_t nSpace = unicode_space_len(p+i, n-i);
    int bSpace = (p[i]==' ' || p[i]=='\t' || nSpace>0);
    if( nSpace ) i += nSpace-1;
    if( !bSpace && !bIn ) nWord++;
    bIn = !bSpace;
  }
  return nWord;
}

/* The last code point of p[0..n) once closing quotes and brackets (and
** Unicode spaces) are skipped, or 0. */
static uint32_t last_significant(const char *p, size_t n){
  static const uint32_t aClose[] = { '"', '\'', ')', ']', 0x201D, 0x2019, 0xBB, 0x201C };
  while( n>0 ){
    size_t i = n-1;
    while( i>0 && ((unsigned char)p[i] & 0xC0)==0x80 ) i--;
    size_t len; int bBad;
    uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
    int bClose = is_unicode_space(cp);
    for(size_t k=0; k<sizeof aClose/sizeof aClose[0]; k++) bClose |= (cp==aClose[k]);
    if( !bClose ) return cp;
    n = i;
  }
  return 0;
}

/* True when the line ends like a sentence. */
static int ends_sentence(const char *p, size_t n){
  uint32_t cp = last_significant(p, n);
  return cp=='.' || cp=='!' || cp=='?' || cp==0x061F || cp==0x2026 || cp==':'
      || cp==0x06D4;
}

/* True when cp is an Arabic presentation form (U+FB50..U+FDFF,
** U+FE70..U+FEFE): a letter in one of its shapes, or a ligature. */
static int is_presentation_form(uint32_t cp){
  return (cp>=0xFB50 && cp<=0xFDFF) || (cp>=0xFE70 && cp<=0xFEFE);
}

/* Scans the line's characters: letters, digits, Arabic letters, its words
** (as count_words counts them), whether it starts with a lower-case Latin
** word, and whether it holds none of the characters append_line rewrites
** (is_plain_line's test but for the line's ends). */
typedef struct line_chars {
  int nLetter, nArabic, nDigit, nSep;
  int nWord;
  int bLatinStart;
  int bPlainChars;       /* no space twice, Unicode space or presentation form */
} line_chars;

/* The end of the run of characters of U+0621..U+064A (letters of the
** Arabic block, tatweel) that starts at p[i]: *pnRun of them, *pnArabic
** of which marsad_fold_is_letter counts. In a loop without calls. */
static inline size_t arabic_letter_run(const char *p, size_t n, size_t i,
                                       int *pnRun, int *pnArabic){
  const unsigned char *a = (const unsigned char*)p;
  size_t i0 = i;
  int nArabic = 0;
  while( i+1<n ){
    unsigned b = a[i], c = a[i+1];
    uint32_t cp = ((b&0x1Fu)<<6) | (c&0x3Fu);
    if( b-0xD8u>1u || (c&0xC0)!=0x80 || cp-0x0621u>0x064Au-0x0621u ) break;
    nArabic += marsad_fold_is_letter(cp);
    i += 2;
  }
  *pnRun = (int)((i-i0)/2);
  *pnArabic = nArabic;
  return i;
}

/* Per-lane counts of scan16, in bytes: summed into a line_chars every 127
** blocks (scan_flush), before a lane can overflow (lane 0 of vWord may
** grow by two a block). */
typedef struct scan_acc {
  marsad_v16 vPair;      /* characters of U+0621..U+064A */
  marsad_v16 vTatweel;   /* of which tatweel U+0640 */
  marsad_v16 vLatin;     /* ASCII letters */
  marsad_v16 vDigit;     /* ASCII digits */
  marsad_v16 vSep;       /* '|' */
  marsad_v16 vWord;      /* word starts */
  int nBlock;            /* blocks added since the last flush */
} scan_acc;

/* Adds the counts of *pA to *pC and clears them. U+0621..U+064A are all
** letters for marsad_fold_is_letter but tatweel (test_clean checks it). */
static void scan_flush(scan_acc *pA, line_chars *pC){
  int nPair = 0, nTatweel = 0;
  for(int k=0; k<16; k++){
    nPair += pA->vPair[k];
    nTatweel += pA->vTatweel[k];
    pC->nLetter += pA->vLatin[k];
    pC->nDigit += pA->vDigit[k];
    pC->nSep += pA->vSep[k];
    pC->nWord += pA->vWord[k];
  }
  pC->nLetter += nPair;
  pC->nArabic += nPair - nTatweel;
  memset(pA, 0, sizeof *pA);
}

/* scan_chars' counts of the characters starting at a[0] (a character's
** start; a[16] must be readable) when the sixteen bytes a[0..16) are ASCII
** and characters of U+0621..U+064A whole (one at a[15] ends at a[16]), as
** scan_chars' byte loop counts them; they are added to *pA
** (*pbIn: the character before a[0] was no space, updated;
** *pbPlain cleared by a space twice). Returns the bytes passed, 16 or 17,
** or 0 (nothing added) when the block is of other characters. */
static inline size_t scan16(const unsigned char *a, scan_acc *pA, int *pbIn,
                            int *pbPlain){
  marsad_v16 v, w;                  /* w: each byte's next byte */
  marsad_v16_load_pair(a, &v, &w);
  marsad_m16 mCont = (v & 0xC0)==0x80, mContNext = (w & 0xC0)==0x80;
  marsad_m16 mPair = ((v==0xD8) & (w>=0xA1) & (w<=0xBF))      /* U+0621..U+063F */
                   | ((v==0xD9) & mContNext & (w<=0x8A));     /* U+0640..U+064A */
  marsad_m16 mBad = ((v>=0x80) & ~mPair & ~mCont) | (mContNext & ~mPair);
  if( marsad_m16_any(mBad) || mCont[0] ) return 0;
  marsad_m16 mSpace = (v==' ') | (v=='\t'), mSpaceNext = (w==' ') | (w=='\t');
  marsad_m16 mTwice = (v==' ') & (w==' ');
  if( marsad_m16_any(mTwice) ) *pbPlain = 0;
  /* a word starts at a[k+1] after a space at a[k] (k<15), and at a[0] */
  static const marsad_m16 mFirst15 = {-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,0};
  marsad_m16 mWord = mSpace & ~mSpaceNext & ~mContNext & mFirst15;
  marsad_v16 vLow = (marsad_v16)(v|0x20);
  pA->vPair -= (marsad_v16)mPair;
  pA->vTatweel -= (marsad_v16)((v==0xD9) & (w==0x80));
  pA->vLatin -= (marsad_v16)((vLow>='a') & (vLow<='z'));
  pA->vDigit -= (marsad_v16)((v>='0') & (v<='9'));
  pA->vSep -= (marsad_v16)(v=='|');
  pA->vWord -= (marsad_v16)mWord;
  pA->vWord[0] += !mSpace[0] && !*pbIn;
  pA->nBlock++;
  *pbIn = mPair[15] || !mSpace[15];
  return 16 + (mPair[15]!=0);
}

static void scan_chars(const char *p, size_t n, line_chars *pC){
  memset(pC, 0, sizeof *pC);
  pC->bLatinStart = (n>0 && p[0]>='a' && p[0]<='z');
  pC->bPlainChars = 1;
  size_t i = 0, nStep;
  int bIn = 0;
  scan_acc acc;
  memset(&acc, 0, sizeof acc);
  while( i<n ){
    if( n-i>16 && (nStep = scan16((const unsigned char*)p+i, &acc, &bIn, &pC->bPlainChars))>0 ){
      i += nStep;
      if( acc.nBlock==127 ) scan_flush(&acc, pC);
      continue;
    }
    size_t iEnd = n-i>16 ? i+16 : n;   /* the next sixteen bytes one by one */
    while( i<iEnd ){
      int nRun, nArabic;
      size_t j = arabic_letter_run(p, n, i, &nRun, &nArabic);
      if( j>i ){   /* Arabic letters: the usual case */
        pC->nWord += !bIn;
        bIn = 1;
        pC->nLetter += nRun;
        pC->nArabic += nArabic;
        i = j;
        if( i>=n ) break;
      }
      size_t len; int bBad;
      uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
      i += len;
      int bUnicodeSpace = !bBad && is_unicode_space(cp);
      int bSpace = cp==' ' || cp=='\t' || bUnicodeSpace;
      if( bUnicodeSpace || (cp==' ' && i<n && p[i]==' ') || (!bBad && is_presentation_form(cp)) ){
        pC->bPlainChars = 0;
      }
      pC->nWord += !bSpace && !bIn;
      bIn = !bSpace;
      utf8proc_category_t cat;
      if( cp<0x80 ){                                               /* ASCII, without the lookup */
        cat = ((cp|0x20)>='a' && (cp|0x20)<='z') ? UTF8PROC_CATEGORY_LL
            : (cp>='0' && cp<='9') ? UTF8PROC_CATEGORY_ND : UTF8PROC_CATEGORY_PO;
      }else cat = utf8proc_category((utf8proc_int32_t)cp);
      if( cat>=UTF8PROC_CATEGORY_LU && cat<=UTF8PROC_CATEGORY_LO ){
        pC->nLetter++;
        if( marsad_fold_is_letter(cp) ) pC->nArabic++;
      }else if( cat==UTF8PROC_CATEGORY_ND ){
        pC->nDigit++;
      }else if( cp=='|' || cp==0x2022 || cp==0xB7 || cp==0xBB || cp==0x203A ){
        pC->nSep++;
      }
    }
  }
  scan_flush(&acc, pC);
}

/* Orders key a[0..na) against key b[0..nb) as the generated tables are
** sorted: bytewise, a prefix first. */
static int key_cmp(const char *a, size_t na, const char *b, size_t nb){
  int c = memcmp(a, b, na<nb ? na : nb);
  return c ? c : (na>nb) - (na<nb);
}

/* Looks the key up among the interface phrases: an exact match, or the line
** beginning with a phrase and adding at most two words (or, after a colon,
** the title of a linked article). */
static int chrome_class(const char *pKey, size_t nKey, int nWord){
  int lo = 0, hi = marsad_chrome_nphrases-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    const marsad_chrome_phrase *pP = &marsad_chrome_phrases[mid];
    int c = key_cmp(pKey, nKey, pP->zKey, (size_t)pP->nKey);
    if( c==0 ) return pP->eClass==MARSAD_CHROME_TAIL ? MARSAD_CHROME_LINE : pP->eClass;
    if( c<0 ) hi = mid-1; else lo = mid+1;
  }
  for(int i=0; i<marsad_chrome_nphrases && nWord<=20; i++){
    const marsad_chrome_phrase *pP = &marsad_chrome_phrases[i];
    if( nKey<=(size_t)pP->nKey || memcmp(pKey, pP->zKey, (size_t)pP->nKey)!=0 ) continue;
    char cNext = pKey[pP->nKey];
    int nPhraseWords = count_words(pP->zKey, (size_t)pP->nKey);
    if( (cNext==' ' && nWord<=nPhraseWords+2) || (cNext==':' && nWord<=nPhraseWords+15) ){
      return pP->eClass==MARSAD_CHROME_TAIL ? MARSAD_CHROME_LINE : pP->eClass;
    }
  }
  return 0;
}

/* Strips key punctuation at the ends (": - ›") so that "اقرأ أيضا:" matches. */
static void trim_key(const char **ppKey, size_t *pnKey){
  const char *p = *ppKey;
  size_t n = *pnKey;
  while( n>0 && (p[n-1]==':' || p[n-1]==' ' || p[n-1]=='-' || p[n-1]=='.') ) n--;
  while( n>0 && (p[0]==' ' || p[0]=='-') ){ p++; n--; }
  *ppKey = p;
  *pnKey = n;
}

/* The kind of the word with key p[0..n) in share rows: 1 a network, 0
** another share-row word, -1 none. */
static int share_word(const char *p, size_t n){
  int lo = 0, hi = marsad_share_nwords-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    const marsad_share_word *pW = &marsad_share_words[mid];
    int c = key_cmp(p, n, pW->zKey, (size_t)pW->nKey);
    if( c==0 ) return pW->bNetwork;
    if( c<0 ) hi = mid-1; else lo = mid+1;
  }
  return -1;
}

/* The length of white space (spaces, Unicode spaces) at p[0..n). */
static size_t skip_spaces(const char *p, size_t n){
  size_t i = 0, nSpace;
  while( i<n && (nSpace = p[i]==' ' ? 1 : unicode_space_len(p+i, n-i))>0 ) i += nSpace;
  return i;
}

/* Sets *pnRow to the length of the share row that line p[0..n) begins
** with: words of data/share_words.tsv only, at least two of them naming a
** network, and more text after them; 0 when it begins with none. pWord is
** scratch for the words' keys. MARSAD_OK or MARSAD_NOMEM. */
static int share_row_len(const char *p, size_t n, marsad_norm *pWord, size_t *pnRow){
  size_t i = 0;
  int nNetwork = 0;
  *pnRow = 0;
  while( i<n ){
    size_t j = i;
    while( j<n && p[j]!=' ' && unicode_space_len(p+j, n-j)==0 ) j++;
    int rc = marsad_norm_key(p+i, j-i, pWord);
    if( rc ) return rc;
    int eKind = share_word(pWord->z, pWord->n);
    if( eKind<0 ) break;
    nNetwork += eKind;
    i = j + skip_spaces(p+j, n-j);
  }
  if( nNetwork>=2 && i<n ) *pnRow = i;
  return MARSAD_OK;
}

/* The code point that ends p[0..i) (0 when i is 0), and in *piStart where
** it starts. */
static uint32_t char_before(const char *p, size_t i, size_t *piStart){
  if( i==0 ){ *piStart = 0; return 0; }
  size_t k = i-1;
  while( k>0 && ((unsigned char)p[k] & 0xC0)==0x80 ) k--;
  size_t len; int bBad;
  uint32_t cp = marsad_utf8_next((const unsigned char*)p+k, i-k, &len, &bBad);
  *piStart = k;
  return bBad ? 0xFFFD : cp;
}

/* True when the text p[0..i) ends with punctuation or a symbol, then white
** space (spaces or Unicode spaces): a sentence (or a markup remnant) ended
** before offset i. */
static int after_sentence(const char *p, size_t i){
  size_t j = i, k;
  uint32_t cp;
  while( (cp = char_before(p, j, &k))==' ' || is_unicode_space(cp) ) j = k;
  if( j==i || j==0 ) return 0;
  utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
  return cat>=UTF8PROC_CATEGORY_PC && cat<=UTF8PROC_CATEGORY_SO;
}

/* True when a colon follows p[0..n) within its first three words: a label
** ("رابط الخبر بصحيفة X:") rather than running text. */
static int colon_soon(const char *p, size_t n){
  int nSpace = 0;
  for(size_t i=0; i<n && nSpace<=3; i++){
    if( p[i]==':' ) return 1;
    nSpace += p[i]==' ';
  }
  return 0;
}

/* The tail phrases of data/chrome.tsv (class MARSAD_CHROME_TAIL), gathered
** once for a text. */
typedef struct tail_phrases {
  const marsad_chrome_phrase *a[8];   /* the phrases */
  int n;                              /* entries of a[] used */
} tail_phrases;

/* Gathers the tail phrases (at most 8) into *pT. */
static void tail_phrases_init(tail_phrases *pT){
  memset(pT, 0, sizeof *pT);
  for(int k=0; k<marsad_chrome_nphrases && pT->n<8; k++){
    const marsad_chrome_phrase *pP = &marsad_chrome_phrases[k];
    if( pP->eClass==MARSAD_CHROME_TAIL ) pT->a[pT->n++] = pP;
  }
}

/* True when the tail phrase of m bytes found at offset i of line p[0..n)
** starts a word (i is 0, or the byte before it is a space or the byte
** 0xA0 that ends a no-break space), is followed by a space, a colon or the
** end, and is either at the line's start, after punctuation, or followed
** by a colon within three words. */
static int tail_fits(const char *p, size_t n, size_t i, size_t m){
  if( i>0 && p[i-1]!=' ' && (unsigned char)p[i-1]!=0xA0 ) return 0;
  if( i+m<n && p[i+m]!=' ' && p[i+m]!=':' ) return 0;
  return i==0 || after_sentence(p, i) || colon_soon(p+i+m, n-i-m);
}

/* The offset in line p[0..n) where a link row glued after a sentence
** begins: the first place where a tail phrase of pT, as written, fits
** (tail_fits); 0 when the line begins with one; else n. A line without the
** bytes every tail phrase holds (marsad_chrome_tail_anchor) has none: one
** search tells most lines; in the others each phrase is searched. memmem
** passes over most of the line's bytes without looking at each. */
static size_t tail_start(const tail_phrases *pT, const char *p, size_t n){
  size_t iFirst = n;
  if( marsad_chrome_tail_nanchor>0
   && memmem(p, n, marsad_chrome_tail_anchor, (size_t)marsad_chrome_tail_nanchor)==0 ){
    return n;
  }
  for(int k=0; k<pT->n; k++){
    const char *zKey = pT->a[k]->zKey;
    size_t m = (size_t)pT->a[k]->nKey, i = 0;
    const char *q;
    while( i<iFirst && (q = memmem(p+i, n-i, zKey, m))!=0 && (size_t)(q-p)<iFirst ){
      i = (size_t)(q-p);
      if( tail_fits(p, n, i, m) ){ iFirst = i; break; }
      i++;
    }
  }
  return iFirst;
}

/* Classifies line pL of zText using its key (normalized). The line's key
** hash is that of the whole line; a share row it begins with is then cut
** off (pL->iRow), as is a link row glued after its last sentence
** (pL->iTail), and the rest classified. pWord is scratch; pTails the tail
** phrases. */
static int classify_line(const char *zText, clean_line *pL, marsad_norm *pNorm,
                         marsad_norm *pWord, const tail_phrases *pTails, const char *zOutlet,
                         const marsad_line_memory *pMem, marsad_buf *pShort){
  const char *p = zText + pL->iStart;
  size_t n = pL->iEnd - pL->iStart, nRow = 0;
  int rc = marsad_norm_key(p, n, pNorm);
  if( rc ) return rc;
  pL->hKey = marsad_clean_line_hash(pNorm->z, pNorm->n);
  pL->iRow = pL->iStart;
  pL->iTail = pL->iEnd;
  rc = share_row_len(p, n, pWord, &nRow);
  size_t iTail = tail_start(pTails, p, n);
  int bCut = iTail<n && iTail>0;
  if( bCut ){   /* the line ends at its last sentence */
    pL->iEnd = pL->iStart + iTail;
    n = pL->iEnd - pL->iStart;
  }
  if( nRow && nRow<n ){   /* and starts after its share row */
    pL->iStart += nRow;
    p += nRow;
    n -= nRow;
    bCut = 1;
  }
  if( rc==MARSAD_OK && bCut ) rc = marsad_norm_key(p, n, pNorm);
  if( rc ) return rc;
  const char *pKey = pNorm->z;
  size_t nKey = pNorm->n;
  trim_key(&pKey, &nKey);
  line_chars c;
  scan_chars(p, n, &c);
  pL->nWord = c.nWord;
  int bEnds = ends_sentence(p, n);
  pL->bProse = (pL->nWord>=8 && bEnds) || pL->nWord>=15;
  pL->bDateline = (c.nDigit>0 && pL->nWord<=6);
  pL->eChrome = chrome_class(pKey, nKey, pL->nWord);
  if( iTail==0 ){   /* the whole line is a link row: never the article */
    pL->eChrome = MARSAD_CHROME_LINE;
    pL->bProse = 0;
  }
  pL->bPlain = c.bPlainChars && !(n>0 && (p[0]==' ' || p[n-1]==' '));
  pL->bUiShape = (c.nLetter==0 && c.nDigit==0)
              || (c.nSep>=2 && pL->nWord<=c.nSep*4)
              || (c.bLatinStart && c.nArabic>0 && !pL->bProse);
  if( pL->nWord<=MARSAD_CLEAN_SHORT_WORDS && nKey>0 ){
    uint64_t h = marsad_clean_line_hash(pKey, nKey);
    if( pMem && pMem->xSeen(pMem->pCtx, zOutlet ? zOutlet : "", h)>=MARSAD_CLEAN_REPEATS ){
      pL->bRepeated = 1;
    }
    marsad_buf_append(pShort, (const char*)&h, sizeof h);
  }
  return pShort->rc;
}

/* True when the key *pLineKey (of the first line, as classify_line left it)
** equals the title's key, compared as strings. pNorm is scratch. */
static int equals_title(const marsad_norm *pLineKey, const char *zTitle, marsad_norm *pNorm){
  if( zTitle==0 || zTitle[0]==0 ) return 0;
  return marsad_norm_key(zTitle, strlen(zTitle), pNorm)==MARSAD_OK
      && strcmp(pLineKey->z, pNorm->z)==0;
}

/* Decides which lines to drop (see the file comment). */
static void decide(clean_line *aLine, int nLine){
  int iFirst = -1, iLast = -1;
  for(int i=0; i<nLine; i++){
    if( aLine[i].bProse && !aLine[i].bRepeated ){
      if( iFirst<0 ) iFirst = i;
      iLast = i;
    }
  }
  int bCut = 0;
  for(int i=0; i<nLine; i++){
    clean_line *pL = &aLine[i];
    int bOutside = iFirst>=0 && (i<iFirst || i>iLast);
    if( pL->eChrome==MARSAD_CHROME_CUTOFF && iFirst>=0 && i>iFirst ) bCut = 1;
    pL->bDrop = bCut
             || (pL->eChrome && !pL->bProse)
             || (pL->bUiShape && !pL->bProse)
             || pL->bRepeated
             || (bOutside && !pL->bProse && !pL->bDateline);
  }
}

/* Appends the word p[0..n) to *pTo with its Arabic presentation forms
** (text typeset by an old program: ﺍﻟﻘﺘﻠﻰ, ﻻ, ﷲ) replaced by the letters they
** stand for (their compatibility decomposition, composed: القتلى, لا,
** الله). */
static void append_word(marsad_buf *pTo, const char *p, size_t n){
  size_t iDone = 0, i = 0;
  while( i<n ){
    if( (unsigned char)p[i]!=0xEF ){ i++; continue; }
    size_t len; int bBad;
    uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
    utf8proc_uint8_t *zLetters = 0;
    utf8proc_ssize_t r = !bBad && is_presentation_form(cp)
        ? utf8proc_map((const utf8proc_uint8_t*)p+i, (utf8proc_ssize_t)len, &zLetters,
                       UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE) : -1;
    if( r>0 ){
      marsad_buf_append(pTo, p+iDone, i-iDone);
      marsad_buf_append(pTo, (const char*)zLetters, (size_t)r);
      iDone = i+len;
    }
    free(zLetters);
    i += len;
  }
  marsad_buf_append(pTo, p+iDone, n-iDone);
}

/* True when append_line would copy the line p[0..n) as it is: no space at
** either end or twice in a row, no Unicode space separator and no Arabic
** presentation form (the only characters it rewrites). */
static int is_plain_line(const char *p, size_t n){
  if( n>0 && (p[0]==' ' || p[n-1]==' ') ) return 0;
  for(size_t i=0; i<n; i++){
    unsigned char b = (unsigned char)p[i];
    if( b>0xC2 && b<0xE1 ){    /* the usual case: a character of U+00C0..U+0FFF (Arabic) */
      if( i+1<n && ((unsigned char)p[i+1]&0xC0)==0x80 ) i++;   /* its continuation byte */
      continue;
    }
    if( b<0xC2 ){              /* ASCII, or a stray continuation byte */
      if( b==' ' && i+1<n && p[i+1]==' ' ) return 0;
      continue;
    }
    if( unicode_space_len(p+i, n-i)>0 ) return 0;
    size_t len; int bBad;
    uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
    if( !bBad && is_presentation_form(cp) ) return 0;
  }
  return 1;
}

/* Appends the line p[0..n) to *pTo after zSep (when *pTo is not empty),
** with its Unicode space separators read as spaces: runs of spaces become
** one, none at either end; presentation forms become letters (append_word).
** A line of such spaces alone adds nothing. (The line's key, and so the
** article's id and body hash, are those of the line as split: ids stay what
** they were.) bPlain: is_plain_line(p, n), known to the caller. */
static void append_line(marsad_buf *pTo, const char *zSep, const char *p, size_t n,
                        int bPlain){
  if( bPlain ){
    if( n>0 && pTo->n ) marsad_buf_puts(pTo, zSep);
    marsad_buf_append(pTo, p, n);
    return;
  }
  size_t i = 0, nSpace;
  int bSpace = 0, bAny = 0;
  while( i<n ){
    nSpace = p[i]==' ' ? 1 : unicode_space_len(p+i, n-i);
    if( nSpace ){ bSpace = 1; i += nSpace; continue; }
    size_t j = i+1;
    while( j<n && p[j]!=' ' && unicode_space_len(p+j, n-j)==0 ) j++;
    if( !bAny && pTo->n ) marsad_buf_puts(pTo, zSep);
    if( bSpace && bAny ) marsad_buf_append(pTo, " ", 1);
    append_word(pTo, p+i, j-i);
    bAny = 1;
    bSpace = 0;
    i = j;
  }
}

/* True when split_lines reads byte b as white space inside a line (space,
** tab, carriage return). */
static inline int is_line_space(unsigned char b){
  return b==' ' || b=='\t' || b=='\r';
}

/* True when none of the 16 bytes at a (a[16] must be readable) is one that
** split_lines acts on (see next_split). */
static inline int split_plain16(const unsigned char *a){
  marsad_v16 v, w;                  /* w: each byte's next byte */
  marsad_v16_load_pair(a, &v, &w);
  marsad_m16 m = (v=='\n') | (v=='\t') | (v=='\r')
               | ((v==' ') & ((w==' ') | (w=='\t') | (w=='\r') | (w=='\n')));
  return !marsad_m16_any(m);
}

/* The offset of the first byte at or after z[i] that split_lines acts on (n
** when none): a line end, a tab, a carriage return, or a space followed by
** white space, by a line end or by the end of the text. The bytes before it
** stay as they are (words and the single spaces between them); they are
** passed sixteen at a time. */
static size_t next_split(const char *z, size_t n, size_t i){
  const unsigned char *a = (const unsigned char*)z;
  while( i<n ){
    if( n-i>16 && split_plain16(a+i) ){ i += 16; continue; }
    size_t iEnd = n-i>16 ? i+16 : n;
    for(; i<iEnd; i++){
      unsigned char b = a[i];
      if( b=='\n' || b=='\t' || b=='\r' ) return i;
      if( b==' ' && (i+1==n || a[i+1]=='\n' || is_line_space(a[i+1])) ) return i;
    }
  }
  return n;
}

/* Splits zText into trimmed non-empty lines, collapsing inner runs of
** spaces and tabs in place. Returns the line array (owned by the caller) or
** NULL when out of memory; *pnLine its length. */
static clean_line *split_lines(char *zText, size_t *pnText, int *pnLine){
  size_t n = *pnText, iOut = 0;
  int nLine = 0, nAlloc = 16;
  clean_line *aLine = marsad_malloc(sizeof(clean_line)*(size_t)nAlloc);
  if( aLine==0 ) return 0;
  size_t i = 0;
  while( i<n ){
    while( i<n && is_line_space((unsigned char)zText[i]) ) i++;
    size_t iStart = iOut;
    while( i<n && zText[i]!='\n' ){
      size_t j = next_split(zText, n, i);   /* the bytes up to it, moved as one */
      if( iOut!=i ) memmove(zText+iOut, zText+i, j-i);
      iOut += j-i;
      i = j;
      while( i<n && is_line_space((unsigned char)zText[i]) ) i++;
      if( i>j && i<n && zText[i]!='\n' ) zText[iOut++] = ' ';   /* white space between
                                                                ** words: one space */
    }
    if( iOut>iStart ){
      if( nLine>=nAlloc ){
        clean_line *aNew = marsad_realloc(aLine, sizeof(clean_line)*(size_t)nAlloc*2);
        if( aNew==0 ){ marsad_free(aLine); return 0; }
        aLine = aNew;
        nAlloc *= 2;
      }
      memset(&aLine[nLine], 0, sizeof aLine[nLine]);
      aLine[nLine].iStart = iStart;
      aLine[nLine].iEnd = iOut;
      nLine++;
    }
    zText[iOut++] = '\n';
    i++;
  }
  *pnText = iOut;
  *pnLine = nLine;
  return aLine;
}

/* True when code point cp is NFC_Quick_Check=Yes by range: ASCII and
** Latin-1 and the blocks below U+0300, the Arabic block except the
** combining hamza and maddah (U+0653..0655), general punctuation except the
** two quads (U+2000, U+2001), and the Arabic presentation forms (which have
** compatibility decompositions only). Anything else answers 0, "ask utf8proc". */
static int nfc_stable(uint32_t cp){
  return cp<0x0300
      || (cp>=0x0600 && cp<=0x06FF && !(cp>=0x0653 && cp<=0x0655))
      || (cp>=0x2002 && cp<=0x206F)
      || (cp>=0xFB50 && cp<=0xFEFF)
      || cp==0xFFFD;
}

/* True when no byte of a[0..16) is a lead byte other than D8..DB (so each
** is ASCII, a continuation byte or the lead byte of U+0600..U+06FF) and no
** D9 there is followed by 93..95 (U+0653..U+0655); a[16] must be readable.
** Each such byte is passed by quick_nfc_run's byte loop (a continuation
** byte without its lead too, read as U+FFFD, which is NFC-stable), so
** is_quick_nfc may pass the sixteen at once. */
static inline int nfc_plain16(const unsigned char *a){
  marsad_v16 v, w;                  /* w: each byte's next byte */
  marsad_v16_load_pair(a, &v, &w);
  marsad_m16 m = ((v>=0xC0) & ((marsad_v16)(v-0xD8)>3))
               | ((v==0xD9) & ((marsad_v16)(w-0x93)<3));
  return !marsad_m16_any(m);
}

/* The offset of the first character of p[i..n) that is neither ASCII nor
** one of U+0600..U+06FF other than U+0653..U+0655 (n when none): the usual
** characters of is_quick_nfc, passed in a loop without calls, sixteen bytes
** at a time where all sixteen are such (nfc_plain16). */
static size_t quick_nfc_run(const unsigned char *p, size_t n, size_t i){
  while( i<n ){
    if( n-i>16 && nfc_plain16(p+i) ){ i += 16; continue; }
    size_t iEnd = n-i>16 ? i+16 : n;
    while( i<iEnd ){
      unsigned b = p[i];
      if( b<0x80 ){ i++; continue; }
      if( b-0xD8u>3u || i+1>=n || (p[i+1]&0xC0)!=0x80 ) return i;
      if( b==0xD9 && p[i+1]-0x93u<3u ) return i;   /* U+0653..U+0655 */
      i += 2;
    }
  }
  return i;
}

/* True when every code point of p[0..n) is nfc_stable: the text is then in
** NFC already and utf8proc need not rebuild it. */
static int is_quick_nfc(const char *p, size_t n){
  size_t i = 0;
  while( (i = quick_nfc_run((const unsigned char*)p, n, i))<n ){
    size_t len; int bBad;
    uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
    if( !nfc_stable(cp) ) return 0;
    i += len;
  }
  return 1;
}

/* Puts p[0..n) in NFC; *pz owned by the caller (free()). */
static int to_nfc(const char *p, size_t n, char **pz, size_t *pn){
  utf8proc_uint8_t *zOut = 0;
  if( is_quick_nfc(p, n) ){
    *pz = marsad_strndup(p, n);
    *pn = n;
    return *pz ? MARSAD_OK : MARSAD_NOMEM;
  }
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t*)p, (utf8proc_ssize_t)n,
                                    &zOut, UTF8PROC_STABLE|UTF8PROC_COMPOSE);
  if( r<0 ){
    /* Only invalid UTF-8 gets here, which readers have already repaired. */
    *pz = marsad_strndup(p, n);
    *pn = n;
    return *pz ? MARSAD_OK : MARSAD_NOMEM;
  }
  *pz = (char*)zOut;
  *pn = (size_t)r;
  return MARSAD_OK;
}

int marsad_clean_text(const char *zText, size_t nText, const char *zTitle,
                      const char *zOutlet, const marsad_line_memory *pMem,
                      marsad_clean *pOut){
  memset(pOut, 0, sizeof *pOut);
  char *zNfc = 0;
  size_t nNfc = 0;
  clean_line *aLine = 0;
  int nLine = 0;
  marsad_norm norm = MARSAD_NORM_INIT, word = MARSAD_NORM_INIT;
  marsad_buf body = MARSAD_BUF_INIT, dropped = MARSAD_BUF_INIT, shorts = MARSAD_BUF_INIT;
  tail_phrases tails;
  tail_phrases_init(&tails);
  int rc = to_nfc(zText, nText, &zNfc, &nNfc);
  if( rc==MARSAD_OK ){
    aLine = split_lines(zNfc, &nNfc, &nLine);
    if( aLine==0 ) rc = MARSAD_NOMEM;
  }
  /* the body is the text less what is dropped, a separator more a line:
  ** one allocation instead of doublings (presentation forms may grow it) */
  if( rc==MARSAD_OK ) rc = marsad_buf_grow(&body, nNfc + (size_t)nLine + 1);
  int bTitleLine = 0;   /* the first line repeats the title */
  for(int i=0; rc==MARSAD_OK && i<nLine; i++){
    rc = classify_line(zNfc, &aLine[i], &norm, &word, &tails, zOutlet, pMem, &shorts);
    /* norm holds the key of the line's span now */
    if( rc==MARSAD_OK && i==0 ) bTitleLine = equals_title(&norm, zTitle, &word);
  }
  if( rc==MARSAD_OK ){
    decide(aLine, nLine);
    if( bTitleLine ) aLine[0].bDrop = 1;
    for(int i=0; i<nLine; i++){
      pOut->hText = XXH3_64bits_withSeed(&aLine[i].hKey, sizeof(uint64_t), pOut->hText);
      if( !aLine[i].bDrop ) pOut->hBody = XXH3_64bits_withSeed(&aLine[i].hKey, sizeof(uint64_t), pOut->hBody);
      if( aLine[i].iRow<aLine[i].iStart ){
        const char *pRow = zNfc+aLine[i].iRow;
        size_t nRow = aLine[i].iStart-aLine[i].iRow;
        append_line(&dropped, "\n", pRow, nRow, is_plain_line(pRow, nRow));
      }
      if( aLine[i].iEnd<aLine[i].iTail ){
        const char *pTail = zNfc+aLine[i].iEnd;
        size_t nTail = aLine[i].iTail-aLine[i].iEnd;
        append_line(&dropped, "\n", pTail, nTail, is_plain_line(pTail, nTail));
      }
      marsad_buf *pTo = aLine[i].bDrop ? &dropped : &body;
      append_line(pTo, aLine[i].bDrop ? "\n" : "\n\n", zNfc+aLine[i].iStart,
                  aLine[i].iEnd-aLine[i].iStart, aLine[i].bPlain);
      pOut->nLinesDropped += aLine[i].bDrop;
    }
    rc = body.rc ? body.rc : dropped.rc ? dropped.rc : shorts.rc;
  }
  if( rc==MARSAD_OK ){
    pOut->nBody = body.n;
    pOut->nDropped = dropped.n;
    pOut->nShort = (int)(shorts.n / sizeof(uint64_t));
    pOut->zBody = marsad_buf_take(&body);
    pOut->zDropped = marsad_buf_take(&dropped);
    pOut->aShort = (uint64_t*)marsad_buf_take(&shorts);
    if( !pOut->zBody || !pOut->zDropped || !pOut->aShort ) rc = MARSAD_NOMEM;
  }
  if( rc ) marsad_clean_free(pOut);
  marsad_buf_free(&body);
  marsad_buf_free(&dropped);
  marsad_buf_free(&shorts);
  marsad_norm_free(&norm);
  marsad_norm_free(&word);
  marsad_free(aLine);
  free(zNfc);
  return rc;
}

void marsad_clean_free(marsad_clean *p){
  if( p==0 ) return;
  marsad_free(p->zBody);
  marsad_free(p->zDropped);
  marsad_free(p->aShort);
  memset(p, 0, sizeof *p);
}
