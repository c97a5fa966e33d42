/*
** cmd_serve.c: `marsad serve`: the HTTP API and the web page over a
** database (marsad_server_* in the library). This layer owns the signals:
** SIGINT and SIGTERM are blocked in every thread and awaited here, then the
** server is stopped gracefully.
*/
#define _POSIX_C_SOURCE 200809L   /* sigwait, pthread_sigmask */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include "cli.h"

/* Blocks SIGINT and SIGTERM in this thread (and the threads it starts), so
** that they can be awaited with sigwait. Fills *pSet with them. */
static void block_stop_signals(sigset_t *pSet){
  sigemptyset(pSet);
  sigaddset(pSet, SIGINT);
  sigaddset(pSet, SIGTERM);
  pthread_sigmask(SIG_BLOCK, pSet, 0);
}

/* marsad serve [--host H] [--port N] [--threads N] */
static int serve_run(cli *pCli, int argc, char **argv){
  const char *zHost = "127.0.0.1";
  long nPort = 8080, nThreads = 4, nTimeout = 15;
  const cli_opt aOpt[] = {
    {"--host", &zHost, 0, 0, "address to listen on (default 127.0.0.1: this machine only)"},
    {"--port", 0, 0, &nPort, "TCP port (default 8080; 0: any free port)"},
    {"--threads", 0, 0, &nThreads, "worker threads (default 4)"},
    {"--timeout", 0, 0, &nTimeout, "seconds an idle connection is kept (default 15)"},
    {0, 0, 0, 0, 0},
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad serve [--host ADDR] [--port N] [--threads N]",
      "Serves the database read-only as a JSON API (docs/API.md) and a web page,\n"
      "until interrupted (Ctrl-C or SIGTERM). An ingestion may run at the same time.",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg>0 ) return cli_usage_error(pCli, "unexpected argument '%s'", azArg[0]);
  if( nPort>65535 ) return cli_usage_error(pCli, "--port must be at most 65535");
  if( nThreads<1 || nThreads>256 ) return cli_usage_error(pCli, "--threads must be from 1 to 256");
  if( nTimeout<1 || nTimeout>3600 ) return cli_usage_error(pCli, "--timeout must be from 1 to 3600");

  marsad_db *pDb = cli_open(pCli, 1);   /* updates a database an older marsad wrote */
  if( pDb==0 ) return CLI_FAIL;
  marsad_close(pDb);
  sigset_t set;
  block_stop_signals(&set);
  marsad_server_opts opts;
  memset(&opts, 0, sizeof opts);
  opts.zHost = zHost;
  opts.iPort = nPort==0 ? -1 : (int)nPort;
  opts.nThreads = (int)nThreads;
  opts.nTimeout = (unsigned)nTimeout;
  marsad_server *pServer = 0;
  char *zErr = 0;
  rc = marsad_server_start(pCli->zDb, &opts, &pServer, &zErr);
  if( rc!=MARSAD_OK ){
    const char *zWhy = zErr ? zErr : marsad_errstr(rc);
    if( rc==MARSAD_MISUSE ){   /* the address, not the database */
      fprintf(stderr, "marsad serve: %s (--host %s --port %ld)\n", zWhy, zHost, nPort);
    }else{
      cli_open_error(pCli, 1, rc, zErr);
    }
    marsad_free(zErr);
    return rc==MARSAD_MISUSE ? CLI_USAGE : CLI_FAIL;
  }
  int bV6 = strchr(zHost, ':')!=0;
  if( strcmp(zHost, "localhost")!=0 && strncmp(zHost, "127.", 4)!=0 && strcmp(zHost, "::1")!=0 ){
    fprintf(stderr, "marsad serve: warning: listening beyond this machine, with no authentication\n");
  }
  printf("marsad serve: http://%s%s%s:%d/ (Ctrl-C to stop)\n", bV6 ? "[" : "", zHost,
         bV6 ? "]" : "", marsad_server_port(pServer));
  fflush(stdout);
  int iSig = 0;
  sigwait(&set, &iSig);
  fprintf(stderr, "marsad serve: %s, stopping\n", iSig==SIGINT ? "interrupted" : "terminated");
  marsad_server_stop(pServer);
  return CLI_OK;
}

const cli_command cli_cmd_serve = {
  "serve", "serve the API and the web page (read-only)", serve_run,
};
