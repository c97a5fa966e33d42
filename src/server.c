/*
** server.c: the HTTP server of marsad (marsad_server_* in marsad.h), over
** libmicrohttpd. It serves the JSON API (docs/API.md), one route per line of
** aRoute, each calling a library query function, and the embedded web page
** (webfiles.h). The database is opened read-only, one handle per request in
** flight, taken from a small pool (a handle is never shared by two threads at
** once). Requests are parsed by params.c; every answer is JSON or a static
** file, with headers that stop a browser from sniffing or framing it.
**
** Limits: libmicrohttpd's per-connection memory bounds the request line and
** headers (it answers 414 or 431 itself), MAX_TARGET bounds the request
** target, params.c bounds each parameter, idle connections time out, and the
** number of connections is capped. Only GET and HEAD are served.
*/
#define _POSIX_C_SOURCE 200809L   /* getaddrinfo, nanosleep */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include <microhttpd.h>
#include "marsad.h"
#include "alloc.h"
#include "params.h"
#include "webfiles.h"

#define MAX_TARGET 8192        /* bytes of a request target (path + query) */
#define STOP_WAIT_MS 1000      /* how long stop waits for requests in flight */

/* The ways a route's query function is called. */
typedef int (*route_list_fn)(marsad_db*, const marsad_query*, char**);
typedef int (*route_item_fn)(marsad_db*, const char*, unsigned, char**);
typedef int (*route_plain_fn)(marsad_db*, char**);
typedef int (*route_id_fn)(marsad_db*, const char*, char**);

/* One API route. Its path may hold one "{id}": a path segment (no '/'). */
typedef struct route {
  const char *zPath;       /* "/api/stories" or "/api/stories/{id}" */
  unsigned mParams;        /* MARSAD_P_* the route accepts */
  int bNeedQ;              /* 1: the q parameter must be given */
  long nLimit;             /* limit when none is given (0: the function's) */
  route_list_fn xList;     /* called with the parsed filters, or NULL */
  route_item_fn xItem;     /* called with the id and the flags, or NULL */
  route_plain_fn xPlain;   /* called with nothing (or the id), or NULL */
  route_id_fn xId;         /* called with the id, or NULL */
} route;

#define LIST(f) f, 0, 0, 0
#define ITEM(f) 0, f, 0, 0
#define PLAIN(f) 0, 0, f, 0
#define BYID(f) 0, 0, 0, f
#define P_DATES (MARSAD_P_SINCE|MARSAD_P_UNTIL)
#define P_WHERE (MARSAD_P_STORY|MARSAD_P_OUTLET|P_DATES|MARSAD_P_PAGE)

/* The API. A route is here only when its query function exists. */
static const route aRoute[] = {
  {"/api/articles",            MARSAD_P_OUTLET|P_DATES|MARSAD_P_PAGE, 0, 0, LIST(marsad_articles_json)},
  {"/api/articles/{id}",       MARSAD_P_RAW, 0, 0, ITEM(marsad_article_json)},
  {"/api/articles/{id}/facts", 0, 0, 0, BYID(marsad_article_facts_json)},
  {"/api/stats",               0, 0, 0, PLAIN(marsad_stats_json)},
  {"/api/stories",             P_DATES|MARSAD_P_MIN|MARSAD_P_PAGE|MARSAD_P_LATEST, 0, 0, LIST(marsad_stories_json)},
  {"/api/stories/{id}",        MARSAD_P_WHY, 0, 0, ITEM(marsad_story_json)},
  {"/api/search",              MARSAD_P_Q|MARSAD_P_EXACT|P_WHERE, 1, 0, LIST(marsad_search_json)},
  {"/api/entities",            MARSAD_P_KIND|MARSAD_P_NAME|P_WHERE, 0, 0, LIST(marsad_entities_json)},
  {"/api/entities/{id}",       MARSAD_P_WHY, 0, 0, ITEM(marsad_entity_json)},
  {"/api/figures",             MARSAD_P_COUNTS|MARSAD_P_BY|P_WHERE, 0, 500, LIST(marsad_figures_json)},
  {"/api/statements",          MARSAD_P_STANCE|MARSAD_P_SPEAKER|P_WHERE, 0, 500, LIST(marsad_statements_json)},
};
#define N_ROUTE (int)(sizeof aRoute / sizeof aRoute[0])

struct marsad_server {
  struct MHD_Daemon *pDaemon;  /* the libmicrohttpd daemon */
  char *zDbPath;               /* the database file */
  pthread_mutex_t mutex;       /* guards the pool */
  marsad_db **apIdle;          /* idle read-only handles */
  int nIdle;                   /* handles in apIdle */
  int nIdleMax;                /* room in apIdle (the thread count) */
  int iPort;                   /* the port listened on */
  int bLoopback;               /* listening on loopback: Host must name it */
};

/* One request: its target as sent, captured before libmicrohttpd parses it. */
typedef struct server_request {
  char *zTarget;               /* path and query string, raw; NULL if too long */
  size_t nTarget;              /* bytes in zTarget */
} server_request;

/* Takes an idle database handle, or opens one. NULL when it cannot. */
static marsad_db *pool_take(marsad_server *p){
  marsad_db *pDb = 0;
  pthread_mutex_lock(&p->mutex);
  if( p->nIdle>0 ) pDb = p->apIdle[--p->nIdle];
  pthread_mutex_unlock(&p->mutex);
  if( pDb==0 ) marsad_open(p->zDbPath, MARSAD_OPEN_READONLY, &pDb, 0);
  return pDb;
}

/* Returns a handle to the pool (closing it when the pool is full). */
static void pool_give(marsad_server *p, marsad_db *pDb){
  pthread_mutex_lock(&p->mutex);
  if( pDb && p->nIdle<p->nIdleMax ){ p->apIdle[p->nIdle++] = pDb; pDb = 0; }
  pthread_mutex_unlock(&p->mutex);
  marsad_close(pDb);
}

/* Adds the headers every answer carries, and queues it with status. */
static enum MHD_Result queue(struct MHD_Connection *pConn, unsigned status,
                             struct MHD_Response *pResp, const char *zType){
  if( pResp==0 ) return MHD_NO;
  MHD_add_response_header(pResp, "Content-Type", zType);
  MHD_add_response_header(pResp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(pResp, "X-Frame-Options", "DENY");
  MHD_add_response_header(pResp, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(pResp, "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; object-src 'none'; "
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  enum MHD_Result r = MHD_queue_response(pConn, status, pResp);
  MHD_destroy_response(pResp);
  return r;
}

/* Answers with the JSON text zJson (owned; freed here or by the response). */
static enum MHD_Result answer_json(struct MHD_Connection *pConn, unsigned status,
                                   char *zJson){
  if( zJson==0 ) return MHD_NO;
  struct MHD_Response *pResp = MHD_create_response_from_buffer_with_free_callback(
      strlen(zJson), zJson, marsad_free);
  if( pResp==0 ){ marsad_free(zJson); return MHD_NO; }
  MHD_add_response_header(pResp, "Cache-Control", "no-store");
  return queue(pConn, status, pResp, "application/json; charset=utf-8");
}

/* Answers {"error": zMsg} with status. */
static enum MHD_Result answer_error(struct MHD_Connection *pConn, unsigned status,
                                    const char *zMsg){
  json_t *pObj = json_pack("{s:s}", "error", zMsg);
  char *zJson = pObj ? json_dumps(pObj, JSON_COMPACT) : 0;
  json_decref(pObj);
  return answer_json(pConn, status, zJson);
}

/* The HTTP status for a library result code. */
static unsigned status_of(int rc){
  switch( rc ){
    case MARSAD_OK:       return MHD_HTTP_OK;
    case MARSAD_NOTFOUND: return MHD_HTTP_NOT_FOUND;
    case MARSAD_MISUSE:   return MHD_HTTP_BAD_REQUEST;
    case MARSAD_FORMAT:   return MHD_HTTP_BAD_REQUEST;
    case MARSAD_NOMEM:    return MHD_HTTP_SERVICE_UNAVAILABLE;
    default:              return MHD_HTTP_INTERNAL_SERVER_ERROR;
  }
}

/* Runs route pRoute with the id zId ("{id}" routes) and the parsed parameters,
** and answers with its JSON or its error. */
static enum MHD_Result run_route(marsad_server *p, struct MHD_Connection *pConn,
                                 const route *pRoute, const char *zId,
                                 const marsad_params *pPar){
  marsad_db *pDb = pool_take(p);
  if( pDb==0 ){
    return answer_error(pConn, MHD_HTTP_SERVICE_UNAVAILABLE, "the database cannot be opened");
  }
  char *zJson = 0;
  int rc;
  if( pRoute->xList ) rc = pRoute->xList(pDb, &pPar->q, &zJson);
  else if( pRoute->xItem ) rc = pRoute->xItem(pDb, zId, pPar->q.flags, &zJson);
  else if( pRoute->xId ) rc = pRoute->xId(pDb, zId, &zJson);
  else rc = pRoute->xPlain(pDb, &zJson);
  enum MHD_Result r;
  if( rc==MARSAD_OK ){
    r = answer_json(pConn, MHD_HTTP_OK, zJson);
  }else{
    marsad_free(zJson);
    r = answer_error(pConn, status_of(rc), marsad_errmsg(pDb));
  }
  pool_give(p, pDb);
  return r;
}

/* Finds the route for zPath (which it may change: the id is cut out of it
** in place); *pzId gets the id of an id route. NULL when none matches. */
static const route *find_route(char *zPath, const char **pzId){
  size_t nPath = strlen(zPath);
  *pzId = 0;
  for(int i=0; i<N_ROUTE; i++){
    const route *pR = &aRoute[i];
    const char *zHole = strstr(pR->zPath, "{id}");
    if( zHole==0 ){
      if( strcmp(zPath, pR->zPath)==0 ) return pR;
      continue;
    }
    size_t nPre = (size_t)(zHole-pR->zPath);
    const char *zSuffix = zHole+4;
    size_t nSuf = strlen(zSuffix);
    if( nPath<=nPre+nSuf || strncmp(zPath, pR->zPath, nPre)!=0
     || strcmp(zPath+nPath-nSuf, zSuffix)!=0 ) continue;
    char *zId = zPath+nPre;
    size_t nId = nPath-nPre-nSuf;
    if( memchr(zId, '/', nId) ) continue;
    zId[nId] = 0;
    *pzId = zId;
    return pR;
  }
  return 0;
}

/* Answers GET /api: the version and the routes this server has, so that the
** web page offers only what the library can answer. */
static enum MHD_Result serve_index(struct MHD_Connection *pConn){
  json_t *pArr = json_array();
  for(int i=0; pArr && i<N_ROUTE; i++){
    if( json_array_append_new(pArr, json_string(aRoute[i].zPath)) ){ json_decref(pArr); pArr = 0; }
  }
  json_t *pObj = pArr ? json_pack("{s:s,s:o}", "version", marsad_version(), "routes", pArr) : 0;
  char *zJson = pObj ? json_dumps(pObj, JSON_COMPACT) : 0;
  json_decref(pObj);
  if( zJson==0 ) return answer_error(pConn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
  return answer_json(pConn, MHD_HTTP_OK, zJson);
}

/* Answers an API request for the decoded zPath with query zQuery[0..n). */
static enum MHD_Result serve_api(marsad_server *p, struct MHD_Connection *pConn,
                                 char *zPath, const char *zQuery, size_t nQuery){
  const char *zId = 0;
  const route *pRoute = find_route(zPath, &zId);
  if( pRoute==0 ) return answer_error(pConn, MHD_HTTP_NOT_FOUND, "no such API route");
  marsad_params par;
  int rc = marsad_params_parse(zQuery, nQuery, pRoute->mParams, &par);
  enum MHD_Result r;
  if( rc==MARSAD_OK && pRoute->bNeedQ && par.q.zText==0 ){
    snprintf(par.zErr, sizeof par.zErr, "parameter 'q' is required");
    rc = MARSAD_MISUSE;
  }
  if( rc==MARSAD_OK && par.q.nLimit==0 ) par.q.nLimit = pRoute->nLimit;
  if( rc==MARSAD_OK ) r = run_route(p, pConn, pRoute, zId, &par);
  else if( rc==MARSAD_MISUSE ) r = answer_error(pConn, MHD_HTTP_BAD_REQUEST, par.zErr);
  else r = answer_error(pConn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
  marsad_params_free(&par);
  return r;
}

/* Answers a request for a static file of the web page. */
static enum MHD_Result serve_file(struct MHD_Connection *pConn, const char *zPath){
  if( strcmp(zPath, "/")==0 ) zPath = "/index.html";
  for(int i=0; i<marsad_web_nfiles; i++){
    const marsad_web_file *pF = &marsad_web_files[i];
    if( strcmp(pF->zPath, zPath)!=0 ) continue;
    const char *zMatch = MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "If-None-Match");
    int bSame = zMatch && strcmp(zMatch, pF->zEtag)==0;
    struct MHD_Response *pResp = MHD_create_response_from_buffer(
        bSame ? 0 : pF->n, (void*)pF->a, MHD_RESPMEM_PERSISTENT);
    if( pResp==0 ) return MHD_NO;
    MHD_add_response_header(pResp, "ETag", pF->zEtag);
    MHD_add_response_header(pResp, "Cache-Control", "no-cache");
    return queue(pConn, bSame ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK, pResp, pF->zType);
  }
  return answer_error(pConn, MHD_HTTP_NOT_FOUND, "no such page");
}

/* True when the Host header zHost (NULL when absent) names this machine's
** loopback (localhost, 127.x.y.z or [::1], with any port). A server on
** loopback refuses other names, so that a web page elsewhere cannot reach
** it through a DNS name rebound to 127.0.0.1. */
static int host_is_loopback(const char *zHost){
  if( zHost==0 ) return 1;
  if( strncmp(zHost, "[::1]", 5)==0 ) return zHost[5]==0 || zHost[5]==':';
  size_t n = strcspn(zHost, ":");
  if( zHost[n] && strspn(zHost+n+1, "0123456789")!=strlen(zHost+n+1) ) return 0;
  if( n==9 && strncmp(zHost, "localhost", 9)==0 ) return 1;
  return n>4 && strncmp(zHost, "127.", 4)==0 && strspn(zHost, "0123456789.")==n;
}

/* libmicrohttpd's URI callback: keeps the raw request target, before it is
** parsed, as the request's state. NULL (answered 503) when out of memory. */
static void *on_uri(void *pCls, const char *zUri, struct MHD_Connection *pConn){
  server_request *pReq = marsad_malloc(sizeof *pReq);
  if( pReq==0 ) return 0;
  size_t n = strlen(zUri);
  pReq->nTarget = n;
  pReq->zTarget = n<=MAX_TARGET ? marsad_strndup(zUri, n) : 0;
  return pReq;
}

/* libmicrohttpd's completion callback: frees the request's state. */
static void on_done(void *pCls, struct MHD_Connection *pConn, void **ppReq,
                    enum MHD_RequestTerminationCode eCode){
  server_request *pReq = *ppReq;
  if( pReq ){
    marsad_free(pReq->zTarget);
    marsad_free(pReq);
    *ppReq = 0;
  }
}

/* libmicrohttpd's access handler: answers every request on its first call
** (no request needs a body). */
static enum MHD_Result on_request(void *pCls, struct MHD_Connection *pConn,
                                  const char *zUrl, const char *zMethod,
                                  const char *zVersion, const char *zUpload,
                                  size_t *pnUpload, void **ppReq){
  marsad_server *p = pCls;
  server_request *pReq = *ppReq;
  if( strcmp(zMethod, "GET")!=0 && strcmp(zMethod, "HEAD")!=0 ){
    struct MHD_Response *pResp;
    json_t *pObj = json_pack("{s:s}", "error", "only GET and HEAD are served");
    char *zJson = pObj ? json_dumps(pObj, JSON_COMPACT) : 0;
    json_decref(pObj);
    if( zJson==0 ) return MHD_NO;
    pResp = MHD_create_response_from_buffer_with_free_callback(strlen(zJson), zJson, marsad_free);
    if( pResp==0 ){ marsad_free(zJson); return MHD_NO; }
    MHD_add_response_header(pResp, "Allow", "GET, HEAD");
    return queue(pConn, MHD_HTTP_METHOD_NOT_ALLOWED, pResp, "application/json; charset=utf-8");
  }
  if( p->bLoopback
   && !host_is_loopback(MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "Host")) ){
    return answer_error(pConn, MHD_HTTP_FORBIDDEN, "this server answers only to localhost");
  }
  if( pReq==0 ) return answer_error(pConn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
  if( pReq->zTarget==0 ) return answer_error(pConn, MHD_HTTP_URI_TOO_LONG, "request target too long");
  char *zTarget = pReq->zTarget;
  char *zQuery = strchr(zTarget, '?');
  size_t nQuery = 0;
  if( zQuery ){
    *zQuery++ = 0;
    nQuery = strlen(zQuery);
    char *zFrag = strchr(zQuery, '#');
    if( zFrag ){ *zFrag = 0; nQuery = (size_t)(zFrag-zQuery); }
  }
  if( marsad_params_decode(zTarget, strlen(zTarget), 0)<0 || zTarget[0]!='/' ){
    return answer_error(pConn, MHD_HTTP_BAD_REQUEST, "malformed request path");
  }
  if( strcmp(zTarget, "/api")==0 || strcmp(zTarget, "/api/")==0 ){
    if( nQuery>0 ) return answer_error(pConn, MHD_HTTP_BAD_REQUEST, "unknown parameter");
    return serve_index(pConn);
  }
  if( strncmp(zTarget, "/api/", 5)==0 ) return serve_api(p, pConn, zTarget, zQuery, nQuery);
  return serve_file(pConn, zTarget);   /* a page's query string is the page's */
}

/* Fills *pAddr for zHost:iPort. MARSAD_OK or MARSAD_MISUSE. */
static int resolve(const char *zHost, int iPort, struct sockaddr_storage *pAddr,
                   int *pbIpv6){
  struct addrinfo hints, *pRes = 0;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  if( strcmp(zHost, "localhost")==0 ) zHost = "127.0.0.1";
  else hints.ai_flags |= AI_NUMERICHOST;
  char zPort[16];
  snprintf(zPort, sizeof zPort, "%d", iPort);
  if( getaddrinfo(zHost, zPort, &hints, &pRes)!=0 || pRes==0 ) return MARSAD_MISUSE;
  memset(pAddr, 0, sizeof *pAddr);
  memcpy(pAddr, pRes->ai_addr, pRes->ai_addrlen);
  *pbIpv6 = pRes->ai_family==AF_INET6;
  freeaddrinfo(pRes);
  return MARSAD_OK;
}

/* Frees a server that is not (or no longer) running. */
static void server_free(marsad_server *p){
  if( p==0 ) return;
  for(int i=0; i<p->nIdle; i++) marsad_close(p->apIdle[i]);
  marsad_free(p->apIdle);
  marsad_free(p->zDbPath);
  pthread_mutex_destroy(&p->mutex);
  marsad_free(p);
}

/* Sets *pzErr (when wanted) to a copy of zMsg and returns rc. */
static int start_error(char **pzErr, int rc, const char *zMsg){
  if( pzErr ) *pzErr = marsad_strdup(zMsg);
  return rc;
}

/* Allocates the server and opens its first database handle. */
static int server_new(const char *zDbPath, int nThreads, marsad_server **pp,
                      char **pzErr){
  marsad_server *p = marsad_malloc(sizeof *p);
  *pp = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  pthread_mutex_init(&p->mutex, 0);
  p->zDbPath = marsad_strdup(zDbPath);
  p->apIdle = marsad_malloc(sizeof(marsad_db*) * (size_t)nThreads);
  p->nIdleMax = nThreads;
  if( p->zDbPath==0 || p->apIdle==0 ){ server_free(p); return MARSAD_NOMEM; }
  marsad_db *pDb = 0;
  int rc = marsad_open(zDbPath, MARSAD_OPEN_READONLY, &pDb, pzErr);
  if( rc!=MARSAD_OK ){
    if( pzErr && *pzErr==0 && pDb ) *pzErr = marsad_strdup(marsad_errmsg(pDb));
    marsad_close(pDb);
    server_free(p);
    return rc==MARSAD_NOMEM ? rc : MARSAD_DBERROR;
  }
  p->apIdle[p->nIdle++] = pDb;
  *pp = p;
  return MARSAD_OK;
}

int marsad_server_start(const char *zDbPath, const marsad_server_opts *pOpts,
                        marsad_server **ppServer, char **pzErr){
  marsad_server_opts o;
  memset(&o, 0, sizeof o);
  if( pOpts ) o = *pOpts;
  *ppServer = 0;
  if( pzErr ) *pzErr = 0;
  if( o.zHost==0 || o.zHost[0]==0 ) o.zHost = "127.0.0.1";
  if( o.iPort==0 ) o.iPort = 8080;
  if( o.iPort<0 ) o.iPort = 0;
  if( o.nThreads<=0 ) o.nThreads = 4;
  if( o.nTimeout==0 ) o.nTimeout = 15;
  if( o.nMaxConn==0 ) o.nMaxConn = 256;
  if( o.nConnMemory==0 ) o.nConnMemory = 16384;
  if( o.iPort>65535 || o.nThreads>256 || o.nConnMemory<4096 ){
    return start_error(pzErr, MARSAD_MISUSE, "bad server options (port, threads or memory)");
  }
  struct sockaddr_storage addr;
  int bIpv6 = 0;
  if( resolve(o.zHost, o.iPort, &addr, &bIpv6)!=MARSAD_OK ){
    return start_error(pzErr, MARSAD_MISUSE, "the host is not a numeric address or localhost");
  }
  marsad_server *p = 0;
  int rc = server_new(zDbPath, o.nThreads, &p, pzErr);
  if( rc!=MARSAD_OK ) return rc;
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | (bIpv6 ? MHD_USE_IPv6 : 0);
  p->pDaemon = MHD_start_daemon(flags, (uint16_t)o.iPort, 0, 0, on_request, p,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&addr,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o.nThreads,
      MHD_OPTION_CONNECTION_TIMEOUT, o.nTimeout,
      MHD_OPTION_CONNECTION_LIMIT, o.nMaxConn,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, o.nConnMemory,
      MHD_OPTION_URI_LOG_CALLBACK, on_uri, p,
      MHD_OPTION_NOTIFY_COMPLETED, on_done, p,
      MHD_OPTION_END);
  if( p->pDaemon==0 ){
    server_free(p);
    return start_error(pzErr, MARSAD_MISUSE, "cannot listen on that address and port (in use?)");
  }
  const union MHD_DaemonInfo *pInfo = MHD_get_daemon_info(p->pDaemon, MHD_DAEMON_INFO_BIND_PORT);
  p->iPort = pInfo ? pInfo->port : o.iPort;
  p->bLoopback = bIpv6 ? IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6*)&addr)->sin6_addr)
                       : (ntohl(((struct sockaddr_in*)&addr)->sin_addr.s_addr)>>24)==127;
  *ppServer = p;
  return MARSAD_OK;
}

int marsad_server_port(const marsad_server *pServer){
  return pServer ? pServer->iPort : 0;
}

void marsad_server_stop(marsad_server *pServer){
  if( pServer==0 ) return;
  MHD_socket s = MHD_quiesce_daemon(pServer->pDaemon);
  /* Let requests in flight finish: poll the connection count for a while. */
  for(int ms=0; ms<STOP_WAIT_MS; ms+=50){
    const union MHD_DaemonInfo *pInfo =
        MHD_get_daemon_info(pServer->pDaemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    if( pInfo==0 || pInfo->num_connections==0 ) break;
    struct timespec t = {0, 50*1000*1000};
    nanosleep(&t, 0);
  }
  MHD_stop_daemon(pServer->pDaemon);
  if( s!=MHD_INVALID_SOCKET ) close(s);
  server_free(pServer);
}
