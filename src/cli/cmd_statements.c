/*
** cmd_statements.c: `marsad statements [--story ID --speaker NAME --stance S]`:
** who said what, by date; with --story, who affirms and who denies.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints, for a story, the speakers of each stance. */
static void print_sides(json_t *pArr){
  static const char *const azStance[] = { "affirm", "deny", "appeal", "warn", "accuse", 0 };
  for(int k=0; azStance[k]; k++){
    json_t *pSeen = json_object();
    size_t i;
    json_t *p;
    json_array_foreach(pArr, i, p){
      const char *zSpk = cli_json_str(p, "speaker_text", 0);
      if( zSpk && strcmp(cli_json_str(p, "stance", ""), azStance[k])==0 ){
        json_object_set_new(pSeen, zSpk, json_true());
      }
    }
    if( json_object_size(pSeen) ){
      const char *zKey;
      json_t *v;
      int bFirst = 1;
      printf("%-7s ", azStance[k]);
      json_object_foreach(pSeen, zKey, v){
        if( !bFirst ) fputs(" | ", stdout);
        cli_print_cut(zKey, 40, 0);
        bFirst = 0;
      }
      fputc('\n', stdout);
    }
    json_decref(pSeen);
  }
  fputc('\n', stdout);
}

/* Prints the statements, one by one. */
static int print_statements(cli *pCli, json_t *pArr, void *pCtx){
  (void)pCtx;
  size_t i;
  json_t *p;
  json_array_foreach(pArr, i, p) cli_print_statement(p);
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad %s: none found\n", pCli->zCmd);
    return CLI_PARTIAL;
  }
  return CLI_OK;
}

/* Prints who stands on which side, then the statements (for one story). */
static int print_story_statements(cli *pCli, json_t *pArr, void *pCtx){
  if( json_array_size(pArr) ) print_sides(pArr);
  return print_statements(pCli, pArr, pCtx);
}

/* `marsad statements`. */
static int run_statements(cli *pCli, int argc, char **argv){
  marsad_query q;
  memset(&q, 0, sizeof q);
  const cli_opt aOpt[] = {
    {"--story", &q.zStory, 0, 0, "only in this story (s12)"},
    {"--speaker", &q.zSpeaker, 0, 0, "only by this speaker (words of the name or of its English name, or e7)"},
    {"--stance", &q.zKind, 0, 0, "affirm, deny, appeal, warn, accuse or state"},
    {"--outlet", &q.zOutlet, 0, 0, "only from this outlet"},
    {"--since", &q.zSince, 0, 0, "only on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only on or before this day"},
    {"--limit", 0, 0, &q.nLimit, "at most N statements"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt,
      "marsad statements [--story ID] [--speaker NAME] [--stance S] [...]",
      "Lists who said what, by date: the speaker, the stance (affirm, deny,\n"
      "appeal, warn, accuse, state), the reporting word and what was said.\n"
      "With --story, first the speakers on each side.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=0 ) return cli_usage_error(pCli, "unexpected argument '%s'", azArg[0]);
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_statements_json(pDb, &q, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, q.zStory ? print_story_statements : print_statements, 0);
}

const cli_command cli_cmd_statements = {
  "statements", "who said what, with stance (--story: who affirms, who denies)", run_statements
};
