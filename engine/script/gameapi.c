/*
 * gameapi.c -- the game handle `g` that callbacks receive. Reads go straight
 * to the game; changes go through core's game_cb_ functions, which refuse
 * them inside conditions. Names resolve through lookup tables built once,
 * so a callback costs a table lookup, not a search.
 */
#include <math.h>
#include <string.h>

#include "script_int.h"

#define IDS_KEY "crisisroom.ids"

static game *cur(lua_State *L)
{
    script *s = sbx_self(L);
    if (!s->g) luaL_error(L, "the game handle is used while no game is running");
    return s->g;
}

/* Resolve a name of a kind ("meter", "event", ...): every function that
   takes names of one kind holds that kind's table (name -> index) as its
   upvalue, so a lookup is one table access. */
static int lookup(lua_State *L, const char *kind, int arg)
{
    const char *name = luaL_checkstring(L, arg);
    lua_getfield(L, lua_upvalueindex(1), name);
    int isnum;
    lua_Integer i = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum)
        return luaL_error(L, "unknown %s '%s'",
                          strcmp(kind, "option") == 0 ? "option (event.option)" : kind, name);
    return (int)i;
}

static int check(lua_State *L, game *g, int rc)
{
    if (rc) return luaL_error(L, "%s", g->err);
    return 0;
}

/* Whole values come back as integers, so that "..' .. g:meter(x)" reads
   "60", not "60.0". */
static void push_value(lua_State *L, double v)
{
    if (v == (double)(lua_Integer)v && v > -9e15 && v < 9e15)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
}

static int g_meter(lua_State *L)
{
    game *g = cur(L);
    push_value(L, g->meter[lookup(L, "meter", 2)]);
    return 1;
}

static int g_history(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, "meter", 2);
    lua_Integer t = luaL_checkinteger(L, 3);
    luaL_argcheck(L, t >= 0 && t <= g->sc->nturns, 3, "turn out of range");
    push_value(L, game_history(g, m, (int)t));
    return 1;
}

static int g_chosen(lua_State *L)
{
    game *g = cur(L);
    int mv = lookup(L, "option", 2);
    int item = g->ev_item[g->sc->moves[mv].event];
    lua_pushboolean(L, item >= 0 && g->items[item].option == mv);
    return 1;
}

static int g_choice(lua_State *L)
{
    game *g = cur(L);
    int item = g->ev_item[lookup(L, "event", 2)];
    if (item < 0 || g->items[item].option < 0)
        lua_pushnil(L);
    else
        lua_pushstring(L, g->sc->moves[g->items[item].option].id);
    return 1;
}

static int g_delivered(lua_State *L)
{
    game *g = cur(L);
    lua_pushboolean(L, g->ev[lookup(L, "event", 2)] == EV_DELIVERED);
    return 1;
}

static int g_revealed(lua_State *L)
{
    game *g = cur(L);
    lua_pushboolean(L, g->card_turn[lookup(L, "card", 2)] != 0);
    return 1;
}

static int g_uses(lua_State *L)
{
    game *g = cur(L);
    lua_pushinteger(L, g->uses[lookup(L, "action", 2)]);
    return 1;
}

static int g_add(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, "meter", 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_add(g, m, v));
}

static int g_set(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, "meter", 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_set(g, m, v));
}

static int g_reveal(lua_State *L)
{
    game *g = cur(L);
    return check(L, g, game_cb_reveal(g, lookup(L, "card", 2)));
}

static int g_deliver(lua_State *L)
{
    game *g = cur(L);
    return check(L, g, game_cb_deliver(g, lookup(L, "event", 2)));
}

static int g_after(lua_State *L)
{
    game *g = cur(L);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= 0 && n <= CR_MAX_TURNS, 2, "turns out of range");
    return check(L, g, game_cb_after(g, (int)n, lookup(L, "event", 3)));
}

static int g_say(lua_State *L)
{
    game *g = cur(L);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    luaL_argcheck(L, len <= 4000, 2, "text longer than 4000 bytes");
    return check(L, g, game_cb_say(g, text));
}

static int g_finish(lua_State *L)
{
    game *g = cur(L);
    return check(L, g, game_cb_finish(g, lookup(L, "ending", 2)));
}

/* g:random(...) is math.random(...) without g. */
static int g_random(lua_State *L)
{
    lua_remove(L, 1);
    return sbx_random(L);
}

/* g.state ------------------------------------------------------------------- */

static int state_index(lua_State *L)
{
    game *g = cur(L);
    const val *v = kv_get(&g->state, luaL_checkstring(L, 2));
    if (!v)
        lua_pushnil(L);
    else if (v->type == VAL_NUM)
        lua_pushnumber(L, v->num);
    else if (v->type == VAL_BOOL)
        lua_pushboolean(L, v->num != 0);
    else
        lua_pushstring(L, v->str);
    return 1;
}

static int state_newindex(lua_State *L)
{
    game *g = cur(L);
    const char *key = luaL_checkstring(L, 2);
    luaL_argcheck(L, strlen(key) <= 64, 2, "state keys are at most 64 bytes");
    val v = {VAL_NIL, 0, NULL};
    switch (lua_type(L, 3)) {
    case LUA_TNIL:
        break;
    case LUA_TNUMBER:
        v.type = VAL_NUM;
        v.num = lua_tonumber(L, 3);
        if (v.num != v.num) return luaL_error(L, "g.state.%s: NaN cannot be stored", key);
        break;
    case LUA_TBOOLEAN:
        v.type = VAL_BOOL, v.num = lua_toboolean(L, 3);
        break;
    case LUA_TSTRING:
        v.type = VAL_STR;
        v.str = (char *)lua_tostring(L, 3);
        if (lua_rawlen(L, 3) > 4000) return luaL_error(L, "g.state.%s: string too long", key);
        break;
    default:
        return luaL_error(L,
                          "g.state.%s: only numbers, strings and booleans can be stored "
                          "(got %s)",
                          key, luaL_typename(L, 3));
    }
    return check(L, g, game_cb_state(g, key, &v));
}

/* g itself ------------------------------------------------------------------ */

/* Fields that are not methods (methods are found in a plain table first,
   without a call into C). */
static int g_index(lua_State *L)
{
    game *g = cur(L);
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "turn") == 0)
        lua_pushinteger(L, g->turn);
    else if (strcmp(k, "turns") == 0)
        lua_pushinteger(L, g->sc->nturns);
    else if (strcmp(k, "role") == 0)
        lua_pushstring(L, g->sc->roles[g->role].id);
    else if (strcmp(k, "variant") == 0)
        g->variant >= 0 ? lua_pushstring(L, g->sc->variants[g->variant].id) : lua_pushnil(L);
    else if (strcmp(k, "target") == 0)
        g->target ? lua_pushstring(L, g->target) : lua_pushnil(L);
    else if (strcmp(k, "ended") == 0)
        lua_pushboolean(L, g->ended);
    else
        return luaL_error(L, "g has no field '%s'", k);
    return 1;
}

static int g_newindex(lua_State *L)
{
    return luaL_error(L, "g.%s cannot be assigned; use g.state.%s for scenario state",
                      luaL_checkstring(L, 2), luaL_checkstring(L, 2));
}

/* g and g.state are userdata, not tables: rawset cannot plant fields in
   them (g.turn = 99 for every later callback), nor setmetatable replace
   their metatables. */
static void push_state_proxy(lua_State *L)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, state_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

static const char *const id_kinds[] = {"meter",  "event",  "card", "ending",
                                       "option", "action", NULL};

void gapi_open(script *s)
{
    static const struct {
        const char *name;
        lua_CFunction fn;
        const char *kind; /* of the names it takes */
    } methods[] = {{"meter", g_meter, "meter"},
                   {"history", g_history, "meter"},
                   {"chosen", g_chosen, "option"},
                   {"choice", g_choice, "event"},
                   {"delivered", g_delivered, "event"},
                   {"revealed", g_revealed, "card"},
                   {"uses", g_uses, "action"},
                   {"add", g_add, "meter"},
                   {"set", g_set, "meter"},
                   {"reveal", g_reveal, "card"},
                   {"deliver", g_deliver, "event"},
                   {"after", g_after, "event"},
                   {"say", g_say, NULL},
                   {"finish", g_finish, "ending"},
                   {"random", g_random, NULL}};
    lua_State *L = s->L;
    /* The id tables, empty until the scenario is built (gapi_index_ids). */
    lua_createtable(L, 0, 6);
    for (const char *const *k = id_kinds; *k; k++) {
        lua_newtable(L);
        lua_setfield(L, -2, *k);
    }
    int ids = lua_gettop(L);
    lua_newuserdatauv(L, 0, 0); /* g */
    lua_createtable(L, 0, 4);   /* its metatable */
    lua_createtable(L, 0, 16);  /* the methods */
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (methods[i].kind)
            lua_getfield(L, ids, methods[i].kind);
        else
            lua_pushnil(L);
        lua_pushcclosure(L, methods[i].fn, 1);
        lua_setfield(L, -2, methods[i].name);
    }
    /* g.state is one proxy for the life of the script: a plain field, read
       without a call into C (callbacks read it more than anything else). */
    push_state_proxy(L);
    lua_setfield(L, -2, "state");
    lua_createtable(L, 0, 1); /* the methods' own metatable: the other fields */
    lua_pushcfunction(L, g_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, g_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    s->g_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_setfield(L, LUA_REGISTRYINDEX, IDS_KEY);
}

void gapi_push(script *s)
{
    lua_rawgeti(s->L, LUA_REGISTRYINDEX, s->g_ref); /* every callback: no string lookup */
}

/* Fill the id table of a kind (created empty by gapi_open). */
static void fill_ids(lua_State *L, int ids, const char *kind, int n,
                     const char *(*name)(const def_scenario *, int), const def_scenario *sc)
{
    lua_getfield(L, ids, kind);
    for (int i = 0; i < n; i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, -2, name(sc, i));
    }
    lua_pop(L, 1);
}

static const char *nm_meter(const def_scenario *sc, int i)
{
    return sc->meters[i].id;
}
static const char *nm_event(const def_scenario *sc, int i)
{
    return sc->events[i].id;
}
static const char *nm_card(const def_scenario *sc, int i)
{
    return sc->cards[i].id;
}
static const char *nm_ending(const def_scenario *sc, int i)
{
    return sc->endings[i].id;
}

void gapi_index_ids(script *s)
{
    lua_State *L = s->L;
    const def_scenario *sc = s->sc;
    lua_getfield(L, LUA_REGISTRYINDEX, IDS_KEY);
    int ids = lua_gettop(L);
    fill_ids(L, ids, "meter", sc->nmeters, nm_meter, sc);
    fill_ids(L, ids, "event", sc->nevents, nm_event, sc);
    fill_ids(L, ids, "card", sc->ncards, nm_card, sc);
    fill_ids(L, ids, "ending", sc->nendings, nm_ending, sc);
    lua_getfield(L, ids, "option");
    lua_getfield(L, ids, "action");
    char path[160];
    for (int i = 0; i < sc->nmoves; i++) {
        lua_pushinteger(L, i);
        if (sc->moves[i].event < 0) {
            lua_setfield(L, -2, sc->moves[i].id);
        } else {
            def_move_path(sc, i, path, sizeof path);
            lua_setfield(L, -3, path);
        }
    }
    lua_settop(L, ids - 1);
}
