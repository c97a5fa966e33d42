/*
** webfiles.h: the static files of the web page (web/), embedded into the
** library at build time by tools/gen_web.py as the table below.
*/
#ifndef MARSAD_WEBFILES_H
#define MARSAD_WEBFILES_H
#include <stddef.h>

typedef struct marsad_web_file {
  const char *zPath;          /* URL path, e.g. "/app.js" */
  const char *zType;          /* Content-Type */
  const unsigned char *a;     /* the bytes */
  size_t n;                   /* number of bytes */
  const char *zEtag;          /* strong ETag, quoted, from the content's hash */
} marsad_web_file;

/* The files, marsad_web_nfiles of them; "/" is served as "/index.html". */
extern const marsad_web_file marsad_web_files[];
extern const int marsad_web_nfiles;

#endif
