/* test_game.c -- a game on the session layer (src/session/session.h) plays as the hand-written
 * loop it replaces, keeps its length, human seats and hash through a save, resumes from its
 * autosave, records what a replay needs, and hands seats over: what sim, the window's end screen
 * and the coming server rely on.
 *
 * test_session_game [TEST] runs every test, or the one named. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "log_capture.h"
#include "replay_file.h"
#include "savefile.h"
#include "session.h"

static char tmp[256];

/* A path in the test's own folder. */
static const char *in_tmp(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", tmp, name);
    return buf;
}

static cpg_opts quiet_opts(void)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.log = log_capture;
    o.seats.quiet = 1;
    return o;
}

/* The hash of 'turns' quarters of 'scenario' played by hand, as sim played before the session
 * layer: the scenario's agents seated, each quarter run_turn then cp_world_advance. */
static uint64_t hand_loop(const char *scenario, uint64_t seed, int agents, int turns)
{
    static cp_scenario sc;
    cps_scenario_info info;
    char err[1400];
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        CHECK(0, "%s: %s", scenario, err);
        return 0;
    }
    cp_error e;
    cp_world *w = cp_world_create(&sc, seed, &e);
    cps_seat_opts so = {0};
    so.log = log_capture;
    so.quiet = 1;
    cps_seats *s = agents ? cps_seats_create(w, &info, NULL, 0, &so, err, sizeof err) : NULL;
    CHECK(!agents || s, "%s: seats: %s", scenario, err);
    for (int t = 0; t < turns; t++) {
        if (s)
            cps_seats_run_turn(s);
        cp_world_advance(w);
    }
    uint64_t h = cp_world_hash(w);
    cps_seats_destroy(s);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return h;
}

/* cpg_play_turn is the loop it replaces, on every scenario, with and without agents. */
static void test_same_as_hand_loop(void)
{
    static char names[64][64];
    int n = cps_list_scripts("scripts/scenarios", names, 64);
    CHECK(n >= 5, "the shipped scenarios: %d", n);
    for (int i = 0; i < n; i++)
        for (int agents = 0; agents < 2; agents++) {
            cpg_opts o = quiet_opts();
            o.no_agents = !agents;
            cpg_error err;
            cpg_game *g = cpg_new(names[i], 7, NULL, 0, &o, &err);
            CHECK(g != NULL, "%s: %s", names[i], err.message);
            if (!g)
                continue;
            CHECK((cpg_seats(g) != NULL) == agents, "%s: seats only with agents", names[i]);
            for (int t = 0; t < 6; t++)
                CHECK(cpg_play_turn(g, &err) == 0, "%s: %s", names[i], err.message);
            uint64_t want = hand_loop(names[i], 7, agents, 6);
            CHECK(cp_world_hash(cpg_world(g)) == want, "%s %s agents: %016llx, by hand %016llx",
                  names[i], agents ? "with" : "without",
                  (unsigned long long)cp_world_hash(cpg_world(g)), (unsigned long long)want);
            CHECK(cp_world_turn(cpg_world(g)) == 6, "six quarters played");
            cpg_close(g);
        }
}

/* A scenario, a world or an agent that does not load is refused with a code and the thing
 * named. */
static void test_refusals(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    CHECK(!cpg_new("no_such_scenario", 1, NULL, 0, &o, &err) && err.code == CPG_ERR_SCENARIO &&
              strstr(err.message, "no_such_scenario"), "a missing scenario: %s", err.message);
    const char *bad[] = {"USA=no_such_agent"};
    CHECK(!cpg_new("baseline", 1, bad, 1, &o, &err) && err.code == CPG_ERR_SEATS &&
              strstr(err.message, "no_such_agent"), "a missing agent: %s", err.message);
    const char *nobody[] = {"XXX=decoupler"};
    CHECK(!cpg_new("baseline", 1, nobody, 1, &o, &err) && err.code == CPG_ERR_SEATS &&
              strstr(err.message, "no nation XXX"), "a nation the scenario lacks: %s", err.message);
    char path[512];
    CHECK(!cpg_load(in_tmp("missing.cpsave", path, sizeof path), NULL, &o, &err) &&
              err.code == CPG_ERR_SAVE && strstr(err.message, "missing.cpsave"),
          "a missing save: %s", err.message);
}

/* The length: the scenario's, the caller's, set mid-game; the game is over once reached. */
static void test_length(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    o.no_agents = 1;
    cpg_game *g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    CHECK(g && cpg_length(g) == cp_world_scenario(cpg_world(g))->default_turns,
          "the scenario's length by default");
    cpg_close(g);
    o.length = 3;
    g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    CHECK(g && cpg_length(g) == 3 && !cpg_is_over(g), "three quarters");
    int played = 0;
    while (g && !cpg_is_over(g) && played < 10) {
        cpg_play_turn(g, &err);
        played++;
    }
    CHECK(played == 3 && cpg_is_over(g), "over after three: %d", played);
    cpg_set_length(g, 5);
    CHECK(!cpg_is_over(g) && cpg_length(g) == 5, "longer again");
    cpg_close(g);
}

/* Saved and loaded, a game keeps its length (issue 15: a 12-quarter game came back "of 40"),
 * its human seats and its hash, and plays on as if it had never stopped. */
static void test_save_load(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    o.length = 12;
    cpg_game *g = cpg_new("baseline", 3, NULL, 0, &o, &err);
    CHECK(g != NULL, "new: %s", err.message);
    if (!g)
        return;
    int usa = cp_world_find_nation(cpg_world(g), "USA"), jpn = cp_world_find_nation(cpg_world(g), "JPN");
    CHECK(cpg_seat(g, usa, NULL, &err) == 0 && cpg_is_human(g, usa) && !cpg_is_human(g, jpn),
          "USA played by a person: %s", err.message);
    for (int t = 0; t < 5; t++)
        cpg_play_turn(g, &err);
    char path[512];
    in_tmp("twelve.cpsave", path, sizeof path);
    CHECK(cpg_save(g, path, &err) == 0, "save: %s", err.message);
    cpg_game *back = cpg_load(path, NULL, &o, &err);
    cpg_opts plain = quiet_opts(); /* the length comes from the save, not the options */
    cpg_game *back2 = cpg_load(path, NULL, &plain, &err);
    CHECK(back && back2, "load: %s", err.message);
    if (!back || !back2) {
        cpg_close(g);
        cpg_close(back);
        cpg_close(back2);
        return;
    }
    CHECK(cpg_length(back2) == 12, "the length is kept: %d, not the scenario's %d", cpg_length(back2),
          cp_world_scenario(cpg_world(back2))->default_turns);
    CHECK(cpg_is_loaded(back2) && !cpg_is_loaded(g), "loaded");
    CHECK(cpg_is_human(back2, usa) && !cpg_is_human(back2, jpn), "the human seat is kept");
    CHECK(cpg_seats(back2) && !cps_seats_agent_path(cpg_seats(back2), usa)[0] &&
              cps_seats_agent_path(cpg_seats(back2), jpn)[0], "the agents as they were");
    CHECK(cp_world_hash(cpg_world(back2)) == cp_world_hash(cpg_world(g)), "the same hash");
    CHECK(cpg_info(back2) && cpg_info(back2)->briefing, "the scenario's briefing comes back");
    while (!cpg_is_over(g))
        cpg_play_turn(g, &err);
    int more = 0;
    while (!cpg_is_over(back2) && more < 40) {
        cpg_play_turn(back2, &err);
        more++;
    }
    CHECK(more == 7, "seven quarters left to 12: %d", more);
    CHECK(cp_world_hash(cpg_world(back2)) == cp_world_hash(cpg_world(g)),
          "plays on as if never stopped: %016llx vs %016llx",
          (unsigned long long)cp_world_hash(cpg_world(back2)), (unsigned long long)cp_world_hash(cpg_world(g)));
    cpg_close(g);
    cpg_close(back);
    cpg_close(back2);

    /* the save says it: a "game" section with the length */
    savefile sf;
    char msg[1200];
    CHECK(savefile_read(path, NULL, &sf, msg, sizeof msg) == 0, "read: %s", msg);
    const savefile_section *s = savefile_find(&sf, "game");
    CHECK(s && s->len == 28 && memcmp(s->data, "length 12\ndifficulty normal\n", 28) == 0,
          "the game section");
    s = savefile_find(&sf, "ui.humans");
    CHECK(s && s->len == 4 && memcmp(s->data, "USA\n", 4) == 0, "the human seats");
    /* a game section that does not read is refused, naming the file; one with keys of a
     * later build loads */
    static const char *const bodies[] = {"length -3\n", "length 12junk\n", "length 99999999999\n",
                                         "color blue\nlength 9\n"};
    for (int k = 0; k < 4; k++) {
        savefile_section sec = {"game", (unsigned char *)bodies[k], strlen(bodies[k])};
        char other[512];
        in_tmp("edited.cpsave", other, sizeof other);
        CHECK(savefile_write(other, sf.world, &sec, 1, msg, sizeof msg) == 0, "write: %s", msg);
        cpg_game *x = cpg_load(other, NULL, &plain, &err);
        if (k < 3)
            CHECK(!x && err.code == CPG_ERR_SAVE && strstr(err.message, "edited.cpsave") &&
                      strstr(err.message, "game section"), "%s refused: %s", bodies[k], err.message);
        else
            CHECK(x && cpg_length(x) == 9, "unknown keys skipped: %s", err.message);
        cpg_close(x);
    }
    /* a save from before the section (as the builds before this one wrote it, with no
     * sections but the world's) ends at the scenario's length; the fixtures under
     * tests/fixtures/saves/ are all of model version 1, which this build refuses */
    char old[512];
    in_tmp("before-game-section.cpsave", old, sizeof old);
    CHECK(savefile_write(old, sf.world, NULL, 0, msg, sizeof msg) == 0, "write: %s", msg);
    savefile_free(&sf);
    cpg_game *v1 = cpg_load(old, NULL, &plain, &err);
    CHECK(v1 && cpg_length(v1) == cp_world_scenario(cpg_world(v1))->default_turns &&
              !cpg_seats(v1),
          "an old save: %s", err.message);
    cpg_close(v1);
}

/* Autosaves: every quarter, the newest found again, the game resumed from it ends as the game
 * that never stopped (a server restarted mid-game, issue 18). */
static void test_autosave_resume(void)
{
    char dir[512];
    in_tmp("auto", dir, sizeof dir);
    cpg_error err;
    cpg_opts o = quiet_opts();
    o.autosave_dir = dir;
    o.autosave_keep = 2;
    cpg_game *g = cpg_new("baseline", 5, NULL, 0, &o, &err);
    CHECK(g != NULL, "new: %s", err.message);
    if (!g)
        return;
    int turn;
    CHECK(cpg_last_autosave(g, &turn)[0] == '\0', "none before the first quarter");
    for (int t = 0; t < 4; t++)
        CHECK(cpg_play_turn(g, &err) == 0, "quarter %d: %s", t + 1, err.message);
    char newest[1024];
    CHECK(cpg_newest_autosave(dir, newest, sizeof newest) == 0 &&
              strcmp(newest, cpg_last_autosave(g, &turn)) == 0 && turn == 4,
          "the newest autosave is the last written: %s, turn %d", newest, turn);
    cpg_file files[16];
    CHECK(cpg_list_saves(dir, files, 16) == 2 && files[0].autosave, "two kept");
    cpg_close(g); /* "the server dies" */

    cpg_opts plain = quiet_opts();
    cpg_game *back = cpg_load(newest, NULL, &plain, &err);
    cpg_game *whole = cpg_new("baseline", 5, NULL, 0, &plain, &err);
    CHECK(back && whole, "load: %s", err.message);
    for (int t = 0; back && whole && t < 4; t++) {
        cpg_play_turn(back, &err);
        cpg_play_turn(whole, &err);
    }
    for (int t = 0; whole && t < 4; t++)
        cpg_play_turn(whole, &err);
    CHECK(back && whole && cp_world_hash(cpg_world(back)) == cp_world_hash(cpg_world(whole)),
          "resumed from the autosave, the same game");
    cpg_close(back);
    cpg_close(whole);
    CHECK(cpg_newest_autosave(in_tmp("none-here", newest, sizeof newest), newest, sizeof newest) != 0,
          "no folder, no autosave");
}

/* An autosave that cannot be written is reported; the quarter was played all the same. */
static void test_autosave_fails(void)
{
    char file[512], dir[600];
    in_tmp("plain-file", file, sizeof file);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL, "a plain file");
    if (f)
        fclose(f);
    snprintf(dir, sizeof dir, "%s/sub", file); /* a folder inside a file: never writable */
    cpg_error err;
    cpg_opts o = quiet_opts();
    o.no_agents = 1;
    o.autosave_dir = dir;
    cpg_game *g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    if (!g) {
        CHECK(0, "new: %s", err.message);
        return;
    }
    int r = cpg_play_turn(g, &err);
    CHECK(r != 0 && err.code == CPG_ERR_AUTOSAVE && strstr(err.message, "plain-file"),
          "the autosave failed: %d %s", err.code, err.message);
    CHECK(cp_world_turn(cpg_world(g)) == 1, "the quarter was played");
    CHECK(cpg_play_turn(g, &err) != 0 && cp_world_turn(cpg_world(g)) == 2, "and the next");
    cpg_close(g);
}

/* Play a recording back with the replay command's step: 1 when every quarter matches. */
static int replays(const char *path, uint64_t final_hash, int want_events)
{
    cpg_error e;
    cpg_playback *p = cpg_playback_open(path, &e);
    if (!p) {
        CHECK(0, "open: %s", e.message);
        return 0;
    }
    const replay *r = cpg_playback_recording(p);
    CHECK(r->complete, "%s is complete", path);
    char msg[600] = "";
    int ok = !cpg_playback_start_differs(p), events = 0;
    for (int k = 0; ok && k < r->turn_count; k++) {
        events += r->turns[k].event_count;
        ok = cpg_playback_step(p, msg, sizeof msg) == CPG_STEP_OK;
        ok = ok && cpg_playback_played(p) == k + 1;
    }
    ok = ok && cp_world_hash(cpg_playback_world(p)) == final_hash && events == want_events;
    CHECK(ok, "%s replays: %s (events %d of %d)", path, msg, events, want_events);
    /* past its end nothing is played */
    uint64_t at_end = cp_world_hash(cpg_playback_world(p));
    CHECK(cpg_playback_step(p, msg, sizeof msg) == CPG_STEP_REFUSED &&
              cp_world_hash(cpg_playback_world(p)) == at_end && strstr(msg, "no quarter after"),
          "a step past the end is refused: %s", msg);
    cpg_playback_close(p);
    return ok;
}

/* A recording of a new game, of a loaded one (its world stored) and of one a teacher injected
 * an event into: each plays back to the game's hash. */
static void test_record(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    char rec[512], save[512];
    /* a file that is not a recording does not open, and says which file */
    FILE *junk = fopen(in_tmp("junk.cprep", rec, sizeof rec), "w");
    if (junk) {
        fputs("not a replay\n", junk);
        fclose(junk);
    }
    cpg_playback *none = cpg_playback_open(rec, &err);
    CHECK(!none && err.code == CPG_ERR_RECORD && strstr(err.message, "junk.cprep"),
          "a damaged recording refused: %s", err.message);
    cpg_game *g = cpg_new("baseline", 2, NULL, 0, &o, &err);
    CHECK(g && cpg_record_start(g, in_tmp("new.cprep", rec, sizeof rec), "baseline", NULL, 0, &err) == 0,
          "record: %s", err.message);
    if (!g)
        return;
    for (int t = 0; t < 3; t++)
        cpg_play_turn(g, &err);
    cp_event flood = {CP_EVENT_MINE_FLOOD, cp_world_find_nation(cpg_world(g), "CHN"), -1, -1, -1, 0.5, 2};
    cp_error ce;
    CHECK(cpg_inject(g, &flood, &ce) == CP_OK, "inject: %s", ce.message);
    cp_event bad = {CP_EVENT_MINE_FLOOD, 99, -1, -1, -1, 0.5, 2};
    CHECK(cpg_inject(g, &bad, &ce) != CP_OK, "a nation that does not exist is refused");
    for (int t = 0; t < 3; t++)
        cpg_play_turn(g, &err);
    CHECK(cpg_record_finish(g, &err) == 0, "finish: %s", err.message);
    replays(rec, cp_world_hash(cpg_world(g)), 1);

    /* its seats named in the recording */
    replay r;
    char msg[1200];
    if (replay_read(rec, &r, msg, sizeof msg) == 0) {
        int found = 0;
        for (int i = 0; i < r.seat_count; i++)
            found |= strncmp(r.seats[i], "USA=", 4) == 0 && strstr(r.seats[i], ".lua");
        CHECK(found && r.world == NULL, "the seats named, the start rebuilt from the scenario");
        CHECK(r.turn_count == 6 && r.turns[0].seat_count > 0, "the agents' records");
        replay_free(&r);
    }
    CHECK(cpg_save(g, in_tmp("mid.cpsave", save, sizeof save), &err) == 0, "save: %s", err.message);
    uint64_t at_save = cp_world_hash(cpg_world(g));
    cpg_close(g);

    /* a loaded game records its world as the start */
    cpg_game *l = cpg_load(save, NULL, &o, &err);
    CHECK(l && cpg_record_start(l, in_tmp("loaded.cprep", rec, sizeof rec), "baseline", NULL, 0, &err) == 0,
          "record a loaded game: %s", err.message);
    if (!l)
        return;
    CHECK(cp_world_hash(cpg_world(l)) == at_save, "loaded");
    for (int t = 0; t < 3; t++)
        cpg_play_turn(l, &err);
    cpg_record_finish(l, &err);
    replays(rec, cp_world_hash(cpg_world(l)), 0);
    cpg_close(l);

    /* closed before it was finished: the recording reads, marked incomplete */
    g = cpg_new("baseline", 2, NULL, 0, &o, &err);
    cpg_record_start(g, in_tmp("cut.cprep", rec, sizeof rec), "baseline", NULL, 0, &err);
    cpg_play_turn(g, &err);
    cpg_close(g);
    if (replay_read(rec, &r, msg, sizeof msg) == 0) {
        CHECK(!r.complete && r.turn_count == 1, "incomplete, one quarter");
        replay_free(&r);
    }
    CHECK(cpg_record_start(l = cpg_new("baseline", 2, NULL, 0, &o, &err),
                           in_tmp("no/such/folder.cprep", rec, sizeof rec), "baseline", NULL, 0,
                           &err) != 0 && err.code == CPG_ERR_RECORD && strstr(err.message, "folder.cprep"),
          "a recording that cannot be written: %s", err.message);
    cpg_close(l);
}

/* Seats change hands: a person takes a nation, an agent takes it back, a file that does not
 * load leaves the seat as it was; a game without agents gets its first one. */
static void test_seats(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    cpg_game *g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    if (!g) {
        CHECK(0, "new: %s", err.message);
        return;
    }
    cp_world *w = cpg_world(g);
    int usa = cp_world_find_nation(w, "USA");
    char names[CP_MAX_NATIONS][300];
    int before = cpg_seat_names(g, names, CP_MAX_NATIONS);
    CHECK(before > 0 && strncmp(names[0], cp_world_nation(w, 0)->iso3, 3) == 0, "seat names: %d", before);
    CHECK(cpg_seat(g, usa, NULL, &err) == 0 && cpg_is_human(g, usa) &&
              !cps_seats_agent_path(cpg_seats(g), usa)[0], "a person takes the USA");
    CHECK(cpg_seat_names(g, names, CP_MAX_NATIONS) == before - 1, "one agent fewer");
    cpg_play_turn(g, &err);
    CHECK(cpg_seat(g, usa, "decoupler", &err) == 0 && !cpg_is_human(g, usa) &&
              strstr(cps_seats_agent_path(cpg_seats(g), usa), "decoupler.lua"), "handed to an agent");
    CHECK(cpg_seat(g, usa, "no_such_agent", &err) != 0 && err.code == CPG_ERR_SEATS &&
              strstr(cps_seats_agent_path(cpg_seats(g), usa), "decoupler.lua"),
          "a missing agent leaves the seat as it was: %s", err.message);
    CHECK(cpg_seat(g, usa, "", &err) == 0 && !cpg_is_human(g, usa) &&
              !cps_seats_agent_path(cpg_seats(g), usa)[0], "nobody plays it");
    CHECK(cpg_seat(g, 99, NULL, &err) != 0 && err.code == CPG_ERR_SEATS, "no nation 99");
    cpg_close(g);

    o.no_agents = 1;
    g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    CHECK(g && !cpg_seats(g), "no seats without agents");
    CHECK(g && cpg_seat(g, usa, "decoupler", &err) == 0 && cpg_seats(g) &&
              cpg_seat_names(g, names, CP_MAX_NATIONS) == 1, "the first agent: %s", err.message);
    cpg_close(g);
}

/* Human seats get ready one after another (hotseat) or in any order (a server); a quarter
 * played clears them. */
static void test_readiness(void)
{
    cpg_error err;
    cpg_opts o = quiet_opts();
    cpg_game *g = cpg_new("baseline", 1, NULL, 0, &o, &err);
    if (!g)
        return;
    cp_world *w = cpg_world(g);
    int usa = cp_world_find_nation(w, "USA"), jpn = cp_world_find_nation(w, "JPN");
    int first = usa < jpn ? usa : jpn, second = usa < jpn ? jpn : usa;
    CHECK(cpg_next_unready(g, 0) == -1, "no human seat, nobody to wait for");
    cpg_seat(g, usa, NULL, &err);
    cpg_seat(g, jpn, NULL, &err);
    CHECK(cpg_next_unready(g, 0) == first && cpg_next_unready(g, first + 1) == second,
          "both wait: %d", cpg_next_unready(g, 0));
    cpg_set_ready(g, second, 1);
    CHECK(cpg_is_ready(g, second) && cpg_next_unready(g, 0) == first &&
              cpg_next_unready(g, first + 1) == -1, "the second is ready first");
    cpg_set_ready(g, first, 1);
    CHECK(cpg_next_unready(g, 0) == -1, "everyone is ready");
    cpg_play_turn(g, &err);
    CHECK(!cpg_is_ready(g, first) && !cpg_is_ready(g, second) && cpg_next_unready(g, 0) == first,
          "a new quarter: nobody is ready");
    cpg_close(g);
}

/* What became of a seat's deals: an offer to an agent that rejects it is news for both,
 * and for no one else. */
static void test_deal_news(void)
{
    char assign[400];
    snprintf(assign, sizeof assign, "JPN=%s/tests/script/deals/reject.lua", CP_DATA_DIR);
    const char *a[] = {assign};
    cpg_error err;
    cpg_opts o = quiet_opts();
    cpg_game *g = cpg_new("baseline", 3, a, 1, &o, &err);
    if (!g) {
        CHECK(0, "new: %s", err.message);
        return;
    }
    cp_world *w = cpg_world(g);
    int usa = cp_world_find_nation(w, "USA"), jpn = cp_world_find_nation(w, "JPN");
    cpg_seat(g, usa, NULL, &err);
    char buf[600];
    CHECK(cpg_deal_news(g, usa, buf, sizeof buf)[0] == '\0', "no news before a quarter");
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = usa;
    d.party_count = 2;
    d.parties[0] = usa;
    d.parties[1] = jpn;
    d.clause_count = 1;
    d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_TARIFF, .from = usa, .to = jpn, .good = CP_MAGNET,
                               .amount = 0, .facility = -1};
    d.term_turns = 4;
    cp_error e;
    int id = cp_world_propose(w, &d, &e);
    CHECK(id >= 0, "proposed: %s", e.message);
    cpg_play_turn(g, &err);
    char want[128];
    snprintf(want, sizeof want, "Deal #%d with Japan: rejected", id);
    CHECK(strcmp(cpg_deal_news(g, usa, buf, sizeof buf), want) == 0, "USA hears: \"%s\"", buf);
    snprintf(want, sizeof want, "Deal #%d with United States: rejected", id);
    CHECK(strcmp(cpg_deal_news(g, jpn, buf, sizeof buf), want) == 0, "Japan: \"%s\"", buf);
    /* China is no party: none of its news (its own deals with the agents) is about this deal */
    snprintf(want, sizeof want, "Deal #%d ", id);
    CHECK(strstr(cpg_deal_news(g, cp_world_find_nation(w, "CHN"), buf, sizeof buf), want) == NULL,
          "China has no news of it: \"%s\"", buf);
    cpg_play_turn(g, &err);
    CHECK(cpg_deal_news(g, usa, buf, sizeof buf)[0] == '\0', "old news is not news");
    cpg_close(g);
}

/* The agents' lines go through the game to the caller, and into the recording. */
static void test_lines(void)
{
    char assign[400];
    snprintf(assign, sizeof assign, "USA=%s/tests/script/agents/always_fails.lua", CP_DATA_DIR);
    const char *a[] = {assign};
    cpg_error err;
    cpg_opts o = quiet_opts();
    log_clear();
    cpg_game *g = cpg_new("baseline", 1, a, 1, &o, &err);
    char rec[512];
    cpg_record_start(g, in_tmp("lines.cprep", rec, sizeof rec), "baseline", NULL, 0, &err);
    cpg_play_turn(g, &err);
    cpg_record_finish(g, &err);
    CHECK(strstr(log_text, "turn 0 USA: agent failed"), "the caller's log: %s", log_text);
    replay r;
    char msg[1200];
    if (replay_read(rec, &r, msg, sizeof msg) == 0) {
        int found = 0;
        for (int i = 0; r.turn_count && i < r.turns[0].line_count; i++)
            found |= strstr(r.turns[0].lines[i].text, "turn 0 USA: agent failed") != NULL;
        CHECK(found, "the line in the recording");
        replay_free(&r);
    }
    cpg_close(g);
}

int main(int argc, char **argv)
{
    snprintf(tmp, sizeof tmp, "/tmp/test_session_game.XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    const char *only = argc > 1 ? argv[1] : NULL;
#define T(fn) if (!only || strcmp(only, #fn) == 0) RUN(fn)
    T(test_same_as_hand_loop);
    T(test_refusals);
    T(test_length);
    T(test_save_load);
    T(test_autosave_resume);
    T(test_autosave_fails);
    T(test_record);
    T(test_seats);
    T(test_readiness);
    T(test_deal_news);
    T(test_lines);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    return DONE();
}
