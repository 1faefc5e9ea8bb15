/* policies.h -- a nation's policies, and others' controls on it, as lines of text with explanations (no SDL). */
#ifndef UI_POLICIES_H
#define UI_POLICIES_H

#include "chokepoint.h"

enum { POLICY_MAX_LINES = 48 };

typedef enum { TONE_PLAIN = 0, TONE_WARN, TONE_BAD, TONE_GOOD } policy_tone;

typedef struct {
    char text[400];
    char tip[900];
    policy_tone tone;
} policy_line;

/* What 'nation' has in force: export controls (mode, approval share,
 * suspensions), tariffs, quotas, export taxes, subsidies, price floors,
 * tracking and the technology ban. Returns the number of lines. */
int policy_lines(const cp_world *w, int nation, policy_line *out, int max);

/* Other nations' export controls that apply to 'nation' as a buyer. */
int policy_controls_on(const cp_world *w, int nation, policy_line *out, int max);

/* The most recent policy news about 'nation' and good 'good' (or any good
 * when 'good' < 0), or NULL. */
const cp_news *policy_last_news(const cp_world *w, int nation, int good);

#endif
