/*
** cmd_story.c: `marsad story ID`: one story's events by date, each with its
** articles by date with their outlets, copies folded under their original,
** and with --why the evidence of every decision.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints the evidence object of one article, indented. */
static void print_why(json_t *pWhy, const char *zBest){
  const char *zRule = cli_json_str(pWhy, "rule", "");
  if( strcmp(zRule, "similar")==0 ){
    long long nGap = json_integer_value(json_object_get(pWhy, "gap_days"));
    printf("      why: similarity %.3f >= %.2f to %.12s (text %.3f, title %.3f, %lld day%s apart)\n",
           json_real_value(json_object_get(pWhy, "score")),
           json_real_value(json_object_get(pWhy, "threshold")), zBest ? zBest : "-",
           json_real_value(json_object_get(pWhy, "cosine")),
           json_real_value(json_object_get(pWhy, "title")), nGap, nGap==1 ? "" : "s");
    json_t *pTerms = json_object_get(pWhy, "terms");
    size_t i;
    json_t *pT;
    fputs("      shared:", stdout);
    json_array_foreach(pTerms, i, pT) printf(" %s", json_string_value(pT));
    fputc('\n', stdout);
    json_t *pEvent = json_object_get(pWhy, "event");
    if( pEvent ){
      int bNew = strcmp(cli_json_str(pEvent, "rule", ""), "new")==0;
      size_t nMerged = json_array_size(json_object_get(pEvent, "merged"));
      printf("      event: %s (best similarity within a day %.3f, %s %.2f)",
             bNew ? "started a new one" : "joined",
             json_real_value(json_object_get(pEvent, "score")), bNew ? "<" : ">=",
             json_real_value(json_object_get(pEvent, "threshold")));
      if( nMerged ) printf(", merging %zu other event%s into it", nMerged, nMerged>1 ? "s" : "");
      fputc('\n', stdout);
    }
  }else if( strcmp(zRule, "new")==0 ){
    fputs("      why: no story close enough: started this one\n", stdout);
  }
}

/* Prints one article line (and its copies). */
static void print_article(json_t *pRow, int bWhy, int bCopy){
  printf("  %s%.12s  %-10s  ", bCopy ? "  = " : "", cli_json_str(pRow, "id", ""),
         cli_json_str(pRow, "published", "-"));
  cli_print_cut(cli_json_str(pRow, "outlet", "-"), 18, 1);
  fputs("  ", stdout);
  cli_print_cut(cli_json_str(pRow, "title", ""), bCopy ? 70 : 80, 0);
  if( bCopy ){
    printf("  (copy, resemblance %.2f)",
           json_real_value(json_object_get(pRow, "resemblance")));
  }
  fputc('\n', stdout);
  if( bWhy && !bCopy ){
    print_why(json_object_get(pRow, "why"), cli_json_str(pRow, "best", 0));
  }
  size_t i;
  json_t *pCopy;
  json_array_foreach(json_object_get(pRow, "copies"), i, pCopy){
    print_article(pCopy, bWhy, 1);
  }
}

/* Prints a marsad_story_json answer, with the story's top entities; pCtx
** points to --why. */
static int print_story(cli *pCli, json_t *pObj, void *pCtx){
  int bWhy = *(const int*)pCtx;
  printf("%s  %s", cli_json_str(pObj, "id", ""), cli_json_str(pObj, "title", ""));
  long long nArts = json_integer_value(json_object_get(pObj, "n_articles"));
  long long nCopies = json_integer_value(json_object_get(pObj, "n_copies"));
  long long nOutlets = json_integer_value(json_object_get(pObj, "n_outlets"));
  printf("\n%s .. %s, %lld article%s (%lld cop%s), %lld outlet%s\n",
         cli_json_str(pObj, "first", "-"), cli_json_str(pObj, "last", "-"),
         nArts, nArts==1 ? "" : "s", nCopies, nCopies==1 ? "y" : "ies",
         nOutlets, nOutlets==1 ? "" : "s");
  size_t i;
  json_t *pT;
  fputs("terms:", stdout);
  json_array_foreach(json_object_get(pObj, "top_terms"), i, pT) printf(" %s", json_string_value(pT));
  fputc('\n', stdout);
  cli_print_entity_names(json_object_get(pObj, "entities"), 1, "entities: ");
  fputc('\n', stdout);
  json_t *pArts = json_object_get(pObj, "articles");
  json_t *pEvents = json_object_get(pObj, "events");
  json_array_foreach(pEvents, i, pT){
    long long iEvent = json_integer_value(json_object_get(pT, "id"));
    if( json_array_size(pEvents)>1 ){
      const char *zFirst = cli_json_str(pT, "first", "-");
      const char *zLast = cli_json_str(pT, "last", "-");
      long long nEvArts = json_integer_value(json_object_get(pT, "n_articles"));
      long long nEvOutlets = json_integer_value(json_object_get(pT, "n_outlets"));
      printf("%s%s%s%s  %lld article%s, %lld outlet%s: ", i ? "\n" : "", zFirst,
             strcmp(zFirst, zLast)!=0 && strlen(zLast)>5 ? ".." : "",
             strcmp(zFirst, zLast)!=0 && strlen(zLast)>5 ? zLast+5 : "",
             nEvArts, nEvArts==1 ? "" : "s", nEvOutlets, nEvOutlets==1 ? "" : "s");
      cli_print_cut(cli_json_str(pT, "title", ""), 90, 0);
      fputc('\n', stdout);
    }
    size_t k;
    json_t *pA;
    json_array_foreach(pArts, k, pA){
      if( json_integer_value(json_object_get(pA, "event"))==iEvent ) print_article(pA, bWhy, 0);
    }
  }
  (void)pCli;
  return CLI_OK;
}

/* `marsad story ID`. */
static int run_story(cli *pCli, int argc, char **argv){
  int bWhy = 0;
  const cli_opt aOpt[] = {
    {"--why", 0, &bWhy, 0, "show why each article joined: score, best match, shared terms"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad story [--why] ID",
      "Shows one story (id as listed by `marsad stories`, e.g. s12): its\n"
      "dates and size, its top terms and the entities named in most of its\n"
      "articles (with their article counts; all of them: `marsad entities\n"
      "--story ID`), then its events by date, each with its articles and\n"
      "their outlets, copies folded under the article they copy.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=1 ) return cli_usage_error(pCli, "expected one story id");
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_story_json(pDb, azArg[0], bWhy ? MARSAD_QUERY_WHY : 0, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_story, &bWhy);
}

const cli_command cli_cmd_story = {
  "story", "show one story: its articles by date, copies folded, --why", run_story
};
