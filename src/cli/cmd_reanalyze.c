/*
** cmd_reanalyze.c: `marsad reanalyze`: recognises the entities and reads the
** facts of every stored article again (after editing the lists given with
** --data-dir, or upgrading marsad), then groups the stories again.
*/
#include <stdio.h>
#include <unistd.h>
#include "cli.h"

/* `marsad reanalyze`. */
static int run_reanalyze(cli *pCli, int argc, char **argv){
  const cli_opt aOpt[] = { {0, 0, 0, 0, 0} };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad [--data-dir DIR] reanalyze",
      "Finds the entities, dates, figures and statements of every stored\n"
      "article again, with the lists of --data-dir DIR (or the built-in\n"
      "ones) and this marsad's recogniser, replacing what was found before\n"
      "(entity ids are given anew), then groups the stories again. Run it\n"
      "after editing the lists: ingestion applies them to new articles only.\n"
      "Interrupted, it leaves the old findings whole; run it again.",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  marsad_db *pDb = cli_open(pCli, 0);
  if( pDb==0 ) return CLI_FAIL;
  cli_count prog = {isatty(STDERR_FILENO), 0};
  int lrc = marsad_reanalyze(pDb, cli_count_progress, &prog);
  if( prog.bTty ) fputc('\n', stderr);
  int status = lrc ? cli_fail(pCli, pDb, lrc) : CLI_OK;
  if( lrc==MARSAD_OK ){
    if( pCli->bJson ) printf("{\"articles\":%ld}\n", prog.nDone);
    else printf("reanalyzed %ld articles\n", prog.nDone);
  }
  marsad_close(pDb);
  return status;
}

const cli_command cli_cmd_reanalyze = {
  "reanalyze", "find entities and facts of all stored articles again", run_reanalyze
};
