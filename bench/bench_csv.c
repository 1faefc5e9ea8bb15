/* bench_csv.c -- the cost of a CSV row's numbers (issue 20: "%.3f" through
 * the C library was half of a no-agent sweep's instructions). Formats the
 * same seeded rows, shaped like a sweep's (an integer, a date, eighteen
 * numbers of the game's sizes at 3, 4 and 6 decimals), with the C library's
 * snprintf and with bytes_printf's fast path (src/base/numtext.c), a round
 * of one then a round of the other, and prints each round, the medians and
 * their ratio. The two outputs are compared byte for byte every round; the
 * program stops if they differ.
 *
 *   bench_csv [ROWS_PER_ROUND [ROUNDS]]    (200000 7) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bytes.h"
#include "xoshiro.h"

#define ROW_FORMAT                                                                             \
    "%d,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.3f,%.3f,%.6f,%.3f,%.4f,%.3f,%.3f,"   \
    "%.3f,%.3f\n"
#define NUMBERS 18

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Write every row into 'b', with the C library or with bytes_printf. */
static void write_rows(bytes_buf *b, const double *v, int rows, int with_libc)
{
    b->len = 0;
    for (int r = 0; r < rows; r++) {
        const double *x = v + (size_t)r * NUMBERS;
        if (with_libc) {
            char line[1024];
            int n = snprintf(line, sizeof line, ROW_FORMAT, r, "2026Q1", x[0], x[1], x[2], x[3],
                             x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13],
                             x[14], x[15], x[16], x[17]);
            bytes_append(b, line, (size_t)n);
        } else {
            bytes_printf(b, ROW_FORMAT, r, "2026Q1", x[0], x[1], x[2], x[3], x[4], x[5], x[6],
                         x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15], x[16], x[17]);
        }
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int rows = argc > 1 ? atoi(argv[1]) : 200000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    if (rows < 1 || rounds < 1 || rounds > 100) {
        fprintf(stderr, "usage: bench_csv [ROWS_PER_ROUND [ROUNDS (1-100)]]\n");
        return 2;
    }
    double *v = malloc(sizeof(double) * (size_t)rows * NUMBERS);
    if (!v)
        return 1;
    /* the game's sizes: tonnes to thousands of tonnes, prices, scores */
    uint64_t seed = 20;
    xo_state r;
    for (int i = 0; i < 4; i++)
        r.s[i] = xo_splitmix(&seed);
    for (size_t i = 0; i < (size_t)rows * NUMBERS; i++)
        v[i] = (xo_unit(&r) - 0.1) * (double)(1u << (xo_next(&r) % 20));
    bytes_buf libc = {0}, fast = {0};
    double t_libc[100], t_fast[100];
    for (int k = 0; k < rounds; k++) {
        double t0 = now_s();
        write_rows(&libc, v, rows, 1);
        double t1 = now_s();
        write_rows(&fast, v, rows, 0);
        double t2 = now_s();
        t_libc[k] = t1 - t0;
        t_fast[k] = t2 - t1;
        if (libc.failed || fast.failed || libc.len != fast.len ||
            memcmp(libc.data, fast.data, libc.len) != 0) {
            fprintf(stderr, "bench_csv: the two outputs differ in round %d\n", k + 1);
            return 1;
        }
        printf("round %d: snprintf %.1f ns/number, bytes_printf %.1f ns/number\n", k + 1,
               t_libc[k] * 1e9 / rows / NUMBERS, t_fast[k] * 1e9 / rows / NUMBERS);
    }
    qsort(t_libc, (size_t)rounds, sizeof(double), cmp_double);
    qsort(t_fast, (size_t)rounds, sizeof(double), cmp_double);
    double ml = t_libc[rounds / 2], mf = t_fast[rounds / 2];
    printf("median of %d rounds of %d rows: snprintf %.1f ns/number, bytes_printf %.1f "
           "ns/number, %.2fx faster; %zu bytes a round, the same in both\n",
           rounds, rows, ml * 1e9 / rows / NUMBERS, mf * 1e9 / rows / NUMBERS, ml / mf, fast.len);
    free(libc.data);
    free(fast.data);
    free(v);
    return 0;
}
