/* test_numtext.c -- a property test of numtext (src/base/numtext.c) and the
 * fast path of bytes_printf against the C library's snprintf, which it must
 * match byte for byte: the CSV files a game and a sweep write are compared
 * between builds (scripts/dev/same-numbers.sh) and must not change.
 *
 * Millions of seeded doubles: every bit pattern (denormals, infinities,
 * NaNs), the sizes the game's numbers have, exact ties at every number of
 * decimals (k / 2^j), the doubles on either side of the decimal ties
 * (0.0005 and its neighbours), negative zero and small negatives that round
 * to "-0.000", the 1e9 edge where numtext hands over to snprintf, 1e15 and
 * beyond. The seed is fixed, so a failure names an input that repeats. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "check.h"
#include "numtext.h"
#include "xoshiro.h"

static long compared, differing;

/* A generator seeded from one number through splitmix64 (never all zero). */
static void xo_seed(xo_state *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = xo_splitmix(&seed);
}

/* Compare numtext_fixed(v, d) with snprintf("%.*f"); report the first few
 * differences by their bits. */
static void compare(double v, int d)
{
    char want[NUMTEXT_MAX + 16], got[NUMTEXT_MAX];
    int wn = snprintf(want, sizeof want, "%.*f", d, v);
    size_t gn = numtext_fixed(got, v, d);
    compared++;
    if (wn < 0 || (size_t)wn != gn || strcmp(want, got) != 0) {
        if (differing++ < 10) {
            uint64_t bits;
            memcpy(&bits, &v, sizeof bits);
            fprintf(stderr, "%%.%df of %.17g (bits %016llx): '%s', snprintf '%s'\n", d, v,
                    (unsigned long long)bits, got, want);
        }
    }
}

/* Each decimals count the CSV writers use (and the rest up to 9). */
static void compare_all(double v)
{
    for (int d = 0; d <= 9; d++)
        compare(v, d);
}

static double from_bits(uint64_t bits)
{
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* The edges named in the file's comment, each with its neighbours. */
static void test_edges(void)
{
    static const double edge[] = {0.0,     -0.0,    0.5,      1.5,     2.5,    0.125,
                                  0.0625,  0.0005,  -0.0005,  0.00049, 1e-4,   -1e-4,
                                  0.9995,  9.9995,  999.9995, 1e9,     -1e9,   999999999.9999995,
                                  1e15,    1e15 + 0.5, 1e16,  1e22,    1e300,  -1e300,
                                  5e-324,  -5e-324, 2.2250738585072014e-308, 1.0 / 3,
                                  4503599627370496.5, 0.1,  0.7,      123.456};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        compare_all(edge[i]);
        compare_all(nextafter(edge[i], INFINITY));
        compare_all(nextafter(edge[i], -INFINITY));
    }
    compare_all(INFINITY);
    compare_all(-INFINITY);
    compare_all(NAN);
    compare_all(-NAN);
    CHECK(differing == 0, "%ld of %ld edge cases differ from snprintf", differing, compared);
}

/* 200,000 seeded doubles of five kinds, each at every decimals count. */
static void test_random(void)
{
    xo_state r;
    xo_seed(&r, 20);
    long before = differing;
    for (int i = 0; i < 200000; i++) {
        uint64_t u = xo_next(&r);
        double v;
        switch (i % 5) {
        case 0: /* any bit pattern: every exponent, denormals, inf, NaN */
            v = from_bits(u);
            break;
        case 1: /* the game's sizes: 1e-6 .. 1e10, either sign */
            v = (xo_unit(&r) - 0.5) * pow(10.0, (double)(int)(u % 17) - 6);
            break;
        case 2: /* exact binary ties k / 2^j */
            v = (double)(int64_t)(u >> 40) / (double)(1u << (1 + u % 20));
            break;
        case 3: { /* the doubles nearest a decimal tie (n + 0.5) / 10^d */
            int d = (int)(u % 10);
            double tie = ((double)(u >> 44) + 0.5) / pow(10.0, d);
            v = nextafter(tie, (u & 1) ? INFINITY : -INFINITY);
            if (u & 2)
                v = tie;
            if (u & 4)
                v = -v;
            break;
        }
        default: /* small whole numbers and their halves */
            v = (double)((int64_t)(u % 2000001) - 1000000) / 2.0;
            break;
        }
        compare_all(v);
    }
    CHECK(differing == before, "%ld of %ld random cases differ from snprintf", differing - before,
          compared);
}

/* A whole row through bytes_printf's fast path against vsnprintf, with the
 * integers and strings the CSV writers mix in. */
static void test_rows(void)
{
    xo_state r;
    xo_seed(&r, 7);
    int bad = 0;
    for (int i = 0; i < 100000; i++) {
        int t = (int)(xo_next(&r) % 4001) - 2000;
        unsigned long long seed = xo_next(&r);
        long long neg = -(long long)(xo_next(&r) >> 1);
        double a = from_bits(xo_next(&r)), b = (xo_unit(&r) - 0.5) * 1e6;
        bytes_buf buf = {0};
        int n = bytes_printf(&buf, "%d,%s,%llu,%lld,%u,%.3f,%.4f,%.6f,%.1f,%.0f,100%%\n", t,
                             "USA", seed, neg, (unsigned)t, a, b, b, a, b);
        char want[2048];
        int wn = snprintf(want, sizeof want, "%d,%s,%llu,%lld,%u,%.3f,%.4f,%.6f,%.1f,%.0f,100%%\n",
                          t, "USA", seed, neg, (unsigned)t, a, b, b, a, b);
        if (n != wn || buf.len != (size_t)wn || memcmp(buf.data, want, (size_t)wn) != 0 ||
            buf.data[buf.len] != '\0') {
            if (bad++ < 5)
                fprintf(stderr, "row '%.*s', snprintf '%s'\n", (int)buf.len, buf.data, want);
        }
        free(buf.data);
    }
    CHECK(bad == 0, "%d of 100000 rows differ from snprintf", bad);
    /* extreme integers, a null string, and appending after earlier text */
    bytes_buf buf = {0};
    const char *volatile null_text = NULL; /* hidden from the format checker */
    bytes_printf(&buf, "x");
    int n = bytes_printf(&buf, "%d|%lld|%llu|%s", -2147483647 - 1, -9223372036854775807LL - 1,
                         18446744073709551615ULL, null_text);
    const char *want = "x-2147483648|-9223372036854775808|18446744073709551615|(null)";
    CHECK(n == (int)strlen(want) - 1 && buf.len == strlen(want) &&
              memcmp(buf.data, want, buf.len) == 0,
          "extremes: '%.*s'", (int)buf.len, buf.data);
    free(buf.data);
}

int main(void)
{
    RUN(test_edges);
    RUN(test_random);
    RUN(test_rows);
    printf("%ld numbers compared\n", compared);
    return DONE();
}
