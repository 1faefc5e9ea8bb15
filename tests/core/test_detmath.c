/* test_detmath.c -- the core's own math functions (detmath.c): close to the
 * C library's (a few units in the last place), right at the edges (zeros,
 * infinities, NaN, denormals, huge arguments), and giving exactly the bits
 * recorded below, which are what makes them the same on every machine: a
 * build with another compiler, on another architecture or with fused
 * multiply-add turned on, that computed any of them differently fails here
 * (test.sh builds the game with clang -march=native and compares every
 * scenario's hash; this pins the functions themselves). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "chokepoint.h"

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* Units in the last place between 'got' and the reference 'want'. */
static double ulps(double got, double want)
{
    if (got == want)
        return 0;
    if (!isfinite(got) || !isfinite(want))
        return 1e300;
    double ulp = fabs(want) > DBL_MIN ? nextafter(fabs(want), INFINITY) - fabs(want) : DBL_MIN;
    return fabs(got - want) / ulp;
}

static unsigned long long state = 0x243f6a8885a308d3ULL;
static double uniform(double lo, double hi)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return lo + (hi - lo) * (double)(state >> 11) / 9007199254740992.0;
}

typedef struct {
    const char *name;
    double (*ours)(double);
    double (*libm)(double);
    double lo, hi;
    double max_ulps;
} one_arg;

static double atan2_yx(double t) { return cp_atan2(sin(t), cos(t)); }
static double libm_atan2_yx(double t) { return atan2(sin(t), cos(t)); }

static void test_close_to_libm(void)
{
    const one_arg fs[] = {
        {"sin", cp_sin, sin, -10, 10, 2},           {"sin (large)", cp_sin, sin, -1e6, 1e6, 2},
        {"cos", cp_cos, cos, -10, 10, 2},           {"cos (large)", cp_cos, cos, -1e6, 1e6, 2},
        {"tan", cp_tan, tan, -1.5, 1.5, 4},         {"asin", cp_asin, asin, -1, 1, 4},
        {"acos", cp_acos, acos, -1, 1, 4},          {"atan", cp_atan, atan, -20, 20, 2},
        {"atan (large)", cp_atan, atan, -1e12, 1e12, 2},
        {"atan2", atan2_yx, libm_atan2_yx, -3.1, 3.1, 3},
        {"exp", cp_exp, exp, -700, 700, 2},         {"exp (small)", cp_exp, exp, -1, 1, 2},
        {"log", cp_log, log, 1e-300, 1e300, 2},     {"log (near 1)", cp_log, log, 0.5, 2, 2},
        {"log2", cp_log2, log2, 1e-10, 1e10, 3},    {"log10", cp_log10, log10, 1e-10, 1e10, 3},
    };
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) {
        double worst = 0, at = 0;
        for (int k = 0; k < 100000; k++) {
            double x = uniform(fs[i].lo, fs[i].hi);
            if (strncmp(fs[i].name, "log", 3) == 0 && fs[i].hi > 100) /* log-uniform */
                x = exp(uniform(log(fs[i].lo), log(fs[i].hi)));
            double want = fs[i].libm(x), got = fs[i].ours(x);
            double u = ulps(got, want);
            /* near a zero of the function, compare absolutely */
            if (fabs(want) < 1e-8)
                u = fabs(got - want) / 2.2e-16;
            if (u > worst) {
                worst = u;
                at = x;
            }
        }
        printf("    %-13s worst %.2f ulp (at %.17g)\n", fs[i].name, worst, at);
        CHECK(worst <= fs[i].max_ulps, "%s: %.2f ulp from the C library at %.17g", fs[i].name,
              worst, at);
    }
}

static void test_edges(void)
{
    CHECK(isnan(cp_sin(INFINITY)) && isnan(cp_cos(-INFINITY)) && isnan(cp_sin(NAN)), "sin, cos");
    CHECK(cp_sin(0.0) == 0 && signbit(cp_sin(-0.0)) && cp_cos(0.0) == 1, "sin and cos of zero");
    CHECK(cp_atan(INFINITY) == cp_atan2(1, 0) && cp_atan(-INFINITY) == -cp_atan(INFINITY),
          "atan of infinities");
    CHECK(cp_atan2(0.0, 1) == 0 && signbit(cp_atan2(-0.0, 1)), "atan2(+-0, x > 0)");
    CHECK(cp_atan2(0.0, -1) == 3.1415926535897931 && cp_atan2(-0.0, -0.0) == -3.1415926535897931,
          "atan2(+-0, x < 0)");
    CHECK(cp_atan2(1, 0) == 1.5707963267948966 && cp_atan2(-5, 0) == -1.5707963267948966,
          "atan2(y, 0)");
    CHECK(fabs(cp_atan2(INFINITY, INFINITY) - 0.7853981633974483) < 1e-16 &&
              fabs(cp_atan2(-INFINITY, -INFINITY) + 2.356194490192345) < 1e-15,
          "atan2 of infinities");
    CHECK(isnan(cp_asin(1.5)) && isnan(cp_acos(-1.0000001)) && cp_asin(1) == 1.5707963267948966,
          "asin, acos outside -1..1");
    CHECK(cp_exp(0) == 1 && cp_exp(1000) == INFINITY && cp_exp(-1000) == 0 && isnan(cp_exp(NAN)),
          "exp at the ends");
    CHECK(cp_exp(-740) > 0 && cp_exp(-740) < DBL_MIN, "exp into the denormals: %g", cp_exp(-740));
    CHECK(ulps(cp_exp(709.7), exp(709.7)) <= 2, "exp near the largest double");
    CHECK(cp_log(1) == 0 && cp_log(0) == -INFINITY && isnan(cp_log(-1)) &&
              cp_log(INFINITY) == INFINITY, "log at the ends");
    CHECK(ulps(cp_log(4.9e-324), log(4.9e-324)) <= 2, "log of the smallest denormal");
    for (int k = -1074; k <= 1023; k += 7)
        CHECK(cp_log2(ldexp(1.0, k)) == k, "log2(2^%d) is exact", k);
}

/* The bits this implementation gives, recorded once (x86-64, GCC): every
 * machine and compiler must give the same. */
static void test_same_bits_everywhere(void)
{
    struct {
        const char *what;
        double got;
        uint64_t want;
    } pins[] = {
        {"sin(0.5)", cp_sin(0.5), 0x3fdeaee8744b05f0ULL},
        {"sin(1e5)", cp_sin(1e5), 0x3fa24daa9c527e96ULL},
        {"cos(2.5)", cp_cos(2.5), 0xbfe9a2f7ef858b7dULL},
        {"cos(1e7)", cp_cos(1e7), 0xbfed085be7bf7ca3ULL},
        {"tan(1.2)", cp_tan(1.2), 0x400493c43acb164cULL},
        {"atan(0.3)", cp_atan(0.3), 0x3fd2a73a661eaf04ULL},
        {"atan2(0.7, -0.2)", cp_atan2(0.7, -0.2), 0x3ffd95e5ac22d08cULL},
        {"asin(0.25)", cp_asin(0.25), 0x3fd02be9ce0b87cdULL},
        {"acos(-0.6)", cp_acos(-0.6), 0x4001b6e192ebbe44ULL},
        {"exp(1)", cp_exp(1), 0x4005bf0a8b14576aULL},
        {"exp(-3.7)", cp_exp(-3.7), 0x3f99511fc6871044ULL},
        {"exp(300.1)", cp_exp(300.1), 0x5afef839024b01d6ULL},
        {"log(10)", cp_log(10), 0x40026bb1bbb55516ULL},
        {"log(1e-200)", cp_log(1e-200), 0xc07cc845b54b54f2ULL},
        {"log2(3)", cp_log2(3), 0x3ff95c01a39fbd69ULL},
        {"log10(2)", cp_log10(2), 0x3fd34413509f79ffULL},
    };
    for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++) {
        CHECK(bits_of(pins[i].got) == pins[i].want, "%s is %.17g (0x%016llx), recorded 0x%016llx",
              pins[i].what, pins[i].got, (unsigned long long)bits_of(pins[i].got),
              (unsigned long long)pins[i].want);
    }
}

int main(void)
{
    RUN(test_close_to_libm);
    RUN(test_edges);
    RUN(test_same_bits_everywhere);
    return DONE();
}
