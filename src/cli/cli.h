/*
** cli.h: the shared parts of the marsad command: global options, the
** table-driven option parser every command uses, opening the database, and
** printing the JSON answers of the library (as they are with --json, or as
** readable text). Each command lives in cmd_<name>.c.
*/
#ifndef MARSAD_CLI_H
#define MARSAD_CLI_H
#include <jansson.h>
#include "marsad.h"

/* Exit statuses. */
#define CLI_OK       0   /* all done */
#define CLI_PARTIAL  1   /* done, but some input was skipped / nothing found */
#define CLI_USAGE    2   /* bad command line */
#define CLI_FAIL     3   /* the database or the system failed */

typedef struct cli {
  const char *zDb;     /* --db FILE, else $MARSAD_DB, else ./marsad.db */
  int bJson;           /* --json */
  int bColor;          /* stdout is a terminal and NO_COLOR is unset */
  const char *zCmd;    /* the command's name, for messages */
} cli;

/* One option of a command. Exactly one of pzValue (takes an argument),
** pbFlag (a switch) or plValue (takes an integer) is set. */
typedef struct cli_opt {
  const char *zName;       /* "--since" */
  const char **pzValue;    /* OUT: the argument */
  int *pbFlag;             /* OUT: set to 1 when present */
  long *plValue;           /* OUT: integer argument */
  const char *zHelp;       /* one line for --help; NULL hides the option */
} cli_opt;

/* A command: its name, a summary for `marsad --help`, usage line and its
** implementation, which returns an exit status. */
typedef struct cli_command {
  const char *zName;
  const char *zSummary;
  int (*xRun)(cli *pCli, int argc, char **argv);
} cli_command;

/* Parses argv[0..argc) (the words after the command name) against aOpt (ended
** by a zeroed entry) plus the global --db, --json and --help. Positional
** words are collected into azArg (room for argc entries) and counted in
** *pnArg. The values of --since and --until must be dates YYYY-MM-DD. Returns -1 to go on, or an exit status to return now: CLI_OK after
** printing --help, CLI_USAGE after a message for a bad option. zUsage is the
** "marsad NAME ..." line; zAbout a paragraph for --help. */
int cli_parse(cli *pCli, int argc, char **argv, const cli_opt *aOpt,
              const char *zUsage, const char *zAbout,
              char **azArg, int *pnArg);

/* Prints "marsad CMD: message" to stderr and returns CLI_USAGE. */
int cli_usage_error(cli *pCli, const char *zFmt, ...)
  __attribute__((format(printf, 2, 3)));

/* Opens the database (read-only when bReadOnly; a database an older marsad
** wrote is then updated first, MARSAD_OPEN_UPGRADE). On failure prints why
** and returns NULL. */
marsad_db *cli_open(cli *pCli, int bReadOnly);

/* Prints why the database could not be opened (zErr: the library's
** message, or NULL for rc's), naming the file once: that it is a
** directory, and for a read that found no file how to create it. */
void cli_open_error(cli *pCli, int bReadOnly, int rc, const char *zErr);

/* Prints a library failure (rc and the handle's message) and returns the
** exit status for it: CLI_PARTIAL for NOTFOUND, CLI_USAGE for MISUSE,
** CLI_FAIL otherwise. */
int cli_fail(cli *pCli, marsad_db *pDb, int rc);

/* Parses the JSON text of a library answer; NULL (after a message) if it is
** not JSON, which would be a library bug. The caller json_decref()s it. */
json_t *cli_json_parse(cli *pCli, const char *zJson);

/* Formats a library answer as readable text; returns the exit status. pCtx
** is what the command passed to cli_answer (its own options). */
typedef int (*cli_print_fn)(cli *pCli, json_t *pAnswer, void *pCtx);

/* Finishes a command that asked the library one query (rc, zJson): prints
** the failure when rc is not MARSAD_OK, else the JSON as it is with --json
** (CLI_PARTIAL when it is an empty list: nothing found), else the answer
** formatted by xPrint (given pCtx). Frees zJson and closes pDb. Returns the
** exit status. */
int cli_answer(cli *pCli, marsad_db *pDb, int rc, char *zJson, cli_print_fn xPrint,
               void *pCtx);

/* Prints zJson followed by a newline (the --json output). */
void cli_print_json(const char *zJson);

/* The string member zKey of object pObj, or zDefault. */
const char *cli_json_str(json_t *pObj, const char *zKey, const char *zDefault);

/* Prints a string cut to at most nChar characters (UTF-8 aware), its line
** breaks, tabs and runs of spaces as one space, padded with spaces to nChar
** when bPad. */
void cli_print_cut(const char *z, int nChar, int bPad);

/* Prints zLead, then the names of the entities of pArr (a story's
** "entities", marsad_entities_json's shape; with their article counts when
** bCounts), on one line. Prints nothing when there are none. */
void cli_print_entity_names(json_t *pArr, int bCounts, const char *zLead);

/* Readable lines for facts in library answers (facts_print.c): a figure
** (date, value with hedge, counts, who, reporter, outlet, evidence), a
** statement (date, stance, speaker, cue, outlet, content), a date. */
void cli_print_figure(json_t *pFig);
void cli_print_statement(json_t *pSt);
void cli_print_date(json_t *pDate);

/* The progress of a command over all stored articles (recluster, reanalyze). */
typedef struct cli_count {
  int bTty;      /* stderr is a terminal: show the count as it grows */
  long nDone;    /* articles done */
} cli_count;

/* marsad_progress_fn for a cli_count (pCtx): records the articles done
** (pStats->nRead) and shows them on a terminal. */
void cli_count_progress(void *pCtx, const marsad_ingest_stats *pStats);

/* The commands, each in cmd_<name>.c. */
extern const cli_command cli_cmd_ingest;
extern const cli_command cli_cmd_list;
extern const cli_command cli_cmd_show;
extern const cli_command cli_cmd_stats;
extern const cli_command cli_cmd_search;
extern const cli_command cli_cmd_ner;
extern const cli_command cli_cmd_entities;
extern const cli_command cli_cmd_entity;
extern const cli_command cli_cmd_tokens;
extern const cli_command cli_cmd_serve;
extern const cli_command cli_cmd_stories;
extern const cli_command cli_cmd_story;
extern const cli_command cli_cmd_recluster;
extern const cli_command cli_cmd_reanalyze;
extern const cli_command cli_cmd_analyze;
extern const cli_command cli_cmd_statements;
extern const cli_command cli_cmd_figures;
extern const cli_command cli_cmd_export;

#endif
