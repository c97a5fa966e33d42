/*
** cmd_ner.c: `marsad ner TEXT|FILE|-`: the people, places and organisations
** the recogniser finds in a text, with byte spans; needs no database. With
** --conll FILE it reads a CoNLL file (one `token TAG` a line, a blank line
** between sentences), runs the recogniser over the tokens joined by spaces
** and prints `token gold predicted` lines with BIO tags PERS, LOC and ORG:
** the driver of eval/ner.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Reads a whole file ("-": standard input) into a new NUL-terminated buffer
** (free()); NULL on failure. */
static char *ner_read_file(const char *zPath, size_t *pn){
  FILE *in = strcmp(zPath, "-")==0 ? stdin : fopen(zPath, "rb");
  size_t n = 0, nAlloc = 65536;
  char *z = in ? malloc(nAlloc) : 0;
  while( z ){
    n += fread(z+n, 1, nAlloc-n-1, in);
    if( n<nAlloc-1 ) break;
    char *zNew = realloc(z, nAlloc*2);
    if( zNew==0 ){ free(z); z = 0; break; }
    z = zNew;
    nAlloc *= 2;
  }
  if( z && ferror(in) ){ free(z); z = 0; }
  if( in && in!=stdin ) fclose(in);
  if( z ) z[n] = 0;
  *pn = n;
  return z;
}

/* The CoNLL type of an entity kind, or NULL for kinds not scored. */
static const char *ner_conll_type(const char *zKind, const char *zHow){
  if( strcmp(zHow, "adjective")==0 ) return 0;
  if( strcmp(zKind, "person")==0 ) return "PERS";
  if( strcmp(zKind, "place")==0 ) return "LOC";
  if( strcmp(zKind, "org")==0 ) return "ORG";
  return 0;
}

/* One token of a CoNLL group. */
typedef struct conll_tok {
  char *zTok;        /* the token (points into the file buffer) */
  char *zGold;       /* its gold tag */
  size_t iStart;     /* byte span in the joined text */
  size_t iEnd;
  const char *zType; /* predicted type, or NULL */
  int bBegin;        /* predicted B- */
} conll_tok;

/* Predicts tags for the tokens a[0..n) (sentences joined into one text) and
** prints them, a blank line after each sentence end (bEnd[i]). */
static int ner_conll_group(conll_tok *a, int n, const int *aEnd){
  size_t nText = 0;
  for(int i=0; i<n; i++) nText += strlen(a[i].zTok)+1;
  char *zText = malloc(nText+1), *zJson = 0;
  if( zText==0 ) return MARSAD_NOMEM;
  size_t o = 0;
  for(int i=0; i<n; i++){
    size_t m = strlen(a[i].zTok);
    a[i].iStart = o;
    memcpy(zText+o, a[i].zTok, m);
    o += m;
    a[i].iEnd = o;
    zText[o++] = aEnd[i] ? '\n' : ' ';
    a[i].zType = 0;
    a[i].bBegin = 0;
  }
  zText[o] = 0;
  int rc = marsad_names_json(0, 0, zText, o, &zJson);
  json_t *pArr = rc==MARSAD_OK ? json_loads(zJson, 0, 0) : 0;
  size_t k;
  json_t *pM;
  json_array_foreach(pArr, k, pM){
    const char *zType = ner_conll_type(cli_json_str(pM, "kind", ""), cli_json_str(pM, "how", ""));
    size_t s = (size_t)json_integer_value(json_object_get(pM, "start"));
    size_t e = (size_t)json_integer_value(json_object_get(pM, "end"));
    int bFirst = 1;
    for(int i=0; zType && i<n; i++){
      if( a[i].iEnd<=s || a[i].iStart>=e || a[i].zType ) continue;
      a[i].zType = zType;
      a[i].bBegin = bFirst;
      bFirst = 0;
    }
  }
  for(int i=0; i<n; i++){
    if( a[i].zType ) printf("%s %s %s-%s\n", a[i].zTok, a[i].zGold, a[i].bBegin ? "B" : "I", a[i].zType);
    else printf("%s %s O\n", a[i].zTok, a[i].zGold);
    if( aEnd[i] ) printf("\n");
  }
  json_decref(pArr);
  marsad_free(zJson);
  free(zText);
  return rc;
}

/* --conll: reads the file, runs groups of nGroup sentences as one text. */
static int ner_conll(const char *zPath, long nGroup){
  size_t nFile;
  char *zFile = ner_read_file(zPath, &nFile);
  if( zFile==0 ){ fprintf(stderr, "marsad ner: cannot read %s\n", zPath); return CLI_FAIL; }
  int nAlloc = 1024, n = 0, nSent = 0, rc = MARSAD_OK;
  conll_tok *a = malloc(sizeof(*a)*(size_t)nAlloc);
  int *aEnd = malloc(sizeof(int)*(size_t)nAlloc);
  char *zLine = zFile;
  while( a && aEnd && rc==MARSAD_OK && zLine && *zLine ){
    char *zNext = strchr(zLine, '\n');
    if( zNext ) *zNext++ = 0;
    char *zSp = strrchr(zLine, ' ');
    if( zSp==0 ) zSp = strrchr(zLine, '\t');
    if( zLine[0]==0 || zSp==0 ){
      if( n>0 && !aEnd[n-1] ){ aEnd[n-1] = 1; nSent++; }
      if( n>0 && (nSent>=nGroup || zNext==0) ){ rc = ner_conll_group(a, n, aEnd); n = 0; nSent = 0; }
    }else{
      if( n>=nAlloc ){
        nAlloc *= 2;
        conll_tok *aNew = realloc(a, sizeof(*a)*(size_t)nAlloc);
        int *aEndNew = aNew ? realloc(aEnd, sizeof(int)*(size_t)nAlloc) : 0;
        if( aNew ) a = aNew;
        if( aEndNew ) aEnd = aEndNew; else { rc = MARSAD_NOMEM; break; }
      }
      *zSp = 0;
      a[n].zTok = zLine;
      a[n].zGold = zSp+1;
      aEnd[n] = 0;
      n++;
    }
    zLine = zNext;
  }
  if( rc==MARSAD_OK && a && aEnd && n>0 ){ aEnd[n-1] = 1; rc = ner_conll_group(a, n, aEnd); }
  if( a==0 || aEnd==0 ) rc = MARSAD_NOMEM;
  free(a);
  free(aEnd);
  free(zFile);
  if( rc!=MARSAD_OK ){ fprintf(stderr, "marsad ner: %s\n", marsad_errstr(rc)); return CLI_FAIL; }
  return CLI_OK;
}

/* Prints the names of a text, one a line, or the JSON answer. */
static int ner_print(cli *pCli, const char *zText, size_t nText){
  char *zJson = 0;
  int rc = marsad_names_json(0, 0, zText, nText, &zJson);
  if( rc!=MARSAD_OK ){ fprintf(stderr, "marsad ner: %s\n", marsad_errstr(rc)); return CLI_FAIL; }
  if( pCli->bJson ){
    cli_print_json(zJson);
  }else{
    json_t *pArr = cli_json_parse(pCli, zJson);
    size_t k;
    json_t *pM;
    json_array_foreach(pArr, k, pM){
      printf("%-7s %6lld-%-6lld %-10s %s\n", cli_json_str(pM, "kind", ""),
             (long long)json_integer_value(json_object_get(pM, "start")),
             (long long)json_integer_value(json_object_get(pM, "end")),
             cli_json_str(pM, "how", ""), cli_json_str(pM, "text", ""));
    }
    json_decref(pArr);
  }
  marsad_free(zJson);
  return CLI_OK;
}

/* The command. */
static int ner_run(cli *pCli, int argc, char **argv){
  const char *zConll = 0;
  long nGroup = 1;
  const cli_opt aOpt[] = {
    { "--conll", &zConll, 0, 0, "score input: a CoNLL file (token TAG a line)" },
    { "--group", 0, 0, &nGroup, "with --conll: sentences read as one text (default 1)" },
    { 0, 0, 0, 0, 0 }
  };
  char **azArg = malloc(sizeof(char*) * (size_t)(argc+1));
  int nArg = 0, rc;
  if( azArg==0 ){ fprintf(stderr, "marsad ner: out of memory\n"); return CLI_FAIL; }
  rc = cli_parse(pCli, argc, argv, aOpt, "marsad ner [--json] TEXT|FILE|-  |  marsad ner --conll FILE [--group N]",
      "Prints the people, places and organisations found in TEXT (or in the\n"
      "file FILE, or standard input with -) with their kind, byte span and how\n"
      "they were found. Needs no database.",
      azArg, &nArg);
  if( rc<0 && zConll && nArg!=0 ) rc = cli_usage_error(pCli, "--conll takes no TEXT");
  if( rc<0 && !zConll && nArg!=1 ) rc = cli_usage_error(pCli, "expected one TEXT, FILE or -");
  if( rc<0 && nGroup<1 ) rc = cli_usage_error(pCli, "--group must be at least 1");
  const char *zArg = nArg>0 ? azArg[0] : 0;
  free(azArg);
  if( rc>=0 ) return rc;
  if( zConll ) return ner_conll(zConll, nGroup);
  FILE *f = strcmp(zArg, "-")==0 ? 0 : fopen(zArg, "rb");
  if( f==0 && strcmp(zArg, "-")!=0 ) return ner_print(pCli, zArg, strlen(zArg));
  if( f ) fclose(f);
  size_t nText;
  char *zText = ner_read_file(zArg, &nText);
  if( zText==0 ){ fprintf(stderr, "marsad ner: cannot read %s\n", zArg); return CLI_FAIL; }
  rc = ner_print(pCli, zText, nText);
  free(zText);
  return rc;
}

const cli_command cli_cmd_ner = {
  "ner", "the people, places and organisations of a text (no database)", ner_run
};
