/*
** cmd_ingest.c: `marsad ingest PATH...`: stores articles from files,
** directories or standard input, reporting bad inputs as path:line: reason.
** Exit status 0 when everything was ingested, 1 when some input was skipped.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

/* What the callbacks need. */
typedef struct ingest_view {
  int bTerminal;       /* stderr is a terminal: draw a progress line */
  int bDrawn;          /* a progress line is on screen */
  struct timespec t0;  /* start time */
} ingest_view;

/* Seconds since the view started. */
static double elapsed(const ingest_view *p){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - p->t0.tv_sec) + (double)(t.tv_nsec - p->t0.tv_nsec)/1e9;
}

/* Erases the progress line before other output. */
static void clear_progress(ingest_view *p){
  if( p->bDrawn ){ fputs("\r\033[K", stderr); p->bDrawn = 0; }
}

/* marsad_report_fn: one line per problem, "path:line: reason". */
static void on_report(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  clear_progress(pCtx);
  if( iLine>0 ) fprintf(stderr, "%s:%ld: %s\n", zSource, iLine, zMsg);
  else fprintf(stderr, "%s: %s\n", zSource, zMsg);
}

/* marsad_progress_fn: a progress line with rates, on a terminal only. */
static void on_progress(void *pCtx, const marsad_ingest_stats *s){
  ingest_view *p = pCtx;
  if( !p->bTerminal ) return;
  double t = elapsed(p);
  if( t<=0 ) t = 1e-9;
  fprintf(stderr, "\r\033[K%ld articles  %.0f articles/s  %.1f MB/s",
          s->nRead, (double)s->nRead/t, s->nBytes/1e6/t);
  p->bDrawn = 1;
}

/* Parses --format. Returns -1 for an unknown name. */
static int parse_format(const char *z){
  static const struct { const char *zName; int e; } a[] = {
    {"auto", MARSAD_INPUT_AUTO}, {"text", MARSAD_INPUT_TEXT}, {"txt", MARSAD_INPUT_TEXT},
    {"html", MARSAD_INPUT_HTML}, {"jsonl", MARSAD_INPUT_JSONL}, {"feed", MARSAD_INPUT_FEED},
  };
  for(size_t i=0; i<sizeof a/sizeof a[0]; i++){
    if( strcasecmp(z, a[i].zName)==0 ) return a[i].e;
  }
  return -1;
}

/* CPU seconds this process has used: beside the wall time, since on a busy
** machine the wall time is mostly waiting for a core. */
static double cpu_seconds(void){
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec/1e9;
}

/* Prints the summary line (stderr, or JSON on stdout). */
static void print_summary(cli *pCli, const marsad_ingest_stats *s, double t){
  double c = cpu_seconds();
  if( pCli->bJson ){
    printf("{\"read\":%ld,\"added\":%ld,\"existing\":%ld,\"repeated\":%ld,\"filled\":%ld,"
           "\"skipped\":%ld,\"not_arabic\":%ld,\"copies\":%ld,\"bad_utf8\":%ld,"
           "\"bytes\":%.0f,\"seconds\":%.3f,\"cpu_seconds\":%.3f}\n", s->nRead, s->nAdded,
           s->nExisting, s->nRepeated, s->nFilled, s->nSkipped, s->nNotArabic, s->nCopies,
           s->nBadUtf8, s->nBytes, t, c);
    return;
  }
  char zFilled[64] = "", zRepeated[64] = "";
  if( s->nFilled ) snprintf(zFilled, sizeof zFilled, " (%ld given a missing date or URL)", s->nFilled);
  if( s->nRepeated ) snprintf(zRepeated, sizeof zRepeated, ", %ld repeated in the input", s->nRepeated);
  fprintf(stderr, "%ld new article%s, %ld already stored%s%s, %ld input%s skipped"
          " (%ld exact cop%s, %ld not Arabic) in %.2f s (%.2f s CPU), %.0f articles/s\n",
          s->nAdded, s->nAdded==1 ? "" : "s", s->nExisting-s->nRepeated, zFilled, zRepeated,
          s->nSkipped, s->nSkipped==1 ? "" : "s",
          s->nCopies, s->nCopies==1 ? "y" : "ies", s->nNotArabic,
          t, c, t>0 ? (double)s->nRead/t : 0.0);
}

/* `marsad ingest`. */
static int run_ingest(cli *pCli, int argc, char **argv){
  const char *zFormat = 0;
  long nBatch = -1;                 /* -1: not given */
  const cli_opt aOpt[] = {
    {"--format", &zFormat, 0, 0, "input format: auto (by extension), text, html, jsonl, feed"},
    {"--batch", 0, 0, &nBatch, "articles committed together (default 2000): smaller"
                               " batches show new articles to searches sooner, larger"
                               " ones cost less CPU"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad ingest [--format F] [--batch N] PATH...",
      "Stores articles from files and directories (recursively, by extension:\n"
      ".txt, .html/.htm, .jsonl, .rss/.atom/.xml) or from standard input (-,\n"
      "JSON Lines unless --format says otherwise). Bad files and lines are\n"
      "reported as path:line: reason and skipped; the rest goes on. Ingesting\n"
      "the same input again adds nothing. Exit status 1 when some input was skipped.",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg==0 ) return cli_usage_error(pCli, "give one or more files or directories (or -)");
  marsad_ingest_opts opts;
  memset(&opts, 0, sizeof opts);
  if( zFormat && (opts.eFormat = parse_format(zFormat))<0 ){
    return cli_usage_error(pCli, "unknown --format %s", zFormat);
  }
  if( nBatch==0 || nBatch>1000000 ){
    return cli_usage_error(pCli, "--batch takes a number of articles from 1 to 1000000");
  }
  opts.nBatch = nBatch>0 ? (int)nBatch : 0;
  marsad_db *pDb = cli_open(pCli, 0);
  if( pDb==0 ) return CLI_FAIL;
  ingest_view view;
  memset(&view, 0, sizeof view);
  view.bTerminal = isatty(STDERR_FILENO);
  clock_gettime(CLOCK_MONOTONIC, &view.t0);
  opts.xReport = on_report;
  opts.xProgress = on_progress;
  opts.pCtx = &view;
  marsad_ingest_stats stats;
  memset(&stats, 0, sizeof stats);
  int lrc = MARSAD_OK;
  for(int i=0; lrc==MARSAD_OK && i<nArg; i++){
    if( strcmp(azArg[i], "-")==0 && isatty(STDIN_FILENO) ){
      fprintf(stderr, "marsad ingest: reading %s from the terminal; Ctrl-D ends\n",
              zFormat ? zFormat : "JSON Lines");
    }
    lrc = marsad_ingest_path(pDb, azArg[i], &opts, &stats);
  }
  clear_progress(&view);
  int status = stats.nSkipped ? CLI_PARTIAL : CLI_OK;
  if( lrc!=MARSAD_OK ) status = cli_fail(pCli, pDb, lrc);
  print_summary(pCli, &stats, elapsed(&view));
  marsad_close(pDb);
  return status;
}

const cli_command cli_cmd_ingest = {
  "ingest", "store articles from files, directories or stdin", run_ingest
};
