/* view_list.c -- view.nations, view.facilities and view.markets: read-only tables of proxies. */
#include <lauxlib.h>

#include "view_internal.h"

/* view.nations, view.facilities and view.markets are tables, not proxies:
 * an empty front table whose metatable reads from a backing table of
 * proxies (an __index *table*, which the VM follows without calling C, so
 * ipairs over them is cheap), refuses writes and answers # and pairs. The
 * backing tables grow when facilities are added. */
static const char LISTS_KEY = 0; /* registry: { [kind] = front, [kind + 10] = backing } */

static int list_count(lua_State *L, int which)
{
    const cp_world *w = vw_world(L);
    return which == LIST_NATIONS ? cp_world_nation_count(w)
           : which == LIST_FACILITIES ? cp_world_facility_count(w)
                                      : CP_GOOD_COUNT;
}

static int list_len(lua_State *L)
{
    lua_pushinteger(L, list_count(L, (int)lua_tointeger(L, lua_upvalueindex(1))));
    return 1;
}

static int list_tostring(lua_State *L)
{
    static const char *const names[] = {"", "view.nations", "view.facilities", "view.markets"};
    lua_pushstring(L, names[lua_tointeger(L, lua_upvalueindex(1))]);
    return 1;
}

/* pairs: positions 1..n (markets: goods in chain order); upvalues: which,
 * backing table, position. */
static int list_next(lua_State *L)
{
    int which = (int)lua_tointeger(L, lua_upvalueindex(1));
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    cps_sandbox_charge(L, 1);
    if (pos > list_count(L, which))
        return 0;
    lua_pushinteger(L, pos);
    lua_replace(L, lua_upvalueindex(3));
    if (which == LIST_MARKETS)
        lua_pushstring(L, cp_good_name((cp_good)(pos - 1)));
    else
        lua_pushinteger(L, pos);
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(2));
    return 2;
}

static int list_pairs(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, list_next, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int list_newindex(lua_State *L)
{
    return luaL_error(L, "the view is read-only (change the world through act.* functions)");
}

/* Add to the backing table at the top what it lacks. */
static void list_fill(lua_State *L, int which)
{
    int b = lua_gettop(L);
    lua_Integer have = (lua_Integer)lua_rawlen(L, b);
    int n = list_count(L, which);
    /* not charged: each entry is made once in an agent's life, and a charge
     * here would differ between a game and the same game saved and loaded */
    for (lua_Integer i = have; i < n; i++) {
        if (which == LIST_NATIONS) {
            vw_push_canonical(L, CPS_CLS_NATION, (int)i);
            lua_pushvalue(L, -1);
            lua_setfield(L, b, cp_world_nation(vw_world(L), (int)i)->iso3);
        } else if (which == LIST_FACILITIES) {
            vw_push_canonical(L, CPS_CLS_FACILITY, (int)i);
        } else {
            vw_push_canonical(L, CPS_CLS_MARKET, (int)i);
            lua_pushvalue(L, -1);
            lua_setfield(L, b, cp_good_name((cp_good)i));
        }
        lua_rawseti(L, b, i + 1);
    }
}

void vw_push_list(lua_State *L, int which)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &LISTS_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &LISTS_KEY);
    }
    int lists = lua_gettop(L);
    if (lua_rawgeti(L, lists, which) == LUA_TTABLE) {
        if (which == LIST_FACILITIES) { /* facilities are added during the game */
            lua_rawgeti(L, lists, which + 10);
            if ((int)lua_rawlen(L, -1) < list_count(L, which))
                list_fill(L, which);
            lua_pop(L, 1);
        }
        lua_remove(L, lists);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L); /* backing */
    list_fill(L, which);
    int backing = lua_gettop(L);
    lua_newtable(L); /* front */
    lua_createtable(L, 0, 7);
    lua_pushvalue(L, backing);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, list_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushinteger(L, which);
    lua_pushcclosure(L, list_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushinteger(L, which);
    lua_pushcclosure(L, list_tostring, 1);
    lua_setfield(L, -2, "__tostring");
    lua_pushinteger(L, which);
    lua_pushvalue(L, backing);
    lua_pushcclosure(L, list_pairs, 2);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "the view is read-only");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, lists, which);
    lua_pushvalue(L, backing);
    lua_rawseti(L, lists, which + 10);
    lua_replace(L, lists); /* front where the lists table was */
    lua_settop(L, lists);
}

