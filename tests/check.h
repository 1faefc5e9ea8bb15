/* check.h -- a tiny test harness in the manner of Redis' testhelp.h.
 *
 * CHECK(cond, fmt, ...) records a failure with file, line and a message and
 * goes on; CHECK_NEAR compares doubles with a relative tolerance; RUN(fn)
 * runs one test function; DONE() prints "N passed, M failed" (the closing
 * line CI reads) and returns the exit status.
 */
#ifndef CP_CHECK_H
#define CP_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_passed, check_failed, check_test_failed;

#define CHECK(cond, ...)                                                                       \
    do {                                                                                       \
        if (cond) {                                                                            \
            check_passed++;                                                                    \
        } else {                                                                               \
            check_failed++;                                                                    \
            check_test_failed = 1;                                                             \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);           \
            fprintf(stderr, __VA_ARGS__);                                                      \
            fputc('\n', stderr);                                                               \
        }                                                                                      \
    } while (0)

#define CHECK_NEAR(a, b, rel, ...)                                                             \
    CHECK(fabs((double)(a) - (double)(b)) <= (rel) * fmax(1e-9, fmax(fabs((double)(a)), fabs((double)(b)))), \
          __VA_ARGS__)

#define RUN(fn)                                                                                \
    do {                                                                                       \
        check_test_failed = 0;                                                                 \
        fn();                                                                                  \
        printf("%s %s\n", check_test_failed ? "FAIL" : "ok  ", #fn);                          \
    } while (0)

#define DONE()                                                                                 \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)

#endif
