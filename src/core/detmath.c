/* detmath.c -- the core's own sine, cosine, arctangent, exponential and
 * logarithm, which give the same bits on every machine.
 *
 * The C library's versions differ in their last bits between libraries
 * (glibc, macOS, musl), versions and architectures, and a compiler may fuse
 * a multiply and an add into one instruction where the hardware has it
 * (x86-64 with -march=native, every ARM64): the same seed then made another
 * game on another machine. These functions use only additions,
 * multiplications, divisions and square roots, which IEEE 754 rounds
 * exactly the same everywhere, in a fixed order (the build turns
 * floating-point contraction off for every compiler: CMakeLists.txt), so
 * their results are a function of their arguments alone. They are accurate
 * to a few units in the last place, not correctly rounded: what matters
 * here is that they are the same everywhere.
 *
 * Each reduces its argument to a small interval with constants split so
 * that the products are exact (Cody and Waite's method), then sums a
 * Taylor series in Horner form, with enough terms that the series' own
 * error is below a unit in the last place. The split constants were worked
 * out with 300-bit arithmetic (mpmath): pi/2 in three parts of 33, 33 and
 * 53 bits, ln 2 in parts of 42 and 53 bits.
 *
 * The world uses cp_sin, cp_cos and cp_atan2 for great-circle distances
 * (world.c); the Lua sandbox gives them to agents as math.sin and the rest
 * (src/script/sandbox_math.c).
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "chokepoint.h"

#if FLT_EVAL_METHOD != 0
#error "doubles must be evaluated as doubles (no x87 extended precision): build for SSE2 or ARM"
#endif

/* pi/2 = PIO2_1 + PIO2_2 + PIO2_3: k * PIO2_1 and k * PIO2_2 are exact for
 * |k| < 2^20 (each part has 33 significant bits) */
static const double PIO2_1 = 1.5707963267341256;     /* 0x3ff921fb54400000 */
static const double PIO2_2 = 6.077100506303966e-11;  /* 0x3dd0b4611a600000 */
static const double PIO2_3 = 2.0222662487959506e-21;
static const double INV_PIO2 = 0.63661977236758138;
static const double PIO2_HI = 1.5707963267948966, PIO2_LO = 6.123233995736766e-17;
static const double PI_HI = 3.1415926535897931, PI_LO = 1.2246467991473532e-16;
static const double PIO6_HI = 0.52359877559829893, PIO6_LO = -5.3604088322554549e-17;
static const double TWO_PI = 6.2831853071795862;
static const double SQRT3 = 1.7320508075688772;
static const double TAN_PI12 = 0.2679491924311227;
/* ln 2 = LN2_HI + LN2_LO: k * LN2_HI is exact for |k| < 2^11 */
static const double LN2_HI = 0.69314718055989033; /* 0x3fe62e42fefa3800 */
static const double LN2_LO = 5.4979230187083712e-14;
static const double INV_LN2 = 1.4426950408889634;
static const double INV_LN10 = 0.43429448190325182;

/* 2^k for -1022 <= k <= 1023, from its bits. */
static double pow2(int k)
{
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* sin and cos of r, |r| <= pi/4 (a little more is harmless): Taylor to
 * r^17 and r^18, whose next terms are below 1e-19 of the result. */
static double sin_kernel(double r)
{
    double z = r * r;
    double p = 1.0 / 355687428096000.0; /* 1/17! */
    p = -1.0 / 1307674368000.0 + z * p; /* -1/15! */
    p = 1.0 / 6227020800.0 + z * p;     /* 1/13! */
    p = -1.0 / 39916800.0 + z * p;      /* -1/11! */
    p = 1.0 / 362880.0 + z * p;         /* 1/9! */
    p = -1.0 / 5040.0 + z * p;          /* -1/7! */
    p = 1.0 / 120.0 + z * p;            /* 1/5! */
    p = -1.0 / 6.0 + z * p;             /* -1/3! */
    return r + r * z * p;
}

static double cos_kernel(double r)
{
    double z = r * r;
    double p = -1.0 / 6402373705728000.0; /* -1/18! */
    p = 1.0 / 20922789888000.0 + z * p;   /* 1/16! */
    p = -1.0 / 87178291200.0 + z * p;     /* -1/14! */
    p = 1.0 / 479001600.0 + z * p;        /* 1/12! */
    p = -1.0 / 3628800.0 + z * p;         /* -1/10! */
    p = 1.0 / 40320.0 + z * p;            /* 1/8! */
    p = -1.0 / 720.0 + z * p;             /* -1/6! */
    p = 1.0 / 24.0 + z * p;               /* 1/4! */
    p = -0.5 + z * p;
    return 1.0 + z * p;
}

/* x = k pi/2 + r, |r| <= pi/4 (about); returns r, k mod 4 in '*quadrant'.
 * Exact reduction up to |x| ~ 1.6e6; beyond, x is first brought into one
 * turn with fmod (exact), which loses accuracy (the double nearest 2 pi is
 * not 2 pi) but stays the same on every machine. */
static double reduce(double x, int *quadrant)
{
    if (fabs(x) > 1.6e6)
        x = fmod(x, TWO_PI);
    double kf = x * INV_PIO2;
    kf = kf >= 0 ? floor(kf + 0.5) : -floor(-kf + 0.5);
    long k = (long)kf;
    double r = ((x - kf * PIO2_1) - kf * PIO2_2) - kf * PIO2_3;
    *quadrant = (int)(k & 3);
    return r;
}

double cp_sin(double x)
{
    if (!isfinite(x))
        return x - x; /* NaN */
    if (fabs(x) < 1e-300)
        return x; /* and -0.0 stays -0.0 */
    int q;
    double r = reduce(x, &q);
    switch (q) {
    case 0:
        return sin_kernel(r);
    case 1:
        return cos_kernel(r);
    case 2:
        return -sin_kernel(r);
    default:
        return -cos_kernel(r);
    }
}

double cp_cos(double x)
{
    if (!isfinite(x))
        return x - x;
    int q;
    double r = reduce(x, &q);
    switch (q) {
    case 0:
        return cos_kernel(r);
    case 1:
        return -sin_kernel(r);
    case 2:
        return -cos_kernel(r);
    default:
        return sin_kernel(r);
    }
}

double cp_tan(double x)
{
    if (!isfinite(x))
        return x - x;
    if (fabs(x) < 1e-300)
        return x;
    int q;
    double r = reduce(x, &q);
    double s = sin_kernel(r), c = cos_kernel(r);
    return (q & 1) ? -c / s : s / c;
}

/* atan t for 0 <= t <= tan(pi/12) ~ 0.268: Taylor to t^33 (t^2 <= 0.072,
 * so the next term is below 1e-19 of the result). */
static double atan_kernel(double t)
{
    double z = t * t;
    double p = 1.0 / 33.0;
    for (int n = 31; n >= 3; n -= 2)
        p = ((n % 4 == 1) ? 1.0 : -1.0) / n + z * p;
    return t + t * z * p;
}

/* atan a for a >= 0. */
static double atan_positive(double a)
{
    if (a > 1.0) /* atan a = pi/2 - atan(1/a) */
        return PIO2_HI - (atan_positive(1.0 / a) - PIO2_LO);
    if (a > TAN_PI12) /* atan a = pi/6 + atan((a sqrt3 - 1) / (a + sqrt3)) */
        return PIO6_HI + (atan_kernel((a * SQRT3 - 1.0) / (a + SQRT3)) + PIO6_LO);
    return atan_kernel(a);
}

double cp_atan(double x)
{
    if (isnan(x))
        return x;
    if (isinf(x))
        return x > 0 ? PIO2_HI : -PIO2_HI;
    if (fabs(x) < 1e-300)
        return x;
    return x > 0 ? atan_positive(x) : -atan_positive(-x);
}

double cp_atan2(double y, double x)
{
    if (isnan(x) || isnan(y))
        return x + y;
    int neg_y = signbit(y) != 0;
    double a;
    if (y == 0) {
        /* atan2(+-0, x): +-0 for x > 0 or +0, +-pi for x < 0 or -0 */
        a = signbit(x) ? PI_HI : 0.0;
    } else if (x == 0) {
        a = PIO2_HI;
    } else if (isinf(x) && isinf(y)) {
        a = x > 0 ? PIO2_HI / 2 : 3 * (PIO2_HI / 2);
    } else if (isinf(x)) {
        a = x > 0 ? 0.0 : PI_HI;
    } else if (isinf(y)) {
        a = PIO2_HI;
    } else {
        double t = atan_positive(fabs(y / x)); /* the angle from the x axis */
        a = x > 0 ? t : PI_HI - (t - PI_LO);
    }
    return neg_y ? -a : a;
}

double cp_asin(double x)
{
    if (isnan(x) || fabs(x) > 1)
        return (x - x) / (x - x); /* NaN */
    return cp_atan2(x, sqrt((1.0 - x) * (1.0 + x)));
}

double cp_acos(double x)
{
    if (isnan(x) || fabs(x) > 1)
        return (x - x) / (x - x);
    return cp_atan2(sqrt((1.0 - x) * (1.0 + x)), x);
}

double cp_exp(double x)
{
    if (isnan(x))
        return x;
    if (x > 709.782712893384) /* ln of the largest double */
        return HUGE_VAL;
    if (x < -745.2) /* below half the smallest denormal */
        return 0.0;
    /* x = k ln2 + r, |r| <= ln2/2; e^r by Taylor to r^13 (next term below
     * 4e-18), then times 2^k */
    double kf = x * INV_LN2;
    kf = kf >= 0 ? floor(kf + 0.5) : -floor(-kf + 0.5);
    int k = (int)kf;
    double r = (x - kf * LN2_HI) - kf * LN2_LO;
    double p = 1.0 / 6227020800.0; /* 1/13! */
    static const double inv_fact[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                                      1.0 / 362880.0,    1.0 / 40320.0,    1.0 / 5040.0,
                                      1.0 / 720.0,       1.0 / 120.0,      1.0 / 24.0,
                                      1.0 / 6.0,         0.5,              1.0,
                                      1.0};
    for (size_t i = 0; i < sizeof inv_fact / sizeof inv_fact[0]; i++)
        p = inv_fact[i] + r * p;
    if (k > 1023)
        return p * pow2(1023) * 2.0;
    if (k < -1021) /* a denormal result: scale in two steps, rounding once at the end */
        return p * pow2(k + 1000) * pow2(-1000);
    return p * pow2(k);
}

/* log m for m in [sqrt(1/2), sqrt 2): s = (m-1)/(m+1), log m = 2 atanh s,
 * by its series to s^23 (s^2 <= 0.03, the next term below 1e-18). */
static double log_kernel(double m)
{
    double f = m - 1.0;
    double s = f / (2.0 + f);
    double z = s * s;
    double p = 1.0 / 23.0;
    for (int n = 21; n >= 3; n -= 2)
        p = 1.0 / n + z * p;
    return 2.0 * s + 2.0 * s * z * p;
}

/* x = m 2^k, m in [sqrt(1/2), sqrt 2), for a positive finite x. */
static void split_log(double x, double *m, int *k)
{
    int e = 0;
    if (x < 2.2250738585072014e-308) { /* a denormal: make it normal first */
        x *= 18014398509481984.0;      /* 2^54 */
        e = -54;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    e += (int)((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double f;
    memcpy(&f, &bits, sizeof f);
    if (f > 1.4142135623730951) {
        f *= 0.5;
        e++;
    }
    *m = f;
    *k = e;
}

double cp_log(double x)
{
    if (isnan(x) || x < 0)
        return (x - x) / (x - x);
    if (x == 0)
        return -HUGE_VAL;
    if (isinf(x))
        return x;
    double m;
    int k;
    split_log(x, &m, &k);
    return k * LN2_HI + (log_kernel(m) + k * LN2_LO);
}

double cp_log2(double x)
{
    if (isnan(x) || x < 0 || x == 0 || isinf(x))
        return cp_log(x);
    double m;
    int k;
    split_log(x, &m, &k);
    return k + log_kernel(m) * INV_LN2; /* exact for powers of two */
}

double cp_log10(double x)
{
    return cp_log(x) * INV_LN10;
}
