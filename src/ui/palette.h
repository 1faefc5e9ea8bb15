/* palette.h -- colours that carry meaning: facility stages, chart series, sectors (Okabe-Ito based). */
#ifndef UI_PALETTE_H
#define UI_PALETTE_H

#include <SDL.h>

#include "chokepoint.h"

/* A facility stage: the colours of the capacity timeline and stage pills. */
SDL_Color palette_stage(cp_stage s);
/* The i-th colour of a qualitative series (Okabe-Ito, colour-blind safe),
 * for stacked charts by nation; beyond 7 it cycles with lighter tints. */
SDL_Color palette_series(int i);
/* A sector's colour in the shortage chart. */
SDL_Color palette_sector(cp_sector s);
/* Grey for "others". */
SDL_Color palette_other(void);

#endif
