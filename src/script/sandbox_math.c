/* sandbox_math.c -- math.sin, math.exp and the rest, the same on every machine.
 *
 * Lua's math library calls the C library's sin, cos, tan, asin, acos, atan,
 * exp and log, whose last bits differ between C libraries and machines: an
 * agent that computed with them could make the same seed give another game
 * elsewhere. Agents and scenarios get the core's own versions instead
 * (src/core/detmath.c), which give the same bits everywhere, to a few units
 * in the last place of the C library's. What stays machine-dependent is
 * listed in docs/agents.md ("Determinism"): chiefly the ^ operator, which
 * Lua's own code evaluates with the C library's pow.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "../core/chokepoint.h"
#include "sandbox.h"

static int m_sin(lua_State *L)
{
    lua_pushnumber(L, cp_sin(luaL_checknumber(L, 1)));
    return 1;
}

static int m_cos(lua_State *L)
{
    lua_pushnumber(L, cp_cos(luaL_checknumber(L, 1)));
    return 1;
}

static int m_tan(lua_State *L)
{
    lua_pushnumber(L, cp_tan(luaL_checknumber(L, 1)));
    return 1;
}

static int m_asin(lua_State *L)
{
    lua_pushnumber(L, cp_asin(luaL_checknumber(L, 1)));
    return 1;
}

static int m_acos(lua_State *L)
{
    lua_pushnumber(L, cp_acos(luaL_checknumber(L, 1)));
    return 1;
}

/* math.atan(y [, x]), as in Lua 5.4: the angle of (x, y), x = 1 by default */
static int m_atan(lua_State *L)
{
    lua_Number y = luaL_checknumber(L, 1), x = luaL_optnumber(L, 2, 1);
    lua_pushnumber(L, cp_atan2(y, x));
    return 1;
}

static int m_exp(lua_State *L)
{
    lua_pushnumber(L, cp_exp(luaL_checknumber(L, 1)));
    return 1;
}

/* math.log(x [, base]), as in Lua 5.4: bases 2 and 10 have their own */
static int m_log(lua_State *L)
{
    lua_Number x = luaL_checknumber(L, 1), r;
    if (lua_isnoneornil(L, 2)) {
        r = cp_log(x);
    } else {
        lua_Number base = luaL_checknumber(L, 2);
        if (base == 2.0)
            r = cp_log2(x);
        else if (base == 10.0)
            r = cp_log10(x);
        else
            r = cp_log(x) / cp_log(base);
    }
    lua_pushnumber(L, r);
    return 1;
}

void cps_math_open(lua_State *L)
{
    static const luaL_Reg fns[] = {{"sin", m_sin},   {"cos", m_cos},   {"tan", m_tan},
                                   {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan},
                                   {"exp", m_exp},   {"log", m_log},   {NULL, NULL}};
    lua_getglobal(L, LUA_MATHLIBNAME);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}
