/* chart.h -- chart building blocks: a titled card, axes by quarter, lines, stacked columns, markers. */
#ifndef UI_CHART_H
#define UI_CHART_H

#include <SDL.h>
#include <stddef.h>

#include "app.h"

/* Data x is in turns: turn t's value sits at the middle of [t, t+1). */
typedef struct {
    SDL_Rect plot;
    double x0, x1; /* turns */
    double y0, y1;
} chart_axes;

typedef char *(*chart_fmt)(char *buf, size_t len, double v);

float chart_x(const chart_axes *ax, double turn);
float chart_y(const chart_axes *ax, double v);
/* The turn under pixel column 'x_px', or -1 outside the plot. */
int chart_turn_at(const chart_axes *ax, int x_px);

/* Draw a card with 'title' and 'subtitle' over 'rc'; returns the area
 * left for the plot and its axes. */
SDL_Rect chart_card(ui_app *a, SDL_Rect rc, const char *title, const char *subtitle);
/* The plot rectangle inside a card's area, leaving room for y labels on
 * the left and year labels below. */
SDL_Rect chart_plot_rect(ui_app *a, SDL_Rect area);
/* Horizontal grid lines with value labels (about five), year labels on
 * the x axis, and a "now" line at turn 'now'. */
void chart_axes_draw(ui_app *a, const chart_axes *ax, chart_fmt yfmt, int now);
/* A line through 'n' values, values[i] at turn i (NaN breaks the line). */
void chart_line(ui_app *a, const chart_axes *ax, const double *values, int n, SDL_Color c, float width_px);
/* One stacked column at 'turn': 'k' segments from the bottom up. */
void chart_column(ui_app *a, const chart_axes *ax, int turn, const double *parts, const SDL_Color *colours, int k);
/* A small legend entry at ('x', 'y'); returns its width. */
int chart_key(ui_app *a, int x, int y, SDL_Color c, const char *label, int as_line);

/* A row of keys across 'area' that wraps onto more lines; returns the height used. */
int chart_keys(ui_app *a, SDL_Rect area, const char *const *labels, const SDL_Color *colours, int n, int as_line);

#endif
