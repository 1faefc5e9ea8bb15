/* difficulty.c -- the names of the difficulty levels (issue 22): how well the shipped
 * personalities play, as the flags, saves, replays and the window spell it and agents read it
 * in view.difficulty. One table, so every layer spells the three levels the same way. */
#include <assert.h>
#include <string.h>

#include "script.h"

static const char *const level_names[CPS_DIFFICULTY_COUNT] = {
    [CPS_DIFFICULTY_NORMAL] = "normal",
    [CPS_DIFFICULTY_EASY] = "easy",
    [CPS_DIFFICULTY_HARD] = "hard",
};

const char *cps_difficulty_name(cps_difficulty d)
{
    assert((int)d >= 0 && (int)d < CPS_DIFFICULTY_COUNT);
    if ((int)d < 0 || (int)d >= CPS_DIFFICULTY_COUNT)
        return "normal";
    return level_names[d];
}

int cps_difficulty_parse(const char *text, cps_difficulty *out)
{
    if (!text)
        return -1;
    for (int i = 0; i < CPS_DIFFICULTY_COUNT; i++)
        if (strcmp(text, level_names[i]) == 0) {
            *out = (cps_difficulty)i;
            return 0;
        }
    return -1;
}
