/*
** cli.c: option parsing, database opening, errors and output helpers
** shared by every command (see cli.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

/* True for the options whose value is a date (--since, --until). */
static int is_date_option(const char *zName){
  return strcmp(zName, "--since")==0 || strcmp(zName, "--until")==0;
}

/* Writes into zOut (nOut bytes) " NAME", the placeholder of option
** --name's value: its name in capitals (--kind KIND, --min-x MIN_X). */
static void option_placeholder(const char *zName, char *zOut, size_t nOut){
  size_t n = 0;
  zOut[n++] = ' ';
  for(const char *z = zName+2; *z && n+1<nOut; z++){
    zOut[n++] = *z=='-' ? '_' : (*z>='a' && *z<='z') ? (char)(*z-'a'+'A') : *z;
  }
  zOut[n] = 0;
}

/* Prints a command's --help from its usage, about text and options. */
static void print_command_help(const char *zUsage, const char *zAbout,
                               const cli_opt *aOpt){
  printf("usage: %s\n\n%s\n\noptions:\n", zUsage, zAbout);
  for(int i=0; aOpt && aOpt[i].zName; i++){
    if( aOpt[i].zHelp==0 ) continue;
    char zArg[24] = "";   /* the value's placeholder: --kind KIND, --limit N */
    if( aOpt[i].plValue ) strcpy(zArg, " N");
    else if( aOpt[i].pzValue && is_date_option(aOpt[i].zName) ) strcpy(zArg, " YYYY-MM-DD");
    else if( aOpt[i].pzValue && strstr(aOpt[i].zHelp, " file") ) strcpy(zArg, " FILE");
    else if( aOpt[i].pzValue ) option_placeholder(aOpt[i].zName, zArg, sizeof zArg);
    char zLeft[48];
    snprintf(zLeft, sizeof zLeft, "%s%s", aOpt[i].zName, zArg);
    printf("  %-22s %s\n", zLeft, aOpt[i].zHelp);
  }
  printf("  %-22s %s\n  %-22s %s\n  %-22s %s\n",
         "--db FILE", "the database (default: $MARSAD_DB, else ./marsad.db)",
         "--json", "machine-readable output", "--help", "this help");
}

/* Reads an integer option value into *pl; 0 on success. */
static int parse_long(const char *z, long *pl){
  char *zEnd = 0;
  long v = strtol(z, &zEnd, 10);
  if( z[0]==0 || *zEnd!=0 || v<0 ) return 1;
  *pl = v;
  return 0;
}

/* True when z is a calendar date YYYY-MM-DD. */
static int is_date(const char *z){
  static const int aDays[] = {31,29,31,30,31,30,31,31,30,31,30,31};
  if( strlen(z)!=10 || z[4]!='-' || z[7]!='-' ) return 0;
  for(int i=0; i<10; i++){
    if( i!=4 && i!=7 && (z[i]<'0' || z[i]>'9') ) return 0;
  }
  int y = atoi(z), m = atoi(z+5), d = atoi(z+8);
  if( m<1 || m>12 || d<1 || d>aDays[m-1] ) return 0;
  return m!=2 || d<29 || (y%4==0 && y%100!=0) || y%400==0;
}

/* Finds the option named zName (or "--name=value", with *pzInline set). */
static const cli_opt *find_opt(const cli_opt *aOpt, const char *zArg,
                               const char **pzInline){
  *pzInline = 0;
  for(int i=0; aOpt && aOpt[i].zName; i++){
    size_t n = strlen(aOpt[i].zName);
    if( strncmp(zArg, aOpt[i].zName, n)!=0 ) continue;
    if( zArg[n]==0 ) return &aOpt[i];
    if( zArg[n]=='=' && !aOpt[i].pbFlag ){ *pzInline = zArg+n+1; return &aOpt[i]; }
  }
  return 0;
}

/* -1 (go on) unless options --since and --until of aOpt were both given
** and --since is the later day: then a usage error (as the API's 400). */
static int check_date_range(cli *pCli, const cli_opt *aOpt){
  const char *zSince = 0, *zUntil = 0;
  for(int i=0; aOpt && aOpt[i].zName; i++){
    if( aOpt[i].pzValue && strcmp(aOpt[i].zName, "--since")==0 ) zSince = *aOpt[i].pzValue;
    if( aOpt[i].pzValue && strcmp(aOpt[i].zName, "--until")==0 ) zUntil = *aOpt[i].pzValue;
  }
  if( zSince && zUntil && strcmp(zSince, zUntil)>0 ){
    return cli_usage_error(pCli, "--since %s is after --until %s", zSince, zUntil);
  }
  return -1;
}

int cli_parse(cli *pCli, int argc, char **argv, const cli_opt *aOpt,
              const char *zUsage, const char *zAbout,
              char **azArg, int *pnArg){
  int bOptionsDone = 0;
  *pnArg = 0;
  for(int i=0; i<argc; i++){
    const char *z = argv[i];
    if( bOptionsDone || z[0]!='-' || strcmp(z, "-")==0 ){ azArg[(*pnArg)++] = argv[i]; continue; }
    if( strcmp(z, "--")==0 ){ bOptionsDone = 1; continue; }
    if( strcmp(z, "--help")==0 || strcmp(z, "-h")==0 ){
      print_command_help(zUsage, zAbout, aOpt);
      return CLI_OK;
    }
    if( strcmp(z, "--json")==0 ){ pCli->bJson = 1; continue; }
    if( strcmp(z, "--db")==0 || strncmp(z, "--db=", 5)==0 ){
      if( z[4]=='=' ){ pCli->zDb = z+5; continue; }
      if( i+1>=argc ) return cli_usage_error(pCli, "--db needs a file name");
      pCli->zDb = argv[++i];
      continue;
    }
    const char *zInline;
    const cli_opt *p = find_opt(aOpt, z, &zInline);
    if( p==0 ) return cli_usage_error(pCli, "unknown option %s (see marsad %s --help)", z, pCli->zCmd);
    if( p->pbFlag ){ *p->pbFlag = 1; continue; }
    const char *zVal = zInline;
    if( zVal==0 ){
      if( i+1>=argc ) return cli_usage_error(pCli, "%s needs a value", p->zName);
      zVal = argv[++i];
    }
    int bDate = is_date_option(p->zName);
    if( p->pzValue && bDate && !is_date(zVal) ){
      return cli_usage_error(pCli, "%s needs a date YYYY-MM-DD, not '%s'", p->zName, zVal);
    }
    if( p->pzValue ){ *p->pzValue = zVal; continue; }
    if( parse_long(zVal, p->plValue) ){
      return cli_usage_error(pCli, "%s needs a whole number, not '%s'", p->zName, zVal);
    }
  }
  return check_date_range(pCli, aOpt);
}

int cli_usage_error(cli *pCli, const char *zFmt, ...){
  va_list ap;
  fprintf(stderr, "marsad %s: ", pCli->zCmd ? pCli->zCmd : "");
  va_start(ap, zFmt);
  vfprintf(stderr, zFmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return CLI_USAGE;
}

marsad_db *cli_open(cli *pCli, int bReadOnly){
  marsad_db *pDb = 0;
  char *zErr = 0;
  struct stat st;
  if( stat(pCli->zDb, &st)==0 && S_ISDIR(st.st_mode) ){
    cli_open_error(pCli, bReadOnly, MARSAD_IO, 0);
    return 0;
  }
  unsigned flags = bReadOnly ? MARSAD_OPEN_READONLY|MARSAD_OPEN_UPGRADE : 0;
  int rc = marsad_open(pCli->zDb, flags, &pDb, &zErr);
  if( rc!=MARSAD_OK ){
    cli_open_error(pCli, bReadOnly, rc, zErr);
    marsad_free(zErr);
    return 0;
  }
  return pDb;
}

void cli_open_error(cli *pCli, int bReadOnly, int rc, const char *zErr){
  const char *zWhy = zErr ? zErr : marsad_errstr(rc);
  size_t nDb = strlen(pCli->zDb);
  struct stat st;
  if( stat(pCli->zDb, &st)==0 && S_ISDIR(st.st_mode) ){
    fprintf(stderr, "marsad %s: %s is a directory; --db names a database file\n",
            pCli->zCmd, pCli->zDb);
  }else if( strncmp(zWhy, pCli->zDb, nDb)==0 && zWhy[nDb]==':' ){   /* it names the file */
    fprintf(stderr, "marsad %s: cannot open %s\n", pCli->zCmd, zWhy);
  }else{
    fprintf(stderr, "marsad %s: cannot open %s: %s\n", pCli->zCmd, pCli->zDb, zWhy);
  }
  if( bReadOnly && access(pCli->zDb, F_OK)!=0 ){
    fprintf(stderr, "(create it with: marsad --db %s ingest PATH)\n", pCli->zDb);
  }
}

int cli_fail(cli *pCli, marsad_db *pDb, int rc){
  fprintf(stderr, "marsad %s: %s\n", pCli->zCmd, pDb ? marsad_errmsg(pDb) : marsad_errstr(rc));
  if( rc==MARSAD_NOTFOUND ) return CLI_PARTIAL;
  if( rc==MARSAD_MISUSE ) return CLI_USAGE;
  return CLI_FAIL;
}

json_t *cli_json_parse(cli *pCli, const char *zJson){
  json_error_t err;
  json_t *p = json_loads(zJson, 0, &err);
  if( p==0 ) fprintf(stderr, "marsad %s: internal error: bad JSON answer: %s\n", pCli->zCmd, err.text);
  return p;
}

int cli_answer(cli *pCli, marsad_db *pDb, int rc, char *zJson, cli_print_fn xPrint,
               void *pCtx){
  int status = CLI_OK;
  if( rc!=MARSAD_OK ){
    status = cli_fail(pCli, pDb, rc);
  }else if( pCli->bJson ){
    cli_print_json(zJson);
    if( strcmp(zJson, "[]")==0 ) status = CLI_PARTIAL;   /* nothing found, as in text */
  }else{
    json_t *pAnswer = cli_json_parse(pCli, zJson);
    status = pAnswer ? xPrint(pCli, pAnswer, pCtx) : CLI_FAIL;
    json_decref(pAnswer);
  }
  marsad_free(zJson);
  marsad_close(pDb);
  return status;
}

void cli_print_json(const char *zJson){
  fputs(zJson, stdout);
  fputc('\n', stdout);
}

const char *cli_json_str(json_t *pObj, const char *zKey, const char *zDefault){
  const char *z = json_string_value(json_object_get(pObj, zKey));
  return z ? z : zDefault;
}

void cli_print_cut(const char *z, int nChar, int bPad){
  int nOut = 0, bSpace = 0;
  const unsigned char *p = (const unsigned char*)(z ? z : "");
  while( *p && nOut<nChar ){
    const unsigned char *pStart = p++;
    while( (*p & 0xC0)==0x80 ) p++;
    int bMark = (pStart[0]==0xD9 && pStart[1]>=0x8B && pStart[1]<=0x92);
    if( *pStart=='\n' || *pStart=='\t' || *pStart==' ' ){   /* a run of spaces as one */
      if( !bSpace ){ fputc(' ', stdout); nOut++; }
      bSpace = 1;
      continue;
    }
    bSpace = 0;
    fwrite(pStart, 1, (size_t)(p-pStart), stdout);
    if( !bMark ) nOut++;
  }
  if( *p ){ fputs("…", stdout); nOut++; }
  while( bPad && nOut<nChar ){ fputc(' ', stdout); nOut++; }
}

void cli_print_entity_names(json_t *pArr, int bCounts, const char *zLead){
  size_t i;
  json_t *pE;
  json_array_foreach(pArr, i, pE){
    printf("%s%s", i ? "، " : zLead, cli_json_str(pE, "name", ""));
    if( bCounts ) printf(" (%lld)", (long long)json_integer_value(json_object_get(pE, "articles")));
  }
  if( json_array_size(pArr)>0 ) fputc('\n', stdout);
}

void cli_count_progress(void *pCtx, const marsad_ingest_stats *pStats){
  cli_count *p = pCtx;
  p->nDone = pStats->nRead;
  if( p->bTty ) fprintf(stderr, "\r%ld articles", pStats->nRead);
}
