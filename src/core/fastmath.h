/* fastmath.h -- exp, log and pow for the market solver's inner loops.
 *
 * The solver raises prices to non-integer powers thousands of times a
 * quarter; libm's correctly rounded pow was a third of a turn's time. These
 * keep about nine significant digits, ample for prices, and are plain
 * arithmetic, so the same binary gives the same results on every run.
 *
 * They are defined here, inline, so that a loop of independent calls (every
 * buyer's price index, every seller's price step) compiles into straight
 * code whose long chains of dependent arithmetic the CPU can overlap.
 * Changing an operation below changes every game's numbers, and so the
 * hashes that saved replays check.
 */
#ifndef CP_FASTMATH_H
#define CP_FASTMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static const double FM_LN2 = 0.693147180559945309417232121458;
static const double FM_INV_LN2 = 1.44269504088896340735992468100;
static const double FM_SQRT2 = 1.41421356237309504880168872421;

/* x = m 2^k with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(t), t = (m-1)/(m+1),
 * |t| < 0.172, so five odd terms of the series leave an error below 1e-9. */
static inline double fm_log(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int k = (int)((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    memcpy(&m, &bits, sizeof m);
    /* if m > sqrt 2, halve it and count one more power of two: done with
     * integer arithmetic, as a branch here is a coin toss the CPU keeps
     * guessing wrong (m * 1.0 and m * 0.5 are exact either way) */
    int up = m > FM_SQRT2;
    uint64_t half = 0x3ff0000000000000ULL - ((uint64_t)up << 52);
    double f;
    memcpy(&f, &half, sizeof f);
    m *= f;
    k += up;
    double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    double s = t * (2.0 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9 + t2 * (2.0 / 11))))));
    return k * FM_LN2 + s;
}

/* x = k ln2 + r with |r| <= ln2/2; e^r by its Taylor series to r^9 (error
 * below 1e-10), then scaled by 2^k through the exponent bits. */
static inline double fm_exp(double x)
{
    if (x > 700)
        x = 700;
    if (x < -700)
        x = -700;
    /* k = x / ln 2 rounded half away from zero. Multiplying by 1 / ln 2
     * gives the same k, much sooner, unless the quotient lies within a hair
     * of a half; only then is the division done. */
    double kf = x * FM_INV_LN2;
    int k = (int)(kf + copysign(0.5, kf));
    if (fabs(fabs(kf - k) - 0.5) < 1e-9) {
        kf = x / FM_LN2;
        k = (int)(kf + copysign(0.5, kf));
    }
    double r = x - k * FM_LN2;
    double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 +
               r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880)))))))));
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

static inline double fm_pow(double x, double y)
{
    return fm_exp(y * fm_log(x));
}

#endif
