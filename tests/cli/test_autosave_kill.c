/* test_autosave_kill.c -- an autosave killed at each step it takes on the
 * disk. The rotation promises "nothing lost, at most N kept" at every
 * moment, not only between autosaves: a process can die between any two
 * system calls. This test replaces rename() and unlink() in its own binary
 * (the savefile and file_io code is compiled into it) with versions that
 * count their calls and, in a forked child, end the process just before
 * the k-th one; for each k it then checks what a kill there leaves:
 * at most N finished autosaves, the newest of the game before the autosave
 * still there (or the new one), and the newest one loads.
 * tests/cli/test_kill.sh does the same with real SIGKILLs at random moments;
 * this one reaches every moment, every run. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "savefile.h"

enum { KEEP = 5, KILLED = 86 };

static long steps, die_at; /* die_at = 0: never */

static void step(void)
{
    if (die_at && ++steps == die_at)
        _exit(KILLED);
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "rename");
    step();
    return real(from, to);
}

int unlink(const char *path)
{
    static int (*real)(const char *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "unlink");
    step();
    return real(path);
}

/* The highest sequence number among the finished autosaves in 'dir', and
 * how many there are. */
static long newest(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    long best = -1;
    *count = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        long seq;
        int turn;
        char tail[16];
        if (sscanf(e->d_name, "autosave-three-%ld-t%d%15s", &seq, &turn, tail) == 3 &&
            strcmp(tail, ".cpsave") == 0) {
            (*count)++;
            if (seq > best)
                best = seq;
        }
    }
    if (d)
        closedir(d);
    return best;
}

static void empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
}

int main(void)
{
    char dir[] = "/tmp/cp-autosave-kill-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "a temporary folder");
    cp_scenario sc;
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 5);
    char err[1024], path[1024];
    int finished = 0;
    for (long k = 1; k < 100 && !finished; k++) {
        /* a game with KEEP autosaves, turns 1..KEEP */
        empty_dir(dir);
        cp_world *g = cp_world_clone(w);
        for (int t = 0; t < KEEP; t++) {
            cp_world_advance(g);
            CHECK(savefile_autosave(dir, g, NULL, 0, KEEP, NULL, 0, err, sizeof err) == 0,
                  "autosave: %s", err);
        }
        int before_count;
        long before = newest(dir, &before_count);
        CHECK(before == KEEP && before_count == KEEP, "%d autosaves to start from", before_count);
        cp_world_advance(g);
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            steps = 0;
            die_at = k;
            int r = savefile_autosave(dir, g, NULL, 0, KEEP, NULL, 0, err, sizeof err);
            _exit(r == 0 ? 0 : 1);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        CHECK(code == KILLED || code == 0, "killed at step %ld: the child ended with %d", k, code);
        finished = code == 0;

        int count;
        long now = newest(dir, &count);
        CHECK(count <= KEEP, "killed at step %ld: %d autosaves kept, at most %d", k, count, KEEP);
        CHECK(now >= before, "killed at step %ld: the newest autosave (%ld) is still there (%ld)",
              k, before, now);
        snprintf(path, sizeof path, "%s/autosave-three-%06ld-t%04ld.cpsave", dir, now, now);
        savefile sf;
        CHECK(savefile_read(path, "three", &sf, err, sizeof err) == 0 && sf.turn == now,
              "killed at step %ld: the newest loads: %s", k, err);
        savefile_free(&sf);
        if (finished)
            CHECK(now == KEEP + 1 && count == KEEP, "a finished autosave: %ld, %d kept", now,
                  count);
        else
            printf("killed before step %ld: %d autosaves, the newest turn %ld\n", k, count, now);
        cp_world_destroy(g);
    }
    CHECK(finished, "the autosave finishes when nothing kills it");
    empty_dir(dir);
    rmdir(dir);
    cp_world_destroy(w);
    return DONE();
}
