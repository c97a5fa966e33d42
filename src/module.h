/*
** module.h: the analysis and indexing modules that take part in every
** database handle and every ingestion (search index, entities, facts,
** stories), as a table of function pointers. module.c lists them in the
** order they run: a later module may read what an earlier one found.
*/
#ifndef MARSAD_MODULE_H
#define MARSAD_MODULE_H
#include "db.h"
#include "analysis.h"

typedef struct marsad_module {
  const char *zName;
  /* On every open handle: register SQL functions and tokenizers, create the
  ** module's state in *ppState. May be NULL. */
  int (*xOpen)(marsad_db *pDb, void **ppState);
  /* Frees the state. Must accept NULL. May be NULL. */
  void (*xClose)(void *pState);
  /* For each newly stored article, inside the ingest transaction: analyse
  ** and store. May be NULL. */
  int (*xArticle)(marsad_db *pDb, void *pState, marsad_analysis *pA);
  /* Before each ingest batch commits. May be NULL. */
  int (*xFlush)(marsad_db *pDb, void *pState);
  /* After an ingest batch rolled back: forget what the module kept of it
  ** (rows it waited to store, what it learned from them). May be NULL. */
  void (*xRollback)(marsad_db *pDb, void *pState);
} marsad_module;

/* The modules, in the order they run; marsad_nmodules of them. */
extern const marsad_module *const marsad_modules[];
extern const int marsad_nmodules;

/* The state of the module named zName on pDb, or NULL. */
void *marsad_module_state(marsad_db *pDb, const char *zName);

#endif
