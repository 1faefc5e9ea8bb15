/* tournament_snapshot.c -- a tournament plays the agent files as they were
 * when it started. Every match seats its agents afresh, loading their
 * files, and people edit files while a long tournament runs (a modder his
 * agent, a developer the shipped ones): without copies, a half-saved file
 * would stop the tournament, and a finished edit would mix two versions in
 * one ranking. So every agent file the matches load -- the agents under
 * test, the scenario's agents, those of --agent -- is copied once into a
 * private folder ($TMPDIR or /tmp) that the matches load from, and
 * messages name the original files again (tour_unsnap). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"
#include "script.h"
#include "batch.h"

enum { MAX_AGENT_BYTES = 16 << 20 };

static int write_copy(const char *path, const unsigned char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, len, f) != len;
    bad |= fclose(f) != 0;
    return bad ? -1 : 0;
}

/* The copy of the file at 'path' (made now unless it was already): its
 * index in t->copy, or -1 with a message. */
static int copy_of(tournament *t, const char *path, const char *display, char *err,
                   size_t errlen)
{
    for (int i = 0; i < t->copy_count; i++)
        if (strcmp(t->copy[i].path, path) == 0)
            return i;
    if (t->copy_count == TOUR_MAX_COPIES) {
        snprintf(err, errlen, "%s: too many agent files", display);
        return -1;
    }
    int i = t->copy_count;
    tour_copy *c = &t->copy[i];
    snprintf(c->path, sizeof c->path, "%s", path);
    snprintf(c->display, sizeof c->display, "%s", display);
    cps_file_stamp_of(path, &c->stamp);
    unsigned char *data = NULL;
    size_t len = 0;
    char why[1200];
    if (file_read_all(path, MAX_AGENT_BYTES, &data, &len, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s", why);
        return -1;
    }
    /* DIR/N/NAME.lua: the copy keeps the file's name, which agents see as
     * their default name */
    char sub[600], copy[sizeof c->copy];
    snprintf(sub, sizeof sub, "%s/%d", t->copy_dir, i + 1);
    const char *base = strrchr(path, '/');
    snprintf(copy, sizeof copy, "%s/%.400s", sub, base ? base + 1 : path);
    int rc = mkdir(sub, 0700) == 0 ? write_copy(copy, data, len) : -1;
    free(data);
    if (rc != 0) {
        snprintf(err, errlen, "%s: cannot copy it into %s", display, sub);
        return -1;
    }
    snprintf(c->copy, sizeof c->copy, "%s", copy);
    t->copy_count++;
    return i;
}

int tour_snapshot_take(tournament *t, int nations, char *err, size_t errlen)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(t->copy_dir, sizeof t->copy_dir, "%.400s/chokepoint-tournament-XXXXXX",
             tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(t->copy_dir)) {
        snprintf(err, errlen, "cannot make a folder for the agents' copies in %s",
                 tmp && tmp[0] ? tmp : "/tmp");
        t->copy_dir[0] = '\0';
        return -1;
    }
    char why[1400], path[1024], display[256];
    for (int k = 0; k < t->agent_count; k++) {
        tour_agent *a = &t->agent[k];
        int i = copy_of(t, a->path, a->display, why, sizeof why);
        if (i < 0) {
            snprintf(err, errlen, "--agents %s: %s", a->file, why);
            return -1;
        }
        snprintf(a->assign, sizeof a->assign, "%s=%s", t->seat_iso3, t->copy[i].copy);
    }
    t->play_info = *t->info; /* shares the heap strings: never freed through play_info */
    for (int n = 0; n < nations && n < CP_MAX_NATIONS; n++) {
        if (!t->info->agent[n][0])
            continue;
        if (cps_resolve_script("scripts/agents", t->info->agent[n], path, sizeof path, display,
                               sizeof display) != 0)
            snprintf(display, sizeof display, "%.255s", t->info->agent[n]);
        int i = copy_of(t, t->info->agent[n], display, why, sizeof why);
        if (i < 0) {
            snprintf(err, errlen, "the scenario's agent: %s", why);
            return -1;
        }
        snprintf(t->play_info.agent[n], sizeof t->play_info.agent[n], "%s", t->copy[i].copy);
    }
    for (int o = 0; o < t->other_count; o++) {
        const char *eq = strchr(t->others[o], '=');
        t->others_play[o] = t->others[o];
        if (!eq || strcmp(eq + 1, "none") == 0 ||
            cps_resolve_script("scripts/agents", eq + 1, path, sizeof path, display,
                               sizeof display) != 0)
            continue; /* malformed or empty: the seats will say so */
        int i = copy_of(t, path, display, why, sizeof why);
        if (i < 0) {
            snprintf(err, errlen, "--agent %s: %s", t->others[o], why);
            return -1;
        }
        snprintf(t->other_copy[o], sizeof t->other_copy[o], "%.*s%s", (int)(eq + 1 - t->others[o]),
                 t->others[o], t->copy[i].copy);
        t->others_play[o] = t->other_copy[o];
    }
    return 0;
}

void tour_snapshot_drop(tournament *t)
{
    if (!t->copy_dir[0])
        return;
    for (int i = 0; i < t->copy_count; i++) {
        char *c = t->copy[i].copy;
        unlink(c);
        char *slash = strrchr(c, '/');
        if (slash) {
            *slash = '\0';
            rmdir(c);
        }
        c[0] = '\0';
    }
    t->copy_count = 0;
    rmdir(t->copy_dir);
    t->copy_dir[0] = '\0';
}

void tour_snapshot_note_changes(const tournament *t, FILE *f)
{
    for (int i = 0; i < t->copy_count; i++) {
        cps_file_stamp now;
        cps_file_stamp_of(t->copy[i].path, &now);
        if (cps_file_stamp_changed(&now, &t->copy[i].stamp))
            fprintf(f, "chokepoint tournament: note: %s changed during the tournament; every "
                       "match played the version it had at the start, and the rows' commands "
                       "will play the new one\n", t->copy[i].display);
    }
}

/* How many bytes at 'in' name copy 'c': its whole path, or "..." and the
 * path's tail as Lua shortens long file names in messages (at least
 * "N/NAME", so that it is the copy); 0 when none. */
static size_t copy_named_at(const tour_copy *c, const char *in)
{
    size_t sl = strlen(c->copy);
    if (!sl)
        return 0;
    if (strncmp(in, c->copy, sl) == 0)
        return sl;
    if (strncmp(in, "...", 3) != 0)
        return 0;
    const char *name = strrchr(c->copy, '/');
    while (name > c->copy && name[-1] != '/')
        name--; /* back to "N/NAME" */
    size_t min = strlen(name) + 1;
    for (size_t len = sl; len >= min; len--)
        if (strncmp(in + 3, c->copy + sl - len, len) == 0)
            return len + 3;
    return 0;
}

void tour_unsnap(const tournament *t, const char *in, char *out, size_t cap)
{
    size_t n = 0;
    while (*in && n + 1 < cap) {
        size_t skip = 0;
        int i;
        for (i = 0; i < t->copy_count && !skip; i++)
            skip = copy_named_at(&t->copy[i], in);
        if (skip) {
            n += (size_t)snprintf(out + n, cap - n, "%s", t->copy[i - 1].display);
            if (n >= cap)
                n = cap - 1;
            in += skip;
        } else {
            out[n++] = *in++;
        }
    }
    out[n] = '\0';
}
