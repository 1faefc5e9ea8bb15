/* test_savefile.c -- save files, autosaves and replays as the command line
 * uses them: round trips with extra sections, refusals that name the file
 * and never touch it, atomic writes, autosave rotation, replays that match
 * (from a scenario and from a save) and replays that differ or are damaged,
 * and a game with an agent in every seat saved, loaded and continued. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytes.h"
#include "check.h"
#include "cli.h"
#include "file_io.h"
#include "fixture.h"
#include "inputs.h"
#include "replay_file.h"
#include "save_seats.h"
#include "savefile.h"
#include "script.h"

static char tmp[256];
static cp_scenario sc;

static cp_world *three_at(int turns, int game)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 9);
    inputs in = {0};
    for (int t = 0; t < turns; t++) {
        inputs_seed(&in, game, t);
        inputs_turn(&in, w);
        cp_world_advance(w);
    }
    return w;
}

static int count_files(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    if (d)
        closedir(d);
    return n;
}

static int count_temp(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += file_is_temp(e->d_name);
    if (d)
        closedir(d);
    return n;
}

static void test_round_trip_with_sections(void)
{
    cp_world *w = three_at(6, 1);
    unsigned char blob[300];
    for (size_t i = 0; i < sizeof blob; i++)
        blob[i] = (unsigned char)(i * 7); /* NUL bytes included */
    savefile_section extra[2] = {{"notes", (unsigned char *)"hello", 5}, {"memory.BIG", blob, sizeof blob}};
    char path[512], err[1024];
    snprintf(path, sizeof path, "%s/game.cpsave", tmp);
    CHECK(savefile_write(path, w, extra, 2, err, sizeof err) == 0, "write: %s", err);
    CHECK(count_temp(tmp) == 0, "no temporary file is left");
    savefile sf;
    CHECK(savefile_read(path, "three", &sf, err, sizeof err) == 0, "read: %s", err);
    CHECK(sf.world && cp_world_hash(sf.world) == cp_world_hash(w), "the world comes back");
    CHECK(strcmp(sf.scenario, "three") == 0 && sf.turn == 6 && sf.seed == 9, "meta: %s %d",
          sf.scenario, sf.turn);
    CHECK(sf.extra_count == 2, "two extra sections");
    const savefile_section *m = savefile_find(&sf, "memory.BIG");
    CHECK(m && m->len == sizeof blob && memcmp(m->data, blob, sizeof blob) == 0,
          "an extra section comes back byte for byte");
    CHECK(savefile_find(&sf, "notes") && !savefile_find(&sf, "world"), "found by name");
    savefile_free(&sf);

    savefile_section dup[2] = {{"x", blob, 1}, {"x", blob, 1}};
    unsigned char *buf;
    size_t len;
    CHECK(savefile_encode(w, dup, 2, &buf, &len, err, sizeof err) != 0 && strstr(err, "twice"),
          "duplicate section names refused: %s", err);
    savefile_section world_name[1] = {{"world", blob, 1}};
    CHECK(savefile_encode(w, world_name, 1, &buf, &len, err, sizeof err) != 0,
          "an extra section cannot be called world");
    cp_world_destroy(w);
}

/* What a directory holds, as one string of names and sizes and times. */
static void listing(const char *dir, char *out, size_t len)
{
    out[0] = '\0';
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char p[1024], line[1200];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (stat(p, &st) != 0)
            continue;
        snprintf(line, sizeof line, "%s:%lld:%lld.%09ld|", e->d_name, (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        strncat(out, line, len - strlen(out) - 1);
    }
    if (d)
        closedir(d);
}

static void expect_refused(const unsigned char *buf, size_t len, const char *scenario,
                           const char *fragment, const char *what)
{
    savefile sf;
    char err[1024] = "";
    int r = savefile_decode(buf, len, "x.cpsave", scenario, &sf, err, sizeof err);
    CHECK(r != 0 && sf.world == NULL, "%s: refused", what);
    CHECK(strncmp(err, "x.cpsave: ", 10) == 0 && strstr(err, fragment),
          "%s: message '%s' names the file and says '%s'", what, err, fragment);
}

static void fix_container_checksum(unsigned char *buf, size_t len)
{
    uint64_t h = bytes_fnv1a(BYTES_FNV_BASIS, buf, 24);
    bytes_put_u64(buf + 24, bytes_fnv1a(h, buf + 32, len - 32));
}

static void test_refusals(void)
{
    cp_world *w = three_at(5, 2);
    unsigned char *buf;
    size_t len;
    char err[1024];
    savefile_section extra[1] = {{"notes", (unsigned char *)"abc", 3}};
    CHECK(savefile_encode(w, extra, 1, &buf, &len, err, sizeof err) == 0, "encode: %s", err);
    unsigned char *bad = malloc(len + 8);

    for (size_t cut = 0; cut < len; cut += cut < 80 ? 1 : 211)
        expect_refused(buf, cut, NULL, "truncated", "a truncated save");
    memcpy(bad, buf, len);
    memset(bad + len, 0, 8);
    expect_refused(bad, len + 8, NULL, "unexpected bytes", "trailing bytes");
    expect_refused((const unsigned char *)"#!/bin/sh\necho this is not a save at all\n", 42, NULL,
                   "not a Chokepoint save file", "a foreign file");
    for (int k = 0; k < 100; k++) {
        memcpy(bad, buf, len);
        bad[32 + (size_t)rand() % (len - 32)] ^= (unsigned char)(1 + rand() % 255);
        expect_refused(bad, len, NULL, "corrupted", "a damaged byte");
    }
    memcpy(bad, buf, len);
    bytes_put_u32(bad + 8, SAVEFILE_VERSION + 1);
    fix_container_checksum(bad, len);
    expect_refused(bad, len, NULL, "saved by a newer Chokepoint", "a future container version");
    expect_refused(buf, len, "baseline", "a save of scenario 'three', not 'baseline'",
                   "the wrong scenario");

    /* a world inside that is damaged, in a container that is not: the
     * core's own checks speak, prefixed with "world" */
    size_t world_at = 32 + 4 + 4 + 8 + (size_t)bytes_get_u64(buf + 40) + 4 + 5 + 8;
    CHECK(memcmp(buf + world_at, "CPWORLD", 7) == 0, "found the world inside");
    memcpy(bad, buf, len);
    bad[world_at + 200] ^= 0x40;
    fix_container_checksum(bad, len);
    expect_refused(bad, len, NULL, "world: corrupted", "a damaged world");
    memcpy(bad, buf, len);
    bytes_put_u32(bad + world_at + 8, 99);
    fix_container_checksum(bad, len);
    expect_refused(bad, len, NULL, "world: format version 99 is newer", "a future world version");

    /* reading refuses without touching anything on disk */
    char path[512], before[8192], after[8192];
    snprintf(path, sizeof path, "%s/damaged.cpsave", tmp);
    memcpy(bad, buf, len);
    bad[len / 2] ^= 1;
    FILE *f = fopen(path, "wb");
    fwrite(bad, 1, len, f);
    fclose(f);
    listing(tmp, before, sizeof before);
    savefile sf;
    CHECK(savefile_read(path, NULL, &sf, err, sizeof err) != 0 && strstr(err, path),
          "a damaged file is refused by name: %s", err);
    snprintf(path, sizeof path, "%s/missing.cpsave", tmp);
    CHECK(savefile_read(path, NULL, &sf, err, sizeof err) != 0 && strstr(err, "missing.cpsave"),
          "a missing file is refused by name: %s", err);
    CHECK(savefile_read(tmp, NULL, &sf, err, sizeof err) != 0 && strstr(err, "directory"),
          "a directory is refused: %s", err);
    listing(tmp, after, sizeof after);
    CHECK(strcmp(before, after) == 0, "reading changed nothing on disk");

    /* a write that fails leaves what was there */
    snprintf(path, sizeof path, "%s/adir", tmp);
    mkdir(path, 0755);
    CHECK(savefile_write(path, w, NULL, 0, err, sizeof err) != 0 && strstr(err, "adir"),
          "writing over a directory fails by name: %s", err);
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "the directory is still there");
    CHECK(count_temp(tmp) == 0, "no temporary file is left after a failed write");
    free(bad);
    free(buf);
    cp_world_destroy(w);
}

static void test_autosave_rotation(void)
{
    char dir[512], err[1024], path[1024];
    snprintf(dir, sizeof dir, "%s/auto/deep", tmp);
    cp_world *w = three_at(0, 3);
    cp_world *early = cp_world_clone(w);
    for (int t = 0; t < 8; t++) {
        cp_world_advance(w);
        CHECK(savefile_autosave(dir, w, NULL, 0, 5, path, sizeof path, err, sizeof err) == 0,
              "autosave: %s", err);
    }
    CHECK(count_files(dir, "autosave-three-") == 5, "five autosaves kept");
    snprintf(path, sizeof path, "%s/autosave-three-000008-t0008.cpsave", dir);
    CHECK(access(path, F_OK) == 0, "the newest is there");
    snprintf(path, sizeof path, "%s/autosave-three-000003-t0003.cpsave", dir);
    CHECK(access(path, F_OK) != 0, "the oldest went");

    /* a stale temporary file from a killed autosave, and other files */
    char stale[1024], other[1024], mine[1024];
    snprintf(stale, sizeof stale, "%s/.autosave-three-000009-t0009.cpsave.tmp-Ab12Cd", dir);
    snprintf(other, sizeof other, "%s/.autosave-otherscn-000001-t0001.cpsave.tmp-Ab12Cd", dir);
    snprintf(mine, sizeof mine, "%s/my-own-save.cpsave", dir);
    fclose(fopen(stale, "w"));
    fclose(fopen(other, "w"));
    fclose(fopen(mine, "w"));

    /* load an early game and play on: its autosave is the newest */
    cp_world_advance(early);
    CHECK(savefile_autosave(dir, early, NULL, 0, 5, path, sizeof path, err, sizeof err) == 0,
          "autosave: %s", err);
    CHECK(strstr(path, "autosave-three-000009-t0001.cpsave") != NULL, "named by sequence: %s",
          path);
    CHECK(access(path, F_OK) == 0, "the autosave of the replayed early turn is kept");
    snprintf(path, sizeof path, "%s/autosave-three-000004-t0004.cpsave", dir);
    CHECK(access(path, F_OK) != 0, "the oldest by sequence went");
    CHECK(count_files(dir, "autosave-three-") == 5, "still five");
    CHECK(access(stale, F_OK) != 0, "the stale temporary file was removed");
    CHECK(access(other, F_OK) == 0 && access(mine, F_OK) == 0, "other files are left alone");
    savefile sf;
    snprintf(path, sizeof path, "%s/autosave-three-000008-t0008.cpsave", dir);
    CHECK(savefile_read(path, "three", &sf, err, sizeof err) == 0 && sf.turn == 8,
          "an autosave loads: %s", err);
    savefile_free(&sf);
    cp_world_destroy(w);
    cp_world_destroy(early);
}

/* ---- replays ---------------------------------------------------------------------- */

static void note_event(void *ud, const cp_event *e) { replay_rec_inject(ud, e); }

/* Record 'turns' turns of random decisions on 'w' into 'path'. */
static void record(cp_world *w, const char *path, const char *scenario, int from_save, int turns,
                   int game, int close)
{
    char err[1024];
    const char *seats[] = {"AAA=scripts/agents/x.lua"};
    replay_rec *rec = replay_rec_open(path, scenario, w, from_save, seats, 1,
                                      CPS_DIFFICULTY_HARD, err, sizeof err);
    CHECK(rec != NULL, "recording: %s", err);
    if (!rec)
        return;
    inputs in = {0};
    in.on_event = note_event;
    in.ud = rec;
    for (int t = 0; t < turns; t++) {
        inputs_seed(&in, game, cp_world_turn(w));
        inputs_turn(&in, w);
        CHECK(replay_rec_before(rec, w, err, sizeof err) == 0, "before: %s", err);
        cp_world_advance(w);
        CHECK(replay_rec_after(rec, w, err, sizeof err) == 0, "after: %s", err);
    }
    if (close)
        CHECK(replay_rec_close(rec, err, sizeof err) == 0, "close: %s", err);
    else
        replay_rec_abandon(rec);
}

/* Run `chokepoint replay FILE` and keep what it printed. */
static int run_replay(const char *path, char *out, size_t len)
{
    char outfile[512];
    snprintf(outfile, sizeof outfile, "%s/replay.out", tmp);
    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(1), saved_err = dup(2);
    int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    char *argv[] = {(char *)path, NULL};
    int status = cmd_replay(1, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    close(fd);
    FILE *f = fopen(outfile, "r");
    size_t n = f ? fread(out, 1, len - 1, f) : 0;
    out[n] = '\0';
    if (f)
        fclose(f);
    return status;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    unsigned char *buf;
    char err[512];
    if (file_read_all(path, 1 << 30, &buf, len, err, sizeof err) != 0)
        return NULL;
    return buf;
}

static void spit(const char *path, const unsigned char *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    fwrite(buf, 1, len, f);
    fclose(f);
}

/* Offsets of the records of a replay file. */
static int records(const unsigned char *buf, size_t len, size_t *at, int max)
{
    int n = 0;
    for (size_t pos = 16; pos + 16 <= len && n < max; n++) {
        at[n] = pos;
        pos += 16 + bytes_get_u32(buf + pos + 4);
    }
    return n;
}

static void test_replay_from_scenario(void)
{
    static cp_scenario base;
    char err[1024], path[512], bad[512], out[4096];
    CHECK(cps_scenario_load("baseline", &base, NULL, err, sizeof err) == 0, "baseline: %s", err);
    cp_error e;
    cp_world *w = cp_world_create(&base, 5, &e);
    snprintf(path, sizeof path, "%s/game.cprep", tmp);
    record(w, path, "baseline", 0, 12, 4, 1);
    int deals = cp_world_deal_count(w);
    CHECK(deals > 0, "the game had deals (%d)", deals);
    uint64_t final = cp_world_hash(w);
    cp_world_destroy(w);

    replay r;
    CHECK(replay_read(path, &r, err, sizeof err) == 0 && r.complete && r.turn_count == 12,
          "the replay reads: %s", err);
    int orders = 0, events = 0, actions = 0;
    for (int t = 0; t < r.turn_count; t++) {
        orders += r.turns[t].order_count;
        events += r.turns[t].event_count;
        actions += r.turns[t].action_count;
    }
    CHECK(orders > 10 && events > 0 && actions > 0, "orders %d, events %d, deal actions %d",
          orders, events, actions);
    CHECK(r.turns[11].hash == final && r.seat_count == 1, "the last hash is the game's");
    replay_free(&r);

    CHECK(run_replay(path, out, sizeof out) == 0 && strstr(out, "identical"),
          "the replay matches: %s", out);

    size_t len, at[64];
    unsigned char *buf = slurp(path, &len);
    int n = records(buf, len, at, 64);
    CHECK(n == 14, "start, 12 turns, end: %d records", n);
    snprintf(bad, sizeof bad, "%s/bad.cprep", tmp);

    /* a different hash at turn 7 (record 7), checksum fixed: it differs there */
    unsigned char *x = malloc(len);
    memcpy(x, buf, len);
    uint32_t body = bytes_get_u32(x + at[7] + 4);
    x[at[7] + 8 + body - 1] ^= 0x80;
    bytes_put_u64(x + at[7] + 8 + body, bytes_fnv1a(BYTES_FNV_BASIS, x + at[7], 8 + body));
    spit(bad, x, len);
    CHECK(run_replay(bad, out, sizeof out) == 1 && strstr(out, "differs at turn 7: hash"),
          "a changed hash: %s", out);

    /* an order of turn 3 that the world refuses: it differs there, and says why */
    memcpy(x, buf, len);
    body = bytes_get_u32(x + at[3] + 4);
    int norders = (int)bytes_get_u32(x + at[3] + 8 + 4);
    if (norders > 0) {
        bytes_put_u32(x + at[3] + 8 + 8 + 4, 77); /* the first order's nation */
        bytes_put_u64(x + at[3] + 8 + body, bytes_fnv1a(BYTES_FNV_BASIS, x + at[3], 8 + body));
        spit(bad, x, len);
        CHECK(run_replay(bad, out, sizeof out) == 1 &&
                  strstr(out, "differs at turn 3: its order 1") && strstr(out, "refused"),
              "a refused order: %s", out);
    }

    spit(bad, buf, at[13]); /* no end record: a game that was killed */
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "incomplete") &&
              strstr(out, "after turn 12"),
          "an unfinished recording: %s", out);
    spit(bad, buf, at[9] + 20); /* cut inside a record */
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "after turn 8"),
          "a recording cut mid-record: %s", out);
    memcpy(x, buf, len);
    x[at[5] + 30] ^= 4;
    spit(bad, x, len);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "checksum"), "a damaged byte: %s",
          out);
    spit(bad, (const unsigned char *)"CPREPLA", 7);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "truncated"), "7 bytes: %s", out);
    spit(bad, buf, 16);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "start record is missing"),
          "a header alone: %s", out);
    spit(bad, (const unsigned char *)"hello there, not a replay", 25);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "not a Chokepoint replay"),
          "a foreign file: %s", out);
    memcpy(x, buf, len);
    bytes_put_u32(x + 8, REPLAY_VERSION + 1);
    spit(bad, x, len);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "newer"), "a future version: %s",
          out);
    snprintf(bad, sizeof bad, "%s/none.cprep", tmp);
    CHECK(run_replay(bad, out, sizeof out) == 2 && strstr(out, "none.cprep"), "a missing file: %s",
          out);
    free(x);
    free(buf);
}

static void test_replay_from_save(void)
{
    char path[512], out[4096];
    cp_world *w = three_at(9, 5); /* a game loaded mid-way, with orders queued */
    inputs in = {0};
    inputs_seed(&in, 77, 9);
    inputs_turn(&in, w);
    snprintf(path, sizeof path, "%s/loaded.cprep", tmp);
    record(w, path, "three", 1, 15, 6, 1);
    cp_world_destroy(w);
    CHECK(run_replay(path, out, sizeof out) == 0 && strstr(out, "turns 10 to 24: identical"),
          "a replay from a save matches: %s", out);
}

/* ---- every nation on an agent ------------------------------------------------------- */

static void quiet_log(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

static void test_agents_continue_identically(void)
{
    static cp_scenario base;
    static cps_scenario_info info;
    char err[2048];
    CHECK(cps_scenario_load("baseline", &base, &info, err, sizeof err) == 0, "baseline: %s", err);
    cps_seat_opts opts = {0};
    opts.log = quiet_log;
    opts.quiet = 1;
    enum { TURNS = 10 };
    uint64_t straight[TURNS];
    int ks[] = {-1, 0, 4, 7}, orders = 0;
    for (size_t ki = 0; ki < sizeof ks / sizeof ks[0]; ki++) {
        for (int mid = 0; mid < (ks[ki] < 0 ? 1 : 2); mid++) {
            cp_error e;
            cp_world *w = cp_world_create(&base, 21, &e);
            /* the defaults, and agents whose decisions live in their memory */
            const char *assign[] = {"USA=example_planner", "JPN=example_planner",
                                    "DEU=example_planner", "KOR=example_planner",
                                    "IND=" CP_DATA_DIR "/tests/script/agents/memory_counter.lua"};
            cps_seats *s = cps_seats_create(w, &info, assign, 5, &opts, err, sizeof err);
            CHECK(s != NULL, "seats: %s", err);
            if (!s)
                return;
            int seated = 0;
            for (int i = 0; i < cp_world_nation_count(w); i++)
                seated += cps_seats_agent_path(s, i)[0] != 0;
            CHECK(seated == cp_world_nation_count(w), "every nation on an agent (%d)", seated);
            int first = -1;
            for (int t = 0; t < TURNS; t++) {
                int save_here = t == ks[ki];
                if (save_here && !mid) {
                    savefile_section *sec;
                    int n;
                    CHECK(save_seats_sections(s, w, &info, &sec, &n, err, sizeof err) == 0,
                          "seats to sections: %s", err);
                    unsigned char *buf;
                    size_t len;
                    savefile_encode(w, sec, n, &buf, &len, err, sizeof err);
                    save_seats_free(sec, n);
                    cps_seats_destroy(s);
                    cp_world_destroy(w);
                    savefile sf;
                    CHECK(savefile_decode(buf, len, "mem", "baseline", &sf, err, sizeof err) == 0,
                          "decode: %s", err);
                    free(buf);
                    w = sf.world;
                    sf.world = NULL;
                    s = save_seats_restore(&sf, w, &opts, err, sizeof err);
                    CHECK(s != NULL, "restore: %s", err);
                    savefile_free(&sf);
                    if (!s)
                        return;
                }
                cps_seats_run_turn(s);
                if (save_here && mid) {
                    savefile_section *sec;
                    int n;
                    save_seats_sections(s, w, &info, &sec, &n, err, sizeof err);
                    unsigned char *buf;
                    size_t len;
                    savefile_encode(w, sec, n, &buf, &len, err, sizeof err);
                    save_seats_free(sec, n);
                    cps_seats_destroy(s);
                    cp_world_destroy(w);
                    savefile sf;
                    CHECK(savefile_decode(buf, len, "mem", NULL, &sf, err, sizeof err) == 0,
                          "decode: %s", err);
                    free(buf);
                    w = sf.world;
                    sf.world = NULL;
                    s = save_seats_restore(&sf, w, &opts, err, sizeof err);
                    savefile_free(&sf);
                    if (!s)
                        return;
                }
                orders += cp_world_pending_count(w);
                cp_world_advance(w);
                if (ks[ki] < 0)
                    straight[t] = cp_world_hash(w);
                else if (first < 0 && cp_world_hash(w) != straight[t])
                    first = t + 1;
            }
            if (ks[ki] >= 0)
                CHECK(first < 0, "agents, saved at turn %d%s: differs from turn %d", ks[ki],
                      mid ? " after they played" : "", first);
            cps_seats_destroy(s);
            cp_world_destroy(w);
        }
    }
    printf("    %d orders from the agents in 7 games\n", orders);
    CHECK(orders > 100, "the agents played");
    cps_scenario_info_free(&info);
}

int main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/cp-savefile-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_round_trip_with_sections);
    RUN(test_refusals);
    RUN(test_autosave_rotation);
    RUN(test_replay_from_scenario);
    RUN(test_replay_from_save);
    RUN(test_agents_continue_identically);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    return DONE();
}
