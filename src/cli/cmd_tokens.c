/*
** cmd_tokens.c: `marsad tokens TEXT` (or `-` for standard input): prints each
** token of the text with its kind, key, stem and byte span, the debugging aid
** of the text core; with --sentences, its sentences and their spans instead.
** Needs no database.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "sentence.h"
#include "utf8.h"

/* Name of a token kind. */
static const char *kind_name(int eKind){
  switch( eKind ){
    case MARSAD_TOKEN_ARABIC: return "arabic";
    case MARSAD_TOKEN_LATIN:  return "latin";
    case MARSAD_TOKEN_NUMBER: return "number";
    default:                  return "punct";
  }
}

/* What the token callback needs. */
typedef struct tokens_ctx {
  const char *zText;   /* the text */
  json_t *pArr;        /* --json: the array of tokens; else NULL */
} tokens_ctx;

/* Prints one token as a line, or appends it to the JSON array. */
static int tokens_print(void *pArg, const marsad_token *pTok){
  tokens_ctx *p = (tokens_ctx*)pArg;
  int nText = (int)(pTok->iEnd - pTok->iStart);
  if( p->pArr ){
    json_t *pObj = json_pack("{s:s, s:s%, s:s%, s:s%, s:I, s:I}",
        "kind", kind_name(pTok->eKind),
        "text", p->zText + pTok->iStart, (size_t)nText,
        "key", pTok->pKey, pTok->nKey,
        "stem", pTok->pStem, pTok->nStem,
        "start", (json_int_t)pTok->iStart, "end", (json_int_t)pTok->iEnd);
    if( pObj==0 || json_array_append_new(p->pArr, pObj)!=0 ) return MARSAD_NOMEM;
    return 0;
  }
  printf("%-6s %zu-%zu\t%.*s\tkey=%.*s\tstem=%.*s\n", kind_name(pTok->eKind),
         pTok->iStart, pTok->iEnd, nText, p->zText + pTok->iStart,
         (int)pTok->nKey, pTok->pKey, (int)pTok->nStem, pTok->pStem);
  return 0;
}

/* Prints one sentence as a line, or appends it to the JSON array. */
static int sentences_print(void *pArg, size_t iStart, size_t iEnd){
  tokens_ctx *p = (tokens_ctx*)pArg;
  int nText = (int)(iEnd - iStart);
  if( p->pArr ){
    /* sentences carry invalid UTF-8 as it is: JSON gets U+FFFD instead */
    char *zClean = 0;
    size_t nClean = 0, nBad = 0;
    if( marsad_utf8_sanitize(p->zText + iStart, (size_t)nText, &zClean, &nClean,
                             &nBad)!=MARSAD_OK ) return MARSAD_NOMEM;
    json_t *pObj = json_pack("{s:s%, s:I, s:I}", "text", zClean, nClean,
        "start", (json_int_t)iStart, "end", (json_int_t)iEnd);
    marsad_free(zClean);
    if( pObj==0 || json_array_append_new(p->pArr, pObj)!=0 ) return MARSAD_NOMEM;
    return 0;
  }
  printf("%zu-%zu\t%.*s\n", iStart, iEnd, nText, p->zText + iStart);
  return 0;
}

/* Reads all of standard input into a new buffer (free()); NULL on failure. */
static char *read_stdin(size_t *pn){
  size_t n = 0, nAlloc = 4096;
  char *z = malloc(nAlloc);
  while( z ){
    n += fread(z+n, 1, nAlloc-n, stdin);
    if( n<nAlloc ) break;
    char *zNew = realloc(z, nAlloc*2);
    if( zNew==0 ){ free(z); z = 0; break; }
    z = zNew;
    nAlloc *= 2;
  }
  if( z && ferror(stdin) ){ free(z); z = 0; }
  *pn = n;
  return z;
}

/* The command. */
static int tokens_run(cli *pCli, int argc, char **argv){
  int bPunct = 0, bSentences = 0;
  const cli_opt aOpt[] = {
    { "--punct", 0, &bPunct, 0, "also list punctuation" },
    { "--sentences", 0, &bSentences, 0, "list the sentences instead of the tokens" },
    { 0, 0, 0, 0, 0 }
  };
  char **azArg = malloc(sizeof(char*) * (size_t)(argc+1));
  int nArg = 0, rc;
  if( azArg==0 ){ fprintf(stderr, "marsad tokens: out of memory\n"); return CLI_FAIL; }
  rc = cli_parse(pCli, argc, argv, aOpt, "marsad tokens [--punct|--sentences] TEXT|-",
      "Splits TEXT (or standard input, with -) into tokens and prints each\n"
      "with its kind, byte span, text, matching key and search stem; with\n"
      "--sentences, prints each sentence with its byte span.",
      azArg, &nArg);
  if( rc<0 && nArg!=1 ) rc = cli_usage_error(pCli, "expected one TEXT (or -)");
  if( rc>=0 ){ free(azArg); return rc; }
  size_t nText;
  char *zOwned = 0;
  const char *zText = azArg[0];
  free(azArg);
  if( strcmp(zText, "-")==0 ){
    zOwned = read_stdin(&nText);
    if( zOwned==0 ){ fprintf(stderr, "marsad tokens: cannot read standard input\n"); return CLI_FAIL; }
    zText = zOwned;
  }else{
    nText = strlen(zText);
  }
  tokens_ctx ctx = { zText, pCli->bJson ? json_array() : 0 };
  if( bSentences ){
    rc = marsad_sentences(zText, nText, sentences_print, &ctx);
  }else{
    rc = marsad_tokenize(zText, nText, bPunct ? MARSAD_TOKENIZE_PUNCT : 0,
                         tokens_print, &ctx);
  }
  if( rc==MARSAD_OK && ctx.pArr ){
    char *zJson = json_dumps(ctx.pArr, JSON_COMPACT);
    if( zJson ){ cli_print_json(zJson); free(zJson); } else rc = MARSAD_NOMEM;
  }
  json_decref(ctx.pArr);
  free(zOwned);
  if( rc!=MARSAD_OK ){
    fprintf(stderr, "marsad tokens: %s\n", marsad_errstr(rc));
    return CLI_FAIL;
  }
  return CLI_OK;
}

const cli_command cli_cmd_tokens = {
  "tokens", "print the tokens of a text with keys, stems and byte spans", tokens_run
};
