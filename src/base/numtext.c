/* numtext.c -- printf's fixed-point and integer text without printf (see
 * numtext.h).
 *
 * A finite double is m * 2^e with a whole m below 2^53. "%.Nf" writes the
 * whole number nearest to m * 10^N / 2^-e (ties to even), with a point N
 * digits from its right. Below 1e9 that number fits in 64 bits and the
 * product m * 10^N (below 2^83) in two 64-bit words, so the rounding is
 * exact integer arithmetic: no floating-point step that could round twice. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "numtext.h"

static const uint64_t pow10_u64[10] = {1u,      10u,      100u,      1000u,      10000u,
                                       100000u, 1000000u, 10000000u, 100000000u, 1000000000u};

/* The decimal digits of 'v' into 'out' (no sign, no NUL); returns how many. */
size_t numtext_uint(char *out, unsigned long long v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

size_t numtext_int(char *out, long long v)
{
    if (v >= 0)
        return numtext_uint(out, (unsigned long long)v);
    out[0] = '-';
    /* the magnitude in unsigned arithmetic, LLONG_MIN included */
    return 1 + numtext_uint(out + 1, 0ull - (unsigned long long)v);
}

/* round(m * p / 2^s), ties to even, for m < 2^53, p < 2^30, s >= 1, when the
 * result is known to fit in 64 bits. The product is (hi, lo). */
static uint64_t scaled_round(uint64_t m, uint64_t p, int s)
{
    uint64_t a = (m >> 32) * p, b = (m & 0xffffffffu) * p; /* a < 2^51, b < 2^62 */
    uint64_t lo = (a << 32) + b;
    uint64_t hi = (a >> 32) + (lo < b);
    uint64_t q, rest_hi, rest_lo; /* the quotient, and the bits shifted out */
    if (s >= 128)
        return 0; /* the product is below 2^83: less than half of 2^s */
    if (s >= 64) {
        q = s == 64 ? hi : hi >> (s - 64);
        rest_hi = s == 64 ? 0 : hi & ((UINT64_C(1) << (s - 64)) - 1);
        rest_lo = lo;
    } else {
        q = (lo >> s) | (hi << (64 - s));
        rest_hi = 0;
        rest_lo = lo & ((UINT64_C(1) << s) - 1);
    }
    /* half of 2^s, in the same two words */
    uint64_t half_hi = s - 1 >= 64 ? UINT64_C(1) << (s - 1 - 64) : 0;
    uint64_t half_lo = s - 1 >= 64 ? 0 : UINT64_C(1) << (s - 1);
    int above = rest_hi > half_hi || (rest_hi == half_hi && rest_lo > half_lo);
    int tie = rest_hi == half_hi && rest_lo == half_lo;
    if (above || (tie && (q & 1)))
        q++;
    return q;
}

size_t numtext_fixed(char *out, double v, int decimals)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int negative = (int)(bits >> 63);
    int exp_bits = (int)((bits >> 52) & 0x7ff);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    if (decimals < 0 || decimals > 9 || exp_bits == 0x7ff || !(v < 1e9 && v > -1e9)) {
        /* infinities, NaNs and large numbers: printf's own text */
        int n = snprintf(out, NUMTEXT_MAX, "%.*f", decimals, v);
        return n < 0 ? 0 : (size_t)n;
    }
    /* m * 2^-s; below 1e9 every double has a fractional exponent (s >= 1) */
    uint64_t m = exp_bits ? frac | (UINT64_C(1) << 52) : frac;
    int s = exp_bits ? 1075 - exp_bits : 1074;
    uint64_t p = pow10_u64[decimals];
    uint64_t q = m ? scaled_round(m, p, s) : 0;
    size_t n = 0;
    if (negative)
        out[n++] = '-';
    n += numtext_uint(out + n, q / p);
    if (decimals > 0) {
        out[n++] = '.';
        uint64_t f = q % p;
        for (int i = decimals - 1; i >= 0; i--) {
            out[n + (size_t)i] = (char)('0' + f % 10);
            f /= 10;
        }
        n += (size_t)decimals;
    }
    out[n] = '\0';
    return n;
}
