/*
** cmd_search.c: `marsad search QUERY`: Arabic full-text search. Prints the
** hits best first (rank, date, outlet, title, and a snippet with the
** matched words coloured on a terminal, in [brackets] otherwise), or with
** --json the library's answer as it is.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints a snippet of the library (HTML-escaped, <mark> around matches),
** matches coloured when bColor, else bracketed. */
static void print_snippet(const char *z, int bColor){
  static const struct { const char *zFrom, *zPlain, *zColor; } aRep[] = {
    {"<mark>", "[", "\033[1;31m"},
    {"</mark>", "]", "\033[0m"},
    {"&amp;", "&", "&"},
    {"&lt;", "<", "<"},
    {"&gt;", ">", ">"},
  };
  while( *z ){
    size_t k = 0, n = sizeof aRep / sizeof aRep[0];
    while( k<n && strncmp(z, aRep[k].zFrom, strlen(aRep[k].zFrom))!=0 ) k++;
    if( k<n ){
      fputs(bColor ? aRep[k].zColor : aRep[k].zPlain, stdout);
      z += strlen(aRep[k].zFrom);
    }else{
      fputc(*z=='\n' ? ' ' : *z, stdout);
      z++;
    }
  }
}

/* Rank of the first hit printed: --offset plus one. Set by run_search before
** it prints (the command runs once per process). */
static long iFirstRank = 1;

/* cli_print_fn: prints the hits of a marsad_search_json answer, best first;
** CLI_PARTIAL (after a message) when there are none. */
static int print_hits(cli *pCli, json_t *pArr, void *pCtx){
  (void)pCtx;
  size_t i;
  json_t *pHit;
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad search: no article matches\n");
    return CLI_PARTIAL;
  }
  json_array_foreach(pArr, i, pHit){
    printf("%3ld. %-10s  ", iFirstRank + (long)i, cli_json_str(pHit, "published", "-"));
    cli_print_cut(cli_json_str(pHit, "outlet", "-"), 18, 1);
    fputs("  ", stdout);
    if( pCli->bColor ) fputs("\033[1m", stdout);
    cli_print_cut(cli_json_str(pHit, "title", ""), 90, 0);
    if( pCli->bColor ) fputs("\033[0m", stdout);
    printf("  (%.12s)\n     ", cli_json_str(pHit, "id", ""));
    print_snippet(cli_json_str(pHit, "snippet", ""), pCli->bColor);
    fputs("\n", stdout);
  }
  return CLI_OK;
}

/* `marsad search`. */
static int run_search(cli *pCli, int argc, char **argv){
  marsad_query q;
  int bExact = 0;
  memset(&q, 0, sizeof q);
  const cli_opt aOpt[] = {
    {"--exact", 0, &bExact, 0, "no stemming: every word only in the form given"},
    {"--outlet", &q.zOutlet, 0, 0, "only this outlet"},
    {"--since", &q.zSince, 0, 0, "only articles dated on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only articles dated on or before this day"},
    {"--story", &q.zStory, 0, 0, "only articles of this story (e.g. s12)"},
    {"--limit", 0, 0, &q.nLimit, "at most N hits (default 20)"},
    {"--offset", 0, 0, &q.nOffset, "skip the first N hits"},
    {0, 0, 0, 0, 0}
  };
  /* "-word" is an exclusion, not an option: set such words aside for the
  ** query (options all start with "--"; -h is help) */
  char *azOpt[argc+1], *azWord[argc+1], *azArg[argc+1];
  int nOpt = 0, nWord = 0, nArg = 0;
  for(int i=0; i<argc; i++){
    int bExclude = argv[i][0]=='-' && argv[i][1]!='-' && argv[i][1]!=0 && strcmp(argv[i], "-h")!=0;
    if( bExclude ) azWord[nWord++] = argv[i]; else azOpt[nOpt++] = argv[i];
  }
  int rc = cli_parse(pCli, nOpt, azOpt, aOpt, "marsad search [OPTIONS] QUERY...",
      "Searches titles and bodies, best matches first. Words match in any form\n"
      "(والمعلمون finds المعلم, أردوغان finds اردوغان); articles holding every word\n"
      "come before those holding some. Common words (في، من، ما هو ...) are dropped.\n"
      "  \"وقف إطلاق النار\"   the words in this order (also «...»)\n"
      "  مرتزقة OR لاجئين     either word\n"
      "  -غزة                 not in articles with this word\n"
      "  مفاوض*               words beginning so (المفاوضات، مفاوضين ...)\n"
      "  =المعلمون            exactly this form (--exact: the whole query)",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  for(int i=0; i<nWord; i++) azArg[nArg++] = azWord[i];
  if( nArg==0 ) return cli_usage_error(pCli, "give a query (see marsad search --help)");
  size_t nText = 0;
  for(int i=0; i<nArg; i++) nText += strlen(azArg[i]) + 1;
  char zText[nText+1];
  zText[0] = 0;
  for(int i=0; i<nArg; i++){
    if( i ) strcat(zText, " ");
    strcat(zText, azArg[i]);
  }
  q.zText = zText;
  if( bExact ) q.flags |= MARSAD_QUERY_EXACT;
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int src = marsad_search_json(pDb, &q, &zJson);
  iFirstRank = q.nOffset + 1;
  return cli_answer(pCli, pDb, src, zJson, print_hits, 0);
}

const cli_command cli_cmd_search = {
  "search", "full-text search, Arabic-aware (any form of a word, phrases, OR, -word)", run_search
};
