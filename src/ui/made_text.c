/* made_text.c -- made in words for the nation panel and the end screen (made_text.h). The
 * figures are the session's (cpg_made_track_at); this file only words them. */
#include "made_text.h"

#include <stdio.h>
#include <string.h>

#include "play_internal.h"
#include "session.h"

int made_text(const ui_app *a, int nation, char *line, size_t len, char *parts, size_t plen)
{
    cpg_made m;
    line[0] = parts[0] = '\0';
    if (!a->made || cpg_made_track_at(a->made, a->world, nation, cp_world_turn(a->world), &m) != 0)
        return 2;
    int human = a->play && nation >= 0 && nation < CP_MAX_NATIONS && a->play->human[nation];
    /* the sign as shown: a total that rounds to 0.0 is neither a gain nor a loss */
    char num[32];
    snprintf(num, sizeof num, "%+.1f", m.total);
    int sign = strcmp(num + 1, "0.0") == 0 ? 0 : num[0] == '+' ? 1 : -1;
    if (sign == 0)
        snprintf(num, sizeof num, "0.0");
    snprintf(line, len, "%s decisions: %s points", human ? "Your" : "Its", num);
    size_t used = 0;
    for (int k = 0; k < CP_PART_COUNT && used < plen; k++)
        used += (size_t)snprintf(parts + used, plen - used, "%s%s %+.1f", k ? " \xC2\xB7 " : "",
                                 cp_score_part_name((cp_score_part)k), m.part[k]);
    return sign;
}
