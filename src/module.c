/*
** module.c: the modules that take part in every handle and ingestion, in
** the order they run (see module.h).
*/
#include <stddef.h>
#include "entity.h"
#include "module.h"
#include "search.h"
#include "cluster.h"
#include "facts.h"

const marsad_module *const marsad_modules[] = {
  &marsad_search_module,
  &marsad_module_entities,
  &marsad_module_facts,
  &marsad_module_stories,
  NULL
};
const int marsad_nmodules = 4;
