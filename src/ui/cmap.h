/* cmap.h -- the map's colour scale: a viridis-like ramp and the value-to-position mapping. */
#ifndef UI_CMAP_H
#define UI_CMAP_H

typedef struct {
    unsigned char r, g, b;
} cmap_rgb;

/* The viridis ramp (van der Walt & Smith, matplotlib 2015): sequential,
 * perceptually uniform, readable with the common colour-vision deficiencies
 * and in greyscale. 't' in 0..1 (clamped), dark purple to yellow. */
cmap_rgb cmap_viridis(double t);

typedef enum {
    SCALE_LINEAR = 0,
    SCALE_SQRT,  /* shares where one nation dwarfs the rest */
    SCALE_LOG    /* tonnes across orders of magnitude: log10(1 + v) */
} scale_kind;

typedef struct {
    scale_kind kind;
    double lo, hi; /* the domain; lo < hi after scale_fit */
} scale;

/* Fit the domain to 'n' values (NaNs skipped): log and sqrt scales start
 * at 0, linear ones at the minimum; the top is rounded up to a nice number
 * so the legend's ticks land on round values. */
void scale_fit(scale *s, const double *values, int n);

/* Position of 'v' along the scale, 0..1 (clamped). */
double scale_pos(const scale *s, double v);

/* Up to 'max' round tick values inside the domain, in increasing order;
 * returns how many. */
int scale_ticks(const scale *s, double *ticks, int max);

/* A "nice" number at or above 'v' (1, 2, 2.5, 5 times a power of ten). */
double scale_nice_ceil(double v);

/* Nice ticks from 'lo' to 'hi' for chart axes, 'max' at most; returns the
 * count and the step in '*step'. */
int scale_axis_ticks(double lo, double hi, int max, double *ticks, double *step);

#endif
