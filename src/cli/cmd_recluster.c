/*
** cmd_recluster.c: `marsad recluster`: forgets the stories and groups all
** stored articles again, in the order they were stored.
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

/* `marsad recluster`. */
static int run_recluster(cli *pCli, int argc, char **argv){
  long nWindow = 0;
  const cli_opt aOpt[] = {
    {"--window", 0, 0, &nWindow, "days between a story and an article joining it (default: as before, 30)"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad recluster [--window DAYS]",
      "Forgets every story and groups all stored articles again, in the\n"
      "order they were stored: the result is the one their ingestion gave\n"
      "(with the same window).", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  if( nWindow<0 || nWindow>3650 ) return cli_usage_error(pCli, "--window must be 1..3650 days");
  marsad_db *pDb = cli_open(pCli, 0);
  if( pDb==0 ) return CLI_FAIL;
  cli_count prog = {isatty(STDERR_FILENO), 0};
  int lrc = marsad_recluster(pDb, (int)nWindow, cli_count_progress, &prog);
  if( prog.bTty ) fputc('\n', stderr);
  int status = lrc ? cli_fail(pCli, pDb, lrc) : CLI_OK;
  if( lrc==MARSAD_OK ){
    if( pCli->bJson ) printf("{\"articles\":%ld}\n", prog.nDone);
    else printf("reclustered %ld articles\n", prog.nDone);
  }
  marsad_close(pDb);
  return status;
}

const cli_command cli_cmd_recluster = {
  "recluster", "group all stored articles into stories again", run_recluster
};
