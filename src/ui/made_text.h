/* made_text.h -- the difference a seat's decisions made (made, docs/score.md) in words, as the
 * nation panel and the end screen show it: "Your decisions: +1.2 points" and its parts. */
#ifndef UI_MADE_TEXT_H
#define UI_MADE_TEXT_H

#include <stddef.h>

#include "app.h"

/* 'nation''s made at the last resolved quarter: the headline into 'line' ("Your decisions:
 * +1.2 points" for a seat a person plays, "Its decisions: ..." otherwise) and its parts into
 * 'parts' ("security +0.8 · prosperity +0.1 · ..."). Returns the sign of the total as shown
 * (1, 0 or -1), or 2 with empty texts when the window keeps no without-world for it. */
int made_text(const ui_app *a, int nation, char *line, size_t len, char *parts, size_t plen);

#endif
