/* numtext.h -- numbers as decimal text, byte for byte what printf writes, at
 * a fraction of its cost. The CSV writers (a game's history, a sweep) write
 * millions of "%.3f" cells, and glibc's general formatter was half of a
 * no-agent sweep's instructions (issue 20). Pure: no IO, no locale (the
 * program never sets one, so printf's decimal point is always '.'). */
#ifndef CP_BASE_NUMTEXT_H
#define CP_BASE_NUMTEXT_H

#include <stddef.h>

/* Room for any number these functions write, the NUL included: "%.9f" of
 * the largest double is 309 digits before the point. */
#define NUMTEXT_MAX 330

/* Write 'v' as printf's "%.<decimals>f" does (0 <= decimals <= 9) into
 * 'out' (NUMTEXT_MAX bytes), NUL-terminated; return its length. Exactly
 * rounded from the double's binary value, ties to even, "-" for every
 * negative number that rounds to zero and for -0.0, as glibc does; values
 * of 1e9 and more, infinities and NaNs are handed to snprintf itself. */
size_t numtext_fixed(char *out, double v, int decimals);

/* Write a whole number as "%lld" / "%llu" do; return its length. 'out'
 * holds at least 21 bytes; no NUL is written. */
size_t numtext_int(char *out, long long v);
size_t numtext_uint(char *out, unsigned long long v);

#endif
