/*
** token.c: the span tokenizer of the text core (see token.h). One pass over
** the original bytes: each character gets a class, and a small state machine
** groups them into words, numbers and punctuation.
*/
#include <stdint.h>
#include <utf8proc.h>
#include "marsad.h"
#include "fold.h"
#include "norm.h"
#include "token.h"
#include "utf8.h"

/* Character classes. */
enum {
  CC_SPACE = 0,   /* separates tokens: white space, controls, invalid UTF-8 */
  CC_ARABIC,      /* letter of the Arabic script */
  CC_LETTER,      /* letter of any other script */
  CC_DIGIT,       /* decimal digit of any script */
  CC_MARK,        /* combining mark, haraka or tatweel: stays in its word */
  CC_JOIN,        /* invisible control (ZWNJ, ZWJ, bidi marks): stays in a
                     word when the word goes on after it */
  CC_NUMSEP,      /* . , ٫ ٬ : inside a number between digits, else punct */
  CC_PUNCT        /* punctuation or symbol */
};

/* Class of an ASCII byte. */
static int class_ascii(unsigned char c){
  if( (c|0x20)>='a' && (c|0x20)<='z' ) return CC_LETTER;
  if( c>='0' && c<='9' ) return CC_DIGIT;
  if( c=='.' || c==',' ) return CC_NUMSEP;
  if( c<=0x20 || c==0x7F ) return CC_SPACE;
  return CC_PUNCT;
}

/* Class of an invisible control, or CC_SPACE when cp is not one. */
static int class_control(uint32_t cp){
  switch( cp ){
    case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x061C:
    case 0x00AD: case 0x2060: case 0xFEFF:
      return CC_JOIN;
  }
  if( (cp>=0x202A && cp<=0x202E) || (cp>=0x2066 && cp<=0x2069) ) return CC_JOIN;
  return CC_SPACE;
}

/* Class of a non-ASCII code point (U+FFFD included, which is a separator). */
static int class_other(uint32_t cp){
  if( marsad_fold_is_letter(cp) ) return CC_ARABIC;
  if( (cp>=0x0660 && cp<=0x0669) || (cp>=0x06F0 && cp<=0x06F9) ) return CC_DIGIT;
  if( cp==0x066B || cp==0x066C ) return CC_NUMSEP;
  if( class_control(cp)==CC_JOIN ) return CC_JOIN;
  if( cp==MARSAD_UTF8_REPLACEMENT ) return CC_SPACE;
  int bArabicBlock = (cp>=0x0600 && cp<=0x08FF) || (cp>=0xFB50 && cp<=0xFEFF);
  uint32_t aFold[MARSAD_NORM_FOLD_MAX];
  if( bArabicBlock && marsad_norm_fold(cp, aFold)==0 ) return CC_MARK;
  switch( utf8proc_category((utf8proc_int32_t)cp) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return bArabicBlock ? CC_MARK : CC_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
      return CC_DIGIT;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_NL:
      return CC_PUNCT;
    default:
      return CC_SPACE;
  }
}

/* True when the two bytes b0 b1 are a character of U+0621..U+065F: the
** Arabic block's letters (Lo, tatweel Lm) and harakat (Mn), every one of
** which class_other reads as CC_ARABIC or CC_MARK, so that it goes on an
** Arabic word. Most of the bytes of Arabic text; tested on the bytes. */
static inline int arabic_word_pair(unsigned char b0, unsigned char b1){
  return (b0==0xD8 && b1>=0xA1 && b1<=0xBF) || (b0==0xD9 && b1>=0x80 && b1<=0x9F);
}

/* Reads the character at a[i] (i < n): sets *pnLen to its length in bytes and
** returns its class. Invalid UTF-8 is a one-byte separator. */
static inline int char_at(const unsigned char *a, size_t n, size_t i,
                          size_t *pnLen){
  if( a[i]<0x80 ){ *pnLen = 1; return class_ascii(a[i]); }
  if( i+1<n && arabic_word_pair(a[i], a[i+1]) ){   /* an Arabic letter: no decoder */
    uint32_t cp = ((uint32_t)(a[i]&0x1F)<<6) | (a[i+1]&0x3F);
    if( marsad_fold_is_letter(cp) ){ *pnLen = 2; return CC_ARABIC; }
  }
  int bBad;
  uint32_t cp = marsad_utf8_next(a+i, n-i, pnLen, &bBad);
  return bBad ? CC_SPACE : class_other(cp);
}

/* End of the word of class eClass that starts at a[i]: letters of that
** class, marks, joiners followed by more of the word, and (for non-Arabic
** words only: g20, mp3) digits. */
static size_t word_end(const unsigned char *a, size_t n, size_t i, int eClass){
  size_t iEnd = i, nLen;
  while( i<n ){
    /* invariant: a[..iEnd) is the word so far; i >= iEnd skips joiners */
    if( eClass==CC_ARABIC ){   /* the run of the block's letters and harakat */
      size_t j = i;
      while( j+1<n && arabic_word_pair(a[j], a[j+1]) ) j += 2;
      if( j>i ){
        i = iEnd = j;
        continue;
      }
    }
    int c = char_at(a, n, i, &nLen);
    if( c==CC_JOIN ){ i += nLen; continue; }
    if( c==eClass || c==CC_MARK || (c==CC_DIGIT && eClass==CC_LETTER) ){
      i += nLen;
      iEnd = i;
      continue;
    }
    break;
  }
  return iEnd;
}

/* Number of digits that follow at a[i..n), counting at most nMax+1. */
static int digits_at(const unsigned char *a, size_t n, size_t i, int nMax){
  int nDigit = 0;
  size_t nLen;
  while( i<n && nDigit<=nMax && char_at(a, n, i, &nLen)==CC_DIGIT ){
    nDigit++;
    i += nLen;
  }
  return nDigit;
}

/* End of the number that starts at a[i]: digits, with single separators
** between digits. A decimal separator (. ٫) needs a digit after it; a
** grouping separator (, ٬) needs 1-3 digits before it (since the start or
** the last separator) and exactly 3 after it, so 1,000 and ١٬٠٠٠ are one
** number but the list 2354,2340 is two. */
static size_t number_end(const unsigned char *a, size_t n, size_t i){
  size_t iEnd = i, nLen;
  int nRun = 0;                    /* digits since the start or a separator */
  while( i<n ){
    int c = char_at(a, n, i, &nLen);
    if( c==CC_DIGIT ){ i += nLen; iEnd = i; nRun++; continue; }
    if( c!=CC_NUMSEP || i!=iEnd ) break;
    int bGroup = a[i]==',' || (nLen==2 && a[i]==0xD9 && a[i+1]==0xAC);
    int nAfter = digits_at(a, n, i+nLen, 3);
    if( bGroup ? (nRun>3 || nAfter!=3) : nAfter==0 ) break;
    i += nLen;
    nRun = 0;
  }
  return iEnd;
}

int marsad_tokenize_spans(const char *p, size_t n, int bPunct,
                          marsad_span_fn xToken, void *pCtx){
  const unsigned char *a = (const unsigned char*)p;
  size_t i = 0, nLen;
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK && i<n ){
    marsad_span_token t;
    int c = char_at(a, n, i, &nLen);
    t.iStart = i;
    switch( c ){
      case CC_ARABIC:
        t.eKind = MARSAD_TOKEN_ARABIC;
        t.iEnd = word_end(a, n, i, c);
        break;
      case CC_LETTER:
        t.eKind = MARSAD_TOKEN_LATIN;
        t.iEnd = word_end(a, n, i, c);
        break;
      case CC_DIGIT:
        t.eKind = MARSAD_TOKEN_NUMBER;
        t.iEnd = number_end(a, n, i);
        break;
      case CC_PUNCT: case CC_NUMSEP:
        t.eKind = bPunct ? MARSAD_TOKEN_PUNCT : 0;
        t.iEnd = i+nLen;
        break;
      default:
        t.eKind = 0;
        t.iEnd = i+nLen;
        break;
    }
    if( t.eKind ) rc = xToken(pCtx, &t);
    i = t.iEnd;
  }
  return rc;
}
