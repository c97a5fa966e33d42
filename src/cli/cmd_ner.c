/*
** cmd_ner.c: `marsad ner TEXT|FILE|-`: the people, places and organisations
** the recogniser finds in a text, with byte spans; needs no database. With
** --conll FILE it reads a CoNLL file (one `token TAG` a line, a blank line
** between sentences), runs the recogniser over the tokens joined by spaces
** and prints `token gold predicted` lines with BIO tags PERS, LOC and ORG:
** the driver of eval/ner.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "ner.h"
#include "nerml.h"
#include "utf8.h"

/* True when z, given as TEXT|FILE, is meant as a file: one word (no space)
** with a slash or a file extension of an input (a.txt, page.html). */
static int looks_like_path(const char *z){
  static const char *azExt[] = { ".txt", ".html", ".htm", ".jsonl", ".xml", ".conll", 0 };
  if( strpbrk(z, " \t\n\r") ) return 0;
  if( strchr(z, '/') ) return 1;
  size_t n = strlen(z);
  for(int i=0; azExt[i]; i++){
    size_t m = strlen(azExt[i]);
    if( n>m && strcmp(z+n-m, azExt[i])==0 ) return 1;
  }
  return 0;
}

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
static int ner_conll_group(conll_tok *a, int n, const int *aEnd, unsigned flags){
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
  int rc = marsad_names_json(0, 0, zText, o, flags, &zJson);
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

/* The first space, tab or end of z. */
static char *conll_blank(char *z){
  while( *z && *z!=' ' && *z!='\t' ) z++;
  return z;
}

/* Called with each group of sentences of a CoNLL file. */
typedef int (*conll_fn)(void *pCtx, conll_tok *a, int n, const int *aEnd);

/* Reads the CoNLL file zPath (a token and its tags a line: the first tag
** counts) and calls xGroup with groups of nGroup sentences. MARSAD_OK,
** NOMEM, IO or the callback's code. */
static int conll_each(const char *zPath, long nGroup, conll_fn xGroup, void *pCtx){
  size_t nFile;
  char *zFile = ner_read_file(zPath, &nFile);
  if( zFile==0 ) return MARSAD_IO;
  int nAlloc = 1024, n = 0, nSent = 0, rc = MARSAD_OK;
  conll_tok *a = malloc(sizeof(*a)*(size_t)nAlloc);
  int *aEnd = malloc(sizeof(int)*(size_t)nAlloc);
  char *zLine = zFile;
  long iLine = 0;
  if( a==0 || aEnd==0 ) rc = MARSAD_NOMEM;
  while( rc==MARSAD_OK && zLine && *zLine ){
    char *zNext = strchr(zLine, '\n');
    if( zNext ) *zNext++ = 0;
    iLine++;
    char *zSp = conll_blank(zLine);        /* the token, then its first tag */
    if( *zSp==0 ) zSp = 0;
    else *conll_blank(zSp+1) = 0;
    if( zLine[0]!=0 && zLine[0]!='\r' && zSp==0 ){
      fprintf(stderr, "marsad ner: %s:%ld: a token without a tag, read as the end of a sentence\n",
              zPath, iLine);
    }
    if( zLine[0]==0 || zSp==0 ){
      if( n>0 && !aEnd[n-1] ){ aEnd[n-1] = 1; nSent++; }
      if( n>0 && (nSent>=nGroup || zNext==0) ){ rc = xGroup(pCtx, a, n, aEnd); n = 0; nSent = 0; }
    }else{
      if( n>=nAlloc ){
        nAlloc *= 2;
        conll_tok *aNew = realloc(a, sizeof(*a)*(size_t)nAlloc);
        if( aNew ) a = aNew;
        int *aEndNew = aNew ? realloc(aEnd, sizeof(int)*(size_t)nAlloc) : 0;
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
  if( rc==MARSAD_OK && n>0 ){ aEnd[n-1] = 1; rc = xGroup(pCtx, a, n, aEnd); }
  free(a);
  free(aEnd);
  free(zFile);
  return rc;
}

/* Scoring: predicts and prints a group (a conll_fn; pCtx: the flags). */
static int conll_predict(void *pCtx, conll_tok *a, int n, const int *aEnd){
  return ner_conll_group(a, n, aEnd, *(unsigned*)pCtx);
}

/* What went wrong, for rc: the system's reason when a file could not be
** read (errno from the failed open or read). */
static const char *why_failed(int rc){
  return rc==MARSAD_IO && errno ? strerror(errno) : marsad_errstr(rc);
}

/* --conll: prints `token gold predicted` for every token of the file. */
static int ner_conll(const char *zPath, long nGroup, unsigned flags){
  int rc = conll_each(zPath, nGroup, conll_predict, &flags);
  if( rc!=MARSAD_OK ){ fprintf(stderr, "marsad ner: %s: %s\n", zPath, why_failed(rc)); return CLI_FAIL; }
  return CLI_OK;
}

/* What training needs. */
typedef struct train_ctx {
  marsad_ner *pNer;
  marsad_ml_trainer *pTr;
  long nTok, nWrong;           /* this epoch */
} train_ctx;

/* The MARSAD_ML_* tag of a CoNLL tag: PERS, ORG, and LOC with Wojood's GPE
** (countries, cities) as LOC; MISC and others: O. */
static int gold_tag(const char *z){
  int b = z[0]=='B', i = z[0]=='I';
  if( (!b && !i) || z[1]!='-' ) return MARSAD_ML_O;
  int t = strcmp(z+2, "PERS")==0 ? MARSAD_ML_B_PERS
        : strcmp(z+2, "LOC")==0 || strcmp(z+2, "GPE")==0 ? MARSAD_ML_B_LOC
        : strcmp(z+2, "ORG")==0 ? MARSAD_ML_B_ORG : MARSAD_ML_O;
  return t==MARSAD_ML_O ? t : t + i;
}

/* Training: one perceptron pass over a group (a conll_fn). */
static int conll_train(void *pCtx, conll_tok *a, int n, const int *aEnd){
  train_ctx *c = pCtx;
  size_t nText = 0, o = 0;
  for(int i=0; i<n; i++) nText += strlen(a[i].zTok)+1;
  char *zText = malloc(nText+1);
  marsad_ner_gold *aGold = malloc(sizeof(*aGold)*(size_t)n);
  int rc = zText && aGold ? MARSAD_OK : MARSAD_NOMEM, nWrong = 0;
  for(int i=0; rc==MARSAD_OK && i<n; i++){
    size_t m = strlen(a[i].zTok);
    aGold[i].iStart = o;
    memcpy(zText+o, a[i].zTok, m);
    o += m;
    aGold[i].iEnd = o;
    aGold[i].eTag = gold_tag(a[i].zGold);
    zText[o++] = aEnd[i] ? '\n' : ' ';
  }
  if( rc==MARSAD_OK ) rc = marsad_ner_train_text(c->pNer, c->pTr, zText, o, aGold, n, &nWrong);
  c->nTok += n;
  c->nWrong += nWrong;
  free(zText);
  free(aGold);
  return rc;
}

/* The model file's header: the recipe with the training files azPath[0..n)
** and the training sets' licences, into z[0..nz). */
static void train_header(char *z, size_t nz, char **azPath, int n,
                         long nGroup, long nEpochs, long nKeep){
  size_t o = (size_t)snprintf(z, nz,
    "# The statistical model of marsad's entity recogniser (src/nerml.c): an\n"
    "# averaged perceptron, generated, do not edit. Recipe:\n"
    "#   marsad ner --train");
  for(int i=0; i<n && o<nz; i++) o += (size_t)snprintf(z+o, nz-o, " %s", azPath[i]);
  if( o<nz ) snprintf(z+o, nz-o,
    " \\\n"
    "#     --group %ld --epochs %ld --keep %ld > data/model_ner.tsv\n"
    "# Training sets: the derived ANERcorp train split (the first 125,275 tokens\n"
    "# of ANERcorp, Benajiba et al.), licensed CC BY-SA 4.0, and Wojood's train\n"
    "# split (Jarrar et al.; Copyright (c) 2021 Mohammed Khalilia, MIT licence),\n"
    "# of which the first tag of each token counts, GPE and LOC as LOC. This\n"
    "# model is derived from them and shared under CC BY-SA 4.0. The training\n"
    "# sets themselves are not part of marsad.\n"
    "# Columns: feature id (hex), weights of O B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG.\n",
    nGroup, nEpochs, nKeep);
}

/* --train: trains the model on the CoNLL files azPath[0..n), each epoch
** reading them in turn; writes it to standard output. */
static int ner_train(char **azPath, int n, long nGroup, long nEpochs, long nKeep){
  train_ctx c;
  memset(&c, 0, sizeof c);
  int rc = marsad_ner_new(&c.pNer), i = 0;
  if( rc==MARSAD_OK ) rc = marsad_ml_trainer_new(&c.pTr);
  for(long e=0; rc==MARSAD_OK && e<nEpochs; e++){
    c.nTok = c.nWrong = 0;
    for(i=0; rc==MARSAD_OK && i<n; i++) rc = conll_each(azPath[i], nGroup, conll_train, &c);
    if( rc==MARSAD_OK ){
      fprintf(stderr, "epoch %ld: %ld tokens, %ld tagged wrong before their update\n", e+1, c.nTok, c.nWrong);
    }
  }
  if( rc==MARSAD_OK ){
    char zHeader[2048];
    train_header(zHeader, sizeof zHeader, azPath, n, nGroup, nEpochs, nKeep);
    rc = marsad_ml_write(c.pTr, (int)nKeep, zHeader, stdout);
  }
  marsad_ml_trainer_free(c.pTr);
  marsad_ner_free(c.pNer);
  if( rc!=MARSAD_OK ){
    fprintf(stderr, "marsad ner: %s: %s\n", i>0 && i<=n ? azPath[i-1] : azPath[0], why_failed(rc));
    return CLI_FAIL;
  }
  return CLI_OK;
}

/* Prints the names of a text, one a line, or the JSON answer; invalid
** UTF-8 is replaced by U+FFFD first (said on stderr: the offsets are then
** of the repaired text), as ingestion does. */
static int ner_print(cli *pCli, const char *zText, size_t nText, unsigned flags){
  char *zJson = 0, *zFixed = 0;
  size_t nFixed = 0, nBad = 0;
  int rc = marsad_utf8_count_invalid(zText, nText)
         ? marsad_utf8_sanitize(zText, nText, &zFixed, &nFixed, &nBad) : MARSAD_OK;
  if( nBad ){
    fprintf(stderr, "marsad ner: %zu invalid UTF-8 sequence%s replaced by U+FFFD"
            " (the offsets are of the text so repaired)\n", nBad, nBad==1 ? "" : "s");
  }
  if( rc==MARSAD_OK ) rc = marsad_names_json(0, 0, zFixed ? zFixed : zText, zFixed ? nFixed : nText, flags, &zJson);
  marsad_free(zFixed);
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
  const char *zConll = 0, *zTrain = 0;
  long nGroup = 1, nEpochs = 8, nKeep = 60000;
  int bRules = 0;
  const cli_opt aOpt[] = {
    { "--conll", &zConll, 0, 0, "score input: a CoNLL file (token TAG a line)" },
    { "--group", 0, 0, &nGroup, "with --conll or --train: sentences read as one text (default 1)" },
    { "--rules", 0, &bRules, 0, "the rules alone, without the statistical model" },
    { "--train", &zTrain, 0, 0, "train the model on a CoNLL file (and any FILE after); writes it to stdout" },
    { "--epochs", 0, 0, &nEpochs, "with --train: passes over the files (default 8)" },
    { "--keep", 0, 0, &nKeep, "with --train: features kept, strongest first (default 60000)" },
    { 0, 0, 0, 0, 0 }
  };
  char **azArg = malloc(sizeof(char*) * (size_t)(argc+2));
  int nArg = 0, rc;
  if( azArg==0 ){ fprintf(stderr, "marsad ner: out of memory\n"); return CLI_FAIL; }
  rc = cli_parse(pCli, argc, argv, aOpt, "marsad ner [--json] [--rules] TEXT|FILE|-  |  marsad ner --conll FILE [--group N]  |  marsad ner --train FILE [FILE...]",
      "Prints the people, places and organisations found in TEXT (or in the\n"
      "file FILE, or standard input with -) with their kind, byte span and how\n"
      "they were found: gazetteer (a listed name), adjective (of a listed\n"
      "place: الروسي), surname (of a person named before), pattern (after a\n"
      "title, an organisation's head, a given name ...) or model (the\n"
      "statistical model alone). Needs no database.",
      azArg, &nArg);
  if( rc<0 && zConll && nArg!=0 ) rc = cli_usage_error(pCli, "--conll takes no TEXT");
  if( rc<0 && !zConll && !zTrain && nArg!=1 ) rc = cli_usage_error(pCli, "expected one TEXT, FILE or -");
  if( rc<0 && nGroup<1 ) rc = cli_usage_error(pCli, "--group must be at least 1");
  if( rc<0 && zTrain ){        /* the training files: --train's, then the others */
    memmove(azArg+1, azArg, sizeof(char*)*(size_t)nArg);
    azArg[0] = (char*)zTrain;
    rc = ner_train(azArg, nArg+1, nGroup, nEpochs, nKeep);
  }
  const char *zArg = nArg>0 ? azArg[0] : 0;
  free(azArg);
  if( rc>=0 ) return rc;
  unsigned flags = bRules ? MARSAD_NAMES_RULES : 0;
  if( zConll ) return ner_conll(zConll, nGroup, flags);
  FILE *f = strcmp(zArg, "-")==0 ? 0 : fopen(zArg, "rb");
  if( f==0 && strcmp(zArg, "-")!=0 && looks_like_path(zArg) ){
    fprintf(stderr, "marsad ner: cannot read %s: %s\n", zArg, strerror(errno));
    return CLI_FAIL;
  }
  if( f==0 && strcmp(zArg, "-")!=0 ) return ner_print(pCli, zArg, strlen(zArg), flags);
  if( f ) fclose(f);
  size_t nText;
  char *zText = ner_read_file(zArg, &nText);
  if( zText==0 ){ fprintf(stderr, "marsad ner: cannot read %s\n", zArg); return CLI_FAIL; }
  rc = ner_print(pCli, zText, nText, flags);
  free(zText);
  return rc;
}

const cli_command cli_cmd_ner = {
  "ner", "the people, places and organisations of a text (no database)", ner_run
};
