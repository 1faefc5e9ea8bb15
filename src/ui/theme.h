/* theme.h -- the window's palette and type sizes: a dark, calm scheme that projects well. */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <SDL.h>

#define RGBA(r, g, b, a) ((SDL_Color){(r), (g), (b), (a)})

/* surfaces, darkest to lightest */
#define COL_OCEAN RGBA(13, 22, 33, 255)
#define COL_OCEAN_GRID RGBA(24, 36, 51, 255)
#define COL_BAR RGBA(9, 14, 21, 255)
#define COL_PANEL RGBA(20, 29, 41, 244)
#define COL_PANEL_SOLID RGBA(20, 29, 41, 255)
#define COL_PANEL_RAISED RGBA(30, 42, 58, 255)
#define COL_PANEL_HOVER RGBA(38, 53, 72, 255)
#define COL_BORDER RGBA(44, 60, 80, 255)
#define COL_SHADOW RGBA(0, 0, 0, 70)

/* text */
#define COL_TEXT RGBA(230, 237, 243, 255)
#define COL_TEXT_DIM RGBA(160, 176, 194, 255)
#define COL_TEXT_MUTED RGBA(112, 128, 148, 255)
#define COL_TEXT_ON_ACCENT RGBA(8, 14, 22, 255)

/* accents and states */
#define COL_ACCENT RGBA(86, 180, 233, 255)   /* Okabe-Ito sky blue */
#define COL_ACCENT_HOVER RGBA(126, 202, 245, 255)
#define COL_SELECT RGBA(255, 255, 255, 255)
#define COL_GOOD RGBA(0, 158, 115, 255)      /* Okabe-Ito bluish green */
#define COL_WARN RGBA(230, 159, 0, 255)      /* Okabe-Ito orange: licensed */
#define COL_BAD RGBA(228, 87, 76, 255)       /* banned, shortages */

/* the map */
#define COL_LAND_NEUTRAL RGBA(46, 55, 66, 255)  /* countries outside the scenario */
#define COL_LAND_NODATA RGBA(84, 92, 104, 255)  /* a nation the metric says nothing about */
#define COL_BORDER_LINE RGBA(13, 22, 33, 255)
#define COL_FLOW_OPEN RGBA(220, 236, 250, 200)

/* The neutral inks a chart is drawn with: the window's dark scheme, or the
 * debrief pack's print scheme (white paper, dark ink) for A4 and for
 * black-and-white printers. Data colours (Okabe-Ito, palette.h) are the same
 * in both. ui_app.ink picks one; NULL is the window's (app_ink). */
typedef struct {
    SDL_Color page, card, border, grid;   /* surfaces and rules */
    SDL_Color text, text_dim, text_muted; /* ink, strongest to faintest */
} ui_ink;
extern const ui_ink ui_ink_window, ui_ink_print;

/* type sizes in points at 1x scale */
enum { PT_SMALL = 12, PT_BODY = 14, PT_HEAD = 16, PT_TITLE = 20 };

#endif
