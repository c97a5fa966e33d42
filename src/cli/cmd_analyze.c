/*
** cmd_analyze.c: `marsad analyze FILE... | -`: the names, dates, figures
** and statements of articles, without a database; readable, or --json (one JSON
** array of article records per input).
*/
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "cli.h"

/* Reads all of f into *pz (caller frees with marsad_free). 0 on success. */
static int read_all(FILE *f, char **pz, size_t *pn){
  size_t nAlloc = 65536, n = 0;
  char *z = malloc(nAlloc);
  while( z ){
    size_t got = fread(z+n, 1, nAlloc-n, f);
    n += got;
    if( n<nAlloc ) break;
    char *zNew = realloc(z, nAlloc*2);
    if( zNew==0 ){ free(z); z = 0; break; }
    z = zNew;
    nAlloc *= 2;
  }
  if( z==0 || ferror(f) ){ free(z); return 1; }
  *pz = z;
  *pn = n;
  return 0;
}

/* Prints the names of a record's mentions, each once in the order first
** seen, with its kind and how many times it is written so. */
static void print_mentions(json_t *pMentions){
  size_t i, j;
  json_t *p, *q;
  printf("entities:\n");
  json_array_foreach(pMentions, i, p){
    const char *zText = cli_json_str(p, "text", "");
    int n = 0, bSeen = 0;
    json_array_foreach(pMentions, j, q){
      if( strcmp(cli_json_str(q, "text", ""), zText)!=0 ) continue;
      if( j<i ){ bSeen = 1; break; }
      n++;
    }
    if( bSeen ) continue;
    printf("  %-7s %s", cli_json_str(p, "kind", ""), zText);
    if( n>1 ) printf(" ×%d", n);
    fputc('\n', stdout);
  }
}

/* Prints one article record readably. */
static void print_record(json_t *pArt){
  size_t i;
  json_t *p;
  printf("== %s\n", cli_json_str(pArt, "title", ""));
  printf("   input %s, published %s%s\n", cli_json_str(pArt, "input", "?"),
         cli_json_str(pArt, "published", "unknown"),
         json_is_true(json_object_get(pArt, "published_from_text")) ? " (read from the text)" : "");
  print_mentions(json_object_get(pArt, "mentions"));
  printf("dates:\n");
  json_array_foreach(json_object_get(pArt, "dates"), i, p) cli_print_date(p);
  printf("figures:\n");
  json_array_foreach(json_object_get(pArt, "figures"), i, p) cli_print_figure(p);
  printf("statements:\n");
  json_array_foreach(json_object_get(pArt, "statements"), i, p) cli_print_statement(p);
  fputc('\n', stdout);
}

/* marsad_report_fn: one line per problem, "path:line: reason", as ingest
** writes them. */
static void report_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  (void)pCtx;
  if( iLine>0 ) fprintf(stderr, "%s:%ld: %s\n", zSource, iLine, zMsg);
  else fprintf(stderr, "%s: %s\n", zSource, zMsg);
}

/* Analyses one input (a file, or "-" for standard input); returns an exit
** status: CLI_PARTIAL when some of it was skipped. */
static int analyze_one(cli *pCli, const char *zPath, const char *zToday){
  FILE *f = strcmp(zPath, "-")==0 ? stdin : fopen(zPath, "rb");
  if( f==0 ){
    fprintf(stderr, "marsad analyze: %s: %s\n", zPath, strerror(errno));
    return CLI_PARTIAL;
  }
  char *zData = 0;
  size_t nData = 0;
  int bErr = read_all(f, &zData, &nData);
  if( f!=stdin ) fclose(f);
  if( bErr ){
    fprintf(stderr, "marsad analyze: %s: cannot read\n", zPath);
    return CLI_PARTIAL;
  }
  char *zJson = 0;
  long nSkipped = 0;
  int rc = marsad_analyze_buffer(zPath, zData, nData, MARSAD_INPUT_AUTO, zToday,
                                 report_problem, 0, &nSkipped, &zJson);
  free(zData);
  if( rc==MARSAD_MISUSE ){
    fprintf(stderr, "marsad analyze: %s: unknown file type (use .txt, .html, .jsonl, .rss or .atom)\n", zPath);
    return CLI_PARTIAL;
  }
  if( rc!=MARSAD_OK && zJson==0 ) return cli_fail(pCli, 0, rc);
  if( pCli->bJson ){
    cli_print_json(zJson);
  }else{
    json_t *pArr = cli_json_parse(pCli, zJson);
    size_t i;
    json_t *p;
    json_array_foreach(pArr, i, p) print_record(p);
    json_decref(pArr);
  }
  marsad_free(zJson);
  return rc==MARSAD_OK && nSkipped==0 ? CLI_OK : CLI_PARTIAL;
}

/* `marsad analyze`. */
static int run_analyze(cli *pCli, int argc, char **argv){
  const cli_opt aOpt[] = { {0, 0, 0, 0, 0} };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad analyze FILE... | -",
      "Finds the people, places and organisations, dates, figures and\n"
      "statements of articles without storing them: .txt, .html, .jsonl or\n"
      "feed files, or JSON Lines on standard input (-). With --json, one JSON\n"
      "array of article records per input (docs/EXPORT.md), offsets pointing\n"
      "into each record's title or body. Bad lines are reported as\n"
      "path:line: reason and skipped; the rest goes on. Exit status 1 when\n"
      "some input was skipped.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg==0 ) return cli_usage_error(pCli, "give at least one file (or - for standard input)");
  char zToday[11];
  time_t now = time(0);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(zToday, sizeof zToday, "%Y-%m-%d", &tm);
  int status = CLI_OK;
  for(int i=0; i<nArg; i++){
    int s = analyze_one(pCli, azArg[i], zToday);
    if( s>status ) status = s;
  }
  return status;
}

const cli_command cli_cmd_analyze = {
  "analyze", "names, dates, figures and statements of articles, without a database", run_analyze
};
