/*
** statements.c: reporting cues, their speakers, contents and stances, and
** the attributions of a text (see statements.h). Speakers are noun phrases
** read with a few general rules of Arabic news syntax:
**   VSO   قال وزير الخارجية الروسي، سيرغي لافروف، في ...: the phrase after
**         the verb, with a name in apposition between commas, and a short
**         prepositional complement when a name in apposition follows it
**         (السفير السوري في أرمينيا، محمد حاج إبراهيم،)
**   SVO   لكن السكرتير الصحفي ...، ديمتري بيسكوف، قال إن: the phrase
**         between the clause's start and the verb
**   none  وأضاف أن / إلى ذلك، أوضح أن: the previous speaker goes on
**   rel   في حين تبنته جماعة مسلحة نفت الأرقام ...: a verb right after an
**         indefinite phrase is a relative clause describing it, so the
**         phrase speaks and what follows the verb is what it says
** A cue inside a quote, or inside the content of another statement, is part
** of that content; but a stance verb there with its own subject (أعلنت
** موسكو أن لافروف وتشاووش أوغلو دعيا إلى ...) is also a statement of its
** own, nested in the first.
*/
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "lexicon.h"
#include "statements.h"

#define NP_MAX_WORDS      8   /* longest speaker phrase read after a verb */
#define SVO_MAX_WORDS    14   /* longest subject read before a verb */
#define APPOS_MAX_WORDS   4   /* longest name in apposition */
#define COREF_MAX_WORDS   3   /* a speaker this short may stand for a fuller one */
#define COREF_BACK       64   /* ... named among the 64 sources before it */
#define SAID_AFTER_WORDS  2   /* a date this near after a cue is when it was said */

#define K_FI   "\xd9\x81\xd9\x8a"                    /* في */
#define K_MIN  "\xd9\x85\xd9\x86"                    /* من */
#define K_AN   "\xd8\xb9\xd9\x86"                    /* عن */
#define K_LA   "\xd9\x84\xd8\xa7"                    /* لا */
#define K_LAM  "\xd9\x84\xd9\x85"                    /* لم */
#define K_LAN  "\xd9\x84\xd9\x86"                    /* لن */
#define K_QAWL "\xd9\x82\xd9\x88\xd9\x84"            /* قول (قوله، قولها) */

const char *marsad_stance_name(int eStance){
  switch( eStance ){
    case MARSAD_STANCE_AFFIRM: return "affirm";
    case MARSAD_STANCE_DENY:   return "deny";
    case MARSAD_STANCE_APPEAL: return "appeal";
    case MARSAD_STANCE_WARN:   return "warn";
    case MARSAD_STANCE_ACCUSE: return "accuse";
  }
  return "state";
}

/* The state of one search. */
typedef struct stmt_scan {
  const marsad_words *pW;
  const marsad_dates *pDates;
  const unsigned char *aUsed;   /* words of dates, or NULL */
  const unsigned char *aName;   /* words inside a recognised name, or NULL */
  unsigned char *aFlag;         /* per word: FLAG_* */
  marsad_statements *pOut;
  int iFloor;                   /* first word of the current sentence */
  int iLimit;                   /* end of the current sentence */
  int iLastTop;                 /* the latest statement not nested, or -1 */
} stmt_scan;

#define FLAG_QUOTE  0x01   /* inside a quotation */
#define FLAG_ATTR   0x02   /* part of an attribution phrase */

/* The single-word entry of pLex for word i, as written or without و/ف. */
static const marsad_lexent *word_in(const marsad_lexicon *pLex, const marsad_words *pW, int i){
  if( i<0 || i>=pW->nWord || pW->a[i].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  for(int v=MARSAD_KEY_FULL; v<=MARSAD_KEY_CONJ; v++){
    const marsad_lexent *e = marsad_lex_get_word(pLex, pW, i, v);
    if( e && e->nWord==1 ) return e;
  }
  return 0;
}

/* Function word class of word i (MARSAD_FW_*), or 0. */
static int fw_class(const marsad_words *pW, int i){
  const marsad_lexent *e = word_in(&marsad_lex_function, pW, i);
  return e ? e->eA : 0;
}

/* True when word i is punctuation among zSet. */
static int punct(const marsad_words *pW, int i, const char *zSet){
  return marsad_word_punct_in(pW, i, zSet);
}

#define COMMAS  ",\xd8\x8c\xd8\x9b;"                 /* , ، ؛ ; */
#define QUOTES  "\"\xe2\x80\x9c\xe2\x80\x9d\xc2\xab\xc2\xbb" /* " “ ” « » */

/* True when word i can be part of a speaker's name: a word of Arabic or
** Latin script that is not a function word, a cue, a number or part of a
** date. */
static int name_word(const stmt_scan *p, int i){
  const marsad_words *pW = p->pW;
  if( i<p->iFloor || i>=p->iLimit ) return 0;
  int eKind = pW->a[i].eKind;
  if( eKind!=MARSAD_TOKEN_ARABIC && eKind!=MARSAD_TOKEN_LATIN ) return 0;
  if( p->aUsed && p->aUsed[i] ) return 0;
  if( p->aFlag[i] & FLAG_ATTR ) return 0;
  int c = fw_class(pW, i);
  if( c && c!=MARSAD_FW_MANY && c!=MARSAD_FW_HON && c!=MARSAD_FW_ANON ) return 0;
  const marsad_lexent *eCue = word_in(&marsad_lex_cues, pW, i);
  if( eCue && (eCue->eB & MARSAD_CUE_CLASS)!=MARSAD_CUE_NOUN ) return 0;  /* بيان الخارجية is a name */
  int n;
  if( marsad_lex_match(&marsad_lex_numbers, pW, i, i+1, 1, &n) ) return 0;
  const marsad_lexent *e = marsad_lex_match(&marsad_lex_counts, pW, i, i+1, 1, &n);
  if( e && (e->eB==MARSAD_ROLE_EVENT || e->eB==MARSAD_ROLE_FATE) ) return 0;
  return 1;
}

/* True when word i starts with a preposition and the article (بالخطوات):
** a complement, not the next word of a name. */
static int prep_article(const marsad_words *pW, int i){
  size_t n;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  return n>6 && memcmp(z, "\xd8\xa8\xd8\xa7\xd9\x84", 6)==0;   /* بال */
}

/* True when word i is لـ alone (لـ«الشرق الأوسط»): the channel, after a name. */
static int bare_lam(const marsad_words *pW, int i){
  size_t n;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  return n==2 && memcmp(z, "\xd9\x84", 2)==0;
}

/* True when word i, as written or without و/ف, starts with the article
** ال, or with a preposition and the article (بال، كال، لل: للمركز). */
static int definite(const marsad_words *pW, int i){
  for(int v=MARSAD_KEY_FULL; v<=MARSAD_KEY_CONJ; v++){
    size_t n;
    const char *z = marsad_word_key(pW, i, v, &n);
    if( z==0 || n<6 ) continue;
    if( memcmp(z, "\xd8\xa7\xd9\x84", 4)==0 ) return 1;                 /* ال */
    if( memcmp(z, "\xd9\x84\xd9\x84", 4)==0 ) return 1;                 /* لل */
    if( n>=10 && (memcmp(z, "\xd8\xa8", 2)==0 || memcmp(z, "\xd9\x83", 2)==0)
     && memcmp(z+2, "\xd8\xa7\xd9\x84", 4)==0 ) return 1;              /* بالـ، كالـ (not كالة) */
  }
  return 0;
}

/* True when word i, after a definite word or a name at i-1, cannot go on
** a noun phrase: an Arabic word without the article, without a preposition
** (a complement: باسم، لوزارة) and outside any recognised name. A construct
** ends with its definite genitive and a name with its last word, so what
** follows is the verb's object (أعلنت وزارة الصحة ارتفاع ...، نفت إدارة حي
** المنتزه منح ...، أبلغ الرئيس باراك أوباما نظيره ...), while a name in
** apposition (وزير الخارجية سيرغي لافروف) is a recognised name. */
static int after_definite(const stmt_scan *p, int i){
  const marsad_words *pW = p->pW;
  size_t n;
  if( pW->a[i].eKind!=MARSAD_TOKEN_ARABIC || (p->aName && p->aName[i]) ) return 0;
  if( !(definite(pW, i-1) || (p->aName && p->aName[i-1])) || definite(pW, i) ) return 0;
  return marsad_word_key(pW, i, MARSAD_KEY_PREP, &n)==0;
}

/* True when word i starts a recognised name right after a person's name
** (اتهم الرئيس رجب طيب اردوغان اوروبا): the person's phrase ends there. */
static int after_person(const stmt_scan *p, int i){
  return p->aName && (p->aName[i-1] & MARSAD_NAME_PERSON) && (p->aName[i] & MARSAD_NAME_FIRST);
}

/* True when word i, as written or without و/ف, is a sound masculine plural
** in the nominative (ends in ون: معارضون، مسلحون), the case of a subject. */
static int nominative_plural(const marsad_words *pW, int i){
  size_t n;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_CONJ, &n);
  if( z==0 ) z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  return z && n>=10 && memcmp(z+n-4, "\xd9\x88\xd9\x86", 4)==0;   /* ون */
}

/* True when word i, definite or starting a person's name, follows a phrase's
** first word i-1 that is an indefinite nominative plural outside any name:
** such a plural keeps its ن and so is never the head of a construct, and
** what follows it is the verb's object (واتهم معارضون | الرئيس التركي ...)
** or an adverb of time (قال مسؤولون | الأحد); unless word i is a plural of
** the same ending, an adjective agreeing with it (مسؤولون سعوديون). */
static int after_plural(const stmt_scan *p, int i){
  const marsad_words *pW = p->pW;
  if( p->aName && p->aName[i-1] ) return 0;
  int bPerson = p->aName && (p->aName[i] & MARSAD_NAME_PERSON) && (p->aName[i] & MARSAD_NAME_FIRST);
  if( !(definite(pW, i) || bPerson) || definite(pW, i-1) ) return 0;
  return nominative_plural(pW, i-1) && !nominative_plural(pW, i);
}

/* Length of a run of name words at i (at most nMax), 0 when none. */
static int name_run(const stmt_scan *p, int i, int nMax){
  const marsad_words *pW = p->pW;
  int n = 0;
  for(;;){
    /* an abbreviated title: د. (doctor), م. (engineer) */
    if( i+n>=0 && i+n<pW->nWord && pW->a[i+n].anKey[0]==2 && punct(pW, i+n+1, ".") && name_word(p, i+n) ){
      n += 2;
      continue;
    }
    /* a partitive: عدد من المسؤولين */
    if( n>0 && fw_class(pW, i+n-1)==MARSAD_FW_MANY && marsad_word_is(pW, i+n, K_MIN) ){
      n++;
      continue;
    }
    if( n>=nMax || !name_word(p, i+n) ) break;
    if( n>0 && (prep_article(pW, i+n) || bare_lam(pW, i+n) || after_definite(p, i+n)
             || after_person(p, i+n) || (n==1 && after_plural(p, i+n))) ) break;
    n++;
  }
  return n;
}

/* True when the word at i may close an apposition: a comma, a colon or a
** complementizer (، سيرغي لافروف، في ...; ، فلان: ...). */
static int appos_close(const stmt_scan *p, int i){
  if( i>=p->iLimit ) return 0;
  if( punct(p->pW, i, COMMAS ":") ) return 1;
  return fw_class(p->pW, i)==MARSAD_FW_COMP;
}

/* True when word j is the addressee or the channel of a saying that
** stands between a verb and its subject: a preposition with a pronoun (قال
** له), لـ alone (before a quoted name: لـ«الشرق الأوسط»), or a word with
** لل (قال للصحافيين). */
static int addressee(const marsad_words *pW, int j){
  size_t n;
  if( fw_class(pW, j)==MARSAD_FW_OBJ ) return 1;
  const char *z = j<pW->nWord ? marsad_word_key(pW, j, MARSAD_KEY_FULL, &n) : 0;
  if( z==0 || pW->a[j].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  return (n==2 && memcmp(z, "\xd9\x84", 2)==0) || (n>6 && memcmp(z, "\xd9\x84\xd9\x84", 4)==0);
}

/* Passes over an addressee at word j (and the quoted name after لـ); the
** word after it, or j. */
static int skip_addressee(const stmt_scan *p, int j){
  const marsad_words *pW = p->pW;
  if( j>=p->iLimit || !addressee(pW, j) ) return j;
  int k = j+1;
  if( punct(pW, k, QUOTES) ){
    int m = 1;
    while( m<6 && k+m<p->iLimit && !punct(pW, k+m, QUOTES) ) m++;
    if( k+m<p->iLimit ) k += m+1;
  }
  return k;
}

/* True when word i is a statement noun (في تصريح، في بيان): an adjunct of
** the saying, not where the speaker works. */
static int indefinite_noun_cue(const stmt_scan *p, int i){
  const marsad_lexent *e = word_in(&marsad_lex_cues, p->pW, i);
  return e && (e->eB & MARSAD_CUE_CLASS)==MARSAD_CUE_NOUN;
}

/* Reads a speaker's phrase at word j: returns its end (exclusive), or j
** when there is none; *piStart is where it starts (after an addressee). */
static int np_after(const stmt_scan *p, int j, int *piStart){
  const marsad_words *pW = p->pW;
  int j0 = j;
  j = skip_addressee(p, j);
  *piStart = j;
  int n = name_run(p, j, NP_MAX_WORDS);
  if( n==0 ) return j0;
  int k = j + n;
  /* a short name in quotes inside the phrase: قناة “روسيا اليوم” */
  if( punct(pW, k, QUOTES) ){
    int m = 0;
    while( m<4 && k+1+m<p->iLimit && (pW->a[k+1+m].eKind==MARSAD_TOKEN_ARABIC || pW->a[k+1+m].eKind==MARSAD_TOKEN_LATIN) ) m++;
    if( m>0 && punct(pW, k+1+m, QUOTES) ){
      k += m + 2;
      k += name_run(p, k, 2);
    }
  }
  /* a name in parentheses: (BBC) */
  if( punct(pW, k, "(") ){
    int m = name_run(p, k+1, 3);
    if( m>0 && punct(pW, k+1+m, ")") ) k += m + 2;
  }
  /* a name in apposition: ، NAME ، */
  if( punct(pW, k, COMMAS) ){
    int m = name_run(p, k+1, APPOS_MAX_WORDS);
    if( m>0 && appos_close(p, k+1+m) ) return k+1+m;
    return k;
  }
  /* a short complement before a name in apposition: في أرمينيا، NAME ، */
  if( fw_class(pW, k)==MARSAD_FW_PREP ){
    int m = name_run(p, k+1, 3);
    if( m>0 && punct(pW, k+1+m, COMMAS) ){
      int a = name_run(p, k+2+m, APPOS_MAX_WORDS);
      if( a>0 && appos_close(p, k+2+m+a) ) return k+2+m+a;
    }
    /* an unnamed source and where it works: مسؤول في وزارة الداخلية */
    if( n==1 && m>0 && marsad_word_is(pW, k, K_FI) && !indefinite_noun_cue(p, k+1)
     && !(pW->a[j].anKey[0]>=4 && memcmp(pW->zArena + pW->a[j].aKey[0], "\xd8\xa7\xd9\x84", 4)==0) ){
      return k+1+m;
    }
  }
  return k;
}

/* True when the complementizer at word k follows an impersonal cue (يذكر
** أن، يشار إلى أن): what comes after it is no one's words yet. */
static int after_impersonal(const stmt_scan *p, int k){
  for(int j=k-1; j>=p->iFloor && j>=k-3; j--){
    const marsad_lexent *e = word_in(&marsad_lex_cues, p->pW, j);
    if( e ) return (e->eB & MARSAD_CUE_CLASS)==MARSAD_CUE_IMPERSONAL;
  }
  return 0;
}

/* True when word i starts with the conjunction ف (فقال). */
static int with_fa(const marsad_words *pW, int i){
  size_t n, nConj;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  return marsad_word_key(pW, i, MARSAD_KEY_CONJ, &nConj) && memcmp(z, "\xd9\x81", 2)==0;
}

/* Reads a subject before the verb at word i: sets [*pi0, *pi1) and returns
** 1, or returns 0. iFloor bounds the search. */
static int np_before(const stmt_scan *p, int i, int iFloor, int *pi0, int *pi1){
  const marsad_words *pW = p->pW;
  int k = i-1, nWords = 0;
  /* the subject runs back to the clause's start: the sentence's start, a
  ** complementizer, a discourse word or a comma before و (، وروسيا تعلن);
  ** anything else on the way (a quote, a cue, a relative pronoun, a
  ** number) means the words before the verb are not its subject */
  while( k>=iFloor ){
    if( pW->a[k].eKind==MARSAD_TOKEN_PUNCT ){
      size_t nConj;
      if( !punct(pW, k, COMMAS) ) return 0;
      /* a comma right before a verb with ف closes its subject: أما
      ** الرئيس، محمود عباس، فقال */
      if( marsad_word_key(pW, k+1, MARSAD_KEY_CONJ, &nConj) && !(k==i-1 && with_fa(pW, i)) ) break;
    }else{
      int c = fw_class(pW, k);
      if( c==MARSAD_FW_DISC ) break;
      if( c==MARSAD_FW_COMP ){
        if( after_impersonal(p, k) ) break;   /* يشار إلى أن X دعا */
        return 0;                             /* within what someone else says */
      }
      if( c==MARSAD_FW_PART || c==MARSAD_FW_REL || word_in(&marsad_lex_cues, pW, k) ) return 0;
      if( pW->a[k].bNum ) return 0;
      if( ++nWords>SVO_MAX_WORDS ) return 0;
    }
    k--;
  }
  int i0 = k+1, i1 = i;
  while( i0<i1 && pW->a[i0].eKind==MARSAD_TOKEN_PUNCT ) i0++;
  while( i1>i0 && pW->a[i1-1].eKind==MARSAD_TOKEN_PUNCT ) i1--;
  if( i0>=i1 || !name_word(p, i0) ) return 0;
  *pi0 = i0;
  *pi1 = i1;
  return 1;
}

#define INDEF_MAX_WORDS   3   /* longest indefinite phrase a verb may describe */

/* True when word i, as written, ends in a pronoun suffix (ه، ها، هم، هما):
** a verb with its object (تبنته) or a noun made definite by it, either way
** not part of an indefinite phrase. */
static int pronoun_suffix(const marsad_words *pW, int i){
  const marsad_word *w = &pW->a[i];
  const char *z = pW->p + w->iStart;
  int n = w->iEnd - w->iStart;
  if( n>=4 && memcmp(z+n-4, "\xd9\x87\xd9\x85", 4)==0 ) return 1;                 /* هم */
  if( n>=6 && memcmp(z+n-6, "\xd9\x87\xd9\x85\xd8\xa7", 6)==0 ) return 1;        /* هما */
  if( n>=4 && memcmp(z+n-4, "\xd9\x87\xd8\xa7", 4)==0 ) return 1;                 /* ها */
  return n>=6 && memcmp(z+n-2, "\xd9\x87", 2)==0;                                 /* ه */
}

/* True when word i, as written, starts with ي: a verb in the imperfect
** (يستطيع، يتم), rarely a common noun. */
static int imperfect(const marsad_words *pW, int i){
  const marsad_word *w = &pW->a[i];
  return w->iEnd-w->iStart>=6 && memcmp(pW->p + w->iStart, "\xd9\x8a", 2)==0;
}

/* True when word i, as written, ends in the accusative alif (جندياً،
** هجوما): an object or an adverb, never a subject. */
static int accusative(const marsad_words *pW, int i){
  const marsad_word *w = &pW->a[i];
  const char *z = pW->p + w->iStart;
  int n = w->iEnd - w->iStart;
  if( n>=4 && memcmp(z+n-2, "\xd9\x8b", 2)==0 ) return 1;                         /* tanwin -an */
  return n>=6 && memcmp(z+n-2, "\xd8\xa7", 2)==0;                                 /* ا */
}

/* Reads an indefinite noun phrase right before the verb at word i (جماعة
** مسلحة نفت، مصادر أمنية أكدت): two name words (one or three when the
** first names an unnamed source) without the article, outside
** recognised names, none in the accusative, with a clear start before them
** (the sentence's start, a comma or colon, a complementizer or discourse
** word, a cue, or a verb with its object); none a verb in the imperfect,
** the first not a word with the preposition ب; and no person named right
** after the verb.
** A verb right after such a phrase is a relative clause describing it, so
** the phrase is its subject and what follows the verb its object. Sets
** [*pi0, *pi1) and returns 1, or returns 0. iFloor bounds the search. */
static int indefinite_before(const stmt_scan *p, int i, int iFloor, int *pi0, int *pi1){
  const marsad_words *pW = p->pW;
  int k = i-1;
  while( k>=iFloor && i-k<=INDEF_MAX_WORDS ){
    int c = fw_class(pW, k);
    if( !name_word(p, k) || pW->a[k].eKind!=MARSAD_TOKEN_ARABIC || (c && c!=MARSAD_FW_ANON)
     || definite(pW, k) || (p->aName && p->aName[k]) || pronoun_suffix(pW, k)
     || imperfect(pW, k) ) break;
    if( accusative(pW, k) ) return 0;
    k--;
  }
  /* a preposition with a pronoun after the verb (في وقت أعلنت فيه
  ** الرئاسة) takes the phrase back: the verb's subject follows */
  if( k==i-1 || fw_class(pW, i+1)==MARSAD_FW_OBJ ) return 0;
  /* so does a phrase after the verb that names a person: its subject
  ** (قام رجل يدعى سليمان ...، قال الرئيس باراك أوباما) */
  int s0, e = np_after(p, i+1, &s0);
  for(int j=s0; p->aName && j<e; j++){
    if( p->aName[j] & MARSAD_NAME_PERSON ) return 0;
  }
  /* one word alone must name an unnamed source (مسؤولون حذروا); other
  ** single words are too often an adverb or a verb (في وقت مضى) */
  if( k==i-2 && fw_class(pW, i-1)!=MARSAD_FW_ANON ) return 0;
  /* three words only from such a noun (مصادر أمنية مطلعة): else the
  ** first is too often a verb (خرجت تسريبات غربية) */
  if( k==i-4 && fw_class(pW, i-3)!=MARSAD_FW_ANON ) return 0;
  /* a first word with the preposition ب is an adverb (بشكل عام) */
  size_t nPrep;
  const char *z = marsad_word_key(pW, k+1, MARSAD_KEY_FULL, &nPrep);
  if( z && memcmp(z, "\xd8\xa8", 2)==0 && marsad_word_key(pW, k+1, MARSAD_KEY_PREP, &nPrep) ) return 0;
  if( k>=iFloor ){
    /* what stands before the phrase must end a clause: after a preposition
    ** it is a complement (في حين، من جهة أخرى)، after a particle a verb
    ** (لم تكن قوة) */
    int c = fw_class(pW, k);
    int bClear = pW->a[k].eKind==MARSAD_TOKEN_PUNCT || c==MARSAD_FW_COMP || c==MARSAD_FW_DISC
              || word_in(&marsad_lex_cues, pW, k) || pronoun_suffix(pW, k);
    if( !bClear || (pW->a[k].eKind==MARSAD_TOKEN_PUNCT && !punct(pW, k, COMMAS ":")) ) return 0;
  }
  *pi0 = k+1;
  *pi1 = i;
  return 1;
}

/* True when the cue at word i opens a clause: at the sentence's start or
** after a comma or a discourse word, with only discourse words between. */
static int clause_initial(const stmt_scan *p, int i){
  int k = i-1;
  while( k>=p->iFloor && fw_class(p->pW, k)==MARSAD_FW_DISC ) k--;
  return k<p->iFloor || punct(p->pW, k, COMMAS ":");
}

/* True when the cue at word i, inside another statement's content, starts
** an independent clause: a comma at most three words before, and the cue or
** the first word after the comma joined by و/ف or a discourse word (،
** وأضافت أن; ، وهو ادعاء تنفيه; ، كما دعت). Sets *piComma. */
static int clause_break(const stmt_scan *p, int i, int iFloor, int *piComma){
  const marsad_words *pW = p->pW;
  int nWords = 0;
  for(int k=i-1; k>=iFloor && nWords<=3; k--){
    if( punct(pW, k, COMMAS) ){
      int f = k+1;
      size_t nConj;
      int bJoined = marsad_word_key(pW, f, MARSAD_KEY_CONJ, &nConj)!=0
                 || fw_class(pW, f)==MARSAD_FW_DISC;
      *piComma = k;
      return bJoined;
    }
    if( pW->a[k].eKind==MARSAD_TOKEN_PUNCT ) return 0;
    nWords++;
  }
  return 0;
}

/* Start of the content of a statement whose speaker or cue ends before word
** j: after a complementizer or colon, or at an opening quote, when one comes
** within a few words; else j. */
static int content_start(const stmt_scan *p, int j){
  const marsad_words *pW = p->pW;
  for(int k=j; k<p->iLimit && k<j+12; k++){
    if( fw_class(pW, k)==MARSAD_FW_COMP || punct(pW, k, ":") ) return k+1;
    if( punct(pW, k, QUOTES) ){
      if( k<=j+1 ) return k;   /* a quote right after the speaker */
      break;                   /* a quoted name in an adjunct */
    }
    if( pW->a[k].bNum || word_in(&marsad_lex_cues, pW, k) ) break;
  }
  return j;
}

/* The content of a cue with an object pronoun at word i (وهو ادعاء تنفيه
** X): the claim before it, from the start of the open statement's content
** (or of the sentence) to the comma that ends it. Sets [*pi0, *pi1);
** returns 0 when there is no such clause. */
static int content_before(const stmt_scan *p, int i, int iOpen, int *pi0, int *pi1){
  int iComma = -1;
  for(int k=i-1; k>=p->iFloor && k>=i-4; k--){
    if( punct(p->pW, k, COMMAS) ){ iComma = k; break; }
  }
  int i0 = iOpen>=0 ? p->pOut->a[iOpen].iCont0 : p->iFloor;
  if( iComma<=i0 ) return 0;
  *pi0 = i0;
  *pi1 = iComma;
  return 1;
}

/* Appends a statement; returns its index or -1 when out of memory. */
static int push_stmt(stmt_scan *p, const marsad_statement *pS){
  marsad_statements *pOut = p->pOut;
  if( pOut->n>=pOut->nAlloc ){
    int nNew = pOut->nAlloc ? pOut->nAlloc*2 : 16;
    marsad_statement *aNew = marsad_realloc(pOut->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return -1;
    pOut->a = aNew;
    pOut->nAlloc = nNew;
  }
  pOut->a[pOut->n] = *pS;
  return pOut->n++;
}

/* A source named by words [i0, i1) (i0==i1: not named). */
static marsad_source source_of(int i0, int i1){
  marsad_source s = { i0, i1, i0, i1, -1 };
  return s;
}

/* The speaker of a relayed statement: نقل X عن Y قوله → Y. Sets [*pi0,
** *pi1) and returns 1, or returns 0. */
static int relay_speaker(const stmt_scan *p, int i, int *pi0, int *pi1){
  const marsad_words *pW = p->pW;
  for(int k=i+1; k<p->iLimit && k<i+24; k++){
    if( !marsad_word_is(pW, k, K_AN) ) continue;
    int e = k+1;
    while( e<p->iLimit && e<k+10 && pW->a[e].eKind!=MARSAD_TOKEN_PUNCT ){
      size_t n;
      const char *z = marsad_word_key(pW, e, MARSAD_KEY_FULL, &n);
      if( n>=6 && memcmp(z, K_QAWL, 6)==0 ) break;
      e++;
    }
    if( e>k+1 ){ *pi0 = k+1; *pi1 = e; return 1; }
    return 0;
  }
  return 0;
}

/* True when word i's key, as written or without و/ف, is z. */
static int word_or_conj_is(const marsad_words *pW, int i, const char *z){
  size_t n;
  if( marsad_word_is(pW, i, z) ) return 1;
  const char *k = i>=0 && i<pW->nWord ? marsad_word_key(pW, i, MARSAD_KEY_CONJ, &n) : 0;
  return k && n==strlen(z) && memcmp(k, z, n)==0;
}

/* True when word i (a cue) is negated by the word before it (لا، لم، لن،
** ولم ...). */
static int negated(const marsad_words *pW, int i){
  return word_or_conj_is(pW, i-1, K_LA) || word_or_conj_is(pW, i-1, K_LAM)
      || word_or_conj_is(pW, i-1, K_LAN);
}

/* Rank of a stance when the content decides: warn > appeal > accuse > deny
** > affirm. */
static int stance_rank(int e){
  switch( e ){
    case MARSAD_STANCE_WARN:   return 5;
    case MARSAD_STANCE_APPEAL: return 4;
    case MARSAD_STANCE_ACCUSE: return 3;
    case MARSAD_STANCE_DENY:   return 2;
    case MARSAD_STANCE_AFFIRM: return 1;
  }
  return 0;
}

/* True when the n words at i end, as written, in ى: a past verb that
** normalization folds into a stance noun (نفى, someone's denial told, read
** as نفي, a denial). */
static int past_verb(const marsad_words *pW, int i, int n){
  const marsad_word *w = &pW->a[i+n-1];
  return w->iEnd-w->iStart>=2 && memcmp(pW->p + w->iEnd - 2, "\xd9\x89", 2)==0;
}

/* The strongest stance word (data/facts_markers.tsv) of words [i0, i1),
** or MARSAD_STANCE_STATE. A reporting verb in there is someone else's
** statement (nested), not a stance of this one. */
static int content_stance(const marsad_words *pW, int i0, int i1){
  int eBest = MARSAD_STANCE_STATE;
  for(int i=i0; i<i1; i++){
    int n;
    const marsad_lexent *e = marsad_lex_match(&marsad_lex_markers, pW, i, i1, 1, &n);
    if( e && !negated(pW, i) && !past_verb(pW, i, n) && stance_rank(e->eA)>stance_rank(eBest) ) eBest = e->eA;
  }
  return eBest;
}

/* The end of a speaker's phrase [s0, e) of a verb that takes its
** complement with ب: the first word after s0 that starts with the clitic ب
** and is not in a recognised name (the complement), or e. */
static int before_b(const stmt_scan *p, int s0, int e){
  const marsad_words *pW = p->pW;
  for(int k=s0+1; k<e; k++){
    if( p->aName && p->aName[k] ) continue;
    size_t n, nPrep;
    const char *z = marsad_word_key(pW, k, MARSAD_KEY_CONJ, &n);
    if( z==0 ) z = marsad_word_key(pW, k, MARSAD_KEY_FULL, &n);
    if( n>2 && memcmp(z, "\xd8\xa8", 2)==0 && marsad_word_key(pW, k, MARSAD_KEY_PREP, &nPrep) ) return k;
  }
  return e;
}

/* A short name in quotes at word j followed by أن/إن or a colon (وأكدت
** "زين السعودية" أن): returns the word after the closing quote, or j. */
static int quoted_name(const stmt_scan *p, int j){
  const marsad_words *pW = p->pW;
  if( !punct(pW, j, QUOTES) ) return j;
  int m = 0;
  while( m<APPOS_MAX_WORDS && name_word(p, j+1+m) ) m++;
  int k = j+1+m;
  if( m==0 || !punct(pW, k, QUOTES) ) return j;
  return fw_class(pW, k+1)==MARSAD_FW_COMP || punct(pW, k+1, ":") ? k+1 : j;
}

/* True when the phrase [s0, e) read after a verb can be its subject: it
** holds a word with the article or a recognised name, starts with a noun
** of an unnamed source (مصدر أمني، شهود عيان) or Latin letters, is one
** plural in the nominative (اتهم معارضون الحكومة), or what is
** said follows it (أن، إن، a colon, a quote: وقال زينجر إن). Otherwise the
** verb's subject is a pronoun and the phrase its object (ونفى وجود أي
** صفقة، تستبعد أي مرشح). */
static int likely_speaker(const stmt_scan *p, int s0, int e){
  const marsad_words *pW = p->pW;
  if( fw_class(pW, s0)==MARSAD_FW_ANON || pW->a[s0].eKind==MARSAD_TOKEN_LATIN ) return 1;
  if( e==s0+1 && nominative_plural(pW, s0) ) return 1;   /* اتهم معارضون */
  for(int k=s0; k<e; k++){
    if( definite(pW, k) || (p->aName && p->aName[k]) ) return 1;
  }
  return content_start(p, e)!=e || punct(pW, e, QUOTES);
}

/* Finds the speaker of a new statement at cue word i of class eClass: sets
** *pSpk and the word where the content search starts. *piFrom is the
** latest top-level statement before (or -1): when the speaker is not named
** and the cue opens its clause, it goes on speaking (*piFrom is kept; else
** it is set to -1). Returns 0 when the cue has no speaker (then it is no
** statement). */
static int find_speaker(stmt_scan *p, int i, int eFlags, marsad_source *pSpk,
                        int *piAfter, int *piFrom){
  const marsad_words *pW = p->pW;
  int eClass = eFlags & MARSAD_CUE_CLASS;
  int i0, i1;
  int iFrom = *piFrom;
  *piFrom = -1;
  if( eClass==MARSAD_CUE_NOUN ){
    size_t n;
    const char *z = marsad_word_key(pW, i+1, MARSAD_KEY_FULL, &n);
    if( !marsad_word_is(pW, i-1, K_FI) || z==0 || n<4 || memcmp(z, "\xd9\x84", 2)!=0 ) return 0;
    int s0;
    int e = np_after(p, i+1, &s0);
    if( e==i+1 ) return 0;
    *pSpk = source_of(s0, e);
    *piAfter = e;
    return 1;
  }
  if( eClass==MARSAD_CUE_RELAY ){
    if( !relay_speaker(p, i, &i0, &i1) ) return 0;
    *pSpk = source_of(i0, i1);
    *piAfter = i1;
    return 1;
  }
  if( eFlags & MARSAD_CUE_MANNER ){
    /* مشيرا، مؤكدا: opening its clause, the saying before it goes on;
    ** after other words, those are a clause of their own (واستسلم الجمهور
    ** ... مطالبا), not a subject, and no one known speaks */
    if( iFrom<0 || !clause_initial(p, i) ) return 0;
    *pSpk = source_of(i, i);
    *piFrom = iFrom;
    *piAfter = i+1;
    return 1;
  }
  /* a verb that opens its clause (also one joined by و/ف) has its subject
  ** after it (VSO); after a noun phrase, that phrase is its subject (SVO)
  ** unless the verb carries an object pronoun (وهو ادعاء تنفيه أذربيجان) */
  size_t nConj;
  int bInitial = clause_initial(p, i)
              || marsad_word_key(pW, i, MARSAD_KEY_CONJ, &nConj)!=0;   /* وأعرب opens a clause */
  int bObject = (eFlags & MARSAD_CUE_OBJECT)!=0;
  if( !bInitial && !bObject && (np_before(p, i, p->iFloor, &i0, &i1)
                              || indefinite_before(p, i, p->iFloor, &i0, &i1)) ){
    *pSpk = source_of(i0, i1);
    *piAfter = i+1;
    return 1;
  }
  size_t nNext = 0;
  const char *zNext = i+1<p->iLimit ? marsad_word_key(pW, i+1, MARSAD_KEY_FULL, &nNext) : 0;
  int bComplement = (eFlags & MARSAD_CUE_TAKES_B) && zNext && nNext>4
                 && memcmp(zNext, "\xd8\xa8", 2)==0;   /* starts with ب */
  int s0 = i+1;
  int e = bComplement ? i+1 : quoted_name(p, i+1);
  if( e>i+1 ){   /* وأكدت "زين السعودية" أن */
    *pSpk = source_of(i+2, e-1);
    *piAfter = e;
    return 1;
  }
  e = bComplement ? i+1 : np_after(p, i+1, &s0);
  if( eFlags & MARSAD_CUE_TAKES_B ) e = before_b(p, s0, e);   /* اتهمت المعارضة الحكومة بتزوير */
  if( e>i+1 && !likely_speaker(p, s0, e) ) e = i+1;
  if( e>i+1 ){
    *pSpk = source_of(s0, e);
    *piAfter = e;
    return 1;
  }
  if( np_before(p, i, p->iFloor, &i0, &i1) ){
    *pSpk = source_of(i0, i1);
    *piAfter = i+1;
    return 1;
  }
  if( (bInitial || eClass==MARSAD_CUE_CONTINUE) && iFrom>=0 ){
    *pSpk = source_of(i, i);
    *piFrom = iFrom;
    *piAfter = i+1;
    return 1;
  }
  return 0;
}

/* Marks the quotations of the current sentence in aFlag: “ ” and " open and
** close in turn (news often types “ for both), « opens and » closes. */
static void mark_quotes(stmt_scan *p){
  const marsad_words *pW = p->pW;
  int bIn = 0;
  for(int i=p->iFloor; i<p->iLimit; i++){
    /* the quotes " “ ” « » start with the byte 22, E2 or C2 */
    unsigned char c = (pW->aGate[i] & MARSAD_WORD_PUNCT) ? (unsigned char)pW->p[pW->a[i].iStart] : 0;
    if( c=='"' || c==0xE2 || c==0xC2 ){
      if( punct(pW, i, "\"\xe2\x80\x9c\xe2\x80\x9d") ){ bIn = !bIn; continue; }
      if( punct(pW, i, "\xc2\xab") ){ bIn = 1; continue; }
      if( punct(pW, i, "\xc2\xbb") ){ bIn = 0; continue; }
    }
    if( bIn ) p->aFlag[i] |= FLAG_QUOTE;
  }
}

/* Finds the attributions of the current sentence. */
static int find_attributions(stmt_scan *p){
  marsad_statements *pOut = p->pOut;
  for(int i=p->iFloor; i<p->iLimit; i++){
    int n;
    const marsad_lexent *e = marsad_lex_match(&marsad_lex_sources, p->pW, i, p->iLimit, 1, &n);
    if( e==0 ) continue;
    for(int k=i; k<i+n; k++) p->aFlag[k] |= FLAG_ATTR;
    int s0;
    int iEnd = np_after(p, i+n, &s0);
    if( iEnd==i+n ) continue;
    if( pOut->nAttr>=pOut->nAttrAlloc ){
      int nNew = pOut->nAttrAlloc ? pOut->nAttrAlloc*2 : 8;
      marsad_attrib *aNew = marsad_realloc(pOut->aAttr, sizeof(*aNew)*(size_t)nNew);
      if( aNew==0 ) return MARSAD_NOMEM;
      pOut->aAttr = aNew;
      pOut->nAttrAlloc = nNew;
    }
    marsad_attrib *a = &pOut->aAttr[pOut->nAttr++];
    a->iWord0 = i;
    a->iWord1 = i+n;
    a->src = source_of(s0, iEnd);
    i = iEnd-1;
  }
  return MARSAD_OK;
}

/* Adds a statement nested in the content of statement iParent when the
** stance verb at word i has its own subject there. */
static int add_nested(stmt_scan *p, int i, const marsad_lexent *eCue, int iParent){
  marsad_statement *pParent = &p->pOut->a[iParent];
  int i0, i1;
  if( eCue->eB!=MARSAD_CUE_VERB || eCue->eA==MARSAD_STANCE_AFFIRM
   || eCue->eA==MARSAD_STANCE_STATE || negated(p->pW, i) ) return MARSAD_OK;
  if( !np_before(p, i, pParent->iCont0, &i0, &i1)
   && !indefinite_before(p, i, pParent->iCont0, &i0, &i1) ) return MARSAD_OK;
  marsad_statement s;
  memset(&s, 0, sizeof s);
  s.iCue0 = i; s.iCue1 = i+1;
  s.iCont0 = i+1; s.iCont1 = pParent->iCont1;
  s.iSent = pParent->iSent;
  s.eStance = eCue->eA;
  s.iLemma = (int)eCue->iValue;
  s.iParent = iParent;
  s.iFrom = -1;
  s.spk = source_of(i0, i1);
  return push_stmt(p, &s)<0 ? MARSAD_NOMEM : MARSAD_OK;
}

/* True when the cue at word i is a past verb whose lemma ends in ى (نفى)
** written with ي, inside a clause and without و/ف: the verbal noun (رغم
** نفي السلطات، تأكيد أو نفي المعلومات، لمجرد نفي الشائعات), not a saying. */
static int masdar_reading(const stmt_scan *p, int i, const marsad_lexent *eCue){
  const marsad_words *pW = p->pW;
  size_t nConj;
  if( eCue->iValue<0 || eCue->iValue>=marsad_cue_nlemmas ) return 0;
  const char *zLemma = marsad_cue_lemmas[eCue->iValue];
  size_t nLemma = strlen(zLemma), nWord = pW->a[i].iEnd - pW->a[i].iStart;
  const char *zWord = pW->p + pW->a[i].iStart;
  if( nLemma<4 || nWord!=nLemma || memcmp(zLemma+nLemma-2, "\xd9\x89", 2)!=0 ) return 0;   /* ى */
  if( memcmp(zWord, zLemma, nLemma-2)!=0 || memcmp(zWord+nWord-2, "\xd9\x8a", 2)!=0 ) return 0; /* ي */
  return marsad_word_key(pW, i, MARSAD_KEY_CONJ, &nConj)==0 && !clause_initial(p, i);
}

/* True when words [i0, i1) hold something said: a word that is not
** punctuation. */
static int says_something(const marsad_words *pW, int i0, int i1){
  for(int k=i0; k<i1; k++){
    if( pW->a[k].eKind!=MARSAD_TOKEN_PUNCT ) return 1;
  }
  return 0;
}

/* Finds the statements of the current sentence. */
static int scan_sentence(stmt_scan *p, int iSent){
  const marsad_words *pW = p->pW;
  int iOpen = -1;   /* the statement of this sentence whose content is open */
  int rc = MARSAD_OK;
  unsigned mCue = marsad_lex_bit(&marsad_lex_cues);
  for(int i=p->iFloor; rc==MARSAD_OK && i<p->iLimit; i++){
    if( p->aFlag[i] || !(marsad_word_lex_any(pW, i) & mCue) ) continue;
    const marsad_lexent *eCue = word_in(&marsad_lex_cues, pW, i);
    if( eCue==0 || (eCue->eB & MARSAD_CUE_CLASS)==MARSAD_CUE_IMPERSONAL ) continue;
    if( masdar_reading(p, i, eCue) ) continue;
    int iOpenBefore = iOpen;
    if( iOpen>=0 && i>=p->pOut->a[iOpen].iCont0 ){
      int iComma;
      if( clause_break(p, i, p->pOut->a[iOpen].iCont0, &iComma) ){
        p->pOut->a[iOpen].iCont1 = iComma;
      }else{
        rc = add_nested(p, i, eCue, iOpen);
        continue;
      }
    }
    marsad_statement s;
    memset(&s, 0, sizeof s);
    int iAfter;
    s.iFrom = p->iLastTop;
    if( !find_speaker(p, i, eCue->eB, &s.spk, &iAfter, &s.iFrom) ) continue;
    s.iCue0 = i; s.iCue1 = i+1;
    s.iCont0 = content_start(p, iAfter);
    s.iCont1 = p->iLimit;
    if( (eCue->eB & MARSAD_CUE_OBJECT) && s.iCont0>=p->iLimit-1 ){
      content_before(p, i, iOpenBefore, &s.iCont0, &s.iCont1);
    }
    s.iSent = iSent;
    s.eStance = eCue->eA;
    if( negated(pW, i) ) s.eStance = MARSAD_STANCE_STATE;
    s.iLemma = (int)eCue->iValue;
    s.iParent = -1;
    iOpen = push_stmt(p, &s);
    if( iOpen<0 ) rc = MARSAD_NOMEM;
    p->iLastTop = iOpen;
  }
  return rc;
}

/* True when words i and j match: a key of one (as written, or without و/ف)
** equals a key of the other, both taken without the article ال. */
static int same_word(const marsad_words *pW, int i, int j){
  for(int vi=MARSAD_KEY_FULL; vi<=MARSAD_KEY_CONJ; vi++){
    size_t ni;
    const char *zi = marsad_word_key(pW, i, vi, &ni);
    if( zi==0 ) continue;
    if( ni>4 && memcmp(zi, "\xd8\xa7\xd9\x84", 4)==0 ){ zi += 4; ni -= 4; }
    for(int vj=MARSAD_KEY_FULL; vj<=MARSAD_KEY_CONJ; vj++){
      size_t nj;
      const char *zj = marsad_word_key(pW, j, vj, &nj);
      if( zj==0 ) continue;
      if( nj>4 && memcmp(zj, "\xd8\xa7\xd9\x84", 4)==0 ){ zj += 4; nj -= 4; }
      if( ni==nj && memcmp(zi, zj, ni)==0 ) return 1;
    }
  }
  return 0;
}

/* True when every word of the short naming [s0, s1) occurs in the long one
** [l0, l1) (المرصد in المرصد السوري لحقوق الإنسان). */
static int naming_within(const marsad_words *pW, int s0, int s1, int l0, int l1){
  for(int i=s0; i<s1; i++){
    if( pW->a[i].eKind==MARSAD_TOKEN_PUNCT ) continue;
    int bFound = 0;
    for(int j=l0; j<l1 && !bFound; j++) bFound = same_word(pW, i, j);
    if( !bFound ) return 0;
  }
  return 1;
}

/* The first date of the current text that starts in words [w0, w1) and
** can be a day of report (a resolved day, not a start or an end: منذ), or
** -1. The dates there are at most w1-w0. */
static int date_in(const stmt_scan *p, int w0, int w1){
  for(int d=marsad_dates_from(p->pDates, w0); d<p->pDates->n && p->pDates->a[d].iWord0<w1; d++){
    const marsad_date *pD = &p->pDates->a[d];
    p->pOut->nWork++;
    if( !pD->bSince && pD->v.y!=0 && pD->ePrec==MARSAD_PREC_DAY ) return d;
  }
  return -1;
}

/* The date that opens the sentence of word i (أمس، وفي يوم الخميس، ...),
** after at most one function word; or -1. */
static int opening_date(const stmt_scan *p, int i){
  int f = p->pW->aSent[p->pW->a[i].iSent];
  int d = date_in(p, f, f+1);
  if( d<0 && fw_class(p->pW, f) ) d = date_in(p, f+1, f+2);
  return d;
}

/* The day statement pSt was made, as its sentence says it, or -1 (then it
** is the publication day): a date between the cue and the content (وقال
** المرصد في 2 آذار إن، أفاد المرصد أمس بمقتل ...: a date that opens a
** content without أن or a quote), else one that opens the sentence. A date
** inside what is said is when the things told happened, not the day it
** was said. */
static int statement_date(const stmt_scan *p, const marsad_statement *pSt){
  const marsad_words *pW = p->pW;
  int w1 = pSt->iCue1 + SAID_AFTER_WORDS;
  if( pSt->iCont0>=pSt->iCue1 ){
    int k = pSt->iCont0;
    int bMarked = k>0 && (fw_class(pW, k-1)==MARSAD_FW_COMP || punct(pW, k-1, ":") || punct(pW, k, QUOTES));
    w1 = bMarked ? k : k + SAID_AFTER_WORDS;
  }
  int d = date_in(p, pSt->iCue1, w1);
  return d>=0 ? d : opening_date(p, pSt->spk.iW0<pSt->spk.iW1 ? pSt->spk.iW0 : pSt->iCue0);
}

/* The day of an attribution (بحسب المرصد أمس), or -1. */
static int attribution_date(const stmt_scan *p, const marsad_source *pSrc){
  int d = date_in(p, pSrc->iW1, pSrc->iW1 + SAID_AFTER_WORDS);
  return d>=0 ? d : opening_date(p, pSrc->iW0);
}

/* A source of the text, for resolving them in text order. */
typedef struct src_ref {
  int iWord;                  /* where it is named (or its cue) */
  marsad_source *pSrc;
  const marsad_statement *pStmt;  /* its statement, or NULL for an attribution */
} src_ref;

/* Orders source references by word. */
static int cmp_ref(const void *a, const void *b){
  return ((const src_ref*)a)->iWord - ((const src_ref*)b)->iWord;
}

/* Resolves source aRef[r], all sources before it being resolved: its
** report date, and its fullest naming. A speaker carried over takes the
** naming (and, without a date of its own, the date) of the statement it
** continues; a nested one the date of its parent; a short naming (المرصد،
** بيسكوف) the latest fuller naming that holds all its words among the
** COREF_BACK sources before it (so the work stays linear in the text). */
static void resolve_source(stmt_scan *p, src_ref *aRef, int r){
  const marsad_words *pW = p->pW;
  marsad_source *s = aRef[r].pSrc;
  const marsad_statement *pSt = aRef[r].pStmt;
  const marsad_statement *aSt = p->pOut->a;
  s->iDate = pSt ? statement_date(p, pSt) : attribution_date(p, s);
  if( pSt && pSt->iFrom>=0 && s->iW0==s->iW1 ){
    const marsad_source *f = &aSt[pSt->iFrom].spk;
    s->iR0 = f->iR0;
    s->iR1 = f->iR1;
    if( s->iDate<0 ) s->iDate = f->iDate;
    return;
  }
  if( pSt && pSt->iParent>=0 && s->iDate<0 ) s->iDate = aSt[pSt->iParent].spk.iDate;
  int nWords = s->iW1 - s->iW0;
  if( nWords==1 && fw_class(pW, s->iW0)==MARSAD_FW_HON ){
    /* سموه، معاليه: the latest speaker named with more than one word */
    for(int q=r-1; q>=0 && q>=r-COREF_BACK; q--){
      const marsad_source *t = aRef[q].pSrc;
      p->pOut->nWork++;
      if( t->iR1-t->iR0>1 ){
        s->iR0 = t->iR0;
        s->iR1 = t->iR1;
        return;
      }
    }
    return;
  }
  if( nWords==0 || nWords>COREF_MAX_WORDS ) return;
  for(int q=r-1; q>=0 && q>=r-COREF_BACK; q--){
    const marsad_source *t = aRef[q].pSrc;
    p->pOut->nWork++;
    if( t->iR1-t->iR0<=nWords ) continue;
    if( naming_within(pW, s->iW0, s->iW1, t->iR0, t->iR1) ){
      s->iR0 = t->iR0;
      s->iR1 = t->iR1;
      if( s->iDate<0 ) s->iDate = t->iDate;   /* the same report, named again */
      return;
    }
  }
}

/* Removes the statements that say nothing (a content of punctuation
** only: وأضاف الوزير.), once the statements carried on from them have
** taken their speaker; the links between the others are kept. */
static int drop_silent(stmt_scan *p){
  marsad_statements *pOut = p->pOut;
  int *aMap = marsad_malloc(sizeof(int)*(size_t)(pOut->n+1));
  if( aMap==0 ) return MARSAD_NOMEM;
  int n = 0;
  for(int i=0; i<pOut->n; i++){
    aMap[i] = says_something(p->pW, pOut->a[i].iCont0, pOut->a[i].iCont1) ? n++ : -1;
  }
  for(int i=0; i<pOut->n; i++){
    if( aMap[i]<0 ) continue;
    marsad_statement *s = &pOut->a[aMap[i]];
    *s = pOut->a[i];
    if( s->iFrom>=0 ) s->iFrom = aMap[s->iFrom];
    if( s->iParent>=0 ) s->iParent = aMap[s->iParent];
  }
  pOut->n = n;
  marsad_free(aMap);
  return MARSAD_OK;
}

/* Resolves every statement's and attribution's source (dates, short
** namings), then sets the statements' spans and content stances. */
static int finish(stmt_scan *p){
  marsad_statements *pOut = p->pOut;
  const marsad_words *pW = p->pW;
  int nRef = pOut->n + pOut->nAttr;
  src_ref *aRef = marsad_malloc(sizeof(src_ref)*(size_t)(nRef+1));
  if( aRef==0 ) return MARSAD_NOMEM;
  int k = 0;
  for(int i=0; i<pOut->n; i++){
    marsad_statement *s = &pOut->a[i];
    aRef[k].iWord = s->spk.iW0<s->spk.iW1 ? s->spk.iW0 : s->iCue0;
    aRef[k].pStmt = s;
    aRef[k++].pSrc = &s->spk;
  }
  for(int i=0; i<pOut->nAttr; i++){
    aRef[k].iWord = pOut->aAttr[i].src.iW0;
    aRef[k].pStmt = 0;
    aRef[k++].pSrc = &pOut->aAttr[i].src;
  }
  qsort(aRef, (size_t)nRef, sizeof(src_ref), cmp_ref);
  for(int r=0; r<nRef; r++) resolve_source(p, aRef, r);
  marsad_free(aRef);
  for(int i=0; i<pOut->n; i++){
    marsad_statement *s = &pOut->a[i];
    int i0 = s->iCue0, i1 = s->iCue1;
    if( s->spk.iW0<s->spk.iW1 && s->spk.iW0<i0 ) i0 = s->spk.iW0;
    if( s->iCont0<i0 ) i0 = s->iCont0;   /* the claim before تنفيه */
    while( s->iCont0<s->iCont1 && punct(pW, s->iCont0, COMMAS) ) s->iCont0++;
    if( s->spk.iW1>i1 ) i1 = s->spk.iW1;
    if( s->iCont1>i1 ) i1 = s->iCont1;
    while( i1>i0+1 && pW->a[i1-1].eKind==MARSAD_TOKEN_PUNCT && !punct(pW, i1-1, QUOTES) ) i1--;
    s->iStart = pW->a[i0].iStart;
    s->iEnd = pW->a[i1-1].iEnd;
    if( s->eStance==MARSAD_STANCE_STATE ) s->eStance = content_stance(pW, s->iCont0, s->iCont1);
  }
  return drop_silent(p);
}

int marsad_statements_find(const marsad_words *pW, const marsad_dates *pDates,
                           const unsigned char *aUsed, const unsigned char *aName,
                           marsad_statements *pOut){
  stmt_scan scan = { pW, pDates, aUsed, aName, 0, pOut, 0, 0, -1 };
  int rc = MARSAD_OK;
  scan.aFlag = marsad_malloc((size_t)pW->nWord + 1);
  if( scan.aFlag==0 ) return MARSAD_NOMEM;
  memset(scan.aFlag, 0, (size_t)pW->nWord + 1);
  for(int s=0; rc==MARSAD_OK && s<pW->nSent; s++){
    scan.iFloor = pW->aSent[s];
    scan.iLimit = pW->aSent[s+1];
    mark_quotes(&scan);
    rc = find_attributions(&scan);
    if( rc==MARSAD_OK ) rc = scan_sentence(&scan, s);
  }
  if( rc==MARSAD_OK ) rc = finish(&scan);
  marsad_free(scan.aFlag);
  return rc;
}

void marsad_statements_free(marsad_statements *p){
  if( p==0 ) return;
  marsad_free(p->a);
  marsad_free(p->aAttr);
  memset(p, 0, sizeof *p);
}
