/* fastmath.c -- see fastmath.h. */
#include "fastmath.h"

#include <stdint.h>
#include <string.h>

static const double LN2 = 0.693147180559945309417232121458;
static const double SQRT2 = 1.41421356237309504880168872421;

/* x = m 2^k with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(t), t = (m-1)/(m+1),
 * |t| < 0.172, so five odd terms of the series leave an error below 1e-9. */
double fm_log(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int k = (int)((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    memcpy(&m, &bits, sizeof m);
    if (m > SQRT2) {
        m *= 0.5;
        k++;
    }
    double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    double s = t * (2.0 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9 + t2 * (2.0 / 11))))));
    return k * LN2 + s;
}

/* x = k ln2 + r with |r| <= ln2/2; e^r by its Taylor series to r^9 (error
 * below 1e-10), then scaled by 2^k through the exponent bits. */
double fm_exp(double x)
{
    if (x > 700)
        x = 700;
    if (x < -700)
        x = -700;
    double kf = x / LN2;
    int k = (int)(kf < 0 ? kf - 0.5 : kf + 0.5);
    double r = x - k * LN2;
    double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 +
               r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880)))))))));
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

double fm_pow(double x, double y)
{
    return fm_exp(y * fm_log(x));
}
