/* test_difficulty.c -- the game's difficulty (issue 22) on the session layer: a new game hands
 * its level to every agent (view.difficulty) and plays differently by level with an agent that
 * reads it; a save keeps the level and a load plays on with it whatever the caller's options
 * say; a save from before levels loads as "normal"; a level that does not read is refused,
 * naming the file and the three levels; a recording keeps it, a replay from before reads as
 * "normal"; an agent seated later and a level changed mid-game reach the agents.
 *
 * test_session_difficulty [TEST] runs every test, or the one named. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "log_capture.h"
#include "replay_file.h"
#include "savefile.h"
#include "session.h"

#define AGENT CP_DATA_DIR "/tests/script/agents/difficulty_tariff.lua"

static char tmp[256];

static const char *in_tmp(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", tmp, name);
    return buf;
}

/* Options whose agents' print() lines reach log_text, at 'level'. */
static cpg_opts opts_at(cps_difficulty level)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.log = log_capture;
    o.seats.difficulty = level;
    return o;
}

/* A baseline game, seed 5, difficulty_tariff.lua as USA at 'level'. */
static cpg_game *game_at(cps_difficulty level)
{
    cpg_opts o = opts_at(level);
    const char *assign[] = {"USA=" AGENT};
    cpg_error err;
    cpg_game *g = cpg_new("baseline", 5, assign, 1, &o, &err);
    CHECK(g != NULL, "new: %s", g ? "" : err.message);
    return g;
}

static uint64_t play(cpg_game *g, int turns)
{
    cpg_error err;
    for (int t = 0; t < turns; t++)
        CHECK(cpg_play_turn(g, &err) == 0, "turn: %s", err.message);
    return cp_world_hash(cpg_world(g));
}

/* Each level reaches the agents and makes its own game; an unset level is normal. */
static void test_levels(void)
{
    uint64_t h[3];
    static const char *const line[3] = {"difficulty normal turn 0", "difficulty easy turn 0",
                                        "difficulty hard turn 0"};
    for (int level = 0; level < 3; level++) {
        log_clear();
        cpg_game *g = game_at((cps_difficulty)level);
        if (!g)
            return;
        CHECK((int)cpg_difficulty(g) == level, "the game's level");
        h[level] = play(g, 3);
        CHECK(strstr(log_text, line[level]) != NULL, "'%s' in:\n%s", line[level], log_text);
        cpg_close(g);
    }
    CHECK(h[0] != h[1] && h[1] != h[2] && h[0] != h[2], "three levels, three games");
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.log = log_capture;
    const char *assign[] = {"USA=" AGENT};
    cpg_error err;
    cpg_game *g = cpg_new("baseline", 5, assign, 1, &o, &err);
    CHECK(g && cpg_difficulty(g) == CPS_DIFFICULTY_NORMAL && play(g, 3) == h[0],
          "options left zero play normal");
    cpg_close(g);
}

/* A save keeps the level: loaded with other options, the game plays on as if never stopped. */
static void test_save_load(void)
{
    cpg_game *straight = game_at(CPS_DIFFICULTY_HARD);
    cpg_game *g = game_at(CPS_DIFFICULTY_HARD);
    if (!straight || !g)
        return;
    uint64_t want = play(straight, 4);
    play(g, 2);
    char path[512];
    cpg_error err;
    CHECK(cpg_save(g, in_tmp("hard.cpsave", path, sizeof path), &err) == 0, "save: %s",
          err.message);
    cpg_close(g);
    cpg_close(straight);
    savefile sf;
    char msg[1200];
    CHECK(savefile_read(path, NULL, &sf, msg, sizeof msg) == 0, "read: %s", msg);
    const savefile_section *s = savefile_find(&sf, "game");
    char text[128] = "";
    if (s && s->len < sizeof text)
        memcpy(text, s->data, s->len);
    CHECK(strstr(text, "\ndifficulty hard\n") != NULL, "the game section names the level: %s",
          text);
    cpg_opts normal = opts_at(CPS_DIFFICULTY_NORMAL);
    log_clear();
    cpg_game *back = cpg_load(path, NULL, &normal, &err);
    CHECK(back != NULL, "load: %s", err.message);
    if (back) {
        CHECK(cpg_difficulty(back) == CPS_DIFFICULTY_HARD, "the save's level, not the options'");
        CHECK(play(back, 2) == want, "plays on as if never stopped");
        CHECK(strstr(log_text, "difficulty hard turn 3") != NULL, "the agent reads hard:\n%s",
              log_text);
        cpg_close(back);
    }
    /* changed after the load: the agents read the new level at once, and the next save keeps it */
    back = cpg_load(path, NULL, &normal, &err);
    if (back) {
        cpg_set_difficulty(back, CPS_DIFFICULTY_EASY);
        log_clear();
        uint64_t changed = play(back, 2);
        CHECK(changed != want, "another level from turn 2 plays another game");
        CHECK(strstr(log_text, "difficulty easy turn 2") != NULL, "the agent reads easy:\n%s",
              log_text);
        char again[512];
        CHECK(cpg_save(back, in_tmp("easy.cpsave", again, sizeof again), &err) == 0, "save");
        cpg_close(back);
        cpg_game *e = cpg_load(again, NULL, &normal, &err);
        CHECK(e && cpg_difficulty(e) == CPS_DIFFICULTY_EASY, "the next save keeps the change");
        cpg_close(e);
    }

    /* a save from before levels (its game section holds the length alone) plays normal, even
     * when the caller asks for hard; a level that does not read is refused, naming it */
    cpg_opts hard = opts_at(CPS_DIFFICULTY_HARD);
    static const char *const bodies[] = {"length 40\n", "length 40\ndifficulty medium\n",
                                         "difficulty \n", "difficulty Hard\n", "difficulty easy\n"};
    for (int k = 0; k < 5; k++) {
        savefile_section sec = {"game", (unsigned char *)bodies[k], strlen(bodies[k])};
        char other[512];
        in_tmp("edited.cpsave", other, sizeof other);
        CHECK(savefile_write(other, sf.world, &sec, 1, msg, sizeof msg) == 0, "write: %s", msg);
        cpg_game *x = cpg_load(other, NULL, &hard, &err);
        if (k == 0)
            CHECK(x && cpg_difficulty(x) == CPS_DIFFICULTY_NORMAL, "an old save plays normal: %s",
                  err.message);
        else if (k == 4)
            CHECK(x && cpg_difficulty(x) == CPS_DIFFICULTY_EASY, "easy reads: %s", err.message);
        else
            CHECK(!x && err.code == CPG_ERR_SAVE && strstr(err.message, "edited.cpsave") &&
                      strstr(err.message, "difficulty") &&
                      strstr(err.message, "easy, normal or hard"),
                  "%s refused: %s", bodies[k], err.message);
        cpg_close(x);
    }
    /* and a save with no game section at all */
    char bare[512];
    in_tmp("bare.cpsave", bare, sizeof bare);
    CHECK(savefile_write(bare, sf.world, NULL, 0, msg, sizeof msg) == 0, "write: %s", msg);
    cpg_game *x = cpg_load(bare, NULL, &hard, &err);
    CHECK(x && cpg_difficulty(x) == CPS_DIFFICULTY_NORMAL, "no game section: normal");
    cpg_close(x);
    savefile_free(&sf);
}

/* A recording keeps the level; one from before levels reads as normal. */
static void test_record(void)
{
    cpg_game *g = game_at(CPS_DIFFICULTY_EASY);
    if (!g)
        return;
    char rec[512];
    cpg_error err;
    CHECK(cpg_record_start(g, in_tmp("easy.cprep", rec, sizeof rec), "baseline", NULL, 0, &err) == 0,
          "record: %s", err.message);
    uint64_t h = play(g, 3);
    CHECK(cpg_record_finish(g, &err) == 0, "finish: %s", err.message);
    cpg_close(g);
    replay r;
    char msg[1200];
    CHECK(replay_read(rec, &r, msg, sizeof msg) == 0 && r.difficulty == CPS_DIFFICULTY_EASY,
          "the recording says easy: %s", msg);
    replay_free(&r);
    cpg_playback *p = cpg_playback_open(rec, &err);
    CHECK(p != NULL, "open: %s", err.message);
    char why[600];
    for (int k = 0; p && k < 3; k++)
        CHECK(cpg_playback_step(p, why, sizeof why) == CPG_STEP_OK, "step %d: %s", k, why);
    CHECK(p && cp_world_hash(cpg_playback_world(p)) == h, "the replay ends as the game");
    cpg_playback_close(p);
    CHECK(replay_read(CP_DATA_DIR "/tests/fixtures/replays/v4-baseline-4turns.cprep", &r, msg,
                      sizeof msg) == 0 && r.difficulty == CPS_DIFFICULTY_NORMAL,
          "a format 4 replay reads as normal: %s", msg);
    replay_free(&r);
}

/* A game without agents gets its first one at the game's level (a teacher hands a seat over). */
static void test_seated_later(void)
{
    cpg_opts o = opts_at(CPS_DIFFICULTY_HARD);
    o.no_agents = 1;
    cpg_error err;
    cpg_game *g = cpg_new("baseline", 5, NULL, 0, &o, &err);
    CHECK(g != NULL, "new: %s", err.message);
    if (!g)
        return;
    int usa = cp_world_find_nation(cpg_world(g), "USA");
    CHECK(cpg_seat(g, usa, AGENT, &err) == 0, "seat: %s", err.message);
    log_clear();
    play(g, 1);
    CHECK(strstr(log_text, "difficulty hard turn 0") != NULL, "seated later, reads hard:\n%s",
          log_text);
    cpg_close(g);
}

int main(int argc, char **argv)
{
    snprintf(tmp, sizeof tmp, "/tmp/chokepoint-difficulty-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    const char *only = argc > 1 ? argv[1] : NULL;
#define T(fn) if (!only || strcmp(only, #fn) == 0) RUN(fn)
    T(test_levels);
    T(test_save_load);
    T(test_record);
    T(test_seated_later);
    static const char *const files[] = {"hard.cpsave", "easy.cpsave", "edited.cpsave",
                                        "bare.cpsave", "easy.cprep"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char p[512];
        unlink(in_tmp(files[i], p, sizeof p));
    }
    rmdir(tmp);
    return DONE();
}
