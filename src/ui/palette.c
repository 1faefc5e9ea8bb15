/* palette.c -- the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design") put to use. */
#include "palette.h"

#include "theme.h"

static const SDL_Color okabe_ito[7] = {
    {230, 159, 0, 255},   /* orange */
    {86, 180, 233, 255},  /* sky blue */
    {0, 158, 115, 255},   /* bluish green */
    {240, 228, 66, 255},  /* yellow */
    {0, 114, 178, 255},   /* blue */
    {213, 94, 0, 255},    /* vermillion */
    {204, 121, 167, 255}, /* reddish purple */
};

SDL_Color palette_stage(cp_stage s)
{
    switch (s) {
    case CP_STAGE_ANNOUNCED: return (SDL_Color){150, 160, 175, 255};
    case CP_STAGE_PERMITTING: return okabe_ito[6];
    case CP_STAGE_CONSTRUCTION: return okabe_ito[0];
    case CP_STAGE_RAMP_UP: return okabe_ito[3];
    case CP_STAGE_OPERATING: return okabe_ito[2];
    case CP_STAGE_IDLED: return (SDL_Color){96, 106, 120, 255};
    case CP_STAGE_CLOSED: return (SDL_Color){213, 94, 0, 255};
    default: return (SDL_Color){128, 128, 128, 255};
    }
}

SDL_Color palette_series(int i)
{
    if (i < 0) i = 0;
    SDL_Color c = okabe_ito[i % 7];
    if (i >= 7) { /* a second round, lighter */
        c.r = (Uint8)(c.r + (255 - c.r) / 2);
        c.g = (Uint8)(c.g + (255 - c.g) / 2);
        c.b = (Uint8)(c.b + (255 - c.b) / 2);
    }
    return c;
}

SDL_Color palette_sector(cp_sector s)
{
    static const int pick[CP_SECTOR_COUNT] = {1, 2, 6, 5, 0};
    return okabe_ito[pick[(unsigned)s < CP_SECTOR_COUNT ? s : 0]];
}

SDL_Color palette_other(void)
{
    return (SDL_Color){120, 130, 145, 255};
}

/* The window's inks are theme.h's dark scheme (COL_OCEAN, COL_PANEL_SOLID,
 * COL_BORDER, COL_OCEAN_GRID, COL_TEXT, _DIM, _MUTED, spelt out as constants); the print inks keep every
 * text at least 7:1 against white (WCAG AAA), and the rules light enough to
 * stay behind the data on paper. */
const ui_ink ui_ink_window = {{13, 22, 33, 255},    {20, 29, 41, 255},    {44, 60, 80, 255}, {24, 36, 51, 255},
                              {230, 237, 243, 255}, {160, 176, 194, 255}, {112, 128, 148, 255}};
const ui_ink ui_ink_print = {{255, 255, 255, 255}, {255, 255, 255, 255}, {120, 120, 120, 255}, {214, 214, 214, 255},
                             {17, 17, 17, 255}, {40, 40, 40, 255}, {70, 70, 70, 255}};
