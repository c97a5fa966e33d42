/*
** module.c: the modules that take part in every handle and ingestion, in
** the order they run (see module.h).
*/
#include <stddef.h>
#include "module.h"

const marsad_module *const marsad_modules[] = {
  NULL
};
const int marsad_nmodules = 0;
