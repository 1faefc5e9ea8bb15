/* test_difficulty.c -- the seats hand the game's difficulty to every agent as view.difficulty
 * (issue 22): "normal" unless set, each level by its name, changed for seated agents by
 * cps_seats_set_difficulty, and a game played by an agent that reads it differs by level. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "log_capture.h"
#include "chokepoint.h"
#include "script.h"

#define AGENTS CP_DATA_DIR "/tests/script/agents/"

static cp_scenario sc;
static cps_scenario_info info;

/* Play 'turns' quarters of baseline (seed 'seed') with difficulty_tariff.lua as USA and the
 * scenario's defaults elsewhere at level 'level' ('opts_zero': leave the option unset); the
 * world's hash. 'switch_to' >= 0: change the level to it after the first quarter. */
static uint64_t play(int level, int opts_zero, int switch_to, int turns, uint64_t seed)
{
    log_clear();
    cp_error e;
    cp_world *w = cp_world_create(&sc, seed, &e);
    CHECK(w != NULL, "world: %s", w ? "" : e.message);
    if (!w)
        return 0;
    cps_seat_opts opts = {0};
    opts.log = log_capture;
    if (!opts_zero)
        opts.difficulty = (cps_difficulty)level;
    const char *assign[] = {"USA=" AGENTS "difficulty_tariff.lua"};
    char err[700];
    cps_seats *s = cps_seats_create(w, &info, assign, 1, &opts, err, sizeof err);
    CHECK(s != NULL, "seats: %s", s ? "" : err);
    if (!s) {
        cp_world_destroy(w);
        return 0;
    }
    for (int t = 0; t < turns; t++) {
        if (t == 1 && switch_to >= 0)
            cps_seats_set_difficulty(s, (cps_difficulty)switch_to);
        CHECK(cps_seats_run_turn(s) == 0, "no agent fails:\n%s", log_text);
        cp_world_advance(w);
    }
    CHECK((int)cps_seats_difficulty(s) == (switch_to >= 0 ? switch_to : (int)opts.difficulty),
          "the seats keep their level");
    uint64_t h = cp_world_hash(w);
    cps_seats_destroy(s);
    cp_world_destroy(w);
    return h;
}

/* The names and the parser: the three levels round-trip, anything else is refused. */
static void test_names(void)
{
    static const char *const names[] = {"easy", "normal", "hard"};
    for (int i = 0; i < 3; i++) {
        cps_difficulty d = CPS_DIFFICULTY_NORMAL;
        CHECK(cps_difficulty_parse(names[i], &d) == 0, "%s parses", names[i]);
        CHECK(strcmp(cps_difficulty_name(d), names[i]) == 0, "%s round-trips", names[i]);
    }
    CHECK(strcmp(cps_difficulty_name((cps_difficulty)0), "normal") == 0, "zero is normal");
    static const char *const bad[] = {"", "Hard", "medium", "hard ", "easyx", "0", NULL};
    for (int i = 0; i < 7; i++) {
        cps_difficulty d = CPS_DIFFICULTY_HARD;
        CHECK(cps_difficulty_parse(bad[i], &d) == -1 && d == CPS_DIFFICULTY_HARD,
              "'%s' is refused and leaves the level", bad[i] ? bad[i] : "(null)");
    }
}

/* view.difficulty is each level by its name, "normal" when the option is not set. */
static void test_view(void)
{
    static const struct {
        int level, zero;
        const char *line;
    } cases[] = {{CPS_DIFFICULTY_EASY, 0, "difficulty easy turn 0"},
                 {CPS_DIFFICULTY_NORMAL, 0, "difficulty normal turn 0"},
                 {CPS_DIFFICULTY_HARD, 0, "difficulty hard turn 0"},
                 {0, 1, "difficulty normal turn 0"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        play(cases[i].level, cases[i].zero, -1, 1, 3);
        CHECK(strstr(log_text, cases[i].line) != NULL, "'%s' in:\n%s", cases[i].line, log_text);
    }
    /* a change reaches the agents already seated */
    play(CPS_DIFFICULTY_EASY, 0, CPS_DIFFICULTY_HARD, 2, 3);
    CHECK(strstr(log_text, "difficulty easy turn 0") && strstr(log_text, "difficulty hard turn 1"),
          "the level changes for a seated agent:\n%s", log_text);
}

/* An agent that reads the level plays each level differently; the same level repeats. */
static void test_hashes(void)
{
    uint64_t easy = play(CPS_DIFFICULTY_EASY, 0, -1, 4, 11);
    uint64_t normal = play(CPS_DIFFICULTY_NORMAL, 0, -1, 4, 11);
    uint64_t hard = play(CPS_DIFFICULTY_HARD, 0, -1, 4, 11);
    uint64_t unset = play(0, 1, -1, 4, 11);
    uint64_t hard2 = play(CPS_DIFFICULTY_HARD, 0, -1, 4, 11);
    CHECK(easy != normal && normal != hard && easy != hard, "three levels, three games");
    CHECK(unset == normal, "unset plays normal");
    CHECK(hard == hard2, "the same level repeats");
}

/* test_script_difficulty [TEST]: every test, or only the one named. */
int main(int argc, char **argv)
{
    char err[600];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "baseline: %s\n", err);
        return 1;
    }
    const char *only = argc > 1 ? argv[1] : NULL;
#define T(fn) if (!only || strcmp(only, #fn) == 0) RUN(fn)
    T(test_names);
    T(test_view);
    T(test_hashes);
    cps_scenario_info_free(&info);
    return DONE();
}
