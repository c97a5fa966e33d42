/*
** ner.c: the entity recogniser (see ner.h).
**
** Each field (title, body) is tokenized once; every word gets its matching
** key (norm.h). A word may carry clitics: the conjunctions و ف, then the
** prepositions ب ل ك, then the article ال (لل is ل with the article). The
** "forms" of a word are the ways to read it with those stripped; the
** gazetteer keys have the article of their first word stripped, so every
** form is looked up without it, while the span keeps the article and drops
** the clitics.
**
** At each word, left to right, the longest of these wins:
**   1. a gazetteer name (longest key, over all forms of the first word);
**   2. an organisation pattern: a head (وزارة، مجلس) and its genitive tail
**      of article words (وزارة الخارجية الروسية), or a head with the article
**      and a nationality adjective (الجيش التركي، الخارجية الروسية);
** then, when neither matched:
**   3. a title (الرئيس، وزير الخارجية) with its complements (offices,
**      adjectives, an organisation: المتحدث باسم الكرملين), an optional
**      comma (apposition), then a name;
**   4. a given name (فلاديمير، محمد) and the words of the name after it;
**   5. a place noun (مدينة، بلدة) and the unknown word after it;
**   6. a run of capitalized Latin words.
** A name ends at punctuation, at a stop word, a title, a known place or
** organisation, a word with the conjunction و, or an article word that does
** not follow a given name or particle (بشار الأسد، عبد الله).
** Last, the surnames of the people found (the last word; the words after a
** given name) are looked for everywhere in the article.
*/
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "gaz.h"
#include "imap.h"
#include "lexicon.h"
#include "ner.h"
#include "arwords.h"
#include "nerml.h"
#include "norm.h"
#include "token.h"

#define NER_MAX_WORDS   8    /* the longest key the gazetteer holds, in words */
#define NER_MAX_FORMS   8    /* ways to strip clitics off one word: with or
                                without و or ف, ب ل or ك, the article */
#define NER_MAX_BARE    5    /* lookups cached per token: by iBare/2, iBare
                                at most 8 (و, ب, the article) */
#define NER_MAX_SURNAME 64   /* surnames remembered per article */
#define NER_MAX_NAME   10    /* words of a person's name with its lineage
                                (متعب بن عبد الله بن عبد العزيز) */
#define NER_WORD_BITS  15    /* the words kept from text to text: 2^15 */
#define NER_WORD_KEY   22    /* the longest key kept there, in bytes */
#define NER_NO_SLOT    0xFFFFFFFFu  /* ner_tok.iSlot of a token without one */
#define NER_WORD_AHEAD 8     /* tokens whose slots are fetched ahead of use */
#define NER_ENTITY  0x10000u /* pseudo class: the key names an entity */
/* Classes of a word that is no part of a person's name: function words,
** titles and offices, head nouns of organisations and places, common words. */
#define NER_NOT_NAME (MARSAD_GAZ_STOP|MARSAD_GAZ_TITLE|MARSAD_GAZ_OFFICE|MARSAD_GAZ_ORGHEAD \
                      |MARSAD_GAZ_ORGADJ|MARSAD_GAZ_PLACEHEAD|MARSAD_GAZ_COMMON)

#define NER_MAX_CLUBS 8      /* clubs' keys a text's places are compared with */

/* Arabic letters as UTF-8 (all two bytes). */
#define AR_ALEF "\xD8\xA7"
#define AR_BA   "\xD8\xA8"
#define AR_FA   "\xD9\x81"
#define AR_KAF  "\xD9\x83"
#define AR_LAM  "\xD9\x84"
#define AR_WAW  "\xD9\x88"
#define AR_NUN  "\xD9\x86"
#define AR_TA   "\xD8\xAA"
#define AR_TA_MARBUTA "\xD8\xA9"
#define AR_HA   "\xD9\x87"
#define AR_YA   "\xD9\x8A"
#define AR_FI   "\xD9\x81\xD9\x8A"   /* في */

/* What ner_inflected looks for (bits of fWhat: ner.h). */
#define INFL_PLURAL MARSAD_NER_INFL_PLURAL
#define INFL_MORE   MARSAD_NER_INFL_MORE
#define INFL_VOWEL  MARSAD_NER_INFL_VOWEL
#define INFL_ANY    (INFL_PLURAL|INFL_MORE|INFL_VOWEL)

/* Which rule found a name (ner_hit.eSrc). */
#define SRC_GAZ     0   /* the gazetteer */
#define SRC_ORG     1   /* an organisation head and its tail */
#define SRC_TITLE   2   /* a title before a person's name */
#define SRC_GIVEN   3   /* a given name and the words after it */
#define SRC_PLACE   4   /* a place noun before a place's name */
#define SRC_LATIN   5   /* capitalized Latin words */
#define SRC_SURNAME 6   /* the surname of a person found before */
#define SRC_MODEL   7   /* the statistical model */
#define SRC_TITLECL 8   /* a title before a word that may start with a
                           preposition (وزير الدفاع بتأمين: ب + تأمين) or
                           is an ordinary word (محافظ الإسكندرية صرف) */
#define SRC_SPEAKER 9   /* unknown words after a verb of saying */
#define SRC_OUTLET  10  /* the outlet's own name quoted in its own article */
/* The rules whose names the model undoes only when it names another kind
** of name on their words (ner_apply_model): a title and the name after it,
** an organisation head and its tail, a place noun and the name after it. */
#define NER_MODEL_SOFT ((1u<<SRC_TITLE)|(1u<<SRC_ORG)|(1u<<SRC_PLACE))

/* One reading of a word with its clitics stripped. */
typedef struct ner_form {
  uint8_t iBare;   /* key byte where the looked-up form starts (article gone) */
  uint8_t iSpan;   /* key byte where the name's span starts (article kept) */
  uint8_t bArt;    /* the word has the article (ال, or لل) */
} ner_form;

/* What the recogniser keeps of a word from one text to the next (its
** readings' classes and the model's view depend on its key alone), in a
** table of 2^NER_WORD_BITS slots, one word a slot (the last one seen). */
typedef struct ner_word {
  _Alignas(64) char aKey[NER_WORD_KEY]; /* the key (a slot: two cache lines,
                              what ner_word_at and tok_lookup read in the first) */
  uint8_t nKey;            /* its bytes; 0: an empty slot */
  uint8_t eKind;           /* MARSAD_TOKEN_* */
  uint8_t fHave;           /* NW_*: what is filled below */
  uint8_t nLen, cKind;     /* marsad_ml_tok's */
  uint8_t mLook;           /* bit b: aLook[b] is filled */
  uint32_t iStamp;         /* the text that used it last (marsad_ner.iStamp) */
  unsigned cAny;           /* tok_any */
  int32_t aLook[NER_MAX_BARE]; /* tok_lookup's gazetteer record of the key
                              from byte 2*b on: its index + 1, or 0 for none */
  uint32_t hKey, hBare;    /* marsad_ml_tok's (not its affixes' hashes: the
                              tagger reads them only to fill ml, at the first
                              token of a text it scores: iAffixed) */
  uint32_t aRole[MARSAD_ML_NROLE]; /* marsad_ml_tok's, for tagging */
  marsad_ml_word ml;       /* the model's sum of the word's features */
  uint32_t iAffixed;       /* the text (iStamp) of which a token the tagger
                              scores has the affixes' hashes */
} ner_word;
_Static_assert(sizeof(ner_word)==128, "a word's slot is two cache lines");
#define NW_ANY  1          /* cAny is filled */
#define NW_ML   2          /* nLen, cKind, the hashes and roles are */
#define NW_SAY  4          /* ner_say_verb is known: */
#define NW_SAYS 8          /* ... true */

/* One token of a field. */
typedef struct ner_tok {
  uint32_t iStart, iEnd;   /* byte span in the field */
  uint32_t iKey, nKey;     /* the key, in marsad_ner.keys */
  int eKind;               /* MARSAD_TOKEN_* */
  int iField;              /* 0 title, 1 body */
  int bUpper;              /* a Latin word with a capital first letter */
  int bComma;              /* the punctuation , or ، */
  int bCovered;            /* part of a name already found */
  int iHamzaAl;            /* 1 + the key byte where the word writes أل (a
                              hamza: no article, ألونسو), or 0 */
  int bClass;              /* f0 and c0 are computed */
  unsigned c0;             /* classes of the word read whole (tok_class) */
  int nForm;               /* forms computed (0: not yet) */
  ner_form aForm[NER_MAX_FORMS]; /* the forms of the word (tok_forms) */
  int bAny;                /* cAny is computed */
  unsigned cAny;           /* classes of all its forms (tok_any) */
  ner_word *pWord;         /* its word's slot, or NULL (another word of the
                              text holds the slot, or the key is too long) */
  uint64_t hKey;           /* marsad_hash64 of the key (0 for punctuation) */
  unsigned mLook;          /* bit b: aLook[b] is computed */
  uint32_t iSlot;          /* the slot of its key's hash in aWord (ner_words_attach),
                              or NER_NO_SLOT (punctuation, a key too long) */
  const marsad_gaz_key *aLook[NER_MAX_BARE]; /* the gazetteer record of
                              the key from byte 2*b on (tok_lookup) */
} ner_tok;

/* One name found. */
typedef struct ner_hit {
  int iField;              /* 0 title, 1 body */
  uint32_t iStart, iEnd;   /* byte span in the field */
  int eKind;               /* MARSAD_ENTITY_* */
  unsigned flags;          /* MARSAD_NER_* */
  int iGaz;                /* gazetteer entity, or -1 */
  uint32_t iKey, nKey;     /* the key, in marsad_ner.hitKeys */
  int iTok0, iTok1;        /* its tokens [iTok0, iTok1) */
  int eSrc;                /* SRC_*: the rule that found it */
} ner_hit;

/* A surname to look for: nWord words of key zKey (in marsad_ner.hitKeys). */
typedef struct ner_surname {
  uint32_t iKey, nKey;
  uint32_t nFirst;         /* bytes of its first word */
  int nWord;
  uint64_t sig;            /* word_sig of its first word */
} ner_surname;

struct marsad_ner {
  const char *az[2];       /* the fields' text */
  size_t an[2];            /* their lengths */
  ner_tok *aTok;           /* tokens of title, then body */
  int nTok, nTokAlloc;
  int aEnd[2];             /* one past the last token of each field */
  marsad_buf keys;         /* token keys */
  marsad_buf hitKeys;      /* hit and surname keys */
  marsad_buf tmp;          /* keys being built for lookups */
  ner_hit *aHit;
  int nHit, nHitAlloc;
  ner_surname aSur[NER_MAX_SURNAME];
  int nSur;
  uint64_t aSurBits[4];    /* bit sig_bit(sig) of each surname's sig is set */
  marsad_norm norm;        /* scratch normalizer */
  int rc;                  /* first failure while tokenizing */
  int bRulesOnly;          /* leave the statistical model out */
  marsad_ml_tok *aMl;      /* the model's view of the tokens */
  int *aTag;               /* its tags */
  int nMlAlloc;            /* room in aMl and aTag */
  ner_word *aWord;         /* the words kept (ner_word), allocated on first use */
  uint32_t iStamp;         /* the texts recognised so far */
  unsigned iGazGeneration; /* marsad_gaz_generation() when aWord was filled */
};

/* ---------------------------------------------------------------- tokens */

/* The key of token t. */
static const char *tok_key(marsad_ner *p, const ner_tok *t){
  return p->keys.a + t->iKey;
}

/* Context of the tokenizer callback. */
typedef struct ner_tokctx {
  marsad_ner *p;
  int iField;
} ner_tokctx;

/* Sets t->pWord to its slot t->iSlot in p->aWord: the word's when it is
** there (then t takes its classes), else claimed for it, unless another
** word of this text holds that slot. */
static void ner_word_at(marsad_ner *p, ner_tok *t){
  const char *k = tok_key(p, t);
  size_t nk = t->nKey;
  ner_word *w = &p->aWord[t->iSlot];
  if( w->nKey==nk && w->eKind==t->eKind && memcmp(w->aKey, k, nk)==0 ){
    t->bAny = (w->fHave & NW_ANY)!=0;
    t->cAny = w->cAny;
  }else if( w->iStamp==p->iStamp ){
    return;
  }else{
    memcpy(w->aKey, k, nk);
    w->nKey = (uint8_t)nk;
    w->eKind = (uint8_t)t->eKind;
    w->fHave = 0;
    w->mLook = 0;
    w->ml.bSet = 0;
  }
  w->iStamp = p->iStamp;
  t->pWord = w;
}

/* Fetches the lines of slot i of p->aWord into the cache ahead of use. */
static void ner_word_prefetch(const marsad_ner *p, uint32_t i){
  const char *w = (const char*)&p->aWord[i];
  __builtin_prefetch(w);
  __builtin_prefetch(w+sizeof(ner_word)/2);
  __builtin_prefetch(w+sizeof(ner_word)-1);
}

/* Gives every word of the text its slot in p->aWord (ner_word_at), in text
** order. The table is larger than the caches: slots are fetched a few tokens
** ahead (and when the tokens were stored), so that their misses overlap
** instead of stalling token after token. */
static void ner_words_attach(marsad_ner *p){
  for(int i=0; i<p->nTok; i++){
    if( i+NER_WORD_AHEAD<p->nTok && p->aTok[i+NER_WORD_AHEAD].iSlot!=NER_NO_SLOT ){
      ner_word_prefetch(p, p->aTok[i+NER_WORD_AHEAD].iSlot);
    }
    if( p->aTok[i].iSlot!=NER_NO_SLOT ) ner_word_at(p, &p->aTok[i]);
  }
}

/* 1 + the key byte of the أل (alef with hamza above, lam) that word
** z[0..n) starts with after at most two clitic letters (وألونسو), or 0.
** The article is never written with a hamza: such a word has no article
** reading, and its readings differ from those of the same key written
** with a bare alef (which the words' table keeps), so it takes no slot. */
static int hamza_al(const char *zText, size_t n){
  const unsigned char *z = (const unsigned char *)zText;
  for(size_t o=0; o<=4 && o+4<=n; o+=2){
    if( z[o+1]==0xA3 && z[o]==0xD8 ) return z[o+2]==0xD9 && z[o+3]==0x84 ? (int)o+1 : 0;
    int bClitic = z[o]==0xD9 ? (z[o+1]==0x88 || z[o+1]==0x81 || z[o+1]==0x84 || z[o+1]==0x83)
                             : (z[o]==0xD8 && z[o+1]==0xA8);   /* و ف ل ك، ب */
    if( !bClitic ) return 0;
  }
  return 0;
}

/* Stores one token of field iField: its kind, span and, for a word, its
** key k[0..nk) of hash hKey (marsad_hash64). */
static int ner_push_token(marsad_ner *p, int iField, int eKind, size_t iStart,
                          size_t iEnd, const char *k, size_t nk, uint64_t hKey){
  const char *z = p->az[iField];
  if( p->nTok>=p->nTokAlloc ){
    int nNew = p->nTokAlloc ? p->nTokAlloc*2 : 256;
    ner_tok *aNew = marsad_realloc(p->aTok, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->aTok = aNew;
    p->nTokAlloc = nNew;
  }
  ner_tok *t = &p->aTok[p->nTok];
  memset(t, 0, sizeof *t);
  t->iStart = (uint32_t)iStart;
  t->iEnd = (uint32_t)iEnd;
  t->eKind = eKind;
  t->iField = iField;
  if( eKind==MARSAD_TOKEN_PUNCT ){
    const char *s = z+iStart;
    size_t n = iEnd-iStart;
    t->bComma = (n==1 && s[0]==',') || (n==2 && memcmp(s, "\xD8\x8C", 2)==0);
  }else{
    t->iKey = (uint32_t)p->keys.n;
    t->nKey = (uint32_t)nk;
    marsad_buf_append(&p->keys, k, nk);
    marsad_buf_append(&p->keys, "", 1);
    if( p->keys.rc ) return p->keys.rc;
    t->bUpper = eKind==MARSAD_TOKEN_LATIN && z[iStart]>='A' && z[iStart]<='Z';
    t->hKey = hKey;
    t->iHamzaAl = eKind==MARSAD_TOKEN_ARABIC ? hamza_al(z+iStart, iEnd-iStart) : 0;
  }
  t->iSlot = NER_NO_SLOT;
  if( eKind!=MARSAD_TOKEN_PUNCT && nk>0 && nk<=NER_WORD_KEY && !t->iHamzaAl ){
    t->iSlot = (uint32_t)(hKey & ((1u<<NER_WORD_BITS)-1));
    ner_word_prefetch(p, t->iSlot);
  }
  p->nTok++;
  return MARSAD_OK;
}

/* Before a word of field iField that starts at byte iStart: when the bytes
** since the previous token hold a lone tatweel (a run of U+0640 between
** spaces: «عبدالعزيز ـ طيب الله ثراه ـ», a dash), stores that run as a
** punctuation token, which ends a name as a dash does. The tokenizer reads a
** tatweel as a mark of its word, so a lone one is no token of its own.
** The previous token is of field iField and ends 4 bytes or more before
** iStart (" ـ " at the least). */
static int ner_tatweel_dash(marsad_ner *p, int iField, size_t iStart){
  size_t i = p->aTok[p->nTok-1].iEnd;
  const unsigned char *z = (const unsigned char*)p->az[iField];
  for(; i+1<iStart; i++){
    if( z[i]!=0xD9 || z[i+1]!=0x80 ) continue;
    size_t j = i;
    while( j+1<iStart && z[j]==0xD9 && z[j+1]==0x80 ) j += 2;
    if( j<iStart ) return ner_push_token(p, iField, MARSAD_TOKEN_PUNCT, i, j, 0, 0, 0);
    break;
  }
  return MARSAD_OK;
}

/* Stores one token (ner_push_token), after a lone tatweel before a word
** (ner_tatweel_dash). */
static inline int ner_add_token(marsad_ner *p, int iField, int eKind, size_t iStart,
                                size_t iEnd, const char *k, size_t nk, uint64_t hKey){
  if( eKind!=MARSAD_TOKEN_PUNCT && p->nTok>0 && p->aTok[p->nTok-1].iField==iField
   && iStart>=p->aTok[p->nTok-1].iEnd+4 ){
    int rc = ner_tatweel_dash(p, iField, iStart);
    if( rc ) return rc;
  }
  return ner_push_token(p, iField, eKind, iStart, iEnd, k, nk, hKey);
}

/* Stores one token, normalizing its key (a marsad_span_fn). */
static int ner_span_cb(void *pCtx, const marsad_span_token *pT){
  ner_tokctx *c = pCtx;
  marsad_ner *p = c->p;
  if( pT->eKind==MARSAD_TOKEN_PUNCT ){
    return ner_add_token(p, c->iField, pT->eKind, pT->iStart, pT->iEnd, 0, 0, 0);
  }
  int rc = marsad_norm_run(p->az[c->iField]+pT->iStart, pT->iEnd-pT->iStart, &p->norm);
  if( rc ) return rc;
  return ner_add_token(p, c->iField, pT->eKind, pT->iStart, pT->iEnd, p->norm.z, p->norm.n,
                       marsad_hash64(p->norm.z, p->norm.n));
}

/* Stores one token with the key and hash it comes with (a marsad_aword_fn). */
static int ner_word_cb(void *pCtx, const marsad_aword *pW){
  ner_tokctx *c = pCtx;
  const marsad_token *pT = &pW->tok;
  return ner_add_token(c->p, c->iField, pT->eKind, pT->iStart, pT->iEnd, pT->pKey, pT->nKey, pW->hKey);
}

/* True when token i is a word (Arabic or Latin). */
static int tok_word(marsad_ner *p, int i){
  int e = p->aTok[i].eKind;
  return e==MARSAD_TOKEN_ARABIC || e==MARSAD_TOKEN_LATIN;
}

/* True when z (a literal) is at byte off of key k[0..n). */
static inline int key_at(const char *k, int n, int off, const char *z){
  int i = 0;
  for(; z[i]; i++){
    if( off+i>=n || k[off+i]!=z[i] ) return 0;
  }
  return 1;
}

/* True when the two-byte letter z is at byte o of key k[0..n). */
static inline int letter_at(const char *k, int n, int o, const char *z){
  return o+2<=n && k[o]==z[0] && k[o+1]==z[1];
}

/* The number (1, 2, 3) of the one of the two-byte letters z1, z2, z3 (z3
** may be NULL) at byte o of key k[0..n), or 0 when none is. */
static int clitic_at(const char *k, int n, int o, const char *z1, const char *z2,
                     const char *z3){
  if( letter_at(k, n, o, z1) ) return 1;
  if( letter_at(k, n, o, z2) ) return 2;
  return z3 && letter_at(k, n, o, z3) ? 3 : 0;
}

/* The forms of key k[0..n) into a (NER_MAX_FORMS); returns how many. The
** unstripped reading comes first, then the readings without a
** conjunction (و ف), each without a preposition first (ب ل ك), then with
** it; each with the article (ال, or لل for ل) stripped before as it is. A
** stripped form keeps three letters. A word starts with at most one
** conjunction and one preposition: at most 2 x 2 x 2 forms. */
static int ner_forms(const char *k, int n, ner_form *a){
  int na = 0, bConj = clitic_at(k, n, 0, AR_WAW, AR_FA, 0)!=0;
  for(int o1=0; o1<=2*bConj; o1+=2){
    int ePrep = clitic_at(k, n, o1, AR_BA, AR_LAM, AR_KAF);
    for(int o=o1; o<=o1+2*(ePrep!=0); o+=2){
      if( o>o1 && ePrep==2 && letter_at(k, n, o, AR_LAM) ){   /* لل: ل + article */
        if( n-(o+2)>=6 ){ a[na].iBare = a[na].iSpan = (uint8_t)(o+2); a[na].bArt = 1; na++; }
        continue;
      }
      if( letter_at(k, n, o, AR_ALEF) && letter_at(k, n, o+2, AR_LAM) && n-(o+4)>=4 ){
        a[na].iBare = (uint8_t)(o+4); a[na].iSpan = (uint8_t)o; a[na].bArt = 1; na++;
      }
      if( o==0 || n-o>=6 ){     /* the word as it is (ألمانيا folds to المانيا) */
        a[na].iBare = a[na].iSpan = (uint8_t)o; a[na].bArt = 0; na++;
      }
    }
  }
  return na;
}

/* The forms of token i (computed once, inline: the rules ask at almost
** every token, mostly for forms computed already); sets *pn. */
static inline const ner_form *tok_forms(marsad_ner *p, int i, int *pn){
  ner_tok *t = &p->aTok[i];
  if( t->nForm==0 ){
    t->nForm = ner_forms(tok_key(p, t), (int)t->nKey, t->aForm);
    int n = 0;
    for(int f=0; f<t->nForm; f++){    /* أل is no article (ألونسو، ألفريد) */
      const ner_form *x = &t->aForm[f];
      if( !(t->iHamzaAl && x->bArt && x->iBare==x->iSpan+4 && x->iSpan+1==t->iHamzaAl) ) t->aForm[n++] = *x;
    }
    t->nForm = n;
  }
  *pn = t->nForm;
  return t->aForm;
}

/* The first form of token i (the whole word, article stripped). */
static ner_form tok_form0(marsad_ner *p, int i){
  int n;
  return tok_forms(p, i, &n)[0];
}

/* The gazetteer record of form f of token i alone, or NULL; looked up
** once per token and form, and kept with the token's word (its slot). */
static const marsad_gaz_key *tok_lookup(marsad_ner *p, int i, ner_form f){
  ner_tok *t = &p->aTok[i];
  int b = f.iBare/2;
  if( (int)t->nKey<=f.iBare ) return 0;
  if( f.iBare%2 || b>=NER_MAX_BARE ){
    return marsad_gaz_lookup(tok_key(p, t)+f.iBare, t->nKey-(uint32_t)f.iBare);
  }
  if( !(t->mLook & (1u<<b)) ){
    ner_word *w = t->pWord;
    if( w && (w->mLook & (1u<<b)) ){
      t->aLook[b] = w->aLook[b] ? marsad_gaz_key_at(w->aLook[b]-1) : 0;
    }else{
      t->aLook[b] = marsad_gaz_lookup(tok_key(p, t)+f.iBare, t->nKey-(uint32_t)f.iBare);
      if( w ){
        w->aLook[b] = t->aLook[b] ? marsad_gaz_key_index(t->aLook[b])+1 : 0;
        w->mLook |= (uint8_t)(1u<<b);
      }
    }
    t->mLook |= 1u<<b;
  }
  return t->aLook[b];
}

/* True when gazetteer record k names an entity in a word read as form f:
** a name listed only without the article (ARTNO) names nothing in a word
** with it (الجنين, the fetus, is no جنين, Jenin); a family name many bear
** (HOME: المالكي) names none here (the resolver decides by the article). */
static int key_names(const marsad_gaz_key *k, ner_form f){
  return k->iEntity>=0 && !(k->fClass & MARSAD_GAZ_HOME) && !(f.bArt && (k->fClass & MARSAD_GAZ_ARTNO));
}

/* Classes of a gazetteer record read in form f, with NER_ENTITY for names. */
static unsigned key_class(const marsad_gaz_key *k, ner_form f){
  if( k==0 ) return 0;
  return (k->fClass & ~(unsigned)MARSAD_GAZ_PREFIX) | (key_names(k, f) ? NER_ENTITY : 0);
}

/* Classes of token i read with form f. A word both given name and stop
** word (علي / على once folded) is the stop word when spelled with alef
** maqsura, else the name. */
static unsigned tok_class_f(marsad_ner *p, int i, ner_form f){
  unsigned c = key_class(tok_lookup(p, i, f), f);
  if( (c & MARSAD_GAZ_STOP) && (c & MARSAD_GAZ_GIVEN) ){
    const ner_tok *t = &p->aTok[i];
    const char *z = p->az[t->iField];
    int bMaqsura = t->iEnd-t->iStart>=2 && memcmp(z+t->iEnd-2, "\xD9\x89", 2)==0;
    c &= bMaqsura ? ~(unsigned)MARSAD_GAZ_GIVEN : ~(unsigned)MARSAD_GAZ_STOP;
  }
  return c;
}

/* Classes of token i read whole (article stripped), computed once. */
static unsigned tok_class(marsad_ner *p, int i){
  ner_tok *t = &p->aTok[i];
  if( !t->bClass ){
    t->c0 = tok_class_f(p, i, tok_form0(p, i));
    t->bClass = 1;
  }
  return t->c0;
}

/* Computes tok_any of token i (not computed yet). */
static unsigned tok_any_fill(marsad_ner *p, int i){
  ner_tok *t = &p->aTok[i];
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  t->cAny = 0;
  for(int k=0; k<na; k++){
    const marsad_gaz_key *g = tok_lookup(p, i, a[k]);
    if( g ) t->cAny |= g->fClass | (key_names(g, a[k]) ? NER_ENTITY : 0);
  }
  t->bAny = 1;
  if( t->pWord ){
    t->pWord->cAny = t->cAny;
    t->pWord->fHave |= NW_ANY;
  }
  return t->cAny;
}

/* Classes of all forms of token i together, with MARSAD_GAZ_PREFIX and
** NER_ENTITY: what any reading of the word could start. Computed once
** (inline: asked several times at every token). */
static inline unsigned tok_any(marsad_ner *p, int i){
  const ner_tok *t = &p->aTok[i];
  return t->bAny ? t->cAny : tok_any_fill(p, i);
}

/* True when token i (read whole) has the article. */
static int tok_article(marsad_ner *p, int i){
  ner_form f = tok_form0(p, i);
  return f.bArt;
}

/* ---------------------------------------------------------------- matching */

/* What ner_longest looks for. */
#define WANT_ENTITY 1   /* a name (not a lone common word) */
#define WANT_TITLE  2   /* a title */

/* The longest key that starts with form f of token i and ends on a record
** of kind eWant: its length in tokens (0 when none) and *ppKey. A longer
** common phrase that starts with a name hides it (الرباط الصليبي, the
** cruciate ligament, names no Rabat). */
static int ner_longest(marsad_ner *p, int i, ner_form f, int eWant,
                       const marsad_gaz_key **ppKey){
  const ner_tok *t = &p->aTok[i];
  int nBest = 0;
  if( (int)t->nKey<=f.iBare ) return 0;
  for(int j=i; ; ){
    if( j>i && p->tmp.rc ){ p->rc = p->tmp.rc; return 0; }
    const marsad_gaz_key *k = j==i ? tok_lookup(p, i, f) : marsad_gaz_lookup(p->tmp.a, p->tmp.n);
    if( k==0 ) break;
    int bOk = eWant==WANT_TITLE ? (k->fClass & MARSAD_GAZ_TITLE)!=0
                                  && !(j==i && (k->fClass & MARSAD_GAZ_TITLEART) && !f.bArt)
            : (k->iEntity>=0 && !(k->fClass & MARSAD_GAZ_HOME)
               && !(j==i && (k->fClass & (MARSAD_GAZ_COMMON|MARSAD_GAZ_STOP)))
               && !(j==i && !marsad_gaz_article_fits(k, f.bArt)));
    if( bOk ){ nBest = j-i+1; *ppKey = k; }
    if( eWant==WANT_ENTITY && j>i && k->iEntity<0 && (k->fClass & MARSAD_GAZ_COMMON) ) nBest = 0;
    if( !(k->fClass & MARSAD_GAZ_PREFIX) ) break;
    j++;
    if( j>=p->aEnd[t->iField] || j-i>=NER_MAX_WORDS || p->aTok[j].eKind==MARSAD_TOKEN_PUNCT ) break;
    if( p->aTok[j].bCovered ) break;
    if( j==i+1 ){
      marsad_buf_reset(&p->tmp);
      marsad_buf_append(&p->tmp, tok_key(p, t)+f.iBare, t->nKey-(uint32_t)f.iBare);
    }
    marsad_buf_append(&p->tmp, " ", 1);
    marsad_buf_append(&p->tmp, tok_key(p, &p->aTok[j]), p->aTok[j].nKey);
  }
  return nBest;
}

/* A candidate name at a token, before it is kept. */
typedef struct ner_cand {
  int n;                   /* tokens */
  ner_form f;              /* form of the first token */
  int eKind;               /* MARSAD_ENTITY_* */
  unsigned flags;          /* MARSAD_NER_* */
  int iGaz;                /* gazetteer entity or -1 */
  unsigned fKey;           /* the gazetteer key's classes (MARSAD_GAZ_*) */
  int bDropHead;           /* key leaves out the first word (وزارة) */
  int eSrc;                /* SRC_* */
} ner_cand;

static int tok_seen_bare(marsad_ner *p, int i, int off);

/* True when a one-word GeoNames town read in token i as form f is not
** taken: after a clitic when the word as written is one of the lists'
** words (باولو, a given name, is not ب + اولو, Oulu), and after the
** conjunction ف (rare before a place) when the text does not also have the
** word without it (فريدة is "unique", not ف + ريدة, Rhede). */
static int ner_town_clitic_refused(marsad_ner *p, int i, ner_form f){
  return !f.bArt && f.iSpan>0
      && ((tok_class(p, i) & ~(unsigned)MARSAD_GAZ_PREFIX)
          || (key_at(tok_key(p, &p->aTok[i]), (int)p->aTok[i].nKey, 0, AR_FA)
              && !tok_seen_bare(p, i, f.iBare)));
}

static int ner_inflected(const char *k, int n, int fWhat);

/* True when token i, read as form f after a preposition (ب ل ك) and
** without the article as a place that is no country, is from that
** preposition on an inflected word of the dictionary (بابها: باب + ها, its
** door, not ب + أبها, Abha; لزاما, باكرا: an accusative, not Zama, Accra;
** a noun with a pronoun, a dual, a verb), unless the text writes the
** name's first letter with a hamza (بأبها), which no such word has there.
** Not for a name ending in يا, the end of so many places' names (كآسيا،
** بروسيا) and of few words, nor for a person's (لبوتين is no لبوة +
** تين, two lionesses). */
static int ner_clitic_inflected(marsad_ner *p, int i, ner_form f, const marsad_gaz_key *g){
  const ner_tok *t = &p->aTok[i];
  const char *k = tok_key(p, t);
  int o = f.iSpan-2, n = (int)t->nKey;
  if( f.bArt || o<0 || marsad_gaz_country(g->iEntity) || key_at(k, n, n-4, "\xD9\x8A\xD8\xA7")
   || marsad_gaz_entity_at(g->iEntity)->eKind!=MARSAD_ENTITY_PLACE
   || !clitic_at(k, n, o, AR_BA, AR_LAM, AR_KAF) || !ner_inflected(k+o, n-o, INFL_MORE) ) return 0;
  const unsigned char *z = (const unsigned char *)p->az[t->iField] + t->iStart;
  uint32_t nz = t->iEnd - t->iStart, e = 0;
  for(int nLetter=0; e+1<nz; e+=2){          /* the letter the name starts with */
    int bMark = z[e]==0xD9 && (z[e+1]==0x80 || (z[e+1]>=0x8B && z[e+1]<=0x92));
    if( !bMark && nLetter++==f.iSpan/2 ) break;
  }
  return !(e+1<nz && z[e]==0xD8 && (z[e+1]==0xA2 || z[e+1]==0xA3 || z[e+1]==0xA5));   /* آ أ إ */
}

/* True when token i, read as form f, is written with a final ى (harakat
** after it passed over) and is so a stem of the dictionary (المجرى, the
** channel; اليمنى, the right): keys fold ى into ي, so that it would read
** as a nisba adjective (المجري, Hungarian; اليمني, Yemeni). A nisba that
** some news write with ى (المصرى) stays one. */
static int ner_maqsura_word(marsad_ner *p, int i, ner_form f){
  const ner_tok *t = &p->aTok[i];
  const unsigned char *z = (const unsigned char *)p->az[t->iField] + t->iStart;
  uint32_t n = t->iEnd - t->iStart;
  while( n>=2 && z[n-2]==0xD9 && z[n-1]>=0x8B && z[n-1]<=0x92 ) n -= 2;   /* harakat */
  if( n<2 || z[n-2]!=0xD9 || z[n-1]!=0x89 ) return 0;
  return marsad_arword_maqsura(tok_key(p, t)+f.iBare, t->nKey-f.iBare);
}

/* True when token i is written with tanween (ً ٌ ٍ): an indefinite noun or
** an adverb (لزاماً، باكراً: ل + زاما, Zama; ب + اكرا, Accra), which a
** name in news text never carries. */
static int ner_tanween(marsad_ner *p, int i){
  const ner_tok *t = &p->aTok[i];
  const unsigned char *z = (const unsigned char *)p->az[t->iField] + t->iStart;
  uint32_t n = t->iEnd - t->iStart;
  for(uint32_t k=0; k+1<n; k++){
    if( z[k]==0xD9 && z[k+1]>=0x8B && z[k+1]<=0x8D ) return 1;
  }
  return 0;
}

/* True when token i, read as form f, is a feminine plural in يات without
** the article followed by a word with the article: the head of a
** construct, a noun (مجريات المحاكمة, the course of the trial), not the
** nisba of a place (لاعبات مجريات). */
static int ner_plural_construct(marsad_ner *p, int i, ner_form f){
  const ner_tok *t = &p->aTok[i];
  const char *k = tok_key(p, t);
  int nk = (int)t->nKey;
  if( f.bArt || i+1>=p->aEnd[t->iField] || !tok_word(p, i+1) || !tok_article(p, i+1) ) return 0;
  return key_at(k, nk, nk-6, "\xD9\x8A\xD8\xA7\xD8\xAA");   /* يات */
}

/* The longest gazetteer name at token i over all its forms (n==0: none).
** Of two readings as long, a country or a curated name wins over a town
** of GeoNames alone (وجدة: و + جدة, Jeddah, not Oujda); a GeoNames town
** of one word is read after a clitic only when the word as written is
** none of the lists' words (باولو, a given name, is not ب + اولو, Oulu),
** and after the conjunction ف (rare before a place) only when the text
** also has the word without it (فريدة is "unique", not ف + ريدة, Rhede);
** a word written with tanween is no name of one word (ner_tanween);
** a dictionary word written with a final ى is no adjective
** (ner_maqsura_word), nor a plural in يات heading a construct
** (ner_plural_construct). */
static ner_cand ner_gaz_at(marsad_ner *p, int i){
  ner_cand best;
  memset(&best, 0, sizeof best);
  best.iGaz = -1;
  if( !(tok_any(p, i) & (NER_ENTITY|MARSAD_GAZ_PREFIX)) ) return best;
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  for(int k=0; k<na; k++){
    const marsad_gaz_key *pKey = 0;
    int n = ner_longest(p, i, a[k], WANT_ENTITY, &pKey);
    int bTown = n==1 && marsad_gaz_town(pKey->iEntity);
    if( bTown && ner_town_clitic_refused(p, i, a[k]) ) continue;
    if( n==1 && (ner_tanween(p, i) || ner_clitic_inflected(p, i, a[k], pKey)) ) continue;
    if( n==1 && (pKey->fClass & MARSAD_GAZ_ADJ)
     && (ner_maqsura_word(p, i, a[k]) || ner_plural_construct(p, i, a[k])) ) continue;
    if( n>best.n || (n>0 && n==best.n && best.iGaz>=0 && marsad_gaz_town(best.iGaz) && !bTown) ){
      best.n = n;
      best.f = a[k];
      best.iGaz = pKey->iEntity;
      best.fKey = pKey->fClass;
      best.eKind = marsad_gaz_entity_at(pKey->iEntity)->eKind;
      best.flags = MARSAD_NER_GAZ;
      best.eSrc = SRC_GAZ;
      if( (pKey->fClass & MARSAD_GAZ_ADJ)
       || ((pKey->fClass & MARSAD_GAZ_ADJART) && a[k].bArt) ){
        best.flags |= MARSAD_NER_ADJ;
      }
    }
  }
  return best;
}

/* True when token j is ب and a place the gazetteer knows (بمكة، بجدة:
** where someone is, not a word of his name). */
static int ner_at_place(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  if( t->eKind!=MARSAD_TOKEN_ARABIC || !key_at(tok_key(p, t), (int)t->nKey, 0, AR_BA) ) return 0;
  const marsad_gaz_key *g = tok_lookup(p, j, (ner_form){2, 2, 0});
  return g && g->iEntity>=0 && marsad_gaz_entity_at(g->iEntity)->eKind==MARSAD_ENTITY_PLACE;
}

/* True when token j may continue an organisation's genitive tail after n
** tail words. A common word (class common: a town somewhere, or a generic
** noun: النادي، الإدارة) may not, but with the article as an adjective:
** after the first tail word (هيئة السوق المالية، للجيش المالي) or as a
** feminine relative adjective (وزارة المالية). A word with و and the
** article may (وزارة التجارة والصناعة), unless it is an organisation head:
** a second body (الاتحاد الأوروبي لكرة القدم والاتحاد الآسيوي). */
static int ner_tail_word(marsad_ner *p, int j, int n){
  const ner_tok *t = &p->aTok[j];
  const char *k = tok_key(p, t);
  int nk = (int)t->nKey;
  unsigned c = tok_class(p, j);
  int bArt = key_at(k, nk, 0, AR_ALEF AR_LAM) || key_at(k, nk, 0, AR_LAM AR_LAM);
  if( t->eKind!=MARSAD_TOKEN_ARABIC || t->bCovered ) return 0;
  if( c & (MARSAD_GAZ_STOP|MARSAD_GAZ_TITLE|MARSAD_GAZ_GIVEN) ) return 0;
  if( (c & MARSAD_GAZ_COMMON) && !(bArt && (n>0 || key_at(k, nk, nk-4, "\xD9\x8A\xD9\x87"))) ){
    return 0;
  }
  if( ner_at_place(p, j) ) return 0;
  if( bArt ) return 1;
  if( n==0 && (c & MARSAD_GAZ_ADJ) ) return 0;   /* جامعة بريطانية: a British university */
  if( n>0 && key_at(k, nk, 0, AR_WAW AR_ALEF AR_LAM) ){   /* وزارة التجارة والصناعة, */
    return !(tok_any(p, j) & MARSAD_GAZ_ORGHEAD);         /* not a second body: والاتحاد */
  }
  if( n>0 && key_at(k, nk, 0, AR_LAM) && j+1<p->aEnd[t->iField]
   && p->aTok[j+1].eKind==MARSAD_TOKEN_ARABIC
   && key_at(tok_key(p, &p->aTok[j+1]), (int)p->aTok[j+1].nKey, 0, AR_ALEF AR_LAM) ){
    return 1;                                       /* لحقوق الإنسان */
  }
  return (c & NER_ENTITY)!=0;
}

/* True when token j, with the article, ends as a relative adjective does
** (ي، ية، يون، يين، يات: الاجتماعية، السوري، الفلسطينيين). */
static int ner_nisba(marsad_ner *p, int j){
  static const char *const az[] = {"\xD9\x8A", "\xD9\x8A\xD9\x87", "\xD9\x8A\xD9\x88\xD9\x86",
                                   "\xD9\x8A\xD9\x8A\xD9\x86", "\xD9\x8A\xD8\xA7\xD8\xAA"};
  const ner_tok *t = &p->aTok[j];
  const char *k = tok_key(p, t);
  if( !key_at(k, (int)t->nKey, 0, AR_ALEF AR_LAM) ) return 0;
  for(size_t i=0; i<sizeof(az)/sizeof(az[0]); i++){
    size_t n = strlen(az[i]);
    if( t->nKey>=n+8 && memcmp(k+t->nKey-n, az[i], n)==0 ) return 1;
  }
  return 0;
}

/* True when token j, after the tail word j-1 of an organisation's name,
** cannot continue it: a word with the article after a relative adjective
** that is no adjective itself (وزارة التنمية الاجتماعية | المواطنين: the
** adjective closes the genitive chain, and a noun after it is the verb's
** object). */
static int ner_tail_closed(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  return key_at(tok_key(p, t), (int)t->nKey, 0, AR_ALEF AR_LAM)
      && ner_nisba(p, j-1) && !ner_nisba(p, j);
}

static int ner_name_len(marsad_ner *p, int i, ner_form f, int bTitle);
static int ner_lineage_next(marsad_ner *p, int i);


/* True when token j starts with a preposition and the article (للعلوم،
** بالرياض). */
static int ner_prep_article(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  const char *k = tok_key(p, t);
  return key_at(k, (int)t->nKey, 0, AR_LAM AR_LAM) || key_at(k, (int)t->nKey, 0, AR_BA AR_ALEF AR_LAM);
}

/* True when token j is a preposition with the article (للعلوم، بالرياض)
** or with a noun that is never a name (بمنطقة، لشركة): no part of a
** person's name. */
static int ner_prep_word(marsad_ner *p, int j){
  return ner_prep_article(p, j) || (tok_any(p, j) & NER_NOT_NAME)!=0;
}

/* The words of a royal or honorific title with the article and the name
** after it inside an organisation's name (جامعة الملك سعود، مستشفى الأمير
** سلطان بن عبدالعزيز), or 0. */
static int ner_tail_royal(marsad_ner *p, int j){
  int iEnd = p->aEnd[p->aTok[j].iField];
  if( p->aTok[j].eKind!=MARSAD_TOKEN_ARABIC || p->aTok[j].bCovered || j+1>=iEnd ) return 0;
  if( !tok_article(p, j) || !(tok_class(p, j) & MARSAD_GAZ_TITLE) ) return 0;
  if( !(tok_class(p, j+1) & MARSAD_GAZ_GIVEN) ) return 0;
  int n = ner_name_len(p, j+1, tok_form0(p, j+1), 1);
  return n>0 ? 1+n : 0;
}

/* True when token j, after an organisation's head with the article, is an
** adjective with the article (no name, no class of the lists) followed by
** a complement with ل that may continue the name: الهيئة العامة |
** للطيران، الهيئة الوطنية | لمكافحة الفساد. */
static int ner_adj_complement(marsad_ner *p, int j){
  int iEnd = p->aEnd[p->aTok[j].iField];
  if( j+1>=iEnd || p->aTok[j].eKind!=MARSAD_TOKEN_ARABIC || !tok_article(p, j) ) return 0;
  if( tok_any(p, j) & (NER_ENTITY|NER_NOT_NAME|MARSAD_GAZ_GIVEN|MARSAD_GAZ_ADJ) ) return 0;
  const ner_tok *t = &p->aTok[j+1];
  return t->eKind==MARSAD_TOKEN_ARABIC && key_at(tok_key(p, t), (int)t->nKey, 0, AR_LAM)
      && ner_tail_word(p, j+1, 1);
}

/* An organisation pattern at token i (n==0: none). */
static ner_cand ner_org_at(marsad_ner *p, int i){
  ner_cand best;
  const ner_tok *t = &p->aTok[i];
  int iEnd = p->aEnd[t->iField];
  memset(&best, 0, sizeof best);
  best.iGaz = -1;
  if( !(tok_any(p, i) & (MARSAD_GAZ_ORGHEAD|MARSAD_GAZ_ORGADJ)) ) return best;
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  for(int k=0; k<na; k++){
    const marsad_gaz_key *pKey = tok_lookup(p, i, a[k]);
    unsigned c = pKey ? pKey->fClass : 0;
    int bArt = a[k].bArt;
    int j = i+1, n = 0;
    if( !(c & (MARSAD_GAZ_ORGHEAD|MARSAD_GAZ_ORGADJ)) ) continue;
    if( bArt || !(c & MARSAD_GAZ_ORGHEAD) ){
      /* the head needs a nationality or place after it, or an adjective
      ** and a complement with ل (الهيئة العامة للطيران المدني) */
      if( !bArt || j>=iEnd || !tok_word(p, j) || p->aTok[j].bCovered ) continue;
      const marsad_gaz_key *pAdj = 0;
      int nAdj = ner_longest(p, j, tok_form0(p, j), WANT_ENTITY, &pAdj);
      if( nAdj==0 || marsad_gaz_entity_at(pAdj->iEntity)->eKind!=MARSAD_ENTITY_PLACE ){
        nAdj = (c & MARSAD_GAZ_ORGHEAD) && ner_adj_complement(p, j) ? 1 : 0;
      }
      if( nAdj==0 ) continue;
      n += nAdj;
      j += nAdj;
    }
    while( n<6 && j<iEnd ){
      /* four words of genitives, and an adjective agreeing with the last
      ** (مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية) */
      int nw = ner_tail_word(p, j, n) ? (n<4 || ner_nisba(p, j)) : ner_tail_royal(p, j);
      if( nw==0 || (n>0 && ner_tail_closed(p, j)) ) break;
      n += nw;
      j += nw;
    }
    if( n>0 && 1+n>best.n ){
      best.n = 1+n;
      best.f = a[k];
      best.eKind = MARSAD_ENTITY_ORG;
      best.flags = MARSAD_NER_PATTERN;
      best.eSrc = SRC_ORG;
      best.bDropHead = (c & MARSAD_GAZ_ORGHEAD) && !bArt && n>=2
                    && (tok_class(p, i+1) & MARSAD_GAZ_ORGADJ);
    }
  }
  return best;
}

/* True when token j is a family name with the article after a lineage
** (عادل بن أحمد | الجبير، عزام بن محمد | الدخيل): an uncovered Arabic word
** with the article that is no function word, title, head noun or common
** word, and no name of the gazetteer but a person's. */
static int ner_family_at(marsad_ner *p, int j){
  if( j>=p->nTok || j>=p->aEnd[p->aTok[j-1].iField] || p->aTok[j].eKind!=MARSAD_TOKEN_ARABIC
   || p->aTok[j].bCovered ) return 0;
  ner_form f = tok_form0(p, j);
  if( !f.bArt || f.iSpan!=0 || (tok_class(p, j) & NER_NOT_NAME) ) return 0;
  const marsad_gaz_key *k = tok_lookup(p, j, f);
  return !(k && k->iEntity>=0 && marsad_gaz_entity_at(k->iEntity)->eKind!=MARSAD_ENTITY_PERSON);
}

/* The number of words of a person's name starting at token i, read with
** form f (0 when there is none). bTitle: a title came before, so a name
** that does not start with a given name may have one or two words. */
static int ner_name_len(marsad_ner *p, int i, ner_form f, int bTitle){
  int iEnd = p->aEnd[p->aTok[i].iField];
  int n = 0, nMax = 0, bJoin = 0, bNamed = 0;
  for(int j=i; j<iEnd && (n<nMax || n==0); j++){
    const ner_tok *t = &p->aTok[j];
    if( !tok_word(p, j) || t->bCovered ) break;
    if( t->eKind==MARSAD_TOKEN_LATIN && !t->bUpper ) break;
    ner_form fj = n==0 ? f : tok_form0(p, j);
    unsigned c = tok_class_f(p, j, fj);
    int bArt = fj.bArt;
    int bGiven = (c & MARSAD_GAZ_GIVEN)!=0;
    int bPart = (c & MARSAD_GAZ_PARTICLE)!=0;
    if( n>0 && bJoin && !bGiven && (tok_class(p, j-1) & MARSAD_GAZ_PARTICLE) ){
      /* the word after بن، آل، أبي، ولد is a name whatever else it reads as
      ** (عمر بن الخطاب، عبدالله بن خميس، عبداللطيف آل الشيخ، علي بن أبي
      ** طالب), unless it is a known name of another kind (فان إيران), a
      ** function word (من، في) or a preposition with the article (للعلوم) */
      if( t->eKind!=MARSAD_TOKEN_ARABIC || ner_prep_article(p, j) || (c & NER_ENTITY)
       || ((c & MARSAD_GAZ_STOP) && t->nKey<=6) ) break;
      if( !bPart ){ bJoin = 0; bNamed = 1; n++; continue; }
    }
    if( bNamed && !bGiven && !bPart ) break;  /* then only a name goes on */
    if( n==0 ){
      if( ((c & NER_NOT_NAME) || (c & NER_ENTITY)) && !bGiven && !bPart ) return 0;
      if( bArt ) return 0;
      if( fj.iSpan==0 && !bGiven && !bPart && key_at(tok_key(p, t), (int)t->nKey, 0, AR_WAW) ){
        return 0;     /* و starts the next clause, not a name (الفريق ... وأفضل) */
      }
      if( !bGiven && !bPart && ner_prep_word(p, j) ) return 0;   /* المدير التنفيذي لشركة */
      if( (int)t->nKey-fj.iBare<4 ) return 0;
      nMax = (bGiven || bPart || ner_lineage_next(p, j)) ? 3 : (bTitle ? 2 : 0);
      if( nMax==0 ) return 0;
    }else if( bPart ){
      if( nMax<NER_MAX_NAME ) nMax++;
    }else if( !bGiven ){
      const char *k = tok_key(p, t);
      if( n>=3 && ner_lineage_next(p, j-3) && bJoin && ner_family_at(p, j) ){
        n++;                      /* عادل بن أحمد الجبير: the family, known or not */
        break;
      }
      if( (c & NER_NOT_NAME) || (c & NER_ENTITY) ) break;
      if( bArt && !bJoin ) break;
      if( ner_prep_word(p, j) || ner_at_place(p, j) ) break;
      if( key_at(k, (int)t->nKey, 0, AR_WAW) ) break;
      if( t->eKind!=p->aTok[i].eKind ) break;
    }
    if( (c & MARSAD_GAZ_CONSTRUCT) && !bTitle && j+1<iEnd && tok_word(p, j+1)
     && tok_article(p, j+1) ){
      return 0;       /* (تأمر بحبس) مالك العقار: the building's owner, no name */
    }
    bJoin = bGiven || bPart;
    n++;
  }
  while( n>0 && (tok_class(p, i+n-1) & MARSAD_GAZ_PARTICLE) ) n--;
  if( n<2 && !bTitle ) return 0;
  if( n==1 && !(tok_class_f(p, i, f) & MARSAD_GAZ_GIVEN) && i+1<iEnd && tok_word(p, i+1)
   && !(tok_class(p, i+1) & MARSAD_GAZ_STOP) ){
    return 0;     /* one unknown word after a title, and no pause: not a name */
  }
  return n;
}

/* ---------------------------------------------------------------- hits */

/* Builds the key of a name over tokens [i0, i1) whose first token is read
** with form f into p->hitKeys; sets *piKey, *pnKey. bDropHead leaves the
** first word out (and the article of the next). */
static void ner_build_key(marsad_ner *p, int i0, int i1, ner_form f, int bDropHead,
                          uint32_t *piKey, uint32_t *pnKey){
  marsad_buf *b = &p->hitKeys;
  size_t iStart = b->n;
  if( bDropHead && i1-i0>=2 ){
    i0++;
    f = tok_form0(p, i0);
  }
  for(int i=i0; i<i1; i++){
    const ner_tok *t = &p->aTok[i];
    int o = i==i0 ? f.iBare : 0;
    if( i>i0 ) marsad_buf_append(b, " ", 1);
    marsad_buf_append(b, tok_key(p, t)+o, t->nKey-(uint32_t)o);
  }
  *piKey = (uint32_t)iStart;
  *pnKey = (uint32_t)(b->n-iStart);
  marsad_buf_append(b, "", 1);
}

/* Keeps candidate c at token i. MARSAD_OK or NOMEM. A person named by a
** given name alone (عبدالله، فهد، عبد الرحمن) is not kept: it names too
** many people; nor is a nationality after a currency (دولار أمريكي: the
** money, not the place); nor a person of the model's whose first word
** ends in ta marbuta and is no given name of the lists (برقية تهنئة, a
** cable of congratulation: foreign names are not written with ة). */
static int ner_keep(marsad_ner *p, int i, const ner_cand *c){
  const ner_tok *t = &p->aTok[i];
  int i0 = t->iField==0 ? 0 : p->aEnd[0];
  if( (c->flags & MARSAD_NER_ADJ) && i>i0 && tok_word(p, i-1)
   && (tok_any(p, i-1) & MARSAD_GAZ_CURRENCY) ){
    return MARSAD_OK;
  }
  unsigned c0 = tok_class_f(p, i, c->f);       /* the first word without its clitics */
  if( c->eKind==MARSAD_ENTITY_PERSON && c->iGaz<0 && !(c->flags & MARSAD_NER_SURNAME)
   && ((c->n==1 && (c0 & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE)))
       || (c->n==2 && (c0 & MARSAD_GAZ_PARTICLE))) ){
    return MARSAD_OK;
  }
  if( c->eKind==MARSAD_ENTITY_PERSON && c->eSrc==SRC_MODEL && !(c0 & MARSAD_GAZ_GIVEN)
   && !c->f.bArt && t->iEnd-t->iStart>=2 && memcmp(p->az[t->iField]+t->iEnd-2, AR_TA_MARBUTA, 2)==0 ){
    return MARSAD_OK;     /* برقية تهنئة: a noun in ة that no list knows as a name */
  }
  if( p->nHit>=p->nHitAlloc ){
    int nNew = p->nHitAlloc ? p->nHitAlloc*2 : 64;
    ner_hit *aNew = marsad_realloc(p->aHit, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->aHit = aNew;
    p->nHitAlloc = nNew;
  }
  int rc = marsad_norm_run(p->az[t->iField]+t->iStart, t->iEnd-t->iStart, &p->norm);
  if( rc ) return rc;
  ner_hit *h = &p->aHit[p->nHit];
  h->iField = t->iField;
  h->iStart = t->iStart + (c->f.iSpan<=(int)p->norm.n ? p->norm.aOff[c->f.iSpan] : 0);
  h->iEnd = p->aTok[i+c->n-1].iEnd;
  h->eKind = c->eKind;
  h->flags = c->flags;
  h->iGaz = c->iGaz;
  h->iTok0 = i;
  h->iTok1 = i+c->n;
  h->eSrc = c->eSrc;
  ner_build_key(p, i, i+c->n, c->f, c->bDropHead, &h->iKey, &h->nKey);
  if( p->hitKeys.rc ) return p->hitKeys.rc;
  for(uint32_t e=1; c->iGaz<0 && e<=h->nKey; e++){   /* starts with a common phrase */
    const char *zk = p->hitKeys.a+h->iKey;
    if( e<h->nKey && zk[e]!=' ' ) continue;
    const marsad_gaz_key *k = memchr(zk, ' ', e) ? marsad_gaz_lookup(zk, e) : 0;
    if( k && (k->fClass & (MARSAD_GAZ_COMMON|MARSAD_GAZ_STOP)) ){
      p->hitKeys.n = h->iKey;
      return MARSAD_OK;
    }
  }
  for(int k=i; k<i+c->n; k++) p->aTok[k].bCovered = 1;
  p->nHit++;
  return MARSAD_OK;
}

/* Keeps a name that a rule or the model found (not the gazetteer) at token
** i: n words, the first read with form f, of kind eKind (MARSAD_ENTITY_*),
** marked flags (MARSAD_NER_*), found by eSrc (SRC_*). */
static int ner_keep_found(marsad_ner *p, int i, int n, ner_form f, int eKind,
                          unsigned flags, int eSrc){
  ner_cand c;
  memset(&c, 0, sizeof c);
  c.n = n;
  c.f = f;
  c.eKind = eKind;
  c.flags = flags;
  c.iGaz = -1;
  c.eSrc = eSrc;
  return ner_keep(p, i, &c);
}

/* True when token i is a nationality adjective of the gazetteer. */
static int tok_is_adj(marsad_ner *p, int i){
  const marsad_gaz_key *k = tok_lookup(p, i, tok_form0(p, i));
  return k && k->iEntity>=0 && (k->fClass & MARSAD_GAZ_ADJ);
}

/* True when the word after token i is بن، ابن or بنت (son or daughter
** of): token i is then a given name. */
static int ner_lineage_next(marsad_ner *p, int i){
  static const char *const az[] = {AR_BA AR_NUN, AR_ALEF AR_BA AR_NUN, AR_BA AR_NUN AR_TA};
  if( i+1>=p->aEnd[p->aTok[i].iField] || p->aTok[i+1].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  const ner_tok *t = &p->aTok[i+1];
  for(size_t k=0; k<sizeof(az)/sizeof(az[0]); k++){
    if( t->nKey==strlen(az[k]) && memcmp(tok_key(p, t), az[k], t->nKey)==0 ) return 1;
  }
  return 0;
}

/* The best name at token i: the gazetteer's, unless an organisation
** pattern is longer and, when the gazetteer found a name, ends on a
** nationality adjective (مجلس الأمن الروسي is not the UN's) or, after an
** organisation's name, on a relative adjective (مجلس الأمن القومي, قوات
** الطوارئ الدولية are not مجلس الأمن, قوات الطوارئ), or after an
** organisation's short name that ends on a nationality adjective and
** whose full name goes on with a complement (الاتحاد السعودي of الاتحاد
** السعودي لكرة القدم), with another complement with ل: الاتحاد السعودي
** للفروسية is another federation (الاتحاد الأوروبي لوقف العدوان is still
** the EU's name and a purpose). */
static ner_cand ner_named_at(marsad_ner *p, int i){
  ner_cand g = ner_gaz_at(p, i);
  ner_cand o = ner_org_at(p, i);
  if( g.n==1 && (g.flags & MARSAD_NER_ADJ) && (tok_class(p, i) & MARSAD_GAZ_GIVEN)
   && ner_lineage_next(p, i) ){
    memset(&g, 0, sizeof g);      /* الأمير تركي بن محمد: a name, not Turkish */
    g.iGaz = -1;
  }
  if( o.n<=g.n ) return g;
  if( g.eKind==MARSAD_ENTITY_ORG && (g.fKey & MARSAD_GAZ_PREFIX) && tok_is_adj(p, i+g.n-1)
   && key_at(tok_key(p, &p->aTok[i+g.n]), (int)p->aTok[i+g.n].nKey, 0, AR_LAM) ){
    return o;
  }
  if( g.n>0 && !tok_is_adj(p, i+o.n-1) && !(g.eKind==MARSAD_ENTITY_ORG && ner_nisba(p, i+o.n-1)) ){
    return g;
  }
  return o;
}

/* True when token j, no given name, may be read as a preposition (ب ل ك)
** before a word of three letters or more (بتأمين، لتنفيذ). */
static int ner_prep_start(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  const char *k = tok_key(p, t);
  if( tok_class(p, j) & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE|NER_ENTITY) ) return 0;
  return t->nKey>=8 && (key_at(k, (int)t->nKey, 0, AR_BA) || key_at(k, (int)t->nKey, 0, AR_LAM)
                        || key_at(k, (int)t->nKey, 0, AR_KAF));
}

/* True when token j, no given name, name particle or known name, is an
** ordinary word of the Arabic dictionary (صرف، برقية), which starts a name
** after a title less often than it follows the title as its object. */
static int ner_common_start(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  if( tok_class(p, j) & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE|NER_ENTITY) ) return 0;
  return marsad_arword(tok_key(p, t), t->nKey);
}

/* A title at token i and the name after it. Sets *pnUsed to the tokens
** consumed (0 when there is no title). */
static int ner_title_at(marsad_ner *p, int i, int *pnUsed){
  const ner_tok *t = &p->aTok[i];
  int iEnd = p->aEnd[t->iField];
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  int nT = 0, rc = MARSAD_OK;
  *pnUsed = 0;
  if( !(tok_any(p, i) & (MARSAD_GAZ_TITLE|MARSAD_GAZ_PREFIX)) ) return MARSAD_OK;
  for(int k=0; k<na && nT==0; k++){
    const marsad_gaz_key *pKey = 0;
    nT = ner_longest(p, i, a[k], WANT_TITLE, &pKey);
  }
  *pnUsed = 0;
  if( nT==0 ) return MARSAD_OK;
  int j = i+nT, nMod = 0;
  while( rc==MARSAD_OK && j<iEnd && nMod<6 ){   /* complements of the title */
    const ner_tok *u = &p->aTok[j];
    if( u->bComma ){ if( j+1<iEnd && tok_word(p, j+1) ) j++; break; }
    if( !tok_word(p, j) || u->bCovered ) break;
    unsigned c = tok_class(p, j);
    if( c & MARSAD_GAZ_OFFICE ){ j++; nMod++; continue; }
    const marsad_gaz_key *pKey = 0;
    int nT2 = ner_longest(p, j, tok_form0(p, j), WANT_TITLE, &pKey);
    if( nT2>0 ){ j += nT2; nMod++; continue; }
    ner_cand n = ner_named_at(p, j);
    if( n.n>0 && n.eKind!=MARSAD_ENTITY_PERSON ){
      rc = ner_keep(p, j, &n);
      j += n.n; nMod++;
      continue;
    }
    if( u->nKey==4 && memcmp(tok_key(p, u), AR_FI, 4)==0 && j+1<iEnd && tok_word(p, j+1) ){
      n = ner_gaz_at(p, j+1);
      if( n.n>0 && n.eKind==MARSAD_ENTITY_PLACE ){
        rc = ner_keep(p, j+1, &n);
        j += 1+n.n; nMod++;
        continue;
      }
    }
    break;
  }
  if( rc==MARSAD_OK && j<iEnd && tok_word(p, j) && !p->aTok[j].bCovered ){
    ner_cand n = ner_gaz_at(p, j);
    if( n.n>0 && n.eKind==MARSAD_ENTITY_PERSON ){
      rc = ner_keep(p, j, &n);
      j += n.n;
    }else if( n.n==0 ){
      int nName = ner_name_len(p, j, tok_form0(p, j), 1);
      if( nName>0 ){
        rc = ner_keep_found(p, j, nName, tok_form0(p, j), MARSAD_ENTITY_PERSON,
                            MARSAD_NER_PATTERN,
                            ner_prep_start(p, j) || ner_common_start(p, j) ? SRC_TITLECL : SRC_TITLE);
        j += nName;
      }
    }
  }
  *pnUsed = j-i;
  return rc;
}

/* A name that starts with a given name at token i (the word itself or
** after the conjunction و). Sets *pnUsed (0: none). */
static int ner_given_at(marsad_ner *p, int i, int *pnUsed){
  const ner_tok *t = &p->aTok[i];
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  *pnUsed = 0;
  for(int k=0; k<na; k++){
    if( a[k].iSpan>2 || (a[k].iSpan==2 && !key_at(tok_key(p, t), (int)t->nKey, 0, AR_WAW)) ) continue;
    unsigned c = tok_class_f(p, i, a[k]);
    if( !(c & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE)) ) continue;
    int n = ner_name_len(p, i, a[k], 0);
    if( n>=2 ){
      *pnUsed = n;
      return ner_keep_found(p, i, n, a[k], MARSAD_ENTITY_PERSON, MARSAD_NER_PATTERN, SRC_GIVEN);
    }
  }
  return MARSAD_OK;
}

/* True when token j, after a place noun, is an adjective agreeing with
** it, no name: a feminine relative adjective, a stem of the dictionary
** and ية as written (منطقة حدودية، ولاية رئاسية، مدينة سياحية). Not a
** plural in ون or ين: many towns' names end so (سيئون، مرسين، عربين). */
static int ner_feminine_adjective(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  int n = (int)t->nKey;
  return n>=10 && t->iEnd-t->iStart>=4
      && memcmp(p->az[t->iField]+t->iEnd-4, "\xD9\x8A" AR_TA_MARBUTA, 4)==0
      && marsad_arword(tok_key(p, t), (size_t)(n-4));
}

/* A place noun at token i (مدينة، بلدة) and the unknown word after it. The
** noun must be in construct, without an article the list does not give it
** (بمحافظة ظفار, العاصمة كابول): after المحافظة or الحي the next word is
** no name (المحافظة قررت، سكان الحي مراراً). A place named after a titled
** person is the noun, the title, the name and a relative adjective after
** it (مدينة الملك عبدالله الرياضية، مطار الأمير محمد بن عبدالعزيز): a
** place, not the person. */
static int ner_placehead_at(marsad_ner *p, int i, int *pnUsed){
  const ner_tok *t = &p->aTok[i];
  int j = i+1;
  *pnUsed = 0;
  if( j>=p->aEnd[t->iField] || p->aTok[j].eKind!=MARSAD_TOKEN_ARABIC ) return MARSAD_OK;
  int na;
  const ner_form *a = tok_forms(p, i, &na);
  int bHead = 0, kHead = 0;
  for(int k=0; k<na && !bHead; k++){
    bHead = a[k].iBare==a[k].iSpan
         && (key_class(tok_lookup(p, i, a[k]), a[k]) & MARSAD_GAZ_PLACEHEAD)!=0;
    kHead = k;
  }
  int nRoyal = bHead ? ner_tail_royal(p, j) : 0;
  if( nRoyal>0 ){
    if( j+nRoyal<p->aEnd[t->iField] && ner_nisba(p, j+nRoyal) ) nRoyal++;
    *pnUsed = 1+nRoyal;
    return ner_keep_found(p, i, 1+nRoyal, a[kHead], MARSAD_ENTITY_PLACE, MARSAD_NER_PATTERN, SRC_PLACE);
  }
  if( !bHead || tok_class(p, j) || tok_article(p, j) || p->aTok[j].nKey<6 ) return MARSAD_OK;
  if( ner_prep_word(p, j) ) return MARSAD_OK;    /* المنطقة بحركة: ب + a noun of the lists */
  if( ner_feminine_adjective(p, j) ) return MARSAD_OK;   /* ولاية خامسة، منطقة حدودية */
  if( ner_named_at(p, j).n>0 ) return MARSAD_OK;
  if( key_at(tok_key(p, &p->aTok[j]), (int)p->aTok[j].nKey, 0, AR_WAW) ) return MARSAD_OK;
  int n = 1;
  const marsad_gaz_key *pPre = tok_lookup(p, j, tok_form0(p, j));
  if( pPre && (pPre->fClass & MARSAD_GAZ_PREFIX) && j+1<p->aEnd[t->iField]
   && p->aTok[j+1].eKind==MARSAD_TOKEN_ARABIC && tok_class(p, j+1)==0
   && !tok_article(p, j+1) && !key_at(tok_key(p, &p->aTok[j+1]), (int)p->aTok[j+1].nKey, 0, AR_WAW) ){
    n = 2;      /* the first word of a known name, then a misspelling */
  }
  *pnUsed = 1+n;
  return ner_keep_found(p, j, n, tok_form0(p, j), MARSAD_ENTITY_PLACE, MARSAD_NER_PATTERN, SRC_PLACE);
}

/* True when the run of n capitalized Latin words at token i names
** nothing: one letter (A, C: an initial or a list's mark), or words of a
** page's navigation only (class stop: Next Previous). */
static int ner_latin_noise(marsad_ner *p, int i, int n){
  if( n==1 && p->aTok[i].nKey==1 ) return 1;
  for(int k=i; k<i+n; k++) if( !(tok_class(p, k) & MARSAD_GAZ_STOP) ) return 0;
  return 1;
}

/* A run of capitalized Latin words at token i. */
static int ner_latin_at(marsad_ner *p, int i, int *pnUsed){
  int iEnd = p->aEnd[p->aTok[i].iField], n = 0;
  *pnUsed = 0;
  while( i+n<iEnd && n<4 && p->aTok[i+n].bUpper && !p->aTok[i+n].bCovered ) n++;
  if( n==0 ) return MARSAD_OK;
  *pnUsed = n;
  if( ner_latin_noise(p, i, n) ) return MARSAD_OK;
  return ner_keep_found(p, i, n, (ner_form){0}, MARSAD_ENTITY_OTHER, MARSAD_NER_PATTERN, SRC_LATIN);
}

/* True when the gazetteer's place c at token i is named after a person
** (its first word a given name: صلاح الدين, the Iraqi province) and here
** is a person's name that goes on after it (صلاح الدين المنجد، صلاح الدين
** دميرطاش), the word after it being no given name (محافظ صلاح الدين رائد
** الجبوري: the governor of the province, then a second name). */
static int ner_place_is_person(marsad_ner *p, int i, const ner_cand *c){
  int j = i+c->n;
  if( c->eKind!=MARSAD_ENTITY_PLACE || c->n<2 || c->f.iSpan>2
   || !(tok_class_f(p, i, c->f) & MARSAD_GAZ_GIVEN)
   || j>=p->aEnd[p->aTok[i].iField] || (tok_class(p, j) & MARSAD_GAZ_GIVEN) ) return 0;
  return ner_name_len(p, i, c->f, 0)>c->n;
}

/* Recognises what starts at word i; sets *pnUsed (at least 1). */
static int ner_at(marsad_ner *p, int i, int *pnUsed){
  int rc = MARSAD_OK;
  ner_cand c = ner_named_at(p, i);
  *pnUsed = 1;
  if( c.n>0 && ner_place_is_person(p, i, &c) ){
    int n = 0;
    rc = ner_given_at(p, i, &n);
    if( n>0 ){ *pnUsed = n; return rc; }
  }
  if( c.n>0 ){
    *pnUsed = c.n;
    return ner_keep(p, i, &c);
  }
  int n = 0;
  if( rc==MARSAD_OK ) rc = ner_title_at(p, i, &n);
  if( rc==MARSAD_OK && n==0 ) rc = ner_given_at(p, i, &n);
  if( rc==MARSAD_OK && n==0 ) rc = ner_placehead_at(p, i, &n);
  if( rc==MARSAD_OK && n==0 && p->aTok[i].eKind==MARSAD_TOKEN_LATIN ){
    rc = ner_latin_at(p, i, &n);
  }
  if( n>0 ) *pnUsed = n;
  return rc;
}

/* ---------------------------------------------------------------- surnames */

static int ner_ordinary_word(marsad_ner *p, int j);
static int ner_inflected_word(marsad_ner *p, int j, int fWhat);
static int ner_verb_word(marsad_ner *p, int j);

/* The length of key k[0..n) and its first four bytes (fewer when it is
** shorter) in one number: two keys that differ in it are not equal. */
static uint64_t word_sig(const char *k, size_t n){
  uint32_t v = 0;
  if( n>=4 ) memcpy(&v, k, 4);    /* one load */
  else memcpy(&v, k, n);
  return (uint64_t)n<<32 | v;
}

/* The bit of signature sig in marsad_ner.aSurBits. */
static unsigned sig_bit(uint64_t sig){
  return (unsigned)((sig*0x9E3779B97F4A7C15u) >> 56);
}

/* Remembers tokens [i0, i1) as a surname (room for it checked). */
static void ner_add_surname(marsad_ner *p, int i0, int i1){
  ner_surname *s = &p->aSur[p->nSur];
  ner_form f = {0, 0, 0};
  ner_build_key(p, i0, i1, f, 0, &s->iKey, &s->nKey);
  s->nWord = i1-i0;
  s->nFirst = p->aTok[i0].nKey;
  s->sig = word_sig(tok_key(p, &p->aTok[i0]), s->nFirst);
  p->aSurBits[sig_bit(s->sig)/64] |= 1ull << (sig_bit(s->sig)%64);
  p->nSur++;
}

/* Remembers the surnames of person hit h: its last word (with the particle
** before it, when one is: فان باستن، بن لادن), and the words after its
** first when that is a given name and two or more follow. */
static void ner_note_surnames(marsad_ner *p, const ner_hit *h){
  int n = h->iTok1-h->iTok0;
  if( h->eKind!=MARSAD_ENTITY_PERSON || n<2 || (h->flags & MARSAD_NER_SURNAME) ) return;
  for(int bTail=0; bTail<2 && p->nSur<NER_MAX_SURNAME; bTail++){
    int i0 = bTail ? h->iTok0+1 : h->iTok1-1;
    if( bTail && (n<3 || !(tok_class(p, h->iTok0) & MARSAD_GAZ_GIVEN)) ) break;
    const ner_tok *t = &p->aTok[i0];
    if( t->nKey<6 || (tok_article(p, i0)
                      && (bTail || ner_ordinary_word(p, i0) || ner_inflected_word(p, i0, INFL_PLURAL))) ) continue;
    if( tok_class(p, i0) & ~(unsigned)MARSAD_GAZ_PREFIX ) continue;
    ner_add_surname(p, i0, h->iTok1);
    if( !bTail && n>=3 && (tok_class(p, i0-1) & MARSAD_GAZ_PARTICLE) && p->nSur<NER_MAX_SURNAME ){
      ner_add_surname(p, i0-1, h->iTok1);     /* ماركو فان باستن: فان باستن too */
    }
  }
}

/* True when tokens [i, i+nWord) read with form f of token i spell surname s. */
static int ner_surname_match(marsad_ner *p, int i, ner_form f, const ner_surname *s){
  const char *z = p->hitKeys.a + s->iKey;
  size_t nz = s->nKey, o = 0;
  if( p->aTok[i].nKey-(uint32_t)f.iBare!=s->nFirst ) return 0;
  if( i+s->nWord>p->aEnd[p->aTok[i].iField] ) return 0;
  for(int w=0; w<s->nWord; w++){
    const ner_tok *t = &p->aTok[i+w];
    if( !tok_word(p, i+w) || t->bCovered ) return 0;
    size_t off = w==0 ? (size_t)f.iBare : 0;
    size_t nk = t->nKey-off;
    if( w>0 ){ if( o>=nz || z[o]!=' ' ) return 0; o++; }
    if( o+nk>nz || memcmp(z+o, tok_key(p, t)+off, nk)!=0 ) return 0;
    o += nk;
  }
  return o==nz;
}

/* Finds the remembered surnames in both fields. */
static int ner_surnames(marsad_ner *p){
  int rc = MARSAD_OK, nHit = p->nHit;
  memset(p->aSurBits, 0, sizeof p->aSurBits);
  for(int h=0; h<nHit; h++) ner_note_surnames(p, &p->aHit[h]);
  if( p->hitKeys.rc ) return p->hitKeys.rc;
  for(int i=0; rc==MARSAD_OK && i<p->nTok && p->nSur>0; i++){
    if( !tok_word(p, i) || p->aTok[i].bCovered ) continue;
    int na;
    const ner_form *a = tok_forms(p, i, &na);
    for(int k=0; k<na; k++){
      if( a[k].bArt ) continue;       /* a surname has no article */
      const ner_tok *t = &p->aTok[i];
      uint64_t sig = word_sig(tok_key(p, t)+a[k].iBare, t->nKey-a[k].iBare);
      if( !((p->aSurBits[sig_bit(sig)/64] >> (sig_bit(sig)%64)) & 1) ) continue;
      int iBest = -1;
      for(int s=0; s<p->nSur; s++){
        if( p->aSur[s].sig==sig && ner_surname_match(p, i, a[k], &p->aSur[s])
         && (iBest<0 || p->aSur[s].nWord>p->aSur[iBest].nWord) ) iBest = s;
      }
      if( iBest>=0 ){
        rc = ner_keep_found(p, i, p->aSur[iBest].nWord, a[k], MARSAD_ENTITY_PERSON,
                            MARSAD_NER_SURNAME, SRC_SURNAME);
        break;
      }
    }
  }
  return rc;
}

/* ---------------------------------------------------------------- model */

/* The hashes of key k[0..n) into m: the whole key, its bare form from
** byte iBare, its first 2, 3, 4 and its last 1, 2, 3, 4 characters, each
** affix 0 when the key has fewer characters (a suffix also when it is the
** whole key). One pass from each end finds where the characters start, and
** the prefixes' hashes are the states of the whole key's on the way. */
static void key_hashes(const char *k, int n, int iBare, marsad_ml_tok *m){
  int aHead[5], nHead = 0;   /* where the first five characters start */
  int aTail[4], nTail = 0;   /* where the last four start, last first */
  for(int i=0; i<n && nHead<5; i++) if( (k[i] & 0xC0)!=0x80 ) aHead[nHead++] = i;
  for(int i=n; i>0 && nTail<4; i--) if( (k[i-1] & 0xC0)!=0x80 ) aTail[nTail++] = i-1;
  uint32_t aPre[5] = {0}, aSuf[5] = {0}, h = MARSAD_ML_HASH0;
  int iDone = 0;
  for(int c=2; c<=nHead && c<=4; c++){
    int iEnd = nHead>c ? aHead[c] : n;
    h = marsad_ml_hash_more(h, k+iDone, (size_t)(iEnd-iDone));
    iDone = iEnd;
    aPre[c] = marsad_ml_hash_value(h);
  }
  m->hKey = marsad_ml_hash_value(marsad_ml_hash_more(h, k+iDone, (size_t)(n-iDone)));
  m->hBare = iBare==0 ? m->hKey : marsad_ml_hash(k+iBare, (size_t)(n-iBare));
  for(int c=1; c<=4; c++){
    if( nTail>=c && aTail[c-1]>0 ) aSuf[c] = marsad_ml_hash(k+aTail[c-1], (size_t)(n-aTail[c-1]));
  }
  m->hPre2 = aPre[2]; m->hPre3 = aPre[3]; m->hPre4 = aPre[4];
  m->hSuf1 = aSuf[1]; m->hSuf2 = aSuf[2]; m->hSuf3 = aSuf[3]; m->hSuf4 = aSuf[4];
}

/* The rules' tag of hit kind eKind at its first token (bBegin) or later. */
static int rule_tag(int eKind, unsigned flags, int bBegin){
  int t;
  if( flags & MARSAD_NER_ADJ ) return -1;
  switch( eKind ){
    case MARSAD_ENTITY_PERSON: t = MARSAD_ML_B_PERS; break;
    case MARSAD_ENTITY_PLACE:  t = MARSAD_ML_B_LOC; break;
    case MARSAD_ENTITY_ORG:    t = MARSAD_ML_B_ORG; break;
    default: return MARSAD_ML_O;
  }
  return bBegin ? t : t+1;
}

static int tok_is_adj(marsad_ner *p, int i);

/* True when the rules' name x stands whatever the model says (the model
** neither scores nor undoes its words): a name of several words the
** gazetteer knows that is no GeoNames town alone (المرصد السوري لحقوق
** الإنسان), a one-word GeoNames town written with the article (الطائف،
** الباحة: a place, as people's names are not); an organisation head's
** name ending on a nationality adjective (وزارة الخارجية الروسية, which
** ANERcorp leaves untagged and the product
** needs whole) or named after a titled person (جامعة الملك سعود: the head,
** a title, and a given name last, or before a relative adjective: مركز
** الملك فهد الثقافي). */
static int ner_rule_stands(marsad_ner *p, const ner_hit *x){
  if( x->flags & MARSAD_NER_ADJ ) return 0;
  if( x->eSrc==SRC_GAZ && x->iTok1-x->iTok0>1 ) return !marsad_gaz_town(x->iGaz);
  if( x->eSrc==SRC_GAZ ){
    return marsad_gaz_town(x->iGaz) && x->iEnd-x->iStart>4
        && memcmp(p->az[x->iField]+x->iStart, AR_ALEF AR_LAM, 4)==0;
  }
  if( x->eSrc==SRC_PLACE ) return (tok_any(p, x->iTok0+1) & MARSAD_GAZ_TITLE)!=0;
  if( x->eSrc!=SRC_ORG ) return 0;
  int iLast = x->iTok1-1;
  if( iLast-1>x->iTok0+1 && ner_nisba(p, iLast) ) iLast--;   /* مركز الملك فهد الثقافي */
  return tok_is_adj(p, x->iTok1-1)
      || (iLast-x->iTok0>=2 && (tok_any(p, x->iTok0+1) & MARSAD_GAZ_TITLE)
          && (tok_class(p, iLast) & MARSAD_GAZ_GIVEN));
}

/* True when the model undoes the rules' name x only when it names another
** kind of name on its words: a title's name, an organisation head's (وزارة
** الصحة: ANERcorp often leaves such names untagged, and the product needs
** them), a place noun's, a name the gazetteer knows (a country, حفر
** الباطن, a GeoNames town: أنان a person, not ينبع), a nationality
** adjective (when the model reads it as a word of a name: الجيش الأمريكي).
** The others go unless the model tags them the same: a given name's, Latin
** words, a title's name that may start with a preposition. */
static int ner_rule_soft(const ner_hit *x){
  return ((NER_MODEL_SOFT>>x->eSrc) & 1) || (x->flags & MARSAD_NER_ADJ) || x->eSrc==SRC_GAZ;
}

/* Fills p->aMl for every token from the tokens and the rules' hits; with
** the words' slots (bWords: to tag, not to train), what they hold is taken
** from there, and the tagger keeps its sums of their features there. */
static int ner_ml_tokens(marsad_ner *p, int bWords){
  if( p->nTok>p->nMlAlloc ){
    int nNew = p->nTok*2;
    marsad_ml_tok *aMl = marsad_realloc(p->aMl, sizeof(*aMl)*(size_t)nNew);
    if( aMl ) p->aMl = aMl;
    int *aTag = aMl ? marsad_realloc(p->aTag, sizeof(int)*(size_t)nNew) : 0;
    if( aTag==0 ) return MARSAD_NOMEM;
    p->aTag = aTag;
    p->nMlAlloc = nNew;
  }
  for(int i=0; i<p->nTok; i++){
    p->aMl[i].iRule = MARSAD_ML_O;
    p->aMl[i].bFixed = 0;
  }
  for(int h=0; h<p->nHit; h++){
    const ner_hit *x = &p->aHit[h];
    int bFixed = ner_rule_stands(p, x);
    for(int i=x->iTok0; i<x->iTok1; i++){
      p->aMl[i].iRule = rule_tag(x->eKind, x->flags, i==x->iTok0);
      p->aMl[i].bFixed = bFixed;
    }
  }
  for(int i=0; i<p->nTok; i++){
    ner_tok *t = &p->aTok[i];
    marsad_ml_tok *m = &p->aMl[i];
    *m = (marsad_ml_tok){ .eKind = t->eKind, .bUpper = t->bUpper,
                          .iRule = m->iRule, .bFixed = m->bFixed };
    if( t->eKind==MARSAD_TOKEN_PUNCT ){
      m->hPunct = marsad_ml_hash(p->az[t->iField]+t->iStart, t->iEnd-t->iStart);
      marsad_ml_roles(m, bWords);
      continue;
    }
    m->cAny = tok_any(p, i) & ~(unsigned)MARSAD_GAZ_LEAD;   /* a class the model was not trained with */
    ner_word *w = bWords ? t->pWord : 0;
    m->pWord = w ? &w->ml : 0;
    int bSkip = marsad_ml_skip(m);
    if( w && (w->fHave & NW_ML) && (w->ml.bSet || bSkip || w->iAffixed==p->iStamp) ){
      m->hKey = w->hKey; m->hBare = w->hBare; m->nLen = w->nLen; m->cKind = w->cKind;
      memcpy(m->aRole, w->aRole, sizeof m->aRole);
      continue;                     /* its affixes are not read: see ner_word */
    }
    const char *k = tok_key(p, t);
    int n = (int)t->nKey, nf;
    const ner_form *a = tok_forms(p, i, &nf);
    int iBare = 0;
    for(int f=0; f<nf; f++) if( a[f].iBare>iBare ) iBare = a[f].iBare;
    key_hashes(k, n, iBare, m);
    m->nLen = n/2<10 ? n/2 : 10;     /* Arabic letters are two bytes */
    for(int f=0; f<nf && (m->cAny & NER_ENTITY); f++){
      const marsad_gaz_key *g = tok_lookup(p, i, a[f]);
      if( g && key_names(g, a[f]) ) m->cKind |= 1u<<marsad_gaz_entity_at(g->iEntity)->eKind;
    }
    marsad_ml_roles(m, bWords);
    if( w ){
      w->hKey = m->hKey; w->hBare = m->hBare; w->nLen = (uint8_t)m->nLen; w->cKind = (uint8_t)m->cKind;
      memcpy(w->aRole, m->aRole, sizeof w->aRole);
      w->fHave |= NW_ML;
      if( !bSkip ) w->iAffixed = p->iStamp;
    }
  }
  return MARSAD_OK;
}

/* The entity kind of model tag t. */
static int tag_kind(int t){
  if( t==MARSAD_ML_B_PERS || t==MARSAD_ML_I_PERS ) return MARSAD_ENTITY_PERSON;
  if( t==MARSAD_ML_B_LOC || t==MARSAD_ML_I_LOC ) return MARSAD_ENTITY_PLACE;
  return MARSAD_ENTITY_ORG;
}

/* True when some word of the text other than token i has the key of
** token i from byte off on (the word written without a clitic). */
static int tok_seen_bare(marsad_ner *p, int i, int off){
  const ner_tok *t = &p->aTok[i];
  const char *k = tok_key(p, t)+off;
  uint32_t n = t->nKey-(uint32_t)off;
  for(int j=0; j<p->nTok; j++){
    const ner_tok *u = &p->aTok[j];
    if( j!=i && u->nKey==n && memcmp(tok_key(p, u), k, n)==0 ) return 1;
  }
  return 0;
}

/* The form a name found by the model starts with in token i: the word as
** it is when it is known; else without the conjunction و; without another
** one-letter clitic (ف ب ل ك) only when the text also has the word without
** it (بلافروف beside لافروف), since many foreign names start with those
** letters (ليونيل، كارلوس، بلاتر، فارس); after لل (ل and the article:
** للأهلي) always. */
static ner_form model_form(marsad_ner *p, int i){
  int nf;
  const ner_form *a = tok_forms(p, i, &nf);
  if( tok_class(p, i) & (NER_ENTITY|MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE) ) return a[0];
  const char *k = tok_key(p, &p->aTok[i]);
  for(int f=0; f<nf; f++){
    if( a[f].bArt && a[f].iSpan==a[f].iBare ) return a[f];   /* لل: ل and the article */
  }
  for(int f=0; f<nf; f++){
    if( a[f].iSpan!=2 ) continue;
    if( key_at(k, (int)p->aTok[i].nKey, 0, AR_WAW) || tok_seen_bare(p, i, a[f].iSpan) ) return a[f];
  }
  return a[0];
}

/* True when every word of tokens [i, i+n) is a generic noun of names (a
** title, an organisation head, a common or function word, or after the
** first a nationality adjective without the article) and none is a name
** or given name: منظمة، الحكومة، الرئيس، شيعة alone name nothing, nor
** does جامعة بريطانية (a British university). */
static int ner_generic_run(marsad_ner *p, int i, int n){
  const unsigned cGeneric = MARSAD_GAZ_TITLE|MARSAD_GAZ_OFFICE|MARSAD_GAZ_ORGHEAD
    |MARSAD_GAZ_ORGADJ|MARSAD_GAZ_STOP|MARSAD_GAZ_COMMON;
  for(int k=i; k<i+n; k++){
    if( !tok_word(p, k) ) continue;
    unsigned c = tok_any(p, k);
    if( (c & cGeneric) && !(c & (NER_ENTITY|MARSAD_GAZ_GIVEN)) ) continue;
    if( k==i || tok_article(p, k) || !tok_is_adj(p, k) ) return 0;
  }
  return 1;
}

/* True when the only name the gazetteer gives token i is a GeoNames town
** read after a clitic that ner_town_clitic_refused does not take (فريدة):
** the model, which sees that town among the word's readings, does not
** name the word alone either. */
static int ner_refused_town_only(marsad_ner *p, int i){
  int nf, bRefused = 0;
  const ner_form *a = tok_forms(p, i, &nf);
  for(int f=0; f<nf; f++){
    const marsad_gaz_key *g = tok_lookup(p, i, a[f]);
    if( g==0 || !key_names(g, a[f]) ) continue;
    if( !marsad_gaz_town(g->iEntity) || !ner_town_clitic_refused(p, i, a[f]) ) return 0;
    bRefused = 1;
  }
  return bRefused;
}

/* True when token k is a function word (إن، في: class stop) and no given
** name or name particle: no word of a name the model found. */
static int ner_function_word(marsad_ner *p, int k){
  unsigned c = tok_class(p, k);
  return (c & MARSAD_GAZ_STOP) && !(c & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE));
}

/* True when token k is the conjunction و and a given name (ومحمد،
** وعبدالمحسن): the next person of a list, not a word of the name before. */
static int ner_and_given(marsad_ner *p, int k){
  int nf;
  const ner_form *a = tok_forms(p, k, &nf);
  if( !key_at(tok_key(p, &p->aTok[k]), (int)p->aTok[k].nKey, 0, AR_WAW) ) return 0;
  for(int f=0; f<nf; f++){
    if( a[f].iBare==2 && (tok_class_f(p, k, a[f]) & MARSAD_GAZ_GIVEN) ) return 1;
  }
  return 0;
}

/* True when token k is an ordinary word of the dictionary in the
** indefinite accusative (برنامجا، قابعا، متضامنا: a stem of four letters or
** more and an alef; shorter ones are too often foreign names: مورا، سوغا),
** which follows a name as its verb's object or a state, never in it. */
static int ner_accusative(marsad_ner *p, int k){
  const ner_tok *t = &p->aTok[k];
  const char *z = tok_key(p, t);
  int n = (int)t->nKey;
  return t->eKind==MARSAD_TOKEN_ARABIC && n>=10 && !tok_article(p, k)
      && letter_at(z, n, n-2, AR_ALEF) && marsad_arword(z, (size_t)(n-2));
}

/* Cuts the name x found after a title before a word in the indefinite
** accusative (الرئيس طالباني | متضامنا، الفنانة مها أحمد | برنامجا). */
static void ner_title_name_trim(marsad_ner *p, ner_hit *x){
  if( x->eSrc!=SRC_TITLE || x->eKind!=MARSAD_ENTITY_PERSON ) return;
  for(int k=x->iTok0+1; k<x->iTok1; k++){
    if( !ner_accusative(p, k) ) continue;
    x->iTok1 = k;
    x->iEnd = p->aTok[k-1].iEnd;
    ner_build_key(p, x->iTok0, k, tok_form0(p, x->iTok0), 0, &x->iKey, &x->nKey);
    return;
  }
}

/* True when token k is the conjunction و before a word the text also has
** without it (كيري | وظريف: the next person of a list). */
static int ner_and_seen(marsad_ner *p, int k){
  const ner_tok *t = &p->aTok[k];
  return t->nKey>=8 && key_at(tok_key(p, t), (int)t->nKey, 0, AR_WAW)
      && !(tok_class(p, k) & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE)) && tok_seen_bare(p, k, 2);
}

/* True when token k is the conjunction و before the next person of a list
** (ner_and_given, ner_and_seen). */
static int ner_list_next(marsad_ner *p, int k){
  return ner_and_given(p, k) || ner_and_seen(p, k);
}

/* The words of a person's name of n words at token i that the rules
** would take: it ends before a word with a preposition and the article
** (للعلوم، بالرياض) or one that reads as a function word or title after
** a clitic (بمنطقة), a common word with the article (فهد | الشكر; one
** without it may be a name: محمود أحمدي نجاد) or an ordinary word in the
** accusative (برنامجا), and before the next name of a list (ومحمد، وظريف
** when the text has ظريف), but the word after بن، آل، أبي، ولد is a name
** whatever else it reads as (آل الشيخ، أبي طالب); it does not end on such
** a particle; a name that ends on its lineage (عزام بن محمد) takes the
** family name with the article after it (الدخيل). */
static int ner_person_trim(marsad_ner *p, int i, int n){
  for(int k=i+1; k<i+n; k++){
    if( ner_list_next(p, k) ){ n = k-i; break; }
    if( tok_class(p, k) & (MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE) ) continue;
    if( ner_accusative(p, k) ){ n = k-i; break; }
    if( tok_class(p, k-1) & MARSAD_GAZ_PARTICLE ) continue;
    unsigned cNot = tok_article(p, k) ? NER_NOT_NAME : NER_NOT_NAME & ~(unsigned)MARSAD_GAZ_COMMON;
    if( ner_prep_article(p, k) || (tok_any(p, k) & cNot) ){
      n = k-i;
      break;
    }
  }
  while( n>1 && (tok_class(p, i+n-1) & MARSAD_GAZ_PARTICLE) ) n--;
  if( n>=3 && ner_lineage_next(p, i+n-3) && ner_family_at(p, i+n) ) return n+1;
  return n;
}

/* The words of a place's or organisation's name of n words at token i
** that make one phrase: it ends before an Arabic word without the article
** after one with it (النصر | صعوبة التمارين: a construct's first noun
** never has the article, and an adjective agrees with its noun). */
static int ner_phrase_trim(marsad_ner *p, int i, int n){
  for(int k=i+1; k<i+n; k++){
    if( p->aTok[k].eKind==MARSAD_TOKEN_ARABIC && tok_article(p, k-1) && !tok_article(p, k) ) return k-i;
  }
  return n;
}

/* True when the word before token j is a given name that is also a noun
** in construct and token j a word with the article (تأمر بحبس مالك |
** العقار): the name the model found there ends on the noun of a
** description (the building's owner), not on a person's name. */
static int ner_construct_end(marsad_ner *p, int j){
  return j>0 && j<p->aEnd[p->aTok[j-1].iField] && tok_word(p, j) && tok_word(p, j-1)
      && (tok_class(p, j-1) & MARSAD_GAZ_CONSTRUCT) && tok_article(p, j);
}

/* True when the model tags the words of hit x as the rules do, and does
** not carry the name on past it. */
static int ner_model_confirms(marsad_ner *p, const ner_hit *x){
  for(int i=x->iTok0; i<x->iTok1; i++) if( p->aTag[i]!=p->aMl[i].iRule ) return 0;
  return !(x->iTok1<p->aEnd[x->iField] && p->aTag[x->iTok1]==p->aMl[x->iTok0].iRule+1);
}

/* True when the model names none of the words of hit x as another kind of
** name (a place after a place noun, بلدة تارتار, stands unless the model
** reads a person or organisation there; an adjective, whose rules' tag is
** no name, stands unless the model names its word at all). */
static int ner_model_allows(marsad_ner *p, const ner_hit *x){
  int t = p->aMl[x->iTok0].iRule;
  for(int i=x->iTok0; i<x->iTok1; i++){
    if( p->aTag[i]!=MARSAD_ML_O && p->aTag[i]!=t && p->aTag[i]!=t+1 ) return 0;
  }
  return 1;
}

/* True when token j, right after a name, is the complementizer إن/أن that
** closes a speaker's name (وقال رئيس الوزراء خالد محفوظ بحاح | إن): a name
** of the rules that ends there is not cut shorter by the model, whose
** shorter reading left out the name's last word. */
static int ner_subject_end(marsad_ner *p, int j){
  if( j>=p->aEnd[p->aTok[j-1].iField] || !tok_word(p, j) ) return 0;
  const ner_tok *t = &p->aTok[j];
  return t->nKey==4 && key_at(tok_key(p, t), 4, 0, AR_ALEF "\xD9\x86");   /* ان */
}

/* True when the names kept on tokens [i, i+n) are the rules' names of
** kind eKind that do not stand (ner_rule_stands) and may take the
** boundaries of the model's name of that kind there: a person's name the
** model reads longer (بيل | كلينتون, حمد بن جاسم بن جبر | آل ثاني) or
** shorter (الرئيس شيراك | شذ, a verb after a title) unless the rules'
** name ends its subject (ner_subject_end). nName: the words of the
** model's name once trimmed; a name of the rules with the same words stays
** (with what the gazetteer knows of it: كيري | وظريف), and so do two
** people the gazetteer knows (أردوغان لبوتين: أردوغان and ل + بوتين). */
static int ner_model_reshapes(marsad_ner *p, int i, int n, int nName, int eKind){
  int bAny = 0, nKnown = 0;
  for(int h=0; h<p->nHit; h++){
    const ner_hit *x = &p->aHit[h];
    if( x->iTok1<=i || x->iTok0>=i+n || x->eKind<0 ) continue;
    nKnown += x->eSrc==SRC_GAZ && x->iGaz>=0;
    if( x->eKind!=eKind || eKind!=MARSAD_ENTITY_PERSON || x->eSrc==SRC_MODEL || nKnown>1
     || p->aMl[x->iTok0].bFixed || (x->iTok0==i && (x->iTok1==i+n || x->iTok1==i+nName)) ){
      return 0;
    }
    if( x->iTok1>i+nName && ner_subject_end(p, x->iTok1) ) return 0;
    bAny = 1;
  }
  return bAny;
}

/* Drops the names hits[0..nBefore) on tokens [i, i+n) (marks them with
** kind -1) and uncovers their tokens outside the model's name that
** replaces them, the last hit. */
static void ner_drop_overlapped(marsad_ner *p, int i, int n, int nBefore){
  const ner_hit *y = &p->aHit[p->nHit-1];
  for(int h=0; h<nBefore; h++){
    ner_hit *x = &p->aHit[h];
    if( x->iTok1<=i || x->iTok0>=i+n || x->eKind<0 ) continue;
    for(int k=x->iTok0; k<x->iTok1; k++){
      if( k<y->iTok0 || k>=y->iTok1 ) p->aTok[k].bCovered = 0;
    }
    x->eKind = -1;
  }
}

/* True when token j reads as an ordinary word of the dictionary (a stem
** of arwords.h) in any of its forms (after ب ل ك: بعائلة، لاستخدام), with
** a possessive suffix (زوجته as زوج، لاعبي) or is a verb with an object pronoun
** (اعتبرها، يحسمها). */
static int ner_ordinary_word(marsad_ner *p, int j){
  static const char *const azSuf[] = {      /* ها هم هما ته ي ه */
    "\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x85", "\xD9\x87\xD9\x85\xD8\xA7",
    "\xD8\xAA\xD9\x87", "\xD9\x8A", "\xD9\x87"
  };
  int nf;
  const ner_form *a = tok_forms(p, j, &nf);
  const char *k = tok_key(p, &p->aTok[j]);
  int nk = (int)p->aTok[j].nKey;
  for(size_t s=0; s<3; s++){                /* ها، هم، هما: an object pronoun */
    size_t n = strlen(azSuf[s]);
    if( (size_t)nk>n+4 && memcmp(k+nk-(int)n, azSuf[s], n)==0 ) return 1;
  }
  for(int f=0; f<nf; f++){
    const char *w = k+a[f].iBare;
    int nw = nk-a[f].iBare;
    if( marsad_arword(w, (size_t)nw) ) return 1;
    for(size_t s=3; s<sizeof(azSuf)/sizeof(azSuf[0]); s++){
      int n = (int)strlen(azSuf[s]);
      if( nw<n+6 || memcmp(w+nw-n, azSuf[s], (size_t)n)!=0 ) continue;
      if( marsad_arword(w, (size_t)(nw-n)) ) return 1;
    }
  }
  return 0;
}

/* Takes into the one-word person x the word before it when that is a
** foreign or listed given name: an Arabic word of three letters or more
** that no list knows in any reading but as a given name, without the
** article or a conjunction, and no ordinary word of the dictionary
** (ليونيل | ميسي، نتشيرفان | البارزاني، جوزيه | بوليكاريو; not وسجل ميسي,
** a verb). */
static void ner_foreign_first(marsad_ner *p, ner_hit *x){
  int j = x->iTok0-1;
  if( x->eKind!=MARSAD_ENTITY_PERSON || x->iTok1-x->iTok0!=1 || j<0
   || p->aTok[j].iField!=x->iField || p->aTok[j].eKind!=MARSAD_TOKEN_ARABIC
   || p->aTok[j].bCovered || p->aTok[j].nKey<6 ) return;
  const char *k = tok_key(p, &p->aTok[j]);
  int nk = (int)p->aTok[j].nKey;
  if( (tok_any(p, j) & ~(unsigned)(MARSAD_GAZ_GIVEN|MARSAD_GAZ_PREFIX)) || tok_article(p, j)
   || key_at(k, nk, 0, AR_WAW) || key_at(k, nk, 0, AR_FA) || ner_ordinary_word(p, j)
   || ner_verb_word(p, j) ) return;
  x->iTok0 = j;
  x->iStart = p->aTok[j].iStart;
  p->aTok[j].bCovered = 1;
  ner_build_key(p, j, x->iTok1, tok_form0(p, j), 0, &x->iKey, &x->nKey);
}

/* Runs the model and merges its names with the rules': those that stand
** (ner_rule_stands) stay; the others stay when the model tags them the
** same (tokens and kind), or, for ner_rule_soft's, when it names no other
** kind of name on their words (a title's name ends before an ordinary
** word in the accusative); then the model's names on words no remaining
** name covers are added, unless they are one word of one or two letters
** (بي، سي: the letters of an acronym) or generic nouns alone, and its
** people replace the rules' people they read longer or shorter
** (ner_model_reshapes); last, a one-word person takes a foreign given
** name before it (ner_foreign_first). */
static int ner_apply_model(marsad_ner *p){
  int rc = ner_ml_tokens(p, 1);
  for(int f=0; rc==MARSAD_OK && f<2; f++){
    int i0 = f==0 ? 0 : p->aEnd[0], i1 = p->aEnd[f];
    if( i1>i0 ) marsad_ml_tag(p->aMl+i0, i1-i0, p->aTag+i0);
  }
  if( rc ) return rc;
  int nKept = 0;
  for(int h=0; h<p->nHit; h++){      /* the rules' pattern names the model confirms */
    const ner_hit *x = &p->aHit[h];
    int bKeep = p->aMl[x->iTok0].bFixed || x->eKind==MARSAD_ENTITY_OTHER;
    if( !bKeep ) bKeep = ner_rule_soft(x) ? ner_model_allows(p, x) : ner_model_confirms(p, x);
    if( bKeep ) p->aHit[nKept++] = *x;
  }
  p->nHit = nKept;
  for(int h=0; h<p->nHit; h++) ner_title_name_trim(p, &p->aHit[h]);
  for(int i=0; i<p->nTok; i++) p->aTok[i].bCovered = 0;
  for(int h=0; h<p->nHit; h++){
    for(int i=p->aHit[h].iTok0; i<p->aHit[h].iTok1; i++) p->aTok[i].bCovered = 1;
  }
  for(int i=0; rc==MARSAD_OK && i<p->nTok; ){   /* the model's other names */
    int t = p->aTag[i], n = 1;
    if( t!=MARSAD_ML_O && tok_word(p, i) && !ner_function_word(p, i) ){
      while( i+n<p->aEnd[p->aTok[i].iField] && p->aTag[i+n]==(t%2 ? t+1 : t)
             && !ner_function_word(p, i+n) ) n++;
      int bFree = 1;
      for(int k=i; k<i+n; k++) bFree = bFree && !p->aTok[k].bCovered;
      while( n>1 && !tok_word(p, i+n-1) ) n--;
      int nName = (t==MARSAD_ML_B_PERS || t==MARSAD_ML_I_PERS) ? ner_person_trim(p, i, n)
                : ner_phrase_trim(p, i, n);
      int bShort = nName==1 && (p->aTok[i].nKey-(uint32_t)model_form(p, i).iBare<6
                                || ner_refused_town_only(p, i));
      int bReshape = !bFree && ner_model_reshapes(p, i, n, nName, tag_kind(t));
      if( (bFree || bReshape) && !bShort && !ner_generic_run(p, i, nName)
       && !ner_construct_end(p, i+nName) ){
        int nBefore = p->nHit;
        rc = ner_keep_found(p, i, nName, model_form(p, i), tag_kind(t),
                            MARSAD_NER_PATTERN, SRC_MODEL);
        if( bReshape && p->nHit>nBefore ) ner_drop_overlapped(p, i, n, nBefore);
      }
      if( tag_kind(t)==MARSAD_ENTITY_PERSON && nName<n
       && ner_list_next(p, i+nName) ){
        n = nName;                  /* the next person of a list starts there */
      }
    }
    i += n;
  }
  nKept = 0;                        /* without the names the model reshaped */
  for(int h=0; h<p->nHit; h++) if( p->aHit[h].eKind>=0 ) p->aHit[nKept++] = p->aHit[h];
  p->nHit = nKept;
  for(int h=0; rc==MARSAD_OK && h<p->nHit; h++) ner_foreign_first(p, &p->aHit[h]);
  return rc ? rc : p->hitKeys.rc;
}

/* ---------------------------------------------------------------- after the model */

/* True when token i is a verb of saying of data/facts_cues.tsv (قال، أكد،
** أضاف، أشار ...: a verb or its continuation; no participle of manner, no
** form with an object pronoun, none that takes its complement with ب), as
** written or after the conjunction و or ف. */
static int ner_say_verb(marsad_ner *p, int i){
  const ner_tok *t = &p->aTok[i];
  if( t->eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  const char *k = tok_key(p, t);
  int n = (int)t->nKey;
  int bConj = key_at(k, n, 0, AR_WAW) || key_at(k, n, 0, AR_FA);
  for(int o=0; o<=2*bConj; o+=2){
    uint64_t h = o==0 ? t->hKey : marsad_hash64(k+o, (size_t)(n-o));
    if( !(marsad_lex_bits(k+o, (size_t)(n-o), h) & marsad_lex_bit(&marsad_lex_cues)) ) continue;
    const marsad_lexent *e = marsad_lex_get(&marsad_lex_cues, k+o, (size_t)(n-o));
    if( e==0 || e->nWord!=1 ) continue;
    int c = e->eB & MARSAD_CUE_CLASS;
    if( (c==MARSAD_CUE_VERB || c==MARSAD_CUE_CONTINUE)
     && !(e->eB & (MARSAD_CUE_OBJECT|MARSAD_CUE_MANNER|MARSAD_CUE_TAKES_B)) ) return 1;
  }
  return 0;
}

/* ner_say_verb of token i, kept with its word (it depends on the key
** alone). */
static int tok_say_verb(marsad_ner *p, int i){
  ner_word *w = p->aTok[i].pWord;
  if( w && (w->fHave & NW_SAY) ) return (w->fHave & NW_SAYS)!=0;
  int bSay = ner_say_verb(p, i);
  if( w ) w->fHave |= NW_SAY | (bSay ? NW_SAYS : 0);
  return bSay;
}

/* True when key k[0..n) is a verb of the present or future: س, then one
** of ي ت ن (ا only after س: foreign names start with it, ايكر), before a stem of
** arwords.h of three letters or more
** (سيعرض: عرض، سيصبح: صبح). */
static int ner_verb_form(const char *k, int n){
  int o = letter_at(k, n, 0, "\xD8\xB3") ? 2 : 0;     /* س */
  if( !(letter_at(k, n, o, "\xD9\x8A") || letter_at(k, n, o, AR_TA)
        || letter_at(k, n, o, AR_NUN) || (o && letter_at(k, n, o, AR_ALEF))) ) return 0;
  if( n-o-2<6 ) return 0;
  if( marsad_arword(k+o+2, (size_t)(n-o-2)) ) return 1;
  char z[64];                          /* يلتقي: التقى، يستخدم: استخدم */
  if( n-o>(int)sizeof z ) return 0;
  memcpy(z, AR_ALEF, 2);
  memcpy(z+2, k+o+2, (size_t)(n-o-2));
  return marsad_arword(z, (size_t)(n-o));
}

/* True when token j reads, in any of its forms (after ل: ليظهروا), as a
** verb of the present or future (ner_verb_form), also with the endings of
** two or more (سيتأهلان، يقولون، ليظهروا). */
static int ner_verb_word(marsad_ner *p, int j){
  static const char *const azEnd[] = {"", "\xD8\xA7\xD9\x86", "\xD9\x88\xD9\x86", "\xD9\x88\xD8\xA7"};  /* ان ون وا */
  int nf;
  const ner_form *a = tok_forms(p, j, &nf);
  const char *k = tok_key(p, &p->aTok[j]);
  for(int f=0; f<nf; f++){
    int nw = (int)p->aTok[j].nKey-a[f].iBare;
    for(size_t e=0; e<sizeof(azEnd)/sizeof(azEnd[0]); e++){
      int ne = (int)strlen(azEnd[e]);
      if( nw-ne>=8 && memcmp(k+a[f].iBare+nw-ne, azEnd[e], (size_t)ne)==0
       && ner_verb_form(k+a[f].iBare, nw-ne) ) return 1;
    }
  }
  return 0;
}

/* True when key k[0..n) is an inflected word of the dictionary: with
** INFL_PLURAL a plural (متعاملون، صحافيين، التطبيقات; قيادات of a word in
** ة) or a feminine relative adjective (العسكرية: عسكر); with INFL_ANY also
** a dual (قاضيان، دولتان), a plural in و before a genitive (موقعو), a verb
** of two (أكدا), a feminine (ة), a word with a possessive or object
** pronoun (تحليلنا، نيته، معلوماتنا، محققوه) or a verb of the present or
** future (سيعرض: a prefix س ي ت ن before a stem) or past (دخلت); its
** stem a word of arwords.h of three letters or more (two with INFL_ANY:
** مرتين، ردا). Family names may end in ان (الجروان، العليان): duals are
** left to INFL_ANY. The endings are data/inflection_suffixes.tsv's. */
static int ner_inflected(const char *k, int n, int fWhat){
  char z[64];
  for(const marsad_ner_suffix *s=marsad_ner_suffixes; s->zSuf; s++){
    int nStem = n-s->nSuf;
    if( !(s->fWhat & fWhat) ) continue;
    if( nStem<((fWhat & INFL_MORE) ? 4 : 6) || nStem+2>(int)sizeof z
     || memcmp(k+nStem, s->zSuf, (size_t)s->nSuf)!=0 ) continue;
    if( marsad_arword(k, (size_t)nStem) ) return 1;   /* بيانات: بيان */
    if( (fWhat & INFL_MORE) && ner_verb_form(k, nStem) ) return 1;   /* يسألني */
    if( s->zStemEnd[0]==0 ) continue;
    memcpy(z, k, (size_t)nStem);                       /* keys fold ة into ه, ى into ي */
    memcpy(z+nStem, s->zStemEnd, 2);
    if( marsad_arword(z, (size_t)(nStem+2)) ) return 1;
  }
  return (fWhat & INFL_MORE) && ner_verb_form(k, n);
}

/* True when token j, in any of its forms (after ل ب ك, the article:
** للصحافيين), is an inflected word of the dictionary (ner_inflected with
** fWhat). */
static int ner_inflected_word(marsad_ner *p, int j, int fWhat){
  int nf;
  const ner_form *a = tok_forms(p, j, &nf);
  const char *k = tok_key(p, &p->aTok[j]);
  for(int f=0; f<nf; f++){
    if( ner_inflected(k+a[f].iBare, (int)p->aTok[j].nKey-a[f].iBare, fWhat) ) return 1;
  }
  return 0;
}

/* True when token j may be a word of a speaker's name no list knows: an
** Arabic word of three letters or more not yet in a name, without the
** article or a conjunction, that no list knows in any reading but as a
** given name, and no ordinary word of the dictionary (ner_ordinary_word). */
static int ner_unknown_name_word(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  if( t->eKind!=MARSAD_TOKEN_ARABIC || t->bCovered || t->nKey<6 || tok_article(p, j) ) return 0;
  const char *k = tok_key(p, t);
  if( key_at(k, (int)t->nKey, 0, AR_WAW) || key_at(k, (int)t->nKey, 0, AR_FA) ) return 0;
  return !(tok_any(p, j) & ~(unsigned)(MARSAD_GAZ_GIVEN|MARSAD_GAZ_PREFIX))
      && !ner_ordinary_word(p, j) && !ner_accusative(p, j) && !ner_inflected_word(p, j, INFL_ANY);
}

/* True when token j may follow a speaker's name: the end of its field,
** punctuation, a function word (إن، عن، على، في) or a word with the
** article (an apposition: مدير الكرة). */
static int ner_speaker_end(marsad_ner *p, int j){
  if( j>=p->aEnd[p->aTok[j-1].iField] || !tok_word(p, j) ) return 1;
  return (tok_class(p, j) & MARSAD_GAZ_STOP) || tok_article(p, j);
}

/* The person's name found that starts at token j, or NULL. */
static ner_hit *ner_person_at(marsad_ner *p, int j){
  for(int h=0; h<p->nHit; h++){
    ner_hit *x = &p->aHit[h];
    if( x->iTok0==j && x->eKind==MARSAD_ENTITY_PERSON ) return x;
  }
  return 0;
}

/* True when token i is a word with the article that may stand right
** before a person's name: a title or a lead noun (data/ner_words.tsv:
** الحارس ايكر كاسياس), or a singular
** nationality adjective (ي، ية) used as a noun or after a title or
** another relative adjective, not after another word with the article it
** qualifies (الأرجنتيني ليونيل ميسي، المدافع الفرنسي ويلي سانيول، الدولي
** الكاميروني صامويل إيتو; not الحكومة العراقية لمطالبه). */
static int ner_lead(marsad_ner *p, int i){
  const ner_tok *t = &p->aTok[i];
  if( t->eKind!=MARSAD_TOKEN_ARABIC || !tok_article(p, i) ) return 0;
  if( tok_class(p, i) & (MARSAD_GAZ_TITLE|MARSAD_GAZ_LEAD) ) return 1;
  const char *k = tok_key(p, t);
  int n = (int)t->nKey;
  if( !tok_is_adj(p, i) || !(letter_at(k, n, n-2, "\xD9\x8A") || key_at(k, n, n-4, "\xD9\x8A" AR_HA)) ){
    return 0;
  }
  if( i==0 || p->aTok[i-1].iField!=t->iField || !tok_word(p, i-1) || !tok_article(p, i-1) ) return 1;
  const ner_tok *u = &p->aTok[i-1];
  return (tok_class(p, i-1) & (MARSAD_GAZ_TITLE|MARSAD_GAZ_LEAD))
      || letter_at(tok_key(p, u), (int)u->nKey, (int)u->nKey-2, "\xD9\x8A");   /* الدولي الكاميروني */
}

/* True when token j may be a word of a name after a lead (ner_lead): an
** Arabic word of three letters or more not yet in a name, without a
** conjunction, that no list knows in any reading but as a given name,
** and that in no reading has the article (بالإفراج), is a stem of the
** dictionary (لمناخ، بقوة، للعب), an inflected one (تدهورت، مستمرة، سيطرتها:
** ner_inflected, but for a final ي or و: ميسي، إيتو are foreign names
** too), a verb of the present (سيتأهلان، ليظهروا) or an accusative. */
static int ner_lead_name_word(marsad_ner *p, int j){
  const ner_tok *t = &p->aTok[j];
  if( t->eKind!=MARSAD_TOKEN_ARABIC || t->bCovered || t->nKey<6 ) return 0;
  const char *k = tok_key(p, t);
  int nf;
  const ner_form *a = tok_forms(p, j, &nf);
  if( key_at(k, (int)t->nKey, 0, AR_WAW) || key_at(k, (int)t->nKey, 0, AR_FA)
   || (tok_any(p, j) & ~(unsigned)(MARSAD_GAZ_GIVEN|MARSAD_GAZ_PREFIX))
   || ner_accusative(p, j) || ner_verb_word(p, j) ) return 0;
  for(int f=0; f<nf; f++){
    const char *w = k+a[f].iBare;
    int nw = (int)t->nKey-a[f].iBare;
    if( a[f].bArt || marsad_arword(w, (size_t)nw) || ner_inflected(w, nw, INFL_PLURAL|INFL_MORE) ) return 0;
  }
  if( key_at(k, (int)t->nKey, 0, AR_LAM AR_LAM) && t->nKey>=8 && marsad_arword(k+4, t->nKey-4) ){
    return 0;                                                    /* للرد: ل + الرد */
  }
  return !(clitic_at(k, (int)t->nKey, 0, AR_BA, AR_LAM, AR_KAF)     /* للعب، بنص: ل + لعب */
           && marsad_arword(k+2, t->nKey-2));
}

/* Leaves out of the model's person x the titles it starts with (الفنان
** | حسين فهمي): a title is no word of the name. */
static void ner_title_first(marsad_ner *p, ner_hit *x){
  int i = x->iTok0;
  if( x->eKind!=MARSAD_ENTITY_PERSON || x->eSrc!=SRC_MODEL ) return;
  while( i+1<x->iTok1 && (tok_class(p, i) & MARSAD_GAZ_TITLE) && !(tok_class(p, i) & MARSAD_GAZ_GIVEN) ){
    p->aTok[i++].bCovered = 0;
  }
  if( i==x->iTok0 ) return;
  x->iTok0 = i;
  x->iStart = p->aTok[i].iStart;
  ner_build_key(p, i, x->iTok1, tok_form0(p, i), 0, &x->iKey, &x->nKey);
}

/* Takes into the person's name x (not one the gazetteer knows whole:
** باراك أوباما | سيرتبط) the words right after it that no list nor the
** dictionary knows (ner_lead_name_word, and no stem with a suffix:
** ner_ordinary_word, ner_inflected: طياري، مذكراتها), at most two, when what
** follows them may follow a name (ner_speaker_end, or a word with و or ف:
** the next clause): a foreign name's last words (لويس | ساها التقدم،
** مبارك | بوصوفة فتابعها، فايرا فيكي | فريبيرجا ووزير; not منال | تغشل
** يديها, a verb the dictionary does not know as written). */
static void ner_foreign_last(marsad_ner *p, ner_hit *x){
  int iEnd = p->aEnd[x->iField], n = 0;
  if( x->eKind!=MARSAD_ENTITY_PERSON || x->eSrc==SRC_GAZ ) return;
  while( n<2 && x->iTok1+n<iEnd && ner_lead_name_word(p, x->iTok1+n)
         && !ner_ordinary_word(p, x->iTok1+n) && !ner_inflected_word(p, x->iTok1+n, INFL_ANY) ) n++;
  if( n==0 ) return;
  if( !ner_speaker_end(p, x->iTok1+n) ){        /* منال | تغشل يديها: a verb */
    const ner_tok *u = &p->aTok[x->iTok1+n];
    const char *k = tok_key(p, u);
    if( !key_at(k, (int)u->nKey, 0, AR_WAW) && !key_at(k, (int)u->nKey, 0, AR_FA) ) return;
  }
  for(int k=x->iTok1; k<x->iTok1+n; k++) p->aTok[k].bCovered = 1;
  x->iTok1 += n;
  x->iEnd = p->aTok[x->iTok1-1].iEnd;
  ner_build_key(p, x->iTok0, x->iTok1, tok_form0(p, x->iTok0), 0, &x->iKey, &x->nKey);
}

/* The rules that run after the model (which never sees their names):
** names the speaker right after a verb of saying when it is words no
** list nor the dictionary knows (وقالت هيلاري، ويقول ديمورا، وشدد هورست
** كوبل: verbs of saying come before their subject, and a word that is no
** word of the language there is a name; at most three such words), and
** the name after a lead (ner_lead: الكاميروني صامويل إيتو), joined to a
** person's name right after it; then leaves titles out of the model's
** people (ner_title_first), takes a name's foreign last words
** (ner_foreign_last), and drops a title's name of one word that is a
** verb (رئيس الوزراء | ستكون). */
static int ner_after_model(marsad_ner *p){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i+1<p->nTok; i++){
    int iEnd = p->aEnd[p->aTok[i].iField], n = 0;
    int bSay = tok_say_verb(p, i), bLead = !bSay && ner_lead(p, i);
    if( !bSay && !bLead ) continue;
    while( n<3 && i+1+n<iEnd
           && (bSay ? ner_unknown_name_word(p, i+1+n) : ner_lead_name_word(p, i+1+n)) ) n++;
    if( n==0 ) continue;
    ner_hit *x = ner_person_at(p, i+1+n);
    if( x ){                        /* الكاميروني صامويل | إيتو: one name */
      x->iTok0 = i+1;
      x->iStart = p->aTok[i+1].iStart;
      for(int k=i+1; k<i+1+n; k++) p->aTok[k].bCovered = 1;
      ner_build_key(p, i+1, x->iTok1, tok_form0(p, i+1), 0, &x->iKey, &x->nKey);
    }else if( bLead || ner_speaker_end(p, i+1+n) ){
      rc = ner_keep_found(p, i+1, n, tok_form0(p, i+1), MARSAD_ENTITY_PERSON,
                          MARSAD_NER_PATTERN, SRC_SPEAKER);
    }
  }
  for(int h=0; rc==MARSAD_OK && h<p->nHit; h++){
    ner_title_first(p, &p->aHit[h]);
    ner_foreign_last(p, &p->aHit[h]);
  }
  int nKept = 0;                  /* رئيس الوزراء | ستكون: a verb, no name */
  for(int h=0; h<p->nHit; h++){
    const ner_hit *x = &p->aHit[h];
    if( (x->eSrc==SRC_TITLE || x->eSrc==SRC_TITLECL) && x->iTok1-x->iTok0==1
     && ner_verb_word(p, x->iTok0) ){
      p->aTok[x->iTok0].bCovered = 0;
      continue;
    }
    p->aHit[nKept++] = *x;
  }
  p->nHit = nKept;
  return rc ? rc : p->hitKeys.rc;
}

/* True when hit x, a place, names a club: a masculine relative adjective
** of a country follows it (روما الإيطالي، بورتو البرتغالي، الكويت
** البرتغالي). A city is feminine (مدينة ميلان الإيطالية); the team that
** bears its name is a masculine noun (فريق، نادي). Not a listed place (a
** country, a region: الجولان السوري، قطاع غزة الفلسطيني, masculine nouns),
** nor a town after a place head, which the adjective agrees with (مطار نيس
** الفرنسي، حي سوهو الصيني). */
static int ner_club_at(marsad_ner *p, const ner_hit *x){
  int j = x->iTok1, i = x->iTok0;
  if( x->eKind!=MARSAD_ENTITY_PLACE || j>=p->aEnd[x->iField] || !tok_word(p, j) ) return 0;
  if( x->iGaz>=0 && !marsad_gaz_town(x->iGaz) ) return 0;
  if( i>0 && p->aTok[i-1].iField==x->iField && tok_word(p, i-1)
   && (tok_any(p, i-1) & MARSAD_GAZ_PLACEHEAD) ) return 0;
  if( tok_is_adj(p, j-1) || !tok_is_adj(p, j) ) return 0;
  const ner_tok *t = &p->aTok[j];
  const char *k = tok_key(p, t);
  return t->nKey>=8 && key_at(k, (int)t->nKey, 0, AR_ALEF AR_LAM)
      && memcmp(k+t->nKey-2, AR_YA, 2)==0;
}

/* Reads as organisations (clubs, no gazetteer entity) the places that
** ner_club_at finds, and the other places of the text with their keys
** (the first NER_MAX_CLUBS clubs' keys). */
static void ner_clubs(marsad_ner *p){
  int aClub[NER_MAX_CLUBS], nClub = 0;
  for(int h=0; h<p->nHit; h++){
    ner_hit *x = &p->aHit[h];
    if( !ner_club_at(p, x) ) continue;
    x->eKind = MARSAD_ENTITY_ORG;
    x->iGaz = -1;
    if( nClub<NER_MAX_CLUBS ) aClub[nClub++] = h;
  }
  for(int h=0; nClub>0 && h<p->nHit; h++){
    ner_hit *x = &p->aHit[h];
    for(int c=0; x->eKind==MARSAD_ENTITY_PLACE && c<nClub; c++){
      const ner_hit *y = &p->aHit[aClub[c]];
      if( y->nKey==x->nKey && memcmp(p->hitKeys.a+y->iKey, p->hitKeys.a+x->iKey, x->nKey)==0 ){
        x->eKind = MARSAD_ENTITY_ORG;
        x->iGaz = -1;
      }
    }
  }
}

/* True when token i is a quotation mark or a parenthesis (« » " “ ” ( )),
** the marks a newspaper puts around its own name. */
static int tok_quote(marsad_ner *p, int i){
  static const char *const azQuote[] = {
    "\xC2\xAB", "\xC2\xBB", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "(", ")"
  };
  const ner_tok *t = &p->aTok[i];
  if( t->eKind!=MARSAD_TOKEN_PUNCT ) return 0;
  const char *z = p->az[t->iField]+t->iStart;
  size_t n = t->iEnd-t->iStart;
  for(size_t k=0; k<sizeof azQuote/sizeof azQuote[0]; k++){
    if( strlen(azQuote[k])==n && memcmp(azQuote[k], z, n)==0 ) return 1;
  }
  return 0;
}

/* How many tokens from i on, before iEnd, are the words zWords (token
** keys, one space between), or 0 when they are not. */
static int ner_words_at(marsad_ner *p, int i, int iEnd, const char *zWords){
  for(int n=0; i+n<iEnd; n++){
    const char *zSp = strchr(zWords, ' ');
    size_t nw = zSp ? (size_t)(zSp-zWords) : strlen(zWords);
    const ner_tok *t = &p->aTok[i+n];
    if( t->nKey!=nw || memcmp(tok_key(p, t), zWords, nw)!=0 ) return 0;
    if( zSp==0 ) return n+1;
    zWords = zSp+1;
  }
  return 0;
}

/* The outlet's own name between quotation marks in its own article
** (data/outlets.tsv: لـ«الشرق الأوسط»، علمت "الوطن"، لـ(عكاظ)) is the
** outlet, an organisation, whatever the rules and the model read there
** (the region, the city, a word): their names on those words go. */
static int ner_outlet_names(marsad_ner *p, const marsad_analysis *pA){
  const marsad_gaz_outlet *o = pA ? marsad_gaz_outlet_find(pA->art.zOutlet) : 0;
  if( o==0 ) return MARSAD_OK;
  uint32_t nFirst = (uint32_t)strcspn(o->zWords, " ");   /* the first word's bytes */
  int rc = MARSAD_OK, nTok = p->nTok;
  for(int i=1; rc==MARSAD_OK && i<nTok; i++){
    const ner_tok *aTok = p->aTok;
    while( i<nTok && aTok[i].nKey!=nFirst ) i++;   /* most words: not the name */
    if( i>=nTok ) break;
    int iEnd = p->aEnd[p->aTok[i].iField], n;
    if( p->aTok[i-1].iField!=p->aTok[i].iField || !tok_quote(p, i-1)
     || (n = ner_words_at(p, i, iEnd, o->zWords))==0 || i+n>=iEnd || !tok_quote(p, i+n) ){
      continue;
    }
    int nKept = 0;
    for(int h=0; h<p->nHit; h++){
      const ner_hit *x = &p->aHit[h];
      if( x->iTok1<=i || x->iTok0>=i+n ) p->aHit[nKept++] = *x;
    }
    p->nHit = nKept;
    ner_cand c;
    memset(&c, 0, sizeof c);
    c.n = n;
    c.f = tok_form0(p, i);
    c.eKind = MARSAD_ENTITY_ORG;
    c.flags = MARSAD_NER_GAZ;
    c.iGaz = -1;
    c.eSrc = SRC_OUTLET;
    rc = ner_keep(p, i, &c);
    i += n;
  }
  return rc;
}

/* ---------------------------------------------------------------- driver */

int marsad_ner_new(marsad_ner **ppOut){
  marsad_ner *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_ner_free(marsad_ner *p){
  if( p==0 ) return;
  marsad_free(p->aTok);
  marsad_free(p->aHit);
  marsad_buf_free(&p->keys);
  marsad_buf_free(&p->hitKeys);
  marsad_buf_free(&p->tmp);
  marsad_norm_free(&p->norm);
  marsad_free(p->aMl);
  marsad_free(p->aTag);
  marsad_table_free(p->aWord);
  marsad_free(p);
}

/* Orders hits by field (title first) and start. */
static int ner_hit_cmp(const void *a, const void *b){
  const ner_hit *x = a, *y = b;
  if( x->iField!=y->iField ) return x->iField - y->iField;
  return x->iStart<y->iStart ? -1 : x->iStart>y->iStart;
}

/* Tokenizes both fields (taking the tokens pA shares when pA is given: its
** article is then the title and body) and finds every name into p->aHit. */
static int ner_find(marsad_ner *p, const marsad_analysis *pA, const char *zTitle,
                    size_t nTitle, const char *zBody, size_t nBody){
  int rc = MARSAD_OK;
  if( p->aWord==0 || p->iGazGeneration!=marsad_gaz_generation() ){
    size_t nWord = sizeof(ner_word)<<NER_WORD_BITS;
    if( p->aWord==0 ) p->aWord = marsad_table_new(nWord);
    else memset(p->aWord, 0, nWord);
    if( p->aWord==0 ) return MARSAD_NOMEM;
    p->iGazGeneration = marsad_gaz_generation();
  }
  p->iStamp++;
  p->az[0] = zTitle; p->an[0] = nTitle;
  p->az[1] = zBody;  p->an[1] = nBody;
  p->nTok = p->nHit = p->nSur = 0;
  p->rc = MARSAD_OK;
  marsad_buf_reset(&p->keys);
  marsad_buf_reset(&p->hitKeys);
  for(int f=0; rc==MARSAD_OK && f<2; f++){
    ner_tokctx c = {p, f};
    if( p->an[f]>0 && pA ){
      rc = marsad_analysis_words(pA, f==0 ? MARSAD_FIELD_TITLE : MARSAD_FIELD_BODY,
                                 MARSAD_TOKENIZE_PUNCT, 0, ner_word_cb, &c);
    }else if( p->an[f]>0 ){
      rc = marsad_tokenize_spans(p->az[f], p->an[f], 1, ner_span_cb, &c);
    }
    p->aEnd[f] = p->nTok;
  }
  if( rc==MARSAD_OK ) ner_words_attach(p);
  for(int i=0; rc==MARSAD_OK && i<p->nTok; ){
    int n = 1;
    if( tok_word(p, i) && !p->aTok[i].bCovered ) rc = ner_at(p, i, &n);
    if( rc==MARSAD_OK ) rc = p->rc;
    i += n;
  }
  if( rc==MARSAD_OK && !p->bRulesOnly && marsad_ml_nfeatures>0 ) rc = ner_apply_model(p);
  if( rc==MARSAD_OK ) rc = ner_after_model(p);
  if( rc==MARSAD_OK ) ner_clubs(p);
  if( rc==MARSAD_OK ) rc = ner_outlet_names(p, pA);
  if( rc==MARSAD_OK ) rc = ner_surnames(p);
  if( rc==MARSAD_OK && p->nHit>1 ) qsort(p->aHit, (size_t)p->nHit, sizeof(ner_hit), ner_hit_cmp);
  return rc;
}

/* marsad_ner_text, with the tokens pA shares when pA is given. */
static int ner_text(marsad_ner *p, const marsad_analysis *pA, const char *zTitle,
                    size_t nTitle, const char *zBody, size_t nBody,
                    marsad_ner_fn xSpan, void *pCtx){
  int rc = ner_find(p, pA, zTitle, nTitle, zBody, nBody);
  for(int h=0; rc==MARSAD_OK && h<p->nHit; h++){
    const ner_hit *x = &p->aHit[h];
    marsad_ner_span s;
    s.eField = x->iField==0 ? MARSAD_FIELD_TITLE : MARSAD_FIELD_BODY;
    s.iStart = x->iStart;
    s.iEnd = x->iEnd;
    s.eKind = x->eKind;
    s.flags = x->flags | (x->eSrc==SRC_MODEL ? MARSAD_NER_MODEL : 0u);
    s.iGaz = x->iGaz;
    s.pKey = p->hitKeys.a + x->iKey;
    s.nKey = x->nKey;
    rc = xSpan(pCtx, &s);
  }
  return rc;
}

int marsad_ner_text(marsad_ner *p, const char *zTitle, size_t nTitle,
                    const char *zBody, size_t nBody,
                    marsad_ner_fn xSpan, void *pCtx){
  return ner_text(p, 0, zTitle, nTitle, zBody, nBody, xSpan, pCtx);
}

/* Appends one span to the analysis (a marsad_ner_fn). */
static int ner_to_mention(void *pCtx, const marsad_ner_span *pS){
  marsad_analysis *pA = pCtx;
  marsad_mention m;
  memset(&m, 0, sizeof m);
  m.eField = pS->eField;
  m.iStart = pS->iStart;
  m.iEnd = pS->iEnd;
  m.eKind = pS->eKind;
  m.zKey = marsad_strndup(pS->pKey, pS->nKey);
  if( m.zKey==0 ) return MARSAD_NOMEM;
  return marsad_analysis_add_mention(pA, &m);
}

int marsad_ner_run(marsad_ner *p, marsad_analysis *pA){
  const marsad_article *a = &pA->art;
  return ner_text(p, pA, a->zTitle ? a->zTitle : "", a->zTitle ? a->nTitle : 0,
                  a->zBody ? a->zBody : "", a->zBody ? a->nBody : 0,
                  ner_to_mention, pA);
}

void marsad_ner_rules_only(marsad_ner *p, int bOn){
  p->bRulesOnly = bOn;
}

int marsad_ner_train_text(marsad_ner *p, marsad_ml_trainer *pTr,
                          const char *zText, size_t nText,
                          const marsad_ner_gold *aGold, int nGold, int *pnWrong){
  int bWas = p->bRulesOnly, rc;
  p->bRulesOnly = 1;
  rc = ner_find(p, 0, "", 0, zText, nText);
  p->bRulesOnly = bWas;
  if( rc==MARSAD_OK ) rc = ner_ml_tokens(p, 0);
  if( rc ) return rc;
  int g = 0;
  for(int i=0; i<p->nTok; i++){      /* gold tag of each token */
    const ner_tok *t = &p->aTok[i];
    while( g+1<nGold && aGold[g].iEnd<=t->iStart ) g++;
    int tag = MARSAD_ML_O;
    if( g<nGold && aGold[g].iStart<=t->iStart && t->iStart<aGold[g].iEnd ){
      tag = aGold[g].eTag;
      if( tag!=MARSAD_ML_O && tag%2==1 && t->iStart>aGold[g].iStart ) tag++;
    }
    p->aTag[i] = tag;
  }
  *pnWrong = marsad_ml_train(pTr, p->aMl, p->nTok, p->aTag);
  return MARSAD_OK;
}
