/* fuzz_agent.c -- libFuzzer harness for the agent host: bytes become an agent's behaviour
 * (tests/fuzz/fuzz_agent.lua plays them), and the game must hold.
 *
 * Two seats of the three-nation test scenario play the fuzz agent, each
 * reading the input from its own place. The game is played four turns
 * without stopping, and again saved after turn K (1..3, from the first
 * byte), loaded and played on. What must hold, whatever the bytes:
 *   - no sanitizer report and no crash (the build has ASan and UBSan);
 *   - the game goes on: every turn is resolved, whatever the agents did;
 *   - the game saves (a save never fails for an agent's sake), the save
 *     loads, and the loaded game ends with the hash of the game never
 *     stopped; the game saves again at the end.
 * tests/fuzz/fuzz_main.c runs the same function over the regression inputs
 * in an ordinary build (ctest: fuzz_regress_agent). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "save_seats.h"
#include "savefile.h"
#include "script.h"

#ifndef CP_SOURCE_DIR
#define CP_SOURCE_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MUST(cond)                                                                             \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "fuzz_agent: %s:%d: %s\n", __FILE__, __LINE__, #cond);             \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

enum { TURNS = 4, SEATS = 2 };

static cp_scenario scenario;
static cps_scenario_info info;
static char *template_text; /* fuzz_agent.lua */
static int ready;

/* The agents' log: dropped, or shown with FUZZ_AGENT_LOG=1 (to see what an input does). */
static void quiet_log(void *ud, const char *line)
{
    (void)ud;
    static int show = -1;
    if (show < 0)
        show = getenv("FUZZ_AGENT_LOG") != NULL;
    if (show)
        fprintf(stderr, "%s\n", line);
}

static void setup(void)
{
    char err[1024];
    MUST(cps_scenario_load(CP_SOURCE_DIR "/tests/script/fixtures/scenarios/minimal.lua", &scenario,
                           &info, err, sizeof err) == 0);
    /* seat AAA falls back to do_nothing after three failures in a row; the others to none */
    for (int i = 0; i < CP_MAX_NATIONS; i++)
        info.agent[i][0] = '\0';
    char display[256];
    MUST(cps_resolve_script("scripts/agents", "do_nothing", info.agent[0], sizeof info.agent[0],
                            display, sizeof display) == 0);
    FILE *f = fopen(CP_SOURCE_DIR "/tests/fuzz/fuzz_agent.lua", "rb");
    MUST(f != NULL);
    template_text = malloc(1 << 16);
    MUST(template_text != NULL);
    size_t n = fread(template_text, 1, (1 << 16) - 1, f);
    fclose(f);
    template_text[n] = '\0';
    MUST(strstr(template_text, "@@DATA@@") && strstr(template_text, "0 --@@SEAT@@"));
    ready = 1;
}

/* The agent's source for seat 'seat', with the input as the string D. */
static char *agent_source(const uint8_t *data, size_t size, int seat, size_t *len)
{
    const char *at = strstr(template_text, "@@DATA@@");
    const char *st = strstr(template_text, "0 --@@SEAT@@");
    size_t cap = strlen(template_text) + 4 * size + 64;
    char *out = malloc(cap);
    MUST(out != NULL);
    size_t o = 0;
    memcpy(out, template_text, (size_t)(at - template_text));
    o = (size_t)(at - template_text);
    for (size_t i = 0; i < size; i++)
        o += (size_t)snprintf(out + o, cap - o, "\\%03u", (unsigned)data[i]);
    const char *rest = at + strlen("@@DATA@@");
    memcpy(out + o, rest, (size_t)(st - rest));
    o += (size_t)(st - rest);
    o += (size_t)snprintf(out + o, cap - o, "%d --", seat);
    const char *tail = st + strlen("0 --@@SEAT@@");
    size_t tl = strlen(tail);
    memcpy(out + o, tail, tl);
    o += tl;
    out[o] = '\0';
    *len = o;
    return out;
}

static cps_seat_opts limits(void)
{
    cps_seat_opts opts;
    memset(&opts, 0, sizeof opts);
    /* small enough that a call ends in milliseconds, by the budget: the
     * wall clock (which would end it at a moment of its own) never fires */
    opts.budget_instructions = 200000;
    opts.mem_bytes = (size_t)64 << 20;
    opts.wall_s = 30.0;
    opts.log = quiet_log;
    opts.quiet = 1;
    return opts;
}

/* The save of a game, as sim writes it. */
static unsigned char *save(cps_seats *seats, const cp_world *w, size_t *len)
{
    savefile_section *sections = NULL;
    int count = 0;
    char err[1400];
    MUST(save_seats_sections(seats, w, &info, &sections, &count, err, sizeof err) == 0);
    unsigned char *buf = NULL;
    MUST(savefile_encode(w, sections, count, &buf, len, err, sizeof err) == 0);
    save_seats_free(sections, count);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready)
        setup();
    if (size < 1)
        return 0;
    int k = 1 + data[0] % (TURNS - 1); /* the save is made after turn k */
    char *src[SEATS];
    size_t src_len[SEATS];
    for (int s = 0; s < SEATS; s++)
        src[s] = agent_source(data + 1, size - 1, s, &src_len[s]);

    cp_error e;
    cp_world *w = cp_world_create(&scenario, 7, &e);
    MUST(w != NULL);
    cps_seat_opts opts = limits();
    const char *none[] = {"AAA=none", "BBB=none", "CCC=none"};
    char err[1400];
    cps_seats *seats = cps_seats_create(w, &info, none, 3, &opts, err, sizeof err);
    MUST(seats != NULL);
    for (int s = 0; s < SEATS; s++) {
        char path[64];
        snprintf(path, sizeof path, "fuzz-agent-%d.lua", s);
        /* an init that fails refuses the agent, as it would refuse the game */
        cps_seats_assign_source(seats, s, path, src[s], src_len[s], err, sizeof err);
    }
    unsigned char *saved = NULL;
    size_t saved_len = 0;
    for (int t = 0; t < TURNS; t++) {
        cps_seats_run_turn(seats);
        cp_world_advance(w);
        MUST(cp_world_turn(w) == t + 1); /* the game goes on */
        if (t + 1 == k)
            saved = save(seats, w, &saved_len);
    }
    uint64_t unbroken = cp_world_hash(w);
    if (getenv("FUZZ_AGENT_LOG"))
        fprintf(stderr, "fuzz_agent: %d deals, %d news, save after turn %d, hash %016llx\n",
                cp_world_deal_count(w), cp_world_news_count(w), k, (unsigned long long)unbroken);
    size_t end_len = 0;
    free(save(seats, w, &end_len)); /* it saves at the end too */
    cps_seats_destroy(seats);
    cp_world_destroy(w);

    /* the save loads and plays on to the same game */
    savefile sf;
    MUST(savefile_decode(saved, saved_len, "fuzz.cpsave", scenario.name, &sf, err, sizeof err) == 0);
    cp_world *w2 = sf.world;
    sf.world = NULL;
    cps_seats *again = save_seats_restore(&sf, w2, &opts, err, sizeof err);
    if (!again)
        fprintf(stderr, "fuzz_agent: the save does not load: %s\n", err);
    MUST(again != NULL);
    savefile_free(&sf);
    for (int t = k; t < TURNS; t++) {
        cps_seats_run_turn(again);
        cp_world_advance(w2);
    }
    if (cp_world_hash(w2) != unbroken)
        fprintf(stderr, "fuzz_agent: saved after turn %d, loaded: hash %016llx, not %016llx\n", k,
                (unsigned long long)cp_world_hash(w2), (unsigned long long)unbroken);
    MUST(cp_world_hash(w2) == unbroken);
    cps_seats_destroy(again);
    cp_world_destroy(w2);
    free(saved);
    for (int s = 0; s < SEATS; s++)
        free(src[s]);
    return 0;
}
