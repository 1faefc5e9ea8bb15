/* fuzz_sweep.c -- a systematic companion to libFuzzer for the binary
 * loaders (linked with fuzz_save.c as fuzz_save_sweep, with fuzz_replay.c
 * as fuzz_replay_sweep): plant extreme values at every offset of a file
 * (INT_MAX, INT_MIN, -1, 2^30 as 32-bit words; +-1e300 and a denormal as
 * doubles), and feed each to the harness, which fixes the checksums up and
 * loads, re-saves and plays the result. Random mutations rarely hit the one
 * word in 20,000 bytes that holds a deal's turn; this hits them all (it
 * found the clock, deal, facility and replay start-turn inputs in
 * tests/fuzz/regressions/). Each run of offsets goes in a child process;
 * after a crash (the sanitizer's report is on stderr) the sweep goes on
 * past the offset that crashed.
 * Usage: fuzz_save_sweep|fuzz_replay_sweep FILE [FROM TO]   (offsets; default: all)
 * Exit status: 0 nothing crashed, 1 something did. Takes minutes. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned char *orig, *bad;
static size_t len;

static void plant_at(size_t i)
{
    static const uint32_t words[] = {0x7fffffffu, 0x80000000u, 0xffffffffu, 0x40000000u};
    static const double doubles[] = {1e300, -1e300, 1e-310};
    for (size_t k = 0; k < sizeof words / sizeof words[0] && i + 4 <= len; k++) {
        memcpy(bad, orig, len);
        for (int b = 0; b < 4; b++)
            bad[i + (size_t)b] = (unsigned char)(words[k] >> (8 * b));
        LLVMFuzzerTestOneInput(bad, len);
    }
    for (size_t k = 0; k < sizeof doubles / sizeof doubles[0] && i + 8 <= len; k++) {
        memcpy(bad, orig, len);
        memcpy(bad + i, &doubles[k], 8);
        LLVMFuzzerTestOneInput(bad, len);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: %s FILE [FROM TO]\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", argv[1]);
        return 2;
    }
    orig = malloc(1 << 24);
    bad = malloc(1 << 24);
    len = orig ? fread(orig, 1, 1 << 24, f) : 0;
    fclose(f);
    size_t from = argc == 4 ? (size_t)atol(argv[2]) : 8, to = argc == 4 ? (size_t)atol(argv[3]) : len;
    if (to > len)
        to = len;
    /* the offset being tried, shared with the child that tries it */
    volatile size_t *at = mmap(NULL, sizeof *at, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                               -1, 0);
    if (!orig || !bad || at == MAP_FAILED)
        return 2;
    int crashes = 0;
    size_t start = from;
    while (start < to) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            for (size_t i = start; i < to; i++) {
                *at = i;
                plant_at(i);
            }
            _exit(0);
        }
        int st = 0;
        if (pid < 0 || waitpid(pid, &st, 0) < 0)
            return 2;
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
            break;
        printf("CRASH with a value planted at offset %zu of %s\n", *at, argv[1]);
        crashes++;
        start = *at + 1;
    }
    printf("%s: offsets %zu..%zu swept, %d crashed\n", argv[1], from, to, crashes);
    return crashes ? 1 : 0;
}
