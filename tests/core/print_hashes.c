/* print_hashes.c -- the core alone, no Lua: the state hash of hand-built
 * worlds after 40 turns, and of saved worlds (.cpworld files) loaded and
 * played 40 turns. scripts/dev/arm64-hashes.sh builds it for this machine
 * and for ARM64 (run under qemu-user) and compares what they print: the
 * same seed must give the same game on every machine (docs/model.md). */
#include <stdio.h>
#include <stdlib.h>

#include "chokepoint.h"
#include "fixture.h"

int main(int argc, char **argv)
{
    static cp_scenario sc;
    for (int seed = 1; seed <= 3; seed++) {
        fixture_three(&sc, 1);
        cp_world *w = fixture_world(&sc, (uint64_t)seed);
        for (int t = 0; t < 40; t++)
            cp_world_advance(w);
        printf("three seed %d: %016llx\n", seed, (unsigned long long)cp_world_hash(w));
        cp_world_destroy(w);
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        static unsigned char buf[1 << 24];
        size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
        if (f)
            fclose(f);
        cp_error e;
        cp_world *w = cp_world_load(buf, n, &e);
        if (!w) {
            printf("%s: %s\n", argv[i], e.message);
            continue;
        }
        printf("%s loaded: %016llx\n", argv[i], (unsigned long long)cp_world_hash(w));
        for (int t = 0; t < 40; t++)
            cp_world_advance(w);
        printf("%s +40 turns: %016llx\n", argv[i], (unsigned long long)cp_world_hash(w));
        cp_world_destroy(w);
    }
    return 0;
}
