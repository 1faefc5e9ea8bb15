/* save_seats.c -- seats and agent memories to save-file sections and back
 * (see save_seats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "save_seats.h"

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

int save_seats_sections(cps_seats *seats, const cp_world *w, const cps_scenario_info *info,
                        savefile_section **out, int *count, char *err, size_t errlen)
{
    int n = cp_world_nation_count(w);
    savefile_section *s = calloc((size_t)n + 1, sizeof *s);
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
        const char *agent = cps_seats_agent_path(seats, i);
        const char *dflt = info ? info->agent[i] : "";
        if (has_separator(agent) || has_separator(dflt)) {
            snprintf(err, errlen, "%s: its agent's path holds a tab or a newline", iso);
            goto fail;
        }
        size_t need = strlen(iso) + strlen(agent) + strlen(dflt) + 4;
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
        len += (size_t)snprintf(text + len, cap - len, "%s\t%s\t%s\n", iso, agent, dflt);
        if (!agent[0])
            continue;
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
    char assign[CP_MAX_NATIONS][1100];
    const char *assign_ptr[CP_MAX_NATIONS];
    int assigned = 0;
    size_t pos = 0;
    while (pos < sec->len) {
        const unsigned char *line = sec->data + pos;
        const unsigned char *nl = memchr(line, '\n', sec->len - pos);
        size_t n = nl ? (size_t)(nl - line) : sec->len - pos;
        pos += n + 1;
        char buf[2200];
        if (n >= sizeof buf || memchr(line, '\0', n)) {
            snprintf(err, errlen, "the seats section is damaged");
            return NULL;
        }
        memcpy(buf, line, n);
        buf[n] = '\0';
        char *agent = strchr(buf, '\t');
        char *dflt = agent ? strchr(agent + 1, '\t') : NULL;
        if (!dflt) {
            snprintf(err, errlen, "the seats section is damaged");
            return NULL;
        }
        *agent++ = '\0';
        *dflt++ = '\0';
        int i = cp_world_find_nation(w, buf);
        if (i < 0 || assigned >= CP_MAX_NATIONS || strlen(agent) >= 1024 ||
            strlen(dflt) >= sizeof info.agent[i]) {
            snprintf(err, errlen, "the seats section names %s, not a nation of this game", buf);
            return NULL;
        }
        snprintf(info.agent[i], sizeof info.agent[i], "%.1023s", dflt);
        snprintf(assign[assigned], sizeof assign[assigned], "%s=%.1023s",
                 cp_world_nation(w, i)->iso3, agent[0] ? agent : "none");
        assign_ptr[assigned] = assign[assigned];
        assigned++;
    }
    cps_seats *seats = cps_seats_create(w, &info, assign_ptr, assigned, opts, err, errlen);
    if (!seats)
        return NULL;
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        char name[SAVEFILE_NAME_MAX + 1];
        snprintf(name, sizeof name, "memory.%s", cp_world_nation(w, i)->iso3);
        const savefile_section *m = savefile_find(sf, name);
        if (m && cps_seats_memory_load(seats, i, (const char *)m->data, m->len, err, errlen) != 0) {
            cps_seats_destroy(seats);
            return NULL;
        }
    }
    return seats;
}
