/* test_base.c -- the base layer against the algorithms' published outputs:
 * xoshiro256** and splitmix64 (the one generator every layer draws from),
 * xo_range's bounds and spread, FNV-1a 64 and 32 (every checksum of the
 * program's files), the little-endian numbers, formatted text and CSV
 * cells in both quoting modes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "check.h"
#include "csv.h"
#include "xoshiro.h"

/* xoshiro256** from the state {1, 2, 3, 4}: the first ten outputs of the
 * authors' reference C code (prng.di.unimi.it/xoshiro256starstar.c), as
 * published with Rust's rand_xoshiro and C++ ports' tests. */
static void test_xoshiro_reference(void)
{
    static const uint64_t want[10] = {11520u,
                                      0u,
                                      1509978240u,
                                      1215971899390074240u,
                                      1216172134540287360u,
                                      607988272756665600u,
                                      16172922978634559625u,
                                      8476171486693032832u,
                                      10595114339597558777u,
                                      2904607092377533576u};
    xo_state r = {{1, 2, 3, 4}};
    for (int i = 0; i < 10; i++) {
        uint64_t got = xo_next(&r);
        CHECK(got == want[i], "output %d: %llu, want %llu", i, (unsigned long long)got,
              (unsigned long long)want[i]);
    }
}

/* splitmix64 from 0: the outputs of the authors' splitmix64.c, which are
 * Java's new SplittableRandom(0).nextLong() (-2152535657050944081,
 * 7960286522194355700, ...). */
static void test_splitmix_reference(void)
{
    static const uint64_t want[5] = {0xE220A8397B1DCDAFull, 0x6E789E6AA1B965F4ull,
                                     0x06C45D188009454Full, 0xF88BB8A8724C81ECull,
                                     0x1B39896A51A8749Bull};
    uint64_t x = 0;
    for (int i = 0; i < 5; i++) {
        uint64_t got = xo_splitmix(&x);
        CHECK(got == want[i], "output %d: %016llx, want %016llx", i, (unsigned long long)got,
              (unsigned long long)want[i]);
        CHECK(x == (uint64_t)(i + 1) * XO_GOLDEN, "the state after %d steps", i + 1);
    }
    /* the finaliser alone: the step is "add the golden ratio, then mix" */
    CHECK(xo_mix(XO_GOLDEN) == want[0], "xo_mix(XO_GOLDEN) is the first splitmix output");
    CHECK(xo_mix(0) == 0, "0 is the finaliser's fixed point");
}

/* xo_unit: the top 53 bits, scaled; always in [0, 1). */
static void test_unit(void)
{
    xo_state r = {{1, 2, 3, 4}};
    double first = xo_unit(&r);
    CHECK(first == (double)(11520u >> 11) * 0x1.0p-53, "first unit draw %.17g", first);
    double sum = 0;
    int outside = 0;
    for (int i = 0; i < 100000; i++) {
        double u = xo_unit(&r);
        outside += !(u >= 0.0 && u < 1.0);
        sum += u;
    }
    CHECK(outside == 0, "%d draws outside [0, 1)", outside);
    CHECK(sum / 100000 > 0.49 && sum / 100000 < 0.51, "mean %.4f", sum / 100000);
}

/* xo_range: within its bounds at the ends of int64, every value of a small
 * span about as often, and no modulo bias on a span that is not a power of
 * two (a modulo would put 3/4 of the draws below 2^62 where 2/3 belong). */
static void test_range(void)
{
    xo_state r = {{0x0123456789ABCDEFull, 42, 7, 0xFEDCBA9876543210ull}};
    int count[7] = {0};
    int outside = 0;
    for (int i = 0; i < 7000; i++) {
        int64_t v = xo_range(&r, -3, 3);
        if (v < -3 || v > 3)
            outside++;
        else
            count[v + 3]++;
    }
    CHECK(outside == 0, "%d draws outside [-3, 3]", outside);
    for (int k = 0; k < 7; k++) /* 1000 expected, standard deviation about 29 */
        CHECK(count[k] > 850 && count[k] < 1150, "value %d drawn %d times of 7000", k - 3, count[k]);

    CHECK(xo_range(&r, 5, 5) == 5, "a span of one value");
    outside = 0;
    int seen_top = 0, seen_bottom = 0;
    for (int i = 0; i < 200; i++) {
        int64_t hi = xo_range(&r, INT64_MAX - 1, INT64_MAX);
        int64_t lo = xo_range(&r, INT64_MIN, INT64_MIN + 2);
        outside += hi < INT64_MAX - 1 || lo > INT64_MIN + 2;
        seen_top += hi == INT64_MAX;
        seen_bottom += lo == INT64_MIN;
    }
    CHECK(outside == 0, "%d draws outside the spans at int64's ends", outside);
    CHECK(seen_top > 0 && seen_bottom > 0, "both ends reached: %d, %d", seen_top, seen_bottom);

    /* the whole int64 range is one draw, as is */
    xo_state a = r, b = r;
    CHECK(xo_range(&a, INT64_MIN, INT64_MAX) == (int64_t)xo_next(&b), "the whole range");

    const int64_t span_hi = (int64_t)(3ull << 61) - 1; /* 3 * 2^61 values */
    int below = 0;
    for (int i = 0; i < 6000; i++)
        below += xo_range(&r, 0, span_hi) < (int64_t)(1ull << 62);
    double share = below / 6000.0; /* 2/3 +- 0.006 (one standard deviation) */
    CHECK(share > 0.64 && share < 0.695, "share below 2^62: %.4f, want 2/3", share);
}

/* FNV-1a on the test vectors its authors publish (Landon Curt Noll's
 * fnv test suite, isthe.com/chongo/tech/comp/fnv): "", "a", "foobar". */
static void test_fnv1a(void)
{
    static const struct {
        const char *text;
        uint64_t h64;
        uint32_t h32;
    } v[3] = {{"", 0xcbf29ce484222325ull, 0x811c9dc5u},
              {"a", 0xaf63dc4c8601ec8cull, 0xe40c292cu},
              {"foobar", 0x85944171f73967e8ull, 0xbf9cf968u}};
    for (int i = 0; i < 3; i++) {
        uint64_t h64 = bytes_fnv1a(BYTES_FNV_BASIS, v[i].text, strlen(v[i].text));
        uint32_t h32 = bytes_fnv1a32(BYTES_FNV32_BASIS, v[i].text, strlen(v[i].text));
        CHECK(h64 == v[i].h64, "FNV-1a 64 of \"%s\": %016llx", v[i].text, (unsigned long long)h64);
        CHECK(h32 == v[i].h32, "FNV-1a 32 of \"%s\": %08lx", v[i].text, (unsigned long)h32);
    }
    /* continued from a running value, as the save checksum is */
    uint64_t h = bytes_fnv1a(bytes_fnv1a(BYTES_FNV_BASIS, "foo", 3), "bar", 3);
    CHECK(h == v[2].h64, "\"foo\" then \"bar\" is \"foobar\"");
    uint32_t h32 = bytes_fnv1a32(bytes_fnv1a32(BYTES_FNV32_BASIS, "fo", 2), "obar", 4);
    CHECK(h32 == v[2].h32, "\"fo\" then \"obar\" is \"foobar\" (32 bits)");
}

/* Little-endian numbers: the bytes every file format writes, whatever the
 * machine, and back. */
static void test_le_numbers(void)
{
    unsigned char b[8];
    bytes_put_u64(b, 0x0123456789ABCDEFull);
    static const unsigned char want[8] = {0xEF, 0xCD, 0xAB, 0x89, 0x67, 0x45, 0x23, 0x01};
    CHECK(memcmp(b, want, 8) == 0, "u64 written low byte first");
    CHECK(bytes_get_u64(b) == 0x0123456789ABCDEFull, "u64 read back");
    CHECK(bytes_get_u32(b) == 0x89ABCDEFu, "u32 from the low half");
    CHECK(bytes_get_u32(b + 4) == 0x01234567u, "u32 from the high half");
    CHECK(bytes_get_u16(b) == 0xCDEFu && bytes_get_u16(b + 6) == 0x0123u, "u16s");
    bytes_put_u32(b, 0xFFFFFFFEu);
    CHECK(b[0] == 0xFE && b[1] == 0xFF && b[2] == 0xFF && b[3] == 0xFF, "u32 written");

    /* the reader refuses to run past the end, and says so once */
    bytes_buf w = {0};
    bytes_u32(&w, 7);
    bytes_i32(&w, -2);
    bytes_f64(&w, -0.1);
    bytes_str(&w, "cell");
    CHECK(!w.failed && w.len == 4 + 4 + 8 + 4 + 4, "%zu bytes written", w.len);
    bytes_reader r = {w.data, 0, w.len, 0};
    char s[8];
    CHECK(bytes_read_u32(&r) == 7 && bytes_read_i32(&r) == -2, "ints read back");
    CHECK(bytes_read_f64(&r) == -0.1, "a double read back exactly");
    bytes_read_str(&r, s, sizeof s);
    CHECK(!r.failed && strcmp(s, "cell") == 0, "the string read back: %s", s);
    CHECK(bytes_read_u32(&r) == 0 && r.failed, "a read past the end fails and gives 0");
    free(w.data);
}

/* Text formatted into a buffer: short pieces into spare room, a long one
 * after growing it, and the bytes exactly what printf makes. */
static void test_printf(void)
{
    bytes_buf b = {0};
    int n = bytes_printf(&b, "%d,%.3f,%s", 42, 1.5, "x");
    CHECK(n == 10 && b.len == 10 && memcmp(b.data, "42,1.500,x", 10) == 0, "first piece: %d", n);
    char big[9000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = 0;
    size_t cap = b.cap;
    n = bytes_printf(&b, "[%s]", big);
    CHECK(n == 9001 && b.len == 9011 && b.cap > cap, "a piece longer than the room: %d", n);
    CHECK(b.data[10] == '[' && b.data[9010] == ']' && b.data[5000] == 'q', "its bytes");
    CHECK(!b.failed, "no failure");
    free(b.data);
}

/* Both quoting modes on plain text, commas, quotes and line breaks. */
static void test_csv(void)
{
    static const struct {
        const char *text, *always, *needed;
    } v[] = {
        {"plain", "\"plain\"", "plain"},
        {"", "\"\"", ""},
        {"a,b", "\"a,b\"", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\""},
        {"two\nlines\r", "\"two\nlines\r\"", "\"two lines \""},
        {"\"", "\"\"\"\"", "\"\"\"\""},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        bytes_buf b = {0};
        bytes_append(&b, "x,", 2);
        csv_cell(&b, v[i].text, CSV_QUOTE_ALWAYS);
        size_t mid = b.len;
        csv_cell(&b, v[i].text, CSV_QUOTE_NEEDED);
        size_t la = strlen(v[i].always), ln = strlen(v[i].needed);
        CHECK(!b.failed && mid == 2 + la && memcmp(b.data + 2, v[i].always, la) == 0,
              "always-quoted cell %zu: %.*s", i, (int)(mid - 2), (const char *)b.data + 2);
        CHECK(b.len - mid == ln && (ln == 0 || memcmp(b.data + mid, v[i].needed, ln) == 0),
              "quoted-when-needed cell %zu: %.*s", i, (int)(b.len - mid),
              (const char *)b.data + mid);
        free(b.data);
    }
}

int main(void)
{
    RUN(test_xoshiro_reference);
    RUN(test_splitmix_reference);
    RUN(test_unit);
    RUN(test_range);
    RUN(test_fnv1a);
    RUN(test_le_numbers);
    RUN(test_printf);
    RUN(test_csv);
    return DONE();
}
