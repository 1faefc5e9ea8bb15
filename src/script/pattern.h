/* pattern.h -- a metered Lua-pattern matcher behind string.find/match/gmatch/gsub.
 *
 * Stock Lua matches patterns inside C, where no hook fires: a pattern such
 * as ".-.-.-.-x" against a long subject backtracks for minutes. This matcher
 * implements the same pattern language (Lua 5.4 manual, section 6.4.1) and
 * charges every step to the sandbox's instruction budget, so a backtracking
 * pattern ends like any other loop that runs out of budget.
 */
#ifndef CPS_PATTERN_H
#define CPS_PATTERN_H

#include <lua.h>

/* Replace find, match, gmatch and gsub in the string table. */
void cps_pattern_open(lua_State *L);

#endif
