/* test_reload.c -- hot reload (cps_seats_reload_changed, `sim --watch`): an
 * edited agent file is picked up at the next turn with its memory kept; a
 * file that no longer loads is refused with its file and line and the old
 * version plays on; files that do not change change nothing. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "log_capture.h"
#include "chokepoint.h"
#include "script.h"

static cp_scenario sc;
static cps_scenario_info info;
static char dir[] = "/tmp/chokepoint-reload-XXXXXX";
static char agent_path[256], assign_text[300];

static void write_agent(const char *text)
{
    FILE *f = fopen(agent_path, "w");
    CHECK(f != NULL, "cannot write %s", agent_path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Version 1 counts turns in memory; version 2 counts too and says so. Its
 * init would start the count at 100: the kept memory must win over it. */
static const char *V1 = "return { api_version = 1,\n"
                        "  turn = function(view, act, memory)\n"
                        "    memory.turns = (memory.turns or 0) + 1\n"
                        "    memory.version = 1\n"
                        "  end }\n";
static const char *V2 = "-- version 2\n"
                        "return { api_version = 1,\n"
                        "  init = function(view, memory) memory.turns = 100 end,\n"
                        "  turn = function(view, act, memory)\n"
                        "    memory.turns = memory.turns + 1\n"
                        "    memory.version = 2\n"
                        "  end }\n";
static const char *BROKEN = "return { api_version = 1,\n"
                            "  turn = function(view, act, memory)\n"
                            "    memory.turns = = 1\n"
                            "  end }\n";
static const char *BROKEN_TOP = "local x = nil\n"
                                "local y = x.field -- fails when the file loads\n"
                                "return { api_version = 1, turn = function() end }\n";

/* The memory of the USA seat, as the text a save would hold. */
static void memory_of(cps_seats *s, int usa, char *out, size_t cap)
{
    char *text = NULL, err[300];
    size_t len = 0;
    out[0] = '\0';
    if (cps_seats_memory_save(s, usa, &text, &len, err, sizeof err) != 0) {
        CHECK(0, "memory: %s", err);
        return;
    }
    char *shown = NULL;
    size_t n = 0;
    CHECK(cps_memory_text(text, len, &shown, &n) == 0, "the saved memory reads back");
    snprintf(out, cap, "%s", shown ? shown : "");
    free(shown);
    free(text);
}

/* 1 when the memory text holds key = value (saved as ["key"]=value). */
static int mem_has(const char *mem, const char *key, int value)
{
    char want[64];
    snprintf(want, sizeof want, "[\"%s\"]=%d,", key, value);
    return strstr(mem, want) != NULL;
}

static cps_seats *start(cp_world **w, int *usa)
{
    cp_error e;
    *w = cp_world_create(&sc, 3, &e);
    CHECK(*w != NULL, "world");
    *usa = cp_world_find_nation(*w, "USA");
    const char *assign[] = {assign_text};
    cps_seat_opts opts = {0};
    opts.log = log_capture;
    opts.quiet = 1;
    char err[700];
    cps_seats *s = cps_seats_create(*w, &info, assign, 1, &opts, err, sizeof err);
    CHECK(s != NULL, "seats: %s", err);
    return s;
}

static void turn(cps_seats *s, cp_world *w)
{
    cps_seats_run_turn(s);
    cp_world_advance(w);
}

static void test_change_picked_up_memory_kept(void)
{
    write_agent(V1);
    cp_world *w;
    int usa, rejected = -1;
    cps_seats *s = start(&w, &usa);
    if (!s)
        return;
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 0,
          "the first call only notes the files");
    turn(s, w);
    turn(s, w);
    char mem[512];
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 2) && mem_has(mem, "version", 1),
          "v1 played two turns: %s", mem);
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 0,
          "an unchanged file is left alone");

    write_agent(V2);
    log_clear();
    CHECK(cps_seats_reload_changed(s, &rejected) == 1 && rejected == 0, "the edit is reloaded");
    CHECK(strstr(log_text, "turn 2 USA: reloaded") && strstr(log_text, "memory kept"),
          "the log says so: %s", log_text);
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 2), "memory kept across the reload (not init's 100): %s", mem);
    turn(s, w);
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 3) && mem_has(mem, "version", 2),
          "the new version plays on from the old memory: %s", mem);
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 0,
          "reloaded once per edit");
    /* other seats keep their agents */
    CHECK(strstr(cps_seats_stats(s, cp_world_find_nation(w, "CHN"))->agent, "rhythm_card"),
          "China still plays its scenario agent");
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

static void test_broken_file_rejected_old_plays(void)
{
    write_agent(V1);
    cp_world *w;
    int usa, rejected = -1;
    cps_seats *s = start(&w, &usa);
    if (!s)
        return;
    cps_seats_reload_changed(s, NULL);
    turn(s, w);

    write_agent(BROKEN);
    log_clear();
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 1, "a broken file is refused");
    char where[300];
    snprintf(where, sizeof where, "%s:3:", agent_path);
    CHECK(strstr(log_text, "reload refused") && strstr(log_text, where) &&
              strstr(log_text, "previous version plays on"),
          "the log names the file and line (%s): %s", where, log_text);
    turn(s, w);
    turn(s, w);
    char mem[512];
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 3) && mem_has(mem, "version", 1), "v1 still plays: %s", mem);
    CHECK(cps_seats_stats(s, usa)->failures_total == 0, "and does not fail");
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 0,
          "the same broken file is not tried every turn");

    write_agent(BROKEN_TOP);
    log_clear();
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 1,
          "a file that fails when it loads is refused");
    snprintf(where, sizeof where, "%s:2:", agent_path);
    CHECK(strstr(log_text, where), "with its line: %s", log_text);

    write_agent(V2); /* fixed: picked up, memory kept */
    CHECK(cps_seats_reload_changed(s, &rejected) == 1 && rejected == 0, "the fix is reloaded");
    turn(s, w);
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 4) && mem_has(mem, "version", 2), "v2 from v1's memory: %s", mem);

    unlink(agent_path);
    log_clear();
    CHECK(cps_seats_reload_changed(s, &rejected) == 0 && rejected == 1, "a deleted file is refused");
    turn(s, w);
    memory_of(s, usa, mem, sizeof mem);
    CHECK(mem_has(mem, "turns", 5), "and the loaded version plays on: %s", mem);
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

/* Watching files that do not change leaves the game exactly as it was. */
static void test_watch_without_edits_same_game(void)
{
    write_agent(V1);
    uint64_t hash[2];
    for (int watch = 0; watch < 2; watch++) {
        cp_world *w;
        int usa;
        cps_seats *s = start(&w, &usa);
        if (!s)
            return;
        for (int t = 0; t < 8; t++) {
            if (watch)
                cps_seats_reload_changed(s, NULL);
            turn(s, w);
        }
        hash[watch] = cp_world_hash(w);
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
    CHECK(hash[0] == hash[1], "same hash with and without watching");
}

int main(void)
{
    char err[512];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "baseline: %s\n", err);
        return 1;
    }
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(agent_path, sizeof agent_path, "%s/my_agent.lua", dir);
    snprintf(assign_text, sizeof assign_text, "USA=%s", agent_path);
    RUN(test_change_picked_up_memory_kept);
    RUN(test_broken_file_rejected_old_plays);
    RUN(test_watch_without_edits_same_game);
    unlink(agent_path);
    rmdir(dir);
    cps_scenario_info_free(&info);
    return DONE();
}
