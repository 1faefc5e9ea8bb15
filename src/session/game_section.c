/* game_section.c -- a save's "game" section to text and back (game_section.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_section.h"

int game_section_text(const game_section *g, char *buf, size_t len)
{
    int n = snprintf(buf, len, "length %d\ndifficulty %s\n", g->length,
                     cps_difficulty_name(g->difficulty));
    return n < 0 || (size_t)n >= len ? -1 : n;
}

int game_section_read(const savefile_section *sec, game_section *out, char *why, size_t whylen)
{
    out->length = 0;
    out->difficulty = CPS_DIFFICULTY_NORMAL;
    size_t pos = 0;
    while (sec && pos < sec->len) {
        const unsigned char *line = sec->data + pos;
        const unsigned char *nl = memchr(line, '\n', sec->len - pos);
        size_t n = nl ? (size_t)(nl - line) : sec->len - pos;
        pos += n + 1;
        char buf[128];
        if (n == 0)
            continue;
        if (n >= sizeof buf || memchr(line, '\0', n)) {
            snprintf(why, whylen, "the game section does not read");
            return -1;
        }
        memcpy(buf, line, n);
        buf[n] = '\0';
        if (strncmp(buf, "length ", 7) == 0) {
            char *end;
            errno = 0;
            long v = strtol(buf + 7, &end, 10);
            if (errno || end == buf + 7 || *end || v < 1 || v > GAME_SECTION_MAX_LENGTH) {
                snprintf(why, whylen, "the game section does not read (its length)");
                return -1;
            }
            out->length = (int)v;
        } else if (strncmp(buf, "difficulty ", 11) == 0) {
            if (cps_difficulty_parse(buf + 11, &out->difficulty) != 0) {
                /* the value as it is, its control bytes shown as '?' */
                char shown[48];
                snprintf(shown, sizeof shown, "%.40s", buf + 11);
                for (char *c = shown; *c; c++)
                    if ((unsigned char)*c < 0x20 || *c == 0x7f)
                        *c = '?';
                snprintf(why, whylen, "the game section's difficulty '%s' is not %s", shown,
                         CPS_DIFFICULTY_CHOICES);
                return -1;
            }
        }
    }
    return 0;
}
