/*
** cmd_export.c: `marsad export --format jsonl|csv [--table figures|statements]`:
** the whole database as JSON Lines (docs/EXPORT.md), or the figures or the
** statements as CSV, on standard output.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* `marsad export`. */
static int run_export(cli *pCli, int argc, char **argv){
  const char *zFormat = "jsonl";
  const char *zTable = "figures";
  const cli_opt aOpt[] = {
    {"--format", &zFormat, 0, 0, "jsonl (default) or csv"},
    {"--table", &zTable, 0, 0, "with csv: figures (default) or statements"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt,
      "marsad export [--format jsonl|csv] [--table figures|statements]",
      "Writes the database to standard output: as JSON Lines, one record per\n"
      "article (with its entity mentions, figures, statements and dates),\n"
      "entity and story (docs/EXPORT.md); or, with --format csv, the figures\n"
      "or the statements as a table for spreadsheets.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=0 ) return cli_usage_error(pCli, "unexpected argument '%s'", azArg[0]);
  int eFormat;
  if( strcmp(zFormat, "jsonl")==0 ) eFormat = MARSAD_EXPORT_JSONL;
  else if( strcmp(zFormat, "csv")!=0 ) return cli_usage_error(pCli, "--format is jsonl or csv, not '%s'", zFormat);
  else if( strcmp(zTable, "figures")==0 ) eFormat = MARSAD_EXPORT_CSV_FIGURES;
  else if( strcmp(zTable, "statements")==0 ) eFormat = MARSAD_EXPORT_CSV_STATEMENTS;
  else return cli_usage_error(pCli, "--table is figures or statements, not '%s'", zTable);
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  int lrc = marsad_export(pDb, eFormat, stdout);
  int status = lrc ? cli_fail(pCli, pDb, lrc) : CLI_OK;
  marsad_close(pDb);
  return status;
}

const cli_command cli_cmd_export = {
  "export", "write the database as JSON Lines (or figures/statements as CSV)", run_export
};
