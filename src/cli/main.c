/*
** main.c: the marsad command: global options, dispatch to a command, and
** `marsad --help` / `--version`. Commands are listed in aCommand.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "cli.h"

static const cli_command *const aCommand[] = {
  &cli_cmd_ingest,
  &cli_cmd_list,
  &cli_cmd_show,
  &cli_cmd_stats,
  &cli_cmd_search,
  &cli_cmd_tokens,
  &cli_cmd_serve,
  &cli_cmd_stories,
  &cli_cmd_story,
  &cli_cmd_recluster,
  &cli_cmd_reanalyze,
  &cli_cmd_analyze,
  &cli_cmd_statements,
  &cli_cmd_figures,
  &cli_cmd_export,
  &cli_cmd_entities,
  &cli_cmd_entity,
  &cli_cmd_ner,
};
#define N_COMMAND (int)(sizeof aCommand / sizeof aCommand[0])

/* Prints the overall help. */
static void print_help(FILE *out){
  fprintf(out,
    "marsad %s: Arabic news into tracked stories.\n\n"
    "usage: marsad [--db FILE] [--json] [--data-dir DIR] COMMAND [ARGS...]\n\n"
    "commands:\n", marsad_version());
  for(int i=0; i<N_COMMAND; i++){
    fprintf(out, "  %-12s %s\n", aCommand[i]->zName, aCommand[i]->zSummary);
  }
  fprintf(out,
    "\nglobal options:\n"
    "  --db FILE    the database (default: $MARSAD_DB, else ./marsad.db)\n"
    "  --json       machine-readable output\n"
    "  --data-dir DIR  the recogniser's curated lists (entities_*.tsv, ner_*.tsv,\n"
    "               outlets.tsv) read from DIR instead of the copies built in\n"
    "  --help       this help; `marsad COMMAND --help` for a command's\n"
    "  --version    print the version\n");
}

int main(int argc, char **argv){
  /* The program, not the library, owns SQLite's process-wide settings:
  ** nothing here reads SQLite's memory statistics, and keeping them costs a
  ** global mutex and two counters at every allocation and free (about 1.7%
  ** of the instructions of an ingestion, docs/BENCHMARKS.md). Must come
  ** before SQLite starts. */
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  cli c;
  memset(&c, 0, sizeof c);
  c.zDb = getenv("MARSAD_DB");
  if( c.zDb==0 || c.zDb[0]==0 ) c.zDb = "marsad.db";
  c.bColor = isatty(STDOUT_FILENO) && getenv("NO_COLOR")==0;
  const char *zDataDir = 0;
  int i = 1;
  for(; i<argc && argv[i][0]=='-'; i++){
    const char *z = argv[i];
    if( strcmp(z, "--db")==0 && i+1>=argc ){
      fprintf(stderr, "marsad: --db needs a file name (see marsad --help)\n");
      return CLI_USAGE;
    }
    else if( strcmp(z, "--db")==0 ){ c.zDb = argv[++i]; }
    else if( strncmp(z, "--db=", 5)==0 ){ c.zDb = z+5; }
    else if( strcmp(z, "--json")==0 ){ c.bJson = 1; }
    else if( strcmp(z, "--data-dir")==0 && i+1>=argc ){
      fprintf(stderr, "marsad: --data-dir needs a directory (see marsad --help)\n");
      return CLI_USAGE;
    }
    else if( strcmp(z, "--data-dir")==0 ){ zDataDir = argv[++i]; }
    else if( strncmp(z, "--data-dir=", 11)==0 ){ zDataDir = z+11; }
    else if( strcmp(z, "--help")==0 || strcmp(z, "-h")==0 ){ print_help(stdout); return CLI_OK; }
    else if( strcmp(z, "--version")==0 ){ printf("marsad %s\n", marsad_version()); return CLI_OK; }
    else { fprintf(stderr, "marsad: unknown option %s (see marsad --help)\n", z); return CLI_USAGE; }
  }
  if( i>=argc ){
    print_help(stderr);
    return CLI_USAGE;
  }
  if( zDataDir ){
    char *zErr = 0;
    if( marsad_entities_data_dir(zDataDir, &zErr)!=MARSAD_OK ){
      fprintf(stderr, "marsad: --data-dir: %s\n", zErr ? zErr : "out of memory");
      marsad_free(zErr);
      return CLI_USAGE;
    }
  }
  for(int k=0; k<N_COMMAND; k++){
    if( strcmp(argv[i], aCommand[k]->zName)==0 ){
      c.zCmd = aCommand[k]->zName;
      return aCommand[k]->xRun(&c, argc-i-1, argv+i+1);
    }
  }
  fprintf(stderr, "marsad: unknown command '%s' (see marsad --help)\n", argv[i]);
  return CLI_USAGE;
}
