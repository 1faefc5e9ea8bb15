/* view_strict.c -- the view's fresh tables answer a misspelt field with an error, as its proxies do.
 *
 * History rows, news items, goals, score parts, the turn report and the
 * constants are plain tables an agent may keep, change and pass on. Left
 * bare, a typo in one of them (row.tresury_musd) or a field another
 * nation keeps private reads as nil, and the agent goes wrong quietly.
 * Each such table gets a metatable whose __index answers only for names
 * the table does not hold: a field of its class that is absent (an
 * optional one, or a private one of another nation) reads as nil or fails
 * naming the privacy, and any other name fails with the closest field
 * ("NationRow has no field 'tresury_musd' (did you mean
 * 'treasury_musd'?)"). Present fields are raw reads: nothing an agent
 * already reads costs more. The metatables are made when the view is, so
 * they are older than anything the agent makes (pairs orders tables by
 * age), and memory keeps a table that carries one as plain data.
 */
#include <lauxlib.h>

#include "api.h"
#include "suggest.h"
#include "view_internal.h"

static const char STRICT_KEY = 0; /* registry: { [slot] = metatable } */

/* Metatable slots: a class's own rows (full) and another nation's (public
 * only), then tables keyed by good or sector, then score parts. */
enum { SLOT_VECTOR = 2 * CPS_CLS_COUNT, SLOT_PARTS = SLOT_VECTOR + 8, SLOT_COUNT };

static const char *const part_names[] = {"security", "prosperity", "leverage", "stability", NULL};

/* Tables of numbers by good (slot SLOT_VECTOR) or by sector (the next). */
static int vector_slot(int vtype) { return SLOT_VECTOR + (vtype == CPS_V_BY_GOOD ? 0 : 1); }

/* __index of a strict table: upvalue 1 its slot. Called only for names the
 * table does not hold. */
static int strict_index(lua_State *L)
{
    int slot = (int)lua_tointeger(L, lua_upvalueindex(1));
    if (lua_type(L, 2) != LUA_TSTRING)
        return 0;
    const char *key = lua_tostring(L, 2);
    const char *names[80];
    int n = 0;
    const char *what = "this table";
    if (slot < SLOT_VECTOR) {
        int cls = slot / 2, full = slot % 2;
        const cps_class *c = &cps_classes[cls];
        int fi = cps_api_find_field((cps_class_id)cls, key);
        if (fi >= 0) {
            if (!full && c->fields[fi].visibility == CPS_PRIVATE)
                return luaL_error(L, "%s.%s of another nation is private: only that nation's own "
                                  "agent can read it", c->name, key);
            return 0; /* an optional field this one lacks */
        }
        for (int i = 0; i < c->nfields && n < 79; i++)
            names[n++] = c->fields[i].name;
        what = c->name;
    } else if (slot < SLOT_PARTS) {
        int vtype = slot == SLOT_VECTOR ? CPS_V_BY_GOOD : CPS_V_BY_SECTOR;
        for (int i = 0; i < vw_vector_count(vtype) && n < 79; i++)
            names[n++] = vw_vector_name(vtype, i);
        what = vtype == CPS_V_BY_GOOD ? "GoodTable" : "SectorTable";
    } else {
        for (int i = 0; part_names[i]; i++)
            names[n++] = part_names[i];
        what = "the score's parts";
    }
    names[n] = NULL;
    const char *near = cps_suggest(key, names);
    if (near)
        return luaL_error(L, "%s has no field '%s' (did you mean '%s'?)", what, key, near);
    return luaL_error(L, "%s has no field '%s' (fields: %s, %s, ...)", what, key, names[0],
                      n > 1 ? names[1] : "");
}

void vw_strict_init(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &STRICT_KEY) == LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_createtable(L, SLOT_COUNT, 0);
    for (int slot = 0; slot < SLOT_COUNT; slot++) {
        lua_createtable(L, 0, 2);
        lua_pushinteger(L, slot);
        lua_pushcclosure(L, strict_index, 1);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "a table of the view");
        lua_setfield(L, -2, "__metatable");
        lua_rawseti(L, -2, slot + 1);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, &STRICT_KEY);
}

static void set_slot(lua_State *L, int idx, int slot)
{
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &STRICT_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        return; /* no view yet (a tool's own state): stays a plain table */
    }
    lua_rawgeti(L, -1, slot + 1);
    lua_setmetatable(L, idx);
    lua_pop(L, 1);
}

void vw_strict(lua_State *L, int idx, cps_class_id cls, int full)
{
    set_slot(L, idx, 2 * (int)cls + (full ? 1 : 0));
}

void vw_strict_vector(lua_State *L, int idx, int vtype)
{
    set_slot(L, idx, vector_slot(vtype));
}

void vw_strict_parts(lua_State *L, int idx)
{
    set_slot(L, idx, SLOT_PARTS);
}

void cps_view_strict(lua_State *L, int idx, int cls)
{
    set_slot(L, idx, 2 * cls + 1);
}

int cps_view_is_strict_meta(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE || lua_rawgetp(L, LUA_REGISTRYINDEX, &STRICT_KEY) != LUA_TTABLE) {
        if (lua_type(L, idx) == LUA_TTABLE)
            lua_pop(L, 1);
        return 0;
    }
    int found = 0;
    for (int slot = 0; slot < SLOT_COUNT && !found; slot++) {
        lua_rawgeti(L, -1, slot + 1);
        found = lua_rawequal(L, -1, idx);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return found;
}
