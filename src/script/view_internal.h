/* view_internal.h -- what view.c, view_list.c and view_fn.c share (prefix vw_). */
#ifndef CPS_VIEW_INTERNAL_H
#define CPS_VIEW_INTERNAL_H

#include <string.h>

#include <lua.h>

#include "agent.h"
#include "api.h"

/* view.nations, view.facilities, view.markets */
enum { LIST_NATIONS = 1, LIST_FACILITIES = 2, LIST_MARKETS = 3 };

/* view.c */
const cp_world *vw_world(lua_State *L);
/* Push the one proxy of a nation, facility or market (kind = its class). */
void vw_push_canonical(lua_State *L, int kind, int index);
/* Push a nation's ISO3 code (an interned string, no hashing). */
void vw_push_iso3(lua_State *L, int nation);
/* A nation or good named by argument 'arg', or raise an error. */
int vw_check_nation(lua_State *L, int arg);
int vw_check_good(lua_State *L, int arg);
/* 2 when argument 1 is a proxy (a call with ':'), else 1. */
int vw_first_arg(lua_State *L);
/* Entries of a table of numbers by good, sector, kind or stage. */
int vw_vector_count(int vtype);
const char *vw_vector_name(int vtype, int i);

/* Push a text of the world's (news, a deal in words, a name). Not with
 * lua_pushstring: that looks the C pointer up in a cache whose slots depend
 * on addresses, so whether a long string is made again -- and charged to the
 * agent (sandbox.c) -- would differ from process to process. */
static inline void vw_push_text(lua_State *L, const char *s)
{
    lua_pushlstring(L, s, strlen(s));
}

/* view_strict.c: the metatables that make the view's fresh tables refuse a
 * misspelt field (made once, when the view is); set one on the table at 'idx' */
void vw_strict_init(lua_State *L);
void vw_strict(lua_State *L, int idx, cps_class_id cls, int full);
void vw_strict_vector(lua_State *L, int idx, int vtype); /* by good or by sector */
void vw_strict_parts(lua_State *L, int idx);            /* security .. stability */

/* view_list.c */
void vw_push_list(lua_State *L, int which);

/* view_fn.c: the body of every view function (upvalues: code, owner nation) */
int vw_fn_call(lua_State *L);
/* view_seat.c: view.goals, view.score_parts, view.report */
int vw_seat_fn(lua_State *L, int code, int arg);
/* Push a nation's score parts at 'turn' (a fresh strict table); 0 and nothing pushed for a
 * turn not played. */
int vw_push_score_parts(lua_State *L, int nation, int turn);
/* view_forecast.c: view.forecast(orders [, quarters]); what a quarter of it is
 * charged, in VM instructions (the C time of one, measured: docs/benchmarks.md) */
#define CPS_FORECAST_QUARTER_INSTRUCTIONS 25000
int vw_forecast(lua_State *L, int arg);
/* view.constants, built once per agent */
void vw_push_constants(lua_State *L);

#endif
