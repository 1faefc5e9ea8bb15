/* chunk_cache.h -- load an agent's source through a per-process cache of
 * compiled chunks (see chunk_cache.c). */
#ifndef CPS_CHUNK_CACHE_H
#define CPS_CHUNK_CACHE_H

#include <stddef.h>

#include "sandbox.h"

/* Like cps_sandbox_load_buffer (text only, the function left on the stack,
 * errors naming 'display' and the line), but the same text under the same
 * name is compiled only once per process. Thread-safe. */
int cps_chunk_load(cps_sandbox *sb, const char *text, size_t len, const char *display, char *err,
                   size_t errlen);

#endif
