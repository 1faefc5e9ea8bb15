/* suggest.h -- "did you mean ...?": the known name closest to a misspelt one. */
#ifndef CPS_SUGGEST_H
#define CPS_SUGGEST_H

/* The name in the NULL-terminated 'known' at most two edits from 'got'
 * (the closest one), or NULL. */
const char *cps_suggest(const char *got, const char *const *known);

#endif
