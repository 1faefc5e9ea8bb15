/* save_seats.c -- seats, agent sources and agent memories to save-file sections and back
 * (see save_seats.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "file_read.h"
#include "save_seats.h"
#include "script.h"

void save_seats_free(savefile_section *sections, int count)
{
    for (int i = 0; i < count; i++)
        free(sections[i].data);
    free(sections);
}

static int has_separator(const char *s)
{
    return strpbrk(s, "\t\n") != NULL;
}

/* A malloc'd copy of 'len' bytes (at least one byte allocated). */
static unsigned char *copy_of(const void *p, size_t len)
{
    unsigned char *c = malloc(len ? len : 1);
    if (c && len)
        memcpy(c, p, len);
    return c;
}

int save_seats_sections(cps_seats *seats, const cp_world *w, const cps_scenario_info *info,
                        savefile_section **out, int *count, char *err, size_t errlen)
{
    int n = cp_world_nation_count(w);
    savefile_section *s = calloc(2 * (size_t)n + 1, sizeof *s);
    size_t cap = 256 * ((size_t)n + 1), len = 0;
    char *text = malloc(cap);
    if (!s || !text) {
        free(s);
        free(text);
        snprintf(err, errlen, "out of memory saving the seats");
        return -1;
    }
    *out = s;
    *count = 1;
    snprintf(s[0].name, sizeof s[0].name, "seats");
    s[0].data = (unsigned char *)text;
    text[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *iso = cp_world_nation(w, i)->iso3;
        char agent[1100], dflt[1100];
        if (cps_path_for_save(cps_seats_agent_path(seats, i), agent, sizeof agent) != 0 ||
            cps_path_for_save(info ? info->agent[i] : "", dflt, sizeof dflt) != 0) {
            snprintf(err, errlen, "%s: its agent's path is too long", iso);
            goto fail;
        }
        if (has_separator(agent) || has_separator(dflt)) {
            snprintf(err, errlen, "%s: its agent's path holds a tab or a newline", iso);
            goto fail;
        }
        size_t src_len = 0;
        const char *src = cps_seats_agent_source(seats, i, &src_len);
        char sum[24] = ""; /* the agent's source's 64-bit FNV-1a */
        if (agent[0] && src)
            snprintf(sum, sizeof sum, "%016" PRIx64, bytes_fnv1a(BYTES_FNV_BASIS, src, src_len));
        size_t need = strlen(iso) + strlen(agent) + strlen(dflt) + strlen(sum) + 20;
        if (len + need + 1 > cap) {
            cap = 2 * (len + need + 1);
            char *grown = realloc(text, cap);
            if (!grown) {
                snprintf(err, errlen, "out of memory saving the seats");
                goto fail;
            }
            text = grown;
            s[0].data = (unsigned char *)text;
        }
        len += (size_t)snprintf(text + len, cap - len, "%s\t%s\t%s\t%s\t%d\n", iso, agent, dflt,
                                sum, agent[0] ? cps_seats_failures_in_row(seats, i) : 0);
        if (!agent[0])
            continue;
        /* the source it runs: the save plays on with it wherever the file went */
        if (src) {
            savefile_section *c = &s[(*count)++];
            snprintf(c->name, sizeof c->name, "source.%s", iso);
            if (!(c->data = copy_of(src, src_len))) {
                snprintf(err, errlen, "out of memory saving the seats");
                goto fail;
            }
            c->len = src_len;
        }
        savefile_section *m = &s[(*count)++];
        snprintf(m->name, sizeof m->name, "memory.%s", iso);
        char *mem = NULL;
        size_t mlen = 0;
        if (cps_seats_memory_save(seats, i, &mem, &mlen, err, errlen) != 0)
            goto fail;
        m->data = (unsigned char *)mem;
        m->len = mlen;
    }
    s[0].len = len;
    return 0;

fail:
    save_seats_free(s, *count);
    *out = NULL;
    *count = 0;
    return -1;
}

static void note(const cps_seat_opts *opts, const char *line)
{
    if (opts && opts->log)
        opts->log(opts->log_ud, line);
    else
        fprintf(stderr, "%s\n", line);
}

cps_seats *save_seats_restore(const savefile *sf, cp_world *w, const cps_seat_opts *opts,
                              char *err, size_t errlen)
{
    const savefile_section *sec = savefile_find(sf, "seats");
    if (!sec) {
        snprintf(err, errlen, "the save has no seats section");
        return NULL;
    }
    static cps_scenario_info info; /* large: kept off the stack */
    memset(&info, 0, sizeof info);
    /* per seat: the file it names ("" = none), whether the saved copy plays,
     * and its failures in a row */
    static char path[CP_MAX_NATIONS][1024];
    int from_copy[CP_MAX_NATIONS] = {0}, in_row[CP_MAX_NATIONS] = {0}, named[CP_MAX_NATIONS] = {0};
    for (int i = 0; i < CP_MAX_NATIONS; i++)
        path[i][0] = '\0';
    size_t pos = 0;
    while (pos < sec->len) {
        const unsigned char *line = sec->data + pos;
        const unsigned char *nl = memchr(line, '\n', sec->len - pos);
        size_t n = nl ? (size_t)(nl - line) : sec->len - pos;
        pos += n + 1;
        char buf[2400];
        if (n >= sizeof buf || memchr(line, '\0', n)) {
            snprintf(err, errlen, "the seats section is damaged");
            return NULL;
        }
        memcpy(buf, line, n);
        buf[n] = '\0';
        /* ISO3, agent, default; since save files of version 2 also the
         * checksum of the agent's source and its failures in a row */
        char *agent = strchr(buf, '\t');
        char *dflt = agent ? strchr(agent + 1, '\t') : NULL;
        if (!dflt) {
            snprintf(err, errlen, "the seats section is damaged");
            return NULL;
        }
        *agent++ = '\0';
        *dflt++ = '\0';
        char *sum = strchr(dflt, '\t');
        char *row = sum ? strchr(sum + 1, '\t') : NULL;
        if (sum)
            *sum++ = '\0';
        if (row)
            *row++ = '\0';
        int i = cp_world_find_nation(w, buf);
        if (i < 0 || named[i] || strlen(agent) >= 1024 || strlen(dflt) >= sizeof info.agent[i]) {
            snprintf(err, errlen, "the seats section names %s, not a nation of this game (or "
                     "twice)", buf);
            return NULL;
        }
        named[i] = 1;
        char dpath[1024];
        if (cps_path_from_save(agent, path[i], sizeof path[i]) != 0 ||
            cps_path_from_save(dflt, dpath, sizeof dpath) != 0) {
            snprintf(err, errlen, "the seats section names a path too long for %s", buf);
            return NULL;
        }
        snprintf(info.agent[i], sizeof info.agent[i], "%s", dpath);
        if (row) {
            char *end;
            long v = strtol(row, &end, 10);
            if (*end || v < 0 || v > 1000) {
                snprintf(err, errlen, "the seats section is damaged (%s's failures in a row)", buf);
                return NULL;
            }
            in_row[i] = (int)v;
        }
        const char *iso = cp_world_nation(w, i)->iso3;
        char name[SAVEFILE_NAME_MAX + 1], line_text[1400];
        snprintf(name, sizeof name, "source.%s", iso);
        const savefile_section *src = agent[0] ? savefile_find(sf, name) : NULL;
        /* read as every file is (file_read.h): a FIFO or device where the agent was is
         * refused at once, never waited on */
        unsigned char *now = NULL;
        size_t now_len = 0;
        char why[256] = "";
        int r = FILE_READ_MISSING;
        if (path[i][0] && src)
            r = file_read(path[i], src->len + 1, &now, &now_len, why, sizeof why);
        if (src && (r == FILE_READ_MISSING || r == FILE_READ_FAILED)) {
            /* the file is gone (a moved folder, a deleted copy) or no longer a file one can
             * read: the saved source plays */
            from_copy[i] = 1;
            if (r == FILE_READ_MISSING)
                snprintf(line_text, sizeof line_text, "%s: %s is not there any more; the copy "
                         "kept in the save plays", iso, agent);
            else
                snprintf(line_text, sizeof line_text, "%s: %s cannot be read (%s); the copy "
                         "kept in the save plays", iso, agent, why);
            note(opts, line_text);
        } else if (src && (r == FILE_READ_TOO_BIG ||
                           (r == FILE_READ_OK &&
                            (now_len != src->len || memcmp(now, src->data, now_len) != 0)))) {
            /* tell the player when it changed since the save */
            snprintf(line_text, sizeof line_text, "%s: %s changed since the game was saved; "
                     "the file as it is now plays", iso, path[i]);
            note(opts, line_text);
        }
        free(now);
    }
    /* the seats first, all empty: then each agent, which may come from the save */
    const char *none[CP_MAX_NATIONS];
    char none_text[CP_MAX_NATIONS][16];
    int count = cp_world_nation_count(w);
    for (int i = 0; i < count; i++) {
        snprintf(none_text[i], sizeof none_text[i], "%s=none", cp_world_nation(w, i)->iso3);
        none[i] = none_text[i];
    }
    cps_seats *seats = cps_seats_create(w, &info, none, count, opts, err, errlen);
    if (!seats)
        return NULL;
    for (int i = 0; i < count; i++) {
        char name[SAVEFILE_NAME_MAX + 1], why[1100];
        const char *iso = cp_world_nation(w, i)->iso3;
        if (path[i][0]) {
            snprintf(name, sizeof name, "source.%s", iso);
            const savefile_section *src = from_copy[i] ? savefile_find(sf, name) : NULL;
            if (cps_seats_restore(seats, i, path[i], src ? (const char *)src->data : NULL,
                                  src ? src->len : 0, in_row[i], why, sizeof why) != 0) {
                if (from_copy[i])
                    snprintf(err, errlen, "%s: the saved copy of its agent: %s", iso, why);
                else
                    snprintf(err, errlen, "--agent %s=%s: %s", iso, path[i], why);
                cps_seats_destroy(seats);
                return NULL;
            }
        }
        snprintf(name, sizeof name, "memory.%s", iso);
        const savefile_section *m = savefile_find(sf, name);
        if (m && cps_seats_memory_load(seats, i, (const char *)m->data, m->len, err, errlen) != 0) {
            cps_seats_destroy(seats);
            return NULL;
        }
    }
    return seats;
}
