/*
** facts_print.c: readable lines for the facts in library answers (figures,
** statements, dates), shared by `marsad analyze`, `marsad figures` and
** `marsad statements` (see cli.h).
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints an integer member, or nothing. */
static void print_int(json_t *pObj, const char *zKey){
  json_t *p = json_object_get(pObj, zKey);
  if( json_is_integer(p) ) printf("%lld", (long long)json_integer_value(p));
}

void cli_print_figure(json_t *pFig){
  printf("  %-10s ", cli_json_str(pFig, "date", "?"));
  const char *zApprox = cli_json_str(pFig, "approx", "exact");
  if( strcmp(zApprox, "at_least")==0 ) fputs(">= ", stdout);
  else if( strcmp(zApprox, "at_most")==0 ) fputs("<= ", stdout);
  else if( strcmp(zApprox, "about")==0 ) fputs("~", stdout);
  print_int(pFig, "value");
  if( json_is_integer(json_object_get(pFig, "max")) ){ fputs("-", stdout); print_int(pFig, "max"); }
  printf(" %s%s%s", cli_json_str(pFig, "counts", ""),
         json_is_true(json_object_get(pFig, "vague")) ? " (vague)" : "",
         json_is_true(json_object_get(pFig, "total")) ? " (total)" : "");
  const char *zWho = cli_json_str(pFig, "who", 0);
  if( zWho ){ fputs(": ", stdout); cli_print_cut(zWho, 30, 0); }
  const char *zBy = cli_json_str(pFig, "reported_by_text", 0);
  if( zBy ){ fputs("  by ", stdout); cli_print_cut(zBy, 40, 0); }
  const char *zOutlet = cli_json_str(pFig, "outlet", 0);
  if( zOutlet ){ fputs("  [", stdout); cli_print_cut(zOutlet, 24, 0); fputs("]", stdout); }
  fputs("\n             «", stdout);
  cli_print_cut(cli_json_str(pFig, "text", ""), 90, 0);
  fputs("»\n", stdout);
}

void cli_print_statement(json_t *pSt){
  printf("  %-10s %-7s ", cli_json_str(pSt, "date", "?"), cli_json_str(pSt, "stance", ""));
  cli_print_cut(cli_json_str(pSt, "speaker_text", "(unknown speaker)"), 50, 0);
  printf(" (%s)", cli_json_str(pSt, "cue", ""));
  const char *zOutlet = cli_json_str(pSt, "outlet", 0);
  if( zOutlet ){ fputs("  [", stdout); cli_print_cut(zOutlet, 24, 0); fputs("]", stdout); }
  fputs("\n             «", stdout);
  cli_print_cut(cli_json_str(pSt, "content", cli_json_str(pSt, "text", "")), 110, 0);
  fputs("»\n", stdout);
}

void cli_print_date(json_t *pDate){
  printf("  %-10s %-6s %-8s «%s»%s\n", cli_json_str(pDate, "value", "?"),
         cli_json_str(pDate, "precision", ""), cli_json_str(pDate, "kind", ""),
         cli_json_str(pDate, "text", ""),
         json_is_true(json_object_get(pDate, "since")) ? " (since/until)" : "");
}
