/* cmap.c -- colour ramp and scale arithmetic (no SDL). */
#include "cmap.h"

#include <math.h>
#include <stddef.h>

/* Nine reference colours of viridis at t = 0, 1/8, ..., 1; between them
 * the ramp is interpolated linearly in sRGB, which stays within a couple of
 * units of the published ramp. */
cmap_rgb cmap_viridis(double t)
{
    static const unsigned char stops[9][3] = {
        {68, 1, 84},    {71, 45, 123},  {59, 82, 139},  {44, 114, 142}, {33, 145, 140},
        {40, 174, 128}, {94, 201, 98},  {173, 220, 48}, {253, 231, 37},
    };
    if (!(t > 0)) t = 0; /* also NaN */
    if (t > 1) t = 1;
    double x = t * 8.0;
    int i = (int)x;
    if (i >= 8) i = 7;
    double f = x - i;
    cmap_rgb c;
    c.r = (unsigned char)lround(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
    c.g = (unsigned char)lround(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
    c.b = (unsigned char)lround(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
    return c;
}

double scale_nice_ceil(double v)
{
    if (!(v > 0)) return 1;
    double p = pow(10, floor(log10(v)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    for (int i = 0; i < 5; i++)
        if (steps[i] * p >= v * (1 - 1e-9)) return steps[i] * p;
    return 10 * p;
}

void scale_fit(scale *s, const double *values, int n)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) {
        if (isnan(values[i])) continue;
        if (values[i] < lo) lo = values[i];
        if (values[i] > hi) hi = values[i];
    }
    if (lo > hi) lo = 0, hi = 1;
    if (s->kind == SCALE_LOG) {
        s->lo = 0;
        s->hi = hi > 0 ? pow(10, ceil(log10(1 + hi) - 1e-9)) : 10;
    } else if (s->kind == SCALE_SQRT) {
        s->lo = 0;
        s->hi = scale_nice_ceil(hi > 0 ? hi : 1);
    } else {
        /* a narrow spread (prices all near $62/kg) keeps its shape: the
         * domain hugs the data instead of starting at zero */
        double span = hi - lo;
        if (span <= 1e-12 * (fabs(hi) + 1)) {
            span = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
            lo -= span / 2;
            hi += span / 2;
        }
        double step = scale_nice_ceil(span / 4);
        s->lo = floor(lo / step) * step;
        s->hi = ceil(hi / step) * step;
        if (lo >= 0 && s->lo < 0) s->lo = 0;
        if (s->hi <= s->lo) s->hi = s->lo + step;
    }
}

double scale_pos(const scale *s, double v)
{
    double t;
    if (isnan(v)) return 0;
    switch (s->kind) {
    case SCALE_LOG: {
        double a = log10(1 + fmax(v, 0)), b = log10(1 + s->hi);
        t = b > 0 ? a / b : 0;
        break;
    }
    case SCALE_SQRT:
        t = s->hi > 0 ? sqrt(fmax(v, 0) / s->hi) : 0;
        break;
    default:
        t = s->hi > s->lo ? (v - s->lo) / (s->hi - s->lo) : 0;
        break;
    }
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    return t;
}

int scale_axis_ticks(double lo, double hi, int max, double *ticks, double *step)
{
    if (max < 2) max = 2;
    double span = hi - lo;
    if (!(span > 0)) {
        ticks[0] = lo;
        if (step) *step = 1;
        return 1;
    }
    double st = scale_nice_ceil(span / (max - 1));
    double first = ceil(lo / st - 1e-9) * st;
    int n = 0;
    for (double v = first; v <= hi + st * 1e-6 && n < max; v += st)
        ticks[n++] = fabs(v) < st * 1e-9 ? 0 : v;
    if (step) *step = st;
    return n;
}

int scale_ticks(const scale *s, double *ticks, int max)
{
    int n = 0;
    if (max <= 0) return 0;
    if (s->kind == SCALE_LOG) {
        ticks[n++] = 0;
        /* powers of ten, thinned to fit 'max' */
        int top = (int)lround(log10(1 + s->hi));
        int every = 1;
        while (top / every + 1 > max) every++;
        for (int k = every; k <= top && n < max; k += every)
            ticks[n++] = pow(10, k);
        return n;
    }
    if (s->kind == SCALE_SQRT) {
        /* round values (1, 2, 5 times a power of ten) at least a sixth of
         * the ramp apart, so they spread along the square-root ramp */
        ticks[n++] = 0;
        double last_pos = 0;
        double cands[24];
        int nc = 0;
        for (double p = pow(10, floor(log10(s->hi)) - 2); p <= s->hi * 1.0001 && nc < 21; p *= 10) {
            static const double m[3] = {1, 2, 5};
            for (int i = 0; i < 3 && nc < 21; i++)
                if (p * m[i] <= s->hi * 1.0001) cands[nc++] = p * m[i];
        }
        for (int i = 0; i < nc && n < max; i++) {
            double pos = sqrt(cands[i] / s->hi);
            int is_top = fabs(cands[i] - s->hi) < s->hi * 1e-6;
            if (pos - last_pos >= 1.0 / 6 && (is_top || 1 - pos >= 1.0 / 6)) {
                ticks[n++] = cands[i];
                last_pos = pos;
            }
        }
        if (n < max && fabs(ticks[n - 1] - s->hi) > s->hi * 1e-6) ticks[n++] = s->hi;
        return n;
    }
    return scale_axis_ticks(s->lo, s->hi, max, ticks, NULL);
}
